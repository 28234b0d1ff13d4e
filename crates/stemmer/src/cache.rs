//! A stemmer with a cache of recent stems: running text repeats its words, and a lookup is far
//! cheaper than stemming again.
//!
//! Each slot holds its word and stem inline in one 64-byte cache line, so a hit costs a hash of
//! a few loads, one memory access and a short compare: no pointer chasing, no allocation.

use crate::Stemmer;

/// Slots in the cache: a power of two, so a hash maps to a slot with a mask. 2^15 slots of 64
/// bytes (2 MiB) hold the working vocabulary of news text with few evictions.
const SLOTS: usize = 1 << 15;
/// The longest word (and stem) a slot holds, in bytes. Longer words are rare and would only
/// evict common ones; they are stemmed every time.
const INLINE: usize = 31;

/// A [`Stemmer`] that remembers recent stems in a direct-mapped cache: each word has one slot,
/// and a newer word evicts the older. Stems are exactly the stemmer's; only the speed differs.
/// One per thread: stemming needs `&mut self`.
///
/// ```
/// use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};
///
/// let mut stemmer = CachedStemmer::new(Stemmer::new(Algorithm::PorterNltk));
/// for word in ["said", "officials", "said"] {
///     assert_eq!(stemmer.stem(word), Stemmer::new(Algorithm::PorterNltk).stem(word));
/// }
/// ```
#[derive(Clone, Debug)]
pub struct CachedStemmer {
    stemmer: Stemmer,
    slots: Vec<Slot>,
    /// The stem of a word the cache cannot hold.
    scratch: String,
}

/// One cached word and its stem. An empty slot has `word_len == 0`; the empty word is never
/// cached (it is its own stem and costs nothing to stem).
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct Slot {
    word_len: u8,
    stem_len: u8,
    word: [u8; INLINE],
    stem: [u8; INLINE],
}

const EMPTY: Slot = Slot {
    word_len: 0,
    stem_len: 0,
    word: [0; INLINE],
    stem: [0; INLINE],
};

impl Slot {
    fn word(&self) -> &[u8] {
        &self.word[..usize::from(self.word_len)]
    }

    fn stem(&self) -> &[u8] {
        &self.stem[..usize::from(self.stem_len)]
    }

    /// Fills the slot, or empties it when `stem` does not fit (a non-ASCII word's stem can be
    /// longer than the word: lowercasing `İ` adds a byte).
    fn fill(&mut self, word: &str, stem: &str) {
        if stem.len() > INLINE || word.is_empty() {
            self.word_len = 0;
            return;
        }
        self.word[..word.len()].copy_from_slice(word.as_bytes());
        self.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        // Both fit in INLINE (31) bytes, so the lengths fit in a byte.
        self.word_len = word.len() as u8;
        self.stem_len = stem.len() as u8;
    }
}

impl CachedStemmer {
    /// `stemmer` with an empty cache; the cache's memory (2 MiB) is taken on first use.
    pub fn new(stemmer: Stemmer) -> Self {
        CachedStemmer {
            stemmer,
            slots: Vec::new(),
            scratch: String::new(),
        }
    }

    /// The stemmer behind the cache.
    pub fn stemmer(&self) -> Stemmer {
        self.stemmer
    }

    /// The stem of `word`, equal to [`Stemmer::stem`]'s, from the cache when `word` was seen
    /// recently.
    #[inline]
    pub fn stem(&mut self, word: &str) -> &str {
        if word.is_empty() || word.len() > INLINE {
            return self.stem_uncached(word);
        }
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; SLOTS];
        }
        let index = slot_of(word.as_bytes());
        if self.slots[index].word() != word.as_bytes() {
            self.stemmer.stem_into(word, &mut self.scratch);
            self.slots[index].fill(word, &self.scratch);
            return &self.scratch;
        }
        // The slot holds a stem copied from a `str`, so it is valid UTF-8; the fallback only
        // keeps this path free of panics.
        let Self {
            stemmer,
            slots,
            scratch,
        } = self;
        match std::str::from_utf8(slots[index].stem()) {
            Ok(stem) => stem,
            Err(_) => {
                stemmer.stem_into(word, scratch);
                scratch
            }
        }
    }

    fn stem_uncached(&mut self, word: &str) -> &str {
        self.stemmer.stem_into(word, &mut self.scratch);
        &self.scratch
    }
}

/// The slot of a word of 1 to [`INLINE`] bytes: its length and first and last eight bytes (which
/// overlap or repeat in short words), mixed by multiplication. Words differing only in the middle
/// of a long word share a slot, which costs only a miss.
#[inline]
fn slot_of(word: &[u8]) -> usize {
    let (head, tail) = if word.len() >= 8 {
        (le_u64(&word[..8]), le_u64(&word[word.len() - 8..]))
    } else {
        let mut padded = [0u8; 8];
        padded[..word.len()].copy_from_slice(word);
        (u64::from_le_bytes(padded), 0)
    };
    let mixed =
        (head ^ tail.rotate_left(29) ^ word.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 40) as usize & (SLOTS - 1)
}

/// Eight bytes as a little-endian integer.
#[inline]
fn le_u64(bytes: &[u8]) -> u64 {
    let mut array = [0u8; 8];
    array.copy_from_slice(bytes);
    u64::from_le_bytes(array)
}
