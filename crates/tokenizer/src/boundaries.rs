//! Where a text may be cut without changing its tokens, and how far a giant token goes on: the
//! rules the document reader asks before handing out a piece of a long line.
//!
//! [`Boundaries`] answers the reader's three questions for one set of options, and is handed
//! to the reader beside the sink (as a matcher is handed to a searcher beside its sink), so
//! sinks only receive text:
//! - [`Boundaries::safe_cut`]: the last place where cutting a line changes no token;
//! - [`Boundaries::giant_start`]: with no such cut, where a giant token starts;
//! - [`Boundaries::giant_run`]: how much of the text after it continues that token.

use crate::ascii;
use crate::fold::fold_non_ascii;
pub(crate) use crate::giant::rules::TokenRun;
use crate::giant::rules::{giant_run, giant_start};
use crate::options::{TokenMode, TokenizerOptions};
use crate::unicode::is_anchor;

/// The boundary rules of one set of tokenizer options.
#[derive(Clone, Debug, Default)]
pub(crate) struct Boundaries {
    options: TokenizerOptions,
}

impl Boundaries {
    /// The rules of tokenizers with these options.
    pub(crate) fn new(options: TokenizerOptions) -> Self {
        Boundaries { options }
    }

    /// The last place where `text`, an unfinished line, may be cut without changing its tokens
    /// (see [`crate::Tokenizer::last_safe_cut`]).
    pub(crate) fn safe_cut(&self, text: &str) -> Option<usize> {
        last_safe_cut(&self.options, text)
    }

    /// Where in `text` (which has no safe cut) a giant token starts that can stream in pieces,
    /// nothing before it being a token, if one does (see [`crate::giant::rules`]).
    pub(crate) fn giant_start(&self, text: &str) -> Option<usize> {
        giant_start(&self.options, text)
    }

    /// How much of `text` continues the giant token being streamed; `complete` when `text` is
    /// all the rest of its line.
    pub(crate) fn giant_run(&self, text: &str, complete: bool) -> TokenRun {
        giant_run(&self.options, text, complete)
    }
}

/// The largest `cut` such that tokenizing `text[..cut]` and `text[cut..]` separately gives the
/// same tokens as tokenizing `text` whole, or `None` if there is no such cut other than 0.
/// Always a char boundary of `text`.
pub(crate) fn last_safe_cut(options: &TokenizerOptions, text: &str) -> Option<usize> {
    match options.mode {
        TokenMode::Ascii => last_ascii_cut(options, text),
        TokenMode::Unicode => last_unicode_cut(text, options.fold_to_ascii),
    }
}

/// ASCII mode: a token never spans a separator byte, so cutting just after one splits none.
/// Without folding every non-ASCII byte separates; the last separator byte of a text then
/// always ends its character (the character's later bytes would separate too), so the cut
/// is a char boundary. Folding turns non-ASCII letters into ASCII ones, so then the cut
/// goes after an ASCII separator (which folds to itself) or after a character whose
/// folding ends in a separator (`北` -> `Bei `); folding works character by character, so
/// folding the pieces gives the two halves of the folded whole, cut after a separator.
fn last_ascii_cut(options: &TokenizerOptions, text: &str) -> Option<usize> {
    let keep_numbers = options.keep_numbers;
    if !options.fold_to_ascii {
        return text
            .bytes()
            .rposition(|b| ascii::is_separator(b, keep_numbers))
            .map(|i| i + 1);
    }
    text.char_indices()
        .rev()
        .find(|&(_, c)| {
            let last = if c.is_ascii() {
                Some(c as u8)
            } else {
                fold_non_ascii(c).bytes().next_back()
            };
            last.is_some_and(|b| ascii::is_separator(b, keep_numbers))
        })
        .map(|(i, c)| i + c.len_utf8())
}

/// Unicode mode: the last of three kinds of cut, each a word boundary that leaves every other
/// boundary where it was. Without the last two, a long line with no ASCII space (Chinese text,
/// `word-word-...`, `word,word,...`) would be held whole.
fn last_unicode_cut(text: &str, folded: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len()).rev().find(|&i| {
        is_cut_before_space(text, i)
            || is_cut_between_isolated(text, i, folded)
            || is_cut_after_letter_comma(bytes, i)
            || (folded && is_cut_after_folded_space(text, i))
    })
}

/// With folding, just after a character that is not ASCII and whose folding ends in a space
/// (`北` -> `Bei `): the segmenter sees the folded text, all ASCII, so no Extend, Format or
/// ZWJ that WB4 would attach to the space. After a space it breaks unless a space follows
/// (WB3d), and splitting a run of spaces splits no word; no rule reads back across a space
/// (they read back across letters, digits, mid-word punctuation, quotes or regional
/// indicators). Folding character by character, the pieces fold to the halves of the whole.
fn is_cut_after_folded_space(text: &str, i: usize) -> bool {
    text.is_char_boundary(i)
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_ascii() && fold_non_ascii(c).ends_with(' '))
}

/// Just before an ASCII space that follows a character other than a horizontal space
/// (UAX #29's `WSegSpace`):
/// - The only rules that forbid a break before a space are WB3c (ZWJ × pictograph: a space is
///   none) and WB3d (WSegSpace × WSegSpace: the character before is no `WSegSpace`). WB4 only
///   attaches Extend/Format/ZWJ characters, which a space is not, and the rules after it
///   (WB5-WB16) name letters, digits, mid-word punctuation, Katakana, `_` and regional
///   indicators, never `WSegSpace`; so the default WB999 breaks.
/// - Rules that look one character ahead across the cut (WB6, WB7b, WB12: "letter, apostrophe,
///   letter") see a space there in the whole text and the end of text in the first piece:
///   neither is a letter or digit, so both break the same way. Rules looking back from the
///   second piece (WB7, WB7c, WB11) see the space and stop. WB15/WB16 count regional
///   indicators from the last non-indicator, which the space is.
///
/// With folding the segmenter sees the folded text, in which the character before the space
/// may have folded to a space (`北` -> `Bei `); WB3d then glues those spaces in the whole text
/// and not in the pieces. That only splits a run of spaces, which is never a word, and no
/// other rule involves spaces: the words are the same.
fn is_cut_before_space(text: &str, i: usize) -> bool {
    text.as_bytes()[i] == b' '
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !is_wseg_space(c))
}

/// Between a character `p` of UAX #29's class Other that is an ASCII symbol (`-`, `/`, `(`,
/// `!`, ...) or a CJK unified ideograph, and a character `c` that is ASCII, such an ideograph,
/// or (without folding) a letter or digit of any script (Word_Break ALetter, Hebrew_Letter or
/// Numeric, as the segmenter itself tells them, see [`is_anchor`]):
/// - `p` ÷ `c` breaks by the default WB999: every rule that joins two characters names a
///   class (letters, digits, mid-word punctuation, Katakana, `_`, regional indicators, spaces,
///   ZWJ) that `p` is not, and WB4 attaches only Extend/Format/ZWJ characters, which `c` is not.
/// - No rule reads across the cut: those that look one character ahead (WB6, WB7b, WB12) or
///   back (WB7, WB7c, WB11, WB15/16) do so only across mid-word punctuation, quotes or regional
///   indicators next to the cut, and `p` is none of them.
///
/// With folding the segmenter sees the folded text, where an ideograph becomes Latin letters;
/// so then only ASCII on both sides (which folds to itself) is cut.
fn is_cut_between_isolated(text: &str, i: usize, folded: bool) -> bool {
    let bytes = text.as_bytes();
    if bytes[i - 1].is_ascii() {
        if !is_ascii_other(bytes[i - 1]) {
            return false;
        }
        if bytes[i].is_ascii() {
            return true;
        }
    }
    if folded || !text.is_char_boundary(i) {
        return false;
    }
    let (Some(p), Some(c)) = (text[..i].chars().next_back(), text[i..].chars().next()) else {
        return false;
    };
    (p.is_ascii() || is_cjk_ideograph(p)) && (c.is_ascii() || is_cjk_ideograph(c) || is_anchor(c))
}

/// Just after an ASCII letter and a `,` or `;` (class MidNum), before an ASCII character:
/// - The comma joins nothing here: MidNum joins only digits (WB11, WB12), and the character
///   before it is a letter, with nothing between for WB4 to skip; the letter rules (WB6, WB7)
///   take MidLetter, MidNumLet and quotes, not MidNum. So it breaks on both sides, and the
///   character after it (ASCII: not Extend/Format/ZWJ) starts afresh.
/// - No rule reads across the cut: those looking ahead from the letter (WB6, WB12) see a
///   MidNum they do not take; those looking back from after the cut (WB7, WB11) need a letter
///   or digit two characters back, and see the comma or the start of the piece, neither.
///
/// All three characters are ASCII, which folding leaves as they are.
fn is_cut_after_letter_comma(bytes: &[u8], i: usize) -> bool {
    i >= 2
        && matches!(bytes[i - 1], b',' | b';')
        && bytes[i - 2].is_ascii_alphabetic()
        && bytes[i].is_ascii()
}

/// ASCII symbols of UAX #29's word-break class Other: printable, neither letters nor digits,
/// and not `"` (Double_Quote), `'` (Single_Quote), `,` `;` (MidNum), `.` (MidNumLet), `:`
/// (MidLetter), `_` (ExtendNumLet) or the space (WSegSpace).
fn is_ascii_other(byte: u8) -> bool {
    byte.is_ascii_punctuation() && !matches!(byte, b'"' | b'\'' | b',' | b';' | b'.' | b':' | b'_')
}

/// The CJK Unified Ideographs block (U+4E00 to U+9FFF): ideographic, so of class Other, each
/// its own word.
fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// UAX #29's `WSegSpace`: the space separators `Zs` except the no-break ones.
fn is_wseg_space(c: char) -> bool {
    matches!(c, ' ' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{3000}')
}
