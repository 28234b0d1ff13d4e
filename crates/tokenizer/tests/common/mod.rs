//! Helpers shared by the pipeline test binaries: a document read in pieces, and the option
//! sets and layouts their properties draw.

// Each test binary uses its own share of these.
#![allow(dead_code)]

use std::io::{self, Read};

use proptest::prelude::*;
use stemkit_tokenizer::{Layout, Pipeline, TokenMode, TokenizerOptions};

/// The sizes of a reader's reads (0 is taken as 1).
pub(crate) enum Reads {
    /// These sizes over and over (none: whatever is asked).
    Cycled(Vec<usize>),
    /// These sizes once, then whatever is asked.
    ThenWhole(Vec<usize>),
}

/// A reader handing out `input` in reads of the given sizes.
struct ShortReads<'a> {
    input: &'a [u8],
    reads: Reads,
    next: usize,
}

impl Read for ShortReads<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let size = match &self.reads {
            Reads::Cycled(sizes) => sizes.get(self.next % sizes.len().max(1)),
            Reads::ThenWhole(sizes) => sizes.get(self.next),
        };
        self.next += 1;
        let n = size
            .copied()
            .unwrap_or(usize::MAX)
            .max(1)
            .min(buf.len())
            .min(self.input.len());
        buf[..n].copy_from_slice(&self.input[..n]);
        self.input = &self.input[n..];
        Ok(n)
    }
}

/// `input` run through `pipeline` with reads of `chunk_size` bytes, coming in `reads`; the
/// output, or the error's message.
pub(crate) fn run_in_pieces(
    pipeline: &Pipeline,
    input: &[u8],
    chunk_size: usize,
    reads: Reads,
    layout: Layout,
    lossy: bool,
) -> Result<Vec<u8>, String> {
    let mut pipeline = pipeline.clone().with_chunk_size(chunk_size);
    let reader = ShortReads {
        input,
        reads,
        next: 0,
    };
    let mut out = Vec::new();
    match pipeline.run(reader, &mut out, layout, lossy) {
        Ok(_) => Ok(out),
        Err(error) => Err(error.to_string()),
    }
}

/// Every combination of the tokenizer options that changes where words are cut, and the
/// filters (which decide on a streamed token's first bytes), `--max-len` drawn from `max_len`.
pub(crate) fn options(
    max_len: impl Strategy<Value = usize>,
) -> impl Strategy<Value = TokenizerOptions> {
    (
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        prop::option::of(0usize..6),
        prop::option::of(max_len),
    )
        .prop_map(
            |((unicode, fold_to_ascii, keep_numbers, remove_stopwords), min_len, max_len)| {
                TokenizerOptions {
                    mode: if unicode {
                        TokenMode::Unicode
                    } else {
                        TokenMode::Ascii
                    },
                    fold_to_ascii,
                    keep_numbers,
                    remove_stopwords,
                    min_len,
                    max_len,
                }
            },
        )
}

pub(crate) fn layout() -> impl Strategy<Value = Layout> {
    prop_oneof![Just(Layout::TokenPerLine), Just(Layout::LinePerLine)]
}
