//! Running a document on several threads. The calling thread reads, decodes and cuts the body
//! into blocks at line ends or safe cuts (the pieces the document reader hands out, so a block
//! boundary never changes a token) and pushes them to a [`Feeder`], whose worker threads render
//! them; the calling thread writes the renderings in order. The blocks in flight and their
//! size come from [`Tuning::DOCUMENTS`], so memory stays flat whatever the document's size and
//! whatever the threads.
//!
//! Workers start with the first full block: a short document is rendered on the calling thread.

use std::io::{self, Read, Write};
use std::mem;
use std::thread::Scope;

use stemkit_ordered::{Feeder, Tuning};

use super::render::Renderer;
use super::{Layout, OUTPUT_FLUSH_SIZE, Pipeline, PipelineError, Summary};
use crate::document::{DocumentSink, read_document};
use crate::giant::HUGE_PIECE;

/// Body text to render: whole lines, each ended by `\n`, except that the first may continue
/// the previous block's last line and the last may go on in the next block.
struct Block {
    text: String,
    /// A buffer for the rendering, reused.
    out: Vec<u8>,
}

/// A rendered block, and what writing it in order needs to know about its lines.
struct Rendered {
    /// The block's text, given back for reuse.
    text: String,
    out: Vec<u8>,
    tokens: u64,
    /// Whether the block's first line (maybe the continuation of an earlier one) has tokens.
    first_line_has_tokens: bool,
    /// Whether the block holds a line end.
    ends_a_line: bool,
    /// Whether the block's last, unfinished line has tokens.
    last_line_has_tokens: bool,
}

/// Streams one document from `input` to `output`, rendering on every renderer of `pipeline`.
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
        workers,
        chunk_size,
        block_size,
        buffers,
        out,
        cache_bytes: _,
    } = pipeline;
    let renderers: Vec<&mut Renderer> = std::iter::once(renderer)
        .chain(workers)
        .map(|renderer| &mut **renderer)
        .collect();
    let tuning = Tuning::DOCUMENTS;
    let threads = renderers.len();
    let budget_block = tuning.budget_share(threads);
    let block_size = (*block_size).min(budget_block);
    // A block is handed out once it reaches its size, after the whole lines of a read: reads
    // no larger than the budget's block keep blocks under twice that.
    let chunk_size = (*chunk_size).min(budget_block);
    std::thread::scope(|scope| {
        let mut writer = BlockWriter {
            scope,
            idle: renderers,
            in_flight: tuning.in_flight(threads),
            feeder: None,
            here: None,
            block: String::new(),
            block_size,
            written: Written {
                layout,
                output,
                out,
                spare: Vec::new(),
                line_has_tokens: false,
                tokens: 0,
            },
        };
        let counts = read_document(input, buffers, chunk_size, lossy, boundaries, &mut writer)?;
        writer.finish().map_err(PipelineError::write)?;
        Ok(Summary {
            lines: counts.lines,
            tokens: writer.written.tokens,
            bytes: counts.bytes,
        })
    })
}

/// The sink of the calling thread: gathers blocks, hands them to workers, writes in order.
struct BlockWriter<'scope, 'env, W> {
    scope: &'scope Scope<'scope, 'env>,
    /// Renderers not lent to a worker yet (all of them until the first block is full).
    idle: Vec<&'env mut Renderer>,
    /// Blocks in flight at most.
    in_flight: usize,
    /// The workers, once started.
    feeder: Option<Feeder<Block, Rendered>>,
    /// Renders huge pieces on this thread once the renderers are lent out (see
    /// [`BlockWriter::render_here`]).
    here: Option<Renderer>,
    /// The block being gathered.
    block: String,
    /// The length at which a block is handed out.
    block_size: usize,
    written: Written<'env, W>,
}

/// The writing side: the output, and what it needs to know about what was written.
struct Written<'env, W> {
    layout: Layout,
    output: W,
    /// The title's output, written before any block's.
    out: &'env mut Vec<u8>,
    /// Buffers of written blocks, for reuse.
    spare: Vec<(String, Vec<u8>)>,
    /// Whether the output line open after the blocks written so far has tokens.
    line_has_tokens: bool,
    tokens: u64,
}

impl<'env, W: Write> BlockWriter<'_, 'env, W> {
    fn send_if_full(&mut self) -> io::Result<()> {
        if self.block.len() >= self.block_size {
            self.send_block()?;
        }
        Ok(())
    }

    /// Hands the gathered block to the workers, first writing blocks in order until there is
    /// room (so that the buffers of a block written serve the next one).
    fn send_block(&mut self) -> io::Result<()> {
        let written = &mut self.written;
        let feeder = self.feeder.get_or_insert_with(|| {
            start_workers(
                self.scope,
                &mut self.idle,
                &mut self.here,
                self.in_flight,
                written.layout,
            )
        });
        feeder.make_room(|rendered| written.write(rendered))?;
        let (text, out) = written.spare.pop().unwrap_or_default();
        let block = Block {
            text: mem::replace(&mut self.block, text),
            out,
        };
        feeder.push(block, |rendered| written.write(rendered))
    }

    /// Renders a huge piece (a giant token, see [`HUGE_PIECE`]) on this thread, after every
    /// block before it is written: copied into a block it would be one more copy of the token.
    fn render_here(&mut self, piece: &str) -> io::Result<()> {
        self.write_every_block()?;
        let renderer = own_renderer(&mut self.idle, &mut self.here)?;
        let rendered = render_text(renderer, self.written.layout, piece, Vec::new());
        self.written.write(rendered)
    }

    /// Hands out the gathered block and writes every block in flight: what this thread writes
    /// next comes after all of them.
    fn write_every_block(&mut self) -> io::Result<()> {
        if !self.block.is_empty() {
            self.send_block()?;
        }
        let written = &mut self.written;
        match &mut self.feeder {
            Some(feeder) => feeder.finish(|rendered| written.write(rendered)),
            None => Ok(()),
        }
    }

    /// At end of input: renders what is left (on this thread if no worker started), writes
    /// every block and flushes.
    fn finish(&mut self) -> io::Result<()> {
        match self.idle.first_mut() {
            Some(renderer) if self.feeder.is_none() => {
                let block = Block {
                    text: mem::take(&mut self.block),
                    out: Vec::new(),
                };
                let rendered = render_block(renderer, self.written.layout, block);
                self.written.write(rendered)?;
            }
            _ => self.write_every_block()?,
        }
        let written = &mut self.written;
        written.output.write_all(written.out)?;
        written.out.clear();
        written.output.flush()
    }
}

/// Lends every idle renderer to a worker thread of `scope`, keeping a fresh one for this
/// thread (`here`).
fn start_workers<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    idle: &mut Vec<&'env mut Renderer>,
    here: &mut Option<Renderer>,
    in_flight: usize,
    layout: Layout,
) -> Feeder<Block, Rendered> {
    *here = idle.first().map(|renderer| renderer.fresh());
    Feeder::spawn(
        scope,
        idle.drain(..),
        in_flight,
        move |renderer: &mut &mut Renderer, block| render_block(renderer, layout, block),
    )
}

impl<W: Write> Written<'_, W> {
    /// Writes a rendered block after everything before it, joining a line split between blocks.
    fn write(&mut self, rendered: Rendered) -> io::Result<()> {
        if !self.out.is_empty() {
            self.output.write_all(self.out)?;
            self.out.clear();
        }
        let joins_tokens = self.line_has_tokens && rendered.first_line_has_tokens;
        if self.layout == Layout::LinePerLine && joins_tokens {
            self.output.write_all(b" ")?;
        }
        self.output.write_all(&rendered.out)?;
        self.tokens += rendered.tokens;
        self.line_has_tokens = if rendered.ends_a_line {
            rendered.last_line_has_tokens
        } else {
            self.line_has_tokens || rendered.first_line_has_tokens
        };
        let mut text = rendered.text;
        text.clear();
        // A buffer a giant token grew is freed, not kept for the rest of the document.
        if rendered.out.capacity() <= 2 * HUGE_PIECE && text.capacity() <= 2 * HUGE_PIECE {
            self.spare.push((text, rendered.out));
        }
        Ok(())
    }

    /// Writes the output gathered in `out` once it is big enough.
    fn flush_out_if_full(&mut self) -> io::Result<()> {
        if self.out.len() >= OUTPUT_FLUSH_SIZE {
            self.output.write_all(self.out)?;
            self.out.clear();
        }
        Ok(())
    }
}

impl<W: Write> DocumentSink for BlockWriter<'_, '_, W> {
    type Error = io::Error;

    fn title(&mut self, piece: &str) -> io::Result<()> {
        self.written.out.extend_from_slice(piece.as_bytes());
        self.written.flush_out_if_full()
    }

    fn title_end(&mut self) -> io::Result<()> {
        self.written.out.push(b'\n');
        Ok(())
    }

    fn body(&mut self, piece: &str) -> io::Result<()> {
        if piece.len() >= HUGE_PIECE {
            return self.render_here(piece);
        }
        self.block.push_str(piece);
        self.send_if_full()
    }

    fn body_end(&mut self) -> io::Result<()> {
        self.block.push('\n');
        self.send_if_full()
    }

    fn body_lines(&mut self, text: &str) -> io::Result<()> {
        // Whole: the worker splits the lines (and drops their `\r`), not this thread.
        if text.len() >= HUGE_PIECE {
            return self.render_here(text);
        }
        self.block.push_str(text);
        self.send_if_full()
    }

    /// A piece of a giant token: rendered on this thread, after every block before
    /// it is written, into the buffer written before any later block.
    fn giant_piece(&mut self, piece: &str, last: bool) -> io::Result<()> {
        self.write_every_block()?;
        let renderer = own_renderer(&mut self.idle, &mut self.here)?;
        let written = &mut self.written;
        written.tokens += renderer.render_giant_piece(
            piece,
            last,
            written.layout,
            &mut written.line_has_tokens,
            written.out,
        );
        written.flush_out_if_full()
    }
}

/// The renderer this thread renders on itself: the first one while no worker has started,
/// then its own fresh one (see [`start_workers`]).
fn own_renderer<'r>(
    idle: &'r mut [&mut Renderer],
    here: &'r mut Option<Renderer>,
) -> io::Result<&'r mut Renderer> {
    match (idle.first_mut(), here.as_mut()) {
        (Some(renderer), _) => Ok(&mut **renderer),
        (None, Some(renderer)) => Ok(renderer),
        (None, None) => Err(io::Error::other("no renderer is free")),
    }
}

/// Renders a block line by line, as the sequential writer renders the same pieces.
fn render_block(renderer: &mut Renderer, layout: Layout, block: Block) -> Rendered {
    let Block { text, out } = block;
    let rendered = render_text(renderer, layout, &text, out);
    Rendered { text, ..rendered }
}

/// Renders `text` into `out`; the rendering's text is empty.
fn render_text(renderer: &mut Renderer, layout: Layout, text: &str, mut out: Vec<u8>) -> Rendered {
    out.clear();
    let mut tokens = 0;
    let mut line_has_tokens = false;
    let mut first_line_has_tokens = None;
    // Line by line, but each rendered within the whole block (see `Renderer::render_in`).
    let mut start = 0;
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut i = 0;
    for end in line_ends {
        // A line with its end in the block lost no `\r` yet; one the next block goes on
        // with ends in no `\r` of a `\r\n` (the reader never cuts inside one).
        let ends_here = end < text.len();
        let line = if ends_here && text.as_bytes()[start..end].ends_with(b"\r") {
            start..end - 1
        } else {
            start..end
        };
        i += 1;
        if i > 1 {
            first_line_has_tokens.get_or_insert(line_has_tokens);
            if layout == Layout::LinePerLine {
                out.push(b'\n');
            }
            line_has_tokens = false;
        }
        tokens += renderer.render_in(text, line, layout, &mut line_has_tokens, &mut out);
        start = end + 1;
    }
    Rendered {
        text: String::new(),
        out,
        tokens,
        first_line_has_tokens: first_line_has_tokens.unwrap_or(line_has_tokens),
        ends_a_line: first_line_has_tokens.is_some(),
        last_line_has_tokens: line_has_tokens,
    }
}
