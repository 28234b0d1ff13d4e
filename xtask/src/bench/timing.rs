//! Timing whole processes on a shared, noisy machine: the contenders of one comparison run
//! alternately (A B A B ...) and each keeps its minimum wall time; peak memory comes from
//! `/usr/bin/time -f '%M %U %S'` (with CPU time) when the machine has it.

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
    /// Moved out of the way before every run (a `-o` target that must not exist yet, e.g. a
    /// directory).
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

    /// Moves `path` out of the way before every run.
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
    /// Median wall time, in seconds: what a typical run took, beside the best.
    pub(super) median_seconds: f64,
    /// Minimum CPU time (user + system), in seconds; none without GNU time. Less sensitive than
    /// wall time to other processes taking a core on a shared machine.
    pub(super) cpu_seconds: Option<f64>,
    /// Largest maximum resident set size seen, in KiB; none without GNU time.
    pub(super) max_rss_kib: Option<u64>,
}

/// Runs every job `rounds` times, interleaved, and returns each one's timing in order.
///
/// Before each run, the output the job clears is moved out of the way and the machine's dirty
/// pages are written back (`sync`), so that no run pays for another's output:
/// - An output file is deleted: its pages are dropped, never written. Kept, dozens of runs'
///   outputs (8 GB for the CSV comparison) passed the kernel's background writeback threshold
///   in later rounds, and the flusher then took the core a one-thread run leaves idle, and the
///   second thread of a two-thread run.
/// - An output directory is set aside and deleted after the last round: deleting hundreds of
///   files just before a timed run makes the next run's file creations slower (ext4 skips
///   recently freed inodes one by one, under the directory's lock).
pub(super) fn alternately(jobs: &[&Job], rounds: usize, scratch: &Path) -> Result<Vec<Timing>> {
    for job in jobs {
        println!("  $ {}", job.display());
    }
    let aside = scratch.join("set-aside");
    remove(&aside)?;
    let mut runs: Vec<Vec<Timing>> = vec![Vec::new(); jobs.len()];
    for round in 0..rounds {
        for (index, (job, runs)) in jobs.iter().zip(&mut runs).enumerate() {
            if let Some(path) = &job.clears {
                if path.is_dir() {
                    set_aside(path, &aside.join(format!("{round}-{index}")))?;
                } else {
                    remove(path)?;
                }
            }
            write_back_dirty_pages();
            runs.push(once(job, scratch)?);
        }
    }
    remove(&aside)?;
    runs.iter().map(|runs| best_of(runs)).collect()
}

/// Writes the machine's dirty pages back (`sync`), outside any timed run. Where `sync` cannot
/// be run, timings are taken as they are.
fn write_back_dirty_pages() {
    let _ = Command::new("sync").status();
}

/// The minimum wall and CPU times of `runs`, their median wall time and the largest peak
/// memory.
fn best_of(runs: &[Timing]) -> Result<Timing> {
    let mut walls: Vec<f64> = runs.iter().map(|run| run.seconds).collect();
    walls.sort_by(f64::total_cmp);
    let (Some(&seconds), Some(&median_seconds)) = (walls.first(), walls.get(walls.len() / 2))
    else {
        bail!("no rounds");
    };
    Ok(Timing {
        seconds,
        median_seconds,
        cpu_seconds: runs.iter().map(|run| run.cpu_seconds).fold(None, min_known),
        max_rss_kib: runs.iter().map(|run| run.max_rss_kib).max().flatten(),
    })
}

/// One run: wall time from spawn to exit, and the peak memory GNU time reports.
fn once(job: &Job, scratch: &Path) -> Result<Timing> {
    let rss_file = scratch.join("max-rss.txt");
    let stderr_file = scratch.join("stderr.txt");
    let gnu_time = Path::new(GNU_TIME).exists();
    let mut command = if gnu_time {
        let mut command = Command::new(GNU_TIME);
        command
            .args(["-f", "%M %U %S", "-o"])
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
    let (max_rss_kib, cpu_seconds) = if gnu_time {
        parse_gnu_time(&fs::read_to_string(&rss_file)?)
    } else {
        (None, None)
    };
    Ok(Timing {
        seconds,
        median_seconds: seconds,
        cpu_seconds,
        max_rss_kib,
    })
}

/// GNU time's `%M %U %S` line: peak KiB, then user + system seconds. Its last line, because
/// GNU time writes "Command exited with non-zero status" lines before it.
fn parse_gnu_time(report: &str) -> (Option<u64>, Option<f64>) {
    let mut fields = report.lines().last().unwrap_or_default().split_whitespace();
    let kib = fields.next().and_then(|f| f.parse().ok());
    let user: Option<f64> = fields.next().and_then(|f| f.parse().ok());
    let system: Option<f64> = fields.next().and_then(|f| f.parse().ok());
    (kib, user.zip(system).map(|(u, s)| u + s))
}

fn min_known(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Moves `path`, if it exists, to `place` (whose parent is made if missing).
fn set_aside(path: &Path, place: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    if let Some(parent) = place.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::rename(path, place)
        .with_context(|| format!("cannot move {} to {}", path.display(), place.display()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gnu_time_report_gives_peak_memory_and_cpu_seconds() {
        assert_eq!(
            parse_gnu_time("23552 0.25 0.5\n"),
            (Some(23552), Some(0.75))
        );
        let failed = "Command exited with non-zero status 1\n900 0.00 0.25\n";
        assert_eq!(parse_gnu_time(failed), (Some(900), Some(0.25)));
        assert_eq!(parse_gnu_time(""), (None, None));
    }
}
