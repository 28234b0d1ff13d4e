//! Moving words between Python and Rust in bulk. One pass over the items, with the GIL held,
//! copies each word's UTF-8 into one Rust text, borrowing it from the `str` itself on the way
//! ([`ffi::utf8`]: no `bytes` object, no second copy); the stemming then runs on that text
//! with the GIL released, never touching a Python object again. The stems go back as one `str`
//! object per distinct word, referenced as often as the word occurs: running text repeats its
//! words, and making an object is the dearest part of the way back.

use std::borrow::Cow;
use std::ops::Range;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use crate::errors::{not_str, not_unicode};
use crate::ffi;
use crate::shared::StemIds;

/// Zero bytes after the last word of [`Words::text`], so that the first 16 bytes from any
/// word's start can be read in one load (see `shared::short_key`).
pub(crate) const PADDING: usize = 16;

/// Words read from Python: one text and the byte range of each word in it.
pub(crate) struct Words {
    /// The words one after another, then [`PADDING`] zero bytes.
    text: String,
    ranges: Vec<Range<usize>>,
    /// Which words came as `bytes` (PyStemmer's `stemWords` takes both); empty when none did.
    bytes: Vec<bool>,
}

impl Words {
    /// The words of `items`, any iterable of `str` (and also of UTF-8 `bytes`, with
    /// `allow_bytes`: PyStemmer's `stemWords`); the first item that is not a word is named by
    /// its index in the error. A single `str` or `bytes` is a `TypeError`, not an iterable of
    /// characters.
    pub(crate) fn read(items: &Bound<'_, PyAny>, allow_bytes: bool) -> PyResult<Words> {
        if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "words must be an iterable of str, not a single str or bytes",
            ));
        }
        let mut words = Words {
            text: String::new(),
            ranges: Vec::new(),
            bytes: Vec::new(),
        };
        if let Ok(list) = items.cast::<PyList>() {
            words.reserve(list.len());
            for (index, item) in list.iter().enumerate() {
                words.push(&item, index, allow_bytes)?;
            }
        } else if let Ok(tuple) = items.cast::<PyTuple>() {
            words.reserve(tuple.len());
            for (index, item) in tuple.iter_borrowed().enumerate() {
                words.push(&item, index, allow_bytes)?;
            }
        } else {
            for (index, item) in items.try_iter()?.enumerate() {
                words.push(&item?, index, allow_bytes)?;
            }
        }
        words.text.extend([char::from(0); PADDING]);
        Ok(words)
    }

    /// Room for `count` more words of a typical length.
    fn reserve(&mut self, count: usize) {
        self.ranges.reserve_exact(count);
        self.text.reserve(count.saturating_mul(8) + PADDING);
    }

    /// Appends the word `item`, the `index`th item.
    fn push(&mut self, item: &Bound<'_, PyAny>, index: usize, allow_bytes: bool) -> PyResult<()> {
        let start = self.text.len();
        if let Ok(text) = item.cast::<PyString>() {
            let word = ffi::utf8(text.as_borrowed())
                .map_err(|error| not_unicode(item.py(), &format!("item {index}"), error))?;
            self.text.push_str(&word);
            if !self.bytes.is_empty() {
                self.bytes.push(false);
            }
        } else {
            match item.cast::<PyBytes>() {
                Ok(raw) if allow_bytes => {
                    let word = std::str::from_utf8(raw.as_bytes()).map_err(|error| {
                        PyValueError::new_err(format!("item {index} is not UTF-8: {error}"))
                    })?;
                    self.text.push_str(word);
                    self.bytes.resize(index, false);
                    self.bytes.push(true);
                }
                _ => return Err(not_str(&format!("item {index}"), item)),
            }
        }
        self.ranges.push(start..self.text.len());
        Ok(())
    }

    /// The text all words are pieces of, followed by [`PADDING`] zero bytes.
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
            return PyList::new(py, Counted::new(items, self.ranges.len()));
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
        PyList::new(py, Counted::new(items, self.ranges.len()))
    }
}

/// An iterator that tells its exact length, which a flattening iterator cannot: `PyList::new`
/// then makes the list at its final size and fills it, instead of appending item by item.
struct Counted<I> {
    inner: I,
    left: usize,
}

impl<I: Iterator> Counted<I> {
    /// `inner`, which yields exactly `len` items.
    fn new(inner: I, len: usize) -> Self {
        Counted { inner, left: len }
    }
}

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let item = self.inner.next()?;
        self.left = self.left.saturating_sub(1);
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
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
        return ffi::utf8(text.as_borrowed())
            .map_err(|error| not_unicode(item.py(), &what(), error));
    }
    if allow_bytes {
        if let Ok(bytes) = item.cast::<PyBytes>() {
            return std::str::from_utf8(bytes.as_bytes())
                .map(Cow::Borrowed)
                .map_err(|error| {
                    PyValueError::new_err(format!("{} is not UTF-8: {error}", what()))
                });
        }
    }
    Err(not_str(&what(), item))
}
