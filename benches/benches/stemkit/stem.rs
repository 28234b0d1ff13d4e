//! Group `stem`: every algorithm on the Porter test vocabulary (distinct, often rare words) and
//! on a news token stream (frequent short words repeating), in words per second.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use stemkit_benches::{news_tokens, porter_vocabulary};
use stemkit_stemmer::{Algorithm, Stemmer};

pub(crate) fn bench(c: &mut Criterion) {
    let lists = [
        (
            "vocabulary",
            porter_vocabulary().expect("corpus vocabulary"),
        ),
        (
            "news",
            news_tokens(50_000, crate::SEED).expect("news tokens"),
        ),
    ];
    let mut group = c.benchmark_group("stem");
    for (list, words) in &lists {
        group.throughput(Throughput::Elements(words.len() as u64));
        for algorithm in Algorithm::ALL {
            let stemmer = Stemmer::new(algorithm);
            group.bench_with_input(
                BenchmarkId::new(algorithm.name(), list),
                words,
                |b, words| {
                    let mut stem = String::new();
                    b.iter(|| {
                        for word in words {
                            stemmer.stem_into(word, &mut stem);
                            black_box(&stem);
                        }
                    });
                },
            );
        }
    }
    group.finish();
}
