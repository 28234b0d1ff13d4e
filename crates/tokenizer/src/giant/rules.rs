//! Where a giant token goes on: the rules that let the reader hand a token too long to hold
//! over in pieces without ever holding it whole, for every tokenizer mode.
//!
//! A streamed token is a *run* so far: in ASCII mode (folding or not), bytes of the token
//! (letters, and digits with `keep_numbers`) once folded; in Unicode mode, characters of
//! UAX #29's Word_Break classes ALetter, Hebrew_Letter, Numeric, Extend and Format (folded:
//! ASCII letters and digits). Such a run never breaks inside: an ASCII token never spans a
//! separator; in UAX #29, WB5, WB8, WB9 and WB10 join any two of ALetter, Hebrew_Letter and
//! Numeric, WB4 attaches Extend and Format to what precedes them, and none of these rules looks
//! at any other character. Only the character after the run decides whether the token ends
//! there; in Unicode mode that may take a look further ahead, and until it is decided the
//! reader holds the text from there on (a few characters, save in odd text).
//!
//! In Unicode mode a piece never ends at the run's end: the run's last character that is no
//! Extend or Format (its *anchor*) starts the text held back. The segmenter then decides on
//! text that starts with the anchor, which is all a rule may read back from the characters
//! after the run: at most two characters (WB7, WB7c, WB11: the letter or digit before a `'`),
//! WB4 skipping Extend and Format, the anchor being the second.

use super::LOOKAHEAD;
use crate::ascii;
use crate::fold::{Folded, fold_non_ascii};
use crate::options::{TokenMode, TokenizerOptions};
use crate::unicode::{first_segment_len, is_anchor, joins_run};

/// How much of a text continues a token being streamed in pieces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenRun {
    /// The token goes on past the first so many bytes; what follows them is not decided yet
    /// (more text is needed).
    Continues(usize),
    /// The token ends within the first so many bytes (in the last character, when folding
    /// spreads a character over the token's end and separators); what follows them tokenizes
    /// on its own, as it would in the whole text.
    Ends(usize),
}

/// Where in `text` (which has no safe cut) a token that can stream starts, the text before it
/// making no token, if there is one: at the start in ASCII mode, after leading spaces in
/// Unicode mode (a cut before a space leaves one first: a space is never part of a word, and
/// the segmenter breaks between a space and a letter or digit). Its first character must
/// start a run, and in Unicode mode make the token a word (a letter, or a digit with
/// `keep_numbers`: what the whole-word path asks of a segment).
pub(crate) fn giant_start(options: &TokenizerOptions, text: &str) -> Option<usize> {
    let keep_numbers = options.keep_numbers;
    let start = match options.mode {
        TokenMode::Ascii => 0,
        TokenMode::Unicode => text.len() - text.trim_start_matches(' ').len(),
    };
    let first = text[start..].chars().next()?;
    let starts = match (options.mode, options.fold_to_ascii) {
        (TokenMode::Ascii, false) => {
            first.is_ascii() && !ascii::is_separator(first as u8, keep_numbers)
        }
        (TokenMode::Ascii, true) => {
            (first.is_ascii() || !folding(first).is_empty())
                && folds_to(first, |b| !ascii::is_separator(b, keep_numbers))
        }
        (TokenMode::Unicode, false) => {
            is_anchor(first) && (first.is_alphabetic() || (keep_numbers && first.is_numeric()))
        }
        (TokenMode::Unicode, true) => {
            is_folded_anchor(first)
                && folds_to(first, |b| {
                    b.is_ascii_alphabetic() || (keep_numbers && b.is_ascii_digit())
                })
        }
    };
    starts.then_some(start)
}

/// How much of `text` continues the streamed token, `complete` when `text` is all the rest of
/// its line. Never [`TokenRun::Continues`] when complete. In Unicode mode `text` starts with
/// the token's anchor, and what it leaves starts with the anchor again.
pub(crate) fn giant_run(options: &TokenizerOptions, text: &str, complete: bool) -> TokenRun {
    match options.mode {
        TokenMode::Ascii => ascii_run(options, text, complete),
        TokenMode::Unicode => unicode_run(options.fold_to_ascii, text, complete),
    }
}

/// In the last piece of a streamed token, already folded when folding (`text` then ASCII, and
/// in Unicode mode starting with the anchor's folding): where the token ends. The rest
/// tokenizes on its own.
pub(crate) fn token_end(options: &TokenizerOptions, text: &str) -> usize {
    match options.mode {
        TokenMode::Ascii => text
            .bytes()
            .position(|b| ascii::is_separator(b, options.keep_numbers))
            .unwrap_or(text.len()),
        TokenMode::Unicode => first_segment_len(text),
    }
}

/// What the text after a run says of the token's end.
enum Decision {
    /// It ends within the first so many bytes (see [`TokenRun::Ends`]).
    Ends(usize),
    /// It goes on past the first so many bytes, which start an anchor again.
    Continues(usize),
    /// Not from the text at hand.
    Undecided,
}

/// ASCII mode: the run of token bytes (folded), then [`ascii_end`].
fn ascii_run(options: &TokenizerOptions, text: &str, complete: bool) -> TokenRun {
    let keep_numbers = options.keep_numbers;
    let fold = options.fold_to_ascii;
    let run = text
        .char_indices()
        .find(|&(_, c)| {
            if fold {
                !folds_to(c, |b| !ascii::is_separator(b, keep_numbers))
            } else {
                !c.is_ascii() || ascii::is_separator(c as u8, keep_numbers)
            }
        })
        .map_or(text.len(), |(i, _)| i);
    let decided = if run == text.len() {
        Decision::Undecided
    } else {
        ascii_end(options, &text[run..])
    };
    settle(decided, run, text.len(), complete)
}

/// Unicode mode: the run, then [`unicode_end`] on the text from its anchor on.
fn unicode_run(fold: bool, text: &str, complete: bool) -> TokenRun {
    let mut anchor = 0;
    let mut run = text.len();
    for (i, c) in text.char_indices() {
        let (joins, anchors) = if fold {
            let joins = folds_to(c, |b| b.is_ascii_alphanumeric());
            (joins, joins && is_folded_anchor(c))
        } else {
            (joins_run(c), is_anchor(c))
        };
        if !joins {
            run = i;
            break;
        }
        if anchors {
            anchor = i;
        }
    }
    let decided = if run == text.len() {
        Decision::Undecided
    } else if fold {
        folded_unicode_end(&text[anchor..], complete)
    } else {
        unicode_end(&text[anchor..], complete)
    };
    settle(decided, anchor, text.len(), complete)
}

/// The run for a decision made on the text from `from` on, where a piece ends when nothing is
/// decided.
fn settle(decided: Decision, from: usize, len: usize, complete: bool) -> TokenRun {
    match decided {
        Decision::Ends(end) => TokenRun::Ends(from + end),
        Decision::Continues(more) if !complete => TokenRun::Continues(from + more),
        // Complete, the renderer finds the end in the whole rest of the line (`token_end`).
        Decision::Continues(_) | Decision::Undecided if complete => TokenRun::Ends(len),
        Decision::Continues(_) | Decision::Undecided => TokenRun::Continues(from),
    }
}

/// Whether every byte of `c`'s folding (an ASCII character folds to itself) passes `test`:
/// true of a character that folds to nothing.
fn folds_to(c: char, test: impl Fn(u8) -> bool) -> bool {
    if c.is_ascii() {
        test(c as u8)
    } else {
        fold_non_ascii(c).bytes().all(test)
    }
}

/// `c`'s folding, for a character that is not ASCII.
fn folding(c: char) -> &'static [u8] {
    if c.is_ascii() {
        &[]
    } else {
        fold_non_ascii(c).as_bytes()
    }
}

/// ASCII mode, folding (without folding the run stops at a separator, where the token ends):
/// at a character `c` that does not fold to token bytes alone.
/// - Its folding starts with a separator (an ASCII one is its own folding): the token ends
///   before it, and folding character by character, the rest folds as in the whole text.
/// - Its folding is token bytes then separators only (`北` -> `Bei `): the token ends inside
///   it, and the text after it starts after a separator.
/// - Else (token bytes, a separator, more token bytes): the rest of the line is needed.
fn ascii_end(options: &TokenizerOptions, after: &str) -> Decision {
    let Some(c) = after.chars().next() else {
        return Decision::Undecided;
    };
    if c.is_ascii() {
        // Not a token byte, or the run would have taken it.
        return Decision::Ends(0);
    }
    let separates = |b: u8| ascii::is_separator(b, options.keep_numbers);
    let folded = folding(c);
    let token = folded.iter().take_while(|&&b| !separates(b)).count();
    if token == 0 {
        Decision::Ends(0)
    } else if folded[token..].iter().all(|&b| separates(b)) {
        Decision::Ends(c.len_utf8())
    } else {
        Decision::Undecided
    }
}

/// Unicode mode: `text` starts with the run's anchor and goes on past the run. Its first
/// segment is the rest of the token.
/// - Complete (the whole rest of the line): that is the end.
/// - Otherwise the text goes on past what is looked at, and the rules reading one character
///   ahead (WB6, WB7b, WB12, past any Extend/Format by WB4) may read the text's first
///   character after it. They ask only whether it is an ALetter, a Hebrew letter or a digit,
///   so the end is decided when the segmenter gives the same one for each of those after the
///   text, for something else after it, and for nothing after it, short of the text's end.
/// - When all of those run past the text's end, the token goes on through the text: up to
///   the text's last anchor but one character, which then starts the text held back.
fn unicode_end(text: &str, complete: bool) -> Decision {
    if complete {
        return Decision::Ends(first_segment_len(text));
    }
    let window = &text[..floor_char_boundary(text, LOOKAHEAD)];
    let mut probe = String::with_capacity(window.len() + 8);
    let ends: Vec<usize> = ["", "a", "\u{5D0}", "0", "!"]
        .iter()
        .map(|next| {
            probe.clear();
            probe.push_str(window);
            probe.push_str(next);
            first_segment_len(&probe)
        })
        .collect();
    let end = ends[0];
    if ends.iter().all(|&e| e == end) && end < window.len() {
        return Decision::Ends(end);
    }
    if ends.iter().all(|&e| e >= window.len()) {
        let anchors = window.char_indices().rev().skip(1);
        if let Some((i, _)) = anchors
            .filter(|&(_, c)| is_ascii_alnum_or_anchor(c))
            .find(|&(i, _)| i > 0)
        {
            return Decision::Continues(i);
        }
    }
    Decision::Undecided
}

/// An anchor, quickly for ASCII: in folded text, the only anchors are letters and digits.
fn is_ascii_alnum_or_anchor(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && is_anchor(c))
}

/// Unicode mode, folding: as [`unicode_end`] on the folded text (where the anchor's folding
/// starts), the end then put back in the original. An end inside a character's folding
/// (`北` -> `Bei `) is fine when the rest of its folding is spaces: the text after the
/// character then starts after a space, where the segmenter breaks and which no rule reads
/// across. Going on stops only before a character whose folding starts with the new anchor.
fn folded_unicode_end(text: &str, complete: bool) -> Decision {
    let window = if complete {
        text
    } else {
        &text[..floor_char_boundary(text, LOOKAHEAD)]
    };
    let mut folded = Folded::default();
    folded.fold(window);
    let at_char = |at: usize| -> Option<(usize, char, usize)> {
        let start = folded.origin(at)?;
        let folding_start = (0..at)
            .rev()
            .take_while(|&i| folded.origin(i) == Some(start))
            .last()
            .unwrap_or(at);
        Some((start, window[start..].chars().next()?, folding_start))
    };
    match unicode_end(folded.text(), complete) {
        Decision::Ends(end) => match at_char(end) {
            None => Decision::Ends(window.len()),
            Some((start, _, folding_start)) if folding_start == end => Decision::Ends(start),
            Some((start, c, folding_start)) => {
                if folding(c)[end - folding_start..].iter().all(|&b| b == b' ') {
                    Decision::Ends(start + c.len_utf8())
                } else {
                    Decision::Undecided
                }
            }
        },
        Decision::Continues(at) => match at_char(at) {
            Some((start, c, folding_start)) if folding_start == at && is_folded_anchor(c) => {
                Decision::Continues(start)
            }
            _ => Decision::Undecided,
        },
        Decision::Undecided => Decision::Undecided,
    }
}

/// The largest char boundary of `text` at most `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// Folding: whether `c` folds to ASCII letters and digits, at least one.
fn is_folded_anchor(c: char) -> bool {
    (c.is_ascii() || !folding(c).is_empty()) && folds_to(c, |b| b.is_ascii_alphanumeric())
}
