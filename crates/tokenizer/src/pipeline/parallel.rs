//! Running a document on several threads. The calling thread reads, decodes and cuts the body
//! into blocks at line ends or safe cuts (the pieces the document reader hands out, so a block
//! boundary never changes a token); worker threads render blocks; the calling thread writes
//! the renderings in order. At most two blocks per thread are in flight, so memory stays flat
//! whatever the document's size; and blocks shrink as threads grow (see [`BLOCKS_BUDGET`]),
//! so it stays flat whatever the threads too.
//!
//! Workers start with the first full block: a short document is rendered on the calling thread.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::mem;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread::{self, Scope};

use super::render::Renderer;
use super::{Layout, OUTPUT_FLUSH_SIZE, Pipeline, PipelineError, Summary};
use crate::document::{DocumentSink, read_document};
use crate::giant::HUGE_PIECE;

/// Blocks in flight per thread: one being rendered, one waiting, so no worker idles.
const IN_FLIGHT_PER_THREAD: usize = 2;
/// Body bytes of all the blocks in flight, at most (their renderings take about as much
/// again): blocks keep the pipeline's block size up to four threads and shrink beyond, to
/// [`MIN_BLOCK_SIZE`] at 64.
const BLOCKS_BUDGET: usize = 4 << 20;
/// The smallest block for many threads: smaller, handing blocks out would cost more than
/// rendering them. (A pipeline's own block size may be smaller still: tests use tiny ones.)
const MIN_BLOCK_SIZE: usize = 32 << 10;

/// Body text to render: whole lines, each ended by `\n`, except that the first may continue
/// the previous block's last line and the last may go on in the next block.
struct Block {
    index: u64,
    text: String,
    /// A buffer for the rendering, reused.
    out: Vec<u8>,
}

/// A rendered block, and what writing it in order needs to know about its lines.
struct Rendered {
    index: u64,
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

/// What workers report.
enum Message {
    Rendered(Rendered),
    /// A worker panicked: its block will never come.
    Panicked,
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
    let max_in_flight = IN_FLIGHT_PER_THREAD * renderers.len();
    let budget_block = (BLOCKS_BUDGET / max_in_flight).max(MIN_BLOCK_SIZE);
    let block_size = (*block_size).min(budget_block);
    // A block is handed out once it reaches its size, after the whole lines of a read: reads
    // no larger than the budget's block keep blocks under twice that.
    let chunk_size = (*chunk_size).min(budget_block);
    let (jobs, job_queue) = mpsc::sync_channel(max_in_flight);
    let job_queue = Mutex::new(job_queue);
    let (done_sender, done) = mpsc::channel();
    thread::scope(|scope| {
        let mut writer = BlockWriter {
            scope,
            idle: renderers,
            job_queue: &job_queue,
            jobs,
            done_sender: Some(done_sender),
            done,
            here: None,
            layout,
            output,
            out,
            block: String::new(),
            block_size,
            started: false,
            next_index: 0,
            next_to_write: 0,
            max_in_flight,
            pending: BTreeMap::new(),
            spare: Vec::new(),
            line_has_tokens: false,
            tokens: 0,
        };
        let counts = read_document(input, buffers, chunk_size, lossy, boundaries, &mut writer)?;
        writer.finish().map_err(PipelineError::write)?;
        Ok(Summary {
            lines: counts.lines,
            tokens: writer.tokens,
            bytes: counts.bytes,
        })
    })
}

/// The sink of the calling thread: gathers blocks, hands them to workers, writes in order.
struct BlockWriter<'scope, 'env, W> {
    scope: &'scope Scope<'scope, 'env>,
    /// Renderers not lent to a worker yet (all of them until the first block is full).
    idle: Vec<&'env mut Renderer>,
    job_queue: &'env Mutex<Receiver<Block>>,
    jobs: SyncSender<Block>,
    /// Cloned for each worker when workers start.
    done_sender: Option<Sender<Message>>,
    done: Receiver<Message>,
    /// Renders huge pieces on this thread once the renderers are lent out (see
    /// [`BlockWriter::render_here`]).
    here: Option<Renderer>,
    layout: Layout,
    output: W,
    /// The title's output, written before any block's.
    out: &'env mut Vec<u8>,
    /// The block being gathered.
    block: String,
    /// The length at which a block is handed out.
    block_size: usize,
    started: bool,
    next_index: u64,
    next_to_write: u64,
    max_in_flight: usize,
    /// Blocks rendered ahead of the one to write next.
    pending: BTreeMap<u64, Rendered>,
    /// Buffers of written blocks, for reuse.
    spare: Vec<(String, Vec<u8>)>,
    /// Whether the output line open after the blocks written so far has tokens.
    line_has_tokens: bool,
    tokens: u64,
}

impl<'scope, 'env, W: Write> BlockWriter<'scope, 'env, W> {
    fn in_flight(&self) -> usize {
        (self.next_index - self.next_to_write) as usize
    }

    fn send_if_full(&mut self) -> io::Result<()> {
        if self.block.len() >= self.block_size {
            self.send_block()?;
        }
        Ok(())
    }

    /// Hands the gathered block to the workers, first waiting for room if too many are out.
    fn send_block(&mut self) -> io::Result<()> {
        self.start_workers();
        while self.in_flight() >= self.max_in_flight {
            self.write_next()?;
        }
        let (text, out) = self.spare.pop().unwrap_or_default();
        let block = Block {
            index: self.next_index,
            text: mem::replace(&mut self.block, text),
            out,
        };
        self.jobs
            .send(block)
            .map_err(|_| io::Error::other("the worker threads stopped"))?;
        self.next_index += 1;
        Ok(())
    }

    fn start_workers(&mut self) {
        if self.started {
            return;
        }
        self.started = true;
        self.here = self.idle.first().map(|renderer| renderer.fresh());
        let Some(done) = self.done_sender.take() else {
            return;
        };
        for renderer in self.idle.drain(..) {
            let (queue, done, layout) = (self.job_queue, done.clone(), self.layout);
            self.scope
                .spawn(move || work(renderer, layout, queue, &done));
        }
    }

    /// Renders a huge piece (a giant token, see [`HUGE_PIECE`]) on this thread, after every
    /// block before it is written: copied into a block it would be one more copy of the token.
    fn render_here(&mut self, piece: &str) -> io::Result<()> {
        self.write_every_block()?;
        let renderer = own_renderer(&mut self.idle, &mut self.here)?;
        let rendered = render_text(renderer, self.layout, self.next_index, piece, Vec::new());
        self.next_index += 1;
        self.next_to_write += 1;
        self.write(rendered)
    }

    /// Hands out the gathered block and writes every block in flight: what this thread writes
    /// next comes after all of them.
    fn write_every_block(&mut self) -> io::Result<()> {
        if !self.block.is_empty() {
            self.send_block()?;
        }
        while self.in_flight() > 0 {
            self.write_next()?;
        }
        Ok(())
    }

    /// Waits for the next block in order, and writes it.
    fn write_next(&mut self) -> io::Result<()> {
        loop {
            if let Some(rendered) = self.pending.remove(&self.next_to_write) {
                self.next_to_write += 1;
                return self.write(rendered);
            }
            match self.done.recv() {
                Ok(Message::Rendered(rendered)) => {
                    self.pending.insert(rendered.index, rendered);
                }
                Ok(Message::Panicked) | Err(_) => {
                    return Err(io::Error::other("a worker thread failed"));
                }
            }
        }
    }

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

    /// At end of input: renders what is left (on this thread if no worker started), writes
    /// every block and flushes.
    fn finish(&mut self) -> io::Result<()> {
        match self.idle.first_mut() {
            Some(renderer) if !self.started => {
                let (text, out) = (mem::take(&mut self.block), Vec::new());
                let block = Block {
                    index: self.next_index,
                    text,
                    out,
                };
                self.next_index += 1;
                let rendered = render_block(renderer, self.layout, block);
                self.next_to_write += 1;
                self.write(rendered)?;
            }
            _ => self.write_every_block()?,
        }
        self.output.write_all(self.out)?;
        self.out.clear();
        self.output.flush()
    }
}

impl<W: Write> DocumentSink for BlockWriter<'_, '_, W> {
    type Error = io::Error;

    fn title(&mut self, piece: &str) -> io::Result<()> {
        self.out.extend_from_slice(piece.as_bytes());
        if self.out.len() >= OUTPUT_FLUSH_SIZE {
            self.output.write_all(self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    fn title_end(&mut self) -> io::Result<()> {
        self.out.push(b'\n');
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
        self.tokens += renderer.render_giant_piece(
            piece,
            last,
            self.layout,
            &mut self.line_has_tokens,
            self.out,
        );
        if self.out.len() >= OUTPUT_FLUSH_SIZE {
            self.output.write_all(self.out)?;
            self.out.clear();
        }
        Ok(())
    }
}

/// The renderer this thread renders on itself: the first one while no worker has started,
/// then its own fresh one (see [`BlockWriter::start_workers`]).
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

/// A worker: renders blocks until the queue closes.
fn work(
    renderer: &mut Renderer,
    layout: Layout,
    queue: &Mutex<Receiver<Block>>,
    done: &Sender<Message>,
) {
    let _alarm = PanicAlarm(done);
    loop {
        let block = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(block) = block else {
            return;
        };
        let rendered = render_block(renderer, layout, block);
        if done.send(Message::Rendered(rendered)).is_err() {
            return;
        }
    }
}

/// Tells the writer when its worker panics, so it stops waiting for the lost block.
struct PanicAlarm<'a>(&'a Sender<Message>);

impl Drop for PanicAlarm<'_> {
    fn drop(&mut self) {
        if thread::panicking() {
            let _ = self.0.send(Message::Panicked);
        }
    }
}

/// Renders a block line by line, as the sequential writer renders the same pieces.
fn render_block(renderer: &mut Renderer, layout: Layout, block: Block) -> Rendered {
    let Block { index, text, out } = block;
    let rendered = render_text(renderer, layout, index, &text, out);
    Rendered { text, ..rendered }
}

/// Renders `text` as the block numbered `index`, into `out`; the rendering's text is empty.
fn render_text(
    renderer: &mut Renderer,
    layout: Layout,
    index: u64,
    text: &str,
    mut out: Vec<u8>,
) -> Rendered {
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
        index,
        text: String::new(),
        out,
        tokens,
        first_line_has_tokens: first_line_has_tokens.unwrap_or(line_has_tokens),
        ends_a_line: first_line_has_tokens.is_some(),
        last_line_has_tokens: line_has_tokens,
    }
}
