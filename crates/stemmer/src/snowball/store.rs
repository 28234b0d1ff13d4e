//! Where the runtime keeps the current string: [`Plain`], one vector edited in place, for
//! ordinary words, and [`Gap`], a gap buffer, for long ones, where editing in place would cost
//! time quadratic in the word's length.
//!
//! Why two: in place, an edit that changes the string's length shifts every byte after it, so
//! a prelude or postlude that rewrites letters all along a word (`ß` to `ss`, `á` to `a`,
//! dropping ZWNJ) is quadratic, as in Snowball's C. A gap buffer makes such a sweep linear, but
//! a gap test on every read, however cheap, changes how the compiler inlines the hundreds of
//! inlined reads of the generated code, and costs ordinary words several percent. So the
//! generated code is compiled twice, once over each store (`Env<Plain>` and `Env<Gap>`), and
//! [`super::runtime::run`] picks by the word's length: ordinary words run exactly the code
//! they always ran. Traced stemmings (`explain`) run over the gap buffer too, whatever the
//! length: then the plain store's code needs no test of whether anyone listens, and without
//! those tests the compiler inlines whole programs into their `stem`.

/// The current string's bytes, as the runtime reads and edits them. Positions are byte
/// offsets into the whole string, whatever the store's layout.
pub(crate) trait Store {
    /// No bytes.
    const EMPTY: Self;
    /// Whether stemming over this store can record a trace. Only the gap buffer does, so the
    /// code over the plain store, which ordinary words run, carries no trace checks at all;
    /// `explain` runs over the gap buffer whatever the word's length.
    const TRACES: bool;
    /// Makes `word` the string.
    fn set(&mut self, word: &[u8]);
    /// The string's size in bytes.
    fn len(&self) -> usize;
    /// The byte at `at`, if in bounds.
    fn byte(&self, at: usize) -> Option<u8>;
    /// Bytes `from..to` as one slice, if in bounds.
    fn window(&mut self, from: usize, to: usize) -> Option<&[u8]>;
    /// Bytes `from..to` for an `among` search, if in bounds: perhaps only the `longest()`
    /// bytes at the start of them (at their end `backward`), which decide the search as well.
    fn among_window(
        &mut self,
        from: usize,
        to: usize,
        backward: bool,
        longest: impl FnOnce() -> usize,
    ) -> Option<&[u8]>;
    /// Replaces bytes `from..to` (`from <= to <= len`) by `s`.
    fn replace(&mut self, from: usize, to: usize, s: &[u8]);
    /// Drops the bytes from `at` (at most the size) on.
    fn truncate(&mut self, at: usize);
    /// Appends bytes `from..to` to `target`; nothing if they are out of bounds.
    fn copy_to(&self, from: usize, to: usize, target: &mut Vec<u8>);
    /// The characters of the string, counting lead bytes as Snowball's `len_utf8` does.
    fn chars(&self) -> i32;
    /// The whole string in one vector (which may be swapped for another string).
    fn whole(&mut self) -> &mut Vec<u8>;
}

/// Characters in UTF-8 `bytes`, counting lead bytes as Snowball's `len_utf8` does.
pub(crate) fn chars(bytes: &[u8]) -> i32 {
    // Eight bytes at a time: a continuation byte is `10xxxxxx`, bit 7 set and bit 6 clear,
    // and `v & !(v << 1)` keeps bit 7 of exactly those bytes. (`len` is counted often: Tamil
    // asks for it at every suffix it tries.)
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for word in &mut words {
        let v = u64::from_le_bytes(word.try_into().unwrap_or_default());
        continuation += (v & !(v << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    continuation += words
        .remainder()
        .iter()
        .filter(|&&b| (0x80..0xC0).contains(&b))
        .count();
    i32::try_from(bytes.len() - continuation).unwrap_or(i32::MAX)
}

/// The string in one vector, edited in place: an edit costs the bytes after it.
pub(crate) struct Plain(Vec<u8>);

impl Store for Plain {
    const EMPTY: Self = Plain(Vec::new());
    const TRACES: bool = false;

    #[inline]
    fn set(&mut self, word: &[u8]) {
        self.0.clear();
        self.0.extend_from_slice(word);
    }

    #[inline(always)]
    fn len(&self) -> usize {
        self.0.len()
    }

    #[inline(always)]
    fn byte(&self, at: usize) -> Option<u8> {
        self.0.get(at).copied()
    }

    #[inline(always)]
    fn window(&mut self, from: usize, to: usize) -> Option<&[u8]> {
        self.0.get(from..to)
    }

    #[inline(always)]
    fn among_window(
        &mut self,
        from: usize,
        to: usize,
        _backward: bool,
        _longest: impl FnOnce() -> usize,
    ) -> Option<&[u8]> {
        self.0.get(from..to)
    }

    #[inline]
    fn replace(&mut self, from: usize, to: usize, s: &[u8]) {
        if to - from == s.len() {
            self.0[from..to].copy_from_slice(s);
        } else if to == self.0.len() {
            // At the end, the usual place for a suffix: no tail to move.
            self.0.truncate(from);
            self.0.extend_from_slice(s);
        } else {
            // Shift the tail once, then write `s` into place (`splice` costs more for the
            // few bytes a word has).
            let len = self.0.len();
            let end = from + s.len();
            if end > to {
                self.0.resize(len + (end - to), 0);
            }
            self.0.copy_within(to..len, end);
            if end < to {
                self.0.truncate(len - (to - end));
            }
            self.0[from..end].copy_from_slice(s);
        }
    }

    #[inline(always)]
    fn truncate(&mut self, at: usize) {
        self.0.truncate(at);
    }

    #[inline]
    fn copy_to(&self, from: usize, to: usize, target: &mut Vec<u8>) {
        target.extend_from_slice(self.0.get(from..to).unwrap_or_default());
    }

    fn chars(&self) -> i32 {
        chars(&self.0)
    }

    #[inline(always)]
    fn whole(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

/// The string as a gap buffer: `head` holds the bytes before the gap, `tail[start..]` those
/// after it (the bytes before `start` are room for the gap to move back into).
///
/// The gap sits where the last length-changing edit ended; the next one first moves it there,
/// at the cost of the distance, so a sweep of edits forwards (or backwards) all along the word
/// costs linear time. Edits that keep the length are made where they lie. A read of one byte
/// looks on the right side of the gap; a read of a window (a literal, the text an `among`
/// compares, at most as long as its longest row) moves the gap out of it if it straddles it,
/// by at most half the window's length. So every command costs what it reads, plus the
/// distance from the last length-changing edit for an edit of another length.
pub(crate) struct Gap {
    head: Vec<u8>,
    tail: Vec<u8>,
    start: usize,
}

impl Gap {
    /// How many bytes follow the gap.
    fn tail_len(&self) -> usize {
        self.tail.len() - self.start
    }

    /// Moves the gap to `at` (at most the size), at the cost of the distance.
    fn move_gap(&mut self, at: usize) {
        let gap = self.head.len();
        if at > gap {
            let end = self.start + (at - gap).min(self.tail_len());
            self.head.extend_from_slice(&self.tail[self.start..end]);
            self.start = end;
            if self.start == self.tail.len() {
                self.tail.clear();
                self.start = 0;
            }
        } else if at < gap {
            let n = gap - at;
            if self.start < n {
                // Room before the tail, at least doubling it: a backward sweep of edits moves
                // the gap back a little at a time, in linear time overall.
                let room = (n - self.start).max(self.tail.len()).max(64);
                self.tail.splice(0..0, std::iter::repeat_n(0, room));
                self.start += room;
            }
            self.start -= n;
            self.tail[self.start..self.start + n].copy_from_slice(&self.head[at..]);
            self.head.truncate(at);
        }
    }
}

impl Store for Gap {
    const EMPTY: Self = Gap {
        head: Vec::new(),
        tail: Vec::new(),
        start: 0,
    };
    const TRACES: bool = true;

    fn set(&mut self, word: &[u8]) {
        self.head.clear();
        self.head.extend_from_slice(word);
        self.tail.clear();
        self.start = 0;
    }

    fn len(&self) -> usize {
        self.head.len() + self.tail_len()
    }

    fn byte(&self, at: usize) -> Option<u8> {
        match at.checked_sub(self.head.len()) {
            None => self.head.get(at).copied(),
            Some(after) => self.tail.get(self.start + after).copied(),
        }
    }

    fn window(&mut self, from: usize, to: usize) -> Option<&[u8]> {
        if from > to || to > self.len() {
            return None;
        }
        let gap = self.head.len();
        if gap > from && gap < to {
            self.move_gap(if gap - from < to - gap { from } else { to });
        }
        let gap = self.head.len();
        if to <= gap {
            return self.head.get(from..to);
        }
        let at = self.start + (from - gap);
        self.tail.get(at..at + (to - from))
    }

    fn among_window(
        &mut self,
        from: usize,
        to: usize,
        backward: bool,
        longest: impl FnOnce() -> usize,
    ) -> Option<&[u8]> {
        let gap = self.head.len();
        if from < to && from < gap && to > gap {
            // Across the gap: only as much as the longest row, so that the gap moves by at
            // most that much, however far the limit.
            let longest = longest();
            let (from, to) = if backward {
                (from.max(to.saturating_sub(longest)), to)
            } else {
                (from, to.min(from.saturating_add(longest)))
            };
            return self.window(from, to);
        }
        self.window(from, to)
    }

    fn replace(&mut self, from: usize, to: usize, s: &[u8]) {
        let gap = self.head.len();
        if to - from == s.len() {
            // Same length: overwritten where it lies, the gap stays (`u` to `U` all along).
            if to <= gap {
                self.head[from..to].copy_from_slice(s);
            } else {
                let split = gap.max(from);
                self.head[from.min(gap)..gap].copy_from_slice(&s[..split - from]);
                let at = self.start + (split - gap);
                self.tail[at..at + (to - split)].copy_from_slice(&s[split - from..]);
            }
            return;
        }
        if gap < from {
            self.move_gap(from);
        } else if gap > to {
            self.move_gap(to);
        }
        // Now `from <= gap <= to`: drop `gap..to` after the gap, `from..gap` before it.
        self.start += to - self.head.len();
        self.head.truncate(from);
        self.head.extend_from_slice(s);
        if self.start == self.tail.len() {
            self.tail.clear();
            self.start = 0;
        }
    }

    fn truncate(&mut self, at: usize) {
        match at.checked_sub(self.head.len()) {
            Some(after) => {
                self.tail.truncate(self.start + after);
                if self.start == self.tail.len() {
                    self.tail.clear();
                    self.start = 0;
                }
            }
            None => {
                self.head.truncate(at);
                self.tail.clear();
                self.start = 0;
            }
        }
    }

    fn copy_to(&self, from: usize, to: usize, target: &mut Vec<u8>) {
        if from > to || to > self.len() {
            return;
        }
        let gap = self.head.len();
        if from < gap {
            target.extend_from_slice(&self.head[from..to.min(gap)]);
        }
        if to > gap {
            let tail = &self.tail[self.start..];
            target.extend_from_slice(&tail[from.max(gap) - gap..to - gap]);
        }
    }

    fn chars(&self) -> i32 {
        chars(&self.head).saturating_add(chars(&self.tail[self.start..]))
    }

    fn whole(&mut self) -> &mut Vec<u8> {
        self.move_gap(self.len());
        &mut self.head
    }
}

#[cfg(test)]
mod tests {
    use super::chars;

    /// Snowball's `len_utf8`: every byte but a continuation byte starts a character.
    fn counted_one_by_one(bytes: &[u8]) -> i32 {
        let n = bytes
            .iter()
            .filter(|&&b| !(0x80..0xC0).contains(&b))
            .count();
        i32::try_from(n).unwrap_or(i32::MAX)
    }

    #[test]
    fn chars_counted_eight_at_a_time_as_one_by_one() {
        // Every byte value at every offset within an eight-byte word, among others of each kind.
        let mut cases: Vec<Vec<u8>> = vec![Vec::new(), "தமிழ்நாடு".into(), "héllo wörld".into()];
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = b"ab\xc3\xa9\xe0\xae\xa4\x80\xbf\xc0\xff\x7f".repeat(2);
                bytes.insert(at, b);
                cases.push(bytes);
            }
        }
        for bytes in cases {
            assert_eq!(chars(&bytes), counted_one_by_one(&bytes), "{bytes:?}");
        }
    }
}
