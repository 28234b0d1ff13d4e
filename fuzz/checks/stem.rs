//! The checks of the fuzz target `stem`, in one place: the target (`fuzz/fuzz_targets/stem.rs`)
//! and its regression replays (`crates/stemmer/tests/regressions/`) both include this file by
//! `#[path]`, so a kept input is checked exactly as the fuzzer checked it.
//!
//! Any algorithm on any word never panics, never lengthens the lowercased word, and its three
//! entry points (`stem`, `stem_into`, `explain`) agree.

use std::fmt::Debug;

use stemkit_stemmer::{Algorithm, Stemmer};

/// The algorithm an input's first byte picks: digits index [`Algorithm::ALL`] (so that seed
/// files read as `0running`, `3ponies`), any other byte wraps around.
pub(crate) fn algorithm(byte: u8) -> Algorithm {
    Algorithm::ALL[usize::from(byte.wrapping_sub(b'0')) % Algorithm::ALL.len()]
}

/// Checks `word` under `algorithm`; `case` names the input in every failure.
pub(crate) fn check(algorithm: Algorithm, word: &str, case: &dyn Debug) {
    let stemmer = Stemmer::new(algorithm);
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
}
