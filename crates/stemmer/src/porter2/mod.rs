//! Porter2, Snowball's English stemmer, in its current and its 2.x (NLTK) revision.
//!
//! One implementation serves both revisions: their differences are word lists and a few named
//! predicates on [`Revision`]. Words are lowercased as Python's `str.lower()` does, then stemmed
//! as bytes when ASCII (the fast path, inside the caller's buffer) or as chars otherwise.

mod condition;
mod letter;
mod regions;
mod revision;
mod start;
mod steps;
#[cfg(test)]
mod tests;

use crate::letter::{Case, Steps, stem_in_case};
use crate::trace::Tracer;

pub(crate) use revision::Revision;
pub(crate) use start::{START_READ, dropped_at_start, read_apostrophes_in, revision_of};

/// Writes the stem of `word` into `out` (empty on entry), lowercased first or as given.
pub(crate) fn stem<T: Tracer>(
    revision: Revision,
    case: Case,
    word: &str,
    out: &mut String,
    tracer: &mut T,
) {
    stem_in_case(case, word, out, &mut Porter2Steps { revision, tracer });
}

/// The Porter2 steps of one revision, for one word.
struct Porter2Steps<'t, T> {
    revision: Revision,
    tracer: &'t mut T,
}

impl<T: Tracer> Steps for Porter2Steps<'_, T> {
    fn run<L: letter::Letter>(&mut self, word: &mut Vec<L>) {
        steps::stem_letters(self.revision, word, self.tracer);
    }
}
