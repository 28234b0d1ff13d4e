//! The stem cache against reference stems (NLTK and Snowball outputs in `corpus/vocab/`, never
//! stemkit's): whatever the cache remembers or evicts, through every method, every answer must
//! be the reference's.

use std::fs;
use std::path::PathBuf;

use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/vocab")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// (word, stem) pairs from a word file and a stem file aligned by line.
fn pairs(words: &str, stems: &str) -> Vec<(String, String)> {
    let (words, stems) = (read(words), read(stems));
    // Split on `\n` only: some words hold other line-breaking characters.
    let lines = |text: &str| -> Vec<String> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.split('\n').map(str::to_owned).collect()
    };
    let (words, stems) = (lines(&words), lines(&stems));
    assert_eq!(words.len(), stems.len());
    words.into_iter().zip(stems).collect()
}

/// (word, stem) pairs from a column of a tab-separated file with a header row.
fn column(file: &str, name: &str) -> Vec<(String, String)> {
    let text = read(file);
    let mut rows = text.split('\n').filter(|row| !row.is_empty());
    let header: Vec<&str> = rows.next().expect("header").split('\t').collect();
    let index = header.iter().position(|c| *c == name).expect("column");
    rows.map(|row| {
        let cells: Vec<&str> = row.split('\t').collect();
        (cells[0].to_owned(), cells[index].to_owned())
    })
    .collect()
}

/// The cases in order, reversed, strided: tens of thousands of words through a cache of 64k
/// slots, so sets fill, evict and reorder many times over.
fn churned(cases: &[(String, String)]) -> Vec<&(String, String)> {
    cases
        .iter()
        .chain(cases.iter().rev())
        .chain(cases.iter().step_by(7))
        .chain(cases.iter().step_by(3).rev())
        .collect()
}

/// Every case through `stem`, `append_stem` and `append_stem_in` (the words laid out as one
/// text, as a word list is), with and without a terminator; returns the words whose stem
/// differs from the reference.
fn mismatches(algorithm: Algorithm, cases: &[(String, String)]) -> Vec<String> {
    let order = churned(cases);
    let mut text = String::new();
    let mut ranges = Vec::new();
    for (word, _) in &order {
        ranges.push(text.len()..text.len() + word.len());
        text.push_str(word);
        text.push('\n');
    }
    let mut cached = CachedStemmer::new(Stemmer::new(algorithm));
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
