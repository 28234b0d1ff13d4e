//! Moving words between Python and Rust in bulk. A list of `str` crosses as one string: Python
//! joins it with NUL separators in C and Rust cuts it, which costs far less than converting each
//! `str` alone (the stable ABI of Python 3.9 cannot borrow a `str`'s UTF-8: every conversion is a
//! new `bytes`). Items that are not `str`, hold a lone surrogate or a NUL take the per-item path,
//! which names the offending item. The stems go back as one `str` object per distinct stem,
//! referenced as often as it occurs: running text repeats its words, and making an object is the
//! dearest part of the way back.

use std::borrow::Cow;
use std::ops::Range;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use crate::errors::{not_str, not_unicode};
use crate::shared::StemIds;

/// The separator of the one-string crossing.
const SEPARATOR: char = '\0';

/// Words read from Python: one text and the byte range of each word in it.
pub(crate) struct Words {
    text: String,
    ranges: Vec<Range<usize>>,
    /// Which words came as `bytes` (PyStemmer's `stemWords` takes both); empty when none did.
    bytes: Vec<bool>,
}

impl Words {
    /// The words of `items`, any iterable of `str` (and also of UTF-8 `bytes`, with
    /// `allow_bytes`: PyStemmer's `stemWords`).
    pub(crate) fn read(items: &Bound<'_, PyAny>, allow_bytes: bool) -> PyResult<Words> {
        let py = items.py();
        if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "words must be an iterable of str, not a single str or bytes",
            ));
        }
        let sequence = if items.is_instance_of::<PyList>() || items.is_instance_of::<PyTuple>() {
            items.clone()
        } else {
            py.get_type::<PyList>().call1((items,))?
        };
        if let Some(words) = Self::joined(&sequence)? {
            return Ok(words);
        }
        Self::one_by_one(&sequence, allow_bytes)
    }

    /// The fast path: `"\0".join(items)`, or `None` when that does not give the words back.
    fn joined(sequence: &Bound<'_, PyAny>) -> PyResult<Option<Words>> {
        let count = sequence.len()?;
        let Ok(joined) = PyString::new(sequence.py(), "\0").call_method1("join", (sequence,))
        else {
            return Ok(None);
        };
        let Ok(joined) = joined.cast_into::<PyString>() else {
            return Ok(None);
        };
        let Ok(text) = joined.to_cow() else {
            return Ok(None);
        };
        let text = text.into_owned();
        let mut ranges = Vec::with_capacity(count);
        if count > 0 {
            let mut start = 0;
            for at in memchr::memchr_iter(SEPARATOR as u8, text.as_bytes()) {
                ranges.push(start..at);
                start = at + 1;
            }
            ranges.push(start..text.len());
        }
        if ranges.len() != count {
            return Ok(None);
        }
        Ok(Some(Words {
            text,
            ranges,
            bytes: Vec::new(),
        }))
    }

    /// The per-item path, naming the first item that is not a word.
    fn one_by_one(sequence: &Bound<'_, PyAny>, allow_bytes: bool) -> PyResult<Words> {
        let mut words = Words {
            text: String::new(),
            ranges: Vec::new(),
            bytes: Vec::new(),
        };
        for (index, item) in sequence.try_iter()?.enumerate() {
            let item = item?;
            let word = read_word(&item, allow_bytes, || format!("item {index}"))?;
            words.bytes.push(!item.is_instance_of::<PyString>());
            let start = words.text.len();
            words.text.push_str(&word);
            words.ranges.push(start..words.text.len());
        }
        Ok(words)
    }

    /// The text all words are pieces of.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of each word in [`Self::text`], in order.
    pub(crate) fn ranges(&self) -> &[Range<usize>] {
        &self.ranges
    }

    /// The stems back to Python as a list, one object per distinct stem of each part (of
    /// `bytes` where the word came as `bytes`).
    pub(crate) fn to_list<'py>(
        &self,
        py: Python<'py>,
        parts: &[StemIds],
    ) -> PyResult<Bound<'py, PyList>> {
        if self.bytes.iter().any(|&is_bytes| is_bytes) {
            let stems = parts
                .iter()
                .flat_map(|part| part.ids.iter().map(|&id| &part.distinct[id as usize]));
            let items = stems.zip(&self.bytes).map(|(stem, &is_bytes)| {
                if is_bytes {
                    PyBytes::new(py, stem.as_bytes()).into_any()
                } else {
                    PyString::new(py, stem).into_any()
                }
            });
            return PyList::new(py, items);
        }
        let objects: Vec<Vec<Bound<'py, PyString>>> = parts
            .iter()
            .map(|part| {
                part.distinct
                    .iter()
                    .map(|stem| PyString::new(py, stem))
                    .collect()
            })
            .collect();
        let items = parts
            .iter()
            .zip(&objects)
            .flat_map(|(part, objects)| part.ids.iter().map(|&id| objects[id as usize].clone()));
        PyList::new(py, items)
    }
}

/// One word argument as UTF-8: a `str` (a lone surrogate is a `ValueError`), or with
/// `allow_bytes` UTF-8 `bytes`; `what` names it in errors.
pub(crate) fn read_word<'a>(
    item: &'a Bound<'_, PyAny>,
    allow_bytes: bool,
    what: impl Fn() -> String,
) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = item.cast::<PyString>() {
        return text
            .to_cow()
            .map_err(|error| not_unicode(item.py(), &what(), error));
    }
    if allow_bytes {
        if let Ok(bytes) = item.cast::<PyBytes>() {
            return std::str::from_utf8(bytes.as_bytes())
                .map(Cow::Borrowed)
                .map_err(|error| {
                    pyo3::exceptions::PyValueError::new_err(format!(
                        "{} is not UTF-8: {error}",
                        what()
                    ))
                });
        }
    }
    Err(not_str(&what(), item))
}

/// A `str` argument's UTF-8, held in the `bytes` object Python encoded it into: for the per-call
/// methods, which then borrow it rather than copy it into a `String` of their own.
pub(crate) struct Utf8<'py>(Bound<'py, PyBytes>);

impl Utf8<'_> {
    /// The word.
    pub(crate) fn as_str(&self) -> &str {
        // Python's UTF-8 encoder made these bytes: they are UTF-8.
        std::str::from_utf8(self.0.as_bytes()).unwrap_or_default()
    }
}

/// One `str` argument as [`Utf8`]; `what` names it in errors.
pub(crate) fn read_str<'py>(
    item: &Bound<'py, PyAny>,
    what: impl Fn() -> String,
) -> PyResult<Utf8<'py>> {
    let Ok(text) = item.cast::<PyString>() else {
        return Err(not_str(&what(), item));
    };
    text.encode_utf8()
        .map(Utf8)
        .map_err(|error| not_unicode(item.py(), &what(), error))
}
