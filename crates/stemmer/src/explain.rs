//! What `stemkit explain` shows: the whole [`Explanation`] of one word through one algorithm,
//! built from the [`Step`]s a [`crate::trace::Recorder`] collected.

use std::fmt;

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

/// The table `stemkit explain` prints (and Python's `explain` shows): a heading line, one row per
/// step (`-` where no rule fired), then the stem, without a final newline.
///
/// ```
/// use stemkit_stemmer::{Algorithm, Stemmer};
///
/// let table = Stemmer::new(Algorithm::PorterNltk).explain("ponies").to_string();
/// assert!(table.starts_with("ponies (porter-nltk)\nstep"));
/// assert!(table.ends_with("stem: poni"));
/// ```
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rule = |step: &Step| step.rule.unwrap_or("-");
        let step_width = self.steps.iter().map(|s| s.step.len()).fold(4, usize::max);
        let rule_width = (self.steps.iter())
            .map(|s| rule(s).chars().count())
            .fold(4, usize::max);
        writeln!(f, "{} ({})", self.input, self.algorithm)?;
        writeln!(f, "{:step_width$}  {:rule_width$}  word", "step", "rule")?;
        for step in &self.steps {
            // Rust pads by characters, as the widths above count them.
            let (name, fired, word) = (step.step, rule(step), &step.word);
            writeln!(f, "{name:step_width$}  {fired:rule_width$}  {word}")?;
        }
        write!(f, "stem: {}", self.stem)
    }
}
