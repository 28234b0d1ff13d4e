//! Every algorithm of every kept Snowball release compiles; every program of Snowball's
//! `errors/` tests is rejected on the line Snowball's own compiler names first.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()).unwrap_or_default())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Rust that program `source` (named `name`) compiles to; panics on any error.
fn rust(name: &str, source: &str) -> String {
    let program = stemkit_snowball::compile(name, source).unwrap_or_else(|error| panic!("{error}"));
    let options = stemkit_snowball::rust::Options {
        source: name.to_owned(),
        runtime: "crate::runtime".to_owned(),
    };
    stemkit_snowball::rust::generate(&program, &options)
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

#[test]
fn every_algorithm_compiles() {
    let mut count = 0;
    for release in ["2.0.0", "3.0.0", "3.1.0", "nltk"] {
        for path in files(&root().join("algorithms").join(release), "sbl") {
            let source = fs::read_to_string(&path).expect("readable");
            rust(&path.display().to_string(), &source);
            count += 1;
        }
    }
    assert_eq!(count, 37 + 15 + 6 + 1);
}

#[test]
fn snowball_error_tests_are_rejected_on_the_same_line() {
    let dir = root().join("tests/compiler/errors");
    let sources = files(&dir, "sbl");
    assert_eq!(sources.len(), 12);
    for path in sources {
        let source = fs::read_to_string(&path).expect("readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let error = match stemkit_snowball::compile(&name, &source) {
            Ok(_) => panic!("{name} compiled, but Snowball rejects it"),
            Err(error) => error,
        };
        assert_eq!(error.file, name);
        let stderr = fs::read_to_string(path.with_extension("stderr")).unwrap_or_default();
        // Snowball's first diagnostic reads `errors/NAME.sbl:LINE: message`.
        let expected = stderr
            .lines()
            .find_map(|line| line.split(':').nth(1)?.trim().parse::<u32>().ok());
        if let Some(line) = expected {
            assert_eq!(
                error.pos.line, line,
                "{name}: we said `{error}`, Snowball says:\n{stderr}"
            );
        }
    }
}

/// The search the generator writes for an `among`: a comparison of one number for a small table
/// whose strings all have one length, a trie for any other.
#[test]
fn small_tables_of_one_string_length_are_searched_by_comparison() {
    let generate = |among: &str| {
        let source = format!(
            "externals (stem) define stem as backwards ([substring] among ({among}) delete)"
        );
        rust("t.sbl", &source)
    };
    let compared = generate("'dd' 'gd' 'nn' 'xy'");
    assert!(compared.contains("suffix_key::<2>(t)?"), "{compared}");
    assert!(
        compared.contains("key == 0x6464"),
        "dd, last byte highest: {compared}"
    );
    for among in [
        "'dd' 'gd' 'n'",
        "'abcdefghi' 'bcdefghia'",
        "'aa' 'ab' 'ac' 'ad' 'ae' 'af' 'ag' 'ah' 'ai' 'aj' 'ak' 'al' 'am' 'an' 'ao' 'ap' 'aq'",
    ] {
        let code = generate(among);
        assert!(!code.contains("suffix_key"), "{among}: {code}");
        assert!(
            code.contains("t.get(n.wrapping_sub(1))"),
            "{among}: a trie: {code}"
        );
    }
}
