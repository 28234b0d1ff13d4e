//! Fuzz target `differential`: the production Porter stemmer, in each of NLTK's three modes,
//! against the slow literal transcription of NLTK's Python in `crates/stemmer/tests/reference/`.

#![no_main]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use stemkit_stemmer::{Algorithm, Stemmer};

#[path = "../../crates/stemmer/tests/reference/mod.rs"]
mod reference;

/// The Porter modes, each paired with the algorithm that computes it in production.
const MODES: [(Algorithm, fn() -> reference::Mode); 3] = [
    (Algorithm::PorterNltk, || reference::Mode::Nltk),
    (Algorithm::PorterMartin, || reference::Mode::Martin),
    (Algorithm::PorterOriginal, || reference::Mode::Original),
];

/// One case: the first input byte picks the mode (`'0'` NLTK, `'1'` Martin, `'2'` original,
/// any other byte wraps around), the rest is the word.
#[derive(Arbitrary)]
struct Case {
    #[arbitrary(with = pick_mode)]
    mode: usize,
    word: String,
}

fn pick_mode(u: &mut Unstructured<'_>) -> arbitrary::Result<usize> {
    let byte = u8::arbitrary(u)?;
    Ok(usize::from(byte.wrapping_sub(b'0')) % MODES.len())
}

/// Printed on a crash: the command to see what production does, and the word escaped.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stemkit explain --algorithm {} {:?}   # word: {:?}",
            MODES[self.mode].0,
            self.word,
            self.word.escape_unicode().to_string()
        )
    }
}

fuzz_target!(|case: Case| {
    let (algorithm, mode) = MODES[case.mode];
    let production = Stemmer::new(algorithm).stem(&case.word);
    let expected = reference::stem(mode(), &case.word);
    assert_eq!(
        production, expected,
        "{case:?}: production differs from the reference"
    );
});
