//! Unicode (UAX #29) words, lowercased as Python's `str.lower()` lowercases each of them.
//!
//! Words are the segments between UAX #29 word boundaries (`unicode-segmentation`) that hold a
//! letter, or, with `keep_numbers`, a digit: `naïve`, `Venezuela’s`, `don't`, `e.g`, `covid19`
//! are single words (UAX #29 keeps an apostrophe or a dot between two letters inside the word);
//! `2019` and `3.14` are words only with `keep_numbers`; punctuation, spaces and emoji never are.
//! Each word is lowercased on its own, so a final sigma is decided inside the word: `ΟΔΟΣ` ->
//! `οδος` with `ς`, whatever follows it in the text.
//!
//! Also the Word_Break classes that safe cuts and giant tokens rely on ([`is_anchor`],
//! [`joins_run`]), asked of the segmenter itself and remembered.

use std::sync::atomic::{AtomicU8, Ordering};

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

/// The length of the first UAX #29 segment of `text`.
pub(crate) fn first_segment_len(text: &str) -> usize {
    text.split_word_bounds().next().map_or(0, str::len)
}

/// Whether `c` is of UAX #29's Word_Break class ALetter, Hebrew_Letter, Numeric, Extend or
/// Format: continues a run whatever comes next.
pub(crate) fn joins_run(c: char) -> bool {
    c.is_ascii_alphanumeric() || word_break(c) & JOINS != 0
}

/// Whether `c` is of UAX #29's Word_Break class ALetter, Hebrew_Letter or Numeric.
pub(crate) fn is_anchor(c: char) -> bool {
    c.is_ascii_alphanumeric() || word_break(c) & ANCHORS != 0
}

const KNOWN: u8 = 1;
const JOINS: u8 = 2;
const ANCHORS: u8 = 4;

/// What is known of the Basic Multilingual Plane's characters, filled as they are met.
static BMP: [AtomicU8; 0x10000] = [const { AtomicU8::new(0) }; 0x10000];

/// The classes of `c` that runs care about, as bits.
fn word_break(c: char) -> u8 {
    let Some(slot) = BMP.get(c as usize) else {
        return ask_segmenter(c);
    };
    let known = slot.load(Ordering::Relaxed);
    if known & KNOWN != 0 {
        return known;
    }
    let found = ask_segmenter(c);
    slot.store(found, Ordering::Relaxed);
    found
}

/// The classes of `c`, from the segmenter itself (the tokenizer's own definition of words),
/// by the rules each class follows:
/// - `a c : a` is one segment for ALetter, Hebrew_Letter (WB5, then WB6/WB7 across `:`), and
///   Extend, Format, ZWJ (WB4 folds them into the `a`); for no other class (a digit or `_`
///   before `:` breaks, and every other class breaks after `a`);
/// - `0 c , 0` is one segment for Numeric (WB8, then WB11/WB12 across `,`), Extend, Format
///   and ZWJ; for no other class (a letter or `_` before `,` breaks, and the others after `0`);
/// - ZWJ is U+200D alone (it may join a pictograph after it, WB3c), and is left out;
/// - `! c` breaks after `!` for the letters and digits, not for Extend and Format (WB4).
fn ask_segmenter(c: char) -> u8 {
    let one_segment = |text: String| first_segment_len(&text) == text.len();
    let joins =
        c != '\u{200D}' && (one_segment(format!("a{c}:a")) || one_segment(format!("0{c},0")));
    let anchors = joins && first_segment_len(&format!("!{c}")) == 1;
    KNOWN | if joins { JOINS } else { 0 } | if anchors { ANCHORS } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_segmenter_tells_letters_digits_marks_and_others_apart() {
        for c in ['é', 'Σ', 'İ', 'ж', 'ñ', 'Ⓜ', '\u{2C2}', 'א', '٣', '7'] {
            assert!(is_anchor(c) && joins_run(c), "{c:?}");
        }
        for c in ['\u{301}', '\u{AD}'] {
            assert!(joins_run(c) && !is_anchor(c), "{c:?}");
        }
        for c in [
            '\'', '’', '.', ':', ',', '_', '\u{200D}', '"', 'カ', '北', ' ', '!', '🇫', '😀',
        ] {
            assert!(!joins_run(c), "{c:?}");
        }
    }
}
