//! The document model: line 1 a verbatim title, every later line a paragraph; read in chunks.
//!
//! Lines end in `\n` or `\r\n` (the `\r` of a CRLF is dropped, from the title too); a UTF-8
//! byte-order mark at the very start is dropped. Text reaches a [`DocumentSink`] in pieces: the
//! title as it arrives, each body line whole or, when it is long, cut where the [`Boundaries`]
//! handed to the reader beside the sink say a cut changes no token (a giant token streamed in
//! pieces), so memory stays bounded whatever the line lengths. The sink only receives text.

use std::io::{self, Read};

use crate::boundaries::{Boundaries, TokenRun};
use crate::framing::{self, BOM, InvalidUtf8, Utf8Decoder, strip_cr};

/// Receives a document's text in order. Pieces never end inside a `\r\n`.
pub(crate) trait DocumentSink {
    /// Why the sink can fail.
    type Error;
    /// A piece of the title line, verbatim; a long title comes in several pieces.
    fn title(&mut self, piece: &str) -> Result<(), Self::Error>;
    /// The title line is complete (it may have been empty).
    fn title_end(&mut self) -> Result<(), Self::Error>;
    /// A piece of the current body line (without its line end).
    fn body(&mut self, piece: &str) -> Result<(), Self::Error>;
    /// The current body line is complete.
    fn body_end(&mut self) -> Result<(), Self::Error>;
    /// Complete body lines, each ended by `\n` (the `\r` of a `\r\n` still there); the first
    /// may finish a line begun by [`Self::body`]. By default, handed on line by line; a sink
    /// that splits lines itself takes them whole.
    fn body_lines(&mut self, text: &str) -> Result<(), Self::Error> {
        for line in text.split_terminator('\n') {
            self.body(strip_cr(line))?;
            self.body_end()?;
        }
        Ok(())
    }
    /// A piece of a giant token, the first after the body text before it; `last` says whether
    /// the token ends with it. What follows the token in the `last` piece tokenizes on its own.
    fn giant_piece(&mut self, piece: &str, last: bool) -> Result<(), Self::Error>;
}

/// The reading state of one document, fed its decoded text in order.
#[derive(Debug)]
pub(crate) struct DocumentReader {
    at_start: bool,
    in_title: bool,
    /// Whether any text of the title has arrived: a document that had any has a title line.
    title_seen: bool,
    line_open: bool,
    /// The length of unfinished body line at which cutting it is tried next. It doubles when
    /// no cut is found (one huge token), so the line is rescanned only O(log n) times.
    next_cut_at: usize,
    cut_threshold: usize,
    /// Whether a giant token is being handed over in pieces.
    in_giant: bool,
    lines: u64,
}

impl DocumentReader {
    /// A reader at the start of a document, cutting unfinished body lines once they reach
    /// `cut_threshold` bytes.
    pub(crate) fn new(cut_threshold: usize) -> Self {
        DocumentReader {
            at_start: true,
            in_title: true,
            title_seen: false,
            line_open: false,
            next_cut_at: cut_threshold,
            cut_threshold,
            in_giant: false,
            lines: 0,
        }
    }

    /// Lines completed so far, the title included.
    pub(crate) fn lines(&self) -> u64 {
        self.lines
    }

    /// Hands the complete lines of `text` (and, at end of input, the rest) to `sink`, cutting
    /// long lines where `boundaries` say, and returns how many leading bytes of `text` were
    /// consumed; the rest must be fed again, followed by the text that comes next.
    pub(crate) fn feed<S: DocumentSink>(
        &mut self,
        text: &str,
        at_eof: bool,
        boundaries: &Boundaries,
        sink: &mut S,
    ) -> Result<usize, S::Error> {
        let mut consumed = self.skip_bom(text);
        if self.in_giant {
            let passed = self.continue_giant(&text[consumed..], at_eof, boundaries, sink)?;
            consumed += passed;
            if self.in_giant {
                return Ok(consumed);
            }
        }
        if self.in_title {
            if let Some(end) = text[consumed..].find('\n') {
                self.finish_line(strip_cr(&text[consumed..consumed + end]), sink)?;
                consumed += end + 1;
            }
        }
        if !self.in_title {
            if let Some(last) = text[consumed..].rfind('\n') {
                let lines = &text[consumed..consumed + last + 1];
                self.lines += framing::count_newlines(lines.as_bytes());
                self.line_open = false;
                self.next_cut_at = self.cut_threshold;
                sink.body_lines(lines)?;
                consumed += last + 1;
            }
        }
        let rest = &text[consumed..];
        consumed += if at_eof {
            self.finish_document(rest, sink)?
        } else {
            self.pass_unfinished(rest, boundaries, sink)?
        };
        Ok(consumed)
    }

    /// Hands on what of `rest` continues the token being streamed, and the token's end once
    /// decided; returns the bytes passed on. What cannot be decided yet waits for more text,
    /// until the text held is twice as long (so a long wait scans it O(log n) times).
    fn continue_giant<S: DocumentSink>(
        &mut self,
        rest: &str,
        at_eof: bool,
        boundaries: &Boundaries,
        sink: &mut S,
    ) -> Result<usize, S::Error> {
        if !at_eof && rest.len() < self.next_cut_at {
            return Ok(0);
        }
        // The token ends with its line at the latest: its line end is all the reader needs.
        let (line, complete) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(end) => (strip_cr(&rest[..end]), true),
            None => (rest, at_eof),
        };
        let run = match boundaries.giant_run(line, complete) {
            TokenRun::Continues(run) if !complete => {
                if run > 0 {
                    sink.giant_piece(&line[..run], false)?;
                }
                let held = line.len() - run;
                self.next_cut_at = self.cut_threshold.max(held.saturating_mul(2));
                return Ok(run);
            }
            TokenRun::Ends(run) => run,
            // Its line complete, the token ends in it: with the whole line's rest as its last
            // piece if the sink could not tell where.
            TokenRun::Continues(_) => line.len(),
        };
        sink.giant_piece(&line[..run], true)?;
        self.in_giant = false;
        self.next_cut_at = self.cut_threshold;
        Ok(run)
    }

    /// Drops a byte-order mark at the very start; returns its length, if any.
    fn skip_bom(&mut self, text: &str) -> usize {
        if !self.at_start || text.is_empty() {
            return 0;
        }
        self.at_start = false;
        if text.starts_with(BOM) { BOM.len() } else { 0 }
    }

    fn finish_line<S: DocumentSink>(&mut self, line: &str, sink: &mut S) -> Result<(), S::Error> {
        self.lines += 1;
        if self.in_title {
            self.in_title = false;
            sink.title(line)?;
            sink.title_end()
        } else {
            self.line_open = false;
            self.next_cut_at = self.cut_threshold;
            sink.body(line)?;
            sink.body_end()
        }
    }

    /// At end of input: the last line, if it has no line end. Consumes all of `rest`.
    fn finish_document<S: DocumentSink>(
        &mut self,
        rest: &str,
        sink: &mut S,
    ) -> Result<usize, S::Error> {
        // A lone `\r` at the very end is no CRLF: it stays, as verbatim title or as separator.
        let unfinished_title = self.in_title && self.title_seen;
        if !rest.is_empty() || unfinished_title || self.line_open {
            self.finish_line(rest, sink)?;
        }
        Ok(rest.len())
    }

    /// Before end of input: passes on what of an unfinished line can be, returns its length.
    fn pass_unfinished<S: DocumentSink>(
        &mut self,
        rest: &str,
        boundaries: &Boundaries,
        sink: &mut S,
    ) -> Result<usize, S::Error> {
        // A trailing `\r` may be the start of a CRLF: keep it until the next byte is known.
        let passable = rest.strip_suffix('\r').unwrap_or(rest);
        if self.in_title {
            self.title_seen |= !rest.is_empty();
            sink.title(passable)?;
            return Ok(passable.len());
        }
        if passable.len() < self.next_cut_at {
            return Ok(0);
        }
        match boundaries.safe_cut(passable).filter(|&cut| cut > 0) {
            Some(cut) => {
                self.line_open = true;
                self.next_cut_at = self.cut_threshold;
                sink.body(&passable[..cut])?;
                Ok(cut)
            }
            None => match self.stream_giant(passable, boundaries, sink)? {
                0 => {
                    self.next_cut_at = passable.len().saturating_mul(2);
                    Ok(0)
                }
                streamed => Ok(streamed),
            },
        }
    }

    /// No cut in `passable`: it is one giant token, perhaps after a few characters that make
    /// none. The sink takes the token in pieces, beginning with what of `passable` is settled,
    /// if the token can stream. Returns the bytes passed on (0: none, the reader holds the line).
    fn stream_giant<S: DocumentSink>(
        &mut self,
        passable: &str,
        boundaries: &Boundaries,
        sink: &mut S,
    ) -> Result<usize, S::Error> {
        let Some(start) = boundaries.giant_start(passable) else {
            return Ok(0);
        };
        let (run, ends) = match boundaries.giant_run(&passable[start..], false) {
            TokenRun::Continues(run) => (run, false),
            TokenRun::Ends(run) => (run, true),
        };
        if run == 0 {
            return Ok(0);
        }
        self.line_open = true;
        self.in_giant = !ends;
        self.next_cut_at = self.cut_threshold;
        if start > 0 {
            sink.body(&passable[..start])?;
        }
        sink.giant_piece(&passable[start..start + run], ends)?;
        Ok(start + run)
    }
}

/// Buffers reused from one document to the next.
#[derive(Clone, Debug, Default)]
pub(crate) struct ReadBuffers {
    raw: Vec<u8>,
    text: String,
}

impl ReadBuffers {
    /// Bytes held by the buffers.
    pub(crate) fn capacity(&self) -> usize {
        self.raw.capacity() + self.text.capacity()
    }

    /// Gives back memory a previous document's huge token made the buffers grow to.
    fn trim(&mut self, chunk_size: usize) {
        let limit = 4 * chunk_size;
        if self.raw.capacity() > limit {
            self.raw = Vec::new();
        }
        if self.text.capacity() > limit {
            self.text = String::new();
        }
    }
}

/// What reading a document counted.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ReadCounts {
    pub(crate) lines: u64,
    pub(crate) bytes: u64,
}

/// Why reading a document stopped.
#[derive(Debug)]
pub(crate) enum ReadError<E> {
    /// The input is not UTF-8.
    InvalidUtf8(InvalidUtf8),
    /// Reading the input failed.
    Read(io::Error),
    /// The sink failed.
    Sink(E),
}

/// Reads a whole document from `input` in reads of `chunk_size` bytes, decodes it and hands it
/// to `sink`, cutting long lines where `boundaries` say. Holds at most one read, one
/// unfinished line piece and a truncated character.
pub(crate) fn read_document<R: Read, S: DocumentSink>(
    mut input: R,
    buffers: &mut ReadBuffers,
    chunk_size: usize,
    lossy: bool,
    boundaries: &Boundaries,
    sink: &mut S,
) -> Result<ReadCounts, ReadError<S::Error>> {
    let chunk_size = chunk_size.max(1);
    buffers.trim(chunk_size);
    let ReadBuffers { raw, text } = buffers;
    raw.clear();
    text.clear();
    let mut reader = DocumentReader::new(chunk_size);
    let mut decoder = Utf8Decoder::default();
    let mut carried = 0;
    let mut bytes = 0;
    loop {
        raw.resize(carried + chunk_size, 0);
        let read = read_some(&mut input, &mut raw[carried..]).map_err(ReadError::Read)?;
        bytes += read as u64;
        let at_eof = read == 0;
        let filled = carried + read;
        carried = decoder
            .decode(&raw[..filled], at_eof, lossy, text)
            .map_err(ReadError::InvalidUtf8)?;
        raw.copy_within(filled - carried..filled, 0);
        let consumed = reader
            .feed(text, at_eof, boundaries, sink)
            .map_err(ReadError::Sink)?;
        text.drain(..consumed);
        if at_eof {
            return Ok(ReadCounts {
                lines: reader.lines(),
                bytes,
            });
        }
    }
}

/// One read, retried when a signal interrupted it.
fn read_some<R: Read>(input: &mut R, buffer: &mut [u8]) -> io::Result<usize> {
    loop {
        match input.read(buffer) {
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            result => return result,
        }
    }
}
