//! The tokenizer's options: which characters make words, and which words are kept.

use crate::stopwords;
use stemkit_stemmer::Algorithm;

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
    /// The options for documents in the language `algorithm` stems: the default (ASCII letter
    /// runs, the NLTK pipeline) for the English algorithms, Unicode words for every other
    /// language, whose letters ASCII runs would cut apart (`développement` would make `d` and
    /// `veloppement`). The one rule the command line follows for `--algorithm`.
    ///
    /// ```
    /// use stemkit_stemmer::Algorithm;
    /// use stemkit_tokenizer::{TokenMode, TokenizerOptions};
    ///
    /// let english = TokenizerOptions::for_algorithm(Algorithm::Porter2);
    /// assert_eq!(english, TokenizerOptions::default());
    /// assert_eq!(english.mode, TokenMode::Ascii);
    ///
    /// let french = TokenizerOptions::for_algorithm("french".parse().unwrap());
    /// assert_eq!(french.mode, TokenMode::Unicode);
    /// ```
    pub fn for_algorithm(algorithm: Algorithm) -> Self {
        let mode = if is_english(algorithm) {
            TokenMode::Ascii
        } else {
            TokenMode::Unicode
        };
        TokenizerOptions {
            mode,
            ..TokenizerOptions::default()
        }
    }

    /// These options for stemming with `algorithm`: a non-English algorithm cuts Unicode words
    /// whatever the mode asked for ([`TokenizerOptions::for_algorithm`]), since ASCII-letter runs
    /// would cut `développement` in three. The one rule the CLI and the Python package share.
    ///
    /// ```
    /// use stemkit_tokenizer::{TokenMode, TokenizerOptions};
    ///
    /// let asked = TokenizerOptions { remove_stopwords: true, ..TokenizerOptions::default() };
    /// let french = asked.clone().in_language_of("french".parse().unwrap());
    /// assert_eq!((french.mode, french.remove_stopwords), (TokenMode::Unicode, true));
    /// assert_eq!(asked.clone().in_language_of("porter-nltk".parse().unwrap()), asked);
    /// ```
    pub fn in_language_of(self, algorithm: Algorithm) -> Self {
        match TokenizerOptions::for_algorithm(algorithm).mode {
            TokenMode::Unicode => TokenizerOptions {
                mode: TokenMode::Unicode,
                ..self
            },
            TokenMode::Ascii => self,
        }
    }

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

/// Whether `algorithm` stems English: Porter and Porter2 under every name (`porter-nltk`,
/// `porter2`, `english@2.0.0`, ...) and Lovins. Names are `BASE`, `BASE@VERSION` or
/// `BASE-nltk`, and no other language's base is one of these.
fn is_english(algorithm: Algorithm) -> bool {
    let base = algorithm
        .name()
        .split(['@', '-'])
        .next()
        .unwrap_or_default();
    matches!(base, "porter" | "porter2" | "english" | "lovins")
}

#[cfg(test)]
mod tests {
    use stemkit_stemmer::Program;

    use super::*;

    #[test]
    fn english_algorithms_keep_the_ascii_pipeline() {
        for name in [
            "porter-nltk",
            "porter-martin",
            "porter-original",
            "porter2",
            "porter2-nltk",
            "english",
            "english@2.2.0",
            "english-nltk",
            "porter",
            "porter@2.0.0",
            "lovins",
        ] {
            let algorithm: Algorithm = name.parse().expect(name);
            assert_eq!(
                TokenizerOptions::for_algorithm(algorithm).mode,
                TokenMode::Ascii,
                "{name}"
            );
        }
    }

    #[test]
    fn every_other_language_cuts_unicode_words() {
        for program in Program::ALL {
            let expected = match program.algorithm() {
                "english" | "porter" | "lovins" => TokenMode::Ascii,
                _ => TokenMode::Unicode,
            };
            let mode = TokenizerOptions::for_algorithm(Algorithm::Snowball(program)).mode;
            assert_eq!(mode, expected, "{}", program.name());
        }
        for name in ["french", "dutch_porter", "german-nltk", "russian"] {
            let algorithm: Algorithm = name.parse().expect(name);
            let mode = TokenizerOptions::for_algorithm(algorithm).mode;
            assert_eq!(mode, TokenMode::Unicode, "{name}");
        }
    }
}
