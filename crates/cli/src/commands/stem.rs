//! `stemkit stem`: one word per line in, one stem per line out, streamed through every core.
//!
//! This thread reads the inputs in blocks of whole lines; worker threads stem blocks, each with
//! its own cache of recent stems; a writer thread puts the stems out in input order and turns a
//! block's fault into the input's line and byte. A fixed pool of buffers bounds the blocks in
//! flight, so memory stays flat whatever the size of the input.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use stemkit_stemmer::{CachedStemmer, Stemmer};

use crate::args::StemArgs;
use crate::errors::{invalid_utf8, read_failed, usage, write_failed};
use crate::inputs::{self, Input};
use crate::lines::{BLOCK, BlockFault, BlockReader, for_each_line};
use crate::output::Output;
use crate::progress::{Progress, total_size};

/// Blocks in flight per stemming thread: enough that no thread waits for work while one block
/// is read and another written.
const BLOCKS_PER_THREAD: usize = 3;
/// A buffer grown past this (by a line of megabytes) is freed once written rather than
/// recycled: the pool would otherwise keep a giant line's memory for the rest of the run.
const KEPT_BUFFER: usize = 4 * BLOCK;

/// Stems every line of every input into the output, preserving the line count and order.
pub(crate) fn run(args: &StemArgs) -> anyhow::Result<()> {
    let inputs = inputs::discover(&args.files)?;
    if inputs.has_directories {
        return Err(usage("stem reads word lists: give files, not directories"));
    }
    let progress = Progress::new("files", total_size(inputs.inputs.iter().map(|i| i.size)));
    let threads = match args.threads {
        Some(threads) => usize::from(threads),
        None => thread::available_parallelism().map_or(1, usize::from),
    };
    let mut output = Output::create(args.output.as_deref())?;
    let plan = Plan {
        inputs: &inputs.inputs,
        stemmer: Stemmer::new(args.algorithm.algorithm),
        lossy: args.lossy,
        threads,
    };
    plan.run(&mut output, &progress)?;
    output.commit()
}

/// What one run stems, and how.
struct Plan<'a> {
    inputs: &'a [Input],
    stemmer: Stemmer,
    lossy: bool,
    threads: usize,
}

/// A block of lines on its way through the threads, with the buffers it travels in.
#[derive(Default)]
struct Block {
    /// Position in the whole run: the writer puts blocks out in this order.
    sequence: u64,
    /// Index of the input the lines come from.
    input: usize,
    /// Whether the block starts its input (where a byte-order mark is dropped).
    starts_input: bool,
    text: Vec<u8>,
    stems: Vec<u8>,
    /// Once stemmed: the lines stemmed, or the fault that stopped the block.
    result: Option<Result<u64, BlockFault>>,
}

/// The reader's end of the pool of blocks: those written come back through `free`.
struct Pool<'a> {
    free: &'a Receiver<Block>,
    /// Blocks back from the writer and not yet reused.
    held: Vec<Block>,
    /// All the blocks there are.
    size: usize,
}

impl Pool<'_> {
    /// A free block; `None` once the writer has stopped.
    fn take(&mut self) -> Option<Block> {
        self.held.pop().or_else(|| self.free.recv().ok())
    }

    /// Waits until every block is back; `false` if the writer stopped first.
    fn wait_for_all(&mut self) -> bool {
        while self.held.len() < self.size {
            match self.free.recv() {
                Ok(block) => self.held.push(block),
                Err(_) => return false,
            }
        }
        true
    }
}

impl Block {
    /// Drops buffers a giant line made grow, so the pool stays small.
    fn free_giant_buffers(&mut self) {
        if self.text.capacity() > KEPT_BUFFER {
            self.text = Vec::new();
        }
        if self.stems.capacity() > KEPT_BUFFER {
            self.stems = Vec::new();
        }
    }
}

impl Plan<'_> {
    /// Reads on this thread, stems on `threads` workers, writes on one more.
    fn run(&self, output: &mut Output, progress: &Progress) -> anyhow::Result<()> {
        let in_flight = self.threads * BLOCKS_PER_THREAD;
        let (free_sender, free) = mpsc::channel();
        for _ in 0..in_flight {
            let _ = free_sender.send(Block::default());
        }
        let (job_sender, jobs) = mpsc::channel::<Block>();
        let jobs = Arc::new(Mutex::new(jobs));
        let (done_sender, done) = mpsc::channel::<Block>();
        let stop = AtomicBool::new(false);
        thread::scope(|scope| {
            for _ in 0..self.threads {
                let jobs = Arc::clone(&jobs);
                let done = done_sender.clone();
                scope.spawn(move || self.stem_blocks(&jobs, &done));
            }
            drop(done_sender);
            // The writer owns the pool's only sender: if it stops, the reader's wait ends.
            let (plan, stop_flag) = (self, &stop);
            let writer =
                scope.spawn(move || plan.write_in_order(&done, &free_sender, output, stop_flag));
            let read = self.read_blocks(&free, &job_sender, progress, &stop);
            drop(job_sender);
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("the writer thread failed")));
            // The writer's error comes earlier in the output than any read error after it.
            written.and(read)
        })
    }

    /// Cuts every input into blocks for the workers, each in buffers from the free pool.
    ///
    /// After a block holding a giant line, waits until every block is back in the pool before
    /// reading on: otherwise further giant lines would be read while earlier ones and their
    /// stems are still in memory.
    fn read_blocks(
        &self,
        free: &Receiver<Block>,
        jobs: &Sender<Block>,
        progress: &Progress,
        stop: &AtomicBool,
    ) -> anyhow::Result<()> {
        let mut pool = Pool {
            free,
            held: Vec::new(),
            size: self.threads * BLOCKS_PER_THREAD,
        };
        let mut sequence = 0;
        for (index, input) in self.inputs.iter().enumerate() {
            let mut reader = BlockReader::new(progress.reader(input.open()?));
            let mut starts_input = true;
            loop {
                let Some(mut block) = pool.take() else {
                    return Ok(()); // the writer stopped and said why
                };
                if stop.load(Ordering::Relaxed) {
                    return Ok(());
                }
                let more = reader
                    .next_block(&mut block.text)
                    .map_err(|error| read_failed(&input.name(), error))?;
                if !more {
                    // Kept for the next input: a pool that lost a block per input would run dry.
                    pool.held.push(block);
                    break;
                }
                block.sequence = sequence;
                block.input = index;
                block.starts_input = starts_input;
                sequence += 1;
                starts_input = false;
                let giant = block.text.len() > KEPT_BUFFER;
                if jobs.send(block).is_err() || (giant && !pool.wait_for_all()) {
                    return Ok(());
                }
            }
            progress.add_done(1);
        }
        Ok(())
    }

    /// A worker: stems blocks until there are no more, with a cache of its own.
    fn stem_blocks(&self, jobs: &Mutex<Receiver<Block>>, done: &Sender<Block>) {
        let mut stemmer = CachedStemmer::new(self.stemmer);
        loop {
            let job = match jobs.lock() {
                Ok(jobs) => jobs.recv(),
                Err(_) => return,
            };
            let Ok(mut block) = job else { return };
            let stems = &mut block.stems;
            stems.clear();
            // Room for the stems and one fixed-size copy past the last.
            stems.reserve(block.text.len() + 64);
            let result =
                for_each_line(&block.text, block.starts_input, self.lossy, |text, word| {
                    stemmer.append_stem_in(text, word, stems, Some(b'\n'));
                });
            block.result = Some(result);
            if done.send(block).is_err() {
                return;
            }
        }
    }

    /// Writes stemmed blocks in input order and hands their buffers back to the reader. Stops
    /// at the first fault (after the stems of the lines before it) or failed write.
    fn write_in_order(
        &self,
        done: &Receiver<Block>,
        free: &Sender<Block>,
        output: &mut Output,
        stop: &AtomicBool,
    ) -> anyhow::Result<()> {
        let result = self.write_all_blocks(done, free, output);
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        result
    }

    fn write_all_blocks(
        &self,
        done: &Receiver<Block>,
        free: &Sender<Block>,
        output: &mut Output,
    ) -> anyhow::Result<()> {
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        // Lines and bytes of the current input before the next block.
        let (mut lines, mut bytes) = (0, 0);
        for block in done {
            waiting.insert(block.sequence, block);
            while let Some(mut block) = waiting.remove(&next) {
                next += 1;
                if block.starts_input {
                    (lines, bytes) = (0, 0);
                }
                output
                    .write_all(&block.stems)
                    .map_err(|error| write_failed(&output.name(), error))?;
                match block.result {
                    Some(Ok(count)) => lines += count,
                    Some(Err(fault)) => {
                        let name = self.inputs[block.input].name();
                        return Err(invalid_utf8(
                            &name,
                            lines + fault.line + 1,
                            bytes + fault.byte,
                        ));
                    }
                    None => {}
                }
                bytes += block.text.len() as u64;
                block.free_giant_buffers();
                // The reader may have stopped; then the buffers are simply dropped.
                let _ = free.send(block);
            }
        }
        Ok(())
    }
}
