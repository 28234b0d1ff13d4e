//! Group `snowball`: every Snowball algorithm on its own vocabulary (`corpus/snowball/`), stemkit's
//! `as_given().stem_into` (`stem_into` without lowercasing first, as Snowball, frostem and PyStemmer
//! stem; no cache, one thread, one reused buffer) beside the frostem crate (Snowball's own Rust
//! backend) on the same words. `cargo xtask bench` prints the ratios, and PyStemmer's.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use stemkit_benches::{SNOWBALL_VOCABULARIES, snowball_vocabulary};
use stemkit_stemmer::{Algorithm, Stemmer};

pub(crate) fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("snowball");
    // 37 languages times two contenders: short, flat samples (one pass over a vocabulary is
    // milliseconds, so a sample of one pass is already long enough to time).
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for name in SNOWBALL_VOCABULARIES {
        let words = snowball_vocabulary(name).expect("corpus/snowball vocabulary");
        group.throughput(Throughput::Elements(words.len() as u64));
        if let Ok(algorithm) = name.parse::<Algorithm>() {
            let stemmer = Stemmer::new(algorithm);
            group.bench_with_input(BenchmarkId::new("stemkit", name), &words, |b, words| {
                let mut stem = String::new();
                b.iter(|| {
                    for word in words {
                        stemmer.as_given().stem_into(word, &mut stem);
                        black_box(&stem);
                    }
                });
            });
        }
        if let Ok(algorithm) = frostem::Algorithm::from_name(name) {
            let stemmer = frostem::Stemmer::new(algorithm);
            group.bench_with_input(BenchmarkId::new("frostem", name), &words, |b, words| {
                b.iter(|| {
                    for word in words {
                        black_box(stemmer.stem(word));
                    }
                });
            });
        }
    }
    group.finish();
}
