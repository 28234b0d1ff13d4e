//! The comparison program for `stemkit stem --algorithm porter2`: the same I/O contract (a word
//! per line on standard input, a stem per line on standard output) built on the rust-stemmers
//! crate's English stemmer. A plain buffered line loop with one reused line buffer, no cache and
//! no threads, so that the comparison measures the stemmer and the I/O contract.
//!
//! Build: `cargo build --release -p stemkit-benches --example rust_stemmers_stem`.

use std::io::{self, BufRead, BufReader, BufWriter, Write};

use rust_stemmers::{Algorithm, Stemmer};

fn main() -> io::Result<()> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut input = BufReader::with_capacity(256 * 1024, io::stdin().lock());
    let mut output = BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let word = line.strip_suffix('\n').unwrap_or(&line);
        let word = word.strip_suffix('\r').unwrap_or(word);
        output.write_all(stemmer.stem(word).as_bytes())?;
        output.write_all(b"\n")?;
    }
    output.flush()
}
