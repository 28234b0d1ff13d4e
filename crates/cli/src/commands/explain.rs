//! `stemkit explain WORD`: each step of the stemming, the rule that fired, the word after it.

use std::io::{self, Write};

use stemkit_stemmer::{Explanation, Stemmer};

use crate::args::ExplainArgs;
use crate::errors::write_failed;

/// Prints the trace of stemming the word, then the stem.
pub(crate) fn run(args: &ExplainArgs) -> anyhow::Result<()> {
    let explanation = Stemmer::new(args.algorithm.algorithm).explain(&args.word);
    io::stdout()
        .lock()
        .write_all(render(&explanation).as_bytes())
        .map_err(|error| write_failed("<stdout>", error))
}

/// The trace as a table: a heading line, one row per step (`-` where no rule fired), the stem.
fn render(explanation: &Explanation) -> String {
    let rule = |rule: Option<&str>| rule.unwrap_or("-").to_owned();
    let step_width = explanation
        .steps
        .iter()
        .map(|s| s.step.len())
        .chain([4])
        .max()
        .unwrap_or(4);
    let rule_width = explanation
        .steps
        .iter()
        .map(|s| rule(s.rule).chars().count())
        .chain([4])
        .max()
        .unwrap_or(4);
    let mut text = format!("{} ({})\n", explanation.input, explanation.algorithm);
    text.push_str(&format!(
        "{:step_width$}  {:rule_width$}  word\n",
        "step", "rule"
    ));
    for step in &explanation.steps {
        text.push_str(&format!(
            "{:step_width$}  {:rule_width$}  {}\n",
            step.step,
            rule(step.rule),
            step.word
        ));
    }
    text.push_str(&format!("stem: {}\n", explanation.stem));
    text
}
