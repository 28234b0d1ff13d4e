//! The pair's tokenizer: maximal runs of ASCII letters (and digits, if kept), lowercased.
//!
//! This is Python's `re.sub('[^a-zA-Z]', ' ', text).lower().split()` (with `keep_numbers`,
//! `[^a-zA-Z0-9]`): every other byte separates, including each byte of a non-ASCII character,
//! so the scan works on bytes through a 256-entry class table and never decodes UTF-8.

use std::ops::Range;

/// A byte that separates tokens.
const SEPARATOR: u8 = 0;
/// A byte that belongs to a token and needs no lowercasing.
const LOWER: u8 = 1;
/// An ASCII capital: belongs to a token, which then must be lowercased.
const UPPER: u8 = 2;

/// The class of every byte when tokens are runs of letters.
static LETTERS: [u8; 256] = class_table(false);
/// The class of every byte when tokens are runs of letters and digits.
static ALPHANUMERICS: [u8; 256] = class_table(true);

const fn class_table(digits: bool) -> [u8; 256] {
    let mut table = [SEPARATOR; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() || (digits && b.is_ascii_digit()) {
            LOWER
        } else {
            SEPARATOR
        };
        byte += 1;
    }
    table
}

fn table(keep_numbers: bool) -> &'static [u8; 256] {
    if keep_numbers {
        &ALPHANUMERICS
    } else {
        &LETTERS
    }
}

/// Calls `emit(range, has_capitals)` for every maximal run of ASCII letters (and digits, with
/// `keep_numbers`) in `text`. `has_capitals` tells whether the run needs lowercasing, found
/// during the same scan so tokens without capitals are never looked at twice.
pub(crate) fn word_runs(text: &[u8], keep_numbers: bool, mut emit: impl FnMut(Range<usize>, bool)) {
    let table = table(keep_numbers);
    let mut bytes = text.iter().enumerate();
    while let Some(start) = bytes.find(|&(_, &b)| table[usize::from(b)] != SEPARATOR) {
        let (start, &first) = start;
        let mut classes = table[usize::from(first)];
        let mut end = text.len();
        for (i, &b) in bytes.by_ref() {
            let class = table[usize::from(b)];
            if class == SEPARATOR {
                end = i;
                break;
            }
            classes |= class;
        }
        emit(start..end, classes & UPPER != 0);
    }
}

/// Whether `byte` separates tokens: tokens never span it.
pub(crate) fn is_separator(byte: u8, keep_numbers: bool) -> bool {
    table(keep_numbers)[usize::from(byte)] == SEPARATOR
}
