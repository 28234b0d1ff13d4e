//! Porter2, Snowball's English stemmer, in its current and its 2.x (NLTK) revision.
//!
//! One implementation serves both revisions: their differences are word lists and a few named
//! predicates on [`Revision`]. Words are lowercased as Python's `str.lower()` does, then stemmed
//! as bytes when ASCII (the fast path, inside the caller's buffer) or as chars otherwise.

mod letter;
mod regions;
mod revision;
mod rules;
mod steps;
#[cfg(test)]
mod tests;

use crate::explain::Tracer;
use crate::lowercase::lowercase;

pub(crate) use revision::Revision;

/// Writes the stem of `word` into `out` (empty on entry).
pub(crate) fn stem<T: Tracer>(revision: Revision, word: &str, out: &mut String, tracer: &mut T) {
    if word.is_ascii() {
        stem_ascii(revision, word.as_bytes(), out, tracer);
        return;
    }
    let lower = lowercase(word);
    // Lowercasing can make a word ASCII (the Kelvin sign becomes `k`).
    if lower.is_ascii() {
        stem_ascii(revision, lower.as_bytes(), out, tracer);
    } else {
        stem_chars(revision, &lower, out, tracer);
    }
}

/// Stems an ASCII word as bytes, inside `out`'s own buffer: no allocation once it is large enough.
fn stem_ascii<T: Tracer>(revision: Revision, word: &[u8], out: &mut String, tracer: &mut T) {
    let mut letters = std::mem::take(out).into_bytes();
    letters.clear();
    letters.extend_from_slice(word);
    letters.make_ascii_lowercase();
    steps::stem_letters(revision, &mut letters, tracer);
    // The steps only ever write ASCII letters, so this never fails; were it to, nothing panics.
    *out = String::from_utf8(letters)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
}

/// Stems a lowercased word with non-ASCII letters as chars (code points, as the references do).
fn stem_chars<T: Tracer>(revision: Revision, word: &str, out: &mut String, tracer: &mut T) {
    let mut letters: Vec<char> = word.chars().collect();
    steps::stem_letters(revision, &mut letters, tracer);
    out.extend(letters);
}
