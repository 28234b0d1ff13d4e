//! Porter2's rule conditions (the region a suffix must lie in, and the tests Snowball writes
//! after it), how NLTK spells each edit (which moves its regions), and the [`Judge`] that reads
//! them: what Porter2 supplies to the [`crate::suffix`] engine.

use super::letter::{Letter, ends_with, has_vowel};
use super::regions::{Leftover, Regions};
use super::revision::Revision;
use crate::suffix::{Judge, Rule, Variants};

/// What must hold for a Porter2 rule to fire beyond the word ending with its suffix, and how
/// NLTK spells its edit.
#[derive(Clone, Copy, Debug)]
pub(super) struct When {
    /// The region that must hold the suffix.
    region: Region,
    /// What else must hold.
    test: Test,
    /// How NLTK spells the edit.
    shape: Shape,
}

/// Where the suffix must lie.
#[derive(Clone, Copy, Debug)]
enum Region {
    /// Anywhere in the word.
    Word,
    /// In R1.
    R1,
    /// In R2.
    R2,
}

/// A test beyond the region, on the letters before the suffix.
#[derive(Clone, Copy, Debug)]
pub(super) enum Test {
    /// None.
    Always,
    /// Never: the suffix matches, so no shorter one is tried, and the word stays as it is
    /// (Snowball's `among` entries without an action, such as step 1a's `us` and `ss`).
    Never,
    /// The letter before the suffix is one of these.
    After(&'static [u8]),
    /// R2 holds the suffix too.
    InR2,
    /// The letters before the suffix hold a vowel (`gopast v`).
    VowelBefore,
    /// The letters before the suffix, less the last, hold a vowel (`next gopast v`).
    VowelNotJustBefore,
    /// At least two letters come before the suffix (`hop 2`).
    TwoLettersBefore,
    /// A non-vowel that is not the word's first letter comes before the suffix.
    AfterNonVowelNotFirst,
    /// The letters before the suffix do not end in a short syllable (step 5's `not shortv`).
    NotAfterShortSyllable,
}

/// How NLTK spells a replacement, which only matters to its region bookkeeping: the word comes
/// out the same either way.
#[derive(Clone, Copy, Debug)]
pub(super) enum Shape {
    /// Trims the letters the suffix and its replacement do not share (`tional` -> `tion` drops
    /// two letters), as NLTK's `word[:-2]` does.
    Trim,
    /// Replaces the whole suffix, as NLTK's `suffix_replace` does.
    Whole,
    /// Replaces the whole suffix, and leaves R2 as `"e"` when it was shorter than the suffix.
    WholeLeavingE,
    /// Adds an `e` (step 1b's `at`, `bl`, `iz`), which NLTK's regions follow their own way.
    RestoredE,
    /// Changes a letter in place; NLTK's regions do not move.
    InPlace,
}

/// The suffix may lie anywhere.
pub(super) const fn anywhere(shape: Shape) -> When {
    When {
        region: Region::Word,
        test: Test::Always,
        shape,
    }
}

/// The suffix must lie in R1.
pub(super) const fn r1(shape: Shape) -> When {
    When {
        region: Region::R1,
        ..anywhere(shape)
    }
}

/// The suffix must lie in R2.
pub(super) const fn r2(shape: Shape) -> When {
    When {
        region: Region::R2,
        ..anywhere(shape)
    }
}

impl When {
    /// This condition, and `test`.
    pub(super) const fn and(self, test: Test) -> When {
        When { test, ..self }
    }
}

/// Only in the current revision (Snowball 3).
pub(super) const SNOWBALL3: Variants = Variants::of(&[Revision::Current as usize]);

/// A word's revision and regions: what Porter2's conditions are judged against.
pub(super) struct Context {
    pub(super) revision: Revision,
    pub(super) regions: Regions,
}

impl Judge<When> for Context {
    #[inline(always)]
    fn variant(&self) -> usize {
        self.revision as usize
    }

    #[inline(always)]
    fn holds<L: Letter>(&self, when: &When, word: &[L], stem_len: usize) -> bool {
        let (length, suffix_len) = (word.len(), word.len() - stem_len);
        let in_region = match when.region {
            Region::Word => true,
            Region::R1 => self.regions.r1_holds(suffix_len, length),
            Region::R2 => self.regions.r2_holds(suffix_len, length),
        };
        in_region
            && match when.test {
                Test::Always => true,
                Test::Never => false,
                Test::After(letters) => stem_len > 0 && word[stem_len - 1].is_in(letters),
                Test::InR2 => self.regions.r2_holds(suffix_len, length),
                Test::VowelBefore => has_vowel(&word[..stem_len]),
                Test::VowelNotJustBefore => has_vowel(&word[..stem_len.saturating_sub(1)]),
                Test::TwoLettersBefore => stem_len >= 2,
                Test::AfterNonVowelNotFirst => {
                    stem_len >= 2 && !word[stem_len - 1].is_snowball_vowel()
                }
                Test::NotAfterShortSyllable => !self.is_short_before_e(&word[..stem_len]),
            }
    }

    #[inline(always)]
    fn fired(&mut self, rule: &Rule<When>, old_length: usize) {
        if self.revision.keeps_regions_as_strings() {
            self.follow(rule, old_length);
        }
    }
}

impl Context {
    /// Moves NLTK's regions along the edit `rule` made to a word `old_length` long.
    fn follow(&mut self, rule: &Rule<When>, old_length: usize) {
        let (suffix, replacement) = (rule.suffix, rule.replacement);
        let (kept, leftover) = match rule.condition.shape {
            Shape::InPlace => return,
            Shape::RestoredE => {
                let new_length = old_length - suffix.len() + replacement.len();
                return self.regions.follow_restored_e(self.revision, new_length);
            }
            Shape::Trim => (shared_prefix(suffix, replacement), Leftover::Nothing),
            Shape::Whole => (0, Leftover::Nothing),
            Shape::WholeLeavingE => (0, Leftover::E),
        };
        self.regions.follow_edit(
            self.revision,
            old_length,
            suffix.len() - kept,
            replacement.len() - kept,
            leftover,
        );
    }

    /// Whether `stem`, the letters before a final `e`, ends in a short syllable, for step 5.
    fn is_short_before_e<L: Letter>(&self, stem: &[L]) -> bool {
        (self.revision.short_words_end_short() && stem.len() < 3)
            || is_short_syllable(self.revision, stem)
    }
}

/// Whether `stem` ends in a short syllable: a non-vowel other than `w`, `x`, `Y` after a
/// vowel after a non-vowel, or a vowel then a non-vowel that are the whole stem (and, in
/// Snowball 3, `past`).
pub(super) fn is_short_syllable<L: Letter>(revision: Revision, stem: &[L]) -> bool {
    match stem {
        [.., a, b, c]
            if !a.is_snowball_vowel()
                && b.is_snowball_vowel()
                && !c.is_snowball_vowel()
                && !c.is_in(b"wxY") =>
        {
            true
        }
        [a, b] => a.is_snowball_vowel() && !b.is_snowball_vowel(),
        _ => revision.past_is_short() && ends_with(stem, b"past"),
    }
}

/// How many leading bytes `a` and `b` share.
fn shared_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}
