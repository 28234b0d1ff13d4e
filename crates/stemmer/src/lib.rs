//! Exact stemmers, with the standard library alone: Porter in NLTK's three modes and Porter2
//! (Snowball English) in both revisions users meet, hand-written; and every Snowball algorithm
//! (36 languages and Lovins, current and older revisions, [`Program`]), compiled from the
//! Snowball sources by stemkit's own compiler. Each is bit-for-bit with its reference.
//!
//! For Snowball programs, [`Stemmer::stem`] and [`Stemmer::stem_into`] lowercase first as
//! Python's `str.lower()` does (as NLTK's `SnowballStemmer` does);
//! [`Stemmer::as_given`] stems the bytes as given, as Snowball's C and PyStemmer do.
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
mod snowball;
mod suffix;
mod trace;

use std::borrow::Cow;

pub use algorithm::{Algorithm, ParseAlgorithmError};
pub use cache::CachedStemmer;
pub use explain::Explanation;
pub use giant_word::GiantWordStemmer;
pub use lowercase::{PieceLowercaser, lowercase};
pub use snowball::Program;
pub use trace::Step;

use letter::Case;
use trace::{NoTrace, Recorder, Tracer};

/// A stemmer for one algorithm. Cheap to copy, `Send` and `Sync`: build one and share it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stemmer {
    algorithm: Algorithm,
    /// Stem words as given, capitals and all, instead of lowercasing them first.
    as_given: bool,
}

impl Stemmer {
    /// A stemmer computing `algorithm`.
    pub const fn new(algorithm: Algorithm) -> Self {
        Stemmer {
            algorithm,
            as_given: false,
        }
    }

    /// This stemmer without its first step, lowercasing: words are stemmed as given, as NLTK's
    /// `PorterStemmer().stem(word, to_lowercase=False)` and Snowball's own stemmers (PyStemmer)
    /// compute them. A capital is then a letter like any other non-vowel, matching no rule:
    /// `Running` stems to `Run`, `News` (not NLTK's irregular `news`) to `New`.
    ///
    /// ```
    /// use stemkit_stemmer::{Algorithm, Stemmer};
    ///
    /// let stemmer = Stemmer::new(Algorithm::PorterNltk).as_given();
    /// assert_eq!(stemmer.stem("News"), "New");
    /// assert_eq!(stemmer.stem("Sky"), "Ski");
    /// assert_eq!(Stemmer::new(Algorithm::Porter2).as_given().stem("Running"), "Run");
    ///
    /// // A Snowball program as given is Snowball's own stemmer, bytes for bytes (PyStemmer).
    /// let german = Stemmer::new("german".parse().unwrap());
    /// assert_eq!(german.as_given().stem("Häuser"), "Haus");
    /// assert_eq!(german.stem("Häuser"), "haus");
    /// ```
    pub const fn as_given(self) -> Self {
        Stemmer {
            algorithm: self.algorithm,
            as_given: true,
        }
    }

    /// Whether this stemmer stems words as given ([`Self::as_given`]) rather than lowercased.
    pub const fn is_as_given(&self) -> bool {
        self.as_given
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
        self.run(word, out, &mut NoTrace, false);
    }

    /// Every step of stemming `word`, with the rule that fired in each. For Snowball programs
    /// the steps are every `among` match (the rule is the string matched) and every routine
    /// that changed the word, named as in the `.sbl`.
    pub fn explain(&self, word: &str) -> Explanation {
        let mut recorder = Recorder::default();
        let mut stem = String::new();
        self.run(word, &mut stem, &mut recorder, true);
        Explanation {
            algorithm: self.algorithm,
            input: word.to_owned(),
            steps: recorder.steps,
            stem,
        }
    }

    /// Stems `word` into `out`, reporting steps to `tracer`; `tracing` says whether anyone
    /// listens (the compiled Snowball programs record steps only then).
    fn run<T: Tracer>(&self, word: &str, out: &mut String, tracer: &mut T, tracing: bool) {
        let case = if self.as_given {
            Case::AsGiven
        } else {
            Case::Lower
        };
        match self.algorithm {
            Algorithm::PorterNltk => porter::stem(porter::Mode::Nltk, case, word, out, tracer),
            Algorithm::PorterMartin => porter::stem(porter::Mode::Martin, case, word, out, tracer),
            Algorithm::PorterOriginal => {
                porter::stem(porter::Mode::Original, case, word, out, tracer)
            }
            Algorithm::Porter2 => {
                porter2::stem(porter2::Revision::Current, case, word, out, tracer)
            }
            Algorithm::Porter2Nltk => {
                porter2::stem(porter2::Revision::Nltk, case, word, out, tracer)
            }
            // Snowball's own behaviour (PyStemmer's `stemWord`): the bytes as they are. `english`
            // runs compiled too: it equals the hand-written `porter2` on every vocabulary (a test
            // holds it so) and is the faster of the two.
            Algorithm::Snowball(program) if self.as_given => {
                snowball::stem(program, word, out, tracer, tracing);
            }
            Algorithm::Snowball(program) => {
                snowball::stem(program, &lowercase(word), out, tracer, tracing);
            }
        }
    }
}
