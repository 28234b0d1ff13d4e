//! The gap buffer against the plain store: every program stems long words edited all along
//! (each vocabulary's characters in turn, words of it run together, `ß`, `á`, ZWNJ and the
//! like repeated) and every word of its vocabulary, traced or not, the same over the gap buffer
//! (which alone traces) as over the plain store, where every edit shifts the rest of the word as in Snowball's C.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use flate2::read::GzDecoder;

use super::Program;
use super::runtime;

/// The stem of `word` by `program` over the gap buffer or the plain store, and the trace.
fn stem(program: Program, word: &str, gap: bool, trace: bool) -> (String, Vec<String>) {
    let (entry, strings) = program.entry();
    let mut out = String::new();
    let events = runtime::run_as(entry, gap, strings, word, &mut out, trace);
    let events = events
        .into_iter()
        .map(|e| format!("{} {:?} {}", e.step, e.rule, e.word))
        .collect();
    (out, events)
}

/// Every word of `algorithm`'s vocabulary in `corpus/snowball/` (none without a table).
fn vocabulary(algorithm: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/snowball")
        .join(format!("{algorithm}.tsv.gz"));
    let mut text = String::new();
    let Ok(file) = File::open(&path) else {
        return Vec::new();
    };
    GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let body = text.strip_suffix('\n').unwrap_or(&text);
    body.split('\n')
        .skip(1)
        .map(|row| row.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

/// `piece` repeated to at least `bytes` bytes.
fn repeated(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len().max(1) + 1)
}

/// Letters that some prelude or postlude rewrites to another length (or that mark or unmark
/// letters), each to be repeated all along a word.
const PIECES: [&str; 14] = [
    "ß",
    "straße",
    "áéíóú",
    "canción",
    "l·l",
    "äëïöüÿ",
    "quYue",
    "ĉĝĥĵŝŭ",
    "\u{200C}",
    "می\u{200C}خواهم",
    "ـأإآىة\u{064E}\u{0651}",
    "װױײ\u{05B4}\u{05B7}",
    "ךםןףץ",
    "aßá\u{200C}ü",
];

/// The long words for a vocabulary: its characters in turn, its words run together in a
/// pseudo-random order, and each of [`PIECES`]; of 10 to 100 KiB.
fn long_words(words: &[String]) -> Vec<String> {
    let characters: BTreeSet<char> = words.iter().flat_map(|w| w.chars()).collect();
    let mut long = vec![repeated(
        &characters.into_iter().collect::<String>(),
        100 << 10,
    )];
    if !words.is_empty() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut run = String::new();
        while run.len() < 30 << 10 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            run.push_str(&words[(state % words.len() as u64) as usize]);
        }
        long.push(run);
    }
    for (i, piece) in PIECES.iter().enumerate() {
        long.push(repeated(piece, [10 << 10, 30 << 10][i % 2]));
    }
    long
}

/// Where `a` and `b` first differ, for a failure message.
fn first_difference(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

#[test]
fn long_words_stem_the_same_with_the_gap() {
    let mut failures = Vec::new();
    for program in Program::ALL {
        let words = vocabulary(program.algorithm());
        for word in long_words(&words) {
            let (plain, _) = stem(program, &word, false, false);
            let (gap, _) = stem(program, &word, true, false);
            if gap != plain {
                let shown: String = word.chars().take(12).collect();
                failures.push(format!(
                    "{}: {shown:?}... ({} bytes): gap {} bytes, plain {}, first difference at \
                     byte {}",
                    program.name(),
                    word.len(),
                    gap.len(),
                    plain.len(),
                    first_difference(&gap, &plain)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_vocabulary_word_stems_the_same_with_the_gap() {
    let mut failures = Vec::new();
    for program in Program::ALL {
        let words = vocabulary(program.algorithm());
        assert!(!words.is_empty(), "{}: no vocabulary", program.name());
        for (i, word) in words.iter().enumerate() {
            // Every 50th word traced as well (over the gap buffer, the only store that
            // traces): the trace reads the word between edits, and must not change the stem.
            let trace = i % 50 == 0;
            let (plain, none) = stem(program, word, false, trace);
            assert!(none.is_empty(), "the plain store traced {word:?}");
            let (gap, _) = stem(program, word, true, trace);
            if gap != plain && failures.len() < 20 {
                failures.push(format!(
                    "{} {word:?}: gap {:?}, plain {:?}",
                    program.name(),
                    gap,
                    plain
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
