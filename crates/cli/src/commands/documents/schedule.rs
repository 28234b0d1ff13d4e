//! The order a directory's documents are processed in, so that two threads are twice as fast
//! as one whatever the mix of file sizes.
//!
//! Files are handed to the workers largest first (the "longest processing time" rule), so that
//! the files left at the end, when workers run out of work one by one, are the small ones. That
//! balances any mix of many files; it cannot balance a file that is a large share of the whole
//! (one 200 MB file among a few small ones would keep one worker busy while the others idle).
//! Such a file is processed on its own, before the rest, with every thread working on it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A file is processed on every thread only if it has at least this many bytes: its blocks
/// must keep every thread busy (see `Pipeline::with_threads`) for that to pay.
const WHOLE_POOL_MIN: u64 = 4 << 20;

/// How far the busiest worker may end after the ideal (an equal share each) before the largest
/// file is taken out of the shared queue: 5 %.
const SLACK: f64 = 1.05;

/// At most this many files are processed on every thread, one after the other: past a few,
/// the files left are small next to the whole.
const WHOLE_POOL_MAX_FILES: usize = 64;

/// Which inputs go where, by index.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Schedule {
    /// Processed one at a time, each on every thread; largest first.
    pub(super) whole_pool: Vec<usize>,
    /// Handed out to the workers one file each, in this order: largest first.
    pub(super) shared: Vec<usize>,
}

/// Plans the order for files of `sizes` bytes (unknown sizes as 0) on `threads` worker threads.
pub(super) fn plan(sizes: &[u64], threads: usize) -> Schedule {
    let mut shared: Vec<usize> = (0..sizes.len()).collect();
    // Largest first; equal sizes keep input order, so the plan is deterministic.
    shared.sort_by_key(|&index| (Reverse(sizes[index]), index));
    let mut whole_pool = Vec::new();
    if threads < 2 {
        return Schedule { whole_pool, shared };
    }
    while whole_pool.len() < WHOLE_POOL_MAX_FILES {
        let Some(&largest) = shared.first() else {
            break;
        };
        if sizes[largest] < WHOLE_POOL_MIN || balanced(sizes, &shared, threads) {
            break;
        }
        whole_pool.push(shared.remove(0));
    }
    Schedule { whole_pool, shared }
}

/// Whether handing out `order` largest first keeps `threads` workers within [`SLACK`] of an
/// equal share each: a simulation of the queue, each file going to the worker free first.
fn balanced(sizes: &[u64], order: &[usize], threads: usize) -> bool {
    let total: u64 = order.iter().map(|&index| sizes[index]).sum();
    let mut finish_times: BinaryHeap<Reverse<u64>> = (0..threads).map(|_| Reverse(0)).collect();
    let mut last_finish = 0;
    for &index in order {
        let Some(Reverse(free_at)) = finish_times.pop() else {
            return true;
        };
        let done_at = free_at + sizes[index];
        last_finish = last_finish.max(done_at);
        finish_times.push(Reverse(done_at));
    }
    let ideal = total as f64 / threads as f64;
    last_finish as f64 <= ideal * SLACK
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    #[test]
    fn many_similar_files_are_shared_largest_first() {
        let sizes: Vec<u64> = (0..200).map(|i| MB / 2 + (i % 7) * 1000).collect();
        let schedule = plan(&sizes, 2);
        assert!(schedule.whole_pool.is_empty());
        assert_eq!(schedule.shared.len(), 200);
        let in_order: Vec<u64> = schedule.shared.iter().map(|&i| sizes[i]).collect();
        assert!(in_order.windows(2).all(|pair| pair[0] >= pair[1]));
    }

    #[test]
    fn one_big_file_among_small_ones_gets_every_thread() {
        let sizes = [200 * 1024, 200 * MB, 300 * 1024];
        let schedule = plan(&sizes, 2);
        assert_eq!(schedule.whole_pool, [1]);
        assert_eq!(schedule.shared, [2, 0]);
    }

    #[test]
    fn three_equal_big_files_on_two_threads() {
        // Shared, one worker would do two of them alone: the first goes on both threads.
        let schedule = plan(&[40 * MB, 40 * MB, 40 * MB], 2);
        assert_eq!(schedule.whole_pool, [0]);
        assert_eq!(schedule.shared, [1, 2]);
        // On three threads, they balance.
        assert!(plan(&[40 * MB; 3], 3).whole_pool.is_empty());
    }

    #[test]
    fn small_files_never_go_on_every_thread() {
        // Unbalanced, but too small for blocks to pay.
        let schedule = plan(&[3 * MB, 1000], 2);
        assert!(schedule.whole_pool.is_empty());
        assert_eq!(schedule.shared, [0, 1]);
    }

    #[test]
    fn one_thread_shares_everything_and_empty_is_fine() {
        let schedule = plan(&[200 * MB, 1], 1);
        assert!(schedule.whole_pool.is_empty());
        assert_eq!(schedule.shared, [0, 1]);
        assert_eq!(
            plan(&[], 4),
            Schedule {
                whole_pool: vec![],
                shared: vec![]
            }
        );
    }

    #[test]
    fn the_whole_pool_is_bounded() {
        // Every file unbalanced against the rest: at most the cap go on every thread.
        let sizes: Vec<u64> = (0..100).map(|i| (1u64 << 40) >> (i / 2).min(30)).collect();
        let schedule = plan(&sizes, 2);
        assert!(schedule.whole_pool.len() <= WHOLE_POOL_MAX_FILES);
        assert_eq!(schedule.whole_pool.len() + schedule.shared.len(), 100);
    }
}
