//! Group `tokenize`: the tokenizer alone on a generated 1 MiB news-like document, in bytes per
//! second, in the pair's ASCII mode and in Unicode (UAX #29) mode.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use stemkit_benches::news_document;
use stemkit_tokenizer::{TokenMode, Tokenizer, TokenizerOptions};

pub(crate) fn bench(c: &mut Criterion) {
    let document = news_document(1 << 20, crate::SEED).expect("news document");
    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(document.len() as u64));
    for (name, mode) in [("ascii", TokenMode::Ascii), ("unicode", TokenMode::Unicode)] {
        let options = TokenizerOptions {
            mode,
            ..TokenizerOptions::default()
        };
        let mut tokenizer = Tokenizer::new(options);
        group.bench_with_input(BenchmarkId::new(name, "news-1MiB"), &document, |b, text| {
            b.iter(|| {
                let mut count = 0usize;
                tokenizer.tokenize(text, |token| count += token.text.len());
                black_box(count)
            });
        });
    }
    group.finish();
}
