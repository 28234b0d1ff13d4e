//! Project automation: `cargo xtask ci | fuzz | bench | snapshots`.
fn main() {}
