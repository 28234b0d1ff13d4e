//! Porter2, Snowball's English stemmer, in its current and its 2.x (NLTK) revision.

use crate::explain::Tracer;

/// Which revision of Snowball English to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Revision {
    /// The current (2025, 3.x) revision.
    Current,
    /// The 2.x revision, exactly as NLTK's `SnowballStemmer("english")` computes it.
    Nltk,
}

/// Writes the stem of `word` into `out` (empty on entry).
pub(crate) fn stem<T: Tracer>(revision: Revision, word: &str, out: &mut String, tracer: &mut T) {
    let _ = (revision, tracer);
    out.push_str(&crate::lowercase::lowercase(word)); // placeholder until the algorithm lands
}
