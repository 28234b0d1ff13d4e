//! One data-driven suite: every reference vocabulary in `corpus/vocab/`, loaded into the
//! algorithm it was made by. The expected stems come from NLTK and Snowball, never from stemkit.

mod corpus;

use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};

/// Where a list of (word, expected stem) pairs comes from.
enum Source {
    /// Two files, one word per line, aligned by line.
    Pair {
        words: &'static str,
        stems: &'static str,
    },
    /// A tab-separated file with a header row; the word is column 0, the stem the named column.
    Tsv {
        file: &'static str,
        column: &'static str,
    },
}

fn load(source: &Source) -> Vec<(String, String)> {
    match *source {
        Source::Pair { words, stems } => corpus::pairs(words, stems),
        Source::Tsv { file, column } => corpus::column(file, column),
    }
}

/// Stems every word and fails listing the first differences, expected against actual.
fn check(algorithm: Algorithm, source: Source) {
    let cases = load(&source);
    assert!(
        cases.len() > 1000,
        "suspiciously few cases: {}",
        cases.len()
    );
    let stemmer = Stemmer::new(algorithm);
    let mut buffer = String::new();
    let mut mismatches = Vec::new();
    for (word, expected) in &cases {
        let stem = stemmer.stem(word);
        stemmer.stem_into(word, &mut buffer);
        if stem != *expected || buffer != *expected {
            mismatches.push(format!(
                "  {word:?}: expected {expected:?}, stem gave {stem:?}, stem_into gave {buffer:?}"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{algorithm}: {} of {} words differ; the first:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches[..mismatches.len().min(25)].join("\n")
    );
}

const NLTK_VOCABULARY: &str = "nltk-porter-test/porter_vocabulary.txt";

#[test]
fn porter_nltk_on_nltk_test_vocabulary() {
    check(
        Algorithm::PorterNltk,
        Source::Pair {
            words: NLTK_VOCABULARY,
            stems: "nltk-porter-test/porter_nltk_output.txt",
        },
    );
}

#[test]
fn porter_martin_on_nltk_test_vocabulary() {
    check(
        Algorithm::PorterMartin,
        Source::Pair {
            words: NLTK_VOCABULARY,
            stems: "nltk-porter-test/porter_martin_output.txt",
        },
    );
}

#[test]
fn porter_original_on_nltk_test_vocabulary() {
    check(
        Algorithm::PorterOriginal,
        Source::Pair {
            words: NLTK_VOCABULARY,
            stems: "nltk-porter-test/porter_original_output.txt",
        },
    );
}

#[test]
fn porter_nltk_on_nltk_tsv() {
    check(
        Algorithm::PorterNltk,
        Source::Tsv {
            file: "nltk-porter.tsv",
            column: "porter_nltk",
        },
    );
}

#[test]
fn porter_martin_on_nltk_tsv() {
    check(
        Algorithm::PorterMartin,
        Source::Tsv {
            file: "nltk-porter.tsv",
            column: "porter_martin",
        },
    );
}

#[test]
fn porter_original_on_nltk_tsv() {
    check(
        Algorithm::PorterOriginal,
        Source::Tsv {
            file: "nltk-porter.tsv",
            column: "porter_original",
        },
    );
}

#[test]
fn porter_original_on_snowball_porter_vocabulary() {
    check(
        Algorithm::PorterOriginal,
        Source::Pair {
            words: "porter-voc.txt",
            stems: "porter-output.txt",
        },
    );
}

#[test]
fn porter2_on_current_snowball_vocabulary() {
    check(
        Algorithm::Porter2,
        Source::Pair {
            words: "english-voc.txt",
            stems: "english-output.txt",
        },
    );
}

#[test]
fn porter2_nltk_on_snowball_2x_vocabulary() {
    check(
        Algorithm::Porter2Nltk,
        Source::Pair {
            words: "english2-voc.txt",
            stems: "english2-output.txt",
        },
    );
}

#[test]
fn porter2_nltk_on_nltk_tsv() {
    check(
        Algorithm::Porter2Nltk,
        Source::Tsv {
            file: "nltk-snowball-english.tsv",
            column: "snowball_english_nltk",
        },
    );
}

/// The cache may remember or evict any word; every stem must still be the reference's. The
/// Snowball Porter vocabulary, read in order, reversed and strided, churns the cache many times.
#[test]
fn cached_stemmer_on_snowball_porter_vocabulary() {
    let cases = load(&Source::Pair {
        words: "porter-voc.txt",
        stems: "porter-output.txt",
    });
    let mut stemmer = CachedStemmer::new(Stemmer::new(Algorithm::PorterOriginal));
    let churned = cases
        .iter()
        .chain(cases.iter().rev())
        .chain(cases.iter().step_by(7));
    let mut mismatches = 0;
    for (word, expected) in churned {
        if stemmer.stem(word) != expected {
            mismatches += 1;
        }
    }
    assert_eq!(
        mismatches, 0,
        "the cached stemmer differs from the reference"
    );
}
