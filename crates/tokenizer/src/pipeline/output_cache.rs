//! A direct-mapped cache from a short raw ASCII word to its rendered output: the stem with the
//! separators of either layout around it, so a repeated word costs one hash, one 16-byte
//! compare and one fixed-size copy.
//!
//! Keys are the word's bytes as they stand in the text, capitals and all: `The` and `the` get
//! two slots with the same output, and no lowercasing happens before the lookup. A word is at
//! most 16 bytes and holds no NUL (ASCII words are letters and digits), so its bytes padded
//! with zeros into two `u64`s identify it; an empty slot's key (all zeros) matches no word.

use crate::pipeline::Layout;

/// Longest word cached, in bytes: its key fits two `u64`s.
pub(super) const MAX_WORD: usize = 16;
/// Slots: a power of two, so a hash maps to a slot with a shift. 8192 slots of 48 bytes stay
/// within a core's L2 cache and hold the working vocabulary of running English. Slots go in
/// sets of two, the most recently used first: frequent words that share a set would otherwise
/// evict each other (on a 2 MB news-like text, 5% misses direct-mapped, 1% in sets of two).
const SLOT_BITS: u32 = 13;
/// Bytes copied per token whatever its length: a fixed-size copy is a couple of vector moves.
const COPY: usize = 24;
/// Longest stem cached: a separator and the stem must fit the fixed copy.
const MAX_STEM: usize = COPY - 1;

/// A word's bytes, zero-padded into two little-endian words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Key([u64; 2]);

impl Key {
    /// The key of `text[start..end]`, if that word is short enough to cache.
    #[inline]
    pub(super) fn of(text: &[u8], start: usize, end: usize) -> Option<Key> {
        let len = end - start;
        if len > MAX_WORD {
            return None;
        }
        let key = match text.get(start..).and_then(<[u8]>::first_chunk::<MAX_WORD>) {
            // Load 16 bytes at once and mask off those after the word.
            Some(bytes) => {
                let (low, high) = bytes.split_at(8);
                let (low_mask, high_mask) = MASKS[len];
                [le_u64(low) & low_mask, le_u64(high) & high_mask]
            }
            // Near the end of the text, byte by byte (a variable-length copy would be a call).
            None => {
                let mut key = [0_u64; 2];
                for (i, &byte) in text[start..end].iter().enumerate() {
                    key[i / 8] |= u64::from(byte) << (8 * (i % 8));
                }
                key
            }
        };
        Some(Key(key))
    }

    /// The set of two slots the key may be in.
    fn slot(self) -> usize {
        let [low, high] = self.0;
        let mixed = (low ^ high.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - SLOT_BITS)) as usize & !1
    }
}

fn le_u64(bytes: &[u8]) -> u64 {
    let mut eight = [0_u8; 8];
    eight.copy_from_slice(bytes);
    u64::from_le_bytes(eight)
}

/// For each word length, the masks keeping that many bytes of the two key words.
const MASKS: [(u64, u64); MAX_WORD + 1] = masks();

const fn masks() -> [(u64, u64); MAX_WORD + 1] {
    let mut masks = [(0, 0); MAX_WORD + 1];
    let mut len = 0;
    while len <= MAX_WORD {
        masks[len] = (keep_bytes(len), keep_bytes(len.saturating_sub(8)));
        len += 1;
    }
    masks
}

/// A mask keeping the low `n` bytes of a `u64` (all of them when `n >= 8`).
const fn keep_bytes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else if n == 0 {
        0
    } else {
        u64::MAX >> (64 - 8 * n)
    }
}

/// One cached word and its output: `bytes` is a space, the stem, a newline, then padding.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: Key,
    bytes: [u8; 31],
    stem_len: u8,
}

/// The cache. Its memory (384 KiB) is taken on first use.
#[derive(Clone, Debug, Default)]
pub(super) struct OutputCache {
    slots: Vec<Slot>,
}

impl OutputCache {
    /// Appends the cached output of the word with `key` in `layout`, and returns true; or
    /// returns false, writing nothing, when the word is not cached.
    #[inline]
    pub(super) fn write(
        &mut self,
        key: Key,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> bool {
        let set = key.slot();
        let Some([first, second]) = self.slots.get_mut(set..set + 2) else {
            return false;
        };
        if first.key == key {
            first.write(layout, line_has_tokens, out);
            return true;
        }
        if second.key == key {
            second.write(layout, line_has_tokens, out);
            std::mem::swap(first, second);
            return true;
        }
        false
    }

    /// Remembers `stem` as the stem of the word with `key`, unless the stem is too long.
    pub(super) fn insert(&mut self, key: Key, stem: &str) {
        if stem.len() > MAX_STEM {
            return;
        }
        if self.slots.is_empty() {
            self.slots = vec![Slot::default(); 1 << SLOT_BITS];
        }
        let mut bytes = [0; 31];
        bytes[0] = b' ';
        bytes[1..=stem.len()].copy_from_slice(stem.as_bytes());
        bytes[stem.len() + 1] = b'\n';
        let set = key.slot();
        if let Some([first, second]) = self.slots.get_mut(set..set + 2) {
            *second = *first;
            *first = Slot {
                key,
                bytes,
                stem_len: stem.len() as u8,
            };
        }
    }
}

impl Slot {
    /// Token per line: the stem and a newline. Line per line: a space unless the line is still
    /// empty, then the stem. Copies a fixed [`COPY`] bytes and keeps only those that count.
    #[inline]
    fn write(&self, layout: Layout, line_has_tokens: &mut bool, out: &mut Vec<u8>) {
        let stem = usize::from(self.stem_len);
        let (from, to) = match layout {
            Layout::TokenPerLine => (1, stem + 2),
            Layout::LinePerLine if *line_has_tokens => (0, stem + 1),
            Layout::LinePerLine => (1, stem + 1),
        };
        *line_has_tokens = true;
        let len = out.len();
        if let Some(fixed) = self.bytes[from..].first_chunk::<COPY>() {
            out.extend_from_slice(fixed);
            out.truncate(len + to - from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> Key {
        Key::of(word.as_bytes(), 0, word.len()).expect("short word")
    }

    #[test]
    fn keys_ignore_what_follows_the_word_and_tell_words_apart() {
        let text = b"running runner run";
        assert_eq!(Key::of(text, 0, 3), Some(key("run")));
        assert_eq!(Key::of(text, 15, 18), Some(key("run")));
        assert_ne!(key("run"), key("runn"));
        assert_ne!(key("Run"), key("run"));
        assert_ne!(key("abcdefgh"), key("abcdefghi"));
        assert_eq!(
            Key::of(b"xabcdefghijklmnopq", 1, 17),
            Some(key("abcdefghijklmnop"))
        );
        assert_eq!(Key::of(b"abcdefghijklmnopq", 0, 17), None);
    }

    #[test]
    fn cached_output_has_each_layouts_separators() {
        let mut cache = OutputCache::default();
        let (ponies, running) = (key("ponies"), key("Running"));
        let mut out = Vec::new();
        let mut has = false;
        assert!(!cache.write(ponies, Layout::TokenPerLine, &mut has, &mut out));
        assert!(out.is_empty() && !has);
        cache.insert(ponies, "poni");
        cache.insert(running, "run");
        assert!(cache.write(ponies, Layout::TokenPerLine, &mut has, &mut out));
        assert!(cache.write(running, Layout::TokenPerLine, &mut has, &mut out));
        assert_eq!(out, b"poni\nrun\n");
        out.clear();
        has = false;
        assert!(cache.write(ponies, Layout::LinePerLine, &mut has, &mut out));
        assert!(cache.write(running, Layout::LinePerLine, &mut has, &mut out));
        assert_eq!(out, b"poni run");
        assert!(has);
    }

    #[test]
    fn a_set_keeps_the_two_most_recently_used_words() {
        // Three words sharing one set, found by trying.
        let words: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
        let set = key("w0").slot();
        let mut same: Vec<&String> = words.iter().filter(|w| key(w).slot() == set).collect();
        same.truncate(3);
        let [a, b, c] = same[..] else {
            panic!("no three words share a set");
        };
        let mut cache = OutputCache::default();
        let hit = |cache: &mut OutputCache, word: &str| {
            cache.write(key(word), Layout::TokenPerLine, &mut false, &mut Vec::new())
        };
        cache.insert(key(a), "a");
        cache.insert(key(b), "b");
        assert!(hit(&mut cache, a) && hit(&mut cache, b) && hit(&mut cache, a));
        cache.insert(key(c), "c");
        assert!(hit(&mut cache, a) && hit(&mut cache, c));
        assert!(!hit(&mut cache, b), "b was the least recently used");
    }

    #[test]
    fn overlong_stems_are_not_cached() {
        let mut cache = OutputCache::default();
        let word = key("x");
        cache.insert(word, &"y".repeat(MAX_STEM + 1));
        assert!(!cache.write(word, Layout::TokenPerLine, &mut false, &mut Vec::new()));
        cache.insert(word, &"y".repeat(MAX_STEM));
        let mut out = Vec::new();
        assert!(cache.write(word, Layout::TokenPerLine, &mut false, &mut out));
        assert_eq!(out, format!("{}\n", "y".repeat(MAX_STEM)).as_bytes());
    }
}
