//! Every algorithm name against every reference vocabulary of `corpus/snowball/` that applies to
//! it: `NAME` against Snowball 3.1.0's stems, `NAME@VERSION` against that release's, `NAME-nltk`
//! against NLTK 3.10.4's, and the hand-written English stemmers against the same tables. The
//! expected stems come from PyStemmer, Snowball's C and NLTK, never from stemkit.

mod corpus;

use std::collections::{HashMap, HashSet};

use corpus::snowball::{FILES, NLTK, Table, reference_of, resolve};
use stemkit_stemmer::{Algorithm, Program, Stemmer};

/// Every name the command line accepts, with the algorithm it names: each algorithm's name and
/// aliases, and for Snowball programs every `NAME@RELEASE` and `NAME-nltk` that selects them.
fn names() -> Vec<(String, Algorithm)> {
    Algorithm::all()
        .flat_map(|a| {
            let mut names = vec![a.name().to_owned()];
            names.extend(a.aliases().iter().map(|n| (*n).to_owned()));
            if let Algorithm::Snowball(program) = a {
                names.extend(program.aliases());
            }
            names.into_iter().map(move |n| (n, a))
        })
        .collect()
}

/// How many words of `table`'s `column` the algorithm stems differently, and the first few.
/// Snowball's outputs are of the word as it is (47 Irish words hold capitals), NLTK's of the word
/// lowercased: [`Stemmer::as_given`] and [`Stemmer::stem_into`].
fn mismatches(algorithm: Algorithm, table: &Table, column: usize) -> (usize, Vec<String>) {
    let stemmer = Stemmer::new(algorithm);
    let lowercase = table.column(NLTK) == Some(column);
    let mut stem = String::new();
    let mut count = 0;
    let mut first = Vec::new();
    for (line, word, expected) in table.pairs(column) {
        if lowercase {
            stemmer.stem_into(word, &mut stem);
        } else {
            stemmer.as_given().stem_into(word, &mut stem);
        }
        if stem != expected {
            count += 1;
            if first.len() < 10 {
                first.push(format!(
                    "    voc line {line}: {word:?}: expected {expected:?}, got {stem:?}"
                ));
            }
        }
    }
    (count, first)
}

/// Every name whose reference is in `file`'s table, each algorithm checked once per column;
/// fails listing, per name, how many words differ and the first of them with their line.
fn check_file(file: &'static str) {
    let table = Table::load(file);
    let mut done = HashSet::new();
    let mut failures = Vec::new();
    for (name, algorithm) in names() {
        let Some((reference, label)) = reference_of(&name) else {
            continue;
        };
        if reference != file {
            continue;
        }
        let Some(column) = resolve(&table, label) else {
            failures.push(format!(
                "  {name}: corpus/snowball/{file}.tsv.gz has no output {label} (columns: {:?})",
                table.column_names()
            ));
            continue;
        };
        if !done.insert((algorithm, column)) {
            continue;
        }
        let (count, first) = mismatches(algorithm, &table, column);
        if count > 0 {
            failures.push(format!(
                "  {name}: {count} of {} words differ from column {:?} of corpus/snowball/{file}.tsv.gz; the first:\n{}",
                table.len(),
                table.column_names()[column - 1],
                first.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
}

macro_rules! vocabularies {
    ($($file:ident)*) => {
        $(
            #[test]
            fn $file() {
                check_file(stringify!($file));
            }
        )*
        #[test]
        fn one_test_per_table() {
            assert_eq!([$(stringify!($file)),*], FILES);
        }
    };
}

vocabularies! {
    arabic armenian basque catalan czech danish dutch dutch_porter english esperanto estonian
    finnish french german greek hindi hungarian indonesian irish italian lithuanian lovins nepali
    norwegian persian polish porter portuguese romanian russian serbian sesotho spanish swedish
    tamil turkish yiddish
}

/// `FILES` is exactly the tables in `corpus/snowball/`.
#[test]
fn every_table_is_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/snowball");
    let mut tables: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus/snowball")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".tsv.gz")?.to_owned())
        })
        .collect();
    tables.sort();
    assert_eq!(tables, FILES);
}

/// Every table, by algorithm.
fn tables() -> HashMap<&'static str, Table> {
    FILES.into_iter().map(|f| (f, Table::load(f))).collect()
}

/// Every name but one has a reference table (`porter-martin`, NLTK's Martin mode, is checked
/// against NLTK's own outputs in `vocab.rs`), every name's output exists in it, and every name
/// parses to the algorithm that lists it.
#[test]
fn every_name_has_a_reference() {
    let names = names();
    let tables = tables();
    let missing: Vec<&str> = names
        .iter()
        .filter(|(name, _)| name != "porter-martin")
        .filter(|(name, _)| match reference_of(name) {
            None => true,
            Some((file, label)) => resolve(&tables[file], label).is_none(),
        })
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(missing.is_empty(), "no reference output for {missing:?}");
    for (name, algorithm) in &names {
        assert_eq!(name.parse::<Algorithm>().as_ref(), Ok(algorithm), "{name}");
    }
}

/// Every output of every table is some name's reference: nothing in `corpus/snowball/` goes
/// unchecked (the NLTK outputs of the languages in [`NLTK_RESIDUALS`] are checked there).
#[test]
fn every_reference_output_has_a_name() {
    let tables = tables();
    let claimed: HashSet<(String, usize)> = names()
        .iter()
        .filter_map(|(name, _)| {
            let (file, label) = reference_of(name)?;
            Some((file.to_owned(), resolve(&tables[file], label)?))
        })
        .collect();
    let mut unclaimed = Vec::new();
    for (file, table) in &tables {
        for (index, column) in table.column_names().into_iter().enumerate() {
            let residual = NLTK_RESIDUALS.iter().any(|r| r.0 == *file) && column == NLTK;
            if !residual && !claimed.contains(&((*file).to_owned(), index + 1)) {
                unclaimed.push(format!("{file}: {column}"));
            }
        }
    }
    assert!(
        unclaimed.is_empty(),
        "outputs no name claims: {unclaimed:?}"
    );
}

/// The name resolution itself, on names whether or not an algorithm has them yet.
#[test]
fn names_resolve_to_the_outputs_of_their_release() {
    let cases = [
        ("french", Some(("french", "3.1.0"))),
        ("french@3.1.1", Some(("french", "3.1.0"))),
        ("german@2.2.0", Some(("german", "2.0.0"))),
        ("german-nltk", Some(("german", NLTK))),
        ("arabic@2.1.0", Some(("arabic", "2.0.0"))),
        ("arabic@2.2.0", Some(("arabic", "3.1.0"))),
        ("dutch_porter@2.0.0", None),
        ("greek@2.0.0", None),
        ("klingon", None),
        ("porter2-nltk", Some(("english", NLTK))),
    ];
    for (name, expected) in cases {
        assert_eq!(reference_of(name), expected, "{name}");
    }
    let french = Table::load("french");
    assert_eq!(resolve(&french, "3.0.0"), french.column("3.1.0"));
    assert_eq!(french.column_names(), ["3.1.0", "2.0.0", NLTK]);
    let german = Table::load("german");
    assert_eq!(resolve(&german, "3.0.0"), Some(1));
    assert_eq!(german.column_names(), ["3.1.0=3.0.0", "2.0.0=nltk-3.10.4"]);
}

/// NLTK 3.10.4 languages that no Snowball revision reproduces exactly, so that have no
/// `NAME-nltk`: the closest revision's name and how many words of the vocabulary NLTK stems
/// differently, as `../shared/snowball/NLTK.md` measured with Snowball's C (arabic: NLTK's own
/// port; french: NLTK follows pre-2.0 Snowball; italian, portuguese, romanian, russian: NLTK's
/// own changes on top). Hungarian, 639 words off every kept revision, has `hungarian-nltk`: the
/// pre-2014 source NLTK follows.
const NLTK_RESIDUALS: [(&str, &str, &str, usize); 6] = [
    ("arabic", "arabic", "3.1.0", 30_534),
    ("french", "french@2.0.0", "2.0.0", 77),
    ("italian", "italian@2.0.0", "2.0.0", 136),
    ("portuguese", "portuguese", "3.1.0", 64),
    ("romanian", "romanian@2.0.0", "2.0.0", 12),
    ("russian", "russian", "3.1.0", 8),
];

/// The residual counts, between the reference columns themselves: what the tables hold.
#[test]
fn nltk_residuals_in_the_references() {
    let hungarian = ("hungarian", "hungarian", "3.1.0", 639);
    for (file, _, label, expected) in NLTK_RESIDUALS.into_iter().chain([hungarian]) {
        let table = Table::load(file);
        let (closest, nltk) = (table.column(label), table.column(NLTK));
        let (Some(closest), Some(nltk)) = (closest, nltk) else {
            panic!("{file}: no {label} or {NLTK} column");
        };
        let differ = table
            .pairs(closest)
            .zip(table.pairs(nltk))
            .filter(|((_, _, a), (_, _, b))| a != b)
            .count();
        assert_eq!(differ, expected, "{file}: {label} against {NLTK}");
    }
}

/// The same counts from our compiled revisions, and no `NAME-nltk` for these languages.
#[test]
fn nltk_residuals_of_the_closest_revisions() {
    let mut wrong = Vec::new();
    for (file, name, _, expected) in NLTK_RESIDUALS {
        assert!(
            format!("{file}-nltk").parse::<Algorithm>().is_err(),
            "{file}-nltk exists but does not reproduce NLTK"
        );
        let algorithm: Algorithm = name.parse().expect(name);
        let table = Table::load(file);
        let nltk = table.column(NLTK).expect("an NLTK column");
        let (count, first) = mismatches(algorithm, &table, nltk);
        if count != expected {
            wrong.push(format!(
                "  {name} against NLTK: {count} words differ, NLTK.md says {expected}; the first:\n{}",
                first.join("\n")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Where NLTK's `SnowballStemmer("english")`, and so `porter2-nltk`, departs from Snowball 2.x's
/// `english.sbl` on the words below: (word, NLTK 3.10.4's stem, PyStemmer 2.2.0.3's stem), both
/// computed with those packages in a scratch virtualenv. NLTK's port ends `-ization` at `-ize`
/// and counts the regions differently after `ekiz`- and around `é`.
const ENGLISH_NLTK_QUIRKS: [(&str, &str, &str); 3] = [
    ("realization", "realize", "realiz"),
    ("ekizer", "ekize", "ekiz"),
    ("évtized", "évtiz", "évtize"),
];

/// The hand-written English stemmers against the compiled `.sbl` they transcribe, on every word
/// of every table (2.1 million, in 37 languages) and of `nltk-snowball-english.tsv` (mixed case,
/// edge cases): `porter2` is `english` everywhere; `porter2-nltk` is `english@2.0.0` but for
/// NLTK's own quirks, each asserted. The compiled program runs through `as_given().stem_into` on the
/// lowercased word.
#[test]
fn hand_written_english_equals_the_compiled_programs() {
    let mut words: Vec<String> = Vec::new();
    for (_, table) in tables() {
        words.extend(table.pairs(1).map(|(_, word, _)| word.to_owned()));
    }
    let tsv = corpus::column("nltk-snowball-english.tsv", "snowball_english_nltk");
    words.extend(tsv.into_iter().map(|(word, _)| word));
    let differences = |hand: &str, compiled: &str| {
        let hand = Stemmer::new(hand.parse().expect(hand));
        let compiled = Stemmer::new(compiled.parse().expect(compiled));
        let (mut a, mut b) = (String::new(), String::new());
        let mut found = Vec::new();
        for word in &words {
            hand.stem_into(word, &mut a);
            compiled
                .as_given()
                .stem_into(&stemkit_stemmer::lowercase(word), &mut b);
            if a != b {
                found.push((word.clone(), a.clone(), b.clone()));
            }
        }
        found.sort();
        found.dedup();
        found
    };
    assert_eq!(differences("porter2", "english"), []);
    let mut quirks: Vec<(String, String, String)> = ENGLISH_NLTK_QUIRKS
        .iter()
        .map(|&(w, n, s)| (w.to_owned(), n.to_owned(), s.to_owned()))
        .collect();
    quirks.sort();
    assert_eq!(differences("porter2-nltk", "english@2.0.0"), quirks);
}

/// Where `stem_into` of a Snowball program differs from the program itself (`as_given().stem_into`)
/// on the lowercased word: the words of the program's own table, and for the English programs
/// every table's words. `programs` says which programs to check.
fn stem_into_departures(programs: &[Program]) -> Vec<String> {
    let tables = tables();
    let all: Vec<&str> = tables
        .values()
        .flat_map(|t| t.pairs(1).map(|(_, w, _)| w))
        .collect();
    let mut found = Vec::new();
    for &program in programs {
        let stemmer = Stemmer::new(Algorithm::Snowball(program));
        let english = matches!(program.algorithm(), "english" | "porter" | "lovins");
        let own: Vec<&str> = match tables.get(program.algorithm()) {
            Some(table) if !english => table.pairs(1).map(|(_, w, _)| w).collect(),
            _ => all.clone(),
        };
        let (mut a, mut b) = (String::new(), String::new());
        for word in own {
            stemmer.stem_into(word, &mut a);
            stemmer
                .as_given()
                .stem_into(&stemkit_stemmer::lowercase(word), &mut b);
            if a != b && found.len() < 20 {
                found.push(format!(
                    "  {}: {word:?}: stem_into {a:?}, the program {b:?}",
                    program.name()
                ));
            }
        }
    }
    found
}

/// `stem_into` is the program on the lowercased word, whatever shortcut it takes (`english@2.0.0`
/// runs the compiled Snowball 2.0.0, since the hand-written revision carries NLTK's quirks and
/// answers to `english-nltk` instead).
#[test]
fn stem_into_is_the_program_on_the_lowercased_word() {
    let found = stem_into_departures(&Program::ALL);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
