//! Tidy: the `crate::` edges between the top-level modules of each crate are the ones listed
//! here, and they run one way. A new edge, a stale one, a module missing from its table or a
//! cycle fails, and the failure prints the row to edit.
//!
//! A module's edges are every `crate::NAME` its files name (in `use` or in a path; comments
//! do not count), NAME resolved to the module that defines it: a module of the crate, or an
//! item the crate root re-exports from one (`pub use algorithm::Algorithm`). An item defined
//! in the root itself (lib.rs or main.rs) is an edge to `crate`. The root declares every module
//! and is above them all: its own uses are not listed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{read, rust_files};
use crate::project_root;

/// The root, as a target of edges: items defined in lib.rs or main.rs.
const ROOT: &str = "crate";

/// A crate's top-level modules, each with the modules it may use through `crate::`, in the
/// order the crate runs (each row names only rows above it, when there is no cycle).
struct Table {
    /// The crate's source directory, from the workspace root.
    src: &'static str,
    rows: &'static [(&'static str, &'static [&'static str])],
}

const TABLES: [Table; 4] = [
    Table {
        src: "crates/stemmer/src",
        rows: &[
            ("trace", &[]),
            // The compiled Snowball programs and their runtime.
            ("snowball", &["trace"]),
            // `Algorithm::Snowball(Program)`.
            ("algorithm", &["snowball"]),
            ("lowercase", &[]),
            ("letter", &["lowercase"]),
            ("suffix", &["letter"]),
            ("explain", &["algorithm", "trace"]),
            // `crate`: `Stemmer`, defined in lib.rs (here by the tests of `porter` and `porter2`).
            (
                "porter",
                &["algorithm", "crate", "letter", "suffix", "trace"],
            ),
            (
                "porter2",
                &[
                    "algorithm",
                    "crate",
                    "letter",
                    "snowball",
                    "suffix",
                    "trace",
                ],
            ),
            ("cache", &["algorithm", "crate"]),
            (
                "giant_word",
                &[
                    "algorithm",
                    "crate",
                    "letter",
                    "lowercase",
                    "porter2",
                    "snowball",
                ],
            ),
        ],
    },
    Table {
        src: "crates/ordered/src",
        rows: &[("tuning", &[]), ("pool", &[]), ("pull", &[]), ("push", &[])],
    },
    Table {
        src: "crates/tokenizer/src",
        rows: &[
            ("framing", &[]),
            ("stopwords", &[]),
            ("options", &["stopwords"]),
            ("ascii", &[]),
            ("unicode", &[]),
            ("fold", &[]),
            ("token", &[]),
            (
                "giant",
                &["ascii", "fold", "options", "stopwords", "unicode"],
            ),
            (
                "boundaries",
                &["ascii", "fold", "giant", "options", "unicode"],
            ),
            (
                "tokenizer",
                &["ascii", "boundaries", "fold", "options", "token", "unicode"],
            ),
            ("document", &["boundaries", "framing"]),
            (
                "pipeline",
                &[
                    "ascii",
                    "boundaries",
                    "document",
                    "fold",
                    "framing",
                    "giant",
                    "options",
                    "tokenizer",
                ],
            ),
            ("text", &["document", "options", "pipeline", "tokenizer"]),
            ("verify", &["framing", "pipeline", "text"]),
        ],
    },
    Table {
        src: "crates/cli/src",
        rows: &[
            ("interrupt", &[]),
            ("errors", &[]),
            ("args", &[]),
            ("inputs", &[]),
            ("lines", &[]),
            ("progress", &[]),
            ("workers", &[]),
            ("formats", &["args"]),
            ("output", &["errors", "interrupt"]),
            (
                "datasets",
                &[
                    "args", "errors", "formats", "inputs", "lines", "output", "progress", "workers",
                ],
            ),
            (
                "commands",
                &[
                    "args", "datasets", "errors", "formats", "inputs", "lines", "output",
                    "progress", "workers",
                ],
            ),
        ],
    },
];

#[test]
fn module_edges_are_the_listed_ones() {
    let mut problems = Vec::new();
    for table in &TABLES {
        let actual = crate_edges(&project_root().join(table.src));
        problems.extend(differences(table, &actual));
    }
    assert!(
        problems.is_empty(),
        "the `crate::` edges between modules changed (xtask/src/tidy/module_edges.rs):\n\n{}",
        problems.join("\n\n")
    );
}

#[test]
fn listed_module_edges_run_one_way() {
    for table in &TABLES {
        let graph = table
            .rows
            .iter()
            .map(|&(module, uses)| {
                (
                    module.to_owned(),
                    uses.iter().map(|&u| u.to_owned()).collect(),
                )
            })
            .collect();
        if let Some(cycle) = find_cycle(&graph) {
            panic!(
                "{}: the modules {} use each other in a circle: move what one needs from the \
                 other below both, then edit their rows",
                table.src,
                cycle.join(" -> ")
            );
        }
    }
}

/// Each top-level module of the crate in `src` with the modules (or `crate`) it names.
fn crate_edges(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let root_file = ["lib.rs", "main.rs"]
        .iter()
        .map(|name| src.join(name))
        .find(|path| path.exists())
        .unwrap_or_else(|| panic!("{}: no lib.rs or main.rs", src.display()));
    let root = read(&root_file);
    let modules = declared_modules(&root);
    let reexports = reexports(&root);
    let mut edges: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for file in rust_files(src) {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let Some(first) = relative.components().next() else {
            continue;
        };
        let first = first.as_os_str().to_string_lossy();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
        let Some(targets) = edges.get_mut(&module) else {
            continue;
        };
        for name in crate_names(&read(&file)) {
            let target = if let Some(defining) = reexports.get(&name) {
                defining.clone()
            } else if modules.contains(&name) {
                name
            } else {
                ROOT.to_owned()
            };
            if target != module {
                targets.insert(target);
            }
        }
    }
    edges
}

/// The modules `mod NAME;` declares in a crate root, whatever their visibility.
fn declared_modules(root: &str) -> BTreeSet<String> {
    root.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line.strip_suffix(';')?;
            let name = rest.rsplit_once("mod ")?.1;
            let before = &rest[..rest.len() - name.len() - 4];
            let visibility_only = before.is_empty() || before.trim().starts_with("pub");
            (visibility_only && is_identifier(name)).then(|| name.to_owned())
        })
        .collect()
}

/// The items a crate root re-exports (`pub use module::{A, b}`), each with its module.
fn reexports(root: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in root.lines() {
        let line = line.trim();
        let Some(path) = line
            .strip_prefix("pub use ")
            .or_else(|| line.strip_prefix("pub(crate) use "))
            .and_then(|path| path.strip_suffix(';'))
        else {
            continue;
        };
        let Some((module, items)) = path.split_once("::") else {
            continue;
        };
        for item in group_items(items) {
            let name = item.rsplit("::").next().unwrap_or(&item).trim().to_owned();
            map.insert(name, module.to_owned());
        }
    }
    map
}

/// The first segment of every path after `crate::` in `source`, comments left out.
fn crate_names(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut names = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        // `$crate::` in a macro names this crate too; `foo_crate::` does not.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if rest.starts_with('{') {
            let group = balanced_group(rest);
            names.extend(group_items(group).iter().map(|item| first_segment(item)));
        } else {
            names.push(first_segment(rest));
        }
    }
    names.retain(|name| is_identifier(name) && name != "self");
    names
}

/// `{...}` at the start of `text`, braces and all (to the end of `text` if unbalanced).
fn balanced_group(text: &str) -> &str {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..=i];
                }
            }
            _ => {}
        }
    }
    text
}

/// The paths of a `use` group, `{a::b, c}` (or a single path `a::b`), trimmed.
fn group_items(group: &str) -> Vec<String> {
    let Some(inner) = group.trim().strip_prefix('{') else {
        return vec![group.trim().to_owned()];
    };
    let inner = inner.strip_suffix('}').unwrap_or(inner);
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(inner[start..i].trim().to_owned());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(inner[start..].trim().to_owned());
    items.retain(|item| !item.is_empty());
    items
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == '_')
        .collect()
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// What differs between a table and a crate's edges, each with the row to write.
fn differences(table: &Table, actual: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let listed: BTreeMap<&str, BTreeSet<String>> = table
        .rows
        .iter()
        .map(|&(module, uses)| (module, uses.iter().map(|&u| u.to_owned()).collect()))
        .collect();
    let mut problems = Vec::new();
    for (module, uses) in actual {
        let row = row(module, uses);
        match listed.get(module.as_str()) {
            None => problems.push(format!(
                "{}: module `{module}` is not in the table; add its row:\n    {row}",
                table.src
            )),
            Some(allowed) if allowed != uses => {
                let new: Vec<&String> = uses.difference(allowed).collect();
                let stale: Vec<&String> = allowed.difference(uses).collect();
                problems.push(format!(
                    "{}: module `{module}`: new edges {new:?}, stale edges {stale:?}. If every \
                     new edge runs one way (the row names only rows above it), edit its row:\n    \
                     {row}",
                    table.src
                ));
            }
            Some(_) => {}
        }
    }
    for module in listed.keys() {
        if !actual.contains_key(*module) {
            problems.push(format!(
                "{}: the row of `{module}` names no module of the crate: remove it",
                table.src
            ));
        }
    }
    problems
}

/// A table row as written in this file.
fn row(module: &str, uses: &BTreeSet<String>) -> String {
    let uses: Vec<String> = uses.iter().map(|u| format!("{u:?}")).collect();
    format!("({module:?}, &[{}]),", uses.join(", "))
}

/// A circle of modules each using the next, the first repeated at the end, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    /// Depth-first search from `module`; `path` holds the modules being visited.
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if !done.insert(module.to_owned()) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn crate_paths_are_found_in_uses_groups_and_code_but_not_comments() {
    let source = "use crate::{a::{B, c}, d, self};\nuse crate::e::F; // crate::g\n\
                  fn f() { crate::h::i(); $crate::j::k!(); other_crate::l(); }";
    assert_eq!(crate_names(source), ["a", "d", "e", "h", "j"]);
    let root =
        "mod a;\npub mod b;\n#[cfg(test)]\nmod c;\npub use a::{X, y::Z};\npub(crate) use b::W;";
    assert_eq!(
        declared_modules(root),
        ["a", "b", "c"].map(String::from).into()
    );
    let reexported = reexports(root);
    assert_eq!(reexported.get("Z").map(String::as_str), Some("a"));
    assert_eq!(reexported.get("W").map(String::as_str), Some("b"));
}

#[test]
fn cycles_are_found_and_named() {
    let graph = |edges: &[(&str, &str)]| {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for &(from, to) in edges {
            graph
                .entry(from.to_owned())
                .or_default()
                .insert(to.to_owned());
            graph.entry(to.to_owned()).or_default();
        }
        graph
    };
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(["a", "b", "c", "a"].map(String::from).to_vec())
    );
}
