//! Fuzz target `stem`: any algorithm on any word never panics, never lengthens the lowercased
//! word, and its three entry points (`stem`, `stem_into`, `explain`) agree. The checks are in
//! `fuzz/checks/stem.rs`, shared with the regression replays.

#![no_main]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use stemkit_stemmer::Algorithm;

#[path = "../checks/stem.rs"]
mod checks;

/// One case: the first input byte picks the algorithm (`'0'`..`'4'` in `Algorithm::ALL` order,
/// any other byte wraps around), the rest is the word (up to its first invalid UTF-8 byte).
#[derive(Arbitrary)]
struct Case {
    #[arbitrary(with = pick_algorithm)]
    algorithm: Algorithm,
    word: String,
}

fn pick_algorithm(u: &mut Unstructured<'_>) -> arbitrary::Result<Algorithm> {
    Ok(checks::algorithm(u8::arbitrary(u)?))
}

/// Printed by `cargo fuzz run stem ARTIFACT` on a crash: a command that replays the case.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stemkit stem --algorithm {} <<< {:?}   # word: {:?}",
            self.algorithm,
            self.word,
            self.word.escape_unicode().to_string()
        )
    }
}

fuzz_target!(|case: Case| {
    checks::check(case.algorithm, &case.word, &case);
});
