//! `verify`: align the pipeline's output with a reference stemmed file and report every difference.
//!
//! The two token streams are aligned by a real diff (patience, over token slices), so one
//! missing word shows up as one small hunk instead of shifting every later comparison.

mod report;

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::framing::{BOM, strip_cr};
use crate::pipeline::Pipeline;
use crate::text;

/// Tokens of context shown on each side of a hunk.
const CONTEXT: usize = 3;

/// The alignment of the pipeline's output with a reference; `Display` prints the human report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    /// Whether the title lines are equal.
    pub title_matches: bool,
    /// The title line of the raw document, as the pipeline passes it through.
    pub produced_title: String,
    /// The title line of the reference.
    pub expected_title: String,
    /// Tokens the pipeline produced from the raw document.
    pub produced: usize,
    /// Tokens in the reference.
    pub expected: usize,
    /// Tokens equal on both sides in the alignment.
    pub aligned: usize,
    /// Number of differing hunks: `differences.len()`.
    pub hunks: usize,
    /// Every differing hunk, in document order.
    pub differences: Vec<Hunk>,
}

impl VerifyReport {
    /// Whether the pipeline reproduced the reference exactly: same title, no hunk.
    pub fn is_exact(&self) -> bool {
        self.title_matches && self.hunks == 0
    }

    /// Aligned tokens as a percentage of the longer token stream (100 when both are empty).
    pub fn aligned_percent(&self) -> f64 {
        let longer = self.produced.max(self.expected);
        if longer == 0 {
            100.0
        } else {
            100.0 * self.aligned as f64 / longer as f64
        }
    }
}

/// One maximal run of differing tokens, with its surroundings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk {
    /// Indices of the hunk's tokens in the produced stream (empty if only the reference has any).
    pub produced_range: Range<usize>,
    /// Indices of the hunk's tokens in the reference stream (empty if only the output has any).
    pub expected_range: Range<usize>,
    /// The produced tokens of the hunk.
    pub produced: Vec<String>,
    /// The reference tokens of the hunk.
    pub expected: Vec<String>,
    /// Up to three produced tokens just before the hunk.
    pub before: Vec<String>,
    /// Up to three produced tokens just after the hunk.
    pub after: Vec<String>,
    /// The raw words the produced tokens came from, one per produced token.
    pub raw_words: Vec<RawWord>,
}

/// A word of the raw document, as written there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawWord {
    /// The 1-based line of the raw document holding the word.
    pub line: u64,
    /// The word's original text.
    pub text: String,
}

/// Runs `pipeline` over the `raw` document and aligns its tokens with the `stemmed` reference.
///
/// The reference's line 1 is its title (a leading byte-order mark and the `\r` of a CRLF
/// dropped, as in raw documents); its tokens are the whitespace-separated words of every later
/// line, so both the one-token-per-line and the one-line-per-paragraph layouts can be checked.
pub fn verify(pipeline: &mut Pipeline, raw: &str, stemmed: &str) -> VerifyReport {
    let produced = produce(pipeline, raw);
    let (expected_title, expected) = read_reference(stemmed);
    let expected_tokens: Vec<&str> = expected.collect();
    let produced_tokens: Vec<&str> = produced.tokens.iter().map(|t| t.stem.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &produced_tokens, &expected_tokens);
    let aligned = ops
        .iter()
        .filter_map(|op| match op {
            DiffOp::Equal { len, .. } => Some(len),
            _ => None,
        })
        .sum();
    let differences: Vec<Hunk> = ops
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| hunk(op, &produced.tokens, &expected_tokens))
        .collect();
    VerifyReport {
        title_matches: produced.title == expected_title,
        produced_title: produced.title,
        expected_title: expected_title.to_owned(),
        produced: produced_tokens.len(),
        expected: expected_tokens.len(),
        aligned,
        hunks: differences.len(),
        differences,
    }
}

/// A produced token and the raw word behind it.
#[derive(Debug)]
struct Produced {
    stem: String,
    word: RawWord,
}

/// The pipeline's output for a raw document, kept with where each token came from.
#[derive(Debug)]
struct Production {
    title: String,
    tokens: Vec<Produced>,
}

/// Runs the pipeline over `raw` through the same document reader as [`Pipeline::run`].
fn produce(pipeline: &mut Pipeline, raw: &str) -> Production {
    let mut tokens = Vec::new();
    let title = text::read_document(pipeline, raw, |stem, word, line| {
        tokens.push(Produced {
            stem: stem.to_owned(),
            word: RawWord {
                line,
                text: word.to_owned(),
            },
        });
    });
    Production { title, tokens }
}

/// The title and the tokens of a reference document.
fn read_reference(stemmed: &str) -> (&str, impl Iterator<Item = &str>) {
    let stemmed = stemmed.strip_prefix(BOM).unwrap_or(stemmed);
    let (title, body) = stemmed.split_once('\n').unwrap_or((stemmed, ""));
    (strip_cr(title), body.split_ascii_whitespace())
}

/// The hunk of a differing diff operation, with its context.
fn hunk(op: &DiffOp, produced: &[Produced], expected: &[&str]) -> Hunk {
    let (_, produced_range, expected_range) = op.as_tag_tuple();
    let stems = |range: Range<usize>| -> Vec<String> {
        produced[range].iter().map(|t| t.stem.clone()).collect()
    };
    let before_start = produced_range.start.saturating_sub(CONTEXT);
    let after_end = (produced_range.end + CONTEXT).min(produced.len());
    Hunk {
        produced: stems(produced_range.clone()),
        expected: expected[expected_range.clone()]
            .iter()
            .map(|&t| t.to_owned())
            .collect(),
        before: stems(before_start..produced_range.start),
        after: stems(produced_range.end..after_end),
        raw_words: produced[produced_range.clone()]
            .iter()
            .map(|t| t.word.clone())
            .collect(),
        produced_range,
        expected_range,
    }
}
