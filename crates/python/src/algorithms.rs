//! Names of algorithms as each API spells them, all drawn from the stemmer's catalogue
//! ([`Algorithm::ALL`]), so an algorithm the stemmer gains appears here without a change.

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use stemkit_stemmer::{Algorithm, Stemmer};

/// The prefix of the catalogue's names for Snowball's own stemmers (`snowball-english`).
const SNOWBALL: &str = "snowball-";

/// The languages of NLTK 3.10.4's `SnowballStemmer.languages`: a catalogue algorithm that
/// Snowball names one of these is offered by [`nltk_languages`] too.
const NLTK_SNOWBALL: [&str; 16] = [
    "arabic",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "hungarian",
    "italian",
    "norwegian",
    "porter",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
];

/// The algorithm named `name` as the command line names it (`porter-nltk`, `porter2`, ...),
/// or a `ValueError` listing the names.
pub(crate) fn native(name: &str) -> PyResult<Algorithm> {
    name.parse::<Algorithm>()
        .map_err(|error| PyValueError::new_err(error.to_string()))
}

/// PyStemmer's names (Snowball's) and the stemmer computing each, sorted by name: each
/// catalogue name or alias `snowball-NAME` gives `NAME`. PyStemmer stems words as given, so
/// these stemmers do not lowercase.
pub(crate) fn pystemmer_names() -> Vec<(String, Stemmer)> {
    let mut names = Vec::new();
    for algorithm in Algorithm::ALL {
        let spellings =
            std::iter::once(algorithm.name()).chain(algorithm.aliases().iter().copied());
        for spelling in spellings {
            if let Some(language) = spelling.strip_prefix(SNOWBALL) {
                names.push((language.to_owned(), Stemmer::new(algorithm).as_given()));
            }
        }
    }
    // Snowball's porter until the catalogue has a `snowball-porter` of its own: NLTK's
    // ORIGINAL_ALGORITHM, equal to it but for doubled letters outside a-z and a capital Y.
    if !names.iter().any(|(name, _)| name == "porter") {
        let original = Stemmer::new(Algorithm::PorterOriginal).as_given();
        names.push(("porter".to_owned(), original));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    names.dedup_by(|a, b| a.0 == b.0);
    names
}

/// The stemmer PyStemmer calls `name`, or PyStemmer's `KeyError`.
pub(crate) fn pystemmer(name: &str) -> PyResult<Stemmer> {
    pystemmer_names()
        .into_iter()
        .find(|(known, _)| known == name)
        .map(|(_, stemmer)| stemmer)
        .ok_or_else(|| PyKeyError::new_err(format!("Stemming algorithm '{name}' not found")))
}

/// NLTK's `SnowballStemmer` languages and the algorithm of each, sorted: `english` is NLTK's
/// own revision (`porter2-nltk`), `porter` NLTK's `PorterStemmer()` (snowball.py subclasses it
/// in its default mode), and every other Snowball language of NLTK's list that the catalogue
/// has.
pub(crate) fn nltk_languages() -> Vec<(String, Algorithm)> {
    let mut languages = vec![
        ("english".to_owned(), Algorithm::Porter2Nltk),
        ("porter".to_owned(), Algorithm::PorterNltk),
    ];
    for (name, stemmer) in pystemmer_names() {
        if NLTK_SNOWBALL.contains(&name.as_str()) && !languages.iter().any(|(n, _)| *n == name) {
            languages.push((name, stemmer.algorithm()));
        }
    }
    languages.sort_by(|a, b| a.0.cmp(&b.0));
    languages
}

/// The algorithm of NLTK's `SnowballStemmer(language)`, or NLTK's `ValueError`, naming the
/// languages there are.
pub(crate) fn nltk_language(language: &str) -> PyResult<Algorithm> {
    let languages = nltk_languages();
    languages
        .iter()
        .find(|(name, _)| name == language)
        .map(|&(_, algorithm)| algorithm)
        .ok_or_else(|| {
            let names: Vec<&str> = languages.iter().map(|(name, _)| name.as_str()).collect();
            PyValueError::new_err(format!(
                "The language '{language}' is not supported; supported: {}",
                names.join(", ")
            ))
        })
}
