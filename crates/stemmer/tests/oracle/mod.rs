//! A slow, literal transcription of NLTK 3.10.4's `nltk/stem/porter.py`, the oracle that the
//! differential tests and fuzz targets hold the production Porter stemmer against.
//!
//! Every function mirrors the Python method of the same name, in the same order, with the same
//! quirks (a `*d` rule also matches a word literally ending in `*d`, as `_apply_rule_list` does).
//! Words are `Vec<char>` because Python indexes strings by code point. Nothing here is fast or
//! clever on purpose: the value of this file is that it can be read side by side with the Python.
//! Self-contained and std only, because the fuzz checks (`fuzz/checks/differential.rs`) include it
//! by path.

// `pub` is the interface the fuzz targets use; inside a test crate nothing is reachable from outside.
#![allow(unreachable_pub, dead_code)]

/// Which of NLTK's `PorterStemmer` modes to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `NLTK_EXTENSIONS`, the default.
    Nltk,
    /// `MARTIN_EXTENSIONS`.
    Martin,
    /// `ORIGINAL_ALGORITHM`.
    Original,
}

/// `PorterStemmer(mode).stem(word)` with the default `to_lowercase=True`.
pub fn stem(mode: Mode, word: &str) -> String {
    PorterStemmer { mode }.stem(word)
}

/// A word as Python sees it: a sequence of code points.
type Word = Vec<char>;

/// A rule's condition on the stem left once the suffix is removed; `None` means unconditional.
type Condition<'a> = Option<Box<dyn Fn(&[char]) -> bool + 'a>>;

/// `(suffix, replacement, condition)`, the 3-tuples of `_apply_rule_list`.
type Rule<'a> = (&'static str, String, Condition<'a>);

fn rule<'a>(suffix: &'static str, replacement: &str, condition: Condition<'a>) -> Rule<'a> {
    (suffix, replacement.to_owned(), condition)
}

fn chars(text: &str) -> Word {
    text.chars().collect()
}

fn ends_with(word: &[char], suffix: &str) -> bool {
    word.ends_with(&chars(suffix))
}

/// `word + tail`.
fn concat(word: &[char], tail: &str) -> Word {
    let mut joined = word.to_vec();
    joined.extend(tail.chars());
    joined
}

/// `word[:-n]`, for `n` no larger than the word (every caller checked the suffix first).
fn drop_last(word: &[char], n: usize) -> Word {
    word[..word.len().saturating_sub(n)].to_vec()
}

/// The irregular forms of NLTK mode: `(stem, [words])`, inverted into the pool by lookup.
const IRREGULAR_FORMS: [(&str, &[&str]); 12] = [
    ("sky", &["sky", "skies"]),
    ("die", &["dying"]),
    ("lie", &["lying"]),
    ("tie", &["tying"]),
    ("news", &["news"]),
    ("inning", &["innings", "inning"]),
    ("outing", &["outings", "outing"]),
    ("canning", &["cannings", "canning"]),
    ("howe", &["howe"]),
    ("proceed", &["proceed"]),
    ("exceed", &["exceed"]),
    ("succeed", &["succeed"]),
];

const VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];

fn is_vowel_letter(c: char) -> bool {
    VOWELS.contains(&c)
}

struct PorterStemmer {
    mode: Mode,
}

impl PorterStemmer {
    fn pool(&self, word: &[char]) -> Option<String> {
        let word: String = word.iter().collect();
        IRREGULAR_FORMS
            .iter()
            .find(|(_, forms)| forms.contains(&word.as_str()))
            .map(|(stem, _)| (*stem).to_owned())
    }

    /// NLTK 3.10.4 resolves a run of `y`s with a loop rather than recursion (so `yyyy...` cannot
    /// exhaust the stack); the answer is the recursive definition's: a `y` after a consonant is a
    /// vowel, a `y` after a vowel or at the start is a consonant.
    fn is_consonant(&self, word: &[char], i: usize) -> bool {
        if is_vowel_letter(word[i]) {
            return false;
        }
        if word[i] == 'y' {
            let mut i = i;
            let mut negate = false;
            while i > 0 && word[i] == 'y' {
                negate = !negate;
                i -= 1;
            }
            let not_a_vowel = !is_vowel_letter(word[i]);
            return not_a_vowel != negate;
        }
        true
    }

    /// `_consonant_flags`: the same classification for every position in one pass.
    fn consonant_flags(&self, word: &[char]) -> Vec<bool> {
        let mut flags: Vec<bool> = Vec::with_capacity(word.len());
        for (i, &ch) in word.iter().enumerate() {
            if is_vowel_letter(ch) {
                flags.push(false);
            } else if ch == 'y' {
                flags.push(if i == 0 { true } else { !flags[i - 1] });
            } else {
                flags.push(true);
            }
        }
        flags
    }

    /// m in `[C](VC){m}[V]`: the number of `vc` in the word's consonant/vowel string.
    fn measure(&self, stem: &[char]) -> usize {
        let cv_sequence: String = self
            .consonant_flags(stem)
            .into_iter()
            .map(|is_cons| if is_cons { 'c' } else { 'v' })
            .collect();
        cv_sequence.matches("vc").count()
    }

    fn has_positive_measure(&self, stem: &[char]) -> bool {
        self.measure(stem) > 0
    }

    fn contains_vowel(&self, stem: &[char]) -> bool {
        !self
            .consonant_flags(stem)
            .into_iter()
            .all(|is_cons| is_cons)
    }

    /// Condition `*d`.
    fn ends_double_consonant(&self, word: &[char]) -> bool {
        let n = word.len();
        n >= 2 && word[n - 1] == word[n - 2] && self.is_consonant(word, n - 1)
    }

    /// Condition `*o`, with NLTK mode's extension to two-letter stems.
    fn ends_cvc(&self, word: &[char]) -> bool {
        let n = word.len();
        (n >= 3
            && self.is_consonant(word, n - 3)
            && !self.is_consonant(word, n - 2)
            && self.is_consonant(word, n - 1)
            && !['w', 'x', 'y'].contains(&word[n - 1]))
            || (self.mode == Mode::Nltk
                && n == 2
                && !self.is_consonant(word, 0)
                && self.is_consonant(word, 1))
    }

    fn replace_suffix(&self, word: &[char], suffix: &str, replacement: &str) -> Word {
        if suffix.is_empty() {
            concat(word, replacement)
        } else {
            concat(&drop_last(word, suffix.chars().count()), replacement)
        }
    }

    /// Applies the first rule whose suffix matches; if its condition fails, no later rule is tried.
    fn apply_rule_list(&self, word: &[char], rules: &[Rule<'_>]) -> Word {
        for (suffix, replacement, condition) in rules {
            let holds = |stem: &[char]| condition.as_ref().is_none_or(|c| c(stem));
            if *suffix == "*d" && self.ends_double_consonant(word) {
                let stem = drop_last(word, 2);
                if holds(&stem) {
                    return concat(&stem, replacement);
                }
                return word.to_vec();
            }
            if ends_with(word, suffix) {
                let stem = self.replace_suffix(word, suffix, "");
                if holds(&stem) {
                    return concat(&stem, replacement);
                }
                return word.to_vec();
            }
        }
        word.to_vec()
    }

    fn step1a(&self, word: &[char]) -> Word {
        if self.mode == Mode::Nltk && ends_with(word, "ies") && word.len() == 4 {
            return self.replace_suffix(word, "ies", "ie");
        }
        self.apply_rule_list(
            word,
            &[
                rule("sses", "ss", None),
                rule("ies", "i", None),
                rule("ss", "ss", None),
                rule("s", "", None),
            ],
        )
    }

    fn step1b(&self, word: &[char]) -> Word {
        if self.mode == Mode::Nltk && ends_with(word, "ied") {
            if word.len() == 4 {
                return self.replace_suffix(word, "ied", "ie");
            }
            return self.replace_suffix(word, "ied", "i");
        }

        if ends_with(word, "eed") {
            let stem = self.replace_suffix(word, "eed", "");
            if self.measure(&stem) > 0 {
                return concat(&stem, "ee");
            }
            return word.to_vec();
        }

        let mut intermediate_stem = None;
        for suffix in ["ed", "ing"] {
            if ends_with(word, suffix) {
                let candidate = self.replace_suffix(word, suffix, "");
                if self.contains_vowel(&candidate) {
                    intermediate_stem = Some(candidate);
                    break;
                }
            }
        }
        let Some(intermediate_stem) = intermediate_stem else {
            return word.to_vec();
        };
        // Python's `intermediate_stem[-1]`; never empty, as it contains a vowel.
        let Some(&last) = intermediate_stem.last() else {
            return intermediate_stem;
        };

        self.apply_rule_list(
            &intermediate_stem,
            &[
                rule("at", "ate", None),
                rule("bl", "ble", None),
                rule("iz", "ize", None),
                (
                    "*d",
                    last.to_string(),
                    Some(Box::new(move |_: &[char]| !['l', 's', 'z'].contains(&last))),
                ),
                rule(
                    "",
                    "e",
                    Some(Box::new(|stem: &[char]| {
                        self.measure(stem) == 1 && self.ends_cvc(stem)
                    })),
                ),
            ],
        )
    }

    fn step1c(&self, word: &[char]) -> Word {
        let condition: Condition<'_> = if self.mode == Mode::Nltk {
            Some(Box::new(|stem: &[char]| {
                stem.len() > 1 && self.is_consonant(stem, stem.len() - 1)
            }))
        } else {
            Some(Box::new(|stem: &[char]| self.contains_vowel(stem)))
        };
        self.apply_rule_list(word, &[("y", "i".to_owned(), condition)])
    }

    fn positive_measure(&self) -> Condition<'_> {
        Some(Box::new(|stem: &[char]| self.has_positive_measure(stem)))
    }

    fn measure_gt_1(&self) -> Condition<'_> {
        Some(Box::new(|stem: &[char]| self.measure(stem) > 1))
    }

    fn step2(&self, word: &[char]) -> Word {
        if self.mode == Mode::Nltk
            && ends_with(word, "alli")
            && self.has_positive_measure(&self.replace_suffix(word, "alli", ""))
        {
            return self.step2(&self.replace_suffix(word, "alli", "al"));
        }

        let m = || self.positive_measure();
        let mut rules = vec![
            rule("ational", "ate", m()),
            rule("tional", "tion", m()),
            rule("enci", "ence", m()),
            rule("anci", "ance", m()),
            rule("izer", "ize", m()),
            if self.mode == Mode::Original {
                rule("abli", "able", m())
            } else {
                rule("bli", "ble", m())
            },
            rule("alli", "al", m()),
            rule("entli", "ent", m()),
            rule("eli", "e", m()),
            rule("ousli", "ous", m()),
            rule("ization", "ize", m()),
            rule("ation", "ate", m()),
            rule("ator", "ate", m()),
            rule("alism", "al", m()),
            rule("iveness", "ive", m()),
            rule("fulness", "ful", m()),
            rule("ousness", "ous", m()),
            rule("aliti", "al", m()),
            rule("iviti", "ive", m()),
            rule("biliti", "ble", m()),
        ];
        if self.mode == Mode::Nltk {
            rules.push(rule("fulli", "ful", m()));
            // The `l` of `logi` stays with the stem: the condition looks at `word[:-3]`.
            let with_l = drop_last(word, 3);
            rules.push(rule(
                "logi",
                "log",
                Some(Box::new(move |_: &[char]| {
                    self.has_positive_measure(&with_l)
                })),
            ));
        }
        if self.mode == Mode::Martin {
            rules.push(rule("logi", "log", m()));
        }
        self.apply_rule_list(word, &rules)
    }

    fn step3(&self, word: &[char]) -> Word {
        let m = || self.positive_measure();
        self.apply_rule_list(
            word,
            &[
                rule("icate", "ic", m()),
                rule("ative", "", m()),
                rule("alize", "al", m()),
                rule("iciti", "ic", m()),
                rule("ical", "ic", m()),
                rule("ful", "", m()),
                rule("ness", "", m()),
            ],
        )
    }

    fn step4(&self, word: &[char]) -> Word {
        let m = || self.measure_gt_1();
        self.apply_rule_list(
            word,
            &[
                rule("al", "", m()),
                rule("ance", "", m()),
                rule("ence", "", m()),
                rule("er", "", m()),
                rule("ic", "", m()),
                rule("able", "", m()),
                rule("ible", "", m()),
                rule("ant", "", m()),
                rule("ement", "", m()),
                rule("ment", "", m()),
                rule("ent", "", m()),
                rule(
                    "ion",
                    "",
                    Some(Box::new(|stem: &[char]| {
                        self.measure(stem) > 1
                            && stem.last().is_some_and(|c| ['s', 't'].contains(c))
                    })),
                ),
                rule("ou", "", m()),
                rule("ism", "", m()),
                rule("ate", "", m()),
                rule("iti", "", m()),
                rule("ous", "", m()),
                rule("ive", "", m()),
                rule("ize", "", m()),
            ],
        )
    }

    /// Not a rule list: when `(m>1) E` fails, `(m=1 and not *o) E` is still tried.
    fn step5a(&self, word: &[char]) -> Word {
        if ends_with(word, "e") {
            let stem = self.replace_suffix(word, "e", "");
            if self.measure(&stem) > 1 {
                return stem;
            }
            if self.measure(&stem) == 1 && !self.ends_cvc(&stem) {
                return stem;
            }
        }
        word.to_vec()
    }

    fn step5b(&self, word: &[char]) -> Word {
        let without_last_l = drop_last(word, 1);
        self.apply_rule_list(
            word,
            &[rule(
                "ll",
                "l",
                Some(Box::new(move |_: &[char]| {
                    self.measure(&without_last_l) > 1
                })),
            )],
        )
    }

    fn stem(&self, word: &str) -> String {
        // Python's `str.lower()`. Rust's `to_lowercase` applies the same full mappings but from a
        // newer Unicode than Python 3.11's; the crate's `lowercase` masks the difference and is
        // checked on its own, so the reference transcribes only the stemming steps.
        let stem = chars(&stemkit_stemmer::lowercase(word));

        if self.mode == Mode::Nltk {
            if let Some(irregular) = self.pool(&stem) {
                return irregular;
            }
        }

        // The short-word rule measures the word as given, before lowercasing.
        if self.mode != Mode::Original && word.chars().count() <= 2 {
            return stem.into_iter().collect();
        }

        let stem = self.step1a(&stem);
        let stem = self.step1b(&stem);
        let stem = self.step1c(&stem);
        let stem = self.step2(&stem);
        let stem = self.step3(&stem);
        let stem = self.step4(&stem);
        let stem = self.step5a(&stem);
        let stem = self.step5b(&stem);
        stem.into_iter().collect()
    }
}
