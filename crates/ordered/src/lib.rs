//! Ordered parallelism: a stream of blocks worked on N threads, the results written in input
//! order, with a bounded number of blocks in flight so that memory stays flat.
//!
//! Two shapes, one contract:
//!
//! - [`run`] *pulls*: the engine asks a source for blocks. Every thread (the calling one among
//!   them) takes turns at reading the next block, works it, and hands it in; whichever hands in
//!   the block next in order writes it and any waiting after it. `N` threads in all, no reader
//!   or writer thread beside them (on two cores a third thread cost a tenth; see [`Tuning`]).
//! - [`Feeder`] is *pushed*: the caller, busy with something that drives it (a document reader
//!   calling back with text), hands blocks in one at a time and gets the results back in
//!   order; `N` worker threads work the blocks.
//!
//! Both: results reach the sink in input order; at most `in_flight` blocks are taken and not
//! yet written; the first error in input order wins (a later block's error found earlier is
//! never the one reported), and after it no more blocks are started; a panic in a worker (or
//! in the source or sink) reaches the caller with its payload, never a hang; one thread runs
//! inline, with no thread started.
//!
//! ```
//! // Square numbers on three threads; the output keeps the input's order.
//! let mut numbers = 0..100u64;
//! let mut out = Vec::new();
//! let mut workers = [(), (), ()];
//! stemkit_ordered::run(
//!     &mut workers,
//!     6,
//!     || Ok::<_, String>(numbers.next()),
//!     |_, n| n * n,
//!     |square| {
//!         out.push(square);
//!         Ok(())
//!     },
//! )
//! .unwrap();
//! assert_eq!(out, (0..100u64).map(|n| n * n).collect::<Vec<_>>());
//! ```

mod pool;
mod pull;
mod push;
mod tuning;

pub use pool::Pool;
pub use pull::run;
pub use push::Feeder;
pub use tuning::Tuning;
