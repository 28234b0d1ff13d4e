//! `stemkit stem`: a word per line in, a stem per line out.

use crate::{assert_fails_with, stem, stemkit, temp_dir};

#[test]
fn stems_a_word_per_line() {
    assert_eq!(
        stem(
            b"caresses\nponies\nrunning\ngenerously\nDefections\ndying\n",
            &[]
        ),
        b"caress\nponi\nrun\ngener\ndefect\ndie\n"
    );
}

#[test]
fn empty_lines_stay_lines() {
    assert_eq!(
        stem(b"\nrunning\n\n\nponies\n\n", &[]),
        b"\nrun\n\n\nponi\n\n"
    );
    assert_eq!(stem(b"\n", &[]), b"\n");
    assert_eq!(stem(b"", &[]), b"");
}

#[test]
fn crlf_is_a_line_end() {
    assert_eq!(stem(b"running\r\nponies\r\n\r\n", &[]), b"run\nponi\n\n");
}

#[test]
fn a_leading_bom_is_ignored() {
    assert_eq!(stem(b"\xEF\xBB\xBFrunning\nponies\n", &[]), b"run\nponi\n");
}

#[test]
fn a_last_line_without_newline_gets_one() {
    assert_eq!(stem(b"running\nponies", &[]), b"run\nponi\n");
}

#[test]
fn the_whole_line_is_the_word() {
    // NLTK: stem(" running") == " run"; stem("running ") == "running ".
    assert_eq!(stem(b" running\nrunning \n", &[]), b" run\nrunning \n");
}

#[test]
fn the_algorithm_is_chosen_by_name() {
    assert_eq!(
        stem(b"generously\n", &["--algorithm", "porter2"]),
        b"generous\n"
    );
    assert_eq!(
        stem(b"generously\n", &["--algorithm", "porter-nltk"]),
        b"gener\n"
    );
}

#[test]
fn an_unknown_algorithm_is_a_usage_error() {
    let output = stemkit()
        .args(["stem", "--algorithm", "porter3"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("porter3") && stderr.contains("porter2-nltk"),
        "{stderr}"
    );
}

#[test]
fn files_and_stdin_in_order() {
    let dir = temp_dir();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "running\n").unwrap();
    std::fs::write(&b, "\u{feff}dying").unwrap();
    let output = stemkit()
        .arg("stem")
        .arg(&a)
        .arg("-")
        .arg(&b)
        .write_stdin("ponies\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(output.stdout, b"run\nponi\ndie\n");
}

#[test]
fn invalid_utf8_names_file_line_and_byte() {
    let dir = temp_dir();
    let words = dir.path().join("words.txt");
    std::fs::write(&words, b"running\nab\xFFc\nponies\n").unwrap();
    let output = stemkit().arg("stem").arg(&words).output().unwrap();
    let expected = format!("{}:2: invalid UTF-8 at byte 10", words.display());
    assert_fails_with(&output, &[&expected]);
}

#[test]
fn invalid_utf8_on_stdin_is_located_too() {
    let output = stemkit()
        .arg("stem")
        .write_stdin(&b"\xEF\xBB\xBFok\n\xC3("[..])
        .output()
        .unwrap();
    assert_fails_with(&output, &[":2: invalid UTF-8 at byte 6"]);
}

#[test]
fn lossy_replaces_invalid_utf8() {
    assert_eq!(
        stem(b"running\nab\xFFc\n", &["--lossy"]),
        "run\nab\u{FFFD}c\n".as_bytes()
    );
}

#[test]
fn a_twenty_megabyte_word() {
    // NLTK: stem("ab" * n + "s") == "ab" * n.
    let mut word = b"ab".repeat(10 * 1024 * 1024);
    let expected = [word.as_slice(), b"\n"].concat();
    word.extend_from_slice(b"s\n");
    assert_eq!(stem(&word, &[]), expected);
}

#[test]
fn more_files_than_blocks_in_flight() {
    // One thread has three blocks in flight; each file's end once lost one, and the fourth
    // file then waited forever.
    let dir = temp_dir();
    let mut command = stemkit();
    command
        .args(["stem", "--threads", "1"])
        .timeout(std::time::Duration::from_secs(60));
    for i in 0..8 {
        let file = dir.path().join(format!("{i}.txt"));
        std::fs::write(
            &file, "ponies
",
        )
        .unwrap();
        command.arg(file);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(output.stdout, "poni\n".repeat(8).as_bytes());
}

#[test]
fn giant_words_between_short_ones() {
    // NLTK: "-ational" becomes "-ate", then "-ate" goes: "ab" * n + "ational" stems to "ab" * n.
    let giant = "ab".repeat(3 * 1024 * 1024);
    let input = format!("ponies\n{giant}ational\nrunning\n{giant}ATIONAL\ndying\n");
    let expected = format!("poni\n{giant}\nrun\n{giant}\ndie\n");
    assert!(stem(input.as_bytes(), &[]) == expected.as_bytes());
}

#[test]
fn output_to_a_file() {
    let dir = temp_dir();
    let out = dir.path().join("stems.txt");
    let output = stemkit()
        .arg("stem")
        .arg("-o")
        .arg(&out)
        .write_stdin("running\n")
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{output:?}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"run\n");
}

#[test]
fn of_two_faults_the_first_in_the_input_is_reported_on_any_threads() {
    // A fault in the second megabyte block and another in the fourth: on several threads the
    // later one may be met first, the first must be told.
    let dir = temp_dir();
    let words = dir.path().join("words.txt");
    let mut input = Vec::new();
    let mut fault = None;
    for i in 0..600_000u32 {
        let line: &[u8] = match i {
            200_000 | 400_000 => b"ab\xFFc\n",
            _ => b"running\n",
        };
        if i == 200_000 {
            fault = Some((u64::from(i) + 1, input.len() + 2));
        }
        input.extend_from_slice(line);
    }
    std::fs::write(&words, &input).unwrap();
    let (line, byte) = fault.unwrap();
    let expected = format!("{}:{line}: invalid UTF-8 at byte {byte}", words.display());
    for threads in ["1", "2", "4"] {
        let output = stemkit()
            .args(["stem", "--threads", threads])
            .arg(&words)
            .output()
            .unwrap();
        assert_fails_with(&output, &[&expected]);
    }
}
