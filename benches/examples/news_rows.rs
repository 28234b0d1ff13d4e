//! Writes the rows of `cargo xtask bench --spark`: `news_rows OUT ROWS WORDS`, one row per line,
//! each `WORDS` whitespace-separated words of [`stemkit_benches::news_document`]'s news-like text
//! (capitals, commas, numbers and full stops kept; sentences run on across rows). Deterministic.
//!
//! Build: `cargo build --release -p stemkit-benches --example news_rows`.

use std::env;
use std::fs::File;
use std::io::{self, BufWriter, Write};

use stemkit_benches::news_document;

/// Bytes per word of the generated text, a little over its mean, so one document is enough.
const BYTES_PER_WORD: usize = 8;

fn main() -> io::Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    let [out, rows, words] = args.as_slice() else {
        return Err(io::Error::other("usage: news_rows OUT ROWS WORDS"));
    };
    let rows: usize = rows.parse().map_err(io::Error::other)?;
    let words: usize = words.parse().map_err(io::Error::other)?;
    let mut size = rows * words * BYTES_PER_WORD;
    let mut document = news_document(size, 7)?;
    // Body words only: the title line is not news text.
    while body_words(&document).count() < rows * words {
        size *= 2;
        document = news_document(size, 7)?;
    }
    let mut output = BufWriter::new(File::create(out)?);
    let all: Vec<&str> = body_words(&document).take(rows * words).collect();
    for row in all.chunks(words) {
        writeln!(output, "{}", row.join(" "))?;
    }
    output.flush()
}

fn body_words(document: &str) -> impl Iterator<Item = &str> {
    document
        .split_once('\n')
        .map_or("", |(_, body)| body)
        .split_whitespace()
}
