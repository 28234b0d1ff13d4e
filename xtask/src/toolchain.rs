//! What the tasks need beyond stable cargo: a nightly toolchain for fuzzing, and cargo plugins,
//! installed on first use so a fresh machine needs nothing done by hand.

use std::process::Command;
use std::time::Duration;

use anyhow::Result;

use crate::cmd;

/// The toolchain cargo-fuzz's sanitizers need.
pub(crate) const NIGHTLY: &str = "nightly";

/// Whether a nightly toolchain is installed, trying once to install a minimal one if not.
/// A machine that cannot reach the toolchain server answers `false` after a bounded wait.
pub(crate) fn ensure_nightly() -> bool {
    if nightly_installed() {
        return true;
    }
    println!("no nightly toolchain: trying `rustup toolchain install {NIGHTLY} --profile minimal`");
    let mut install = Command::new("rustup");
    install.args(["toolchain", "install", NIGHTLY, "--profile", "minimal"]);
    match cmd::run_bounded(&mut install, Duration::from_secs(300)) {
        Ok(()) => nightly_installed(),
        Err(error) => {
            println!("nightly install failed: {error:#}");
            false
        }
    }
}

fn nightly_installed() -> bool {
    let Ok(output) = Command::new("rustup").args(["toolchain", "list"]).output() else {
        return false;
    };
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .any(|line| line.starts_with("nightly"))
}

/// Installs the cargo plugin `crate_name` (providing `cargo SUBCOMMAND`) unless it already runs.
pub(crate) fn ensure_cargo_plugin(subcommand: &str, crate_name: &str) -> Result<()> {
    if cmd::succeeds(&mut cmd::cargo([subcommand, "--version"])) {
        return Ok(());
    }
    println!("`cargo {subcommand}` is missing: installing {crate_name}");
    cmd::run(&mut cmd::cargo(["install", "--locked", crate_name]))
}
