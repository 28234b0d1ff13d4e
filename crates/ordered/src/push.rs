//! The push engine: the caller hands blocks in one at a time (from inside whatever drives it,
//! such as a document reader's callbacks), worker threads work them, and the caller takes the
//! results back in input order.

use std::any::Any;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

/// Blocks pushed by the calling thread, worked on worker threads, their results handed back
/// to the calling thread in input order, at most `in_flight` at a time pushed and not yet
/// handed back (pushing waits, handing back what is ready, until there is room).
///
/// The first error in input order wins: results reach the sink in order, and the first error
/// the sink returns is returned, after which the caller stops pushing; blocks still queued are
/// not started once the feeder is dropped. A worker's panic is resumed on the calling thread
/// when its result would be handed back.
///
/// # Panics
///
/// When a worker panics (resumed with its payload), or when results are awaited from a
/// feeder spawned with no worker at all.
///
/// ```
/// use stemkit_ordered::Feeder;
///
/// let mut out = String::new();
/// std::thread::scope(|scope| {
///     let mut feeder = Feeder::spawn(scope, [(), ()], 4, |_: &mut (), word: &str| {
///         word.to_uppercase()
///     });
///     let mut sink = |upper: String| {
///         out.push_str(&upper);
///         Ok::<_, String>(())
///     };
///     for word in ["ordered ", "on ", "two ", "threads"] {
///         feeder.push(word, &mut sink)?;
///     }
///     feeder.finish(&mut sink)
/// })
/// .unwrap();
/// assert_eq!(out, "ORDERED ON TWO THREADS");
/// ```
pub struct Feeder<B, O> {
    /// Blocks for the workers, with their index; dropped to end the workers.
    jobs: Option<Sender<(u64, B)>>,
    done: Receiver<Done<O>>,
    /// Set when the feeder is dropped: blocks still queued are not started.
    stop: Arc<AtomicBool>,
    /// Blocks pushed and results handed back so far.
    pushed: u64,
    handed_back: u64,
    in_flight: u64,
    /// Results that came back ahead of the one to hand back next.
    waiting: BTreeMap<u64, O>,
}

/// What a worker sends back.
enum Done<O> {
    Worked(u64, O),
    /// A worker panicked: its block will never come.
    Panicked(Box<dyn Any + Send>),
}

impl<B: Send, O: Send> Feeder<B, O> {
    /// Starts a worker thread in `scope` for each state of `workers` (its own cache, say),
    /// each working blocks with `work`, at most `in_flight` (at least one) in flight.
    pub fn spawn<'scope, 'env, S, W>(
        scope: &'scope Scope<'scope, 'env>,
        workers: impl IntoIterator<Item = S>,
        in_flight: usize,
        work: W,
    ) -> Self
    where
        S: Send + 'scope,
        W: Fn(&mut S, B) -> O + Send + Clone + 'scope,
        B: 'scope,
        O: 'scope,
    {
        let (jobs, queue) = mpsc::channel();
        let queue = Arc::new(Mutex::new(queue));
        let (done_sender, done) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        for mut state in workers {
            let (queue, done, stop, work) = (
                Arc::clone(&queue),
                done_sender.clone(),
                Arc::clone(&stop),
                work.clone(),
            );
            scope.spawn(move || {
                let worked = panic::catch_unwind(AssertUnwindSafe(|| {
                    work_queue(&mut state, &work, &queue, &done, &stop);
                }));
                if let Err(payload) = worked {
                    let _ = done.send(Done::Panicked(payload));
                }
            });
        }
        Feeder {
            jobs: Some(jobs),
            done,
            stop,
            pushed: 0,
            handed_back: 0,
            in_flight: in_flight.max(1) as u64,
            waiting: BTreeMap::new(),
        }
    }

    /// Blocks pushed and not yet handed back.
    pub fn in_flight(&self) -> usize {
        (self.pushed - self.handed_back) as usize
    }

    /// Hands `block` to the workers, first handing results back to `sink` in order until
    /// fewer than `in_flight` are out. Returns the sink's first error.
    pub fn push<E>(&mut self, block: B, sink: impl FnMut(O) -> Result<(), E>) -> Result<(), E> {
        self.make_room(sink)?;
        let index = self.pushed;
        self.pushed += 1;
        if let Some(jobs) = &self.jobs {
            // Fails only if every worker is gone, which only a panic does: its message is
            // waiting, and handing back meets it.
            let _ = jobs.send((index, block));
        }
        Ok(())
    }

    /// Hands results back to `sink` in order until fewer than `in_flight` are out, so that the
    /// next push does not wait: a caller that recycles the buffers of results handed back
    /// calls it before taking buffers for the next block.
    pub fn make_room<E>(&mut self, mut sink: impl FnMut(O) -> Result<(), E>) -> Result<(), E> {
        while self.pushed - self.handed_back >= self.in_flight {
            self.hand_back_next(&mut sink)?;
        }
        Ok(())
    }

    /// Hands every result in flight back to `sink`, in order: what the caller writes next
    /// comes after all of them.
    pub fn finish<E>(&mut self, mut sink: impl FnMut(O) -> Result<(), E>) -> Result<(), E> {
        while self.handed_back < self.pushed {
            self.hand_back_next(&mut sink)?;
        }
        Ok(())
    }

    /// Waits for the next result in order and hands it to `sink`.
    fn hand_back_next<E>(&mut self, sink: &mut impl FnMut(O) -> Result<(), E>) -> Result<(), E> {
        loop {
            if let Some(result) = self.waiting.remove(&self.handed_back) {
                self.handed_back += 1;
                return sink(result);
            }
            match self.done.recv() {
                Ok(Done::Worked(index, result)) => {
                    self.waiting.insert(index, result);
                }
                Ok(Done::Panicked(payload)) => panic::resume_unwind(payload),
                // Workers stop only when the queue closes (the feeder dropped) or by a panic,
                // whose message comes first; so while the feeder lives, one is always there.
                Err(_) => unreachable!("every ordered worker stopped without a panic"),
            }
        }
    }
}

impl<B, O> Drop for Feeder<B, O> {
    /// Ends the workers: those working finish their block, none starts another.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.jobs = None;
    }
}

/// A worker: works blocks until the queue closes or the feeder is dropped.
fn work_queue<S, B, O>(
    state: &mut S,
    work: &impl Fn(&mut S, B) -> O,
    queue: &Mutex<Receiver<(u64, B)>>,
    done: &Sender<Done<O>>,
    stop: &AtomicBool,
) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((index, block)) = job else { return };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if done.send(Done::Worked(index, work(state, block))).is_err() {
            return;
        }
    }
}
