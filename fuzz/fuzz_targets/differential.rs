//! Fuzz target `differential`: the production Porter stemmer, in each of NLTK's three modes,
//! against the oracle, the slow literal transcription of NLTK's Python in
//! `crates/stemmer/tests/oracle/`. The checks are in `fuzz/checks/differential.rs`, shared with
//! the regression replays.

#![no_main]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

#[path = "../checks/differential.rs"]
mod checks;

/// One case: the first input byte picks the mode (`'0'` NLTK, `'1'` Martin, `'2'` original,
/// any other byte wraps around), the rest is the word.
#[derive(Arbitrary)]
struct Case {
    #[arbitrary(with = pick_mode)]
    mode: usize,
    word: String,
}

fn pick_mode(u: &mut Unstructured<'_>) -> arbitrary::Result<usize> {
    Ok(checks::mode(u8::arbitrary(u)?))
}

/// Printed on a crash: the command to see what production does, and the word escaped.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stemkit explain --algorithm {} {:?}   # word: {:?}",
            checks::MODES[self.mode].0,
            self.word,
            self.word.escape_unicode().to_string()
        )
    }
}

fuzz_target!(|case: Case| {
    checks::check(case.mode, &case.word, &case);
});
