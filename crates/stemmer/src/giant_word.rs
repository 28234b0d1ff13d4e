//! Giant words: stemming a word too long to hold. It arrives in pieces, and its stem leaves in
//! pieces, with memory bounded whatever the word's length.
//!
//! Every rule of every algorithm edits only the last few letters of a word; what they read of
//! the rest is a handful of facts: the vowel/consonant pattern (Porter's measure, Porter2's
//! regions), the first letters (Porter2's special prefixes and leading apostrophe), and the
//! letters right before the end. So a giant word `A B T` (a 16-letter head `A`, a middle `B`,
//! the last 192 letters or more `T`) stems as the short word `A c T` does, where `c` is `B`'s
//! vowel/consonant pattern squeezed to a few letters:
//!
//! - runs of one class become one letter (`a` for a vowel, `b` for a consonant): a run's length
//!   matters to no rule;
//! - at most nine alternations are kept: past two, the measure and both regions are settled;
//! - `c` starts and ends with the classes `B` starts and ends with, so a `y` in `T` reads as
//!   the same vowel or consonant, and every measure and region comes out the same.
//!
//! Then the stem of `A B T` is the stem of `A c T` with `c` put back as `B`. `B` is written out,
//! lowercased, as it goes by. The unit tests check this against the whole-word stemmer for
//! every algorithm on words of every shape, with the thresholds made small.

use std::borrow::Cow;

use crate::letter::is_consonant_after;
use crate::lowercase::char_boundary_before_last;
use crate::porter2::{self, Revision};
use crate::{Algorithm, PieceLowercaser, Program, Stemmer};

// The limits, and why each is enough.

/// Bytes of a word held whole before it counts as giant: words this long are already rare, and
/// a piece this big makes the per-piece costs (context copies) vanish.
const GIANT: usize = 64 * 1024;
/// Letters of the head kept verbatim: more than the most any rule reads from a word's start
/// ([`porter2::START_READ`]: Porter2's leading apostrophe and its prefixes; Porter reads none).
const HEAD: usize = 16;
const _: () = assert!(HEAD > porter2::START_READ);
/// Letters of the tail kept verbatim: far more than any chain of rules can edit or read from
/// the end (the longest suffix is 7 letters; at most a dozen steps each remove one).
const TAIL: usize = 64;
/// Characters of context on each side when lowercasing a piece alone (final sigma, İ).
const CONTEXT: usize = PieceLowercaser::CONTEXT;
/// Alternations of vowel and consonant kept in the squeezed middle, at most: past two, the
/// measure and both regions are settled.
const ALTERNATIONS: usize = 9;

/// Stems one word that arrives in pieces, holding at most a few tens of kilobytes of it: for a
/// word too long to hold (a line of a word list as big as the file, say). The pieces of stem
/// it writes join into exactly what [`Stemmer::stem`] gives for the whole word.
///
/// ```
/// use stemkit_stemmer::{Algorithm, GiantWordStemmer, Stemmer};
///
/// let mut giant = GiantWordStemmer::new(Stemmer::new(Algorithm::PorterNltk));
/// let mut stem = String::new();
/// for piece in ["Gener", "aliz", "ations"] {
///     giant.push(piece, &mut stem);
/// }
/// giant.finish(&mut stem);
/// assert_eq!(stem, "gener");
/// ```
#[derive(Clone, Debug)]
pub struct GiantWordStemmer {
    stemmer: Stemmer,
    /// The word's text not yet written: all of it while the word is short; once giant, its
    /// last characters (the tail and the look-ahead for lowercasing).
    raw: String,
    /// Once the word is giant: what is known of its head and middle.
    giant: Option<Giant>,
    /// Bytes held before the word counts as giant ([`GIANT`], smaller in tests).
    threshold: usize,
    /// Characters kept at the end once giant (tail and context; smaller in tests).
    keep: usize,
}

/// What is kept of a giant word's head and middle.
#[derive(Clone, Debug)]
struct Giant {
    /// The head's letters, lowercased.
    head: String,
    /// Leading letters of the head the algorithm drops (Porter2's leading apostrophe).
    dropped: usize,
    /// Lowercases the pieces written out, each in its context.
    lowercaser: PieceLowercaser,
    /// The middle's vowel/consonant pattern.
    pattern: Pattern,
}

impl GiantWordStemmer {
    /// A giant-word stemmer computing `stemmer`'s algorithm.
    pub fn new(stemmer: Stemmer) -> Self {
        Self::with_limits(stemmer, GIANT, TAIL + CONTEXT)
    }

    fn with_limits(stemmer: Stemmer, threshold: usize, keep: usize) -> Self {
        GiantWordStemmer {
            stemmer,
            raw: String::new(),
            giant: None,
            threshold,
            keep,
        }
    }

    /// Whether no piece of a word has been pushed since the last [`Self::finish`].
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty() && self.giant.is_none()
    }

    /// Adds the next piece of the word, and appends to `out` whatever of the stem is already
    /// settled.
    pub fn push(&mut self, piece: &str, out: &mut String) {
        self.raw.push_str(piece);
        if self.giant.is_none()
            && squeezable(self.stemmer.algorithm())
            && self.raw.len() >= self.threshold
        {
            self.start_giant(out);
        }
        if self.giant.is_some() {
            self.write_middle(out);
        }
    }

    /// Ends the word: appends the rest of its stem to `out`, and gets ready for the next word.
    pub fn finish(&mut self, out: &mut String) {
        match self.giant.take() {
            None => out.push_str(&self.stemmer.stem(&self.raw)),
            Some(giant) => self.finish_giant(giant, out),
        }
        self.raw.clear();
    }

    /// The word has grown giant: sets its head aside and writes what the stem keeps of it.
    fn start_giant(&mut self, out: &mut String) {
        let cut = char_boundary_after(&self.raw, HEAD);
        let after = &self.raw[cut..char_boundary_after(&self.raw[cut..], CONTEXT) + cut];
        let mut lowercaser = PieceLowercaser::default();
        let head = lowercaser.next(&self.raw[..cut], after);
        let revision = self.porter2();
        let shown = rewritten(revision, &head);
        // Porter2's prelude drops a leading apostrophe; no other rule touches the start of a
        // giant word.
        let dropped = revision.map_or(0, |_| porter2::dropped_at_start(&shown));
        let kept = &shown[char_boundary_after(&shown, dropped)..];
        out.push_str(kept);
        let pattern = Pattern::after(kept);
        self.giant = Some(Giant {
            head,
            dropped,
            lowercaser,
            pattern,
        });
        self.raw.drain(..cut);
    }

    /// The revision of Porter2 computed, if the algorithm is a Porter2.
    fn porter2(&self) -> Option<Revision> {
        porter2::revision_of(self.stemmer.algorithm())
    }

    /// Writes out, lowercased, all of the middle that the kept end does not need.
    fn write_middle(&mut self, out: &mut String) {
        let revision = self.porter2();
        let Some(giant) = &mut self.giant else {
            return;
        };
        // Write in big pieces, not one per push: a piece costs a few context copies.
        if self.raw.len() < self.threshold {
            return;
        }
        let Some(cut) = char_boundary_before_last(&self.raw, self.keep) else {
            return;
        };
        let (middle, rest) = self.raw.split_at(cut);
        let after = &rest[..char_boundary_after(rest, CONTEXT)];
        let lowered = giant.lowercaser.next(middle, after);
        giant.pattern.extend(&lowered);
        out.push_str(&rewritten(revision, &lowered));
        self.raw.drain(..cut);
    }

    /// Stems `head + squeezed middle + tail` and writes the stem past the squeezed middle.
    fn finish_giant(&mut self, mut giant: Giant, out: &mut String) {
        let tail = giant.lowercaser.next(&self.raw, "");
        let squeezed = giant.pattern.squeezed();
        let stand_in = format!("{}{squeezed}{tail}", giant.head);
        let stem = self.stemmer.stem(&stand_in);
        // The stem starts with the head less its dropped letters, then the squeezed middle,
        // untouched: no rule reaches that far from either end.
        let settled = giant.head.chars().count() - giant.dropped + squeezed.len();
        debug_assert!(
            stem.chars()
                .skip(settled - squeezed.len())
                .take(squeezed.len())
                .eq(squeezed.chars()),
            "the squeezed middle of {stand_in:?} survives in its stem {stem:?}"
        );
        out.extend(stem.chars().skip(settled));
    }
}

/// Whether a giant word of `algorithm` stems as its squeezed form does. The hand-written Porter
/// and Porter2 stemmers, whose rules the squeeze models, do, and so does the compiled `english`,
/// which computes Porter2 (a test holds the two equal on every vocabulary). Other Snowball
/// programs are held whole, bounded memory or not: they rewrite letters anywhere in the word
/// (Spanish drops every accent, German turns `ß` into `ss`) and read regions by rules of their
/// own.
fn squeezable(algorithm: Algorithm) -> bool {
    !matches!(algorithm, Algorithm::Snowball(program) if program != Program::English)
}

/// `letters` of a giant word's head or middle as the stem has them: NLTK's Porter2 reads
/// `’ ‘ ‛` as `'` throughout the word ([`porter2::read_apostrophes_in`]); nothing else changes a
/// letter so far from the end for good (Porter2 marks some `y` as `Y`, and unmarks them all at
/// the end).
fn rewritten(revision: Option<Revision>, letters: &str) -> Cow<'_, str> {
    match revision {
        Some(revision) => porter2::read_apostrophes_in(revision, letters),
        None => letters.into(),
    }
}

/// The vowel/consonant pattern of a middle, squeezed: its runs, and the class of each run's
/// letters, as every algorithm reads them (`a e i o u` vowels; `y` a vowel after a consonant,
/// a consonant at the start or after a vowel; every other letter a consonant).
#[derive(Clone, Debug)]
struct Pattern {
    /// The first run's class, once the middle has a letter.
    first_is_vowel: Option<bool>,
    /// Whether the last letter so far is a vowel.
    last_is_vowel: bool,
    /// Runs so far, counted up to a bound.
    runs: usize,
}

impl Pattern {
    /// The pattern of an empty middle following `head`.
    fn after(head: &str) -> Self {
        let mut last_is_vowel = false;
        for (index, letter) in head.chars().enumerate() {
            last_is_vowel = is_vowel(letter, index == 0, last_is_vowel);
        }
        Pattern {
            first_is_vowel: None,
            last_is_vowel,
            runs: 0,
        }
    }

    /// Adds the middle's next letters, lowercased.
    fn extend(&mut self, letters: &str) {
        for letter in letters.chars() {
            // The head is never empty, so no letter of the middle starts the word.
            let vowel = is_vowel(letter, false, self.last_is_vowel);
            if self.first_is_vowel.is_none() {
                self.first_is_vowel = Some(vowel);
                self.runs = 1;
            } else if vowel != self.last_is_vowel {
                // Only the parity matters past the bound: keep it.
                self.runs = if self.runs >= ALTERNATIONS + 2 {
                    self.runs - 1
                } else {
                    self.runs + 1
                };
            }
            self.last_is_vowel = vowel;
        }
    }

    /// The squeezed middle: one letter per run, `a` for vowels and `b` for consonants, at most
    /// [`ALTERNATIONS`] + 2 runs, ending with the middle's last class.
    fn squeezed(&self) -> String {
        let Some(first) = self.first_is_vowel else {
            return String::new();
        };
        (0..self.runs)
            .map(|run| if (run % 2 == 0) == first { 'a' } else { 'b' })
            .collect()
    }
}

/// Whether `letter` is a vowel, given whether it starts the word and whether the letter before
/// it is one: the vowel test every algorithm uses ([`is_consonant_after`]).
fn is_vowel(letter: char, first: bool, after_vowel: bool) -> bool {
    !is_consonant_after(letter, (!first).then_some(!after_vowel))
}

/// The byte offset just after the first `count` characters of `text` (all of it if shorter).
fn char_boundary_after(text: &str, count: usize) -> usize {
    text.char_indices()
        .nth(count)
        .map_or(text.len(), |(offset, _)| offset)
}

#[cfg(test)]
mod tests;
