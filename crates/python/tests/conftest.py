"""Shared test data: the corpus's reference vocabularies, read from the repository."""

import os
from pathlib import Path

import pytest

# tests/spark needs PySpark and Java: `cargo xtask ci` runs it in a step of its own ("spark tests",
# which sets STEMKIT_SPARK_TESTS=1), not with the package's own tests.
collect_ignore = [] if os.environ.get("STEMKIT_SPARK_TESTS") == "1" else ["spark"]

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
VOCAB = CORPUS / "vocab"


def lines(path: Path) -> list[str]:
    """A corpus file's lines, split on \\n only (some words hold other line breaks)."""
    return path.read_text(encoding="utf-8").split("\n")[:-1]


@pytest.fixture(scope="session")
def porter_vocabulary() -> list[str]:
    return lines(VOCAB / "nltk-porter-test" / "porter_vocabulary.txt")


@pytest.fixture(scope="session")
def nltk_porter_table() -> list[list[str]]:
    rows = [line.split("\t") for line in lines(VOCAB / "nltk-porter.tsv")]
    return rows[1:]
