//! NLTK's English stopword list.
//!
//! `nltk.corpus.stopwords.words('english')` as shipped by nltk_data since its February 2025
//! update (commit 47111d8, which added 19 pronoun contractions such as `he's` and `i'm` to the
//! 179 words of earlier releases): 198 words, all lowercase ASCII. Words with an apostrophe can
//! only match in Unicode mode, where `don't` is one token; ASCII mode splits it into `don`, `t`,
//! both of which are on the list too.

/// The list in byte order, for reading and reviewing; lookups use [`PACKED`].
const ENGLISH: [&str; 198] = [
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ain",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "couldn",
    "couldn't",
    "d",
    "did",
    "didn",
    "didn't",
    "do",
    "does",
    "doesn",
    "doesn't",
    "doing",
    "don",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn",
    "hadn't",
    "has",
    "hasn",
    "hasn't",
    "have",
    "haven",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn",
    "isn't",
    "it",
    "it'd",
    "it'll",
    "it's",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "ma",
    "me",
    "mightn",
    "mightn't",
    "more",
    "most",
    "mustn",
    "mustn't",
    "my",
    "myself",
    "needn",
    "needn't",
    "no",
    "nor",
    "not",
    "now",
    "o",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "same",
    "shan",
    "shan't",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "should've",
    "shouldn",
    "shouldn't",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "that'll",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "ve",
    "very",
    "was",
    "wasn",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren",
    "weren't",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won",
    "won't",
    "wouldn",
    "wouldn't",
    "y",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// NLTK's English stopwords, in byte order: what `--stopwords` drops (for the Python package's
/// `SnowballStemmer("english", ignore_stopwords=True)`, which leaves them unstemmed).
///
/// ```
/// assert_eq!(stemkit_tokenizer::english_stopwords().len(), 198);
/// assert!(stemkit_tokenizer::english_stopwords().contains(&"the"));
/// ```
pub fn english_stopwords() -> &'static [&'static str] {
    &ENGLISH
}

/// The length in bytes of the longest stopword: a longer word is none.
pub(crate) const LONGEST: usize = longest(&ENGLISH);

const fn longest(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > longest {
            longest = words[i].len();
        }
        i += 1;
    }
    longest
}

/// Whether `word` (already lowercased, and folded if asked) is an English stopword.
pub(crate) fn is_stopword(word: &str) -> bool {
    // Comparing one integer per probe instead of strings makes this a few nanoseconds: it
    // runs on every token.
    word.len() <= MAX_PACKED && PACKED.binary_search(&pack(word.as_bytes())).is_ok()
}

/// The longest word [`pack`] takes: one byte of the `u128` holds the length.
const MAX_PACKED: usize = 15;

/// A word of at most [`MAX_PACKED`] bytes as one integer: bytes in the low bytes, length in the
/// top byte, so different words (even ones ending in NUL) never pack alike.
const fn pack(word: &[u8]) -> u128 {
    assert!(word.len() <= MAX_PACKED);
    let mut packed = (word.len() as u128) << 120;
    let mut i = 0;
    while i < word.len() {
        packed |= (word[i] as u128) << (8 * i);
        i += 1;
    }
    packed
}

/// [`ENGLISH`] packed and sorted by integer value, at compile time.
static PACKED: [u128; ENGLISH.len()] = {
    let mut packed = [0; ENGLISH.len()];
    let mut i = 0;
    while i < ENGLISH.len() {
        // Insertion sort: const code cannot call `sort`, and 198 words are few.
        let value = pack(ENGLISH[i].as_bytes());
        let mut j = i;
        while j > 0 && packed[j - 1] > value {
            packed[j] = packed[j - 1];
            j -= 1;
        }
        packed[j] = value;
        i += 1;
    }
    packed
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_list_is_a_stopword_and_packs_uniquely() {
        assert!(ENGLISH.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(PACKED.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(ENGLISH.iter().all(|word| is_stopword(word)));
    }

    #[test]
    fn the_longest_stopword_is_ten_bytes() {
        assert_eq!(LONGEST, "yourselves".len());
        assert!(ENGLISH.iter().all(|word| word.len() <= LONGEST));
    }

    #[test]
    fn words_off_the_list_are_not_stopwords() {
        for word in [
            "",
            "The",
            "army",
            "don’t",
            "cannot",
            "he's ",
            "a\0",
            "yourselvesyourselves",
        ] {
            assert!(!is_stopword(word), "{word:?}");
        }
    }
}
