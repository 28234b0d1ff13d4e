//! Group `porter2_vs_rust_stemmers`: stemkit's Porter2 variants and the rust-stemmers crate's
//! English stemmer on the same word lists. All three go through their `stem(&str) -> Cow<str>`
//! API, so allocation costs are alike.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use stemkit_benches::{english_vocabulary, news_tokens};
use stemkit_stemmer::{Algorithm, Stemmer};

pub(crate) fn bench(c: &mut Criterion) {
    let lists = [
        (
            "vocabulary",
            english_vocabulary().expect("corpus vocabulary"),
        ),
        (
            "news",
            news_tokens(50_000, crate::SEED).expect("news tokens"),
        ),
    ];
    let rust_stemmers = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut group = c.benchmark_group("porter2_vs_rust_stemmers");
    for (list, words) in &lists {
        group.throughput(Throughput::Elements(words.len() as u64));
        for algorithm in [Algorithm::Porter2, Algorithm::Porter2Nltk] {
            let stemmer = Stemmer::new(algorithm);
            let id = BenchmarkId::new(format!("stemkit-{}", algorithm.name()), list);
            group.bench_with_input(id, words, |b, words| {
                b.iter(|| {
                    for word in words {
                        black_box(stemmer.stem(word));
                    }
                });
            });
        }
        let id = BenchmarkId::new("rust-stemmers-english", list);
        group.bench_with_input(id, words, |b, words| {
            b.iter(|| {
                for word in words {
                    black_box(rust_stemmers.stem(word));
                }
            });
        });
    }
    group.finish();
}
