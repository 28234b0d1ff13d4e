//! Token offsets as Python counts them: the tokenizer gives byte ranges of the UTF-8 text,
//! Python indexes a `str` by code point. (Stems and documents come from the tokenizer crate's
//! in-memory API, `stemkit_tokenizer::text`, directly.)

use std::ops::Range;

use stemkit_tokenizer::Tokenizer;

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
