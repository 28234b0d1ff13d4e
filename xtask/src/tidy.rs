//! Tidy checks, run by `cargo test -p xtask` (and so by CI): conventions cheap to check mechanically.

mod module_edges;

use std::fs;
use std::path::{Path, PathBuf};

use crate::project_root;

/// Every `.rs` file below `dir`, skipping build output.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let name = entry.file_name();
            if !matches!(name.to_str(), Some("target" | "corpus" | "artifacts")) {
                files.extend(rust_files(&path));
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn relative(path: &Path) -> String {
    let root = project_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn every_rust_file_starts_with_a_module_doc_line() {
    let root = project_root();
    let files: Vec<PathBuf> = ["crates", "xtask", "benches", "fuzz"]
        .iter()
        .flat_map(|dir| rust_files(&root.join(dir)))
        .collect();
    assert!(
        files.len() > 10,
        "found only {} Rust files: wrong root?",
        files.len()
    );
    let undocumented: Vec<String> = files
        .iter()
        .filter(|path| !read(path).trim_start().starts_with("//!"))
        .map(|path| relative(path))
        .collect();
    assert!(
        undocumented.is_empty(),
        "these files must start with a `//!` line saying what the module is for:\n  {}",
        undocumented.join("\n  ")
    );
}

#[test]
fn library_and_binary_sources_hold_no_stubs() {
    let root = project_root();
    let crates = fs::read_dir(root.join("crates")).expect("crates/ exists");
    let mut stubs = Vec::new();
    for krate in crates.flatten() {
        for path in rust_files(&krate.path().join("src")) {
            for (number, line) in read(&path).lines().enumerate() {
                if line.contains(concat!("todo", "!("))
                    || line.contains(concat!("unimplemented", "!("))
                {
                    stubs.push(format!(
                        "{}:{}: {}",
                        relative(&path),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        stubs.is_empty(),
        "unfinished code in crates/*/src:\n  {}",
        stubs.join("\n  ")
    );
}

#[test]
fn ci_script_runs_the_xtask() {
    let script = read(&project_root().join(".ci/run"));
    let calls_xtask = script
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .any(|line| line.contains("cargo xtask ci"));
    assert!(calls_xtask, ".ci/run must run `cargo xtask ci`:\n{script}");
}

#[test]
fn pending_snapshot_finder_sees_both_kinds() {
    let dir = std::env::temp_dir().join(format!("xtask-tidy-{}", std::process::id()));
    let nested = dir.join("crates/cli/tests/snapshots");
    fs::create_dir_all(&nested).unwrap();
    fs::write(nested.join("a.snap"), "").unwrap();
    fs::write(nested.join("a.snap.new"), "").unwrap();
    fs::write(dir.join(".b.pending-snap"), "").unwrap();
    let mut found = crate::ci::pending_snapshots(&dir);
    found.sort();
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        [dir.join(".b.pending-snap"), nested.join("a.snap.new")]
    );
}
