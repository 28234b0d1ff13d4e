//! Running external commands from the project root: announced, timed, optionally bounded.

use std::ffi::OsStr;
use std::process::{Child, Command, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::project_root;

/// A `cargo` command run from the project root on the default toolchain.
pub(crate) fn cargo<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new("cargo");
    command.args(args).current_dir(project_root());
    // `cargo xtask` runs under `cargo run`, which exports the toolchain it picked; clear that so
    // `cargo +nightly` and the default toolchain both mean what they say in child processes.
    command
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC")
        .env_remove("CARGO");
    command
}

/// A `cargo +TOOLCHAIN` command run from the project root.
pub(crate) fn cargo_on<I, S>(toolchain: &str, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = cargo([format!("+{toolchain}")]);
    command.args(args);
    command
}

/// Prints the command line, runs it with inherited output, and fails unless it succeeds.
pub(crate) fn run(command: &mut Command) -> Result<()> {
    println!("$ {}", display(command));
    let status = command
        .status()
        .with_context(|| format!("cannot start `{}`", display(command)))?;
    check(command, status)
}

/// Like [`run`], but kills the command and fails once `limit` has passed.
pub(crate) fn run_bounded(command: &mut Command, limit: Duration) -> Result<()> {
    println!("$ {}", display(command));
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start `{}`", display(command)))?;
    let status = wait_bounded(&mut child, limit)
        .with_context(|| format!("`{}` did not finish within {limit:?}", display(command)))?;
    check(command, status)
}

/// Whether a command runs and exits successfully, its output discarded.
pub(crate) fn succeeds(command: &mut Command) -> bool {
    command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The command line as a user would type it.
pub(crate) fn display(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

fn check(command: &Command, status: ExitStatus) -> Result<()> {
    if status.success() {
        Ok(())
    } else {
        bail!("`{}` failed ({status})", display(command))
    }
}

fn wait_bounded(child: &mut Child, limit: Duration) -> Result<ExitStatus> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if start.elapsed() > limit {
            // Ignoring a failed kill is right: the child may have exited in between.
            let _ = child.kill();
            let _ = child.wait();
            bail!("timed out");
        }
        thread::sleep(Duration::from_millis(200));
    }
}

/// Human-readable duration: `42.1s` or `3m07s`.
pub(crate) fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds < 60.0 {
        format!("{seconds:.1}s")
    } else {
        let whole = duration.as_secs();
        format!("{}m{:02}s", whole / 60, whole % 60)
    }
}
