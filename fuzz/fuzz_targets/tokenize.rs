//! Fuzz target `tokenize`: any options on any text never panic, and every token comes from
//! the text: its range is a valid slice of it, in order, and without folding non-overlapping.
//! Cutting the text at the last safe cut of any prefix (as streaming readers do) changes no
//! token. The case and its checks are in `fuzz/checks/tokenize.rs`, shared with the regression
//! replays.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/tokenize.rs"]
mod checks;

fuzz_target!(|case: checks::Case| {
    checks::check(&case, &case);
});
