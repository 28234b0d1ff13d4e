//! `stemkit.arrow`: stem, tokenize and process Arrow string arrays through the Arrow PyCapsule
//! interface (pyarrow `Array`/`ChunkedArray`, Polars `Series`, anything exporting
//! `__arrow_c_array__` or `__arrow_c_stream__`), without a Python object per element. Nulls stay
//! null; an array gives a pyarrow `Array`, a stream a pyarrow `ChunkedArray`, chunk for chunk.

use std::sync::Arc;

use arrow_array::builder::{LargeStringBuilder, ListBuilder, StringBuilder, StringViewBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, GenericStringArray, OffsetSizeTrait};
use arrow_buffer::{Buffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, FieldRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::{PyArray, PyChunkedArray};
use stemkit_stemmer::{CachedStemmer, Stemmer};
use stemkit_tokenizer::{Pipeline, Tokenizer, TokenizerOptions};

use crate::algorithms;
use crate::batch;
use crate::errors;
use crate::native::{DEFAULT_ALGORITHM, tokenizer_options};

/// Texts a thread should have at least (texts cost more than words).
const MIN_TEXTS_PER_THREAD: usize = 64;

/// What is done to each element.
#[derive(Clone)]
enum Operation {
    /// Each element a word: its stem.
    Stem(Stemmer),
    /// Each element a text: its tokens.
    Tokenize(TokenizerOptions),
    /// Each element a text: the stems of its tokens.
    Process(TokenizerOptions, stemkit_stemmer::Algorithm),
}

/// The stem of each element (a word), lowercased first; nulls stay null. The result has the
/// input's string type.
#[pyfunction]
#[pyo3(signature = (array, algorithm = DEFAULT_ALGORITHM, *, threads = None))]
pub(crate) fn arrow_stem<'py>(
    array: &Bound<'py, PyAny>,
    algorithm: &str,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let stemmer = Stemmer::new(algorithms::native(algorithm)?);
    apply(array, Operation::Stem(stemmer), threads)
}

/// The tokens of each element (a text), as `list<string>`; nulls stay null.
#[pyfunction]
#[pyo3(signature = (array, *, threads = None, **options))]
pub(crate) fn arrow_tokenize<'py>(
    array: &Bound<'py, PyAny>,
    threads: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    apply(
        array,
        Operation::Tokenize(tokenizer_options(options)?),
        threads,
    )
}

/// The stems of the tokens of each element (a text), as `list<string>`; nulls stay null.
#[pyfunction]
#[pyo3(signature = (array, algorithm = DEFAULT_ALGORITHM, *, threads = None, **options))]
pub(crate) fn arrow_process<'py>(
    array: &Bound<'py, PyAny>,
    algorithm: &str,
    threads: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let algorithm = algorithms::native(algorithm)?;
    apply(
        array,
        Operation::Process(
            tokenizer_options(options)?.in_language_of(algorithm),
            algorithm,
        ),
        threads,
    )
}

/// Reads `input` through the PyCapsule interface, runs `operation` with the GIL released and
/// returns a pyarrow array (or chunked array, for a stream).
fn apply<'py>(
    input: &Bound<'py, PyAny>,
    operation: Operation,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = input.py();
    let threads = errors::threads(threads)?;
    if input.hasattr("__arrow_c_array__")? {
        let (array, field) = input.extract::<PyArray>()?.into_inner();
        let out = py.detach(|| run_chunk(&array, &operation, threads))?;
        let field = output_field(&field, out.data_type());
        let out = PyArray::try_new(out, field)
            .map_err(|error| PyValueError::new_err(error.to_string()))?;
        // As `PyArray::to_pyarrow`, whose signature borrows `out` for the result's lifetime.
        let pyarrow = py.import("pyarrow")?;
        return pyarrow.getattr("array")?.call1((out.into_pyobject(py)?,));
    }
    if input.hasattr("__arrow_c_stream__")? {
        let (chunks, field) = input.extract::<PyChunkedArray>()?.into_inner();
        let outs = py.detach(|| {
            chunks
                .iter()
                .map(|chunk| run_chunk(chunk, &operation, threads))
                .collect::<PyResult<Vec<ArrayRef>>>()
        })?;
        let data_type = match outs.first() {
            Some(out) => out.data_type().clone(),
            None => empty_type(field.data_type(), &operation)?,
        };
        let field = output_field(&field, &data_type);
        return PyChunkedArray::try_new(outs, field)?.into_pyarrow(py);
    }
    let type_name = input.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "expected an Arrow array (an object with __arrow_c_array__ or __arrow_c_stream__, such \
         as a pyarrow Array or ChunkedArray or a Polars Series), not {type_name}"
    )))
}

/// The output's field: the input's name, the output's type, nullable.
fn output_field(input: &FieldRef, data_type: &DataType) -> FieldRef {
    Arc::new(Field::new(input.name(), data_type.clone(), true))
}

/// The output type for an input of `data_type`, when there is no chunk to tell.
fn empty_type(data_type: &DataType, operation: &Operation) -> PyResult<DataType> {
    check_type(data_type)?;
    Ok(match operation {
        Operation::Stem(_) => data_type.clone(),
        _ => list_type(),
    })
}

/// `list<string>`, the type of token lists.
fn list_type() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// A `TypeError` unless `data_type` is a string type.
fn check_type(data_type: &DataType) -> PyResult<()> {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(()),
        other => Err(PyTypeError::new_err(format!(
            "expected an Arrow array of strings (string, large_string or string_view), not {other}"
        ))),
    }
}

/// `operation` over one chunk, cut into parts run on up to `threads` threads, then joined.
fn run_chunk(chunk: &ArrayRef, operation: &Operation, threads: usize) -> PyResult<ArrayRef> {
    check_type(chunk.data_type())?;
    let min = match operation {
        Operation::Stem(_) => batch::MIN_WORDS_PER_THREAD,
        _ => MIN_TEXTS_PER_THREAD,
    };
    let len = chunk.len();
    let parts = threads.min(len / min).max(1);
    let size = len.div_ceil(parts).max(1);
    let slices: Vec<ArrayRef> = (0..len)
        .step_by(size)
        .map(|start| chunk.slice(start, size.min(len - start)))
        .collect();
    let share = batch::cache_share(parts);
    let outs = batch::map_parts(&slices, parts, 1, |part| {
        part.iter()
            .map(|slice| run_slice(slice, operation, share))
            .collect::<Vec<ArrayRef>>()
    });
    let outs: Vec<ArrayRef> = outs.into_iter().flatten().collect();
    match outs.as_slice() {
        [] => Ok(run_slice(chunk, operation, share)),
        [one] => Ok(one.clone()),
        many => {
            let refs: Vec<&dyn Array> = many.iter().map(|a| a.as_ref()).collect();
            arrow_select::concat::concat(&refs)
                .map_err(|error| PyValueError::new_err(format!("joining results: {error}")))
        }
    }
}

/// `operation` over one slice, on this thread.
fn run_slice(slice: &ArrayRef, operation: &Operation, cache_bytes: usize) -> ArrayRef {
    match operation {
        Operation::Stem(stemmer) => {
            let mut cache = CachedStemmer::with_memory(*stemmer, cache_bytes);
            match slice.data_type() {
                DataType::Utf8 => stem_offsets(slice.as_string::<i32>(), &mut cache),
                DataType::LargeUtf8 => stem_offsets(slice.as_string::<i64>(), &mut cache),
                _ => {
                    let mut stem = Vec::new();
                    map_strings(slice, |word| {
                        stem.clear();
                        cache.append_stem(word, &mut stem, None);
                        String::from_utf8_lossy(&stem).into_owned()
                    })
                }
            }
        }
        Operation::Tokenize(options) => {
            let mut tokenizer = Tokenizer::new(options.clone());
            map_lists(slice, |text, out| {
                tokenizer.tokenize(text, |token| out.append_value(token.text));
            })
        }
        Operation::Process(options, algorithm) => {
            // The stream pipeline itself (not `text::TextStemmer`, whose `stems` returns a
            // vector per text): each stem goes straight into the output's builder.
            let mut pipeline =
                Pipeline::new(options.clone(), Some(*algorithm)).with_cache_bytes(cache_bytes);
            map_lists(slice, |text, out| {
                pipeline.for_each_token(text, |stem| out.append_value(stem));
            })
        }
    }
}

/// The stem of each element of an offset-based string array, written straight into the
/// output's value buffer: each word is looked up in the cache with the input's value buffer
/// around it (the fast key load), and no string is made per element.
fn stem_offsets<O: OffsetSizeTrait>(
    array: &GenericStringArray<O>,
    cache: &mut CachedStemmer,
) -> ArrayRef {
    let offsets = array.value_offsets();
    let (first, last) = match (offsets.first(), offsets.last()) {
        (Some(first), Some(last)) => (first.as_usize(), last.as_usize()),
        _ => (0, 0),
    };
    // The values of a string array are valid UTF-8 one by one, so together too.
    let text = std::str::from_utf8(&array.value_data()[first..last]).unwrap_or_default();
    let mut values = Vec::with_capacity(last - first);
    let mut out_offsets = Vec::with_capacity(offsets.len());
    out_offsets.push(O::usize_as(0));
    for (index, window) in offsets.windows(2).enumerate() {
        if array.is_valid(index) {
            let range = window[0].as_usize() - first..window[1].as_usize() - first;
            cache.append_stem_in(text, range, &mut values, None);
        }
        out_offsets.push(O::usize_as(values.len()));
    }
    let stems = GenericStringArray::<O>::try_new(
        OffsetBuffer::new(ScalarBuffer::from(out_offsets)),
        Buffer::from_vec(values),
        array.nulls().cloned(),
    );
    match stems {
        Ok(stems) => Arc::new(stems),
        // Only if the input's values were not UTF-8 (no valid Arrow array): stem one by one.
        Err(_) => {
            let mut stem = Vec::new();
            let any: ArrayRef = Arc::new(array.clone());
            map_strings(&any, |word| {
                stem.clear();
                cache.append_stem(word, &mut stem, None);
                String::from_utf8_lossy(&stem).into_owned()
            })
        }
    }
}

/// Each string element of `array` through `map`, into an array of the same string type.
fn map_strings(array: &ArrayRef, mut map: impl FnMut(&str) -> String) -> ArrayRef {
    macro_rules! mapped {
        ($strings:expr, $builder:expr) => {{
            let mut builder = $builder;
            for value in $strings.iter() {
                match value {
                    Some(word) => builder.append_value(map(word)),
                    None => builder.append_null(),
                }
            }
            Arc::new(builder.finish()) as ArrayRef
        }};
    }
    let len = array.len();
    match array.data_type() {
        DataType::LargeUtf8 => mapped!(
            array.as_string::<i64>(),
            LargeStringBuilder::with_capacity(len, array.get_buffer_memory_size())
        ),
        DataType::Utf8View => mapped!(
            array.as_string_view(),
            StringViewBuilder::with_capacity(len)
        ),
        _ => mapped!(
            array.as_string::<i32>(),
            StringBuilder::with_capacity(len, array.get_buffer_memory_size())
        ),
    }
}

/// Each string element of `array` to a list of strings that `fill` appends.
fn map_lists(array: &ArrayRef, mut fill: impl FnMut(&str, &mut StringBuilder)) -> ArrayRef {
    let mut builder = ListBuilder::new(StringBuilder::new());
    let mut each = |value: Option<&str>| match value {
        Some(text) => {
            fill(text, builder.values());
            builder.append(true);
        }
        None => builder.append_null(),
    };
    match array.data_type() {
        DataType::LargeUtf8 => array.as_string::<i64>().iter().for_each(&mut each),
        DataType::Utf8View => array.as_string_view().iter().for_each(&mut each),
        _ => array.as_string::<i32>().iter().for_each(&mut each),
    }
    Arc::new(builder.finish())
}
