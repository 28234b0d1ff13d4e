//! Project automation: `cargo xtask ci | fuzz | bench | snapshots`.
//!
//! Plain Rust in the style of rust-analyzer's xtask: one module per task, `std::process::Command`
//! for everything, and the tidy checks as `#[test]`s so `cargo test` enforces them too.

// A task runner talks to its user on the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod ci;
mod cmd;
mod fuzz;
mod python;
mod snapshots;
mod spark;
#[cfg(test)]
mod tidy;
mod toolchain;

use std::env;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  ci                                  every check CI runs, in order, each timed (.ci/run calls this)
  fuzz [TARGET] [--time SECONDS] [--sanitizer address|none]
                                      run one fuzz target (or all) for a time budget (default 60 s)
  bench [--e2e-only] [--quick]        criterion benchmarks, then end-to-end ratios against NLTK,
        [--only NAME]...              rust-stemmers and tr (--e2e-only: skip criterion;
                                      --quick: small inputs, for iteration; --only: just these
                                      comparisons: nltk, rust-stemmers, tr, memory, directory, csv,
                                      jsonl)
  bench --python                      the Python stemmers side by side (NLTK, PyStemmer,
                                      py-rust-stemmers, stemkit) on 1,000,000 news tokens
  bench --spark                       stemkit.spark against NLTK in a pandas_udf on local[2]
  python                              build crates/python into target/python/venv, run pytest
  spark                               the Spark tests (pyspark and a JRE added), as CI runs them
  snapshots                           review pending insta snapshots (cargo insta review)
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match task.as_str() {
        "ci" => no_options(rest).and_then(|()| ci::run()),
        "fuzz" => fuzz::Options::parse(rest).and_then(fuzz::run),
        "bench" if rest == ["--python"] => python::bench(),
        "bench" if rest == ["--spark"] => spark::bench(),
        "bench" => bench::Options::parse(rest).and_then(bench::run),
        "python" => no_options(rest).and_then(|()| python::test().map(|_| ())),
        "spark" => no_options(rest).and_then(|()| spark::tests().map(|_| ())),
        "snapshots" => no_options(rest).and_then(|()| snapshots::run()),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(anyhow::anyhow!("unknown task `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn no_options(rest: &[String]) -> anyhow::Result<()> {
    match rest.first() {
        None => Ok(()),
        Some(extra) => anyhow::bail!("unexpected argument `{extra}`\n\n{USAGE}"),
    }
}

/// The workspace root: xtask's manifest sits one directory below it.
fn project_root() -> PathBuf {
    let manifest = env!("CARGO_MANIFEST_DIR");
    PathBuf::from(manifest)
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(manifest))
}
