//! Lowercasing as Python's `str.lower()` does it, which every reference applies before stemming.
//!
//! Rust and CPython apply the same rules (full mappings, `İ` -> `i̇`, final sigma), but each
//! with its own Unicode version: the references were made with Python 3.11, whose Unicode 14
//! does not know the few hundred newer code points in [`NEWER_THAN_PYTHON`]. Python leaves those
//! alone, and they change where a `Σ` counts as word-final, so they are masked while Rust
//! lowercases.

use std::borrow::Cow;

/// `word` lowercased as Python 3.11's `str.lower()` does, borrowed when it already is lowercase
/// ASCII. Every algorithm applies it first; it is public so that tokenizers and tests lowercase
/// exactly as the references did.
///
/// ```
/// assert_eq!(stemkit_stemmer::lowercase("İstanbul"), "i\u{307}stanbul");
/// assert_eq!(stemkit_stemmer::lowercase("ΟΔΟΣ"), "οδος");
/// ```
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(|c| python_class(c).is_some()) {
        Cow::Owned(lowercase_masked(word))
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Lowercases a word that comes in pieces exactly as [`lowercase`] lowercases the whole word,
/// for words too long to hold. Only `Σ` depends on its neighbours (Python's final-sigma rule
/// looks past case-ignorable characters for a cased letter), so each piece is lowercased
/// between the [`Self::CONTEXT`] characters before it, which this keeps, and as many after it,
/// which the caller passes.
///
/// ```
/// use stemkit_stemmer::{PieceLowercaser, lowercase};
///
/// let mut lowercaser = PieceLowercaser::default();
/// let mut lowered = lowercaser.next("ΟΔΟΣ", "ΣΟΣ");
/// lowered += &lowercaser.next("ΣΟΣ", "");
/// assert_eq!(lowered, lowercase("ΟΔΟΣΣΟΣ"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct PieceLowercaser {
    /// The last characters lowercased, as they came: the context before the next piece.
    before: String,
}

impl PieceLowercaser {
    /// Characters of context on each side of a piece: more case-ignorable characters than
    /// any text puts in a row.
    pub const CONTEXT: usize = 128;

    /// `piece`, the word's next, lowercased as in the whole word; `after` is what follows it:
    /// at least its next [`Self::CONTEXT`] characters, or all the rest of the word.
    pub fn next(&mut self, piece: &str, after: &str) -> String {
        let lowered = lowercase_in_context(&self.before, piece, after);
        self.before = last_chars(&self.before, piece, Self::CONTEXT);
        lowered
    }
}

/// `piece` lowercased as it would be inside `before + piece + after`: only a `Σ` depends on
/// its neighbours, and lowercasing never changes the length in bytes of the text around it
/// with context (`σ` and `ς` are both two bytes), so the piece's part of the whole is found by
/// the lengths of its neighbours lowercased alone.
fn lowercase_in_context(before: &str, piece: &str, after: &str) -> String {
    if !piece.contains('Σ') && !before.contains('Σ') && !after.contains('Σ') {
        return lowercase(piece).into_owned();
    }
    let whole = lowercase(&format!("{before}{piece}{after}")).into_owned();
    let start = lowercase(before).len();
    let end = whole.len() - lowercase(after).len();
    whole[start..end].to_owned()
}

/// The byte offset where the last `count` characters of `text` start, if it has more.
pub(crate) fn char_boundary_before_last(text: &str, count: usize) -> Option<usize> {
    let (offset, _) = text.char_indices().rev().nth(count.checked_sub(1)?)?;
    (offset > 0).then_some(offset)
}

/// The last `count` characters of `earlier + later`.
fn last_chars(earlier: &str, later: &str, count: usize) -> String {
    if let Some(start) = char_boundary_before_last(later, count) {
        return later[start..].to_owned();
    }
    let missing = count.saturating_sub(later.chars().count());
    let start = char_boundary_before_last(earlier, missing).unwrap_or(0);
    let start = if missing == 0 { earlier.len() } else { start };
    format!("{}{later}", &earlier[start..])
}

/// How Python 3.11 sees a code point, as far as lowercasing goes, where Rust sees it otherwise.
#[derive(Clone, Copy)]
enum PythonClass {
    /// Left alone and neither cased nor case-ignorable: ends a search for a cased letter.
    Plain,
    /// A cased letter that is its own lowercase.
    Cased,
    /// Case-ignorable: skipped by the final-sigma searches.
    Ignorable,
}

impl PythonClass {
    /// A character that Rust classes as Python classes the masked one, and lowercases to itself.
    const fn stand_in(self) -> char {
        match self {
            PythonClass::Plain => '\u{FFFF}',
            PythonClass::Cased => '\u{AA}',
            PythonClass::Ignorable => '\u{AD}',
        }
    }

    fn is_stand_in(c: char) -> bool {
        matches!(c, '\u{FFFF}' | '\u{AA}' | '\u{AD}')
    }
}

/// Lowercases `word` with each code point Python sees otherwise replaced by a stand-in, then
/// puts the originals back: Python leaves every one of them as it is.
fn lowercase_masked(word: &str) -> String {
    let mut originals = Vec::new();
    let masked: String = word
        .chars()
        .map(|c| match python_class(c) {
            Some(class) => {
                originals.push(c);
                class.stand_in()
            }
            None => {
                if PythonClass::is_stand_in(c) {
                    originals.push(c);
                }
                c
            }
        })
        .collect();
    let mut originals = originals.into_iter();
    masked
        .to_lowercase()
        .chars()
        .map(|c| {
            if PythonClass::is_stand_in(c) {
                originals.next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Python 3.11's class of `c`, if Rust's Unicode classes or lowercases it otherwise.
fn python_class(c: char) -> Option<PythonClass> {
    let c = u32::from(c);
    if c < 0x295 {
        return None; // keeps the common case to one comparison
    }
    NEWER_THAN_PYTHON
        .binary_search_by(|&(first, last, _)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
        .map(|index| NEWER_THAN_PYTHON[index].2)
}

use PythonClass::{Cased, Ignorable, Plain};

/// Code-point ranges (inclusive) where Python 3.11 and Rust disagree on lowercasing: letters of
/// Unicode 15 to 17 that Rust lowercases, marks it skips around `Σ`, and `ʕ`, a cased letter in
/// Unicode 14 only. Made by comparing `str.lower()` with Rust on every code point, alone and
/// around `Σ`; every one of them is its own lowercase in Python.
const NEWER_THAN_PYTHON: [(u32, u32, PythonClass); 52] = [
    (0x0295, 0x0295, Cased),
    (0x0897, 0x0897, Plain),
    (0x0ECE, 0x0ECE, Plain),
    (0x1ACF, 0x1ADD, Plain),
    (0x1AE0, 0x1AEB, Plain),
    (0x1C89, 0x1C8A, Plain),
    (0xA7CB, 0xA7CF, Plain),
    (0xA7D2, 0xA7D2, Plain),
    (0xA7D4, 0xA7D4, Plain),
    (0xA7DA, 0xA7DC, Plain),
    (0xA7F1, 0xA7F1, Plain),
    (0x10D4E, 0x10D4E, Plain),
    (0x10D50, 0x10D65, Plain),
    (0x10D69, 0x10D6D, Plain),
    (0x10D6F, 0x10D85, Plain),
    (0x10EC5, 0x10EC5, Plain),
    (0x10EFA, 0x10EFF, Plain),
    (0x11241, 0x11241, Plain),
    (0x113BB, 0x113C0, Plain),
    (0x113CE, 0x113CE, Plain),
    (0x113D0, 0x113D0, Plain),
    (0x113D2, 0x113D2, Plain),
    (0x113E1, 0x113E2, Plain),
    (0x1171E, 0x1171E, Ignorable),
    (0x11B60, 0x11B60, Plain),
    (0x11B62, 0x11B64, Plain),
    (0x11B66, 0x11B66, Plain),
    (0x11DD9, 0x11DD9, Plain),
    (0x11F00, 0x11F01, Plain),
    (0x11F36, 0x11F3A, Plain),
    (0x11F40, 0x11F40, Plain),
    (0x11F42, 0x11F42, Plain),
    (0x11F5A, 0x11F5A, Plain),
    (0x13439, 0x13440, Plain),
    (0x13447, 0x13455, Plain),
    (0x1611E, 0x16129, Plain),
    (0x1612D, 0x1612F, Plain),
    (0x16D40, 0x16D42, Plain),
    (0x16D6B, 0x16D6C, Plain),
    (0x16EA0, 0x16EB8, Plain),
    (0x16EBB, 0x16ED3, Plain),
    (0x16FF2, 0x16FF3, Plain),
    (0x1DF25, 0x1DF2A, Plain),
    (0x1E030, 0x1E06D, Plain),
    (0x1E08F, 0x1E08F, Plain),
    (0x1E4EB, 0x1E4EF, Plain),
    (0x1E5EE, 0x1E5EF, Plain),
    (0x1E6E3, 0x1E6E3, Plain),
    (0x1E6E6, 0x1E6E6, Plain),
    (0x1E6EE, 0x1E6EF, Plain),
    (0x1E6F5, 0x1E6F5, Plain),
    (0x1E6FF, 0x1E6FF, Plain),
];

#[cfg(test)]
mod tests {
    use super::{lowercase, lowercase_in_context};

    #[test]
    fn lowercasing_a_piece_sees_its_neighbours() {
        // A final sigma depends on the letters after it, even when they come in the next piece.
        assert_eq!(lowercase_in_context("", "ΑΣ", ""), "ας");
        assert_eq!(lowercase_in_context("", "ΑΣ", "Α"), "ασ");
        assert_eq!(lowercase_in_context("Α", "Σ", ""), "ς");
        assert_eq!(lowercase_in_context("", "Σ", ""), "σ");
    }

    #[test]
    fn matches_python_on_special_cases() {
        // Expected values from Python 3.11's str.lower().
        assert_eq!(lowercase("İstanbul"), "i\u{307}stanbul");
        assert_eq!(lowercase("ΌΣΟΣ ΣΑΣ"), "όσος σας");
        assert_eq!(lowercase("\u{212A}"), "k");
        assert_eq!(lowercase("ΑΣ\u{1ACF}"), "ας\u{1ACF}"); // a Unicode 15 mark: plain in 3.11
        assert_eq!(lowercase("\u{A7CB}Σ"), "\u{A7CB}σ"); // a Unicode 16 capital: left alone
        assert_eq!(lowercase("\u{295}Σ"), "\u{295}ς"); // ʕ: cased in Unicode 14
        assert_eq!(lowercase("Α\u{AD}Σ\u{FFFF}"), "α\u{AD}ς\u{FFFF}"); // stand-ins in the input
    }
}
