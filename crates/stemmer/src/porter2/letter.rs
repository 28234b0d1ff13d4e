//! The letters a word is stemmed as: bytes for ASCII words (the fast path), chars for the rest.
//!
//! The algorithm is written once, generic over [`Letter`]. Every rule spells its suffixes in
//! ASCII, so a letter only needs to say which ASCII byte it is, if any; a non-ASCII letter is a
//! non-vowel and matches no suffix, exactly as in the references, which work on code points.

/// One letter of a word being stemmed.
pub(super) trait Letter: Copy + Eq {
    /// The letter spelled by the ASCII byte `byte`.
    fn from_ascii(byte: u8) -> Self;

    /// The ASCII byte this letter is, or `None` for a non-ASCII letter.
    fn ascii(self) -> Option<u8>;

    /// Whether NLTK reads this letter as an apostrophe although it is not one (’ ‘ ‛).
    fn is_typographic_apostrophe(self) -> bool;

    /// Appends the letter to `out`.
    fn push_to(self, out: &mut String);

    /// Whether this letter is the ASCII byte `byte`.
    #[inline(always)]
    fn is(self, byte: u8) -> bool {
        self.ascii() == Some(byte)
    }

    /// Whether this letter is one of `set`, a list of ASCII bytes.
    #[inline(always)]
    fn is_in(self, set: &[u8]) -> bool {
        self.ascii().is_some_and(|byte| set.contains(&byte))
    }

    /// Whether this letter is a vowel, `aeiouy` (a `y` turned into `Y` by the prelude is not).
    #[inline(always)]
    fn is_vowel(self) -> bool {
        matches!(self.ascii(), Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
    }
}

impl Letter for u8 {
    #[inline(always)]
    fn from_ascii(byte: u8) -> Self {
        byte
    }

    #[inline(always)]
    fn ascii(self) -> Option<u8> {
        Some(self)
    }

    #[inline(always)]
    fn is_typographic_apostrophe(self) -> bool {
        false
    }

    fn push_to(self, out: &mut String) {
        out.push(char::from(self));
    }
}

impl Letter for char {
    #[inline(always)]
    fn from_ascii(byte: u8) -> Self {
        char::from(byte)
    }

    #[inline(always)]
    fn ascii(self) -> Option<u8> {
        u8::try_from(self).ok().filter(u8::is_ascii)
    }

    fn is_typographic_apostrophe(self) -> bool {
        matches!(self, '\u{2019}' | '\u{2018}' | '\u{201b}')
    }

    fn push_to(self, out: &mut String) {
        out.push(self);
    }
}

/// Whether `word` ends with the ASCII `suffix`, compared from the last letter (which rejects
/// almost every candidate at once).
#[inline]
pub(super) fn ends_with<L: Letter>(word: &[L], suffix: &[u8]) -> bool {
    word.len() >= suffix.len()
        && word
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(letter, &byte)| letter.is(byte))
}

/// Whether `word` starts with the ASCII `prefix`.
#[inline]
pub(super) fn starts_with<L: Letter>(word: &[L], prefix: &[u8]) -> bool {
    word.len() >= prefix.len()
        && word
            .iter()
            .zip(prefix)
            .all(|(letter, &byte)| letter.is(byte))
}

/// Whether `word` is exactly the ASCII `text`.
#[inline]
pub(super) fn equals<L: Letter>(word: &[L], text: &[u8]) -> bool {
    word.len() == text.len() && word.iter().zip(text).all(|(letter, &byte)| letter.is(byte))
}

/// Whether `word` holds a vowel.
#[inline]
pub(super) fn has_vowel<L: Letter>(word: &[L]) -> bool {
    word.iter().any(|letter| letter.is_vowel())
}

/// The position just after the first non-vowel that follows a vowel at or after `from`, or the
/// word's length when there is none: how Porter2 places R1 (from 0) and R2 (from R1).
pub(super) fn after_vowel_consonant<L: Letter>(word: &[L], from: usize) -> usize {
    let mut previous_is_vowel = false;
    for (position, letter) in word.iter().enumerate().skip(from) {
        let is_vowel = letter.is_vowel();
        if previous_is_vowel && !is_vowel {
            return position + 1;
        }
        previous_is_vowel = is_vowel;
    }
    word.len()
}

/// The word as text, for traces.
pub(super) fn render<L: Letter>(word: &[L]) -> String {
    let mut text = String::with_capacity(word.len());
    for &letter in word {
        letter.push_to(&mut text);
    }
    text
}
