//! CSV datasets: a header row naming the columns, then one record per document. The header is
//! read from the first chunk; each chunk's records are parsed, checked and decoded by a worker.

use csv::{ByteRecord, StringRecord};
use stemkit_tokenizer::framing::{self, Position};

use super::Fields;
use super::faults::{Fault, FaultKind};

/// The header row and where the title and text columns are in it.
pub(crate) struct Header {
    pub(crate) columns: StringRecord,
    pub(crate) title: usize,
    pub(crate) text: usize,
}

/// Reads the header of input `name` from its first chunk (empty for an empty input) and finds
/// the title and text columns in it.
pub(crate) fn read_header(
    name: &str,
    first_chunk: &[u8],
    fields: &Fields<'_>,
    lossy: bool,
) -> anyhow::Result<Header> {
    let mut reader = csv::ReaderBuilder::new().from_reader(first_chunk);
    let raw_header = reader
        .byte_headers()
        .map_err(|error| anyhow::anyhow!("{name}:1: malformed CSV header: {error}"))?
        .clone();
    let columns = decode(raw_header, lossy).map_err(|field| {
        let header_start = csv::Position::new();
        let bad = first_invalid_byte(first_chunk, &header_start, reader.position().byte());
        let (line, byte) = (bad.line(), bad.byte());
        anyhow::anyhow!("{name}:{line}: invalid UTF-8 at byte {byte}, in header field {field}")
    })?;
    let column = |field: &str| {
        columns.iter().position(|c| c == field).ok_or_else(|| {
            let names: Vec<&str> = columns.iter().collect();
            anyhow::anyhow!("{name}: no column `{field}` in the header (columns: {names:?})")
        })
    };
    let (title, text) = (column(fields.title)?, column(fields.text)?);
    Ok(Header {
        columns,
        title,
        text,
    })
}

/// What a chunk held: its records and the newlines in it.
pub(crate) struct Counts {
    pub(crate) records: u64,
    pub(crate) lines: u64,
}

/// Calls `each` with every record of `chunk` (the input's first chunk when `first`: its header
/// row is skipped), decoded as UTF-8 (lossily if asked). A record whose field count is not the
/// header's, or with invalid UTF-8, is a fault located within the chunk; the records before
/// it have been passed to `each`.
pub(crate) fn for_each_record(
    chunk: &[u8],
    first: bool,
    lossy: bool,
    header: &StringRecord,
    mut each: impl FnMut(&StringRecord),
) -> Result<Counts, Fault> {
    // Field counts are checked here, against the header, since a chunk's first record is not
    // the input's first.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(first)
        .flexible(true)
        .from_reader(chunk);
    let mut raw = ByteRecord::new();
    let mut records = 0;
    loop {
        let fault = |kind, position: Option<&csv::Position>| Fault {
            record: records + 1,
            line: position.map_or(0, csv::Position::line),
            byte: position.map_or(0, csv::Position::byte),
            kind,
        };
        match reader.read_byte_record(&mut raw) {
            Ok(true) => {}
            Ok(false) => break,
            // Reading a slice with flexible field counts cannot fail; should it, say how.
            Err(error) => {
                let position = error.position().cloned();
                return Err(fault(FaultKind::Csv(error.to_string()), position.as_ref()));
            }
        }
        if raw.len() != header.len() {
            let kind = FaultKind::FieldCount {
                found: raw.len() as u64,
                expected: header.len() as u64,
            };
            return Err(fault(kind, raw.position()));
        }
        let position = raw.position().cloned();
        match decode(std::mem::take(&mut raw), lossy) {
            Ok(record) => {
                records += 1;
                each(&record);
                raw = record.into_byte_record();
            }
            Err(field) => {
                let column = header.get(field).unwrap_or("?").to_owned();
                let end = reader.position().byte();
                let bad = position.map(|start| first_invalid_byte(chunk, &start, end));
                return Err(fault(FaultKind::Utf8InColumn(column), bad.as_ref()));
            }
        }
    }
    Ok(Counts {
        records,
        lines: reader.position().line().saturating_sub(1),
    })
}

/// Where the first invalid UTF-8 byte of the record `chunk[start..end]` is: its byte and line.
/// Separators, quotes and line ends are ASCII, so the first bad byte of the raw record is the
/// first bad byte of its fields.
fn first_invalid_byte(chunk: &[u8], start: &csv::Position, end: u64) -> csv::Position {
    let from = usize::try_from(start.byte()).map_or(chunk.len(), |from| from.min(chunk.len()));
    let to = usize::try_from(end).map_or(chunk.len(), |to| to.clamp(from, chunk.len()));
    let bad = match framing::decode(&chunk[from..to], false) {
        // Not expected (see above): the record's start is the best place to point at.
        Ok(_) => Position::START,
        Err(error) => error.position,
    };
    let bad = bad.after(start.line() - 1, start.byte());
    let mut position = csv::Position::new();
    position
        .set_byte(bad.byte)
        .set_line(bad.line)
        .set_record(start.record());
    position
}

/// Decodes a record as UTF-8 (lossily if asked); the error is the 0-based index of the bad field.
fn decode(record: ByteRecord, lossy: bool) -> Result<StringRecord, usize> {
    if lossy {
        return Ok(StringRecord::from_byte_record_lossy(record));
    }
    StringRecord::from_byte_record(record).map_err(|error| error.utf8_error().field())
}
