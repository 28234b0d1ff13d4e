//! The tokenizer's options: which characters make words, and which words are kept.

/// How the text is cut into words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TokenMode {
    /// Maximal runs of ASCII letters, lowercased; everything else separates. The pair's mode.
    #[default]
    Ascii,
    /// Unicode (UAX #29) words, lowercased as Python's `str.lower()` does.
    Unicode,
}

/// Everything that decides which tokens come out of a text. The default is the paired
/// corpus's pipeline: ASCII letter runs, lowercased, nothing removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TokenizerOptions {
    /// How text is cut into words.
    pub mode: TokenMode,
    /// Unicode mode: keep words that hold digits (`2019`, `covid19`); dropped otherwise.
    pub keep_numbers: bool,
    /// Fold accented and other non-ASCII letters to ASCII before tokenizing (`Nicolás` -> `nicolas`).
    pub fold_to_ascii: bool,
    /// Drop NLTK's English stopwords (compared after lowercasing and folding).
    pub remove_stopwords: bool,
    /// Drop tokens shorter than this many characters.
    pub min_len: Option<usize>,
    /// Drop tokens longer than this many characters.
    pub max_len: Option<usize>,
}
