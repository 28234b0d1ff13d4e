"""Fixtures of the Spark tests: the CLI binary, one `local[2]` session, the datasets on disk.

The CLI is `$STEMKIT_CLI` (set by `cargo xtask ci`'s "spark tests" step), else built with cargo.
Spark's Python workers run this interpreter (`PYSPARK_PYTHON`), so they import the stemkit
installed here. A missing `java` fails the tests (the xtask step installs one where it can).
"""

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, Iterator

import pytest

import spark_data


def pytest_configure(config: pytest.Config) -> None:
    # PySpark warns about pandas 3 on every import of its pandas modules: noise for these tests.
    config.addinivalue_line(
        "filterwarnings", "ignore:PySpark does not yet fully support pandas:FutureWarning"
    )


def _cli() -> str:
    found = os.environ.get("STEMKIT_CLI")
    if found:
        return found
    build = subprocess.run(
        ["cargo", "build", "-q", "-p", "stemkit-cli", "--message-format=json"],
        cwd=spark_data.ROOT, check=True, capture_output=True,
    )
    for line in build.stdout.decode().splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            if message["target"]["name"] == "stemkit":
                return str(message["executable"])
    raise RuntimeError("cargo build -p stemkit-cli made no `stemkit` executable")


@pytest.fixture(scope="session")
def cli() -> str:
    """Path of the `stemkit` binary."""
    return _cli()


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the datasets and everything Spark writes."""
    return tmp_path_factory.mktemp("spark")


@pytest.fixture(scope="session")
def spark(scratch: Path) -> Iterator[object]:
    """One `local[2]` session for every local test."""
    session = spark_data.session_builder("local[2]", scratch).getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def files(scratch: Path) -> Dict[str, Path]:
    """The texts and the words, written as CSV and Parquet."""
    paths = {}
    for name, table in [("texts", spark_data.text_table()), ("words", spark_data.word_table())]:
        paths[f"{name}.csv"] = scratch / f"{name}.csv"
        paths[f"{name}.parquet"] = scratch / f"{name}.parquet"
        spark_data.write_csv(table, paths[f"{name}.csv"])
        spark_data.write_parquet(table, paths[f"{name}.parquet"])
    return paths
