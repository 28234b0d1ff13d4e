//! Input discovery: files, `-` for standard input, and directories (every `*.txt` below, sorted).

use std::fs::{self, File};
use std::io::{self, Read, Stdin};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Where one input's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

/// One input to process.
#[derive(Clone, Debug)]
pub(crate) struct Input {
    /// Where its bytes come from.
    pub(crate) source: Source,
    /// For a file found in a directory: its path below that directory, which the output mirrors.
    pub(crate) relative: Option<PathBuf>,
    /// Its size in bytes, when known in advance (for progress).
    pub(crate) size: Option<u64>,
}

impl Input {
    /// The input a command-line argument names: `-` is standard input, anything else a file.
    pub(crate) fn from_argument(argument: &Path) -> Self {
        if argument.as_os_str() == "-" {
            stdin()
        } else {
            Input {
                source: Source::File(argument.to_owned()),
                relative: None,
                size: None,
            }
        }
    }

    /// The name messages use: the path as given, or `<stdin>`.
    pub(crate) fn name(&self) -> String {
        match &self.source {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Opens the input for reading.
    pub(crate) fn open(&self) -> anyhow::Result<InputReader> {
        match &self.source {
            Source::Stdin => Ok(InputReader::Stdin(io::stdin())),
            Source::File(path) => File::open(path)
                .map(InputReader::File)
                .with_context(|| format!("{}: cannot open", path.display())),
        }
    }
}

/// An open input.
pub(crate) enum InputReader {
    /// Standard input, locked at each read: any thread may read it (for large reads, the
    /// lock costs nothing next to the read).
    Stdin(Stdin),
    /// A file.
    File(File),
}

impl Read for InputReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            InputReader::Stdin(stdin) => stdin.read(buf),
            InputReader::File(file) => file.read(buf),
        }
    }
}

/// The inputs named on the command line, in order, directories expanded.
#[derive(Debug)]
pub(crate) struct Inputs {
    /// Every input, in processing order.
    pub(crate) inputs: Vec<Input>,
    /// Whether any argument was a directory.
    pub(crate) has_directories: bool,
}

/// Resolves command-line arguments to inputs: none means standard input, `-` is standard input,
/// a directory stands for every `*.txt` file below it (recursively, sorted by path). Every
/// missing or unreadable path is reported before any work starts.
pub(crate) fn discover(arguments: &[PathBuf]) -> anyhow::Result<Inputs> {
    let mut found = Inputs {
        inputs: Vec::new(),
        has_directories: false,
    };
    if arguments.is_empty() {
        found.inputs.push(stdin());
    }
    for argument in arguments {
        if argument.as_os_str() == "-" {
            found.inputs.push(stdin());
            continue;
        }
        let metadata = fs::metadata(argument)
            .with_context(|| format!("{}: cannot read", argument.display()))?;
        if metadata.is_dir() {
            found.has_directories = true;
            let mut files = Vec::new();
            collect_txt_files(argument, Path::new(""), &mut files)?;
            files.sort_by(|a, b| a.relative.cmp(&b.relative));
            found.inputs.extend(files);
        } else {
            found.inputs.push(Input {
                source: Source::File(argument.clone()),
                relative: None,
                size: Some(metadata.len()).filter(|_| metadata.is_file()),
            });
        }
    }
    Ok(found)
}

fn stdin() -> Input {
    Input {
        source: Source::Stdin,
        relative: None,
        size: None,
    }
}

/// Adds every `*.txt` file below `root/relative`. Symbolic links to files count; links to
/// directories are not followed, so a link cycle cannot make the walk endless.
fn collect_txt_files(root: &Path, relative: &Path, files: &mut Vec<Input>) -> anyhow::Result<()> {
    let directory = root.join(relative);
    let entries = fs::read_dir(&directory)
        .with_context(|| format!("{}: cannot list directory", directory.display()))?;
    for entry in entries {
        let entry =
            entry.with_context(|| format!("{}: cannot list directory", directory.display()))?;
        let path = entry.path();
        let below = relative.join(entry.file_name());
        let kind = entry
            .file_type()
            .with_context(|| format!("{}: cannot read", path.display()))?;
        if kind.is_dir() {
            collect_txt_files(root, &below, files)?;
        } else if path.extension().is_some_and(|ext| ext == "txt") {
            let metadata =
                fs::metadata(&path).with_context(|| format!("{}: cannot read", path.display()))?;
            if metadata.is_file() {
                files.push(Input {
                    source: Source::File(path),
                    relative: Some(below),
                    size: Some(metadata.len()),
                });
            }
        }
    }
    Ok(())
}
