//! A stemmer with a cache of recent stems: running text repeats its words, and a lookup is far
//! cheaper than stemming again. The one cache of the project: the `stem` command and the
//! document pipeline both go through it.
//!
//! Keys are words exactly as they stand in the text, capitals and all. That is sound for every
//! algorithm because the cached value is the stem of that very key; and it is what makes the
//! cache fast for running text: every algorithm lowercases first, so the stem of `The` is the
//! stem of `the`, and a caller that would lowercase a word before stemming it can instead look
//! up the raw word and skip lowercasing on a hit (`The` and `the` then take two slots).
//!
//! Layout: sets of [`WAYS`] slots of 64 bytes, most recently used first. A slot holds its key
//! (the word zero-padded to 31 bytes, then its length) and its stem inline, so a hit costs a
//! hash, one 32-byte compare (usually in the first way) and one fixed-size 32-byte copy.
//!
//! Size: a power of two of sets, 256 KiB to 4 MiB, chosen when the cache is made, so that
//! threads sharing a memory budget can each take a smaller one. The set of a key is then the
//! low bits of its hash's top [`MAX_SET_BITS`]: one more `and`, with a mask read from memory
//! (a mask kept in a register costs callers' loops more in register moves than it saves).

use std::ops::Range;

use crate::Stemmer;

/// Slots per set. Direct-mapped, two frequent words sharing a slot evict each other; in sets
/// of four, most recently used first, a set keeps its four most recent words, and the first
/// way still answers most hits.
const WAYS: usize = 4;
/// Sets at most: a power of two, so a hash maps to a set with a shift. 2^14 sets of four
/// 64-byte slots are 4 MiB: room for the ~43k distinct words of a news-like stream with a long
/// tail.
const MAX_SET_BITS: u32 = 14;
/// Sets at least: 2^10 sets, 256 KiB, still hold the few thousand words that make up most of
/// running text; smaller, a thread would stem its common words again and again.
const MIN_SET_BITS: u32 = 10;
/// Bytes of a set.
const SET_BYTES: usize = WAYS * size_of::<Slot>();
/// Bytes of a key: the word zero-padded, its length in the last byte.
const KEY: usize = 32;
/// The longest word cached, in bytes. Longer words are rare and would only evict common ones;
/// they are stemmed every time.
const MAX_WORD: usize = KEY - 1;
/// Bytes of a slot's stem block: the stem zero-padded to 31 bytes, its length in the last
/// byte. Copied out whole on a hit whatever the stem's length (a fixed-size copy is a couple
/// of vector moves), then the output is cut to length.
const STEM_BLOCK: usize = 32;
/// The longest stem cached. A longer stem (possible only when lowercasing lengthens a
/// non-ASCII word) is not cached.
const MAX_STEM: usize = STEM_BLOCK - 1;
/// A stem this long is handed over rather than copied (see `append_scratch`): rare enough that
/// the buffer it leaves behind costs nothing, long enough that copying it would cost memory.
const HUGE_STEM: usize = 64 * 1024;

/// A word as a cache key: its bytes zero-padded to 31, its length in byte 31. The length tells
/// apart words that differ only in trailing NUL bytes; the empty word is never cached, so the
/// all-zero key of an empty slot matches no lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Key([u64; KEY / 8]);

impl Key {
    /// The key of `text[word]`, if the word is short enough to cache. Reads up to 32 bytes of
    /// `text` from the word's start in one load when `text` has them, masking off the bytes
    /// after the word.
    #[inline]
    fn of(text: &[u8], word: Range<usize>) -> Option<Key> {
        let len = word.end.checked_sub(word.start)?;
        if len == 0 || len > MAX_WORD {
            return None;
        }
        let mut key;
        match text.get(word.start..).and_then(<[u8]>::first_chunk::<KEY>) {
            Some(bytes) => {
                key = [0_u64; KEY / 8];
                for (k, (part, mask)) in key.iter_mut().zip(MASKS[len]).enumerate() {
                    *part = le_u64(&bytes[8 * k..8 * k + 8]) & mask;
                }
            }
            None => key = Key::near_the_end(text, word)?,
        }
        key[KEY / 8 - 1] |= (len as u64) << 56;
        Some(Key(key))
    }

    /// The key's words for a word near the end of the text (the end of a line, for the
    /// pipeline), through a zero-padded copy; out of line, so that the common case stays small
    /// enough to inline into callers.
    #[inline(never)]
    fn near_the_end(text: &[u8], word: Range<usize>) -> Option<[u64; KEY / 8]> {
        let bytes = text.get(word)?;
        let mut padded = [0; KEY];
        padded.get_mut(..bytes.len())?.copy_from_slice(bytes);
        let mut key = [0_u64; KEY / 8];
        for (k, part) in key.iter_mut().enumerate() {
            *part = le_u64(&padded[8 * k..8 * k + 8]);
        }
        Some(key)
    }

    /// The index of the first slot of the key's set, given `mask`, that of the last set: the
    /// set is the top [`MAX_SET_BITS`] of a hash, as many of their low bits as there are sets
    /// (a power of two). The hash: the key's first two words and its
    /// length folded and mixed by multiplication. Words longer than 16 bytes are hashed by
    /// their first 16 and their length: they are rare, and those that share both still have a
    /// set's four ways; leaving out the rest of the key saves moving it out of vector registers
    /// on every lookup.
    #[inline]
    fn first_slot(self, mask: usize) -> usize {
        let [a, b, _, d] = self.0;
        let folded = a ^ b.rotate_left(29) ^ (d >> 56);
        // The top bits as the index of a set's first slot among the most slots (the low bits
        // of which the mask clears).
        let top = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MAX_SET_BITS - WAYS.ilog2());
        top as usize & mask
    }
}

fn le_u64(bytes: &[u8]) -> u64 {
    let mut eight = [0; 8];
    eight.copy_from_slice(bytes);
    u64::from_le_bytes(eight)
}

/// For each word length, the masks keeping that many bytes of a key's four words: a table
/// lookup rather than shifts and comparisons per word.
const MASKS: [[u64; KEY / 8]; KEY] = masks();

const fn masks() -> [[u64; KEY / 8]; KEY] {
    let mut masks = [[0; KEY / 8]; KEY];
    let mut len = 0;
    while len < KEY {
        let mut part = 0;
        while part < KEY / 8 {
            let kept = len.saturating_sub(8 * part);
            masks[len][part] = if kept >= 8 {
                u64::MAX
            } else {
                (1_u64 << (8 * kept)) - 1
            };
            part += 1;
        }
        len += 1;
    }
    masks
}

/// One cached word and its stem, in one cache line.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct Slot {
    key: Key,
    /// The stem, zero-padded, its length in the last byte.
    stem: [u8; STEM_BLOCK],
}

const EMPTY: Slot = Slot {
    key: Key([0; KEY / 8]),
    stem: [0; STEM_BLOCK],
};

impl Slot {
    fn stem(&self) -> &[u8] {
        &self.stem[..usize::from(self.stem[MAX_STEM])]
    }
}

/// A [`Stemmer`] that remembers recent stems, keyed by the raw word (see the module notes).
/// Stems are exactly the stemmer's, whatever the cache's size; only the speed differs. One per
/// thread: lookups need `&mut self`. Its memory ([`Self::memory`]: 4 MiB from [`Self::new`],
/// less from [`Self::with_memory`]) is taken on first use.
///
/// ```
/// use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};
///
/// let mut stemmer = CachedStemmer::new(Stemmer::new(Algorithm::PorterNltk));
/// let mut out = Vec::new();
/// for word in ["Said", "officials", "said"] {
///     stemmer.append_stem(word, &mut out, Some(b'\n'));
/// }
/// assert_eq!(out, b"said\noffici\nsaid\n");
/// assert_eq!(stemmer.stem("officials"), "offici");
/// ```
#[derive(Clone, Debug)]
pub struct CachedStemmer {
    stemmer: Stemmer,
    /// `sets * WAYS` slots once in use; each set's slots most recently used first.
    slots: Vec<Slot>,
    /// The index of the last set's first slot, `(sets - 1) * WAYS` for a power of two of sets:
    /// the mask of a set's first slot (see [`Key::first_slot`]).
    mask: usize,
    /// The stem of the last word the cache could not answer.
    scratch: String,
}

impl CachedStemmer {
    /// The least memory a cache takes: 256 KiB.
    pub const MIN_MEMORY: usize = SET_BYTES << MIN_SET_BITS;
    /// The most memory a cache takes, and what [`Self::new`] gives it: 4 MiB.
    pub const MAX_MEMORY: usize = SET_BYTES << MAX_SET_BITS;
    /// What the caches of threads sharing one budget take together by default: 16 MiB, so
    /// the most each up to four threads, less beyond ([`Self::with_memory`] of a share).
    pub const SHARED_MEMORY: usize = 4 * Self::MAX_MEMORY;

    /// `stemmer` with an empty cache of [`Self::MAX_MEMORY`].
    pub fn new(stemmer: Stemmer) -> Self {
        Self::with_memory(stemmer, Self::MAX_MEMORY)
    }

    /// `stemmer` with an empty cache of at most `bytes`: a power of two from
    /// [`Self::MIN_MEMORY`] to [`Self::MAX_MEMORY`], so never more than `bytes` unless that is
    /// below the least. For threads sharing a budget: each takes its share.
    ///
    /// ```
    /// use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};
    ///
    /// let stemmer = Stemmer::new(Algorithm::PorterNltk);
    /// let mut cached = CachedStemmer::with_memory(stemmer, 3 << 20);
    /// assert_eq!(cached.memory(), 2 << 20);
    /// assert_eq!(cached.stem("officials"), "offici");
    /// assert_eq!(CachedStemmer::with_memory(stemmer, 0).memory(), CachedStemmer::MIN_MEMORY);
    /// assert_eq!(CachedStemmer::with_memory(stemmer, usize::MAX).memory(), 4 << 20);
    /// ```
    pub fn with_memory(stemmer: Stemmer, bytes: usize) -> Self {
        let fitting = (bytes / SET_BYTES).checked_ilog2().unwrap_or(0);
        CachedStemmer {
            stemmer,
            slots: Vec::new(),
            mask: ((1 << fitting.clamp(MIN_SET_BITS, MAX_SET_BITS)) - 1) * WAYS,
            scratch: String::new(),
        }
    }

    /// The bytes the cache takes once in use.
    pub fn memory(&self) -> usize {
        self.slot_count() * size_of::<Slot>()
    }

    /// The slots once in use.
    fn slot_count(&self) -> usize {
        self.mask + WAYS
    }

    /// The stemmer behind the cache.
    pub fn stemmer(&self) -> Stemmer {
        self.stemmer
    }

    /// The stem of `word`, equal to [`Stemmer::stem`]'s.
    pub fn stem(&mut self, word: &str) -> &str {
        match self.lookup(word, 0..word.len()) {
            Found::Cached(index) => match std::str::from_utf8(self.slots[index].stem()) {
                Ok(stem) => stem,
                // Cannot happen (only whole stems go in); stemming again is still right.
                Err(_) => {
                    self.stemmer.stem_into(word, &mut self.scratch);
                    &self.scratch
                }
            },
            Found::Scratch => &self.scratch,
        }
    }

    /// Appends the stem of `word` to `out`, then `terminator` if given: a word-per-line writer
    /// passes `Some(b'\n')`, a writer of spaced tokens puts its space first and passes `None`.
    #[inline]
    pub fn append_stem(&mut self, word: &str, out: &mut Vec<u8>, terminator: Option<u8>) {
        self.append_stem_in(word, 0..word.len(), out, terminator);
    }

    /// [`Self::append_stem`] of the word `text[word]`. The same output, faster: with the text
    /// around it, the word's key is one load of the 32 bytes from its start.
    ///
    /// A `word` range that is not a piece of `text` (out of bounds, or cutting a character) is
    /// taken as the empty word.
    #[inline(always)]
    pub fn append_stem_in(
        &mut self,
        text: &str,
        word: Range<usize>,
        out: &mut Vec<u8>,
        terminator: Option<u8>,
    ) {
        if let Some(block) = self.first_way_hit(text.as_bytes(), word.clone()) {
            append_block(block, out, terminator);
        } else {
            self.append_further(text, word, out, terminator);
        }
    }

    /// [`Self::append_stem_in`] past a hit in the first way: out of line, so that callers'
    /// loops hold only the common case.
    #[inline(never)]
    fn append_further(
        &mut self,
        text: &str,
        word: Range<usize>,
        out: &mut Vec<u8>,
        terminator: Option<u8>,
    ) {
        match self.lookup_further(text, word) {
            Found::Cached(index) => append_block(&self.slots[index].stem, out, terminator),
            Found::Scratch => self.append_scratch(out, terminator),
        }
    }

    /// Appends the stem in `scratch`. A huge stem (a word of megabytes) is not copied when it
    /// would start `out`: its buffer becomes `out`, so a giant word costs one copy of its stem,
    /// not two; and a huge scratch is given back rather than kept for the rest of the run.
    #[cold]
    #[inline(never)]
    fn append_scratch(&mut self, out: &mut Vec<u8>, terminator: Option<u8>) {
        if self.scratch.len() < HUGE_STEM {
            out.extend_from_slice(self.scratch.as_bytes());
            out.extend(terminator);
            return;
        }
        let stem = std::mem::take(&mut self.scratch).into_bytes();
        if out.is_empty() {
            *out = stem;
        } else {
            out.reserve_exact(stem.len() + 1);
            out.extend_from_slice(&stem);
        }
        if let Some(terminator) = terminator {
            out.reserve_exact(1);
            out.push(terminator);
        }
    }

    /// Finds `text[word]` in the cache, filling a slot with its stem on a miss; or stems it into
    /// `scratch` when it cannot be cached (too long, or not a piece of `text`: then the stem is
    /// of the empty word).
    ///
    /// Only the most common case, a hit in the first way, is inlined into callers.
    fn lookup(&mut self, text: &str, word: Range<usize>) -> Found {
        if let Some(key) = Key::of(text.as_bytes(), word.clone()) {
            let first = key.first_slot(self.mask);
            if self.slots.get(first).is_some_and(|slot| slot.key == key) {
                return Found::Cached(first);
            }
        }
        self.lookup_further(text, word)
    }

    /// The stem block of `text[word]` if the word is first in its set: the common case, inlined
    /// into callers.
    #[inline(always)]
    fn first_way_hit(&self, text: &[u8], word: Range<usize>) -> Option<&[u8; STEM_BLOCK]> {
        let key = Key::of(text, word)?;
        let slot = self.slots.get(key.first_slot(self.mask))?;
        (slot.key == key).then_some(&slot.stem)
    }

    /// [`Self::lookup`] past the first way: the other ways, a miss, an uncacheable word.
    #[inline(never)]
    fn lookup_further(&mut self, text: &str, word: Range<usize>) -> Found {
        let Some(key) = Key::of(text.as_bytes(), word.clone()) else {
            let word = text.get(word);
            self.stemmer
                .stem_into(word.unwrap_or(""), &mut self.scratch);
            return Found::Scratch;
        };
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; self.slot_count()];
        }
        let first = key.first_slot(self.mask);
        let Some(set) = self.slots.get_mut(first..first + WAYS) else {
            return Found::Scratch;
        };
        if let Some(way) = set.iter().position(|slot| slot.key == key) {
            let hit = set[way];
            put_first(set, way, hit);
            return Found::Cached(first);
        }
        self.miss(text, word, key, first)
    }

    /// Stems a word not in the cache and puts it first in its set, evicting the set's least
    /// recently used word.
    #[cold]
    fn miss(&mut self, text: &str, word: Range<usize>, key: Key, first: usize) -> Found {
        // A key is only made from a range within `text`, but the range may still cut a
        // character: then it is taken as the empty word, as documented.
        let word = text.get(word);
        self.stemmer
            .stem_into(word.unwrap_or(""), &mut self.scratch);
        let stem = self.scratch.as_bytes();
        let Some(set) = self.slots.get_mut(first..first + WAYS) else {
            return Found::Scratch;
        };
        if stem.len() > MAX_STEM {
            return Found::Scratch;
        }
        let mut block = [0; STEM_BLOCK];
        block[..stem.len()].copy_from_slice(stem);
        block[MAX_STEM] = stem.len() as u8;
        put_first(set, WAYS - 1, Slot { key, stem: block });
        Found::Cached(first)
    }
}

/// Puts `slot` first in `set`, moving the slots before `way` down one and so overwriting the
/// one at `way`: most recently used first. Slot by slot rather than `rotate_right`, which calls
/// `memmove` for what is at most three 64-byte copies.
#[inline]
fn put_first(set: &mut [Slot], way: usize, slot: Slot) {
    for i in (1..=way.min(set.len().saturating_sub(1))).rev() {
        set[i] = set[i - 1];
    }
    if let Some(front) = set.first_mut() {
        *front = slot;
    }
}

/// Appends a slot's stem block to `out`, cut to the stem, then `terminator` if given.
#[inline(always)]
fn append_block(block: &[u8; STEM_BLOCK], out: &mut Vec<u8>, terminator: Option<u8>) {
    let len = out.len() + usize::from(block[MAX_STEM]);
    // A fixed-size copy is a couple of vector moves; the excess is cut off.
    out.extend_from_slice(block);
    match terminator {
        Some(byte) => {
            out[len] = byte;
            out.truncate(len + 1);
        }
        None => out.truncate(len),
    }
}

/// Where a lookup left the stem.
enum Found {
    /// In the slot at this index.
    Cached(usize),
    /// In `scratch`.
    Scratch,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Algorithm;

    fn key(word: &str) -> Option<Key> {
        Key::of(word.as_bytes(), 0..word.len())
    }

    #[test]
    fn keys_ignore_what_follows_the_word_and_tell_words_apart() {
        let text = "running runner run and a much longer tail of text after it";
        assert_eq!(Key::of(text.as_bytes(), 0..3), key("run"));
        assert_eq!(Key::of(text.as_bytes(), 15..18), key("run"));
        assert_ne!(key("run"), key("runn"));
        assert_ne!(key("Run"), key("run"));
        assert_ne!(key("a"), key("a\0"));
        let long = "abcdefghijklmnopqrstuvwxyz01234";
        assert_eq!(Key::of(format!("{long}5678").as_bytes(), 0..31), key(long));
        assert_eq!(key(&format!("{long}5")), None);
        assert_eq!(key(""), None);
    }

    /// The caches of the least and the most memory.
    const SIZES: [usize; 2] = [CachedStemmer::MIN_MEMORY, CachedStemmer::MAX_MEMORY];

    #[test]
    fn sizes_are_powers_of_two_within_bounds_and_at_most_what_is_asked() {
        let stemmer = Stemmer::new(Algorithm::PorterNltk);
        let memory = |bytes| CachedStemmer::with_memory(stemmer, bytes).memory();
        assert_eq!(CachedStemmer::MIN_MEMORY, 256 << 10);
        assert_eq!(CachedStemmer::MAX_MEMORY, 4 << 20);
        assert_eq!(CachedStemmer::new(stemmer).memory(), 4 << 20);
        assert_eq!(memory(0), 256 << 10);
        assert_eq!(memory((256 << 10) - 1), 256 << 10);
        assert_eq!(memory(1 << 20), 1 << 20);
        assert_eq!(memory((1 << 20) - 1), 512 << 10);
        assert_eq!(memory((16 << 20) / 3), 4 << 20);
        assert_eq!(memory((16 << 20) / 5), 2 << 20);
        assert_eq!(memory(usize::MAX), 4 << 20);
        let mut cached = CachedStemmer::with_memory(stemmer, 1 << 20);
        cached.stem("word");
        assert_eq!(cached.slots.len() * size_of::<Slot>(), 1 << 20);
    }

    /// Many more words than slots, ASCII and not, some lowercasing longer (`İ`), short and up to
    /// the longest cached: every set is filled and reordered many times, and each answer must
    /// still be the stemmer's, in the smallest cache and the largest (the reference comparisons
    /// are in `tests/cache.rs`).
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
        words.push("x".repeat(MAX_WORD));
        words.push("x".repeat(MAX_WORD + 1));
        words.push("İ".repeat(15));
        words.push(String::new());
        for (algorithm, size) in Algorithm::ALL
            .into_iter()
            .flat_map(|a| SIZES.map(|s| (a, s)))
        {
            let stemmer = Stemmer::new(algorithm);
            let mut cached = CachedStemmer::with_memory(stemmer, size);
            assert_eq!(cached.memory(), size);
            let mut out = Vec::new();
            let churned = words.iter().chain(words.iter().rev()).chain(words.iter());
            for (i, word) in churned.enumerate() {
                let expected = stemmer.stem(word);
                if i % 2 == 0 {
                    assert_eq!(cached.stem(word), expected, "{algorithm}, {size}: {word:?}");
                } else {
                    out.clear();
                    cached.append_stem(word, &mut out, Some(b'\n'));
                    assert_eq!(
                        out,
                        format!("{expected}\n").as_bytes(),
                        "{algorithm}, {size}: {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_set_keeps_its_most_recently_used_words() {
        let words: Vec<String> = (0..1_000_000).map(|i| format!("w{i}")).collect();
        for size in SIZES {
            let slots = size / size_of::<Slot>();
            let first_slot = |word: &str| key(word).map(|key| key.first_slot(slots - WAYS));
            let first = first_slot("w0");
            let same: Vec<&String> = words
                .iter()
                .filter(|w| first_slot(w) == first)
                .take(WAYS + 1)
                .collect();
            assert_eq!(same.len(), WAYS + 1, "not enough words share a set");
            let first = first.unwrap_or(0);
            let mut cached = CachedStemmer::with_memory(Stemmer::new(Algorithm::PorterNltk), size);
            let index = |cached: &CachedStemmer, word: &str| {
                cached.slots[first..first + WAYS]
                    .iter()
                    .position(|slot| Some(slot.key) == key(word))
            };
            for word in &same[..WAYS] {
                cached.stem(word);
            }
            assert_eq!(cached.slots.len(), slots);
            // Most recent first.
            assert_eq!(index(&cached, same[WAYS - 1]), Some(0));
            assert_eq!(index(&cached, same[0]), Some(WAYS - 1));
            // A hit moves to the front; the next miss evicts the least recently used.
            cached.stem(same[0]);
            assert_eq!(index(&cached, same[0]), Some(0));
            cached.stem(same[WAYS]);
            assert_eq!(index(&cached, same[WAYS]), Some(0));
            assert_eq!(index(&cached, same[0]), Some(1));
            assert_eq!(index(&cached, same[1]), None);
        }
    }
}
