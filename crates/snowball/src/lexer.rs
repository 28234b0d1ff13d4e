//! The tokeniser: Snowball source text to tokens, applying `stringescapes`, `stringdef` and
//! comments as it goes (they are directives of the token stream, not of the grammar).

use std::collections::HashMap;

use crate::error::{Pos, Result, err};

/// One token of a Snowball program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A name or a reserved word; the parser tells them apart (`len` and `lenof` are words
    /// only while no name of that spelling is declared).
    Name(String),
    /// A decimal integer literal.
    Number(i64),
    /// A literal string after escapes, as UTF-8 bytes.
    Str(Vec<u8>),
    /// A symbol such as `<-` or `(`.
    Sym(&'static str),
    /// The end of the source.
    Eof,
}

impl Tok {
    /// How the token reads in an error message, as Snowball's compiler words it.
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::Name(name) => name.clone(),
            Tok::Number(n) => format!("number {n}"),
            Tok::Str(_) => "literal".to_owned(),
            Tok::Sym(s) => (*s).to_owned(),
            Tok::Eof => "end of text".to_owned(),
        }
    }
}

/// Symbols, longest first so that the first prefix that matches is the longest.
const SYMBOLS: [&str; 25] = [
    "!=", "*=", "+=", "-=", "->", "/=", "<+", "<-", "<=", "==", "=>", ">=", "$", "(", ")", "*",
    "+", "-", "/", "<", "=", ">", "?", "[", "]",
];

/// A token and where it starts.
pub(crate) type Spanned = (Tok, Pos);

/// Splits `source` into tokens, ending with [`Tok::Eof`].
pub(crate) fn tokenise(source: &str) -> Result<Vec<Spanned>> {
    let mut lexer = Lexer {
        src: source.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
        escapes: None,
        macros: HashMap::new(),
    };
    let mut tokens = Vec::new();
    loop {
        let token = lexer.token()?;
        let end = token.0 == Tok::Eof;
        if let Some(token) = token_or_directive(&mut lexer, token)? {
            tokens.push(token);
        }
        if end {
            return Ok(tokens);
        }
    }
}

/// Applies `stringescapes` and `stringdef` (returning `None`); passes other tokens through.
fn token_or_directive(lexer: &mut Lexer<'_>, token: Spanned) -> Result<Option<Spanned>> {
    let Tok::Name(name) = &token.0 else {
        return Ok(Some(token));
    };
    match name.as_str() {
        "stringescapes" => {
            let open = lexer.printing_char("stringescapes")?;
            if open == b'\'' {
                return err(lexer.pos(), "first stringescape cannot be '");
            }
            let close = lexer.printing_char("stringescapes")?;
            lexer.escapes = Some((open, close));
            Ok(None)
        }
        "stringdef" => {
            lexer.skip_space();
            let start = lexer.at;
            while lexer.at < lexer.src.len() && !lexer.src[lexer.at].is_ascii_whitespace() {
                lexer.at += 1;
            }
            if start == lexer.at {
                return err(lexer.pos(), "stringdef name omitted");
            }
            let key = lexer.src[start..lexer.at].to_vec();
            let (value, pos) = lexer.token()?;
            let value = match value {
                Tok::Str(bytes) => bytes,
                Tok::Name(base) if base == "hex" || base == "decimal" => {
                    let (digits, pos) = lexer.token()?;
                    let Tok::Str(digits) = digits else {
                        return err(pos, "string omitted after stringdef");
                    };
                    numeric_string(&digits, if base == "hex" { 16 } else { 10 }, pos)?
                }
                _ => return err(pos, "string omitted after stringdef"),
            };
            lexer.macros.insert(key, value);
            Ok(None)
        }
        "get" => err(token.1, "`get` is not supported"),
        _ => Ok(Some(token)),
    }
}

/// The characters a `hex '...'` or `decimal '...'` string lists, as UTF-8.
fn numeric_string(digits: &[u8], base: u32, pos: Pos) -> Result<Vec<u8>> {
    let text = String::from_utf8_lossy(digits);
    let mut out = String::new();
    for number in text.split(' ').filter(|n| !n.is_empty()) {
        let value = u32::from_str_radix(number, base).ok();
        match value.and_then(char::from_u32) {
            Some(ch) if u32::from(ch) <= 0xffff => out.push(ch),
            _ => {
                return err(
                    pos,
                    format!("bad character value `{number}` in base {base}"),
                );
            }
        }
    }
    Ok(out.into_bytes())
}

struct Lexer<'a> {
    src: &'a [u8],
    at: usize,
    line: u32,
    line_start: usize,
    escapes: Option<(u8, u8)>,
    macros: HashMap<Vec<u8>, Vec<u8>>,
}

impl Lexer<'_> {
    fn pos(&self) -> Pos {
        let column = String::from_utf8_lossy(&self.src[self.line_start..self.at])
            .chars()
            .count();
        Pos {
            line: self.line,
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = *self.src.get(self.at)?;
        self.at += 1;
        if byte == b'\n' {
            self.line += 1;
            self.line_start = self.at;
        }
        Some(byte)
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.at + ahead).copied()
    }

    fn skip_space(&mut self) {
        while self.peek(0).is_some_and(|b| b.is_ascii_whitespace()) {
            self.bump();
        }
    }

    /// Skips whitespace and comments.
    fn skip_filler(&mut self) -> Result<()> {
        loop {
            self.skip_space();
            match (self.peek(0), self.peek(1)) {
                (Some(b'/'), Some(b'/')) => {
                    while self.peek(0).is_some_and(|b| b != b'\n') {
                        self.bump();
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let pos = self.pos();
                    self.at += 2;
                    loop {
                        match self.bump() {
                            None => return err(pos, "/* comment not terminated"),
                            Some(b'*') if self.peek(0) == Some(b'/') => {
                                self.bump();
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn printing_char(&mut self, directive: &str) -> Result<u8> {
        self.skip_space();
        match self.bump() {
            Some(byte) => Ok(byte),
            None => err(
                self.pos(),
                format!("unexpected end of text after {directive}"),
            ),
        }
    }

    fn token(&mut self) -> Result<Spanned> {
        self.skip_filler()?;
        let pos = self.pos();
        let Some(byte) = self.peek(0) else {
            return Ok((Tok::Eof, pos));
        };
        if byte.is_ascii_alphabetic() {
            let start = self.at;
            while self
                .peek(0)
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                self.at += 1;
            }
            let name = String::from_utf8_lossy(&self.src[start..self.at]).into_owned();
            return Ok((Tok::Name(name), pos));
        }
        if byte.is_ascii_digit() {
            let mut value: i64 = 0;
            while let Some(digit) = self.peek(0).filter(u8::is_ascii_digit) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(i64::from(digit - b'0'));
                self.at += 1;
            }
            return Ok((Tok::Number(value), pos));
        }
        if byte == b'\'' {
            self.at += 1;
            return Ok((Tok::Str(self.literal(pos)?), pos));
        }
        for symbol in SYMBOLS {
            if self.src[self.at..].starts_with(symbol.as_bytes()) {
                self.at += symbol.len();
                return Ok((Tok::Sym(symbol), pos));
            }
        }
        let ch = String::from_utf8_lossy(&self.src[self.at..]).chars().next();
        err(pos, format!("'{}' unknown", ch.unwrap_or('?')))
    }

    /// The rest of a literal string after its opening quote, with insert sequences applied.
    fn literal(&mut self, pos: Pos) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            let byte = match self.bump() {
                None | Some(b'\n') => return err(pos, "string literal not terminated"),
                Some(byte) => byte,
            };
            if byte == b'\'' {
                return Ok(out);
            }
            match self.escapes {
                Some((open, close)) if byte == open => {
                    self.insert_sequence(close, pos, &mut out)?
                }
                _ => out.push(byte),
            }
        }
    }

    /// The text of `{...}` (after the opening insert character) appended to `out`.
    fn insert_sequence(&mut self, close: u8, pos: Pos, out: &mut Vec<u8>) -> Result<()> {
        let start = self.at;
        let mut newlines = false;
        let mut all_white = true;
        loop {
            match self.peek(0) {
                None => return err(pos, "string literal not terminated"),
                Some(b'\n') if !all_white => return err(pos, "string literal not terminated"),
                Some(b'\n') => newlines = true,
                Some(b) if b == close => break,
                Some(b) if !b.is_ascii_whitespace() => all_white = false,
                Some(_) => {}
            }
            self.bump();
        }
        let key = self.src[start..self.at].to_vec();
        self.bump();
        if newlines {
            return Ok(());
        }
        if let Some(value) = self.macros.get(&key) {
            out.extend_from_slice(value);
        } else if key.len() == 1 && (key[0] == b'\'' || Some(key[0]) == self.escapes.map(|e| e.0)) {
            out.push(key[0]);
        } else if let Some(hex) = key.strip_prefix(b"U+").filter(|h| !h.is_empty()) {
            let text = String::from_utf8_lossy(hex);
            let ch = u32::from_str_radix(&text, 16).ok().and_then(char::from_u32);
            let Some(ch) = ch else {
                return err(pos, "Bad hex digit following U+");
            };
            let mut buf = [0; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        } else {
            let name = String::from_utf8_lossy(&key);
            return err(pos, format!("string macro '{name}' undeclared"));
        }
        Ok(())
    }
}
