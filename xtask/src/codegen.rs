//! `cargo xtask codegen`: compiles every Snowball program in `crates/snowball/algorithms` with
//! stemkit's own compiler and writes the Rust into `crates/stemmer/src/snowball/generated`,
//! plus `mod.rs`, the registry of every program. A test regenerates everything in memory and
//! fails, naming the file, when a checked-in file is stale (rust-analyzer's sourcegen style).

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::project_root;

/// Where the generated modules go, relative to the workspace root.
const OUT_DIR: &str = "crates/stemmer/src/snowball/generated";

/// One program: its source, its module, its Snowball name and the releases it belongs to.
struct Source {
    path: PathBuf,
    dir: &'static str,
    algorithm: String,
    module: String,
    variant: String,
    releases: Vec<&'static str>,
}

/// The releases that share each kept file (see `algorithms/PROVENANCE.md`).
fn releases(dir: &str, algorithm: &str) -> Vec<&'static str> {
    const ALL_3: [&str; 4] = ["3.0.0", "3.0.1", "3.1.0", "3.1.1"];
    match (dir, algorithm) {
        ("nltk", _) => Vec::new(),
        ("2.0.0", "arabic") => vec!["2.0.0", "2.1.0"],
        ("2.0.0", _) => vec!["2.0.0", "2.1.0", "2.2.0"],
        ("3.0.0", _) => vec!["3.0.0", "3.0.1"],
        (_, "arabic") => vec!["2.2.0", "3.0.0", "3.0.1", "3.1.0", "3.1.1"],
        (_, "russian") => vec![
            "2.0.0", "2.1.0", "2.2.0", "3.0.0", "3.0.1", "3.1.0", "3.1.1",
        ],
        (
            _,
            "porter" | "dutch" | "dutch_porter" | "french" | "hungarian" | "portuguese"
            | "romanian" | "spanish" | "swedish",
        ) => ALL_3.to_vec(),
        _ => vec!["3.1.0", "3.1.1"],
    }
}

/// Which releases a program belongs to, in words.
fn release_note(s: &Source) -> String {
    if s.releases.is_empty() {
        "no Snowball release: NLTK 3.10.4's revision".to_owned()
    } else {
        format!("releases {}", s.releases.join(", "))
    }
}

fn camel(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The `.sbl` files of `folder`, sorted by name.
fn sbl_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "sbl"))
        .collect();
    paths.sort();
    Ok(paths)
}

fn sources(root: &Path) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for dir in ["3.1.0", "2.0.0", "3.0.0", "nltk"] {
        for path in sbl_files(&root.join("crates/snowball/algorithms").join(dir))? {
            let algorithm = path
                .file_stem()
                .and_then(|s| s.to_str())
                .context("file name")?
                .to_owned();
            let suffix = if dir == "3.1.0" {
                String::new()
            } else {
                format!("_{}", dir.replace('.', "_"))
            };
            sources.push(Source {
                module: format!("{algorithm}{suffix}"),
                variant: format!("{}{suffix}", camel(&algorithm)),
                releases: releases(dir, &algorithm),
                path,
                dir,
                algorithm,
            });
        }
    }
    Ok(sources)
}

/// Formats Rust source with rustfmt (edition 2024), as `cargo fmt` would.
fn rustfmt(code: &str) -> Result<String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("running rustfmt (rustup component add rustfmt)")?;
    child
        .stdin
        .take()
        .context("rustfmt stdin")?
        .write_all(code.as_bytes())?;
    let output = child.wait_with_output()?;
    if !output.status.success() {
        bail!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// The runtime as a generated module names it: its parent's `rt`, which is the runtime itself
/// (`Env` over the plain store) or, in a `long.rs`, the runtime with `Env` and `Table` over the
/// gap buffer, so that one file compiles over both stores.
const RUNTIME: &str = "super::rt";

/// A `long.rs`: each of `modules` (files of the same directory) compiled again, over the gap
/// buffer (`runtime` is the runtime's path).
fn long_registry(what: &str, runtime: &str, modules: &[&str]) -> String {
    let mut out = format!(
        "//! Generated by `cargo xtask codegen`: do not edit. {what}: the same files, \
         with `rt` the runtime over `Gap`.\n\n\
         /// The runtime, with `Env` and `Table` over the gap buffer.\n\
         mod rt {{\n\
         pub(crate) use {runtime}::*;\n\
         pub(crate) type Env = {runtime}::Env<Gap>;\n\
         pub(crate) type Table = {runtime}::Table<Gap>;\n\
         }}\n\n"
    );
    for module in modules {
        let _ = writeln!(out, "#[path = \"{module}.rs\"]\npub(super) mod {module};");
    }
    out
}

/// Every generated file: its path below the workspace root and its contents.
pub(crate) fn generate(root: &Path) -> Result<Vec<(PathBuf, String)>> {
    let sources = sources(root)?;
    let mut files = Vec::new();
    for source in &sources {
        let relative = format!("algorithms/{}/{}.sbl", source.dir, source.algorithm);
        let text = fs::read_to_string(&source.path)
            .with_context(|| format!("reading {}", source.path.display()))?;
        let program = stemkit_snowball::compile(&relative, &text)?;
        let options = stemkit_snowball::rust::Options {
            source: format!("crates/snowball/{relative}"),
            runtime: RUNTIME.to_owned(),
        };
        let code = stemkit_snowball::rust::generate(&program, &options)
            .map_err(|e| anyhow::anyhow!("{relative}: {e}"))?;
        let path = PathBuf::from(OUT_DIR).join(format!("{}.rs", source.module));
        files.push((path, rustfmt(&code)?));
    }
    files.push((
        PathBuf::from(OUT_DIR).join("mod.rs"),
        rustfmt(&registry(&sources))?,
    ));
    let modules: Vec<&str> = sources.iter().map(|s| s.module.as_str()).collect();
    files.push((
        PathBuf::from(OUT_DIR).join("long.rs"),
        rustfmt(&long_registry(
            "Every program again, compiled over the gap buffer for long words",
            "crate::snowball::runtime",
            &modules,
        ))?,
    ));
    files.extend(runtime_tests(root)?);
    Ok(files)
}

/// The folders of runtime tests under `crates/snowball/tests/compiler`: Snowball's own
/// (`runtime`), then stemkit's (`stemkit`: what its generator does beyond a step at a time).
const RUNTIME_TEST_FOLDERS: [&str; 2] = ["runtime", "stemkit"];

/// The runtime tests (`crates/snowball/tests/compiler/{runtime,stemkit}/*.sbl`), compiled
/// into a test-only module of the stemmer crate: each, given the word `ok`, must return `ok`.
fn runtime_tests(root: &Path) -> Result<Vec<(PathBuf, String)>> {
    let mut paths = Vec::new();
    for folder in RUNTIME_TEST_FOLDERS {
        paths.extend(sbl_files(
            &root.join("crates/snowball/tests/compiler").join(folder),
        )?);
    }
    let dir = PathBuf::from(OUT_DIR).join("runtime_tests");
    let mut files = Vec::new();
    let mut registry = String::from(
        "//! Generated by `cargo xtask codegen`: do not edit. Snowball's runtime tests \
         (`crates/snowball/tests/compiler/runtime`) and stemkit's (`.../stemkit`), each run on \
         the word `ok`: a program returns `ok` when every check passed, else the message of the \
         check that failed.\n\n",
    );
    let mut tests = String::new();
    let mut modules = Vec::new();
    for path in paths {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .context("file name")?;
        let folder = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
            .context("folder name")?;
        let relative = format!("tests/compiler/{folder}/{name}.sbl");
        let text = fs::read_to_string(&path)?;
        let program = stemkit_snowball::compile(&relative, &text)?;
        let options = stemkit_snowball::rust::Options {
            source: format!("crates/snowball/{relative}"),
            runtime: RUNTIME.to_owned(),
        };
        let code = stemkit_snowball::rust::generate(&program, &options)
            .map_err(|e| anyhow::anyhow!("{relative}: {e}"))?;
        files.push((dir.join(format!("{name}.rs")), rustfmt(&code)?));
        let _ = writeln!(registry, "mod {name};");
        let _ = writeln!(
            tests,
            "#[test]\nfn {name}_returns_ok() {{ \
             assert_eq!(run(({name}::stem, long::{name}::stem), {name}::STRINGS), \"ok\"); }}\n"
        );
        modules.push(name.to_owned());
    }
    registry.push_str(
        "mod long;\n\n\
         use super::super::runtime::{self as rt, Entry};\n\n\
         /// The program's output on `ok` over each store, or both when they differ.\n\
         fn run(stem: Entry, strings: usize) -> String {\n\
         let [plain, gap] = [false, true].map(|gap| {\n\
         let mut out = String::new();\n\
         rt::run_as(stem, gap, strings, \"ok\", &mut out, false);\n\
         out\n\
         });\n\
         if plain == gap { plain } else { format!(\"plain {plain:?}, gap {gap:?}\") }\n\
         }\n\n",
    );
    registry.push_str(&tests);
    files.push((dir.join("mod.rs"), rustfmt(&registry)?));
    let modules: Vec<&str> = modules.iter().map(String::as_str).collect();
    files.push((
        dir.join("long.rs"),
        rustfmt(&long_registry(
            "Snowball's runtime tests again, compiled over the gap buffer",
            "crate::snowball::runtime",
            &modules,
        ))?,
    ));
    Ok(files)
}

fn registry(sources: &[Source]) -> String {
    let mut out = String::from(
        "//! Generated by `cargo xtask codegen`: do not edit. The registry of every Snowball \
         program compiled into stemkit.\n\n",
    );
    for s in sources {
        let _ = writeln!(out, "mod {};", s.module);
    }
    out.push_str(
        "\nmod long;\n#[cfg(test)]\nmod runtime_tests;\n\nuse super::runtime::{self as rt, Entry};\n\n\
         /// One compiled Snowball program: one revision of one algorithm.\n\
         #[allow(non_camel_case_types)]\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         pub enum Program {\n",
    );
    for s in sources {
        let _ = writeln!(
            out,
            "/// `{}` from `algorithms/{}/{0}.sbl` ({}).\n{},",
            s.algorithm,
            s.dir,
            release_note(s),
            s.variant
        );
    }
    out.push_str("}\n\nimpl Program {\n");
    let arms = |f: &dyn Fn(&Source) -> String| -> String {
        sources
            .iter()
            .map(|s| format!("Program::{} => {},\n", s.variant, f(s)))
            .collect()
    };
    let _ = writeln!(
        out,
        "/// Every program: the current revisions first, then the older ones.\n\
         pub const ALL: [Program; {}] = [{}];\n",
        sources.len(),
        sources
            .iter()
            .map(|s| format!("Program::{}", s.variant))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "/// The program's name: the Snowball name (`french`) for a current revision, \
         `NAME@RELEASE` (its first release) for an older one.\n\
         pub const fn name(self) -> &'static str {{ match self {{ {} }} }}\n",
        arms(&|s| {
            if s.dir == "3.1.0" {
                format!("{:?}", s.algorithm)
            } else if s.releases.is_empty() {
                format!("{:?}", format!("{}-{}", s.algorithm, s.dir))
            } else {
                format!("{:?}", format!("{}@{}", s.algorithm, s.releases[0]))
            }
        })
    );
    let _ = writeln!(
        out,
        "/// The Snowball algorithm it is a revision of, such as `english`.\n\
         pub const fn algorithm(self) -> &'static str {{ match self {{ {} }} }}\n",
        arms(&|s| format!("{:?}", s.algorithm))
    );
    let _ = writeln!(
        out,
        "/// The Snowball releases whose `.sbl` this is.\n\
         pub const fn releases(self) -> &'static [&'static str] {{ match self {{ {} }} }}\n",
        arms(&|s| format!("&{:?}", s.releases))
    );
    let _ = writeln!(
        out,
        "/// One line saying what the program computes.\n\
         pub const fn description(self) -> &'static str {{ match self {{ {} }} }}\n",
        arms(&|s| format!(
            "{:?}",
            format!(
                "Snowball {}, from algorithms/{}/{}.sbl ({})",
                s.algorithm,
                s.dir,
                s.algorithm,
                release_note(s)
            )
        ))
    );
    let _ = writeln!(
        out,
        "/// The `stem` external and how many string variables it needs.\n\
         pub(crate) fn entry(self) -> (Entry, usize) {{ match self {{ {} }} }}\n}}",
        arms(&|s| format!("(({}::stem, long::{0}::stem), {0}::STRINGS)", s.module))
    );
    out
}

/// `cargo xtask codegen`: writes every generated file that changed.
pub(crate) fn run() -> Result<()> {
    let root = project_root();
    let files = generate(&root)?;
    fs::create_dir_all(root.join(OUT_DIR).join("runtime_tests"))?;
    let mut written = 0;
    for (path, contents) in &files {
        let full = root.join(path);
        if fs::read_to_string(&full).ok().as_deref() != Some(contents.as_str()) {
            fs::write(&full, contents).with_context(|| format!("writing {}", full.display()))?;
            written += 1;
        }
    }
    let bytes: usize = files.iter().map(|(_, c)| c.len()).sum();
    println!(
        "codegen: {} files ({bytes} bytes), {written} rewritten",
        files.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_snowball_code_is_fresh() {
        let root = project_root();
        let files = generate(&root).expect("codegen runs");
        let stale: Vec<String> = files
            .iter()
            .filter(|(path, contents)| {
                fs::read_to_string(root.join(path)).ok().as_deref() != Some(contents.as_str())
            })
            .map(|(path, _)| path.display().to_string())
            .collect();
        assert!(
            stale.is_empty(),
            "stale generated files (run `cargo xtask codegen`):\n  {}",
            stale.join("\n  ")
        );
    }
}
