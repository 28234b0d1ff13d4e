//! Fuzz findings kept as regression tests: every input in `inputs/TARGET/` is replayed through
//! the fuzz target `TARGET`'s own checks (`fuzz/checks/TARGET.rs`, included here and by the
//! target), from the same bytes.
//!
//! To keep a crash: copy the artifact as-is
//! (`cp fuzz/artifacts/tokenize/crash-... inputs/tokenize/NAME`), add a line to the target's
//! list below with a comment saying what was wrong, fix the bug, and see this test fail before
//! the fix and pass after it. The bytes are decoded exactly as the fuzz targets decode them:
//! `pipeline` takes them raw; `tokenize` decodes them into its `Case` with the same derived
//! `Arbitrary` and the same call libfuzzer-sys makes (`arbitrary_take_rest`).

use arbitrary::{Arbitrary, Unstructured};

#[path = "../../../../fuzz/checks/tokenize.rs"]
mod tokenize;

#[path = "../../../../fuzz/checks/pipeline.rs"]
mod pipeline;

/// Inputs for the `tokenize` target, with why each is here.
const TOKENIZE: &[(&str, &[u8])] = &[
    // Seed `30-unicode-mixed`, Unicode mode: accented and dotted capital letters (`İ` lowercases
    // to two characters), a curly apostrophe, an em dash, Greek capitals, an emoji and digits:
    // every range must fall on character boundaries of multi-byte text.
    (
        "unicode-mixed",
        include_bytes!("inputs/tokenize/unicode-mixed"),
    ),
    // Seed `31-fold-mixed`, Unicode mode with folding and stopwords on the same text: folded
    // tokens are no longer slices of the text (`naïve` -> `naive`), and cutting at the last
    // safe cut of the first 54 bytes must give the same tokens.
    ("fold-mixed", include_bytes!("inputs/tokenize/fold-mixed")),
    // Hand-made, not a crash: Unicode mode, keeping numbers and folding. `⅙` folds to `1/6`,
    // two tokens pointing at the same character; `2½` folds to `21/2`, tokens `21` and `2`
    // whose ranges share their end: ranges repeat but never go back. The prefix bytes `3 ` (8243,
    // modulo the text's 22 bytes + 1: 9) end the prefix inside `½`, which must step back to a
    // character boundary before the cut is asked for.
    (
        "fold-one-sixth",
        include_bytes!("inputs/tokenize/fold-one-sixth"),
    ),
];

/// Inputs for the `pipeline` target, with why each is here.
const PIPELINE: &[(&str, &[u8])] = &[
    // Seed `24-crlf-bom`: a byte-order mark before the title and CRLF line ends, read whole and
    // 7 bytes at a time, in both layouts, must give the same output.
    ("crlf-bom", include_bytes!("inputs/pipeline/crlf-bom")),
    // Seed `25-empty-title`: the document starts with a newline, so its title is empty.
    ("empty-title", include_bytes!("inputs/pipeline/empty-title")),
    // Seed `26-invalid-utf8`: a lone `0xff` in the title and a broken two-byte sequence
    // (`0xc3 (`) in the body; strict must fail at the first, on line 1, byte 6.
    (
        "invalid-utf8",
        include_bytes!("inputs/pipeline/invalid-utf8"),
    ),
    // Seed `27-truncated-char`: the input ends in the middle of a character (`caf` + `0xc3`):
    // strict must report byte 3 though no byte follows it, lossy must replace it.
    (
        "truncated-char",
        include_bytes!("inputs/pipeline/truncated-char"),
    ),
];

/// The `tokenize` target's decoding, as libfuzzer-sys's `fuzz_target!` does it: an input
/// shorter than the case's minimum size is never run (so keeping one would check nothing),
/// the rest is `Case::arbitrary_take_rest`.
fn decode(bytes: &[u8]) -> tokenize::Case {
    let minimum = <tokenize::Case as Arbitrary>::size_hint(0).0;
    assert!(
        bytes.len() >= minimum,
        "{bytes:?}: shorter than {minimum} bytes, the fuzz target never runs it"
    );
    tokenize::Case::arbitrary_take_rest(Unstructured::new(bytes))
        .unwrap_or_else(|error| panic!("{bytes:?}: the fuzz target does not decode it: {error}"))
}

#[test]
fn tokenize_inputs_keep_the_fuzz_target_properties() {
    for (name, bytes) in TOKENIZE {
        let case = decode(bytes);
        tokenize::check(&case, &(name, &case));
    }
}

#[test]
fn pipeline_inputs_keep_the_fuzz_target_properties() {
    for (name, bytes) in PIPELINE {
        pipeline::check(bytes, name);
    }
}

/// The byte layout `fuzz/README.md` documents for `tokenize`.
#[test]
fn decoding_matches_the_documented_layout() {
    assert_eq!(
        format!("{:?}", decode(b"0110\x31\x03\x30* text\xffmore")),
        "Case { unicode: false, keep_numbers: true, fold_to_ascii: true, \
         remove_stopwords: false, min_len: Some(3), max_len: None, prefix: 8234, \
         text: \"text\" }"
    );
    assert_eq!(
        format!("{:?}", decode(b"1001000\x05")),
        "Case { unicode: true, keep_numbers: false, fold_to_ascii: false, \
         remove_stopwords: true, min_len: None, max_len: None, prefix: 1328, text: \"\" }"
    );
}
