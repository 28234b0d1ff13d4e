//! Bounded time for any input length: a 1 MiB word stems within seconds, and in time linear in
//! its length, for every algorithm. The words: one letter repeated, every character of the
//! algorithm's vocabulary in turn (each prelude and postlude rewrites some of them), and a word of
//! the vocabulary that the reference stems (its suffixes at the end), each repeated to size.
//!
//! Linear means that four times the word takes at most eight times as long (a quadratic stemmer
//! takes sixteen), each size timed twice and the faster kept, with some slack for the noise of
//! a shared machine. [`QUADRATIC`] lists the programs known to be quadratic: none since long
//! words are stemmed over a gap buffer (thirteen before: their preludes or postludes rewrite
//! letters all along the word with replacements of another length, `ú` to `u`, `ß` to `ss`,
//! dropping ZWNJ, and in place each such edit shifts the rest of the word, as in Snowball's own
//! C and Rust runtimes).

mod corpus;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use corpus::snowball::{FILES, Table};
use stemkit_stemmer::{Algorithm, Stemmer};

const MIB: usize = 1 << 20;
/// At most this long for a 1 MiB word.
const BOUND: Duration = Duration::from_secs(10);
/// Allowed on top of eight times the quarter-size time, for timer and scheduling noise.
const SLACK: Duration = Duration::from_millis(100);

/// The programs quadratic in the word's length (on some word), by name.
const QUADRATIC: [&str; 0] = [];

/// `piece` repeated to at least `bytes` bytes.
fn repeated(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len().max(1) + 1)
}

/// The pieces to repeat for `algorithm`: a letter, every character of its vocabulary, and the
/// last word of it that the reference stems.
fn pieces(algorithm: Algorithm) -> Vec<String> {
    let mut pieces = vec!["a".to_owned()];
    let base = algorithm
        .name()
        .split(['@', '-'])
        .next()
        .unwrap_or_default();
    let Some(file) = FILES.into_iter().find(|f| *f == base) else {
        pieces.push("generalizations".to_owned());
        return pieces;
    };
    let table = Table::load(file);
    let characters: BTreeSet<char> = table.pairs(1).flat_map(|(_, w, _)| w.chars()).collect();
    pieces.push(characters.into_iter().collect());
    if let Some((_, word, _)) = table.pairs(1).filter(|(_, w, s)| w != s).last() {
        pieces.push(word.to_owned());
    }
    pieces
}

/// The faster of two runs of stemming `word`.
fn time(stemmer: Stemmer, word: &str) -> Duration {
    let mut stem = String::new();
    (0..2)
        .map(|_| {
            let start = Instant::now();
            stemmer.as_given().stem_into(word, &mut stem);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Every way `algorithms` break the bound or grow faster than linearly.
fn violations(algorithms: impl Iterator<Item = Algorithm>) -> Vec<String> {
    let mut found = Vec::new();
    for algorithm in algorithms {
        let stemmer = Stemmer::new(algorithm);
        for piece in pieces(algorithm) {
            let quarter = time(stemmer, &repeated(&piece, MIB / 4));
            let whole = time(stemmer, &repeated(&piece, MIB));
            if whole > BOUND || whole > quarter * 8 + SLACK {
                let shown: String = piece.chars().take(12).collect();
                found.push(format!(
                    "{algorithm} on {shown:?} repeated: 256 KiB {quarter:?}, 1 MiB {whole:?}"
                ));
            }
        }
    }
    found
}

#[test]
fn a_mebibyte_word_stems_in_linear_time() {
    let found = violations(Algorithm::all().filter(|a| !QUADRATIC.contains(&a.name())));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_quadratic_programs_in_linear_time() {
    let quadratic = QUADRATIC.map(|name| name.parse::<Algorithm>().expect(name));
    let found = violations(quadratic.into_iter());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_quadratic_list_names_programs() {
    for name in QUADRATIC {
        let algorithm: Algorithm = name.parse().expect(name);
        assert_eq!(algorithm.name(), name, "not the program's own name");
    }
}
