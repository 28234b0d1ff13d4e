"""`stemkit.spark.Stemmer` as a Spark ML stage, and the README's local example, on `local[2]`."""

import re
from pathlib import Path

import pytest
from pyspark.ml import Pipeline, PipelineModel
from pyspark.ml.feature import RegexTokenizer

import spark_data
import stemkit.spark as sks


def test_pipeline_fits_saves_loads_and_equals_cli(spark, cli, files, scratch: Path) -> None:
    texts = [r["text"] for r in spark_data.text_table().to_pylist()]
    df = spark.read.parquet(str(files["texts.parquet"])).where("text IS NOT NULL")
    # The CLI's default tokens: runs of ASCII letters (case is the stemmer's business).
    words = RegexTokenizer(inputCol="text", outputCol="words", pattern="[^a-zA-Z]+",
                           toLowercase=False)
    stemmer = sks.Stemmer(inputCol="words", outputCol="stems", algorithm="porter2")
    model = Pipeline(stages=[words, stemmer]).fit(df)
    path = str(scratch / "pipeline")
    model.write().overwrite().save(path)
    loaded = PipelineModel.load(path)

    assert isinstance(loaded.stages[1], sks.Stemmer)
    assert loaded.stages[1].getAlgorithm() == "porter2"
    assert loaded.stages[1].getInputCol() == "words"
    assert loaded.stages[1].getOutputCol() == "stems"
    stems = [r["stems"] for r in loaded.transform(df).select("stems").collect()]
    joined = spark_data.cli_dataset(cli, "process", files["texts.csv"], ["-a", "porter2"])
    assert stems == [spark_data.split_tokens(j) for t, j in zip(texts, joined) if t is not None]


def test_stemmer_keeps_null_lists_and_null_words(spark, scratch: Path) -> None:
    df = spark.createDataFrame(
        [(["Running", None, "ponies"],), (None,), ([],), (["generalizations"] * 40,)],
        "words array<string>",
    )
    stemmer = sks.Stemmer(inputCol="words", outputCol="stems")
    assert stemmer.getAlgorithm() == "porter-nltk"
    rows = [r["stems"] for r in stemmer.transform(df).collect()]
    assert rows == [["run", None, "poni"], None, [], ["gener"] * 40]

    path = str(scratch / "stemmer")
    stemmer.setAlgorithm("porter-original").write().overwrite().save(path)
    assert sks.Stemmer.load(path).getAlgorithm() == "porter-original"
    with pytest.raises(ValueError):
        sks.Stemmer(inputCol="words", outputCol="stems", algorithm="klingon")


def test_readme_local_example_runs(spark, capsys) -> None:
    """The README's "On a cluster (Spark)" example, run as written (its session is this one)."""
    readme = (spark_data.ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a cluster (Spark)", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```python\n(.*?)```", section, re.S)
    assert example, "no ```python block in the README's Spark section"
    exec(compile(example.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "['run', 'poni', 'gener']" in printed
