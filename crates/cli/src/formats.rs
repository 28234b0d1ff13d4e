//! Output formats for documents and records: the `stemmed.txt` lines, JSON Lines, and CSV
//! with every input column kept plus the tokens.

use std::io::{self, Write};

use stemkit_tokenizer::{Layout, Pipeline};

use crate::args::OutputFormat;

/// How each document is rendered.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// The output format.
    pub(crate) format: OutputFormat,
    /// For [`OutputFormat::Lines`]: a token per line, or a line per paragraph.
    pub(crate) layout: Layout,
}

/// Builds one document's rendering from its title and tokens, as they come. For CSV this is the
/// tokens column alone (the tokens joined by spaces); [`RecordWriter`] adds the other columns.
pub(crate) struct RecordBuilder {
    style: Style,
    out: Vec<u8>,
    /// Whether nothing has been written since the document (or, for a line per paragraph, the
    /// paragraph) began: no separator is due before the next token.
    fresh: bool,
    /// A paragraph's tokens, a line each, on their way into a JSON array.
    scratch: Vec<u8>,
}

impl RecordBuilder {
    /// A builder of documents in `style`, one after another: its buffers are kept from one
    /// document to the next, so that a dataset's records cost no allocation each.
    pub(crate) fn new(style: Style) -> Self {
        RecordBuilder {
            style,
            out: Vec::new(),
            fresh: true,
            scratch: Vec::new(),
        }
    }

    /// Starts a document with `title`, which passes verbatim; whatever was built before is
    /// dropped.
    pub(crate) fn start(&mut self, title: &str) {
        let out = &mut self.out;
        out.clear();
        match self.style.format {
            OutputFormat::Lines => {
                out.extend_from_slice(title.as_bytes());
                out.push(b'\n');
            }
            OutputFormat::Jsonl => {
                out.extend_from_slice(b"{\"title\":");
                json_string(out, title);
                out.extend_from_slice(b",\"tokens\":[");
            }
            OutputFormat::Csv => {}
        }
        self.fresh = true;
    }

    /// Adds the tokens of a paragraph (a line of the text, without its line end), and ends it.
    pub(crate) fn paragraph(&mut self, pipeline: &mut Pipeline, text: &str) {
        let layout = match (self.style.format, self.style.layout) {
            (OutputFormat::Jsonl, _) => return self.json_paragraph(pipeline, text),
            // Tokens joined by spaces across paragraphs: one line of them.
            (OutputFormat::Csv, _) => Layout::LinePerLine,
            (OutputFormat::Lines, layout) => layout,
        };
        // The pipeline's own rendering: for the default options, stems straight from the raw
        // words, without a token string each.
        let mut line_has_tokens = !self.fresh;
        pipeline.render_line(text, layout, &mut line_has_tokens, &mut self.out);
        self.fresh = !line_has_tokens;
        self.end_paragraph();
    }

    /// [`Self::paragraph`] for JSON Lines: the pipeline renders the tokens a line each, and
    /// each becomes a string of the array.
    fn json_paragraph(&mut self, pipeline: &mut Pipeline, text: &str) {
        let mut lines = std::mem::take(&mut self.scratch);
        lines.clear();
        pipeline.render_line(text, Layout::TokenPerLine, &mut false, &mut lines);
        for token in lines
            .split(|&byte| byte == b'\n')
            .filter(|token| !token.is_empty())
        {
            self.push_token(token);
        }
        self.scratch = lines;
    }

    /// Adds the next token.
    pub(crate) fn token(&mut self, token: &str) {
        self.push_token(token.as_bytes());
    }

    /// Adds the next token, given as UTF-8.
    fn push_token(&mut self, token: &[u8]) {
        let separator = match (self.style.format, self.style.layout) {
            (OutputFormat::Lines, Layout::TokenPerLine) => None,
            (OutputFormat::Lines, Layout::LinePerLine) | (OutputFormat::Csv, _) => Some(b' '),
            (OutputFormat::Jsonl, _) => Some(b','),
        };
        if let Some(separator) = separator.filter(|_| !self.fresh) {
            self.out.push(separator);
        }
        self.fresh = false;
        match self.style.format {
            OutputFormat::Jsonl => json_token(&mut self.out, token),
            _ => self.out.extend_from_slice(token),
        }
        if let (OutputFormat::Lines, Layout::TokenPerLine) = (self.style.format, self.style.layout)
        {
            self.out.push(b'\n');
        }
    }

    /// Ends a paragraph: a line of its own when writing a line per paragraph.
    pub(crate) fn end_paragraph(&mut self) {
        if let (OutputFormat::Lines, Layout::LinePerLine) = (self.style.format, self.style.layout) {
            self.out.push(b'\n');
            self.fresh = true;
        }
    }

    /// Ends the document and gives its rendering.
    pub(crate) fn finish(&mut self) -> &[u8] {
        if let OutputFormat::Jsonl = self.style.format {
            self.out.extend_from_slice(b"]}\n");
        }
        &self.out
    }
}

/// Appends a token (UTF-8) as a JSON string literal: copied between quotes when it needs no
/// escape (no quote, backslash or control character: nearly always), else escaped.
fn json_token(out: &mut Vec<u8>, token: &[u8]) {
    if token
        .iter()
        .all(|&byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
    {
        out.push(b'"');
        out.extend_from_slice(token);
        out.push(b'"');
    } else {
        // Tokens are UTF-8, so nothing is replaced.
        json_string(out, &String::from_utf8_lossy(token));
    }
}

/// Appends `text` as a JSON string literal.
fn json_string(out: &mut Vec<u8>, text: &str) {
    // Serializing a string into a Vec cannot fail: there is no I/O and no non-string key.
    let _ = serde_json::to_writer(out, text);
}

/// Writes rendered documents: as they are, or as CSV rows of input columns plus the tokens.
pub(crate) enum RecordWriter<W: Write> {
    /// Lines and JSON Lines: renderings written as they are.
    Plain(W),
    /// CSV rows.
    Csv {
        writer: Box<csv::Writer<W>>,
        /// Whether the header row has been written.
        header_written: bool,
    },
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` into `out`.
    pub(crate) fn new(format: OutputFormat, out: W) -> Self {
        match format {
            OutputFormat::Csv => RecordWriter::Csv {
                writer: Box::new(csv::WriterBuilder::new().flexible(true).from_writer(out)),
                header_written: false,
            },
            _ => RecordWriter::Plain(out),
        }
    }

    /// The underlying writer, for streaming a document straight into it (lines format only).
    pub(crate) fn plain(&mut self) -> Option<&mut W> {
        match self {
            RecordWriter::Plain(out) => Some(out),
            RecordWriter::Csv { .. } => None,
        }
    }

    /// For CSV, writes the header row (the input's columns, then `tokens_column`) unless
    /// written already. Nothing for other formats.
    pub(crate) fn header<'a>(
        &mut self,
        columns: impl IntoIterator<Item = &'a str>,
        tokens_column: &str,
    ) -> io::Result<()> {
        if let RecordWriter::Csv {
            writer,
            header_written,
        } = self
        {
            if !*header_written {
                *header_written = true;
                for column in columns {
                    writer.write_field(column).map_err(csv_io)?;
                }
                writer.write_field(tokens_column).map_err(csv_io)?;
                writer.write_record(None::<&[u8]>).map_err(csv_io)?;
            }
        }
        Ok(())
    }

    /// Writes one document: its rendering, or for CSV its `columns` then the rendering.
    pub(crate) fn record<'a>(
        &mut self,
        columns: impl IntoIterator<Item = &'a str>,
        rendered: &[u8],
    ) -> io::Result<()> {
        match self {
            RecordWriter::Plain(out) => out.write_all(rendered),
            RecordWriter::Csv { writer, .. } => {
                for column in columns {
                    writer.write_field(column).map_err(csv_io)?;
                }
                writer.write_field(rendered).map_err(csv_io)?;
                writer.write_record(None::<&[u8]>).map_err(csv_io)
            }
        }
    }

    /// Flushes and returns the underlying writer.
    pub(crate) fn finish(self) -> io::Result<W> {
        match self {
            RecordWriter::Plain(out) => Ok(out),
            RecordWriter::Csv { writer, .. } => {
                writer.into_inner().map_err(|error| error.into_error())
            }
        }
    }
}

/// A CSV writing error as the I/O error it is (kept, so a closed pipe is still recognised).
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(format: OutputFormat, layout: Layout, paragraphs: &[&[&str]]) -> String {
        let mut builder = RecordBuilder::new(Style { format, layout });
        // A document before, to be dropped: the builder starts afresh.
        builder.start("dropped");
        builder.token("gone");
        builder.start("A \"Title\"");
        for paragraph in paragraphs {
            for token in *paragraph {
                builder.token(token);
            }
            builder.end_paragraph();
        }
        String::from_utf8(builder.finish().to_vec()).unwrap()
    }

    #[test]
    fn each_format_by_hand() {
        let doc: &[&[&str]] = &[&["a", "b"], &[], &["c"]];
        assert_eq!(
            render(OutputFormat::Lines, Layout::TokenPerLine, doc),
            "A \"Title\"\na\nb\nc\n"
        );
        assert_eq!(
            render(OutputFormat::Lines, Layout::LinePerLine, doc),
            "A \"Title\"\na b\n\nc\n"
        );
        assert_eq!(
            render(OutputFormat::Jsonl, Layout::TokenPerLine, doc),
            "{\"title\":\"A \\\"Title\\\"\",\"tokens\":[\"a\",\"b\",\"c\"]}\n"
        );
        assert_eq!(render(OutputFormat::Csv, Layout::LinePerLine, doc), "a b c");
    }
}
