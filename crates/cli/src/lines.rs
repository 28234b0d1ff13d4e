//! Line-oriented input (word lists, JSON Lines): lines without their `\n` or `\r\n`, a leading
//! byte-order mark dropped, UTF-8 checked with the exact line and byte of any fault.
//!
//! [`BlockReader`] with [`for_each_line`]: big blocks of whole lines that any thread can split
//! into lines on its own (a fault is then located within the block, and the caller adds the
//! lines and bytes of the blocks before it).

use std::io::{self, Read};
use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

// Blocks of whole lines.

/// Bytes read at a time: few system calls, and blocks big enough to share out among threads.
pub(crate) const BLOCK: usize = 1 << 20;

/// Cuts a reader into blocks of whole lines.
pub(crate) struct BlockReader<R> {
    reader: R,
    /// The start of a line read past the end of the last block.
    carry: Vec<u8>,
    done: bool,
}

impl<R: Read> BlockReader<R> {
    pub(crate) fn new(reader: R) -> Self {
        BlockReader {
            reader,
            carry: Vec::new(),
            done: false,
        }
    }

    /// Fills `block` with the next whole lines (its old contents are overwritten): about
    /// [`BLOCK`] bytes, more when a line is longer. Returns `false`, with `block` empty, at the
    /// end of the input.
    pub(crate) fn next_block(&mut self, block: &mut Vec<u8>) -> io::Result<bool> {
        // Reads go into bytes the buffer already has from its last use, not through
        // `read_to_end`, which zeroes the spare capacity again for every read of a reader without
        // `read_buf` (a few instructions per input byte). Only growth past the longest block so
        // far is zeroed.
        let carried = self.carry.len();
        if block.len() < carried {
            block.resize(carried, 0);
        }
        block[..carried].copy_from_slice(&self.carry);
        self.carry.clear();
        let mut filled = carried;
        while !self.done {
            let scanned = filled;
            let end = scanned + BLOCK;
            if block.len() < end {
                block.resize(end, 0);
            }
            filled += self.fill(&mut block[scanned..end])?;
            if filled == scanned {
                self.done = true;
                break;
            }
            if let Some(last) = memchr::memrchr(b'\n', &block[scanned..filled]) {
                self.carry
                    .extend_from_slice(&block[scanned + last + 1..filled]);
                filled = scanned + last + 1;
                break;
            }
        }
        block.truncate(filled);
        Ok(!block.is_empty())
    }

    /// Reads into `buffer` until it is full or the input ends; returns the bytes read.
    fn fill(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let mut filled = 0;
        while filled < buffer.len() {
            match self.reader.read(&mut buffer[filled..]) {
                Ok(0) => break,
                Ok(read) => filled += read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        Ok(filled)
    }
}

/// Invalid UTF-8 in a block: 0-based `line` within it, and `byte` from the block's start.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BlockFault {
    pub(crate) line: u64,
    pub(crate) byte: u64,
}

/// Calls `each(text, range)` with every line of `block`, the line being `&text[range]`, whose
/// first byte is the input's first when `starts_input` (a byte-order mark there is dropped).
/// `text` is usually the whole valid block, so a consumer may look at the bytes after a line. With `lossy`, invalid UTF-8 becomes
/// U+FFFD; otherwise the first fault stops the walk, after the lines before it. Returns the
/// number of lines.
pub(crate) fn for_each_line(
    block: &[u8],
    starts_input: bool,
    lossy: bool,
    each: impl FnMut(&str, Range<usize>),
) -> Result<u64, BlockFault> {
    let (skipped, body) = match block.strip_prefix(BOM) {
        Some(rest) if starts_input => (BOM.len(), rest),
        _ => (0, block),
    };
    // An input of just a byte-order mark is one empty line, as any line without `\n` is.
    let empty_is_a_line = skipped > 0;
    // One check of the whole block is much faster than one per line. Every path ends in the one
    // walk over valid text, so that `each` has a single call site and is inlined there.
    match std::str::from_utf8(body) {
        Ok(text) => Ok(for_each_valid_line(text, empty_is_a_line, each)),
        // `\n` is never part of an invalid sequence, so replacing them in the whole block
        // replaces them line by line.
        Err(_) if lossy => {
            let text = String::from_utf8_lossy(body);
            Ok(for_each_valid_line(&text, empty_is_a_line, each))
        }
        Err(error) => {
            let fault = error.valid_up_to();
            let line_start = memchr::memrchr(b'\n', &body[..fault]).map_or(0, |at| at + 1);
            let before = std::str::from_utf8(&body[..line_start]).unwrap_or_default();
            let lines = for_each_valid_line(before, false, each);
            Err(BlockFault {
                line: lines,
                byte: (skipped + fault) as u64,
            })
        }
    }
}

/// The lines of valid text: cut at `\n`, an ASCII byte, so every piece is valid too.
///
/// `each` is called from one place only, so that the compiler inlines it into this loop: for a
/// word list, a call per line costs as much as finding the line.
fn for_each_valid_line(
    text: &str,
    empty_is_a_line: bool,
    mut each: impl FnMut(&str, Range<usize>),
) -> u64 {
    let bytes = text.as_bytes();
    // A last line without `\n` ends where the text does.
    let last = match bytes.last() {
        Some(b'\n') => None,
        None if !empty_is_a_line => None,
        _ => Some(bytes.len()),
    };
    // Most inputs have no `\r` at all: one search of the block spares each line its test.
    let may_have_cr = memchr::memchr(b'\r', bytes).is_some();
    let mut lines = 0;
    let mut start = 0;
    for end in Newlines::new(bytes).chain(last) {
        let content_end = if may_have_cr && end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        each(text, start..content_end);
        lines += 1;
        start = end + 1;
    }
    lines
}

/// The offset of every `\n` in some bytes, in order. Word lists have a newline every few bytes,
/// where a search call per line costs more than testing eight bytes at a time in a register.
struct Newlines<'a> {
    chunks: std::slice::ChunksExact<'a, u8>,
    /// The offset of the chunk in `found`.
    base: usize,
    /// The high bit of each byte of the current chunk that is a `\n` not yet returned.
    found: u64,
    /// The bytes after the last whole chunk, with their offset, once the chunks are done.
    tail: std::iter::Enumerate<std::slice::Iter<'a, u8>>,
    tail_base: usize,
}

impl<'a> Newlines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let chunks = bytes.chunks_exact(8);
        let tail_base = bytes.len() - chunks.remainder().len();
        Newlines {
            tail: chunks.remainder().iter().enumerate(),
            chunks,
            base: 0,
            found: 0,
            tail_base,
        }
    }
}

impl Iterator for Newlines<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
        const NEWLINES: u64 = u64::from_le_bytes([b'\n'; 8]);
        while self.found == 0 {
            let Some(chunk) = self.chunks.next() else {
                let tail_base = self.tail_base;
                return self
                    .tail
                    .find(|&(_, &byte)| byte == b'\n')
                    .map(|(offset, _)| tail_base + offset);
            };
            let mut eight = [0; 8];
            eight.copy_from_slice(chunk);
            let x = u64::from_le_bytes(eight) ^ NEWLINES;
            // Exactly the high bit of each byte that was `\n` (now zero): no carries between bytes.
            self.found = !(((x & LOW7).wrapping_add(LOW7) | x) | LOW7);
            self.base = self.tail_base - self.chunks.len() * 8 - 8;
        }
        let offset = self.base + (self.found.trailing_zeros() / 8) as usize;
        self.found &= self.found - 1;
        Some(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `input` read in blocks, or the fault as `line:byte` in the whole input.
    fn lines(input: &[u8], lossy: bool) -> Result<Vec<String>, String> {
        let mut reader = BlockReader::new(input);
        let mut block = Vec::new();
        let mut out = Vec::new();
        let (mut line_base, mut byte_base) = (0, 0);
        while reader.next_block(&mut block).unwrap() {
            let result = for_each_line(&block, byte_base == 0, lossy, |text, line| {
                out.push(text[line].to_owned())
            });
            match result {
                Ok(count) => line_base += count,
                Err(fault) => {
                    return Err(format!(
                        "{}:{}",
                        line_base + fault.line + 1,
                        byte_base + fault.byte
                    ));
                }
            }
            byte_base += block.len() as u64;
        }
        Ok(out)
    }

    #[test]
    fn terminators_bom_and_last_line() {
        assert_eq!(lines(b"", false), Ok(vec![]));
        assert_eq!(lines(BOM, false), Ok(vec![String::new()]));
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
        assert_eq!(
            lines(b"\n\xFF\r\n\n", true),
            Ok(vec!["".into(), "\u{fffd}".into(), "".into()])
        );
    }

    #[test]
    fn newlines_are_found_at_every_offset_and_next_to_every_byte() {
        for byte in 0..=255u8 {
            for length in 0..20 {
                for at in 0..length {
                    let mut bytes = vec![byte; length];
                    bytes[at] = b'\n';
                    let expected: Vec<usize> = (0..length).filter(|&i| bytes[i] == b'\n').collect();
                    let mut found = Vec::new();
                    found.extend(Newlines::new(&bytes));
                    assert_eq!(found, expected, "byte {byte}, length {length}, at {at}");
                }
            }
        }
    }

    #[test]
    fn blocks_hold_whole_lines_and_faults_are_located_across_them() {
        // Three blocks' worth of short lines, a long line spanning several reads, and a fault.
        let mut input = Vec::new();
        let mut expected = Vec::new();
        for i in 0..(3 * BLOCK / 8) {
            let word = format!("w{}", i % 1000);
            input.extend_from_slice(word.as_bytes());
            input.push(b'\n');
            expected.push(word);
        }
        let long = "x".repeat(BLOCK * 2 + 5);
        input.extend_from_slice(long.as_bytes());
        input.extend_from_slice(b"\r\n");
        expected.push(long);
        assert_eq!(lines(&input, false), Ok(expected.clone()));

        let offset = input.len() + 1;
        input.extend_from_slice(b"a\xFF\n");
        let faulty_line = expected.len() + 1;
        assert_eq!(lines(&input, false), Err(format!("{faulty_line}:{offset}")));
    }
}
