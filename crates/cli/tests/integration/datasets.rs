//! Datasets: CSV and JSON Lines records in, lines, JSON Lines or CSV out, in input order.

use crate::{assert_fails_with, csv_rows, stemkit};

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
fn jsonl_tokens_that_need_escapes_are_escaped() {
    // In Unicode mode a Hebrew abbreviation keeps its quote (UAX #29 WB7b/c): the token must
    // be escaped in the JSON array; NLTK's Porter leaves a word without ASCII suffixes as is.
    let input = "{\"title\":\"t\",\"text\":\"צה\\\"ל said\"}\n";
    let out = run(
        &[
            "process",
            "--unicode",
            "--input-format",
            "jsonl",
            "--output-format",
            "jsonl",
        ],
        input,
    );
    assert_eq!(out, "{\"title\":\"t\",\"tokens\":[\"צה\\\"ל\",\"said\"]}\n");
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
    assert_fails_with(
        &output,
        &["<stdin>:3: record 2: invalid UTF-8 at byte 18, in column `text`"],
    );
    // In the header, a quoted field spanning two lines: the bad byte's own line.
    let output = stemkit()
        .args(["process", "--input-format", "csv"])
        .write_stdin(&b"\"ti\ntle\xFF\",text\na,b\n"[..])
        .output()
        .unwrap();
    assert_fails_with(
        &output,
        &["<stdin>:2: invalid UTF-8 at byte 7, in header field 0"],
    );
    let output = stemkit()
        .args(["tokenize", "--input-format", "csv", "--lossy"])
        .write_stdin(&b"title,text\nc,d\xFFe\n"[..])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(output.stdout, b"c\nd e\n");
}

// Chunks: the reading thread cuts the input into chunks of whole records, which workers parse
// on their own. Tiny chunks put a cut at nearly every record end.

/// Input bytes per chunk, for tests (read by the dataset reader).
const CHUNK_VARIABLE: &str = "STEMKIT_DATASET_CHUNK_BYTES";

/// Chunk sizes from one byte to the default; thread counts from one to more than the chunks
/// allowed in flight (8), so that workers wait their turn to read.
const CHUNKS: [&str; 4] = ["1", "7", "64", ""];
const THREADS: [&str; 4] = ["1", "2", "4", "12"];

/// Runs `args` on `stdin` with each chunk size and thread count; returns each run's output.
fn run_chunked(args: &[&str], stdin: &[u8]) -> Vec<std::process::Output> {
    let mut outputs = Vec::new();
    for chunk in CHUNKS {
        for threads in THREADS {
            let mut command = stemkit();
            if !chunk.is_empty() {
                command.env(CHUNK_VARIABLE, chunk);
            }
            let output = command
                .args(args)
                .args(["--threads", threads])
                .write_stdin(stdin)
                .output()
                .unwrap();
            outputs.push(output);
        }
    }
    outputs
}

/// A CSV record with quoted fields that hold newlines, `""` escapes, commas and CRLFs; its
/// text is `word` twice, so its tokens are `stem stem`.
fn tricky_record(i: usize, word: &str) -> String {
    match i % 4 {
        0 => format!("{i},\"Say \"\"{i}\"\",\r\nnow\",\"{word}\n\"\"{word}\"\"\"\r\n"),
        1 => format!("{i},plain {i},\"{word}\r\n{word}\"\n\n"),
        2 => format!("{i},\"\"\"\",\"{word},\"\"\n\"\"{word}\"\r\n\r\n"),
        _ => format!("{i},in\"side,{word} {word}\r"),
    }
}

#[test]
fn quoted_newlines_escapes_and_crlf_across_chunks() {
    let count = 203;
    // A byte-order mark, which the reader drops; the last record has no final newline.
    let mut input = String::from("\u{feff}id,title,text\r\n");
    for i in 0..count {
        input.push_str(&tricky_record(i, WORDS[i % WORDS.len()].0));
    }
    input.push_str("last,\"no\nnewline\",\"running\"");
    let expected_rows = {
        let mut rows = vec!["id|title|text|stemmed".to_owned()];
        let reference = csv::Reader::from_reader(input.as_bytes());
        for (i, record) in reference.into_records().enumerate() {
            let record = record.unwrap();
            let stems = match WORDS.get(i % WORDS.len()).filter(|_| i < count) {
                Some((_, stem)) => format!("{stem} {stem}"),
                None => "run".to_owned(),
            };
            rows.push(format!(
                "{}|{stems}",
                record.iter().collect::<Vec<_>>().join("|")
            ));
        }
        rows
    };
    assert_eq!(expected_rows.len(), count + 2);
    let args = ["process", "--input-format", "csv", "--output-format", "csv"];
    let outputs = run_chunked(&args, input.as_bytes());
    for output in &outputs {
        assert!(output.status.success(), "{output:?}");
        let rows: Vec<String> = csv_rows(std::str::from_utf8(&output.stdout).unwrap())
            .iter()
            .map(|row| row.join("|"))
            .collect();
        assert_eq!(rows, expected_rows);
        assert_eq!(output.stdout, outputs[0].stdout);
    }
}

/// The message a sequential reader gives for the first fault of `input`: the `csv` crate's
/// own, located as stemkit locates it.
fn sequential_csv_fault(input: &[u8]) -> String {
    let mut reader = csv::Reader::from_reader(input);
    let mut record = csv::ByteRecord::new();
    let mut number = 0;
    loop {
        number += 1;
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => panic!("no fault"),
            Err(error) => {
                let line = error.position().unwrap().line();
                return format!("<stdin>:{line}: record {number}: malformed CSV: {error}");
            }
        }
    }
}

#[test]
fn a_field_count_fault_is_located_as_a_sequential_reader_does() {
    let mut input = String::from("id,title,text\r\n");
    for i in 0..150 {
        input.push_str(&tricky_record(i, "ponies"));
    }
    input.push_str("x,\"two\r\nlines\",y,extra\r\n");
    input.push_str(&tricky_record(0, "ponies"));
    let expected = sequential_csv_fault(input.as_bytes());
    assert!(expected.contains("record 151"), "{expected}");
    for output in run_chunked(&["process", "--input-format", "csv"], input.as_bytes()) {
        assert_fails_with(&output, &[&expected]);
    }
}

#[test]
fn invalid_utf8_is_located_in_any_chunk() {
    let mut input = b"id,title,text\n".to_vec();
    for i in 0..100 {
        input.extend_from_slice(tricky_record(i, "ponies").as_bytes());
    }
    // Record 101 starts on line 1 + the newlines before it; its bad byte is on the next line.
    let line = 2 + input.iter().filter(|&&b| b == b'\n').count();
    let byte = input.len() + "x,ok,\"two\nbad".len();
    input.extend_from_slice(b"x,ok,\"two\nbad\xFF\n\"\n");
    let expected =
        format!("<stdin>:{line}: record 101: invalid UTF-8 at byte {byte}, in column `text`");
    for output in run_chunked(&["process", "--input-format", "csv"], &input) {
        assert_fails_with(&output, &[&expected]);
    }
}

#[test]
fn of_two_faults_the_first_in_the_input_is_reported() {
    // Record 41 has a field too many; record 151, much later, has invalid UTF-8. With several
    // workers the later one may well be found first: the earlier must still be the one told.
    let mut input = b"id,title,text\n".to_vec();
    for i in 0..40 {
        input.extend_from_slice(tricky_record(i, "ponies").as_bytes());
    }
    input.extend_from_slice(b"x,one,two,three\n");
    for i in 0..109 {
        input.extend_from_slice(tricky_record(i, "ponies").as_bytes());
    }
    let second_fault_at = input.len();
    input.extend_from_slice(b"y,ok,\"bad\xFF\"\n");
    let expected = sequential_csv_fault(&input[..second_fault_at]);
    assert!(expected.contains("record 41"), "{expected}");
    for output in run_chunked(&["process", "--input-format", "csv"], &input) {
        assert_fails_with(&output, &[&expected]);
    }
}

#[test]
fn jsonl_chunks_keep_order_and_locate_faults() {
    let mut input = String::from("\u{feff}");
    for i in 0..120 {
        let (word, _) = WORDS[i % WORDS.len()];
        input.push_str(&serde_json::json!({"title": format!("T{i}"), "text": word}).to_string());
        input.push_str(if i % 3 == 0 { "\r\n\n" } else { "\n" });
    }
    input.push_str("{\"title\": \"end\", \"text\": \"ponies\"}");
    let mut expected = String::new();
    for i in 0..120 {
        let (_, stem) = WORDS[i % WORDS.len()];
        expected.push_str(&format!("T{i}\n{stem}\n"));
    }
    expected.push_str("end\nponi\n");
    for output in run_chunked(&["process", "--input-format", "jsonl"], input.as_bytes()) {
        assert!(output.status.success(), "{output:?}");
        assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    }
    // 120 records on 160 lines (a blank one after every third), then the bad record.
    let bad = format!("{input}\n{{\"title\": 7, \"text\": \"x\"}}\n");
    for output in run_chunked(&["process", "--input-format", "jsonl"], bad.as_bytes()) {
        assert_fails_with(
            &output,
            &["<stdin>:162: record 122: field `title` is not a string"],
        );
    }
    let mut bad = input.into_bytes();
    bad.extend_from_slice(b"\n{\"title\": \"\xFF\"}\n");
    // Bytes count from the input's first, the byte-order mark's included.
    let at = bad.iter().position(|&b| b == 0xFF).unwrap();
    for output in run_chunked(&["process", "--input-format", "jsonl"], &bad) {
        assert_fails_with(
            &output,
            &[&format!("<stdin>:162: invalid UTF-8 at byte {at}")],
        );
    }
}
