//! What `stemkit explain` shows: the whole [`Explanation`] of one word through one algorithm,
//! built from the [`Step`]s a [`crate::trace::Recorder`] collected.

use crate::Algorithm;
use crate::trace::Step;

/// The whole trace of one word through one algorithm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The algorithm traced.
    pub algorithm: Algorithm,
    /// The word as given.
    pub input: String,
    /// The steps in order; each holds the word as it stood after it.
    pub steps: Vec<Step>,
    /// The final stem, equal to what [`crate::Stemmer::stem`] returns.
    pub stem: String,
}
