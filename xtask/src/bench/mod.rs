//! `cargo xtask bench`: the criterion benchmarks (rates of the library functions), then the
//! end-to-end section (whole `stemkit` processes against NLTK, rust-stemmers and `tr`, with the
//! issue's targets).

mod criterion;
mod end_to_end;
mod timing;

use anyhow::{Result, bail};

/// What `cargo xtask bench` runs.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Options {
    /// Skip criterion: only the end-to-end section.
    e2e_only: bool,
    /// Smaller end-to-end inputs and fewer rounds, for iteration; not for the README.
    quick: bool,
}

impl Options {
    /// Parses `[--e2e-only] [--quick]`.
    pub(crate) fn parse(args: &[String]) -> Result<Self> {
        let mut options = Self::default();
        for arg in args {
            match arg.as_str() {
                "--e2e-only" => options.e2e_only = true,
                "--quick" => options.quick = true,
                other => {
                    bail!("bench: unexpected argument `{other}` (expected --e2e-only, --quick)")
                }
            }
        }
        Ok(options)
    }
}

/// Runs the benchmarks and prints their summaries.
pub(crate) fn run(options: Options) -> Result<()> {
    if !options.e2e_only {
        criterion::run()?;
    }
    end_to_end::run(options.quick)
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

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn options_parse_both_flags_in_any_order() {
        let both = Options {
            e2e_only: true,
            quick: true,
        };
        assert_eq!(
            Options::parse(&args(&["--quick", "--e2e-only"])).unwrap(),
            both
        );
        assert_eq!(Options::parse(&args(&[])).unwrap(), Options::default());
        assert!(Options::parse(&args(&["--fast"])).is_err());
    }

    #[test]
    fn word_rates_switch_unit_at_a_million() {
        assert_eq!(format_rate_words(2_500_000.0), "2.50 Mwords/s");
        assert_eq!(format_rate_words(61_234.0), "61.2 kwords/s");
    }
}
