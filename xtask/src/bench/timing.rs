//! Timing whole processes on a shared, noisy machine: the contenders of one comparison run
//! alternately (A B A B ...) and each keeps its minimum wall time; peak memory comes from
//! `/usr/bin/time -f %M` when the machine has it.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// GNU time, which reports the child's maximum resident set size.
const GNU_TIME: &str = "/usr/bin/time";

/// One process to time: a program, its arguments, and where its standard streams go.
pub(super) struct Job {
    pub(super) program: PathBuf,
    pub(super) args: Vec<OsString>,
    /// Standard input read from this file; none means no input.
    pub(super) stdin: Option<PathBuf>,
    /// Standard output written to this file.
    pub(super) stdout: PathBuf,
    /// Removed before every run (a `-o` target that must not exist yet, e.g. a directory).
    pub(super) clears: Option<PathBuf>,
}

impl Job {
    /// `program` with no arguments, reading nothing, writing its standard output to `stdout`.
    pub(super) fn new(program: impl Into<PathBuf>, stdout: &Path) -> Self {
        Self {
            program: program.into(),
            args: Vec::new(),
            stdin: None,
            stdout: stdout.to_path_buf(),
            clears: None,
        }
    }

    /// Adds arguments.
    pub(super) fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    /// Reads standard input from `path`.
    pub(super) fn stdin(mut self, path: &Path) -> Self {
        self.stdin = Some(path.to_path_buf());
        self
    }

    /// Removes `path` before every run.
    pub(super) fn clears(mut self, path: &Path) -> Self {
        self.clears = Some(path.to_path_buf());
        self
    }

    /// The command line as a user would type it, redirections included.
    pub(super) fn display(&self) -> String {
        let mut line = self.program.display().to_string();
        for arg in &self.args {
            let arg = arg.to_string_lossy();
            line.push(' ');
            if arg.contains(char::is_whitespace) {
                line.push_str(&format!("'{}'", arg.escape_default()));
            } else {
                line.push_str(&arg);
            }
        }
        if let Some(stdin) = &self.stdin {
            line.push_str(&format!(" < {}", stdin.display()));
        }
        line.push_str(&format!(" > {}", self.stdout.display()));
        line
    }
}

/// The best of several runs of one job.
#[derive(Clone, Copy, Debug)]
pub(super) struct Timing {
    /// Minimum wall time, in seconds.
    pub(super) seconds: f64,
    /// Largest maximum resident set size seen, in KiB; none without GNU time.
    pub(super) max_rss_kib: Option<u64>,
}

/// Runs every job `rounds` times, interleaved, and returns each one's timing in order.
pub(super) fn alternately(jobs: &[&Job], rounds: usize, scratch: &Path) -> Result<Vec<Timing>> {
    for job in jobs {
        println!("  $ {}", job.display());
    }
    let mut timings: Vec<Option<Timing>> = vec![None; jobs.len()];
    for _ in 0..rounds {
        for (job, best) in jobs.iter().zip(&mut timings) {
            let run = once(job, scratch)?;
            *best = Some(match *best {
                None => run,
                Some(best) => Timing {
                    seconds: best.seconds.min(run.seconds),
                    max_rss_kib: best.max_rss_kib.max(run.max_rss_kib),
                },
            });
        }
    }
    timings
        .into_iter()
        .map(|t| t.context("no rounds"))
        .collect()
}

/// One run: wall time from spawn to exit, and the peak memory GNU time reports.
fn once(job: &Job, scratch: &Path) -> Result<Timing> {
    if let Some(path) = &job.clears {
        remove(path)?;
    }
    let rss_file = scratch.join("max-rss.txt");
    let stderr_file = scratch.join("stderr.txt");
    let gnu_time = Path::new(GNU_TIME).exists();
    let mut command = if gnu_time {
        let mut command = Command::new(GNU_TIME);
        command
            .args(["-f", "%M", "-o"])
            .arg(&rss_file)
            .arg(&job.program);
        command
    } else {
        Command::new(&job.program)
    };
    command
        .args(&job.args)
        .stdout(File::create(&job.stdout).with_context(|| job.stdout.display().to_string())?)
        .stderr(File::create(&stderr_file)?);
    match &job.stdin {
        Some(path) => command.stdin(File::open(path).with_context(|| path.display().to_string())?),
        None => command.stdin(Stdio::null()),
    };
    let start = Instant::now();
    let status = command
        .status()
        .with_context(|| format!("cannot start `{}`", job.display()))?;
    let seconds = start.elapsed().as_secs_f64();
    if !status.success() {
        let stderr = fs::read_to_string(&stderr_file).unwrap_or_default();
        bail!("`{}` failed ({status}): {}", job.display(), stderr.trim());
    }
    let max_rss_kib = if gnu_time {
        fs::read_to_string(&rss_file)?.trim().parse().ok()
    } else {
        None
    };
    Ok(Timing {
        seconds,
        max_rss_kib,
    })
}

/// Removes a file or a directory tree if it exists.
pub(super) fn remove(path: &Path) -> Result<()> {
    let removed = if path.is_dir() {
        fs::remove_dir_all(path)
    } else if path.exists() {
        fs::remove_file(path)
    } else {
        Ok(())
    };
    removed.with_context(|| format!("cannot remove {}", path.display()))
}
