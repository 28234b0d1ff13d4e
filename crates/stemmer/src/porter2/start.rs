//! The start of a Porter2 word: what the prelude does there (NLTK's revision reads ’ ‘ ‛ as `'`,
//! then a leading `'` goes) and how far into a word any rule reads from its start. The prelude
//! runs these; the giant-word stemmer ([`crate::giant_word`]) relies on the same facts to stem a
//! word it cannot hold whole.

use std::borrow::Cow;

use super::letter::Letter;
use super::revision::{LONGEST_REGION_PREFIX, Revision};
use crate::{Algorithm, Program};

/// How many letters from its start any rule reads of a word: a leading apostrophe, then the
/// longest of the prefixes that fix where R1 starts (`univers`). Past them, only the word's
/// vowel/consonant pattern and its last letters matter.
pub(crate) const START_READ: usize = 1 + LONGEST_REGION_PREFIX;

/// The revision of Porter2 `algorithm` computes, if it is a Porter2.
pub(crate) const fn revision_of(algorithm: Algorithm) -> Option<Revision> {
    match algorithm {
        // `english`, compiled from `english.sbl`, computes the same function.
        Algorithm::Porter2 | Algorithm::Snowball(Program::English) => Some(Revision::Current),
        Algorithm::Porter2Nltk => Some(Revision::Nltk),
        Algorithm::PorterNltk
        | Algorithm::PorterMartin
        | Algorithm::PorterOriginal
        | Algorithm::Snowball(_) => None,
    }
}

/// Reads ’ ‘ ‛ as `'` throughout `word` when `revision` does (NLTK's).
pub(super) fn read_apostrophes<L: Letter>(revision: Revision, word: &mut [L]) {
    if revision.reads_typographic_apostrophes() {
        for letter in word.iter_mut().filter(|l| l.is_typographic_apostrophe()) {
            *letter = L::from_ascii(b'\'');
        }
    }
}

/// [`read_apostrophes`] on text, such as a piece of a giant word: the same letters change.
pub(crate) fn read_apostrophes_in(revision: Revision, text: &str) -> Cow<'_, str> {
    let typographic = |letter: char| letter.is_typographic_apostrophe();
    if revision.reads_typographic_apostrophes() && text.contains(typographic) {
        text.replace(typographic, "'").into()
    } else {
        text.into()
    }
}

/// Drops a leading `'` from `word` (after [`read_apostrophes`]); whether there was one.
pub(super) fn drop_leading_apostrophe<L: Letter>(word: &mut Vec<L>) -> bool {
    let leading = starts_with_apostrophe(word);
    if leading {
        word.remove(0);
    }
    leading
}

/// How many letters [`drop_leading_apostrophe`] drops from a word starting with `start`
/// (after [`read_apostrophes_in`]).
pub(crate) fn dropped_at_start(start: &str) -> usize {
    let letters: Vec<char> = start.chars().take(1).collect();
    usize::from(starts_with_apostrophe(&letters))
}

/// Whether `word` starts with `'`.
fn starts_with_apostrophe<L: Letter>(word: &[L]) -> bool {
    word.first().is_some_and(|letter| letter.is(b'\''))
}
