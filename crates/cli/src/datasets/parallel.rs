//! A dataset on several threads, each doing every part of the work in turn: it reads the next
//! chunk (one thread at a time), renders it with its own pipeline, and hands it in; whoever
//! hands in the chunk next in input order writes it, and any that were waiting for it.
//!
//! Why no thread of its own for reading and writing: that third thread, busy a tenth of the
//! time, shared two cores with two workers, and each time it ran it evicted a worker and its
//! caches; a 157 MB CSV then took 10–25 % more CPU on two threads than on one. Like the
//! directory mode, where each worker reads and writes its own files, there are now as many
//! threads as `--threads` says, the calling thread one of them.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread;

use super::faults::Fault;
use super::{Buffers, Chunk, Rendered, Renderers, Sink, Source};

/// Chunks read but not yet written, at most (each about a quarter megabyte in, half out).
const MAX_IN_FLIGHT: u64 = 8;

/// Renders every chunk of `source` on the workers of `renderers` and writes them in input
/// order; a bounded number in flight, so that memory stays flat whatever the thread count.
pub(super) fn process(
    source: &mut Source<'_>,
    renderers: &Renderers,
    sink: &mut Sink<'_>,
) -> anyhow::Result<()> {
    let threads = renderers.pipelines.workers();
    // Enough to keep every worker busy while the oldest chunk is still being rendered.
    let in_flight = (2 * threads as u64 + 1).min(MAX_IN_FLIGHT);
    let name = source.name.clone();
    let buffers = source.buffers;
    let shared = Shared {
        reading: Mutex::new(Reading {
            source,
            next: 0,
            finished: false,
        }),
        writing: Mutex::new(Writing { sink, name }),
        handed_in: Mutex::new(BTreeMap::new()),
        written: Mutex::new(0),
        room: Condvar::new(),
        in_flight,
        buffers,
        stop: AtomicBool::new(false),
        failure: Mutex::new(None),
    };
    thread::scope(|scope| {
        for worker in 1..threads {
            let shared = &shared;
            scope.spawn(move || shared.work(worker, renderers));
        }
        shared.work(0, renderers);
    });
    let Shared {
        reading,
        written,
        failure,
        ..
    } = shared;
    if let Some(error) = into_inner(failure) {
        return Err(error);
    }
    let (taken, written) = (into_inner(reading).next, into_inner(written));
    // Every chunk read is handed in, and the last to hand one in writes what is left.
    if taken != written {
        anyhow::bail!("{taken} chunks were read but {written} written");
    }
    Ok(())
}

/// What the workers share.
struct Shared<'s, 'a, 'w> {
    reading: Mutex<Reading<'s, 'a>>,
    writing: Mutex<Writing<'s, 'w>>,
    /// Chunks rendered (or that could not be read) and not yet written, by index.
    handed_in: Mutex<BTreeMap<u64, Piece>>,
    /// The chunks written so far; `room` tells when it grows.
    written: Mutex<u64>,
    room: Condvar,
    in_flight: u64,
    buffers: &'a Buffers,
    /// Set once the run has failed (or a worker panicked): nothing more is read or written.
    stop: AtomicBool,
    /// Why the run failed: the first fault in input order, a read or write error.
    failure: Mutex<Option<anyhow::Error>>,
}

/// The reading side: one worker at a time takes the next chunk.
struct Reading<'s, 'a> {
    source: &'s mut Source<'a>,
    /// The index of the next chunk to read.
    next: u64,
    finished: bool,
}

/// The writing side: one worker at a time writes the chunks that are next in order.
struct Writing<'s, 'a> {
    sink: &'s mut Sink<'a>,
    /// The input's name, for messages.
    name: String,
}

/// A chunk handed in: rendered (or with its fault), or the read error found in its place.
enum Piece {
    Rendered(Result<Rendered, Fault>),
    ReadFailed(anyhow::Error),
}

impl Shared<'_, '_, '_> {
    /// A worker's loop: take a chunk, render it, hand it in, until the input ends or the run
    /// fails.
    fn work(&self, worker: usize, renderers: &Renderers) {
        let _alarm = PanicAlarm(self);
        while let Some((index, chunk)) = self.take_chunk() {
            let piece = match chunk {
                Ok(chunk) => {
                    let rendered = renderers.render(worker, &chunk, self.buffers);
                    self.buffers.put(chunk.bytes);
                    Piece::Rendered(rendered)
                }
                Err(error) => Piece::ReadFailed(error),
            };
            self.hand_in(index, piece);
        }
    }

    /// The next chunk and its index, once fewer than `in_flight` are unwritten; a read error
    /// comes in the chunk's place, and ends the reading. `None` at the end or once stopped.
    fn take_chunk(&self) -> Option<(u64, anyhow::Result<Chunk>)> {
        let mut reading = lock(&self.reading);
        if reading.finished || self.stopped() {
            return None;
        }
        self.wait_for_room(reading.next);
        if self.stopped() {
            return None;
        }
        let index = reading.next;
        let chunk = match reading.source.next_chunk() {
            Ok(Some(chunk)) => Ok(chunk),
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
        Some((index, chunk))
    }

    /// Waits until chunk `index` may be read: fewer than `in_flight` before it unwritten.
    fn wait_for_room(&self, index: u64) {
        let written = lock(&self.written);
        let waited = self.room.wait_while(written, |written| {
            index - *written >= self.in_flight && !self.stop.load(Ordering::Relaxed)
        });
        drop(waited);
    }

    /// Hands in chunk `index`, and writes it with those after it if it is next in order and
    /// no other worker is writing. A worker that is writing looks once more for chunks handed
    /// in meanwhile before it lets go, so none is left behind.
    fn hand_in(&self, index: u64, piece: Piece) {
        lock(&self.handed_in).insert(index, piece);
        loop {
            let mut writing = match self.writing.try_lock() {
                Ok(writing) => writing,
                // The worker writing will find this chunk when it looks again.
                Err(TryLockError::WouldBlock) => return,
                Err(TryLockError::Poisoned(_)) => return self.fail(panicked()),
            };
            while let Some(piece) = self.take_next() {
                if let Err(error) = writing.write(piece) {
                    return self.fail(error);
                }
                self.count_written();
            }
            drop(writing);
            // A chunk handed in after the last look, while the lock was held, is still waiting.
            if !self.next_is_waiting() {
                return;
            }
        }
    }

    /// Takes the chunk next in order, if it has been handed in and the run goes on.
    fn take_next(&self) -> Option<Piece> {
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

    /// One more chunk written: room for one more to be read.
    fn count_written(&self) {
        *lock(&self.written) += 1;
        self.room.notify_all();
    }

    /// Ends the run with `error`, unless it has already failed.
    fn fail(&self, error: anyhow::Error) {
        lock(&self.failure).get_or_insert(error);
        self.stop.store(true, Ordering::Relaxed);
        // A worker waiting for room must see the stop: notify under the lock it waits with.
        let written = lock(&self.written);
        self.room.notify_all();
        drop(written);
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Writing<'_, '_> {
    /// Writes a chunk handed in, or reports what went wrong in its place.
    fn write(&mut self, piece: Piece) -> anyhow::Result<()> {
        match piece {
            Piece::Rendered(rendered) => self.sink.write(&self.name, rendered),
            Piece::ReadFailed(error) => Err(error),
        }
    }
}

/// Stops the run when its worker panics, so that no other waits for the lost chunk.
struct PanicAlarm<'s, 'x, 'y, 'z>(&'s Shared<'x, 'y, 'z>);

impl Drop for PanicAlarm<'_, '_, '_, '_> {
    fn drop(&mut self) {
        if thread::panicking() {
            self.0.fail(panicked());
        }
    }
}

fn panicked() -> anyhow::Error {
    anyhow::anyhow!("a worker thread failed")
}

/// Locks `mutex`; a lock poisoned by a panic still guards sound data (the panic is reported).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}
