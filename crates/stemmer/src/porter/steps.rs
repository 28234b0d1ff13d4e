//! Porter's steps 1a to 5b, as NLTK 3.10.4's `nltk/stem/porter.py` writes them in each mode:
//! NLTK's rule lists as [`Table::in_order`] tables, and the few rules that are not suffix
//! rewrites as code.
//!
//! Each step rewrites the word in place and reports to the tracer the rule that fired.

use super::Mode;
use super::condition::{Condition::*, EXTENDED, MARTIN, NLTK, NOT_NLTK, ORIGINAL};
use super::measure::{ends_cvc, ends_double_consonant, measure_up_to};
use crate::letter::{Letter, ends_with, render};
use crate::suffix::{Outcome, Table, rule};
use crate::trace::Tracer;

/// A step's table of Porter rules.
type Rules<const N: usize> = Table<super::condition::Condition, N>;

/// Runs steps 1a to 5b on `word`.
pub(super) fn run_all<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    step1a(mode, word, tracer);
    step1b(mode, word, tracer);
    step1c(mode, word, tracer);
    step2(mode, word, tracer);
    step3(mode, word, tracer);
    step4(mode, word, tracer);
    step5a(mode, word, tracer);
    step5b(mode, word, tracer);
}

/// Runs the one-table step `step`.
#[inline(always)]
fn table_step<L: Letter, T: Tracer, const N: usize>(
    step: &'static str,
    table: &'static Rules<N>,
    mode: Mode,
    word: &mut Vec<L>,
    tracer: &mut T,
) {
    let outcome = table.apply(&mut { mode }, word);
    tracer.step(step, outcome.fired(), || render(word));
}

/// NLTK's four-letter `ies` (`dies` -> `die`, but `flies` -> `fli`) comes before the paper's
/// `ies`, as NLTK tests for it before its rule list.
const STEP1A: Rules<5> = Table::in_order([
    rule!("sses" -> "ss", Always),
    rule!("(four letters)" "ies" -> "ie", SingleLetter, NLTK),
    rule!("ies" -> "i", Always),
    rule!("ss" -> "ss", Always),
    rule!("s" -> "", Always),
]);

fn step1a<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    table_step("1a", &STEP1A, mode, word, tracer);
}

/// NLTK's `ied` (`died` -> `die`, `spied` -> `spi`), then the paper's `eed`; when one of them
/// matches, step 1b ends there.
const STEP1B: Rules<3> = Table::in_order([
    rule!("(four letters)" "ied" -> "ie", SingleLetter, NLTK),
    rule!("ied" -> "i", Always, NLTK),
    rule!("(m>0)" "eed" -> "ee", MeasureAbove(0)),
]);

const STEP1B_ED_ING: Rules<2> = Table::in_order([
    rule!("(*v*)" "ed" -> "", ContainsVowel),
    rule!("(*v*)" "ing" -> "", ContainsVowel),
]);

/// The tidying after `ed` or `ing` went; the double-consonant and `*o` rules follow in code.
const STEP1B_TIDY: Rules<3> = Table::in_order([
    rule!("at" -> "ate", Always),
    rule!("bl" -> "ble", Always),
    rule!("iz" -> "ize", Always),
]);

fn step1b<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let mut outcome = STEP1B.apply(&mut { mode }, word);
    if matches!(outcome, Outcome::NoMatch) {
        outcome = STEP1B_ED_ING.apply(&mut { mode }, word);
        if let Outcome::Fired(rule) = outcome {
            tracer.step("1b", Some(rule.label), || render(word));
            let tidy = step1b_tidy(mode, word);
            if tidy.is_some() {
                tracer.step("1b", tidy, || render(word));
            }
            return;
        }
    }
    tracer.step("1b", outcome.fired(), || render(word));
}

/// The rest of step 1b once `ed` or `ing` went, in NLTK's rule-list order.
fn step1b_tidy<L: Letter>(mode: Mode, word: &mut Vec<L>) -> Option<&'static str> {
    match STEP1B_TIDY.apply(&mut { mode }, word) {
        Outcome::Fired(rule) => return Some(rule.label),
        Outcome::Refused => return None,
        Outcome::NoMatch => {}
    }
    if ends_double_consonant(word) {
        let last = word[word.len() - 1];
        if last.is(b'l') || last.is(b's') || last.is(b'z') {
            return None;
        }
        word.pop();
        return Some("(not *l, *s or *z) *d -> single letter");
    }
    // NLTK marks the double-consonant rule by the suffix "*d" and then also tests the word for
    // that literal suffix; a word ending in "*d" therefore loses its '*'.
    if ends_with(word, b"*d") {
        word.remove(word.len() - 2);
        return Some("(NLTK's rule marker taken literally) *d -> d");
    }
    if measure_up_to(word, 2) == 1 && ends_cvc(mode, word) {
        word.push(L::from_ascii(b'e'));
        return Some("(m=1 and *o) -> e");
    }
    None
}

const STEP1C: Rules<2> = Table::in_order([
    rule!("(*c and not c)" "y" -> "i", LongerThanOneEndingConsonant, NLTK),
    rule!("(*v*)" "y" -> "i", ContainsVowel, NOT_NLTK),
]);

fn step1c<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    table_step("1c", &STEP1C, mode, word, tracer);
}

/// NLTK applies `alli` first and then the whole of step 2 again.
const STEP2_NLTK_ALLI: Rules<1> =
    Table::in_order([rule!("(m>0)" "alli" -> "al", MeasureAbove(0), NLTK)]);

const STEP2: Rules<24> = Table::in_order([
    rule!("(m>0)" "ational" -> "ate", MeasureAbove(0)),
    rule!("(m>0)" "tional" -> "tion", MeasureAbove(0)),
    rule!("(m>0)" "enci" -> "ence", MeasureAbove(0)),
    rule!("(m>0)" "anci" -> "ance", MeasureAbove(0)),
    rule!("(m>0)" "izer" -> "ize", MeasureAbove(0)),
    rule!("(m>0)" "abli" -> "able", MeasureAbove(0), ORIGINAL),
    rule!("(m>0)" "bli" -> "ble", MeasureAbove(0), EXTENDED),
    rule!("(m>0)" "alli" -> "al", MeasureAbove(0)),
    rule!("(m>0)" "entli" -> "ent", MeasureAbove(0)),
    rule!("(m>0)" "eli" -> "e", MeasureAbove(0)),
    rule!("(m>0)" "ousli" -> "ous", MeasureAbove(0)),
    rule!("(m>0)" "ization" -> "ize", MeasureAbove(0)),
    rule!("(m>0)" "ation" -> "ate", MeasureAbove(0)),
    rule!("(m>0)" "ator" -> "ate", MeasureAbove(0)),
    rule!("(m>0)" "alism" -> "al", MeasureAbove(0)),
    rule!("(m>0)" "iveness" -> "ive", MeasureAbove(0)),
    rule!("(m>0)" "fulness" -> "ful", MeasureAbove(0)),
    rule!("(m>0)" "ousness" -> "ous", MeasureAbove(0)),
    rule!("(m>0)" "aliti" -> "al", MeasureAbove(0)),
    rule!("(m>0)" "iviti" -> "ive", MeasureAbove(0)),
    rule!("(m>0)" "biliti" -> "ble", MeasureAbove(0)),
    rule!("(m>0)" "fulli" -> "ful", MeasureAbove(0), NLTK),
    // NLTK keeps the 'l' with the stem, so that short stems like 'geo' and 'theo' qualify.
    rule!("(m>0 counting the l)" "logi" -> "log", MeasureWithNextAbove(0), NLTK),
    rule!("(m>0)" "logi" -> "log", MeasureAbove(0), MARTIN),
]);

fn step2<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let alli = STEP2_NLTK_ALLI.apply(&mut { mode }, word);
    if let Outcome::Fired(rule) = alli {
        tracer.step("2", Some(rule.label), || render(word));
    }
    let outcome = STEP2.apply(&mut { mode }, word);
    // After the `alli` detour, only a second rule that fires is a step of its own.
    if alli.fired().is_none() || outcome.fired().is_some() {
        tracer.step("2", outcome.fired(), || render(word));
    }
}

const STEP3: Rules<7> = Table::in_order([
    rule!("(m>0)" "icate" -> "ic", MeasureAbove(0)),
    rule!("(m>0)" "ative" -> "", MeasureAbove(0)),
    rule!("(m>0)" "alize" -> "al", MeasureAbove(0)),
    rule!("(m>0)" "iciti" -> "ic", MeasureAbove(0)),
    rule!("(m>0)" "ical" -> "ic", MeasureAbove(0)),
    rule!("(m>0)" "ful" -> "", MeasureAbove(0)),
    rule!("(m>0)" "ness" -> "", MeasureAbove(0)),
]);

fn step3<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    table_step("3", &STEP3, mode, word, tracer);
}

const STEP4: Rules<19> = Table::in_order([
    rule!("(m>1)" "al" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ance" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ence" -> "", MeasureAbove(1)),
    rule!("(m>1)" "er" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ic" -> "", MeasureAbove(1)),
    rule!("(m>1)" "able" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ible" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ant" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ement" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ment" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ent" -> "", MeasureAbove(1)),
    rule!("(m>1 and (*s or *t))" "ion" -> "", MeasureAbove1EndingSOrT),
    rule!("(m>1)" "ou" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ism" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ate" -> "", MeasureAbove(1)),
    rule!("(m>1)" "iti" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ous" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ive" -> "", MeasureAbove(1)),
    rule!("(m>1)" "ize" -> "", MeasureAbove(1)),
]);

fn step4<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    table_step("4", &STEP4, mode, word, tracer);
}

/// Both of step 5a's rules are tried (NLTK cannot use its rule list here).
const STEP5A: Rules<1> =
    Table::in_order([rule!("(m>1 or (m=1 and not *o))" "e" -> "", MeasureAbove1OrOneWithoutCvc)]);

fn step5a<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    table_step("5a", &STEP5A, mode, word, tracer);
}

/// NLTK measures `word[:-1]`, the stem with one `l`.
const STEP5B: Rules<1> =
    Table::in_order([rule!("(m>1 and *d and *l)" "ll" -> "l", MeasureWithNextAbove(1))]);

fn step5b<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    table_step("5b", &STEP5B, mode, word, tracer);
}
