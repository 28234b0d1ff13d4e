//! `cargo xtask ci`: every check, in order, each announced and timed, then one summary.
//!
//! Every step runs even after an earlier one failed, so a single CI run reports everything
//! that is wrong; the task exits non-zero if any step failed.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::{cmd, fuzz, project_root, python, spark, toolchain};

/// How long each fuzz target runs in the smoke step.
const FUZZ_SMOKE_SECONDS: u64 = 20;

/// How a step ended.
enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

struct Record {
    name: &'static str,
    outcome: Outcome,
    took: Duration,
}

/// Runs the CI steps and prints their summary.
pub(crate) fn run() -> Result<()> {
    let started = Instant::now();
    let mut records = Vec::new();
    let mut step = |name: &'static str, body: &mut dyn FnMut() -> Result<Option<String>>| {
        println!("\n==== ci step: {name} ====");
        let start = Instant::now();
        let outcome = match body() {
            Ok(None) => Outcome::Passed,
            Ok(Some(reason)) => Outcome::Skipped(reason),
            Err(error) => Outcome::Failed(format!("{error:#}")),
        };
        let took = start.elapsed();
        println!(
            "==== {name}: {} in {} ====",
            outcome.word(),
            cmd::format_duration(took)
        );
        records.push(Record {
            name,
            outcome,
            took,
        });
    };

    step("fmt check", &mut || {
        cmd::run(&mut cmd::cargo(["fmt", "--all", "--", "--check"]))?;
        // The fuzz targets are their own workspace, which `--all` does not reach.
        let fuzz_manifest = ["fmt", "--manifest-path", "fuzz/Cargo.toml", "--", "--check"];
        passed(cmd::run(&mut cmd::cargo(fuzz_manifest)))
    });
    step("clippy", &mut || {
        passed(cmd::run(&mut cmd::cargo([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])))
    });
    step("build", &mut || {
        passed(cmd::run(&mut cmd::cargo([
            "build",
            "--workspace",
            "--all-targets",
        ])))
    });
    step("tests", &mut || passed(run_tests()));
    step("doc tests", &mut || {
        let doc = ["test", "--workspace", "--no-fail-fast", "--doc"];
        passed(cmd::run(&mut cmd::cargo(doc)))
    });
    step("docs", &mut || {
        // Private items too: module docs link to them, and a broken link misleads a reader.
        let docs = [
            "doc",
            "--workspace",
            "--no-deps",
            "--document-private-items",
        ];
        let mut command = cmd::cargo(docs);
        command.env("RUSTDOCFLAGS", "-D warnings");
        passed(cmd::run(&mut command))
    });
    step("benchmarks (test mode)", &mut || {
        passed(cmd::run(&mut cmd::cargo([
            "bench",
            "-p",
            "stemkit-benches",
            "--",
            "--test",
        ])))
    });
    step("python tests", &mut python::test);
    step("spark tests", &mut spark::tests);
    step("fuzz smoke", &mut fuzz_smoke);

    print_summary(&records, started.elapsed());
    let failed: Vec<&str> = records
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .map(|r| r.name)
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        bail!("ci failed in: {}", failed.join(", "))
    }
}

/// Unit and integration tests with insta in CI mode: a snapshot that differs fails instead of
/// being written for review, and no pending snapshot may be left behind.
fn run_tests() -> Result<()> {
    // `--no-fail-fast`: one failing test binary must not hide the others' results.
    let mut test = cmd::cargo([
        "test",
        "--workspace",
        "--no-fail-fast",
        "--lib",
        "--bins",
        "--tests",
    ]);
    test.env("CI", "true").env("INSTA_UPDATE", "no");
    cmd::run(&mut test)?;
    let pending = pending_snapshots(&project_root());
    if !pending.is_empty() {
        let list: Vec<String> = pending.iter().map(|p| p.display().to_string()).collect();
        bail!(
            "unreviewed snapshots (run `cargo xtask snapshots`):\n  {}",
            list.join("\n  ")
        );
    }
    Ok(())
}

/// Runs every fuzz target briefly, or says why it cannot.
fn fuzz_smoke() -> Result<Option<String>> {
    if !toolchain::ensure_nightly() {
        // Still make sure the targets compile, so an API change cannot silently break them.
        let check = ["check", "--manifest-path", "fuzz/Cargo.toml", "--bins"];
        cmd::run(&mut cmd::cargo(check))?;
        println!("fuzz smoke: SKIPPED (no nightly toolchain)");
        return Ok(Some("no nightly toolchain".to_owned()));
    }
    let options = fuzz::Options {
        target: None,
        seconds: FUZZ_SMOKE_SECONDS,
        sanitizer: fuzz::Sanitizer::Address,
    };
    fuzz::run(options).map(|()| None)
}

/// `*.snap.new` and `*.pending-snap` files anywhere outside `target/` and `.git/`.
pub(crate) fn pending_snapshots(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | ".git") {
                found.extend(pending_snapshots(&path));
            }
        } else if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
            found.push(path);
        }
    }
    found
}

fn passed(result: Result<()>) -> Result<Option<String>> {
    result.map(|()| None)
}

impl Outcome {
    fn word(&self) -> &'static str {
        match self {
            Outcome::Passed => "ok",
            Outcome::Failed(_) => "FAILED",
            Outcome::Skipped(_) => "SKIPPED",
        }
    }
}

fn print_summary(records: &[Record], total: Duration) {
    println!("\n==== ci summary ====");
    for record in records {
        let detail = match &record.outcome {
            Outcome::Passed => String::new(),
            Outcome::Failed(why) | Outcome::Skipped(why) => format!("  ({why})"),
        };
        println!(
            "{:<24} {:<8} {:>8}{detail}",
            record.name,
            record.outcome.word(),
            cmd::format_duration(record.took)
        );
    }
    println!("total: {}", cmd::format_duration(total));
}
