"""`stemkit.spark.stem/tokenize/process` on a `local[2]` session equal the `stemkit` CLI, row by row.

Each test is one Spark job: every algorithm (as `stemkit algorithms` lists them) or every option set
is a column of the same `select`. Other columns and the row order must come back untouched.
"""

from pathlib import Path
from typing import Dict, List, Optional

import pytest
from pyspark.sql import functions as F

import spark_data
import stemkit.spark as sks

TEXT_SCHEMA = "id INT, title STRING, text STRING, note STRING"
WORD_SCHEMA = "id INT, word STRING"
SOURCES = ["csv", "parquet"]


def expected_lists(texts: List[Optional[str]], joined: List[str]) -> List[Optional[List[str]]]:
    """The CLI's joined tokens per record as lists; None where the text is null."""
    assert len(joined) == len(texts)
    return [None if t is None else spark_data.split_tokens(j) for t, j in zip(texts, joined)]


def check_passthrough(rows: List[Dict[str, object]], table_rows: List[Dict[str, object]]) -> None:
    """The input columns, in the input's order, exactly as written."""
    assert [{k: r[k] for k in table_rows[0]} for r in rows] == table_rows


@pytest.mark.parametrize("source", SOURCES)
def test_process_equals_cli_for_every_algorithm(spark, cli, files, source: str) -> None:
    table = spark_data.text_table().to_pylist()
    texts = [r["text"] for r in table]
    algorithms = spark_data.cli_algorithms(cli)
    assert "porter-nltk" in algorithms
    df = spark_data.read(spark, files[f"texts.{source}"], TEXT_SCHEMA)
    columns = [sks.process("text", algorithm=a).alias(f"stems_{i}") for i, a in enumerate(algorithms)]
    rows = [r.asDict() for r in df.select("*", *columns).collect()]
    check_passthrough(rows, table)
    for i, algorithm in enumerate(algorithms):
        joined = spark_data.cli_dataset(cli, "process", files["texts.csv"], ["-a", algorithm])
        assert [r[f"stems_{i}"] for r in rows] == expected_lists(texts, joined), algorithm


@pytest.mark.parametrize("source", SOURCES)
def test_process_and_tokenize_options_equal_cli(spark, cli, files, source: str) -> None:
    table = spark_data.text_table().to_pylist()
    texts = [r["text"] for r in table]
    df = spark_data.read(spark, files[f"texts.{source}"], TEXT_SCHEMA)
    columns = []
    for i, options in enumerate(spark_data.OPTION_SETS):
        columns.append(sks.process(F.col("text"), algorithm="porter2", **options).alias(f"p{i}"))
        columns.append(sks.tokenize("text", **options).alias(f"t{i}"))
    rows = [r.asDict() for r in df.select("*", *columns).collect()]
    check_passthrough(rows, table)
    for i, options in enumerate(spark_data.OPTION_SETS):
        flags = spark_data.cli_flags(options)
        processed = spark_data.cli_dataset(cli, "process", files["texts.csv"], ["-a", "porter2", *flags])
        tokens = spark_data.cli_dataset(cli, "tokenize", files["texts.csv"], flags)
        assert [r[f"p{i}"] for r in rows] == expected_lists(texts, processed), options
        assert [r[f"t{i}"] for r in rows] == expected_lists(texts, tokens), options


@pytest.mark.parametrize("source", SOURCES)
def test_stem_equals_cli_for_every_algorithm(spark, cli, files, scratch: Path, source: str) -> None:
    table = spark_data.word_table().to_pylist()
    words = [r["word"] for r in table]
    algorithms = spark_data.cli_algorithms(cli)
    df = spark_data.read(spark, files[f"words.{source}"], WORD_SCHEMA)
    columns = [sks.stem("word", algorithm=a).alias(f"stem_{i}") for i, a in enumerate(algorithms)]
    rows = [r.asDict() for r in df.select("*", *columns).collect()]
    check_passthrough(rows, table)
    for i, algorithm in enumerate(algorithms):
        expected = spark_data.cli_stem(cli, words, algorithm, scratch)
        assert [r[f"stem_{i}"] for r in rows] == expected, algorithm


def test_pandas_udf_fallback_equals_cli(spark, cli, files, monkeypatch) -> None:
    """The `pandas_udf` path PySpark 3.5 and 4.0 take, run here on the same data."""
    monkeypatch.setattr(sks, "use_arrow_udf", False)
    texts = [r["text"] for r in spark_data.text_table().to_pylist()]
    df = spark_data.read(spark, files["texts.parquet"], TEXT_SCHEMA)
    rows = df.select(
        sks.process("text", unicode=True).alias("p"),
        sks.tokenize("text").alias("t"),
        sks.stem(F.lower("title")).alias("s"),
    ).collect()
    processed = spark_data.cli_dataset(cli, "process", files["texts.csv"], ["--unicode"])
    tokens = spark_data.cli_dataset(cli, "tokenize", files["texts.csv"], [])
    assert [r["p"] for r in rows] == expected_lists(texts, processed)
    assert [r["t"] for r in rows] == expected_lists(texts, tokens)
    assert [r["s"] is None for r in rows] == [r["title"] is None for r in df.collect()]
    # A batch of nulls only: pandas alone would make it an Arrow array of type null.
    nulls = spark.createDataFrame([(None, None)] * 3, "text string, words array<string>")
    stems = sks.Stemmer(inputCol="words", outputCol="stems").transform(nulls)
    out = stems.select(sks.process("text"), sks.tokenize("text"), sks.stem("text"), "stems")
    assert [tuple(r) for r in out.collect()] == [(None, None, None, None)] * 3


def test_columns_by_name_or_column_and_with_column(spark) -> None:
    df = spark.createDataFrame([("Running ponies",), (None,)], "text string")
    by_name = df.select(sks.process("text")).collect()
    by_column = df.withColumn("stems", sks.process(df.text)).select("stems").collect()
    assert [r[0] for r in by_name] == [r[0] for r in by_column] == [["run", "poni"], None]
    assert df.select(sks.process("text")).columns == ["process(text)"]


def test_bad_algorithm_or_option_fails_on_the_driver() -> None:
    with pytest.raises(ValueError, match="porter-nltk"):
        sks.stem("word", algorithm="klingon")
    with pytest.raises(ValueError):
        sks.process("text", algorithm="klingon")
    with pytest.raises(TypeError):
        sks.tokenize("text", colour=True)
