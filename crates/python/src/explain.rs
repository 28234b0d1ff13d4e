//! `explain(word, algorithm)`: every step of a stemming and the rule that fired, as an object
//! whose `repr` is the table `stemkit explain` prints.

use pyo3::prelude::*;
use stemkit_stemmer::Stemmer;

use crate::algorithms;
use crate::native::DEFAULT_ALGORITHM;
use crate::words::read_word;

/// The trace of one word through one algorithm.
#[pyclass(module = "stemkit", frozen, get_all)]
pub(crate) struct Explanation {
    /// The word as given.
    word: String,
    /// The algorithm's name.
    algorithm: String,
    /// The final stem.
    stem: String,
    /// `(step, rule, word)` for each step: the rule that fired (`None` if none), the word after.
    steps: Vec<(String, Option<String>, String)>,
}

#[pymethods]
impl Explanation {
    fn __repr__(&self) -> String {
        render(self)
    }

    fn __str__(&self) -> String {
        render(self)
    }

    /// Pickles as the call that makes it: `explain(word, algorithm)`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String, String))> {
        let explain = py.import("stemkit._stemkit")?.getattr("explain")?;
        Ok((explain, (self.word.clone(), self.algorithm.clone())))
    }
}

/// Every step of stemming `word` with `algorithm`.
#[pyfunction]
#[pyo3(signature = (word, algorithm = DEFAULT_ALGORITHM))]
pub(crate) fn explain(word: &Bound<'_, PyAny>, algorithm: &str) -> PyResult<Explanation> {
    let algorithm = algorithms::native(algorithm)?;
    let text = read_word(word, false, || "word".to_owned())?;
    let explanation = Stemmer::new(algorithm).explain(&text);
    Ok(Explanation {
        word: explanation.input,
        algorithm: algorithm.name().to_owned(),
        stem: explanation.stem,
        steps: explanation
            .steps
            .into_iter()
            .map(|step| {
                (
                    step.step.to_owned(),
                    step.rule.map(str::to_owned),
                    step.word,
                )
            })
            .collect(),
    })
}

/// The table of `stemkit explain` (the CLI's `commands/explain.rs` renders the same): a heading,
/// one row per step (`-` where no rule fired), the stem.
fn render(explanation: &Explanation) -> String {
    let rule = |rule: &Option<String>| rule.clone().unwrap_or_else(|| "-".to_owned());
    let step_width = explanation
        .steps
        .iter()
        .map(|(step, _, _)| step.len())
        .chain([4])
        .max()
        .unwrap_or(4);
    let rule_width = explanation
        .steps
        .iter()
        .map(|(_, r, _)| rule(r).chars().count())
        .chain([4])
        .max()
        .unwrap_or(4);
    let mut text = format!("{} ({})\n", explanation.word, explanation.algorithm);
    text.push_str(&format!(
        "{:step_width$}  {:rule_width$}  word\n",
        "step", "rule"
    ));
    for (step, r, word) in &explanation.steps {
        text.push_str(&format!(
            "{step:step_width$}  {:rule_width$}  {word}\n",
            rule(r)
        ));
    }
    text.push_str(&format!("stem: {}", explanation.stem));
    text
}
