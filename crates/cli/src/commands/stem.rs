//! `stemkit stem`: one word per line in, one stem per line out, streamed.

use std::io::{BufReader, Write};

use stemkit_stemmer::Stemmer;

use crate::args::StemArgs;
use crate::errors::{usage, write_failed};
use crate::inputs::{self, Input};
use crate::lines::Lines;
use crate::output::Output;
use crate::progress::{Progress, total_size};

/// Input buffer size: few system calls, and long words need no more than one refill each.
const READ_BUFFER: usize = 256 * 1024;

/// Stems every line of every input into the output, preserving the line count.
pub(crate) fn run(args: &StemArgs) -> anyhow::Result<()> {
    let inputs = inputs::discover(&args.files)?;
    if inputs.has_directories {
        return Err(usage("stem reads word lists: give files, not directories"));
    }
    let progress = Progress::new("files", total_size(inputs.inputs.iter().map(|i| i.size)));
    let stemmer = Stemmer::new(args.algorithm.algorithm);
    let mut output = Output::create(args.output.as_deref())?;
    let mut stem = String::new();
    for input in &inputs.inputs {
        stem_input(
            input,
            stemmer,
            &mut stem,
            &mut output,
            args.lossy,
            &progress,
        )?;
        progress.add_done(1);
    }
    output.commit()
}

/// Streams one input: a reused line buffer and a reused stem buffer, nothing allocated per line.
fn stem_input(
    input: &Input,
    stemmer: Stemmer,
    stem: &mut String,
    output: &mut Output,
    lossy: bool,
    progress: &Progress,
) -> anyhow::Result<()> {
    let name = input.name();
    let reader = BufReader::with_capacity(READ_BUFFER, progress.reader(input.open()?));
    let mut lines = Lines::new(reader, lossy);
    while let Some(word) = lines.next_line().map_err(|error| error.named(&name))? {
        stemmer.stem_into(word, stem);
        stem.push('\n');
        if let Err(error) = output.write_all(stem.as_bytes()) {
            return Err(write_failed(&output.name(), error));
        }
    }
    Ok(())
}
