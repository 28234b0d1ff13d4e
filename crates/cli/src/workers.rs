//! One pipeline per worker thread, for work handed out one piece at a time (a directory's
//! files, a dataset's chunks): each thread keeps its own pipeline warm from piece to piece.
//!
//! Per thread, not from a shared pool: a pool hands a freed pipeline to whichever thread asks
//! next, so a stem cache warmed in one core's caches would be read from another's. The
//! pipelines share one memory budget ([`Pipeline::one_of`]), so memory stays flat however many
//! threads there are; a pipeline's cache and buffers are only made when it is first used.
//!
//! Each pipeline sits on cache lines of its own ([`CachePadded`]): a pipeline writes its own
//! fields (buffer lengths, the stem cache's scratch) at every token, and two pipelines side by
//! side in one vector would have two cores take turns owning the line between them.

use std::num::NonZeroUsize;
use std::sync::Mutex;

use crossbeam_utils::CachePadded;

use stemkit_tokenizer::Pipeline;

/// A pipeline for each of a number of worker threads, and one for any other thread.
pub(crate) struct PerWorker {
    pipelines: Vec<CachePadded<Mutex<Pipeline>>>,
}

impl PerWorker {
    /// Copies of `template` for `workers` threads, together taking the memory of about one
    /// (the spare one, for other threads, is only made if used).
    pub(crate) fn new(template: &Pipeline, workers: usize) -> Self {
        let share = NonZeroUsize::new(workers).unwrap_or(NonZeroUsize::MIN);
        let template = template.clone().one_of(share);
        PerWorker {
            pipelines: (0..=share.get())
                .map(|_| CachePadded::new(Mutex::new(template.clone())))
                .collect(),
        }
    }

    /// The worker threads there are pipelines for.
    pub(crate) fn workers(&self) -> usize {
        self.pipelines.len() - 1
    }

    /// Runs `work` with the pipeline of worker `index` (the spare one past the last). Each
    /// worker locks only its own, so the lock never waits.
    pub(crate) fn with_worker<R>(&self, index: usize, work: impl FnOnce(&mut Pipeline) -> R) -> R {
        let last = self.pipelines.len() - 1;
        match self.pipelines[index.min(last)].lock() {
            Ok(mut pipeline) => work(&mut pipeline),
            // Only a panic while running poisons a lock; the pipeline itself is still sound.
            Err(poisoned) => work(&mut poisoned.into_inner()),
        }
    }

    /// Runs `work` with the calling rayon worker's pipeline (the spare one outside the pool).
    pub(crate) fn with<R>(&self, work: impl FnOnce(&mut Pipeline) -> R) -> R {
        let index = rayon::current_thread_index().unwrap_or(usize::MAX);
        self.with_worker(index, work)
    }
}
