//! `explain(word, algorithm)`: every step of a stemming and the rule that fired, as an object
//! whose `repr` is the table `stemkit explain` prints.

use pyo3::prelude::*;
use stemkit_stemmer::Stemmer;

use crate::algorithms;
use crate::native::DEFAULT_ALGORITHM;
use crate::words::read_word;

/// The trace of one word through one algorithm.
#[pyclass(module = "stemkit", frozen)]
pub(crate) struct Explanation {
    /// The word as given.
    #[pyo3(get)]
    word: String,
    /// The algorithm's name.
    #[pyo3(get)]
    algorithm: String,
    /// The final stem.
    #[pyo3(get)]
    stem: String,
    /// `(step, rule, word)` for each step: the rule that fired (`None` if none), the word after.
    #[pyo3(get)]
    steps: Vec<(String, Option<String>, String)>,
    /// The table `stemkit explain` prints: the stemmer's `Display` of the explanation.
    table: String,
}

#[pymethods]
impl Explanation {
    fn __repr__(&self) -> String {
        self.table.clone()
    }

    fn __str__(&self) -> String {
        self.table.clone()
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
    let table = explanation.to_string();
    Ok(Explanation {
        table,
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
