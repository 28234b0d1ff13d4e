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
///
/// Eight bytes are classified at once (see [`classify`]), so a word boundary costs one count of
/// trailing zeros rather than a branch per byte; the last few bytes go one at a time.
pub(crate) fn word_runs(text: &[u8], keep_numbers: bool, mut emit: impl FnMut(Range<usize>, bool)) {
    let table = table(keep_numbers);
    let class = |i: usize| table[usize::from(text[i])];
    let mut i = 0;
    loop {
        // Skip separators.
        while let Some(eight) = load(text, i) {
            let (word, _) = classify(eight, keep_numbers);
            if word != 0 {
                i += (word.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        while i < text.len() && class(i) == SEPARATOR {
            i += 1;
        }
        if i >= text.len() {
            return;
        }
        // Take the word.
        let start = i;
        let mut capitals = false;
        let mut ended = false;
        while let Some(eight) = load(text, i) {
            let (word, upper) = classify(eight, keep_numbers);
            let separators = !word & HIGH_BITS;
            if separators == 0 {
                capitals |= upper != 0;
                i += 8;
                continue;
            }
            let len = separators.trailing_zeros() / 8;
            capitals |= upper & low_bytes(len) != 0;
            i += len as usize;
            ended = true;
            break;
        }
        while !ended && i < text.len() {
            let class = class(i);
            if class == SEPARATOR {
                break;
            }
            capitals |= class == UPPER;
            i += 1;
        }
        emit(start..i, capitals);
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `text[i..]`, little-endian, if there are that many.
#[inline]
fn load(text: &[u8], i: usize) -> Option<u64> {
    let eight = text.get(i..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*eight))
}

/// A mask of the low `n` bytes (`n` < 8).
#[inline]
fn low_bytes(n: u32) -> u64 {
    (1_u64 << (8 * n)) - 1
}

/// For eight bytes, the high bit of each byte that belongs to a token, and of each capital.
/// Every byte is brought below 0x80 first, so adding a constant below 0x80 to each never
/// carries into the next; the high bit of the sum then says whether the byte reached a bound.
#[inline]
fn classify(eight: u64, keep_numbers: bool) -> (u64, u64) {
    let ascii = !eight & HIGH_BITS;
    let seven = eight & !HIGH_BITS;
    let at_least = |low: u8| (seven + u64::from(0x80 - low) * ONES) & HIGH_BITS;
    // Setting bit 5 maps capitals onto small letters and nothing else onto them.
    let folded = seven | (0x20 * ONES);
    let at_least_folded = |low: u8| (folded + u64::from(0x80 - low) * ONES) & HIGH_BITS;
    let letters = at_least_folded(b'a') & !at_least_folded(b'z' + 1) & ascii;
    // Bit 5 clear (shifted up to the high bit) marks a capital among letters.
    let upper = letters & !(eight << 2);
    let word = if keep_numbers {
        letters | (at_least(b'0') & !at_least(b'9' + 1) & ascii)
    } else {
        letters
    };
    (word, upper)
}

/// Whether `byte` separates tokens: tokens never span it.
pub(crate) fn is_separator(byte: u8, keep_numbers: bool) -> bool {
    table(keep_numbers)[usize::from(byte)] == SEPARATOR
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain byte-by-byte definition.
    fn runs_by_bytes(text: &[u8], keep_numbers: bool) -> Vec<(Range<usize>, bool)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if is_separator(text[i], keep_numbers) {
                i += 1;
                continue;
            }
            let start = i;
            while i < text.len() && !is_separator(text[i], keep_numbers) {
                i += 1;
            }
            let capitals = text[start..i].iter().any(u8::is_ascii_uppercase);
            runs.push((start..i, capitals));
        }
        runs
    }

    #[test]
    fn eight_at_a_time_agrees_with_byte_by_byte_on_every_byte_value() {
        // Every byte value inside and after words of every length up to 20.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for byte in 0..=255_u8 {
            for len in 0..20 {
                let mut text = b"ab".to_vec();
                text.extend((0..len).map(|i| {
                    if i % 3 == 1 {
                        byte
                    } else {
                        b'a' + (i % 26) as u8
                    }
                }));
                text.push(byte);
                text.extend_from_slice(b"Zz9 q");
                texts.push(text);
            }
        }
        texts.push(b"The QUICK brown fox, 2019: covid19 ABCDEFGHIJKLMNOPQRSTUVWXYZ".to_vec());
        texts.push(
            "na\u{ef}ve caf\u{e9} \u{2019}s @[`{ AZaz09"
                .as_bytes()
                .to_vec(),
        );
        for text in &texts {
            for keep_numbers in [false, true] {
                let mut runs = Vec::new();
                word_runs(text, keep_numbers, |range, capitals| {
                    runs.push((range, capitals))
                });
                assert_eq!(runs, runs_by_bytes(text, keep_numbers), "{text:?}");
            }
        }
    }
}
