//! Rendering body text: its tokens, stemmed if asked, with a layout's separators, as bytes.
//!
//! The default options (ASCII letter runs, no folding, no filters) take a fast path: the byte
//! scan hands each raw word, capitals and all, straight to the [`CachedStemmer`], so a repeated
//! word is neither lowercased nor stemmed again. That is exact because every algorithm
//! lowercases first: the stem of an ASCII word is the stem of its lowercase, the token the
//! tokenizer would have made. Every other option goes through the [`Tokenizer`] and then the
//! same cache.

use std::ops::Range;

use stemkit_stemmer::{Algorithm, CachedStemmer, Stemmer};

use super::Layout;
use crate::ascii;
use crate::fold::Folded;
use crate::giant::rules::token_end;
use crate::giant::token::GiantToken;
use crate::options::{TokenMode, TokenizerOptions};
use crate::tokenizer::Tokenizer;

/// The tokenizer, the stemmer, and what makes them fast. Clone one per thread.
#[derive(Clone, Debug)]
pub(crate) struct Renderer {
    tokenizer: Tokenizer,
    stemmer: Option<CachedStemmer>,
    /// Whether the options allow the fast path.
    plain_ascii: bool,
    /// A giant token, while its pieces come: stemmed as they come when stemming, lowercased
    /// and written as they come otherwise.
    giant: Option<GiantToken>,
    /// The folding of such a token's piece.
    folded: Folded,
}

impl Renderer {
    pub(crate) fn new(options: TokenizerOptions, algorithm: Option<Algorithm>) -> Self {
        let plain_ascii = options.is_plain_ascii();
        Renderer {
            tokenizer: Tokenizer::new(options),
            stemmer: algorithm.map(|a| CachedStemmer::new(Stemmer::new(a))),
            plain_ascii,
            giant: None,
            folded: Folded::default(),
        }
    }

    /// A renderer with the same options and an empty cache of the same size: cheap, its cache
    /// is only made on first use.
    pub(crate) fn fresh(&self) -> Renderer {
        Renderer {
            tokenizer: self.tokenizer.clone(),
            stemmer: self
                .stemmer
                .as_ref()
                .map(|stemmer| CachedStemmer::with_memory(stemmer.stemmer(), stemmer.memory())),
            plain_ascii: self.plain_ascii,
            giant: None,
            folded: Folded::default(),
        }
    }

    /// Gives the stem cache at most `bytes` (see [`CachedStemmer::with_memory`]); a cache
    /// already of that size is kept, warm.
    pub(crate) fn set_cache_bytes(&mut self, bytes: usize) {
        if let Some(stemmer) = &mut self.stemmer {
            let sized = CachedStemmer::with_memory(stemmer.stemmer(), bytes);
            if sized.memory() != stemmer.memory() {
                *stemmer = sized;
            }
        }
    }

    /// Calls `emit` with each output token of `text` and the range of its word in `text`.
    pub(crate) fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&str, Range<usize>)) {
        let Renderer {
            tokenizer, stemmer, ..
        } = self;
        tokenizer.tokenize(text, |token| match stemmer {
            Some(stemmer) => emit(stemmer.stem(token.text), token.range),
            None => emit(token.text, token.range),
        });
    }

    /// Appends what is settled of a giant token, given in pieces (see
    /// [`crate::boundaries::Boundaries::giant_run`]), to `out` in `layout`; after the `last` piece, the rest of it and
    /// its line end, then the tokens of what follows it in that piece. Returns the tokens
    /// finished.
    pub(crate) fn render_giant_piece(
        &mut self,
        piece: &str,
        last: bool,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        let options = self.tokenizer.options();
        let unicode = options.mode == TokenMode::Unicode && !options.fold_to_ascii;
        // Folded pieces are ASCII, and the token's bytes of them are what the tokenizer sees.
        let mut folded = std::mem::take(&mut self.folded);
        let text = if options.fold_to_ascii && !piece.is_ascii() {
            folded.fold(piece);
            folded.text()
        } else {
            piece
        };
        let (token, after) = if last {
            text.split_at(token_end(options, text))
        } else {
            (text, "")
        };
        let stemmer = self.stemmer.as_ref().map(CachedStemmer::stemmer);
        let giant = self
            .giant
            .get_or_insert_with(|| GiantToken::new(stemmer, unicode));
        let start = |out: &mut Vec<u8>| write_separator(layout, line_has_tokens, out);
        let mut tokens = 0;
        if giant.push(token, last, options, out, start) {
            if layout == Layout::TokenPerLine {
                out.push(b'\n');
            }
            tokens += 1;
        }
        if last {
            self.giant = None;
            if !after.is_empty() {
                // What follows the token tokenizes on its own (see `TokenRun::Ends`); folded,
                // it is ASCII, which folding leaves as it is.
                tokens += self.render(after, layout, line_has_tokens, out);
            }
        }
        self.folded = folded;
        tokens
    }

    /// Appends the tokens of `text` (part of one line) to `out` in `layout`; `line_has_tokens`
    /// says whether the output line already has tokens, and is updated. Returns the tokens
    /// written.
    pub(crate) fn render(
        &mut self,
        text: &str,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        self.render_in(text, 0..text.len(), layout, line_has_tokens, out)
    }

    /// [`Self::render`] of `text[line]`, the same output. Faster when `text` goes on past the
    /// line (a block of lines): the stem cache then reads each word's key in one load even at
    /// the line's end, rather than through a padded copy.
    pub(crate) fn render_in(
        &mut self,
        text: &str,
        line: Range<usize>,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        if self.plain_ascii && self.stemmer.is_some() {
            return self.render_stems(text, line, layout, line_has_tokens, out);
        }
        let Some(text) = text.get(line) else {
            return 0;
        };
        if !self.plain_ascii {
            let mut tokens = 0;
            self.for_each_token(text, |token, _| {
                write_token(token.as_bytes(), layout, line_has_tokens, out);
                tokens += 1;
            });
            return tokens;
        }
        self.render_words(text.as_bytes(), layout, line_has_tokens, out)
    }

    /// The fast path without stemming: each word copied and lowercased in place.
    fn render_words(
        &mut self,
        text: &[u8],
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        let keep_numbers = self.tokenizer.options().keep_numbers;
        let mut tokens = 0;
        ascii::word_runs(text, keep_numbers, |range, capitals| {
            let start = out.len();
            match text.get(range.start..).and_then(<[u8]>::first_chunk::<16>) {
                // A short word followed by enough text: a fixed-size copy, cut to length.
                Some(sixteen) if range.len() <= 16 => {
                    write_separator(layout, line_has_tokens, out);
                    let end = out.len() + range.len();
                    out.extend_from_slice(sixteen);
                    out.truncate(end);
                    if layout == Layout::TokenPerLine {
                        out.push(b'\n');
                    }
                }
                _ => write_token(&text[range], layout, line_has_tokens, out),
            }
            if capitals {
                out[start..].make_ascii_lowercase();
            }
            tokens += 1;
        });
        tokens
    }

    /// The fast path with stemming: each raw word of `text[line]` looked up in the cache.
    fn render_stems(
        &mut self,
        text: &str,
        line: Range<usize>,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        let Renderer {
            tokenizer, stemmer, ..
        } = self;
        let Some(stemmer) = stemmer else {
            return 0;
        };
        let mut tokens = 0;
        let keep_numbers = tokenizer.options().keep_numbers;
        let Some(bytes) = text.as_bytes().get(line.clone()) else {
            return 0;
        };
        ascii::word_runs(bytes, keep_numbers, |word, _| {
            let word = line.start + word.start..line.start + word.end;
            tokens += 1;
            match layout {
                Layout::TokenPerLine => stemmer.append_stem_in(text, word, out, Some(b'\n')),
                Layout::LinePerLine => {
                    write_separator(layout, line_has_tokens, out);
                    stemmer.append_stem_in(text, word, out, None);
                }
            }
        });
        tokens
    }
}

/// Appends `token` with the separators of `layout`.
#[inline]
fn write_token(token: &[u8], layout: Layout, line_has_tokens: &mut bool, out: &mut Vec<u8>) {
    match layout {
        Layout::TokenPerLine => {
            out.extend_from_slice(token);
            out.push(b'\n');
        }
        Layout::LinePerLine => {
            if *line_has_tokens {
                out.push(b' ');
            }
            out.extend_from_slice(token);
            *line_has_tokens = true;
        }
    }
}

/// Line per line: the space before a token that is not its line's first; marks the line.
#[inline]
fn write_separator(layout: Layout, line_has_tokens: &mut bool, out: &mut Vec<u8>) {
    if layout == Layout::LinePerLine {
        if *line_has_tokens {
            out.push(b' ');
        }
        *line_has_tokens = true;
    }
}
