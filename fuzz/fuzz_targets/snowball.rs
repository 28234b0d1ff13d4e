//! Fuzz target `snowball`: any algorithm (by name on the first line) on any word never panics,
//! `stem`, `stem_into` and `explain` agree, and stemming the word in pieces gives the same stem.
//! The decoding and the checks live in the regression test's `snowball_case.rs`, shared by path.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/stemmer/tests/regressions/snowball_case.rs"]
mod case;

fuzz_target!(|data: &[u8]| {
    case::check(&case::decode(data));
});
