"""Type stubs of stemkit.arrow."""

from typing import Any

def stem(array: Any, algorithm: str = "porter-nltk", *, threads: int | None = None) -> Any:
    """The stem of each element (a word) of an Arrow string array or stream; nulls stay null.
    Returns a pyarrow ``Array`` (``ChunkedArray`` for a stream) of the input's string type."""

def tokenize(
    array: Any,
    *,
    threads: int | None = None,
    unicode: bool = False,
    fold_ascii: bool = False,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_len: int | None = None,
    max_len: int | None = None,
) -> Any:
    """The tokens of each element (a text), as ``list<string>``; nulls stay null."""

def process(
    array: Any,
    algorithm: str = "porter-nltk",
    *,
    threads: int | None = None,
    unicode: bool = False,
    fold_ascii: bool = False,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_len: int | None = None,
    max_len: int | None = None,
) -> Any:
    """The stems of the tokens of each element (a text), as ``list<string>``; nulls stay null."""
