//! The runtime of the generated Snowball stemmers: the current string (UTF-8 bytes) with its
//! cursor, limits and slice, and the operations Snowball's commands compile to.
//!
//! Semantics follow Snowball's C runtime (`runtime/utilities.c` at v3.1.0), written afresh:
//! positions count bytes, `next`/`hop` and groupings step over whole UTF-8 characters, `among`
//! is one binary search over a sorted table plus a walk down its prefix chain. Every access is
//! bounds-checked without panicking: a position gone wrong makes a command fail, nothing more.
//! Edits are in place (`Vec::splice`), so one edit costs the bytes after it; an algorithm that
//! edits in a loop over the word is quadratic in the word's length, as in Snowball's C.

use std::cell::RefCell;

/// One row of an `among` table: the string, the row of the longest string it extends (or -1),
/// the action it selects, and the routine that must also succeed.
pub(crate) struct Among(
    pub(crate) &'static str,
    pub(crate) i16,
    pub(crate) u16,
    pub(crate) Option<fn(&mut Env) -> bool>,
);

/// A set of characters as a bitmap over the code points `min..=max`.
pub(crate) struct Grouping {
    min: u32,
    max: u32,
    bits: &'static [u8],
}

impl Grouping {
    /// The grouping whose bit `ch - min` (little-endian within each byte) is set in `bits`.
    pub(crate) const fn new(min: u32, max: u32, bits: &'static [u8]) -> Self {
        Grouping { min, max, bits }
    }

    #[inline]
    fn contains(&self, ch: u32) -> bool {
        if ch < self.min || ch > self.max {
            return false;
        }
        let at = ch - self.min;
        self.bits
            .get((at >> 3) as usize)
            .is_some_and(|byte| byte & (1 << (at & 7)) != 0)
    }
}

/// A routine or `among` match recorded while tracing: the routine, what fired, the word after.
pub(crate) struct Event {
    pub(crate) step: &'static str,
    pub(crate) rule: Option<&'static str>,
    pub(crate) word: String,
}

/// What `$s C` saves of the current string's state while C works on string `s`.
#[allow(dead_code)]
pub(crate) struct Saved {
    c: i32,
    l: i32,
    lb: i32,
    bra: i32,
    ket: i32,
}

/// How many integer and boolean variables a program may declare.
pub(crate) const VARIABLES: usize = 16;

/// The state of one stemming: the current string, its positions and the program's variables.
#[derive(Default)]
pub(crate) struct Env {
    /// The current string.
    pub(crate) p: Vec<u8>,
    /// The cursor.
    pub(crate) c: i32,
    /// The forward limit.
    pub(crate) l: i32,
    /// The backward limit.
    pub(crate) lb: i32,
    /// The slice start.
    pub(crate) bra: i32,
    /// The slice end.
    pub(crate) ket: i32,
    /// Integer variables.
    pub(crate) i: [i32; VARIABLES],
    /// Boolean variables.
    pub(crate) b: [bool; VARIABLES],
    /// String variables.
    pub(crate) s: Vec<Vec<u8>>,
    trace: Option<Vec<Event>>,
}

/// Integer division as C does it (truncating), with 0 for a zero divisor instead of a trap.
#[inline]
#[allow(dead_code)]
pub(crate) fn div(a: i32, b: i32) -> i32 {
    if b == 0 { 0 } else { a.wrapping_div(b) }
}

thread_local! {
    /// One environment per thread, so that stemming allocates nothing once buffers have grown.
    static ENV: RefCell<Env> = RefCell::new(Env::default());
}

/// Longer words are returned unchanged: positions are `i32`, as in Snowball.
const MAX_WORD: usize = 1 << 30;

/// Runs external `program` (of a program with `strings` string variables) on `word`, appending
/// the result to `out`; with `trace`, also returns what fired.
pub(crate) fn run(
    program: fn(&mut Env) -> bool,
    strings: usize,
    word: &str,
    out: &mut String,
    trace: bool,
) -> Vec<Event> {
    if word.len() > MAX_WORD {
        out.push_str(word);
        return Vec::new();
    }
    let mut go = |env: &mut Env| {
        env.reset(word, strings, trace);
        program(env);
        let len = env.p.len();
        if word.as_bytes().starts_with(&env.p) && word.is_char_boundary(len) {
            // The usual case, a suffix removed: no need to validate the bytes again.
            out.push_str(&word[..len]);
        } else {
            match std::str::from_utf8(&env.p) {
                Ok(stem) => out.push_str(stem),
                Err(_) => out.push_str(&String::from_utf8_lossy(&env.p)),
            }
        }
        env.trace.take().unwrap_or_default()
    };
    ENV.with(|cell| match cell.try_borrow_mut() {
        Ok(mut env) => go(&mut env),
        Err(_) => go(&mut Env::default()),
    })
}

// The runtime covers the whole language; the shipped algorithms do not use every command.
#[allow(dead_code)]
impl Env {
    fn reset(&mut self, word: &str, strings: usize, trace: bool) {
        self.p.clear();
        self.p.extend_from_slice(word.as_bytes());
        self.c = 0;
        self.l = self.size();
        self.lb = 0;
        self.bra = 0;
        self.ket = self.l;
        self.i = [0; VARIABLES];
        self.b = [false; VARIABLES];
        if self.s.len() < strings {
            self.s.resize_with(strings, Vec::new);
        }
        self.s.iter_mut().for_each(Vec::clear);
        self.trace = trace.then(Vec::new);
    }

    #[inline]
    fn byte(&self, at: i32) -> u8 {
        usize::try_from(at)
            .ok()
            .and_then(|at| self.p.get(at))
            .copied()
            .unwrap_or(0)
    }

    fn word(&self) -> String {
        String::from_utf8_lossy(&self.p).into_owned()
    }

    fn note(&mut self, step: &'static str, rule: Option<&'static str>) {
        let word = self.word();
        if let Some(trace) = &mut self.trace {
            trace.push(Event { step, rule, word });
        }
    }

    /// Calls routine `f`; while tracing, records it if it changed the word.
    #[inline(always)]
    pub(crate) fn call(&mut self, f: fn(&mut Env) -> bool, name: &'static str) -> bool {
        if self.trace.is_none() {
            return f(self);
        }
        let before = self.p.clone();
        let ok = f(self);
        if self.p != before {
            self.note(name, Some("(routine changed the word)"));
        }
        ok
    }

    /// The current string's size in bytes.
    #[inline]
    pub(crate) fn size(&self) -> i32 {
        i32::try_from(self.p.len()).unwrap_or(i32::MAX)
    }

    /// The current string's length in characters.
    pub(crate) fn len(&self) -> i32 {
        chars(&self.p)
    }

    /// `sizeof s`
    pub(crate) fn size_of(&self, s: usize) -> i32 {
        self.s
            .get(s)
            .map_or(0, |s| i32::try_from(s.len()).unwrap_or(i32::MAX))
    }

    /// `lenof s`
    pub(crate) fn len_of(&self, s: usize) -> i32 {
        self.s.get(s).map_or(0, |s| chars(s))
    }

    /// The character at `c` (reading forwards, not past `l`) and its size in bytes.
    #[inline]
    fn char_at(&self, c: i32) -> Option<(u32, i32)> {
        if c >= self.l {
            return None;
        }
        let b0 = u32::from(self.byte(c));
        if b0 < 0xC0 || c + 1 == self.l {
            return Some((b0, 1));
        }
        let b1 = u32::from(self.byte(c + 1)) & 0x3F;
        if b0 < 0xE0 || c + 2 == self.l {
            return Some(((b0 & 0x1F) << 6 | b1, 2));
        }
        let b2 = u32::from(self.byte(c + 2)) & 0x3F;
        if b0 < 0xF0 || c + 3 == self.l {
            return Some(((b0 & 0xF) << 12 | b1 << 6 | b2, 3));
        }
        let b3 = u32::from(self.byte(c + 3)) & 0x3F;
        Some(((b0 & 0x7) << 18 | b1 << 12 | b2 << 6 | b3, 4))
    }

    /// The character before `c` (reading backwards, not past `lb`) and its size in bytes.
    #[inline]
    fn char_before(&self, c: i32) -> Option<(u32, i32)> {
        if c <= self.lb {
            return None;
        }
        let b = u32::from(self.byte(c - 1));
        if b < 0x80 || c - 1 == self.lb {
            return Some((b, 1));
        }
        let mut a = b & 0x3F;
        let b = u32::from(self.byte(c - 2));
        if b >= 0xC0 || c - 2 == self.lb {
            return Some(((b & 0x1F) << 6 | a, 2));
        }
        a |= (b & 0x3F) << 6;
        let b = u32::from(self.byte(c - 3));
        if b >= 0xE0 || c - 3 == self.lb {
            return Some(((b & 0xF) << 12 | a, 3));
        }
        a |= (b & 0x3F) << 12;
        let b = u32::from(self.byte(c - 4));
        Some(((b & 0x7) << 18 | a, 4))
    }

    /// A grouping test, forwards: the next character is (`inside`) or is not in `g`.
    #[inline]
    pub(crate) fn grouping(&mut self, g: &Grouping, inside: bool) -> bool {
        match self.char_at(self.c) {
            Some((ch, n)) if g.contains(ch) == inside => {
                self.c += n;
                true
            }
            _ => false,
        }
    }

    /// A grouping test, backwards.
    #[inline]
    pub(crate) fn grouping_b(&mut self, g: &Grouping, inside: bool) -> bool {
        match self.char_before(self.c) {
            Some((ch, n)) if g.contains(ch) == inside => {
                self.c -= n;
                true
            }
            _ => false,
        }
    }

    /// `goto G` (`inside`) or `goto non G`, forwards; with `past`, `gopast`.
    pub(crate) fn go_grouping(&mut self, g: &Grouping, inside: bool, past: bool) -> bool {
        while let Some((ch, n)) = self.char_at(self.c) {
            if g.contains(ch) == inside {
                if past {
                    self.c += n;
                }
                return true;
            }
            self.c += n;
        }
        false
    }

    /// `goto G` and friends, backwards.
    pub(crate) fn go_grouping_b(&mut self, g: &Grouping, inside: bool, past: bool) -> bool {
        while let Some((ch, n)) = self.char_before(self.c) {
            if g.contains(ch) == inside {
                if past {
                    self.c -= n;
                }
                return true;
            }
            self.c -= n;
        }
        false
    }

    /// `next`, forwards.
    #[inline]
    pub(crate) fn next(&mut self) -> bool {
        self.hop(1)
    }

    /// `next`, backwards.
    #[inline]
    pub(crate) fn next_b(&mut self) -> bool {
        self.hop_b(1)
    }

    /// `hop n`, forwards: over `n` characters, failing at the limit or for negative `n`.
    pub(crate) fn hop(&mut self, n: i32) -> bool {
        if n < 0 {
            return false;
        }
        let mut c = self.c;
        for _ in 0..n {
            if c >= self.l {
                return false;
            }
            let b = self.byte(c);
            c += 1;
            if b >= 0xC0 {
                while c < self.l && (0x80..0xC0).contains(&self.byte(c)) {
                    c += 1;
                }
            }
        }
        self.c = c;
        true
    }

    /// `hop n`, backwards.
    pub(crate) fn hop_b(&mut self, n: i32) -> bool {
        if n < 0 {
            return false;
        }
        let mut c = self.c;
        for _ in 0..n {
            if c <= self.lb {
                return false;
            }
            c -= 1;
            if self.byte(c) >= 0x80 {
                while c > self.lb && self.byte(c) < 0xC0 {
                    c -= 1;
                }
            }
        }
        self.c = c;
        true
    }

    /// A literal string test, forwards.
    #[inline]
    pub(crate) fn eq_s(&mut self, s: &str) -> bool {
        let s = s.as_bytes();
        let len = i32::try_from(s.len()).unwrap_or(i32::MAX);
        if self.l - self.c < len {
            return false;
        }
        let start = usize::try_from(self.c).unwrap_or(usize::MAX);
        if self.p.get(start..start.saturating_add(s.len())) != Some(s) {
            return false;
        }
        self.c += len;
        true
    }

    /// A literal string test, backwards.
    #[inline]
    pub(crate) fn eq_s_b(&mut self, s: &str) -> bool {
        self.eq_bytes_b(s.as_bytes())
    }

    fn eq_bytes_b(&mut self, s: &[u8]) -> bool {
        let len = i32::try_from(s.len()).unwrap_or(i32::MAX);
        if self.c - self.lb < len {
            return false;
        }
        let end = usize::try_from(self.c).unwrap_or(0);
        if self.p.get(end.saturating_sub(s.len())..end) != Some(s) {
            return false;
        }
        self.c -= len;
        true
    }

    /// A string variable test, forwards.
    pub(crate) fn eq_v(&mut self, s: usize) -> bool {
        let value = std::mem::take(&mut self.s[s]);
        let ok = match std::str::from_utf8(&value) {
            Ok(text) => self.eq_s(text),
            Err(_) => false,
        };
        self.s[s] = value;
        ok
    }

    /// A string variable test, backwards.
    pub(crate) fn eq_v_b(&mut self, s: usize) -> bool {
        let value = std::mem::take(&mut self.s[s]);
        let ok = self.eq_bytes_b(&value);
        self.s[s] = value;
        ok
    }

    /// Replaces bytes `bra..ket` by `s`, moving the cursor and limit as Snowball does; returns
    /// the change in size.
    fn replace(&mut self, bra: i32, ket: i32, s: &[u8]) -> i32 {
        let (Ok(from), Ok(to)) = (usize::try_from(bra), usize::try_from(ket)) else {
            return 0;
        };
        if from > to || to > self.p.len() {
            return 0;
        }
        let adjustment = i32::try_from(s.len()).unwrap_or(0) - (ket - bra);
        self.p.splice(from..to, s.iter().copied());
        if adjustment != 0 {
            self.l += adjustment;
            if self.c >= ket {
                self.c += adjustment;
            } else if self.c > bra {
                self.c = bra;
            }
        }
        adjustment
    }

    fn slice_ok(&self) -> bool {
        0 <= self.bra && self.bra <= self.ket && self.ket <= self.l && self.l <= self.size()
    }

    /// `<- s`
    pub(crate) fn slice_from(&mut self, s: &str) -> bool {
        self.slice_from_bytes(s.as_bytes())
    }

    fn slice_from_bytes(&mut self, s: &[u8]) -> bool {
        if !self.slice_ok() {
            return false;
        }
        self.replace(self.bra, self.ket, s);
        self.ket = self.bra + i32::try_from(s.len()).unwrap_or(0);
        true
    }

    /// `<- s` for a string variable.
    pub(crate) fn slice_from_v(&mut self, s: usize) -> bool {
        let value = std::mem::take(&mut self.s[s]);
        let ok = self.slice_from_bytes(&value);
        self.s[s] = value;
        ok
    }

    /// `delete`
    pub(crate) fn slice_del(&mut self) -> bool {
        self.slice_from_bytes(b"")
    }

    fn insert_bytes(&mut self, bra: i32, ket: i32, s: &[u8]) {
        let adjustment = self.replace(bra, ket, s);
        if bra <= self.ket {
            self.ket += adjustment;
            if bra <= self.bra {
                self.bra += adjustment;
            }
        }
    }

    /// `insert s` forwards (or `attach s` backwards): the cursor ends after the new text.
    pub(crate) fn insert(&mut self, s: &str) -> bool {
        self.insert_bytes(self.c, self.c, s.as_bytes());
        true
    }

    /// `attach s` forwards (or `insert s` backwards): the cursor stays before the new text.
    pub(crate) fn attach(&mut self, s: &str) -> bool {
        let c = self.c;
        self.insert_bytes(c, c, s.as_bytes());
        self.c = c;
        true
    }

    /// [`Env::insert`] of a string variable.
    pub(crate) fn insert_v(&mut self, s: usize) -> bool {
        let value = std::mem::take(&mut self.s[s]);
        self.insert_bytes(self.c, self.c, &value);
        self.s[s] = value;
        true
    }

    /// [`Env::attach`] of a string variable.
    pub(crate) fn attach_v(&mut self, s: usize) -> bool {
        let c = self.c;
        let value = std::mem::take(&mut self.s[s]);
        self.insert_bytes(c, c, &value);
        self.s[s] = value;
        self.c = c;
        true
    }

    /// `= s`, forwards: replaces `c..l`, keeping the cursor.
    pub(crate) fn assign(&mut self, s: &str) -> bool {
        let c = self.c;
        self.insert_bytes(c, self.l, s.as_bytes());
        self.c = c;
        true
    }

    /// `= s`, backwards: replaces `lb..c`.
    pub(crate) fn assign_b(&mut self, s: &str) -> bool {
        self.insert_bytes(self.lb, self.c, s.as_bytes());
        true
    }

    /// [`Env::assign`] of a string variable.
    pub(crate) fn assign_v(&mut self, s: usize) -> bool {
        let c = self.c;
        let value = std::mem::take(&mut self.s[s]);
        self.insert_bytes(c, self.l, &value);
        self.s[s] = value;
        self.c = c;
        true
    }

    /// [`Env::assign_b`] of a string variable.
    pub(crate) fn assign_v_b(&mut self, s: usize) -> bool {
        let value = std::mem::take(&mut self.s[s]);
        self.insert_bytes(self.lb, self.c, &value);
        self.s[s] = value;
        true
    }

    /// `-> s`
    pub(crate) fn slice_to(&mut self, s: usize) -> bool {
        if !self.slice_ok() {
            return false;
        }
        let (from, to) = (self.bra as usize, self.ket as usize);
        let Some(target) = self.s.get_mut(s) else {
            return false;
        };
        target.clear();
        target.extend_from_slice(self.p.get(from..to).unwrap_or_default());
        true
    }

    /// `=> s`: the string from its start to the limit (Snowball's actual behaviour).
    pub(crate) fn assign_to(&mut self, s: usize) -> bool {
        let to = usize::try_from(self.l).unwrap_or(0).min(self.p.len());
        let Some(target) = self.s.get_mut(s) else {
            return false;
        };
        target.clear();
        target.extend_from_slice(&self.p[..to]);
        true
    }

    /// `[` forwards, `]` backwards.
    #[inline]
    pub(crate) fn set_bra(&mut self) -> bool {
        self.bra = self.c;
        true
    }

    /// `]` forwards, `[` backwards.
    #[inline]
    pub(crate) fn set_ket(&mut self) -> bool {
        self.ket = self.c;
        true
    }

    /// `tomark n`, forwards.
    pub(crate) fn tomark(&mut self, n: i32) -> bool {
        if self.c > n || n > self.l {
            return false;
        }
        self.c = n;
        true
    }

    /// `tomark n`, backwards.
    pub(crate) fn tomark_b(&mut self, n: i32) -> bool {
        if self.c < n || n < self.lb {
            return false;
        }
        self.c = n;
        true
    }

    /// `$s C`: makes string variable `s` the current string until [`Env::leave`].
    pub(crate) fn enter(&mut self, s: usize) -> Saved {
        let saved = Saved {
            c: self.c,
            l: self.l,
            lb: self.lb,
            bra: self.bra,
            ket: self.ket,
        };
        std::mem::swap(&mut self.p, &mut self.s[s]);
        self.c = 0;
        self.lb = 0;
        self.l = self.size();
        saved
    }

    /// Ends `$s C`.
    pub(crate) fn leave(&mut self, s: usize, saved: Saved) {
        std::mem::swap(&mut self.p, &mut self.s[s]);
        self.c = saved.c;
        self.l = saved.l;
        self.lb = saved.lb;
        self.bra = saved.bra;
        self.ket = saved.ket;
    }

    /// `among` searched forwards: the action number of the longest row that matches at the
    /// cursor (and whose routine succeeds), with the cursor after it; 0 if none.
    #[inline]
    pub(crate) fn find_among(&mut self, t: &Table, routine: &'static str) -> i32 {
        // Most searches fail on the first byte: decide those without a call.
        if !t.may_match(if self.c < self.l {
            Some(self.byte(self.c))
        } else {
            None
        }) {
            return 0;
        }
        self.search(t, routine)
    }

    fn search(&mut self, t: &Table, routine: &'static str) -> i32 {
        let (c, l) = (self.c, self.l);
        let text = match (usize::try_from(c), usize::try_from(l)) {
            (Ok(c), Ok(l)) => self.p.get(c..l).unwrap_or_default(),
            _ => &[],
        };
        let Some(row) = t.last_at_most(|row, i| row.get(i).copied(), |i| text.get(i).copied())
        else {
            return 0;
        };
        self.among_chain(
            t,
            row,
            routine,
            |len| c + len,
            |z, row| {
                let (Ok(from), Ok(to)) = (usize::try_from(c), usize::try_from(z.l)) else {
                    return false;
                };
                z.p.get(from..to).is_some_and(|text| {
                    text.len() >= row.len() && text.iter().zip(row).all(|(a, b)| a == b)
                })
            },
        )
    }

    /// `among` searched backwards: rows compared from their ends with the text before the
    /// cursor.
    #[inline]
    pub(crate) fn find_among_b(&mut self, t: &Table, routine: &'static str) -> i32 {
        if !t.may_match(if self.c > self.lb {
            Some(self.byte(self.c - 1))
        } else {
            None
        }) {
            return 0;
        }
        self.search_b(t, routine)
    }

    fn search_b(&mut self, t: &Table, routine: &'static str) -> i32 {
        let (c, lb) = (self.c, self.lb);
        let text = match (usize::try_from(lb), usize::try_from(c)) {
            (Ok(lb), Ok(c)) => self.p.get(lb..c).unwrap_or_default(),
            _ => &[],
        };
        let from_end = |s: &[u8], i: usize| s.len().checked_sub(i + 1).map(|at| s[at]);
        let Some(row) = t.last_at_most(from_end, |i| from_end(text, i)) else {
            return 0;
        };
        self.among_chain(
            t,
            row,
            routine,
            |len| c - len,
            |z, row| {
                let (Ok(from), Ok(to)) = (usize::try_from(z.lb), usize::try_from(c)) else {
                    return false;
                };
                z.p.get(from..to).is_some_and(|text| {
                    text.len() >= row.len()
                        && text.iter().rev().zip(row.iter().rev()).all(|(a, b)| a == b)
                })
            },
        )
    }

    /// From row `i` down its prefix chain to the first row that matches `text` and whose
    /// routine (if any) succeeds; sets the cursor after it and returns its action number.
    #[inline]
    fn among_chain(
        &mut self,
        t: &Table,
        mut i: usize,
        routine: &'static str,
        end: impl Fn(i32) -> i32,
        matches: impl Fn(&Env, &[u8]) -> bool,
    ) -> i32 {
        loop {
            let row = &t.rows[i];
            if matches(self, row.0.as_bytes()) {
                let after = end(row.0.len() as i32);
                self.c = after;
                let ok = match row.3 {
                    None => true,
                    Some(f) => {
                        let ok = f(self);
                        self.c = after;
                        ok
                    }
                };
                if ok {
                    if self.trace.is_some() {
                        self.note(routine, Some(row.0));
                    }
                    return i32::from(row.2);
                }
            }
            match usize::try_from(row.1) {
                Ok(next) if next < t.rows.len() => i = next,
                _ => return 0,
            }
        }
    }
}

/// An `among` table: rows sorted by their search key (the string, reversed when searching
/// backwards), with the rows of each first key byte located once, at compile time.
pub(crate) struct Table {
    rows: &'static [Among],
    /// `starts[b]`: the first row whose first key byte is at least `b` (empty rows come first).
    starts: [u16; 257],
}

impl Table {
    /// The table of `rows`, which must be sorted by key; `backward` keys read from the end.
    pub(crate) const fn new(rows: &'static [Among], backward: bool) -> Self {
        let mut starts = [0u16; 257];
        let mut b = 0;
        let mut row = 0;
        while b < 257 {
            while row < rows.len() {
                let s = rows[row].0.as_bytes();
                let first = if s.is_empty() {
                    -1
                } else if backward {
                    s[s.len() - 1] as i32
                } else {
                    s[0] as i32
                };
                if first >= b as i32 {
                    break;
                }
                row += 1;
            }
            starts[b] = row as u16;
            b += 1;
        }
        Table { rows, starts }
    }

    /// Whether any row can match text whose first key byte is `first` (`None`: no text).
    #[inline(always)]
    fn may_match(&self, first: Option<u8>) -> bool {
        self.starts[0] > 0
            || first.is_some_and(|b| self.starts[usize::from(b)] != self.starts[usize::from(b) + 1])
    }

    /// The last row whose key is at most `text` (compared as keys: `key(s, i)` is byte `i` of
    /// a row's key, `text_at(i)` of the text's), searched among the rows sharing the text's
    /// first key byte; or the empty row if that is all that can match.
    #[inline]
    fn last_at_most(
        &self,
        key: impl Fn(&[u8], usize) -> Option<u8>,
        text_at: impl Fn(usize) -> Option<u8>,
    ) -> Option<usize> {
        let empty_row = self.starts[0] > 0;
        let Some(first) = text_at(0) else {
            return empty_row.then_some(0);
        };
        let (mut lo, mut hi) = (
            usize::from(self.starts[usize::from(first)]),
            usize::from(self.starts[usize::from(first) + 1]),
        );
        if lo == hi {
            return empty_row.then_some(0);
        }
        // Invariant: rows before `lo` in the range are <= text, rows from `hi` on are > text.
        // Every row between two rows shares the prefix they have in common with the text, so
        // comparisons start after the shorter of the two common prefixes (as Snowball's C does).
        let range_start = lo;
        let (mut common_lo, mut common_hi) = (1, 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let row = self.rows[mid].0.as_bytes();
            let mut i = common_lo.min(common_hi);
            let at_most = loop {
                match (key(row, i), text_at(i)) {
                    (None, _) => break true,
                    (Some(_), None) => break false,
                    (Some(r), Some(t)) if r != t => break r < t,
                    _ => i += 1,
                }
            };
            if at_most {
                lo = mid + 1;
                common_lo = i;
            } else {
                hi = mid;
                common_hi = i;
            }
        }
        if lo > range_start {
            Some(lo - 1)
        } else {
            empty_row.then_some(0)
        }
    }
}

/// Characters in UTF-8 `bytes`, counting lead bytes as Snowball's `len_utf8` does.
fn chars(bytes: &[u8]) -> i32 {
    let n = bytes
        .iter()
        .filter(|&&b| !(0x80..0xC0).contains(&b))
        .count();
    i32::try_from(n).unwrap_or(i32::MAX)
}
