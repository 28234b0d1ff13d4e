//! Running a batch on several threads: the input cut into contiguous parts, one per thread,
//! the results in input order. The caller has released the GIL; a panic in any part reaches
//! the caller (and so Python, as an exception) when the threads are joined.

/// Words a thread should have at least: below it, starting a thread costs more than it saves.
pub(crate) const MIN_WORDS_PER_THREAD: usize = 2048;

/// `work` applied to contiguous parts of `items`, at least `min_per_thread` items each, on up
/// to `threads` threads (the calling thread being one of them), results in order.
pub(crate) fn map_parts<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    min_per_thread: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let parts = threads.min(items.len() / min_per_thread.max(1)).max(1);
    if parts == 1 {
        return vec![work(items)];
    }
    let size = items.len().div_ceil(parts);
    let work = &work;
    std::thread::scope(|scope| {
        let mut chunks = items.chunks(size);
        let first = chunks.next().unwrap_or(&[]);
        let handles: Vec<_> = chunks.map(|part| scope.spawn(move || work(part))).collect();
        let mut results = Vec::with_capacity(parts);
        results.push(work(first));
        for handle in handles {
            match handle.join() {
                Ok(result) => results.push(result),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    })
}

/// The per-thread share of the stem caches' memory budget.
pub(crate) fn cache_share(threads: usize) -> usize {
    stemkit_stemmer::CachedStemmer::SHARED_MEMORY / threads.max(1)
}
