//! Suffix rules and the two ways NLTK applies them.
//!
//! A rule is data: suffix, replacement, condition on the stem, the modes it belongs to and a
//! readable name for `explain`. The step functions hold tables of rules; this module decides
//! whether a rule matches and fires.

use super::Mode;
use super::measure::{contains_vowel, ends_cvc, is_consonant_at, measure_up_to};
use crate::letter::{Letter, ends_with};

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

impl Condition {
    /// Whether the condition holds of the first `stem_len` letters of `word`.
    fn holds<L: Letter>(self, mode: Mode, word: &[L], stem_len: usize) -> bool {
        let stem = &word[..stem_len];
        match self {
            Condition::Always => true,
            Condition::MeasureAbove(n) => measure_up_to(stem, n + 1) > n,
            Condition::MeasureWithNextAbove(n) => measure_up_to(&word[..=stem_len], n + 1) > n,
            Condition::MeasureAbove1EndingSOrT => {
                measure_up_to(stem, 2) > 1 && stem.last().is_some_and(|l| l.is(b's') || l.is(b't'))
            }
            Condition::MeasureAbove1OrOneWithoutCvc => match measure_up_to(stem, 2) {
                0 => false,
                1 => !ends_cvc(mode, stem),
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

/// The modes a rule belongs to.
#[derive(Clone, Copy, Debug)]
pub(super) enum Modes {
    /// All three.
    All,
    /// Only NLTK's own extensions.
    Nltk,
    /// Only Martin Porter's extensions.
    Martin,
    /// Only the original paper.
    Original,
    /// Both extended modes, not the original paper.
    Extended,
    /// The modes that keep the original `(*v*)` condition.
    NotNltk,
}

impl Modes {
    const fn contain(self, mode: Mode) -> bool {
        match self {
            Modes::All => true,
            Modes::Nltk => matches!(mode, Mode::Nltk),
            Modes::Martin => matches!(mode, Mode::Martin),
            Modes::Original => matches!(mode, Mode::Original),
            Modes::Extended => !matches!(mode, Mode::Original),
            Modes::NotNltk => !matches!(mode, Mode::Nltk),
        }
    }
}

/// One suffix rule: `condition` `suffix` -> `replacement`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rule {
    pub(super) suffix: &'static [u8],
    pub(super) replacement: &'static [u8],
    pub(super) condition: Condition,
    pub(super) modes: Modes,
    /// How `explain` shows the rule, such as `(m>0) ational -> ate`.
    pub(super) name: &'static str,
}

/// Builds a [`Rule`] and its name from the parts as the paper writes them.
macro_rules! rule {
    ($shown:literal $suffix:literal -> "", $condition:expr) => {
        rule!($shown $suffix -> "", $condition, $crate::porter::rules::Modes::All)
    };
    ($shown:literal $suffix:literal -> "", $condition:expr, $modes:expr) => {
        $crate::porter::rules::Rule {
            suffix: $suffix.as_bytes(),
            replacement: b"",
            condition: $condition,
            modes: $modes,
            name: concat!($shown, $suffix, " ->"),
        }
    };
    ($shown:literal $suffix:literal -> $replacement:literal, $condition:expr) => {
        rule!($shown $suffix -> $replacement, $condition, $crate::porter::rules::Modes::All)
    };
    ($shown:literal $suffix:literal -> $replacement:literal, $condition:expr, $modes:expr) => {
        $crate::porter::rules::Rule {
            suffix: $suffix.as_bytes(),
            replacement: $replacement.as_bytes(),
            condition: $condition,
            modes: $modes,
            name: concat!($shown, $suffix, " -> ", $replacement),
        }
    };
}
pub(super) use rule;

/// What applying rules did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// A rule matched and fired: its name.
    Fired(&'static str),
    /// A rule's suffix matched but its condition failed; the word is unchanged.
    Refused,
    /// No rule's suffix matched.
    NoMatch,
}

impl Outcome {
    /// The name of the rule that fired, if one did.
    pub(super) fn fired(self) -> Option<&'static str> {
        match self {
            Outcome::Fired(name) => Some(name),
            Outcome::Refused | Outcome::NoMatch => None,
        }
    }
}

/// Replaces the last `suffix_len` letters of `word` with `replacement`.
pub(super) fn replace_suffix<L: Letter>(word: &mut Vec<L>, suffix_len: usize, replacement: &[u8]) {
    word.truncate(word.len() - suffix_len);
    word.extend(replacement.iter().map(|&b| L::from_ascii(b)));
}

/// Fires `rule`, whose suffix matches, if its condition holds.
fn fire_if_holds<L: Letter>(mode: Mode, word: &mut Vec<L>, rule: &Rule) -> Outcome {
    let stem_len = word.len() - rule.suffix.len();
    if !rule.condition.holds(mode, word, stem_len) {
        return Outcome::Refused;
    }
    replace_suffix(word, rule.suffix.len(), rule.replacement);
    Outcome::Fired(rule.name)
}

/// NLTK's `_apply_rule_list`: the first rule whose suffix matches decides, fired or refused.
pub(super) fn apply_first_match<L: Letter, const N: usize>(
    mode: Mode,
    word: &mut Vec<L>,
    table: &Table<N>,
) -> Outcome {
    let mut candidates = table.candidates(mode, word);
    while candidates != 0 {
        let rule = &table.rules[candidates.trailing_zeros() as usize];
        candidates &= candidates - 1;
        if ends_with(word, rule.suffix) {
            return fire_if_holds(mode, word, rule);
        }
    }
    Outcome::NoMatch
}

/// The first rule that fires; rules whose condition fails are passed over.
pub(super) fn apply_first_firing<L: Letter, const N: usize>(
    mode: Mode,
    word: &mut Vec<L>,
    table: &Table<N>,
) -> Outcome {
    let mut candidates = table.candidates(mode, word);
    while candidates != 0 {
        let rule = &table.rules[candidates.trailing_zeros() as usize];
        candidates &= candidates - 1;
        if ends_with(word, rule.suffix) {
            if let Outcome::Fired(name) = fire_if_holds(mode, word, rule) {
                return Outcome::Fired(name);
            }
        }
    }
    Outcome::NoMatch
}

/// A step's rules in order, indexed by mode and last letter: a word is only tested against the
/// few rules of its mode whose suffix ends in its last letter, still in the table's order.
pub(super) struct Table<const N: usize> {
    rules: [Rule; N],
    /// Per mode and last letter (`a`..`z`, then anything else), a bit per candidate rule.
    by_last_letter: [[u32; LETTER_CLASSES]; 3],
}

/// `a` to `z`, and one class for every other letter (which no suffix ends in).
const LETTER_CLASSES: usize = 27;

impl<const N: usize> Table<N> {
    /// The table of `rules`, at most 32 of them, each with a non-empty lowercase suffix.
    pub(super) const fn new(rules: [Rule; N]) -> Self {
        assert!(N <= 32, "a rule table holds at most 32 rules");
        let mut by_last_letter = [[0; LETTER_CLASSES]; 3];
        let modes = [Mode::Nltk, Mode::Martin, Mode::Original];
        let mut m = 0;
        while m < modes.len() {
            let mut r = 0;
            while r < N {
                let rule = &rules[r];
                assert!(!rule.suffix.is_empty(), "every suffix has a last letter");
                if rule.modes.contain(modes[m]) {
                    let last = rule.suffix[rule.suffix.len() - 1];
                    assert!(last.is_ascii_lowercase(), "suffixes are lowercase letters");
                    by_last_letter[modes[m] as usize][(last - b'a') as usize] |= 1 << r;
                }
                r += 1;
            }
            m += 1;
        }
        Table {
            rules,
            by_last_letter,
        }
    }

    /// The rules `word` could match in `mode`, as bits in table order.
    #[inline]
    fn candidates<L: Letter>(&self, mode: Mode, word: &[L]) -> u32 {
        match word.last() {
            Some(&last) => self.by_last_letter[mode as usize][last.letter_class()],
            None => 0,
        }
    }
}
