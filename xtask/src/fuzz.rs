//! `cargo xtask fuzz`: run fuzz targets for a budget, then report each one's speed and any crash
//! with the command that reproduces it. Its options are [`Options`] (`cargo xtask fuzz --help`).

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, Result, bail};

use crate::{cmd, project_root, toolchain};

/// How each target is built: with AddressSanitizer (nightly only) or none (any toolchain).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Sanitizer {
    /// AddressSanitizer (needs nightly).
    Address,
    /// No sanitizer (any toolchain).
    None,
}

/// What to fuzz and for how long.
#[derive(Debug, clap::Args)]
pub(crate) struct Options {
    /// One target (default: every target in fuzz/fuzz_targets/).
    #[arg(value_name = "TARGET")]
    pub(crate) target: Option<String>,
    /// Seconds per target.
    #[arg(long = "time", value_name = "SECONDS", default_value_t = 60)]
    pub(crate) seconds: u64,
    /// How the targets are built.
    #[arg(long, value_enum, default_value_t = Sanitizer::Address)]
    pub(crate) sanitizer: Sanitizer,
}

/// What one target's run produced, read from libFuzzer's output.
struct Outcome {
    target: String,
    runs: Option<u64>,
    execs_per_second: Option<u64>,
    artifact: Option<String>,
    succeeded: bool,
}

/// Builds the targets once, runs each for its budget, and summarizes.
pub(crate) fn run(options: Options) -> Result<()> {
    let toolchain = pick_toolchain(options.sanitizer)?;
    toolchain::ensure_cargo_plugin("fuzz", "cargo-fuzz")?;
    let all = targets()?;
    let chosen = match &options.target {
        None => all,
        Some(target) if all.contains(target) => vec![target.clone()],
        Some(target) => bail!("no fuzz target `{target}`; targets: {}", all.join(", ")),
    };

    let sanitizer = sanitizer_flag(options.sanitizer);
    cmd::run(&mut cmd::cargo_on(
        &toolchain,
        ["fuzz", "build", "--sanitizer", sanitizer],
    ))?;
    let mut outcomes = Vec::new();
    for target in &chosen {
        outcomes.push(run_target(&toolchain, sanitizer, target, options.seconds)?);
    }
    print_summary(&toolchain, &outcomes);
    let crashed: Vec<&str> = outcomes
        .iter()
        .filter(|o| !o.succeeded)
        .map(|o| o.target.as_str())
        .collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        bail!("fuzz targets failed: {}", crashed.join(", "))
    }
}

fn pick_toolchain(sanitizer: Sanitizer) -> Result<String> {
    if toolchain::ensure_nightly() {
        return Ok(toolchain::NIGHTLY.to_owned());
    }
    match sanitizer {
        Sanitizer::None => Ok("stable".to_owned()),
        Sanitizer::Address => bail!(
            "AddressSanitizer needs a nightly toolchain, which could not be installed; \
             try `--sanitizer none`"
        ),
    }
}

fn sanitizer_flag(sanitizer: Sanitizer) -> &'static str {
    match sanitizer {
        Sanitizer::Address => "address",
        Sanitizer::None => "none",
    }
}

fn fuzz_dir() -> PathBuf {
    project_root().join("fuzz")
}

/// The targets: one file each in `fuzz/fuzz_targets/`, sorted by name.
fn targets() -> Result<Vec<String>> {
    let dir = fuzz_dir().join("fuzz_targets");
    let mut targets: Vec<String> = fs::read_dir(&dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    targets.sort();
    Ok(targets)
}

/// Runs one target on its grown corpus plus the committed seeds, logging libFuzzer's output to
/// `target/xtask/fuzz-TARGET.log` and echoing only the lines that matter.
fn run_target(toolchain: &str, sanitizer: &str, target: &str, seconds: u64) -> Result<Outcome> {
    println!("\n---- fuzz {target} for {seconds}s ----");
    let corpus = fuzz_dir().join("corpus").join(target);
    let seeds = fuzz_dir().join("seeds").join(target);
    fs::create_dir_all(&corpus).with_context(|| format!("cannot create {}", corpus.display()))?;
    let mut command = cmd::cargo_on(toolchain, ["fuzz", "run", "--sanitizer", sanitizer, target]);
    command.arg(&corpus);
    if seeds.is_dir() {
        command.arg(&seeds);
    }
    command
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped());
    println!("$ {}", cmd::display(&command));
    let mut child = command.spawn().context("cannot start cargo fuzz")?;

    let log_path = project_root()
        .join("target/xtask")
        .join(format!("fuzz-{target}.log"));
    let log = open_log(&log_path)?;
    let lines = match child.stderr.take() {
        Some(stderr) => follow(BufReader::new(stderr), log),
        None => Vec::new(),
    };
    let status = child.wait()?;
    let outcome = outcome_of(target, &lines, status.success());
    if !outcome.succeeded {
        println!("---- last lines of {} ----", log_path.display());
        for line in lines.iter().skip(lines.len().saturating_sub(60)) {
            println!("{line}");
        }
    }
    Ok(outcome)
}

fn open_log(path: &Path) -> Result<File> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    File::create(path).with_context(|| format!("cannot create {}", path.display()))
}

/// Copies every line to the log, echoes the notable ones, and returns them all.
fn follow(reader: impl BufRead, mut log: File) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_panic_message = false;
    for line in reader.split(b'\n').map_while(Result::ok) {
        let line = String::from_utf8_lossy(&line).into_owned();
        // The log is a convenience; a write error must not hide the run's result.
        let _ = writeln!(log, "{line}");
        // A panic's message follows its `panicked at` line, up to the backtrace.
        if line.contains("panicked at") {
            in_panic_message = true;
        } else if line.starts_with("stack backtrace") || line.starts_with("==") {
            in_panic_message = false;
        }
        if in_panic_message || is_notable(&line) {
            println!("{line}");
        }
        lines.push(line);
    }
    lines
}

fn is_notable(line: &str) -> bool {
    [
        "INITED",
        "DONE",
        "Done ",
        "ERROR",
        "panicked",
        "Test unit written",
        "error",
    ]
    .iter()
    .any(|marker| line.contains(marker))
}

fn outcome_of(target: &str, lines: &[String], succeeded: bool) -> Outcome {
    let execs_per_second = lines
        .iter()
        .rev()
        .find_map(|line| number_after(line, "exec/s: "));
    let runs = lines
        .iter()
        .rev()
        .find_map(|line| number_after(line, "Done "));
    let artifact = lines.iter().find_map(|line| {
        line.split_once("Test unit written to ")
            .map(|(_, path)| path.trim().to_owned())
    });
    Outcome {
        target: target.to_owned(),
        runs,
        execs_per_second,
        artifact,
        succeeded,
    }
}

/// The decimal number right after `marker` in `line`.
fn number_after(line: &str, marker: &str) -> Option<u64> {
    let (_, rest) = line.split_once(marker)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn print_summary(toolchain: &str, outcomes: &[Outcome]) {
    println!("\n==== fuzz summary ====");
    println!("{:<14} {:>12} {:>10}  result", "target", "runs", "exec/s");
    for outcome in outcomes {
        let result = match (outcome.succeeded, &outcome.artifact) {
            (true, _) => "ok".to_owned(),
            (false, Some(artifact)) => format!(
                "CRASH; reproduce: cargo +{toolchain} fuzz run {} {artifact}",
                outcome.target
            ),
            (false, None) => "FAILED (see the log above)".to_owned(),
        };
        println!(
            "{:<14} {:>12} {:>10}  {result}",
            outcome.target,
            show(outcome.runs),
            show(outcome.execs_per_second)
        );
    }
}

fn show(number: Option<u64>) -> String {
    number.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_speed_runs_and_artifact_from_libfuzzer_output() {
        let lines: Vec<String> = [
            "#2\tINITED cov: 10 ft: 11 corp: 1/1b exec/s: 0 rss: 30Mb",
            "#65536\tpulse  cov: 99 ft: 120 corp: 40/900b lim: 4096 exec/s: 21845 rss: 50Mb",
            "#120000\tDONE   cov: 99 ft: 120 corp: 40/900b lim: 4096 exec/s: 5999 rss: 51Mb",
            "Done 120000 runs in 20 second(s)",
            "artifact_prefix='fuzz/artifacts/stem/'; Test unit written to fuzz/artifacts/stem/crash-ab12",
        ]
        .map(str::to_owned)
        .to_vec();
        let outcome = outcome_of("stem", &lines, false);
        assert_eq!(outcome.execs_per_second, Some(5999));
        assert_eq!(outcome.runs, Some(120000));
        assert_eq!(
            outcome.artifact.as_deref(),
            Some("fuzz/artifacts/stem/crash-ab12")
        );
    }
}
