//! The algorithm proper: exceptions, prelude, regions, steps 0 to 5 and postlude, run on a
//! lowercased word, generic over its letters and over the tracer watching. Snowball's `among`s
//! are [`Table::longest_first`] tables; what is not a suffix rewrite is code.

use super::condition::{
    Context, SNOWBALL3, Shape::*, Test::*, When, anywhere, is_short_syllable, r1, r2,
};
use super::letter::{Letter, equals, render};
use super::regions::Regions;
use super::revision::Revision;
use super::start;
use crate::suffix::{Found, Outcome, Rule, Table, fire, rule};
use crate::trace::Tracer;

/// A step's table of Porter2 rules.
type Rules<const N: usize> = Table<When, N>;

/// Stems the lowercased `word` in place.
pub(super) fn stem_letters<L: Letter, T: Tracer>(
    revision: Revision,
    word: &mut Vec<L>,
    tracer: &mut T,
) {
    if let Some(exception) = revision.exception(word) {
        word.clear();
        word.extend(exception.stem.iter().map(|&byte| L::from_ascii(byte)));
        tracer.step("exception1", Some(exception.label), || render(word));
        return;
    }
    if word.len() < 3 {
        tracer.step("length", Some("(fewer than 3 letters) left as is"), || {
            render(word)
        });
        return;
    }
    let (rule, y_found) = prelude(revision, word);
    tracer.step("prelude", rule, || render(word));

    let regions = Regions::mark(revision, word);
    let mut stemming = Stemming {
        word,
        context: Context { revision, regions },
    };
    let rule = stemming.step_0();
    tracer.step("0", rule, || render(stemming.word));
    let rule = stemming.step_1a();
    tracer.step("1a", rule, || render(stemming.word));
    stemming.step_1b(tracer);
    let rule = stemming.step_1c();
    tracer.step("1c", rule, || render(stemming.word));
    let rule = stemming.step_2();
    tracer.step("2", rule, || render(stemming.word));
    let rule = stemming.step_3();
    tracer.step("3", rule, || render(stemming.word));
    let rule = stemming.step_4();
    tracer.step("4", rule, || render(stemming.word));
    let rule = stemming.step_5();
    tracer.step("5", rule, || render(stemming.word));

    let rule = if y_found { postlude(word) } else { None };
    tracer.step("postlude", rule, || render(word));
}

/// Reads NLTK's typographic apostrophes as `'`, drops a leading `'`, and marks as `Y` every `y`
/// that starts the word or follows a vowel, so that it counts as a consonant.
fn prelude<L: Letter>(revision: Revision, word: &mut Vec<L>) -> (Option<&'static str>, bool) {
    start::read_apostrophes(revision, word);
    let mut rule = None;
    if start::drop_leading_apostrophe(word) {
        rule = Some("(at the start) ' -> (deleted)");
    }
    // At the start, a `y` is a consonant as it is after a vowel.
    let mut after_vowel = true;
    let mut y_found = false;
    for letter in word.iter_mut() {
        if after_vowel && letter.is(b'y') {
            *letter = L::from_ascii(b'Y');
            rule = Some("(at the start or after a vowel) y -> Y");
            after_vowel = false;
            y_found = true;
        } else {
            after_vowel = letter.is_snowball_vowel();
        }
    }
    (rule, y_found)
}

/// Turns every `Y` back into `y`; run, as in Snowball, only when the prelude made a `Y` (a word
/// stemmed as given may hold capital `Y`s of its own, which then stay).
fn postlude<L: Letter>(word: &mut [L]) -> Option<&'static str> {
    let mut rule = None;
    for letter in word.iter_mut().filter(|letter| letter.is(b'Y')) {
        *letter = L::from_ascii(b'y');
        rule = Some("Y -> y");
    }
    rule
}

/// Step 0: possessive apostrophes.
const STEP_0: Rules<3> = Table::longest_first([
    rule!("'s'" -> "", anywhere(Trim)),
    rule!("'s" -> "", anywhere(Trim)),
    rule!("'" -> "", anywhere(Trim)),
]);

/// Step 1a: plurals. `us` and `ss` match to keep `s` from matching.
const STEP_1A: Rules<8> = Table::longest_first([
    rule!("sses" -> "ss", anywhere(Trim)),
    rule!("(after two letters or more)" "ied" -> "i", anywhere(Trim).and(TwoLettersBefore)),
    rule!("ied" -> "ie", anywhere(Trim)),
    rule!("(after two letters or more)" "ies" -> "i", anywhere(Trim).and(TwoLettersBefore)),
    rule!("ies" -> "ie", anywhere(Trim)),
    rule!("(kept)" "us" -> "us", anywhere(Trim).and(Never)),
    rule!("(kept)" "ss" -> "ss", anywhere(Trim).and(Never)),
    rule!("(a vowel not just before it)" "s" -> "", anywhere(Trim).and(VowelNotJustBefore)),
]);

/// Step 1b: `eed`, `eedly` become `ee` in R1; `ed`, `edly`, `ing`, `ingly` are deleted after a
/// vowel (and the word then tidied).
const STEP_1B: Rules<6> = Table::longest_first([
    rule!("(R1)" "eedly" -> "ee", r1(Whole)),
    rule!("(*v*)" "ingly" -> "", anywhere(Trim).and(VowelBefore)),
    rule!("(*v*)" "edly" -> "", anywhere(Trim).and(VowelBefore)),
    rule!("(R1)" "eed" -> "ee", r1(Whole)),
    rule!("(*v*)" "ing" -> "", anywhere(Trim).and(VowelBefore)),
    rule!("(*v*)" "ed" -> "", anywhere(Trim).and(VowelBefore)),
]);

/// Snowball 3's `dying` -> `die`, `vying` -> `vie`: a lone non-vowel before `ying`.
const YING: Rule<When> = rule!("ying" -> "ie", anywhere(Whole));

/// Step 1b's tidying after `ed` or `ing` went: `at`, `bl`, `iz` get their `e` back, a double
/// consonant is undoubled. The short-syllable `e` follows in code.
const STEP_1B_TIDY: Rules<12> = Table::longest_first([
    rule!("at" -> "ate", anywhere(RestoredE)),
    rule!("bl" -> "ble", anywhere(RestoredE)),
    rule!("iz" -> "ize", anywhere(RestoredE)),
    rule!("bb" -> "b", anywhere(Trim)),
    rule!("dd" -> "d", anywhere(Trim)),
    rule!("ff" -> "f", anywhere(Trim)),
    rule!("gg" -> "g", anywhere(Trim)),
    rule!("mm" -> "m", anywhere(Trim)),
    rule!("nn" -> "n", anywhere(Trim)),
    rule!("pp" -> "p", anywhere(Trim)),
    rule!("rr" -> "r", anywhere(Trim)),
    rule!("tt" -> "t", anywhere(Trim)),
]);

/// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter -> `i`.
const STEP_1C: Rules<2> = Table::longest_first([
    rule!("(after a non-vowel, not the first letter)" "y" -> "i",
        anywhere(InPlace).and(AfterNonVowelNotFirst)),
    rule!("(after a non-vowel, not the first letter)" "Y" -> "i",
        anywhere(InPlace).and(AfterNonVowelNotFirst)),
]);

/// Step 2: derivational suffixes in R1.
const STEP_2: Rules<25> = Table::longest_first([
    rule!("(R1)" "ization" -> "ize", r1(Whole)),
    rule!("(R1)" "ational" -> "ate", r1(WholeLeavingE)),
    rule!("(R1)" "fulness" -> "ful", r1(Trim)),
    rule!("(R1)" "ousness" -> "ous", r1(Whole)),
    rule!("(R1)" "iveness" -> "ive", r1(WholeLeavingE)),
    rule!("(R1)" "tional" -> "tion", r1(Trim)),
    rule!("(R1)" "biliti" -> "ble", r1(Whole)),
    rule!("(R1)" "lessli" -> "less", r1(Trim)),
    rule!("(R1)" "ogist" -> "og", r1(Whole), SNOWBALL3),
    rule!("(R1)" "entli" -> "ent", r1(Trim)),
    rule!("(R1)" "ation" -> "ate", r1(WholeLeavingE)),
    rule!("(R1)" "alism" -> "al", r1(Whole)),
    rule!("(R1)" "aliti" -> "al", r1(Whole)),
    rule!("(R1)" "ousli" -> "ous", r1(Whole)),
    rule!("(R1)" "iviti" -> "ive", r1(WholeLeavingE)),
    rule!("(R1)" "fulli" -> "ful", r1(Trim)),
    rule!("(R1)" "enci" -> "ence", r1(Trim)),
    rule!("(R1)" "anci" -> "ance", r1(Trim)),
    rule!("(R1)" "abli" -> "able", r1(Trim)),
    rule!("(R1)" "izer" -> "ize", r1(Whole)),
    rule!("(R1)" "ator" -> "ate", r1(WholeLeavingE)),
    rule!("(R1)" "alli" -> "al", r1(Whole)),
    rule!("(R1)" "bli" -> "ble", r1(Whole)),
    rule!("(R1, after l)" "ogi" -> "og", r1(Trim).and(After(b"l"))),
    rule!("(R1, after c d e g h k m n r t)" "li" -> "",
        r1(Trim).and(After(b"cdeghkmnrt"))),
]);

/// Step 3: more derivational suffixes in R1.
const STEP_3: Rules<9> = Table::longest_first([
    rule!("(R1)" "ational" -> "ate", r1(Whole)),
    rule!("(R1)" "tional" -> "tion", r1(Trim)),
    rule!("(R1)" "alize" -> "al", r1(Trim)),
    rule!("(R1)" "icate" -> "ic", r1(Whole)),
    rule!("(R1)" "iciti" -> "ic", r1(Whole)),
    rule!("(R2)" "ative" -> "", r1(Trim).and(InR2)),
    rule!("(R1)" "ical" -> "ic", r1(Whole)),
    rule!("(R1)" "ness" -> "", r1(Trim)),
    rule!("(R1)" "ful" -> "", r1(Trim)),
]);

/// Step 4: suffixes deleted in R2.
const STEP_4: Rules<18> = Table::longest_first([
    rule!("(R2)" "ement" -> "", r2(Trim)),
    rule!("(R2)" "ance" -> "", r2(Trim)),
    rule!("(R2)" "ence" -> "", r2(Trim)),
    rule!("(R2)" "able" -> "", r2(Trim)),
    rule!("(R2)" "ible" -> "", r2(Trim)),
    rule!("(R2)" "ment" -> "", r2(Trim)),
    rule!("(R2)" "ant" -> "", r2(Trim)),
    rule!("(R2)" "ent" -> "", r2(Trim)),
    rule!("(R2)" "ism" -> "", r2(Trim)),
    rule!("(R2)" "ate" -> "", r2(Trim)),
    rule!("(R2)" "iti" -> "", r2(Trim)),
    rule!("(R2)" "ous" -> "", r2(Trim)),
    rule!("(R2)" "ive" -> "", r2(Trim)),
    rule!("(R2)" "ize" -> "", r2(Trim)),
    rule!("(R2, after s or t)" "ion" -> "", r2(Trim).and(After(b"st"))),
    rule!("(R2)" "al" -> "", r2(Trim)),
    rule!("(R2)" "er" -> "", r2(Trim)),
    rule!("(R2)" "ic" -> "", r2(Trim)),
]);

/// Step 5: a final `e` deleted in R2, or in R1 after no short syllable; a final `l` deleted
/// in R2 after another `l`.
const STEP_5: Rules<3> = Table::longest_first([
    rule!("(R2)" "e" -> "", r2(Trim)),
    rule!("(R1, not after a short syllable)" "e" -> "", r1(Trim).and(NotAfterShortSyllable)),
    rule!("(R2, after l)" "l" -> "", r2(Trim).and(After(b"l"))),
]);

/// A word between its prelude and its postlude, with its regions.
struct Stemming<'w, L> {
    word: &'w mut Vec<L>,
    context: Context,
}

impl<L: Letter> Stemming<'_, L> {
    /// Applies `table` to the word.
    #[inline(always)]
    fn apply<const N: usize>(&mut self, table: &'static Rules<N>) -> Outcome<When> {
        table.apply(&mut self.context, self.word)
    }

    /// The revision running.
    fn revision(&self) -> Revision {
        self.context.revision
    }

    /// Step 0: removes a possessive `'s'`, `'s` or `'`.
    fn step_0(&mut self) -> Option<&'static str> {
        self.apply(&STEP_0).fired()
    }

    /// Step 1a: plurals. `sses` -> `ss`; `ied`, `ies` -> `i` after two letters or more, else
    /// `ie`; `s` deleted when a vowel comes before the letter preceding it; `us`, `ss` kept.
    fn step_1a(&mut self) -> Option<&'static str> {
        self.apply(&STEP_1A).fired()
    }

    /// Step 1b: `eed`, `eedly` -> `ee` in R1; `ed`, `edly`, `ing`, `ingly` deleted after a vowel,
    /// then the end tidied (see [`Self::step_1b_tidy`]). Traced as `1b` and `1b tidy`.
    fn step_1b<T: Tracer>(&mut self, tracer: &mut T) {
        let Some(found) = STEP_1B.find(self.context.revision as usize, self.word) else {
            tracer.step("1b", None, || render(self.word));
            return;
        };
        if found.rule.replacement == b"ee" {
            let fired = self.step_1b_eed(found);
            tracer.step("1b", fired, || render(self.word));
            return;
        }
        if self.revision().has_ing_exceptions() && found.rule.suffix == b"ing" {
            if let Some(fired) = self.step_1b_ing_exception() {
                tracer.step("1b", Some(fired), || render(self.word));
                return;
            }
        }
        let outcome = STEP_1B.decide(&mut self.context, self.word, found);
        let Some(fired) = outcome.fired() else {
            tracer.step("1b", None, || render(self.word));
            return;
        };
        tracer.step("1b", Some(fired), || render(self.word));
        let fired = self.step_1b_tidy();
        tracer.step("1b tidy", fired, || render(self.word));
    }

    /// `eed`, `eedly` -> `ee` when R1 holds the suffix; Snowball 3 keeps `proceed`, `exceed`
    /// and `succeed` whole.
    fn step_1b_eed(&mut self, found: Found<When>) -> Option<&'static str> {
        let stem = &self.word[..self.word.len() - found.rule.suffix.len()];
        if self.revision().keeps_eed_verbs()
            && [&b"proc"[..], b"exc", b"succ"]
                .iter()
                .any(|verb| equals(stem, verb))
        {
            return Some("(proceed, exceed, succeed) left as is");
        }
        STEP_1B.decide(&mut self.context, self.word, found).fired()
    }

    /// Snowball 3's exceptions among `-ing` words: a lone non-vowel before `ying` (`dying` ->
    /// `die`), and `inning`, `outing`, `canning`, `herring`, `earring`, `evening` kept whole.
    fn step_1b_ing_exception(&mut self) -> Option<&'static str> {
        const KEPT: [&[u8]; 6] = [b"inn", b"out", b"cann", b"herr", b"earr", b"even"];
        let stem = &self.word[..self.word.len() - 3];
        if let [first, y] = stem {
            if y.is(b'y') && !first.is_snowball_vowel() {
                fire(&mut self.context, self.word, &YING);
                return Some(YING.label);
            }
        }
        if KEPT.iter().any(|kept| equals(stem, kept)) {
            return Some("(inning, outing, canning, herring, earring, evening) left as is");
        }
        None
    }

    /// After step 1b deleted its suffix: `at`, `bl`, `iz` get their `e` back; a double consonant
    /// is undoubled (Snowball 3 keeps it after a lone a, e or o); a short syllable that is the
    /// whole of R1's left side gets an `e`.
    fn step_1b_tidy(&mut self) -> Option<&'static str> {
        let length = self.word.len();
        if self.revision().keeps_double_after_lone_aeo()
            && length == 3
            && self.word[0].is_in(b"aeo")
            && self.word[1] == self.word[2]
            && self.word[1].is_in(b"bdfgmnprt")
        {
            return Some("(a double after a lone a, e or o) left as is");
        }
        if let Some(fired) = self.apply(&STEP_1B_TIDY).fired() {
            return Some(fired);
        }
        if self.context.regions.r1_starts_at(length)
            && is_short_syllable(self.revision(), self.word)
        {
            self.word.push(L::from_ascii(b'e'));
            self.context
                .regions
                .follow_short_syllable_e(self.revision(), length + 1);
            return Some("(R1 empty, after a short syllable) -> e");
        }
        None
    }

    /// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter -> `i`.
    fn step_1c(&mut self) -> Option<&'static str> {
        self.apply(&STEP_1C).fired()
    }

    /// Step 2: derivational suffixes in R1 (`ational` -> `ate`, `li` deleted after `c`...).
    fn step_2(&mut self) -> Option<&'static str> {
        self.apply(&STEP_2).fired()
    }

    /// Step 3: more derivational suffixes in R1 (`icate` -> `ic`, `ative` deleted in R2...).
    fn step_3(&mut self) -> Option<&'static str> {
        self.apply(&STEP_3).fired()
    }

    /// Step 4: suffixes deleted in R2 (`ement`, `ion` after `s` or `t`...).
    fn step_4(&mut self) -> Option<&'static str> {
        self.apply(&STEP_4).fired()
    }

    /// Step 5: a final `e` deleted in R2, or in R1 after no short syllable; a final `l` deleted
    /// in R2 after another `l`.
    fn step_5(&mut self) -> Option<&'static str> {
        self.apply(&STEP_5).fired()
    }
}
