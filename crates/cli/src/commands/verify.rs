//! `stemkit verify RAW STEMMED`: process RAW and report how it differs from the reference.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::Path;

use stemkit_tokenizer::{Pipeline, framing, verify};

use crate::args::VerifyArgs;
use crate::errors::{invalid_utf8, read_failed, write_failed};
use crate::inputs::Input;

/// Prints the report; fails when more hunks differ than `--max-hunks` allows.
pub(crate) fn run(args: &VerifyArgs) -> anyhow::Result<()> {
    let (raw_name, raw_bytes) = read_all(&args.raw)?;
    let (stemmed_name, stemmed_bytes) = read_all(&args.stemmed)?;
    let raw = decode(&raw_bytes, &raw_name, args.lossy)?;
    let stemmed = decode(&stemmed_bytes, &stemmed_name, args.lossy)?;
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

/// The name and whole contents of one input (`-` is standard input).
fn read_all(path: &Path) -> anyhow::Result<(String, Vec<u8>)> {
    let input = Input::from_argument(path);
    let name = input.name();
    let mut bytes = Vec::new();
    input
        .open()?
        .read_to_end(&mut bytes)
        .map_err(|error| read_failed(&name, error))?;
    Ok((name, bytes))
}

/// Decodes one input, naming it, its line and byte if it is not UTF-8.
fn decode<'a>(bytes: &'a [u8], name: &str, lossy: bool) -> anyhow::Result<Cow<'a, str>> {
    framing::decode(bytes, lossy)
        .map_err(|error| invalid_utf8(name, error.position.line, error.position.byte))
}
