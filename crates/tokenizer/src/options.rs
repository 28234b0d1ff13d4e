//! The tokenizer's options: which characters make words, and which words are kept.

use crate::stopwords;

/// How the text is cut into words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TokenMode {
    /// Maximal runs of ASCII letters, lowercased; everything else separates. The pair's mode:
    /// Python's `re.sub('[^a-zA-Z]', ' ', text).lower().split()`.
    #[default]
    Ascii,
    /// Unicode (UAX #29) words holding a letter, each lowercased as Python's `str.lower()`
    /// does. An apostrophe or dot between letters stays inside the word: `don't`, `e.g`.
    Unicode,
}

/// Everything that decides which tokens come out of a text. The default is the paired
/// corpus's pipeline: ASCII letter runs, lowercased, nothing removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TokenizerOptions {
    /// How text is cut into words.
    pub mode: TokenMode,
    /// Keep numbers. Unicode mode: also keep words without a letter that hold a digit
    /// (`2019`, `3.14`; `covid19` holds a letter and is always kept). ASCII mode: tokens are
    /// runs of ASCII letters and digits (`[^a-zA-Z0-9]` separates: `covid19`, `2019`).
    pub keep_numbers: bool,
    /// Fold accented and other non-ASCII letters to ASCII before tokenizing (`Nicolás` ->
    /// `nicolas`, `Straße` -> `strasse`, `’` -> `'`), with the `deunicode` transliteration.
    /// Symbols that would spell words (emoji, `™`) and unknown characters become spaces.
    pub fold_to_ascii: bool,
    /// Drop NLTK's English stopwords (198 words; compared after lowercasing and folding, so
    /// `don’t` is one only when folded to `don't`, in Unicode mode).
    pub remove_stopwords: bool,
    /// Drop tokens shorter than this many characters (of the lowercased, folded token).
    pub min_len: Option<usize>,
    /// Drop tokens longer than this many characters (of the lowercased, folded token).
    pub max_len: Option<usize>,
}

impl TokenizerOptions {
    /// Whether tokens are plain ASCII letter runs (digits too, with `keep_numbers`), each
    /// kept as it is once lowercased: no folding, stopwords or length limits. Such a token
    /// depends on its own bytes alone, which the fast paths rely on.
    pub(crate) fn is_plain_ascii(&self) -> bool {
        self.mode == TokenMode::Ascii
            && !self.fold_to_ascii
            && !self.remove_stopwords
            && self.min_len.is_none()
            && self.max_len.is_none()
    }

    /// Whether a lowercased (and folded) token passes the stopword and length filters. Lengths
    /// count characters, as Python's `len` does, not bytes.
    pub(crate) fn keeps(&self, token: &str) -> bool {
        !(self.remove_stopwords && stopwords::is_stopword(token))
            && self.min_len.is_none_or(|min| token.chars().count() >= min)
            && self.max_len.is_none_or(|max| token.chars().count() <= max)
    }
}
