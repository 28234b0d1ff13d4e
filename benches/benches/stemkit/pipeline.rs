//! Group `pipeline`: whole documents through `Pipeline::run` into a sink, in bytes per second:
//! `process` (tokenize + NLTK Porter, one stem per line) and `tokenize` (no stemmer, line per line).

use std::io;

use criterion::{BenchmarkId, Criterion, Throughput};
use stemkit_benches::news_document;
use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Layout, Pipeline, TokenizerOptions};

pub(crate) fn bench(c: &mut Criterion) {
    let document = news_document(1 << 20, crate::SEED).expect("news document");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(document.len() as u64));
    let runs = [
        ("process", Some(Algorithm::PorterNltk), Layout::TokenPerLine),
        ("tokenize", None, Layout::LinePerLine),
    ];
    for (name, algorithm, layout) in runs {
        let mut pipeline = Pipeline::new(TokenizerOptions::default(), algorithm);
        group.bench_with_input(BenchmarkId::new(name, "news-1MiB"), &document, |b, text| {
            b.iter(|| {
                pipeline
                    .run(text.as_bytes(), io::sink(), layout, false)
                    .expect("a generated document is valid UTF-8")
            });
        });
    }
    group.finish();
}
