//! The `snowball` group's summary in `cargo xtask bench`: per algorithm, stemkit's words/s beside
//! frostem's (both measured by criterion in the same run) and PyStemmer 3.1.0's `stemWords` (timed
//! here in Python, when a Python with PyStemmer 3.1.0 is found), with the ratios.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::format_rate_words;
use crate::project_root;

/// Per algorithm, best of three `stemWords` passes (cache off, as `Stemmer.Stemmer(name, 0)`)
/// over its vocabulary's words, as one JSON object `{name: words_per_second}`.
const PYSTEMMER_TIMER: &str = r#"
import gzip, json, sys, time
import Stemmer
if Stemmer.version() != "3.1.0":
    sys.exit("PyStemmer %s, not 3.1.0" % Stemmer.version())
rates = {}
for name in sys.argv[2:]:
    if name not in Stemmer.algorithms():
        continue
    with gzip.open("%s/%s.tsv.gz" % (sys.argv[1], name), "rt", encoding="utf-8", newline="\n") as f:
        rows = f.read().split("\n")[1:-1]
    words = [row.split("\t", 1)[0] for row in rows]
    stemmer = Stemmer.Stemmer(name, 0)
    best = None
    for _ in range(3):
        start = time.perf_counter()
        stemmer.stemWords(words)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    rates[name] = len(words) / best
print(json.dumps(rates))
"#;

/// Prints the table from the group's `(function, algorithm, words/s)` measurements.
pub(crate) fn print_comparison(rates: &[(String, String, f64)]) {
    let mut by_algorithm: BTreeMap<&str, (Option<f64>, Option<f64>)> = BTreeMap::new();
    for (function, algorithm, rate) in rates {
        let entry = by_algorithm.entry(algorithm).or_default();
        match function.as_str() {
            "stemkit" => entry.0 = Some(*rate),
            "frostem" => entry.1 = Some(*rate),
            _ => {}
        }
    }
    if by_algorithm.is_empty() {
        return;
    }
    let names: Vec<&str> = by_algorithm.keys().copied().collect();
    let python = pystemmer_rates(&names);
    println!(
        "\n==== snowball: stem_into per algorithm on its corpus/snowball vocabulary (no cache, one thread) ===="
    );
    match &python {
        Ok(_) => {}
        Err(why) => println!("(PyStemmer comparison skipped: {why})"),
    }
    println!(
        "{:<14} {:>14} {:>14} {:>8} {:>14} {:>8}",
        "algorithm", "stemkit", "frostem", "ratio", "PyStemmer", "ratio"
    );
    let cell = |rate: Option<f64>| rate.map_or_else(|| "-".to_owned(), format_rate_words);
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => format!("{:.2}x", a / b),
        _ => "-".to_owned(),
    };
    for (name, (stemkit, frostem)) in &by_algorithm {
        let pystemmer = python.as_ref().ok().and_then(|r| r.get(*name).copied());
        println!(
            "{:<14} {:>14} {:>14} {:>8} {:>14} {:>8}",
            name,
            cell(*stemkit),
            cell(*frostem),
            ratio(*stemkit, *frostem),
            cell(pystemmer),
            ratio(*stemkit, pystemmer)
        );
    }
}

/// The Python to time PyStemmer with: the project's venv (`target/python/venv`) if it exists,
/// else `python3`.
fn python() -> PathBuf {
    let venv = project_root().join("target/python/venv/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

fn pystemmer_rates(names: &[&str]) -> Result<BTreeMap<String, f64>, String> {
    let python = python();
    let corpus: &Path = &project_root().join("corpus/snowball");
    let output = Command::new(&python)
        .arg("-c")
        .arg(PYSTEMMER_TIMER)
        .arg(corpus)
        .args(names)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.trim().lines().last().unwrap_or_default().to_owned();
        return Err(format!("{}: {last}", python.display()));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("bad timer output: {e}"))
}
