//! JSON Lines datasets: one JSON object per line, one document each; blank lines are skipped.
//! A worker parses each chunk of whole lines on its own.

use csv::StringRecord;
use serde_json::Value;

use super::csv_records::Counts;
use super::faults::{Fault, FaultKind};
use crate::lines::for_each_line;

/// Calls `each` with the title and text of every record of `chunk` (the input's first chunk
/// when `first`), as a record of the columns named by `fields`. Malformed JSON, a record that is
/// not an object, a missing or non-string field, and invalid UTF-8 are faults located within
/// the chunk; the records before the first have been passed to `each`.
pub(crate) fn for_each_record(
    chunk: &[u8],
    first: bool,
    lossy: bool,
    fields: &StringRecord,
    mut each: impl FnMut(&StringRecord),
) -> Result<Counts, Fault> {
    let mut records = 0;
    let mut lines = 0;
    let mut fault = None;
    let mut columns = StringRecord::new();
    let walked = for_each_line(chunk, first, lossy, |text, range| {
        lines += 1;
        let line = &text[range];
        if fault.is_some() || line.trim().is_empty() {
            return;
        }
        records += 1;
        match columns_of(line, fields, &mut columns) {
            Ok(()) => each(&columns),
            Err(message) => {
                fault = Some(Fault {
                    record: records,
                    line: lines,
                    byte: 0,
                    kind: FaultKind::Json(message),
                });
            }
        }
    });
    if let Some(fault) = fault {
        return Err(fault);
    }
    match walked {
        Ok(lines) => Ok(Counts { records, lines }),
        Err(utf8) => Err(Fault {
            record: records + 1,
            line: utf8.line,
            byte: utf8.byte,
            kind: FaultKind::Utf8,
        }),
    }
}

/// Puts the `fields` of the JSON object on `line` into `columns`, or says what is wrong.
fn columns_of(line: &str, fields: &StringRecord, columns: &mut StringRecord) -> Result<(), String> {
    let value: Value =
        serde_json::from_str(line).map_err(|error| format!("malformed JSON: {error}"))?;
    let Value::Object(object) = value else {
        return Err("not a JSON object".to_owned());
    };
    columns.clear();
    for field in fields.iter() {
        match object.get(field) {
            Some(Value::String(text)) => columns.push_field(text),
            Some(_) => return Err(format!("field `{field}` is not a string")),
            None => return Err(format!("no field `{field}`")),
        }
    }
    Ok(())
}
