//! Writes the news token stream of `cargo xtask bench --python`, built from `corpus/` only:
//! `news_tokens FILE COUNT`, one lowercased token per line (the stream the end-to-end section's
//! `tokens.txt` is cut from, at any length).
//!
//! Build: `cargo build --release -p stemkit-benches --example news_tokens`.

use std::env;
use std::fs::File;
use std::io::{self, BufWriter, Write};

use stemkit_benches::write_token_stream;

/// The seed of the end-to-end token stream, so both sections stem the same words.
const SEED: u64 = 1;

fn main() -> io::Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    let [file, count] = args.as_slice() else {
        return Err(io::Error::other("usage: news_tokens FILE COUNT"));
    };
    let count: usize = count
        .parse()
        .map_err(|_| io::Error::other(format!("COUNT must be a number, not `{count}`")))?;
    let mut out = BufWriter::new(File::create(file)?);
    write_token_stream(&mut out, count, SEED)?;
    out.flush()
}
