//! Snowball's vowel tests over the shared letters ([`crate::letter`]): what Porter2 asks of a
//! word beyond matching suffixes.

pub(super) use crate::letter::{Letter, ends_with, equals, render, starts_with};

/// Whether `word` holds a vowel.
#[inline]
pub(super) fn has_vowel<L: Letter>(word: &[L]) -> bool {
    word.iter().any(|letter| letter.is_snowball_vowel())
}

/// The position just after the first non-vowel that follows a vowel at or after `from`, or the
/// word's length when there is none: how Porter2 places R1 (from 0) and R2 (from R1).
pub(super) fn after_vowel_consonant<L: Letter>(word: &[L], from: usize) -> usize {
    let mut previous_is_vowel = false;
    for (position, letter) in word.iter().enumerate().skip(from) {
        let is_vowel = letter.is_snowball_vowel();
        if previous_is_vowel && !is_vowel {
            return position + 1;
        }
        previous_is_vowel = is_vowel;
    }
    word.len()
}
