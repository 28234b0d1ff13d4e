"""stemkit: exact NLTK and Snowball (PyStemmer) stemmers, computed in Rust.

Drop-ins, same signatures and outputs:

* ``PorterStemmer`` and ``SnowballStemmer``: NLTK 3.10.4's ``nltk.stem.porter`` and
  ``nltk.stem.snowball`` stemmers.
* ``Stemmer`` and ``algorithms``: PyStemmer 3.1.0 (``import stemkit as Stemmer`` runs PyStemmer
  code unchanged).

stemkit's own API: ``stem_words`` (a batch, on every core, GIL released), ``tokenize``,
``process``, ``process_document`` and ``explain``; ``stemkit.arrow`` for Arrow, pandas and Polars
columns.
"""

from stemkit._stemkit import (
    Explanation,
    PorterStemmer,
    SnowballStemmer,
    Stemmer,
    _native_algorithms,
    algorithms,
    explain,
    process,
    process_document,
    stem_words,
    tokenize,
)

__all__ = [
    "Explanation",
    "PorterStemmer",
    "SnowballStemmer",
    "Stemmer",
    "algorithms",
    "explain",
    "native_algorithms",
    "process",
    "process_document",
    "stem_words",
    "tokenize",
]


def native_algorithms() -> dict[str, str]:
    """The names ``algorithm=`` takes (``porter-nltk``, ``porter2``, ...), each with a description."""
    return dict(_native_algorithms())
