//! Lowercasing as Python's `str.lower()` does it, which every reference applies before stemming.

use std::borrow::Cow;

/// `word` lowercased with Unicode's full mappings (`İ` -> `i̇`, final sigma), borrowed when it
/// already is lowercase.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else {
        // Rust's `to_lowercase` applies the same SpecialCasing rules as CPython, final sigma included.
        Cow::Owned(word.to_lowercase())
    }
}
