//! Porter's conditions on a stem: consonants, the measure `m`, `*v*`, `*d` and `*o`.
//!
//! Every query is one left-to-right pass or a walk back from the end, so no rule costs more
//! than linear time even on a multi-megabyte word (NLTK's own y-classification is careful
//! about the same thing: a run of `y`s alternates consonant and vowel).

use super::Mode;
use crate::letter::{Letter, is_consonant_after};

/// The consonant flags of `stem`, in order.
fn consonant_flags<L: Letter>(stem: &[L]) -> impl Iterator<Item = bool> + '_ {
    stem.iter().scan(None, |previous, &letter| {
        let consonant = is_consonant_after(letter, *previous);
        *previous = Some(consonant);
        Some(consonant)
    })
}

/// Whether the letter at `index` of `word` is a consonant: NLTK's `_is_consonant`, which looks
/// back only through the run of `y`s ending at `index`.
pub(super) fn is_consonant_at<L: Letter>(word: &[L], index: usize) -> bool {
    let Some(&letter) = word.get(index) else {
        return false;
    };
    if !letter.is(b'y') {
        return !letter.is_porter_vowel();
    }
    // Each `y` flips the answer of the letter before it; the first letter of the word, or the
    // first non-`y`, settles it.
    let ys = word[..=index]
        .iter()
        .rev()
        .take_while(|l| l.is(b'y'))
        .count();
    match index.checked_sub(ys) {
        Some(before) => word[before].is_porter_vowel() == (ys % 2 == 1),
        // The run reaches the start: the first `y` is a consonant, then they alternate.
        None => ys % 2 == 1,
    }
}

/// The measure of `stem` (the number of vowel-consonant boundaries), counted no further than
/// `limit`: the rules only ask whether it exceeds 0 or 1, or equals 1.
pub(super) fn measure_up_to<L: Letter>(stem: &[L], limit: usize) -> usize {
    let mut measure = 0;
    let mut previous = true; // a consonant before the start opens no boundary
    for consonant in consonant_flags(stem) {
        if consonant && !previous {
            measure += 1;
            if measure >= limit {
                break;
            }
        }
        previous = consonant;
    }
    measure
}

/// `*v*`: whether `stem` contains a vowel.
pub(super) fn contains_vowel<L: Letter>(stem: &[L]) -> bool {
    consonant_flags(stem).any(|consonant| !consonant)
}

/// `*d`: whether `word` ends with two equal consonants.
pub(super) fn ends_double_consonant<L: Letter>(word: &[L]) -> bool {
    match word {
        [.., a, b] => a == b && is_consonant_at(word, word.len() - 1),
        _ => false,
    }
}

/// `*o`: whether `word` ends consonant-vowel-consonant, the last not `w`, `x` or `y`. NLTK's mode
/// also accepts a whole two-letter word that is vowel-consonant.
pub(super) fn ends_cvc<L: Letter>(mode: Mode, word: &[L]) -> bool {
    let n = word.len();
    let classic = n >= 3
        && is_consonant_at(word, n - 3)
        && !is_consonant_at(word, n - 2)
        && is_consonant_at(word, n - 1)
        && !(word[n - 1].is(b'w') || word[n - 1].is(b'x') || word[n - 1].is(b'y'));
    classic
        || (mode == Mode::Nltk && n == 2 && !is_consonant_at(word, 0) && is_consonant_at(word, 1))
}
