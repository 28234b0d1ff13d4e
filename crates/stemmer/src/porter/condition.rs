//! Porter's rule conditions (`(m>0)`, `*v*`, `*o`...), judged on the stem by the measure code,
//! and the mode sets a rule belongs to: what Porter supplies to the [`crate::suffix`] engine.

use super::Mode;
use super::measure::{contains_vowel, ends_cvc, is_consonant_at, measure_up_to};
use crate::letter::Letter;
use crate::suffix::{Judge, Variants};

/// What must hold of the stem (the word without the suffix) for a rule to fire.
#[derive(Clone, Copy, Debug)]
pub(super) enum Condition {
    /// No condition.
    Always,
    /// `(m>n)` on the stem.
    MeasureAbove(usize),
    /// `(m>n)` on the stem followed by the suffix's first letter: NLTK's `logi` rule and step
    /// 5b measure `word[:-3]` and `word[:-1]`, not the stem.
    MeasureWithNextAbove(usize),
    /// `(m>1 and (*s or *t))`, step 4's `ion` rule.
    MeasureAbove1EndingSOrT,
    /// `(m>1)` or `(m=1 and not *o)`, step 5a.
    MeasureAbove1OrOneWithoutCvc,
    /// `(*v*)`.
    ContainsVowel,
    /// NLTK's step 1c: the stem is longer than one letter and ends with a consonant.
    LongerThanOneEndingConsonant,
    /// The stem is a single letter: NLTK's `ies`/`ied` rules for four-letter words.
    SingleLetter,
}

/// Only NLTK's own extensions.
pub(super) const NLTK: Variants = Variants::of(&[Mode::Nltk as usize]);
/// Only Martin Porter's extensions.
pub(super) const MARTIN: Variants = Variants::of(&[Mode::Martin as usize]);
/// Only the original paper.
pub(super) const ORIGINAL: Variants = Variants::of(&[Mode::Original as usize]);
/// Both extended modes, not the original paper.
pub(super) const EXTENDED: Variants = Variants::except(&[Mode::Original as usize]);
/// The modes that keep the original `(*v*)` condition.
pub(super) const NOT_NLTK: Variants = Variants::except(&[Mode::Nltk as usize]);

impl Judge<Condition> for Mode {
    #[inline(always)]
    fn variant(&self) -> usize {
        *self as usize
    }

    fn holds<L: Letter>(&self, condition: &Condition, word: &[L], stem_len: usize) -> bool {
        let stem = &word[..stem_len];
        match *condition {
            Condition::Always => true,
            Condition::MeasureAbove(n) => measure_up_to(stem, n + 1) > n,
            Condition::MeasureWithNextAbove(n) => measure_up_to(&word[..=stem_len], n + 1) > n,
            Condition::MeasureAbove1EndingSOrT => {
                measure_up_to(stem, 2) > 1 && stem.last().is_some_and(|l| l.is(b's') || l.is(b't'))
            }
            Condition::MeasureAbove1OrOneWithoutCvc => match measure_up_to(stem, 2) {
                0 => false,
                1 => !ends_cvc(*self, stem),
                _ => true,
            },
            Condition::ContainsVowel => contains_vowel(stem),
            Condition::LongerThanOneEndingConsonant => {
                stem_len > 1 && is_consonant_at(stem, stem_len - 1)
            }
            Condition::SingleLetter => stem_len == 1,
        }
    }
}
