//! A third, toy family of stemmers on the engine: its own conditions, two variants, a judge
//! that keeps state, and both lookup strategies. Nothing here is Porter's or Porter2's.

use super::{Judge, Outcome, Rule, Table, Variants, rule};
use crate::letter::Letter;

/// The toy's conditions: a minimum stem length, or a letter the stem must end in.
#[derive(Clone, Copy, Debug)]
enum Toy {
    /// The stem keeps at least this many letters.
    AtLeast(usize),
    /// The stem ends in this letter.
    EndsIn(u8),
}

/// The toy's two variants.
const STRICT: usize = 0;
const LOOSE: usize = 1;
const ONLY_LOOSE: Variants = Variants::of(&[LOOSE]);

/// The toy's judge: its variant, and how many rules fired (state an edit moves, as Porter2's
/// regions are).
struct Counting {
    variant: usize,
    fired: Vec<&'static str>,
}

impl Judge<Toy> for Counting {
    fn variant(&self) -> usize {
        self.variant
    }

    fn holds<L: Letter>(&self, condition: &Toy, word: &[L], stem_len: usize) -> bool {
        match *condition {
            Toy::AtLeast(n) => stem_len >= n,
            Toy::EndsIn(byte) => stem_len > 0 && word[stem_len - 1].is(byte),
        }
    }

    fn fired(&mut self, rule: &Rule<Toy>, _old_length: usize) {
        self.fired.push(rule.label);
    }
}

/// Written as a list is read: `s` before `es` means `es` never decides.
const IN_ORDER: Table<Toy, 3> = Table::in_order([
    rule!("(stem of 3+)" "s" -> "", Toy::AtLeast(3)),
    rule!("es" -> "e", Toy::AtLeast(0)),
    rule!("(after n)" "ness" -> "", Toy::EndsIn(b'n'), ONLY_LOOSE),
]);

/// The same suffixes as an `among`: the longest decides; `ness` and `s` have alternatives.
const LONGEST_FIRST: Table<Toy, 5> = Table::longest_first([
    rule!("(after n)" "ness" -> "", Toy::EndsIn(b'n'), ONLY_LOOSE),
    rule!("(stem of 2+)" "ness" -> "n", Toy::AtLeast(2)),
    rule!("es" -> "e", Toy::AtLeast(0)),
    rule!("(stem of 3+)" "s" -> "", Toy::AtLeast(3)),
    rule!("(stem of 1+)" "s" -> "z", Toy::AtLeast(1)),
]);

fn run<const N: usize>(table: &'static Table<Toy, N>, variant: usize, word: &str) -> String {
    let mut letters: Vec<u8> = word.bytes().collect();
    let mut judge = Counting {
        variant,
        fired: Vec::new(),
    };
    let outcome = table.apply(&mut judge, &mut letters);
    assert_eq!(judge.fired, outcome.fired().into_iter().collect::<Vec<_>>());
    String::from_utf8(letters).unwrap_or_default()
}

#[test]
fn labels_read_condition_suffix_replacement() {
    assert_eq!(
        IN_ORDER.find(STRICT, b"cats").map(|f| f.rule.label),
        Some("(stem of 3+) s -> (deleted)")
    );
    assert_eq!(
        IN_ORDER.find(STRICT, b"boxes").map(|f| f.rule.label),
        Some("(stem of 3+) s -> (deleted)")
    );
    assert_eq!(
        LONGEST_FIRST.find(STRICT, b"boxes").map(|f| f.rule.label),
        Some("es -> e")
    );
}

#[test]
fn in_order_lets_the_first_match_decide() {
    assert_eq!(run(&IN_ORDER, STRICT, "cats"), "cat");
    // `s` matches first and is refused: `es` is never tried.
    assert_eq!(run(&IN_ORDER, STRICT, "bes"), "bes");
    assert_eq!(run(&IN_ORDER, STRICT, "kindness"), "kindnes");
    // `s` comes first and shadows `ness`, as in an NLTK list written in that order.
    assert_eq!(run(&IN_ORDER, LOOSE, "openness"), "opennes");
}

#[test]
fn longest_first_is_an_among_with_alternatives() {
    assert_eq!(run(&LONGEST_FIRST, STRICT, "bes"), "be");
    // Strict has no `(after n) ness`; loose tries it, then its alternative.
    assert_eq!(run(&LONGEST_FIRST, STRICT, "openness"), "openn");
    assert_eq!(run(&LONGEST_FIRST, LOOSE, "openness"), "open");
    assert_eq!(run(&LONGEST_FIRST, LOOSE, "kindness"), "kindn");
    // `s`: the first alternative whose condition holds fires; none: refused, word unchanged.
    assert_eq!(run(&LONGEST_FIRST, STRICT, "cats"), "cat");
    assert_eq!(run(&LONGEST_FIRST, STRICT, "as"), "az");
    assert_eq!(run(&LONGEST_FIRST, STRICT, "s"), "s");
    let mut word = b"s".to_vec();
    let mut judge = Counting {
        variant: STRICT,
        fired: Vec::new(),
    };
    assert!(matches!(
        LONGEST_FIRST.apply(&mut judge, &mut word),
        Outcome::Refused
    ));
    assert!(matches!(
        LONGEST_FIRST.apply(&mut judge, &mut b"cat".to_vec()),
        Outcome::NoMatch
    ));
}

#[test]
fn char_words_match_like_byte_words() {
    let mut word: Vec<char> = "naïves".chars().collect();
    let mut judge = Counting {
        variant: STRICT,
        fired: Vec::new(),
    };
    assert!(LONGEST_FIRST.apply(&mut judge, &mut word).fired().is_some());
    assert_eq!(word.iter().collect::<String>(), "naïve");
}
