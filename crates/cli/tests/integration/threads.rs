//! Many threads: `--threads 64` shares one memory budget (smaller stem caches, blocks, chunks
//! and reads per thread) and must still give the reference's output, the same bytes as
//! `--threads 1`, in every mode.
//!
//! Expected outputs come from the GPL pair: its body lines with the stems NLTK made of each.

use std::fs;
use std::path::Path;

use crate::{corpus, csv_rows, process_directory, stem, stemkit, temp_dir};

/// The thread counts compared: one, and the most the budget is made for.
const THREADS: [&str; 2] = ["1", "64"];

/// The GPL pair's title line, and each body line with its stems: `stemmed.txt` holds them
/// one per line, as many per body line as it has ASCII letter runs (NLTK's tokenizer rule).
fn gpl_lines() -> (String, Vec<(String, Vec<String>)>) {
    let raw = fs::read_to_string(corpus("pairs/gpl-3.0/raw.txt")).unwrap();
    let stemmed = fs::read_to_string(corpus("pairs/gpl-3.0/stemmed.txt")).unwrap();
    let mut stems = stemmed.lines();
    let title = stems.next().unwrap().to_owned();
    let mut lines = raw.lines();
    assert_eq!(lines.next(), Some(title.as_str()));
    let body: Vec<(String, Vec<String>)> = lines
        .map(|line| {
            let count = line
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|word| !word.is_empty())
                .count();
            let line_stems = stems.by_ref().take(count).map(str::to_owned).collect();
            (line.to_owned(), line_stems)
        })
        .collect();
    assert_eq!(stems.next(), None, "stems left over: the pair is misread");
    (title, body)
}

/// `stemkit ARGS` with `--threads` each of [`THREADS`]; each run must succeed silently.
fn run_each(args: &[&str], stdin: &[u8]) -> Vec<Vec<u8>> {
    THREADS
        .iter()
        .map(|threads| {
            let output = stemkit()
                .args(args)
                .args(["--threads", threads])
                .write_stdin(stdin)
                .output()
                .unwrap();
            assert!(output.status.success(), "--threads {threads}: {output:?}");
            assert!(output.stderr.is_empty(), "--threads {threads}: {output:?}");
            output.stdout
        })
        .collect()
}

#[test]
fn stem_on_64_threads_gives_the_reference_stems() {
    let (_, body) = gpl_lines();
    let (mut words, mut expected) = (String::new(), String::new());
    // About 1.5 MB of words: dozens of blocks for 64 threads.
    for _ in 0..40 {
        for (line, stems) in &body {
            let line_words = line.split(|c: char| !c.is_ascii_alphabetic());
            for word in line_words.filter(|word| !word.is_empty()) {
                words.push_str(word);
                words.push('\n');
            }
            for stem in stems {
                expected.push_str(stem);
                expected.push('\n');
            }
        }
    }
    for threads in THREADS {
        let got = stem(words.as_bytes(), &["--threads", threads]);
        assert!(
            got == expected.as_bytes(),
            "--threads {threads}: stems differ"
        );
    }
}

#[test]
fn a_document_on_64_threads_gives_the_reference_tokens() {
    let (title, body) = gpl_lines();
    let (mut raw, mut expected) = (format!("{title}\n"), format!("{title}\n"));
    for _ in 0..40 {
        for (line, stems) in &body {
            raw.push_str(line);
            raw.push('\n');
            stems
                .iter()
                .for_each(|stem| expected.push_str(&format!("{stem}\n")));
        }
    }
    let dir = temp_dir();
    let input = dir.path().join("gpl.txt");
    fs::write(&input, &raw).unwrap();
    for out in run_each(&["process", input.to_str().unwrap()], b"") {
        assert!(out == expected.as_bytes(), "the document's tokens differ");
    }
}

#[test]
fn csv_records_on_64_threads_give_the_reference_tokens() {
    let (_, body) = gpl_lines();
    let mut input = String::from("id,text\n");
    let mut expected = String::from("id,text,stemmed\n");
    for i in 0..4000 {
        let (line, stems) = &body[i % body.len()];
        let text = line.replace('"', "\"\"");
        input.push_str(&format!("{i},\"{text}\"\n"));
        expected.push_str(&format!("{i},\"{text}\",{}\n", stems.join(" ")));
    }
    let args = [
        "process",
        "--input-format",
        "csv",
        "--output-format",
        "csv",
        "--title-field",
        "id",
    ];
    // Small chunks: many in flight, each rendered by whichever pipeline of the pool is free.
    for threads in THREADS {
        let output = stemkit()
            .env("STEMKIT_DATASET_CHUNK_BYTES", "2000")
            .args(args)
            .args(["--threads", threads])
            .write_stdin(input.as_bytes())
            .output()
            .unwrap();
        assert!(output.status.success(), "--threads {threads}: {output:?}");
        let got = String::from_utf8(output.stdout).unwrap();
        // Quoting is the CSV writer's business: compare fields, not bytes.
        assert_eq!(csv_rows(&got), csv_rows(&expected), "--threads {threads}");
    }
}

#[test]
fn a_directory_on_64_threads_gives_the_reference_tokens() {
    let (_, body) = gpl_lines();
    let dir = temp_dir();
    let docs = dir.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    let mut expected = Vec::new();
    for i in 0..100 {
        let lines = body.iter().cycle().skip(7 * i).take(5 + i);
        let (mut raw, mut tokens) = (format!("Doc {i}\n"), format!("Doc {i}\n"));
        for (line, stems) in lines {
            raw.push_str(line);
            raw.push('\n');
            stems
                .iter()
                .for_each(|stem| tokens.push_str(&format!("{stem}\n")));
        }
        let name = format!("doc{i:03}.txt");
        fs::write(docs.join(&name), raw).unwrap();
        expected.push((name, tokens));
    }
    for threads in THREADS {
        let out = dir.path().join(format!("out{threads}"));
        process_directory(&docs, &out, threads);
        for (name, tokens) in &expected {
            let got = fs::read_to_string(out.join(name)).unwrap();
            assert!(got == *tokens, "--threads {threads}: {name} differs");
        }
        assert_eq!(files_in(&out), expected.len(), "--threads {threads}");
    }
}

fn files_in(directory: &Path) -> usize {
    fs::read_dir(directory).unwrap().count()
}
