//! The runtime of the generated Snowball stemmers: the current string (UTF-8 bytes) with its
//! cursor, limits and slice, and the operations Snowball's commands compile to.
//!
//! Semantics follow Snowball's C runtime (`runtime/utilities.c` at v3.1.0), written afresh:
//! positions count bytes, `next`/`hop` and groupings step over whole UTF-8 characters, `among`
//! is one binary search over a sorted table plus a walk down its prefix chain. Every access is
//! bounds-checked without panicking: a position gone wrong makes a command fail, nothing more.
//!
//! The current string lives in a [`Store`]: for words up to [`LONG`] bytes a plain vector
//! edited in place, where an edit costs the bytes after it (as in Snowball's C); for longer
//! ones a gap buffer, where a sweep of edits all along the word (a prelude rewriting `ß` to
//! `ss`) costs linear time instead of quadratic. [`Env`] and the generated code are compiled
//! once over each (`super::store` says why).

use std::cell::RefCell;
use std::thread::LocalKey;

use super::store::chars;
pub(crate) use super::store::{Gap, Plain, Store};

/// One row of an `among` table: the string, the row of the longest string it extends (or -1),
/// the action it selects, and the routine that must also succeed.
pub(crate) struct Among<S = Plain>(
    pub(crate) &'static str,
    pub(crate) i16,
    pub(crate) u16,
    pub(crate) Option<fn(&mut Env<S>) -> bool>,
);

/// A set of characters as a bitmap over the code points `min..=max`.
pub(crate) struct Grouping {
    min: u32,
    max: u32,
    bits: &'static [u8],
    /// Bit `b` set for each ASCII `b` in the set: one shift and mask for the common case.
    ascii: u128,
}

impl Grouping {
    /// The grouping whose bit `ch - min` (little-endian within each byte) is set in `bits`.
    pub(crate) const fn new(min: u32, max: u32, bits: &'static [u8]) -> Self {
        let mut ascii = 0u128;
        let mut ch = min;
        while ch < 128 && ch <= max {
            let at = ch - min;
            let byte = (at >> 3) as usize;
            if byte < bits.len() && bits[byte] & (1 << (at & 7)) != 0 {
                ascii |= 1 << ch;
            }
            ch += 1;
        }
        Grouping {
            min,
            max,
            bits,
            ascii,
        }
    }

    /// Whether ASCII byte `b` (below 0x80) is in the set.
    #[inline(always)]
    fn has_ascii(&self, b: u8) -> bool {
        (self.ascii >> (b & 0x7F)) & 1 != 0
    }

    #[inline]
    fn contains(&self, ch: u32) -> bool {
        if ch < 128 {
            return (self.ascii >> ch) & 1 != 0;
        }
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

/// The rule of a trace step for a routine that changed the word.
const CHANGED: &str = "(routine changed the word)";

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
pub(crate) struct Env<S = Plain> {
    /// The current string.
    pub(crate) p: S,
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
    /// Where the first edit of the stemming started: the bytes before it are the word's.
    first_edit: usize,
    trace: Option<Vec<Event>>,
    /// The word bytes the trace holds so far, bounded by [`TRACE_BUDGET`].
    trace_bytes: usize,
}

/// The most word bytes a trace keeps. Each step holds the word after it, so a giant word edited
/// at every letter would keep a copy per step (a 64 KiB Portuguese word of `é`s: 109,242 steps,
/// 7.2 GB); past this budget the trace ends with one step saying so, and stemming goes on.
const TRACE_BUDGET: usize = 16 << 20;

/// The rule of the step that ends a trace cut short by [`TRACE_BUDGET`].
const TRACE_CUT: &str = "(trace cut short: the word's steps would hold more than 16 MiB)";

/// Integer division as C does it (truncating), with 0 for a zero divisor instead of a trap.
#[inline]
#[allow(dead_code)]
pub(crate) fn div(a: i32, b: i32) -> i32 {
    if b == 0 { 0 } else { a.wrapping_div(b) }
}

thread_local! {
    /// One environment per thread, so that stemming allocates nothing once buffers have grown.
    static ENV: RefCell<Env> = const { RefCell::new(Env::new()) };
    /// The same for long words.
    static LONG_ENV: RefCell<Env<Gap>> = const { RefCell::new(Env::new()) };
}

/// Longer words are returned unchanged: positions are `i32`, as in Snowball.
const MAX_WORD: usize = 1 << 30;

/// Words longer than this many bytes are stemmed over the gap buffer. Below it a shifting edit
/// costs less than the gap's bookkeeping, and ordinary words are far below it.
pub(crate) const LONG: usize = 512;

/// A program compiled over both stores.
pub(crate) type Entry = (fn(&mut Env) -> bool, fn(&mut Env<Gap>) -> bool);

/// Runs external `program` (of a program with `strings` string variables) on `word`, appending
/// the result to `out`; with `trace`, also returns what fired.
pub(crate) fn run(
    program: Entry,
    strings: usize,
    word: &str,
    out: &mut String,
    trace: bool,
) -> Vec<Event> {
    if word.len() > LONG {
        run_in(&LONG_ENV, program.1, strings, word, out, trace)
    } else {
        run_in(&ENV, program.0, strings, word, out, trace)
    }
}

/// [`run`] over the gap buffer (`gap`) or the plain store, whatever the word's length.
#[cfg(test)]
pub(crate) fn run_as(
    program: Entry,
    gap: bool,
    strings: usize,
    word: &str,
    out: &mut String,
    trace: bool,
) -> Vec<Event> {
    if gap {
        run_in(&LONG_ENV, program.1, strings, word, out, trace)
    } else {
        run_in(&ENV, program.0, strings, word, out, trace)
    }
}

/// [`run`] over the store of `env`, whatever the word's length.
fn run_in<S: Store>(
    env: &'static LocalKey<RefCell<Env<S>>>,
    program: fn(&mut Env<S>) -> bool,
    strings: usize,
    word: &str,
    out: &mut String,
    trace: bool,
) -> Vec<Event> {
    if word.len() > MAX_WORD {
        out.push_str(word);
        return Vec::new();
    }
    let mut go = |env: &mut Env<S>| {
        env.reset(word, strings, trace);
        program(env);
        if let Some(events) = &env.trace {
            // Edits made by `stem` itself, outside any routine it called.
            let last = events.last().map_or(word.as_bytes(), |e| e.word.as_bytes());
            if last != env.p.whole().as_slice() {
                env.note("stem", Some(CHANGED));
            }
        }
        let first_edit = env.first_edit;
        let p = env.p.whole();
        // Most stems keep a prefix of the word: only the bytes after it need validating.
        // The bytes before the first edit are the word's: only the rest needs validating.
        let mut same = first_edit.min(p.len()).min(word.len());
        while !word.is_char_boundary(same) {
            same -= 1;
        }
        out.push_str(&word[..same]);
        if same == p.len() {
            return env.trace.take().unwrap_or_default();
        }
        match std::str::from_utf8(&p[same..]) {
            Ok(rest) => out.push_str(rest),
            Err(_) => out.push_str(&String::from_utf8_lossy(&p[same..])),
        }
        env.trace.take().unwrap_or_default()
    };
    env.with(|cell| match cell.try_borrow_mut() {
        Ok(mut env) => go(&mut env),
        Err(_) => go(&mut Env::new()),
    })
}

// The runtime covers the whole language; the shipped algorithms do not use every command.
#[allow(dead_code)]
impl<S: Store> Env<S> {
    /// An empty environment (`const`, so the thread-local needs no lazy initialisation).
    const fn new() -> Self {
        Env {
            p: S::EMPTY,
            c: 0,
            l: 0,
            lb: 0,
            bra: 0,
            ket: 0,
            i: [0; VARIABLES],
            b: [false; VARIABLES],
            s: Vec::new(),
            first_edit: usize::MAX,
            trace: None,
            trace_bytes: 0,
        }
    }

    fn reset(&mut self, word: &str, strings: usize, trace: bool) {
        self.p.set(word.as_bytes());
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
        self.first_edit = usize::MAX;
        self.trace = trace.then(Vec::new);
        self.trace_bytes = 0;
    }

    #[inline]
    fn byte(&self, at: i32) -> u8 {
        usize::try_from(at)
            .ok()
            .and_then(|at| self.p.byte(at))
            .unwrap_or(0)
    }

    fn word(&mut self) -> String {
        String::from_utf8_lossy(self.p.whole()).into_owned()
    }

    fn note(&mut self, step: &'static str, rule: Option<&'static str>) {
        if self.trace.is_none() || self.trace_bytes > TRACE_BUDGET {
            return;
        }
        self.trace_bytes += self.p.len();
        let (step, rule) = if self.trace_bytes > TRACE_BUDGET {
            ("trace", Some(TRACE_CUT))
        } else {
            (step, rule)
        };
        let word = self.word();
        if let Some(trace) = &mut self.trace {
            trace.push(Event { step, rule, word });
        }
    }

    /// Calls routine `f`; while tracing, records it if it changed the word.
    #[inline(always)]
    pub(crate) fn call(&mut self, f: fn(&mut Env<S>) -> bool, name: &'static str) -> bool {
        if self.trace.is_none() {
            return f(self);
        }
        let before = self.p.whole().clone();
        let ok = f(self);
        if *self.p.whole() != before {
            self.note(name, Some(CHANGED));
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
        self.p.chars()
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
        loop {
            // ASCII needs no decoding: the common case in most languages.
            let b = self.byte(self.c);
            let (found, n) = if b < 0x80 && self.c < self.l {
                (g.has_ascii(b), 1)
            } else {
                match self.char_at(self.c) {
                    Some((ch, n)) => (g.contains(ch), n),
                    None => return false,
                }
            };
            if found == inside {
                if past {
                    self.c += n;
                }
                return true;
            }
            self.c += n;
        }
    }

    /// `goto G` and friends, backwards.
    pub(crate) fn go_grouping_b(&mut self, g: &Grouping, inside: bool, past: bool) -> bool {
        loop {
            let b = self.byte(self.c - 1);
            let (found, n) = if b < 0x80 && self.c > self.lb {
                (g.has_ascii(b), 1)
            } else {
                match self.char_before(self.c) {
                    Some((ch, n)) => (g.contains(ch), n),
                    None => return false,
                }
            };
            if found == inside {
                if past {
                    self.c -= n;
                }
                return true;
            }
            self.c -= n;
        }
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
        // A byte loop: literals are short, a `memcmp` call costs more than it saves.
        match self.p.window(start, start.saturating_add(s.len())) {
            Some(text) if text.iter().zip(s).all(|(a, b)| a == b) => {
                self.c += len;
                true
            }
            _ => false,
        }
    }

    /// A literal string test, backwards.
    #[inline]
    pub(crate) fn eq_s_b(&mut self, s: &str) -> bool {
        self.eq_bytes_b(s.as_bytes())
    }

    #[inline]
    fn eq_bytes_b(&mut self, s: &[u8]) -> bool {
        let len = i32::try_from(s.len()).unwrap_or(i32::MAX);
        if self.c - self.lb < len {
            return false;
        }
        let end = usize::try_from(self.c).unwrap_or(0);
        match self.p.window(end.saturating_sub(s.len()), end) {
            Some(text) if text.iter().zip(s).all(|(a, b)| a == b) => {
                self.c -= len;
                true
            }
            _ => false,
        }
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
        self.first_edit = self.first_edit.min(from);
        self.p.replace(from, to, s);
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
    #[inline]
    pub(crate) fn slice_del(&mut self) -> bool {
        // A slice that ends the string, the usual place for a suffix: a truncation.
        if self.slice_ok() && self.ket == self.size() && self.bra < self.ket {
            let (bra, ket) = (self.bra, self.ket);
            let from = usize::try_from(bra).unwrap_or(0);
            self.first_edit = self.first_edit.min(from);
            self.p.truncate(from);
            let adjustment = bra - ket;
            self.l += adjustment;
            if self.c >= ket {
                self.c += adjustment;
            } else if self.c > bra {
                self.c = bra;
            }
            self.ket = bra;
            return true;
        }
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
        self.p.copy_to(from, to, target);
        true
    }

    /// `=> s`: the string from its start to the limit (Snowball's actual behaviour).
    pub(crate) fn assign_to(&mut self, s: usize) -> bool {
        let to = usize::try_from(self.l).unwrap_or(0).min(self.p.len());
        let Some(target) = self.s.get_mut(s) else {
            return false;
        };
        target.clear();
        self.p.copy_to(0, to, target);
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
        // A string variable is one vector: the gap, if any, closes first (no shipped
        // program uses `$`, and a string variable is read whole).
        std::mem::swap(self.p.whole(), &mut self.s[s]);
        self.c = 0;
        self.lb = 0;
        self.l = self.size();
        saved
    }

    /// Ends `$s C`.
    pub(crate) fn leave(&mut self, s: usize, saved: Saved) {
        // A string variable is one vector: the gap, if any, closes first (no shipped
        // program uses `$`, and a string variable is read whole).
        std::mem::swap(self.p.whole(), &mut self.s[s]);
        self.c = saved.c;
        self.l = saved.l;
        self.lb = saved.lb;
        self.bra = saved.bra;
        self.ket = saved.ket;
    }

    /// `among` searched forwards: the action number of the longest row that matches at the
    /// cursor (and whose routine succeeds), with the cursor after it; 0 if none.
    #[inline]
    pub(crate) fn find_among(&mut self, t: &Table<S>, routine: &'static str) -> i32 {
        // Most searches are decided by the first byte: those need no call.
        let (c, l) = (self.c, self.l);
        let key = |i: u16| (c + i32::from(i) < l).then(|| self.byte(c + i32::from(i)));
        match t.quick(key) {
            Quick::Search => self.search(t, routine),
            Quick::Empty(result) if self.trace.is_none() => result,
            Quick::Empty(_) => self.search(t, routine),
            Quick::Fail => 0,
        }
    }

    fn search(&mut self, t: &Table<S>, routine: &'static str) -> i32 {
        let c = self.c;
        let text = match (usize::try_from(c), usize::try_from(self.l)) {
            (Ok(c), Ok(l)) => self
                .p
                .among_window(c, l, false, || t.longest_row())
                .unwrap_or_default(),
            _ => &[],
        };
        let (row, common) = t.longest::<false>(text);
        self.among_chain(t, row, common, routine, |len| c + len)
    }

    /// `among` searched backwards: rows compared from their ends with the text before the
    /// cursor.
    #[inline]
    pub(crate) fn find_among_b(&mut self, t: &Table<S>, routine: &'static str) -> i32 {
        let (c, lb) = (self.c, self.lb);
        let key = |i: u16| (c - i32::from(i) > lb).then(|| self.byte(c - 1 - i32::from(i)));
        match t.quick(key) {
            Quick::Search => self.search_b(t, routine),
            Quick::Empty(result) if self.trace.is_none() => result,
            Quick::Empty(_) => self.search_b(t, routine),
            Quick::Fail => 0,
        }
    }

    fn search_b(&mut self, t: &Table<S>, routine: &'static str) -> i32 {
        let c = self.c;
        let text = match (usize::try_from(self.lb), usize::try_from(c)) {
            (Ok(lb), Ok(c)) => self
                .p
                .among_window(lb, c, true, || t.longest_row())
                .unwrap_or_default(),
            _ => &[],
        };
        let (row, common) = t.longest::<true>(text);
        self.among_chain(t, row, common, routine, |len| c - len)
    }

    /// From row `i` (`common` key bytes of which match the text) down its prefix chain to the
    /// first row that matches in full and whose routine (if any) succeeds; sets the cursor
    /// after it and returns its action number, or 0.
    #[inline]
    fn among_chain(
        &mut self,
        t: &Table<S>,
        row: Option<usize>,
        common: usize,
        routine: &'static str,
        end: impl Fn(i32) -> i32,
    ) -> i32 {
        let Some(mut i) = row else {
            return 0;
        };
        loop {
            let row = &t.rows[i];
            if common >= row.0.len() {
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

/// What an `among` search can tell from the first byte alone.
enum Quick {
    /// No row can match.
    Fail,
    /// Only the empty row, without a routine, can match: this action number.
    Empty(i32),
    /// Search the table.
    Search,
}

/// An `among` table: rows sorted by their search key (the string, reversed when searching
/// backwards), with the rows of each first key byte located once, at compile time.
pub(crate) struct Table<S: 'static = Plain> {
    rows: &'static [Among<S>],
    /// `starts[b]`: the first row whose first key byte is at least `b` (empty rows come first).
    starts: [u16; 257],
    /// The last key byte of the shortest non-empty row: in UTF-8 the first bytes of rows are
    /// often all the same lead byte, so this one tells more.
    probe: u16,
    /// The bytes that rows have at `probe`.
    probe_bits: [u64; 4],
}

impl<S: 'static> Table<S> {
    /// The table of `rows`, which must be sorted by key; `backward` keys read from the end.
    pub(crate) const fn new(rows: &'static [Among<S>], backward: bool) -> Self {
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
        let mut shortest = usize::MAX;
        let mut row = 0;
        while row < rows.len() {
            let len = rows[row].0.len();
            if len > 0 && len < shortest {
                shortest = len;
            }
            row += 1;
        }
        let probe = if shortest == usize::MAX {
            0
        } else {
            shortest - 1
        };
        let mut probe_bits = [0u64; 4];
        let mut row = 0;
        while row < rows.len() {
            let s = rows[row].0.as_bytes();
            if !s.is_empty() {
                let byte = if backward {
                    s[s.len() - 1 - probe]
                } else {
                    s[probe]
                };
                probe_bits[(byte >> 6) as usize] |= 1 << (byte & 63);
            }
            row += 1;
        }
        Table {
            rows,
            starts,
            probe: probe as u16,
            probe_bits,
        }
    }

    /// The length of the longest row: a search reads no further into the text.
    fn longest_row(&self) -> usize {
        self.rows.iter().map(|row| row.0.len()).max().unwrap_or(0)
    }

    /// What the text's first key byte and its byte at [`Table::probe`] decide (`key(i)` is
    /// the text's key byte `i`, `None` past its end).
    #[inline(always)]
    fn quick(&self, key: impl Fn(u16) -> Option<u8>) -> Quick {
        let some_row = key(0)
            .is_some_and(|b| self.starts[usize::from(b)] != self.starts[usize::from(b) + 1])
            && key(self.probe)
                .is_some_and(|b| self.probe_bits[usize::from(b >> 6)] & (1 << (b & 63)) != 0);
        match self.rows.first() {
            _ if some_row => Quick::Search,
            // Only the empty string can match; without a routine it always does.
            Some(Among("", _, result, None)) => Quick::Empty(i32::from(*result)),
            Some(Among("", _, _, Some(_))) => Quick::Search,
            _ => Quick::Fail,
        }
    }

    /// The last row whose key is at most the text's (keys read backwards with `BACK`), and
    /// how many key bytes it shares with the text; searched among the rows that share the
    /// text's first key byte, else the empty row if there is one.
    #[inline]
    fn longest<const BACK: bool>(&self, text: &[u8]) -> (Option<usize>, usize) {
        let n = text.len();
        let key = |s: &[u8], i: usize| -> u8 { if BACK { s[s.len() - 1 - i] } else { s[i] } };
        let empty = (self.starts[0] > 0).then_some(0);
        if n == 0 {
            return (empty, 0);
        }
        let first = usize::from(key(text, 0));
        let (mut lo, mut hi) = (
            usize::from(self.starts[first]),
            usize::from(self.starts[first + 1]),
        );
        let range_start = lo;
        // Rows before `lo` in the range are <= text, rows from `hi` on are > text. Every row
        // between two rows shares the prefix they both have in common with the text, so
        // comparisons start after the shorter of the two (as Snowball's C does).
        let (mut common_lo, mut common_hi) = (1, 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let row = self.rows[mid].0.as_bytes();
            let mut i = common_lo.min(common_hi);
            let at_most = loop {
                if i >= row.len() {
                    break true;
                }
                if i >= n {
                    break false;
                }
                let (r, t) = (key(row, i), key(text, i));
                if r != t {
                    break r < t;
                }
                i += 1;
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
            (Some(lo - 1), common_lo)
        } else {
            (empty, 0)
        }
    }
}
