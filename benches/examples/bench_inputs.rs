//! Writes the inputs of `cargo xtask bench`'s end-to-end section, built from `corpus/` only:
//! `bench_inputs DIR [--quick]`. Skips the work when DIR already holds this generator version's
//! complete set (its `complete` marker is written last).
//!
//! Build: `cargo build --release -p stemkit-benches --example bench_inputs`.

use std::env;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use stemkit_benches::{
    write_news_csv, write_news_document, write_news_jsonl, write_single_line_document,
    write_single_word_document, write_token_stream,
};

/// Bump when the generator's output changes, so stale inputs are rewritten.
const VERSION: &str = "bench-inputs v3";

/// How big each input is.
struct Sizes {
    tokens: usize,
    document_bytes: usize,
    single_line_bytes: usize,
    directory_files: usize,
    directory_file_bytes: usize,
    csv_records: usize,
}

const FULL: Sizes = Sizes {
    tokens: 5_000_000,
    document_bytes: 200_000_000,
    single_line_bytes: 64 << 20,
    directory_files: 200,
    directory_file_bytes: 500_000,
    csv_records: 100_000,
};

const QUICK: Sizes = Sizes {
    tokens: 500_000,
    document_bytes: 20_000_000,
    single_line_bytes: 8 << 20,
    directory_files: 40,
    directory_file_bytes: 250_000,
    csv_records: 10_000,
};

fn main() -> io::Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    let (Some(dir), quick) = (args.first(), args.iter().any(|a| a == "--quick")) else {
        return Err(io::Error::other("usage: bench_inputs DIR [--quick]"));
    };
    let dir = PathBuf::from(dir);
    let marker = dir.join("complete");
    if fs::read_to_string(&marker).is_ok_and(|text| text == VERSION) {
        return Ok(());
    }
    let sizes = if quick { QUICK } else { FULL };
    fs::create_dir_all(&dir)?;
    generate(&dir, &sizes)?;
    fs::write(marker, VERSION)
}

fn generate(dir: &Path, sizes: &Sizes) -> io::Result<()> {
    write_file(&dir.join("tokens.txt"), |out| {
        write_token_stream(out, sizes.tokens, 1)
    })?;
    write_file(&dir.join("document.txt"), |out| {
        write_news_document(out, sizes.document_bytes, 2)
    })?;
    write_file(&dir.join("single-line.txt"), |out| {
        write_single_line_document(out, sizes.single_line_bytes, 3)
    })?;
    write_file(&dir.join("single-word.txt"), |out| {
        write_single_word_document(out, sizes.single_line_bytes, 5)
    })?;
    let documents = dir.join("documents");
    if documents.exists() {
        fs::remove_dir_all(&documents)?;
    }
    fs::create_dir_all(&documents)?;
    for i in 0..sizes.directory_files {
        let path = documents.join(format!("doc-{i:04}.txt"));
        write_file(&path, |out| {
            write_news_document(out, sizes.directory_file_bytes, 100 + i as u64)
        })?;
    }
    write_file(&dir.join("news.csv"), |out| {
        write_news_csv(out, sizes.csv_records, 4)
    })?;
    write_file(&dir.join("news.jsonl"), |out| {
        write_news_jsonl(out, sizes.csv_records, 4)
    })
}

fn write_file(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    body(&mut out)?;
    out.flush()
}
