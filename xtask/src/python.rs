//! The Python package's tasks: `cargo xtask python` (also a CI step) builds `crates/python` into
//! a virtualenv under `target/python/venv` and runs its pytest suite; `cargo xtask bench
//! --python` runs the side-by-side benchmark against NLTK, PyStemmer and py-rust-stemmers.
//!
//! The virtualenv is made from the pinned `crates/python/requirements-dev.txt` and reused while
//! that file is unchanged (a hash of it is stamped inside the virtualenv).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{cmd, project_root};

/// Tokens in the benchmark's news stream.
const BENCH_TOKENS: usize = 1_000_000;

/// pytest's exit code when it collected no test: a failure here, never a pass.
const PYTEST_NO_TESTS: i32 = 5;

/// Builds the package into the virtualenv and runs its tests. `Ok(Some(reason))`: skipped,
/// only because there is no Python 3 at all.
pub(crate) fn test() -> Result<Option<String>> {
    let Some(python) = system_python() else {
        println!("python tests: SKIPPED (no python3 on this machine)");
        return Ok(Some("no python3 on this machine".to_owned()));
    };
    let venv = prepare(&python)?;
    let root = project_root();
    let mut pytest = venv.command();
    pytest
        .args([
            "-m",
            "pytest",
            "crates/python/tests",
            "-q",
            "-p",
            "no:cacheprovider",
        ])
        .current_dir(&root);
    println!("$ {}", cmd::display(&pytest));
    let status = pytest.status().context("cannot start pytest")?;
    match status.code() {
        Some(0) => Ok(None),
        Some(PYTEST_NO_TESTS) => bail!("pytest collected no tests in crates/python/tests"),
        _ => bail!("pytest failed ({status})"),
    }
}

/// `cargo xtask bench --python`: the news token stream, then every Python stemmer on it.
pub(crate) fn bench() -> Result<()> {
    let Some(python) = system_python() else {
        bail!("bench --python needs python3");
    };
    let root = project_root();
    cmd::run(&mut cmd::cargo([
        "build",
        "--release",
        "-p",
        "stemkit-benches",
        "--example",
        "news_tokens",
    ]))?;
    let tokens = root
        .join("target/python")
        .join(format!("news-tokens-{BENCH_TOKENS}.txt"));
    if !tokens.exists() {
        fs::create_dir_all(root.join("target/python"))?;
        cmd::run(
            Command::new(root.join("target/release/examples/news_tokens"))
                .arg(&tokens)
                .arg(BENCH_TOKENS.to_string()),
        )?;
    }
    let venv = prepare(&python)?;
    cmd::run(
        venv.command()
            .arg("crates/python/bench/bench_python.py")
            .arg(&tokens)
            .current_dir(&root),
    )
}

/// The virtualenv's python, the package built from the current sources installed in it (for the
/// Spark step and bench); `None` where there is no `python3` at all.
pub(crate) fn venv_python() -> Result<Option<PathBuf>> {
    let Some(python) = system_python() else {
        return Ok(None);
    };
    Ok(Some(prepare(&python)?.python()))
}

/// The machine's `python3`, if there is one that runs.
fn system_python() -> Option<PathBuf> {
    let python = PathBuf::from("python3");
    cmd::succeeds(Command::new(&python).arg("--version")).then_some(python)
}

/// The test virtualenv.
struct Venv {
    dir: PathBuf,
}

impl Venv {
    fn python(&self) -> PathBuf {
        self.dir.join("bin/python")
    }

    /// A command run as if the virtualenv were activated: its `bin/` first on `PATH` (the
    /// maturin build backend calls the `maturin` executable by name).
    fn command(&self) -> Command {
        let mut command = Command::new(self.python());
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![self.dir.join("bin")];
        paths.extend(std::env::split_paths(&path));
        if let Ok(joined) = std::env::join_paths(paths) {
            command.env("PATH", joined);
        }
        command.env("VIRTUAL_ENV", &self.dir);
        command
    }
}

/// The virtualenv with the pinned requirements (made or remade if the requirements changed),
/// and the package built from the current sources installed in it.
fn prepare(python: &Path) -> Result<Venv> {
    let root = project_root();
    let requirements = root.join("crates/python/requirements-dev.txt");
    let wanted = format!(
        "{:016x}",
        fnv1a(&fs::read(&requirements).context("reading requirements-dev.txt")?)
    );
    let venv = Venv {
        dir: root.join("target/python/venv"),
    };
    let stamp = venv.dir.join("requirements.hash");
    let current = fs::read_to_string(&stamp).unwrap_or_default();
    if current != wanted || !venv.python().exists() {
        println!(
            "python: (re)creating {} from requirements-dev.txt",
            venv.dir.display()
        );
        cmd::run(
            Command::new(python)
                .args(["-m", "venv", "--clear"])
                .arg(&venv.dir),
        )?;
        cmd::run(
            Command::new(venv.python())
                .args(["-m", "pip", "install", "--quiet", "-r"])
                .arg(&requirements),
        )?;
        fs::write(&stamp, &wanted)?;
    } else {
        println!(
            "python: reusing {} (requirements unchanged)",
            venv.dir.display()
        );
    }
    // maturin is in the virtualenv: no isolated build environment to download each time.
    cmd::run(
        venv.command()
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--force-reinstall",
                "./crates/python",
            ])
            .current_dir(&root),
    )?;
    Ok(venv)
}

/// FNV-1a of `bytes`: a stable hash for the stamp (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_hash_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
