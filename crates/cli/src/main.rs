//! The `stemkit` command: a thin shell over the stemmer and tokenizer crates.
//!
//! Everything here is about arguments, files, threads, formats and terminals; tokenizing,
//! stemming and the document model live in the libraries.

mod args;
mod commands;
mod datasets;
mod errors;
mod formats;
mod inputs;
mod interrupt;
mod lines;
mod output;
mod progress;
mod workers;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    interrupt::install();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(&error),
    }
}

/// Prints `error` as `stemkit: ...` and picks the exit code. A closed output pipe (`| head`)
/// is how a reader says it has seen enough: it ends the run quietly and successfully.
fn report(error: &anyhow::Error) -> ExitCode {
    if errors::is_broken_pipe(error) {
        return ExitCode::SUCCESS;
    }
    let _ = writeln!(std::io::stderr().lock(), "stemkit: {error:#}");
    if errors::is_usage(error) {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
    }
}
