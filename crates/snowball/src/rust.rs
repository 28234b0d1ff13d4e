//! The Rust generator: one module per program, over stemkit's runtime
//! (`stemkit_stemmer`'s `snowball::runtime`).
//!
//! Every command becomes a Rust expression of type `bool` (its signal), so sequences are `&&`
//! chains and the control constructs are blocks that save and restore the cursor. The output
//! is meant to be run through rustfmt.

use std::fmt::Write as _;

use crate::among;
use crate::ast::{Ae, Cmd, Kind, Program, Str};

/// How a module is generated.
#[derive(Clone, Debug)]
pub struct Options {
    /// The source path recorded in the module's header, such as `algorithms/3.1.0/french.sbl`.
    pub source: String,
    /// The path of the runtime module, such as `crate::snowball::runtime`.
    pub runtime: String,
}

/// The Rust module for `program`: groupings and among tables as statics, a function per
/// routine, and a `pub(crate)` function per external; `STRINGS` says how many string
/// variables the runtime must provide.
pub fn generate(program: &Program, options: &Options) -> Result<String, String> {
    for kind in [Kind::Integer, Kind::Boolean] {
        if program.count(kind) > 16 {
            return Err(format!("more than 16 {kind:?} variables"));
        }
    }
    let mut g = Gen {
        program,
        out: String::new(),
        backward: false,
        counter: 0,
        routine: String::new(),
        sets: Vec::new(),
        memos: crate::memo::memoized(program, MEMO_SLOTS),
    };
    g.header(options);
    g.tables();
    for routine in &program.routines {
        g.routine(routine);
    }
    g.byte_sets();
    Ok(g.out)
}

struct Gen<'a> {
    program: &'a Program,
    out: String,
    backward: bool,
    counter: usize,
    /// The Snowball name of the routine being generated.
    routine: String,
    /// The byte sets that skipping loops test (`B_0`, `B_1`, ...; see [`Gen::byte_sets`]).
    sets: Vec<[u64; 4]>,
    /// The routines that remember their last outcome, each in the slot of its place here.
    memos: Vec<usize>,
}

/// How many routines of a program the runtime lets remember their last outcome (its
/// `MEMOS`; a routine given a slot beyond them simply runs every time).
const MEMO_SLOTS: usize = 4;

/// A Rust string literal holding `bytes` (valid UTF-8 in practice; anything else is replaced).
fn literal(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(bytes))
}

/// The command whose test decides first whether forward command `cmd` can succeed: `cmd`
/// itself, or through a sequence (past setting the slice, which whichever attempt comes next
/// redoes; an `and` only by its first command) or a `test`, the first command it runs.
fn first_test(cmd: &Cmd) -> Option<&Cmd> {
    match cmd {
        Cmd::Seq(cmds) | Cmd::And(cmds) => {
            let first = cmds
                .iter()
                .find(|c| !matches!(c, Cmd::LeftSlice | Cmd::RightSlice))?;
            if matches!(cmd, Cmd::And(_)) && !std::ptr::eq(first, &cmds[0]) {
                return None;
            }
            first_test(first)
        }
        Cmd::Test(inner) => first_test(inner),
        _ => Some(cmd),
    }
}

/// The string `cmd` matches, if it is a test of a non-empty literal string.
fn string_test(cmd: &Cmd) -> Option<&[u8]> {
    match cmd {
        Cmd::Eq(Str::Lit(text)) if !text.is_empty() => Some(text),
        _ => None,
    }
}

/// The string alternative `cmd` of an `or` matches before anything else it does, if any.
fn leading_string(cmd: &Cmd) -> Option<&[u8]> {
    match cmd {
        Cmd::Seq(cmds) => string_test(cmds.first()?),
        other => string_test(other),
    }
}

/// Adds byte `b` to the byte set `bits`.
fn add_byte(bits: &mut [u64; 4], b: u8) {
    bits[usize::from(b >> 6)] |= 1 << (b & 63);
}

/// Whether `cmd` sets the slice before its first test (as [`first_test`] finds it).
fn sets_slice_first(cmd: &Cmd) -> bool {
    match cmd {
        Cmd::LeftSlice | Cmd::RightSlice => true,
        Cmd::Seq(cmds) | Cmd::And(cmds) => cmds.first().is_some_and(sets_slice_first),
        Cmd::Test(inner) => sets_slice_first(inner),
        Cmd::Or(cmds) => cmds.iter().any(sets_slice_first),
        _ => false,
    }
}

/// The code that walks the trie below `node`, `depth` key bytes into the text `t` (of length
/// `n`), setting `found` at every row it passes: one `match` per branching byte, one slice
/// comparison per run of bytes without rows or branches.
fn trie_code(
    node: &among::Node,
    depth: usize,
    backward: bool,
    found: &dyn Fn(Option<usize>) -> String,
) -> String {
    if node.children.is_empty() {
        return String::new();
    }
    // The text's key byte `depth`, and its key bytes `from..to` in text order.
    let key = if backward {
        format!("t.get(n.wrapping_sub({}))", depth + 1)
    } else {
        format!("t.get({depth})")
    };
    let mut arms = String::new();
    for (byte, child) in &node.children {
        let (run, end) = child.run();
        let depth = depth + 1 + run.len();
        let guard = if run.is_empty() {
            String::new()
        } else if backward {
            let text: Vec<u8> = run.iter().rev().copied().collect();
            format!(
                " if t.get(n.wrapping_sub({depth})..n - {}) == Some({})",
                depth - run.len(),
                byte_string(&text)
            )
        } else {
            format!(
                " if t.get({}..{depth}) == Some({})",
                depth - run.len(),
                byte_string(&run)
            )
        };
        let set = if end.row.is_some() {
            format!("found = {};", found(end.row))
        } else {
            String::new()
        };
        let _ = writeln!(
            arms,
            "Some(b'{}'){guard} => {{ {set} {} }}",
            byte.escape_ascii(),
            trie_code(end, depth, backward, found)
        );
    }
    format!("match {key} {{\n{arms}_ => {{}}\n}}")
}

/// The most rows [`same_length_search`] compares.
const SAME_LENGTH_ROWS: usize = 16;

/// `T_n` for an `among` (rows `rows`) of at most [`SAME_LENGTH_ROWS`] strings that all have the
/// same length, 1 to 8 bytes: the text's last (first, forwards) bytes read as one number (by
/// the runtime's `suffix_key`, the last byte the most significant, as `key` here) and compared
/// with every string at once, so that the only branch that depends on the text is whether a
/// string matched. A trie branches on each byte, and for a table that usually fails to match,
/// the processor still guesses the first byte wrong for many words: with Dutch's (Porter)
/// `undouble`, `among ('kk' 'dd' 'tt')`, tried after most suffixes, searched by its trie,
/// dutch_porter was 8% slower.
fn same_length_search(n: usize, rows: &[among::Row], backward: bool) -> Option<String> {
    let len = rows.first()?.text.len();
    if !(1..=8).contains(&len)
        || rows.len() > SAME_LENGTH_ROWS
        || rows.iter().any(|r| r.text.len() != len)
    {
        return None;
    }
    let mut terms = Vec::new();
    for (row, r) in rows.iter().enumerate() {
        // A string given twice keeps its first row, as in the trie.
        if rows[..row].iter().any(|other| other.text == r.text) {
            continue;
        }
        // The row number plus one where the key is this string's: at most one term is not 0.
        terms.push(format!(
            "{} * usize::from(key == {:#x})",
            row + 1,
            key(&r.text)
        ));
    }
    let actions: Vec<String> = rows.iter().map(|r| r.result.to_string()).collect();
    let (key, place) = if backward {
        ("suffix_key", "ending")
    } else {
        ("prefix_key", "starting")
    };
    Some(format!(
        "\n/// The row of `A_{n}` with the string {place} the text, by comparing its {len} bytes \
         there with every string at once: (row, length, action).\n\
         #[inline]\nfn T_{n}(t: &[u8]) -> Option<(usize, i32, i32)> {{\n\
         const ACTIONS: [i32; {}] = [0, {}];\n\
         let key = {key}::<{len}>(t)?;\n\
         let row = {};\n\
         (row > 0).then(|| (row - 1, {len}, ACTIONS[row]))\n}}\n",
        rows.len() + 1,
        actions.join(", "),
        terms.join(" + "),
    ))
}

/// `text` (8 bytes at most) as one number, the last byte the most significant.
fn key(text: &[u8]) -> u64 {
    text.iter().rev().fold(0, |k, &b| k << 8 | u64::from(b))
}

/// A Rust byte string literal (`b"..."`, as a slice) holding `bytes`.
fn byte_string(bytes: &[u8]) -> String {
    format!("&b\"{}\"[..]", bytes.escape_ascii())
}

/// The name's part of a constant's identifier: as written, since Snowball names are
/// case-sensitive (`notable` and `NoTable` are two names).
fn ident(name: &str) -> String {
    name.to_owned()
}

impl Gen<'_> {
    fn name(&self, index: usize) -> &str {
        &self.program.names[index].text
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}{}", self.counter)
    }

    fn header(&mut self, options: &Options) {
        let p = self.program;
        let _ = writeln!(
            self.out,
            "//! Generated by `cargo xtask codegen` from `{}`: do not edit.\n",
            options.source
        );
        let _ = writeln!(
            self.out,
            "#![allow(dead_code, non_snake_case, non_upper_case_globals, unused_variables, unused_assignments, unused_mut, unused_parens, \
             clippy::all)]\n"
        );
        let _ = writeln!(self.out, "use {}::*;\n", options.runtime);
        let strings = p.count(Kind::String);
        let _ = writeln!(
            self.out,
            "/// How many string variables the program declares.\npub(crate) const STRINGS: usize = {strings};"
        );
        for name in &p.names {
            let prefix = match name.kind {
                Kind::Integer => "I",
                Kind::Boolean => "B",
                Kind::String => "S",
                _ => continue,
            };
            let _ = writeln!(
                self.out,
                "const {prefix}_{}: usize = {};",
                ident(&name.text),
                name.index
            );
        }
    }

    fn tables(&mut self) {
        let p = self.program;
        for grouping in &p.groupings {
            let (min, max) = (grouping.chars[0], grouping.chars[grouping.chars.len() - 1]);
            let mut bits = vec![0u8; ((max - min) / 8 + 1) as usize];
            for &ch in &grouping.chars {
                let at = ch - min;
                bits[(at / 8) as usize] |= 1 << (at % 8);
            }
            let text: String = grouping
                .chars
                .iter()
                .filter_map(|&c| char::from_u32(c))
                .collect();
            let name = self.name(grouping.name).to_owned();
            let _ = writeln!(
                self.out,
                "\n/// `{name}`: {}\nstatic G_{}: Grouping = Grouping::new({min}, {max}, &{bits:?});",
                text.escape_debug(),
                ident(&name),
            );
        }
        for (n, among) in p.amongs.iter().enumerate() {
            let rows = among::table(among);
            let routine = self.name(among.routine).to_owned();
            let _ = writeln!(
                self.out,
                "\n/// Line {} (`{routine}`).\nstatic A_{n}: Table = Table::new(&[",
                among.pos.line,
            );
            for row in &rows {
                let func = match row.func {
                    Some(f) => format!("Some({})", self.fn_name(f)),
                    None => "None".to_owned(),
                };
                let sub = row.substring.map_or(-1, |s| s as i64);
                let line = format!(
                    "    Among({}, {sub}, {}, {func}),",
                    literal(&row.text),
                    row.result
                );
                let _ = writeln!(self.out, "{line}");
            }
            let _ = writeln!(self.out, "]);");
            if let Some(code) = same_length_search(n, &rows, among.backward) {
                self.out.push_str(&code);
                continue;
            }
            let trie = among::trie(&rows, among.backward);
            let found = |row: Option<usize>| {
                row.map_or("None".to_owned(), |row| {
                    format!(
                        "Some(({row}, {}, {}))",
                        rows[row].text.len(),
                        rows[row].result
                    )
                })
            };
            let _ = writeln!(
                self.out,
                "\n/// The row of `A_{n}` with the longest string {} the text, by its trie: \
                 (row, length, action).\n\
                 #[inline]\nfn T_{n}(t: &[u8]) -> Option<(usize, i32, i32)> {{\nlet n = t.len();\n\
                 let mut found = {};\n{}\nfound\n}}",
                if among.backward { "ending" } else { "starting" },
                found(trie.row),
                trie_code(&trie, 0, among.backward, &found),
            );
        }
    }

    /// The `among` of a forward `repeat ([substring] among (... '' (next)))`, the loop that
    /// rewrites letters all along a word: at a character no longer row starts with, the loop
    /// only steps over it, so the generated loop skips such characters in one scan (through a
    /// byte set of the rows' first bytes) instead of searching the table at each.
    fn skippable(&self, body: &Cmd) -> Option<usize> {
        let Cmd::Seq(cmds) = body else {
            return None;
        };
        let [
            Cmd::LeftSlice,
            Cmd::Substring(n),
            Cmd::RightSlice,
            Cmd::Among(m),
        ] = cmds.as_slice()
        else {
            return None;
        };
        let among = &self.program.amongs[*n];
        if n != m || self.backward || among.backward {
            return None;
        }
        if among.entries.iter().any(|e| e.func.is_some()) {
            return None;
        }
        let empty = among.entries.iter().find(|e| e.text.is_empty())?;
        let is_next = |cmd: &Cmd| match cmd {
            Cmd::Next => true,
            Cmd::Seq(inner) => matches!(inner.as_slice(), [Cmd::Next]),
            _ => false,
        };
        is_next(among.actions.get(empty.result.checked_sub(1)?)?).then_some(*n)
    }

    /// The name of the static holding byte set `bits`, added if new. A set holding any UTF-8
    /// continuation byte is widened to every byte above ASCII: the runtime then scans bytes,
    /// not characters, and still stops only at the start of a character.
    fn byte_set(&mut self, mut bits: [u64; 4]) -> String {
        // Bytes 0x80..0xC0 are word 2 of the bitmap.
        if bits[2] != 0 {
            bits[2] = u64::MAX;
            bits[3] = u64::MAX;
        }
        self.exact_byte_set(bits)
    }

    /// The name of the static holding byte set `bits` as it is: for bytes tested after the
    /// first (where a continuation byte is what is looked for).
    fn exact_byte_set(&mut self, bits: [u64; 4]) -> String {
        let n = match self.sets.iter().position(|s| *s == bits) {
            Some(n) => n,
            None => {
                self.sets.push(bits);
                self.sets.len() - 1
            }
        };
        format!("B_{n}")
    }

    /// The byte sets of the skipping loops, as bitmaps.
    fn byte_sets(&mut self) {
        for (n, bits) in self.sets.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "\n/// The bytes at which a skipping loop stops.\nstatic B_{n}: ByteSet = \
                 ByteSet::new([{:#x}, {:#x}, {:#x}, {:#x}]);",
                bits[0], bits[1], bits[2], bits[3]
            );
        }
    }

    /// The bytes at which forward command `cmd` can succeed: `None` unless it is sure to fail,
    /// doing nothing but set the slice, where the text's next byte is not among them (so a
    /// loop trying it at each character may skip the others). Its first test decides:
    /// a grouping, a string, an `among` without an empty string; or all alternatives of `or`.
    fn first_bytes(&self, cmd: &Cmd) -> Option<[u64; 4]> {
        let mut bits = [0u64; 4];
        let mut add = |b: u8| add_byte(&mut bits, b);
        match first_test(cmd)? {
            Cmd::Or(cmds) => {
                for cmd in cmds {
                    let more = self.first_bytes(cmd)?;
                    for (b, m) in bits.iter_mut().zip(more) {
                        *b |= m;
                    }
                }
            }
            Cmd::Eq(Str::Lit(text)) => add(*text.first()?),
            Cmd::Grouping(g, non) => {
                let grouping = self.program.groupings.iter().find(|x| x.name == *g)?;
                let ascii = |b: u8| grouping.chars.contains(&u32::from(b));
                for b in 0..0x80u8 {
                    if ascii(b) != *non {
                        add(b);
                    }
                }
                // Any byte above ASCII may start a character in (or out of) the set.
                for b in 0x80..=0xFFu8 {
                    add(b);
                }
            }
            Cmd::Substring(n) => {
                let among = &self.program.amongs[*n];
                // An empty string matches anywhere.
                if among.backward || among.entries.iter().any(|e| e.text.is_empty()) {
                    return None;
                }
                return Some(self.row_starts(*n));
            }
            _ => return None,
        }
        Some(bits)
    }

    /// The string `cmd` must match first, if it starts by matching one (as [`first_test`]
    /// reads it).
    fn leading_literal<'c>(&self, cmd: &'c Cmd) -> Option<&'c [u8]> {
        string_test(first_test(cmd)?)
    }

    /// The bytes that may follow the first in what `cmd` must match first, if it starts with
    /// an `among` whose every string has two bytes or more (Yiddish's `among ('{Vov}{Vov}'
    /// ...)`, whose letters share their first byte with every Hebrew letter).
    fn second_bytes(&self, cmd: &Cmd) -> Option<[u64; 4]> {
        let Cmd::Substring(n) = first_test(cmd)? else {
            return None;
        };
        let among = &self.program.amongs[*n];
        let mut bits = [0u64; 4];
        for entry in &among.entries {
            add_byte(&mut bits, *entry.text.get(1)?);
        }
        (!among.backward).then_some(bits)
    }

    /// The byte `cmd` must match right after its first character, where it starts by testing
    /// one character against a grouping and then matching a string (after setting the slice).
    fn byte_after_grouping(&self, cmd: &Cmd) -> Option<u8> {
        let Cmd::Seq(cmds) = cmd else { return None };
        let mut tests = cmds
            .iter()
            .filter(|c| !matches!(c, Cmd::LeftSlice | Cmd::RightSlice));
        match (tests.next(), tests.next()) {
            (Some(Cmd::Grouping(..)), Some(Cmd::Eq(Str::Lit(text)))) => text.first().copied(),
            _ => None,
        }
    }

    /// The first bytes of the non-empty strings of `among` number `n`, as a byte set.
    fn row_starts(&self, n: usize) -> [u64; 4] {
        let mut bits = [0u64; 4];
        for entry in &self.program.amongs[n].entries {
            if let Some(&b) = entry.text.first() {
                add_byte(&mut bits, b);
            }
        }
        bits
    }

    fn fn_name(&self, index: usize) -> String {
        match self.program.names[index].kind {
            Kind::External => self.name(index).to_owned(),
            _ => format!("r_{}", self.name(index)),
        }
    }

    fn routine(&mut self, routine: &crate::ast::Routine) {
        self.backward = routine.backward;
        self.counter = 0;
        self.routine = self.name(routine.name).to_owned();
        let name = self.fn_name(routine.name);
        let external = self.program.names[routine.name].kind == Kind::External;
        let mut body = self.cmd(&routine.body);
        if let Some(slot) = self.memos.iter().position(|&n| n == routine.name) {
            body = format!("z.memo({slot}, |z| {body})");
        }
        let needs_among_var = body.contains("among_var");
        let _ = writeln!(
            self.out,
            "\n/// `{}` (line {}).\n{}fn {name}(z: &mut Env) -> bool {{",
            self.routine,
            routine.pos.line,
            if external { "pub(crate) " } else { "" }
        );
        if needs_among_var {
            self.out.push_str("let mut among_var = 0;\n");
        }
        let _ = writeln!(self.out, "{body}\n}}");
    }

    /// `repeat (gopast G $x += 1)` forwards, a count of the characters of `G` (Indonesian's
    /// vowels), as one pass: the runtime's `count_grouping`.
    fn counting_loop(&self, body: &Cmd) -> Option<String> {
        let Cmd::Seq(cmds) = body else { return None };
        let [Cmd::Gopast(target), Cmd::IntAssign(x, "+=", Ae::Num(1))] = cmds.as_slice() else {
            return None;
        };
        let Cmd::Grouping(g, non) = **target else {
            return None;
        };
        if self.backward {
            return None;
        }
        Some(format!(
            "{{ let (n, end) = z.count_grouping(&G_{}, {}); z.i[I_{}] += n; z.c = end; true }}",
            ident(self.name(g)),
            !non,
            ident(self.name(*x))
        ))
    }

    /// `repeat (gopast G try C)` forwards, where C can only act before certain bytes (Dutch's
    /// `try ([('i'] ...) or ('y'] ...))` after each vowel), as a loop whose scans pass over the
    /// characters of G that no such byte follows: the runtime's `gopast_then`. The iterations
    /// passed over would leave the slice as the next iteration sets it again, unless an
    /// alternative of C sets it before its first test, which rules the loop out.
    fn gopast_then_loop(&mut self, body: &Cmd) -> Option<String> {
        let Cmd::Seq(cmds) = body else { return None };
        let [Cmd::Gopast(target), try_c @ Cmd::Try(c)] = cmds.as_slice() else {
            return None;
        };
        let Cmd::Grouping(g, non) = **target else {
            return None;
        };
        if self.backward {
            return None;
        }
        let bits = self.first_bytes(c)?;
        if let Some(Cmd::Or(alternatives)) = first_test(c) {
            if alternatives.iter().any(sets_slice_first) {
                return None;
            }
        }
        let v = self.fresh("c");
        let (save, restore) = (self.save(&v), self.restore(&v));
        let then = self.byte_set(bits);
        let rest = self.cmd(try_c);
        Some(format!(
            "{{ loop {{ {save} if !(z.gopast_then(&G_{}, {}, &{then}) && {rest}) {{ {restore} \
             break; }} }} true }}",
            ident(self.name(g)),
            !non
        ))
    }

    /// An `or` whose every alternative starts by matching a string that no other one can
    /// match at the same place (none ends another, backwards; none starts another, forwards),
    /// as a `match` on the byte beside the cursor: only the alternative whose string may match
    /// there is tried. (Turkish's vowel harmony: `('a' goto vowel1) or ('e' goto vowel2) or
    /// ...` eight ways, tested one after the other at every suffix.) Trying the others would
    /// change nothing: each would fail at its string, before doing anything.
    fn literal_dispatch(&mut self, alternatives: &[Cmd]) -> Option<String> {
        let strings: Vec<&[u8]> = alternatives
            .iter()
            .map(leading_string)
            .collect::<Option<_>>()?;
        if strings.len() < 3 {
            return None;
        }
        let backward = self.backward;
        let overlaps = |a: &[u8], b: &[u8]| {
            if backward {
                a.ends_with(b) || b.ends_with(a)
            } else {
                a.starts_with(b) || b.starts_with(a)
            }
        };
        for (i, a) in strings.iter().enumerate() {
            if strings[i + 1..].iter().any(|b| overlaps(a, b)) {
                return None;
            }
        }
        let key = |s: &[u8]| if backward { s[s.len() - 1] } else { s[0] };
        let mut keys: Vec<u8> = strings.iter().map(|s| key(s)).collect();
        keys.sort_unstable();
        keys.dedup();
        let v = self.fresh("c");
        let (save, restore) = (self.save(&v), self.restore(&v));
        let mut arms = String::new();
        for k in keys {
            // The cursor is where it was for the first; after a failure, back there.
            let mut tries = Vec::new();
            for (alternative, string) in alternatives.iter().zip(&strings) {
                if key(string) == k {
                    let code = self.cmd(alternative);
                    tries.push(if tries.is_empty() {
                        code
                    } else {
                        format!("{{ {restore} {code} }}")
                    });
                }
            }
            let _ = write!(
                arms,
                "Some({k:#04x}) => ({} || {{ {restore} false }}),",
                tries.join(" || ")
            );
        }
        let b = if backward { "_b" } else { "" };
        Some(format!(
            "{{ {save} match z.key_byte{b}() {{ {arms} _ => false }} }}"
        ))
    }

    fn str_arg(&self, s: &Str) -> (String, bool) {
        match s {
            Str::Lit(bytes) => (literal(bytes), false),
            Str::Var(v) => (format!("S_{}", ident(self.name(*v))), true),
        }
    }

    /// A runtime call taking a string: `method(lit)` or `method_v(var)`.
    fn str_call(&self, method: &str, s: &Str, backward_suffix: bool) -> String {
        let (arg, var) = self.str_arg(s);
        let v = if var { "_v" } else { "" };
        let b = if backward_suffix && self.backward {
            "_b"
        } else {
            ""
        };
        format!("z.{method}{v}{b}({arg})")
    }

    /// Saves the cursor in `v`; backwards as a distance from the limit, which edits behind
    /// the cursor do not change (as Snowball's generators do).
    fn save(&self, v: &str) -> String {
        if self.backward {
            format!("let {v} = z.l - z.c;")
        } else {
            format!("let {v} = z.c;")
        }
    }

    /// Restores the cursor saved by [`Gen::save`].
    fn restore(&self, v: &str) -> String {
        if self.backward {
            format!("z.c = z.l - {v};")
        } else {
            format!("z.c = {v};")
        }
    }

    fn seq(&mut self, cmds: &[Cmd]) -> String {
        if cmds.is_empty() {
            return "true".to_owned();
        }
        let mut parts = Vec::new();
        let mut rest = cmds;
        while let Some((first, tail)) = rest.split_first() {
            if let Some((code, used)) = self.region_scan(rest) {
                parts.push(code);
                rest = &rest[used..];
            } else {
                parts.push(self.cmd(first));
                rest = tail;
            }
        }
        format!("({})", parts.join(" && "))
    }

    /// `gopast v gopast non-v` forwards (how twenty algorithms find R1 and R2), or the same
    /// with `non` the other way round, as one scan: the runtime's `gopast_run`; with
    /// `setmark x` between the two (Armenian, Irish, Russian), `gopast_run_at`, which also
    /// says where the first part ended. Where a scan ends is a branch no predictor foresees;
    /// one scan ends once, two end twice. The code, and how many commands it stands for.
    fn region_scan(&self, cmds: &[Cmd]) -> Option<(String, usize)> {
        let (mark, second) = match cmds {
            [_, Cmd::IntAssign(x, "=", Ae::Cursor), second, ..] => (Some(*x), second),
            [_, second, ..] => (None, second),
            _ => return None,
        };
        let (Cmd::Gopast(first), Cmd::Gopast(second)) = (&cmds[0], second) else {
            return None;
        };
        let (&Cmd::Grouping(g, non), &Cmd::Grouping(g2, non2)) = (&**first, &**second) else {
            return None;
        };
        if g != g2 || non == non2 || self.backward {
            return None;
        }
        let g = ident(self.name(g));
        Some(match mark {
            None => (format!("z.gopast_run(&G_{g}, {})", !non), 2),
            Some(x) => (
                format!(
                    "{{ let (mid, found) = z.gopast_run_at(&G_{g}, {}); \
                     if let Some(mid) = mid {{ z.i[I_{}] = mid; }} found }}",
                    !non,
                    ident(self.name(x))
                ),
                3,
            ),
        })
    }

    /// A command as an operand: blocks and loops are parenthesised, so that `{ .. } && x` is
    /// not read as a block statement followed by `&& x`.
    fn cmd(&mut self, cmd: &Cmd) -> String {
        let code = self.raw(cmd);
        if code.starts_with('{') || code.starts_with("loop") || code.starts_with("match") {
            format!("({code})")
        } else {
            code
        }
    }

    /// `or` (`op` is `||`) or `and` (`&&`) of `cmds`: every command after the first starts
    /// where the first started (the cursor restored before it).
    fn each_from_start(&mut self, cmds: &[Cmd], op: &str) -> String {
        let v = self.fresh("c");
        let (save, restore) = (self.save(&v), self.restore(&v));
        let parts: Vec<String> = cmds.iter().map(|c| self.cmd(c)).collect();
        let rest: Vec<String> = parts[1..]
            .iter()
            .map(|p| format!("{{ {restore} {p} }}"))
            .collect();
        format!(
            "{{ {save} {} {op} {} }}",
            parts[0],
            rest.join(&format!(" {op} "))
        )
    }

    fn raw(&mut self, cmd: &Cmd) -> String {
        let b = if self.backward { "_b" } else { "" };
        match cmd {
            Cmd::Seq(cmds) => self.seq(cmds),
            Cmd::Or(cmds) => {
                if let Some(code) = self.literal_dispatch(cmds) {
                    return code;
                }
                self.each_from_start(cmds, "||")
            }
            Cmd::And(cmds) => self.each_from_start(cmds, "&&"),
            Cmd::Not(c) => {
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                format!("{{ {save} !{inner} && {{ {restore} true }} }}")
            }
            Cmd::Try(c) => {
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                format!("{{ {save} if !{inner} {{ {restore} }} true }}")
            }
            Cmd::Test(c) => {
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                format!("{{ {save} {inner} && {{ {restore} true }} }}")
            }
            Cmd::Do(c) => {
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                format!("{{ {save} let _ = {inner}; {restore} true }}")
            }
            Cmd::Fail(c) => format!("{{ let _ = {}; false }}", self.cmd(c)),
            Cmd::Goto(c) | Cmd::Gopast(c) => {
                let past = matches!(cmd, Cmd::Gopast(_));
                if let Cmd::Grouping(g, non) = **c {
                    let g = ident(self.name(g));
                    return format!("z.go_grouping{b}(&G_{g}, {}, {past})", !non);
                }
                // Forwards, characters at which the command must fail are skipped in one scan:
                // up to the string it starts with (Russian's `goto (['ё'])`: a scan to each
                // `ё`, not to each character whose first byte `ё` shares), or else up to a
                // byte it may start with.
                let skip = match (
                    self.leading_literal(c),
                    self.first_bytes(c),
                    self.second_bytes(c),
                ) {
                    _ if self.backward => String::new(),
                    (Some(text), ..) if text.len() > 1 => {
                        format!("z.skip_to_str({});", literal(text))
                    }
                    // Yiddish's `goto ([substring] among (...))` over Hebrew letters: to where a
                    // string's first two bytes are, not to every letter. (Only for first bytes
                    // that start characters: the scan then stops where stepping would.)
                    (_, Some(bits), Some(seconds)) if bits[2] == 0 => format!(
                        "z.skip_to_pair(&{}, &{});",
                        self.byte_set(bits),
                        self.exact_byte_set(seconds)
                    ),
                    (_, Some(bits), _) => match self.byte_after_grouping(c) {
                        // English's `goto (v ['y'])`: to a vowel before a `y`, not every vowel.
                        Some(then) => {
                            format!("z.skip_to_then(&{}, {then});", self.byte_set(bits))
                        }
                        None => format!("z.skip_to(&{});", self.byte_set(bits)),
                    },
                    _ => String::new(),
                };
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                let on_match = if past {
                    String::new()
                } else {
                    format!("{restore} ")
                };
                format!(
                    "loop {{ {skip} {save} if {inner} {{ {on_match}break true; }} {restore} \
                     if !z.next{b}() {{ break false; }} }}"
                )
            }
            Cmd::Repeat(c) => {
                if let Some(code) = self.counting_loop(c) {
                    return code;
                }
                if let Some(code) = self.gopast_then_loop(c) {
                    return code;
                }
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                let skip = match self.skippable(c) {
                    Some(n) => format!("z.skip_to(&{});", self.byte_set(self.row_starts(n))),
                    None => String::new(),
                };
                format!("{{ loop {{ {skip} {save} if !{inner} {{ {restore} break; }} }} true }}")
            }
            Cmd::Loop(n, c) => {
                let n = self.ae(n);
                let inner = self.cmd(c);
                format!("(0..{n}).all(|_| {inner})")
            }
            Cmd::Atleast(n, c) => {
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let k = self.fresh("n");
                let n = self.ae(n);
                let inner = self.cmd(c);
                format!(
                    "{{ let mut {k} = {n}; loop {{ {save} if !{inner} {{ {restore} break; }} \
                     {k} -= 1; }} {k} <= 0 }}"
                )
            }
            Cmd::Backwards(c) => {
                self.backward = true;
                let inner = self.cmd(c);
                self.backward = false;
                format!("{{ z.lb = z.c; z.c = z.l; {inner} && {{ z.c = z.lb; true }} }}")
            }
            Cmd::Reverse(c) => {
                // Snowball saves the cursor in the inner direction here.
                self.backward = !self.backward;
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let inner = self.cmd(c);
                self.backward = !self.backward;
                format!("{{ {save} {inner} && {{ {restore} true }} }}")
            }
            Cmd::Eq(s @ Str::Lit(_)) => self.str_call("eq_s", s, true),
            Cmd::Eq(s) => self.str_call("eq", s, true),
            Cmd::Assign(s) => self.str_call("assign", s, true),
            Cmd::Insert(s) | Cmd::Attach(s) => {
                // Backwards, `insert` leaves the cursor where `attach` does forwards.
                let keep = matches!(cmd, Cmd::Attach(_)) != self.backward;
                self.str_call(if keep { "attach" } else { "insert" }, s, false)
            }
            Cmd::SliceFrom(s) => self.str_call("slice_from", s, false),
            Cmd::Delete => "z.slice_del()".to_owned(),
            Cmd::Hop(n) => format!("z.hop{b}({})", self.ae(n)),
            Cmd::Next => format!("z.next{b}()"),
            Cmd::AssignTo(s) => format!("z.assign_to(S_{})", ident(self.name(*s))),
            Cmd::SliceTo(s) => format!("z.slice_to(S_{})", ident(self.name(*s))),
            Cmd::LeftSlice => if self.backward {
                "z.set_ket()"
            } else {
                "z.set_bra()"
            }
            .to_owned(),
            Cmd::RightSlice => if self.backward {
                "z.set_bra()"
            } else {
                "z.set_ket()"
            }
            .to_owned(),
            Cmd::ToMark(n) => format!("z.tomark{b}({})", self.ae(n)),
            Cmd::ToLimit => if self.backward {
                "{ z.c = z.lb; true }"
            } else {
                "{ z.c = z.l; true }"
            }
            .to_owned(),
            Cmd::SetLimit(limit, body) => {
                let v = self.fresh("c");
                let (save, restore) = (self.save(&v), self.restore(&v));
                let k = self.fresh("l");
                let limit = self.cmd(limit);
                let body = self.cmd(body);
                if self.backward {
                    format!(
                        "{{ {save} {limit} && {{ let {k} = z.lb; z.lb = z.c; {restore} \
                         let ok = {body}; z.lb = {k}; ok }} }}"
                    )
                } else {
                    format!(
                        "{{ {save} {limit} && {{ let {k} = z.l - z.c; z.l = z.c; {restore} \
                         let ok = {body}; z.l += {k}; ok }} }}"
                    )
                }
            }
            Cmd::Substring(n) => {
                let among = &self.program.amongs[*n];
                let find = if among.backward {
                    "find_among_b"
                } else {
                    "find_among"
                };
                // Tables whose rows call routines may fall back to shorter rows.
                let chain = if among.entries.iter().any(|e| e.func.is_some()) {
                    "_chain"
                } else {
                    ""
                };
                let call = format!("z.{find}{chain}(&A_{n}, T_{n}, {:?})", self.routine);
                if among.actions.len() > 1 {
                    format!("{{ among_var = {call}; among_var != 0 }}")
                } else {
                    format!("({call} != 0)")
                }
            }
            Cmd::Among(n) => {
                let actions = &self.program.amongs[*n].actions;
                if actions.len() == 1 {
                    return self.cmd(&actions[0]);
                }
                let arms: Vec<String> = actions
                    .iter()
                    .enumerate()
                    .map(|(i, a)| format!("{} => {},", i + 1, self.cmd(a)))
                    .collect();
                format!("match among_var {{ {} _ => true }}", arms.join(" "))
            }
            Cmd::Set(v) => format!("{{ z.b[B_{}] = true; true }}", ident(self.name(*v))),
            Cmd::Unset(v) => format!("{{ z.b[B_{}] = false; true }}", ident(self.name(*v))),
            Cmd::BoolTest(v) => format!("z.b[B_{}]", ident(self.name(*v))),
            Cmd::Call(r) => format!("z.call({}, {:?})", self.fn_name(*r), self.name(*r)),
            Cmd::Grouping(g, non) => {
                format!("z.grouping{b}(&G_{}, {})", ident(self.name(*g)), !non)
            }
            Cmd::True => "true".to_owned(),
            Cmd::False => "false".to_owned(),
            Cmd::IntAssign(v, op, value) => {
                let var = format!("z.i[I_{}]", ident(self.name(*v)));
                let value = self.ae(value);
                let set = match *op {
                    "/=" => format!("{var} = div({var}, value)"),
                    "=" => format!("{var} = value"),
                    op => format!("{var} {op} value"),
                };
                format!("{{ let value = {value}; {set}; true }}")
            }
            Cmd::IntTest(left, op, right) => {
                format!("({} {op} {})", self.ae(left), self.ae(right))
            }
            Cmd::Dollar(s, c) => {
                let outer = self.backward;
                self.backward = false;
                let inner = self.cmd(c);
                self.backward = outer;
                let v = self.fresh("saved");
                let s = ident(self.name(*s));
                format!("{{ let {v} = z.enter(S_{s}); let ok = {inner}; z.leave(S_{s}, {v}); ok }}")
            }
        }
    }

    fn ae(&self, ae: &Ae) -> String {
        match ae {
            Ae::Num(n) => i32::try_from(*n).unwrap_or(i32::MAX).to_string(),
            Ae::Var(v) => format!("z.i[I_{}]", ident(self.name(*v))),
            Ae::MaxInt => "i32::MAX".to_owned(),
            Ae::MinInt => "i32::MIN".to_owned(),
            Ae::Cursor => "z.c".to_owned(),
            Ae::Limit => if self.backward { "z.lb" } else { "z.l" }.to_owned(),
            Ae::Size => "z.size()".to_owned(),
            Ae::Len => "z.len()".to_owned(),
            Ae::SizeOf(Str::Lit(bytes)) => bytes.len().to_string(),
            Ae::LenOf(Str::Lit(bytes)) => {
                String::from_utf8_lossy(bytes).chars().count().to_string()
            }
            Ae::SizeOf(Str::Var(v)) => format!("z.size_of(S_{})", ident(self.name(*v))),
            Ae::LenOf(Str::Var(v)) => format!("z.len_of(S_{})", ident(self.name(*v))),
            Ae::Neg(inner) => format!("(-{})", self.ae(inner)),
            Ae::Bin(a, b'/', b) => format!("div({}, {})", self.ae(a), self.ae(b)),
            Ae::Bin(a, op, b) => format!("({} {} {})", self.ae(a), *op as char, self.ae(b)),
        }
    }
}
