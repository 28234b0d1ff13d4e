//! `stemkit algorithms`: every algorithm's name and what it matches.

use std::io::{self, Write};

use stemkit_stemmer::Algorithm;

use crate::errors::write_failed;

/// Prints one line per algorithm: name, description, other names.
pub(crate) fn run() -> anyhow::Result<()> {
    let width = Algorithm::ALL
        .iter()
        .map(|a| a.name().len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for algorithm in Algorithm::ALL {
        text.push_str(&format!(
            "{:width$}  {}",
            algorithm.name(),
            algorithm.description()
        ));
        if !algorithm.aliases().is_empty() {
            text.push_str(&format!(" (also: {})", algorithm.aliases().join(", ")));
        }
        text.push('\n');
    }
    io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|error| write_failed("<stdout>", error))
}
