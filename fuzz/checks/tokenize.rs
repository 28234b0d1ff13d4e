//! The checks of the fuzz target `tokenize`, in one place: the target
//! (`fuzz/fuzz_targets/tokenize.rs`) and its regression replays
//! (`crates/tokenizer/tests/regressions/`) both include this file by `#[path]`, and both decode
//! an input into [`Case`] with its derived `Arbitrary`, so a kept input is checked exactly as the
//! fuzzer checked it.
//!
//! Any options on any text never panic, and every token comes from the text: its range is a
//! valid slice of it, in order, and without folding non-overlapping. Cutting the text at the last
//! safe cut of any prefix (as streaming readers do) changes no token.

use std::fmt::Debug;
use std::ops::Range;

use arbitrary::Arbitrary;
use stemkit_tokenizer::{TokenMode, Tokenizer, TokenizerOptions};

/// The tokenizer's options as the fuzzer draws them, then the text. In bytes: one byte for each
/// flag (odd is true, so `0`/`1` read as false/true), `min_len` and `max_len` each as a byte
/// (odd: some) followed by the length when some, two bytes (little-endian) for `prefix`, and the
/// rest is the text up to its first invalid UTF-8 byte.
#[derive(Arbitrary, Debug)]
pub(crate) struct Case {
    unicode: bool,
    keep_numbers: bool,
    fold_to_ascii: bool,
    remove_stopwords: bool,
    min_len: Option<u8>,
    max_len: Option<u8>,
    /// Where the prefix whose last safe cut is tried ends (modulo the text's length + 1).
    prefix: u16,
    text: String,
}

impl Case {
    fn options(&self) -> TokenizerOptions {
        TokenizerOptions {
            mode: if self.unicode {
                TokenMode::Unicode
            } else {
                TokenMode::Ascii
            },
            keep_numbers: self.keep_numbers,
            fold_to_ascii: self.fold_to_ascii,
            remove_stopwords: self.remove_stopwords,
            min_len: self.min_len.map(usize::from),
            max_len: self.max_len.map(usize::from),
        }
    }
}

/// Checks `case`; `name` names it in every failure.
pub(crate) fn check(case: &Case, name: &dyn Debug) {
    let options = case.options();
    let folding = options.fold_to_ascii;
    let plain_ascii = options.mode == TokenMode::Ascii && !folding;
    let text = case.text.as_str();
    let mut tokenizer = Tokenizer::new(options);
    check_safe_cut(case, name, &mut tokenizer);
    let mut previous = 0..0;
    tokenizer.tokenize(text, |token| {
        let range = token.range.clone();
        assert!(range.start < range.end, "{name:?}: empty range {range:?}");
        assert!(
            range.end <= text.len(),
            "{name:?}: range {range:?} past the text's end"
        );
        if folding {
            // Folding can turn one character into several tokens (`⅙` -> `1/6` -> `1`, `6`),
            // each pointing at that character: ranges may repeat, but never go back.
            assert!(
                previous.start <= range.start && previous.end <= range.end,
                "{name:?}: range {range:?} goes back from {previous:?}"
            );
        } else {
            assert!(
                previous.end <= range.start,
                "{name:?}: range {range:?} overlaps or goes back from {previous:?}"
            );
        }
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "{name:?}: range {range:?} splits a character"
        );
        assert!(!token.text.is_empty(), "{name:?}: empty token at {range:?}");
        if plain_ascii {
            // Without folding, a token is exactly its slice of the text, ASCII-lowercased.
            assert_eq!(
                token.text,
                text[range.clone()].to_ascii_lowercase(),
                "{name:?}"
            );
        }
        previous = range;
    });
}

/// The tokens and ranges of `text`, each range shifted by `offset`.
fn tokens(tokenizer: &mut Tokenizer, text: &str, offset: usize) -> Vec<(String, Range<usize>)> {
    let mut tokens = Vec::new();
    tokenizer.tokenize(text, |token| {
        let range = token.range.start + offset..token.range.end + offset;
        tokens.push((token.text.to_owned(), range));
    });
    tokens
}

/// Tokenizing the two sides of the last safe cut of a prefix gives the whole text's tokens.
fn check_safe_cut(case: &Case, name: &dyn Debug, tokenizer: &mut Tokenizer) {
    let text = case.text.as_str();
    let mut end = usize::from(case.prefix) % (text.len() + 1);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(cut) = tokenizer.last_safe_cut(&text[..end]) else {
        return;
    };
    assert!(
        cut > 0 && cut <= end,
        "{name:?}: cut {cut} of a prefix of {end} bytes"
    );
    assert!(
        text.is_char_boundary(cut),
        "{name:?}: cut {cut} splits a character"
    );
    let whole = tokens(tokenizer, text, 0);
    let mut pieces = tokens(tokenizer, &text[..cut], 0);
    pieces.extend(tokens(tokenizer, &text[cut..], cut));
    assert_eq!(pieces, whole, "{name:?}: cut at {cut} changes the tokens");
}
