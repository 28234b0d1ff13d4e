//! The `stemkit` command: a thin shell over the stemmer and tokenizer crates.

fn main() {}
