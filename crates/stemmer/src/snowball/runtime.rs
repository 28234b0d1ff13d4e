//! The runtime of the generated Snowball stemmers: the current string (UTF-8 bytes) with its
//! cursor, limits and slice, and the operations Snowball's commands compile to.
//!
//! Semantics follow Snowball's C runtime (`runtime/utilities.c` at v3.1.0), written afresh:
//! positions count bytes, `next`/`hop` and groupings step over whole UTF-8 characters, `among`
//! is a generated search (a trie walk, or a comparison for small tables) plus, where routines
//! are involved, a walk down the prefix chain. Every access is bounds-checked without
//! panicking: a position gone wrong makes a command fail, nothing more.
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
    /// Whether each ASCII byte is in the set: one load for the common case.
    ascii: [bool; 128],
    /// Bit `ch & 63` of word `ch >> 6` set for each code point below U+0800 in the set: the
    /// characters of two UTF-8 bytes (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic) with a
    /// shift and mask, without range checks.
    two: [u64; 32],
}

impl Grouping {
    /// The grouping whose bit `ch - min` (little-endian within each byte) is set in `bits`.
    pub(crate) const fn new(min: u32, max: u32, bits: &'static [u8]) -> Self {
        let mut ascii = [false; 128];
        let mut two = [0u64; 32];
        let mut ch = min;
        while ch < 0x800 && ch <= max {
            let at = ch - min;
            let byte = (at >> 3) as usize;
            if byte < bits.len() && bits[byte] & (1 << (at & 7)) != 0 {
                if ch < 128 {
                    ascii[ch as usize] = true;
                }
                two[(ch >> 6) as usize] |= 1 << (ch & 63);
            }
            ch += 1;
        }
        Grouping {
            min,
            max,
            bits,
            ascii,
            two,
        }
    }

    /// Whether ASCII byte `b` (below 0x80) is in the set.
    #[inline(always)]
    fn has_ascii(&self, b: u8) -> bool {
        self.ascii[usize::from(b & 0x7F)]
    }

    /// Whether code point `ch` (below U+0800, as two UTF-8 bytes decode to) is in the set.
    #[inline(always)]
    fn has_two(&self, ch: u32) -> bool {
        (self.two[((ch >> 6) & 31) as usize] >> (ch & 63)) & 1 != 0
    }

    /// Whether the first character of `text` (not empty) is in the set, and its size.
    #[inline(always)]
    fn first_char_in(&self, text: &[u8]) -> (bool, usize) {
        match text {
            // ASCII needs no decoding: the common case in most languages.
            [b, ..] if *b < 0x80 => (self.has_ascii(*b), 1),
            // The usual non-ASCII letter: two bytes, decoded inline.
            [b @ 0xC0..0xE0, next, ..] => (
                self.has_two(u32::from(b & 0x1F) << 6 | u32::from(next & 0x3F)),
                2,
            ),
            _ => {
                let (ch, n) = first_char(text).unwrap_or((0, 1));
                (self.contains(ch), to_usize(n))
            }
        }
    }

    #[inline(always)]
    fn contains(&self, ch: u32) -> bool {
        if ch < 0x800 {
            return self.has_two(ch);
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

/// The bytes at which a skipping loop ([`Env::skip_to`]) stops: one load a byte.
pub(crate) struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of the bytes `b` whose bit `b & 63` of word `b >> 6` is set in `bits`.
    pub(crate) const fn new(bits: [u64; 4]) -> Self {
        let mut set = [false; 256];
        let mut b = 0;
        while b < 256 {
            set[b] = (bits[b >> 6] >> (b & 63)) & 1 != 0;
            b += 1;
        }
        ByteSet(set)
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

/// How many routines of a program may remember their last outcome ([`Env::memo`]).
pub(crate) const MEMOS: usize = 4;

/// A routine's last outcome: where it ran (the string's version, the cursor, the limits) and
/// what it gave (success, the cursor after).
#[derive(Clone, Copy)]
struct Memo {
    at: (u64, i32, i32, i32),
    ok: bool,
    c: i32,
}

/// No outcome: version 0 is never the string's (each stemming starts a new one).
const NO_MEMO: Memo = Memo {
    at: (0, 0, 0, 0),
    ok: false,
    c: 0,
};

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
    /// The string's version: new for each stemming and after each edit (64 bits: it never
    /// comes round again).
    version: u64,
    /// The last outcome of each routine that remembers it.
    memos: [Memo; MEMOS],
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
/// the result to `out`; with `trace`, also returns what fired. Traced stemmings and long words
/// run over the gap buffer, every other word over the plain store.
pub(crate) fn run(
    program: Entry,
    strings: usize,
    word: &str,
    out: &mut String,
    trace: bool,
) -> Vec<Event> {
    if trace || word.len() > LONG {
        run_in(&LONG_ENV, program.1, strings, word, out, trace)
    } else {
        run_in(&ENV, program.0, strings, word, out, false);
        // A constant empty vector, not the one `run_in` returns (empty too): the caller's
        // loop over the steps then folds away (14 instructions a word in hindi).
        Vec::new()
    }
}

/// [`run`] over the gap buffer (`gap`) or the plain store (which traces nothing), whatever the
/// word's length.
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
#[inline(always)]
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
    env.with(|cell| match cell.try_borrow_mut() {
        Ok(mut env) => env.stem(program, strings, word, out, trace),
        Err(_) => stem_in_new_env(program, strings, word, out, trace),
    })
}

/// [`Env::stem`] in an environment of its own, for a stemming that starts while the thread's
/// is in use (a reentrant call; the library makes none). Out of line: the inlined path that
/// every other word takes stays short (44 instructions a word shorter than with one closure
/// for both).
#[cold]
#[inline(never)]
fn stem_in_new_env<S: Store>(
    program: fn(&mut Env<S>) -> bool,
    strings: usize,
    word: &str,
    out: &mut String,
    trace: bool,
) -> Vec<Event> {
    Env::new().stem(program, strings, word, out, trace)
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
            version: 1,
            memos: [NO_MEMO; MEMOS],
            trace: None,
            trace_bytes: 0,
        }
    }

    /// Stems `word` by `program`, appending the stem to `out`; returns the trace, if asked for.
    #[inline(always)]
    fn stem(
        &mut self,
        program: fn(&mut Env<S>) -> bool,
        strings: usize,
        word: &str,
        out: &mut String,
        trace: bool,
    ) -> Vec<Event> {
        self.reset(word, strings, trace);
        program(self);
        self.finish_trace(word);
        self.write_to(word, out);
        // The plain store's trace stays `None`: no need to look.
        if S::TRACES {
            self.trace.take().unwrap_or_default()
        } else {
            Vec::new()
        }
    }

    #[inline(always)]
    fn reset(&mut self, word: &str, strings: usize, trace: bool) {
        self.p.set(word.as_bytes());
        self.c = 0;
        self.l = self.size();
        self.lb = 0;
        self.bra = 0;
        self.ket = self.l;
        self.i = [0; VARIABLES];
        self.b = [false; VARIABLES];
        if strings > 0 {
            if self.s.len() < strings {
                self.s.resize_with(strings, Vec::new);
            }
            self.s.iter_mut().for_each(Vec::clear);
        }
        self.first_edit = usize::MAX;
        self.version += 1;
        if S::TRACES {
            self.trace = trace.then(Vec::new);
            self.trace_bytes = 0;
        }
    }

    /// Whether this stemming records a trace (never over a store that cannot).
    #[inline(always)]
    fn tracing(&self) -> bool {
        S::TRACES && self.trace.is_some()
    }

    /// Ends a trace with the edits `stem` made itself, outside any routine it called.
    fn finish_trace(&mut self, word: &str) {
        if !self.tracing() {
            return;
        }
        if let Some(events) = &self.trace {
            let last = events.last().map_or(word.as_bytes(), |e| e.word.as_bytes());
            if last != self.p.whole().as_slice() {
                self.note("stem", Some(CHANGED));
            }
        }
    }

    /// Appends the stem of `word`, the current string, to `out`.
    #[inline(always)]
    fn write_to(&mut self, word: &str, out: &mut String) {
        let first_edit = self.first_edit;
        let p = self.p.whole();
        // Unchanged or only cut short, the usual outcome: the stem is a prefix of the word.
        if first_edit >= p.len() {
            if let Some(stem) = word.get(..p.len()) {
                out.push_str(stem);
                return;
            }
        }
        // The bytes before the first edit are the word's: only the rest needs validating.
        let mut same = first_edit.min(p.len()).min(word.len());
        while !word.is_char_boundary(same) {
            same -= 1;
        }
        out.push_str(&word[..same]);
        if same == p.len() {
            return;
        }
        match std::str::from_utf8(&p[same..]) {
            Ok(rest) => out.push_str(rest),
            Err(_) => out.push_str(&String::from_utf8_lossy(&p[same..])),
        }
    }

    #[inline(always)]
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
        if !self.tracing() || self.trace_bytes > TRACE_BUDGET {
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
        if !self.tracing() {
            return f(self);
        }
        let before = self.p.whole().clone();
        let ok = f(self);
        if *self.p.whole() != before {
            self.note(name, Some(CHANGED));
        }
        ok
    }

    /// Runs `routine`, which reads the string between the limits and moves the cursor but
    /// changes nothing else, unless it last ran from the same place on the same string: then
    /// its outcome is known (slot `slot`; the generator gives each such routine its own).
    /// Turkish tests vowel harmony at the start of each of some twenty suffix routines, tried
    /// one after another at the same place.
    #[inline(always)]
    pub(crate) fn memo(&mut self, slot: usize, routine: impl FnOnce(&mut Self) -> bool) -> bool {
        let at = (self.version, self.c, self.l, self.lb);
        if let Some(memo) = self.memos.get(slot).filter(|m| m.at == at) {
            self.c = memo.c;
            return memo.ok;
        }
        let ok = routine(self);
        if let Some(memo) = self.memos.get_mut(slot) {
            *memo = Memo { at, ok, c: self.c };
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

    /// A grouping test, forwards: the next character is (`inside`) or is not in `g`.
    #[inline(always)]
    pub(crate) fn grouping(&mut self, g: &Grouping, inside: bool) -> bool {
        let text = self.char_after();
        let found = match text.first() {
            Some(&b) if b < 0x80 => Some((g.has_ascii(b), 1)),
            _ => first_char(text).map(|(ch, n)| (g.contains(ch), n)),
        };
        match found {
            Some((found, n)) if found == inside => {
                self.c += n;
                true
            }
            _ => false,
        }
    }

    /// A grouping test, backwards.
    #[inline(always)]
    pub(crate) fn grouping_b(&mut self, g: &Grouping, inside: bool) -> bool {
        let text = self.char_before();
        let found = match text.last() {
            Some(&b) if b < 0x80 => Some((g.has_ascii(b), 1)),
            _ => last_char(text).map(|(ch, n)| (g.contains(ch), n)),
        };
        match found {
            Some((found, n)) if found == inside => {
                self.c -= n;
                true
            }
            _ => false,
        }
    }

    /// `goto G` (`inside`) or `goto non G`, forwards; with `past`, `gopast`. Failing, the
    /// cursor is left at the limit.
    #[inline(always)]
    pub(crate) fn go_grouping(&mut self, g: &Grouping, inside: bool, past: bool) -> bool {
        let text = self.after();
        let mut rest = text;
        while !rest.is_empty() {
            let (found, n) = g.first_char_in(rest);
            if found == inside {
                let at = text.len() - rest.len();
                self.c += to_i32(if past { at + n } else { at });
                return true;
            }
            rest = rest.get(n..).unwrap_or_default();
        }
        self.c += to_i32(text.len());
        false
    }

    /// `gopast G gopast non G` (`inside`; `gopast non G gopast G` otherwise), forwards, in one
    /// scan: past the first character in `g`, then past the first after it that is not.
    /// Failing, the cursor is left at the limit, as the two scans leave it.
    #[inline(always)]
    pub(crate) fn gopast_run(&mut self, g: &Grouping, inside: bool) -> bool {
        self.gopast_run_at(g, inside).1
    }

    /// [`Self::gopast_run`], and where the cursor was between the two parts, if the first
    /// found its character (`gopast G setmark x gopast non G`).
    #[inline(always)]
    pub(crate) fn gopast_run_at(&mut self, g: &Grouping, inside: bool) -> (Option<i32>, bool) {
        let start = self.c;
        let text = self.after();
        let (mut at, mut entered) = (0, None);
        while let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
            let (found, n) = g.first_char_in(rest);
            at += n;
            match entered {
                Some(_) if found != inside => {
                    self.c += to_i32(at);
                    return (entered.map(|mid| start + to_i32(mid)), true);
                }
                None if found == inside => entered = Some(at),
                _ => {}
            }
        }
        self.c += to_i32(text.len());
        (entered.map(|mid| start + to_i32(mid)), false)
    }

    /// `repeat (gopast G $x += 1)` (`inside`; `non G` otherwise) in one pass, forwards: how
    /// many characters from the cursor to the limit are in `g`, and the cursor after the last
    /// of them (where it is if none). One loop to the limit, not one scan per character found:
    /// where each scan ends is a misprediction, and they were most of Indonesian's time.
    #[inline(always)]
    pub(crate) fn count_grouping(&mut self, g: &Grouping, inside: bool) -> (i32, i32) {
        let text = self.after();
        let (mut count, mut end, mut at) = (0, 0, 0);
        while let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
            let (found, n) = g.first_char_in(rest);
            at += n;
            count += i32::from(found == inside);
            end = if found == inside { at } else { end };
        }
        (count, self.c + to_i32(end))
    }

    /// `gopast G` (`inside`; `non G` otherwise) as the first command of `repeat (gopast G try
    /// C)`, forwards, where C can only act before a byte of `then`: past the next character of
    /// `g` that such a byte follows, or else past the last character of `g` before the limit,
    /// false if there is none. The iterations it passes over would each stop after a character
    /// of `g`, find C failing at once and go on: one pass instead of one scan per character
    /// (Dutch's vowels, where `i` and `y` may be marked).
    #[inline(always)]
    pub(crate) fn gopast_then(&mut self, g: &Grouping, inside: bool, then: &ByteSet) -> bool {
        if self.tracing() {
            return self.go_grouping(g, inside, true);
        }
        let text = self.after();
        let (mut at, mut last) = (0, None);
        while let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
            let (found, n) = g.first_char_in(rest);
            at += n;
            if found == inside {
                if text.get(at).is_some_and(|&b| then.0[usize::from(b)]) {
                    self.c += to_i32(at);
                    return true;
                }
                last = Some(at);
            }
        }
        match last {
            Some(end) => {
                self.c += to_i32(end);
                true
            }
            None => {
                self.c += to_i32(text.len());
                false
            }
        }
    }

    /// `goto G` and friends, backwards.
    #[inline(always)]
    pub(crate) fn go_grouping_b(&mut self, g: &Grouping, inside: bool, past: bool) -> bool {
        let text = self.before();
        let mut rest = text;
        while let Some((&b, init)) = rest.split_last() {
            let (found, n) = if b < 0x80 {
                (g.has_ascii(b), 1)
            } else if let (0x80..0xC0, Some(&lead @ 0xC0..0xE0)) = (b, init.last()) {
                // The usual non-ASCII letter: two bytes, decoded inline.
                (
                    g.has_two(u32::from(lead & 0x1F) << 6 | u32::from(b & 0x3F)),
                    2,
                )
            } else {
                let (ch, n) = last_char(rest).unwrap_or((0, 1));
                (g.contains(ch), to_usize(n))
            };
            if found == inside {
                let at = text.len() - rest.len();
                self.c -= to_i32(if past { at + n } else { at });
                return true;
            }
            rest = rest.get(..rest.len().saturating_sub(n)).unwrap_or_default();
        }
        self.c -= to_i32(text.len());
        false
    }

    /// The byte after the cursor, if before the limit: the first byte of any string that
    /// matches here.
    #[inline(always)]
    pub(crate) fn key_byte(&self) -> Option<u8> {
        (self.c < self.l).then(|| self.byte(self.c))
    }

    /// The byte before the cursor, if after the backward limit: the last byte of any string
    /// that matches here backwards.
    #[inline(always)]
    pub(crate) fn key_byte_b(&self) -> Option<u8> {
        (self.c > self.lb).then(|| self.byte(self.c - 1))
    }

    /// `next`, forwards: over one character.
    #[inline(always)]
    pub(crate) fn next(&mut self) -> bool {
        match self.char_after().first() {
            None => false,
            Some(&b) if b < 0xC0 => {
                self.c += 1;
                true
            }
            Some(_) => self.hop(1),
        }
    }

    /// `next`, backwards.
    #[inline(always)]
    pub(crate) fn next_b(&mut self) -> bool {
        match self.char_before().last() {
            None => false,
            Some(&b) if b < 0x80 => {
                self.c -= 1;
                true
            }
            Some(_) => self.hop_b(1),
        }
    }

    /// Steps forwards over the characters whose first byte is not in `starts`: where the body
    /// of a loop that steps character by character (`goto C`, `repeat ([substring] among (...
    /// '' (next)))`) could only fail or step on.
    ///
    /// A plain byte scan: the generator makes every set either free of UTF-8 continuation
    /// bytes or hold every byte above ASCII, so the first byte found starts a character, as
    /// stepping a character at a time would find it.
    #[inline(always)]
    pub(crate) fn skip_to(&mut self, starts: &ByteSet) {
        self.skip_until(|text| text.iter().position(|&b| starts.0[usize::from(b)]));
    }

    /// [`Self::skip_to`] for a body that tests one character against a grouping and then
    /// must match byte `then`: past the ASCII characters in `starts` not followed by `then`
    /// too. (A character of more bytes is a stop, whatever follows it.)
    #[inline(always)]
    pub(crate) fn skip_to_then(&mut self, starts: &ByteSet, then: u8) {
        self.skip_until(|text| {
            text.iter().enumerate().position(|(at, &b)| {
                starts.0[usize::from(b)] && (b >= 0x80 || text.get(at + 1) == Some(&then))
            })
        });
    }

    /// [`Self::skip_to`] for a body that must first match one of several strings of two bytes
    /// or more: to where a byte of `starts` (none of them a continuation byte, so each starts
    /// a character) is followed by a byte of `seconds`.
    #[inline(always)]
    pub(crate) fn skip_to_pair(&mut self, starts: &ByteSet, seconds: &ByteSet) {
        self.skip_until(|text| {
            text.windows(2)
                .position(|w| starts.0[usize::from(w[0])] && seconds.0[usize::from(w[1])])
        });
    }

    /// Steps forwards to where `s` (at least two bytes) next starts before the limit, or to the
    /// limit: the characters where a loop's body that must first match `s` could only fail.
    /// The first byte of a string is never a continuation byte, so where `s` is found a
    /// character starts, as stepping a character at a time would find it.
    #[inline(always)]
    pub(crate) fn skip_to_str(&mut self, s: &str) {
        self.skip_until(|text| {
            text.windows(s.len())
                .position(|window| window == s.as_bytes())
        });
    }

    /// Steps forwards by as many bytes as `find` says to skip of the text from the cursor to
    /// the limit, or to the limit if it finds no stop: what the skips above share. Not while
    /// tracing, where each step of the loop is a step of the trace.
    #[inline(always)]
    fn skip_until(&mut self, find: impl FnOnce(&[u8]) -> Option<usize>) {
        if self.tracing() {
            return;
        }
        let text = self.after();
        let skipped = find(text).unwrap_or(text.len());
        self.c += to_i32(skipped);
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
    #[inline(always)]
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
    #[inline(always)]
    pub(crate) fn eq_s_b(&mut self, s: &str) -> bool {
        self.eq_bytes_b(s.as_bytes())
    }

    #[inline(always)]
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
        self.version += 1;
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
        self.with_variable(s, Self::slice_from_bytes)
    }

    /// Runs `edit` on the value of string variable `s`, taken out of the variable meanwhile:
    /// the edit borrows the environment mutably, the value only reads.
    fn with_variable(&mut self, s: usize, edit: impl FnOnce(&mut Self, &[u8]) -> bool) -> bool {
        let value = std::mem::take(&mut self.s[s]);
        let ok = edit(self, &value);
        self.s[s] = value;
        ok
    }

    /// `delete`
    #[inline(always)]
    pub(crate) fn slice_del(&mut self) -> bool {
        // A slice that ends the string, the usual place for a suffix: a truncation.
        if self.slice_ok() && self.ket == self.size() && self.bra < self.ket {
            let (bra, ket) = (self.bra, self.ket);
            let from = usize::try_from(bra).unwrap_or(0);
            self.first_edit = self.first_edit.min(from);
            self.version += 1;
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
        self.insert_text(s.as_bytes())
    }

    /// [`Env::insert`] of a string variable.
    pub(crate) fn insert_v(&mut self, s: usize) -> bool {
        self.with_variable(s, Self::insert_text)
    }

    fn insert_text(&mut self, s: &[u8]) -> bool {
        self.insert_bytes(self.c, self.c, s);
        true
    }

    /// `attach s` forwards (or `insert s` backwards): the cursor stays before the new text.
    pub(crate) fn attach(&mut self, s: &str) -> bool {
        self.attach_text(s.as_bytes())
    }

    /// [`Env::attach`] of a string variable.
    pub(crate) fn attach_v(&mut self, s: usize) -> bool {
        self.with_variable(s, Self::attach_text)
    }

    fn attach_text(&mut self, s: &[u8]) -> bool {
        let c = self.c;
        self.insert_bytes(c, c, s);
        self.c = c;
        true
    }

    /// `= s`, forwards: replaces `c..l`, keeping the cursor.
    pub(crate) fn assign(&mut self, s: &str) -> bool {
        self.assign_text(s.as_bytes())
    }

    /// [`Env::assign`] of a string variable.
    pub(crate) fn assign_v(&mut self, s: usize) -> bool {
        self.with_variable(s, Self::assign_text)
    }

    fn assign_text(&mut self, s: &[u8]) -> bool {
        let c = self.c;
        self.insert_bytes(c, self.l, s);
        self.c = c;
        true
    }

    /// `= s`, backwards: replaces `lb..c`.
    pub(crate) fn assign_b(&mut self, s: &str) -> bool {
        self.assign_text_b(s.as_bytes())
    }

    /// [`Env::assign_b`] of a string variable.
    pub(crate) fn assign_v_b(&mut self, s: usize) -> bool {
        self.with_variable(s, Self::assign_text_b)
    }

    fn assign_text_b(&mut self, s: &[u8]) -> bool {
        self.insert_bytes(self.lb, self.c, s);
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
        self.version += 1;
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
        self.version += 1;
        self.c = saved.c;
        self.l = saved.l;
        self.lb = saved.lb;
        self.bra = saved.bra;
        self.ket = saved.ket;
    }

    /// The text after the cursor, up to the limit, in one slice (over a gap buffer the gap
    /// moves out of it, by the shorter way).
    #[inline(always)]
    fn after(&mut self) -> &[u8] {
        match (usize::try_from(self.c), usize::try_from(self.l)) {
            (Ok(c), Ok(l)) => self.p.window(c, l).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The character after the cursor (at most four bytes, cut at the limit): what one
    /// character's test reads, so that over a gap buffer the gap moves by no more.
    #[inline(always)]
    fn char_after(&mut self) -> &[u8] {
        match (usize::try_from(self.c), usize::try_from(self.l)) {
            (Ok(c), Ok(l)) => self.p.window(c, l.min(c + 4)).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The character before the cursor (at most four bytes, cut at the backward limit).
    #[inline(always)]
    fn char_before(&mut self) -> &[u8] {
        match (usize::try_from(self.lb), usize::try_from(self.c)) {
            (Ok(lb), Ok(c)) => self
                .p
                .window(lb.max(c.saturating_sub(4)), c)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// The text before the cursor, down to the backward limit, in one slice.
    #[inline(always)]
    fn before(&mut self) -> &[u8] {
        match (usize::try_from(self.lb), usize::try_from(self.c)) {
            (Ok(lb), Ok(c)) => self.p.window(lb, c).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The text an `among` of `t` searches: after the cursor, or before it `backward` (over a
    /// gap buffer perhaps only as much of it as the longest row, which decides as well).
    #[inline(always)]
    fn among_text(&mut self, t: &Table<S>, backward: bool) -> &[u8] {
        let (from, to) = if backward {
            (self.lb, self.c)
        } else {
            (self.c, self.l)
        };
        match (usize::try_from(from), usize::try_from(to)) {
            (Ok(from), Ok(to)) => self
                .p
                .among_window(from, to, backward, || t.longest_row())
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// `among` searched forwards, in a table without routines: the action number of the
    /// longest row that matches at the cursor, with the cursor after it; 0 if none. `trie` is
    /// the table's generated matcher: the longest row that starts the text, as (row, length,
    /// action).
    #[inline(always)]
    pub(crate) fn find_among(
        &mut self,
        t: &Table<S>,
        trie: impl Fn(&[u8]) -> Option<(usize, i32, i32)>,
        routine: &'static str,
    ) -> i32 {
        let Some((row, len, action)) = trie(self.among_text(t, false)) else {
            return 0;
        };
        self.c += len;
        self.found(t, row, routine);
        action
    }

    /// `among` searched backwards, in a table without routines: the longest row that ends
    /// the text before the cursor.
    #[inline(always)]
    pub(crate) fn find_among_b(
        &mut self,
        t: &Table<S>,
        trie: impl Fn(&[u8]) -> Option<(usize, i32, i32)>,
        routine: &'static str,
    ) -> i32 {
        let Some((row, len, action)) = trie(self.among_text(t, true)) else {
            return 0;
        };
        self.c -= len;
        self.found(t, row, routine);
        action
    }

    /// While tracing, records the match of `row`.
    #[inline(always)]
    fn found(&mut self, t: &Table<S>, row: usize, routine: &'static str) {
        if self.tracing() {
            self.note(routine, t.rows.get(row).map(|r| r.0));
        }
    }

    /// [`Env::find_among`] in a table whose rows may call routines: when the routine of the
    /// longest match fails, the next longest is tried.
    pub(crate) fn find_among_chain(
        &mut self,
        t: &Table<S>,
        trie: impl Fn(&[u8]) -> Option<(usize, i32, i32)>,
        routine: &'static str,
    ) -> i32 {
        let c = self.c;
        let row = trie(self.among_text(t, false)).map(|(row, _, _)| row);
        self.among_chain(t, row, routine, |len| c + len)
    }

    /// [`Env::find_among_b`] in a table whose rows may call routines.
    pub(crate) fn find_among_b_chain(
        &mut self,
        t: &Table<S>,
        trie: impl Fn(&[u8]) -> Option<(usize, i32, i32)>,
        routine: &'static str,
    ) -> i32 {
        let c = self.c;
        let row = trie(self.among_text(t, true)).map(|(row, _, _)| row);
        self.among_chain(t, row, routine, |len| c - len)
    }

    /// From row `i`, the longest that matches the text, down its prefix chain (every row of
    /// which matches too) to the first row whose routine (if any) succeeds; sets the cursor
    /// after it and returns its action number, or 0.
    #[inline]
    fn among_chain(
        &mut self,
        t: &Table<S>,
        row: Option<usize>,
        routine: &'static str,
        end: impl Fn(i32) -> i32,
    ) -> i32 {
        let Some(mut i) = row else {
            return 0;
        };
        loop {
            let row = &t.rows[i];
            {
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
                    if self.tracing() {
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

/// An `among` table: its rows sorted by search key (the string, reversed when searching
/// backwards), each pointing at the longest row that its key extends. The search itself is the
/// table's generated `T_n` beside `A_n` (a trie, or for a small table of strings of one length
/// a comparison of one number, [`suffix_key`]); the rows give what it found: the action, the
/// routine, the chain of shorter matches, the string for traces.
pub(crate) struct Table<S: 'static = Plain> {
    rows: &'static [Among<S>],
}

impl<S: 'static> Table<S> {
    /// The table of `rows`, sorted by key.
    pub(crate) const fn new(rows: &'static [Among<S>]) -> Self {
        Table { rows }
    }

    /// The length of the longest row: a search reads no further into the text.
    fn longest_row(&self) -> usize {
        self.rows.iter().map(|row| row.0.len()).max().unwrap_or(0)
    }
}

/// The last `L` bytes of `text` (1 to 8) as one number, the last byte the most significant, if
/// the text has that many: what a generated search of strings of one length compares
/// (`crates/snowball/src/rust.rs`, `same_length_search`).
#[inline(always)]
pub(crate) fn suffix_key<const L: usize>(text: &[u8]) -> Option<u64> {
    key(text.get(text.len().checked_sub(L)?..)?)
}

/// The first `L` bytes of `text` (1 to 8) as one number, as [`suffix_key`].
#[inline(always)]
pub(crate) fn prefix_key<const L: usize>(text: &[u8]) -> Option<u64> {
    key(text.get(..L)?)
}

/// `bytes` (8 at most) as one number, the last byte the most significant.
#[inline(always)]
fn key(bytes: &[u8]) -> Option<u64> {
    let mut word = [0; 8];
    word.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u64::from_le_bytes(word))
}

/// The character starting `text` (decoded as Snowball's C does: a byte that cannot start a
/// character is a character of its own, and one cut short by the end of `text` is decoded
/// from what there is) and its size in bytes.
#[inline]
fn first_char(text: &[u8]) -> Option<(u32, i32)> {
    let (&b0, rest) = text.split_first()?;
    let b0 = u32::from(b0);
    let at = |i: usize| u32::from(rest.get(i).copied().unwrap_or(0)) & 0x3F;
    if b0 < 0xC0 || rest.is_empty() {
        return Some((b0, 1));
    }
    if b0 < 0xE0 || rest.len() == 1 {
        return Some(((b0 & 0x1F) << 6 | at(0), 2));
    }
    if b0 < 0xF0 || rest.len() == 2 {
        return Some(((b0 & 0xF) << 12 | at(0) << 6 | at(1), 3));
    }
    Some(((b0 & 0x7) << 18 | at(0) << 12 | at(1) << 6 | at(2), 4))
}

/// The character ending `text`, read backwards as Snowball's C does (continuation bytes up
/// to a lead byte or the start of `text`), and its size in bytes.
#[inline]
fn last_char(text: &[u8]) -> Option<(u32, i32)> {
    let (&b, rest) = text.split_last()?;
    let b = u32::from(b);
    if b < 0x80 || rest.is_empty() {
        return Some((b, 1));
    }
    let at = |i: usize| u32::from(rest.get(rest.len().wrapping_sub(i)).copied().unwrap_or(0));
    let mut a = b & 0x3F;
    let b = at(1);
    if b >= 0xC0 || rest.len() == 1 {
        return Some(((b & 0x1F) << 6 | a, 2));
    }
    a |= (b & 0x3F) << 6;
    let b = at(2);
    if b >= 0xE0 || rest.len() == 2 {
        return Some(((b & 0xF) << 12 | a, 3));
    }
    a |= (b & 0x3F) << 12;
    let b = at(3);
    Some(((b & 0x7) << 18 | a, 4))
}

/// A position or length within a word as the `i32` Snowball counts in (words are at most
/// [`MAX_WORD`] bytes, so it always fits).
#[inline(always)]
fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A character's size as a `usize`.
#[inline(always)]
fn to_usize(n: i32) -> usize {
    usize::try_from(n).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grouping of `members`, as the generated code declares one.
    fn grouping(members: &str) -> Grouping {
        let (min, max) = members.chars().fold((u32::MAX, 0), |(lo, hi), ch| {
            (lo.min(u32::from(ch)), hi.max(u32::from(ch)))
        });
        let mut bits = vec![0u8; ((max - min) / 8 + 1) as usize];
        for ch in members.chars() {
            let at = u32::from(ch) - min;
            bits[(at / 8) as usize] |= 1 << (at % 8);
        }
        Grouping::new(min, max, Vec::leak(bits))
    }

    /// `repeat (gopast G $n += 1)` as Snowball runs it, scan after scan: (n, cursor).
    fn count_by_scans(z: &mut Env, g: &Grouping, inside: bool) -> (i32, i32) {
        let mut n = 0;
        loop {
            let c = z.c;
            if !z.go_grouping(g, inside, true) {
                z.c = c;
                return (n, z.c);
            }
            n += 1;
        }
    }

    /// Words to scan: ASCII, two-, three- and four-byte letters, broken UTF-8.
    const WORDS: [&[u8]; 8] = [
        b"",
        b"bkt",
        b"menyebutkan",
        "bäckérei".as_bytes(),
        "अनुइआक".as_bytes(),
        "𝕒a\u{10FFFF}e".as_bytes(),
        b"a\xC3\xA4\xE0\xA4\xff\x80o",
        b"\xC3",
    ];

    /// An environment holding `word`, the cursor at `c` and the limit at `l`.
    fn env(word: &[u8], c: usize, l: usize) -> Env {
        let mut z: Env = Env::new();
        z.p.set(word);
        (z.c, z.l) = (to_i32(c.min(word.len())), to_i32(l));
        z
    }

    #[test]
    fn gopast_run_equals_two_scans() {
        let g = grouping("aeiouäéअइ");
        for word in WORDS {
            for inside in [true, false] {
                for (c, l) in [(0, word.len()), (1, word.len()), (0, word.len() / 2)] {
                    let (mut once, mut twice) = (env(word, c, l), env(word, c, l));
                    let (mid, found) = once.gopast_run_at(&g, inside);
                    let mut mid_twice = None;
                    let found_twice = twice.go_grouping(&g, inside, true) && {
                        mid_twice = Some(twice.c);
                        twice.go_grouping(&g, !inside, true)
                    };
                    assert_eq!(
                        (mid, found, once.c),
                        (mid_twice, found_twice, twice.c),
                        "{word:?} inside {inside} from {c} to {l}"
                    );
                }
            }
        }
    }

    #[test]
    fn gopast_then_lands_where_the_scans_would_first_find_then() {
        let g = grouping("aeiouäéअइ");
        let then = ByteSet(std::array::from_fn(|b| b"iky\xA4".contains(&(b as u8))));
        for word in WORDS
            .into_iter()
            .chain([&b"uitkijken"[..], b"aiyab", b"bkt\xC3"])
        {
            for inside in [true, false] {
                for (c, l) in [(0, word.len()), (1, word.len()), (0, word.len() / 2)] {
                    let (mut once, mut scans) = (env(word, c, l), env(word, c, l));
                    let found = once.gopast_then(&g, inside, &then);
                    // Scan after scan, as `repeat (gopast G try C)` runs: stop before a byte
                    // of `then`, or else after the last scan that found its character.
                    let mut last = None;
                    loop {
                        if !scans.go_grouping(&g, inside, true) {
                            break;
                        }
                        last = Some(scans.c);
                        if scans
                            .after()
                            .first()
                            .is_some_and(|&b| then.0[usize::from(b)])
                        {
                            break;
                        }
                    }
                    assert_eq!(
                        (found, last.is_some().then_some(once.c)),
                        (last.is_some(), last),
                        "{word:?} inside {inside} from {c} to {l}"
                    );
                }
            }
        }
    }

    #[test]
    fn skip_to_str_stops_where_stepping_would_first_find_the_string() {
        for word in WORDS {
            for s in ["ä", "ke", "इआ", "\u{10FFFF}e", "\u{FFFD}"] {
                for (c, l) in [(0, word.len()), (1, word.len()), (0, word.len() / 2)] {
                    let (mut skipping, mut stepping) = (env(word, c, l), env(word, c, l));
                    skipping.skip_to_str(s);
                    while !stepping.after().starts_with(s.as_bytes()) && stepping.next() {}
                    assert_eq!(skipping.c, stepping.c, "{word:?} {s:?} from {c} to {l}");
                }
            }
        }
    }

    #[test]
    fn skip_to_pair_stops_where_stepping_would_first_find_a_pair() {
        // Hebrew's lead byte (and `a`) before the second bytes of `וו`, `יי` (and `ab`).
        let starts = ByteSet(std::array::from_fn(|b| b == 0xD7 || b == usize::from(b'a')));
        let seconds = ByteSet(std::array::from_fn(|b| {
            [0x95, 0x99, b'b'].contains(&(b as u8))
        }));
        let yiddish: [&[u8]; 4] = [
            "װאַרט".as_bytes(),
            "בוווו".as_bytes(),
            b"\xD7\xD7\x95ab",
            b"\xE0\xD7\x99",
        ];
        for word in WORDS.into_iter().chain(yiddish) {
            for (c, l) in [(0, word.len()), (1, word.len()), (0, word.len() / 2)] {
                let (mut skipping, mut stepping) = (env(word, c, l), env(word, c, l));
                skipping.skip_to_pair(&starts, &seconds);
                let stop = |z: &mut Env| match z.after() {
                    [b, next, ..] => starts.0[usize::from(*b)] && seconds.0[usize::from(*next)],
                    _ => false,
                };
                while !stop(&mut stepping) && stepping.next() {}
                assert_eq!(skipping.c, stepping.c, "{word:?} from {c} to {l}");
            }
        }
    }

    #[test]
    fn skip_to_then_stops_where_stepping_would_first_find_a_start_before_then() {
        // The first bytes of the vowels (ASCII ones; any byte above ASCII may start one).
        let starts = ByteSet(std::array::from_fn(|b| {
            b >= 0x80 || b"aeiou".contains(&(b as u8))
        }));
        for word in WORDS
            .into_iter()
            .chain([&b"playing"[..], b"aybxa\xC3\xA4y"])
        {
            for then in [b'y', b'k', 0xA4] {
                for (c, l) in [(0, word.len()), (1, word.len()), (0, word.len() / 2)] {
                    let (mut skipping, mut stepping) = (env(word, c, l), env(word, c, l));
                    skipping.skip_to_then(&starts, then);
                    let stop = |z: &mut Env| match z.after() {
                        [b, ..] if *b >= 0x80 => true,
                        [b, next, ..] => starts.0[usize::from(*b)] && *next == then,
                        _ => false,
                    };
                    while !stop(&mut stepping) && stepping.next() {}
                    assert_eq!(skipping.c, stepping.c, "{word:?} {then} from {c} to {l}");
                }
            }
        }
    }

    #[test]
    fn count_grouping_equals_a_scan_per_character() {
        let g = grouping("aeiouäéअइ");
        for word in WORDS {
            for inside in [true, false] {
                for (c, l) in [(0, word.len()), (1, word.len()), (0, word.len() / 2)] {
                    let (mut once, mut scans) = (env(word, c, l), env(word, c, l));
                    assert_eq!(
                        once.count_grouping(&g, inside),
                        count_by_scans(&mut scans, &g, inside),
                        "{word:?} inside {inside} from {c} to {l}"
                    );
                }
            }
        }
    }
}
