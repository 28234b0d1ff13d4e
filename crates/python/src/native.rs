//! stemkit's own API: `stem_words` over a batch, `tokenize`, `process` and `process_document`
//! over a text, with the CLI's tokenizer options as keyword arguments.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use stemkit_stemmer::{Algorithm, Stemmer};
use stemkit_tokenizer::text::TextStemmer;
use stemkit_tokenizer::{TokenMode, Tokenizer, TokenizerOptions};

use crate::algorithms;
use crate::errors;
use crate::shared::stem_batch;
use crate::text;
use crate::words::{Words, read_word};

/// The default algorithm: NLTK's `PorterStemmer()`.
pub(crate) const DEFAULT_ALGORITHM: &str = "porter-nltk";

/// The stems of `words` (any iterable of `str`), lowercased first, on `threads` threads with
/// the GIL released.
#[pyfunction]
#[pyo3(signature = (words, algorithm = DEFAULT_ALGORITHM, *, threads = None))]
pub(crate) fn stem_words<'py>(
    words: &Bound<'py, PyAny>,
    algorithm: &str,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let py = words.py();
    let stemmer = Stemmer::new(algorithms::native(algorithm)?);
    let threads = errors::threads(threads)?;
    let words = Words::read(words, false)?;
    let stems = py.detach(|| stem_batch(stemmer, words.text(), words.ranges(), threads));
    words.to_list(py, &stems)
}

/// The tokens of `text`, or with `offsets` `(token, start, end)` tuples, `start` and `end`
/// indexing `text` in characters.
#[pyfunction]
#[pyo3(signature = (text, *, offsets = false, **options))]
pub(crate) fn tokenize<'py>(
    text: &Bound<'py, PyAny>,
    offsets: bool,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let options = tokenizer_options(options)?;
    let source = read_word(text, false, || "text".to_owned())?;
    let mut tokenizer = Tokenizer::new(options);
    if offsets {
        let mut found = Vec::new();
        py.detach(|| {
            text::tokens_with_char_ranges(&mut tokenizer, &source, |token, range| {
                found.push((token.to_owned(), range.start, range.end));
            });
        });
        let tuples = found
            .into_iter()
            .map(|(token, start, end)| (token, start, end).into_pyobject(py))
            .collect::<PyResult<Vec<Bound<'py, PyTuple>>>>()?;
        return PyList::new(py, tuples);
    }
    let tokens = py.detach(|| tokenizer.tokens(&source));
    PyList::new(py, tokens)
}

/// The stems of the tokens of `text`, all of it body (no title line).
#[pyfunction]
#[pyo3(signature = (text, algorithm = DEFAULT_ALGORITHM, **options))]
pub(crate) fn process<'py>(
    text: &Bound<'py, PyAny>,
    algorithm: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let algorithm = algorithms::native(algorithm)?;
    let options = tokenizer_options(options)?.in_language_of(algorithm);
    let source = read_word(text, false, || "text".to_owned())?;
    let stems = py.detach(|| stems_of(&source, options, algorithm));
    PyList::new(py, stems)
}

/// `(title, stems)` of a document in the CLI's model: line 1 the title, verbatim (without a
/// byte-order mark or a CR), every later line a paragraph, tokenized and stemmed.
#[pyfunction]
#[pyo3(signature = (text, algorithm = DEFAULT_ALGORITHM, **options))]
pub(crate) fn process_document<'py>(
    text: &Bound<'py, PyAny>,
    algorithm: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyString>, Bound<'py, PyList>)> {
    let py = text.py();
    let algorithm = algorithms::native(algorithm)?;
    let options = tokenizer_options(options)?.in_language_of(algorithm);
    let source = read_word(text, false, || "text".to_owned())?;
    let document = py.detach(|| TextStemmer::new(options, Some(algorithm)).document(&source));
    Ok((
        PyString::new(py, &document.title),
        PyList::new(py, document.stems)?,
    ))
}

/// The names `algorithm=` takes, with a description of each, from the stemmer's catalogue.
#[pyfunction]
#[pyo3(name = "_native_algorithms")]
pub(crate) fn native_algorithms() -> Vec<(&'static str, &'static str)> {
    Algorithm::ALL
        .iter()
        .map(|algorithm| (algorithm.name(), algorithm.description()))
        .collect()
}

/// The stems of the tokens of `text`.
fn stems_of(text: &str, options: TokenizerOptions, algorithm: Algorithm) -> Vec<String> {
    TextStemmer::new(options, Some(algorithm)).stems(text)
}

/// The tokenizer options named in `options`: `unicode`, `fold_ascii`, `stopwords`,
/// `keep_numbers` (bools), `min_len` and `max_len` (int or None); any other is a `TypeError`.
pub(crate) fn tokenizer_options(options: Option<&Bound<'_, PyDict>>) -> PyResult<TokenizerOptions> {
    let mut parsed = TokenizerOptions::default();
    let Some(options) = options else {
        return Ok(parsed);
    };
    for (key, value) in options.iter() {
        let key: String = key.extract()?;
        let flag = || -> PyResult<bool> {
            value
                .extract::<bool>()
                .map_err(|_| PyTypeError::new_err(format!("{key} must be a bool")))
        };
        let length = || -> PyResult<Option<usize>> {
            value.extract::<Option<usize>>().map_err(|_| {
                PyValueError::new_err(format!("{key} must be None or a non-negative int"))
            })
        };
        match key.as_str() {
            "unicode" => {
                parsed.mode = if flag()? {
                    TokenMode::Unicode
                } else {
                    TokenMode::Ascii
                }
            }
            "fold_ascii" => parsed.fold_to_ascii = flag()?,
            "stopwords" => parsed.remove_stopwords = flag()?,
            "keep_numbers" => parsed.keep_numbers = flag()?,
            "min_len" => parsed.min_len = length()?,
            "max_len" => parsed.max_len = length()?,
            other => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected keyword argument '{other}'; tokenizer options are unicode, \
                     fold_ascii, stopwords, keep_numbers, min_len, max_len"
                )));
            }
        }
    }
    Ok(parsed)
}
