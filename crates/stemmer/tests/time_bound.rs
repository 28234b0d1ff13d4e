//! Bounded time for any input length: a 1 MiB word stems within seconds for every algorithm.
//! A stemmer that were quadratic in the word's length would take hours here (10^12 steps), a
//! linear one takes milliseconds, so the generous bound tells them apart even on a loaded
//! machine. The words: one letter repeated, vowels and consonants alternating, and a word of
//! the algorithm's own vocabulary repeated (its letters, its suffixes at the end).

mod references;

use std::time::{Duration, Instant};

use references::snowball::{FILES, Table};
use stemkit_stemmer::{Algorithm, Stemmer};

const MIB: usize = 1 << 20;
const BOUND: Duration = Duration::from_secs(10);

/// `piece` repeated to at least 1 MiB.
fn mebibyte_of(piece: &str) -> String {
    piece.repeat(MIB / piece.len().max(1) + 1)
}

/// A word of the vocabulary that `algorithm`'s name belongs to (the last one the reference
/// stems differently from the word, so it ends in a suffix), or `generalizations`.
fn own_word(algorithm: Algorithm) -> String {
    let base = algorithm
        .name()
        .split(['@', '-'])
        .next()
        .unwrap_or_default();
    let Some(file) = FILES.into_iter().find(|f| *f == base) else {
        return "generalizations".to_owned();
    };
    let table = Table::load(file);
    table
        .pairs(1)
        .filter(|(_, word, stem)| word != stem)
        .last()
        .map_or_else(
            || "generalizations".to_owned(),
            |(_, word, _)| word.to_owned(),
        )
}

#[test]
fn a_mebibyte_word_stems_in_bounded_time() {
    let mut slow = Vec::new();
    for algorithm in Algorithm::ALL {
        let stemmer = Stemmer::new(algorithm);
        let mut stem = String::new();
        for piece in ["a".to_owned(), "ab".to_owned(), own_word(algorithm)] {
            let word = mebibyte_of(&piece);
            let start = Instant::now();
            stemmer.stem_into(&word, &mut stem);
            let took = start.elapsed();
            if took > BOUND {
                slow.push(format!(
                    "{algorithm} on {piece:?} x {}: {took:?}",
                    word.len() / piece.len()
                ));
            }
        }
    }
    assert!(slow.is_empty(), "over {BOUND:?}:\n{}", slow.join("\n"));
}
