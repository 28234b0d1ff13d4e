//! The Porter stemmer in NLTK's three modes.

use crate::explain::Tracer;

/// Which of NLTK's `PorterStemmer` modes to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `NLTK_EXTENSIONS`, the default.
    Nltk,
    /// `MARTIN_EXTENSIONS`.
    Martin,
    /// `ORIGINAL_ALGORITHM`.
    Original,
}

/// Writes the stem of `word` into `out` (empty on entry).
pub(crate) fn stem<T: Tracer>(mode: Mode, word: &str, out: &mut String, tracer: &mut T) {
    let _ = (mode, tracer);
    out.push_str(&crate::lowercase::lowercase(word)); // placeholder until the algorithm lands
}
