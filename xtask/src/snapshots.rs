//! `cargo xtask snapshots`: review pending insta snapshots interactively.

use anyhow::Result;

use crate::{cmd, toolchain};

/// Runs `cargo insta review`, installing cargo-insta first if it is missing.
pub(crate) fn run() -> Result<()> {
    toolchain::ensure_cargo_plugin("insta", "cargo-insta")?;
    cmd::run(&mut cmd::cargo(["insta", "review", "--workspace"]))
}
