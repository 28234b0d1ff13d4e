//! A step's rules, indexed by variant and last letter, and how a word is matched against them.

use super::{Judge, Rule, Variants};
use crate::letter::{Letter, ends_with};

/// The classes of last letters: the low seven bits of a letter's code ([`Letter::low_bits`]).
/// A letter outside ASCII lands in the class of some ASCII letter; as a suffix is then compared
/// whole, it only costs that comparison, and spares a branch on every lookup.
const LETTER_CLASSES: usize = 128;

/// A step's rules in the order they are tried, with, per variant and last letter, a bit per
/// rule that could match: a word is only tested against the few rules of its variant whose
/// suffix ends in its last letter, still in the table's order. At most 32 rules.
pub(crate) struct Table<C: 'static, const N: usize> {
    rules: [Rule<C>; N],
    /// Per variant and last letter, a bit per rule to try: its suffix ends in that letter, and
    /// it is the first of its alternatives in the variant (the others are tried by
    /// [`Table::decide`], not matched again).
    candidates: [[u32; LETTER_CLASSES]; Variants::MAX],
    /// Per rule, the index of the first rule of its alternatives (itself when it has none).
    group: [u8; N],
    /// The rules' suffixes, packed for the scan, in an array a bit index cannot overrun.
    suffixes: [&'static [u8]; 32],
}

/// What applying a table did.
#[derive(Debug)]
pub(crate) enum Outcome<C: 'static> {
    /// A rule matched and fired.
    Fired(&'static Rule<C>),
    /// A rule's suffix matched but no condition held (the rule's nor its alternatives'); the
    /// word is unchanged and no shorter or later suffix was tried.
    Refused,
    /// No rule's suffix matched.
    NoMatch,
}

impl<C> Outcome<C> {
    /// The label of the rule that fired, if one did.
    #[inline]
    pub(crate) fn fired(&self) -> Option<&'static str> {
        match self {
            Outcome::Fired(rule) => Some(rule.label),
            Outcome::Refused | Outcome::NoMatch => None,
        }
    }
}

impl<C: Copy, const N: usize> Table<C, N> {
    /// NLTK's rule lists: the rules are tried in the order written.
    pub(crate) const fn in_order(rules: [Rule<C>; N]) -> Self {
        assert!(N <= 32, "a rule table holds at most 32 rules");
        let mut candidates = [[0; LETTER_CLASSES]; Variants::MAX];
        let mut group = [0; N];
        let mut suffixes: [&'static [u8]; 32] = [&[]; 32];
        let mut r = 0;
        while r < N {
            let suffix = rules[r].suffix;
            assert!(!suffix.is_empty(), "every suffix has a last letter");
            let class = suffix[suffix.len() - 1] as usize;
            assert!(class < LETTER_CLASSES, "suffixes are ASCII");
            suffixes[r] = suffix;
            group[r] = r as u8;
            if r > 0 && same(rules[r - 1].suffix, suffix) {
                group[r] = group[r - 1];
            }
            // Alternatives (rules with one suffix) stand together.
            let mut earlier = 0;
            while earlier < group[r] as usize {
                assert!(
                    !same(rules[earlier].suffix, suffix),
                    "alternatives are adjacent"
                );
                earlier += 1;
            }
            let mut v = 0;
            while v < Variants::MAX {
                let mut first = rules[r].variants.contain(v);
                let mut member = group[r] as usize;
                while member < r {
                    first &= !rules[member].variants.contain(v);
                    member += 1;
                }
                if first {
                    candidates[v][class] |= 1 << r;
                }
                v += 1;
            }
            r += 1;
        }
        Table {
            rules,
            candidates,
            group,
            suffixes,
        }
    }

    /// Snowball's `among`: the longest suffix that matches decides. The rules are written so
    /// that a suffix comes before every suffix it ends with, which this checks.
    pub(crate) const fn longest_first(rules: [Rule<C>; N]) -> Self {
        let mut later = 1;
        while later < N {
            let mut earlier = 0;
            while earlier < later {
                let (short, long) = (rules[earlier].suffix, rules[later].suffix);
                assert!(
                    !(long.len() > short.len() && ends_with_bytes(long, short)),
                    "a longer suffix comes before the suffixes it ends with"
                );
                earlier += 1;
            }
            later += 1;
        }
        Self::in_order(rules)
    }
}

impl<C: 'static, const N: usize> Table<C, N> {
    /// The rules `word` could match in the variant `variant`, as bits in table order.
    #[inline(always)]
    fn candidates<L: Letter>(&self, variant: usize, word: &[L]) -> u32 {
        match word.last() {
            Some(&last) => self.candidates[variant][last.low_bits()],
            None => 0,
        }
    }

    /// The first rule of the variant `variant` whose suffix `word` ends with: the rule that
    /// decides the step (with its alternatives, see [`Self::decide`]).
    #[inline(always)]
    pub(crate) fn find<L: Letter>(&'static self, variant: usize, word: &[L]) -> Option<Found<C>> {
        let mut candidates = self.candidates(variant, word);
        while candidates != 0 {
            let index = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if ends_with(word, self.suffixes[index]) {
                let rule = &self.rules[index];
                return Some(Found { rule, index });
            }
        }
        None
    }

    /// Applies the table to `word`: the first rule whose suffix matches decides.
    /// Inlined into each step, where the table is a constant.
    #[inline(always)]
    pub(crate) fn apply<L: Letter, J: Judge<C>>(
        &'static self,
        judge: &mut J,
        word: &mut Vec<L>,
    ) -> Outcome<C> {
        match self.find(judge.variant(), word) {
            Some(found) => self.decide(judge, word, found),
            None => Outcome::NoMatch,
        }
    }

    /// Fires the rule `found`, or the first of its alternatives in the variant running (the
    /// rules with its suffix right after it) whose condition holds; refuses when none does.
    #[inline(always)]
    pub(crate) fn decide<L: Letter, J: Judge<C>>(
        &'static self,
        judge: &mut J,
        word: &mut Vec<L>,
        found: Found<C>,
    ) -> Outcome<C> {
        let variant = judge.variant();
        let (mut rule, mut index) = (found.rule, found.index);
        let stem_len = word.len() - rule.suffix.len();
        loop {
            if judge.holds(&rule.condition, word, stem_len) {
                fire(judge, word, rule);
                return Outcome::Fired(rule);
            }
            // The next alternative of this variant, if any.
            loop {
                index += 1;
                if index >= N || self.group[index] != self.group[found.index] {
                    return Outcome::Refused;
                }
                if self.rules[index].variants.contain(variant) {
                    break;
                }
            }
            rule = &self.rules[index];
        }
    }
}

/// The rule whose suffix a word ends with, found by [`Table::find`], and where it stands.
pub(crate) struct Found<C: 'static> {
    /// The rule.
    pub(crate) rule: &'static Rule<C>,
    /// Its index in the table, where its alternatives follow.
    index: usize,
}

/// Rewrites the end of `word` as `rule` says, whatever its condition, and tells `judge`.
#[inline(always)]
pub(crate) fn fire<C, L: Letter, J: Judge<C>>(judge: &mut J, word: &mut Vec<L>, rule: &Rule<C>) {
    let old_length = word.len();
    word.truncate(old_length - rule.suffix.len());
    word.extend(rule.replacement.iter().map(|&byte| L::from_ascii(byte)));
    judge.fired(rule, old_length);
}

/// Whether `a` and `b` are the same bytes, at compile time.
const fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && ends_with_bytes(a, b)
}

/// Whether `text` ends with `suffix`, at compile time.
const fn ends_with_bytes(text: &[u8], suffix: &[u8]) -> bool {
    if suffix.len() > text.len() {
        return false;
    }
    let mut i = 0;
    while i < suffix.len() {
        if text[text.len() - 1 - i] != suffix[suffix.len() - 1 - i] {
            return false;
        }
        i += 1;
    }
    true
}
