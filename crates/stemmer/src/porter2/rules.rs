//! The suffix rules of Porter2's steps, as data: each suffix, what replaces it, when it applies,
//! and how NLTK spells the edit (which decides how NLTK moves R1 and R2).

use super::regions::Leftover;

/// One suffix rule.
pub(super) struct Rule {
    /// The suffix the word must end with.
    pub(super) suffix: &'static [u8],
    /// How many letters the edit removes from the end of the word (see [`Shape`]).
    pub(super) removed: usize,
    /// The letters the edit then appends.
    pub(super) added: &'static [u8],
    /// What NLTK makes of R2 when the edit reaches before its start.
    pub(super) leftover: Leftover,
    /// What else must hold for the rule to fire.
    pub(super) condition: Condition,
    /// The rule as `explain` shows it.
    pub(super) label: &'static str,
}

/// How NLTK spells a replacement, which only matters to its region bookkeeping: the word comes
/// out the same either way.
#[derive(Clone, Copy)]
pub(super) enum Shape {
    /// Trims the letters the suffix and its replacement do not share (`tional` -> `tion` drops
    /// two letters), as NLTK's `word[:-2]` does.
    Trim,
    /// Replaces the whole suffix, as NLTK's `suffix_replace` does.
    Whole,
    /// Replaces the whole suffix, and leaves R2 as `"e"` when it was shorter than the suffix.
    WholeLeavingE,
}

/// A rule's extra condition, beyond the word ending with its suffix (and the step's region).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Condition {
    /// None.
    Always,
    /// The letter before the suffix is one of these.
    After(&'static [u8]),
    /// R2 holds the suffix.
    InR2,
    /// Only in the current revision (Snowball 3).
    Snowball3,
}

impl Rule {
    /// A rule replacing `suffix` by `replacement`.
    pub(super) const fn new(
        suffix: &'static [u8],
        replacement: &'static [u8],
        shape: Shape,
        condition: Condition,
        label: &'static str,
    ) -> Self {
        let kept = match shape {
            Shape::Trim => shared_prefix(suffix, replacement),
            Shape::Whole | Shape::WholeLeavingE => 0,
        };
        let leftover = match shape {
            Shape::WholeLeavingE => Leftover::E,
            Shape::Trim | Shape::Whole => Leftover::Nothing,
        };
        Rule {
            suffix,
            removed: suffix.len() - kept,
            added: replacement.split_at(kept).1,
            leftover,
            condition,
            label,
        }
    }
}

/// A step's rules, longest suffix first (a suffix only competes with suffixes of its own, so
/// the first that matches is the longest), with the set of letters they end in: most words end
/// in none of them and skip the scan.
pub(super) struct Table {
    /// The rules.
    pub(super) rules: &'static [Rule],
    /// Bit `b` is set when a rule's suffix ends in the ASCII byte `b`.
    finals: u128,
}

impl Table {
    /// The table of `rules`.
    const fn new(rules: &'static [Rule]) -> Self {
        let mut finals = 0;
        let mut index = 0;
        while index < rules.len() {
            let suffix = rules[index].suffix;
            finals |= 1 << (suffix[suffix.len() - 1] & 0x7f);
            index += 1;
        }
        Table { rules, finals }
    }

    /// Whether some rule's suffix ends in `last`, the ASCII byte a word ends in.
    #[inline(always)]
    pub(super) fn may_end(&self, last: Option<u8>) -> bool {
        last.is_some_and(|byte| byte < 128 && self.finals & (1 << byte) != 0)
    }
}

/// How many leading bytes `a` and `b` share.
const fn shared_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut shared = 0;
    while shared < a.len() && shared < b.len() && a[shared] == b[shared] {
        shared += 1;
    }
    shared
}

/// `rule!("ational" => "ate", Whole)`, `rule!("ion" => delete, Trim, Condition::After(b"st"))`.
macro_rules! rule {
    ($suffix:literal => delete, $shape:ident $(, $condition:expr)?) => {
        rule!(@make $suffix, "", $shape, concat!($suffix, " -> (deleted)") $(, $condition)?)
    };
    ($suffix:literal => $replacement:literal, $shape:ident $(, $condition:expr)?) => {
        rule!(@make $suffix, $replacement, $shape, concat!($suffix, " -> ", $replacement)
            $(, $condition)?)
    };
    (@make $suffix:literal, $replacement:literal, $shape:ident, $label:expr) => {
        rule!(@make $suffix, $replacement, $shape, $label, Condition::Always)
    };
    (@make $suffix:literal, $replacement:literal, $shape:ident, $label:expr, $condition:expr) => {
        Rule::new($suffix.as_bytes(), $replacement.as_bytes(), Shape::$shape, $condition, $label)
    };
}

/// Step 0: possessive apostrophes, longest first.
pub(super) const STEP_0: Table = Table::new(&[
    rule!("'s'" => delete, Trim),
    rule!("'s" => delete, Trim),
    rule!("'" => delete, Trim),
]);

/// Step 1a's rules; the step picks among them by hand (see `Stemming::step_1a`).
pub(super) const SSES: Rule = rule!("sses" => "ss", Trim);
pub(super) const IED_TO_I: Rule = rule!("ied" => "i", Trim);
pub(super) const IES_TO_I: Rule = rule!("ies" => "i", Trim);
pub(super) const IED_TO_IE: Rule = rule!("ied" => "ie", Trim);
pub(super) const IES_TO_IE: Rule = rule!("ies" => "ie", Trim);
pub(super) const S: Rule = rule!("s" => delete, Trim);

/// Step 1b's `eed` suffixes, which become `ee` in R1.
pub(super) const STEP_1B_EED: Table =
    Table::new(&[rule!("eedly" => "ee", Whole), rule!("eed" => "ee", Whole)]);

/// Step 1b's other suffixes, deleted after a vowel. Checked after [`STEP_1B_EED`], which is
/// the longest match since no word ends in both `eed` and `edly`.
pub(super) const STEP_1B_ED_ING: Table = Table::new(&[
    rule!("ingly" => delete, Trim),
    rule!("edly" => delete, Trim),
    rule!("ing" => delete, Trim),
    rule!("ed" => delete, Trim),
]);

/// Snowball 3's `dying` -> `die`, `vying` -> `vie`: a lone non-vowel before `ying`.
pub(super) const YING: Rule = rule!("ying" => "ie", Whole);

/// Step 2.
pub(super) const STEP_2: Table = Table::new(&[
    rule!("ization" => "ize", Whole),
    rule!("ational" => "ate", WholeLeavingE),
    rule!("fulness" => "ful", Trim),
    rule!("ousness" => "ous", Whole),
    rule!("iveness" => "ive", WholeLeavingE),
    rule!("tional" => "tion", Trim),
    rule!("biliti" => "ble", Whole),
    rule!("lessli" => "less", Trim),
    rule!("ogist" => "og", Whole, Condition::Snowball3),
    rule!("entli" => "ent", Trim),
    rule!("ation" => "ate", WholeLeavingE),
    rule!("alism" => "al", Whole),
    rule!("aliti" => "al", Whole),
    rule!("ousli" => "ous", Whole),
    rule!("iviti" => "ive", WholeLeavingE),
    rule!("fulli" => "ful", Trim),
    rule!("enci" => "ence", Trim),
    rule!("anci" => "ance", Trim),
    rule!("abli" => "able", Trim),
    rule!("izer" => "ize", Whole),
    rule!("ator" => "ate", WholeLeavingE),
    rule!("alli" => "al", Whole),
    rule!("bli" => "ble", Whole),
    rule!("ogi" => "og", Trim, Condition::After(b"l")),
    rule!("li" => delete, Trim, Condition::After(b"cdeghkmnrt")),
]);

/// Step 3.
pub(super) const STEP_3: Table = Table::new(&[
    rule!("ational" => "ate", Whole),
    rule!("tional" => "tion", Trim),
    rule!("alize" => "al", Trim),
    rule!("icate" => "ic", Whole),
    rule!("iciti" => "ic", Whole),
    rule!("ative" => delete, Trim, Condition::InR2),
    rule!("ical" => "ic", Whole),
    rule!("ness" => delete, Trim),
    rule!("ful" => delete, Trim),
]);

/// Step 4: all delete in R2.
pub(super) const STEP_4: Table = Table::new(&[
    rule!("ement" => delete, Trim),
    rule!("ance" => delete, Trim),
    rule!("ence" => delete, Trim),
    rule!("able" => delete, Trim),
    rule!("ible" => delete, Trim),
    rule!("ment" => delete, Trim),
    rule!("ant" => delete, Trim),
    rule!("ent" => delete, Trim),
    rule!("ism" => delete, Trim),
    rule!("ate" => delete, Trim),
    rule!("iti" => delete, Trim),
    rule!("ous" => delete, Trim),
    rule!("ive" => delete, Trim),
    rule!("ize" => delete, Trim),
    rule!("ion" => delete, Trim, Condition::After(b"st")),
    rule!("al" => delete, Trim),
    rule!("er" => delete, Trim),
    rule!("ic" => delete, Trim),
]);
