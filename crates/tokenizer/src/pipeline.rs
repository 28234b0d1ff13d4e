//! The document pipeline: tokenize, stem, and write a document in the paired corpus's formats.

mod parallel;
mod render;
mod sequential;

use std::fmt;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::ops::Range;

use crossbeam_utils::CachePadded;
use stemkit_stemmer::{Algorithm, CachedStemmer};

use crate::boundaries::Boundaries;
use crate::document::{ReadBuffers, ReadError};
use crate::framing::Position;
use crate::options::TokenizerOptions;

use render::Renderer;

/// Bytes read at a time by default.
const DEFAULT_CHUNK_SIZE: usize = 128 * 1024;
/// Body bytes per block by default when several threads render a document: handing a block
/// to a thread costs nothing next to rendering it.
const DEFAULT_BLOCK_SIZE: usize = 512 * 1024;
/// The smallest read chunk of a pipeline among many (see [`Pipeline::one_of`]).
const MIN_SHARED_CHUNK_SIZE: usize = 16 * 1024;
/// Output is written once this many bytes have gathered: one big write rather than many.
const OUTPUT_FLUSH_SIZE: usize = 128 * 1024;

/// How output lines are laid out after the verbatim title line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// One token per line: the `stemmed.txt` format.
    #[default]
    TokenPerLine,
    /// One output line per input line, its tokens joined by single spaces: the `raw.txt` format.
    LinePerLine,
}

/// What a run read and wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input lines, the title line included.
    pub lines: u64,
    /// Tokens written.
    pub tokens: u64,
    /// Input bytes read.
    pub bytes: u64,
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The input is not UTF-8. `line` is 1-based; `byte` is the 0-based offset in the input
    /// (the document reader's [`crate::framing::InvalidUtf8`], unpacked).
    #[error("line {line}: invalid UTF-8 at byte {byte}")]
    InvalidUtf8 {
        /// The 1-based line holding the bad byte.
        line: u64,
        /// The 0-based offset of the bad byte from the start of the input.
        byte: u64,
    },
    /// Reading the input or writing the output failed: [`IoFailure::side`] says which.
    #[error(transparent)]
    Io(IoFailure),
}

/// An I/O error of a run, and whether reading or writing failed. Transparent: it displays as
/// the I/O error, and its source is the I/O error's.
#[derive(Debug)]
pub struct IoFailure {
    side: Side,
    error: io::Error,
}

impl fmt::Display for IoFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl std::error::Error for IoFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source()
    }
}

/// Which side of a run an I/O error came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Reading the input.
    Read,
    /// Writing the output.
    Write,
}

impl IoFailure {
    /// Whether reading or writing failed.
    pub fn side(&self) -> Side {
        self.side
    }

    /// The kind of the I/O error.
    pub fn kind(&self) -> io::ErrorKind {
        self.error.kind()
    }

    /// The I/O error.
    pub fn into_inner(self) -> io::Error {
        self.error
    }
}

impl PipelineError {
    /// Writing the output failed with `error`.
    pub(crate) fn write(error: io::Error) -> Self {
        PipelineError::Io(IoFailure {
            side: Side::Write,
            error,
        })
    }
}

impl From<ReadError<io::Error>> for PipelineError {
    fn from(error: ReadError<io::Error>) -> Self {
        match error {
            ReadError::InvalidUtf8(error) => {
                let Position { line, byte } = error.position;
                PipelineError::InvalidUtf8 { line, byte }
            }
            ReadError::Read(error) => PipelineError::Io(IoFailure {
                side: Side::Read,
                error,
            }),
            ReadError::Sink(error) => PipelineError::write(error),
        }
    }
}

/// A tokenizer and an optional stemmer, applied to documents. Clone one per thread, or let one
/// pipeline use several threads for each document with [`Self::with_threads`].
///
/// Its memory stays flat whatever the threads: they share the stem-cache budget
/// ([`Self::with_cache_bytes`]), and blocks in flight shrink as threads grow.
///
/// The document model: line 1 is a title, passed through verbatim; every later line is a body
/// paragraph, tokenized and stemmed. Lines end in `\n` or `\r\n`; output lines end in `\n`;
/// a UTF-8 byte-order mark at the start is dropped; an empty input gives an empty output.
#[derive(Clone, Debug)]
pub struct Pipeline {
    /// Each renderer on cache lines of its own: a renderer writes its own fields at every
    /// token, and threads rendering side by side would otherwise fight over a shared line.
    renderer: CachePadded<Renderer>,
    /// Where the reader may cut long lines, for the renderers' options.
    boundaries: Boundaries,
    /// Renderers of the worker threads beyond the first, kept warm from one document to the next.
    workers: Vec<CachePadded<Renderer>>,
    chunk_size: usize,
    /// Body bytes per block when several threads render a document.
    block_size: usize,
    /// Stem-cache bytes, shared by the renderers.
    cache_bytes: usize,
    buffers: ReadBuffers,
    out: Vec<u8>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new(TokenizerOptions::default(), None)
    }
}

impl Pipeline {
    /// A pipeline tokenizing with `options` and, when `algorithm` is given, stemming each token.
    pub fn new(options: TokenizerOptions, algorithm: Option<Algorithm>) -> Self {
        Pipeline {
            boundaries: Boundaries::new(options.clone()),
            renderer: CachePadded::new(Renderer::new(options, algorithm)),
            workers: Vec::new(),
            chunk_size: DEFAULT_CHUNK_SIZE,
            block_size: DEFAULT_BLOCK_SIZE,
            cache_bytes: CachedStemmer::SHARED_MEMORY,
            buffers: ReadBuffers::default(),
            out: Vec::new(),
        }
        .with_threads(NonZeroUsize::MIN)
    }

    /// Reads input `chunk_size` bytes at a time (default 128 KiB; at least 1). Output never
    /// depends on it; tests use tiny sizes to exercise every boundary.
    pub fn with_chunk_size(mut self, chunk_size: usize) -> Self {
        self.chunk_size = chunk_size.max(1);
        self
    }

    /// Tokenizes and stems each document's body on `threads` threads (default 1): the body is
    /// cut into blocks where a cut changes no token, blocks are rendered in parallel and written
    /// in order, a few blocks in flight at most. Each thread's stem cache is its share of
    /// [`Self::with_cache_bytes`]; beyond four threads, blocks and reads get smaller: memory
    /// stays flat whatever the threads. Output never depends on it.
    pub fn with_threads(mut self, threads: NonZeroUsize) -> Self {
        self.renderer
            .set_cache_bytes(self.cache_bytes / threads.get());
        self.workers = vec![CachePadded::new(self.renderer.fresh()); threads.get() - 1];
        self
    }

    /// Gives the stem caches `bytes` in all (default 16 MiB), shared by the threads: each
    /// thread's is its share rounded down to a power of two, at most 4 MiB and at least
    /// 256 KiB (see [`stemkit_stemmer::CachedStemmer::with_memory`]). Output never depends on
    /// it. For several pipelines at once, give each its share of a budget.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use stemkit_stemmer::Algorithm;
    /// use stemkit_tokenizer::{Layout, Pipeline, TokenizerOptions};
    ///
    /// let pipeline = Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk));
    /// assert_eq!(pipeline.cache_bytes(), 16 << 20);
    /// // Eight threads sharing 4 MiB: 512 KiB each.
    /// let eight = NonZeroUsize::new(8).unwrap();
    /// let mut pipeline = pipeline.with_threads(eight).with_cache_bytes(4 << 20);
    /// assert_eq!(pipeline.cache_bytes(), 4 << 20);
    /// let mut out = Vec::new();
    /// pipeline.run(&b"Title\nRunning ponies"[..], &mut out, Layout::TokenPerLine, false).unwrap();
    /// assert_eq!(out, b"Title\nrun\nponi\n");
    /// ```
    pub fn with_cache_bytes(mut self, bytes: usize) -> Self {
        self.cache_bytes = bytes;
        let threads = NonZeroUsize::new(self.threads()).unwrap_or(NonZeroUsize::MIN);
        self.with_threads(threads)
    }

    /// Makes this pipeline one of `n` running at once, each on a thread of its own (a
    /// directory's files, say): each takes 1/n of the stem-cache budget and, beyond eight,
    /// reads in smaller chunks, so that together they take about the memory of one pipeline.
    /// Output never depends on it.
    pub fn one_of(self, n: NonZeroUsize) -> Self {
        let chunk_share = (8 * DEFAULT_CHUNK_SIZE / n.get()).max(MIN_SHARED_CHUNK_SIZE);
        let chunk_size = self.chunk_size.min(chunk_share);
        let cache_bytes = self.cache_bytes / n.get();
        self.with_chunk_size(chunk_size)
            .with_cache_bytes(cache_bytes)
    }

    /// The stem-cache bytes shared by the pipeline's threads (see [`Self::with_cache_bytes`]).
    pub fn cache_bytes(&self) -> usize {
        self.cache_bytes
    }

    /// With several threads, hands the body out in blocks of about `block_size` bytes (default
    /// 512 KiB; at least 1). Output never depends on it; tests use tiny sizes.
    pub fn with_block_size(mut self, block_size: usize) -> Self {
        self.block_size = block_size.max(1);
        self
    }

    /// The threads each document is processed on.
    pub fn threads(&self) -> usize {
        1 + self.workers.len()
    }

    /// Bytes of buffer the pipeline holds, as grown by the last [`Self::run`]: it stays near
    /// a few chunk sizes whatever the input. A token longer than that streams through in
    /// pieces in every mode, with any filters (stopwords and length limits decide on its
    /// first characters, so a length limit of millions holds that many). Held until they end
    /// are only odd giant words: in Unicode mode, one that does not start with a letter (or
    /// a digit, with `keep_numbers`), and the text after a word's run that the segmenter
    /// cannot decide from a few kilobytes (a huge run of combining marks after a `'`, say).
    pub fn buffer_capacity(&self) -> usize {
        self.buffers.capacity() + self.out.capacity()
    }

    /// Appends the output tokens of one body line (no line end in it) to `out` as [`Self::run`]
    /// writes them in `layout`: each followed by `\n` for [`Layout::TokenPerLine`]; for
    /// [`Layout::LinePerLine`], separated by spaces, with one first if `line_has_tokens` (which
    /// it updates), so that several lines can make one. Returns the tokens written. Faster than
    /// [`Self::for_each_token`] for many short texts, such as a dataset's records.
    ///
    /// ```
    /// use stemkit_tokenizer::{Layout, Pipeline};
    ///
    /// let mut pipeline = Pipeline::new(Default::default(), Some(Default::default()));
    /// let (mut out, mut line_has_tokens) = (Vec::new(), false);
    /// pipeline.render_line("Running ponies", Layout::LinePerLine, &mut line_has_tokens, &mut out);
    /// pipeline.render_line("and caresses.", Layout::LinePerLine, &mut line_has_tokens, &mut out);
    /// assert_eq!(out, b"run poni and caress");
    /// ```
    pub fn render_line(
        &mut self,
        line: &str,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        self.renderer.render(line, layout, line_has_tokens, out)
    }

    /// Calls `emit` with each output token (stemmed, if this pipeline stems) of a body text.
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&str)) {
        self.renderer.for_each_token(text, |token, _| emit(token));
    }

    /// Where the reader may cut long lines, for this pipeline's options.
    pub(crate) fn boundaries(&self) -> &Boundaries {
        &self.boundaries
    }

    /// Like [`Self::for_each_token`], with the byte range in `text` of the word behind each token.
    pub(crate) fn for_each_token_with_range(
        &mut self,
        text: &str,
        emit: impl FnMut(&str, Range<usize>),
    ) {
        self.renderer.for_each_token(text, emit);
    }

    /// Streams one document from `input` to `output` in `layout`, in bounded memory.
    /// With `lossy`, invalid UTF-8 becomes U+FFFD instead of an error.
    ///
    /// On error, some output may have been written already: write to a temporary file if a
    /// failed run must leave nothing behind.
    pub fn run<R: Read, W: Write>(
        &mut self,
        input: R,
        output: W,
        layout: Layout,
        lossy: bool,
    ) -> Result<Summary, PipelineError> {
        if self.out.capacity() > 4 * OUTPUT_FLUSH_SIZE {
            self.out = Vec::new();
        }
        self.out.clear();
        if self.workers.is_empty() {
            sequential::run(self, input, output, layout, lossy)
        } else {
            parallel::run(self, input, output, layout, lossy)
        }
    }
}
