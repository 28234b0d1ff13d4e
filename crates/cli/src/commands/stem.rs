//! `stemkit stem`: one word per line in, one stem per line out, streamed through every core.
//!
//! The inputs are cut into blocks of whole lines, and [`stemkit_ordered::run`] shares them out:
//! each of the `--threads` threads (this one among them) in turn reads a block, stems it with
//! its own cache of recent stems, and writes whatever is next in input order, turning a
//! block's fault into the input's line and byte. The blocks in flight are bounded
//! ([`Tuning::WORD_LISTS`]), so memory stays flat whatever the size of the input; the threads
//! share fixed budgets for their caches and blocks, so it stays flat whatever `--threads`. A
//! line longer than a block comes in pieces, which the workers pass on untouched and the
//! writing thread stems in order with a [`GiantWordStemmer`], so memory stays flat whatever the
//! length of a line too.

use std::io::Write;
use std::thread;

use crossbeam_utils::CachePadded;
use stemkit_ordered::{Pool, Tuning};
use stemkit_stemmer::{CachedStemmer, GiantWordStemmer, Stemmer};
use stemkit_tokenizer::framing::Position;

use crate::args::StemArgs;
use crate::errors::{invalid_utf8, read_failed, usage, write_failed};
use crate::inputs::{self, Input, InputReader};
use crate::lines::{BlockKind, BlockReader, for_each_line, piece_text};
use crate::output::Output;
use crate::progress::{Progress, ProgressReader, total_size};

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
        lossy: args.utf8.lossy,
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

impl Plan<'_> {
    /// Reads, stems and writes on `threads` threads in turn, this one among them.
    fn run(&self, output: &mut Output, progress: &Progress) -> anyhow::Result<()> {
        let tuning = Tuning::WORD_LISTS;
        let in_flight = tuning.in_flight(self.threads);
        // Every block in flight, kept for reuse: a steady run allocates no buffer.
        let pool = Pool::new(in_flight);
        let mut reader = Reader {
            plan: self,
            progress,
            pool: &pool,
            block_size: tuning.block_size(self.threads),
            next_input: 0,
            current: None,
        };
        let mut writer = Writer {
            plan: self,
            output,
            lines: 0,
            bytes: 0,
            long_line: GiantWordStemmer::new(self.stemmer),
            stem: String::new(),
        };
        // Each thread's cache is its share of the budget, on cache lines of its own.
        let memory = CachedStemmer::SHARED_MEMORY / self.threads;
        let mut stemmers: Vec<_> = (0..self.threads)
            .map(|_| CachePadded::new(CachedStemmer::with_memory(self.stemmer, memory)))
            .collect();
        stemkit_ordered::run(
            &mut stemmers,
            in_flight,
            || reader.next_block(),
            |stemmer, block| self.stem_block(stemmer, block),
            |mut block| {
                writer.write(&mut block)?;
                pool.give(block);
                Ok(())
            },
        )
    }

    /// A worker's part: stems a block of lines with this thread's cache. Pieces of long lines
    /// go on to the writer as they are, since only it sees them in order.
    fn stem_block(&self, stemmer: &mut CachedStemmer, mut block: Block) -> Block {
        if block.kind != BlockKind::Lines {
            return block;
        }
        let stems = &mut block.stems;
        stems.clear();
        // Room for the stems and one fixed-size copy past the last.
        stems.reserve(block.text.len() + 64);
        let result = for_each_line(&block.text, block.starts_input, self.lossy, |text, word| {
            stemmer.append_stem_in(text, word, stems, Some(b'\n'));
        });
        block.result = Some(result);
        block
    }
}

/// Cuts every input in turn into blocks of about `block_size` bytes, each in buffers from
/// the pool.
struct Reader<'a> {
    plan: &'a Plan<'a>,
    progress: &'a Progress,
    pool: &'a Pool<Block>,
    block_size: usize,
    /// The input to open after the current one.
    next_input: usize,
    /// The input being read: its index, its reader, and whether a block of it has been read.
    current: Option<(usize, BlockReader<ProgressReader<'a, InputReader>>, bool)>,
}

impl Reader<'_> {
    /// The next block of the inputs, or `None` after the last.
    fn next_block(&mut self) -> anyhow::Result<Option<Block>> {
        let inputs = self.plan.inputs;
        loop {
            let Some((index, reader, started)) = &mut self.current else {
                let Some(input) = inputs.get(self.next_input) else {
                    return Ok(None);
                };
                let reader = BlockReader::new(self.progress.reader(input.open()?), self.block_size);
                self.current = Some((self.next_input, reader, false));
                self.next_input += 1;
                continue;
            };
            let mut block = self.pool.take();
            let kind = reader
                .next_block(&mut block.text)
                .map_err(|error| read_failed(&inputs[*index].name(), error))?;
            let Some(kind) = kind else {
                self.pool.give(block);
                self.current = None;
                self.progress.add_done(1);
                continue;
            };
            block.input = *index;
            block.starts_input = !std::mem::replace(started, true);
            block.kind = kind;
            return Ok(Some(block));
        }
    }
}

/// The writing side's state between blocks (whichever thread writes).
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
