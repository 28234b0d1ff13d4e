//! PyStemmer 3.1.0's API, same signatures and outputs: `Stemmer(algorithm, maxCacheSize)` with
//! `stemWord` and `stemWords`, and `algorithms()`. Words are stemmed as given (PyStemmer does
//! not lowercase) and `bytes` come back as `bytes`.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::algorithms;
use crate::errors;
use crate::shared::{SharedStemmer, stem_batch};
use crate::words::{Words, read_word};

/// PyStemmer's `Stemmer.Stemmer`, computed in Rust.
#[pyclass(module = "stemkit", frozen)]
pub(crate) struct Stemmer {
    algorithm: String,
    stemmer: SharedStemmer,
    max_cache_size: AtomicUsize,
}

#[pymethods]
impl Stemmer {
    #[new]
    #[pyo3(signature = (algorithm, maxCacheSize = 10000))]
    #[allow(non_snake_case)]
    fn new(algorithm: &str, maxCacheSize: usize) -> PyResult<Self> {
        Ok(Stemmer {
            algorithm: algorithm.to_owned(),
            stemmer: SharedStemmer::new(algorithms::pystemmer(algorithm)?),
            max_cache_size: AtomicUsize::new(maxCacheSize),
        })
    }

    /// The most words `stemWord` keeps the stem of, as PyStemmer (0: no cache): it keeps the
    /// `str` it returned for each recent word (of up to 15 bytes), emptied when full; behind it
    /// a fixed-size Rust table, which 0 also turns off.
    #[getter(maxCacheSize)]
    fn max_cache_size(&self) -> usize {
        self.max_cache_size.load(Ordering::Relaxed)
    }

    #[setter(maxCacheSize)]
    fn set_max_cache_size(&self, size: usize) {
        self.max_cache_size.store(size, Ordering::Relaxed);
        if self.stemmer.cached_words() > size {
            self.stemmer.clear_cache();
        }
    }

    /// The stem of `word` (`str`, or UTF-8 `bytes` giving `bytes`), not lowercased.
    #[pyo3(name = "stemWord")]
    fn stem_word<'py>(&self, word: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = word.py();
        let capacity = self.max_cache_size();
        if word.is_instance_of::<PyBytes>() {
            let text = read_word(word, true, || "word".to_owned())?;
            let stem = self.stemmer.stem(py, &text, capacity > 0);
            return Ok(PyBytes::new(py, stem.to_cow()?.as_bytes()).into_any());
        }
        Ok(self.stemmer.stem_str(word, capacity)?.into_any())
    }

    /// The stems of `words`, in order, on `threads` threads (default: one per core) with the
    /// GIL released. Unlike PyStemmer's, safe to call from several threads at once.
    #[pyo3(name = "stemWords", signature = (words, *, threads = None))]
    fn stem_words<'py>(
        &self,
        words: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = words.py();
        let threads = errors::threads(threads)?;
        let words = Words::read(words, true)?;
        let stemmer = self.stemmer.stemmer();
        let stems = py.detach(|| stem_batch(stemmer, words.text(), words.ranges(), threads));
        words.to_list(py, &stems)
    }

    /// Words in `stemWord`'s cache (for the tests).
    #[pyo3(name = "_cached_words")]
    fn cached_words(&self) -> usize {
        self.stemmer.cached_words()
    }

    fn __getnewargs__(&self) -> (String, usize) {
        (self.algorithm.clone(), self.max_cache_size())
    }

    fn __repr__(&self) -> String {
        format!("<stemkit.Stemmer {:?}>", self.algorithm)
    }
}

/// The algorithm names `Stemmer` takes, from the stemmer's catalogue. `aliases` is accepted
/// for PyStemmer's signature; stemkit has no aliases beyond the names.
#[pyfunction]
#[pyo3(name = "algorithms", signature = (aliases = false))]
pub(crate) fn algorithm_names(aliases: bool) -> Vec<String> {
    let _ = aliases;
    algorithms::pystemmer_names()
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}
