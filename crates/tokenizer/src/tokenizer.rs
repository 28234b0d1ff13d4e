//! The tokenizer: applies the options to a text and hands out tokens without copying.

use crate::ascii;
use crate::options::{TokenMode, TokenizerOptions};
use crate::token::Token;

/// Cuts text into tokens. Build one per thread and reuse it: lowercasing writes into a buffer
/// it keeps, so tokenizing allocates nothing once that buffer has grown.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    options: TokenizerOptions,
    lowered: String,
}

impl Tokenizer {
    /// A tokenizer with these options.
    pub fn new(options: TokenizerOptions) -> Self {
        Tokenizer {
            options,
            lowered: String::new(),
        }
    }

    /// The options this tokenizer applies.
    pub fn options(&self) -> &TokenizerOptions {
        &self.options
    }

    /// Calls `emit` with each token of `text`, in order.
    pub fn tokenize(&mut self, text: &str, mut emit: impl FnMut(Token<'_>)) {
        match self.options.mode {
            TokenMode::Ascii => {
                let lowered = &mut self.lowered;
                ascii::letter_runs(text.as_bytes(), |range| {
                    let word = &text[range.clone()];
                    let text = if word.bytes().any(|b| b.is_ascii_uppercase()) {
                        lowered.clear();
                        lowered.push_str(word);
                        lowered.make_ascii_lowercase();
                        lowered.as_str()
                    } else {
                        word
                    };
                    emit(Token { text, range });
                });
            }
            TokenMode::Unicode => todo!("unicode mode"),
        }
    }

    /// The largest `cut` such that tokenizing `text[..cut]` and `text[cut..]` separately gives the
    /// same tokens as tokenizing `text` whole, or `None` if there is no such cut other than 0.
    /// Streaming readers use it to hand out long lines in pieces without splitting a token.
    pub fn last_safe_cut(&self, text: &str) -> Option<usize> {
        match self.options.mode {
            // Any non-letter ASCII byte separates; cutting just after it splits no token.
            TokenMode::Ascii if !self.options.fold_to_ascii => text
                .bytes()
                .rposition(|b| b.is_ascii() && !b.is_ascii_alphabetic())
                .map(|i| i + 1),
            _ => todo!("safe cuts for unicode mode and folding"),
        }
    }

    /// The tokens of `text` as owned strings: convenient, but allocates; prefer [`Self::tokenize`].
    pub fn tokens(&mut self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        self.tokenize(text, |token| tokens.push(token.text.to_owned()));
        tokens
    }
}
