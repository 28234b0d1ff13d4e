//! A token too long to hold, rendered from its pieces as they come: stemmed (or lowercased) on
//! the fly. When stopwords or length limits apply, its first characters are held only until
//! they can tell whether the token is kept: no stopword and no limit is longer than a few
//! characters (or than the limit the user set), so memory stays flat however long the token.

use stemkit_stemmer::{LongWordStemmer, Stemmer, lowercase};

use super::Layout;
use super::render::write_separator;
use crate::options::TokenizerOptions;
use crate::stopwords;
use crate::tokenizer::is_kept;

/// The state of a token handed over in pieces: ASCII (letters, and digits with `keep_numbers`,
/// folded when folding), or in Unicode mode without folding, any letters, as they stand.
#[derive(Clone, Debug)]
pub(super) struct LongToken {
    /// Stems it, if the pipeline stems.
    stemmer: Option<LongWordStemmer>,
    /// Lowercases it as a whole, if it is not ASCII and the pipeline does not stem.
    lowercaser: Option<Lowercaser>,
    /// The stem's settled text, between pieces.
    settled: String,
    verdict: Verdict,
}

/// Whether the token is written.
#[derive(Clone, Debug)]
enum Verdict {
    /// The filters cannot tell yet: the token so far (lowercased if ASCII).
    Undecided(String),
    Kept,
    Dropped,
}

impl LongToken {
    /// A token to be stemmed by `stemmer`, if any; of any letters if `unicode`, else ASCII.
    pub(super) fn new(stemmer: Option<Stemmer>, unicode: bool) -> Self {
        LongToken {
            lowercaser: (unicode && stemmer.is_none()).then(Lowercaser::default),
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
                // Pieces that are not ASCII are lowercased as a whole, when written.
                held[start..].make_ascii_lowercase();
                let unicode = !held.is_ascii();
                match decide(options, held, last, unicode) {
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
            let mut end = (start + SLICE).min(held.len());
            while !held.is_char_boundary(end) {
                end += 1;
            }
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
            None => match &mut self.lowercaser {
                Some(lowercaser) => lowercaser.push(piece, last, out),
                None => {
                    let start = out.len();
                    out.extend_from_slice(piece.as_bytes());
                    out[start..].make_ascii_lowercase();
                }
            },
        }
    }
}

/// Lowercases a token of any letters that arrives in pieces, as Python's `str.lower()` does the
/// whole token: each character on its own but `Σ`, which looks at its neighbours (the final
/// sigma rule). So the last [`CONTEXT`] characters are held back until more follow, and each
/// stretch is lowercased between that many characters before and after it, as the long-word
/// stemmer does.
#[derive(Clone, Debug, Default)]
struct Lowercaser {
    /// Characters not written yet.
    pending: String,
    /// The last characters written, as they came: the context before `pending`.
    before: String,
}

/// Characters of context on each side of a stretch lowercased alone: the final-sigma rule
/// looks past case-ignorable characters for a cased letter, and this many are more than any
/// text puts in a row (the long-word stemmer keeps as many).
const CONTEXT: usize = 128;
/// Bytes held before a stretch is written: one stretch per many pieces.
#[cfg(not(test))]
const STRETCH: usize = 64 * 1024;
#[cfg(test)]
const STRETCH: usize = 300;

impl Lowercaser {
    fn push(&mut self, piece: &str, last: bool, out: &mut Vec<u8>) {
        self.pending.push_str(piece);
        if last {
            out.extend_from_slice(lowercase_in_context(&self.before, &self.pending, "").as_bytes());
            self.pending.clear();
            self.before.clear();
            return;
        }
        if self.pending.len() < STRETCH {
            return;
        }
        let Some((cut, _)) = self.pending.char_indices().rev().nth(CONTEXT - 1) else {
            return;
        };
        let (middle, rest) = self.pending.split_at(cut);
        let after_end = rest
            .char_indices()
            .nth(CONTEXT)
            .map_or(rest.len(), |(i, _)| i);
        let lowered = lowercase_in_context(&self.before, middle, &rest[..after_end]);
        out.extend_from_slice(lowered.as_bytes());
        let context_start = middle
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let mut before = String::with_capacity(4 * CONTEXT);
        if context_start == 0 {
            // A short middle: some of the context is older.
            let missing = CONTEXT - middle.chars().count();
            let older = self
                .before
                .char_indices()
                .rev()
                .nth(missing.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            before.push_str(&self.before[older..]);
        }
        before.push_str(&middle[context_start..]);
        self.before = before;
        self.pending.drain(..cut);
    }
}

/// `piece` lowercased as it would be inside `before + piece + after`: only a `Σ` depends on
/// its neighbours, and `σ` and `ς` are both two bytes, so the piece's part of the whole is
/// found by the lengths of its neighbours lowercased alone.
fn lowercase_in_context(before: &str, piece: &str, after: &str) -> String {
    if !piece.contains('Σ') {
        return lowercase(piece).into_owned();
    }
    let whole = lowercase(&format!("{before}{piece}{after}")).into_owned();
    let start = lowercase(before).len();
    let end = whole.len() - lowercase(after).len();
    whole[start..end].to_owned()
}

/// Whether the filters of `options` keep a token that starts with `held` (lowercased), or,
/// when `whole`, is `held`; `None` while they cannot tell. A token longer than the longest
/// stopword and than both limits is kept: were it longer than the maximum, the first test
/// would have dropped it.
///
/// A `unicode` token is held as it came: lengths count the characters of its lowercase, as
/// [`is_kept`] does. Lowercasing never shortens a prefix's lowercase as the token grows (each
/// character lowercases to characters of its own; `Σ` to one either way), so a prefix already
/// too long stays too long.
fn decide(options: &TokenizerOptions, held: &str, whole: bool, unicode: bool) -> Option<bool> {
    let lowered = if unicode {
        lowercase(held)
    } else {
        held.into()
    };
    if whole {
        return Some(is_kept(options, &lowered));
    }
    let len = if unicode {
        lowered.chars().count()
    } else {
        lowered.len()
    };
    if options.max_len.is_some_and(|max| len > max) {
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
    (len > decisive).then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn letters() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a", "Σ", "ΑΣ", "İ", "\u{301}", "\u{AD}", "é", "Ⓜ", "'",
            ]),
            0..400,
        )
        .prop_map(|letters| letters.concat())
    }

    proptest! {
        #[test]
        fn lowercasing_in_pieces_is_lowercasing_the_whole(
            word in letters(),
            sizes in prop::collection::vec(1usize..200, 1..20),
        ) {
            let mut lowercaser = Lowercaser::default();
            let mut out = Vec::new();
            let mut rest = word.as_str();
            let mut sizes = sizes.into_iter().cycle();
            while !rest.is_empty() {
                let mut end = sizes.next().unwrap_or(1).min(rest.len());
                while !rest.is_char_boundary(end) {
                    end += 1;
                }
                lowercaser.push(&rest[..end], false, &mut out);
                rest = &rest[end..];
            }
            lowercaser.push("", true, &mut out);
            prop_assert_eq!(String::from_utf8(out).unwrap(), lowercase(&word).into_owned());
        }
    }
}
