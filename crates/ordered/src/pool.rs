//! Buffers recycled from block to block: allocating and freeing megabytes per block costs page
//! faults and unmapping in the kernel, on the writing thread too.

use std::sync::{Mutex, PoisonError};

/// A pool of spare values (block buffers), shared by the threads of a run: take one where a
/// block is read, give it back where its result has been written.
///
/// ```
/// use stemkit_ordered::Pool;
///
/// let pool: Pool<Vec<u8>> = Pool::new(4);
/// let mut buffer = pool.take();
/// buffer.extend_from_slice(b"a block");
/// let capacity = buffer.capacity();
/// buffer.clear();
/// pool.give(buffer);
/// assert_eq!(pool.take().capacity(), capacity); // the same buffer, its memory kept
/// ```
#[derive(Debug, Default)]
pub struct Pool<T> {
    spare: Mutex<Vec<T>>,
    /// Spare values kept at most; more given back are dropped.
    keep: usize,
}

impl<T: Default> Pool<T> {
    /// An empty pool that keeps at most `keep` spare values (more than are ever in flight, so
    /// that a steady run allocates nothing; see [`crate::Tuning::KEPT_BUFFERS`]).
    pub fn new(keep: usize) -> Self {
        Pool {
            spare: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// A spare value, or a new default one if none is spare.
    pub fn take(&self) -> T {
        self.spare
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_default()
    }

    /// Gives `value` back for reuse (the caller clears it first), or drops it if the pool
    /// holds enough.
    pub fn give(&self, value: T) {
        let mut spare = self.spare.lock().unwrap_or_else(PoisonError::into_inner);
        if spare.len() < self.keep {
            spare.push(value);
        }
    }
}
