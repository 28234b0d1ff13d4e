//! Every algorithm name against every reference vocabulary of `corpus/snowball/` that applies to
//! it: `NAME` against Snowball 3.1.0's stems, `NAME@VERSION` against that release's, `NAME-nltk`
//! against NLTK 3.10.4's, and the hand-written English stemmers against the same tables. The
//! expected stems come from PyStemmer, Snowball's C and NLTK, never from stemkit.

mod references;

use std::collections::HashSet;

use references::snowball::{FILES, NLTK, Table, reference_of, resolve};
use stemkit_stemmer::{Algorithm, Stemmer};

/// Every name the command line accepts, with the algorithm it names.
fn names() -> Vec<(&'static str, Algorithm)> {
    Algorithm::ALL
        .into_iter()
        .flat_map(|a| {
            std::iter::once(a.name())
                .chain(a.aliases().iter().copied())
                .map(move |n| (n, a))
        })
        .collect()
}

/// How many words of `table`'s `column` the algorithm stems differently, and the first few.
fn mismatches(algorithm: Algorithm, table: &Table, column: usize) -> (usize, Vec<String>) {
    let stemmer = Stemmer::new(algorithm);
    let mut stem = String::new();
    let mut count = 0;
    let mut first = Vec::new();
    for (line, word, expected) in table.pairs(column) {
        stemmer.stem_into(word, &mut stem);
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
        let Some((reference, label)) = reference_of(name) else {
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

/// Every name but one has a reference table (`porter-martin`, NLTK's Martin mode, is checked
/// against NLTK's own outputs in `vocab.rs`), and every name's output exists in it.
#[test]
fn every_name_has_a_reference() {
    let missing: Vec<&str> = names()
        .into_iter()
        .filter(|(name, _)| *name != "porter-martin")
        .filter(|(name, _)| match reference_of(name) {
            None => true,
            Some((file, label)) => resolve(&Table::load(file), label).is_none(),
        })
        .map(|(name, _)| name)
        .collect();
    assert!(missing.is_empty(), "no reference output for {missing:?}");
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
/// port; french, hungarian: NLTK follows pre-2.0 Snowball; italian, portuguese, romanian,
/// russian: NLTK's own changes on top).
const NLTK_RESIDUALS: [(&str, &str, &str, usize); 7] = [
    ("arabic", "arabic", "3.1.0", 30_534),
    ("french", "french@2.0.0", "2.0.0", 77),
    ("hungarian", "hungarian", "3.1.0", 639),
    ("italian", "italian@2.0.0", "2.0.0", 136),
    ("portuguese", "portuguese", "3.1.0", 64),
    ("romanian", "romanian@2.0.0", "2.0.0", 12),
    ("russian", "russian", "3.1.0", 8),
];

/// The residual counts, between the reference columns themselves: what the tables hold.
#[test]
fn nltk_residuals_in_the_references() {
    for (file, _, label, expected) in NLTK_RESIDUALS {
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
#[ignore = "needs the Snowball algorithms (branch snowball)"]
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
