//! The Porter stemmer in NLTK 3.10.4's three modes, bit for bit.
//!
//! The rules are written once, generic over the [`letter::Letter`] type: a lowercased ASCII word
//! is stemmed as bytes in the caller's buffer, any other word as code points, which is how
//! Python indexes it.

mod irregular;
mod measure;
mod rules;
mod steps;

use crate::explain::Tracer;
use crate::letter::{Letter, render};
use crate::lowercase::lowercase;

/// Which of NLTK's `PorterStemmer` modes to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `NLTK_EXTENSIONS`, the default.
    Nltk,
    /// `MARTIN_EXTENSIONS`.
    Martin,
    /// `ORIGINAL_ALGORITHM`.
    Original,
}

/// Writes the stem of `word` into `out` (empty on entry), as `PorterStemmer(mode).stem(word)`.
pub(crate) fn stem<T: Tracer>(mode: Mode, word: &str, out: &mut String, tracer: &mut T) {
    // NLTK measures the word before lowercasing it, in code points.
    let short = mode != Mode::Original && word.chars().nth(2).is_none();
    if word.is_ascii() {
        stem_ascii(mode, short, word.as_bytes(), out, tracer);
        return;
    }
    let lower = lowercase(word);
    if lower.is_ascii() {
        // Such as the Kelvin sign, whose lowercase is an ASCII `k`.
        stem_ascii(mode, short, lower.as_bytes(), out, tracer);
    } else {
        let mut letters: Vec<char> = lower.chars().collect();
        stem_letters(mode, short, &mut letters, tracer);
        out.extend(letters);
    }
}

/// Stems the ASCII `word` as bytes inside `out`'s own buffer: no allocation once it has grown,
/// as no step makes a word longer than it came in.
fn stem_ascii<T: Tracer>(mode: Mode, short: bool, word: &[u8], out: &mut String, tracer: &mut T) {
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.clear();
    bytes.extend_from_slice(word);
    bytes.make_ascii_lowercase();
    stem_letters(mode, short, &mut bytes, tracer);
    // The rules only ever write ASCII letters, so the bytes stay ASCII.
    *out = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    };
}

/// Stems the lowercased `word` in place; `short` tells whether the original was too short to stem.
fn stem_letters<L: Letter, T: Tracer>(mode: Mode, short: bool, word: &mut Vec<L>, tracer: &mut T) {
    if mode == Mode::Nltk {
        if let Some((stem, name)) = irregular::lookup(word) {
            word.clear();
            word.extend(stem.bytes().map(L::from_ascii));
            tracer.step("irregular", Some(name), || render(word));
            return;
        }
    }
    if short {
        tracer.step(
            "short word",
            Some("(at most two letters) left as is"),
            || render(word),
        );
        return;
    }
    steps::run_all(mode, word, tracer);
}

#[cfg(test)]
mod tests;
