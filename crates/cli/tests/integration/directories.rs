//! Directory inputs: every `*.txt` below, mirrored under `-o DIR`, in parallel.

use std::fs;
use std::path::Path;

use crate::{corpus, corpus_bytes, process_directory, stemkit, temp_dir};

/// Every file below `root` with its contents, by relative path, sorted.
fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(root, root, &mut files);
    files.sort();
    files
}

#[test]
fn a_directory_is_mirrored() {
    let dir = temp_dir();
    let docs = dir.path().join("docs");
    fs::create_dir_all(docs.join("licences/deeper")).unwrap();
    fs::copy(corpus("pairs/gpl-3.0/raw.txt"), docs.join("gpl.txt")).unwrap();
    fs::copy(
        corpus("pairs/apache-2.0/raw.txt"),
        docs.join("licences/apache.txt"),
    )
    .unwrap();
    fs::write(
        docs.join("licences/deeper/tiny.txt"),
        "Tiny\nRunning ponies\n",
    )
    .unwrap();
    fs::write(docs.join("licences/notes.md"), "not a .txt file\n").unwrap();
    let out = dir.path().join("out");
    let output = stemkit()
        .arg("process")
        .arg(&docs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{output:?}"
    );
    let expected = vec![
        (
            "gpl.txt".to_owned(),
            corpus_bytes("pairs/gpl-3.0/stemmed.txt"),
        ),
        (
            "licences/apache.txt".to_owned(),
            corpus_bytes("pairs/apache-2.0/stemmed.txt"),
        ),
        (
            "licences/deeper/tiny.txt".to_owned(),
            b"Tiny\nrun\nponi\n".to_vec(),
        ),
    ];
    assert!(
        tree(&out) == expected,
        "mirrored tree differs: {:?}",
        tree(&out).iter().map(|f| &f.0).collect::<Vec<_>>()
    );
}

#[test]
fn one_thread_and_two_threads_write_the_same_tree() {
    let dir = temp_dir();
    let docs = dir.path().join("docs");
    let raw = fs::read_to_string(corpus("pairs/reuters-venezuela-defections/raw.txt")).unwrap();
    let lines: Vec<&str> = raw.lines().collect();
    for i in 0..40 {
        let sub = docs.join(format!("part{}", i % 4));
        fs::create_dir_all(&sub).unwrap();
        let body: Vec<&str> = lines
            .iter()
            .cycle()
            .skip(i)
            .take(1 + i % 7)
            .copied()
            .collect();
        fs::write(
            sub.join(format!("doc{i:02}.txt")),
            format!("Doc {i}\n{}\n", body.join("\n")),
        )
        .unwrap();
    }
    let run = |threads: &str| {
        let out = dir.path().join(format!("out{threads}"));
        process_directory(&docs, &out, threads);
        tree(&out)
    };
    let one = run("1");
    assert_eq!(one.len(), 40);
    assert!(one == run("2"), "--threads 1 and --threads 2 differ");
    // Spot-check one file by hand: its title passes verbatim.
    assert!(one[0].1.starts_with(b"Doc 0\n"));
}

/// A document of `copies` copies of a reference pair's body under its title, and what the
/// reference says it stems to.
fn repeated_pair(pair: &str, copies: usize) -> (String, Vec<u8>) {
    let raw = fs::read_to_string(corpus(&format!("pairs/{pair}/raw.txt"))).unwrap();
    let stemmed = fs::read_to_string(corpus(&format!("pairs/{pair}/stemmed.txt"))).unwrap();
    let (title, body) = raw.split_once('\n').unwrap();
    let (stemmed_title, stems) = stemmed.split_once('\n').unwrap();
    assert_eq!(title, stemmed_title);
    let body = format!("{}\n", body.trim_end_matches('\n'));
    let input = format!("{title}\n{}", body.repeat(copies));
    let expected = format!("{title}\n{}", stems.repeat(copies));
    (input, expected.into_bytes())
}

#[test]
fn big_files_among_small_ones_are_stemmed_as_the_reference_pairs_say() {
    // Files of more than 4 MiB that the workers could not share out evenly are processed
    // first, each on every thread: their output must not change.
    let dir = temp_dir();
    let docs = dir.path().join("docs");
    fs::create_dir_all(docs.join("small")).unwrap();
    let big = repeated_pair("apache-2.0", 600);
    let bigger = repeated_pair("gpl-3.0", 500);
    let small = repeated_pair("apache-2.0", 1);
    assert!(big.0.len() > 6 << 20 && bigger.0.len() > 2 * big.0.len());
    fs::write(docs.join("big.txt"), &big.0).unwrap();
    fs::write(docs.join("bigger.txt"), &bigger.0).unwrap();
    for i in 0..5 {
        fs::write(docs.join(format!("small/{i}.txt")), &small.0).unwrap();
    }
    let mut expected = vec![
        ("big.txt".to_owned(), big.1),
        ("bigger.txt".to_owned(), bigger.1),
    ];
    expected.extend((0..5).map(|i| (format!("small/{i}.txt"), small.1.clone())));
    for threads in ["1", "2", "3"] {
        let out = dir.path().join(format!("out{threads}"));
        process_directory(&docs, &out, threads);
        let written = tree(&out);
        assert_eq!(written.len(), expected.len(), "--threads {threads}");
        for (file, want) in written.iter().zip(&expected) {
            assert!(file == want, "--threads {threads}: {} differs", file.0);
        }
    }
}

#[test]
fn a_directory_needs_an_output_directory() {
    let dir = temp_dir();
    fs::write(dir.path().join("a.txt"), "A\nb\n").unwrap();
    let output = stemkit().arg("process").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("-o"),
        "{output:?}"
    );
}
