"""Type stubs of stemkit (the extension module's API, re-exported)."""

from collections.abc import Iterable
from typing import ClassVar, Literal, overload

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

class PorterStemmer:
    """NLTK 3.10.4's ``nltk.stem.porter.PorterStemmer``, computed in Rust."""

    NLTK_EXTENSIONS: ClassVar[str]
    MARTIN_EXTENSIONS: ClassVar[str]
    ORIGINAL_ALGORITHM: ClassVar[str]
    @property
    def mode(self) -> str:
        """The mode: one of the three class constants."""
    def __init__(self, mode: str = ...) -> None:
        """A stemmer in ``mode`` (default ``NLTK_EXTENSIONS``); any other value is a ``ValueError``."""
    def stem(self, word: str, to_lowercase: bool = True) -> str:
        """The stem of ``word``, exactly as NLTK's; with ``to_lowercase=False`` the word is stemmed as given.
        A repeated word (of up to 15 bytes of UTF-8) gets the same ``str`` object back, from the
        object's cache of the last 16,384 such words for each ``to_lowercase`` (NLTK has none)."""

class SnowballStemmer:
    """NLTK 3.10.4's ``nltk.stem.snowball.SnowballStemmer``, computed in Rust."""

    languages: ClassVar[tuple[str, ...]]
    def __init__(self, language: str, ignore_stopwords: bool = False) -> None:
        """The stemmer of ``language`` (one of ``languages``, else ``ValueError``); with
        ``ignore_stopwords`` (English only) NLTK's English stopwords are left unstemmed."""
    @property
    def stopwords(self) -> set[str]:
        """The words left unstemmed: empty unless ``ignore_stopwords``."""
    def stem(self, word: str) -> str:
        """The stem of ``word`` (lowercased first), exactly as NLTK's."""

class Stemmer:
    """PyStemmer 3.1.0's ``Stemmer.Stemmer``: words stemmed as given (not lowercased)."""

    def __init__(self, algorithm: str, maxCacheSize: int = 10000) -> None:
        """The stemmer PyStemmer names ``algorithm`` (see ``algorithms()``; else ``KeyError``)."""
    maxCacheSize: int
    """The most words whose stem ``stemWord`` keeps (0: none), as PyStemmer's."""
    @overload
    def stemWord(self, word: str) -> str: ...
    @overload
    def stemWord(self, word: bytes) -> bytes: ...
    def stemWords(self, words: Iterable[str | bytes], *, threads: int | None = None) -> list[str | bytes]:
        """The stems of ``words``, in order, on ``threads`` threads (default one per core), GIL released."""

def algorithms(aliases: bool = False) -> list[str]:
    """The algorithm names ``Stemmer`` takes, from the stemmer's catalogue."""

def native_algorithms() -> dict[str, str]:
    """The names ``algorithm=`` takes in stemkit's own API, each with a description."""

def stem_words(words: Iterable[str], algorithm: str = "porter-nltk", *, threads: int | None = None) -> list[str]:
    """The stems of ``words`` (lowercased first). A non-``str`` item is a ``TypeError`` naming
    its index; an unknown algorithm a ``ValueError`` listing the known ones."""

@overload
def tokenize(
    text: str,
    *,
    offsets: Literal[False] = False,
    unicode: bool = False,
    fold_ascii: bool = False,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_len: int | None = None,
    max_len: int | None = None,
) -> list[str]: ...
@overload
def tokenize(
    text: str,
    *,
    offsets: Literal[True],
    unicode: bool = False,
    fold_ascii: bool = False,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_len: int | None = None,
    max_len: int | None = None,
) -> list[tuple[str, int, int]]:
    """The tokens of ``text``, as the CLI's tokenizer cuts them; with ``offsets``,
    ``(token, start, end)`` with ``text[start:end]`` the token's source (character indices)."""

def process(
    text: str,
    algorithm: str = "porter-nltk",
    *,
    unicode: bool = False,
    fold_ascii: bool = False,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_len: int | None = None,
    max_len: int | None = None,
) -> list[str]:
    """The stems of the tokens of ``text``."""

def process_document(
    text: str,
    algorithm: str = "porter-nltk",
    *,
    unicode: bool = False,
    fold_ascii: bool = False,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_len: int | None = None,
    max_len: int | None = None,
) -> tuple[str, list[str]]:
    """``(title, stems)``: line 1 the title verbatim (no BOM, no CR), the stems of the other lines."""

class Explanation:
    """Every step of one stemming; its ``repr`` is the table ``stemkit explain`` prints."""

    word: str
    algorithm: str
    stem: str
    steps: list[tuple[str, str | None, str]]

def explain(word: str, algorithm: str = "porter-nltk") -> Explanation:
    """Every step of stemming ``word``: ``(step, rule or None, word after)``, and the stem."""
