//! The ordered engines' contract: order kept under random delays, bounded in flight, the first
//! error in input order wins, nothing started after a failure, panics reach the caller, and
//! one thread runs inline.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use stemkit_ordered::{Feeder, Pool, Tuning, run};

/// A delay of 0 to 300 µs that looks random, different for each block.
fn jitter(n: u64) -> Duration {
    let mixed = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) % 300;
    Duration::from_micros(mixed)
}

/// The panic message of a caught payload.
fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[test]
fn order_is_kept_under_random_delays() {
    for threads in [1, 2, 3, 8] {
        for in_flight in [1, 2, 5, 32] {
            let mut numbers = 0..500u64;
            let mut out = Vec::new();
            let mut workers = vec![(); threads];
            run(
                &mut workers,
                in_flight,
                || Ok::<_, ()>(numbers.next()),
                |_, n| {
                    thread::sleep(jitter(n));
                    n * 3
                },
                |n| {
                    out.push(n);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(out, (0..500).map(|n| n * 3).collect::<Vec<_>>());
        }
    }
}

#[test]
fn blocks_in_flight_stay_bounded() {
    for (threads, in_flight) in [(1, 1), (2, 1), (2, 3), (4, 5), (8, 8)] {
        let read = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut numbers = 0..300u64;
        let mut workers = vec![(); threads];
        run(
            &mut workers,
            in_flight,
            || {
                let out = read.fetch_add(1, Ordering::SeqCst) + 1 - written.load(Ordering::SeqCst);
                most.fetch_max(out, Ordering::SeqCst);
                Ok::<_, ()>(numbers.next())
            },
            |_, n| thread::sleep(jitter(n)),
            |()| {
                written.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        let most = most.load(Ordering::SeqCst);
        assert!(
            most <= in_flight,
            "{most} blocks in flight at {threads} threads, bound {in_flight}"
        );
    }
}

/// Work results with errors at blocks 10 (slow to find) and 12 (found at once).
fn slow_early_error(n: u64) -> Result<u64, String> {
    match n {
        10 => {
            thread::sleep(Duration::from_millis(50));
            Err("block 10".to_owned())
        }
        12 => Err("block 12".to_owned()),
        _ => Ok(n),
    }
}

#[test]
fn first_error_in_input_order_wins_even_when_found_later() {
    for threads in [1, 2, 4] {
        let mut numbers = 0..1000u64;
        let mut out = Vec::new();
        let mut workers = vec![(); threads];
        let result = run(
            &mut workers,
            8,
            || Ok(numbers.next()),
            |_, n| slow_early_error(n),
            |worked| {
                out.push(worked?);
                Ok(())
            },
        );
        assert_eq!(result, Err("block 10".to_owned()));
        assert_eq!(out, (0..10).collect::<Vec<_>>(), "written before the error");
    }
}

#[test]
fn a_read_error_takes_its_place_in_order() {
    // A work error before the read error wins; after it, the read error wins.
    for (bad_work, expected) in [(5, "work 5"), (40, "read 20")] {
        let mut numbers = 0..1000u64;
        let mut workers = vec![(); 3];
        let result = run(
            &mut workers,
            8,
            || match numbers.next() {
                Some(20) => Err("read 20".to_owned()),
                next => Ok(next),
            },
            |_, n| {
                thread::sleep(jitter(n));
                if n == bad_work {
                    Err(format!("work {n}"))
                } else {
                    Ok(n)
                }
            },
            |worked| worked.map(drop),
        );
        assert_eq!(result, Err(expected.to_owned()));
    }
}

#[test]
fn nothing_is_started_after_a_failure() {
    for threads in [1, 2, 4] {
        let in_flight = 6;
        let started = AtomicUsize::new(0);
        let mut numbers = 0..100_000u64;
        let mut workers = vec![(); threads];
        let result = run(
            &mut workers,
            in_flight,
            || Ok(numbers.next()),
            |_, n| {
                started.fetch_add(1, Ordering::SeqCst);
                n
            },
            |n| if n == 30 { Err(n) } else { Ok(()) },
        );
        assert_eq!(result, Err(30));
        // Blocks 0..=30, and at most those in flight after the failing one.
        let started = started.load(Ordering::SeqCst);
        assert!(
            started <= 31 + in_flight,
            "{started} blocks started at {threads} threads"
        );
        assert!(numbers.next().is_some());
    }
}

#[test]
fn panics_reach_the_caller_with_their_payload() {
    for threads in [1, 2, 4] {
        for place in ["source", "work", "sink"] {
            let mut numbers = 0..1000u64;
            let mut workers = vec![(); threads];
            let caught = panic::catch_unwind(AssertUnwindSafe(|| {
                run(
                    &mut workers,
                    4,
                    || {
                        let n = numbers.next();
                        assert!(!(place == "source" && n == Some(7)), "boom in {place}");
                        Ok::<_, ()>(n)
                    },
                    |_, n| {
                        thread::sleep(jitter(n));
                        assert!(!(place == "work" && n == 7), "boom in {place}");
                        n
                    },
                    |n| {
                        assert!(!(place == "sink" && n == 7), "boom in {place}");
                        Ok(())
                    },
                )
            }));
            let payload = caught.expect_err("the panic reaches the caller");
            assert_eq!(
                message(&*payload),
                format!("boom in {place}"),
                "{threads} threads"
            );
        }
    }
}

#[test]
fn one_worker_runs_inline() {
    let caller = thread::current().id();
    let mut numbers = 0..50u64;
    let mut sum = 0;
    run(
        &mut [()],
        4,
        || {
            assert_eq!(thread::current().id(), caller);
            Ok::<_, ()>(numbers.next())
        },
        |_, n| {
            assert_eq!(thread::current().id(), caller);
            n
        },
        |n| {
            assert_eq!(thread::current().id(), caller);
            sum += n;
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(sum, (0..50).sum::<u64>());
}

#[test]
fn each_worker_keeps_its_own_state() {
    let mut counts = vec![0u64; 4];
    let mut numbers = 0..400u64;
    run(
        &mut counts,
        8,
        || Ok::<_, ()>(numbers.next()),
        |count, n| {
            *count += 1;
            thread::sleep(jitter(n));
        },
        |()| Ok(()),
    )
    .unwrap();
    assert_eq!(counts.iter().sum::<u64>(), 400);
}

#[test]
fn the_feeder_keeps_order_and_bounds_what_is_in_flight() {
    for (threads, in_flight) in [(1, 1), (2, 3), (4, 8)] {
        let mut out = Vec::new();
        thread::scope(|scope| {
            let mut feeder = Feeder::spawn(scope, vec![(); threads], in_flight, |_: &mut (), n| {
                thread::sleep(jitter(n));
                n + 1
            });
            let mut most = 0;
            for n in 0..300u64 {
                feeder
                    .push(n, |m| {
                        out.push(m);
                        Ok::<_, ()>(())
                    })
                    .unwrap();
                most = most.max(feeder.in_flight());
            }
            feeder
                .finish(|m| {
                    out.push(m);
                    Ok::<_, ()>(())
                })
                .unwrap();
            assert!(most <= in_flight);
            assert_eq!(feeder.in_flight(), 0);
        });
        assert_eq!(out, (1..=300).collect::<Vec<_>>());
    }
}

#[test]
fn the_feeder_reports_the_first_error_in_order_and_starts_nothing_after() {
    let started = AtomicUsize::new(0);
    let result = thread::scope(|scope| {
        let started = &started;
        let mut feeder = Feeder::spawn(scope, vec![(); 3], 6, move |_: &mut (), n| {
            started.fetch_add(1, Ordering::SeqCst);
            slow_early_error(n)
        });
        for n in 0..10_000 {
            feeder.push(n, |worked| worked.map(drop))?;
        }
        feeder.finish(|worked| worked.map(drop))
    });
    assert_eq!(result, Err("block 10".to_owned()));
    let started = started.load(Ordering::SeqCst);
    assert!(started <= 11 + 6, "{started} blocks started");
}

#[test]
fn a_feeder_worker_panic_reaches_the_caller() {
    let caught = panic::catch_unwind(|| {
        thread::scope(|scope| {
            let mut feeder = Feeder::spawn(scope, vec![(); 2], 4, |_: &mut (), n: u64| {
                assert!(n != 5, "boom at {n}");
                n
            });
            for n in 0..100 {
                feeder.push(n, |_| Ok::<_, ()>(()))?;
            }
            feeder.finish(|_| Ok::<_, ()>(()))
        })
    });
    let payload = caught.expect_err("the panic reaches the caller");
    assert_eq!(message(&*payload), "boom at 5");
}

#[test]
fn a_pool_recycles_up_to_its_keep() {
    let pool: Pool<Vec<u8>> = Pool::new(2);
    for _ in 0..3 {
        pool.give(Vec::with_capacity(100));
    }
    assert_eq!(pool.take().capacity(), 100);
    assert_eq!(pool.take().capacity(), 100);
    assert_eq!(pool.take().capacity(), 0, "the third was dropped");
    const { assert!(Tuning::KEPT_BUFFERS > 2 * Tuning::RECORDS.max_in_flight) };
}
