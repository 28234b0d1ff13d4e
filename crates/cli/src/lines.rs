//! Line-oriented input (word lists, JSON Lines): lines without their `\n` or `\r\n`, a leading
//! byte-order mark dropped, UTF-8 checked with the exact line and byte of any fault.

use std::io::{self, BufRead};

/// Why a line could not be read.
#[derive(Debug)]
pub(crate) enum LineError {
    /// Invalid UTF-8 on 1-based `line`, at 0-based `byte` from the start of the input.
    InvalidUtf8 { line: u64, byte: u64 },
    /// The reader failed.
    Io(io::Error),
}

impl From<io::Error> for LineError {
    fn from(error: io::Error) -> Self {
        LineError::Io(error)
    }
}

impl LineError {
    /// This error as a message naming input `name`.
    pub(crate) fn named(self, name: &str) -> anyhow::Error {
        match self {
            LineError::InvalidUtf8 { line, byte } => crate::errors::invalid_utf8(name, line, byte),
            LineError::Io(error) => crate::errors::read_failed(name, error),
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads lines into one reused buffer: no allocation per line once it has grown.
pub(crate) struct Lines<R> {
    reader: R,
    raw: Vec<u8>,
    replaced: String,
    lossy: bool,
    /// Lines read so far: the number of the line last returned.
    number: u64,
    /// Offset of the next line's first byte in the input.
    offset: u64,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`; with `lossy`, invalid UTF-8 becomes U+FFFD instead of an error.
    pub(crate) fn new(reader: R, lossy: bool) -> Self {
        Lines {
            reader,
            raw: Vec::new(),
            replaced: String::new(),
            lossy,
            number: 0,
            offset: 0,
        }
    }

    /// The 1-based number of the line last returned.
    pub(crate) fn number(&self) -> u64 {
        self.number
    }

    /// The next line without its terminator, or `None` at the end of the input. A last line
    /// without `\n` is still a line; an empty input has none.
    pub(crate) fn next_line(&mut self) -> Result<Option<&str>, LineError> {
        self.raw.clear();
        let read = self.reader.read_until(b'\n', &mut self.raw)?;
        if read == 0 {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += read as u64;
        self.number += 1;

        let mut content = self.raw.as_slice();
        if let Some(line) = content.strip_suffix(b"\n") {
            content = line.strip_suffix(b"\r").unwrap_or(line);
        }
        let mut skipped = 0;
        if self.number == 1 {
            if let Some(rest) = content.strip_prefix(BOM) {
                content = rest;
                skipped = BOM.len() as u64;
            }
        }
        match std::str::from_utf8(content) {
            Ok(text) => Ok(Some(text)),
            Err(_) if self.lossy => {
                self.replaced.clear();
                self.replaced.push_str(&String::from_utf8_lossy(content));
                Ok(Some(&self.replaced))
            }
            Err(error) => Err(LineError::InvalidUtf8 {
                line: self.number,
                byte: start + skipped + error.valid_up_to() as u64,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], lossy: bool) -> Result<Vec<String>, String> {
        let mut lines = Lines::new(input, lossy);
        let mut out = Vec::new();
        loop {
            match lines.next_line() {
                Ok(Some(line)) => out.push(line.to_owned()),
                Ok(None) => return Ok(out),
                Err(LineError::InvalidUtf8 { line, byte }) => return Err(format!("{line}:{byte}")),
                Err(LineError::Io(error)) => return Err(error.to_string()),
            }
        }
    }

    #[test]
    fn terminators_bom_and_last_line() {
        assert_eq!(lines(b"", false), Ok(vec![]));
        assert_eq!(lines(b"\n", false), Ok(vec![String::new()]));
        assert_eq!(
            lines(b"\xEF\xBB\xBFa\r\n\nb c ", false),
            Ok(vec!["a".into(), "".into(), "b c ".into()])
        );
        // A BOM later than the first byte is content.
        assert_eq!(
            lines(b"a\n\xEF\xBB\xBFb", false),
            Ok(vec!["a".into(), "\u{feff}b".into()])
        );
    }

    #[test]
    fn invalid_utf8_is_located_in_the_input() {
        assert_eq!(lines(b"ab\ncd\xFFe\n", false), Err("2:5".into()));
        assert_eq!(lines(b"\xEF\xBB\xBF\xC3", false), Err("1:3".into()));
        assert_eq!(lines(b"a\xFFb", true), Ok(vec!["a\u{fffd}b".into()]));
    }
}
