//! A stemmer with a cache of recent stems: running text repeats its words, and a lookup is far
//! cheaper than stemming again.
//!
//! Each slot holds its word inline in 32 bytes, and its stem sits at the same index of one long
//! string of 32-byte regions, so a hit costs a hash, a fixed-size compare and a slice of that
//! string (whose UTF-8 was checked once, when the stem went in): no pointer chasing, no
//! allocation.

use crate::Stemmer;

/// Slots in the cache: a power of two, so a hash maps to a slot with a mask. 2^16 slots (2 MiB
/// of words, 2 MiB of stems) hold the working vocabulary of news text with few evictions (on a
/// news-like stream with a long tail, 7% fewer instructions per word than 2^15 slots).
const SLOTS: usize = 1 << 16;
/// The longest word a slot holds, in bytes. Longer words are rare and would only evict common
/// ones; they are stemmed every time.
const INLINE: usize = 30;
/// Bytes of the stems string per slot: the longest stem cached.
const STEM_ROOM: usize = 32;

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
    /// Slot `i`'s stem starts at byte `i * STEM_ROOM`, padded with spaces to the next region.
    stems: String,
    /// The stem of a word the cache cannot hold.
    scratch: String,
}

/// One cached word, zero-padded, and the length of its stem. An empty slot has `word_len == 0`;
/// the empty word is never cached (it is its own stem and costs nothing to stem). Whether empty
/// or not, the slot's region of the stems string is `stem_len` bytes of stem, then spaces.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
struct Slot {
    word_len: u8,
    stem_len: u8,
    word: [u8; INLINE],
}

const EMPTY: Slot = Slot {
    word_len: 0,
    stem_len: 0,
    word: [0; INLINE],
};

impl Slot {
    /// Whether the slot holds the word whose zero-padded bytes are `padded`: a compare of fixed
    /// size, which compiles to a few vector instructions.
    #[inline]
    fn holds(&self, word_len: usize, padded: &[u8; INLINE]) -> bool {
        usize::from(self.word_len) == word_len && self.word == *padded
    }
}

impl CachedStemmer {
    /// `stemmer` with an empty cache; the cache's memory (4 MiB) is taken on first use.
    pub fn new(stemmer: Stemmer) -> Self {
        CachedStemmer {
            stemmer,
            slots: Vec::new(),
            stems: String::new(),
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
            self.stemmer.stem_into(word, &mut self.scratch);
            return &self.scratch;
        }
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; SLOTS];
            self.stems = " ".repeat(SLOTS * STEM_ROOM);
        }
        let mut padded = [0; INLINE];
        padded[..word.len()].copy_from_slice(word.as_bytes());
        let index = slot_of(&padded);
        let start = index * STEM_ROOM;
        if !self.slots[index].holds(word.len(), &padded) {
            self.stemmer.stem_into(word, &mut self.scratch);
            self.fill(index, word.len(), padded);
            return &self.scratch;
        }
        // Slicing a `str` only checks that both ends fall on character boundaries.
        &self.stems[start..start + usize::from(self.slots[index].stem_len)]
    }

    /// Puts the word and the stem in `scratch` in slot `index`, or empties the slot when the
    /// stem does not fit (a non-ASCII word's stem can be longer than the word: lowercasing `İ`
    /// adds a byte).
    fn fill(&mut self, index: usize, word_len: usize, padded: [u8; INLINE]) {
        let slot = &mut self.slots[index];
        slot.word_len = 0;
        let stem = self.scratch.as_bytes();
        if stem.len() > STEM_ROOM {
            return;
        }
        // Only the longer of the old and the new stem needs writing: the rest is spaces.
        let extent = stem.len().max(usize::from(slot.stem_len));
        let mut region = [b' '; STEM_ROOM];
        region[..stem.len()].copy_from_slice(stem);
        // A whole `str` followed by spaces is valid UTF-8, and the old stem ends on a character
        // boundary with only spaces after it, so the replacement keeps the string's layout.
        let Ok(region) = std::str::from_utf8(&region[..extent]) else {
            return;
        };
        let start = index * STEM_ROOM;
        self.stems.replace_range(start..start + extent, region);
        slot.word = padded;
        // Both fit in 32 bytes, so the lengths fit in a byte.
        slot.word_len = word_len as u8;
        slot.stem_len = stem.len() as u8;
    }
}

/// The slot of a word from its zero-padded bytes, read as four overlapping integers and mixed
/// by multiplication.
#[inline]
fn slot_of(padded: &[u8; INLINE]) -> usize {
    let part = |at: usize| {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(&padded[at..at + 8]);
        u64::from_le_bytes(bytes)
    };
    let mixed = (part(0) ^ part(8).rotate_left(21) ^ part(16).rotate_left(42) ^ part(22))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 40) as usize & (SLOTS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Algorithm;

    /// Many more words than slots, ASCII and not, some lowercasing longer (`İ`), short and up to
    /// the longest cached: every slot is filled and evicted many times with stems of other
    /// lengths, and each answer must still be the stemmer's.
    #[test]
    fn evictions_keep_every_stem_exact() {
        let pieces = [
            "run", "ning", "İ", "ies", "ational", "é", "σας", "ed", "ly", "ness", "y", "ß",
        ];
        let mut words = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        words.push(format!("{a}{b}{c}{d}"));
                    }
                }
            }
        }
        words.push("x".repeat(INLINE));
        words.push("x".repeat(INLINE + 1));
        words.push(String::new());
        for algorithm in Algorithm::ALL {
            let stemmer = Stemmer::new(algorithm);
            let mut cached = CachedStemmer::new(stemmer);
            for word in words.iter().chain(words.iter().rev()).chain(words.iter()) {
                assert_eq!(
                    cached.stem(word),
                    stemmer.stem(word),
                    "{algorithm}: {word:?}"
                );
            }
        }
    }
}
