//! Every tuning number of the ordered runs (blocks in flight, block sizes), each with the
//! measurement behind it: the one place to look before changing how the threads are fed.
//!
//! The rule, for each kind of input: `in_flight(t) = min(per_thread * t + extra, max_in_flight)`
//! blocks may be read and not yet written on `t` threads, each of
//! `block_size(t) = clamp(budget / in_flight(t), min_block, max_block)` bytes of input. So the
//! input held in blocks stays under `budget` (their outputs take about as much again) whatever
//! the threads, and blocks shrink only when threads are many.

/// How many blocks are in flight and how big they are, for one kind of input.
///
/// ```
/// use stemkit_ordered::Tuning;
///
/// // Word lists: 1 MiB blocks up to two threads, smaller beyond, 8 MiB of input at most.
/// let words = Tuning::WORD_LISTS;
/// assert_eq!((words.in_flight(1), words.block_size(1)), (3, 1 << 20));
/// assert_eq!((words.in_flight(8), words.block_size(8)), (24, 349_525));
/// assert_eq!(words.block_size(64), 43_690);
/// assert_eq!(words.block_size(100), 32 << 10);
/// // Dataset records: 256 KiB chunks, eight in flight at most.
/// assert_eq!(Tuning::RECORDS.in_flight(2), 5);
/// assert_eq!(Tuning::RECORDS.in_flight(16), 8);
/// assert_eq!(Tuning::RECORDS.block_size(64), 256 << 10);
/// // Documents: a block's share of 4 MiB, two blocks in flight per thread.
/// assert_eq!(Tuning::DOCUMENTS.budget_share(2), 1 << 20);
/// assert_eq!(Tuning::DOCUMENTS.block_size(2), 512 << 10);
/// assert_eq!(Tuning::DOCUMENTS.block_size(64), 32 << 10);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tuning {
    /// Blocks in flight per thread.
    pub per_thread: usize,
    /// Blocks in flight beyond `per_thread` per thread.
    pub extra: usize,
    /// Blocks in flight at most, whatever the threads.
    pub max_in_flight: usize,
    /// Input bytes of all the blocks in flight, at most (down to `min_block` each).
    pub budget: usize,
    /// The smallest block: smaller, handing blocks out would cost more than working them.
    pub min_block: usize,
    /// The largest block.
    pub max_block: usize,
}

impl Tuning {
    /// `stemkit stem`: word lists, one word per line, cut into blocks of whole lines.
    ///
    /// - 1 MiB blocks (`max_block`), three in flight per thread (`per_thread`): one being
    ///   stemmed, one read, one written, so that no thread waits (e9474b0, where stemming
    ///   5M words went onto every core; 61 Mwords/s on two cores in the README's table).
    /// - 8 MiB of input in flight (`budget`), blocks down to 43 KiB at 64 threads and to
    ///   32 KiB (`min_block`) beyond 85 (003498f): peaks of 14 / 23 / 36 / 36 / 36 / 45 MB at 1 / 2 / 4 / 8 / 16 / 64
    ///   threads on the 5M-word list (README), where before they grew with the threads.
    pub const WORD_LISTS: Tuning = Tuning {
        per_thread: 3,
        extra: 0,
        max_in_flight: usize::MAX,
        budget: 8 << 20,
        min_block: 32 << 10,
        max_block: 1 << 20,
    };

    /// `stemkit process --input-format csv|jsonl`: chunks of whole dataset records.
    ///
    /// - 256 KiB chunks (`min_block = max_block`): big enough that a chunk's overheads
    ///   vanish, small enough that a chunk and its output are still in cache when written;
    ///   they scaled better than 1 MiB or 4 MiB on the 157 MB CSV, with less memory (e71deb1).
    /// - `2t + 1` chunks in flight, eight at most: enough that every thread has one while the
    ///   oldest is still being rendered; the CSV peaks at 9 / 15 / 26 / 27 / 29 / 30 MB at
    ///   1 / 2 / 4 / 8 / 16 / 64 threads (README).
    /// - Read and written by the workers in turn, no third thread (8edbbf4): on the 157 MB
    ///   CSV, 7 alternating rounds on tmpfs, medians `--threads 1` 0.94 s, `--threads 2`
    ///   0.49 s (1.92x; CPU 0.94 vs 0.96 s), where a reader-writer thread beside the workers
    ///   gave 0.98 / 0.57 s (1.72x; CPU 0.97 vs 1.08 s).
    pub const RECORDS: Tuning = Tuning {
        per_thread: 2,
        extra: 1,
        max_in_flight: 8,
        budget: 8 * (256 << 10),
        min_block: 256 << 10,
        max_block: 256 << 10,
    };

    /// `stemkit process` and `tokenize` of one document on several threads: body blocks cut
    /// at line ends or safe cuts.
    ///
    /// - 512 KiB blocks (`max_block`, the pipeline's default block size): handing a block to a
    ///   thread costs nothing next to rendering it (da42f49).
    /// - Two in flight per thread (`per_thread`): one being rendered, one waiting.
    /// - 4 MiB of body in flight (`budget`): blocks keep their size up to four threads and
    ///   shrink beyond, to 32 KiB (`min_block`) at 64 (baabe12): peaks of 8 / 18 / 31 / 33 /
    ///   40 / 44 MB at 1 / 2 / 4 / 8 / 16 / 64 threads on a 200 MB document (README).
    pub const DOCUMENTS: Tuning = Tuning {
        per_thread: 2,
        extra: 0,
        max_in_flight: usize::MAX,
        budget: 4 << 20,
        min_block: 32 << 10,
        max_block: 512 << 10,
    };

    /// Spare block buffers a [`crate::Pool`] keeps at most: more than are ever in flight
    /// (a chunk and its output for each of eight dataset chunks), so a steady run allocates
    /// nothing (5bd74c2: allocating and freeing megabytes per chunk cost page faults and
    /// unmapping in the kernel, on the writing thread too).
    pub const KEPT_BUFFERS: usize = 64;

    /// Blocks read and not yet written at most, on `threads` threads (at least one).
    pub fn in_flight(&self, threads: usize) -> usize {
        self.per_thread
            .saturating_mul(threads.max(1))
            .saturating_add(self.extra)
            .min(self.max_in_flight)
            .max(1)
    }

    /// Input bytes per block on `threads` threads: [`Self::budget_share`], at most
    /// `max_block`.
    pub fn block_size(&self, threads: usize) -> usize {
        self.budget_share(threads).min(self.max_block)
    }

    /// Each block's share of the budget on `threads` threads, at least `min_block`: the most
    /// a block may take (a caller asking for bigger blocks than `max_block` gets up to this).
    pub fn budget_share(&self, threads: usize) -> usize {
        (self.budget / self.in_flight(threads)).max(self.min_block)
    }
}
