//! Fuzz target `pipeline`: any bytes, invalid UTF-8 included, through `Pipeline::run` in both
//! layouts. Never panics; lossy never fails; strict fails exactly at the first invalid byte;
//! lossy output equals strict output on the input with invalid bytes replaced; and reading in
//! 7-byte chunks (which hands every longer token over in pieces) changes no output, with the
//! default options and with one of a few other option sets (Unicode words, folding, filters).
//! The checks are in `fuzz/checks/pipeline.rs`, shared with the regression replays.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/pipeline.rs"]
mod checks;

fuzz_target!(|input: &[u8]| {
    checks::check(input, &input);
});
