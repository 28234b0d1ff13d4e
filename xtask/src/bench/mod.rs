//! `cargo xtask bench`: the criterion benchmarks (rates of the library functions), then the
//! end-to-end section (whole `stemkit` processes against NLTK, rust-stemmers and `tr`, with the
//! issue's targets).

mod criterion;
mod end_to_end;
mod snowball;
mod timing;

use anyhow::Result;

/// What `cargo xtask bench` runs.
#[derive(Debug, clap::Args)]
pub(crate) struct Options {
    /// Skip criterion: only the end-to-end section.
    #[arg(long = "e2e-only")]
    e2e_only: bool,
    /// Smaller end-to-end inputs and fewer rounds, for iteration; not for the README.
    #[arg(long)]
    pub(crate) quick: bool,
    /// Only this end-to-end comparison (may repeat; implies --e2e-only).
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(end_to_end::NAMES))]
    pub(crate) only: Vec<String>,
    /// Only the criterion benchmarks whose id contains FILTER (`snowball`: every Snowball
    /// algorithm beside frostem and PyStemmer), without the end-to-end section.
    #[arg(long, value_name = "FILTER", conflicts_with_all = ["e2e_only", "quick", "only"])]
    pub(crate) criterion: Option<String>,
    /// Instead: the Python stemmers side by side (NLTK, PyStemmer, py-rust-stemmers, stemkit)
    /// on 1,000,000 news tokens.
    #[arg(long, conflicts_with_all = ["e2e_only", "quick", "only"])]
    pub(crate) python: bool,
    /// Instead: stemkit.spark against NLTK in a pandas_udf on a `local[2]` Spark session.
    #[arg(long, conflicts_with_all = ["e2e_only", "quick", "only", "python"])]
    pub(crate) spark: bool,
}

impl Options {
    /// Whether to skip criterion: asked for, or implied by `--only`.
    pub(crate) fn e2e_only(&self) -> bool {
        self.e2e_only || !self.only.is_empty()
    }
}

/// Runs the benchmarks and prints their summaries.
pub(crate) fn run(options: Options) -> Result<()> {
    if let Some(filter) = &options.criterion {
        return criterion::run(Some(filter));
    }
    if !options.e2e_only() {
        criterion::run(None)?;
    }
    end_to_end::run(options.quick, &options.only)
}

/// `12.34 Mwords/s` or `567.8 kwords/s`.
fn format_rate_words(words: f64) -> String {
    if words >= 1e6 {
        format!("{:.2} Mwords/s", words / 1e6)
    } else {
        format!("{:.1} kwords/s", words / 1e3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_rates_switch_unit_at_a_million() {
        assert_eq!(format_rate_words(2_500_000.0), "2.50 Mwords/s");
        assert_eq!(format_rate_words(61_234.0), "61.2 kwords/s");
    }
}
