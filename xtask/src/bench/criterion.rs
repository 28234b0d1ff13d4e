//! The criterion half of `cargo xtask bench`: run the benchmarks, then print one table of rates
//! read from criterion's own estimates, with stemkit's Porter2 against the rust-stemmers crate and,
//! when Python has NLTK, stemkit's Porter against NLTK's `PorterStemmer`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use anyhow::{Context, Result};
use serde_json::Value;

use super::format_rate_words;
use crate::{cmd, project_root};

/// One benchmark's result.
struct Measurement {
    /// `group/function/parameter`, as criterion names it.
    id: String,
    group: String,
    function: String,
    parameter: String,
    /// Mean time of one iteration, in seconds.
    seconds: f64,
    rate: Rate,
}

/// Work per second, in the unit the benchmark declared.
enum Rate {
    WordsPerSecond(f64),
    BytesPerSecond(f64),
    Unknown,
}

/// Runs the benchmarks (those whose id contains `filter`, if given) and prints the summary.
pub(crate) fn run(filter: Option<&str>) -> Result<()> {
    let started = SystemTime::now();
    let mut bench = cmd::cargo(["bench", "-p", "stemkit-benches"]);
    if let Some(filter) = filter {
        bench.args(["--", filter]);
    }
    cmd::run(&mut bench)?;
    let criterion = project_root().join("target/criterion");
    let mut measurements = Vec::new();
    collect(&criterion, started, &mut measurements)?;
    measurements.sort_by(|a, b| a.id.cmp(&b.id));
    print_table(&measurements);
    print_ratios(&measurements);
    print_nltk_comparison(&measurements);
    let snowball: Vec<(String, String, f64)> = measurements
        .iter()
        .filter(|m| m.group == "snowball")
        .filter_map(|m| {
            Some((
                m.function.clone(),
                m.parameter.clone(),
                words_per_second(m)?,
            ))
        })
        .collect();
    super::snowball::print_comparison(&snowball);
    Ok(())
}

/// Reads every `new/benchmark.json` + `new/estimates.json` pair below `dir` written since `since`.
fn collect(dir: &Path, since: SystemTime, out: &mut Vec<Measurement>) -> Result<()> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        if entry.file_name() == "new" {
            let estimates = path.join("estimates.json");
            let fresh = fs::metadata(&estimates)
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= since);
            if fresh {
                out.push(read_measurement(&path)?);
            }
        } else {
            collect(&path, since, out)?;
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
}

fn read_measurement(dir: &Path) -> Result<Measurement> {
    let benchmark = read_json(&dir.join("benchmark.json"))?;
    let estimates = read_json(&dir.join("estimates.json"))?;
    let text = |key: &str| benchmark[key].as_str().unwrap_or_default().to_owned();
    // Criterion's own reports use the regression slope when it has one, else the mean.
    let nanoseconds = estimates["slope"]["point_estimate"]
        .as_f64()
        .or_else(|| estimates["mean"]["point_estimate"].as_f64())
        .with_context(|| format!("{}: no mean estimate", dir.display()))?;
    let seconds = nanoseconds / 1e9;
    let throughput = &benchmark["throughput"];
    let amount = |unit: &str| throughput[unit].as_f64().map(|n| n / seconds);
    let rate = if let Some(words) = amount("Elements") {
        Rate::WordsPerSecond(words)
    } else if let Some(bytes) = amount("Bytes").or_else(|| amount("BytesDecimal")) {
        Rate::BytesPerSecond(bytes)
    } else {
        Rate::Unknown
    };
    Ok(Measurement {
        id: text("full_id"),
        group: text("group_id"),
        function: text("function_id"),
        parameter: text("value_str"),
        seconds,
        rate,
    })
}

fn print_table(measurements: &[Measurement]) {
    println!("\n==== benchmark summary ====");
    println!("{:<58} {:>12} {:>16}", "benchmark", "time/iter", "rate");
    for m in measurements {
        println!(
            "{:<58} {:>12} {:>16}",
            m.id,
            format_time(m.seconds),
            format_rate(&m.rate)
        );
    }
}

/// stemkit's Porter2 variants against rust-stemmers' English stemmer, list by list.
fn print_ratios(measurements: &[Measurement]) {
    let in_group: Vec<&Measurement> = measurements
        .iter()
        .filter(|m| m.group == "porter2_vs_rust_stemmers")
        .collect();
    let baseline = |list: &str| {
        in_group
            .iter()
            .find(|m| m.function == "rust-stemmers-english" && m.parameter == list)
            .and_then(|m| words_per_second(m))
    };
    let ratios: Vec<String> = in_group
        .iter()
        .filter(|m| m.function.starts_with("stemkit"))
        .filter_map(|m| {
            let ratio = words_per_second(m)? / baseline(&m.parameter)?;
            Some(format!(
                "{:<22} on {:<12} {ratio:>6.2}x rust-stemmers",
                m.function, m.parameter
            ))
        })
        .collect();
    if !ratios.is_empty() {
        println!(
            "\n==== stemkit / rust-stemmers (words/s ratio; > 1 means stemkit is faster) ===="
        );
        for line in ratios {
            println!("{line}");
        }
    }
}

fn words_per_second(m: &Measurement) -> Option<f64> {
    match m.rate {
        Rate::WordsPerSecond(rate) => Some(rate),
        _ => None,
    }
}

/// Times NLTK's `PorterStemmer` on the same vocabulary when Python has NLTK; optional.
fn print_nltk_comparison(measurements: &[Measurement]) {
    let stemkit = measurements
        .iter()
        .find(|m| m.group == "stem" && m.function == "porter-nltk" && m.parameter == "vocabulary")
        .and_then(words_per_second);
    let Some(stemkit) = stemkit else {
        return;
    };
    let vocabulary = project_root().join("corpus/vocab/porter-voc.txt");
    match nltk_words_per_second(&vocabulary) {
        Some(nltk) => {
            println!("\n==== stemkit / NLTK (PorterStemmer() on corpus/vocab/porter-voc.txt) ====");
            println!(
                "NLTK {}  stemkit {}  ratio {:.1}x",
                format_rate(&Rate::WordsPerSecond(nltk)),
                format_rate(&Rate::WordsPerSecond(stemkit)),
                stemkit / nltk
            );
        }
        None => println!("\n(NLTK comparison skipped: `python3 -c \"import nltk\"` does not work)"),
    }
}

/// Best of three passes over the vocabulary, as words per second, printed by a tiny script.
const NLTK_TIMER: &str = r#"
import sys, time
from nltk.stem.porter import PorterStemmer
words = open(sys.argv[1], encoding="utf-8", newline="\n").read().split("\n")
stemmer = PorterStemmer()
best = None
for _ in range(3):
    start = time.perf_counter()
    for word in words:
        stemmer.stem(word)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(len(words) / best)
"#;

fn nltk_words_per_second(vocabulary: &PathBuf) -> Option<f64> {
    let output = Command::new("python3")
        .arg("-c")
        .arg(NLTK_TIMER)
        .arg(vocabulary)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}

fn format_time(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.2} µs", seconds * 1e6)
    }
}

fn format_rate(rate: &Rate) -> String {
    match *rate {
        Rate::WordsPerSecond(words) => format_rate_words(words),
        Rate::BytesPerSecond(bytes) => format!("{:.1} MB/s", bytes / 1e6),
        Rate::Unknown => "-".to_owned(),
    }
}
