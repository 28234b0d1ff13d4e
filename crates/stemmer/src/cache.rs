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
/// Bytes of the stems string per slot: the longest stem cached, its `\n`, then spaces.
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
    /// Slot `i`'s stem starts at byte `i * STEM_ROOM`, followed by `\n` and spaces up to the
    /// next region.
    stems: String,
    /// The stem of a word the cache cannot hold.
    scratch: String,
}

/// One cached word, zero-padded, and the length of its stem. An empty slot has `word_len == 0`;
/// the empty word is never cached (it is its own stem and costs nothing to stem). Whether empty
/// or not, the slot's region of the stems string is `stem_len` bytes of stem, then `\n` (once
/// filled) and spaces.
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
        match self.find(word) {
            // Slicing a `str` only checks that both ends fall on character boundaries.
            Some(index) => {
                let start = index * STEM_ROOM;
                &self.stems[start..start + usize::from(self.slots[index].stem_len)]
            }
            None => &self.scratch,
        }
    }

    /// Appends the stem of `word` (as [`CachedStemmer::stem`] gives it) and a `\n` to `out`:
    /// what a word-per-line writer needs, with a cached stem copied as one fixed-size block.
    #[inline]
    pub fn stem_line(&mut self, word: &str, out: &mut Vec<u8>) {
        match self.find(word) {
            Some(index) => {
                // The region holds the stem, its `\n`, then spaces: copy it whole, cut the spaces.
                let start = index * STEM_ROOM;
                let kept = out.len() + usize::from(self.slots[index].stem_len) + 1;
                if let Some(region) = self.stems.as_bytes().get(start..start + STEM_ROOM) {
                    out.extend_from_slice(region);
                }
                out.truncate(kept);
            }
            None => {
                out.extend_from_slice(self.scratch.as_bytes());
                out.push(b'\n');
            }
        }
    }

    /// The slot holding `word` and its stem, filled first if `word` was not there; `None` when
    /// the cache cannot hold the word or its stem, which is then in `scratch`.
    #[inline]
    fn find(&mut self, word: &str) -> Option<usize> {
        if word.is_empty() || word.len() > INLINE {
            self.stemmer.stem_into(word, &mut self.scratch);
            return None;
        }
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; SLOTS];
            self.stems = " ".repeat(SLOTS * STEM_ROOM);
        }
        let mut padded = [0; INLINE];
        padded[..word.len()].copy_from_slice(word.as_bytes());
        let index = slot_of(&padded);
        if self.slots[index].holds(word.len(), &padded) {
            return Some(index);
        }
        self.stemmer.stem_into(word, &mut self.scratch);
        self.fill(index, word.len(), padded).then_some(index)
    }

    /// Puts the word and the stem in `scratch` in slot `index`, or empties the slot when the
    /// stem does not fit (a non-ASCII word's stem can be longer than the word: lowercasing `İ`
    /// adds a byte). Whether the slot now holds them.
    fn fill(&mut self, index: usize, word_len: usize, padded: [u8; INLINE]) -> bool {
        let slot = &mut self.slots[index];
        slot.word_len = 0;
        let stem = self.scratch.as_bytes();
        if stem.len() >= STEM_ROOM {
            return false;
        }
        // Only the longer of the old and the new stem and its `\n` needs writing: the rest of
        // the region is spaces.
        let extent = stem.len().max(usize::from(slot.stem_len)) + 1;
        let mut region = [b' '; STEM_ROOM];
        region[..stem.len()].copy_from_slice(stem);
        region[stem.len()] = b'\n';
        // A whole `str`, a `\n` and spaces are valid UTF-8, and the old stem's `\n` (or the
        // first space of a region never filled) is a character boundary with only spaces after
        // it, so the replacement keeps the string's layout.
        let Ok(region) = std::str::from_utf8(&region[..extent]) else {
            return false;
        };
        let start = index * STEM_ROOM;
        self.stems.replace_range(start..start + extent, region);
        slot.word = padded;
        // Both fit in 32 bytes, so the lengths fit in a byte.
        slot.word_len = word_len as u8;
        slot.stem_len = stem.len() as u8;
        true
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
            let mut lines = Vec::new();
            let churned = words.iter().chain(words.iter().rev()).chain(words.iter());
            for (i, word) in churned.enumerate() {
                // Misses and hits of both methods.
                let expected = stemmer.stem(word);
                let line = format!("{expected}\n");
                for first in [i % 2 == 0, i % 2 == 1] {
                    if first {
                        assert_eq!(cached.stem(word), expected, "{algorithm}: {word:?}");
                    } else {
                        lines.clear();
                        cached.stem_line(word, &mut lines);
                        assert_eq!(lines, line.as_bytes(), "{algorithm}: {word:?}");
                    }
                }
            }
        }
    }
}
