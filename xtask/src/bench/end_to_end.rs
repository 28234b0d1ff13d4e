//! The end-to-end half of `cargo xtask bench`: whole `stemkit` processes on generated news-like
//! inputs, side by side with NLTK, rust-stemmers and `tr` on the same files, printed as one
//! table with issue 7's targets; then whether the outputs that must agree do.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::format_rate_words;
use super::timing::{self, Job, Timing};
use crate::{cmd, project_root};

/// The comparisons, by the names `--only` takes, in the order they run.
pub(super) const NAMES: [&str; 7] = [
    "nltk",
    "rust-stemmers",
    "tr",
    "memory",
    "directory",
    "csv",
    "jsonl",
];

/// Runs the section: build, generate the inputs, measure, print. `only` names the comparisons
/// to run; empty means all.
pub(super) fn run(quick: bool, only: &[String]) -> Result<()> {
    println!("\n==== end-to-end: building release binaries ====");
    cmd::run(&mut cmd::cargo([
        "build",
        "--release",
        "-p",
        "stemkit-cli",
        "-p",
        "stemkit-benches",
        // With targets named, cargo builds only those: the command itself must be named too.
        "--bin",
        "stemkit",
        "--example",
        "rust_stemmers_stem",
        "--example",
        "bench_inputs",
    ]))?;
    let inputs = Inputs::generate(quick)?;
    let load_before = load_average();
    let mut bench = Bench {
        inputs,
        rounds: if quick { 3 } else { 5 },
        rows: Vec::new(),
        checks: Vec::new(),
    };
    println!(
        "\n==== end-to-end: measuring ({} rounds each, alternating; minimum wall time) ====",
        bench.rounds
    );
    let comparisons: [fn(&mut Bench) -> Result<()>; NAMES.len()] = [
        Bench::stem_against_nltk,
        Bench::stem_against_rust_stemmers,
        Bench::documents_against_tr,
        Bench::single_line_memory,
        Bench::threads_on_directory,
        Bench::threads_on_csv,
        Bench::threads_on_jsonl,
    ];
    for (name, comparison) in NAMES.iter().zip(comparisons) {
        if only.is_empty() || only.iter().any(|wanted| wanted == name) {
            comparison(&mut bench)?;
        }
    }
    print_machine(&load_before);
    print_rows(&bench.rows);
    println!("\n==== end-to-end: outputs ====");
    for check in &bench.checks {
        println!("{check}");
    }
    Ok(())
}

/// The generated inputs and where outputs go.
struct Inputs {
    /// One word per line.
    tokens: PathBuf,
    token_count: usize,
    /// A news-like document (title line, paragraphs).
    document: PathBuf,
    /// A title line and one paragraph line with no newline in it.
    single_line: PathBuf,
    /// A title line and one line that is a single giant word.
    single_word: PathBuf,
    /// A directory of news-like documents.
    documents: PathBuf,
    /// A CSV news dataset: title, text, subject, date.
    csv: PathBuf,
    /// The same records as JSON Lines.
    jsonl: PathBuf,
    out: PathBuf,
    stemkit: PathBuf,
    rust_stemmers: PathBuf,
}

impl Inputs {
    /// Writes the inputs under `target/bench-inputs/{full,quick}/` unless already there.
    fn generate(quick: bool) -> Result<Self> {
        let target = project_root().join("target");
        let dir = target
            .join("bench-inputs")
            .join(if quick { "quick" } else { "full" });
        println!("\n==== end-to-end: inputs in {} ====", dir.display());
        let mut generator = Command::new(target.join("release/examples/bench_inputs"));
        generator.arg(&dir);
        if quick {
            generator.arg("--quick");
        }
        cmd::run(&mut generator)?;
        let tokens = dir.join("tokens.txt");
        let token_count = line_count(&tokens)?;
        let out = dir.join("out");
        fs::create_dir_all(&out)?;
        Ok(Self {
            tokens,
            token_count,
            document: dir.join("document.txt"),
            single_line: dir.join("single-line.txt"),
            single_word: dir.join("single-word.txt"),
            documents: dir.join("documents"),
            csv: dir.join("news.csv"),
            jsonl: dir.join("news.jsonl"),
            out,
            stemkit: target.join("release/stemkit"),
            rust_stemmers: target.join("release/examples/rust_stemmers_stem"),
        })
    }

    /// A path for an output.
    fn out(&self, name: &str) -> PathBuf {
        self.out.join(name)
    }

    fn stemkit(&self, stdout: &str) -> Job {
        Job::new(&self.stemkit, &self.out(stdout))
    }
}

/// One line of the table.
struct Row {
    what: String,
    input: String,
    seconds: Option<f64>,
    /// CPU seconds (user + system) when known.
    cpu_seconds: Option<f64>,
    rate: String,
    /// The ratio and its target, for the line that is checked.
    goal: Option<Goal>,
}

/// A measured ratio (or peak memory) against its target.
enum Goal {
    /// Passes when `ratio >= minimum`.
    Ratio { ratio: f64, minimum: f64 },
    /// Passes when the peak memory is under `limit_mib`; unknown without GNU time.
    Memory { kib: Option<u64>, limit_mib: u64 },
}

impl Goal {
    fn ratio_text(&self) -> String {
        match self {
            // Rounded down, so that a ratio just under its target never prints as reaching it.
            Goal::Ratio { ratio, .. } => format!("{:.2}x", (ratio * 100.0).floor() / 100.0),
            Goal::Memory { .. } => "-".to_owned(),
        }
    }

    fn target_text(&self) -> String {
        match self {
            Goal::Ratio { minimum, .. } => format!(">= {minimum}x"),
            Goal::Memory { limit_mib, .. } => format!("< {limit_mib} MiB"),
        }
    }

    fn verdict(&self) -> &'static str {
        match *self {
            Goal::Ratio { ratio, minimum } if ratio >= minimum => "PASS",
            Goal::Ratio { .. } => "MISS",
            Goal::Memory { kib: None, .. } => "n/a",
            Goal::Memory {
                kib: Some(kib),
                limit_mib,
            } if kib < limit_mib * 1024 => "PASS",
            Goal::Memory { .. } => "MISS",
        }
    }
}

/// Thread comparisons take this many times the usual rounds: their runs are short (a fraction
/// of a second), and a ratio of two minimums needs a quiet moment for each of the two.
const THREAD_ROUNDS_FACTOR: usize = 3;

/// Peak memory's target, from issue 7.
const MEMORY_LIMIT_MIB: u64 = 64;

/// The measurements so far.
struct Bench {
    inputs: Inputs,
    rounds: usize,
    rows: Vec<Row>,
    /// One line per output comparison.
    checks: Vec<String>,
}

impl Bench {
    fn time(&self, jobs: &[&Job]) -> Result<Vec<Timing>> {
        timing::alternately(jobs, self.rounds, &self.inputs.out)
    }

    /// A row that only informs: the baseline of a comparison.
    fn baseline(&mut self, what: &str, input: &str, timing: Timing, rate: String) {
        self.rows.push(Row {
            what: what.to_owned(),
            input: input.to_owned(),
            seconds: Some(timing.seconds),
            cpu_seconds: timing.cpu_seconds,
            rate,
            goal: None,
        });
    }

    fn compared(&mut self, what: &str, input: &str, timing: Timing, rate: String, goal: Goal) {
        self.rows.push(Row {
            what: what.to_owned(),
            input: input.to_owned(),
            seconds: Some(timing.seconds),
            cpu_seconds: timing.cpu_seconds,
            rate,
            goal: Some(goal),
        });
    }

    fn memory(&mut self, what: &str, input: &str, timing: Timing) {
        self.rows.push(Row {
            what: format!("peak memory: {what}"),
            input: input.to_owned(),
            seconds: None,
            cpu_seconds: None,
            rate: timing.max_rss_kib.map_or("n/a".to_owned(), |kib| {
                format!("{:.1} MiB", kib as f64 / 1024.0)
            }),
            goal: Some(Goal::Memory {
                kib: timing.max_rss_kib,
                limit_mib: MEMORY_LIMIT_MIB,
            }),
        });
    }

    fn tokens_label(&self) -> String {
        format!("{} words, 1/line", millions(self.inputs.token_count))
    }

    /// Target 1: `stemkit stem --algorithm porter-nltk` against NLTK's `PorterStemmer().stem`.
    fn stem_against_nltk(&mut self) -> Result<()> {
        let inputs = &self.inputs;
        let stemkit = inputs
            .stemkit("stem-porter-nltk.txt")
            .args(["stem", "--algorithm", "porter-nltk"])
            .args([&inputs.tokens]);
        let [timing] = self.time(&[&stemkit])?[..] else {
            bail!("one job, one timing");
        };
        let label = self.tokens_label();
        let stemkit_rate = self.inputs.token_count as f64 / timing.seconds;
        let stemkit_line = format_rate_words(stemkit_rate);
        self.memory("stemkit stem porter-nltk", &label, timing);
        if !cmd::succeeds(Command::new("python3").args(["-c", "import nltk"])) {
            self.checks
                .push("NLTK comparison skipped: `python3 -c \"import nltk\"` fails".to_owned());
            self.baseline("stemkit stem porter-nltk", &label, timing, stemkit_line);
            return Ok(());
        }
        let sample = self.inputs.token_count.min(NLTK_SAMPLE);
        let nltk_out = self.inputs.out("stem-nltk-python.txt");
        println!(
            "  $ python3 (NLTK PorterStemmer().stem over the first {sample} words, best of 3)"
        );
        let nltk_seconds = nltk_seconds(&self.inputs.tokens, sample, &nltk_out)?;
        let nltk_rate = sample as f64 / nltk_seconds;
        let nltk_label = format!("first {} of those", millions(sample));
        self.baseline(
            "NLTK PorterStemmer().stem (Python loop)",
            &nltk_label,
            Timing {
                seconds: nltk_seconds,
                median_seconds: nltk_seconds,
                cpu_seconds: None,
                max_rss_kib: None,
            },
            format_rate_words(nltk_rate),
        );
        let goal = Goal::Ratio {
            ratio: stemkit_rate / nltk_rate,
            minimum: 500.0,
        };
        self.compared(
            "stemkit stem porter-nltk",
            &label,
            timing,
            stemkit_line,
            goal,
        );
        let stemkit_out = self.inputs.out("stem-porter-nltk.txt");
        let differing = differing_lines(&nltk_out, &stemkit_out, sample)?;
        self.checks.push(format!(
            "stemkit porter-nltk vs NLTK on the first {sample} words: {differing} differing lines"
        ));
        Ok(())
    }

    /// Target 2: `stemkit stem --algorithm porter2` against the rust-stemmers program.
    fn stem_against_rust_stemmers(&mut self) -> Result<()> {
        let inputs = &self.inputs;
        let rust_stemmers = Job::new(&inputs.rust_stemmers, &inputs.out("stem-rust-stemmers.txt"))
            .stdin(&inputs.tokens);
        let stemkit = inputs
            .stemkit("stem-porter2.txt")
            .args(["stem", "--algorithm", "porter2"])
            .args([&inputs.tokens]);
        let [theirs, ours] = self.time(&[&rust_stemmers, &stemkit])?[..] else {
            bail!("two jobs, two timings");
        };
        let words = self.inputs.token_count as f64;
        let label = self.tokens_label();
        self.baseline(
            "rust-stemmers english (same I/O contract)",
            &label,
            theirs,
            format_rate_words(words / theirs.seconds),
        );
        let goal = Goal::Ratio {
            ratio: theirs.seconds / ours.seconds,
            minimum: 1.5,
        };
        let rate = format_rate_words(words / ours.seconds);
        self.compared("stemkit stem porter2", &label, ours, rate, goal);
        let differing = differing_lines(
            &self.inputs.out("stem-rust-stemmers.txt"),
            &self.inputs.out("stem-porter2.txt"),
            self.inputs.token_count,
        )?;
        self.checks.push(format!(
            "stemkit porter2 vs rust-stemmers english: {differing} differing lines of {} \
             (rust-stemmers implements an older Snowball English)",
            self.inputs.token_count
        ));
        let reference = self.inputs.out("stem-pystemmer.txt");
        if pystemmer_stems(&self.inputs.tokens, &reference) {
            let differing = differing_lines(
                &reference,
                &self.inputs.out("stem-porter2.txt"),
                self.inputs.token_count,
            )?;
            self.checks.push(format!(
                "stemkit porter2 vs PyStemmer english (Snowball's own C): {differing} differing lines"
            ));
        }
        Ok(())
    }

    /// Target 3 (and 4 for `process`): whole-document `process` and `tokenize` against `tr`.
    fn documents_against_tr(&mut self) -> Result<()> {
        let inputs = &self.inputs;
        let tr = Job::new("tr", &inputs.out("document-tr.txt"))
            .args(["-cs", "A-Za-z", "\n"])
            .stdin(&inputs.document);
        let process = inputs
            .stemkit("document-process.txt")
            .args(["process"])
            .args([&inputs.document]);
        let tokenize = inputs
            .stemkit("document-tokenize.txt")
            .args(["tokenize"])
            .args([&inputs.document]);
        let [tr, process, tokenize] = self.time(&[&tr, &process, &tokenize])?[..] else {
            bail!("three jobs, three timings");
        };
        let bytes = fs::metadata(&self.inputs.document)?.len() as f64;
        let label = format!("{} news document", megabytes(bytes as u64));
        let rate = |seconds: f64| format!("{:.1} MB/s", bytes / 1e6 / seconds);
        self.baseline("tr -cs A-Za-z '\\n'", &label, tr, rate(tr.seconds));
        for (what, timing) in [("stemkit process", process), ("stemkit tokenize", tokenize)] {
            let goal = Goal::Ratio {
                ratio: tr.seconds / timing.seconds,
                minimum: 1.0,
            };
            self.compared(what, &label, timing, rate(timing.seconds), goal);
        }
        self.memory("stemkit process", &label, process);
        Ok(())
    }

    /// Target 4 on a document whose body is one line, and on one whose body is one giant word
    /// (a document's one token, and a word list's one line).
    fn single_line_memory(&mut self) -> Result<()> {
        let (single_line, single_word) = (
            self.inputs.single_line.clone(),
            self.inputs.single_word.clone(),
        );
        self.peak_memory(&["process"], &single_line, "body one line")?;
        self.peak_memory(&["process", "stem"], &single_word, "body one word")
    }

    /// The peak memory of `stemkit COMMAND input` for each command, as rows labelled with the
    /// input's size and `what`.
    fn peak_memory(&mut self, commands: &[&str], input: &Path, what: &str) -> Result<()> {
        let stem = input.file_stem().unwrap_or_default().to_string_lossy();
        let jobs: Vec<Job> = commands
            .iter()
            .map(|command| {
                self.inputs
                    .stemkit(&format!("{stem}-{command}.txt"))
                    .args([command])
                    .args([input])
            })
            .collect();
        let timings = self.time(&jobs.iter().collect::<Vec<_>>())?;
        let bytes = fs::metadata(input)?.len() as f64;
        let label = format!("{:.0} MiB, {what}", bytes / (1024.0 * 1024.0));
        for (command, timing) in commands.iter().zip(timings) {
            self.memory(&format!("stemkit {command}"), &label, timing);
        }
        Ok(())
    }

    /// Target 5 on a directory of documents.
    fn threads_on_directory(&mut self) -> Result<()> {
        let inputs = &self.inputs;
        let files = fs::read_dir(&inputs.documents)?.count();
        let size = megabytes(size_of(&inputs.documents)?);
        let label = format!("{size} in {files} documents");
        let run = |threads: &str| {
            let out = inputs.out(&format!("documents-threads-{threads}"));
            inputs
                .stemkit("documents-stdout.txt")
                .args(["process", "--threads", threads])
                .args([&inputs.documents])
                .args([OsStr::new("-o"), out.as_os_str()])
                .clears(&out)
        };
        let input = inputs.documents.clone();
        self.threads(&label, &run("1"), &run("2"), &input)
    }

    /// Target 5 on a CSV dataset.
    fn threads_on_csv(&mut self) -> Result<()> {
        let path = self.inputs.csv.clone();
        self.threads_on_dataset("csv", &path)
    }

    /// Target 5 on a JSON Lines dataset (the CSV's records).
    fn threads_on_jsonl(&mut self) -> Result<()> {
        let path = self.inputs.jsonl.clone();
        self.threads_on_dataset("jsonl", &path)
    }

    /// `--threads 2` against `--threads 1` on the dataset `input` in `format`, written back in
    /// the same format.
    fn threads_on_dataset(&mut self, format: &str, input: &Path) -> Result<()> {
        let inputs = &self.inputs;
        let run = |threads: &str| {
            let out = inputs.out(&format!("news-threads-{threads}.{format}"));
            inputs
                .stemkit(&format!("news-{format}-stdout.txt"))
                .args([
                    "process",
                    "--input-format",
                    format,
                    "--output-format",
                    format,
                ])
                .args(["--threads", threads])
                .args([input])
                .args([OsStr::new("-o"), out.as_os_str()])
                .clears(&out)
        };
        let upper = format.to_uppercase();
        let label = format!("{} {upper} news records", megabytes(size_of(input)?));
        self.threads(&label, &run("1"), &run("2"), input)
    }

    /// `--threads 2` against `--threads 1`, and whether both wrote the same output.
    fn threads(&mut self, label: &str, one: &Job, two: &Job, input: &Path) -> Result<()> {
        let rounds = self.rounds * THREAD_ROUNDS_FACTOR;
        let timings = timing::alternately(&[one, two], rounds, &self.inputs.out)?;
        let [one_timing, two_timing] = timings[..] else {
            bail!("two jobs, two timings");
        };
        let bytes = size_of(input)? as f64;
        let rate = |seconds: f64| format!("{:.1} MB/s", bytes / 1e6 / seconds);
        let what = "stemkit process --threads";
        self.baseline(
            &format!("{what} 1"),
            label,
            one_timing,
            rate(one_timing.seconds),
        );
        let goal = Goal::Ratio {
            ratio: one_timing.seconds / two_timing.seconds,
            minimum: 1.8,
        };
        let two_rate = rate(two_timing.seconds);
        self.compared(&format!("{what} 2"), label, two_timing, two_rate, goal);
        let (Some(a), Some(b)) = (one.args.last(), two.args.last()) else {
            bail!("an output path is the last argument");
        };
        let same = same_tree(Path::new(a), Path::new(b))?;
        self.checks.push(format!(
            "{label}: --threads 1 and --threads 2 outputs {}; {rounds} rounds, median times \
             {:.3} s and {:.3} s (ratio {:.2}x)",
            if same { "identical" } else { "DIFFER" },
            one_timing.median_seconds,
            two_timing.median_seconds,
            one_timing.median_seconds / two_timing.median_seconds,
        ));
        Ok(())
    }
}

/// How many words NLTK stems at most: a Python loop over all 5 million would take minutes.
const NLTK_SAMPLE: usize = 500_000;

/// Reads the first `count` words, stems them all three times in a Python loop, prints the best
/// time in seconds, and writes the stems of the last pass (one per line) to compare.
const NLTK_TIMER: &str = r#"
import sys, time
from itertools import islice
from nltk.stem.porter import PorterStemmer
path, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, encoding="utf-8", newline="\n") as f:
    words = [line[:-1] if line.endswith("\n") else line for line in islice(f, count)]
stemmer = PorterStemmer()
best = None
for _ in range(3):
    start = time.perf_counter()
    stems = [stemmer.stem(word) for word in words]
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(stem + "\n" for stem in stems))
print(best)
"#;

fn nltk_seconds(tokens: &Path, count: usize, out: &Path) -> Result<f64> {
    let output = Command::new("python3")
        .args(["-c", NLTK_TIMER])
        .arg(tokens)
        .arg(count.to_string())
        .arg(out)
        .output()
        .context("cannot start python3")?;
    if !output.status.success() {
        bail!(
            "the NLTK timer failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .parse()
        .with_context(|| format!("the NLTK timer printed `{}`", text.trim()))
}

/// Stems every word with PyStemmer's English into `out`, when Python has it; optional.
fn pystemmer_stems(tokens: &Path, out: &Path) -> bool {
    const SCRIPT: &str = r#"
import sys, Stemmer
stemmer = Stemmer.Stemmer("english")
with open(sys.argv[1], encoding="utf-8", newline="\n") as f:
    words = f.read().split("\n")[:-1]
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(stem + "\n" for stem in stemmer.stemWords(words)))
"#;
    cmd::succeeds(
        Command::new("python3")
            .args(["-c", SCRIPT])
            .arg(tokens)
            .arg(out),
    )
}

fn line_count(path: &Path) -> Result<usize> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(bytes.iter().filter(|&&b| b == b'\n').count())
}

/// How many of the first `count` lines of two files differ (a missing line counts as different).
fn differing_lines(a: &Path, b: &Path, count: usize) -> Result<usize> {
    let a = fs::read(a).with_context(|| format!("cannot read {}", a.display()))?;
    let b = fs::read(b).with_context(|| format!("cannot read {}", b.display()))?;
    let mut a_lines = a.split(|&byte| byte == b'\n');
    let mut b_lines = b.split(|&byte| byte == b'\n');
    Ok((0..count)
        .filter(|_| a_lines.next() != b_lines.next())
        .count())
}

/// Whether two files, or two directory trees, hold the same names and bytes.
fn same_tree(a: &Path, b: &Path) -> Result<bool> {
    if a.is_dir() != b.is_dir() {
        return Ok(false);
    }
    if !a.is_dir() {
        return Ok(fs::read(a)? == fs::read(b)?);
    }
    let names = |dir: &Path| -> Result<Vec<_>> {
        let mut names: Vec<_> = fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        names.sort();
        Ok(names)
    };
    let a_names = names(a)?;
    if a_names != names(b)? {
        return Ok(false);
    }
    for name in a_names {
        if !same_tree(&a.join(&name), &b.join(&name))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Bytes in a file, or in every file below a directory.
fn size_of(path: &Path) -> Result<u64> {
    if !path.is_dir() {
        return Ok(fs::metadata(path)?.len());
    }
    let mut total = 0;
    for entry in fs::read_dir(path)? {
        total += size_of(&entry?.path())?;
    }
    Ok(total)
}

/// `200 MB` (decimal megabytes, as the rates).
fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// `5M`, `500k` or `1234`.
fn millions(count: usize) -> String {
    if count >= 1_000_000 && count % 100_000 == 0 {
        format!("{}M", count as f64 / 1e6)
    } else if count >= 1_000 && count % 1_000 == 0 {
        format!("{}k", count / 1_000)
    } else {
        count.to_string()
    }
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn print_machine(load_before: &str) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("\n==== end-to-end summary ====");
    println!(
        "machine: {cores} cores, {}; load average (1/5/15 min) before {load_before}, after {}",
        cpu_model(),
        load_average()
    );
}

fn print_rows(rows: &[Row]) {
    println!(
        "{:<42} {:<30} {:>8} {:>8} {:>16} {:>8} {:>10} {:>6}",
        "what", "input", "seconds", "cpu s", "rate", "ratio", "target", ""
    );
    // Speed first, then peak memory.
    let (memory, speed): (Vec<&Row>, Vec<&Row>) = rows
        .iter()
        .partition(|row| matches!(row.goal, Some(Goal::Memory { .. })));
    for row in speed.into_iter().chain(memory) {
        let seconds = row.seconds.map_or("-".to_owned(), |s| format!("{s:.3}"));
        let cpu = row
            .cpu_seconds
            .map_or("-".to_owned(), |s| format!("{s:.2}"));
        let (ratio, target, verdict) = row.goal.as_ref().map_or_else(
            || (String::new(), String::new(), ""),
            |goal| (goal.ratio_text(), goal.target_text(), goal.verdict()),
        );
        println!(
            "{:<42} {:<30} {:>8} {:>8} {:>16} {:>8} {:>10} {:>6}",
            row.what, row.input, seconds, cpu, row.rate, ratio, target, verdict
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_pass_at_the_target_and_miss_below() {
        let at = Goal::Ratio {
            ratio: 1.5,
            minimum: 1.5,
        };
        let below = Goal::Ratio {
            ratio: 1.49,
            minimum: 1.5,
        };
        assert_eq!((at.verdict(), below.verdict()), ("PASS", "MISS"));
        let just_under = Goal::Ratio {
            ratio: 1.7996,
            minimum: 1.8,
        };
        assert_eq!(just_under.ratio_text(), "1.79x");
        assert_eq!(
            (at.ratio_text(), at.target_text()),
            ("1.50x".to_owned(), ">= 1.5x".to_owned())
        );
    }

    #[test]
    fn memory_passes_under_the_limit_only() {
        let goal = |kib| Goal::Memory { kib, limit_mib: 64 };
        assert_eq!(goal(Some(64 * 1024 - 1)).verdict(), "PASS");
        assert_eq!(goal(Some(64 * 1024)).verdict(), "MISS");
        assert_eq!(goal(None).verdict(), "n/a");
    }

    #[test]
    fn differing_lines_counts_changed_and_missing_lines() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let (a, b) = (dir.join("a"), dir.join("b"));
        fs::write(&a, "run\nponi\ncat\n").unwrap();
        fs::write(&b, "run\npony\n").unwrap();
        assert_eq!(differing_lines(&a, &b, 3).unwrap(), 2);
        assert_eq!(differing_lines(&a, &a, 3).unwrap(), 0);
        fs::create_dir_all(dir.join("x/sub")).unwrap();
        fs::create_dir_all(dir.join("y/sub")).unwrap();
        fs::write(dir.join("x/sub/f"), "same").unwrap();
        fs::write(dir.join("y/sub/f"), "same").unwrap();
        assert!(same_tree(&dir.join("x"), &dir.join("y")).unwrap());
        fs::write(dir.join("y/sub/f"), "other").unwrap();
        assert!(!same_tree(&dir.join("x"), &dir.join("y")).unwrap());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn counts_read_as_people_write_them() {
        assert_eq!(millions(5_000_000), "5M");
        assert_eq!(millions(500_000), "500k");
        assert_eq!(millions(1_234), "1234");
    }
}
