//! NLTK 3.10.4's stemmers, same signatures and outputs: `PorterStemmer` in its three modes
//! (with `to_lowercase` both ways) and `SnowballStemmer(language, ignore_stopwords)`.

use std::collections::HashSet;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use stemkit_stemmer::{Algorithm, Stemmer};

use crate::algorithms;
use crate::shared::{STR_CACHE_WORDS, SharedStemmer};

const NLTK_EXTENSIONS: &str = "NLTK_EXTENSIONS";
const MARTIN_EXTENSIONS: &str = "MARTIN_EXTENSIONS";
const ORIGINAL_ALGORITHM: &str = "ORIGINAL_ALGORITHM";

/// NLTK's `nltk.stem.porter.PorterStemmer`, computed in Rust.
#[pyclass(module = "stemkit", frozen)]
pub(crate) struct PorterStemmer {
    mode: &'static str,
    /// Words lowercased first (`to_lowercase=True`, NLTK's default).
    lowered: SharedStemmer,
    /// Words as given (`to_lowercase=False`).
    as_given: SharedStemmer,
}

impl PorterStemmer {
    fn of_mode(mode: &str) -> PyResult<Self> {
        let (mode, algorithm) = match mode {
            NLTK_EXTENSIONS => (NLTK_EXTENSIONS, Algorithm::PorterNltk),
            MARTIN_EXTENSIONS => (MARTIN_EXTENSIONS, Algorithm::PorterMartin),
            ORIGINAL_ALGORITHM => (ORIGINAL_ALGORITHM, Algorithm::PorterOriginal),
            _ => {
                return Err(PyValueError::new_err(
                    "Mode must be one of PorterStemmer.NLTK_EXTENSIONS, \
                     PorterStemmer.MARTIN_EXTENSIONS, or PorterStemmer.ORIGINAL_ALGORITHM",
                ));
            }
        };
        let stemmer = Stemmer::new(algorithm);
        Ok(PorterStemmer {
            mode,
            lowered: SharedStemmer::new(stemmer),
            as_given: SharedStemmer::new(stemmer.as_given()),
        })
    }
}

#[pymethods]
impl PorterStemmer {
    /// NLTK's extensions to the algorithm (the default mode).
    #[classattr]
    const NLTK_EXTENSIONS: &'static str = NLTK_EXTENSIONS;
    /// Martin Porter's own extensions (his reference C implementation).
    #[classattr]
    const MARTIN_EXTENSIONS: &'static str = MARTIN_EXTENSIONS;
    /// The algorithm as published in 1980.
    #[classattr]
    const ORIGINAL_ALGORITHM: &'static str = ORIGINAL_ALGORITHM;

    #[new]
    #[pyo3(signature = (mode = None))]
    fn new(mode: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        match mode {
            None => Self::of_mode(NLTK_EXTENSIONS),
            // NLTK: any mode but the three constants is a ValueError, whatever its type.
            Some(mode) => Self::of_mode(&mode.extract::<String>().unwrap_or_default()),
        }
    }

    /// The mode, one of the three class constants.
    #[getter]
    fn mode(&self) -> &'static str {
        self.mode
    }

    /// The stem of `word`, lowercased first unless `to_lowercase` is false. A repeated word
    /// gets the same `str` object back, from a cache of each `to_lowercase`.
    #[pyo3(signature = (word, to_lowercase = true))]
    fn stem<'py>(
        &self,
        word: &Bound<'py, PyAny>,
        to_lowercase: bool,
    ) -> PyResult<Bound<'py, PyString>> {
        let stemmer = if to_lowercase {
            &self.lowered
        } else {
            &self.as_given
        };
        stemmer.stem_str(word, STR_CACHE_WORDS)
    }

    /// Words in the cache of `to_lowercase` (for the tests).
    #[pyo3(name = "_cached_words", signature = (to_lowercase = true))]
    fn cached_words(&self, to_lowercase: bool) -> usize {
        if to_lowercase {
            self.lowered.cached_words()
        } else {
            self.as_given.cached_words()
        }
    }

    fn __getnewargs__(&self) -> (&'static str,) {
        (self.mode,)
    }

    fn __repr__(&self) -> &'static str {
        "<PorterStemmer>"
    }
}

/// NLTK's `nltk.stem.snowball.SnowballStemmer`, computed in Rust.
#[pyclass(module = "stemkit", frozen)]
pub(crate) struct SnowballStemmer {
    language: String,
    ignore_stopwords: bool,
    stemmer: SharedStemmer,
    /// For `porter` (NLTK's `PorterStemmer`, which takes `to_lowercase`): words as given.
    as_given: Option<SharedStemmer>,
    stopwords: HashSet<&'static str>,
}

#[pymethods]
impl SnowballStemmer {
    #[new]
    #[pyo3(signature = (language, ignore_stopwords = false))]
    fn new(language: &str, ignore_stopwords: bool) -> PyResult<Self> {
        let algorithm = algorithms::nltk_language(language)?;
        let stopwords = if ignore_stopwords {
            // NLTK reads nltk_data's list of the language; stemkit ships English's.
            if language != "english" {
                return Err(PyValueError::new_err(format!(
                    "<{}Stemmer> has no list of stopwords. Please set 'ignore_stopwords' to 'False'.",
                    capitalized(language)
                )));
            }
            stemkit_tokenizer::english_stopwords()
                .iter()
                .copied()
                .collect()
        } else {
            HashSet::new()
        };
        Ok(SnowballStemmer {
            language: language.to_owned(),
            ignore_stopwords,
            stemmer: SharedStemmer::new(Stemmer::new(algorithm)),
            as_given: (language == "porter")
                .then(|| SharedStemmer::new(Stemmer::new(algorithm).as_given())),
            stopwords,
        })
    }

    /// The languages there are a stemmer for.
    #[classattr]
    fn languages(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
        let names: Vec<String> = algorithms::nltk_languages()
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        PyTuple::new(py, names)
    }

    /// The stopwords left unstemmed (empty unless `ignore_stopwords`), as NLTK's set.
    #[getter]
    fn stopwords(&self) -> HashSet<&'static str> {
        self.stopwords.clone()
    }

    /// The stem of `word`, as NLTK's stemmer of the language computes it. Only `porter` takes
    /// `to_lowercase` (NLTK's is its `PorterStemmer.stem`).
    #[pyo3(signature = (word, to_lowercase = None))]
    fn stem<'py>(
        &self,
        word: &Bound<'py, PyAny>,
        to_lowercase: Option<bool>,
    ) -> PyResult<Bound<'py, PyString>> {
        match (to_lowercase, &self.as_given) {
            (None | Some(true), _) => {}
            (Some(false), Some(as_given)) => return as_given.stem_str(word, STR_CACHE_WORDS),
            (Some(false), None) => {
                return Err(PyTypeError::new_err(
                    "stem() got an unexpected keyword argument 'to_lowercase'",
                ));
            }
        }
        self.stemmer
            .stem_str_with(word, STR_CACHE_WORDS, |py, text| {
                if !self.stopwords.is_empty() {
                    let lower = stemkit_stemmer::lowercase(text);
                    if self.stopwords.contains(lower.as_ref()) {
                        return PyString::new(py, &lower);
                    }
                }
                self.stemmer.stem(py, text, true)
            })
    }

    fn __getnewargs__(&self) -> (String, bool) {
        (self.language.clone(), self.ignore_stopwords)
    }

    fn __repr__(&self) -> String {
        format!("<{}Stemmer>", capitalized(&self.language))
    }
}

/// `english` -> `English`, as NLTK names its stemmer classes.
fn capitalized(language: &str) -> String {
    let mut chars = language.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
