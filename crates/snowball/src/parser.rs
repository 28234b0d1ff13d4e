//! The parser: tokens to a [`Program`], resolving names as it goes (Snowball requires every
//! name to be declared before it is used) and checking what the grammar alone cannot.

use std::collections::HashMap;

use crate::ast::{Ae, Among, Cmd, Entry, Grouping, Kind, Name, Program, Routine, Str};
use crate::error::{Pos, Result, err};
use crate::lexer::{Spanned, Tok};

/// Words of the language; a name may not be one (except `len` and `lenof`, see [`Parser::word`]).
const RESERVED: [&str; 55] = [
    "among",
    "and",
    "as",
    "atleast",
    "atlimit",
    "atmark",
    "attach",
    "backwardmode",
    "backwards",
    "booleans",
    "cursor",
    "decimal",
    "define",
    "delete",
    "do",
    "externals",
    "fail",
    "false",
    "for",
    "get",
    "gopast",
    "goto",
    "groupings",
    "hex",
    "hop",
    "insert",
    "integers",
    "len",
    "lenof",
    "limit",
    "loop",
    "maxint",
    "minint",
    "next",
    "non",
    "not",
    "or",
    "repeat",
    "reverse",
    "routines",
    "set",
    "setlimit",
    "setmark",
    "size",
    "sizeof",
    "stringdef",
    "stringescapes",
    "strings",
    "substring",
    "test",
    "tolimit",
    "tomark",
    "true",
    "try",
    "unset",
];

/// A use of a routine or grouping, checked once every definition is known.
struct Use {
    name: usize,
    pos: Pos,
    /// For a routine: whether it is called in backward mode.
    backward: bool,
}

/// Parses and resolves a whole program.
pub(crate) fn parse(tokens: Vec<Spanned>) -> Result<Program> {
    let mut parser = Parser {
        tokens,
        at: 0,
        program: Program::default(),
        names: HashMap::new(),
        backward: false,
        routine: 0,
        pending_substring: None,
        uses: Vec::new(),
        defined: Vec::new(),
    };
    while parser.peek() != &Tok::Eof {
        parser.item()?;
    }
    parser.finish()
}

struct Parser {
    tokens: Vec<Spanned>,
    at: usize,
    program: Program,
    names: HashMap<String, usize>,
    /// The current direction.
    backward: bool,
    /// The routine being defined (a name index).
    routine: usize,
    /// A `substring` waiting for its `among`: the among number it will get.
    pending_substring: Option<(usize, Pos, bool)>,
    uses: Vec<Use>,
    defined: Vec<bool>,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.at.min(self.tokens.len() - 1)].0
    }

    fn pos(&self) -> Pos {
        self.tokens[self.at.min(self.tokens.len() - 1)].1
    }

    fn next(&mut self) -> Spanned {
        let token = self.tokens[self.at.min(self.tokens.len() - 1)].clone();
        self.at += 1;
        token
    }

    /// The description of the token before the current one, for "X omitted after Y".
    fn previous(&self) -> String {
        match self.at.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some((Tok::Name(name), _)) if self.word(name).is_none() => "name".to_owned(),
            Some((Tok::Number(_), _)) => "number".to_owned(),
            Some((token, _)) => token.describe(),
            None => "start of text".to_owned(),
        }
    }

    /// The reserved word a name token spells, if it is one here.
    fn word(&self, name: &str) -> Option<&'static str> {
        let word = RESERVED.iter().find(|w| **w == name)?;
        // `len` and `lenof` were added later: declaring them as names takes them back.
        if matches!(name, "len" | "lenof") && self.names.contains_key(name) {
            return None;
        }
        Some(word)
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == word && self.word(n).is_some())
    }

    fn is_sym(&self, sym: &str) -> bool {
        matches!(self.peek(), Tok::Sym(s) if *s == sym)
    }

    fn expect_sym(&mut self, sym: &str) -> Result<()> {
        if self.is_sym(sym) {
            self.at += 1;
            return Ok(());
        }
        err(
            self.pos(),
            format!("{sym} omitted after {}", self.previous()),
        )
    }

    fn expect_word(&mut self, word: &str) -> Result<()> {
        if self.is_word(word) {
            self.at += 1;
            return Ok(());
        }
        err(
            self.pos(),
            format!("{word} omitted after {}", self.previous()),
        )
    }

    /// A name token that is not a reserved word.
    fn plain_name(&mut self) -> Result<(String, Pos)> {
        match self.peek().clone() {
            Tok::Name(name) if self.word(&name).is_none() => {
                let pos = self.pos();
                self.at += 1;
                Ok((name, pos))
            }
            _ => err(
                self.pos(),
                format!("name omitted after {}", self.previous()),
            ),
        }
    }

    /// A declared name of one of `kinds`.
    fn name_of(&mut self, kinds: &[Kind], what: &str) -> Result<usize> {
        let (text, pos) = self.plain_name()?;
        let Some(&index) = self.names.get(&text) else {
            return err(pos, format!("'{text}' undeclared"));
        };
        if !kinds.contains(&self.program.names[index].kind) {
            return err(pos, format!("'{text}' not of type {what}"));
        }
        Ok(index)
    }

    fn unexpected<T>(&self, context: &str) -> Result<T> {
        let token = match self.peek() {
            Tok::Name(n) if self.word(n).is_none() => "name".to_owned(),
            other => other.describe(),
        };
        let after = match self.at.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(_) => format!(" after {}", self.previous()),
            None => String::new(),
        };
        let context = if context.is_empty() {
            String::new()
        } else {
            format!(" in {context}")
        };
        err(self.pos(), format!("unexpected {token}{context}{after}"))
    }

    /// A declaration, a definition, or `backwardmode ( ... )`.
    fn item(&mut self) -> Result<()> {
        let kinds = [
            ("strings", Kind::String),
            ("integers", Kind::Integer),
            ("booleans", Kind::Boolean),
            ("routines", Kind::Routine),
            ("externals", Kind::External),
            ("groupings", Kind::Grouping),
        ];
        for (word, kind) in kinds {
            if self.is_word(word) {
                self.at += 1;
                return self.declarations(kind);
            }
        }
        if self.is_word("backwardmode") {
            self.at += 1;
            self.expect_sym("(")?;
            let outer = self.backward;
            self.backward = true;
            while !self.is_sym(")") {
                if self.peek() == &Tok::Eof {
                    return err(self.pos(), format!(") omitted after {}", self.previous()));
                }
                self.item()?;
            }
            self.at += 1;
            self.backward = outer;
            return Ok(());
        }
        if self.is_word("define") {
            self.at += 1;
            return self.definition();
        }
        self.unexpected("")
    }

    fn declarations(&mut self, kind: Kind) -> Result<()> {
        self.expect_sym("(")?;
        loop {
            if self.is_sym(")") {
                self.at += 1;
                return Ok(());
            }
            let (text, pos) = self.plain_name()?;
            if self.names.contains_key(&text) {
                return err(pos, format!("'{text}' re-declared"));
            }
            let index = self.program.names.iter().filter(|n| n.kind == kind).count();
            self.names.insert(text.clone(), self.program.names.len());
            self.program.names.push(Name {
                text,
                kind,
                index,
                pos,
            });
            self.defined.push(false);
        }
    }

    fn definition(&mut self) -> Result<()> {
        let pos = self.pos();
        let name = self.name_of(
            &[Kind::Routine, Kind::External, Kind::Grouping],
            "routine or external or grouping",
        )?;
        if self.defined[name] {
            let text = &self.program.names[name].text;
            return err(pos, format!("'{text}' redefined"));
        }
        self.defined[name] = true;
        if self.program.names[name].kind == Kind::Grouping {
            return self.grouping(name, pos);
        }
        if !self.is_word("as") {
            let text = &self.program.names[name].text;
            return err(pos, format!("'{text}' not of type grouping"));
        }
        self.at += 1;
        self.routine = name;
        let outer = self.backward;
        if self.program.names[name].kind == Kind::External && self.backward {
            return err(pos, "an external cannot be defined in backwardmode");
        }
        let body = self.command()?;
        if let Some((_, pos, _)) = self.pending_substring.take() {
            return err(pos, "substring without a following among");
        }
        self.backward = outer;
        self.program.routines.push(Routine {
            name,
            backward: self.backward,
            body,
            pos,
        });
        Ok(())
    }

    fn grouping(&mut self, name: usize, pos: Pos) -> Result<()> {
        let mut chars = self.grouping_operand(name)?;
        while self.is_sym("+") || self.is_sym("-") {
            let plus = self.is_sym("+");
            self.at += 1;
            let more = self.grouping_operand(name)?;
            if plus {
                chars.extend(more);
            } else {
                chars.retain(|c| !more.contains(c));
            }
        }
        chars.sort_unstable();
        chars.dedup();
        if chars.is_empty() {
            return err(pos, "empty grouping");
        }
        self.program.groupings.push(Grouping { name, chars });
        Ok(())
    }

    fn grouping_operand(&mut self, this: usize) -> Result<Vec<u32>> {
        match self.peek().clone() {
            Tok::Str(bytes) => {
                self.at += 1;
                Ok(String::from_utf8_lossy(&bytes)
                    .chars()
                    .map(u32::from)
                    .collect())
            }
            Tok::Name(n) if self.word(&n).is_none() => {
                let pos = self.pos();
                let index = self.name_of(&[Kind::Grouping], "grouping")?;
                if index == this {
                    return err(pos, format!("{n} defined in terms of itself"));
                }
                match self.program.groupings.iter().find(|g| g.name == index) {
                    Some(g) => Ok(g.chars.clone()),
                    None => err(pos, format!("grouping '{n}' used before it is defined")),
                }
            }
            _ => self.unexpected("grouping definition"),
        }
    }

    /// `C`: one command, with no `or`/`and` after it (those belong to lists).
    fn command(&mut self) -> Result<Cmd> {
        let pos = self.pos();
        let (token, _) = self.next();
        let word = match &token {
            Tok::Name(n) => self.word(n),
            _ => None,
        };
        match (&token, word) {
            (Tok::Sym("("), _) => {
                let mut list = self.list()?;
                Ok(if list.len() == 1 {
                    list.remove(0)
                } else {
                    Cmd::Seq(list)
                })
            }
            (Tok::Str(bytes), _) => Ok(Cmd::Eq(Str::Lit(bytes.clone()))),
            (Tok::Sym("["), _) => Ok(Cmd::LeftSlice),
            (Tok::Sym("]"), _) => Ok(Cmd::RightSlice),
            (Tok::Sym("="), _) => Ok(Cmd::Assign(self.string_operand()?)),
            (Tok::Sym("<+"), _) => Ok(Cmd::Insert(self.string_operand()?)),
            (Tok::Sym("<-"), _) => Ok(Cmd::SliceFrom(self.string_operand()?)),
            (Tok::Sym("->"), _) => Ok(Cmd::SliceTo(self.name_of(&[Kind::String], "string")?)),
            (Tok::Sym("=>"), _) => Ok(Cmd::AssignTo(self.name_of(&[Kind::String], "string")?)),
            (Tok::Sym("$"), _) => self.dollar(),
            (Tok::Sym("?"), _) => Ok(Cmd::True),
            (Tok::Name(_), Some(word)) => self.word_command(word, pos),
            (Tok::Name(_), None) => {
                self.at -= 1;
                let name = self.name_of(
                    &[
                        Kind::String,
                        Kind::Boolean,
                        Kind::Routine,
                        Kind::External,
                        Kind::Grouping,
                    ],
                    "string or boolean or routine or grouping",
                )?;
                self.name_command(name, pos)
            }
            _ => {
                self.at -= 1;
                self.unexpected("")
            }
        }
    }

    /// A command that is a bare name.
    fn name_command(&mut self, name: usize, pos: Pos) -> Result<Cmd> {
        Ok(match self.program.names[name].kind {
            Kind::String => Cmd::Eq(Str::Var(name)),
            Kind::Boolean => Cmd::BoolTest(name),
            Kind::Grouping => {
                self.uses.push(Use {
                    name,
                    pos,
                    backward: self.backward,
                });
                Cmd::Grouping(name, false)
            }
            Kind::Routine | Kind::External => {
                self.uses.push(Use {
                    name,
                    pos,
                    backward: self.backward,
                });
                Cmd::Call(name)
            }
            Kind::Integer => return err(pos, "integer name misplaced"),
        })
    }

    fn boxed(&mut self) -> Result<Box<Cmd>> {
        Ok(Box::new(self.command()?))
    }

    fn word_command(&mut self, word: &str, pos: Pos) -> Result<Cmd> {
        Ok(match word {
            "not" => Cmd::Not(self.boxed()?),
            "try" => Cmd::Try(self.boxed()?),
            "test" => Cmd::Test(self.boxed()?),
            "do" => Cmd::Do(self.boxed()?),
            "fail" => Cmd::Fail(self.boxed()?),
            "goto" => Cmd::Goto(self.boxed()?),
            "gopast" => Cmd::Gopast(self.boxed()?),
            "repeat" => Cmd::Repeat(self.boxed()?),
            "backwards" => {
                if self.backward {
                    return err(pos, "'backwards' used when already in this mode");
                }
                self.backward = true;
                let inner = self.boxed();
                self.backward = false;
                Cmd::Backwards(inner?)
            }
            "reverse" => {
                self.backward = !self.backward;
                let inner = self.boxed();
                self.backward = !self.backward;
                Cmd::Reverse(inner?)
            }
            "loop" => {
                let count = self.ae()?;
                Cmd::Loop(count, self.boxed()?)
            }
            "atleast" => {
                let count = self.ae()?;
                Cmd::Atleast(count, self.boxed()?)
            }
            "hop" => Cmd::Hop(self.ae()?),
            "next" => Cmd::Next,
            "insert" => Cmd::Insert(self.string_operand()?),
            "attach" => Cmd::Attach(self.string_operand()?),
            "delete" => Cmd::Delete,
            "setmark" => {
                Cmd::IntAssign(self.name_of(&[Kind::Integer], "integer")?, "=", Ae::Cursor)
            }
            "tomark" => Cmd::ToMark(self.ae()?),
            "atmark" => Cmd::IntTest(Ae::Cursor, "==", self.ae()?),
            "tolimit" => Cmd::ToLimit,
            "atlimit" => Cmd::IntTest(
                Ae::Cursor,
                if self.backward { "<=" } else { ">=" },
                Ae::Limit,
            ),
            "setlimit" => {
                let limit = self.boxed()?;
                self.expect_word("for")?;
                Cmd::SetLimit(limit, self.boxed()?)
            }
            "set" => Cmd::Set(self.name_of(&[Kind::Boolean], "boolean")?),
            "unset" => Cmd::Unset(self.name_of(&[Kind::Boolean], "boolean")?),
            "true" => Cmd::True,
            "false" => Cmd::False,
            "non" => {
                if self.is_sym("-") {
                    self.at += 1;
                }
                let npos = self.pos();
                let name = self.name_of(&[Kind::Grouping], "grouping")?;
                self.uses.push(Use {
                    name,
                    pos: npos,
                    backward: self.backward,
                });
                Cmd::Grouping(name, true)
            }
            "substring" => {
                if let Some((_, pos, _)) = self.pending_substring {
                    return err(pos, "substring without a following among");
                }
                let number = self.program.amongs.len();
                self.pending_substring = Some((number, pos, self.backward));
                // A placeholder keeps the among numbers in source order.
                self.program.amongs.push(Among {
                    entries: Vec::new(),
                    actions: Vec::new(),
                    backward: self.backward,
                    routine: self.routine,
                    pos,
                });
                Cmd::Substring(number)
            }
            "among" => return self.among(pos),
            _ => {
                self.at -= 1;
                return self.unexpected("");
            }
        })
    }

    /// `( C ... )` after its `(`: the commands, with `or` and `and` chains grouped.
    fn list(&mut self) -> Result<Vec<Cmd>> {
        let mut list = Vec::new();
        loop {
            if self.is_sym(")") {
                self.at += 1;
                return Ok(list);
            }
            if self.peek() == &Tok::Eof {
                return err(self.pos(), format!(") omitted after {}", self.previous()));
            }
            let mut item = self.command()?;
            loop {
                let connective = if self.is_word("or") {
                    "or"
                } else if self.is_word("and") {
                    "and"
                } else {
                    break;
                };
                let mut parts = vec![item];
                while self.is_word(connective) {
                    self.at += 1;
                    parts.push(self.command()?);
                }
                item = if connective == "or" {
                    Cmd::Or(parts)
                } else {
                    Cmd::And(parts)
                };
            }
            list.push(item);
        }
    }

    /// The operand of `=`, `insert`, `<-` and the like.
    fn string_operand(&mut self) -> Result<Str> {
        match self.peek().clone() {
            Tok::Str(bytes) => {
                self.at += 1;
                Ok(Str::Lit(bytes))
            }
            Tok::Name(n) if self.word(&n).is_none() => {
                Ok(Str::Var(self.name_of(&[Kind::String], "string")?))
            }
            _ => err(
                self.pos(),
                format!("string omitted after {}", self.previous()),
            ),
        }
    }

    fn dollar(&mut self) -> Result<Cmd> {
        if self.is_sym("(") {
            self.at += 1;
            let left = self.ae()?;
            let op = self.relation()?;
            let right = self.ae()?;
            self.expect_sym(")")?;
            return Ok(Cmd::IntTest(left, op, right));
        }
        let npos = self.pos();
        let Tok::Name(text) = self.peek().clone() else {
            return self.unexpected("integer test expression");
        };
        if self.word(&text).is_some() {
            return self.unexpected("integer test expression");
        }
        let name = match self.names.get(&text) {
            Some(&name) => name,
            None => return err(npos, format!("'{text}' undeclared")),
        };
        self.at += 1;
        match self.program.names[name].kind {
            Kind::String => {
                let outer = self.backward;
                self.backward = false;
                let inner = self.boxed();
                self.backward = outer;
                Ok(Cmd::Dollar(name, inner?))
            }
            Kind::Integer => {
                let op = match self.peek() {
                    Tok::Sym(op @ ("=" | "+=" | "-=" | "*=" | "/=")) => *op,
                    Tok::Sym(op @ ("==" | "!=" | ">" | ">=" | "<" | "<=")) => {
                        let op = *op;
                        self.at += 1;
                        return Ok(Cmd::IntTest(Ae::Var(name), op, self.ae()?));
                    }
                    _ => return self.unexpected("integer test expression"),
                };
                let op_pos = self.pos();
                self.at += 1;
                let value = self.ae()?;
                if op == "/=" && value == Ae::Num(0) {
                    return err(op_pos, "Division by zero");
                }
                Ok(Cmd::IntAssign(name, op, value))
            }
            _ => err(npos, format!("'{text}' not of type integer or string")),
        }
    }

    fn relation(&mut self) -> Result<&'static str> {
        let pos = self.pos();
        match self.peek() {
            Tok::Sym(op @ ("==" | "!=" | ">" | ">=" | "<" | "<=")) => {
                let op = *op;
                self.at += 1;
                Ok(op)
            }
            Tok::Sym(op @ ("=" | "=>" | "/=")) => {
                let meant = match *op {
                    "=" => "==",
                    "=>" => ">=",
                    _ => "!=",
                };
                err(
                    pos,
                    format!("Expected relational operator, got '{op}' (did you mean '{meant}'?)"),
                )
            }
            Tok::Sym(op @ ("+=" | "-=" | "*=")) => {
                err(pos, format!("Expected relational operator, got '{op}'"))
            }
            _ => self.unexpected("integer test expression"),
        }
    }

    /// An arithmetic expression: terms joined by `+` and `-`.
    fn ae(&mut self) -> Result<Ae> {
        let mut left = self.term()?;
        while self.is_sym("+") || self.is_sym("-") {
            let op = if self.is_sym("+") { b'+' } else { b'-' };
            self.at += 1;
            left = Ae::Bin(Box::new(left), op, Box::new(self.term()?));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Ae> {
        let mut left = self.factor()?;
        while self.is_sym("*") || self.is_sym("/") {
            let op = if self.is_sym("*") { b'*' } else { b'/' };
            let pos = self.pos();
            self.at += 1;
            let right = self.factor()?;
            if op == b'/' && right == Ae::Num(0) {
                return err(pos, "Division by zero");
            }
            left = Ae::Bin(Box::new(left), op, Box::new(right));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Ae> {
        let (token, pos) = self.next();
        match &token {
            Tok::Sym("(") => {
                let inner = self.ae()?;
                self.expect_sym(")")?;
                Ok(inner)
            }
            Tok::Sym("-") => Ok(Ae::Neg(Box::new(self.factor()?))),
            Tok::Number(n) => Ok(Ae::Num(*n)),
            Tok::Name(n) => match self.word(n) {
                Some("maxint") => Ok(Ae::MaxInt),
                Some("minint") => Ok(Ae::MinInt),
                Some("cursor") => Ok(Ae::Cursor),
                Some("limit") => Ok(Ae::Limit),
                Some("size") => Ok(Ae::Size),
                Some("len") => Ok(Ae::Len),
                Some("sizeof") => Ok(Ae::SizeOf(self.string_operand()?)),
                Some("lenof") => Ok(Ae::LenOf(self.string_operand()?)),
                Some(_) => {
                    self.at -= 1;
                    self.unexpected("integer expression")
                }
                None => {
                    self.at -= 1;
                    let name = self.name_of(&[Kind::Integer], "integer")?;
                    let _ = pos;
                    Ok(Ae::Var(name))
                }
            },
            _ => {
                self.at -= 1;
                self.unexpected("integer expression")
            }
        }
    }

    /// `among ( ... )` after `among`.
    fn among(&mut self, pos: Pos) -> Result<Cmd> {
        let (number, has_substring) = match self.pending_substring.take() {
            Some((number, _, backward)) => {
                self.program.amongs[number].backward = backward;
                (number, true)
            }
            None => {
                let number = self.program.amongs.len();
                self.program.amongs.push(Among {
                    entries: Vec::new(),
                    actions: Vec::new(),
                    backward: self.backward,
                    routine: self.routine,
                    pos,
                });
                (number, false)
            }
        };
        self.expect_sym("(")?;
        let search_backward = self.program.amongs[number].backward;
        let mut entries = Vec::new();
        let mut actions = Vec::new();
        let mut starter = None;
        let mut waiting = 0;
        loop {
            match self.peek().clone() {
                Tok::Sym(")") => {
                    self.at += 1;
                    break;
                }
                Tok::Str(text) => {
                    self.at += 1;
                    let func = match self.peek().clone() {
                        Tok::Name(n) if self.word(&n).is_none() => {
                            let fpos = self.pos();
                            let f = self.name_of(&[Kind::Routine, Kind::External], "routine")?;
                            self.uses.push(Use {
                                name: f,
                                pos: fpos,
                                backward: search_backward,
                            });
                            Some(f)
                        }
                        _ => None,
                    };
                    entries.push(Entry {
                        text,
                        func,
                        result: 0,
                    });
                    waiting += 1;
                }
                Tok::Sym("(") => {
                    self.at += 1;
                    let list = self.list()?;
                    let action = if list.len() == 1 {
                        list.into_iter().next().unwrap_or(Cmd::True)
                    } else {
                        Cmd::Seq(list)
                    };
                    if entries.is_empty() && actions.is_empty() && starter.is_none() {
                        starter = Some(action);
                        continue;
                    }
                    if waiting == 0 {
                        return err(
                            self.pos(),
                            "two adjacent bracketed expressions in among(...)",
                        );
                    }
                    actions.push(action);
                    let result = actions.len();
                    let n = entries.len();
                    for entry in &mut entries[n - waiting..] {
                        entry.result = result;
                    }
                    waiting = 0;
                }
                Tok::Eof => return err(self.pos(), format!(") omitted after {}", self.previous())),
                _ => return self.unexpected("among(...)"),
            }
        }
        if entries.is_empty() {
            return err(pos, "empty among(...)");
        }
        if waiting > 0 {
            actions.push(Cmd::True);
            let result = actions.len();
            let n = entries.len();
            for entry in &mut entries[n - waiting..] {
                entry.result = result;
            }
        }
        let among = &mut self.program.amongs[number];
        among.entries = entries;
        among.actions = actions;
        among.pos = pos;
        let search = if has_substring {
            None
        } else {
            Some(Cmd::Substring(number))
        };
        let parts: Vec<Cmd> = search
            .into_iter()
            .chain(starter)
            .chain([Cmd::Among(number)])
            .collect();
        Ok(if parts.len() == 1 {
            Cmd::Among(number)
        } else {
            Cmd::Seq(parts)
        })
    }

    /// Checks that need every definition: each used routine and grouping is defined, and each
    /// routine is called in the direction it was defined for.
    fn finish(self) -> Result<Program> {
        for u in &self.uses {
            let name = &self.program.names[u.name];
            let routine = self.program.routines.iter().find(|r| r.name == u.name);
            match name.kind {
                Kind::Grouping if !self.defined[u.name] => {
                    return err(
                        u.pos,
                        format!("grouping '{}' declared but not defined", name.text),
                    );
                }
                Kind::Routine | Kind::External => {
                    let Some(routine) = routine else {
                        return err(
                            u.pos,
                            format!("routine '{}' declared but not defined", name.text),
                        );
                    };
                    if routine.backward != u.backward {
                        let mode = if u.backward { "backward" } else { "forward" };
                        return err(
                            u.pos,
                            format!("routine '{}' mis-used in string {mode} mode", name.text),
                        );
                    }
                }
                _ => {}
            }
        }
        Ok(self.program)
    }
}
