//! `algorithms`, `explain`, `--help` and `--version`.

use crate::stemkit;

fn stdout_of(args: &[&str]) -> String {
    let output = stemkit().args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn algorithms_lists_each_name_with_its_description() {
    let listing = stdout_of(&["algorithms"]);
    let names: Vec<&str> = listing
        .lines()
        .map(|line| line.split_whitespace().next().unwrap())
        .collect();
    let expected: Vec<&str> = [
        "porter-nltk",
        "porter-martin",
        "porter-original",
        "porter2",
        "porter2-nltk",
    ]
    .into_iter()
    .chain(stemkit_stemmer::Program::ALL.map(|p| p.name()))
    .collect();
    assert_eq!(names, expected);
    assert!(names.contains(&"french") && names.contains(&"dutch_porter"));
    assert!(
        listing
            .lines()
            .any(|line| line.starts_with("german@2.0.0 ") && line.contains("german-nltk")),
        "{listing}"
    );
    assert!(
        listing
            .lines()
            .all(|line| line.split_whitespace().count() > 3),
        "{listing}"
    );
    assert!(listing.contains("NLTK_EXTENSIONS"), "{listing}");
}

#[test]
fn explain_shows_the_steps_then_the_stem() {
    let text = stdout_of(&["explain", "running"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.last(), Some(&"stem: run"), "{text}");
    // Step 1b removes -ing; the row names the step, the rule, and the word after it.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("1b") && l.contains("ing") && l.ends_with("runn")),
        "{text}"
    );
    // Steps where nothing fired show `-`.
    assert!(
        lines
            .iter()
            .any(|l| l.split_whitespace().nth(1) == Some("-")),
        "{text}"
    );
}

#[test]
fn explain_takes_the_algorithm() {
    let text = stdout_of(&["explain", "--algorithm", "porter2", "generously"]);
    assert!(text.ends_with("stem: generous\n"), "{text}");
}

#[test]
fn help_has_examples_for_every_command() {
    let main = stdout_of(&["--help"]);
    for command in [
        "stem",
        "tokenize",
        "process",
        "verify",
        "explain",
        "algorithms",
    ] {
        assert!(main.contains(command), "{command} missing from --help");
        let help = stdout_of(&[command, "--help"]);
        assert!(
            help.contains("Examples:"),
            "{command} --help has no examples"
        );
        assert!(
            help.contains(&format!("stemkit {command}")),
            "{command}: {help}"
        );
    }
}

#[test]
fn version() {
    let text = stdout_of(&["--version"]);
    assert_eq!(
        text.trim(),
        format!("stemkit {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["stem", "--no-such-flag"],
        &["verify", "one"],
        &[],
    ] {
        let output = stemkit().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
    }
}
