//! A stemmer shared by Python threads, with the caches of its per-call methods: the stem
//! object of each recent word, so that a repeated word costs one lookup and gets the very same
//! `str` back (no new object); and behind it the Rust stem cache. Both sit behind a lock that a
//! call takes when it is free, going without the caches when another thread holds it, so no
//! call ever waits. And the batch stemming of [`stem_batch`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;
use stemkit_stemmer::{CachedStemmer, Stemmer};

use crate::batch;
use crate::errors::{not_str, not_unicode};
use crate::ffi;

/// Memory of the Rust cache of one object's per-call stemming: 1 MiB, 16k words.
const CACHE_BYTES: usize = 1 << 20;

/// Words whose stem object an NLTK object keeps at most (for each `to_lowercase`), emptied
/// when full. On a news stream (30k distinct words in a million) 16k answer 95.6% of calls.
/// About 1.3 MiB when full.
pub(crate) const STR_CACHE_WORDS: usize = 16_384;

/// A stemmer and its caches, for one Python object.
#[derive(Debug)]
pub(crate) struct SharedStemmer {
    stemmer: Stemmer,
    caches: Mutex<Caches>,
}

/// The caches of a [`SharedStemmer`].
#[derive(Debug)]
struct Caches {
    stems: CachedStemmer,
    /// The stem object of each recent word of at most 15 bytes (nearly all words), keyed by
    /// its UTF-8 (see [`short_key`]): keyed by content, not by the caller's object, so any `str`
    /// equal to a cached word (a subclass too) finds it. Every entry was computed by this
    /// object's stemmer, so the cache is always right whatever threads race to fill or empty
    /// it; it holds at most the capacity the caller passes.
    objects: HashMap<u128, Py<PyString>, BuildHasherDefault<ShortKeyHasher>>,
}

impl SharedStemmer {
    /// `stemmer` with empty caches (the Rust cache's memory is taken on first use).
    pub(crate) fn new(stemmer: Stemmer) -> Self {
        SharedStemmer {
            stemmer,
            caches: Mutex::new(Caches {
                stems: CachedStemmer::with_memory(stemmer, CACHE_BYTES),
                objects: HashMap::default(),
            }),
        }
    }

    /// The stemmer.
    pub(crate) fn stemmer(&self) -> Stemmer {
        self.stemmer
    }

    /// The stem of `word` as a Python `str`; `cached` false skips the Rust cache.
    pub(crate) fn stem<'py>(
        &self,
        py: Python<'py>,
        word: &str,
        cached: bool,
    ) -> Bound<'py, PyString> {
        if cached {
            if let Ok(mut caches) = self.caches.try_lock() {
                return PyString::new(py, caches.stems.stem(word));
            }
        }
        PyString::new(py, &self.stemmer.stem(word))
    }

    /// The stem of the `str` `word` (else a `TypeError`; a lone surrogate is a `ValueError`),
    /// through both caches when `capacity` (of the stem objects) is not 0.
    pub(crate) fn stem_str<'py>(
        &self,
        word: &Bound<'py, PyAny>,
        capacity: usize,
    ) -> PyResult<Bound<'py, PyString>> {
        self.stem_str_with(word, capacity, |py, text| self.stem(py, text, capacity > 0))
    }

    /// [`Self::stem_str`] with the stem computed by `compute` on a miss (the same function of
    /// the word for every call on this object, so that the cache stays exact).
    pub(crate) fn stem_str_with<'py>(
        &self,
        word: &Bound<'py, PyAny>,
        capacity: usize,
        compute: impl FnOnce(Python<'py>, &str) -> Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = word.py();
        let Ok(text) = word.cast::<PyString>() else {
            return Err(not_str("word", word));
        };
        let utf8 = ffi::utf8(text.as_borrowed()).map_err(|error| not_unicode(py, "word", error))?;
        let key = if capacity > 0 {
            short_key(utf8.as_bytes(), 0..utf8.len())
        } else {
            None
        };
        if let Some(key) = key {
            if let Ok(caches) = self.caches.try_lock() {
                if let Some(stem) = caches.objects.get(&key) {
                    return Ok(stem.bind(py).clone());
                }
            }
        }
        let stem = compute(py, &utf8);
        if let Some(key) = key {
            if let Ok(mut caches) = self.caches.try_lock() {
                if caches.objects.len() >= capacity {
                    caches.objects.clear();
                }
                caches.objects.insert(key, stem.clone().unbind());
            }
        }
        Ok(stem)
    }

    /// Words whose stem object is cached.
    pub(crate) fn cached_words(&self) -> usize {
        self.caches.lock().map_or(0, |caches| caches.objects.len())
    }

    /// Forgets the cached stem objects.
    pub(crate) fn clear_cache(&self) {
        if let Ok(mut caches) = self.caches.lock() {
            caches.objects.clear();
        }
    }
}

/// The stems of one part of a batch, each distinct word's once: `ids[i]` is the index in
/// `distinct` of the stem of the part's `i`th word. Python then makes one `str` per distinct
/// word and fills the list with references to them, instead of one new object per word.
#[derive(Default)]
pub(crate) struct StemIds {
    pub(crate) distinct: Vec<String>,
    pub(crate) ids: Vec<u32>,
}

/// The stems of the words `text[range]` for each of `ranges`, on up to `threads` threads; call
/// it with the GIL released. `text` ends with [`PADDING`](crate::words::PADDING) zero bytes
/// after its last word. Each part stems each of its distinct words once (the part's table of
/// words is its cache).
pub(crate) fn stem_batch(
    stemmer: Stemmer,
    text: &str,
    ranges: &[Range<usize>],
    threads: usize,
) -> Vec<StemIds> {
    batch::map_parts(ranges, threads, batch::MIN_WORDS_PER_THREAD, |part| {
        let mut seen = Distinct::default();
        let mut stems = StemIds {
            distinct: Vec::new(),
            ids: Vec::with_capacity(part.len()),
        };
        for range in part {
            let next = stems.distinct.len() as u32;
            let id = seen.id(text.as_bytes(), range.clone(), next);
            if id == next {
                let word = text.get(range.clone()).unwrap_or_default();
                stems.distinct.push(stemmer.stem(word).into_owned());
            }
            stems.ids.push(id);
        }
        stems
    })
}

/// Ids of distinct words. Words of up to 15 bytes, nearly all of them, are keyed by one `u128`
/// (bytes and length), compared in a register rather than by `memcmp`.
#[derive(Default)]
struct Distinct {
    short: HashMap<u128, u32, BuildHasherDefault<ShortKeyHasher>>,
    long: HashMap<Vec<u8>, u32, BuildHasherDefault<ShortKeyHasher>>,
}

impl Distinct {
    /// The id of the word `text[word]`: `next` (then remembered) if unseen.
    fn id(&mut self, text: &[u8], word: Range<usize>, next: u32) -> u32 {
        match short_key(text, word.clone()) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => {
                let word = text.get(word).unwrap_or_default();
                match self.long.get(word) {
                    Some(&id) => id,
                    None => *self.long.entry(word.to_vec()).or_insert(next),
                }
            }
        }
    }
}

/// The word `text[word]`, if of at most 15 bytes, as one number: its bytes, then its length in
/// the top byte. One 16-byte load from the word's start, the bytes past its end masked off; a
/// word less than 16 bytes from the end of `text` (no [`PADDING`](crate::words::PADDING)) is
/// copied instead.
fn short_key(text: &[u8], word: Range<usize>) -> Option<u128> {
    let len = word.len();
    if len > 15 {
        return None;
    }
    let bytes: [u8; 16] = match text.get(word.start..word.start + 16) {
        Some(block) => block.try_into().ok()?,
        None => {
            let mut bytes = [0; 16];
            bytes[..len].copy_from_slice(text.get(word)?);
            bytes
        }
    };
    let mask = (1u128 << (8 * len)) - 1;
    Some((u128::from_le_bytes(bytes) & mask) | ((len as u128) << 120))
}

/// A fast hasher for short byte strings (words), FxHash's multiply-and-rotate over 8-byte
/// words: the batch looks up every word, and SipHash would cost more than the stemming.
#[derive(Default)]
pub(crate) struct ShortKeyHasher(u64);

impl Hasher for ShortKeyHasher {
    fn write_u128(&mut self, key: u128) {
        self.add(key as u64);
        self.add((key >> 64) as u64);
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last) ^ bytes.len() as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl ShortKeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
