//! A stemmer with a small cache of recent stems: running text repeats its words, and a lookup
//! is cheaper than stemming again.

use crate::Stemmer;

/// Slots in the cache: a power of two, so a hash maps to a slot with a mask.
const SLOTS: usize = 4096;
/// Longer words are rare and would only evict common ones; they are stemmed every time.
const MAX_WORD: usize = 24;

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
    /// The stem of a word too long to cache.
    scratch: String,
}

#[derive(Clone, Debug, Default)]
struct Slot {
    word: String,
    stem: String,
    filled: bool,
}

impl CachedStemmer {
    /// `stemmer` with an empty cache; the cache's memory (a few hundred KiB at most) is taken
    /// on first use.
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
    pub fn stem(&mut self, word: &str) -> &str {
        if word.len() > MAX_WORD {
            self.stemmer.stem_into(word, &mut self.scratch);
            return &self.scratch;
        }
        if self.slots.is_empty() {
            self.slots = vec![Slot::default(); SLOTS];
        }
        let slot = &mut self.slots[slot_of(word)];
        if !(slot.filled && slot.word == word) {
            self.stemmer.stem_into(word, &mut slot.stem);
            slot.word.clear();
            slot.word.push_str(word);
            slot.filled = true;
        }
        &slot.stem
    }
}

/// FNV-1a over the word's bytes, folded onto a slot.
fn slot_of(word: &str) -> usize {
    let hash = word.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    (hash ^ (hash >> 32)) as usize & (SLOTS - 1)
}
