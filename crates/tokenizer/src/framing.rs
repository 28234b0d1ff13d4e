//! Framing: what stands around text in a byte stream (a byte-order mark, line ends, UTF-8
//! decoding, whole or in pieces) and the one [`Position`] that names where a fault is.
//!
//! Every reader of the workspace frames its input here: documents, word lists, CSV and
//! JSON Lines chunks, `verify`. So a byte-order mark, a `\r\n` or an invalid byte mean the same
//! everywhere, and every fault is named by the same line and byte.
//!
//! ```
//! use stemkit_tokenizer::framing::{self, Position};
//!
//! let bytes = b"\xEF\xBB\xBFTitle\r\nbody \xFF";
//! let text = framing::strip_bom(bytes);
//! assert_eq!(text, b"Title\r\nbody \xFF");
//! let error = framing::decode(bytes, false).unwrap_err();
//! assert_eq!(error.position, Position { line: 2, byte: 15 });
//! assert_eq!(error.to_string(), "line 2: invalid UTF-8 at byte 15");
//! assert_eq!(framing::decode(bytes, true).unwrap(), "\u{feff}Title\r\nbody \u{fffd}");
//! ```

use std::borrow::Cow;

/// The UTF-8 byte-order mark. At the very start of an input it is dropped; anywhere else it
/// is text (U+FEFF).
pub const BOM: &str = "\u{feff}";

/// `bytes` without a byte-order mark at its start. Call it on the start of an input only.
///
/// ```
/// use stemkit_tokenizer::framing::strip_bom;
///
/// assert_eq!(strip_bom(b"\xEF\xBB\xBFword"), b"word");
/// assert_eq!(strip_bom(b"word"), b"word");
/// ```
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes)
}

/// `line` without the `\r` of a `\r\n` line end (the `\n` already gone). A lone `\r`
/// elsewhere is no line end and stays.
///
/// ```
/// use stemkit_tokenizer::framing::strip_cr;
///
/// assert_eq!(strip_cr("title\r"), "title");
/// assert_eq!(strip_cr("a\rb"), "a\rb");
/// ```
pub fn strip_cr(line: &str) -> &str {
    line.strip_suffix('\r').unwrap_or(line)
}

/// `line` without its line end, `\n` or `\r\n`, if it has one.
///
/// ```
/// use stemkit_tokenizer::framing::strip_line_end;
///
/// assert_eq!(strip_line_end(b"word\r\n"), b"word");
/// assert_eq!(strip_line_end(b"word\n"), b"word");
/// assert_eq!(strip_line_end(b"word"), b"word");
/// ```
pub fn strip_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The `\n` bytes in `bytes`. Summed in byte-wide counters over short runs, which vectorizes
/// (counting through `filter` costs a few instructions a byte).
///
/// ```
/// assert_eq!(stemkit_tokenizer::framing::count_newlines(b"a\nb\r\n"), 2);
/// ```
pub fn count_newlines(bytes: &[u8]) -> u64 {
    bytes
        .chunks(255)
        .map(|run| {
            let count = run.iter().fold(0_u8, |n, &b| n + u8::from(b == b'\n'));
            u64::from(count)
        })
        .sum()
}

/// The length of the start of a character at the end of `bytes` that more bytes could
/// complete: 0 to 3. Cutting there splits no character, and no run of invalid bytes either, so
/// invalid UTF-8 is replaced (or located) in pieces exactly as in the whole input.
///
/// ```
/// use stemkit_tokenizer::framing::incomplete_suffix;
///
/// assert_eq!(incomplete_suffix("né".as_bytes()), 0);
/// assert_eq!(incomplete_suffix(b"n\xC3"), 1);
/// assert_eq!(incomplete_suffix(b"\xE2\x82"), 2);
/// // Not the start of any character: invalid, whatever follows.
/// assert_eq!(incomplete_suffix(b"\xE0\x80"), 0);
/// ```
pub fn incomplete_suffix(bytes: &[u8]) -> usize {
    let tail = &bytes[bytes.len().saturating_sub(3)..];
    // A continuation byte never starts a decoding: the last byte that is none starts the only
    // sequence that can still be incomplete.
    let Some(lead) = tail.iter().rposition(|&byte| byte & 0xC0 != 0x80) else {
        return 0;
    };
    match std::str::from_utf8(&tail[lead..]) {
        Err(error) if error.error_len().is_none() => tail.len() - lead - error.valid_up_to(),
        _ => 0,
    }
}

/// A place in an input: the 1-based line and the 0-based byte offset from the input's start.
///
/// A reader that frames an input in parts (blocks, chunks, records) finds positions within a
/// part and puts them in the input with [`Position::after`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Position {
    /// The 1-based line.
    pub line: u64,
    /// The 0-based byte offset.
    pub byte: u64,
}

impl Default for Position {
    fn default() -> Self {
        Position::START
    }
}

impl Position {
    /// The first byte of an input.
    pub const START: Position = Position { line: 1, byte: 0 };

    /// The position just after `bytes`, the start of an input.
    ///
    /// ```
    /// use stemkit_tokenizer::framing::Position;
    ///
    /// assert_eq!(Position::after_bytes(b"ab\ncd"), Position { line: 2, byte: 5 });
    /// ```
    pub fn after_bytes(bytes: &[u8]) -> Position {
        Position {
            line: 1 + count_newlines(bytes),
            byte: bytes.len() as u64,
        }
    }

    /// This position, found within a part of an input, in the whole input: the part starts
    /// after `lines` complete lines and `bytes` bytes.
    ///
    /// ```
    /// use stemkit_tokenizer::framing::Position;
    ///
    /// let in_block = Position { line: 2, byte: 7 };
    /// assert_eq!(in_block.after(10, 100), Position { line: 12, byte: 107 });
    /// ```
    pub fn after(self, lines: u64, bytes: u64) -> Position {
        Position {
            line: lines + self.line,
            byte: bytes + self.byte,
        }
    }

    /// Moves past `text`, already decoded.
    fn advance_over(&mut self, text: &str) {
        self.byte += text.len() as u64;
        self.line += count_newlines(text.as_bytes());
    }
}

/// Bytes that are not UTF-8, and where the first bad one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {}: invalid UTF-8 at byte {}", .position.line, .position.byte)]
pub struct InvalidUtf8 {
    /// Where the first invalid byte is.
    pub position: Position,
}

/// Decodes a whole input as UTF-8. Invalid bytes are an error at the first of them, or with
/// `lossy` are each replaced as [`String::from_utf8_lossy`] (and Python's `errors="replace"`)
/// replaces them. A leading byte-order mark is kept: see [`strip_bom`].
///
/// ```
/// use stemkit_tokenizer::framing::{Position, decode};
///
/// assert_eq!(decode(b"ok\n", false).unwrap(), "ok\n");
/// assert_eq!(decode(b"a\n\xFFb", false).unwrap_err().position, Position { line: 2, byte: 2 });
/// assert_eq!(decode(b"a\xFFb", true).unwrap(), "a\u{fffd}b");
/// ```
pub fn decode(bytes: &[u8], lossy: bool) -> Result<Cow<'_, str>, InvalidUtf8> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(error) => Err(InvalidUtf8 {
            position: Position::after_bytes(&bytes[..error.valid_up_to()]),
        }),
    }
}

/// Decodes a byte stream read in arbitrary pieces, as [`decode`] decodes the whole, and keeps
/// the position reached.
///
/// ```
/// use stemkit_tokenizer::framing::{Position, Utf8Decoder};
///
/// let mut decoder = Utf8Decoder::default();
/// let mut text = String::new();
/// // A read that ends inside `é`: its first byte waits for the next read.
/// assert_eq!(decoder.decode(b"caf\xC3", false, false, &mut text), Ok(1));
/// assert_eq!(decoder.decode(b"\xC3\xA9\n\xFF", true, false, &mut text).unwrap_err().position,
///            Position { line: 2, byte: 6 });
/// assert_eq!(text, "café\n");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Utf8Decoder {
    /// Where the next byte to decode is.
    position: Position,
}

impl Utf8Decoder {
    /// Where the next byte to decode is.
    pub fn position(&self) -> Position {
        self.position
    }

    /// Decodes `bytes` (the input from [`Self::position`] on) and appends the text to `out`.
    ///
    /// Returns how many trailing bytes were left undecoded because they begin a character that
    /// the next read may complete; the caller puts them in front of that read. At end of input
    /// (`at_eof`) nothing is left: a truncated character is invalid like any other bad
    /// sequence. Invalid sequences are an error, or with `lossy` each becomes one U+FFFD as
    /// [`decode`] of the whole input makes them.
    pub fn decode(
        &mut self,
        bytes: &[u8],
        at_eof: bool,
        lossy: bool,
        out: &mut String,
    ) -> Result<usize, InvalidUtf8> {
        // Most input is valid, and checking a whole chunk at once is fastest. A chunk often
        // ends inside a character: leave those bytes for the next read, so valid input is
        // validated once, at full speed.
        let complete = if at_eof {
            bytes.len()
        } else {
            bytes.len() - incomplete_suffix(bytes)
        };
        if let Ok(text) = std::str::from_utf8(&bytes[..complete]) {
            out.push_str(text);
            self.position.advance_over(text);
            return Ok(bytes.len() - complete);
        }
        self.decode_invalid(bytes, at_eof, lossy, out)
    }

    /// Decodes `bytes`, which hold an invalid sequence, as [`Self::decode`] does.
    fn decode_invalid(
        &mut self,
        bytes: &[u8],
        at_eof: bool,
        lossy: bool,
        out: &mut String,
    ) -> Result<usize, InvalidUtf8> {
        let mut decoded = 0;
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            out.push_str(valid);
            self.position.advance_over(valid);
            let invalid = chunk.invalid();
            decoded += valid.len() + invalid.len();
            if invalid.is_empty() {
                continue;
            }
            if !at_eof && decoded == bytes.len() && is_truncated(invalid) {
                return Ok(invalid.len());
            }
            if !lossy {
                return Err(InvalidUtf8 {
                    position: self.position,
                });
            }
            out.push(char::REPLACEMENT_CHARACTER);
            self.position.byte += invalid.len() as u64;
        }
        Ok(0)
    }
}

/// Whether `invalid` is the start of a character cut short, not a bad sequence.
fn is_truncated(invalid: &[u8]) -> bool {
    matches!(std::str::from_utf8(invalid), Err(error) if error.error_len().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<&[u8]> = vec![
            b"a",
            b"\n",
            b"\r\n",
            "é".as_bytes(),
            "€".as_bytes(),
            "𝄞".as_bytes(),
            b"\xFF",
            b"\xC3",
            b"\xE2\x82",
            b"\xF0\x9D\x84",
            b"\xE0\x80",
            b"\xEF\xBB\xBF",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        /// Decoding in reads of any sizes gives what decoding the whole does: the same text,
        /// or the same fault.
        #[test]
        fn decoding_in_pieces_is_decoding_the_whole(
            input in bytes(),
            sizes in prop::collection::vec(1usize..6, 1..10),
            lossy: bool,
        ) {
            let whole = decode(&input, lossy).map(Cow::into_owned);
            let mut decoder = Utf8Decoder::default();
            let (mut text, mut carried) = (String::new(), Vec::new());
            let mut rest = input.as_slice();
            let mut sizes = sizes.into_iter().cycle();
            let pieced = loop {
                let size = sizes.next().unwrap_or(1).min(rest.len());
                carried.extend_from_slice(&rest[..size]);
                rest = &rest[size..];
                let at_eof = rest.is_empty();
                match decoder.decode(&carried, at_eof, lossy, &mut text) {
                    Err(error) => break Err(error),
                    Ok(left) => carried.drain(..carried.len() - left),
                };
                if at_eof {
                    break Ok(text);
                }
            };
            prop_assert_eq!(pieced, whole);
        }
    }
}
