//! Threads never change output: a document rendered in blocks on several threads gives the
//! same bytes, summary and errors as on one thread, for any chunk and block size; and the
//! default options' fast path (raw-word output cache) gives the tokenizer's and stemmer's tokens.

use std::num::NonZeroUsize;
use std::path::Path;

use proptest::prelude::*;
use stemkit_stemmer::{Algorithm, Stemmer};
use stemkit_tokenizer::{Layout, Pipeline, Summary, TokenMode, Tokenizer, TokenizerOptions};

fn threads(n: usize) -> NonZeroUsize {
    NonZeroUsize::new(n).expect("at least one thread")
}

/// Output and summary, or the error's message.
fn run(
    pipeline: &mut Pipeline,
    input: &[u8],
    layout: Layout,
    lossy: bool,
) -> Result<(Vec<u8>, Summary), String> {
    let mut out = Vec::new();
    pipeline
        .run(input, &mut out, layout, lossy)
        .map(|summary| (out, summary))
        .map_err(|error| error.to_string())
}

fn assert_parallel_matches_sequential(
    options: &TokenizerOptions,
    algorithm: Option<Algorithm>,
    input: &[u8],
    layout: Layout,
    lossy: bool,
    (thread_count, chunk_size, block_size): (usize, usize, usize),
) {
    let mut sequential = Pipeline::new(options.clone(), algorithm);
    let expected = run(&mut sequential, input, layout, lossy);
    let mut parallel = Pipeline::new(options.clone(), algorithm)
        .with_threads(threads(thread_count))
        .with_chunk_size(chunk_size)
        .with_block_size(block_size);
    assert_eq!(parallel.threads(), thread_count);
    // Twice: the second run reuses warm renderers and buffers.
    for _ in 0..2 {
        let got = run(&mut parallel, input, layout, lossy);
        assert!(
            got == expected,
            "{thread_count} threads, chunk {chunk_size}, block {block_size}, {layout:?}, \
             {options:?}: {:?} != {:?}",
            got.as_ref()
                .map(|(out, s)| (String::from_utf8_lossy(out).into_owned(), *s)),
            expected
                .as_ref()
                .map(|(out, s)| (String::from_utf8_lossy(out).into_owned(), *s)),
        );
    }
}

fn corpus_raw_files() -> Vec<Vec<u8>> {
    let pairs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pairs");
    let mut files: Vec<Vec<u8>> = std::fs::read_dir(&pairs)
        .expect("corpus/pairs is there")
        .map(|entry| {
            let path = entry.expect("listable").path().join("raw.txt");
            std::fs::read(&path).expect("every pair has a raw.txt")
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 3);
    files
}

#[test]
fn corpus_pairs_come_out_the_same_on_several_threads() {
    let unicode = TokenizerOptions {
        mode: TokenMode::Unicode,
        keep_numbers: true,
        ..TokenizerOptions::default()
    };
    for raw in corpus_raw_files() {
        for options in [TokenizerOptions::default(), unicode.clone()] {
            for algorithm in [Some(Algorithm::PorterNltk), None] {
                for layout in [Layout::TokenPerLine, Layout::LinePerLine] {
                    for sizes in [
                        (2, 64 * 1024, 512 * 1024),
                        (2, 7, 300),
                        (3, 1000, 1),
                        (2, 4096, 20_000),
                    ] {
                        assert_parallel_matches_sequential(
                            &options, algorithm, &raw, layout, false, sizes,
                        );
                    }
                }
            }
        }
    }
}

/// The GPL pair with its body repeated `times`: the raw document and its stemmed output,
/// both from the corpus (each body line's tokens stand alone, so a repeated body has its stems
/// repeated).
fn repeated_gpl_pair(times: usize) -> (String, String) {
    let pair = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pairs/gpl-3.0");
    let read = |name| std::fs::read_to_string(pair.join(name)).expect("the GPL pair is there");
    let (raw, stemmed) = (read("raw.txt"), read("stemmed.txt"));
    let (raw_title, raw_body) = raw.split_once('\n').expect("a title line");
    let (title, stems) = stemmed.split_once('\n').expect("a title line");
    assert!(raw_body.ends_with('\n') && stems.ends_with('\n'));
    (
        format!("{raw_title}\n{}", raw_body.repeat(times)),
        format!("{title}\n{}", stems.repeat(times)),
    )
}

/// Many threads share one memory budget: blocks, reads and stem caches shrink (to their least
/// at 64 threads, or for one of 64 pipelines), and the output is still the reference's.
#[test]
fn many_threads_on_a_shared_budget_give_the_reference_output() {
    let (raw, expected) = repeated_gpl_pair(40);
    let default = || Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk));
    let pipelines = [
        default().with_threads(threads(64)),
        default().with_threads(threads(9)),
        default().with_threads(threads(3)).with_cache_bytes(0),
        default().one_of(threads(64)),
        default().one_of(threads(64)).with_threads(threads(64)),
    ];
    for mut pipeline in pipelines {
        let described = format!(
            "{} threads, {} cache bytes",
            pipeline.threads(),
            pipeline.cache_bytes()
        );
        for _ in 0..2 {
            let (out, summary) = run(&mut pipeline, raw.as_bytes(), Layout::TokenPerLine, false)
                .expect("the document is valid");
            assert!(
                out == expected.as_bytes(),
                "{described}: output differs from the pair"
            );
            assert_eq!(
                summary.tokens,
                expected.lines().count() as u64 - 1,
                "{described}"
            );
        }
    }
}

#[test]
fn sharing_a_budget_divides_the_stem_caches() {
    let default = || Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk));
    assert_eq!(default().cache_bytes(), 16 << 20);
    assert_eq!(default().with_threads(threads(64)).cache_bytes(), 16 << 20);
    assert_eq!(default().one_of(threads(4)).cache_bytes(), 4 << 20);
    assert_eq!(default().one_of(threads(64)).cache_bytes(), 256 << 10);
    assert_eq!(default().with_cache_bytes(5).cache_bytes(), 5);
}

#[test]
fn a_long_single_line_is_cut_into_blocks_and_joined_again() {
    let line = "Lorem, ipsum dolor!  sit amet ".repeat(20_000);
    let input = format!("Title\n{line}\nlast line\n");
    for layout in [Layout::TokenPerLine, Layout::LinePerLine] {
        for sizes in [(2, 4096, 10_000), (2, 100, 7), (4, 65_536, 65_536)] {
            let options = TokenizerOptions::default();
            let porter = Some(Algorithm::PorterNltk);
            assert_parallel_matches_sequential(
                &options,
                porter,
                input.as_bytes(),
                layout,
                false,
                sizes,
            );
        }
    }
}

/// Pieces of documents: words of every case and length (long ones skip the cache), separators,
/// line ends of every kind, a BOM, multi-byte characters, and invalid sequences.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => "[a-zA-Z]{1,8}".prop_map(String::into_bytes),
        1 => "[a-z]{9,30}".prop_map(String::into_bytes),
        1 => prop::sample::select(vec!["running", "Running", "ponies", "generalizations", "the", "The", "a"])
            .prop_map(|s: &str| s.as_bytes().to_vec()),
        3 => Just(b" ".to_vec()),
        2 => Just(b"\n".to_vec()),
        1 => Just(b"\r\n".to_vec()),
        1 => Just(b"\r".to_vec()),
        1 => "[0-9.,;:!?'()\\t-]{1,3}".prop_map(String::into_bytes),
        1 => Just("\u{feff}".as_bytes().to_vec()),
        1 => prop::sample::select(vec!["é", "’", "ß", "Σ", "\u{85}", "北", "don’t"])
            .prop_map(|s: &str| s.as_bytes().to_vec()),
        1 => prop::sample::select(vec![&b"\xff"[..], b"\xe2\x82", b"\x80"]).prop_map(<[u8]>::to_vec),
    ]
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..200).prop_map(|pieces| pieces.concat())
}

fn options() -> impl Strategy<Value = TokenizerOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(1..4_usize),
    )
        .prop_map(
            |(unicode, keep_numbers, fold_to_ascii, remove_stopwords, min_len)| TokenizerOptions {
                mode: if unicode {
                    TokenMode::Unicode
                } else {
                    TokenMode::Ascii
                },
                keep_numbers,
                fold_to_ascii,
                remove_stopwords,
                min_len,
                max_len: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn random_documents_come_out_the_same_on_several_threads(
        input in document(),
        options in options(),
        stem in any::<bool>(),
        line_per_line in any::<bool>(),
        lossy in any::<bool>(),
        thread_count in 2..4_usize,
        chunk_size in 1..300_usize,
        block_size in 1..200_usize,
    ) {
        let algorithm = stem.then_some(Algorithm::PorterNltk);
        let layout = if line_per_line { Layout::LinePerLine } else { Layout::TokenPerLine };
        let sizes = (thread_count, chunk_size, block_size);
        assert_parallel_matches_sequential(&options, algorithm, &input, layout, lossy, sizes);
    }

    #[test]
    fn the_fast_path_gives_the_tokenizers_tokens_stemmed(
        input in document(),
        keep_numbers in any::<bool>(),
        algorithm in prop::sample::select(Algorithm::ALL.to_vec()),
    ) {
        let options = TokenizerOptions { keep_numbers, ..TokenizerOptions::default() };
        let decoded = String::from_utf8_lossy(&input);
        let text = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
        // Model: the title verbatim, then every body line's tokens, stemmed, one per line.
        let mut tokenizer = Tokenizer::new(options.clone());
        let stemmer = Stemmer::new(algorithm);
        let mut expected = String::new();
        for (i, line) in text.split_inclusive('\n').enumerate() {
            // Only a line end's `\r` goes: a lone one at the very end stays.
            let line = match line.strip_suffix('\n') {
                Some(line) => line.strip_suffix('\r').unwrap_or(line),
                None => line,
            };
            if i == 0 {
                expected.push_str(line);
                expected.push('\n');
                continue;
            }
            for token in tokenizer.tokens(line) {
                expected.push_str(&stemmer.stem(&token));
                expected.push('\n');
            }
        }
        let mut pipeline = Pipeline::new(options, Some(algorithm));
        let (out, _) = run(&mut pipeline, decoded.as_bytes(), Layout::TokenPerLine, false)
            .expect("decoded text is UTF-8");
        prop_assert_eq!(String::from_utf8_lossy(&out), expected);
    }
}

#[test]
fn the_output_cache_survives_many_distinct_words_and_collisions() {
    // 50,000 distinct words, many of them sharing slots, each seen in two spellings.
    let words: Vec<String> = (0..50_000_u32)
        .map(|i| {
            let letters: String = format!("{i:05}")
                .bytes()
                .map(|d| char::from(b'a' + (d - b'0') * 2))
                .collect();
            format!(
                "{letters}ing{}",
                ["s", "ed", "ation", "ies", ""][i as usize % 5]
            )
        })
        .collect();
    let body: String = words
        .iter()
        .flat_map(|w| [w.clone(), w.to_uppercase()])
        .collect::<Vec<_>>()
        .join(" ");
    let input = format!("T\n{body}\n{body}\n");
    let stemmer = Stemmer::new(Algorithm::PorterNltk);
    let mut expected = "T\n".to_owned();
    for _ in 0..2 {
        for word in &words {
            let stem = stemmer.stem(word);
            expected.push_str(&format!("{stem}\n{stem}\n"));
        }
    }
    let mut pipeline = Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk));
    let (out, summary) =
        run(&mut pipeline, input.as_bytes(), Layout::TokenPerLine, false).expect("valid");
    assert_eq!(summary.tokens, 4 * words.len() as u64);
    assert!(String::from_utf8_lossy(&out) == expected);
}
