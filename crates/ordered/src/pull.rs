//! The pull engine: every thread takes turns at reading the next block, works it, hands it in,
//! and writes whatever is next in input order; the calling thread is one of them.
//!
//! Why no thread of its own for reading and writing: on a 157 MB CSV at `--threads 2` on two
//! cores, such a third thread, busy a tenth of the time, kept evicting a worker and its caches
//! (10–25 % more CPU than one thread; see [`crate::Tuning::RECORDS`]).

use std::any::Any;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread;

/// Works every block of `source` on one thread per element of `workers` (each worker's own
/// state, such as a warm cache) and passes each result to `sink` in input order, with at most
/// `in_flight` blocks (at least one) read and not yet written.
///
/// The calling thread is the first worker; with one worker everything runs inline, no thread
/// started. The source is called by one thread at a time, as is the sink, which may run on any
/// of the threads. Returns the first error in input order: the source's (in the place of the
/// block it failed to read) or the sink's (which decides whether a result is an error); after
/// it no more blocks are read or started, and nothing more is written. A panic in `source`,
/// `work` or `sink` stops the run and is resumed on the calling thread once every worker has
/// stopped.
///
/// # Panics
///
/// If `workers` is empty, or when one of the closures panics (resumed with its payload).
///
/// ```
/// // Two workers, each counting the blocks it worked; results still come in order.
/// let mut lines = ["a", "bb", "ccc", "dddd"].into_iter();
/// let mut lengths = Vec::new();
/// let mut counts = [0, 0];
/// stemkit_ordered::run(
///     &mut counts,
///     4,
///     || Ok::<_, String>(lines.next()),
///     |count, line| {
///         *count += 1;
///         line.len()
///     },
///     |length| {
///         lengths.push(length);
///         Ok(())
///     },
/// )
/// .unwrap();
/// assert_eq!(lengths, [1, 2, 3, 4]);
/// assert_eq!(counts.iter().sum::<i32>(), 4);
///
/// // The first error in input order wins, whichever is found first.
/// let mut numbers = 0..1000;
/// let error = stemkit_ordered::run(
///     &mut counts,
///     8,
///     || Ok(numbers.next()),
///     |_, n| n,
///     |n| if n % 100 == 99 { Err(format!("{n} is bad")) } else { Ok(()) },
/// );
/// assert_eq!(error, Err("99 is bad".to_owned()));
/// ```
pub fn run<S, B, O, E>(
    workers: &mut [S],
    in_flight: usize,
    mut source: impl FnMut() -> Result<Option<B>, E> + Send,
    work: impl Fn(&mut S, B) -> O + Sync,
    mut sink: impl FnMut(O) -> Result<(), E> + Send,
) -> Result<(), E>
where
    S: Send,
    B: Send,
    O: Send,
    E: Send,
{
    let Some((first, others)) = workers.split_first_mut() else {
        panic!("stemkit_ordered::run needs at least one worker");
    };
    if others.is_empty() {
        while let Some(block) = source()? {
            sink(work(first, block))?;
        }
        return Ok(());
    }
    let shared = Shared {
        reading: Mutex::new(Reading {
            source,
            next: 0,
            finished: false,
        }),
        writing: Mutex::new(sink),
        handed_in: Mutex::new(BTreeMap::new()),
        written: Mutex::new(0),
        room: Condvar::new(),
        in_flight: in_flight.max(1) as u64,
        stop: AtomicBool::new(false),
        failure: Mutex::new(None),
        panic: Mutex::new(None),
    };
    thread::scope(|scope| {
        let (shared, work) = (&shared, &work);
        for state in others {
            scope.spawn(move || shared.work_caught(state, work));
        }
        shared.work_caught(first, work);
    });
    if let Some(payload) = into_inner(shared.panic) {
        panic::resume_unwind(payload);
    }
    match into_inner(shared.failure) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// What the threads share.
struct Shared<Src, Snk, O, E> {
    reading: Mutex<Reading<Src>>,
    writing: Mutex<Snk>,
    /// Blocks worked (or that could not be read) and not yet written, by index.
    handed_in: Mutex<BTreeMap<u64, Result<O, E>>>,
    /// The blocks written so far; `room` tells when it grows.
    written: Mutex<u64>,
    room: Condvar,
    in_flight: u64,
    /// Set once the run has failed or a thread panicked: nothing more is read or written.
    stop: AtomicBool,
    /// The first error in input order (errors are only met while writing, in order).
    failure: Mutex<Option<E>>,
    /// The first panic's payload, resumed on the calling thread.
    panic: Mutex<Option<Box<dyn Any + Send>>>,
}

/// The reading side: one thread at a time takes the next block.
struct Reading<Src> {
    source: Src,
    /// The index of the next block to read.
    next: u64,
    finished: bool,
}

impl<Src, Snk, B, O, E> Shared<Src, Snk, O, E>
where
    Src: FnMut() -> Result<Option<B>, E>,
    Snk: FnMut(O) -> Result<(), E>,
{
    /// A worker's loop, its panic caught: recorded, and the run stopped, so that no thread
    /// waits for the block it held.
    fn work_caught<S>(&self, state: &mut S, work: &impl Fn(&mut S, B) -> O) {
        let worked = panic::catch_unwind(AssertUnwindSafe(|| self.work(state, work)));
        if let Err(payload) = worked {
            lock(&self.panic).get_or_insert(payload);
            self.stop_all();
        }
    }

    /// Takes a block, works it, hands it in, until the source ends or the run stops.
    fn work<S>(&self, state: &mut S, work: &impl Fn(&mut S, B) -> O) {
        while let Some((index, block)) = self.take_block() {
            if self.stopped() {
                return; // never to be written: not worth working
            }
            let result = block.map(|block| work(state, block));
            self.hand_in(index, result);
        }
    }

    /// The next block and its index, once fewer than `in_flight` are unwritten; a read error
    /// comes in the block's place and ends the reading. `None` at the end or once stopped.
    fn take_block(&self) -> Option<(u64, Result<B, E>)> {
        // Poisoned: the source panicked, and the run is stopping.
        let Ok(mut reading) = self.reading.lock() else {
            return None;
        };
        if reading.finished || self.stopped() {
            return None;
        }
        self.wait_for_room(reading.next);
        if self.stopped() {
            return None;
        }
        let index = reading.next;
        let block = match (reading.source)() {
            Ok(Some(block)) => Ok(block),
            Ok(None) => {
                reading.finished = true;
                return None;
            }
            Err(error) => {
                reading.finished = true;
                Err(error)
            }
        };
        reading.next += 1;
        Some((index, block))
    }

    /// Waits until block `index` may be read: fewer than `in_flight` before it unwritten.
    fn wait_for_room(&self, index: u64) {
        let written = lock(&self.written);
        let waited = self
            .room
            .wait_while(written, |written| {
                index - *written >= self.in_flight && !self.stopped()
            })
            .unwrap_or_else(PoisonError::into_inner);
        drop(waited);
    }

    /// Hands in block `index`, and writes it with those after it if it is next in order and
    /// no other thread is writing. A thread that is writing looks once more for blocks handed
    /// in meanwhile before it lets go, so none is left behind.
    fn hand_in(&self, index: u64, result: Result<O, E>) {
        lock(&self.handed_in).insert(index, result);
        loop {
            let mut sink = match self.writing.try_lock() {
                Ok(sink) => sink,
                // The thread writing will find this block when it looks again.
                Err(TryLockError::WouldBlock) => return,
                // A sink panicked: the run is stopping.
                Err(TryLockError::Poisoned(_)) => return,
            };
            while let Some(result) = self.take_next() {
                if let Err(error) = result.and_then(&mut *sink) {
                    return self.fail(error);
                }
                self.count_written();
            }
            drop(sink);
            // A block handed in after the last look, while the lock was held, is still waiting.
            if !self.next_is_waiting() {
                return;
            }
        }
    }

    /// Takes the block next in order, if it has been handed in and the run goes on.
    fn take_next(&self) -> Option<Result<O, E>> {
        if self.stopped() {
            return None;
        }
        let next = *lock(&self.written);
        lock(&self.handed_in).remove(&next)
    }

    fn next_is_waiting(&self) -> bool {
        let next = *lock(&self.written);
        !self.stopped() && lock(&self.handed_in).contains_key(&next)
    }

    /// One more block written: room for one more to be read.
    fn count_written(&self) {
        *lock(&self.written) += 1;
        self.room.notify_all();
    }

    /// Ends the run with `error` (met in input order, so the first one is kept).
    fn fail(&self, error: E) {
        lock(&self.failure).get_or_insert(error);
        self.stop_all();
    }

    /// Stops the run: no block is read, started or written any more.
    fn stop_all(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // A thread waiting for room must see the stop: notify under the lock it waits with.
        let written = lock(&self.written);
        self.room.notify_all();
        drop(written);
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Locks `mutex`; a lock poisoned by a panic still guards sound data (the panic is resumed).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}
