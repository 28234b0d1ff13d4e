//! `stemkit algorithms`: every algorithm's name and what it matches.

use std::io::{self, Write};

use stemkit_stemmer::Algorithm;

use crate::errors::write_failed;

/// Prints one line per algorithm: name, description, other names (for Snowball programs, every
/// `NAME@RELEASE` and `NAME-nltk` that selects the same program).
pub(crate) fn run() -> anyhow::Result<()> {
    let width = Algorithm::all().map(|a| a.name().len()).max().unwrap_or(0);
    let mut text = String::new();
    for algorithm in Algorithm::all() {
        text.push_str(&format!(
            "{:width$}  {}",
            algorithm.name(),
            algorithm.description()
        ));
        let mut aliases: Vec<String> = algorithm
            .aliases()
            .iter()
            .map(|a| (*a).to_owned())
            .collect();
        if let Algorithm::Snowball(program) = algorithm {
            aliases.extend(program.aliases());
        }
        if !aliases.is_empty() {
            text.push_str(&format!(" (also: {})", aliases.join(", ")));
        }
        text.push('\n');
    }
    io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|error| write_failed("<stdout>", error))
}
