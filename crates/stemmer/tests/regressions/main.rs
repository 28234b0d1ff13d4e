//! Fuzz findings kept as regression tests: every input in `inputs/TARGET/` is replayed through
//! the same checks as the fuzz target `TARGET` (see `fuzz/fuzz_targets/`), from the same bytes.
//!
//! To keep a crash: copy the artifact as-is (`cp fuzz/artifacts/stem/crash-... inputs/stem/NAME`),
//! add a line to the target's list below with a comment saying what was wrong, fix the bug, and
//! see this test fail before the fix and pass after it. The bytes are decoded exactly as the fuzz
//! targets decode them: the first byte picks the algorithm, the rest is the word up to its first
//! invalid UTF-8 byte (what `arbitrary` does with a trailing `String`).

use stemkit_stemmer::{Algorithm, Stemmer};

#[path = "../reference/mod.rs"]
mod reference;

/// Inputs for the `stem` target, with why each is here.
const STEM: &[(&str, &[u8])] = &[
    // Hand-made, not a crash: `İ` lowercases to two characters (`i` + U+0307), so the length
    // bound must be taken on the lowercased word; a stemmer measuring bytes or the raw input
    // would trip here.
    (
        "dotted-capital-i",
        include_bytes!("inputs/stem/dotted-capital-i"),
    ),
];

/// Inputs for the `differential` target, with why each is here.
const DIFFERENTIAL: &[(&str, &[u8])] = &[
    // Hand-made, not a crash: a non-ASCII letter after `y` in NLTK mode; NLTK 3.10.4 returns
    // `ysí` unchanged, and byte-wise code must not treat the `í` bytes as consonants or vowels.
    (
        "non-ascii-after-y",
        include_bytes!("inputs/differential/non-ascii-after-y"),
    ),
];

/// The fuzz targets' decoding: a digit-indexed choice, then the valid UTF-8 prefix of the rest.
fn decode<T: Copy>(bytes: &[u8], choices: &[T]) -> (T, String) {
    let (&first, rest) = bytes.split_first().unwrap_or((&b'0', &[]));
    let choice = choices[usize::from(first.wrapping_sub(b'0')) % choices.len()];
    let valid = match std::str::from_utf8(rest) {
        Ok(word) => word.len(),
        Err(error) => error.valid_up_to(),
    };
    (choice, String::from_utf8_lossy(&rest[..valid]).into_owned())
}

#[test]
fn stem_inputs_keep_the_fuzz_target_properties() {
    for (name, bytes) in STEM {
        let (algorithm, word) = decode(bytes, &Algorithm::ALL);
        let stemmer = Stemmer::new(algorithm);
        let stem = stemmer.stem(&word);
        let lowered = word.to_lowercase().chars().count();
        assert!(
            stem.chars().count() <= lowered,
            "{name}: {stem:?} longer than {word:?} lowered"
        );
        let mut reused = String::from("leftover text from an earlier word");
        stemmer.stem_into(&word, &mut reused);
        assert_eq!(reused, stem, "{name}: stem_into differs from stem");
        assert_eq!(
            stemmer.explain(&word).stem,
            stem,
            "{name}: explain differs from stem"
        );
    }
}

#[test]
fn differential_inputs_match_the_reference() {
    let modes = [
        (Algorithm::PorterNltk, 0),
        (Algorithm::PorterMartin, 1),
        (Algorithm::PorterOriginal, 2),
    ];
    for (name, bytes) in DIFFERENTIAL {
        let ((algorithm, mode), word) = decode(bytes, &modes);
        let mode = match mode {
            0 => reference::Mode::Nltk,
            1 => reference::Mode::Martin,
            _ => reference::Mode::Original,
        };
        let expected = reference::stem(mode, &word);
        assert_eq!(
            Stemmer::new(algorithm).stem(&word),
            expected,
            "{name}: {word:?}"
        );
    }
}

#[test]
fn decoding_matches_the_fuzz_targets() {
    assert_eq!(
        decode(b"3ponies", &Algorithm::ALL),
        (Algorithm::Porter2, "ponies".to_owned())
    );
    assert_eq!(
        decode(b"7x", &Algorithm::ALL),
        (Algorithm::PorterOriginal, "x".to_owned())
    );
    assert_eq!(
        decode(b"0ab\xffcd", &Algorithm::ALL),
        (Algorithm::PorterNltk, "ab".to_owned())
    );
}
