//! A small cache of recent stems: running text repeats its words, and a lookup is cheaper
//! than stemming again.

/// Slots in the cache: a power of two, so a hash maps to a slot with a mask.
const SLOTS: usize = 4096;
/// Longer words are rare and would only evict common ones; they are stemmed every time.
const MAX_WORD: usize = 24;

/// A direct-mapped cache from word to stem: each word has one slot, a newer word evicts it.
#[derive(Clone, Debug, Default)]
pub(super) struct StemCache {
    slots: Vec<Slot>,
}

#[derive(Clone, Debug, Default)]
struct Slot {
    word: String,
    stem: String,
    filled: bool,
}

impl StemCache {
    /// The stem of `word`, from the cache or else computed by `stem_into` (which must always
    /// give the same stem for the same word) and remembered.
    pub(super) fn get_or_stem<'a>(
        &'a mut self,
        word: &str,
        scratch: &'a mut String,
        stem_into: impl FnOnce(&str, &mut String),
    ) -> &'a str {
        if word.len() > MAX_WORD {
            stem_into(word, scratch);
            return scratch;
        }
        if self.slots.is_empty() {
            self.slots = vec![Slot::default(); SLOTS];
        }
        let slot = &mut self.slots[slot_of(word)];
        if !(slot.filled && slot.word == word) {
            stem_into(word, &mut slot.stem);
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
