//! stemkit's benchmarks, one criterion target with a module per group. `cargo xtask bench` runs
//! them and prints a summary; `cargo bench -p stemkit-benches -- --test` runs each once.

mod pipeline;
mod snowball;
mod stem;
mod tokenize;
mod versus;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

/// Modest times: the whole suite should take a few minutes on two shared cores.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

/// The seed of every generated input, so runs compare like with like.
const SEED: u64 = 2019;

criterion_group! {
    name = benches;
    config = config();
    targets = stem::bench, versus::bench, snowball::bench, tokenize::bench, pipeline::bench
}
criterion_main!(benches);
