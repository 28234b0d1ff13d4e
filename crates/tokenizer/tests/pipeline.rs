//! The document pipeline: the document model's edge cases, streaming in bounded memory, and
//! properties that output never depends on how the input arrives.

use std::io::{self, Read, Write};

use proptest::prelude::*;
use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Layout, Pipeline, PipelineError, Summary, TokenizerOptions};

mod common;
use common::{Reads, layout, options, run_in_pieces};

// ---------------------------------------------------------------------------------------------
// Helpers

fn plain() -> Pipeline {
    Pipeline::new(TokenizerOptions::default(), None)
}

fn porter() -> Pipeline {
    Pipeline::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk))
}

/// Runs `pipeline` over `input`; the output as a string (it is always UTF-8).
fn run_with(
    pipeline: &mut Pipeline,
    input: &[u8],
    layout: Layout,
    lossy: bool,
) -> Result<(String, Summary), PipelineError> {
    let mut out = Vec::new();
    let summary = pipeline.run(input, &mut out, layout, lossy)?;
    let text = String::from_utf8(out).expect("the pipeline writes UTF-8");
    Ok((text, summary))
}

/// Tokens one per line, no stemming.
fn tokens(input: &[u8]) -> String {
    run_with(&mut plain(), input, Layout::TokenPerLine, false)
        .expect("valid input")
        .0
}

/// Lines of space-joined tokens, no stemming.
fn lines(input: &[u8]) -> String {
    run_with(&mut plain(), input, Layout::LinePerLine, false)
        .expect("valid input")
        .0
}

fn invalid_utf8_at(input: &[u8]) -> (u64, u64) {
    match run_with(&mut plain(), input, Layout::TokenPerLine, false) {
        Err(PipelineError::InvalidUtf8 { line, byte }) => (line, byte),
        other => panic!("expected invalid UTF-8, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The document model

#[test]
fn an_empty_document_gives_empty_output() {
    let (out, summary) = run_with(&mut porter(), b"", Layout::TokenPerLine, false).unwrap();
    assert_eq!(out, "");
    assert_eq!(summary, Summary::default());
    assert_eq!(lines(b""), "");
}

#[test]
fn a_title_only_document_gives_its_title_line() {
    assert_eq!(tokens(b"The Title, 2019"), "The Title, 2019\n");
    assert_eq!(tokens(b"The Title, 2019\n"), "The Title, 2019\n");
    assert_eq!(lines(b"The Title, 2019"), "The Title, 2019\n");
    assert_eq!(lines(b"The Title, 2019\n"), "The Title, 2019\n");
}

#[test]
fn the_title_passes_verbatim_spacing_and_all() {
    let input = b"  Exclusive:  U.S. in  contact\t(Reuters) \nThe Army\n";
    assert_eq!(
        run_with(&mut porter(), input, Layout::TokenPerLine, false)
            .unwrap()
            .0,
        "  Exclusive:  U.S. in  contact\t(Reuters) \nthe\narmi\n"
    );
}

#[test]
fn an_empty_title_line_is_kept() {
    assert_eq!(tokens(b"\nApache License\n"), "\napache\nlicense\n");
    assert_eq!(tokens(b"\n"), "\n");
    assert_eq!(lines(b"\n\n"), "\n\n");
}

#[test]
fn body_lines_are_tokenized_and_stemmed() {
    let input = b"Title\nThe ponies were running.\nCaresses, generously!\n";
    let (out, summary) = run_with(&mut porter(), input, Layout::TokenPerLine, false).unwrap();
    // Stems from NLTK 3.10.4's PorterStemmer().
    assert_eq!(out, "Title\nthe\nponi\nwere\nrun\ncaress\ngener\n");
    assert_eq!(
        summary,
        Summary {
            lines: 3,
            tokens: 6,
            bytes: input.len() as u64
        }
    );
}

#[test]
fn line_per_line_keeps_one_output_line_per_input_line() {
    let input = b"Title\nThe ponies, were\n\n  ...  \nrunning";
    assert_eq!(
        run_with(&mut porter(), input, Layout::LinePerLine, false)
            .unwrap()
            .0,
        "Title\nthe poni were\n\n\nrun\n"
    );
    assert_eq!(tokens(input), "Title\nthe\nponies\nwere\nrunning\n");
}

#[test]
fn a_last_line_without_newline_still_ends_in_one() {
    assert_eq!(lines(b"T\nfoo bar"), "T\nfoo bar\n");
    assert_eq!(tokens(b"T\nfoo bar"), "T\nfoo\nbar\n");
}

#[test]
fn a_final_newline_adds_no_line_but_a_final_empty_line_is_kept() {
    assert_eq!(lines(b"T\nfoo\n"), "T\nfoo\n");
    assert_eq!(lines(b"T\nfoo\n\n"), "T\nfoo\n\n");
    let (_, summary) = run_with(&mut plain(), b"T\nfoo\n\n", Layout::LinePerLine, false).unwrap();
    assert_eq!(summary.lines, 3);
}

#[test]
fn a_leading_bom_is_dropped() {
    assert_eq!(
        tokens("\u{feff}Title\nHello World\n".as_bytes()),
        "Title\nhello\nworld\n"
    );
    assert_eq!(tokens("\u{feff}".as_bytes()), "");
    assert_eq!(tokens("\u{feff}\n".as_bytes()), "\n");
    // Only at the very start: elsewhere it is text (verbatim in a title, a separator in a body).
    assert_eq!(
        tokens("T\u{feff}\nab\u{feff}cd\n".as_bytes()),
        "T\u{feff}\nab\ncd\n"
    );
    assert_eq!(
        tokens("\u{feff}\u{feff}T\n".as_bytes()),
        "\u{feff}T\n",
        "a second BOM is the title's first character"
    );
}

#[test]
fn crlf_line_ends_lose_their_cr() {
    assert_eq!(
        tokens(b"Title\r\nHello\r\nWorld\r\n"),
        "Title\nhello\nworld\n"
    );
    assert_eq!(
        lines(b"Title\r\nHello there\r\n\r\nWorld"),
        "Title\nhello there\n\nworld\n"
    );
    assert_eq!(tokens(b"Title\r\n"), "Title\n");
}

#[test]
fn a_lone_cr_is_no_line_end() {
    // In the title it is text; in a body it separates words like any other non-letter.
    assert_eq!(tokens(b"a\rb\nab\rcd\n"), "a\rb\nab\ncd\n");
    assert_eq!(lines(b"T\nab\rcd\r"), "T\nab cd\n");
    assert_eq!(tokens(b"Title\r"), "Title\r\n");
    assert_eq!(tokens(b"Title\r\r\n"), "Title\r\n");
}

#[test]
fn summary_counts_lines_tokens_and_bytes() {
    let input = "\u{feff}Title\r\nOne two\n\nthree".as_bytes();
    let (_, summary) = run_with(&mut plain(), input, Layout::TokenPerLine, false).unwrap();
    assert_eq!(
        summary,
        Summary {
            lines: 4,
            tokens: 3,
            bytes: input.len() as u64
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Invalid UTF-8

#[test]
fn invalid_utf8_names_line_and_byte() {
    assert_eq!(invalid_utf8_at(b"\xff"), (1, 0));
    assert_eq!(invalid_utf8_at(b"Title \xc0\x80\n"), (1, 6));
    assert_eq!(invalid_utf8_at(b"T\nabc\xffdef\n"), (2, 5));
    assert_eq!(
        invalid_utf8_at(b"T\n\nok\nab\xed\xa0\x80\n"),
        (4, 8),
        "a surrogate"
    );
}

#[test]
fn invalid_utf8_offsets_count_the_bom() {
    assert_eq!(invalid_utf8_at(b"\xef\xbb\xbfT\n\xff"), (2, 5));
}

#[test]
fn a_character_cut_short_at_the_end_is_invalid() {
    assert_eq!(invalid_utf8_at(b"T\nab\xe2\x82"), (2, 4));
    assert_eq!(invalid_utf8_at(b"T\xf0\x9f\x98"), (1, 1));
}

#[test]
fn a_character_split_between_reads_is_fine() {
    let input = "Títle ’\nNicolás Maduro’s 😀 army\n".as_bytes();
    for chunk_size in 1..8 {
        let mut pipeline = plain().with_chunk_size(chunk_size);
        let (out, _) = run_with(&mut pipeline, input, Layout::LinePerLine, false).unwrap();
        assert_eq!(
            out, "Títle ’\nnicol s maduro s army\n",
            "chunk size {chunk_size}"
        );
    }
}

#[test]
fn the_error_place_does_not_depend_on_the_chunk_size() {
    let input = b"T\xc3\xa9\n\xe2\x80\x99ab\xe2\x28\xa1\n";
    for chunk_size in 1..10 {
        let mut pipeline = plain().with_chunk_size(chunk_size);
        match pipeline.run(&input[..], io::sink(), Layout::TokenPerLine, false) {
            Err(PipelineError::InvalidUtf8 { line, byte }) => assert_eq!((line, byte), (2, 9)),
            other => panic!("chunk size {chunk_size}: {other:?}"),
        }
    }
}

#[test]
fn lossy_replaces_invalid_bytes_and_goes_on() {
    let input = b"T\xff\nab\xffcd \xe2\x82\nef\xe2\x82";
    let (out, summary) = run_with(&mut plain(), input, Layout::LinePerLine, true).unwrap();
    assert_eq!(out, "T\u{fffd}\nab cd\nef\n");
    assert_eq!(summary.lines, 3);
    let (out, _) = run_with(&mut plain(), b"\xe2\x82", Layout::LinePerLine, true).unwrap();
    assert_eq!(
        out, "\u{fffd}\n",
        "a truncated character is one replacement, like Python"
    );
    let (out, _) = run_with(&mut plain(), b"\xf0\x9f\x98T", Layout::LinePerLine, true).unwrap();
    assert_eq!(out, "\u{fffd}T\n");
    let (out, _) = run_with(&mut plain(), b"\xc0\x80", Layout::LinePerLine, true).unwrap();
    assert_eq!(
        out, "\u{fffd}\u{fffd}\n",
        "an overlong form: one per byte, like Python"
    );
}

// ---------------------------------------------------------------------------------------------
// Reading and writing

#[test]
fn read_errors_are_reported_and_interrupted_reads_retried() {
    struct Failing(u8);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.0 += 1;
            match self.0 {
                1 => Err(io::ErrorKind::Interrupted.into()),
                2 => {
                    buf[..3].copy_from_slice(b"T\na");
                    Ok(3)
                }
                _ => Err(io::Error::other("disk on fire")),
            }
        }
    }
    match plain().run(Failing(0), io::sink(), Layout::TokenPerLine, false) {
        Err(PipelineError::Io(error)) => assert_eq!(error.to_string(), "disk on fire"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn write_errors_are_reported() {
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    match plain().run(&b"T\nword\n"[..], Full, Layout::TokenPerLine, false) {
        Err(PipelineError::Io(error)) => assert_eq!(error.kind(), io::ErrorKind::BrokenPipe),
        other => panic!("{other:?}"),
    }
}

#[test]
fn output_is_written_in_big_pieces() {
    struct CountingWrites(usize, usize);
    impl Write for CountingWrites {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0 += 1;
            self.1 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let input = "T\n".to_owned() + &"many small words\n".repeat(100_000);
    let mut writes = CountingWrites(0, 0);
    plain()
        .run(input.as_bytes(), &mut writes, Layout::TokenPerLine, false)
        .unwrap();
    // "many small words\n" becomes "many\nsmall\nwords\n": as many bytes out as in.
    assert_eq!(writes.1, input.len());
    assert!(writes.0 < 50, "{} writes for {} bytes", writes.0, writes.1);
}

#[test]
fn a_pipeline_is_reusable_across_documents() {
    let mut pipeline = porter();
    let first = run_with(&mut pipeline, b"A\r\nponies\r", Layout::TokenPerLine, false).unwrap();
    let second = run_with(&mut pipeline, b"B\nrunning", Layout::TokenPerLine, false).unwrap();
    assert_eq!(first.0, "A\nponi\n");
    assert_eq!(second.0, "B\nrun\n");
    assert!(run_with(&mut pipeline, b"\xff", Layout::TokenPerLine, false).is_err());
    let third = run_with(&mut pipeline, b"C\nwords", Layout::TokenPerLine, false).unwrap();
    assert_eq!(
        third.0, "C\nword\n",
        "nothing of a failed run leaks into the next"
    );
}

// ---------------------------------------------------------------------------------------------
// Bounded memory

/// Generates `len` bytes: a title line (if `title`) and then one endless line of words.
struct Generated {
    len: usize,
    produced: usize,
    pattern: &'static [u8],
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.len - self.produced);
        for (i, byte) in buf[..n].iter_mut().enumerate() {
            *byte = self.pattern[(self.produced + i) % self.pattern.len()];
        }
        self.produced += n;
        Ok(n)
    }
}

/// Counts what is written, keeping nothing.
#[derive(Default)]
struct Counter {
    bytes: usize,
    newlines: usize,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len();
        self.newlines += buf.iter().filter(|&&b| b == b'\n').count();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

const MIB: usize = 1024 * 1024;

#[test]
fn a_64_mib_body_line_streams_in_small_buffers() {
    // "T\n" then one 64 MiB line: "Lorem, ipsum dolor! " repeated, a whole number of times.
    let pattern = b"Lorem, ipsum dolor! ";
    let len = 64 * MIB / pattern.len() * pattern.len();
    let input = io::Read::chain(
        &b"T\n"[..],
        Generated {
            len,
            produced: 0,
            pattern,
        },
    );
    let mut pipeline = plain();
    let mut out = Counter::default();
    let summary = pipeline
        .run(input, &mut out, Layout::LinePerLine, false)
        .unwrap();
    let words = (len / pattern.len()) * 3;
    assert_eq!(summary.lines, 2);
    assert_eq!(summary.tokens, words as u64);
    assert_eq!(summary.bytes, (len + 2) as u64);
    assert_eq!(out.newlines, 2);
    assert_eq!(
        out.bytes,
        2 + "lorem ipsum dolor ".len() * (len / pattern.len())
    );
    assert!(
        pipeline.buffer_capacity() < MIB,
        "buffers grew to {} bytes",
        pipeline.buffer_capacity()
    );
}

#[test]
fn a_64_mib_title_line_streams_in_small_buffers() {
    let len = 64 * MIB;
    let input = Generated {
        len,
        produced: 0,
        pattern: b"Title text\r",
    };
    let mut pipeline = plain();
    let mut out = Counter::default();
    let summary = pipeline
        .run(input, &mut out, Layout::TokenPerLine, false)
        .unwrap();
    assert_eq!(summary.lines, 1);
    assert_eq!(
        out.bytes,
        len + 1,
        "verbatim, each lone \\r kept, plus a newline"
    );
    assert!(pipeline.buffer_capacity() < MIB);
}

#[test]
fn a_20_mb_token_streams_through_bounded_buffers() {
    let token = "a".repeat(20_000_000);
    let input = format!("T\nx {token}\r\ny\n");
    for layout in [Layout::TokenPerLine, Layout::LinePerLine] {
        let mut pipeline = plain();
        let (out, summary) = run_with(&mut pipeline, input.as_bytes(), layout, false).unwrap();
        assert_eq!(summary.tokens, 3);
        let expected = match layout {
            Layout::TokenPerLine => format!("T\nx\n{token}\ny\n"),
            Layout::LinePerLine => format!("T\nx {token}\ny\n"),
        };
        assert!(out == expected, "the token came out whole in {layout:?}");
        // The token was never held whole: the buffers stay a few read chunks big.
        assert!(
            pipeline.buffer_capacity() <= 2 * MIB,
            "{} bytes of buffers",
            pipeline.buffer_capacity()
        );
    }
}

#[test]
fn a_giant_stemmed_word_comes_out_exact_in_bounded_buffers() {
    // NLTK: "-ational" becomes "-ate" (step 2), then "-ate" goes (step 4): "abab...ab".
    let pairs = 5 * MIB / 4;
    let word = format!("{}ational", "ab".repeat(pairs));
    let stem = "ab".repeat(pairs);
    for threads in [1, 2] {
        let threads = std::num::NonZeroUsize::new(threads).unwrap();
        let mut pipeline = porter().with_threads(threads);
        for (input, layout, expected) in [
            (
                format!("Title\n{word}\n"),
                Layout::TokenPerLine,
                format!("Title\n{stem}\n"),
            ),
            (
                format!("Title\nx {}\r\ny\n", word.to_uppercase()),
                Layout::TokenPerLine,
                format!("Title\nx\n{stem}\ny\n"),
            ),
            (
                format!("Title\nx {word} z\ny"),
                Layout::LinePerLine,
                format!("Title\nx {stem} z\ny\n"),
            ),
        ] {
            let (out, _) = run_with(&mut pipeline, input.as_bytes(), layout, false).unwrap();
            assert!(
                out == expected,
                "{threads} threads, {layout:?}: wrong output"
            );
            // Never held whole: a few read chunks, whatever the word's length.
            assert!(
                pipeline.buffer_capacity() <= 2 * MIB,
                "{threads} threads: buffers grew to {} bytes",
                pipeline.buffer_capacity()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Pieces documents are made of: ASCII words and separators, line ends of every kind, BOMs,
/// multi-byte characters, and (for lossy runs) invalid or truncated sequences.
fn piece(invalid: bool) -> BoxedStrategy<Vec<u8>> {
    let valid = prop_oneof![
        4 => "[a-zA-Z]{1,8}".prop_map(String::into_bytes),
        // Stopwords, the longest ones too, so that filters meet them in pieces.
        1 => prop::sample::select(vec!["yourselves", "Ourselves", "because", "THROUGH", "a", "the"])
            .prop_map(|s: &str| s.as_bytes().to_vec()),
        3 => Just(b" ".to_vec()),
        2 => Just(b"\n".to_vec()),
        1 => Just(b"\r\n".to_vec()),
        1 => Just(b"\r".to_vec()),
        1 => "[0-9.,;:!?'()\\t\\x00-]{1,3}".prop_map(String::into_bytes),
        1 => Just("\u{feff}".as_bytes().to_vec()),
        1 => prop::sample::select(vec!["é", "’", "ß", "😀", "Σ", "\u{85}", "\u{2028}"])
            .prop_map(|s: &str| s.as_bytes().to_vec()),
    ];
    if invalid {
        prop_oneof![
            10 => valid,
            1 => prop::sample::select(vec![
                &b"\xff"[..], b"\xc0\x80", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\x80"
            ])
            .prop_map(<[u8]>::to_vec),
        ]
        .boxed()
    } else {
        valid.boxed()
    }
}

fn document(invalid: bool) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(invalid), 0..40).prop_map(|pieces| pieces.concat())
}

/// The obvious model of the line-per-line layout without stemming: the title verbatim, then
/// each body line's maximal runs of ASCII letters, lowercased, joined by spaces.
fn line_per_line_model(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.is_empty() {
        return String::new();
    }
    let mut lines: Vec<&str> = text.split('\n').collect();
    let terminated = text.ends_with('\n');
    if terminated {
        lines.pop();
    }
    let last = lines.len() - 1;
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        // Only a line end's CR goes; an unterminated last line keeps its trailing CR.
        let line = if i < last || terminated {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        };
        if i == 0 {
            out.push_str(line);
        } else {
            let words: Vec<String> = line
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            out.push_str(&words.join(" "));
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_token_held_to_its_end_under_a_long_max_len_is_written_as_if_read_whole() {
    // Over 64 KiB, so that what was held is stemmed in several slices; the first slice ends in
    // a suffix, which only the end of the whole token may lose.
    let token = format!(
        "a{}ational{}ness",
        "bA".repeat(32_764),
        "Abc".repeat(20_000)
    );
    let input = format!("Title\nthe {token} ourselves\n{}s\n", token.to_lowercase());
    let options = TokenizerOptions {
        remove_stopwords: true,
        max_len: Some(1 << 20),
        ..TokenizerOptions::default()
    };
    for algorithm in [None, Some(Algorithm::PorterNltk), Some(Algorithm::Porter2)] {
        let pipeline = Pipeline::new(options.clone(), algorithm);
        for layout in [Layout::TokenPerLine, Layout::LinePerLine] {
            let whole = run_in_pieces(
                &pipeline,
                input.as_bytes(),
                1 << 20,
                Reads::Cycled(Vec::new()),
                layout,
                false,
            );
            let pieces = run_in_pieces(
                &pipeline,
                input.as_bytes(),
                7,
                Reads::Cycled(Vec::new()),
                layout,
                false,
            );
            assert!(whole == pieces, "{algorithm:?} {layout:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn output_does_not_depend_on_reads_or_chunk_size(
        input in document(true),
        chunk_size in 1usize..24,
        reads in prop::collection::vec(0usize..20, 0..8),
        layout in layout(),
        lossy: bool,
        stem: bool,
    ) {
        let pipeline = if stem { porter() } else { plain() };
        let whole = run_in_pieces(&pipeline, &input, 64 * 1024, Reads::Cycled(Vec::new()), layout, lossy);
        let pieces = run_in_pieces(&pipeline, &input, chunk_size, Reads::Cycled(reads), layout, lossy);
        prop_assert_eq!(whole, pieces);
    }

    #[test]
    fn no_tokenizer_option_makes_output_depend_on_reads(
        input in document(true),
        options in options(0usize..12),
        chunk_size in 1usize..24,
        reads in prop::collection::vec(0usize..20, 0..8),
        layout in layout(),
    ) {
        let pipeline = Pipeline::new(options, Some(Algorithm::PorterNltk));
        let whole = run_in_pieces(&pipeline, &input, 64 * 1024, Reads::Cycled(Vec::new()), layout, true);
        let pieces = run_in_pieces(&pipeline, &input, chunk_size, Reads::Cycled(reads), layout, true);
        prop_assert_eq!(whole, pieces);
    }

    #[test]
    fn line_per_line_output_is_the_obvious_model(input in document(false)) {
        let text = String::from_utf8(input).unwrap();
        prop_assert_eq!(lines(text.as_bytes()), line_per_line_model(&text));
    }

    #[test]
    fn lossy_output_is_the_model_of_the_lossy_decoding(
        input in document(true),
        chunk_size in 1usize..16,
    ) {
        let expected = line_per_line_model(&String::from_utf8_lossy(&input));
        let mut pipeline = plain().with_chunk_size(chunk_size);
        let (out, _) = run_with(&mut pipeline, &input, Layout::LinePerLine, true).unwrap();
        prop_assert_eq!(out, expected);
    }

    #[test]
    fn invalid_utf8_is_reported_where_std_finds_it(
        input in document(true),
        chunk_size in 1usize..16,
    ) {
        let mut pipeline = plain().with_chunk_size(chunk_size);
        let result = pipeline.run(&input[..], io::sink(), Layout::TokenPerLine, false);
        match std::str::from_utf8(&input) {
            Ok(_) => prop_assert!(result.is_ok()),
            Err(error) => {
                let byte = error.valid_up_to();
                let line = 1 + input[..byte].iter().filter(|&&b| b == b'\n').count() as u64;
                match result {
                    Err(PipelineError::InvalidUtf8 { line: l, byte: b }) => {
                        prop_assert_eq!((l, b), (line, byte as u64));
                    }
                    other => prop_assert!(false, "expected invalid UTF-8, got {:?}", other),
                }
            }
        }
    }

    #[test]
    fn the_title_line_is_preserved(input in document(false), layout in layout()) {
        let text = String::from_utf8(input).unwrap();
        let (out, summary) = run_with(&mut porter(), text.as_bytes(), layout, false).unwrap();
        let model = line_per_line_model(&text);
        let model_title = model.split_inclusive('\n').next().unwrap_or("");
        prop_assert!(out.starts_with(model_title));
        prop_assert_eq!(summary.lines as usize, model.matches('\n').count());
    }

    #[test]
    fn token_per_line_has_the_tokens_of_line_per_line(input in document(false)) {
        let (by_line, line_summary) =
            run_with(&mut porter(), &input, Layout::LinePerLine, false).unwrap();
        let (by_token, token_summary) =
            run_with(&mut porter(), &input, Layout::TokenPerLine, false).unwrap();
        let split = |out: &str| -> Vec<String> {
            out.split_once('\n').map_or(Vec::new(), |(_, body)| {
                body.split_ascii_whitespace().map(str::to_owned).collect()
            })
        };
        prop_assert_eq!(split(&by_line), split(&by_token));
        prop_assert_eq!(line_summary.tokens, token_summary.tokens);
        prop_assert_eq!(token_summary.tokens as usize, split(&by_token).len());
    }
}
