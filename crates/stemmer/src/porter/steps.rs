//! Porter's steps 1a to 5b, as NLTK 3.10.4's `nltk/stem/porter.py` writes them in each mode.
//!
//! Each step rewrites the word in place and reports to the tracer the rule that fired.

use super::Mode;
use super::measure::{ends_cvc, ends_double_consonant, measure_up_to};
use super::rules::{
    Condition::*, Modes, Outcome, Table, apply_first_firing, apply_first_match, rule,
};
use crate::letter::{Letter, ends_with};
use crate::trace::Tracer;

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

/// Tells `tracer` that `step` ran and which rule, if any, fired.
#[inline(always)]
fn trace<L: Letter, T: Tracer>(
    tracer: &mut T,
    step: &'static str,
    rule: Option<&'static str>,
    word: &[L],
) {
    if T::ENABLED {
        tracer.step(step, rule, || crate::letter::render(word));
    }
}

/// NLTK's four-letter `ies` (`dies` -> `die`, but `flies` -> `fli`), before the paper's list.
const STEP1A_NLTK: Table<1> =
    Table::new([rule!("(four letters) " "ies" -> "ie", SingleLetter, Modes::Nltk)]);

const STEP1A: Table<4> = Table::new([
    rule!("" "sses" -> "ss", Always),
    rule!("" "ies" -> "i", Always),
    rule!("" "ss" -> "ss", Always),
    rule!("" "s" -> "", Always),
]);

fn step1a<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let outcome = match apply_first_firing(mode, word, &STEP1A_NLTK) {
        Outcome::Fired(name) => Outcome::Fired(name),
        _ => apply_first_match(mode, word, &STEP1A),
    };
    trace(tracer, "1a", outcome.fired(), word);
}

/// NLTK's `ied` (`died` -> `die`, `spied` -> `spi`), which ends step 1b when it matches.
const STEP1B_NLTK: Table<2> = Table::new([
    rule!("(four letters) " "ied" -> "ie", SingleLetter, Modes::Nltk),
    rule!("" "ied" -> "i", Always, Modes::Nltk),
]);

const STEP1B_EED: Table<1> = Table::new([rule!("(m>0) " "eed" -> "ee", MeasureAbove(0))]);

const STEP1B_ED_ING: Table<2> = Table::new([
    rule!("(*v*) " "ed" -> "", ContainsVowel),
    rule!("(*v*) " "ing" -> "", ContainsVowel),
]);

/// The tidying after `ed` or `ing` went; the double-consonant and `*o` rules follow in code.
const STEP1B_TIDY: Table<3> = Table::new([
    rule!("" "at" -> "ate", Always),
    rule!("" "bl" -> "ble", Always),
    rule!("" "iz" -> "ize", Always),
]);

fn step1b<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let mut outcome = apply_first_firing(mode, word, &STEP1B_NLTK);
    if outcome == Outcome::NoMatch {
        outcome = apply_first_match(mode, word, &STEP1B_EED);
    }
    if outcome == Outcome::NoMatch {
        outcome = apply_first_firing(mode, word, &STEP1B_ED_ING);
        if let Outcome::Fired(name) = outcome {
            trace(tracer, "1b", Some(name), word);
            let tidy = step1b_tidy(mode, word);
            if tidy.is_some() {
                trace(tracer, "1b", tidy, word);
            }
            return;
        }
    }
    trace(tracer, "1b", outcome.fired(), word);
}

/// The rest of step 1b once `ed` or `ing` went, in NLTK's rule-list order.
fn step1b_tidy<L: Letter>(mode: Mode, word: &mut Vec<L>) -> Option<&'static str> {
    match apply_first_match(mode, word, &STEP1B_TIDY) {
        Outcome::Fired(name) => return Some(name),
        Outcome::Refused => return None,
        Outcome::NoMatch => {}
    }
    if ends_double_consonant(word) {
        let last = word[word.len() - 1];
        if last.is(b'l') || last.is(b's') || last.is(b'z') {
            return None;
        }
        word.pop();
        return Some("(*d and not (*l or *s or *z)) -> single letter");
    }
    // NLTK marks the double-consonant rule by the suffix "*d" and then also tests the word for
    // that literal suffix; a word ending in "*d" therefore loses its '*'.
    if ends_with(word, b"*d") {
        word.remove(word.len() - 2);
        return Some("*d -> d (NLTK's rule marker taken literally)");
    }
    if measure_up_to(word, 2) == 1 && ends_cvc(mode, word) {
        word.push(L::from_ascii(b'e'));
        return Some("(m=1 and *o) -> e");
    }
    None
}

const STEP1C: Table<2> = Table::new([
    rule!("(*c and not c) " "y" -> "i", LongerThanOneEndingConsonant, Modes::Nltk),
    rule!("(*v*) " "y" -> "i", ContainsVowel, Modes::NotNltk),
]);

fn step1c<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let outcome = apply_first_match(mode, word, &STEP1C);
    trace(tracer, "1c", outcome.fired(), word);
}

/// NLTK applies `alli` first and then the whole of step 2 again.
const STEP2_NLTK_ALLI: Table<1> =
    Table::new([rule!("(m>0) " "alli" -> "al", MeasureAbove(0), Modes::Nltk)]);

const STEP2: Table<24> = Table::new([
    rule!("(m>0) " "ational" -> "ate", MeasureAbove(0)),
    rule!("(m>0) " "tional" -> "tion", MeasureAbove(0)),
    rule!("(m>0) " "enci" -> "ence", MeasureAbove(0)),
    rule!("(m>0) " "anci" -> "ance", MeasureAbove(0)),
    rule!("(m>0) " "izer" -> "ize", MeasureAbove(0)),
    rule!("(m>0) " "abli" -> "able", MeasureAbove(0), Modes::Original),
    rule!("(m>0) " "bli" -> "ble", MeasureAbove(0), Modes::Extended),
    rule!("(m>0) " "alli" -> "al", MeasureAbove(0)),
    rule!("(m>0) " "entli" -> "ent", MeasureAbove(0)),
    rule!("(m>0) " "eli" -> "e", MeasureAbove(0)),
    rule!("(m>0) " "ousli" -> "ous", MeasureAbove(0)),
    rule!("(m>0) " "ization" -> "ize", MeasureAbove(0)),
    rule!("(m>0) " "ation" -> "ate", MeasureAbove(0)),
    rule!("(m>0) " "ator" -> "ate", MeasureAbove(0)),
    rule!("(m>0) " "alism" -> "al", MeasureAbove(0)),
    rule!("(m>0) " "iveness" -> "ive", MeasureAbove(0)),
    rule!("(m>0) " "fulness" -> "ful", MeasureAbove(0)),
    rule!("(m>0) " "ousness" -> "ous", MeasureAbove(0)),
    rule!("(m>0) " "aliti" -> "al", MeasureAbove(0)),
    rule!("(m>0) " "iviti" -> "ive", MeasureAbove(0)),
    rule!("(m>0) " "biliti" -> "ble", MeasureAbove(0)),
    rule!("(m>0) " "fulli" -> "ful", MeasureAbove(0), Modes::Nltk),
    // NLTK keeps the 'l' with the stem, so that short stems like 'geo' and 'theo' qualify.
    rule!("(m>0 counting the l) " "logi" -> "log", MeasureWithNextAbove(0), Modes::Nltk),
    rule!("(m>0) " "logi" -> "log", MeasureAbove(0), Modes::Martin),
]);

fn step2<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let alli = apply_first_firing(mode, word, &STEP2_NLTK_ALLI);
    if let Outcome::Fired(name) = alli {
        trace(tracer, "2", Some(name), word);
    }
    let outcome = apply_first_match(mode, word, &STEP2);
    if alli == Outcome::NoMatch || outcome.fired().is_some() {
        trace(tracer, "2", outcome.fired(), word);
    }
}

const STEP3: Table<7> = Table::new([
    rule!("(m>0) " "icate" -> "ic", MeasureAbove(0)),
    rule!("(m>0) " "ative" -> "", MeasureAbove(0)),
    rule!("(m>0) " "alize" -> "al", MeasureAbove(0)),
    rule!("(m>0) " "iciti" -> "ic", MeasureAbove(0)),
    rule!("(m>0) " "ical" -> "ic", MeasureAbove(0)),
    rule!("(m>0) " "ful" -> "", MeasureAbove(0)),
    rule!("(m>0) " "ness" -> "", MeasureAbove(0)),
]);

fn step3<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let outcome = apply_first_match(mode, word, &STEP3);
    trace(tracer, "3", outcome.fired(), word);
}

const STEP4: Table<19> = Table::new([
    rule!("(m>1) " "al" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ance" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ence" -> "", MeasureAbove(1)),
    rule!("(m>1) " "er" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ic" -> "", MeasureAbove(1)),
    rule!("(m>1) " "able" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ible" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ant" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ement" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ment" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ent" -> "", MeasureAbove(1)),
    rule!("(m>1 and (*s or *t)) " "ion" -> "", MeasureAbove1EndingSOrT),
    rule!("(m>1) " "ou" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ism" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ate" -> "", MeasureAbove(1)),
    rule!("(m>1) " "iti" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ous" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ive" -> "", MeasureAbove(1)),
    rule!("(m>1) " "ize" -> "", MeasureAbove(1)),
]);

fn step4<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let outcome = apply_first_match(mode, word, &STEP4);
    trace(tracer, "4", outcome.fired(), word);
}

/// Both of step 5a's rules are tried (NLTK cannot use its rule list here).
const STEP5A: Table<1> =
    Table::new([rule!("(m>1 or (m=1 and not *o)) " "e" -> "", MeasureAbove1OrOneWithoutCvc)]);

fn step5a<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let outcome = apply_first_match(mode, word, &STEP5A);
    trace(tracer, "5a", outcome.fired(), word);
}

/// NLTK measures `word[:-1]`, the stem with one `l`.
const STEP5B: Table<1> =
    Table::new([rule!("(m>1 and *d and *l) " "ll" -> "l", MeasureWithNextAbove(1))]);

fn step5b<L: Letter, T: Tracer>(mode: Mode, word: &mut Vec<L>, tracer: &mut T) {
    let outcome = apply_first_match(mode, word, &STEP5B);
    trace(tracer, "5b", outcome.fired(), word);
}
