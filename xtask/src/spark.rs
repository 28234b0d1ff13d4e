//! `stemkit.spark` on real Spark sessions: `cargo xtask ci`'s "spark tests" step and
//! `cargo xtask bench --spark`, in the Python package's virtualenv with PySpark added and a Java
//! runtime (installed with the system's package manager where the task runs as root).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{cmd, project_root, python};

/// PySpark and what only the Spark tests and bench need, pinned.
const REQUIREMENTS: &str = "crates/python/requirements-spark.txt";
/// The Spark tests (pytest).
const TESTS: &str = "crates/python/tests/spark";
/// The Spark bench script.
const BENCH: &str = "crates/python/bench/bench_spark.py";
/// Spark 4 runs on Java 17 or later.
const MIN_JAVA: u32 = 17;
/// The Debian package that provides it, headless.
const JRE_PACKAGE: &str = "openjdk-17-jre-headless";
/// The bench's rows: 20,000 news-like texts of 90 words.
const BENCH_ROWS: usize = 20_000;
const BENCH_WORDS: usize = 90;

/// The "spark tests" CI step: `Some(reason)` when skipped (no Python 3 at all).
pub(crate) fn tests() -> Result<Option<String>> {
    let Some(python) = python::venv_python()? else {
        return Ok(Some("no Python 3".to_owned()));
    };
    prepare(&python)?;
    let mut build = cmd::cargo(["build", "-p", "stemkit-cli"]);
    cmd::run(&mut build)?;
    let cli = target_dir().join("debug").join("stemkit");
    let mut pytest = Command::new(&python);
    pytest
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", TESTS])
        .current_dir(project_root())
        .env("STEMKIT_CLI", &cli)
        .env("STEMKIT_SPARK_TESTS", "1");
    cmd::run(&mut pytest).map(|()| None)
}

/// `cargo xtask bench --spark`: writes the rows, then runs the bench script on `local[2]`.
pub(crate) fn bench() -> Result<()> {
    let Some(python) = python::venv_python()? else {
        bail!("bench --spark needs Python 3 (python3 on PATH)");
    };
    prepare(&python)?;
    let example = ["build", "--release", "-p", "stemkit-benches"];
    cmd::run(cmd::cargo(example).args(["--example", "news_rows"]))?;
    let dir = target_dir().join("bench-inputs").join("spark");
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let rows = dir.join(format!("rows-{BENCH_ROWS}x{BENCH_WORDS}.txt"));
    let generator = target_dir()
        .join("release")
        .join("examples")
        .join("news_rows");
    cmd::run(
        Command::new(generator)
            .arg(&rows)
            .arg(BENCH_ROWS.to_string())
            .arg(BENCH_WORDS.to_string()),
    )?;
    let mut script = Command::new(&python);
    script.arg(BENCH).arg(&rows).current_dir(project_root());
    cmd::run(&mut script)
}

/// A Java runtime, and PySpark in the virtualenv of `python`.
fn prepare(python: &Path) -> Result<()> {
    ensure_java()?;
    install_requirements(python)
}

/// Installs `REQUIREMENTS` into the virtualenv unless the same list is installed already.
fn install_requirements(python: &Path) -> Result<()> {
    let wanted = fs::read_to_string(project_root().join(REQUIREMENTS))
        .with_context(|| format!("cannot read {REQUIREMENTS}"))?;
    let stamp = python
        .parent()
        .and_then(Path::parent)
        .map(|venv| venv.join("spark-requirements.installed"))
        .context("the virtualenv's python has no bin/ directory above it")?;
    if fs::read_to_string(&stamp).is_ok_and(|installed| installed == wanted) {
        return Ok(());
    }
    let mut pip = Command::new(python);
    pip.args(["-m", "pip", "install", "-q", "-r", REQUIREMENTS])
        .current_dir(project_root());
    cmd::run(&mut pip)?;
    fs::write(&stamp, wanted).with_context(|| format!("cannot write {}", stamp.display()))
}

/// `java` 17 or later on PATH: installed through apt-get where we are root, else a clear error.
fn ensure_java() -> Result<()> {
    if let Some(version) = java_version() {
        if version >= MIN_JAVA {
            return Ok(());
        }
        println!("java {version} is older than Spark needs ({MIN_JAVA})");
    }
    if !is_root() {
        bail!(
            "Spark needs a Java runtime {MIN_JAVA} or later on PATH: install one \
             (Debian/Ubuntu: `sudo apt-get install -y {JRE_PACKAGE}`) and run again"
        );
    }
    println!("no java {MIN_JAVA}+: installing {JRE_PACKAGE} with apt-get");
    cmd::run(Command::new("apt-get").arg("update"))?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", JRE_PACKAGE])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    match java_version() {
        Some(version) if version >= MIN_JAVA => Ok(()),
        _ => {
            bail!("installed {JRE_PACKAGE}, but `java -version` still does not report {MIN_JAVA}+")
        }
    }
}

/// The major version `java -version` reports, if java runs.
fn java_version() -> Option<u32> {
    let output = Command::new("java").arg("-version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    // `openjdk version "17.0.15" 2025-04-15` (on standard error); Java 8 said "1.8.0_...".
    parse_java_version(&String::from_utf8_lossy(&output.stderr))
}

fn parse_java_version(banner: &str) -> Option<u32> {
    let quoted = banner.split('"').nth(1)?;
    let mut parts = quoted.split(['.', '_', '-', '+']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        parts.next()?.parse().ok()
    } else {
        Some(first)
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

/// Cargo's target directory: `CARGO_TARGET_DIR` or the workspace's `target/`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_versions_old_and_new_style() {
        let banner = "openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime Environment";
        assert_eq!(parse_java_version(banner), Some(17));
        assert_eq!(parse_java_version("java version \"1.8.0_392\""), Some(8));
        assert_eq!(
            parse_java_version("openjdk version \"21\" 2023-09-19"),
            Some(21)
        );
        assert_eq!(parse_java_version("no version here"), None);
    }
}
