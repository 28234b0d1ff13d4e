//! R1 and R2, the word's ends where suffixes may be removed, and how each revision moves them
//! when the word is edited.

use super::letter::{Letter, after_vowel_consonant, starts_with};
use super::revision::Revision;

/// Where R1 and R2 start, as positions in the word. A region is empty when its start is at or
/// past the word's end.
#[derive(Clone, Copy, Debug)]
pub(super) struct Regions {
    r1: usize,
    r2: usize,
}

/// What NLTK sets a region to when an edit reaches before its start (it slices strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Leftover {
    /// The empty string, the usual case.
    Nothing,
    /// The string `"e"`: NLTK's step 2 does this to R2 for `-ation`, `-ator`, `-iveness`...
    E,
}

impl Regions {
    /// Marks R1 and R2 in `word` (after the prelude).
    pub(super) fn mark<L: Letter>(revision: Revision, word: &[L]) -> Self {
        let prefix = revision
            .region_prefixes()
            .iter()
            .find(|prefix| starts_with(word, prefix));
        let r1 = match prefix {
            Some(prefix) => prefix.len(),
            None => after_vowel_consonant(word, 0),
        };
        let r2 = after_vowel_consonant(word, r1);
        Regions { r1, r2 }
    }

    /// Whether R1 holds the last `length` letters of a word `word_length` long.
    #[inline]
    pub(super) fn r1_holds(self, length: usize, word_length: usize) -> bool {
        self.r1 + length <= word_length
    }

    /// Whether R2 holds the last `length` letters of a word `word_length` long.
    #[inline]
    pub(super) fn r2_holds(self, length: usize, word_length: usize) -> bool {
        self.r2 + length <= word_length
    }

    /// Whether R1 starts exactly at the end of a word `word_length` long.
    #[inline]
    pub(super) fn r1_starts_at(self, word_length: usize) -> bool {
        self.r1 == word_length
    }

    /// Follows an edit that removed the last `removed` letters of a word `old_length` long and
    /// then appended `added` letters. Snowball's regions are fixed positions and never move.
    /// NLTK slices its region strings along with the word: a region at least `removed` long
    /// loses those letters and gains the new ones, a shorter one becomes `leftover` for R2 and
    /// empty for R1.
    pub(super) fn follow_edit(
        &mut self,
        revision: Revision,
        old_length: usize,
        removed: usize,
        added: usize,
        leftover: Leftover,
    ) {
        if !revision.keeps_regions_as_strings() {
            return;
        }
        let new_length = old_length.saturating_sub(removed) + added;
        let follow = |start: usize, leftover: usize| {
            let length = old_length.saturating_sub(start);
            let length = if length >= removed {
                length - removed + added
            } else {
                leftover
            };
            new_length.saturating_sub(length)
        };
        self.r1 = follow(self.r1, 0);
        self.r2 = follow(self.r2, if leftover == Leftover::E { 1 } else { 0 });
    }

    /// Follows step 1b's `+e` after `at`, `bl`, `iz`, the word now `new_length` long. NLTK grows
    /// R1 by the `e` always, and R2 only when the word is longer than five letters or R1 is at
    /// least three long: a rough guess at whether R2 reaches the end.
    pub(super) fn follow_restored_e(&mut self, revision: Revision, new_length: usize) {
        if !revision.keeps_regions_as_strings() {
            return;
        }
        let r1_length = new_length.saturating_sub(self.r1);
        if !(new_length > 5 || r1_length >= 3) {
            self.r2 += 1;
        }
    }

    /// Follows step 1b's `+e` after a short syllable, the word now `new_length` long. NLTK only
    /// adds it when R1 is empty, and grows a region by the `e` only when it is not empty.
    pub(super) fn follow_short_syllable_e(&mut self, revision: Revision, new_length: usize) {
        if !revision.keeps_regions_as_strings() {
            return;
        }
        let old_length = new_length - 1;
        for start in [&mut self.r1, &mut self.r2] {
            if *start >= old_length {
                *start = new_length;
            }
        }
    }
}
