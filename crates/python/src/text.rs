//! Text in memory to tokens, stems and documents: the tokenizer crate's pipeline on one `&str`.
//!
//! ADAPTER (to replace at merge): the tokenizer crate is gaining an in-memory API
//! (`stemkit_tokenizer::text`: tokens with byte offsets, the stems of a `&str`, a document's
//! title and stems). Until it lands, this module is that thin layer over `Tokenizer` and
//! `Pipeline`; the Python functions call only what is here.

use std::ops::Range;

use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Pipeline, Tokenizer, TokenizerOptions};

/// The byte-order mark a document may start with.
const BOM: char = '\u{feff}';

/// A text's stems, reusing one pipeline (and its stem cache) from text to text.
pub(crate) struct TextStemmer {
    pipeline: Pipeline,
}

impl TextStemmer {
    /// Tokenizing with `options`, stemming with `algorithm`; `cache_bytes` for its stem cache.
    pub(crate) fn new(options: TokenizerOptions, algorithm: Algorithm, cache_bytes: usize) -> Self {
        TextStemmer {
            pipeline: Pipeline::new(options, Some(algorithm)).with_cache_bytes(cache_bytes),
        }
    }

    /// Calls `emit` with the stem of each token of `text`.
    pub(crate) fn stems(&mut self, text: &str, emit: impl FnMut(&str)) {
        self.pipeline.for_each_token(text, emit);
    }
}

/// Calls `emit` with each token of `text` and its range in *characters* (code points) of
/// `text`, as Python indexes a `str`.
pub(crate) fn tokens_with_char_ranges(
    tokenizer: &mut Tokenizer,
    text: &str,
    mut emit: impl FnMut(&str, Range<usize>),
) {
    // Token ranges never decrease, so one pass counts the characters before each.
    let mut byte = 0;
    let mut chars = 0;
    let mut advance = |to: usize| {
        let to = to.max(byte);
        chars += text
            .get(byte..to)
            .map_or(0, |skipped| skipped.chars().count());
        byte = to;
        chars
    };
    tokenizer.tokenize(text, |token| {
        let start = advance(token.range.start);
        let end = advance(token.range.end);
        emit(token.text, start..end);
    });
}

/// A document cut as the CLI's document model cuts it: line 1 the title (verbatim, without a
/// leading byte-order mark or the `\r` of a `\r\n`), the rest the body.
pub(crate) fn split_document(text: &str) -> (&str, &str) {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    match text.split_once('\n') {
        Some((title, body)) => (title.strip_suffix('\r').unwrap_or(title), body),
        None => (text, ""),
    }
}
