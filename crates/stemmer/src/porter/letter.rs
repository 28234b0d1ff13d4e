//! The letter types the Porter rules run on: bytes for ASCII words, code points for the rest.
//!
//! Python indexes strings by code point, so the rules must see one letter per code point. An
//! ASCII word has one byte per code point, which lets the common case work on bytes in place.

/// One letter of a word: compared against the ASCII letters the rules are written in.
pub(super) trait Letter: Copy + Eq {
    /// The letter for an ASCII byte of a rule's suffix or replacement.
    fn from_ascii(byte: u8) -> Self;

    /// The letters as a string, for `explain`.
    fn render(letters: &[Self]) -> String;

    /// Whether this letter is the ASCII letter `byte`.
    #[inline]
    fn is(self, byte: u8) -> bool {
        self == Self::from_ascii(byte)
    }

    /// `0` to `25` for `a` to `z`, `26` for any other letter: an index into rule tables.
    #[inline]
    fn letter_class(self) -> usize {
        (0..26u8)
            .find(|&i| self.is(b'a' + i))
            .map_or(26, usize::from)
    }
    /// Whether this letter is one of Porter's vowel letters `a e i o u` (`y` depends on context).
    #[inline]
    fn is_vowel_letter(self) -> bool {
        self.is(b'a') || self.is(b'e') || self.is(b'i') || self.is(b'o') || self.is(b'u')
    }
}

impl Letter for u8 {
    #[inline]
    fn from_ascii(byte: u8) -> Self {
        byte
    }

    fn render(letters: &[Self]) -> String {
        String::from_utf8_lossy(letters).into_owned()
    }
    #[inline]
    fn letter_class(self) -> usize {
        if self.is_ascii_lowercase() {
            usize::from(self - b'a')
        } else {
            26
        }
    }
}

impl Letter for char {
    #[inline]
    fn from_ascii(byte: u8) -> Self {
        char::from(byte)
    }

    fn render(letters: &[Self]) -> String {
        letters.iter().collect()
    }
    #[inline]
    fn letter_class(self) -> usize {
        match u8::try_from(self) {
            Ok(byte) => byte.letter_class(),
            Err(_) => 26,
        }
    }
}
