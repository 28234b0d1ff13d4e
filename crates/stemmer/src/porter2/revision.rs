//! What differs between the two revisions of Porter2: word lists as data, the rest as named
//! predicates the steps consult.

use super::letter::{Letter, equals};

/// Which revision of Snowball English to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Revision {
    /// The current (2025, 3.x) revision, as Snowball 3 and PyStemmer 3.1 compute it.
    Current,
    /// The 2.x revision, exactly as NLTK 3.10.4's `SnowballStemmer("english")` computes it,
    /// quirks included.
    Nltk,
}

/// A word stemmed by a fixed answer before the algorithm proper runs.
pub(super) struct Exception {
    word: &'static [u8],
    /// The stem the word is given.
    pub(super) stem: &'static [u8],
    /// The rule as `explain` shows it.
    pub(super) label: &'static str,
}

/// A list of exceptions, with the lengths and first letters of its words so that most words
/// are ruled out without a scan.
struct Exceptions {
    list: &'static [Exception],
    /// Bit `n` is set when a word is `n` letters long.
    lengths: u32,
    /// Bit `b` is set when a word starts with the ASCII byte `b`.
    firsts: u128,
}

impl Exceptions {
    const fn new(list: &'static [Exception]) -> Self {
        let (mut lengths, mut firsts) = (0, 0);
        let mut index = 0;
        while index < list.len() {
            let word = list[index].word;
            lengths |= 1 << word.len();
            firsts |= 1 << word[0];
            index += 1;
        }
        Exceptions {
            list,
            lengths,
            firsts,
        }
    }

    /// The exception `word` is, if any.
    fn find<L: Letter>(&self, word: &[L]) -> Option<&'static Exception> {
        let first = word.first()?.ascii()?;
        let possible = word.len() < 32
            && self.lengths & (1 << word.len()) != 0
            && self.firsts & (1 << first) != 0;
        if !possible {
            return None;
        }
        self.list
            .iter()
            .find(|exception| equals(word, exception.word))
    }
}

macro_rules! exceptions {
    ($($word:literal => $stem:literal),* $(,)?) => {
        Exceptions::new(&[$(Exception {
            word: $word.as_bytes(),
            stem: $stem.as_bytes(),
            label: concat!("(exception) ", $word, " -> ", $stem),
        }),*])
    };
}

/// Snowball 3's `exception1`: the irregular forms and the invariant words.
const CURRENT_EXCEPTIONS: Exceptions = exceptions![
    "skis" => "ski", "skies" => "sky",
    "idly" => "idl", "gently" => "gentl", "ugly" => "ugli", "early" => "earli",
    "only" => "onli", "singly" => "singl",
    "sky" => "sky", "news" => "news", "howe" => "howe",
    "atlas" => "atlas", "cosmos" => "cosmos", "bias" => "bias", "andes" => "andes",
];

/// NLTK's `__special_words`: Snowball 2's `exception1` plus its `exception2` words spelled out
/// with their inflections. NLTK looks them up before anything else, so unlike Snowball's
/// `exception2` they miss possessives such as `inning's`.
const NLTK_EXCEPTIONS: Exceptions = exceptions![
    "skis" => "ski", "skies" => "sky", "dying" => "die", "lying" => "lie", "tying" => "tie",
    "idly" => "idl", "gently" => "gentl", "ugly" => "ugli", "early" => "earli",
    "only" => "onli", "singly" => "singl",
    "sky" => "sky", "news" => "news", "howe" => "howe",
    "atlas" => "atlas", "cosmos" => "cosmos", "bias" => "bias", "andes" => "andes",
    "inning" => "inning", "innings" => "inning", "outing" => "outing", "outings" => "outing",
    "canning" => "canning", "cannings" => "canning", "herring" => "herring",
    "herrings" => "herring", "earring" => "earring", "earrings" => "earring",
    "proceed" => "proceed", "proceeds" => "proceed", "proceeded" => "proceed",
    "proceeding" => "proceed", "exceed" => "exceed", "exceeds" => "exceed",
    "exceeded" => "exceed", "exceeding" => "exceed", "succeed" => "succeed",
    "succeeds" => "succeed", "succeeded" => "succeed", "succeeding" => "succeed",
];

/// Word beginnings after which R1 starts, instead of after the first vowel-consonant pair.
const CURRENT_REGION_PREFIXES: &[&[u8]] = &[
    b"gener", b"commun", b"arsen", b"past", b"univers", b"later", b"emerg", b"organ", b"inter",
];
const NLTK_REGION_PREFIXES: &[&[u8]] = &[b"gener", b"commun", b"arsen"];

/// The length of the longest prefix of either revision that fixes R1.
pub(super) const LONGEST_REGION_PREFIX: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < CURRENT_REGION_PREFIXES.len() {
        if CURRENT_REGION_PREFIXES[i].len() > longest {
            longest = CURRENT_REGION_PREFIXES[i].len();
        }
        i += 1;
    }
    i = 0;
    while i < NLTK_REGION_PREFIXES.len() {
        if NLTK_REGION_PREFIXES[i].len() > longest {
            longest = NLTK_REGION_PREFIXES[i].len();
        }
        i += 1;
    }
    longest
};

impl Revision {
    /// The exception `word` (lowercased) is, if any.
    pub(super) fn exception<L: Letter>(self, word: &[L]) -> Option<&'static Exception> {
        match self {
            Revision::Current => CURRENT_EXCEPTIONS.find(word),
            Revision::Nltk => NLTK_EXCEPTIONS.find(word),
        }
    }

    /// The beginnings that fix where R1 starts.
    pub(super) fn region_prefixes(self) -> &'static [&'static [u8]] {
        match self {
            Revision::Current => CURRENT_REGION_PREFIXES,
            Revision::Nltk => NLTK_REGION_PREFIXES,
        }
    }

    /// NLTK reads ’ ‘ ‛ as apostrophes; Snowball treats them as any other non-vowel.
    pub(super) fn reads_typographic_apostrophes(self) -> bool {
        self == Revision::Nltk
    }

    /// NLTK keeps R1 and R2 as strings it slices alongside the word, which moves their start
    /// when an edit reaches past them; Snowball keeps them as fixed positions.
    pub(super) fn keeps_regions_as_strings(self) -> bool {
        self == Revision::Nltk
    }

    /// Snowball 3 leaves `proceed`, `exceed`, `succeed` (and their `-ing`, `-ed` forms) alone
    /// in step 1b; NLTK lists them as exceptions instead.
    pub(super) fn keeps_eed_verbs(self) -> bool {
        self == Revision::Current
    }

    /// Snowball 3 handles `dying` and the like, and `inning`, `outing`, `evening`... in step 1b.
    pub(super) fn has_ing_exceptions(self) -> bool {
        self == Revision::Current
    }

    /// Snowball 3 keeps the double consonant of a word that is a lone a, e or o before it (`add`).
    pub(super) fn keeps_double_after_lone_aeo(self) -> bool {
        self == Revision::Current
    }

    /// Snowball 3 counts a word ending in `past` as ending in a short syllable (`pasted`).
    pub(super) fn past_is_short(self) -> bool {
        self == Revision::Current
    }

    /// NLTK's step 5 counts any word of three letters or fewer as ending in a short syllable,
    /// so keeps its `e` unless R2 holds it (its R1 can hold the `e` of `ble` after step 1b).
    pub(super) fn short_words_end_short(self) -> bool {
        self == Revision::Nltk
    }
}
