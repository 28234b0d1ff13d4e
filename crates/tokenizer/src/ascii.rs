//! The pair's tokenizer: maximal runs of ASCII letters, lowercased.

use std::ops::Range;

/// Calls `emit` with the byte range of every maximal run of ASCII letters in `text`.
/// Every other byte separates, including each byte of a non-ASCII character.
pub(crate) fn letter_runs(text: &[u8], mut emit: impl FnMut(Range<usize>)) {
    let mut start = None;
    for (i, byte) in text.iter().enumerate() {
        match (byte.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                emit(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        emit(s..text.len());
    }
}
