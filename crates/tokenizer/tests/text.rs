//! The in-memory API (`stemkit_tokenizer::text`) gives what the streaming pipeline writes: on
//! the paired corpus's documents and on generated text, for every option set, with and without
//! stemming, on one thread or several.

mod common;

use std::fs;
use std::num::NonZeroUsize;
use std::path::Path;

use proptest::prelude::*;
use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::text::{Document, TextStemmer};
use stemkit_tokenizer::{Layout, Pipeline, TokenMode, TokenizerOptions};

/// The document as the streaming pipeline writes it, one token per line, read back.
fn streamed(options: &TokenizerOptions, algorithm: Option<Algorithm>, input: &str) -> Document {
    let mut out = Vec::new();
    Pipeline::new(options.clone(), algorithm)
        .run(input.as_bytes(), &mut out, Layout::TokenPerLine, false)
        .expect("valid UTF-8, written to memory");
    let out = String::from_utf8(out).expect("the pipeline writes UTF-8");
    let mut lines = out.split_terminator('\n');
    Document {
        title: lines.next().unwrap_or("").to_owned(),
        stems: lines.map(str::to_owned).collect(),
    }
}

/// A few option sets that each cut or filter words differently.
fn option_sets() -> Vec<TokenizerOptions> {
    let unicode = TokenizerOptions {
        mode: TokenMode::Unicode,
        ..TokenizerOptions::default()
    };
    vec![
        TokenizerOptions::default(),
        TokenizerOptions {
            keep_numbers: true,
            remove_stopwords: true,
            min_len: Some(2),
            max_len: Some(12),
            ..TokenizerOptions::default()
        },
        TokenizerOptions {
            fold_to_ascii: true,
            ..TokenizerOptions::default()
        },
        unicode.clone(),
        TokenizerOptions {
            fold_to_ascii: true,
            keep_numbers: true,
            ..unicode
        },
    ]
}

const ALGORITHMS: [Option<Algorithm>; 3] =
    [None, Some(Algorithm::PorterNltk), Some(Algorithm::Porter2)];

#[test]
fn corpus_documents_equal_the_streaming_pipeline() {
    let pairs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pairs");
    let mut raws: Vec<String> = fs::read_dir(&pairs)
        .expect("the corpus pairs")
        .map(|entry| {
            let path = entry.expect("a corpus entry").path().join("raw.txt");
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    assert!(raws.len() >= 3);
    // The same documents with a byte-order mark and CRLF line ends.
    let crlf: Vec<String> = raws
        .iter()
        .map(|raw| format!("\u{feff}{}", raw.replace('\n', "\r\n")))
        .collect();
    raws.extend(crlf);
    for options in option_sets() {
        for algorithm in ALGORITHMS {
            let stemmer = TextStemmer::new(options.clone(), algorithm);
            let expected: Vec<Document> = raws
                .iter()
                .map(|raw| streamed(&options, algorithm, raw))
                .collect();
            for threads in [1, 2, 3] {
                let threads = NonZeroUsize::new(threads).expect("not zero");
                let documents = stemmer.documents_of_all(&raws, threads);
                assert!(
                    documents == expected,
                    "{options:?} {algorithm:?} on {threads} threads"
                );
            }
            let mut stemmer = stemmer;
            for (raw, expected) in raws.iter().zip(&expected) {
                let body = raw.split_once('\n').map_or("", |(_, body)| body);
                assert_eq!(
                    stemmer.stems(body),
                    expected.stems,
                    "{options:?} {algorithm:?}"
                );
            }
        }
    }
}

/// Text of the characters that matter to titles, lines and words.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => "[a-zA-Z]{1,8}",
        1 => prop::sample::select(vec!["yourselves", "Ponies", "caresses", "the", "ΟΔΟΣ", "Straße"])
            .prop_map(str::to_owned),
        3 => Just(" ".to_owned()),
        2 => prop::sample::select(vec!["\n", "\r\n", "\r", "\u{feff}"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["'", "’", ".", ",", "-", "2019", "3.14", "½", "北京"])
            .prop_map(str::to_owned),
        1 => prop::sample::select(vec!["é", "\u{301}", "İ", "😀", "\u{85}", "\u{2028}", "ﬁ"])
            .prop_map(str::to_owned),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_documents_equal_the_streaming_pipeline(
        input in text(),
        options in common::options(0usize..12),
        stem: bool,
    ) {
        let algorithm = stem.then_some(Algorithm::PorterNltk);
        let expected = streamed(&options, algorithm, &input);
        let mut stemmer = TextStemmer::new(options.clone(), algorithm);
        prop_assert_eq!(stemmer.document(&input), expected.clone());
        // Body text alone: what the pipeline writes after an empty title.
        let body = streamed(&options, algorithm, &format!("\n{input}"));
        prop_assert_eq!(stemmer.stems(&input), body.stems.clone());
        // Tokens, stemmed one by one, are the stems.
        let tokens = stemmer.tokens(&input);
        for (token, range) in &tokens {
            prop_assert!(input.get(range.clone()).is_some(), "{:?} at {:?}", token, range);
        }
        if !stem {
            let texts: Vec<String> = tokens.into_iter().map(|(token, _)| token).collect();
            prop_assert_eq!(texts, body.stems);
        }
    }
}
