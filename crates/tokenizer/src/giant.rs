//! Giant words: tokens too long to hold, streamed through in pieces in bounded memory.
//!
//! A line longer than a read is cut where a cut changes no token ([`crate::boundaries`]); a
//! line with no such cut is one giant token, perhaps after a few characters that make none.
//! [`rules`] says where such a token starts and how far each piece of text continues it;
//! [`token`] renders it from its pieces (stems it with `stemkit_stemmer::GiantWordStemmer`, or
//! lowercases it) as they come. Every size these use is here, with its reason.

pub(crate) mod rules;
pub(crate) mod token;

/// Bytes of text looked at past a giant token's run to decide whether the token ends there,
/// when its line goes on (Unicode mode): anything that takes more to decide waits for the
/// line's end. A few characters decide in all but odd text; 4 KiB keeps the probes cheap.
pub(crate) const LOOKAHEAD: usize = 4096;

/// A piece of body text this long holds a giant token that could not stream in pieces (the
/// reader cuts lines elsewhere at safe cuts, and streams giant tokens, see [`rules`]): the
/// pipeline renders it straight into an empty output buffer, so that its stem is not copied
/// again, and frees the buffers it grew once it is written. Eight reads of the default size:
/// ordinary long lines never reach it.
pub(crate) const HUGE_PIECE: usize = 1024 * 1024;

/// The slices in which a giant token's start, held until the filters decided (under a long
/// `--max-len`), is written: stemmed as one piece, a token of megabytes would be one more whole
/// copy of itself. As large as the stemmer's own pieces are worth.
pub(crate) const HELD_SLICE: usize = 64 * 1024;

/// Bytes of a giant token of any letters, not stemmed, gathered before a stretch of it is
/// lowercased (with the context after it): one stretch per many pieces, so the context is
/// lowercased twice rarely. Small in tests, so that they cross stretches.
#[cfg(not(test))]
pub(crate) const STRETCH: usize = 64 * 1024;
#[cfg(test)]
pub(crate) const STRETCH: usize = 300;
