//! `stemkit verify RAW STEMMED`: process RAW and report how it differs from the reference.

use std::io::{self, Read, Write};

use stemkit_tokenizer::{Pipeline, decode_utf8, verify};

use crate::args::VerifyArgs;
use crate::errors::{invalid_utf8, read_failed, write_failed};
use crate::inputs::{Input, Source};

/// Prints the report; fails when more hunks differ than `--max-hunks` allows.
pub(crate) fn run(args: &VerifyArgs) -> anyhow::Result<()> {
    let raw_bytes = read_all(&args.raw)?;
    let stemmed_bytes = read_all(&args.stemmed)?;
    let raw = decode(&raw_bytes, &args.raw, args.lossy)?;
    let stemmed = decode(&stemmed_bytes, &args.stemmed, args.lossy)?;
    let mut pipeline = Pipeline::new(args.tokenizer.options(), Some(args.algorithm.algorithm));
    let report = verify(&mut pipeline, &raw, &stemmed);
    let mut text = report.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|error| write_failed("<stdout>", error))?;
    match args.max_hunks {
        Some(max) if report.hunks > max => Err(anyhow::anyhow!(
            "{} differing hunks, more than --max-hunks {max}",
            report.hunks
        )),
        _ => Ok(()),
    }
}

/// The whole of one input (`-` is standard input).
fn read_all(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    let input = Input {
        source: if path.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(path.to_owned())
        },
        relative: None,
        size: None,
    };
    let mut bytes = Vec::new();
    input
        .open()?
        .read_to_end(&mut bytes)
        .map_err(|error| read_failed(&input.name(), error))?;
    Ok(bytes)
}

/// Decodes one input, naming it, its line and byte if it is not UTF-8.
fn decode<'a>(
    bytes: &'a [u8],
    path: &std::path::Path,
    lossy: bool,
) -> anyhow::Result<std::borrow::Cow<'a, str>> {
    decode_utf8(bytes, lossy).map_err(|error| match error {
        stemkit_tokenizer::PipelineError::InvalidUtf8 { line, byte } => {
            invalid_utf8(&path.display().to_string(), line, byte)
        }
        stemkit_tokenizer::PipelineError::Io(error) => {
            read_failed(&path.display().to_string(), error)
        }
    })
}
