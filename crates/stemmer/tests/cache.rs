//! The stem cache against reference stems (NLTK and Snowball outputs in `corpus/vocab/`, never
//! stemkit's): whatever the cache remembers or evicts, through every method, every answer must
//! be the reference's.

mod corpus;

use corpus::{column, pairs};
use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};

/// The cases in order, reversed, strided: tens of thousands of words through a cache of 4k to
/// 64k slots, so sets fill, evict and reorder many times over.
fn churned(cases: &[(String, String)]) -> Vec<&(String, String)> {
    cases
        .iter()
        .chain(cases.iter().rev())
        .chain(cases.iter().step_by(7))
        .chain(cases.iter().step_by(3).rev())
        .collect()
}

/// Every case through caches of the least and the most memory; returns the words whose stem
/// differs from the reference in either, with the cache's size.
fn mismatches(algorithm: Algorithm, cases: &[(String, String)]) -> Vec<String> {
    [CachedStemmer::MIN_MEMORY, CachedStemmer::MAX_MEMORY]
        .into_iter()
        .flat_map(|memory| {
            let cached = CachedStemmer::with_memory(Stemmer::new(algorithm), memory);
            assert_eq!(cached.memory(), memory);
            mismatches_in(cached, cases)
                .into_iter()
                .map(move |word| format!("{memory}: {word}"))
        })
        .collect()
}

/// Every case through `stem`, `append_stem` and `append_stem_in` (the words laid out as one
/// text, as a word list is), with and without a terminator; returns the words whose stem
/// differs from the reference.
fn mismatches_in(mut cached: CachedStemmer, cases: &[(String, String)]) -> Vec<String> {
    let order = churned(cases);
    let mut text = String::new();
    let mut ranges = Vec::new();
    for (word, _) in &order {
        ranges.push(text.len()..text.len() + word.len());
        text.push_str(word);
        text.push('\n');
    }
    let mut bad = Vec::new();
    let mut out = Vec::new();
    for (i, ((word, expected), range)) in order.iter().zip(ranges).enumerate() {
        let ok = match i % 4 {
            0 => cached.stem(word) == expected,
            1 => {
                out.clear();
                cached.append_stem(word, &mut out, Some(b'\n'));
                out == format!("{expected}\n").as_bytes()
            }
            2 => {
                out.clear();
                out.extend_from_slice(b"x ");
                cached.append_stem_in(&text, range, &mut out, None);
                out == format!("x {expected}").as_bytes()
            }
            _ => {
                out.clear();
                cached.append_stem_in(&text, range, &mut out, Some(b' '));
                out == format!("{expected} ").as_bytes()
            }
        };
        if !ok {
            bad.push(word.to_string());
        }
    }
    bad
}

#[test]
fn cached_porter_nltk_matches_nltk() {
    let cases = column("nltk-porter.tsv", "porter_nltk");
    assert_eq!(
        mismatches(Algorithm::PorterNltk, &cases),
        Vec::<String>::new()
    );
}

#[test]
fn cached_porter_original_matches_snowball() {
    let cases = pairs("porter-voc.txt", "porter-output.txt");
    assert_eq!(
        mismatches(Algorithm::PorterOriginal, &cases),
        Vec::<String>::new()
    );
}

#[test]
fn cached_porter2_matches_snowball() {
    let cases = pairs("english-voc.txt", "english-output.txt");
    assert_eq!(mismatches(Algorithm::Porter2, &cases), Vec::<String>::new());
}

/// Keys are raw words: a capitalised word gets a slot of its own, and its stem is NLTK's stem
/// of the word (NLTK lowercases first), whichever of the two spellings came first.
#[test]
fn capitalised_words_get_the_lowercase_words_reference_stem() {
    let cases: Vec<(String, String)> = column("nltk-porter.tsv", "porter_nltk")
        .into_iter()
        .filter(|(word, _)| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()))
        .flat_map(|(word, stem)| {
            let mut capital = word.clone();
            capital[..1].make_ascii_uppercase();
            [
                (capital, stem.clone()),
                (word.to_ascii_uppercase(), stem.clone()),
                (word, stem),
            ]
        })
        .collect();
    assert!(cases.len() > 60_000);
    assert_eq!(
        mismatches(Algorithm::PorterNltk, &cases),
        Vec::<String>::new()
    );
}
