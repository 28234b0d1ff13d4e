//! Exact English stemmers: Porter in NLTK's three modes and Porter2 (Snowball English) in both
//! revisions users meet, each bit-for-bit with its reference, with the standard library alone.
//!
//! ```
//! use stemkit_stemmer::{Algorithm, Stemmer};
//!
//! let stemmer = Stemmer::new(Algorithm::PorterNltk);
//! assert_eq!(stemmer.stem("Defections"), "defect");
//! assert_eq!(stemmer.stem("dying"), "die");
//!
//! // In a hot loop, reuse one buffer: no allocation per word.
//! let mut stem = String::new();
//! for word in ["running", "ponies"] {
//!     stemmer.stem_into(word, &mut stem);
//!     assert!(stem == "run" || stem == "poni");
//! }
//! ```

mod algorithm;
mod cache;
mod explain;
mod giant_word;
mod letter;
mod lowercase;
mod porter;
mod porter2;
mod suffix;
mod trace;

use std::borrow::Cow;

pub use algorithm::{Algorithm, ParseAlgorithmError};
pub use cache::CachedStemmer;
pub use explain::Explanation;
pub use giant_word::GiantWordStemmer;
pub use lowercase::{PieceLowercaser, lowercase};
pub use trace::Step;

use trace::{NoTrace, Recorder, Tracer};

/// A stemmer for one algorithm. Cheap to copy, `Send` and `Sync`: build one and share it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stemmer {
    algorithm: Algorithm,
}

impl Stemmer {
    /// A stemmer computing `algorithm`.
    pub const fn new(algorithm: Algorithm) -> Self {
        Stemmer { algorithm }
    }

    /// The algorithm this stemmer computes.
    pub const fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// The stem of `word`, exactly as the algorithm's reference computes it (which lowercases
    /// first, as Python's `str.lower()` does). Borrows from `word` when the stem is a piece of it.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        let mut stem = String::new();
        self.stem_into(word, &mut stem);
        if word.starts_with(stem.as_str()) {
            Cow::Borrowed(&word[..stem.len()])
        } else {
            Cow::Owned(stem)
        }
    }

    /// Writes the stem of `word` into `out`, replacing what it held. Reusing `out` across calls
    /// makes stemming allocation-free once the buffer has grown to the longest word.
    pub fn stem_into(&self, word: &str, out: &mut String) {
        out.clear();
        self.run(word, out, &mut NoTrace);
    }

    /// Every step of stemming `word`, with the rule that fired in each.
    pub fn explain(&self, word: &str) -> Explanation {
        let mut recorder = Recorder::default();
        let mut stem = String::new();
        self.run(word, &mut stem, &mut recorder);
        Explanation {
            algorithm: self.algorithm,
            input: word.to_owned(),
            steps: recorder.steps,
            stem,
        }
    }

    fn run<T: Tracer>(&self, word: &str, out: &mut String, tracer: &mut T) {
        match self.algorithm {
            Algorithm::PorterNltk => porter::stem(porter::Mode::Nltk, word, out, tracer),
            Algorithm::PorterMartin => porter::stem(porter::Mode::Martin, word, out, tracer),
            Algorithm::PorterOriginal => porter::stem(porter::Mode::Original, word, out, tracer),
            Algorithm::Porter2 => porter2::stem(porter2::Revision::Current, word, out, tracer),
            Algorithm::Porter2Nltk => porter2::stem(porter2::Revision::Nltk, word, out, tracer),
        }
    }
}
