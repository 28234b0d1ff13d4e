//! Fuzz target `stem`: any algorithm on any word never panics, never lengthens the lowercased
//! word, and its three entry points (`stem`, `stem_into`, `explain`) agree.

#![no_main]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use stemkit_stemmer::{Algorithm, Stemmer};

/// One case: the first input byte picks the algorithm (`'0'`..`'4'` in `Algorithm::ALL` order,
/// any other byte wraps around), the rest is the word (up to its first invalid UTF-8 byte).
#[derive(Arbitrary)]
struct Case {
    #[arbitrary(with = pick_algorithm)]
    algorithm: Algorithm,
    word: String,
}

fn pick_algorithm(u: &mut Unstructured<'_>) -> arbitrary::Result<Algorithm> {
    // Digits index the list so that seed files read as `0running`, `3ponies`.
    let byte = u8::arbitrary(u)?;
    Ok(Algorithm::ALL[usize::from(byte.wrapping_sub(b'0')) % Algorithm::ALL.len()])
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
    let stemmer = Stemmer::new(case.algorithm);
    let word = case.word.as_str();
    let stem = stemmer.stem(word);

    let lowered = word.to_lowercase().chars().count();
    assert!(
        stem.chars().count() <= lowered,
        "{case:?}: stem {stem:?} is longer than the lowercased word ({lowered} chars)"
    );

    // A dirty, oversized buffer must not leak into the result.
    let mut reused = String::from("leftover text from an earlier word");
    stemmer.stem_into(word, &mut reused);
    assert_eq!(reused, stem, "{case:?}: stem_into differs from stem");

    let explanation = stemmer.explain(word);
    assert_eq!(
        explanation.stem, stem,
        "{case:?}: explain's stem differs from stem"
    );
});
