//! The document pipeline: tokenize, stem, and write a document in the paired corpus's formats.

use std::io::{self, Read, Write};
use std::ops::Range;

use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};

use crate::document::{DocumentSink, ReadBuffers, read_document};
use crate::options::TokenizerOptions;
use crate::tokenizer::Tokenizer;

/// Bytes read at a time by default.
const DEFAULT_CHUNK_SIZE: usize = 64 * 1024;
/// Output is written once this many bytes have gathered: one big write rather than many.
const OUTPUT_FLUSH_SIZE: usize = 64 * 1024;

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
    /// The input is not UTF-8. `line` is 1-based; `byte` is the 0-based offset in the input.
    #[error("line {line}: invalid UTF-8 at byte {byte}")]
    InvalidUtf8 {
        /// The 1-based line holding the bad byte.
        line: u64,
        /// The 0-based offset of the bad byte from the start of the input.
        byte: u64,
    },
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// A tokenizer and an optional stemmer, applied to documents. Clone one per thread.
///
/// The document model: line 1 is a title, passed through verbatim; every later line is a body
/// paragraph, tokenized and stemmed. Lines end in `\n` or `\r\n`; output lines end in `\n`;
/// a UTF-8 byte-order mark at the start is dropped; an empty input gives an empty output.
#[derive(Clone, Debug)]
pub struct Pipeline {
    stemming: Stemming,
    chunk_size: usize,
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
            stemming: Stemming {
                tokenizer: Tokenizer::new(options),
                stemmer: algorithm.map(|a| CachedStemmer::new(Stemmer::new(a))),
            },
            chunk_size: DEFAULT_CHUNK_SIZE,
            buffers: ReadBuffers::default(),
            out: Vec::new(),
        }
    }

    /// Reads input `chunk_size` bytes at a time (default 64 KiB; at least 1). Output never
    /// depends on it; tests use tiny sizes to exercise every boundary.
    pub fn with_chunk_size(mut self, chunk_size: usize) -> Self {
        self.chunk_size = chunk_size.max(1);
        self
    }

    /// Bytes of buffer the pipeline holds, as grown by the last [`Self::run`]: it stays near
    /// a few chunk sizes whatever the input, unless a single token is longer than that.
    pub fn buffer_capacity(&self) -> usize {
        self.buffers.capacity() + self.out.capacity()
    }

    /// Calls `emit` with each output token (stemmed, if this pipeline stems) of a body text.
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&str)) {
        self.stemming.for_each_token(text, |token, _| emit(token));
    }

    /// Like [`Self::for_each_token`], with the byte range in `text` of the word behind each token.
    pub(crate) fn for_each_token_with_range(
        &mut self,
        text: &str,
        emit: impl FnMut(&str, Range<usize>),
    ) {
        self.stemming.for_each_token(text, emit);
    }

    /// Where a long unfinished line may be cut without changing its tokens.
    pub(crate) fn safe_cut(&self, text: &str) -> Option<usize> {
        self.stemming.tokenizer.last_safe_cut(text)
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
        let Pipeline {
            stemming,
            chunk_size,
            buffers,
            out,
        } = self;
        if out.capacity() > 4 * OUTPUT_FLUSH_SIZE {
            *out = Vec::new();
        }
        out.clear();
        let mut writer = LayoutWriter {
            stemming,
            layout,
            out,
            output,
            line_has_tokens: false,
            tokens: 0,
        };
        let counts = read_document(input, buffers, *chunk_size, lossy, &mut writer)?;
        writer.flush()?;
        Ok(Summary {
            lines: counts.lines,
            tokens: writer.tokens,
            bytes: counts.bytes,
        })
    }
}

/// The tokenizer and the stemmer, if any.
#[derive(Clone, Debug)]
struct Stemming {
    tokenizer: Tokenizer,
    stemmer: Option<CachedStemmer>,
}

impl Stemming {
    /// Calls `emit` with each output token of `text` and the range of its word in `text`.
    fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&str, Range<usize>)) {
        let Stemming { tokenizer, stemmer } = self;
        tokenizer.tokenize(text, |token| match stemmer {
            Some(stemmer) => emit(stemmer.stem(token.text), token.range),
            None => emit(token.text, token.range),
        });
    }
}

/// Writes a document's title and tokens in a [`Layout`], gathering output into big writes.
struct LayoutWriter<'a, W> {
    stemming: &'a mut Stemming,
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

    fn flush(&mut self) -> io::Result<()> {
        self.output.write_all(self.out)?;
        self.out.clear();
        self.output.flush()
    }
}

impl<W: Write> DocumentSink for LayoutWriter<'_, W> {
    type Error = PipelineError;

    fn title(&mut self, piece: &str) -> Result<(), PipelineError> {
        self.out.extend_from_slice(piece.as_bytes());
        Ok(self.write_if_full()?)
    }

    fn title_end(&mut self) -> Result<(), PipelineError> {
        self.out.push(b'\n');
        Ok(self.write_if_full()?)
    }

    fn body(&mut self, piece: &str) -> Result<(), PipelineError> {
        let LayoutWriter {
            stemming,
            layout,
            out,
            line_has_tokens,
            tokens,
            ..
        } = self;
        stemming.for_each_token(piece, |token, _| {
            match layout {
                Layout::TokenPerLine => {
                    out.extend_from_slice(token.as_bytes());
                    out.push(b'\n');
                }
                Layout::LinePerLine => {
                    if *line_has_tokens {
                        out.push(b' ');
                    }
                    out.extend_from_slice(token.as_bytes());
                    *line_has_tokens = true;
                }
            }
            *tokens += 1;
        });
        Ok(self.write_if_full()?)
    }

    fn body_end(&mut self) -> Result<(), PipelineError> {
        if self.layout == Layout::LinePerLine {
            self.out.push(b'\n');
            self.line_has_tokens = false;
        }
        Ok(self.write_if_full()?)
    }

    fn safe_cut(&self, text: &str) -> Option<usize> {
        self.stemming.tokenizer.last_safe_cut(text)
    }
}
