//! Unit tests of the Porter modes on edge cases, checked against NLTK 3.10.4's outputs (noted
//! beside each case), and a property test that the byte and code-point paths agree.

use proptest::prelude::*;

use super::{Mode, stem_letters};
use crate::trace::NoTrace;
use crate::{Algorithm, Stemmer};

fn stems(word: &str) -> [String; 3] {
    [
        Algorithm::PorterNltk,
        Algorithm::PorterMartin,
        Algorithm::PorterOriginal,
    ]
    .map(|algorithm| Stemmer::new(algorithm).stem(word).into_owned())
}

/// `(word, [nltk, martin, original])`, each stem as NLTK 3.10.4 gives it.
const EDGE_CASES: &[(&str, [&str; 3])] = &[
    ("", ["", "", ""]),
    (
        "İstanbul",
        ["i\u{307}stanbul", "i\u{307}stanbul", "i\u{307}stanbul"],
    ),
    // Two code points before lowercasing, three after: too short to stem, but not originally.
    ("İS", ["i\u{307}s", "i\u{307}s", "i\u{307}"]),
    ("News", ["news", "new", "new"]),
    ("NEWS", ["news", "new", "new"]),
    ("Dying", ["die", "dy", "dy"]),
    ("skies", ["sky", "ski", "ski"]),
    ("yyyy", ["yyyi", "yyyi", "yyyi"]),
    ("yyyyy", ["yyyyy", "yyyyi", "yyyyi"]),
    ("y", ["y", "y", "y"]),
    ("ay", ["ay", "ay", "ai"]),
    ("AS", ["as", "as", "a"]),
    // NLTK's rule list names the double-consonant rule "*d" and also matches it literally.
    ("a*ding", ["ad", "ad", "ad"]),
    ("ΣΑΣ", ["σας", "σας", "σας"]),
    ("ΌΣΟΣ", ["όσος", "όσος", "όσος"]),
    ("\u{212A}ING", ["king", "king", "king"]), // Kelvin sign: non-ASCII that lowercases to ASCII
    ("ties", ["tie", "ti", "ti"]),
    ("died", ["die", "di", "di"]),
    ("spied", ["spi", "spi", "spi"]),
    ("enjoy", ["enjoy", "enjoi", "enjoi"]),
    ("geology", ["geolog", "geologi", "geologi"]),
    ("radically", ["radic", "radic", "radic"]),
    ("feed", ["feed", "feed", "feed"]),
    ("agreed", ["agre", "agre", "agre"]),
    ("hopping", ["hop", "hop", "hop"]),
    ("falling", ["fall", "fall", "fall"]),
    ("filing", ["file", "file", "file"]),
    ("fizzed", ["fizz", "fizz", "fizz"]),
    ("emoji🙂ing", ["emoji🙂", "emoji🙂", "emoji🙂"]),
    ("l'amour", ["l'amour", "l'amour", "l'amour"]),
    ("cats'", ["cats'", "cats'", "cats'"]),
    ("ied", ["i", "i", "i"]),
    ("rationalli", ["ration", "ration", "ration"]),
    ("conformabli", ["conform", "conform", "conform"]),
    ("hopefulli", ["hope", "hopefulli", "hopefulli"]),
];

#[test]
fn edge_cases_match_nltk() {
    for (word, expected) in EDGE_CASES {
        assert_eq!(
            stems(word),
            expected.map(str::to_owned),
            "stemming {word:?}"
        );
    }
}

#[test]
fn stem_into_reuses_its_buffer() {
    let stemmer = Stemmer::new(Algorithm::PorterNltk);
    let mut out = String::with_capacity(64);
    let before = out.as_ptr();
    for word in [
        "Generalizations",
        "running",
        "ponies",
        "dying",
        "İstanbul",
        "ab",
    ] {
        stemmer.stem_into(word, &mut out);
    }
    stemmer.stem_into("relational", &mut out);
    assert_eq!(out, "relat");
    assert_eq!(
        out.as_ptr(),
        before,
        "the ASCII path must work in the caller's buffer"
    );
}

#[test]
fn a_multi_megabyte_word_stems_in_linear_time() {
    // Quadratic work on 4 MB would take hours; linear takes milliseconds even unoptimised.
    let mut word = "ab".repeat(2 << 20);
    word.push_str("ational");
    let start = std::time::Instant::now();
    let stem = Stemmer::new(Algorithm::PorterNltk).stem(&word).into_owned();
    assert_eq!(stem.len(), word.len() - "ational".len()); // ational -> ate, then (m>1) ate ->
    assert!(stem.ends_with("abab"));
    let ys = "y".repeat(1 << 20) + "ing";
    for algorithm in [
        Algorithm::PorterNltk,
        Algorithm::PorterMartin,
        Algorithm::PorterOriginal,
    ] {
        assert!(Stemmer::new(algorithm).stem(&ys).len() <= ys.len());
    }
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
}

#[test]
fn explain_generalizations() {
    let explanation = Stemmer::new(Algorithm::PorterNltk).explain("generalizations");
    let steps: Vec<(&str, Option<&str>, &str)> = explanation
        .steps
        .iter()
        .map(|s| (s.step, s.rule, s.word.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            ("1a", Some("s -> (deleted)"), "generalization"),
            ("1b", None, "generalization"),
            ("1c", None, "generalization"),
            ("2", Some("(m>0) ization -> ize"), "generalize"),
            ("3", Some("(m>0) alize -> al"), "general"),
            ("4", Some("(m>1) al -> (deleted)"), "gener"),
            ("5a", None, "gener"),
            ("5b", None, "gener"),
        ]
    );
    assert_eq!(explanation.stem, "gener");
}

#[test]
fn explain_names_the_lookup_and_short_words() {
    let nltk = Stemmer::new(Algorithm::PorterNltk);
    let dying = nltk.explain("Dying");
    assert_eq!(dying.steps.len(), 1);
    assert_eq!(dying.steps[0].step, "irregular");
    assert_eq!(dying.steps[0].rule, Some("(irregular form) dying -> die"));
    assert_eq!(dying.stem, "die");
    let short = nltk.explain("IS");
    assert_eq!(short.steps.len(), 1);
    assert_eq!(short.steps[0].step, "short word");
    assert_eq!(short.stem, "is");
}

#[test]
fn explain_shows_both_parts_of_step_1b_and_the_alli_detour() {
    let nltk = Stemmer::new(Algorithm::PorterNltk);
    let conflated = nltk.explain("conflated");
    let rules: Vec<_> = conflated
        .steps
        .iter()
        .filter(|s| s.step == "1b")
        .map(|s| s.rule)
        .collect();
    assert_eq!(rules, [Some("(*v*) ed -> (deleted)"), Some("at -> ate")]);
    let radically = nltk.explain("radically");
    let step2: Vec<_> = radically
        .steps
        .iter()
        .filter(|s| s.step == "2")
        .map(|s| s.rule)
        .collect();
    assert_eq!(step2, [Some("(m>0) alli -> al")]);
    assert_eq!(radically.stem, "radic");
}

/// Stems the lowercase ASCII `word` as code points, the path non-ASCII words take.
fn stem_as_chars(mode: Mode, word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    let short = mode != Mode::Original && letters.len() <= 2;
    stem_letters(mode, short, &mut letters, &mut NoTrace);
    letters.into_iter().collect()
}

/// Lowercase ASCII words weighted towards Porter's suffixes and `y` runs.
fn ascii_word() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z]{1,3}",
        "[aeiouy]{1,2}",
        "[bcdfglmnprstvyz]{1,2}",
        Just("y".to_owned()),
        Just("*d".to_owned()),
        Just("'".to_owned()),
        proptest::sample::select(vec![
            "ational", "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli", "eli",
            "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti",
            "iviti", "biliti", "logi", "fulli", "icate", "ative", "alize", "iciti", "ical", "ful",
            "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
            "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "eed", "ed", "ing",
            "ies", "ied", "sses", "ss", "s", "e", "ll", "at", "bl", "iz",
        ])
        .prop_map(str::to_owned),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn byte_and_code_point_paths_agree(word in ascii_word()) {
        for (algorithm, mode) in [
            (Algorithm::PorterNltk, Mode::Nltk),
            (Algorithm::PorterMartin, Mode::Martin),
            (Algorithm::PorterOriginal, Mode::Original),
        ] {
            let bytes = Stemmer::new(algorithm).stem(&word).into_owned();
            prop_assert_eq!(bytes, stem_as_chars(mode, &word), "{} on {:?}", algorithm, word);
        }
    }
}
