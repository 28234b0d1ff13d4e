//! The `stemkit` Python extension (`stemkit._stemkit`): a thin shell over the stemmer and
//! tokenizer crates. The drop-ins for NLTK and PyStemmer, the native batch and text API and the
//! Arrow functions each live in a module of their own; the pure-Python package
//! (`python/stemkit`) re-exports them with docstrings and type stubs.

mod algorithms;
mod arrow;
mod batch;
mod errors;
mod explain;
mod ffi;
mod native;
mod nltk;
mod pystemmer;
mod shared;
mod text;
mod words;

use pyo3::prelude::*;

/// The extension module. `gil_used = false`: nothing in it relies on the GIL (every object is
/// immutable or guards its cache with a lock), so free-threaded CPython keeps the GIL off.
#[pymodule(gil_used = false)]
fn _stemkit(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<nltk::PorterStemmer>()?;
    module.add_class::<nltk::SnowballStemmer>()?;
    module.add_class::<pystemmer::Stemmer>()?;
    module.add_class::<explain::Explanation>()?;
    module.add_function(wrap_pyfunction!(pystemmer::algorithm_names, module)?)?;
    module.add_function(wrap_pyfunction!(native::stem_words, module)?)?;
    module.add_function(wrap_pyfunction!(native::tokenize, module)?)?;
    module.add_function(wrap_pyfunction!(native::process, module)?)?;
    module.add_function(wrap_pyfunction!(native::process_document, module)?)?;
    module.add_function(wrap_pyfunction!(native::native_algorithms, module)?)?;
    module.add_function(wrap_pyfunction!(explain::explain, module)?)?;
    module.add_function(wrap_pyfunction!(arrow::arrow_stem, module)?)?;
    module.add_function(wrap_pyfunction!(arrow::arrow_tokenize, module)?)?;
    module.add_function(wrap_pyfunction!(arrow::arrow_process, module)?)?;
    module.add_function(wrap_pyfunction!(errors::panic_for_tests, module)?)?;
    Ok(())
}
