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
    if !word.chars().any(changes_in_lowercase) {
        return word;
    }
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        // The final-sigma rule needs the whole word, and Python 3.11's Unicode tables differ
        // from Rust's for a few hundred newer code points: `stemkit_stemmer::lowercase` knows both.
        buffer.push_str(&stemkit_stemmer::lowercase(word));
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
