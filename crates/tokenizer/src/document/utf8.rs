//! Incremental UTF-8 decoding of a byte stream read in arbitrary pieces.

use crate::pipeline::PipelineError;

/// Where the decoder stands in the input, for naming the place of an invalid byte.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Position {
    /// 0-based offset in the input of the next byte to decode.
    pub(crate) byte: u64,
    /// 1-based line of that byte.
    pub(crate) line: u64,
}

impl Default for Position {
    fn default() -> Self {
        Position { byte: 0, line: 1 }
    }
}

impl Position {
    /// Moves past `text`, already decoded.
    fn advance_over(&mut self, text: &str) {
        self.byte += text.len() as u64;
        self.line += count_newlines(text.as_bytes());
    }
}

/// The `\n` bytes in `bytes`. Summed in byte-wide counters over short runs, which vectorizes
/// (counting through `filter` costs a few instructions a byte).
pub(crate) fn count_newlines(bytes: &[u8]) -> u64 {
    bytes
        .chunks(255)
        .map(|run| {
            let count = run.iter().fold(0_u8, |n, &b| n + u8::from(b == b'\n'));
            u64::from(count)
        })
        .sum()
}

/// Decodes `bytes` (the input from `position` on) and appends the text to `out`.
///
/// Returns how many trailing bytes were left undecoded because they begin a character that the
/// next read may complete; the caller puts them in front of that read. At end of input
/// (`at_eof`) nothing is left: a truncated character is invalid like any other bad sequence.
/// Invalid sequences are an error, or with `lossy` each becomes one U+FFFD exactly as
/// [`String::from_utf8_lossy`] (and Python's `errors="replace"`) would decode the whole input.
pub(crate) fn decode_chunk(
    bytes: &[u8],
    at_eof: bool,
    lossy: bool,
    position: &mut Position,
    out: &mut String,
) -> Result<usize, PipelineError> {
    // Most input is valid, and checking a whole chunk at once is fastest. A chunk often ends
    // inside a character: leave those bytes for the next read, so valid input is validated
    // once, at full speed.
    let complete = if at_eof {
        bytes.len()
    } else {
        complete_prefix(bytes)
    };
    if let Ok(text) = std::str::from_utf8(&bytes[..complete]) {
        out.push_str(text);
        position.advance_over(text);
        return Ok(bytes.len() - complete);
    }
    decode_invalid(bytes, at_eof, lossy, position, out)
}

/// The length of `bytes` without a last character that begins but does not end in it.
fn complete_prefix(bytes: &[u8]) -> usize {
    let is_continuation = |b: u8| b & 0xc0 == 0x80;
    let tail = bytes
        .iter()
        .rev()
        .take(4)
        .take_while(|&&b| is_continuation(b))
        .count();
    let Some(start) = bytes.len().checked_sub(tail + 1) else {
        return bytes.len();
    };
    let needed = match bytes[start] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    };
    if needed > tail + 1 {
        start
    } else {
        bytes.len()
    }
}

/// Decodes `bytes`, which hold an invalid sequence, as [`decode_chunk`] does.
fn decode_invalid(
    bytes: &[u8],
    at_eof: bool,
    lossy: bool,
    position: &mut Position,
    out: &mut String,
) -> Result<usize, PipelineError> {
    let mut decoded = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        out.push_str(valid);
        position.advance_over(valid);
        let invalid = chunk.invalid();
        decoded += valid.len() + invalid.len();
        if invalid.is_empty() {
            continue;
        }
        if !at_eof && decoded == bytes.len() && is_truncated(invalid) {
            return Ok(invalid.len());
        }
        if !lossy {
            return Err(PipelineError::InvalidUtf8 {
                line: position.line,
                byte: position.byte,
            });
        }
        out.push(char::REPLACEMENT_CHARACTER);
        position.byte += invalid.len() as u64;
    }
    Ok(0)
}

/// Whether `invalid` is the start of a character cut short, not a bad sequence.
fn is_truncated(invalid: &[u8]) -> bool {
    matches!(std::str::from_utf8(invalid), Err(error) if error.error_len().is_none())
}
