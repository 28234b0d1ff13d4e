//! End-to-end tests of the `stemkit` binary: one test binary, a module per command or concern.
//!
//! Expected outputs come from the corpus (made by NLTK) or are written by hand from NLTK's
//! stems, never captured from stemkit itself.

// clippy.toml allows unwrap in tests, but not in the helpers around them; here both are tests.
#![allow(clippy::unwrap_used)]

mod datasets;
mod directories;
mod documents;
mod failures;
mod giant_lines;
mod languages;
mod meta;
mod pipes;
mod stem;
mod threads;
mod verify;

use std::path::PathBuf;

use assert_cmd::Command;

/// The binary under test.
fn stemkit() -> Command {
    Command::cargo_bin("stemkit").expect("the stemkit binary is built")
}

/// A path inside the repository's `corpus/`.
fn corpus(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(path)
}

/// The bytes of a corpus file.
fn corpus_bytes(path: &str) -> Vec<u8> {
    std::fs::read(corpus(path)).expect("corpus file is readable")
}

/// A fresh temporary directory.
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Standard error as text, for messages.
fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `stemkit stem ARGS` on `input` as standard input, which must succeed silently; its standard
/// output.
fn stem(input: &[u8], args: &[&str]) -> Vec<u8> {
    let output = stemkit()
        .arg("stem")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success(), "stderr: {}", stderr_of(&output));
    assert!(output.stderr.is_empty(), "stderr: {}", stderr_of(&output));
    output.stdout
}

/// `stemkit process --threads THREADS DOCS -o OUT`, a directory into a directory, which must
/// succeed.
fn process_directory(docs: &std::path::Path, out: &std::path::Path, threads: &str) {
    let output = stemkit()
        .args(["process", "--threads", threads])
        .arg(docs)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(output.status.success(), "--threads {threads}: {output:?}");
}

/// The rows of a CSV text, header included, as fields.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Asserts the run failed with exit status 1, a `stemkit: ` message holding every one of
/// `parts`, and no panic.
fn assert_fails_with(output: &std::process::Output, parts: &[&str]) {
    let stderr = stderr_of(output);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.starts_with("stemkit: "), "stderr: {stderr}");
    for part in parts {
        assert!(stderr.contains(part), "{part:?} not in stderr: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}
