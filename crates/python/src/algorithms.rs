//! Names of algorithms as each API spells them, all drawn from the stemmer's catalogue
//! ([`Algorithm`] and the compiled Snowball [`Program`]s), so an algorithm the stemmer gains
//! appears here without a change.

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use stemkit_stemmer::{Algorithm, Program, Stemmer};

/// The languages of NLTK 3.10.4's `SnowballStemmer.languages`.
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

/// PyStemmer 3.1.0's names and the stemmer computing each, sorted by name: every compiled
/// Snowball program of release 3.1.0 (`lovins`, which libstemmer leaves out, aside). PyStemmer
/// stems words as given, so these stemmers do not lowercase.
pub(crate) fn pystemmer_names() -> Vec<(String, Stemmer)> {
    let mut names: Vec<(String, Stemmer)> = Program::ALL
        .into_iter()
        .filter(|program| program.releases().contains(&"3.1.0") && program.name() != "lovins")
        .map(|program| {
            let stemmer = Stemmer::new(Algorithm::Snowball(program)).as_given();
            (program.name().to_owned(), stemmer)
        })
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
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

/// NLTK's `SnowballStemmer` languages that stemkit computes exactly as NLTK 3.10.4 does
/// ([`Algorithm::nltk_snowball`]) and the algorithm of each, sorted. The others are ports of
/// NLTK's own that no Snowball revision reproduces: refused rather than offered inexactly
/// (`Stemmer(NAME)` gives Snowball's own).
pub(crate) fn nltk_languages() -> Vec<(String, Algorithm)> {
    NLTK_SNOWBALL
        .into_iter()
        .filter_map(|name| Some((name.to_owned(), Algorithm::nltk_snowball(name)?)))
        .collect()
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
            let why = if NLTK_SNOWBALL.contains(&language) {
                format!(
                    " (NLTK's {language} is a port of its own that no Snowball revision \
                     reproduces exactly; stemkit.Stemmer('{language}') is Snowball's)"
                )
            } else {
                String::new()
            };
            PyValueError::new_err(format!(
                "The language '{language}' is not supported{why}; supported: {}",
                names.join(", ")
            ))
        })
}
