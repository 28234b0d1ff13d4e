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

mod snowball_case;

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

/// Inputs for the `snowball` target (decoded by `snowball_case.rs`, as the target does), with
/// why each is here.
const SNOWBALL: &[(&str, &[u8])] = &[
    // Hand-made, not a crash: a word over 64 KiB (`*`), so `GiantWordStemmer` takes its bounded
    // path, which must give the whole word's stem.
    (
        "long-porter2",
        include_bytes!("inputs/snowball/long-porter2"),
    ),
    // Fuzz finding: `spanish@2.0.0` on `développement` (sic) repeated past 64 KiB.
    // `GiantWordStemmer` squeezed the word as if it were English and kept its accents, where
    // Spanish drops every one; Snowball programs are now held whole.
    (
        "long-spanish-accents",
        include_bytes!("inputs/snowball/long-spanish-accents"),
    ),
    // Hand-made, not a crash: a capital and a non-ASCII letter in a non-English word.
    (
        "capital-french",
        include_bytes!("inputs/snowball/capital-french"),
    ),
    // Fuzz finding (out of memory): `portuguese` on `iévnt` repeated past 64 KiB. `explain`
    // records the whole word at every step, and the prelude's `among` matches once per `é`:
    // 109,242 steps holding 7.2 GB of word copies, for a stem `stem` writes in a millisecond.
    // The trace now ends with one step saying it was cut short past 16 MiB.
    (
        "explain-memory-portuguese",
        include_bytes!("inputs/snowball/explain-memory-portuguese"),
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

#[test]
fn snowball_inputs_keep_the_fuzz_target_properties() {
    for (name, bytes) in SNOWBALL {
        let case = snowball_case::decode(bytes);
        assert!(!case.word.is_empty(), "{name}: decoded to no word");
        snowball_case::check(&case);
    }
}

#[test]
fn snowball_decoding_reads_a_name_line() {
    let case = snowball_case::decode(b"porter2-nltk\nponies");
    assert_eq!(case.algorithm, Algorithm::Porter2Nltk);
    assert_eq!(case.word, "ponies");
    let long = snowball_case::decode(b"porter2*\nab");
    assert_eq!(
        (long.algorithm, long.word.len() > 64 * 1024),
        (Algorithm::Porter2, true)
    );
    let unnamed = snowball_case::decode(b"\x03ab\xffcd");
    assert_eq!(unnamed.word, "ab");
}
