//! A token too long to hold, rendered from its pieces as they come: stemmed (or lowercased) on
//! the fly. When stopwords or length limits apply, its first bytes are held only until they
//! can tell whether the token is kept: no stopword and no limit is longer than a few bytes
//! (or than the limit the user set), so memory stays flat however long the token.

use stemkit_stemmer::{LongWordStemmer, Stemmer};

use super::Layout;
use super::render::write_separator;
use crate::options::TokenizerOptions;
use crate::stopwords;
use crate::tokenizer::is_kept;

/// The state of a token handed over in pieces (ASCII letters, and digits with
/// `keep_numbers`: one byte per character).
#[derive(Clone, Debug)]
pub(super) struct LongToken {
    /// Stems it, if the pipeline stems.
    stemmer: Option<LongWordStemmer>,
    /// The stem's settled text, between pieces.
    settled: String,
    verdict: Verdict,
}

/// Whether the token is written.
#[derive(Clone, Debug)]
enum Verdict {
    /// The filters cannot tell yet: the token so far, lowercased.
    Undecided(String),
    Kept,
    Dropped,
}

impl LongToken {
    /// A token to be stemmed by `stemmer`, if any.
    pub(super) fn new(stemmer: Option<Stemmer>) -> Self {
        LongToken {
            stemmer: stemmer.map(LongWordStemmer::new),
            settled: String::new(),
            verdict: Verdict::Undecided(String::new()),
        }
    }

    /// Takes the token's next piece; after the `last`, its line end too. Writes to `out` what
    /// is settled, once the filters of `options` keep the token. Returns the tokens finished:
    /// 1 after the last piece of a kept token, else 0.
    pub(super) fn push(
        &mut self,
        piece: &str,
        last: bool,
        options: &TokenizerOptions,
        layout: Layout,
        line_has_tokens: &mut bool,
        out: &mut Vec<u8>,
    ) -> u64 {
        match &mut self.verdict {
            Verdict::Dropped => return 0,
            Verdict::Kept => self.write(piece, last, out),
            Verdict::Undecided(held) => {
                let start = held.len();
                held.push_str(piece);
                held[start..].make_ascii_lowercase();
                match decide(options, held, last) {
                    None => return 0,
                    Some(false) => {
                        self.verdict = Verdict::Dropped;
                        return 0;
                    }
                    Some(true) => {
                        let held = std::mem::take(held);
                        self.verdict = Verdict::Kept;
                        write_separator(layout, line_has_tokens, out);
                        self.write_held(&held, last, out);
                    }
                }
            }
        }
        if !last {
            return 0;
        }
        if layout == Layout::TokenPerLine {
            out.push(b'\n');
        }
        1
    }

    /// Writes what was held, in slices: held to its end (under a long `--max-len`), a token of
    /// megabytes would otherwise be stemmed as one more whole copy of itself.
    fn write_held(&mut self, held: &str, last: bool, out: &mut Vec<u8>) {
        const SLICE: usize = 64 * 1024;
        let mut start = 0;
        loop {
            // The token is ASCII: every byte offset is a character boundary.
            let end = (start + SLICE).min(held.len());
            let slice = held.get(start..end).unwrap_or("");
            let final_slice = end == held.len();
            self.write(slice, last && final_slice, out);
            if final_slice {
                return;
            }
            start = end;
        }
    }

    /// Writes the settled part of the stem (or of the lowercased token) after `piece`.
    fn write(&mut self, piece: &str, last: bool, out: &mut Vec<u8>) {
        match &mut self.stemmer {
            Some(stemmer) => {
                self.settled.clear();
                stemmer.push(piece, &mut self.settled);
                if last {
                    stemmer.finish(&mut self.settled);
                }
                out.extend_from_slice(self.settled.as_bytes());
            }
            None => {
                let start = out.len();
                out.extend_from_slice(piece.as_bytes());
                out[start..].make_ascii_lowercase();
            }
        }
    }
}

/// Whether the filters of `options` keep a token that starts with `held` (lowercased), or,
/// when `whole`, is `held`; `None` while they cannot tell. A token longer than the longest
/// stopword and than both limits is kept: were it longer than the maximum, the first test
/// would have dropped it.
fn decide(options: &TokenizerOptions, held: &str, whole: bool) -> Option<bool> {
    if whole {
        return Some(is_kept(options, held));
    }
    if options.max_len.is_some_and(|max| held.len() > max) {
        return Some(false);
    }
    let longest_stopword = if options.remove_stopwords {
        stopwords::LONGEST
    } else {
        0
    };
    let decisive = longest_stopword
        .max(options.min_len.unwrap_or(0))
        .max(options.max_len.unwrap_or(0));
    (held.len() > decisive).then_some(true)
}
