//! A stemmer shared by Python threads, with a stem cache behind a lock: a call takes the cache
//! when it is free and stems without it when another thread holds it, so no call ever waits.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;
use stemkit_stemmer::{CachedStemmer, Stemmer};

use crate::batch;

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

/// The stems of one part of a batch, each distinct stem once: `ids[i]` is the index in
/// `distinct` of the stem of the part's `i`th word. Python then makes one `str` per distinct
/// stem and fills the list with references to them, instead of one new object per word.
#[derive(Default)]
pub(crate) struct StemIds {
    pub(crate) distinct: Vec<String>,
    pub(crate) ids: Vec<u32>,
}

/// The stems of the words `text[range]` for each of `ranges`, on up to `threads` threads, each
/// with its own cache; call it with the GIL released.
pub(crate) fn stem_batch(
    stemmer: Stemmer,
    text: &str,
    ranges: &[Range<usize>],
    threads: usize,
) -> Vec<StemIds> {
    let share = batch::cache_share(threads);
    batch::map_parts(ranges, threads, batch::MIN_WORDS_PER_THREAD, |part| {
        let mut cache = CachedStemmer::with_memory(stemmer, share);
        let mut seen = Distinct::default();
        let mut stems = StemIds {
            distinct: Vec::new(),
            ids: Vec::with_capacity(part.len()),
        };
        let mut stem = Vec::new();
        for range in part {
            stem.clear();
            cache.append_stem_in(text, range.clone(), &mut stem, None);
            stems.ids.push(seen.id(&stem, &mut stems.distinct));
        }
        stems
    })
}

/// The ids of the distinct stems seen so far. Stems of up to 15 bytes, nearly all of them, are
/// keyed by one `u128` (bytes and length), compared in a register rather than by `memcmp`.
#[derive(Default)]
struct Distinct {
    short: HashMap<u128, u32, BuildHasherDefault<ShortKeyHasher>>,
    long: HashMap<Vec<u8>, u32, BuildHasherDefault<ShortKeyHasher>>,
}

impl Distinct {
    /// The id of `stem`, a new one (its index in `distinct`, where it is added) if unseen.
    fn id(&mut self, stem: &[u8], distinct: &mut Vec<String>) -> u32 {
        let next = distinct.len() as u32;
        let id = match pack(stem) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => match self.long.get(stem) {
                Some(&id) => id,
                None => *self.long.entry(stem.to_vec()).or_insert(next),
            },
        };
        if id == next {
            distinct.push(String::from_utf8_lossy(stem).into_owned());
        }
        id
    }
}

/// A stem of at most 15 bytes as one number: its bytes, then its length in the top byte.
fn pack(stem: &[u8]) -> Option<u128> {
    let mut bytes = [0; 16];
    bytes.get_mut(..stem.len())?.copy_from_slice(stem);
    if stem.len() > 15 {
        return None;
    }
    bytes[15] = stem.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

/// A fast hasher for short byte strings (stems), FxHash's multiply-and-rotate over 8-byte
/// words: the batch looks up every stem, and SipHash would cost more than the stemming.
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
