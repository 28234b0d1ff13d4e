//! Tokens longer than a read, in every tokenizer mode: streamed in pieces, they must come out
//! exactly as the whole-word path renders them (a document read in one chunk, nothing streamed).

use proptest::prelude::*;
use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Layout, Pipeline, TokenMode, TokenizerOptions};

mod common;
use common::{Reads, layout, options, run_in_pieces};

/// Characters that end, continue or complicate a word in some mode: accents, final sigmas,
/// `İ`, combining marks, soft hyphens, apostrophes, mid-word punctuation, digits of two
/// scripts, Hebrew, Katakana, ideographs, ZWJ and pictographs, flags, characters that fold to
/// several letters or to letters and a space, and spaces.
const TRICKY: &[&str] = &[
    "é", "É", "Σ", "ΣΑΣ", "ς", "İ", "ı", "\u{301}", "\u{AD}", "'", "’", "'s", "’s", ".", ":", ",",
    ";", "_", "0", "7", "٣", "א", "\"", "カ", "北", "京", "\u{200D}", "😀", "🇫🇷", "½", "ǅ", "Æ",
    "ß", "ﬁ", "Ⓜ", "\u{2C2}", " ", "  ", "-", "\t", "\u{3000}", "\u{85}",
];

/// A word longer than the small reads: letters (some of them tricky) many times over.
fn long_word() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![
                4 => "[a-zA-Z]{1,6}",
                1 => prop::sample::select(vec!["é", "Σ", "İ", "ß", "\u{301}", "ж", "Ⓜ"])
                    .prop_map(str::to_owned),
            ],
            1..6,
        ),
        1usize..40,
    )
        .prop_map(|(parts, times)| parts.concat().repeat(times))
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => long_word(),
        3 => prop::sample::select(TRICKY).prop_map(str::to_owned),
        2 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{20,80}",
        1 => Just(" ".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\r\n".to_owned()),
    ]
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..16)
        .prop_map(|pieces| format!("T\n{}", pieces.concat()).into_bytes())
}

fn algorithm() -> impl Strategy<Value = Option<Algorithm>> {
    prop_oneof![
        Just(None),
        Just(Some(Algorithm::PorterNltk)),
        Just(Some(Algorithm::Porter2)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn long_tokens_stream_exactly_in_every_mode(
        input in document(),
        options in options(prop_oneof![0usize..12, 100usize..400]),
        algorithm in algorithm(),
        chunk_size in 1usize..24,
        reads in prop::collection::vec(0usize..20, 0..8),
        layout in layout(),
        threads in 1usize..3,
    ) {
        let threads = std::num::NonZeroUsize::new(threads).unwrap();
        let pipeline = Pipeline::new(options, algorithm).with_threads(threads);
        let whole = run_in_pieces(&pipeline, &input, 1 << 20, Reads::ThenWhole(Vec::new()), layout, true);
        let pieces = run_in_pieces(&pipeline, &input, chunk_size, Reads::ThenWhole(reads), layout, true);
        prop_assert_eq!(
            whole.map(String::from_utf8),
            pieces.map(String::from_utf8)
        );
    }
}

/// Giant words of every kind, read in small chunks: the same output as read whole, and the
/// pipeline's buffers stay a few chunks big (the word never held whole).
#[test]
fn giant_words_stream_in_bounded_buffers_in_every_mode() {
    const MIB: usize = 1 << 20;
    let words = [
        ("abcdéfghi".repeat(300_000), "", false),
        ("ΑΒΓΔΣ".repeat(300_000) + "Σ", "'s", false),
        ("İstanbul".repeat(300_000), "’s", false),
        ("nai\u{308}ve".repeat(300_000), "", false),
        ("٣1234567890".repeat(300_000), ".5", true),
        (
            "北京".repeat(300_000) + "Ünïcödé".repeat(300_000).as_str(),
            "",
            false,
        ),
    ];
    for (word, suffix, keep_numbers) in &words {
        let input = format!("Title\nx {word}{suffix} end\n{word}\n");
        for (unicode, fold_to_ascii) in [(true, false), (false, true), (true, true)] {
            for algorithm in [None, Some(Algorithm::PorterNltk)] {
                let options = TokenizerOptions {
                    mode: if unicode {
                        TokenMode::Unicode
                    } else {
                        TokenMode::Ascii
                    },
                    fold_to_ascii,
                    keep_numbers: *keep_numbers,
                    ..TokenizerOptions::default()
                };
                let pipeline = Pipeline::new(options, algorithm);
                let whole = run_in_pieces(
                    &pipeline,
                    input.as_bytes(),
                    64 * MIB,
                    Reads::ThenWhole(Vec::new()),
                    Layout::TokenPerLine,
                    true,
                );
                let mut streaming = pipeline.clone().with_chunk_size(64 * 1024);
                let mut out = Vec::new();
                streaming
                    .run(input.as_bytes(), &mut out, Layout::TokenPerLine, false)
                    .unwrap();
                let label = format!(
                    "{} unicode {unicode} fold {fold_to_ascii} {algorithm:?}",
                    word.chars().take(5).collect::<String>()
                );
                assert!(whole == Ok(out), "{label}: output differs");
                assert!(
                    streaming.buffer_capacity() <= 2 * MIB,
                    "{label}: buffers grew to {} bytes",
                    streaming.buffer_capacity()
                );
            }
        }
    }
}
