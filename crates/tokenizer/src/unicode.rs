//! Unicode (UAX #29) words, lowercased as Python's `str.lower()` lowercases each of them.
//!
//! Words are the segments between UAX #29 word boundaries (`unicode-segmentation`) that hold a
//! letter, or, with `keep_numbers`, a digit: `naïve`, `Venezuela’s`, `don't`, `e.g`, `covid19`
//! are single words (UAX #29 keeps an apostrophe or a dot between two letters inside the word);
//! `2019` and `3.14` are words only with `keep_numbers`; punctuation, spaces and emoji never are.
//! Each word is lowercased on its own, so a final sigma is decided inside the word: `ΟΔΟΣ` ->
//! `οδος` with `ς`, whatever follows it in the text.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `emit(start, word)` for every word of `text`, `start` being its byte offset.
pub(crate) fn words(text: &str, keep_numbers: bool, mut emit: impl FnMut(usize, &str)) {
    for (start, segment) in text.split_word_bound_indices() {
        // A combining mark after a space joins the space's segment (UAX #29 rule WB4); the
        // space is no part of the word.
        let word = segment.trim_start();
        let start = start + (segment.len() - word.len());
        if word
            .chars()
            .any(|c| c.is_alphabetic() || (keep_numbers && c.is_numeric()))
        {
            emit(start, word);
        }
    }
}

/// `word` lowercased as Python's `str.lower()` would: borrowed when nothing changes, else
/// written into `buffer`.
pub(crate) fn lowercase<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    let Some(first_change) = word.char_indices().find(|&(_, c)| changes_in_lowercase(c)) else {
        return word;
    };
    buffer.clear();
    if word[first_change.0..].contains('Σ') {
        // Only `str::to_lowercase` knows the final-sigma context rule; capital sigma is rare
        // enough outside Greek text that its allocation does not matter.
        buffer.push_str(&word.to_lowercase());
    } else {
        buffer.push_str(&word[..first_change.0]);
        buffer.extend(word[first_change.0..].chars().flat_map(char::to_lowercase));
    }
    buffer
}

fn changes_in_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    !(lower.len() == 1 && lower.next() == Some(c))
}
