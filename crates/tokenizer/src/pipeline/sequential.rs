//! Running a document on the calling thread: each piece rendered as the reader hands it out.

use std::io::{self, Read, Write};

use super::render::Renderer;
use super::{Layout, OUTPUT_FLUSH_SIZE, Pipeline, PipelineError, Summary};
use crate::document::{DocumentSink, read_document};
use crate::giant::HUGE_PIECE;

/// Streams one document from `input` to `output` through `pipeline`'s first renderer.
pub(super) fn run<R: Read, W: Write>(
    pipeline: &mut Pipeline,
    input: R,
    output: W,
    layout: Layout,
    lossy: bool,
) -> Result<Summary, PipelineError> {
    let Pipeline {
        renderer,
        boundaries,
        chunk_size,
        buffers,
        out,
        ..
    } = pipeline;
    let mut writer = LayoutWriter {
        renderer,
        layout,
        out,
        output,
        line_has_tokens: false,
        tokens: 0,
    };
    let counts = read_document(input, buffers, *chunk_size, lossy, boundaries, &mut writer)?;
    writer.flush().map_err(PipelineError::write)?;
    Ok(Summary {
        lines: counts.lines,
        tokens: writer.tokens,
        bytes: counts.bytes,
    })
}

/// Writes a document's title and tokens in a [`Layout`], gathering output into big writes.
struct LayoutWriter<'a, W> {
    renderer: &'a mut Renderer,
    layout: Layout,
    out: &'a mut Vec<u8>,
    output: W,
    line_has_tokens: bool,
    tokens: u64,
}

impl<W: Write> LayoutWriter<'_, W> {
    fn write_if_full(&mut self) -> io::Result<()> {
        if self.out.len() >= OUTPUT_FLUSH_SIZE {
            self.output.write_all(self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// Before a huge piece: writes what is gathered, so the piece's giant stem starts an empty
    /// buffer and is not copied (see [`HUGE_PIECE`]).
    fn write_before(&mut self, piece: &str) -> io::Result<()> {
        if piece.len() >= HUGE_PIECE && !self.out.is_empty() {
            self.output.write_all(self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// After a huge piece: writes it, and frees the buffer it grew.
    fn write_after(&mut self, piece: &str) -> io::Result<()> {
        if piece.len() < HUGE_PIECE {
            return self.write_if_full();
        }
        self.output.write_all(self.out)?;
        self.out.clear();
        if self.out.capacity() > 4 * OUTPUT_FLUSH_SIZE {
            *self.out = Vec::new();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.output.write_all(self.out)?;
        self.out.clear();
        self.output.flush()
    }
}

impl<W: Write> DocumentSink for LayoutWriter<'_, W> {
    type Error = io::Error;

    fn title(&mut self, piece: &str) -> io::Result<()> {
        self.out.extend_from_slice(piece.as_bytes());
        self.write_if_full()
    }

    fn title_end(&mut self) -> io::Result<()> {
        self.out.push(b'\n');
        self.write_if_full()
    }

    fn body(&mut self, piece: &str) -> io::Result<()> {
        self.write_before(piece)?;
        self.tokens +=
            self.renderer
                .render(piece, self.layout, &mut self.line_has_tokens, self.out);
        self.write_after(piece)
    }

    fn body_end(&mut self) -> io::Result<()> {
        if self.layout == Layout::LinePerLine {
            self.out.push(b'\n');
            self.line_has_tokens = false;
        }
        self.write_if_full()
    }

    fn body_lines(&mut self, text: &str) -> io::Result<()> {
        // Each line rendered within the whole text (see `Renderer::render_in`), and lines found
        // with one search over the text rather than one per line.
        self.write_before(text)?;
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
            let line = if text.as_bytes()[start..end].ends_with(b"\r") {
                start..end - 1
            } else {
                start..end
            };
            self.tokens += self.renderer.render_in(
                text,
                line,
                self.layout,
                &mut self.line_has_tokens,
                self.out,
            );
            self.body_end()?;
            start = end + 1;
        }
        self.write_after(text)
    }

    fn giant_piece(&mut self, piece: &str, last: bool) -> io::Result<()> {
        self.tokens += self.renderer.render_giant_piece(
            piece,
            last,
            self.layout,
            &mut self.line_has_tokens,
            self.out,
        );
        self.write_if_full()
    }
}
