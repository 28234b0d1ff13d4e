//! The checks of the fuzz target `differential`, in one place: the target
//! (`fuzz/fuzz_targets/differential.rs`) and its regression replays
//! (`crates/stemmer/tests/regressions/`) both include this file by `#[path]`.
//!
//! The production Porter stemmer, in each of NLTK's three modes, equals the oracle: the slow,
//! literal transcription of NLTK's Python in `crates/stemmer/tests/oracle/`.

use std::fmt::Debug;

use stemkit_stemmer::{Algorithm, Stemmer};

#[path = "../../crates/stemmer/tests/oracle/mod.rs"]
mod oracle;

/// The Porter modes, each as production computes it and as the oracle does.
pub(crate) const MODES: [(Algorithm, oracle::Mode); 3] = [
    (Algorithm::PorterNltk, oracle::Mode::Nltk),
    (Algorithm::PorterMartin, oracle::Mode::Martin),
    (Algorithm::PorterOriginal, oracle::Mode::Original),
];

/// The index in [`MODES`] an input's first byte picks: `'0'` NLTK, `'1'` Martin, `'2'` original,
/// any other byte wraps around.
pub(crate) fn mode(byte: u8) -> usize {
    usize::from(byte.wrapping_sub(b'0')) % MODES.len()
}

/// Checks `word` in the mode `MODES[mode]`; `case` names the input in every failure.
pub(crate) fn check(mode: usize, word: &str, case: &dyn Debug) {
    let (algorithm, oracle_mode) = MODES[mode];
    let production = Stemmer::new(algorithm).stem(word);
    let expected = oracle::stem(oracle_mode, word);
    assert_eq!(
        production, expected,
        "{case:?}: production differs from the oracle"
    );
}
