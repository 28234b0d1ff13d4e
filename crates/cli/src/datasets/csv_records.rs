//! CSV datasets: a header row naming the columns, then one record per document.

use csv::{ByteRecord, StringRecord};

use super::Fields;
use crate::inputs::InputReader;
use crate::progress::ProgressReader;

/// The records of one CSV input, checked and decoded.
pub(crate) struct CsvRecords<'a> {
    name: String,
    reader: csv::Reader<ProgressReader<'a, InputReader>>,
    header: StringRecord,
    title: usize,
    text: usize,
    lossy: bool,
    /// Records read so far.
    count: u64,
    raw: ByteRecord,
}

impl<'a> CsvRecords<'a> {
    /// Reads the header of input `name` and finds the title and text columns in it.
    pub(crate) fn new(
        name: String,
        reader: ProgressReader<'a, InputReader>,
        fields: &Fields<'_>,
        lossy: bool,
    ) -> anyhow::Result<Self> {
        let mut reader = csv::ReaderBuilder::new().from_reader(reader);
        let raw_header = reader
            .byte_headers()
            .map_err(|error| anyhow::anyhow!("{name}:1: malformed CSV header: {error}"))?
            .clone();
        let header = decode(raw_header, lossy)
            .map_err(|field| anyhow::anyhow!("{name}:1: invalid UTF-8 in header field {field}"))?;
        let column = |field: &str| {
            header.iter().position(|c| c == field).ok_or_else(|| {
                let columns: Vec<&str> = header.iter().collect();
                anyhow::anyhow!("{name}: no column `{field}` in the header (columns: {columns:?})")
            })
        };
        let (title, text) = (column(fields.title)?, column(fields.text)?);
        Ok(CsvRecords {
            name,
            reader,
            header,
            title,
            text,
            lossy,
            count: 0,
            raw: ByteRecord::new(),
        })
    }

    /// The header row.
    pub(crate) fn header(&self) -> &StringRecord {
        &self.header
    }

    /// Where the title and text columns are.
    pub(crate) fn title_and_text(&self) -> (usize, usize) {
        (self.title, self.text)
    }

    /// The next record, or `None` at the end. Malformed records and invalid UTF-8 are errors
    /// naming the record's number and line.
    pub(crate) fn next_record(&mut self) -> anyhow::Result<Option<StringRecord>> {
        let number = self.count + 1;
        let name = &self.name;
        let more = self
            .reader
            .read_byte_record(&mut self.raw)
            .map_err(|error| {
                let line = error.position().map_or(0, csv::Position::line);
                anyhow::anyhow!("{name}:{line}: record {number}: malformed CSV: {error}")
            })?;
        if !more {
            return Ok(None);
        }
        self.count = number;
        let line = self.raw.position().map_or(0, csv::Position::line);
        let record = decode(self.raw.clone(), self.lossy).map_err(|field| {
            let column = self.header.get(field).unwrap_or("?");
            anyhow::anyhow!("{name}:{line}: record {number}: invalid UTF-8 in column `{column}`")
        })?;
        Ok(Some(record))
    }
}

/// Decodes a record as UTF-8 (lossily if asked); the error is the 0-based index of the bad field.
fn decode(record: ByteRecord, lossy: bool) -> Result<StringRecord, usize> {
    if lossy {
        return Ok(StringRecord::from_byte_record_lossy(record));
    }
    StringRecord::from_byte_record(record).map_err(|error| error.utf8_error().field())
}
