//! `stemkit stem` on lines of megabytes, which it reads and stems in pieces: the output must be
//! the library's stem of each whole line (the library itself is checked against NLTK), and a
//! fault must be located as in any line.

use stemkit_stemmer::{Algorithm, Stemmer};

use crate::{assert_fails_with, stem, stemkit, temp_dir};

/// A little over three blocks of the reader: a line it must cut into several pieces.
const GIANT: usize = 3 * 1024 * 1024 + 17;

/// A word of about `bytes` bytes: `unit` repeated, then `ending`.
fn giant(unit: &str, bytes: usize, ending: &str) -> String {
    let mut word = unit.repeat(bytes / unit.len());
    word.push_str(ending);
    word
}

/// What `stemkit stem` must print: the stem of every whole line of `input`, each with `\n`.
fn expected(input: &[u8], algorithm: Algorithm) -> Vec<u8> {
    let stemmer = Stemmer::new(algorithm);
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let body = body.strip_suffix(b"\n").unwrap_or(body);
    let mut out = Vec::new();
    for line in body.split(|&byte| byte == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        out.extend_from_slice(stemmer.stem(&String::from_utf8_lossy(line)).as_bytes());
        out.push(b'\n');
    }
    out
}

/// Asserts `stemkit stem` prints the stems of the whole lines, without a byte-by-byte dump of
/// megabytes when it does not.
fn assert_stems_whole_lines(input: &[u8], algorithm: Algorithm) {
    let name = algorithm.name();
    let got = stem(input, &["--algorithm", name, "--threads", "2"]);
    let want = expected(input, algorithm);
    let first_difference = got.iter().zip(&want).position(|(a, b)| a != b);
    assert!(
        got == want,
        "{name}: {} bytes out, {} expected, first difference at {first_difference:?}",
        got.len(),
        want.len()
    );
}

#[test]
fn an_ascii_giant_line_between_short_ones() {
    let word = giant("Generaliz", GIANT, "ATIONS");
    let input = format!("ponies\n{word}\nrunning\n");
    for algorithm in [Algorithm::PorterNltk, Algorithm::Porter2] {
        assert_stems_whole_lines(input.as_bytes(), algorithm);
    }
}

#[test]
fn a_non_ascii_giant_line_with_crlf() {
    // Two-byte characters at odd offsets: reads end inside them.
    let word = giant("éÉ", GIANT, "ing");
    let input = format!("x{word}\r\ndying\r\n");
    assert_stems_whole_lines(input.as_bytes(), Algorithm::PorterNltk);
}

#[test]
fn a_giant_first_line_after_a_byte_order_mark() {
    let word = giant("ab", GIANT, "ational");
    let input = format!("\u{feff}{word}\nponies\n");
    assert_stems_whole_lines(input.as_bytes(), Algorithm::PorterNltk);
}

#[test]
fn a_giant_last_line_without_newline() {
    let word = giant("Ωmega", GIANT, "ness");
    let input = format!("running\n{word}\r");
    assert_stems_whole_lines(input.as_bytes(), Algorithm::PorterNltk);
}

#[test]
fn giant_lines_in_a_row_and_in_several_files() {
    let words = [
        giant("ab", GIANT, "ies"),
        giant("e\u{301}", GIANT + 1, "ed"),
        giant("xyz", GIANT * 2, "ing"),
    ];
    let input = format!("{}\n{}\nrunning\n\n{}\n", words[0], words[1], words[2]);
    assert_stems_whole_lines(input.as_bytes(), Algorithm::PorterNltk);

    let dir = temp_dir();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &words[0]).unwrap();
    std::fs::write(&b, format!("{}\nponies\n", words[2])).unwrap();
    let output = stemkit()
        .args(["stem", "--threads", "1"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", crate::stderr_of(&output));
    let whole = format!("{}\n{}\nponies\n", words[0], words[2]);
    assert!(output.stdout == expected(whole.as_bytes(), Algorithm::PorterNltk));
}

#[test]
fn invalid_utf8_in_a_giant_line_names_its_line_and_byte() {
    let dir = temp_dir();
    let words = dir.path().join("words.txt");
    let mut input = b"running\n\n".to_vec();
    input.extend_from_slice(giant("ab", GIANT, "").as_bytes());
    let fault = input.len();
    input.extend_from_slice(b"\xE2\x82(");
    input.extend_from_slice(giant("cd", GIANT, "\nponies\n").as_bytes());
    std::fs::write(&words, &input).unwrap();
    let output = stemkit().arg("stem").arg(&words).output().unwrap();
    let message = format!("{}:3: invalid UTF-8 at byte {fault}", words.display());
    assert_fails_with(&output, &[&message]);
    // The stems of the lines before it are out.
    assert!(output.stdout.starts_with(b"run\n\n"));

    let lossy = stem(&input, &["--lossy"]);
    assert!(lossy == expected(&input, Algorithm::PorterNltk));
}

#[test]
fn a_forty_megabyte_word() {
    let word = giant("abcdefghij", 40 * 1024 * 1024, "ing");
    let want = [
        Stemmer::new(Algorithm::PorterNltk).stem(&word).as_bytes(),
        b"\n",
    ]
    .concat();
    assert!(stem(word.as_bytes(), &[]) == want);
}
