//! A stemmer shared by Python threads, with a stem cache behind a lock: a call takes the cache
//! when it is free and stems without it when another thread holds it, so no call ever waits.

use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;
use stemkit_stemmer::{CachedStemmer, Stemmer};

use crate::batch;
use crate::words::Stems;

/// Memory of the cache of one object's per-call stemming: 1 MiB, 16k words.
const CACHE_BYTES: usize = 1 << 20;

/// A stemmer and its cache, for one Python object.
#[derive(Debug)]
pub(crate) struct SharedStemmer {
    stemmer: Stemmer,
    cache: Mutex<CachedStemmer>,
}

impl SharedStemmer {
    /// `stemmer` with an empty cache (its memory is taken on first use).
    pub(crate) fn new(stemmer: Stemmer) -> Self {
        SharedStemmer {
            stemmer,
            cache: Mutex::new(CachedStemmer::with_memory(stemmer, CACHE_BYTES)),
        }
    }

    /// The stemmer.
    pub(crate) fn stemmer(&self) -> Stemmer {
        self.stemmer
    }

    /// The stem of `word` as a Python `str`; `cached` false skips the cache.
    pub(crate) fn stem<'py>(
        &self,
        py: Python<'py>,
        word: &str,
        cached: bool,
    ) -> Bound<'py, PyString> {
        if cached {
            if let Ok(mut cache) = self.cache.try_lock() {
                return PyString::new(py, cache.stem(word));
            }
        }
        PyString::new(py, &self.stemmer.stem(word))
    }
}

/// The stems of `words` on up to `threads` threads, each with its own cache; call it with the
/// GIL released.
pub(crate) fn stem_batch(stemmer: Stemmer, words: &[&str], threads: usize) -> Stems {
    let share = batch::cache_share(threads);
    let parts = batch::map_parts(words, threads, batch::MIN_WORDS_PER_THREAD, |part| {
        let mut cache = CachedStemmer::with_memory(stemmer, share);
        let mut stems = Stems::default();
        for word in part {
            stems.push(cache.stem(word));
        }
        stems
    });
    let mut all = Stems::default();
    for part in parts {
        all.append(part);
    }
    all
}
