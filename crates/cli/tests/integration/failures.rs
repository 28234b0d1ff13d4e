//! Failures: named inputs, exit status 1, and `-o` outputs that a failed run leaves untouched.

use std::fs;
use std::path::Path;

use crate::{assert_fails_with, corpus, stemkit, temp_dir};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_missing_input_is_named() {
    for command in ["stem", "tokenize", "process"] {
        let output = stemkit()
            .args([command, "no-such-file.txt"])
            .output()
            .unwrap();
        assert_fails_with(&output, &["no-such-file.txt"]);
    }
}

#[test]
fn invalid_utf8_in_a_document_names_file_line_and_byte() {
    let dir = temp_dir();
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"Title\nfine words\nbad \xE2\x82 words\n").unwrap();
    let output = stemkit().arg("process").arg(&bad).output().unwrap();
    let expected = format!("{}:3: invalid UTF-8 at byte 21", bad.display());
    assert_fails_with(&output, &[&expected]);
}

#[test]
fn a_failed_run_leaves_the_previous_output_untouched() {
    let dir = temp_dir();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    let out = dir.path().join("out.txt");
    fs::write(&good, "Good\nrunning\n".repeat(50_000)).unwrap();
    fs::write(&bad, b"Bad\nponies \xFF\n").unwrap();
    fs::write(&out, "precious\n").unwrap();
    for command in ["process", "tokenize", "stem"] {
        let output = stemkit()
            .arg(command)
            .arg(&good)
            .arg(&bad)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_fails_with(&output, &["bad.txt"]);
        assert_eq!(fs::read(&out).unwrap(), b"precious\n", "{command}");
        assert_eq!(
            names_in(dir.path()),
            ["bad.txt", "good.txt", "out.txt"],
            "{command}"
        );
    }
}

#[test]
fn a_failed_dataset_run_leaves_the_previous_output_untouched() {
    let dir = temp_dir();
    let out = dir.path().join("out.csv");
    fs::write(&out, "precious\n").unwrap();
    let mut input = String::from("title,text\n");
    input.push_str(&"t,running\n".repeat(5000));
    input.push_str("t,running,extra\n");
    let output = stemkit()
        .args([
            "process",
            "--input-format",
            "csv",
            "--output-format",
            "csv",
            "-o",
        ])
        .arg(&out)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_fails_with(&output, &["record 5001"]);
    assert_eq!(fs::read(&out).unwrap(), b"precious\n");
    assert_eq!(names_in(dir.path()), ["out.csv"]);
}

#[test]
fn a_failed_directory_run_leaves_no_temporary_files() {
    let dir = temp_dir();
    let docs = dir.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::copy(corpus("pairs/gpl-3.0/raw.txt"), docs.join("gpl.txt")).unwrap();
    fs::write(docs.join("zz-bad.txt"), b"Bad\n\xFF\n").unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("zz-bad.txt"), "precious\n").unwrap();
    let output = stemkit()
        .args(["process", "--threads", "2"])
        .arg(&docs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_fails_with(&output, &["zz-bad.txt:2: invalid UTF-8 at byte 4"]);
    assert_eq!(fs::read(out.join("zz-bad.txt")).unwrap(), b"precious\n");
    for name in names_in(&out) {
        assert!(
            name == "gpl.txt" || name == "zz-bad.txt",
            "left behind: {name}"
        );
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_removes_its_temporary_and_keeps_the_earlier_output() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let dir = temp_dir();
    let target = dir.path().join("stems.txt");
    fs::write(&target, "earlier output\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stemkit"))
        .arg("stem")
        .arg("-o")
        .arg(&target)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Standard input stays open, so the run is still going when the signal comes.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"running\nponies\n").unwrap();
    let started = Instant::now();
    while names_in(dir.path()).len() < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no temporary appeared"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(output.status.code(), Some(130), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("stemkit: interrupted"));
    assert_eq!(names_in(dir.path()), ["stems.txt"]);
    assert_eq!(fs::read_to_string(&target).unwrap(), "earlier output\n");
}
