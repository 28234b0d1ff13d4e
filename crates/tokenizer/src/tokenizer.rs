//! The tokenizer: applies the options to a text and hands out tokens without copying.

use std::ops::Range;

use crate::boundaries;
use crate::fold::Folded;
use crate::options::{TokenMode, TokenizerOptions};
use crate::token::Token;
use crate::{ascii, unicode};

/// Cuts text into tokens. Build one per thread and reuse it: lowercasing and folding write into
/// buffers it keeps, so tokenizing allocates nothing once those buffers have grown.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    options: TokenizerOptions,
    lowered: String,
    folded: Folded,
}

impl Tokenizer {
    /// A tokenizer with these options.
    pub fn new(options: TokenizerOptions) -> Self {
        Tokenizer {
            options,
            lowered: String::new(),
            folded: Folded::default(),
        }
    }

    /// The options this tokenizer applies.
    pub fn options(&self) -> &TokenizerOptions {
        &self.options
    }

    /// Calls `emit` with each token of `text`, in order. Token ranges are byte ranges of `text`,
    /// even when folding changed the characters (`Straße` -> `strasse` has the range of
    /// `Straße`); they never decrease, and only tokens folded out of one character (`½` ->
    /// `1`, `2`, with `keep_numbers`) share a range.
    pub fn tokenize(&mut self, text: &str, mut emit: impl FnMut(Token<'_>)) {
        let Tokenizer {
            options,
            lowered,
            folded,
        } = self;
        // Folding ASCII changes nothing: skip it, and its range mapping, on ASCII text.
        let fold = options.fold_to_ascii && !text.is_ascii();
        let source = if fold {
            folded.fold(text);
            folded.text()
        } else {
            text
        };
        let original_range = |range: Range<usize>| {
            if fold {
                folded.original_range(text, range)
            } else {
                range
            }
        };
        match options.mode {
            TokenMode::Ascii => {
                ascii::word_runs(
                    source.as_bytes(),
                    options.keep_numbers,
                    |range, capitals| {
                        let word = &source[range.clone()];
                        let token = if capitals {
                            lowered.clear();
                            lowered.push_str(word);
                            lowered.make_ascii_lowercase();
                            lowered.as_str()
                        } else {
                            word
                        };
                        if options.keeps(token) {
                            let range = original_range(range);
                            emit(Token { text: token, range });
                        }
                    },
                );
            }
            TokenMode::Unicode => unicode::words(source, options.keep_numbers, |start, word| {
                let token = unicode::lowercase(word, lowered);
                if options.keeps(token) {
                    let range = original_range(start..start + word.len());
                    emit(Token { text: token, range });
                }
            }),
        }
    }

    /// The largest `cut` such that tokenizing `text[..cut]` and `text[cut..]` separately gives the
    /// same tokens as tokenizing `text` whole (the second part's ranges shifted by `cut`), or
    /// `None` if there is no such cut other than 0. Streaming readers use it to hand out long
    /// lines in pieces without splitting a token. Always a char boundary of `text`.
    pub fn last_safe_cut(&self, text: &str) -> Option<usize> {
        boundaries::last_safe_cut(&self.options, text)
    }

    /// The tokens of `text` as owned strings: convenient, but allocates; prefer [`Self::tokenize`].
    pub fn tokens(&mut self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        self.tokenize(text, |token| tokens.push(token.text.to_owned()));
        tokens
    }
}
