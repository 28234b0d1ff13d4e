//! The Porter stemmer in NLTK 3.10.4's three modes, bit for bit.
//!
//! The rules are written once, generic over the [`Letter`] type: a lowercased ASCII word
//! is stemmed as bytes in the caller's buffer, any other word as code points, which is how
//! Python indexes it.

mod condition;
mod irregular;
mod measure;
mod steps;

use crate::letter::{Case, Letter, Steps, render, stem_in_case};
use crate::trace::Tracer;

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
/// With [`Case::AsGiven`], as `stem(word, to_lowercase=False)`.
pub(crate) fn stem<T: Tracer>(
    mode: Mode,
    case: Case,
    word: &str,
    out: &mut String,
    tracer: &mut T,
) {
    // NLTK measures the word before lowercasing it, in code points.
    let short = mode != Mode::Original && word.chars().nth(2).is_none();
    stem_in_case(
        case,
        word,
        out,
        &mut PorterSteps {
            mode,
            short,
            tracer,
        },
    );
}

/// The Porter steps of one mode, for one word.
struct PorterSteps<'t, T> {
    mode: Mode,
    /// Whether the word as given was too short to stem.
    short: bool,
    tracer: &'t mut T,
}

impl<T: Tracer> Steps for PorterSteps<'_, T> {
    fn run<L: Letter>(&mut self, word: &mut Vec<L>) {
        stem_letters(self.mode, self.short, word, self.tracer);
    }
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
