"""stemkit on Spark: column functions and an ML stage, each batch Arrow in, ``stemkit.arrow``, Arrow out.

``stem``, ``tokenize`` and ``process`` return a :class:`pyspark.sql.Column` for ``select`` or
``withColumn``; :class:`Stemmer` is a :class:`pyspark.ml.Transformer` for a
:class:`pyspark.ml.Pipeline` (after ``Tokenizer``, ``RegexTokenizer`` or ``StopWordsRemover``). Nulls
stay nulls. They run as ``arrow_udf`` (PySpark >= 4.1) or, on PySpark 3.5 and 4.0, as ``pandas_udf``,
both over an iterator of batches: a Python worker checks its options once per task and hands every
batch to ``stemkit.arrow`` whole, with no Python loop over rows.

The executors need stemkit installed, as the driver does (see "On a cluster (Spark)" in the README).

>>> from stemkit.spark import process                      # doctest: +SKIP
>>> df.select("id", process("text", algorithm="porter2", stopwords=True).alias("stems"))  # doctest: +SKIP
"""

from typing import Any, Callable, Iterator, Optional, Union

import pyarrow as pa
import pyarrow.compute as pc
from pyspark import keyword_only
from pyspark.ml import Transformer
from pyspark.ml.param import Param, Params, TypeConverters
from pyspark.ml.param.shared import HasInputCol, HasOutputCol
from pyspark.ml.util import DefaultParamsReadable, DefaultParamsWritable
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

import stemkit.arrow

__all__ = ["Stemmer", "process", "stem", "tokenize"]

ColumnOrName = Union[Column, str]

#: The algorithm used when none is named, as everywhere in stemkit.
DEFAULT_ALGORITHM = "porter-nltk"

try:  # PySpark >= 4.1: UDFs that see pyarrow arrays, with no pandas in between.
    from pyspark.sql.functions import arrow_udf as _arrow_udf
except ImportError:  # PySpark 3.5 and 4.0
    _arrow_udf = None

#: Whether the UDFs are ``arrow_udf``s (``False``: ``pandas_udf``s). Set by the PySpark version;
#: tests turn it off to run the fallback on a PySpark that has both.
use_arrow_udf = _arrow_udf is not None

# Spark runs one Python worker per task slot, so each batch call uses one thread: more would only
# compete with the other slots for the executor's cores.
_THREADS = 1

BatchFunction = Callable[[pa.Array], pa.Array]


def stem(col: ColumnOrName, algorithm: str = DEFAULT_ALGORITHM) -> Column:
    """Each value a word, stemmed as ``stemkit.stem_words`` does (string -> string, null -> null).

    ``col`` is a column name or a :class:`~pyspark.sql.Column`; an unknown ``algorithm`` is a
    ``ValueError`` here, on the driver.
    """
    _check_on_driver(stemkit.arrow.stem, algorithm=algorithm)
    return _column(col, "stem", "string", _Call("stem", {"algorithm": algorithm}))


def tokenize(col: ColumnOrName, **options: Any) -> Column:
    """Each value a text, split into tokens as ``stemkit.tokenize`` does (string -> array<string>).

    ``options`` are the tokenizer's: ``unicode``, ``fold_ascii``, ``stopwords``, ``keep_numbers``,
    ``min_len``, ``max_len``; a bad one is an exception here, on the driver. Null stays null.
    """
    _check_on_driver(stemkit.arrow.tokenize, **options)
    return _column(col, "tokenize", "array<string>", _Call("tokenize", options))


def process(col: ColumnOrName, algorithm: str = DEFAULT_ALGORITHM, **options: Any) -> Column:
    """Each value a text, tokenized and stemmed as ``stemkit.process`` does (string -> array<string>).

    The same tokens as ``stemkit process`` writes for the text (a CSV record's text field, say).
    ``options`` are the tokenizer's, as in :func:`tokenize`. Null stays null.
    """
    _check_on_driver(stemkit.arrow.process, algorithm=algorithm, **options)
    call = _Call("process", dict(options, algorithm=algorithm))
    return _column(col, "process", "array<string>", call)


class Stemmer(
    Transformer, HasInputCol, HasOutputCol, DefaultParamsReadable, DefaultParamsWritable
):
    """A Spark ML stage stemming every word of an ``array<string>`` column into another one.

    Takes the output of ``Tokenizer``, ``RegexTokenizer`` or ``StopWordsRemover``; null arrays and
    null words stay null. Saves and loads on its own and inside a ``Pipeline``.

    >>> from pyspark.ml import Pipeline                   # doctest: +SKIP
    >>> from pyspark.ml.feature import RegexTokenizer     # doctest: +SKIP
    >>> Pipeline(stages=[RegexTokenizer(inputCol="text", outputCol="words", pattern="[^a-zA-Z]+"),
    ...                  Stemmer(inputCol="words", outputCol="stems")])  # doctest: +SKIP
    """

    algorithm: "Param[str]" = Param(
        Params._dummy(),
        "algorithm",
        "the stemming algorithm (stemkit.algorithms() lists them)",
        typeConverter=TypeConverters.toString,
    )

    @keyword_only
    def __init__(
        self,
        *,
        inputCol: Optional[str] = None,
        outputCol: Optional[str] = None,
        algorithm: str = DEFAULT_ALGORITHM,
    ) -> None:
        super().__init__()
        self._setDefault(algorithm=DEFAULT_ALGORITHM)
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(
        self,
        *,
        inputCol: Optional[str] = None,
        outputCol: Optional[str] = None,
        algorithm: str = DEFAULT_ALGORITHM,
    ) -> "Stemmer":
        """Sets the given params."""
        kwargs = self._input_kwargs
        if "algorithm" in kwargs:
            _check_on_driver(stemkit.arrow.stem, algorithm=kwargs["algorithm"])
        return self._set(**kwargs)

    def setAlgorithm(self, value: str) -> "Stemmer":
        """Sets the stemming algorithm (an unknown one is a ``ValueError``)."""
        return self.setParams(algorithm=value)

    def getAlgorithm(self) -> str:
        """The stemming algorithm."""
        return self.getOrDefault(self.algorithm)

    def setInputCol(self, value: str) -> "Stemmer":
        """Sets the input column (``array<string>``)."""
        return self._set(inputCol=value)

    def setOutputCol(self, value: str) -> "Stemmer":
        """Sets the output column."""
        return self._set(outputCol=value)

    def _transform(self, dataset: DataFrame) -> DataFrame:
        call = _Call("stem_lists", {"algorithm": self.getAlgorithm()})
        stems = _column(self.getInputCol(), "stem", "array<string>", call)
        return dataset.withColumn(self.getOutputCol(), stems)


class _Call:
    """A batch function by name and keywords: what a UDF ships to the executors (a few bytes)."""

    def __init__(self, name: str, keywords: "dict[str, Any]") -> None:
        self.name = name
        self.keywords = keywords

    def bind(self) -> BatchFunction:
        """The batch function, made once per task on the worker (the Rust stemmer that
        ``stemkit.arrow`` makes per batch is a value of a few bytes: no tables to load)."""
        keywords = dict(self.keywords, threads=_THREADS)
        if self.name == "stem_lists":
            return lambda batch: _stem_lists(batch, keywords)
        function = getattr(stemkit.arrow, self.name)
        return lambda batch: function(batch, **keywords)


def _stem_lists(lists: pa.Array, keywords: "dict[str, Any]") -> pa.Array:
    """Stems the words of a list array, keeping its offsets and nulls: one call for the batch."""
    if len(lists) == 0:
        return lists
    # The values the offsets span, nulls' ranges included (`flatten()` would drop those).
    start, end = lists.offsets[0].as_py(), lists.offsets[-1].as_py()
    offsets = pc.subtract(lists.offsets, pa.scalar(start, lists.offsets.type))
    words = lists.values.slice(start, end - start)
    stems = stemkit.arrow.stem(words, **keywords)
    mask = lists.is_null() if lists.null_count else None
    return type(lists).from_arrays(offsets, stems, mask=mask)


def _column(col: ColumnOrName, name: str, return_type: str, call: _Call) -> Column:
    column = F.col(col) if isinstance(col, str) else col
    udf = _arrow_batches(call, return_type) if use_arrow_udf else _pandas_batches(call, return_type)
    return udf(column)


def _arrow_batches(call: _Call, return_type: str) -> Any:
    def run(batches: Iterator[pa.Array]) -> Iterator[pa.Array]:
        function = call.bind()
        for batch in batches:
            yield function(batch)

    run.__name__ = call.name
    return _arrow_udf(run, return_type)  # type: ignore[misc]


def _pandas_batches(call: _Call, return_type: str) -> Any:
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    # Typed: a batch of nulls only would otherwise become an Arrow array of type null.
    input_type = pa.list_(pa.string()) if call.name == "stem_lists" else pa.string()

    def run(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        function = call.bind()
        for batch in batches:
            # Arrow <-> pandas conversions happen in pyarrow's C++, not per row in Python.
            yield function(pa.Array.from_pandas(batch, type=input_type)).to_pandas()

    run.__name__ = call.name
    return pandas_udf(run, return_type)


def _check_on_driver(function: Callable[..., Any], **keywords: Any) -> None:
    """Raises here, on the driver, for an unknown algorithm or a bad option: not in an executor."""
    function(pa.array(["x"], pa.string()), **keywords)
