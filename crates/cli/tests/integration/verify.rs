//! `stemkit verify RAW STEMMED`.

use crate::{assert_fails_with, corpus, stemkit, temp_dir};

fn verify(pair: &str, extra: &[&str]) -> std::process::Output {
    stemkit()
        .arg("verify")
        .arg(corpus(&format!("pairs/{pair}/raw.txt")))
        .arg(corpus(&format!("pairs/{pair}/stemmed.txt")))
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_seed_pair_has_six_hunks() {
    let output = verify("reuters-venezuela-defections", &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(!output.stdout.is_empty());
    // Exactly six: `--max-hunks 6` passes and `--max-hunks 5` fails.
    assert!(
        verify("reuters-venezuela-defections", &["--max-hunks", "6"])
            .status
            .success()
    );
    let output = verify("reuters-venezuela-defections", &["--max-hunks", "5"]);
    assert_fails_with(&output, &["6", "--max-hunks 5"]);
    assert!(!output.stdout.is_empty(), "the report is printed anyway");
}

#[test]
fn the_exact_pairs_have_none() {
    for pair in ["gpl-3.0", "apache-2.0"] {
        let output = verify(pair, &["--max-hunks", "0"]);
        assert!(output.status.success(), "{pair}: {output:?}");
    }
}

#[test]
fn invalid_utf8_in_the_reference_is_located() {
    let dir = temp_dir();
    let stemmed = dir.path().join("stemmed.txt");
    std::fs::write(&stemmed, b"Title\nrun\npo\xFFni\n").unwrap();
    let output = stemkit()
        .arg("verify")
        .arg(corpus("pairs/apache-2.0/raw.txt"))
        .arg(&stemmed)
        .output()
        .unwrap();
    let expected = format!("{}:3: invalid UTF-8 at byte 12", stemmed.display());
    assert_fails_with(&output, &[&expected]);
}

#[test]
fn a_missing_file_is_named() {
    let output = stemkit()
        .arg("verify")
        .arg(corpus("pairs/apache-2.0/raw.txt"))
        .arg("no-such-stemmed.txt")
        .output()
        .unwrap();
    assert_fails_with(&output, &["no-such-stemmed.txt"]);
}
