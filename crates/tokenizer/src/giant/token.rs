//! A giant token rendered from its pieces as they come: stemmed (or lowercased) on the fly. When stopwords or length limits apply, its first characters are held only until
//! they can tell whether the token is kept: no stopword and no limit is longer than a few
//! characters (or than the limit the user set), so memory stays flat however long the token.

use stemkit_stemmer::{GiantWordStemmer, PieceLowercaser, Stemmer, lowercase};

use super::{HELD_SLICE, STRETCH};
use crate::options::TokenizerOptions;
use crate::stopwords;

/// The state of a token handed over in pieces: ASCII (letters, and digits with `keep_numbers`,
/// folded when folding), or in Unicode mode without folding, any letters, as they stand.
#[derive(Clone, Debug)]
pub(crate) struct GiantToken {
    /// Stems it, if the pipeline stems.
    stemmer: Option<GiantWordStemmer>,
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

impl GiantToken {
    /// A token to be stemmed by `stemmer`, if any; of any letters if `unicode`, else ASCII.
    pub(crate) fn new(stemmer: Option<Stemmer>, unicode: bool) -> Self {
        GiantToken {
            lowercaser: (unicode && stemmer.is_none()).then(Lowercaser::default),
            stemmer: stemmer.map(GiantWordStemmer::new),
            settled: String::new(),
            verdict: Verdict::Undecided(String::new()),
        }
    }

    /// Takes the token's next piece, the `last` or not. Writes to `out` what is settled, once
    /// the filters of `options` keep the token, after calling `start` to write what goes before
    /// a token. Returns whether a kept token ended with this piece.
    pub(crate) fn push(
        &mut self,
        piece: &str,
        last: bool,
        options: &TokenizerOptions,
        out: &mut Vec<u8>,
        start: impl FnOnce(&mut Vec<u8>),
    ) -> bool {
        match &mut self.verdict {
            Verdict::Dropped => return false,
            Verdict::Kept => self.write(piece, last, out),
            Verdict::Undecided(held) => {
                let start_of_piece = held.len();
                held.push_str(piece);
                // Pieces that are not ASCII are lowercased as a whole, when written.
                held[start_of_piece..].make_ascii_lowercase();
                let unicode = !held.is_ascii();
                match decide(options, held, last, unicode) {
                    None => return false,
                    Some(false) => {
                        self.verdict = Verdict::Dropped;
                        return false;
                    }
                    Some(true) => {
                        let held = std::mem::take(held);
                        self.verdict = Verdict::Kept;
                        start(out);
                        self.write_held(&held, last, out);
                    }
                }
            }
        }
        last
    }

    /// Writes what was held, in slices: held to its end (under a long `--max-len`), a token of
    /// megabytes would otherwise be stemmed as one more whole copy of itself.
    fn write_held(&mut self, held: &str, last: bool, out: &mut Vec<u8>) {
        let mut start = 0;
        loop {
            let mut end = (start + HELD_SLICE).min(held.len());
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
/// whole token ([`PieceLowercaser`]): the pieces gather into stretches, each lowercased with
/// the [`PieceLowercaser::CONTEXT`] characters after it, which are held back until more follow.
#[derive(Clone, Debug, Default)]
struct Lowercaser {
    /// Characters not written yet.
    pending: String,
    lowercaser: PieceLowercaser,
}

impl Lowercaser {
    fn push(&mut self, piece: &str, last: bool, out: &mut Vec<u8>) {
        self.pending.push_str(piece);
        if last {
            out.extend_from_slice(self.lowercaser.next(&self.pending, "").as_bytes());
            *self = Lowercaser::default();
            return;
        }
        if self.pending.len() < STRETCH {
            return;
        }
        let context = PieceLowercaser::CONTEXT;
        let Some((cut, _)) = self.pending.char_indices().rev().nth(context - 1) else {
            return;
        };
        // What is held back is the stretch's context after it.
        let (stretch, after) = self.pending.split_at(cut);
        out.extend_from_slice(self.lowercaser.next(stretch, after).as_bytes());
        self.pending.drain(..cut);
    }
}

/// Whether the filters of `options` keep a token that starts with `held` (lowercased), or,
/// when `whole`, is `held`; `None` while they cannot tell. A token longer than the longest
/// stopword and than both limits is kept: were it longer than the maximum, the first test
/// would have dropped it.
///
/// A `unicode` token is held as it came: lengths count the characters of its lowercase, as
/// [`TokenizerOptions::keeps`] does. Lowercasing never shortens a prefix's lowercase as the token grows (each
/// character lowercases to characters of its own; `Σ` to one either way), so a prefix already
/// too long stays too long.
fn decide(options: &TokenizerOptions, held: &str, whole: bool, unicode: bool) -> Option<bool> {
    let lowered = if unicode {
        lowercase(held)
    } else {
        held.into()
    };
    if whole {
        return Some(options.keeps(&lowered));
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
