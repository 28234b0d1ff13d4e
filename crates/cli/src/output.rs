//! Output: standard output, or a file written atomically (a temporary file beside the target,
//! renamed over it only when the run succeeds, so a failed run leaves earlier output untouched).

use std::fs;
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::NamedTempFile;

use crate::interrupt::{self, Tracked};

/// Output buffer size: big writes, few system calls.
const BUFFER: usize = 256 * 1024;

/// Where results go. Dropping an `Output` without [`Output::commit`] discards a file's
/// temporary; nothing appears at the target.
pub(crate) enum Output {
    /// Standard output.
    Stdout(BufWriter<Stdout>),
    /// A temporary file to be renamed to `target`.
    File {
        writer: BufWriter<NamedTempFile>,
        target: PathBuf,
        /// Notes the temporary for removal on Ctrl-C; dropped after `writer` (which removes
        /// the temporary itself when the output is dropped uncommitted).
        tracked: Tracked,
    },
    /// A target that exists and is no regular file (`/dev/null`, a pipe, a terminal): written
    /// in place, since renaming a temporary over it would replace the device or pipe.
    Special {
        writer: BufWriter<fs::File>,
        target: PathBuf,
    },
}

impl Output {
    /// Standard output, or a temporary beside `target` when one is given.
    pub(crate) fn create(target: Option<&Path>) -> anyhow::Result<Self> {
        match target {
            None => Ok(Output::Stdout(BufWriter::with_capacity(
                BUFFER,
                io::stdout(),
            ))),
            Some(target) => Output::file(target),
        }
    }

    /// A temporary file beside `target`, creating its directory if needed.
    pub(crate) fn file(target: &Path) -> anyhow::Result<Self> {
        let directory = directory_of(target);
        fs::create_dir_all(directory)
            .with_context(|| format!("{}: cannot create directory", directory.display()))?;
        Output::file_in_existing_directory(target)
    }

    /// A temporary file beside `target`, whose directory the caller has made: for many outputs
    /// in one directory, each `mkdir` attempt would take the directory's lock once more.
    pub(crate) fn file_in_existing_directory(target: &Path) -> anyhow::Result<Self> {
        if fs::metadata(target).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir()) {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(target)
                .with_context(|| format!("{}: cannot open for writing", target.display()))?;
            return Ok(Output::Special {
                writer: BufWriter::with_capacity(BUFFER, file),
                target: target.to_owned(),
            });
        }
        let directory = directory_of(target);
        let (temp, tracked) =
            interrupt::create_tracked(|| temp_builder().tempfile_in(directory), |t| t.path())
                .with_context(|| {
                    format!("{}: cannot create a temporary file", directory.display())
                })?;
        Ok(Output::File {
            writer: BufWriter::with_capacity(BUFFER, temp),
            target: target.to_owned(),
            tracked,
        })
    }

    /// The name messages use for this output.
    pub(crate) fn name(&self) -> String {
        match self {
            Output::Stdout(_) => "<stdout>".to_owned(),
            Output::File { target, .. } | Output::Special { target, .. } => {
                target.display().to_string()
            }
        }
    }

    /// Flushes everything and, for a file, renames the temporary over the target.
    pub(crate) fn commit(self) -> anyhow::Result<()> {
        let name = self.name();
        match self {
            Output::Stdout(mut writer) => writer
                .flush()
                .map_err(|error| crate::errors::write_failed(&name, error)),
            Output::Special { mut writer, .. } => writer
                .flush()
                .map_err(|error| crate::errors::write_failed(&name, error)),
            Output::File {
                writer,
                target,
                tracked,
            } => {
                let temp = writer
                    .into_inner()
                    .map_err(|error| crate::errors::write_failed(&name, error.into_error()))?;
                temp.persist(&target)
                    .map_err(|error| crate::errors::write_failed(&name, error.error))?;
                drop(tracked);
                Ok(())
            }
        }
    }
}

/// The directory `target` goes in.
pub(crate) fn directory_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Temporary files are hidden and named for us; on Unix they get the usual permissions
/// (0666 less the umask) rather than tempfile's private 0600, since they become the output.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".stemkit-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(writer) => writer.write(buf),
            Output::File { writer, .. } => writer.write(buf),
            Output::Special { writer, .. } => writer.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(writer) => writer.write_all(buf),
            Output::File { writer, .. } => writer.write_all(buf),
            Output::Special { writer, .. } => writer.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(writer) => writer.flush(),
            Output::File { writer, .. } => writer.flush(),
            Output::Special { writer, .. } => writer.flush(),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn a_special_target_is_written_in_place_not_replaced() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let fifo = directory.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|status| status.success()), "mkfifo");
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                fs::File::open(fifo)
                    .and_then(|mut f| f.read_to_string(&mut text))
                    .map(|_| text)
            })
        };
        let mut output = Output::file(&fifo).expect("opens the pipe");
        output.write_all(b"stems\n").expect("writes");
        output.commit().expect("commits");
        assert_eq!(reader.join().expect("reader").expect("reads"), "stems\n");
        let kind = fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo(), "the pipe is still a pipe");
        assert_eq!(
            fs::read_dir(directory.path()).expect("listable").count(),
            1,
            "no temporary left"
        );
    }
}
