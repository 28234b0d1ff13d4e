//! Project automation: `cargo xtask ci | fuzz | bench | snapshots | codegen`.
//!
//! Plain Rust in the style of rust-analyzer's xtask: one module per task, `std::process::Command`
//! for everything, and the tidy checks as `#[test]`s so `cargo test` enforces them too. The tasks
//! and their options are declared once, with clap's derive ([`Cli`], and each task's `Options`
//! where the task lives), so `--help` and the parsing cannot disagree.

// A task runner talks to its user on the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod ci;
mod cmd;
mod codegen;
mod fuzz;
mod python;
mod snapshots;
mod spark;
#[cfg(test)]
mod tidy;
mod toolchain;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Project automation for stemkit.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

/// The tasks.
#[derive(Debug, Subcommand)]
enum Task {
    /// Every check CI runs, in order, each timed (.ci/run calls this).
    Ci,
    /// Run one fuzz target (or all) for a time budget.
    Fuzz(fuzz::Options),
    /// Criterion benchmarks, then end-to-end ratios against NLTK, rust-stemmers and tr.
    Bench(bench::Options),
    /// Build crates/python into target/python/venv and run its pytest suite.
    Python,
    /// The Spark tests (pyspark and a Java runtime added), as CI runs them.
    Spark,
    /// Review pending insta snapshots (cargo insta review).
    Snapshots,
    /// Compile the Snowball algorithms into crates/stemmer (stemkit-snowball).
    Codegen,
}

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Ci => ci::run(),
        Task::Fuzz(options) => fuzz::run(options),
        Task::Bench(options) if options.python => python::bench(),
        Task::Bench(options) if options.spark => spark::bench(),
        Task::Bench(options) => bench::run(options),
        Task::Python => python::test().map(|_| ()),
        Task::Spark => spark::tests().map(|_| ()),
        Task::Snapshots => snapshots::run(),
        Task::Codegen => codegen::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<Task, clap::Error> {
        Cli::try_parse_from(["cargo xtask"].iter().chain(args)).map(|cli| cli.task)
    }

    #[test]
    fn the_declaration_is_consistent_and_every_help_renders() {
        Cli::command().debug_assert();
        let mut command = Cli::command();
        let mut names = Vec::new();
        for sub in command.get_subcommands_mut() {
            names.push(sub.get_name().to_owned());
            let help = sub.render_long_help().to_string();
            assert!(help.contains("Usage:"), "{help}");
        }
        assert_eq!(
            names,
            [
                "ci",
                "fuzz",
                "bench",
                "python",
                "spark",
                "snapshots",
                "codegen"
            ]
        );
        assert!(parse(&["--help"]).is_err_and(|e| e.kind() == clap::error::ErrorKind::DisplayHelp));
        assert!(parse(&[]).is_err());
        assert!(parse(&["deploy"]).is_err());
    }

    #[test]
    fn fuzz_takes_a_target_a_time_and_a_sanitizer() {
        let Ok(Task::Fuzz(options)) =
            parse(&["fuzz", "pipeline", "--time", "5", "--sanitizer", "none"])
        else {
            panic!("fuzz options rejected");
        };
        assert_eq!(options.target.as_deref(), Some("pipeline"));
        assert_eq!(options.seconds, 5);
        assert_eq!(options.sanitizer, fuzz::Sanitizer::None);
        let Ok(Task::Fuzz(defaults)) = parse(&["fuzz"]) else {
            panic!("bare fuzz rejected");
        };
        assert_eq!((defaults.target, defaults.seconds), (None, 60));
        assert_eq!(defaults.sanitizer, fuzz::Sanitizer::Address);
        assert!(parse(&["fuzz", "--time", "soon"]).is_err());
        assert!(parse(&["fuzz", "--sanitizer", "memory"]).is_err());
        assert!(parse(&["fuzz", "stem", "tokenize"]).is_err());
    }

    #[test]
    fn bench_takes_its_flags_in_any_order() {
        let Ok(Task::Bench(both)) = parse(&["bench", "--quick", "--e2e-only"]) else {
            panic!("bench flags rejected");
        };
        assert!(both.e2e_only() && both.quick);
        let Ok(Task::Bench(none)) = parse(&["bench"]) else {
            panic!("bare bench rejected");
        };
        assert!(!none.e2e_only() && !none.quick && none.only.is_empty());
        assert!(parse(&["bench", "--fast"]).is_err());
    }

    #[test]
    fn bench_only_names_known_comparisons_and_skips_criterion() {
        let Ok(Task::Bench(options)) = parse(&["bench", "--only", "directory", "--only", "csv"])
        else {
            panic!("--only rejected");
        };
        assert!(options.e2e_only());
        assert_eq!(options.only, ["directory", "csv"]);
        assert!(parse(&["bench", "--only", "everything"]).is_err());
        assert!(parse(&["bench", "--only"]).is_err());
    }

    #[test]
    fn ci_and_snapshots_take_no_arguments() {
        assert!(matches!(parse(&["ci"]), Ok(Task::Ci)));
        assert!(matches!(parse(&["snapshots"]), Ok(Task::Snapshots)));
        assert!(parse(&["ci", "--fast"]).is_err());
        assert!(parse(&["snapshots", "now"]).is_err());
    }
}
