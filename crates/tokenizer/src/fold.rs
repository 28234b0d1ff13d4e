//! Folding to ASCII (`Nicolás` -> `Nicolas`, `Straße` -> `Strasse`) with a map back to the original.
//!
//! Each character folds on its own, so folding a text in pieces gives the same as folding it
//! whole, and the tokenizer's safe cuts stay safe. What each character becomes:
//! - ASCII: itself;
//! - a non-ASCII letter or digit, a mark, a punctuation sign or a space: its `deunicode`
//!   transliteration (`é` -> `e`, `Æ` -> `AE`, `北` -> `Bei `, `’` -> `'`, a combining accent
//!   -> nothing);
//! - a symbol whose transliteration would spell a word (`🦄` -> `unicorn`, `™` -> `tm`), or a
//!   character `deunicode` does not know: a space, so that pictures never become tokens.

use std::ops::Range;

/// A folded text and, for each of its bytes, where the character it came from starts in the
/// original. Kept in the tokenizer and reused, so folding allocates only while it grows.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folded {
    text: String,
    origin: Vec<usize>,
}

impl Folded {
    /// Replaces the contents with the folding of `original`.
    pub(crate) fn fold(&mut self, original: &str) {
        self.text.clear();
        self.origin.clear();
        for (start, c) in original.char_indices() {
            if c.is_ascii() {
                self.text.push(c);
                self.origin.push(start);
            } else {
                let folded = fold_non_ascii(c);
                self.text.push_str(folded);
                self.origin.extend(std::iter::repeat_n(start, folded.len()));
            }
        }
    }

    /// The folded text: ASCII only.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Where in the original the character that folded to byte `at` starts: `None` past the end.
    pub(crate) fn origin(&self, at: usize) -> Option<usize> {
        self.origin.get(at).copied()
    }

    /// The range in `original` of the characters that produced `range` of the folded text.
    /// Tokens folded from the same character (`½` -> ` 1/2`) share its range.
    pub(crate) fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.origin[range.start];
        let last = self.origin[range.end - 1];
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        start..last + last_len
    }
}

/// The ASCII text that stands for the non-ASCII character `c`.
pub(crate) fn fold_non_ascii(c: char) -> &'static str {
    match deunicode::deunicode_char(c) {
        Some(ascii) if c.is_alphanumeric() || !ascii.bytes().any(|b| b.is_ascii_alphanumeric()) => {
            ascii
        }
        _ => " ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_folds_to_itself() {
        let ascii: String = (0..128u8).map(char::from).collect();
        let mut folded = Folded::default();
        folded.fold(&ascii);
        assert_eq!(folded.text(), ascii);
    }

    #[test]
    fn letters_marks_and_punctuation_fold_symbols_become_spaces() {
        let mut folded = Folded::default();
        folded.fold("Nicola\u{301}s Straße Æ’🦄™");
        assert_eq!(folded.text(), "Nicolas Strasse AE'  ");
    }
}
