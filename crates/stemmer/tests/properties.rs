//! Properties every stemmer must have on any input, and the differential check of the Porter
//! stemmer against `oracle`, a literal transcription of NLTK's code. The oracle is itself
//! checked here against outputs made by NLTK 3.10.4, so a difference always has a trusted referee.

mod corpus;
mod oracle;

use proptest::prelude::*;
use proptest::sample::select;
use stemkit_stemmer::{Algorithm, Stemmer};

use corpus::{lines, read};
use oracle::Mode;

// The oracle against NLTK's own outputs.

const MODES: [(Mode, &str); 3] = [
    (Mode::Nltk, "nltk"),
    (Mode::Martin, "martin"),
    (Mode::Original, "original"),
];

/// Stems every word with the oracle and fails listing the first differences.
fn check_oracle(mode: Mode, source: &str, cases: &[(&str, &str)]) {
    assert!(
        cases.len() > 1000,
        "{source}: suspiciously few cases: {}",
        cases.len()
    );
    let mismatches: Vec<String> = cases
        .iter()
        .filter_map(|&(word, expected)| {
            let stem = oracle::stem(mode, word);
            (stem != expected).then(|| format!("  {word:?}: NLTK {expected:?}, oracle {stem:?}"))
        })
        .collect();
    assert!(
        mismatches.is_empty(),
        "oracle {mode:?} on {source}: {} of {} words differ; the first:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches[..mismatches.len().min(25)].join("\n")
    );
}

#[test]
fn oracle_matches_nltk_tsv_in_every_mode() {
    let text = read("nltk-porter.tsv");
    let mut rows = lines(&text).into_iter();
    let header: Vec<&str> = rows.next().expect("header row").split('\t').collect();
    let rows: Vec<Vec<&str>> = rows.map(|row| row.split('\t').collect()).collect();
    for (mode, name) in MODES {
        let column = header
            .iter()
            .position(|h| *h == format!("porter_{name}"))
            .unwrap_or_else(|| panic!("nltk-porter.tsv has no column porter_{name}"));
        let cases: Vec<(&str, &str)> = rows
            .iter()
            .map(|fields| {
                assert_eq!(fields.len(), header.len(), "bad row {fields:?}");
                (fields[0], fields[column])
            })
            .collect();
        check_oracle(mode, "nltk-porter.tsv", &cases);
    }
}

#[test]
fn oracle_matches_nltk_test_vocabulary_in_every_mode() {
    let words = read("nltk-porter-test/porter_vocabulary.txt");
    for (mode, name) in MODES {
        let file = format!("nltk-porter-test/porter_{name}_output.txt");
        let stems = read(&file);
        let (words, stems) = (lines(&words), lines(&stems));
        assert_eq!(
            words.len(),
            stems.len(),
            "{file} and the vocabulary differ in length"
        );
        let cases: Vec<(&str, &str)> = words.into_iter().zip(stems).collect();
        check_oracle(mode, &file, &cases);
    }
}

/// The short-word rule counts the word as given, before `İ` lowercases to two code points.
/// Expected stems printed by NLTK 3.10.4 (nltk-porter.tsv holds no such word).
#[test]
fn oracle_measures_short_words_before_lowercasing() {
    let cases = [
        ("İs", ["i\u{307}s", "i\u{307}s", "i\u{307}"]),
        ("İS", ["i\u{307}s", "i\u{307}s", "i\u{307}"]),
        ("sİ", ["si\u{307}", "si\u{307}", "si\u{307}"]),
        ("İy", ["i\u{307}y", "i\u{307}y", "i\u{307}i"]),
    ];
    for (word, expected) in cases {
        for ((mode, _), expected) in MODES.into_iter().zip(expected) {
            assert_eq!(oracle::stem(mode, word), expected, "{mode:?} on {word:?}");
        }
    }
}

// Generators.

/// Single characters and short pieces that stress lowercasing and code-point handling.
const ODD_PIECES: &[&str] = &[
    "é",
    "É",
    "ß",
    "ẞ",
    "ñ",
    "Æ",
    "ø",
    "å",
    "ÿ",
    "Ÿ",
    "ı",
    "İ",
    "Σ",
    "σ",
    "ς",
    "ǅ",
    "Ǆ",
    "ﬁ",
    "Ω",
    "Ꭰ",
    "ꭰ",
    "Ⓐ",
    "\u{301}",
    "\u{308}",
    "\u{327}",
    "\u{345}",
    "\u{307}",
    "\u{200d}",
    "'",
    "’",
    "‘",
    "`",
    "😀",
    "👍🏽",
    "🇫🇷",
    "👨‍👩‍👧",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "\u{0}",
];

/// Pieces worth repeating into very long runs: `y` runs stress the consonant definition.
const RUN_PIECES: &[&str] = &[
    "y", "Y", "e", "s", "l", "ll", "ed", "ing", "ational", "ab", "İ", "Σ",
];

fn unicode_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,8}",
        3 => select(ODD_PIECES).prop_map(str::to_owned),
        2 => select(SUFFIXES).prop_map(str::to_owned),
        1 => "[0-9]{1,4}",
        1 => (select(RUN_PIECES), 1..4000usize).prop_map(|(piece, n)| piece.repeat(n)),
        2 => any::<char>().prop_map(String::from),
    ]
}

/// Any Unicode string: mixtures of the pieces above, or arbitrary strings.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(unicode_piece(), 0..8).prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
        // Very short strings decide the short-word rule, measured before lowercasing (`İs`).
        1 => prop::collection::vec(
            prop_oneof![select(ODD_PIECES).prop_map(str::to_owned), "[a-zA-Z]"],
            1..4,
        )
        .prop_map(|pieces| pieces.concat()),
        // `İ` is the one character whose lowercase is longer: two code points become three.
        1 => prop_oneof!["İ[a-zA-Z]?", "[a-zA-Z]İ"],
    ]
}

const PREFIXES: &[&str] = &[
    "", "", "", "", "re", "un", "in", "con", "dis", "pre", "over", "sub", "inter", "geo", "theo",
    "archaeo", "philo", "bio",
];

/// Real stems, many taken from the examples of Porter's paper, and tricky short ones.
const STEMS: &[&str] = &[
    "relat", "condit", "valen", "hesit", "digit", "conform", "radic", "differ", "vil", "analog",
    "vietnam", "predic", "oper", "feud", "decis", "hope", "call", "form", "sensi", "tripl",
    "electr", "good", "reviv", "allow", "infer", "airlin", "gyroscop", "adjust", "defens", "irrit",
    "replac", "depend", "adopt", "homolog", "commun", "activ", "angular", "effect", "bowdler",
    "prob", "rat", "ceas", "contr", "ro", "car", "pon", "t", "sk", "d", "l", "fl", "sp", "tr",
    "happ", "enjo", "agr", "fe", "plaster", "bl", "motor", "s", "conflat", "troubl", "siz", "hop",
    "tan", "fal", "his", "fiz", "fail", "fil", "gener", "nation", "cri", "spi", "di", "ti", "li",
    "new", "inn", "out", "cann", "how", "proc", "exc", "succ", "w", "x", "y", "a", "e", "i", "o",
    "u", "ab", "ag", "ok", "sy", "toy", "syzyg", "ivy", "tree", "orrer", "oat", "privat", "café",
    "naïv", "résumé", "façad",
];

const CONSONANTS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "w", "x",
    "y", "z", "st", "tr", "pl", "ch", "sh", "th", "ll", "ss", "zz", "nn", "tt", "bb", "rr", "gr",
    "spr", "ck", "ng", "nd", "rt", "yy",
];

const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "y", "ea", "ee", "oo", "ou", "ai", "ie", "io", "ue", "ay", "oy", "ey",
];

/// Every suffix some Porter rule looks at, and common English endings that chain into them.
const SUFFIXES: &[&str] = &[
    "ational",
    "tional",
    "enci",
    "anci",
    "izer",
    "bli",
    "abli",
    "alli",
    "entli",
    "eli",
    "ousli",
    "ization",
    "ation",
    "ator",
    "alism",
    "iveness",
    "fulness",
    "ousness",
    "aliti",
    "iviti",
    "biliti",
    "fulli",
    "logi",
    "icate",
    "ative",
    "alize",
    "iciti",
    "ical",
    "ful",
    "ness",
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ion",
    "sion",
    "tion",
    "ou",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
    "eed",
    "ed",
    "ing",
    "ies",
    "ied",
    "sses",
    "ss",
    "s",
    "y",
    "e",
    "ll",
    "l",
    "ly",
    "li",
    "at",
    "bl",
    "iz",
    "ling",
    "ating",
    "izing",
    "ations",
    "alities",
    "fulnesses",
    "ingly",
    "edly",
    "eedly",
    "'s",
    "s'",
    "ogist",
    "ogy",
];

/// NLTK mode's irregular forms, which must be found whatever their case.
const IRREGULAR: &[&str] = &[
    "sky", "skies", "dying", "lying", "tying", "news", "innings", "inning", "outings", "outing",
    "cannings", "canning", "howe", "proceed", "exceed", "succeed",
];

/// A stem built from consonant and vowel clusters, `[C](VC){n}[V]`-shaped.
fn pattern_stem() -> impl Strategy<Value = String> {
    let syllable = (
        prop::option::of(select(CONSONANTS)),
        select(VOWELS),
        prop::option::of(select(CONSONANTS)),
    )
        .prop_map(|(onset, nucleus, coda)| {
            [onset.unwrap_or(""), nucleus, coda.unwrap_or("")].concat()
        });
    prop::collection::vec(syllable, 1..4).prop_map(|syllables| syllables.concat())
}

/// Endings that, on a stem of two or three letters, meet the rules about short stems.
const SHORT_WORD_SUFFIXES: &[&str] = &[
    "", "e", "ed", "ing", "s", "es", "ies", "ied", "y", "ly", "al", "er", "eed", "ll",
];

/// One to three letters, often vowel-consonant (`ab`, `us`): NLTK's two-letter `*o` case.
fn short_stem() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,3}",
        (select(&VOWELS[..6]), select(&CONSONANTS[..21])).prop_map(|(v, c)| [v, c].concat()),
    ]
}

fn suffix() -> impl Strategy<Value = &'static str> {
    prop_oneof![1 => Just(""), 6 => select(SUFFIXES)]
}

/// Lowercase English-like words: prefix + stem + up to two suffixes, an irregular form, or a
/// very short stem with a suffix.
fn english_word() -> impl Strategy<Value = String> {
    let stem = prop_oneof![select(STEMS).prop_map(str::to_owned), pattern_stem()];
    prop_oneof![
        8 => (select(PREFIXES), stem, suffix(), suffix())
            .prop_map(|(prefix, stem, first, second)| [prefix, &stem, first, second].concat()),
        1 => select(IRREGULAR).prop_map(str::to_owned),
        // Stems of one to three letters decide the two-letter and short-word rules.
        2 => (short_stem(), select(SHORT_WORD_SUFFIXES)).prop_map(|(stem, suffix)| stem + suffix),
    ]
}

/// English-like words in lower, upper, title or random mixed case.
fn english_like_word() -> impl Strategy<Value = String> {
    (
        english_word(),
        0..5u8,
        prop::collection::vec(any::<bool>(), 40),
    )
        .prop_map(|(word, case, mask)| match case {
            0 | 1 => word,
            2 => word.to_uppercase(),
            3 => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            _ => word
                .chars()
                .zip(mask.into_iter().cycle())
                .flat_map(|(c, upper)| {
                    if upper {
                        c.to_uppercase().collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                })
                .collect(),
        })
}

fn lowercase_ascii_word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{0,30}",
        english_word().prop_filter("lowercase ASCII letters only", |w| {
            w.bytes().all(|b| b.is_ascii_lowercase())
        }),
    ]
}

// Properties of every algorithm.

fn stemmers() -> impl Iterator<Item = Stemmer> {
    Algorithm::ALL.into_iter().map(Stemmer::new)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A panic anywhere fails the case, so this runs every entry point on every algorithm.
    #[test]
    fn no_algorithm_panics_on_any_string(word in any_text()) {
        let mut buffer = String::new();
        for stemmer in stemmers() {
            let _ = stemmer.stem(&word);
            stemmer.stem_into(&word, &mut buffer);
            let _ = stemmer.explain(&word);
        }
    }

    #[test]
    fn stems_are_never_longer_than_the_lowercased_word(
        word in prop_oneof![any_text(), english_like_word()],
    ) {
        let limit = word.to_lowercase().chars().count();
        for stemmer in stemmers() {
            let stem = stemmer.stem(&word);
            prop_assert!(
                stem.chars().count() <= limit,
                "{}: {word:?} ({limit} chars lowercased) -> {stem:?}", stemmer.algorithm()
            );
        }
    }

    #[test]
    fn lowercase_ascii_words_give_lowercase_ascii_stems(word in lowercase_ascii_word()) {
        for stemmer in stemmers() {
            let stem = stemmer.stem(&word);
            prop_assert!(
                stem.bytes().all(|b| b.is_ascii_lowercase()),
                "{}: {word:?} -> {stem:?}", stemmer.algorithm()
            );
        }
    }

    /// One buffer serves many words of every algorithm in turn, as a tokenizer's loop uses it.
    #[test]
    fn stem_into_with_a_reused_buffer_and_explain_agree_with_stem(
        words in prop::collection::vec(prop_oneof![any_text(), english_like_word()], 1..12),
    ) {
        let mut buffer = String::new();
        for word in &words {
            for stemmer in stemmers() {
                let stem = stemmer.stem(word);
                stemmer.stem_into(word, &mut buffer);
                prop_assert_eq!(&buffer, &stem, "{}: stem_into on {:?}", stemmer.algorithm(), word);
                let explained = stemmer.explain(word).stem;
                prop_assert_eq!(&explained, &stem, "{}: explain on {:?}", stemmer.algorithm(), word);
            }
        }
    }
}

// The production Porter stemmer against the oracle, mode by mode.

fn agrees_with_oracle(algorithm: Algorithm, mode: Mode, word: &str) -> Result<(), TestCaseError> {
    let expected = oracle::stem(mode, word);
    let stem = Stemmer::new(algorithm).stem(word);
    prop_assert_eq!(&stem, &expected, "{} on {:?}", algorithm, word);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn porter_nltk_equals_oracle_on_english_like_words(word in english_like_word()) {
        agrees_with_oracle(Algorithm::PorterNltk, Mode::Nltk, &word)?;
    }

    #[test]
    fn porter_martin_equals_oracle_on_english_like_words(word in english_like_word()) {
        agrees_with_oracle(Algorithm::PorterMartin, Mode::Martin, &word)?;
    }

    #[test]
    fn porter_original_equals_oracle_on_english_like_words(word in english_like_word()) {
        agrees_with_oracle(Algorithm::PorterOriginal, Mode::Original, &word)?;
    }

    #[test]
    fn porter_nltk_equals_oracle_on_any_string(word in any_text()) {
        agrees_with_oracle(Algorithm::PorterNltk, Mode::Nltk, &word)?;
    }

    #[test]
    fn porter_martin_equals_oracle_on_any_string(word in any_text()) {
        agrees_with_oracle(Algorithm::PorterMartin, Mode::Martin, &word)?;
    }

    #[test]
    fn porter_original_equals_oracle_on_any_string(word in any_text()) {
        agrees_with_oracle(Algorithm::PorterOriginal, Mode::Original, &word)?;
    }
}
