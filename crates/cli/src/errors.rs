//! Error conventions: messages that name the file, line and byte; usage errors; closed pipes.

use std::fmt;
use std::io;

use stemkit_tokenizer::{PipelineError, Side};

/// A mistake in how the command was called (exit status 2, like clap's own usage errors).
#[derive(Debug)]
pub(crate) struct UsageError(pub(crate) String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A usage error with this message.
pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// Whether `error` is a usage error.
pub(crate) fn is_usage(error: &anyhow::Error) -> bool {
    error.downcast_ref::<UsageError>().is_some()
}

/// Whether `error` comes from writing to a pipe whose reader has gone. Rust ignores SIGPIPE,
/// so such writes fail with `BrokenPipe` instead of killing the process.
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = if let Some(io) = cause.downcast_ref::<io::Error>() {
            Some(io.kind())
        } else if let Some(PipelineError::Io(io)) = cause.downcast_ref::<PipelineError>() {
            Some(io.kind())
        } else if let Some(csv) = cause.downcast_ref::<csv::Error>() {
            match csv.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            }
        } else {
            cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

/// `NAME:LINE: invalid UTF-8 at byte BYTE`, the one message for undecodable input.
pub(crate) fn invalid_utf8(name: &str, line: u64, byte: u64) -> anyhow::Error {
    anyhow::anyhow!("{name}:{line}: invalid UTF-8 at byte {byte}")
}

/// An error reading input `name`, keeping the I/O error as its cause.
pub(crate) fn read_failed(name: &str, error: io::Error) -> anyhow::Error {
    anyhow::Error::new(error).context(format!("{name}: read error"))
}

/// An error writing output `name`, keeping the I/O error as its cause (closed pipes are found by it).
pub(crate) fn write_failed(name: &str, error: io::Error) -> anyhow::Error {
    anyhow::Error::new(error).context(format!("{name}: write error"))
}

/// Names a pipeline error: undecodable input by file, line and byte; I/O errors by the side
/// that failed.
pub(crate) fn pipeline_failed(error: PipelineError, input: &str, output: &str) -> anyhow::Error {
    match error {
        PipelineError::InvalidUtf8 { line, byte } => invalid_utf8(input, line, byte),
        PipelineError::Io(io) => match io.side() {
            Side::Read => read_failed(input, io.into_inner()),
            Side::Write => write_failed(output, io.into_inner()),
        },
    }
}
