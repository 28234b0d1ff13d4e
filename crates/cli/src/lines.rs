//! Line-oriented input (word lists, JSON Lines): lines without their `\n` or `\r\n`, a leading
//! byte-order mark dropped, UTF-8 checked with the exact line and byte of any fault.
//!
//! [`BlockReader`] with [`for_each_line`]: big blocks of whole lines that any thread can split
//! into lines on its own (a fault is then located within the block, and the caller adds the
//! lines and bytes of the blocks before it). A line longer than a block comes instead as a
//! series of pieces, read with [`piece_text`], so that no buffer grows with the line.

use std::borrow::Cow;
use std::io::{self, Read};
use std::ops::Range;

use stemkit_tokenizer::framing::{self, Position, incomplete_suffix, strip_bom, strip_line_end};

// Blocks of whole lines.

/// Bytes read at a time at most: few system calls, and blocks big enough to share out among
/// threads. Callers with many threads read less at a time, to bound the bytes in flight.
pub(crate) const BLOCK: usize = 1 << 20;

/// What a block holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Whole lines, each with its `\n` (the input's last line perhaps without).
    #[default]
    Lines,
    /// A piece of a line longer than a block, in order; the `last` one ends with the line's
    /// `\n` (or at the end of the input). Pieces are cut between characters, and a non-last
    /// piece never ends with `\r`, so that `\r\n` always arrives whole in the last.
    Piece {
        /// Whether the piece ends the line.
        last: bool,
    },
}

/// Cuts a reader into blocks of whole lines, and lines longer than a block into pieces.
pub(crate) struct BlockReader<R> {
    reader: R,
    /// The start of a line read past the end of the last block, or the bytes of a long line
    /// held back from its last piece (an incomplete character, a `\r`).
    carry: Vec<u8>,
    /// Whether the last block was a piece of a line not yet ended.
    in_long_line: bool,
    done: bool,
    /// Bytes read at a time.
    block_size: usize,
}

impl<R: Read> BlockReader<R> {
    /// Reads `reader` `block_size` bytes at a time (at least 1, at most [`BLOCK`]).
    pub(crate) fn new(reader: R, block_size: usize) -> Self {
        BlockReader {
            reader,
            carry: Vec::new(),
            in_long_line: false,
            done: false,
            block_size: block_size.clamp(1, BLOCK),
        }
    }

    /// Fills `block` with the next whole lines (its old contents are overwritten), about
    /// a block size of bytes, or with the next piece of a line longer than that: at most about two
    /// blocks either way. Returns what the block holds, or `None`, with `block` empty, at the
    /// end of the input.
    pub(crate) fn next_block(&mut self, block: &mut Vec<u8>) -> io::Result<Option<BlockKind>> {
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
        if self.in_long_line {
            return self.next_piece(block, carried).map(Some);
        }
        // What a long line's last piece read past its end may hold whole lines: those first.
        if let Some(last) = memchr::memrchr(b'\n', &block[..carried]) {
            self.carry.extend_from_slice(&block[last + 1..carried]);
            block.truncate(last + 1);
            return Ok(Some(BlockKind::Lines));
        }
        let mut filled = carried;
        if !self.done {
            filled += self.read_block(block, filled)?;
            if let Some(last) = memchr::memrchr(b'\n', &block[carried..filled]) {
                self.carry
                    .extend_from_slice(&block[carried + last + 1..filled]);
                filled = carried + last + 1;
            } else if !self.done {
                // A block's worth and no line end: the start of a long line.
                self.in_long_line = true;
                self.cut_piece(block, filled);
                return Ok(Some(BlockKind::Piece { last: false }));
            }
        }
        block.truncate(filled);
        Ok((!block.is_empty()).then_some(BlockKind::Lines))
    }

    /// The next piece of a long line, after the `carried` bytes already in `block`.
    fn next_piece(&mut self, block: &mut Vec<u8>, carried: usize) -> io::Result<BlockKind> {
        let mut filled = carried;
        if !self.done {
            filled += self.read_block(block, filled)?;
        }
        if let Some(end) = memchr::memchr(b'\n', &block[..filled]) {
            self.carry.extend_from_slice(&block[end + 1..filled]);
            filled = end + 1;
        } else if !self.done {
            self.cut_piece(block, filled);
            return Ok(BlockKind::Piece { last: false });
        }
        self.in_long_line = false;
        block.truncate(filled);
        Ok(BlockKind::Piece { last: true })
    }

    /// Reads up to a block size of bytes into `block` after its first `filled`; returns the
    /// bytes read, and notes the end of the input when they are fewer.
    fn read_block(&mut self, block: &mut Vec<u8>, filled: usize) -> io::Result<usize> {
        let end = filled + self.block_size;
        if block.len() < end {
            block.resize(end, 0);
        }
        let read = self.fill(&mut block[filled..end])?;
        self.done = read < self.block_size;
        Ok(read)
    }

    /// Ends `block`, the `filled` bytes of a line not yet ended, as a piece: the bytes of a
    /// character cut by the read, and a `\r` that may start the line's `\r\n`, are carried to
    /// the next piece.
    fn cut_piece(&mut self, block: &mut Vec<u8>, filled: usize) {
        let bytes = &block[..filled];
        let mut end = filled - incomplete_suffix(bytes);
        if end > 0 && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        self.carry.extend_from_slice(&block[end..filled]);
        block.truncate(end);
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

/// Calls `each(text, range)` with every line of `block`, the line being `&text[range]`, whose
/// first byte is the input's first when `starts_input` (a byte-order mark there is dropped).
/// `text` is usually the whole valid block, so a consumer may look at the bytes after a line.
/// With `lossy`, invalid UTF-8 becomes U+FFFD; otherwise the first fault stops the walk, after
/// the lines before it, and is its position in the block. Returns the number of lines.
pub(crate) fn for_each_line(
    block: &[u8],
    starts_input: bool,
    lossy: bool,
    each: impl FnMut(&str, Range<usize>),
) -> Result<u64, Position> {
    let body = if starts_input {
        strip_bom(block)
    } else {
        block
    };
    let skipped = block.len() - body.len();
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
            Err(Position {
                line: lines + 1,
                byte: (skipped + fault) as u64,
            })
        }
    }
}

/// The text of a piece of a long line ([`BlockKind::Piece`]): without a byte-order mark when
/// it starts the input, without the line's `\n` or `\r\n` when it is the `last`. With `lossy`,
/// invalid UTF-8 becomes U+FFFD just as in the whole line, since pieces split no character and
/// no invalid sequence; otherwise it is a fault, on line 1, `byte` from the piece's start.
pub(crate) fn piece_text(
    piece: &[u8],
    starts_input: bool,
    last: bool,
    lossy: bool,
) -> Result<Cow<'_, str>, Position> {
    let mut body = if starts_input {
        strip_bom(piece)
    } else {
        piece
    };
    let skipped = piece.len() - body.len();
    if last {
        body = strip_line_end(body);
    }
    // A piece holds no `\n` before its line's end: the fault is on the piece's line.
    framing::decode(body, lossy).map_err(|error| error.position.after(0, skipped as u64))
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

    /// The lines of `input` read in blocks and pieces, or the fault as `line:byte` in the whole
    /// input.
    fn lines(input: &[u8], lossy: bool) -> Result<Vec<String>, String> {
        lines_in_blocks_of(BLOCK, input, lossy)
    }

    /// [`lines`], reading `block_size` bytes at a time.
    fn lines_in_blocks_of(
        block_size: usize,
        input: &[u8],
        lossy: bool,
    ) -> Result<Vec<String>, String> {
        let mut reader = BlockReader::new(input, block_size);
        let mut block = Vec::new();
        let mut out = Vec::new();
        let mut long_line = String::new();
        let (mut line_base, mut byte_base) = (0, 0);
        while let Some(kind) = reader.next_block(&mut block).unwrap() {
            let starts_input = byte_base == 0;
            let result = match kind {
                BlockKind::Lines => for_each_line(&block, starts_input, lossy, |text, line| {
                    out.push(text[line].to_owned())
                }),
                BlockKind::Piece { last } => {
                    // A block size and what was carried: the start of a line, or at most a
                    // cut character and a `\r`.
                    let most = block_size + block_size.max(4);
                    assert!(block.len() <= most, "a piece of {} bytes", block.len());
                    piece_text(&block, starts_input, last, lossy).map(|text| {
                        long_line.push_str(&text);
                        if last {
                            out.push(std::mem::take(&mut long_line));
                        }
                        u64::from(last)
                    })
                }
            };
            match result {
                Ok(count) => line_base += count,
                Err(fault) => {
                    let fault = fault.after(line_base, byte_base);
                    return Err(format!("{}:{}", fault.line, fault.byte));
                }
            }
            byte_base += block.len() as u64;
        }
        Ok(out)
    }

    const BOM: &[u8] = framing::BOM.as_bytes();

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

    /// The lines of `input` split whole, the plain way: what reading in blocks and pieces must
    /// give.
    fn whole_lines(input: &[u8], lossy: bool) -> Result<Vec<String>, String> {
        let (skipped, body) = match input.strip_prefix(BOM) {
            Some(rest) => (BOM.len(), rest),
            None => (0, input),
        };
        if let (false, Err(error)) = (lossy, std::str::from_utf8(body)) {
            let fault = error.valid_up_to();
            let line = body[..fault].iter().filter(|&&byte| byte == b'\n').count() + 1;
            return Err(format!("{line}:{}", skipped + fault));
        }
        if body.is_empty() && skipped == 0 {
            return Ok(vec![]);
        }
        let body = body.strip_suffix(b"\n").unwrap_or(body);
        Ok(body
            .split(|&byte| byte == b'\n')
            .map(|line| {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                String::from_utf8_lossy(line).into_owned()
            })
            .collect())
    }

    #[test]
    fn long_lines_come_in_pieces_at_block_ends() {
        let exactly = vec![b'x'; BLOCK];
        let cases: [&[&[u8]]; 8] = [
            // A line ending where a read does, then the input or a line end.
            &[&exactly],
            &[&exactly, b"\n"],
            &[&exactly, b"\r"],
            &[&exactly, b"\r\nnext"],
            &[&exactly[1..], b"\r\n", b"next\n"],
            // Several in a row, and a short line between.
            &[&exactly, b"\n", &exactly, b"y\nshort\n", &exactly, b"\r\n"],
            // Short lines read with the end of a long one, then another long one.
            &[&exactly, b"\nshort\nlines\n", &exactly, &exactly, b"\n"],
            // A byte-order mark before a long first line.
            &[BOM, &exactly, b"\n"],
        ];
        for parts in cases {
            let input = parts.concat();
            assert_eq!(lines(&input, false), whole_lines(&input, false));
        }
    }

    #[test]
    fn pieces_split_no_character_no_fault_and_no_line_end() {
        let specials: [&[u8]; 9] = [
            "é".as_bytes(),
            "€".as_bytes(),
            "𝄞".as_bytes(),
            b"\r\n",
            b"\r\r\n",
            b"\r\xC3\xA9",
            b"\xE2\x82",
            b"\xE2\x82\n",
            b"\xF0\x9D\x84\xFF",
        ];
        // Without a line before, pieces end at every block from the input's start; after a
        // short line, the first piece is the rest of that block and a whole block more.
        let piece_ends = [(&b""[..], BLOCK), (b"", 2 * BLOCK), (b"ab\n", 2 * BLOCK)];
        for (prefix, piece_end) in piece_ends {
            for special in specials {
                for at in piece_end - 4..=piece_end {
                    let mut input = prefix.to_vec();
                    input.resize(at, b'x');
                    input.extend_from_slice(special);
                    input.resize(2 * BLOCK + 8, b'y');
                    input.extend_from_slice(b"\nafter");
                    let valid = std::str::from_utf8(special).is_ok();
                    for lossy in [false, true].into_iter().take(if valid { 1 } else { 2 }) {
                        assert!(
                            lines(&input, lossy) == whole_lines(&input, lossy),
                            "{special:?} at {at} after {prefix:?}, lossy {lossy}"
                        );
                    }
                }
            }
        }
    }

    /// Small blocks (as many threads read) cut the same input into many more blocks and pieces,
    /// and still give its lines and faults.
    #[test]
    fn any_block_size_gives_the_same_lines() {
        let mut input = "\u{feff}short\r\nlines é\n\n".as_bytes().to_vec();
        input.extend(std::iter::repeat_n(b'x', 300));
        input.extend_from_slice("€\r\n".as_bytes());
        for i in 0..200 {
            input.extend_from_slice(format!("w{i}\n").as_bytes());
        }
        input.extend_from_slice(b"\xE2\x82 last");
        for lossy in [false, true] {
            let whole = whole_lines(&input, lossy);
            for block_size in [1, 2, 3, 4, 5, 7, 64, 100, 1000] {
                let read = lines_in_blocks_of(block_size, &input, lossy);
                assert_eq!(read, whole, "blocks of {block_size}, lossy {lossy}");
            }
        }
    }

    #[test]
    fn a_fault_in_a_long_line_is_located_in_the_input() {
        let mut input = b"ok\n\n".to_vec();
        input.extend(std::iter::repeat_n(b'z', 3 * BLOCK));
        let fault = input.len();
        input.extend_from_slice(b"\xFFz\n");
        assert_eq!(lines(&input, false), Err(format!("3:{fault}")));
        let lossy = lines(&input, true).unwrap();
        assert_eq!(lossy.len(), 3);
        assert!(lossy[2].ends_with("zz\u{FFFD}z") && lossy[2].len() == 3 * BLOCK + 4);
    }
}
