//! `verify`: align the pipeline's output with a reference stemmed file and report every difference.

use std::fmt;

use crate::pipeline::Pipeline;

/// The alignment of the pipeline's output with a reference; `Display` prints the human report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    /// Whether the title lines are equal.
    pub title_matches: bool,
    /// Tokens the pipeline produced from the raw document.
    pub produced: usize,
    /// Tokens in the reference.
    pub expected: usize,
    /// Tokens equal on both sides in the alignment.
    pub aligned: usize,
    /// Number of differing hunks.
    pub hunks: usize,
}

impl fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Runs `pipeline` over the `raw` document and aligns its tokens with the `stemmed` reference.
pub fn verify(pipeline: &mut Pipeline, raw: &str, stemmed: &str) -> VerifyReport {
    let _ = (pipeline, raw, stemmed);
    todo!("verify")
}
