//! JSON Lines datasets: one JSON object per line, one document each; blank lines are skipped.

use std::io::BufReader;

use csv::StringRecord;
use serde_json::Value;

use super::Fields;
use crate::inputs::InputReader;
use crate::lines::Lines;
use crate::progress::ProgressReader;

/// The records of one JSON Lines input.
pub(crate) struct JsonlRecords<'a> {
    name: String,
    lines: Lines<BufReader<ProgressReader<'a, InputReader>>>,
    header: StringRecord,
    /// Records read so far.
    count: u64,
}

impl<'a> JsonlRecords<'a> {
    /// The records of input `name`, taking the title and text from `fields`.
    pub(crate) fn new(
        name: String,
        reader: ProgressReader<'a, InputReader>,
        fields: &Fields<'_>,
        lossy: bool,
    ) -> Self {
        JsonlRecords {
            name,
            lines: Lines::new(BufReader::with_capacity(256 * 1024, reader), lossy),
            header: StringRecord::from(vec![fields.title, fields.text]),
            count: 0,
        }
    }

    /// The columns CSV output keeps: the title and text fields.
    pub(crate) fn header(&self) -> &StringRecord {
        &self.header
    }

    /// The next record's title and text, or `None` at the end. Malformed JSON, a record that
    /// is not an object, and a missing or non-string field are errors naming the record.
    pub(crate) fn next_record(&mut self) -> anyhow::Result<Option<StringRecord>> {
        let name = &self.name;
        loop {
            let line_number = self.lines.number() + 1;
            let Some(line) = self.lines.next_line().map_err(|error| error.named(name))? else {
                return Ok(None);
            };
            if line.trim().is_empty() {
                continue;
            }
            self.count += 1;
            let number = self.count;
            let located = |message: String| {
                anyhow::anyhow!("{name}:{line_number}: record {number}: {message}")
            };
            let value: Value = serde_json::from_str(line)
                .map_err(|error| located(format!("malformed JSON: {error}")))?;
            let Value::Object(object) = value else {
                return Err(located("not a JSON object".to_owned()));
            };
            let mut columns = StringRecord::new();
            for field in self.header.iter() {
                match object.get(field) {
                    Some(Value::String(text)) => columns.push_field(text),
                    Some(_) => return Err(located(format!("field `{field}` is not a string"))),
                    None => return Err(located(format!("no field `{field}`"))),
                }
            }
            return Ok(Some(columns));
        }
    }
}
