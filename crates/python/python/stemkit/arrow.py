"""Stem, tokenize and process Arrow string columns without a Python object per element.

Each function takes anything with the Arrow PyCapsule interface (``__arrow_c_array__`` or
``__arrow_c_stream__``): a pyarrow ``Array`` or ``ChunkedArray`` of ``string``, ``large_string``
or ``string_view``, a Polars ``Series``, ... Nulls stay null. An array gives a pyarrow ``Array``, a
stream (``ChunkedArray``, Polars ``Series``) a pyarrow ``ChunkedArray``. The work runs on
``threads`` threads (default: one per core) with the GIL released. pyarrow must be installed.

pandas: ``df["stems"] = stemkit.arrow.process(pa.array(df["text"])).to_pandas()``.
Polars: ``df.with_columns(pl.col("text").map_batches(lambda s: pl.Series(stemkit.arrow.process(s))))``.
"""

from stemkit._stemkit import arrow_process as process
from stemkit._stemkit import arrow_stem as stem
from stemkit._stemkit import arrow_tokenize as tokenize

__all__ = ["process", "stem", "tokenize"]
