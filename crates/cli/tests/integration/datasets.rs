//! Datasets: CSV and JSON Lines records in, lines, JSON Lines or CSV out, in input order.

use crate::{assert_fails_with, stemkit};

/// Words and their NLTK `PorterStemmer()` stems, to make records whose output is known.
const WORDS: [(&str, &str); 5] = [
    ("caresses", "caress"),
    ("ponies", "poni"),
    ("running", "run"),
    ("generously", "gener"),
    ("Defections", "defect"),
];

fn run(args: &[&str], stdin: &str) -> String {
    let output = stemkit().args(args).write_stdin(stdin).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_in_csv_out_keeps_columns_and_order() {
    let mut input = String::from("id,title,text,extra\n");
    let count = 3000; // several batches
    for i in 0..count {
        let (word, _) = WORDS[i % WORDS.len()];
        input.push_str(&format!("{i},\"Title, {i}\",\"{word}\n{word}\",x{i}\n"));
    }
    let rows = csv_rows(&run(
        &[
            "process",
            "--input-format",
            "csv",
            "--output-format",
            "csv",
            "--threads",
            "2",
        ],
        &input,
    ));
    assert_eq!(rows[0], ["id", "title", "text", "extra", "stemmed"]);
    assert_eq!(rows.len(), count + 1);
    for (i, row) in rows[1..].iter().enumerate() {
        let (word, stem) = WORDS[i % WORDS.len()];
        let expected = [
            i.to_string(),
            format!("Title, {i}"),
            format!("{word}\n{word}"),
            format!("x{i}"),
            format!("{stem} {stem}"),
        ];
        assert_eq!(row, &expected, "record {i}");
    }
}

#[test]
fn jsonl_in_jsonl_out_keeps_order() {
    let count = 2500;
    let input: String = (0..count)
        .map(|i| {
            let (word, _) = WORDS[i % WORDS.len()];
            format!("{}\n", serde_json::json!({"id": i, "title": format!("T{i}"), "text": format!("{word}, 2019!\n\n{word}")}))
        })
        .collect();
    let text = run(
        &[
            "process",
            "--input-format",
            "jsonl",
            "--output-format",
            "jsonl",
        ],
        &input,
    );
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), count);
    for (i, record) in records.iter().enumerate() {
        let (_, stem) = WORDS[i % WORDS.len()];
        assert_eq!(
            record,
            &serde_json::json!({"title": format!("T{i}"), "tokens": [stem, stem]})
        );
    }
}

#[test]
fn records_as_lines() {
    let input = "{\"title\": \" Verbatim, Title \", \"text\": \"Running ponies\\r\\nDying\"}\n\n{\"title\": \"\", \"text\": \"\"}\n";
    assert_eq!(
        run(&["process", "--input-format", "jsonl"], input),
        " Verbatim, Title \nrun\nponi\ndie\n\n"
    );
    assert_eq!(
        run(&["tokenize", "--input-format", "jsonl"], input),
        " Verbatim, Title \nrunning ponies\ndying\n\n"
    );
}

#[test]
fn fields_are_chosen_by_name() {
    let input = "headline,body\nHello,Running ponies\n";
    assert_eq!(
        run(
            &[
                "process",
                "--input-format",
                "csv",
                "--title-field",
                "headline",
                "--text-field",
                "body"
            ],
            input
        ),
        "Hello\nrun\nponi\n"
    );
}

#[test]
fn jsonl_to_csv_keeps_title_and_text() {
    let input = "{\"title\": \"T\", \"text\": \"caresses\", \"other\": 1}\n";
    let rows = csv_rows(&run(
        &[
            "process",
            "--input-format",
            "jsonl",
            "--output-format",
            "csv",
        ],
        input,
    ));
    assert_eq!(
        rows,
        [["title", "text", "stemmed"], ["T", "caresses", "caress"]]
    );
}

#[test]
fn a_missing_field_names_the_record() {
    let input = "{\"title\": \"a\", \"text\": \"b\"}\n{\"title\": \"c\"}\n";
    let output = stemkit()
        .args(["process", "--input-format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_fails_with(&output, &["record 2", "text"]);
}

#[test]
fn malformed_json_names_the_record() {
    let input =
        "{\"title\": \"a\", \"text\": \"b\"}\n\n{\"title\": \"c\", \"text\": \"d\"}\n{oops\n";
    let output = stemkit()
        .args(["process", "--input-format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_fails_with(&output, &[":4: record 3", "JSON"]);
}

#[test]
fn malformed_csv_names_the_record() {
    let input = "title,text\na,b\nc,d,e\n";
    let output = stemkit()
        .args(["process", "--input-format", "csv"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_fails_with(&output, &["record 2"]);
}

#[test]
fn a_missing_csv_column_is_named() {
    let output = stemkit()
        .args(["process", "--input-format", "csv"])
        .write_stdin("title,body\na,b\n")
        .output()
        .unwrap();
    assert_fails_with(&output, &["`text`"]);
}

#[test]
fn invalid_utf8_in_csv_names_the_record() {
    let output = stemkit()
        .args(["process", "--input-format", "csv"])
        .write_stdin(&b"title,text\na,b\nc,d\xFF\n"[..])
        .output()
        .unwrap();
    assert_fails_with(&output, &["record 2", "invalid UTF-8"]);
    let output = stemkit()
        .args(["tokenize", "--input-format", "csv", "--lossy"])
        .write_stdin(&b"title,text\nc,d\xFFe\n"[..])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(output.stdout, b"c\nd e\n");
}
