//! One pipeline per worker thread, for work handed out one piece at a time (a directory's
//! files, a dataset's chunks): each thread keeps its own pipeline warm from piece to piece.
//!
//! Per thread, not from a shared pool: a pool hands a freed pipeline to whichever thread asks
//! next, so a stem cache warmed in one core's caches would be read from another's. The
//! pipelines share one memory budget ([`Pipeline::one_of`]), so memory stays flat however many
//! threads there are; a pipeline's cache and buffers are only made when it is first used.

use std::num::NonZeroUsize;
use std::sync::Mutex;

use stemkit_tokenizer::Pipeline;

/// A pipeline for each thread of rayon's pool, and one for any other thread.
pub(crate) struct PerWorker {
    pipelines: Vec<Mutex<Pipeline>>,
}

impl PerWorker {
    /// Copies of `template`, one per thread, together taking the memory of about one (the
    /// one for threads outside the pool is never used by the callers here, so never made).
    pub(crate) fn new(template: &Pipeline) -> Self {
        let threads = rayon::current_num_threads();
        let share = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
        let template = template.clone().one_of(share);
        PerWorker {
            pipelines: (0..=threads)
                .map(|_| Mutex::new(template.clone()))
                .collect(),
        }
    }

    /// Runs `work` with the calling thread's own pipeline. Each thread locks only its own, so
    /// the lock never waits.
    pub(crate) fn with<R>(&self, work: impl FnOnce(&mut Pipeline) -> R) -> R {
        let last = self.pipelines.len() - 1;
        let index = rayon::current_thread_index().map_or(last, |index| index.min(last));
        match self.pipelines[index].lock() {
            Ok(mut pipeline) => work(&mut pipeline),
            // Only a panic while running poisons a lock; the pipeline itself is still sound.
            Err(poisoned) => work(&mut poisoned.into_inner()),
        }
    }
}
