//! `stemkit explain WORD`: each step of the stemming, the rule that fired, the word after it.

use std::io::{self, Write};

use stemkit_stemmer::Stemmer;

use crate::args::ExplainArgs;
use crate::errors::write_failed;

/// Prints the trace of stemming the word, then the stem.
pub(crate) fn run(args: &ExplainArgs) -> anyhow::Result<()> {
    let explanation = Stemmer::new(args.algorithm.algorithm).explain(&args.word);
    io::stdout()
        .lock()
        .write_all(format!("{explanation}\n").as_bytes())
        .map_err(|error| write_failed("<stdout>", error))
}
