//! The paired corpus: `process` on each `raw.txt` against its reference `stemmed.txt`, and the
//! `verify` report aligning them. Snapshots show the whole outputs for review; the hard
//! assertions below do not rely on them.

use std::fs;
use std::path::{Path, PathBuf};

use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Layout, Pipeline, RawWord, TokenizerOptions, VerifyReport, verify};

fn pair_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/pairs")
        .join(name)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The default pipeline: ASCII tokens stemmed by NLTK's `PorterStemmer()`.
fn default_pipeline() -> Pipeline {
    Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk))
}

/// `stemkit process`: the stemmed.txt layout.
fn process(raw: &str) -> String {
    let mut out = Vec::new();
    default_pipeline()
        .run(raw.as_bytes(), &mut out, Layout::TokenPerLine, false)
        .expect("corpus files are UTF-8");
    String::from_utf8(out).expect("the pipeline writes UTF-8")
}

fn verify_pair(raw_path: &Path) -> VerifyReport {
    let raw = read(raw_path);
    let stemmed = read(&raw_path.with_file_name("stemmed.txt"));
    verify(&mut default_pipeline(), &raw, &stemmed)
}

// ---------------------------------------------------------------------------------------------
// Snapshots, for review

#[test]
fn verify_report_of_every_pair() {
    insta::glob!("../../../corpus/pairs", "*/raw.txt", |raw_path| {
        insta::assert_snapshot!("verify", verify_pair(raw_path).to_string());
    });
}

#[test]
fn process_output_of_every_raw_file() {
    insta::glob!("../../../corpus/pairs", "*/raw.txt", |raw_path| {
        insta::assert_snapshot!("process", process(&read(raw_path)));
    });
}

// ---------------------------------------------------------------------------------------------
// Hard assertions against the references

#[test]
fn process_reproduces_the_exact_pairs_byte_for_byte() {
    for name in ["gpl-3.0", "apache-2.0"] {
        let raw = read(&pair_dir(name).join("raw.txt"));
        let stemmed = read(&pair_dir(name).join("stemmed.txt"));
        let out = process(&raw);
        assert!(out == stemmed, "{name}: process(raw.txt) != stemmed.txt");
    }
}

#[test]
fn verify_finds_no_hunk_in_the_exact_pairs() {
    for name in ["gpl-3.0", "apache-2.0"] {
        let report = verify_pair(&pair_dir(name).join("raw.txt"));
        assert!(report.is_exact(), "{name}:\n{report}");
        assert_eq!(report.produced, report.expected);
        assert_eq!(report.aligned, report.expected);
    }
}

#[test]
fn tokenize_is_the_identity_on_the_seed_raw_text() {
    // raw.txt is already the tokenizer's output, one line per paragraph.
    let raw = read(&pair_dir("reuters-venezuela-defections").join("raw.txt"));
    let mut out = Vec::new();
    Pipeline::new(TokenizerOptions::default(), None)
        .run(raw.as_bytes(), &mut out, Layout::LinePerLine, false)
        .expect("UTF-8");
    assert!(out == raw.as_bytes(), "tokenize(raw.txt) != raw.txt");
}

/// The six edition differences between the seed's raw.txt and stemmed.txt, as
/// (produced tokens, expected tokens, raw words as (line, text)).
#[test]
fn verify_finds_exactly_the_six_edition_differences_of_the_seed_pair() {
    let report = verify_pair(&pair_dir("reuters-venezuela-defections").join("raw.txt"));
    assert!(report.title_matches);
    // Python: len(re.sub('[^a-zA-Z]', ' ', body).lower().split()) == 608; stemmed.txt has 686
    // stems; all but the five differing produced tokens align.
    assert_eq!(
        (report.produced, report.expected, report.aligned),
        (608, 686, 603)
    );
    assert_eq!(report.hunks, 6);
    assert_eq!(report.differences.len(), 6);

    let side = |tokens: &[String]| tokens.join(" ");
    let words = |words: &[RawWord]| -> Vec<(u64, String)> {
        words.iter().map(|w| (w.line, w.text.clone())).collect()
    };
    let hunks: Vec<_> = report
        .differences
        .iter()
        .map(|h| (side(&h.produced), side(&h.expected), words(&h.raw_words)))
        .collect();

    let paragraph = "member of the south american countri s secur forc fear they or their famili \
        could be target by maduro if they defect so the would need to offer them someth that \
        could outweigh those concern said eric farnsworth vice presid of the council of the \
        america think tank in washington it depend on what they re offer farnsworth said are \
        there incent built into these contact that will at least caus peopl to question their \
        loyalti to the regim";
    assert_eq!(paragraph.split(' ').count(), 79);
    let expected = vec![
        ("feb".to_owned(), String::new(), vec![(2, "feb".to_owned())]),
        ("leader".into(), "presid".into(), vec![(2, "leader".into())]),
        (
            "proclaim".into(),
            "declar".into(),
            vec![(3, "proclaimed".into())],
        ),
        (String::new(), paragraph.to_owned(), vec![]),
        (
            "recogn".into(),
            "recognis".into(),
            vec![(15, "recognize".into())],
        ),
        (
            "recogn".into(),
            "recognis".into(),
            vec![(17, "recognize".into())],
        ),
    ];
    assert_eq!(hunks, expected);
}

// ---------------------------------------------------------------------------------------------
// verify on small hand-made documents

fn verify_plain(raw: &str, stemmed: &str) -> VerifyReport {
    verify(
        &mut Pipeline::new(TokenizerOptions::default(), None),
        raw,
        stemmed,
    )
}

#[test]
fn verify_aligns_instead_of_comparing_position_by_position() {
    // One extra word early must not make every later token differ.
    let report = verify_plain(
        "T\nalpha beta gamma delta epsilon zeta eta theta\n",
        "T\nalpha gamma delta epsilon zeta eta theta\n",
    );
    assert_eq!(report.hunks, 1);
    assert_eq!(report.aligned, 7);
    let hunk = &report.differences[0];
    assert_eq!(hunk.produced, ["beta"]);
    assert!(hunk.expected.is_empty());
    assert_eq!(hunk.before, ["alpha"]);
    assert_eq!(hunk.after, ["gamma", "delta", "epsilon"]);
    assert_eq!(
        (hunk.produced_range.clone(), hunk.expected_range.clone()),
        (1..2, 1..1)
    );
}

#[test]
fn verify_reports_the_raw_words_behind_produced_tokens() {
    let report = verify_plain(
        "Title\nIt's the U.S.\r\nArmy, 2019\n",
        "Title\nit\ns\nthe\nus\narmy\n",
    );
    assert_eq!(report.hunks, 1);
    let hunk = &report.differences[0];
    assert_eq!(
        (hunk.produced.clone(), hunk.expected.clone()),
        (vec!["u".to_owned(), "s".to_owned()], vec!["us".to_owned()])
    );
    let raw: Vec<(u64, &str)> = hunk
        .raw_words
        .iter()
        .map(|w| (w.line, w.text.as_str()))
        .collect();
    assert_eq!(raw, [(2, "U"), (2, "S")]);
    assert_eq!(hunk.after, ["army"]);
}

#[test]
fn verify_compares_titles_verbatim() {
    let report = verify_plain("\u{feff}A Title\r\nword\n", "A Title\nword\n");
    assert!(
        report.is_exact(),
        "BOM and CRLF are not part of the title:\n{report}"
    );
    let report = verify_plain("A  Title\nword\n", "A Title\nword\n");
    assert!(!report.title_matches);
    assert_eq!(report.hunks, 0);
    assert!(!report.is_exact());
}

#[test]
fn verify_reads_either_reference_layout() {
    let raw = "T\nRunning dogs\n\nbark\n";
    assert!(verify_plain(raw, "T\nrunning\ndogs\nbark\n").is_exact());
    assert!(verify_plain(raw, "T\r\nrunning dogs\r\n\r\nbark").is_exact());
}

#[test]
fn verify_of_empty_documents() {
    let report = verify_plain("", "");
    assert!(report.is_exact());
    assert_eq!(report.aligned_percent(), 100.0);
    let report = verify_plain("T\n", "T\nextra\n");
    assert_eq!((report.hunks, report.produced, report.expected), (1, 0, 1));
    assert_eq!(report.aligned_percent(), 0.0);
}

#[test]
fn the_report_shows_titles_counts_and_each_hunk() {
    let report = verify_plain(
        "Title one\nthe quick brown fox\njumps over the lazy dog\n",
        "Title two\nthe quick red fox jumps over the lazy dog cat\n",
    );
    let expected = "\
title: differs
  produced: \"Title one\"
  expected: \"Title two\"
tokens: 9 produced, 10 expected
aligned: 8 tokens (80.0% of the longer stream)
hunks: 2

hunk 1 of 2: 1 token produced at #3, 1 token expected at #3
  before:    the quick
  produced:  brown
  expected:  red
  after:     fox jumps over
  raw words: line 2: brown

hunk 2 of 2: 0 tokens produced at #10, 1 token expected at #10
  before:    the lazy dog
  produced:  (none)
  expected:  cat
  after:     (none)
  raw words: (none)
";
    assert_eq!(report.to_string(), expected);
}
