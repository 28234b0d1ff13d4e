//! NLTK's pool of irregular forms, consulted (in its own mode only) before any rule.

use crate::letter::Letter;

/// (form, stem, how `explain` names the lookup), NLTK's `irregular_forms` table inverted.
const POOL: [(&str, &str, &str); 16] = [
    ("sky", "sky", "(irregular form) sky -> sky"),
    ("skies", "sky", "(irregular form) skies -> sky"),
    ("dying", "die", "(irregular form) dying -> die"),
    ("lying", "lie", "(irregular form) lying -> lie"),
    ("tying", "tie", "(irregular form) tying -> tie"),
    ("news", "news", "(irregular form) news -> news"),
    ("innings", "inning", "(irregular form) innings -> inning"),
    ("inning", "inning", "(irregular form) inning -> inning"),
    ("outings", "outing", "(irregular form) outings -> outing"),
    ("outing", "outing", "(irregular form) outing -> outing"),
    (
        "cannings",
        "canning",
        "(irregular form) cannings -> canning",
    ),
    ("canning", "canning", "(irregular form) canning -> canning"),
    ("howe", "howe", "(irregular form) howe -> howe"),
    ("proceed", "proceed", "(irregular form) proceed -> proceed"),
    ("exceed", "exceed", "(irregular form) exceed -> exceed"),
    ("succeed", "succeed", "(irregular form) succeed -> succeed"),
];

/// The stem NLTK's pool gives the (lowercased) `word`, and the name of the lookup.
pub(super) fn lookup<L: Letter>(word: &[L]) -> Option<(&'static str, &'static str)> {
    if !may_be_in_pool(word) {
        return None;
    }
    POOL.iter()
        .find(|(form, _, _)| {
            form.len() == word.len()
                && form
                    .bytes()
                    .zip(word)
                    .all(|(byte, &letter)| letter.is(byte))
        })
        .map(|&(_, stem, name)| (stem, name))
}

/// A quick test that rules out most words before the pool is searched: every form is 3 to 8
/// letters long and ends in `d`, `e`, `g`, `s` or `y`.
#[inline]
fn may_be_in_pool<L: Letter>(word: &[L]) -> bool {
    (3..=8).contains(&word.len())
        && word
            .last()
            .is_some_and(|&last| b"degsy".iter().any(|&byte| last.is(byte)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_test_admits_every_form() {
        for (form, stem, _) in POOL {
            assert!(may_be_in_pool(form.as_bytes()), "{form}");
            assert_eq!(lookup(form.as_bytes()).map(|(s, _)| s), Some(stem));
        }
    }
}
