//! The letters every algorithm runs on: bytes for ASCII words (the fast path), code points for
//! the rest.
//!
//! The references (NLTK in Python, Snowball) index words by code point, so the rules must see one
//! letter per code point. An ASCII word has one byte per code point, which lets the common case
//! work on bytes in place; every other word runs through the same generic code on `char`s. All
//! rules are spelled in ASCII, so a non-ASCII letter is a consonant (non-vowel) and matches no
//! suffix, exactly as in the references.

/// One letter of a word being stemmed.
pub(crate) trait Letter: Copy + Eq {
    /// The letter spelled by the ASCII byte `byte`.
    fn from_ascii(byte: u8) -> Self;

    /// The ASCII byte this letter is, or `None` for a non-ASCII letter.
    fn ascii(self) -> Option<u8>;

    /// Appends the letter to `out`.
    fn push_to(self, out: &mut String);

    /// Whether NLTK's Snowball stemmer reads this letter as an apostrophe although it is not
    /// one (’ ‘ ‛).
    fn is_typographic_apostrophe(self) -> bool;

    /// The low seven bits of the letter's code: the letter itself for ASCII, an index into
    /// rule tables (which then compare the whole letter).
    fn low_bits(self) -> usize;

    /// Whether this letter is the ASCII byte `byte`.
    #[inline(always)]
    fn is(self, byte: u8) -> bool {
        self == Self::from_ascii(byte)
    }

    /// Whether this letter is one of `set`, a list of ASCII bytes.
    #[inline(always)]
    fn is_in(self, set: &[u8]) -> bool {
        self.ascii().is_some_and(|byte| set.contains(&byte))
    }

    /// Whether this letter is one of Porter's vowel letters `a e i o u` (Porter decides `y` by
    /// its context).
    #[inline(always)]
    fn is_porter_vowel(self) -> bool {
        matches!(self.ascii(), Some(b'a' | b'e' | b'i' | b'o' | b'u'))
    }

    /// Whether this letter is one of Snowball English's vowels `a e i o u y` (a `y` the prelude
    /// turned into `Y` is not).
    #[inline(always)]
    fn is_snowball_vowel(self) -> bool {
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
    fn low_bits(self) -> usize {
        usize::from(self & 0x7f)
    }

    fn push_to(self, out: &mut String) {
        out.push(char::from(self));
    }

    #[inline(always)]
    fn is_typographic_apostrophe(self) -> bool {
        false
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

    #[inline(always)]
    fn low_bits(self) -> usize {
        (u32::from(self) & 0x7f) as usize
    }

    fn push_to(self, out: &mut String) {
        out.push(self);
    }

    fn is_typographic_apostrophe(self) -> bool {
        matches!(self, '\u{2019}' | '\u{2018}' | '\u{201b}')
    }
}

/// Whether `letter` is a consonant, given whether the letter before it was one (`None` at the
/// start): the vowel test of every algorithm here. `a e i o u` are vowels; a `y` is a consonant
/// at the start or after a vowel (Porter's rule, and what Porter2's prelude marks as `Y`), a vowel
/// after a consonant; any other letter, non-ASCII ones included, is a consonant.
#[inline]
pub(crate) fn is_consonant_after<L: Letter>(letter: L, previous: Option<bool>) -> bool {
    if letter.is_porter_vowel() {
        false
    } else if letter.is(b'y') {
        previous != Some(true)
    } else {
        true
    }
}

/// Whether `word` ends with the ASCII `suffix`, compared from the last letter (which rejects
/// almost every candidate at once).
#[inline]
pub(crate) fn ends_with<L: Letter>(word: &[L], suffix: &[u8]) -> bool {
    word.len() >= suffix.len()
        && word
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(letter, &byte)| letter.is(byte))
}

/// Whether `word` starts with the ASCII `prefix`.
#[inline]
pub(crate) fn starts_with<L: Letter>(word: &[L], prefix: &[u8]) -> bool {
    word.len() >= prefix.len()
        && word
            .iter()
            .zip(prefix)
            .all(|(letter, &byte)| letter.is(byte))
}

/// Whether `word` is exactly the ASCII `text`.
#[inline]
pub(crate) fn equals<L: Letter>(word: &[L], text: &[u8]) -> bool {
    word.len() == text.len() && word.iter().zip(text).all(|(letter, &byte)| letter.is(byte))
}

/// The word as text, for traces.
pub(crate) fn render<L: Letter>(word: &[L]) -> String {
    let mut text = String::with_capacity(word.len());
    for &letter in word {
        letter.push_to(&mut text);
    }
    text
}

/// An algorithm's steps, runnable on either letter type.
pub(crate) trait Steps {
    /// Stems the lowercased `word` in place.
    fn run<L: Letter>(&mut self, word: &mut Vec<L>);
}

/// Whether a word is lowercased before it is stemmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Lowercased as Python's `str.lower()` does: what every reference does by default.
    Lower,
    /// Stemmed as given, capitals and all (NLTK's `to_lowercase=False`, Snowball's C stemmers).
    AsGiven,
}

/// Runs `steps` on `word`, lowercased first or as given (see [`Case`]), leaving the stem in `out`.
pub(crate) fn stem_in_case(case: Case, word: &str, out: &mut String, steps: &mut impl Steps) {
    match case {
        Case::Lower => stem_lowercased(word, out, steps),
        Case::AsGiven if word.is_ascii() => stem_ascii(word.as_bytes(), false, out, steps),
        Case::AsGiven => {
            let mut letters: Vec<char> = word.chars().collect();
            steps.run(&mut letters);
            out.clear();
            out.extend(letters);
        }
    }
}

/// Lowercases `word` as Python's `str.lower()` does and runs `steps` on it, leaving the stem in
/// `out`: as bytes inside `out`'s own buffer when the lowercased word is ASCII (the fast path:
/// no allocation once the buffer has grown, as no step makes a word longer than it came in),
/// as code points otherwise, which is how the references index it.
pub(crate) fn stem_lowercased(word: &str, out: &mut String, steps: &mut impl Steps) {
    if word.is_ascii() {
        return stem_ascii(word.as_bytes(), true, out, steps);
    }
    let lower = crate::lowercase::lowercase(word);
    if lower.is_ascii() {
        // Such as the Kelvin sign, whose lowercase is an ASCII `k`.
        stem_ascii(lower.as_bytes(), true, out, steps);
    } else {
        let mut letters: Vec<char> = lower.chars().collect();
        steps.run(&mut letters);
        out.clear();
        out.extend(letters);
    }
}

/// Stems the ASCII `word`, lowercased first if `lower`, as bytes inside `out`'s own buffer.
fn stem_ascii(word: &[u8], lower: bool, out: &mut String, steps: &mut impl Steps) {
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.clear();
    bytes.extend_from_slice(word);
    if lower {
        bytes.make_ascii_lowercase();
    }
    steps.run(&mut bytes);
    // The rules only ever write ASCII letters, so this never fails; were it to, nothing panics.
    *out = String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
}
