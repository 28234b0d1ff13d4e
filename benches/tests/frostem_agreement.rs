//! Beyond the vocabularies: every Snowball 3.1.0 program against frostem (Snowball's own Rust
//! backend, an implementation independent of stemkit's compiler) on words no reference file
//! holds: random strings over each language's alphabet with ASCII, capitals, apostrophes, ZWNJ
//! and a combining accent, and vocabulary words with random letters appended. Lives here
//! because this crate already has frostem (for the criterion group).
//!
//! frostem follows Snowball's main branch, not release 3.1.0; where main has changed an
//! algorithm since, the words that change touches are left out, each exception named below.

use std::collections::BTreeSet;

use stemkit_benches::{SNOWBALL_VOCABULARIES, snowball_vocabulary};
use stemkit_stemmer::{Algorithm, Stemmer};

/// Random words per algorithm, and vocabulary words extended, each.
const WORDS: usize = 3_000;

/// A small deterministic generator (xorshift64), so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Words that Snowball's main branch stems differently from release 3.1.0 by design.
fn changed_since_release(algorithm: &str, word: &str) -> bool {
    // French: main strips elided articles and pronouns (`l'`, `qu'`, ...) before stemming.
    algorithm == "french" && (word.contains('\'') || word.contains('’'))
}

/// The test words for `name`: random strings over its alphabet, and its words extended.
fn words(name: &str, vocabulary: &[String]) -> Vec<String> {
    let mut alphabet: BTreeSet<char> = vocabulary.iter().flat_map(|w| w.chars()).collect();
    alphabet.extend("aeiouyAEIOUYsnt'’-\u{200c}\u{301}".chars());
    let alphabet: Vec<char> = alphabet.into_iter().collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
    let mut words = Vec::with_capacity(2 * WORDS);
    for _ in 0..WORDS {
        let len = 1 + rng.below(14);
        words.push(
            (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect(),
        );
        let mut word = vocabulary[rng.below(vocabulary.len())].clone();
        for _ in 0..rng.below(4) {
            word.push(alphabet[rng.below(alphabet.len())]);
        }
        words.push(word);
    }
    words
}

#[test]
fn every_program_agrees_with_frostem_beyond_the_vocabularies() {
    let mut compared = 0;
    let mut failures = Vec::new();
    for name in SNOWBALL_VOCABULARIES {
        let Ok(theirs) = frostem::Algorithm::from_name(name) else {
            continue;
        };
        let theirs = frostem::Stemmer::new(theirs);
        let algorithm: Algorithm = name.parse().expect("a stemkit algorithm");
        let ours = Stemmer::new(algorithm).as_given();
        let vocabulary = snowball_vocabulary(name).expect("corpus/snowball vocabulary");
        let mut stem = String::new();
        for word in words(name, &vocabulary) {
            if changed_since_release(name, &word) {
                continue;
            }
            ours.stem_into(&word, &mut stem);
            compared += 1;
            let expected = theirs.stem(&word);
            if stem != expected && failures.len() < 20 {
                failures.push(format!(
                    "{name}: {word:?} -> {stem:?}, frostem {expected:?}"
                ));
            }
        }
    }
    assert!(compared > 30 * WORDS, "only {compared} words compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
