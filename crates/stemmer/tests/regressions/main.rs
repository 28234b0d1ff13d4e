//! Fuzz findings kept as regression tests: every input in `inputs/TARGET/` is replayed through
//! the fuzz target `TARGET`'s own checks (`fuzz/checks/TARGET.rs`, included here and by the
//! target), from the same bytes.
//!
//! To keep a crash: copy the artifact as-is (`cp fuzz/artifacts/stem/crash-... inputs/stem/NAME`),
//! add a line to the target's list below with a comment saying what was wrong, fix the bug, and
//! see this test fail before the fix and pass after it. The bytes are decoded exactly as the fuzz
//! targets decode them: the first byte picks the algorithm, the rest is the word up to its first
//! invalid UTF-8 byte (what `arbitrary` does with a trailing `String`).

use stemkit_stemmer::Algorithm;

#[path = "../../../../fuzz/checks/stem.rs"]
mod stem;

#[path = "../../../../fuzz/checks/differential.rs"]
mod differential;

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

/// The fuzz targets' decoding: the first byte picks (by `pick`), the rest is the word up to its
/// first invalid UTF-8 byte.
fn decode<T>(bytes: &[u8], pick: impl Fn(u8) -> T) -> (T, String) {
    let (&first, rest) = bytes.split_first().unwrap_or((&b'0', &[]));
    let valid = match std::str::from_utf8(rest) {
        Ok(word) => word.len(),
        Err(error) => error.valid_up_to(),
    };
    (
        pick(first),
        String::from_utf8_lossy(&rest[..valid]).into_owned(),
    )
}

#[test]
fn stem_inputs_keep_the_fuzz_target_properties() {
    for (name, bytes) in STEM {
        let (algorithm, word) = decode(bytes, stem::algorithm);
        stem::check(algorithm, &word, name);
    }
}

#[test]
fn differential_inputs_match_the_oracle() {
    for (name, bytes) in DIFFERENTIAL {
        let (mode, word) = decode(bytes, differential::mode);
        differential::check(mode, &word, name);
    }
}

#[test]
fn decoding_matches_the_fuzz_targets() {
    assert_eq!(
        decode(b"3ponies", stem::algorithm),
        (Algorithm::Porter2, "ponies".to_owned())
    );
    assert_eq!(
        decode(b"7x", stem::algorithm),
        (Algorithm::PorterOriginal, "x".to_owned())
    );
    assert_eq!(
        decode(b"0ab\xffcd", stem::algorithm),
        (Algorithm::PorterNltk, "ab".to_owned())
    );
    assert_eq!(decode(b"4x", differential::mode).0, 1);
}
