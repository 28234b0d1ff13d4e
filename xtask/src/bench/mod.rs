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
    /// Only these end-to-end comparisons (by name); empty means all of them.
    only: Vec<String>,
}

impl Options {
    /// Parses `[--e2e-only] [--quick] [--only NAME]...`; `--only` implies `--e2e-only`.
    pub(crate) fn parse(args: &[String]) -> Result<Self> {
        let mut options = Self::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--e2e-only" => options.e2e_only = true,
                "--quick" => options.quick = true,
                "--only" => {
                    let Some(name) = args.next() else {
                        bail!(
                            "bench: --only needs a comparison: {}",
                            end_to_end::NAMES.join(", ")
                        );
                    };
                    if !end_to_end::NAMES.contains(&name.as_str()) {
                        bail!(
                            "bench: no comparison `{name}` (expected one of {})",
                            end_to_end::NAMES.join(", ")
                        );
                    }
                    options.e2e_only = true;
                    options.only.push(name.clone());
                }
                other => bail!(
                    "bench: unexpected argument `{other}` (expected --e2e-only, --quick, --only NAME)"
                ),
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

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn options_parse_both_flags_in_any_order() {
        let both = Options {
            e2e_only: true,
            quick: true,
            only: Vec::new(),
        };
        assert_eq!(
            Options::parse(&args(&["--quick", "--e2e-only"])).unwrap(),
            both
        );
        assert_eq!(Options::parse(&args(&[])).unwrap(), Options::default());
        assert!(Options::parse(&args(&["--fast"])).is_err());
    }

    #[test]
    fn only_names_known_comparisons_and_skips_criterion() {
        let options = Options::parse(&args(&["--only", "directory", "--only", "csv"])).unwrap();
        assert!(options.e2e_only);
        assert_eq!(options.only, ["directory", "csv"]);
        assert!(Options::parse(&args(&["--only", "everything"])).is_err());
        assert!(Options::parse(&args(&["--only"])).is_err());
    }

    #[test]
    fn word_rates_switch_unit_at_a_million() {
        assert_eq!(format_rate_words(2_500_000.0), "2.50 Mwords/s");
        assert_eq!(format_rate_words(61_234.0), "61.2 kwords/s");
    }
}
