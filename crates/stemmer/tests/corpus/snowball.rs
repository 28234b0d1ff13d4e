//! The Snowball vocabularies of `corpus/snowball/` (one gzip'd table per algorithm: each word of
//! the algorithm's `voc.txt`, then the stems of every reference output made by PyStemmer, the C
//! `stemwords` or NLTK; see `corpus/README.md`), and which reference each algorithm name claims.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use flate2::read::GzDecoder;

/// Every table in `corpus/snowball/`: the 36 algorithms of Snowball 3.1.0 and `lovins`.
pub(crate) const FILES: [&str; 37] = [
    "arabic",
    "armenian",
    "basque",
    "catalan",
    "czech",
    "danish",
    "dutch",
    "dutch_porter",
    "english",
    "esperanto",
    "estonian",
    "finnish",
    "french",
    "german",
    "greek",
    "hindi",
    "hungarian",
    "indonesian",
    "irish",
    "italian",
    "lithuanian",
    "lovins",
    "nepali",
    "norwegian",
    "persian",
    "polish",
    "porter",
    "portuguese",
    "romanian",
    "russian",
    "serbian",
    "sesotho",
    "spanish",
    "swedish",
    "tamil",
    "turkish",
    "yiddish",
];

/// The algorithms with a revision older than 3.1.0 kept in `../shared/snowball/algorithms/`
/// (its `REVISIONS.md`): for these, and only these, the tables say what each release computed.
const REVISED: [&str; 17] = [
    "arabic",
    "danish",
    "dutch",
    "dutch_porter",
    "english",
    "finnish",
    "french",
    "german",
    "hungarian",
    "italian",
    "norwegian",
    "porter",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
];

/// The column label of NLTK 3.10.4's outputs.
pub(crate) const NLTK: &str = "nltk-3.10.4";

/// One decompressed table: a header row, then `word\tstem...` per word.
pub(crate) struct Table {
    /// The algorithm whose vocabulary this is, such as `french`.
    pub(crate) file: &'static str,
    text: String,
    /// Per column after the word, every output label it holds (`3.1.0`, `2.0.0`, ...).
    labels: Vec<Vec<String>>,
}

impl Table {
    /// Reads and decompresses `corpus/snowball/FILE.tsv.gz`.
    pub(crate) fn load(file: &'static str) -> Table {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../corpus/snowball")
            .join(format!("{file}.tsv.gz"));
        let mut text = String::new();
        File::open(&path)
            .and_then(|f| GzDecoder::new(f).read_to_string(&mut text))
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let header = text.split('\n').next().unwrap_or_default();
        let mut fields = header.split('\t');
        assert_eq!(fields.next(), Some("word"), "{file}: bad header {header:?}");
        let labels = fields
            .map(|f| f.split('=').map(str::to_owned).collect())
            .collect();
        Table { file, text, labels }
    }

    /// The column (1 for the first after the word) holding output `label`, if any.
    pub(crate) fn column(&self, label: &str) -> Option<usize> {
        self.labels
            .iter()
            .position(|labels| labels.iter().any(|l| l == label))
            .map(|index| index + 1)
    }

    /// Every column's labels, joined by `=` as the header writes them.
    pub(crate) fn column_names(&self) -> Vec<String> {
        self.labels.iter().map(|l| l.join("=")).collect()
    }

    /// `(line, word, stem)` for every word, `line` counting from 1 in `voc.txt` (the table's
    /// line minus its header). Split on `\n` only: some words hold `\r` and the like.
    pub(crate) fn pairs(&self, column: usize) -> impl Iterator<Item = (usize, &str, &str)> {
        let body = self.text.strip_suffix('\n').unwrap_or(&self.text);
        body.split('\n').skip(1).enumerate().map(move |(i, row)| {
            let mut fields = row.split('\t');
            let word = fields.next().unwrap_or_default();
            let stem = fields
                .nth(column - 1)
                .unwrap_or_else(|| panic!("{}: row {} has no column {column}", self.file, i + 2));
            (i + 1, word, stem)
        })
    }

    /// How many words the table holds.
    pub(crate) fn len(&self) -> usize {
        self.text.matches('\n').count() - 1
    }
}

/// The table and output label whose stems an algorithm name promises, or `None` for a name
/// with no such reference here. Names: `NAME` (Snowball 3.1.0), `NAME@VERSION` (the `.sbl` of
/// that release), `NAME-nltk` (NLTK 3.10.4's `SnowballStemmer(NAME)`), and the hand-written
/// English stemmers' own names.
pub(crate) fn reference_of(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "porter2" | "snowball-english" => return Some(("english", "3.1.0")),
        "porter2-nltk" => return Some(("english", NLTK)),
        "porter-original" => return Some(("porter", "3.1.0")),
        "porter-nltk" => return Some(("porter", NLTK)),
        _ => {}
    }
    if let Some(file) = name.strip_suffix("-nltk") {
        return Some((known(file)?, NLTK));
    }
    let Some((file, version)) = name.split_once('@') else {
        return Some((known(name)?, "3.1.0"));
    };
    let file = known(file)?;
    let label = match version {
        "3.1.0" | "3.1.1" => "3.1.0",
        _ if !REVISED.contains(&file) => return None,
        // arabic.sbl changed in 2.2.0 to the file 3.1.0 still has; dutch_porter began in 3.0.0.
        "2.2.0" if file == "arabic" => "3.1.0",
        "2.0.0" | "2.1.0" | "2.2.0" if file == "dutch_porter" => return None,
        "2.0.0" | "2.1.0" | "2.2.0" => "2.0.0",
        "3.0.0" | "3.0.1" => "3.0.0",
        _ => return None,
    };
    Some((file, label))
}

fn known(file: &str) -> Option<&'static str> {
    FILES.into_iter().find(|f| *f == file)
}

/// The column of `table` holding output `label`. A revision is kept (and has an output) under
/// the earliest release that has it, so a release without its own output computes what 3.1.0
/// does: `french@3.0.0` is 3.1.0's `french.sbl`, `russian@2.0.0` too.
pub(crate) fn resolve(table: &Table, label: &str) -> Option<usize> {
    match label {
        "2.0.0" | "3.0.0" => table.column(label).or_else(|| table.column("3.1.0")),
        other => table.column(other),
    }
}
