//! `tokenize` and `process` on plain documents: the paired corpus, formats, several inputs.

use crate::{corpus, corpus_bytes, stemkit, temp_dir};

fn run(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let output = stemkit().args(args).write_stdin(stdin).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    output.stdout
}

#[test]
fn tokenize_is_the_identity_on_the_seed_raw_text() {
    let raw = corpus("pairs/reuters-venezuela-defections/raw.txt");
    let output = stemkit().arg("tokenize").arg(&raw).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        output.stdout == std::fs::read(&raw).unwrap(),
        "tokenize changed raw.txt"
    );
}

#[test]
fn process_reproduces_the_exact_pairs() {
    for pair in ["gpl-3.0", "apache-2.0"] {
        let raw = corpus(&format!("pairs/{pair}/raw.txt"));
        let output = stemkit().arg("process").arg(&raw).output().unwrap();
        assert!(output.status.success(), "{pair}: {output:?}");
        let expected = corpus_bytes(&format!("pairs/{pair}/stemmed.txt"));
        assert!(
            output.stdout == expected,
            "{pair}: output differs from stemmed.txt"
        );
    }
}

#[test]
fn several_files_are_concatenated_in_order() {
    let output = stemkit()
        .arg("process")
        .arg(corpus("pairs/apache-2.0/raw.txt"))
        .arg(corpus("pairs/gpl-3.0/raw.txt"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let expected = [
        corpus_bytes("pairs/apache-2.0/stemmed.txt"),
        corpus_bytes("pairs/gpl-3.0/stemmed.txt"),
    ]
    .concat();
    assert!(output.stdout == expected, "concatenation differs");
}

#[test]
fn process_by_hand() {
    let document =
        b"\xEF\xBB\xBF  Title, Verbatim! 2019\r\nRunning ponies, 42 caresses.\r\n\r\nDying";
    assert_eq!(
        run(&["process"], document),
        b"  Title, Verbatim! 2019\nrun\nponi\ncaress\ndie\n"
    );
}

#[test]
fn tokenize_by_hand() {
    let document = b"My Title, Here\nHello, World! 42 times\n\nA-b\n";
    assert_eq!(
        run(&["tokenize"], document),
        b"My Title, Here\nhello world times\n\na b\n"
    );
}

#[test]
fn tokenizer_flags_reach_the_tokenizer() {
    // NLTK's stopword list holds `the` and `and`; `--min-len 3` drops `ox`.
    let document = b"T\nThe ox and the running ponies\n";
    assert_eq!(
        run(&["process", "--stopwords", "--min-len", "3"], document),
        b"T\nrun\nponi\n"
    );
    assert_eq!(
        run(&["tokenize", "--max-len", "3"], document),
        b"T\nthe ox and the\n"
    );
}

#[test]
fn unicode_mode_keeps_words_the_ascii_mode_splits() {
    let document = "T\nNicolás Maduro, résumés 2019\n".as_bytes();
    assert_eq!(run(&["tokenize"], document), b"T\nnicol s maduro r sum s\n");
    assert_eq!(
        run(&["tokenize", "--unicode", "--keep-numbers"], document),
        "T\nnicolás maduro résumés 2019\n".as_bytes()
    );
    assert_eq!(
        run(&["tokenize", "--unicode"], document),
        "T\nnicolás maduro résumés\n".as_bytes()
    );
    assert_eq!(
        run(&["tokenize", "--fold-ascii"], document),
        b"T\nnicolas maduro resumes\n"
    );
}

#[test]
fn jsonl_output_of_documents() {
    let text = String::from_utf8(run(
        &["process", "--output-format", "jsonl"],
        b"A \"Title\"\nRunning ponies\n",
    ))
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let record: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(
        record,
        serde_json::json!({"title": "A \"Title\"", "tokens": ["run", "poni"]})
    );
}

#[test]
fn output_file_replaces_its_target() {
    let dir = temp_dir();
    let out = dir.path().join("out.txt");
    std::fs::write(&out, "old\n").unwrap();
    let output = stemkit()
        .arg("process")
        .arg(corpus("pairs/apache-2.0/raw.txt"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{output:?}"
    );
    assert!(std::fs::read(&out).unwrap() == corpus_bytes("pairs/apache-2.0/stemmed.txt"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out.txt"]);
}

#[test]
fn csv_output_of_documents_names_each_file() {
    let dir = temp_dir();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "First, \"quoted\"\nRunning ponies\n").unwrap();
    std::fs::write(&b, "Second\n\nCaresses\n").unwrap();
    let output = stemkit()
        .args(["process", "--output-format", "csv"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(output.stdout.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let name = |p: &std::path::Path| p.display().to_string();
    assert_eq!(
        rows,
        [
            vec!["file".to_owned(), "title".into(), "stemmed".into()],
            vec![name(&a), "First, \"quoted\"".into(), "run poni".into()],
            vec![name(&b), "Second".into(), "caress".into()],
        ]
    );
}
