//! The subcommands, one module each.

mod algorithms;
mod documents;
mod explain;
mod stem;
mod verify;

use stemkit_tokenizer::Layout;

use crate::args::{Cli, Command};

/// Runs the command line's subcommand.
pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Stem(args) => stem::run(&args),
        Command::Tokenize(args) => documents::run(
            &args.documents,
            args.algorithm.algorithm,
            false,
            Layout::LinePerLine,
        ),
        Command::Process(args) => documents::run(
            &args.documents,
            args.algorithm.algorithm,
            true,
            Layout::TokenPerLine,
        ),
        Command::Verify(args) => verify::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Algorithms => algorithms::run(),
    }
}
