"""`cargo xtask bench --spark`: stemkit.spark.process against NLTK in a pandas_udf on `local[2]`.

Usage: bench_spark.py ROWS_FILE [--rounds N] [--cores N]

ROWS_FILE has one text per line (benches/examples/news_rows.rs writes 20,000 rows of 90 words).
The rows are cached in Spark; each job is the sum of the token counts of every row: with
`stemkit.spark.process`, with NLTK's `PorterStemmer` in a `pandas_udf` (the usual pattern: one
stemmer per task, a Python loop over rows and words), and with a do-nothing UDF of stemkit's kind
(its batches in, the same batches out) for Spark's own cost. First the two stemmers' outputs are
compared row by row, which also warms up every worker; then each job runs `--rounds` times and the
best time counts.
"""

import argparse
import os
import warnings
import re
import sys
import time
from typing import Callable, Dict, Iterator

import pandas as pd
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf

import stemkit.spark as sks


def nltk_udf():  # type: ignore[no-untyped-def]
    """NLTK's pipeline (`re.sub('[^a-zA-Z]', ' ', t).lower().split()`, then `stem`) per row."""

    def process(texts: Iterator[pd.Series]) -> Iterator[pd.Series]:
        from nltk.stem.porter import PorterStemmer

        stem = PorterStemmer().stem
        letters = re.compile("[^a-zA-Z]")
        for batch in texts:
            yield batch.map(lambda t: [stem(w) for w in letters.sub(" ", t).lower().split()])

    return pandas_udf(process, "array<string>")


def noop_udf():  # type: ignore[no-untyped-def]
    """The same kind of UDF as stemkit's, doing nothing: Spark's fixed cost per row and batch."""
    if sks.use_arrow_udf:
        from pyspark.sql.functions import arrow_udf

        def same_arrow(texts: Iterator[pa.Array]) -> Iterator[pa.Array]:
            yield from texts

        return arrow_udf(same_arrow, "string")

    def same_pandas(texts: Iterator[pd.Series]) -> Iterator[pd.Series]:
        yield from texts

    return pandas_udf(same_pandas, "string")


def best_of(rounds: int, job: Callable[[], int]) -> "tuple[float, int]":
    """The best wall time of `rounds` runs, and the job's result."""
    best, result = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows_file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(args.cores))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    with open(args.rows_file, encoding="utf-8") as rows_file:
        texts = rows_file.read().splitlines()
    table = pa.table({"id": pa.array(range(len(texts)), pa.int64()), "text": texts})
    df: DataFrame = spark.createDataFrame(table).repartition(args.cores).cache()
    rows = df.count()

    stemkit_stems = sks.process("text")
    nltk_stems = nltk_udf()("text")
    differing = df.where(stemkit_stems != nltk_stems).count()
    if differing:
        sys.exit(f"bench: stemkit and NLTK differ on {differing} of {rows} rows")

    jobs: Dict[str, Callable[[], int]] = {
        "stemkit.spark.process": lambda: df.select(F.sum(F.size(sks.process("text")))).first()[0],
        "NLTK PorterStemmer in a pandas_udf": lambda: df.select(
            F.sum(F.size(nltk_udf()("text")))
        ).first()[0],
        "do-nothing UDF (Spark's fixed cost)": lambda: df.select(
            F.sum(F.length(noop_udf()("text")))
        ).first()[0],
    }
    for job in jobs.values():  # warm-up: every Python worker started and importing
        job()
    times = {name: best_of(args.rounds, job) for name, job in jobs.items()}
    words = times["stemkit.spark.process"][1]
    if times["NLTK PorterStemmer in a pandas_udf"][1] != words:
        sys.exit("bench: stemkit and NLTK count different numbers of tokens")

    kind = "arrow_udf" if sks.use_arrow_udf else "pandas_udf"
    print(f"\nSpark {spark.version}, local[{args.cores}], {rows:,} cached rows, {words:,} tokens; "
          f"stemkit as {kind}; best of {args.rounds} after a warm-up")
    print(f"{'job (sum of token counts)':<40} {'time':>8} {'words/s per core':>18}")
    for name, (seconds, _) in times.items():
        rate = "" if name.startswith("do-nothing") else f"{words / seconds / args.cores:>18,.0f}"
        print(f"{name:<40} {seconds:>7.2f}s {rate}")
    stemkit_time = times["stemkit.spark.process"][0]
    nltk_time = times["NLTK PorterStemmer in a pandas_udf"][0]
    noop_time = times["do-nothing UDF (Spark's fixed cost)"][0]
    print(f"stemkit / NLTK: {nltk_time / stemkit_time:.1f}x faster (target >= 10x)")
    print(f"Spark's fixed cost: {noop_time / stemkit_time:.0%} of stemkit's job time")
    spark.stop()


if __name__ == "__main__":
    main()
