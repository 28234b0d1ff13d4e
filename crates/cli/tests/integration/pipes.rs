//! A closed output pipe (`stemkit ... | head`) ends the run quietly and successfully.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::temp_dir;

/// Runs stemkit with `args` over a big input, reads a little of its output, closes the pipe.
fn read_a_little_then_close(args: &[&str], input: &[u8]) {
    let dir = temp_dir();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, input).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stemkit"))
        .args(args)
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{args:?}: {:?}, stderr: {stderr}",
        output.status
    );
    assert!(stderr.is_empty(), "{args:?}: stderr: {stderr}");
}

#[test]
fn stem_into_a_closed_pipe() {
    read_a_little_then_close(&["stem"], &b"running\nponies\n".repeat(1_000_000));
}

#[test]
fn process_into_a_closed_pipe() {
    let mut document = b"Title\n".to_vec();
    document.extend(b"The running ponies were caressed generously.\n".repeat(200_000));
    read_a_little_then_close(&["process"], &document);
    read_a_little_then_close(&["tokenize"], &document);
}

#[test]
fn datasets_into_a_closed_pipe() {
    let mut csv = b"title,text\n".to_vec();
    csv.extend(b"t,The running ponies were caressed generously\n".repeat(200_000));
    read_a_little_then_close(
        &["process", "--input-format", "csv", "--output-format", "csv"],
        &csv,
    );
}
