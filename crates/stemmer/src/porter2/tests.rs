//! In-crate tests: the revisions differ where their references do, odd strings never panic,
//! traces end on the stem, and the byte and char paths agree.
//!
//! Expected stems were computed by PyStemmer 3.1 (`porter2`, after Python's `lower()`) and by
//! NLTK 3.10.4's `SnowballStemmer("english")` (`porter2-nltk`), not by this code.

use proptest::prelude::*;

use super::revision::Revision;
use super::steps::stem_letters;
use crate::trace::NoTrace;
use crate::{Algorithm, Stemmer};

const CURRENT: Stemmer = Stemmer::new(Algorithm::Porter2);
const NLTK: Stemmer = Stemmer::new(Algorithm::Porter2Nltk);

/// (word, PyStemmer's stem, NLTK's stem)
const REFERENCE: &[(&str, &str, &str)] = &[
    ("inning's", "inning", "in"),
    ("adding", "add", "ad"),
    ("pasted", "paste", "past"),
    ("geologist", "geolog", "geologist"),
    ("evening", "evening", "even"),
    ("proceeding", "proceed", "proceed"),
    ("vying", "vie", "vy"),
    ("bled", "bled", "bled"),
    ("hoped", "hope", "hope"),
    ("\u{2019}tis", "\u{2019}tis", "tis"),
    ("dog\u{2019}s", "dog\u{2019}", "dog"),
    ("Ünïcödé", "ünïcödé", "ünïcödé"),
    ("generously", "generous", "generous"),
    ("'s'", "s", "s"),
    ("İstanbul", "i\u{307}stanbul", "i\u{307}stanbul"),
    ("ΣΑΣ", "σας", "σας"),
    ("naïvety", "naïveti", "naïveti"),
    ("cafés", "café", "café"),
];

#[test]
fn revisions_match_their_references() {
    for &(word, current, nltk) in REFERENCE {
        assert_eq!(CURRENT.stem(word), current, "porter2 on {word:?}");
        assert_eq!(NLTK.stem(word), nltk, "porter2-nltk on {word:?}");
    }
}

/// Strings no dictionary holds: empty, apostrophes alone, emoji, combining marks, controls.
const ODD: &[&str] = &[
    "",
    "'",
    "''",
    "'''",
    "'s",
    "'s'",
    "s'",
    "\u{2019}\u{2019}\u{2019}",
    "😀",
    "😀😀😀ing",
    "e\u{301}\u{301}\u{301}ed",
    "\u{301}ies",
    "y",
    "yyyyyy",
    "YYYY",
    "ied",
    "ies",
    "sses",
    "eed",
    "ing",
    "ingly",
    "\0\0\0",
    "a\u{0}ing",
    "ﬃ",
    "ǅǅǅ",
    "ational",
    "li",
    "ogi",
    "ion",
    "tion",
    "ll",
    "le",
];

#[test]
fn odd_strings_neither_panic_nor_trace_another_stem() {
    for stemmer in [CURRENT, NLTK] {
        for word in ODD {
            let stem = stemmer.stem(word);
            let explanation = stemmer.explain(word);
            assert_eq!(explanation.stem, stem, "{stemmer:?} on {word:?}");
            let last = explanation
                .steps
                .last()
                .map_or(*word, |step| step.word.as_str());
            assert_eq!(last, stem, "{stemmer:?}: the last step of {word:?}");
        }
    }
}

#[test]
fn explain_names_the_steps_and_rules() {
    let explanation = CURRENT.explain("Generalizations");
    let steps: Vec<&str> = explanation.steps.iter().map(|step| step.step).collect();
    assert_eq!(
        steps,
        [
            "prelude", "0", "1a", "1b", "1c", "2", "3", "4", "5", "postlude"
        ]
    );
    assert_eq!(explanation.stem, "general");
    let fired: Vec<&str> = explanation
        .steps
        .iter()
        .filter_map(|step| step.rule)
        .collect();
    assert_eq!(
        fired,
        [
            "(a vowel not just before it) s -> (deleted)",
            "(R1) ization -> ize",
            "(R1) alize -> al"
        ]
    );
}

#[test]
fn a_huge_word_is_stemmed_in_linear_time() {
    // Quadratic work on 20 MB would not finish; every pass here is linear.
    let mut word = "ay".repeat(10_000_000);
    word.push_str("ationally's");
    let stem = NLTK.stem(&word);
    assert!(stem.starts_with("aYaYaY") || stem.starts_with("ayay"));
    assert!(stem.len() < word.len());
    let accented = format!("'{word}é");
    assert!(CURRENT.stem(&accented).ends_with("é"));
}

/// Stems `word` (lowercase ASCII) through the byte path and the char path.
fn both_paths(revision: Revision, word: &str) -> (String, String) {
    let mut bytes = word.as_bytes().to_vec();
    stem_letters(revision, &mut bytes, &mut NoTrace);
    let mut chars: Vec<char> = word.chars().collect();
    stem_letters(revision, &mut chars, &mut NoTrace);
    (
        String::from_utf8_lossy(&bytes).into_owned(),
        chars.into_iter().collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Words built from the letters and suffix pieces the rules look at, so most rules fire.
    #[test]
    fn byte_and_char_paths_agree(
        word in "(y|'|[a-z]|ing|ed|ation|al|ic|li|ness|iz|bl|at|ss|ies|eed|ogi|ful|ent|ive|'s){0,8}"
    ) {
        for revision in [Revision::Current, Revision::Nltk] {
            let (bytes, chars) = both_paths(revision, &word);
            prop_assert_eq!(bytes, chars, "{:?} on {:?}", revision, word);
        }
    }

    #[test]
    fn any_ascii_agrees_and_any_string_is_safe(word in "[ -~]{0,16}", other in any::<String>()) {
        let lower = word.to_ascii_lowercase();
        for revision in [Revision::Current, Revision::Nltk] {
            let (bytes, chars) = both_paths(revision, &lower);
            prop_assert_eq!(bytes, chars, "{:?} on {:?}", revision, lower);
        }
        for stemmer in [CURRENT, NLTK] {
            prop_assert_eq!(stemmer.explain(&other).stem, stemmer.stem(&other));
        }
    }
}
