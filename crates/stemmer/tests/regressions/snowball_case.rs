//! The `snowball` fuzz target's case, in one place for the target (which includes this file by
//! path) and its regression replay: how bytes become (algorithm, word), and what must hold.
//!
//! Input: the first line names the algorithm (`french`, `english@2.0.0`, ...), the rest is the
//! word up to its first invalid UTF-8 byte. A first line that names no algorithm picks one by
//! its first byte; without a newline, the first byte picks and the rest is the word. A name
//! ending in `*` (`french*`) repeats the word to more than 64 KiB first, long enough for
//! [`GiantWordStemmer`]'s bounded path.

// `pub` is the interface the fuzz target uses; inside a test crate nothing is reachable from outside.
#![allow(unreachable_pub, dead_code)]

use std::fmt;

use stemkit_stemmer::{Algorithm, GiantWordStemmer, Stemmer};

/// Bytes past which [`GiantWordStemmer`] stops holding a word whole (its `LONG`).
const LONG: usize = 64 * 1024;

/// One decoded case.
pub struct Case {
    pub algorithm: Algorithm,
    pub word: String,
}

/// Printed on a crash: a command that replays the case.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.word.chars().take(200).collect();
        write!(
            f,
            "stemkit stem --algorithm {} <<< {:?}   # {} bytes",
            self.algorithm,
            shown,
            self.word.len()
        )
    }
}

/// Every algorithm, in the command line's order.
pub fn algorithms() -> Vec<Algorithm> {
    Algorithm::all().collect()
}

/// The fuzz target's decoding.
pub fn decode(bytes: &[u8]) -> Case {
    let all = algorithms();
    let by_byte = |byte: Option<&u8>| all[usize::from(byte.copied().unwrap_or(0)) % all.len()];
    let (algorithm, rest, repeat) = match bytes.iter().position(|&b| b == b'\n') {
        Some(newline) => {
            let line = &bytes[..newline];
            let (line, repeat) = match line.strip_suffix(b"*") {
                Some(name) => (name, true),
                None => (line, false),
            };
            let named = std::str::from_utf8(line).ok().and_then(|n| n.parse().ok());
            (
                named.unwrap_or_else(|| by_byte(line.first())),
                &bytes[newline + 1..],
                repeat,
            )
        }
        None => (by_byte(bytes.first()), bytes.get(1..).unwrap_or(&[]), false),
    };
    let valid = match std::str::from_utf8(rest) {
        Ok(word) => word.len(),
        Err(error) => error.valid_up_to(),
    };
    let mut word = String::from_utf8_lossy(&rest[..valid]).into_owned();
    if repeat && !word.is_empty() {
        word = word.repeat(LONG / word.len() + 2);
    }
    Case { algorithm, word }
}

/// No panic; `stem`, `stem_into` (on a dirty buffer) and `explain` agree; stemming the word in
/// pieces with [`GiantWordStemmer`] gives the same stem.
pub fn check(case: &Case) {
    let stemmer = Stemmer::new(case.algorithm);
    let word = case.word.as_str();
    let stem = stemmer.stem(word);

    let mut reused = String::from("leftover text from an earlier word");
    stemmer.stem_into(word, &mut reused);
    assert_eq!(reused, stem, "{case:?}: stem_into differs from stem");

    assert_eq!(
        stemmer.explain(word).stem,
        stem,
        "{case:?}: explain's stem differs from stem"
    );

    let mut long = GiantWordStemmer::new(stemmer);
    let mut pieces = String::new();
    for piece in pieces_of(word) {
        long.push(piece, &mut pieces);
    }
    long.finish(&mut pieces);
    assert_eq!(pieces, stem, "{case:?}: stemming in pieces differs");
}

/// `word` cut at char boundaries into pieces of varied lengths (1, 2, ... 7 chars, then much
/// longer ones once past a few), the same for the same word.
fn pieces_of(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = word;
    let mut size = 1 + word.len() % 7;
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .nth(size)
            .map_or(rest.len(), |(index, _)| index);
        pieces.push(&rest[..cut]);
        rest = &rest[cut..];
        size = if pieces.len() < 8 { size % 7 + 1 } else { 4093 };
    }
    pieces
}
