//! The giant-word stemmer against the whole-word stemmer (itself checked against every reference
//! file in `tests/vocab.rs`): the same stem, for every algorithm, however the word is cut into
//! pieces and however long it is. Small limits make short words take the giant path, so that
//! every shape of head, middle and tail is reached.

use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::Algorithm;

/// Limits small enough that a word of a few dozen letters is giant, with a tail still longer
/// than any rule reaches.
fn small(algorithm: Algorithm) -> GiantWordStemmer {
    GiantWordStemmer::with_limits(Stemmer::new(algorithm), 48, 40)
}

/// The stem `giant` writes for `word` pushed in pieces cut at `cuts` (character counts).
fn stem_in_pieces(giant: &mut GiantWordStemmer, word: &str, cuts: &[usize]) -> String {
    let mut out = String::new();
    let mut rest = word;
    for &cut in cuts {
        let at = char_boundary_after(rest, cut);
        giant.push(&rest[..at], &mut out);
        rest = &rest[at..];
    }
    giant.push(rest, &mut out);
    assert!(!giant.is_empty() || word.is_empty());
    giant.finish(&mut out);
    assert!(giant.is_empty(), "ready for the next word");
    out
}

/// Pieces of words that exercise the rules: suffixes, `y` in every position, apostrophes,
/// Porter2's prefixes, capitals, and letters whose lowercase is special.
const PARTS: &[&str] = &[
    "a", "e", "i", "o", "u", "y", "yy", "b", "t", "l", "ll", "ss", "s", "'", "’", "‘", "'s", "s'",
    "sses", "ies", "ied", "ed", "ing", "eed", "ational", "ization", "iveness", "fulness", "ement",
    "ance", "ent", "ism", "ate", "iti", "biliti", "logi", "li", "alli", "ousli", "abl", "ic", "at",
    "bl", "iz", "gener", "commun", "arsen", "univers", "inter", "past", "Y", "E", "ING", "Σ", "σ",
    "ΑΣ", "İ", "K", "é", "ÿ", "ß", "9", "-", " ", "\u{301}", "\u{AD}", "ǅ",
];

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(select(PARTS), 0..60).prop_map(|parts| parts.concat())
}

fn cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0_usize..40, 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn pieces_stem_as_the_whole_word(
        algorithm in select(&Algorithm::ALL[..]),
        word in words(),
        cuts in cuts(),
    ) {
        let whole = Stemmer::new(algorithm).stem(&word).into_owned();
        let mut giant = small(algorithm);
        prop_assert_eq!(stem_in_pieces(&mut giant, &word, &cuts), whole);
    }

    #[test]
    fn one_stemmer_serves_word_after_word(
        algorithm in select(&Algorithm::ALL[..]),
        first in words(),
        second in words(),
    ) {
        let stemmer = Stemmer::new(algorithm);
        let mut giant = small(algorithm);
        prop_assert_eq!(stem_in_pieces(&mut giant, &first, &[7]), stemmer.stem(&first));
        prop_assert_eq!(stem_in_pieces(&mut giant, &second, &[3, 30]), stemmer.stem(&second));
    }
}

/// Every word of NLTK's Porter vocabulary (and its stem in the reference file) behind giant
/// middles of each kind: the end of a giant word stems as the references say.
#[test]
fn vocabulary_endings_stem_as_whole_words() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/vocab/nltk-porter-test/porter_vocabulary.txt"
    );
    let vocabulary = std::fs::read_to_string(path).expect("the Porter vocabulary is in corpus/");
    let fronts = [
        "'",
        "yyyyyyyyyyyyyyyyyyyyyyyyy",
        "generbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        "bab",
    ];
    let mut checked = 0;
    for algorithm in Algorithm::ALL {
        let stemmer = Stemmer::new(algorithm);
        let mut giant = small(algorithm);
        for (index, word) in vocabulary.lines().enumerate().step_by(7) {
            let front = fronts[index % fronts.len()];
            let giant_word = format!("{front}{}{word}", "ba".repeat(index % 5));
            let whole = stemmer.stem(&giant_word);
            assert_eq!(
                stem_in_pieces(&mut giant, &giant_word, &[5, 11]),
                whole,
                "{algorithm}: {giant_word:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} words checked");
}

/// With the real limits: a word of a megabyte and more, pushed in pieces of every size.
#[test]
fn megabyte_words_stem_as_whole_words() {
    let middles = ["é", "ab", "y", "Σa\u{301}", "bcd"];
    let ends = ["ations", "ΣΑΣ", "fulness", "'s", "yying"];
    for (middle, end) in middles.iter().zip(ends) {
        let word = format!("Gener{}{end}", middle.repeat(400_000));
        for algorithm in Algorithm::ALL {
            let whole = Stemmer::new(algorithm).stem(&word).into_owned();
            let mut giant = GiantWordStemmer::new(Stemmer::new(algorithm));
            let mut out = String::new();
            let mut rest = word.as_str();
            let mut size = 1;
            while !rest.is_empty() {
                let at = char_boundary_after(rest, size);
                giant.push(&rest[..at], &mut out);
                rest = &rest[at..];
                size = size * 3 + 1;
            }
            giant.finish(&mut out);
            assert!(
                out == whole,
                "{algorithm}: a {middle:?} word ending {end:?}"
            );
            assert!(giant.raw.capacity() < 4 * GIANT + 16 * 1024 * 1024);
        }
    }
}

#[test]
fn the_pattern_keeps_classes_and_parity() {
    let mut pattern = Pattern::after("gen");
    assert_eq!(pattern.squeezed(), "");
    pattern.extend("eyy");
    // `e` a vowel, the first `y` after it a consonant, the second a vowel.
    assert_eq!(pattern.squeezed(), "aba");
    pattern.extend(&"ba".repeat(100));
    let squeezed = pattern.squeezed();
    assert!(squeezed.len() <= ALTERNATIONS + 2);
    assert!(squeezed.starts_with('a') && squeezed.ends_with('a'));
}
