//! The reference outputs in `corpus/vocab/` (made by NLTK and Snowball, never by stemkit), loaded
//! the same way by every test binary that checks against them.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

/// The text of `corpus/vocab/NAME`.
pub(crate) fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/vocab")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Splits on `\n` only: some words hold `\r` or other line-breaking characters.
pub(crate) fn lines(text: &str) -> Vec<&str> {
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect()
}

/// (word, stem) pairs from a word file and a stem file aligned by line.
pub(crate) fn pairs(words: &str, stems: &str) -> Vec<(String, String)> {
    let (words, stems) = (read(words), read(stems));
    let (words, stems) = (lines(&words), lines(&stems));
    assert_eq!(
        words.len(),
        stems.len(),
        "word and stem files differ in length"
    );
    words
        .into_iter()
        .zip(stems)
        .map(|(w, s)| (w.to_owned(), s.to_owned()))
        .collect()
}

/// (word, stem) pairs from a tab-separated file with a header row: the word is column 0, the
/// stem the column named `column`.
pub(crate) fn column(file: &str, column: &str) -> Vec<(String, String)> {
    let text = read(file);
    let mut rows = lines(&text).into_iter();
    let header: Vec<&str> = rows.next().expect("header row").split('\t').collect();
    let index = header
        .iter()
        .position(|h| *h == column)
        .unwrap_or_else(|| panic!("{file} has no column {column}"));
    rows.map(|row| {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), header.len(), "{file}: bad row {row:?}");
        (fields[0].to_owned(), fields[index].to_owned())
    })
    .collect()
}
