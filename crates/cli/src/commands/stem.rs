//! `stemkit stem`: one word per line in, one stem per line out, streamed through every core.
//!
//! This thread reads the inputs in blocks of whole lines; worker threads stem blocks, each with
//! its own cache of recent stems; a writer thread puts the stems out in input order and turns a
//! block's fault into the input's line and byte. A fixed pool of buffers bounds the blocks in
//! flight, so memory stays flat whatever the size of the input; the threads share fixed budgets
//! for their caches and blocks, so it stays flat whatever `--threads`. A line longer than a block
//! comes in pieces, which the workers pass on untouched and the writer stems in order with a
//! [`GiantWordStemmer`], so memory stays flat whatever the length of a line too.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use stemkit_stemmer::{CachedStemmer, GiantWordStemmer, Stemmer};
use stemkit_tokenizer::framing::Position;

use crate::args::StemArgs;
use crate::errors::{invalid_utf8, read_failed, usage, write_failed};
use crate::inputs::{self, Input};
use crate::lines::{self, BlockKind, BlockReader, for_each_line, piece_text};
use crate::output::Output;
use crate::progress::{Progress, total_size};

/// Blocks in flight per stemming thread: enough that no thread waits for work while one block
/// is read and another written.
const BLOCKS_PER_THREAD: usize = 3;
/// Input bytes of all the blocks in flight, at most: blocks are [`lines::BLOCK`] up to two
/// threads, smaller beyond, down to [`MIN_BLOCK`] at 64. A block's stems take about as much again.
const BLOCKS_BUDGET: usize = 8 << 20;
/// The smallest block, whatever the threads: smaller, handing blocks out would cost more than
/// stemming them.
const MIN_BLOCK: usize = 32 << 10;

/// Stems every line of every input into the output, preserving the line count and order.
pub(crate) fn run(args: &StemArgs) -> anyhow::Result<()> {
    let inputs = inputs::discover(&args.files)?;
    if inputs.has_directories {
        return Err(usage("stem reads word lists: give files, not directories"));
    }
    let progress = Progress::new("files", total_size(inputs.inputs.iter().map(|i| i.size)));
    let threads = match args.threads {
        Some(threads) => usize::from(threads).max(1),
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
    /// Whole lines, for a worker to stem, or a piece of a long line, for the writer.
    kind: BlockKind,
    text: Vec<u8>,
    stems: Vec<u8>,
    /// Once stemmed: the lines stemmed, or the fault that stopped the block.
    result: Option<Result<u64, Position>>,
}

/// The reader's end of the pool of blocks: those written come back through `free`.
struct Pool<'a> {
    free: &'a Receiver<Block>,
    /// Blocks back from the writer and not yet reused.
    held: Vec<Block>,
}

impl Pool<'_> {
    /// A free block; `None` once the writer has stopped.
    fn take(&mut self) -> Option<Block> {
        self.held.pop().or_else(|| self.free.recv().ok())
    }
}

impl Plan<'_> {
    /// Reads on this thread, stems on `threads` workers, writes on one more.
    fn run(&self, output: &mut Output, progress: &Progress) -> anyhow::Result<()> {
        let in_flight = self.threads * BLOCKS_PER_THREAD;
        let block_size = (BLOCKS_BUDGET / in_flight).clamp(MIN_BLOCK, lines::BLOCK);
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
            let read = self.read_blocks(&free, &job_sender, block_size, progress, &stop);
            drop(job_sender);
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("the writer thread failed")));
            // The writer's error comes earlier in the output than any read error after it.
            written.and(read)
        })
    }

    /// Cuts every input into blocks of about `block_size` bytes for the workers, each in
    /// buffers from the free pool.
    fn read_blocks(
        &self,
        free: &Receiver<Block>,
        jobs: &Sender<Block>,
        block_size: usize,
        progress: &Progress,
        stop: &AtomicBool,
    ) -> anyhow::Result<()> {
        let mut pool = Pool {
            free,
            held: Vec::new(),
        };
        let mut sequence = 0;
        for (index, input) in self.inputs.iter().enumerate() {
            let mut reader = BlockReader::new(progress.reader(input.open()?), block_size);
            let mut starts_input = true;
            loop {
                let Some(mut block) = pool.take() else {
                    return Ok(()); // the writer stopped and said why
                };
                if stop.load(Ordering::Relaxed) {
                    return Ok(());
                }
                let kind = reader
                    .next_block(&mut block.text)
                    .map_err(|error| read_failed(&input.name(), error))?;
                let Some(kind) = kind else {
                    // Kept for the next input: a pool that lost a block per input would run dry.
                    pool.held.push(block);
                    break;
                };
                block.sequence = sequence;
                block.input = index;
                block.starts_input = starts_input;
                block.kind = kind;
                sequence += 1;
                starts_input = false;
                if jobs.send(block).is_err() {
                    return Ok(());
                }
            }
            progress.add_done(1);
        }
        Ok(())
    }

    /// A worker: stems blocks of lines until there are no more, with a cache of its own (its
    /// share of the budget). Pieces of long lines go on to the writer as they are, since only
    /// it sees them in order.
    fn stem_blocks(&self, jobs: &Mutex<Receiver<Block>>, done: &Sender<Block>) {
        let mut stemmer =
            CachedStemmer::with_memory(self.stemmer, CachedStemmer::SHARED_MEMORY / self.threads);
        loop {
            let job = match jobs.lock() {
                Ok(jobs) => jobs.recv(),
                Err(_) => return,
            };
            let Ok(mut block) = job else { return };
            if block.kind != BlockKind::Lines {
                if done.send(block).is_err() {
                    return;
                }
                continue;
            }
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
        let mut writer = Writer {
            plan: self,
            output,
            lines: 0,
            bytes: 0,
            long_line: GiantWordStemmer::new(self.stemmer),
            stem: String::new(),
        };
        for block in done {
            waiting.insert(block.sequence, block);
            while let Some(mut block) = waiting.remove(&next) {
                next += 1;
                writer.write(&mut block)?;
                // The reader may have stopped; then the buffers are simply dropped.
                let _ = free.send(block);
            }
        }
        Ok(())
    }
}

/// The writer thread's state between blocks.
struct Writer<'a> {
    plan: &'a Plan<'a>,
    output: &'a mut Output,
    /// Lines and bytes of the current input before the next block.
    lines: u64,
    bytes: u64,
    /// The stemmer of the long line whose pieces are coming.
    long_line: GiantWordStemmer,
    /// The stem of the last piece, on its way out.
    stem: String,
}

impl Writer<'_> {
    /// Writes the stems of the next block in input order; a fault in it becomes an error naming
    /// the line and byte in its input.
    fn write(&mut self, block: &mut Block) -> anyhow::Result<()> {
        if block.starts_input {
            (self.lines, self.bytes) = (0, 0);
        }
        let walked = match block.kind {
            BlockKind::Lines => {
                self.put(&block.stems)?;
                block.result.take().unwrap_or(Ok(0))
            }
            BlockKind::Piece { last } => self.stem_piece(block, last)?,
        };
        match walked {
            Ok(lines) => self.lines += lines,
            Err(fault) => {
                let name = self.plan.inputs[block.input].name();
                let fault = fault.after(self.lines, self.bytes);
                return Err(invalid_utf8(&name, fault.line, fault.byte));
            }
        }
        self.bytes += block.text.len() as u64;
        Ok(())
    }

    /// Stems a piece of a long line and writes what of the stem is settled (all of it, and the
    /// line end, after the last piece). Returns the lines ended, or the piece's fault.
    ///
    /// A fault stops the run with part of the line's stem already written: holding it back
    /// would mean holding the whole line.
    fn stem_piece(&mut self, block: &Block, last: bool) -> anyhow::Result<Result<u64, Position>> {
        let text = match piece_text(&block.text, block.starts_input, last, self.plan.lossy) {
            Ok(text) => text,
            Err(fault) => return Ok(Err(fault)),
        };
        let mut stem = std::mem::take(&mut self.stem);
        stem.clear();
        self.long_line.push(&text, &mut stem);
        if last {
            self.long_line.finish(&mut stem);
            stem.push('\n');
        }
        let written = self.put(stem.as_bytes());
        self.stem = stem;
        written.map(|()| Ok(u64::from(last)))
    }

    /// Writes stems to the output.
    fn put(&mut self, stems: &[u8]) -> anyhow::Result<()> {
        self.output
            .write_all(stems)
            .map_err(|error| write_failed(&self.output.name(), error))
    }
}
