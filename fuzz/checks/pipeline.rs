//! The checks of the fuzz target `pipeline`, in one place: the target
//! (`fuzz/fuzz_targets/pipeline.rs`) and its regression replays
//! (`crates/tokenizer/tests/regressions/`) both include this file by `#[path]`, so a kept input
//! is checked exactly as the fuzzer checked it (the input is the raw bytes, nothing to decode).
//!
//! Any bytes, invalid UTF-8 included, through `Pipeline::run` in both layouts. Never panics;
//! lossy never fails; strict fails exactly at the first invalid byte; lossy output equals strict
//! output on the input with invalid bytes replaced; and reading in 7-byte chunks (which hands
//! every longer token over in pieces) changes no output, with the default options and with one
//! of a few other option sets (Unicode words, folding, filters).

use std::cell::RefCell;
use std::fmt::Debug;

use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Layout, Pipeline, PipelineError, TokenMode, TokenizerOptions};

thread_local! {
    /// One pipeline for every run, as a long job keeps one: building one per input would zero a
    /// fresh 4 MiB stem cache each time (about 40 runs/s under ASan). Its cache carries words
    /// from earlier inputs, which must never change an output: that is checked too, since the
    /// lossy/strict/replaced comparisons below run with whatever the cache holds.
    static PIPELINE: RefCell<Pipeline> =
        RefCell::new(Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk)));
    /// The same pipeline reading 7 bytes at a time: lines are cut and tokens streamed in pieces.
    static SMALL_READS: RefCell<Pipeline> = RefCell::new(
        Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk)).with_chunk_size(7),
    );
}

/// Option sets other than the default: each changes where lines are cut or how a streamed
/// token is filtered.
fn other_options() -> Vec<TokenizerOptions> {
    let unicode = TokenizerOptions {
        mode: TokenMode::Unicode,
        ..TokenizerOptions::default()
    };
    vec![
        unicode.clone(),
        TokenizerOptions {
            fold_to_ascii: true,
            remove_stopwords: true,
            ..unicode
        },
        TokenizerOptions {
            remove_stopwords: true,
            min_len: Some(3),
            max_len: Some(12),
            ..TokenizerOptions::default()
        },
        TokenizerOptions {
            keep_numbers: true,
            fold_to_ascii: true,
            ..TokenizerOptions::default()
        },
    ]
}

thread_local! {
    /// For each of [`other_options`]: a pipeline reading whole inputs, and one reading 7 bytes
    /// at a time.
    static OTHERS: Vec<(TokenizerOptions, RefCell<(Pipeline, Pipeline)>)> = other_options()
        .into_iter()
        .map(|options| {
            let whole = Pipeline::new(options.clone(), Some(Algorithm::PorterNltk));
            let small = whole.clone().with_chunk_size(7);
            (options, RefCell::new((whole, small)))
        })
        .collect();
}

/// With the option set the input's length picks, small reads change no output.
fn check_other_options(input: &[u8], name: &dyn Debug, layout: Layout) {
    OTHERS.with(|others| {
        let (options, pipelines) = &others[input.len() % others.len()];
        let (whole, small) = &mut *pipelines.borrow_mut();
        let (mut expected, mut pieces) = (Vec::new(), Vec::new());
        let ran = whole.run(input, &mut expected, layout, true);
        assert!(ran.is_ok(), "lossy run failed on {name:?}");
        let ran = small.run(input, &mut pieces, layout, true);
        assert!(ran.is_ok(), "lossy run in small reads failed on {name:?}");
        assert_eq!(
            pieces, expected,
            "small reads change the output of {name:?} with {options:?}"
        );
    });
}

fn run(input: &[u8], layout: Layout, lossy: bool) -> Result<Vec<u8>, PipelineError> {
    let mut output = Vec::new();
    PIPELINE.with_borrow_mut(|pipeline| pipeline.run(input, &mut output, layout, lossy))?;
    Ok(output)
}

/// Checks `input`; `name` names it in every failure.
pub(crate) fn check(input: &[u8], name: &dyn Debug) {
    for layout in [Layout::TokenPerLine, Layout::LinePerLine] {
        let lossy = match run(input, layout, true) {
            Ok(output) => output,
            Err(error) => panic!("lossy run failed: {error} on {name:?}"),
        };
        assert!(
            std::str::from_utf8(&lossy).is_ok(),
            "lossy output is not UTF-8: {name:?}"
        );

        let strict = run(input, layout, false);
        match std::str::from_utf8(input) {
            Ok(_) => {
                let strict =
                    strict.unwrap_or_else(|e| panic!("valid UTF-8 rejected: {e}: {name:?}"));
                assert_eq!(
                    strict, lossy,
                    "lossy and strict differ on valid UTF-8: {name:?}"
                );
            }
            Err(utf8) => match strict {
                Err(PipelineError::InvalidUtf8 { line, byte }) => {
                    let bad = utf8.valid_up_to();
                    let expected_line = 1 + input[..bad].iter().filter(|&&b| b == b'\n').count();
                    assert_eq!(byte, bad as u64, "wrong byte offset for {name:?}");
                    assert_eq!(line, expected_line as u64, "wrong line for {name:?}");
                }
                other => panic!("invalid UTF-8 not reported: {other:?} on {name:?}"),
            },
        }

        let mut pieces = Vec::new();
        let small =
            SMALL_READS.with_borrow_mut(|pipeline| pipeline.run(input, &mut pieces, layout, true));
        assert!(small.is_ok(), "lossy run in small reads failed on {name:?}");
        assert_eq!(pieces, lossy, "small reads change the output of {name:?}");
        check_other_options(input, name, layout);

        let replaced = String::from_utf8_lossy(input);
        let expected = run(replaced.as_bytes(), layout, false)
            .unwrap_or_else(|e| panic!("replaced input rejected: {e}: {name:?}"));
        assert_eq!(
            lossy, expected,
            "lossy differs from strict on the replaced text: {name:?}"
        );
    }
}
