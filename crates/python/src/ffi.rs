//! The one place the extension calls CPython directly, and so the one module allowed `unsafe`
//! (the crate denies it everywhere else; see `[lints]` in its Cargo.toml).
//!
//! Why: borrowing a `str`'s UTF-8. Under the stable ABI of Python 3.9 (`abi3-py39`, one wheel
//! for every CPython >= 3.9) PyO3 can only read a `str` by encoding it into a new `bytes` object
//! and copying that out: two allocations and two copies for every word, the dearest part of a
//! batch. `PyUnicode_AsUTF8AndSize` hands out the `str`'s own UTF-8 instead: the characters
//! themselves for an ASCII `str` (no work at all), else a UTF-8 copy that CPython makes once and
//! keeps inside the `str`. Every CPython 3.x exports it (it joined the limited API in 3.10);
//! pyo3-ffi hides it from an `abi3-py39` build, so it is declared here.
//!
//! Not on Windows: there an abi3 extension links `python3.dll`, whose 3.9 release does not
//! export the function, and the module would not load. Windows keeps PyO3's encode-and-copy.

#![allow(unsafe_code)]

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::PyString;

#[cfg(not(windows))]
unsafe extern "C" {
    /// CPython's `PyUnicode_AsUTF8AndSize` (unicodeobject.h): the UTF-8 of `unicode` and its
    /// length in bytes, owned by the `str` and valid as long as it lives; NULL with an exception
    /// set (`UnicodeEncodeError`) when the `str` holds a lone surrogate.
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut pyo3::ffi::PyObject,
        size: *mut pyo3::ffi::Py_ssize_t,
    ) -> *const std::os::raw::c_char;
}

/// The UTF-8 of `text`, borrowed from the `str` itself for as long as the reference to it
/// (`'a`) lives; a lone surrogate is Python's `UnicodeEncodeError`.
#[cfg(not(windows))]
pub(crate) fn utf8<'a>(text: Borrowed<'a, '_, PyString>) -> PyResult<Cow<'a, str>> {
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `text` is a live `str` (a borrowed reference held for `'a`) and we hold the GIL
    // (or are attached to the interpreter), which the function requires; `size` is a valid
    // out-pointer.
    let data = unsafe { PyUnicode_AsUTF8AndSize(text.as_ptr(), &mut size) };
    if data.is_null() {
        return Err(PyErr::fetch(text.py()));
    }
    let Ok(len) = usize::try_from(size) else {
        return Err(pyo3::exceptions::PySystemError::new_err(
            "PyUnicode_AsUTF8AndSize gave a negative size",
        ));
    };
    // SAFETY: on success CPython returns `size` bytes at `data`, owned by the `str` (its own
    // characters when ASCII, else its cached UTF-8) and freed only with it; a `str` is
    // immutable, and the borrow `'a` keeps it alive, so the bytes stay valid and unchanged for
    // `'a`. They are strict UTF-8: the encoder refuses lone surrogates (the NULL case above).
    let text = unsafe {
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.cast::<u8>(), len))
    };
    Ok(Cow::Borrowed(text))
}

/// The UTF-8 of `text`, through a `bytes` object (see the module's note on Windows).
#[cfg(windows)]
pub(crate) fn utf8<'a>(text: Borrowed<'a, '_, PyString>) -> PyResult<Cow<'a, str>> {
    text.to_cow().map(|text| Cow::Owned(text.into_owned()))
}
