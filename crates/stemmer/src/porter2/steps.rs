//! The algorithm proper: exceptions, prelude, regions, steps 0 to 5 and postlude, run on a
//! lowercased word, generic over its letters and over the tracer watching.

use crate::explain::Tracer;

use super::letter::{Letter, ends_with, equals, has_vowel, render};
use super::regions::{Leftover, Regions};
use super::revision::Revision;
use super::rules::{self, Condition, Rule, Table};

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
        tracer.step("length", Some("fewer than 3 letters: unchanged"), || {
            render(word)
        });
        return;
    }
    let (rule, y_found) = prelude(revision, word);
    tracer.step("prelude", rule, || render(word));

    let regions = Regions::mark(revision, word);
    let mut stemming = Stemming {
        word,
        regions,
        revision,
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
    if revision.reads_typographic_apostrophes() {
        for letter in word
            .iter_mut()
            .filter(|letter| letter.is_typographic_apostrophe())
        {
            *letter = L::from_ascii(b'\'');
        }
    }
    let mut rule = None;
    if word.first().is_some_and(|letter| letter.is(b'\'')) {
        word.remove(0);
        rule = Some("leading ' removed");
    }
    // At the start, a `y` is a consonant as it is after a vowel.
    let mut after_vowel = true;
    let mut y_found = false;
    for letter in word.iter_mut() {
        if after_vowel && letter.is(b'y') {
            *letter = L::from_ascii(b'Y');
            rule = Some("y -> Y at the start or after a vowel");
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

/// A word between its prelude and its postlude, with its regions.
struct Stemming<'w, L> {
    word: &'w mut Vec<L>,
    regions: Regions,
    revision: Revision,
}

impl<L: Letter> Stemming<'_, L> {
    /// Step 0: removes a possessive `'s'`, `'s` or `'`.
    fn step_0(&mut self) -> Option<&'static str> {
        let rule = self.longest_match(&rules::STEP_0)?;
        Some(self.apply(rule))
    }

    /// Step 1a: plurals. `sses` -> `ss`; `ied`, `ies` -> `i` after two letters or more, else
    /// `ie`; `s` deleted when a vowel comes before the letter preceding it; `us`, `ss` kept.
    fn step_1a(&mut self) -> Option<&'static str> {
        let length = self.word.len();
        // Two letters or more before `ied`, `ies`.
        let long = length > 4;
        let rule = match self.word.last()?.ascii()? {
            b's' if ends_with(self.word, b"sses") => &rules::SSES,
            b's' if ends_with(self.word, b"ies") && long => &rules::IES_TO_I,
            b's' if ends_with(self.word, b"ies") => &rules::IES_TO_IE,
            b'd' if ends_with(self.word, b"ied") && long => &rules::IED_TO_I,
            b'd' if ends_with(self.word, b"ied") => &rules::IED_TO_IE,
            b's' if ends_with(self.word, b"us") || ends_with(self.word, b"ss") => return None,
            b's' if has_vowel(&self.word[..length.saturating_sub(2)]) => &rules::S,
            _ => return None,
        };
        Some(self.apply(rule))
    }

    /// Step 1b: `eed`, `eedly` -> `ee` in R1; `ed`, `edly`, `ing`, `ingly` deleted after a vowel,
    /// then the end tidied (see [`Self::step_1b_tidy`]). Traced as `1b` and `1b tidy`.
    fn step_1b<T: Tracer>(&mut self, tracer: &mut T) {
        if let Some(rule) = self.longest_match(&rules::STEP_1B_EED) {
            let fired = self.step_1b_eed(rule);
            tracer.step("1b", fired, || render(self.word));
            return;
        }
        let Some(rule) = self.longest_match(&rules::STEP_1B_ED_ING) else {
            tracer.step("1b", None, || render(self.word));
            return;
        };
        if self.revision.has_ing_exceptions() && rule.suffix == b"ing" {
            if let Some(fired) = self.step_1b_ing_exception() {
                tracer.step("1b", Some(fired), || render(self.word));
                return;
            }
        }
        if !has_vowel(&self.word[..self.word.len() - rule.suffix.len()]) {
            tracer.step("1b", None, || render(self.word));
            return;
        }
        let fired = self.apply(rule);
        tracer.step("1b", Some(fired), || render(self.word));
        let fired = self.step_1b_tidy();
        tracer.step("1b tidy", fired, || render(self.word));
    }

    /// `eed`, `eedly` -> `ee` when R1 holds the suffix; Snowball 3 keeps `proceed`, `exceed`
    /// and `succeed` whole.
    fn step_1b_eed(&mut self, rule: &Rule) -> Option<&'static str> {
        let length = self.word.len();
        let stem = &self.word[..length - rule.suffix.len()];
        if self.revision.keeps_eed_verbs()
            && [&b"proc"[..], b"exc", b"succ"]
                .iter()
                .any(|verb| equals(stem, verb))
        {
            return Some("proceed, exceed, succeed: kept");
        }
        if !self.regions.r1_holds(rule.suffix.len(), length) {
            return None;
        }
        Some(self.apply(rule))
    }

    /// Snowball 3's exceptions among `-ing` words: a lone non-vowel before `ying` (`dying` ->
    /// `die`), and `inning`, `outing`, `canning`, `herring`, `earring`, `evening` kept whole.
    fn step_1b_ing_exception(&mut self) -> Option<&'static str> {
        const KEPT: [&[u8]; 6] = [b"inn", b"out", b"cann", b"herr", b"earr", b"even"];
        let stem = &self.word[..self.word.len() - 3];
        if let [first, y] = stem {
            if y.is(b'y') && !first.is_snowball_vowel() {
                return Some(self.apply(&rules::YING));
            }
        }
        if KEPT.iter().any(|kept| equals(stem, kept)) {
            return Some("inning, outing, canning, herring, earring, evening: kept");
        }
        None
    }

    /// After step 1b deleted its suffix: `at`, `bl`, `iz` get their `e` back; a double consonant
    /// is undoubled; a short syllable that is the whole of R1's left side gets an `e`.
    fn step_1b_tidy(&mut self) -> Option<&'static str> {
        let length = self.word.len();
        if [&b"at"[..], b"bl", b"iz"]
            .iter()
            .any(|end| ends_with(self.word, end))
        {
            self.word.push(L::from_ascii(b'e'));
            self.regions.follow_restored_e(self.revision, length + 1);
            return Some("at, bl, iz -> +e");
        }
        if self.ends_with_double() {
            if self.revision.keeps_double_after_lone_aeo()
                && length == 3
                && self.word[0].is_in(b"aeo")
            {
                return Some("double after a lone a, e, o: kept");
            }
            self.word.pop();
            self.regions
                .follow_edit(self.revision, length, 1, 0, Leftover::Nothing);
            return Some("double consonant -> single");
        }
        if self.regions.r1_starts_at(length) && self.is_short_syllable(self.word) {
            self.word.push(L::from_ascii(b'e'));
            self.regions
                .follow_short_syllable_e(self.revision, length + 1);
            return Some("short syllable -> +e");
        }
        None
    }

    /// Whether the word ends with `bb`, `dd`, `ff`, `gg`, `mm`, `nn`, `pp`, `rr` or `tt`.
    fn ends_with_double(&self) -> bool {
        match self.word[..] {
            [.., a, b] => a == b && a.is_in(b"bdfgmnprt"),
            _ => false,
        }
    }

    /// Whether `stem` ends in a short syllable: a non-vowel other than `w`, `x`, `Y` after a
    /// vowel after a non-vowel, or a vowel then a non-vowel that are the whole stem (and, in
    /// Snowball 3, `past`).
    fn is_short_syllable(&self, stem: &[L]) -> bool {
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
            _ => self.revision.past_is_short() && ends_with(stem, b"past"),
        }
    }

    /// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter -> `i`.
    fn step_1c(&mut self) -> Option<&'static str> {
        let length = self.word.len();
        let [.., before, last] = self.word[..] else {
            return None;
        };
        if length > 2 && (last.is(b'y') || last.is(b'Y')) && !before.is_snowball_vowel() {
            self.word[length - 1] = L::from_ascii(b'i');
            return Some("y -> i after a non-vowel");
        }
        None
    }

    /// Step 2: derivational suffixes in R1 (`ational` -> `ate`, `li` deleted after `c`...).
    fn step_2(&mut self) -> Option<&'static str> {
        let rule = self.longest_match(&rules::STEP_2)?;
        if !self.regions.r1_holds(rule.suffix.len(), self.word.len()) {
            return None;
        }
        self.apply_if(rule)
    }

    /// Step 3: more derivational suffixes in R1 (`icate` -> `ic`, `ative` deleted in R2...).
    fn step_3(&mut self) -> Option<&'static str> {
        let rule = self.longest_match(&rules::STEP_3)?;
        if !self.regions.r1_holds(rule.suffix.len(), self.word.len()) {
            return None;
        }
        self.apply_if(rule)
    }

    /// Step 4: suffixes deleted in R2 (`ement`, `ion` after `s` or `t`...).
    fn step_4(&mut self) -> Option<&'static str> {
        let rule = self.longest_match(&rules::STEP_4)?;
        if !self.regions.r2_holds(rule.suffix.len(), self.word.len()) {
            return None;
        }
        self.apply_if(rule)
    }

    /// Step 5: a final `e` deleted in R2, or in R1 after no short syllable; a final `l` deleted
    /// in R2 after another `l`.
    fn step_5(&mut self) -> Option<&'static str> {
        let length = self.word.len();
        let last = *self.word.last()?;
        if last.is(b'e') {
            if self.regions.r2_holds(1, length) {
                self.word.pop();
                return Some("e -> (deleted) in R2");
            }
            if self.regions.r1_holds(1, length) && !self.is_short_before_e() {
                self.word.pop();
                return Some("e -> (deleted) in R1, not after a short syllable");
            }
        } else if last.is(b'l')
            && self.regions.r2_holds(1, length)
            && length >= 2
            && self.word[length - 2].is(b'l')
        {
            self.word.pop();
            return Some("ll -> l in R2");
        }
        None
    }

    /// Whether the letters before the final `e` end in a short syllable, for step 5.
    fn is_short_before_e(&self) -> bool {
        let stem = &self.word[..self.word.len() - 1];
        (self.revision.short_words_end_short() && stem.len() < 3) || self.is_short_syllable(stem)
    }

    /// The longest suffix in `table` (ordered longest first) the word ends with, among the
    /// rules this revision has. Like Snowball's `among`, a rule whose conditions then fail
    /// does not let a shorter one try.
    fn longest_match(&self, table: &'static Table) -> Option<&'static Rule> {
        if !table.may_end(self.word.last()?.ascii()) {
            return None;
        }
        table.rules.iter().find(|rule| {
            (rule.condition != Condition::Snowball3 || self.revision.has_ogist())
                && ends_with(self.word, rule.suffix)
        })
    }

    /// Applies `rule` if its condition holds.
    fn apply_if(&mut self, rule: &'static Rule) -> Option<&'static str> {
        let length = self.word.len();
        let holds = match rule.condition {
            Condition::Always | Condition::Snowball3 => true,
            Condition::After(letters) => {
                length > rule.suffix.len()
                    && self.word[length - rule.suffix.len() - 1].is_in(letters)
            }
            Condition::InR2 => self.regions.r2_holds(rule.suffix.len(), length),
        };
        holds.then(|| self.apply(rule))
    }

    /// Rewrites the word's end as `rule` says, and moves the regions along.
    fn apply(&mut self, rule: &Rule) -> &'static str {
        let length = self.word.len();
        self.word.truncate(length - rule.removed);
        self.word
            .extend(rule.added.iter().map(|&byte| L::from_ascii(byte)));
        self.regions.follow_edit(
            self.revision,
            length,
            rule.removed,
            rule.added.len(),
            rule.leftover,
        );
        rule.label
    }
}
