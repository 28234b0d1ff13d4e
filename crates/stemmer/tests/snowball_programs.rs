//! The compiled Snowball programs: the English ones equal the hand-written stemmers on their
//! vocabularies, every name parses back, `explain` agrees with `stem`, and no input panics or
//! takes long. (Every program against Snowball's own vocabularies: `snowball.rs`.)

mod corpus;

use std::time::{Duration, Instant};

use stemkit_stemmer::{Algorithm, Program, Stemmer};

/// A hand-written algorithm gives the stems of the compiled program on every word of `words`
/// (a `corpus/vocab` file), lowercased as `stem_into` does: the exact compiled program runs
/// through `as_given().stem_into`.
fn same_stems(words: &str, hand_written: Algorithm, compiled: Program) {
    let text = corpus::read(words);
    let (hand, ours) = (
        Stemmer::new(hand_written),
        Stemmer::new(Algorithm::Snowball(compiled)),
    );
    let (mut a, mut b) = (String::new(), String::new());
    let mut differences = Vec::new();
    for word in corpus::lines(&text) {
        hand.stem_into(word, &mut a);
        ours.as_given()
            .stem_into(&stemkit_stemmer::lowercase(word), &mut b);
        if a != b {
            differences.push(format!(
                "  {word:?}: {hand_written} {a:?}, {compiled:?} {b:?}"
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences[..differences.len().min(20)].join("\n")
    );
}

#[test]
fn compiled_english_equals_hand_written_porter2() {
    same_stems("english-voc.txt", Algorithm::Porter2, Program::English);
    same_stems("english2-voc.txt", Algorithm::Porter2, Program::English);
}

#[test]
fn compiled_english_2_equals_hand_written_porter2_nltk() {
    same_stems(
        "english-voc.txt",
        Algorithm::Porter2Nltk,
        Program::English_2_0_0,
    );
    same_stems(
        "english2-voc.txt",
        Algorithm::Porter2Nltk,
        Program::English_2_0_0,
    );
}

#[test]
fn compiled_porter_equals_porter_original() {
    same_stems("porter-voc.txt", Algorithm::PorterOriginal, Program::Porter);
    same_stems(
        "porter-voc.txt",
        Algorithm::PorterOriginal,
        Program::Porter_2_0_0,
    );
}

#[test]
fn every_program_name_and_alias_parses_back() {
    for program in Program::ALL {
        let algorithm = Algorithm::Snowball(program);
        assert_eq!(algorithm.name().parse::<Algorithm>(), Ok(algorithm));
        for alias in program.aliases() {
            assert_eq!(alias.parse::<Algorithm>(), Ok(algorithm), "{alias}");
        }
    }
    assert_eq!(
        Algorithm::all().count(),
        Algorithm::ALL.len() + Program::ALL.len()
    );
    assert_eq!(
        "english@2.2.0".parse(),
        Ok(Algorithm::Snowball(Program::English_2_0_0))
    );
    assert_eq!(
        "french@3.0.1".parse(),
        Ok(Algorithm::Snowball(Program::French))
    );
    assert_eq!("english".parse(), Ok(Algorithm::Snowball(Program::English)));
    assert_eq!("porter".parse(), Ok(Algorithm::Snowball(Program::Porter)));
    assert!("english@1.0.0".parse::<Algorithm>().is_err());
}

/// Words in several scripts, with capitals, and edge cases of UTF-8.
const WORDS: [&str; 16] = [
    "running",
    "Generalizations",
    "Häuser",
    "développement",
    "continuellement",
    "крепостью",
    "καθισταμένων",
    "gyönyörűségesen",
    "ستكتبونها",
    "வந்தார்கள்",
    "İstanbul'dakiler",
    "",
    "a",
    "🦀🦀🦀ing",
    "e\u{301}tudiantes",
    "'",
];

#[test]
fn explain_ends_where_stem_does_and_names_what_fired() {
    for program in Program::ALL {
        let stemmer = Stemmer::new(Algorithm::Snowball(program));
        for word in WORDS {
            let explanation = stemmer.explain(word);
            assert_eq!(explanation.stem, stemmer.stem(word), "{program:?} {word:?}");
            if explanation.stem != stemkit_stemmer::lowercase(word) {
                assert!(
                    !explanation.steps.is_empty(),
                    "{program:?} {word:?}: no steps"
                );
            }
        }
    }
    let explanation = Stemmer::new(Algorithm::Snowball(Program::Porter)).explain("running");
    let rules: Vec<_> = explanation.steps.iter().filter_map(|s| s.rule).collect();
    assert!(rules.contains(&"ing"), "{explanation:?}");
}

#[test]
fn stem_lowercases_and_stem_as_is_does_not() {
    let german = Stemmer::new(Algorithm::Snowball(Program::German));
    let mut out = String::new();
    german.as_given().stem_into("Häuser", &mut out);
    assert_eq!(out, "Haus");
    german.stem_into("HÄUSER", &mut out);
    assert_eq!(out, "haus");
    // Snowball's German marks a capital U between vowels, then lowercases it.
    german.as_given().stem_into("HÄUSER", &mut out);
    assert_eq!(out, "HÄuSER");
}

/// Odd and long inputs: no panic, and time that grows gently with the length.
#[test]
fn odd_and_long_words_are_safe_and_quick() {
    let long: Vec<String> = ["a", "ا", "ж", "ü", "ab", "ing", "\u{301}", "🦀", "'"]
        .iter()
        .map(|piece| piece.repeat(2000))
        .collect();
    let mut out = String::new();
    for program in Program::ALL {
        let stemmer = Stemmer::new(Algorithm::Snowball(program));
        let start = Instant::now();
        for word in WORDS.iter().copied().chain(long.iter().map(String::as_str)) {
            stemmer.stem_into(word, &mut out);
            stemmer.as_given().stem_into(word, &mut out);
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{program:?} took {:?}",
            start.elapsed()
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text, in any program: no panic, and `explain` ends where `stem` does.
    #[test]
    fn any_word_in_any_program(word in "\\PC{0,24}", pick in 0..Program::ALL.len()) {
        let stemmer = Stemmer::new(Algorithm::Snowball(Program::ALL[pick]));
        let mut out = String::new();
        stemmer.as_given().stem_into(&word, &mut out);
        proptest::prop_assert_eq!(stemmer.explain(&word).stem, stemmer.stem(&word));
    }
}
