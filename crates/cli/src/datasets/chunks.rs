//! Cuts a dataset's raw bytes into chunks of whole records, so that reading does no more than
//! find record ends and each chunk is parsed, checked and rendered on its own.
//!
//! A chunk ends exactly where the `csv` crate, reading the whole input in one go, stops after a
//! record: right after the first terminator byte (`\n` or `\r`) that ends the record. A worker
//! that parses a chunk with a fresh reader then sees the same records, and positions that are
//! the sequential reader's less the chunk's start (the caller adds the lines and bytes before).

use std::io::{self, Read};

use stemkit_tokenizer::framing;

/// Input bytes per chunk: big enough that a chunk's overheads vanish, small enough that a
/// chunk and its output are still in cache when written (256 KiB scaled better than 1 MiB or
/// 4 MiB on the 157 MB CSV benchmark, and keeps peak memory lower).
pub(crate) const CHUNK: usize = 256 << 10;

/// The byte-order mark the `csv` crate drops at the start of its input.
const BOM: &[u8] = framing::BOM.as_bytes();

/// Finds where records end. `scan` is given the bytes in order, in pieces; the state between
/// pieces is its own.
pub(crate) trait RecordEnds {
    /// Scans `bytes[from..to]` and returns the last offset in `from + 1..=to` where a chunk may
    /// end (just after a record), if any. `bytes[to..]` may be looked at but is not scanned.
    fn scan(&mut self, bytes: &[u8], from: usize, to: usize) -> Option<usize>;

    /// Bytes past a cut that `scan` needs to see before it may cut there.
    const LOOKAHEAD: usize;
}

/// Reads whole-record chunks of about `size` bytes (more when a record is longer).
pub(crate) struct Chunker<R, E> {
    reader: R,
    ends: E,
    size: usize,
    /// Bytes read past the end of the last chunk; `carry[..scanned]` has been scanned.
    carry: Vec<u8>,
    scanned: usize,
    /// The last place found in `carry[..scanned]` where a chunk may end.
    cut: Option<usize>,
    done: bool,
}

impl<R: Read, E: RecordEnds> Chunker<R, E> {
    /// Chunks of `reader`, cut by `ends`, of about `size` bytes each.
    pub(crate) fn new(reader: R, ends: E, size: usize) -> Self {
        Chunker {
            reader,
            ends,
            size: size.max(1),
            carry: Vec::new(),
            scanned: 0,
            cut: None,
            done: false,
        }
    }

    /// Fills `chunk` (emptied first) with the next whole records. Returns `false`, with `chunk`
    /// empty, at the end of the input. The last chunk is whatever follows the last cut.
    pub(crate) fn next_chunk(&mut self, chunk: &mut Vec<u8>) -> io::Result<bool> {
        chunk.clear();
        loop {
            if self.done {
                // Whatever is left is whole records: the input's end ends the last one.
                std::mem::swap(chunk, &mut self.carry);
                self.scanned = 0;
                self.cut = None;
                return Ok(!chunk.is_empty());
            }
            if let Some(cut) = self.cut.filter(|_| self.carry.len() >= self.size) {
                self.take(cut, chunk);
                return Ok(true);
            }
            self.fill()?;
        }
    }

    /// Reads up to `size` more bytes and scans what can be scanned.
    fn fill(&mut self) -> io::Result<()> {
        self.carry.reserve(self.size);
        let read = (&mut self.reader)
            .take(self.size as u64)
            .read_to_end(&mut self.carry)?;
        if read == 0 {
            self.done = true;
            return Ok(());
        }
        let to = self.carry.len().saturating_sub(E::LOOKAHEAD);
        if to > self.scanned {
            if let Some(cut) = self.ends.scan(&self.carry, self.scanned, to) {
                self.cut = Some(cut);
            }
            self.scanned = to;
        }
        Ok(())
    }

    /// Hands `carry[..cut]` over as `chunk`, whose own buffer (empty, maybe recycled) takes the
    /// few bytes after the cut and becomes the carry.
    fn take(&mut self, cut: usize, chunk: &mut Vec<u8>) {
        chunk.extend_from_slice(&self.carry[cut..]);
        self.carry.truncate(cut);
        std::mem::swap(chunk, &mut self.carry);
        self.scanned -= cut;
        self.cut = None;
    }
}

/// JSON Lines: every `\n` ends a record.
pub(crate) struct LineEnds;

impl RecordEnds for LineEnds {
    const LOOKAHEAD: usize = 0;

    fn scan(&mut self, bytes: &[u8], from: usize, to: usize) -> Option<usize> {
        memchr::memrchr(b'\n', &bytes[from..to]).map(|at| from + at + 1)
    }
}

/// Where the CSV parser is, as far as record ends go (the `csv` crate's defaults: `,`
/// separates, `"` quotes at a field's start only, `""` inside quotes is a quote, and `\r`,
/// `\n` or `\r\n` end a record; blank lines are skipped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CsvState {
    /// Before a record: terminators here are blank lines, not record ends.
    RecordStart,
    /// Just after a separator: a quote here opens a quoted field.
    FieldStart,
    /// In an unquoted field (or after a quoted one's closing quote): quotes are plain bytes.
    Unquoted,
    /// Inside quotes: only a quote matters.
    Quoted,
    /// Just after a quote inside quotes: a second quote is an escaped quote, else it closed.
    QuoteInQuoted,
}

/// CSV: a record ends at a terminator outside quotes. A chunk never starts with a byte-order
/// mark, which a fresh reader would drop.
pub(crate) struct CsvEnds {
    state: CsvState,
    /// Whether the input's first bytes (a possible byte-order mark) are still to come.
    at_input_start: bool,
    /// Bytes of a leading byte-order mark not yet passed.
    bom_left: usize,
}

impl CsvEnds {
    pub(crate) fn new() -> Self {
        CsvEnds {
            state: CsvState::RecordStart,
            at_input_start: true,
            bom_left: 0,
        }
    }
}

impl RecordEnds for CsvEnds {
    /// A cut must see whether a byte-order mark follows.
    const LOOKAHEAD: usize = BOM.len();

    fn scan(&mut self, bytes: &[u8], from: usize, to: usize) -> Option<usize> {
        use CsvState::*;
        let mut at = from;
        if self.at_input_start {
            self.at_input_start = false;
            // The parser drops a byte-order mark at the very start (`to` leaves room to see it).
            if bytes[at..].starts_with(BOM) {
                self.bom_left = BOM.len();
            }
        }
        let skipped = self.bom_left.min(to - at);
        at += skipped;
        self.bom_left -= skipped;
        let mut cut = None;
        while at < to {
            let byte = bytes[at];
            self.state = match (self.state, byte) {
                (Quoted, _) => match memchr::memchr(b'"', &bytes[at..to]) {
                    Some(quote) => {
                        at += quote;
                        QuoteInQuoted
                    }
                    None => break,
                },
                (RecordStart, b'\n' | b'\r') => RecordStart,
                (_, b'\n' | b'\r') => {
                    if !bytes[at + 1..].starts_with(BOM) {
                        cut = Some(at + 1);
                    }
                    RecordStart
                }
                (QuoteInQuoted, b'"') => Quoted,
                (RecordStart | FieldStart, b'"') => Quoted,
                (_, b',') => FieldStart,
                (Unquoted, _) => match memchr::memchr3(b',', b'\n', b'\r', &bytes[at..to]) {
                    Some(end) => {
                        at += end;
                        continue;
                    }
                    None => break,
                },
                _ => Unquoted,
            };
            at += 1;
        }
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks<E: RecordEnds>(input: &[u8], ends: E, size: usize) -> Vec<Vec<u8>> {
        let mut chunker = Chunker::new(input, ends, size);
        let mut chunk = Vec::new();
        let mut out = Vec::new();
        while chunker.next_chunk(&mut chunk).unwrap() {
            out.push(chunk.clone());
        }
        assert_eq!(out.concat(), input, "chunks are the input, in order");
        out
    }

    /// The records of `bytes` with the position (byte, line) of each, as the `csv` crate
    /// reads it in one go, or chunk by chunk with the chunks' positions added.
    fn records_in_chunks(chunks: &[Vec<u8>]) -> Vec<(Vec<Vec<u8>>, u64, u64)> {
        let mut out = Vec::new();
        let (mut byte_base, mut line_base) = (0, 0);
        for chunk in chunks {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(chunk.as_slice());
            let mut record = csv::ByteRecord::new();
            while reader.read_byte_record(&mut record).unwrap() {
                let position = record.position().unwrap();
                out.push((
                    record.iter().map(<[u8]>::to_vec).collect(),
                    byte_base + position.byte(),
                    line_base + position.line(),
                ));
            }
            byte_base += chunk.len() as u64;
            line_base += reader.position().line() - 1;
        }
        out
    }

    /// Every chunk size cuts `input` into chunks the `csv` crate reads exactly as the whole.
    fn assert_csv_cuts_exactly(input: &[u8]) {
        let whole = records_in_chunks(&[input.to_vec()]);
        for size in 1..=input.len() + 1 {
            let pieces = chunks(input, CsvEnds::new(), size);
            assert_eq!(
                records_in_chunks(&pieces),
                whole,
                "size {size}: {:?}",
                pieces
                    .iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn quoted_newlines_and_escaped_quotes_stay_in_their_record() {
        assert_csv_cuts_exactly(b"a,b\n\"x\ny\",\"\"\"\n\"\"\"\n1,\"\"\n\"\",2\n");
        assert_csv_cuts_exactly(b"t,u\n\"say \"\"hi\n\"\" now\",\"\n,\n\"\n");
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_plain() {
        assert_csv_cuts_exactly(b"a,b\nx\"y,z\nw,\"q\n\"r\"s\nn\"\n,\"\n\"\n");
        // After a closing quote the field goes on unquoted: the next quote is plain.
        assert_csv_cuts_exactly(b"\"a\"b\"c\nd,e\n");
    }

    #[test]
    fn crlf_lone_cr_and_blank_lines_are_cut_where_the_reader_stops() {
        assert_csv_cuts_exactly(b"a,b\r\n1,2\r\n\r\n\r\n3,\"4\r\n5\"\r\n6,7\r8,9\n\n\n10,11");
    }

    #[test]
    fn byte_order_marks() {
        assert_csv_cuts_exactly(b"\xEF\xBB\xBF\"a\nb\",c\n1,2\n");
        // A record that starts with U+FEFF keeps it: no chunk starts there.
        assert_csv_cuts_exactly(b"a,b\n\xEF\xBB\xBFx,y\n\xEF\xBB\xBF\n\xEF\xBB\xBF\"q\nq\",z\n");
        let pieces = chunks(b"a\n\xEF\xBB\xBFb\nc,d\n", CsvEnds::new(), 1);
        assert_eq!(pieces, [&b"a\n\xEF\xBB\xBFb\n"[..], b"c,d\n"]);
    }

    #[test]
    fn no_final_terminator_and_empty_input() {
        assert_csv_cuts_exactly(b"a,b\n1,\"2\n3\"");
        assert_csv_cuts_exactly(b"a,b\n1,2");
        assert!(chunks(b"", CsvEnds::new(), 1).is_empty());
        assert!(chunks(b"", LineEnds, 1).is_empty());
    }

    #[test]
    fn small_sizes_cut_at_every_record_and_large_ones_gather_records() {
        let input = b"a,b\n1,2\n3,4\n";
        assert_eq!(
            chunks(input, CsvEnds::new(), 1),
            [&b"a,b\n"[..], b"1,2\n", b"3,4\n"]
        );
        assert_eq!(chunks(input, CsvEnds::new(), CHUNK), [input]);
        // A record longer than the size is one chunk.
        let long = format!("\"{}\"\n1,2\n", "x\n".repeat(100));
        let pieces = chunks(long.as_bytes(), CsvEnds::new(), 7);
        assert_eq!(pieces.len(), 2);
    }

    #[test]
    fn lines_are_cut_after_newlines() {
        let input = b"{}\n\n{\"a\":1}\r\n{}";
        assert_eq!(
            chunks(input, LineEnds, 1),
            [&b"{}\n"[..], b"\n", b"{\"a\":1}\r\n", b"{}"]
        );
        assert_eq!(
            chunks(input, LineEnds, 6),
            [&b"{}\n\n"[..], b"{\"a\":1}\r\n", b"{}"]
        );
    }

    #[test]
    fn many_random_records_cut_exactly() {
        // A deterministic mix of the bytes that matter, in records of every shape.
        let alphabet = b"ab,\"\"\n\r,x\"";
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for _ in 0..200 {
            let mut input = Vec::new();
            for _ in 0..40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                input.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            assert_csv_cuts_exactly(&input);
        }
    }
}
