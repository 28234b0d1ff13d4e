//! Python exceptions for bad input: lone surrogates, wrong types, bad thread counts; and a
//! deliberate panic, so the tests can check that a Rust panic surfaces as an exception.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// The error for a `str` that cannot be UTF-8 because of a lone surrogate: a `ValueError`
/// naming `what` (such as `item 3`) and where the surrogate is, with Python's own error as
/// its cause.
pub(crate) fn not_unicode(py: Python<'_>, what: &str, cause: PyErr) -> PyErr {
    let value = cause.value(py);
    let at = value
        .getattr("start")
        .and_then(|start| start.extract::<usize>())
        .ok();
    let position = at.map_or_else(String::new, |at| format!(" at index {at}"));
    let error = PyValueError::new_err(format!(
        "{what} is not valid Unicode: it holds a lone surrogate{position}; stemkit stems only \
         text that can be UTF-8 (decode with errors='replace' or 'ignore' first)"
    ));
    error.set_cause(py, Some(cause));
    error
}

/// The `TypeError` for an item that is not a `str`.
pub(crate) fn not_str(what: &str, item: &Bound<'_, PyAny>) -> PyErr {
    let type_name = item
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |name| name.to_string());
    PyTypeError::new_err(format!("{what} must be str, not {type_name}"))
}

/// The number of threads a batch call runs on: the caller's, or one per core.
pub(crate) fn threads(requested: Option<usize>) -> PyResult<usize> {
    match requested {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(threads) => Ok(threads),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// Panics, on the calling thread or (with `in_thread`) on a worker thread: the tests check
/// that either becomes a Python exception rather than an abort.
#[pyfunction]
#[pyo3(name = "_panic_for_tests", signature = (in_thread = false))]
pub(crate) fn panic_for_tests(py: Python<'_>, in_thread: bool) {
    py.detach(|| {
        if in_thread {
            // Through the batch machinery: the second part runs on a spawned thread.
            crate::batch::map_parts(&[false, true], 2, 1, |part| {
                if part.contains(&true) {
                    panic!("stemkit: a deliberate panic on a worker thread");
                }
            });
        }
        panic!("stemkit: a deliberate panic");
    })
}
