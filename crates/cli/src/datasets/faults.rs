//! Faults found by a worker in one chunk, located within it; the writer, who knows how many
//! records, lines and bytes came before the chunk, turns them into the input's messages.

use crate::errors::invalid_utf8;

/// Where a chunk starts in its input.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Base {
    /// Records before the chunk.
    pub(crate) records: u64,
    /// Lines before the chunk (for CSV, the newlines: a record's line is 1 + those before it).
    pub(crate) lines: u64,
    /// Bytes before the chunk.
    pub(crate) bytes: u64,
}

/// What went wrong in a chunk, and where: the 1-based record and line, and the byte, all
/// counted from the chunk's start.
#[derive(Debug)]
pub(crate) struct Fault {
    pub(crate) record: u64,
    pub(crate) line: u64,
    pub(crate) byte: u64,
    pub(crate) kind: FaultKind,
}

#[derive(Debug)]
pub(crate) enum FaultKind {
    /// A CSV record whose field count is not the header's.
    FieldCount { found: u64, expected: u64 },
    /// Any other CSV error, as the `csv` crate says it.
    Csv(String),
    /// Invalid UTF-8 in a CSV column; the fault's line and byte are the bad byte's.
    Utf8InColumn(String),
    /// A JSON Lines record that is not what it should be.
    Json(String),
    /// Invalid UTF-8 in a line (JSON Lines): named by line and byte alone.
    Utf8,
    /// Rendering failed (writing into memory: not expected).
    Render(String),
}

impl Fault {
    /// The message for input `name`, whose chunk with the fault starts at `base`.
    pub(crate) fn in_input(self, name: &str, base: Base) -> anyhow::Error {
        let number = base.records + self.record;
        let line = base.lines + self.line;
        let byte = base.bytes + self.byte;
        let located =
            |message: String| anyhow::anyhow!("{name}:{line}: record {number}: {message}");
        match self.kind {
            // The words of the `csv` crate's own message, as a sequential reader reports it.
            FaultKind::FieldCount { found, expected } => located(format!(
                "malformed CSV: CSV error: record {number} (line: {line}, byte: {byte}): \
                 found record with {found} fields, but the previous record has {expected} fields"
            )),
            FaultKind::Csv(error) => located(format!("malformed CSV: {error}")),
            FaultKind::Utf8InColumn(column) => located(format!(
                "invalid UTF-8 at byte {byte}, in column `{column}`"
            )),
            FaultKind::Json(message) => located(message),
            FaultKind::Utf8 => invalid_utf8(name, line, byte),
            FaultKind::Render(message) => anyhow::anyhow!("{name}: {message}"),
        }
    }
}
