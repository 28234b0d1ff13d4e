//! The document pipeline: tokenize, stem, and write a document in the paired corpus's formats.

use std::io::{self, Read, Write};

use stemkit_stemmer::{Algorithm, Stemmer};

use crate::options::TokenizerOptions;
use crate::tokenizer::Tokenizer;

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
#[derive(Clone, Debug, Default)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    stemmer: Option<Stemmer>,
    stem: String,
}

impl Pipeline {
    /// A pipeline tokenizing with `options` and, when `algorithm` is given, stemming each token.
    pub fn new(options: TokenizerOptions, algorithm: Option<Algorithm>) -> Self {
        Pipeline {
            tokenizer: Tokenizer::new(options),
            stemmer: algorithm.map(Stemmer::new),
            stem: String::new(),
        }
    }

    /// Calls `emit` with each output token (stemmed, if this pipeline stems) of a body text.
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&str)) {
        let Pipeline { tokenizer, stemmer, stem } = self;
        tokenizer.tokenize(text, |token| match stemmer {
            Some(stemmer) => {
                stemmer.stem_into(token.text, stem);
                emit(stem);
            }
            None => emit(token.text),
        });
    }

    /// Streams one document from `input` to `output` in `layout`, in bounded memory.
    /// With `lossy`, invalid UTF-8 becomes U+FFFD instead of an error.
    pub fn run<R: Read, W: Write>(
        &mut self,
        input: R,
        output: W,
        layout: Layout,
        lossy: bool,
    ) -> Result<Summary, PipelineError> {
        let _ = (input, output, layout, lossy);
        todo!("streaming document pipeline")
    }
}
