//! The tokenizer's specification: one test per behaviour of each option, then properties that
//! must hold on any text (ASCII, Unicode, control characters, NUL, digits, apostrophes).
//!
//! Expected token lists in the unit cases are what the Python reference gives:
//! `re.sub('[^a-zA-Z]', ' ', text).lower().split()` for ASCII mode; for the other options,
//! what the documentation of `TokenizerOptions` promises, written out by hand.

use proptest::prelude::*;
use stemkit_tokenizer::{TokenMode, Tokenizer, TokenizerOptions};

fn tokens_with(options: TokenizerOptions, text: &str) -> Vec<String> {
    Tokenizer::new(options).tokens(text)
}

fn ascii(text: &str) -> Vec<String> {
    tokens_with(TokenizerOptions::default(), text)
}

fn unicode() -> TokenizerOptions {
    TokenizerOptions {
        mode: TokenMode::Unicode,
        ..TokenizerOptions::default()
    }
}

/// Every token with its byte range, for the tests about ranges.
fn tokens_and_ranges(
    options: TokenizerOptions,
    text: &str,
) -> Vec<(String, std::ops::Range<usize>)> {
    let mut tokens = Vec::new();
    Tokenizer::new(options).tokenize(text, |token| {
        tokens.push((token.text.to_owned(), token.range))
    });
    tokens
}

// --- ASCII mode (the default): Python's regex, exactly ---

/// Tokens are the maximal runs of ASCII letters, lowercased.
#[test]
fn ascii_mode_lowercases_runs_of_letters() {
    assert_eq!(ascii("The Army's CHIEF"), ["the", "army", "s", "chief"]);
}

/// Digits, punctuation and apostrophes (straight or curly) separate.
#[test]
fn ascii_mode_splits_on_digits_punctuation_and_apostrophes() {
    assert_eq!(ascii("Venezuela’s army, 2019"), ["venezuela", "s", "army"]);
    assert_eq!(ascii("don't"), ["don", "t"]);
    assert_eq!(ascii("covid19x"), ["covid", "x"]);
    assert_eq!(ascii("e-mail@host.com"), ["e", "mail", "host", "com"]);
}

/// Every byte of a non-ASCII character separates: accented letters split words.
#[test]
fn ascii_mode_splits_on_non_ascii_letters() {
    assert_eq!(ascii("Nicolás Maduro"), ["nicol", "s", "maduro"]);
    assert_eq!(ascii("Straße ΟΔΟΣ 北京"), ["stra", "e"]);
}

/// Control characters, NUL and every kind of whitespace separate.
#[test]
fn ascii_mode_splits_on_control_characters_and_nul() {
    assert_eq!(
        ascii("a\0b\tc\rd\u{7}e\u{7f}f\u{a0}g\u{3000}h"),
        ["a", "b", "c", "d", "e", "f", "g", "h"]
    );
}

/// Text without letters has no tokens.
#[test]
fn ascii_mode_text_without_letters_has_no_tokens() {
    assert!(ascii("").is_empty());
    assert!(ascii(" 2019, -- ’ \0 é").is_empty());
}

/// A token that needs no lowercasing borrows the input instead of being copied.
#[test]
fn ascii_mode_borrows_tokens_without_capitals() {
    let text = String::from("army Army");
    let input = text.as_bytes().as_ptr_range();
    let mut borrowed = Vec::new();
    Tokenizer::default().tokenize(&text, |token| {
        borrowed.push(input.contains(&token.text.as_ptr()))
    });
    assert_eq!(borrowed, [true, false]);
}

/// Ranges are the byte ranges of the tokens in the input.
#[test]
fn ascii_mode_ranges_point_at_the_tokens() {
    assert_eq!(
        tokens_and_ranges(TokenizerOptions::default(), "Só Army"),
        [("s".to_owned(), 0..1), ("army".to_owned(), 4..8)]
    );
}

/// `keep_numbers` in ASCII mode: runs of letters and digits, `[^a-zA-Z0-9]` separates.
#[test]
fn ascii_mode_keep_numbers_keeps_runs_of_letters_and_digits() {
    let options = TokenizerOptions {
        keep_numbers: true,
        ..TokenizerOptions::default()
    };
    assert_eq!(
        tokens_with(options, "COVID19 in 2019, 3.14 ½"),
        ["covid19", "in", "2019", "3", "14"]
    );
}

// --- Unicode mode ---

/// Words are UAX #29 words holding a letter; an apostrophe or a dot between letters (straight or
/// curly apostrophe) stays inside the word; accented letters are letters.
#[test]
fn unicode_mode_keeps_uax29_words() {
    assert_eq!(
        tokens_with(unicode(), "Don't stop, Nicolás! Venezuela’s e.g. naïve"),
        ["don't", "stop", "nicolás", "venezuela’s", "e.g", "naïve"]
    );
}

/// Words are lowercased as Python's `str.lower()` lowercases each word: German sharp s stays,
/// capital sigma becomes final sigma at the end of a word, `İ` becomes `i` + combining dot.
#[test]
fn unicode_mode_lowercases_like_python() {
    assert_eq!(
        tokens_with(unicode(), "STRAßE ΟΔΟΣ ΣΑΣ İstanbul ǅungla"),
        ["straße", "οδος", "σας", "i\u{307}stanbul", "\u{1c6}ungla"]
    );
}

/// Numbers, punctuation, emoji and spaces are not words; words mixing letters and digits are.
#[test]
fn unicode_mode_drops_numbers_and_symbols() {
    assert_eq!(
        tokens_with(unicode(), "covid19 in 2019: 3.14 🦄 -- ½"),
        ["covid19", "in"]
    );
}

/// With `keep_numbers`, words holding a digit are kept too, decimal points and all.
#[test]
fn unicode_mode_keep_numbers_keeps_numbers() {
    let options = TokenizerOptions {
        keep_numbers: true,
        ..unicode()
    };
    assert_eq!(
        tokens_with(options, "covid19 in 2019: 3.14 🦄 ٣"),
        ["covid19", "in", "2019", "3.14", "٣"]
    );
}

/// Scripts without spaces are cut as UAX #29 cuts them; a combining mark after a space is no
/// part of a word's text, and does not make one.
#[test]
fn unicode_mode_other_scripts() {
    assert_eq!(
        tokens_with(unicode(), "Ελληνικά русский"),
        ["ελληνικά", "русский"]
    );
    assert_eq!(tokens_with(unicode(), "x \u{301}y"), ["x", "y"]);
}

/// Ranges are byte ranges of the words in the input, before lowercasing.
#[test]
fn unicode_mode_ranges_point_at_the_words() {
    assert_eq!(
        tokens_and_ranges(unicode(), "¡Hola, ΣΑΣ!"),
        [("hola".to_owned(), 2..6), ("σας".to_owned(), 8..14)]
    );
}

// --- fold_to_ascii ---

fn folding(mode: TokenMode) -> TokenizerOptions {
    TokenizerOptions {
        mode,
        fold_to_ascii: true,
        ..TokenizerOptions::default()
    }
}

/// Accented letters lose their accents, other letters are transliterated, then the mode applies.
#[test]
fn folding_transliterates_letters_before_tokenizing() {
    assert_eq!(
        tokens_with(folding(TokenMode::Ascii), "Nicolás Straße Æneid Ελλάδα"),
        ["nicolas", "strasse", "aeneid", "ellada"]
    );
    assert_eq!(
        tokens_with(folding(TokenMode::Unicode), "Nicolás Venezuela’s Don’t"),
        ["nicolas", "venezuela's", "don't"]
    );
}

/// A letter decomposed into base + combining accent folds the same as the precomposed one.
#[test]
fn folding_drops_combining_accents() {
    assert_eq!(
        tokens_with(folding(TokenMode::Ascii), "Nicola\u{301}s"),
        ["nicolas"]
    );
}

/// Emoji and symbols do not turn into words (`deunicode` alone would spell `unicorn`, `tm`).
#[test]
fn folding_turns_pictures_into_separators() {
    assert_eq!(
        tokens_with(folding(TokenMode::Ascii), "a🦄b™c"),
        ["a", "b", "c"]
    );
    assert_eq!(
        tokens_with(folding(TokenMode::Unicode), "a 🦄 b™"),
        ["a", "b"]
    );
}

/// Ranges still point into the original text, whole characters included.
#[test]
fn folding_ranges_point_into_the_original_text() {
    assert_eq!(
        tokens_and_ranges(folding(TokenMode::Ascii), "¿Straße? Æ"),
        [("strasse".to_owned(), 2..9), ("ae".to_owned(), 11..13)]
    );
    assert_eq!(
        tokens_and_ranges(folding(TokenMode::Unicode), "Nicola\u{301}s"),
        [("nicolas".to_owned(), 0..9)]
    );
}

// --- remove_stopwords ---

fn without_stopwords(mode: TokenMode) -> TokenizerOptions {
    TokenizerOptions {
        mode,
        remove_stopwords: true,
        ..TokenizerOptions::default()
    }
}

/// NLTK's English stopwords are dropped, compared after lowercasing.
#[test]
fn stopwords_are_dropped_after_lowercasing() {
    assert_eq!(
        tokens_with(
            without_stopwords(TokenMode::Ascii),
            "The army and THE people of Venezuela"
        ),
        ["army", "people", "venezuela"]
    );
}

/// ASCII mode splits contractions into pieces that are stopwords themselves (`don`, `t`);
/// Unicode mode keeps the contraction, which is on the list (including 2025's `he's`).
#[test]
fn stopwords_include_contractions() {
    assert_eq!(
        tokens_with(without_stopwords(TokenMode::Ascii), "Don't go, he's gone"),
        ["go", "gone"]
    );
    assert_eq!(
        tokens_with(without_stopwords(TokenMode::Unicode), "Don't go, He's gone"),
        ["go", "gone"]
    );
}

/// A curly apostrophe is not the list's apostrophe unless folding makes it one.
#[test]
fn stopwords_with_curly_apostrophes_need_folding() {
    assert_eq!(
        tokens_with(without_stopwords(TokenMode::Unicode), "don’t go"),
        ["don’t", "go"]
    );
    let options = TokenizerOptions {
        fold_to_ascii: true,
        ..without_stopwords(TokenMode::Unicode)
    };
    assert_eq!(tokens_with(options, "don’t go"), ["go"]);
}

/// Words that merely contain a stopword, or are not on NLTK's list, stay.
#[test]
fn stopwords_are_whole_words_from_nltks_list() {
    assert_eq!(
        tokens_with(
            without_stopwords(TokenMode::Ascii),
            "theory cannot would could"
        ),
        ["theory", "cannot", "would", "could"]
    );
}

// --- min_len / max_len ---

/// Lengths count characters of the lowercased token, bounds included.
#[test]
fn length_filters_count_characters_inclusively() {
    let options = TokenizerOptions {
        mode: TokenMode::Unicode,
        min_len: Some(2),
        max_len: Some(5),
        ..TokenizerOptions::default()
    };
    assert_eq!(
        tokens_with(options, "a an naïve Straße Nicolás"),
        ["an", "naïve"]
    );
}

/// Length filters apply after folding: `ß` counts as the two letters it becomes.
#[test]
fn length_filters_apply_after_folding() {
    let options = TokenizerOptions {
        fold_to_ascii: true,
        max_len: Some(6),
        ..TokenizerOptions::default()
    };
    assert_eq!(tokens_with(options, "Straße Strase"), ["strase"]);
}

// --- last_safe_cut ---

fn cut(options: TokenizerOptions, text: &str) -> Option<usize> {
    Tokenizer::new(options).last_safe_cut(text)
}

/// ASCII mode cuts just after the last byte that separates tokens.
#[test]
fn ascii_cut_is_after_the_last_separator() {
    let plain = TokenizerOptions::default();
    assert_eq!(cut(plain.clone(), "army of Venezuela"), Some(8));
    assert_eq!(cut(plain.clone(), "army,Venez"), Some(5));
    assert_eq!(cut(plain.clone(), "Venezuela"), None);
    assert_eq!(cut(plain.clone(), ""), None);
    assert_eq!(cut(plain, "Nicolás"), Some(7), "after the whole `á`");
}

/// Digits are part of tokens with `keep_numbers`, so cuts skip them.
#[test]
fn ascii_cut_with_keep_numbers_is_not_after_a_digit() {
    let options = TokenizerOptions {
        keep_numbers: true,
        ..TokenizerOptions::default()
    };
    assert_eq!(cut(options, "a b2019"), Some(2));
}

/// Folding makes non-ASCII letters letters: only ASCII separators are safe then.
#[test]
fn ascii_cut_with_folding_is_only_after_ascii_separators() {
    assert_eq!(cut(folding(TokenMode::Ascii), "a Nicolás"), Some(2));
    assert_eq!(cut(folding(TokenMode::Ascii), "Nicolás"), None);
}

/// Unicode mode cuts just before the last ASCII space that follows a non-space.
#[test]
fn unicode_cut_is_before_a_space_after_a_non_space() {
    assert_eq!(cut(unicode(), "don't stop"), Some(5));
    assert_eq!(cut(unicode(), "a  \u{3000} b"), Some(1));
    assert_eq!(cut(unicode(), "don't.stop"), None);
    assert_eq!(cut(unicode(), " leading"), None);
    assert_eq!(cut(unicode(), "北京 "), Some(6));
}

/// Unicode mode also cuts between two characters that break on both sides whatever is around:
/// an ASCII symbol of class Other or a CJK ideograph, then ASCII or an ideograph.
#[test]
fn unicode_cut_between_isolated_characters() {
    assert_eq!(cut(unicode(), "alpha-beta"), Some(6), "after the hyphen");
    assert_eq!(cut(unicode(), "a/b(c"), Some(4), "after the parenthesis");
    assert_eq!(cut(unicode(), "北京大学"), Some(9), "between ideographs");
    assert_eq!(cut(unicode(), "大学abc"), Some(6), "ideograph, then ASCII");
    assert_eq!(cut(unicode(), "ab-大"), Some(3), "symbol, then ideograph");
    // A comma or semicolon after a letter joins nothing (between digits it would: `1,000`).
    assert_eq!(cut(unicode(), "alpha,beta"), Some(6));
    assert_eq!(cut(unicode(), "a;b"), Some(2));
    assert_eq!(cut(unicode(), "1,000"), None);
    // Mid-word punctuation, quotes and `_` join words: no cut after them.
    assert_eq!(cut(unicode(), "e.g:z'w\"v_u"), None);
    // An Extend character after a symbol or an ideograph belongs to it: no cut before it.
    assert_eq!(cut(unicode(), "a-\u{301}b"), None);
    assert_eq!(cut(unicode(), "北\u{301}"), None);
    // Folded, an ideograph becomes letters and a space (`北` -> `Bei `): cut after the space.
    let folded = folding(TokenMode::Unicode);
    assert_eq!(cut(folded.clone(), "北京大学"), Some(9));
    assert_eq!(cut(folded.clone(), "a-北京"), Some(5));
    assert_eq!(cut(folded, "ab-cé"), Some(3), "é folds to a letter alone");
}

// --- Properties ---

/// Text fragments chosen to hit every class of character the tokenizers treat differently.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,8}",
        2 => "[ .,;:'’\"!?()_-]{1,3}",
        1 => "[#$%&*+/<=>@\\[\\]^`{|}~-]{1,2}",
        1 => "[北京中文カ]{1,4}",
        1 => "[0-9]{1,4}",
        1 => prop::sample::select(vec![
            "\0", "\t", "\r", "\n", "\u{7}", "\u{7f}", "\u{a0}", "\u{3000}", "\u{2003}", "\u{200d}",
            "\u{301}", "\u{93e}", "\u{ad}", "é", "ß", "Σ", "ς", "İ", "Æ", "ǅ", "北", "カ", "א",
            "\u{5f4}", "½", "²", "٣", "🦄", "🇫", "™", "’", "…",
        ])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..24).prop_map(|fragments| fragments.concat())
}

fn any_options() -> impl Strategy<Value = TokenizerOptions> {
    (
        prop_oneof![Just(TokenMode::Ascii), Just(TokenMode::Unicode)],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(0usize..4),
        prop::option::of(0usize..10),
    )
        .prop_map(
            |(mode, keep_numbers, fold_to_ascii, remove_stopwords, min_len, max_len)| {
                TokenizerOptions {
                    mode,
                    keep_numbers,
                    fold_to_ascii,
                    remove_stopwords,
                    min_len,
                    max_len,
                }
            },
        )
}

/// The obvious model of ASCII mode: the maximal runs of ASCII letters, lowercased.
fn model_ascii_letter_runs(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            current.push(c.to_ascii_lowercase());
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Tokenizes `text` as a streaming reader does: fed in `pieces`, cutting what it holds at the
/// last safe cut after each piece and tokenizing the part before it. Ranges refer to `text`.
fn tokenize_streaming(
    options: &TokenizerOptions,
    text: &str,
    piece_ends: &[usize],
) -> Vec<(String, std::ops::Range<usize>)> {
    let mut tokenizer = Tokenizer::new(options.clone());
    let mut tokens = Vec::new();
    let mut held_from = 0;
    let ends = piece_ends
        .iter()
        .copied()
        .filter(|&end| text.is_char_boundary(end));
    for end in ends.chain([text.len()]) {
        let held = &text[held_from..end.max(held_from)];
        let cut = if end == text.len() {
            Some(held.len())
        } else {
            tokenizer.last_safe_cut(held)
        };
        if let Some(cut) = cut {
            assert!(held.is_char_boundary(cut) && cut > 0 || held.is_empty());
            tokenizer.tokenize(&held[..cut], |token| {
                let range = held_from + token.range.start..held_from + token.range.end;
                tokens.push((token.text.to_owned(), range));
            });
            held_from += cut;
        }
    }
    tokens
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// ASCII mode is exactly the maximal ASCII-letter runs, lowercased, on any text (and so is
    /// Python's `re.sub('[^a-zA-Z]', ' ', text).lower().split()`).
    #[test]
    fn ascii_mode_is_the_maximal_letter_runs(text in mixed_text()) {
        prop_assert_eq!(ascii(&text), model_ascii_letter_runs(&text));
    }

    /// With `keep_numbers`, the runs of letters and digits (the model with digits as letters).
    #[test]
    fn ascii_keep_numbers_is_the_maximal_alphanumeric_runs(text in mixed_text()) {
        let options = TokenizerOptions { keep_numbers: true, ..TokenizerOptions::default() };
        let digits_as_letters: String = text.chars().map(|c| if c.is_ascii_digit() { 'a' } else { c }).collect();
        let tokens = tokens_and_ranges(options, &text);
        let shapes: Vec<String> = tokens.iter().map(|(token, _)| token.chars().map(|c| if c.is_ascii_digit() { 'a' } else { c }).collect()).collect();
        prop_assert_eq!(shapes, model_ascii_letter_runs(&digits_as_letters));
        for (token, range) in tokens {
            prop_assert!(text[range].eq_ignore_ascii_case(&token));
        }
    }

    /// Without folding, every range holds its token up to case (ASCII case in ASCII mode,
    /// Unicode lowercasing of the word in Unicode mode).
    #[test]
    fn ranges_point_at_the_tokens(text in mixed_text(), options in any_options()) {
        let options = TokenizerOptions { fold_to_ascii: false, ..options };
        for (token, range) in tokens_and_ranges(options.clone(), &text) {
            let original = &text[range];
            match options.mode {
                TokenMode::Ascii => prop_assert!(original.eq_ignore_ascii_case(&token)),
                TokenMode::Unicode => prop_assert_eq!(original.to_lowercase(), token),
            }
        }
    }

    /// With folding, ranges are increasing char-boundary ranges of the original, and the
    /// token is the folding of the text they cover (so it holds nothing the range does not).
    #[test]
    fn folded_ranges_cover_what_the_token_came_from(text in mixed_text(), options in any_options()) {
        let options = TokenizerOptions { fold_to_ascii: true, ..options };
        let mut previous_end = 0;
        for (token, range) in tokens_and_ranges(options.clone(), &text) {
            prop_assert!(token.is_ascii());
            prop_assert!(range.start < range.end && text.get(range.clone()).is_some());
            prop_assert!(range.end >= previous_end);
            previous_end = range.end;
            let again = tokens_with(options.clone(), &text[range]);
            prop_assert!(again.contains(&token), "{:?} not in {:?}", token, again);
        }
    }

    /// Tokenizing the tokens joined by spaces gives the same tokens, with any options.
    #[test]
    fn tokenizing_the_joined_tokens_gives_them_back(text in mixed_text(), options in any_options()) {
        let tokens = tokens_with(options.clone(), &text);
        prop_assert_eq!(tokens_with(options, &tokens.join(" ")), tokens);
    }

    /// Cutting the text at the last safe cut of any prefix (every one is tried) gives the same
    /// tokens as the whole.
    #[test]
    fn a_safe_cut_of_any_prefix_changes_no_token(text in mixed_text(), options in any_options()) {
        let whole = tokens_and_ranges(options.clone(), &text);
        let tokenizer = Tokenizer::new(options.clone());
        let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        for prefix in boundaries.map(|end| &text[..end]) {
            if let Some(cut) = tokenizer.last_safe_cut(prefix) {
                prop_assert!(cut > 0 && prefix.is_char_boundary(cut));
                prop_assert_eq!(tokenize_streaming(&options, &text, &[cut]), whole.clone(), "cut at {}", cut);
            }
        }
    }

    /// Feeding the text in arbitrary pieces and cutting at safe cuts gives the same tokens and
    /// ranges as tokenizing it whole.
    #[test]
    fn streaming_in_any_pieces_changes_no_token(text in mixed_text(), options in any_options(), mut ends in prop::collection::vec(0usize..200, 0..12)) {
        ends.sort_unstable();
        let whole = tokens_and_ranges(options.clone(), &text);
        prop_assert_eq!(tokenize_streaming(&options, &text, &ends), whole);
    }
}
