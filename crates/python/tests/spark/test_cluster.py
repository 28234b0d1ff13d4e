"""The same rows on `local-cluster[2,1,1024]`: separate executor JVMs, as on a real cluster.

Runs `cluster_job.py` in a process of its own (a Python process holds one SparkContext, and the
local tests' session lives in this one), then compares what the executors wrote with the CLI.
"""

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

import spark_data

JOB = Path(__file__).with_name("cluster_job.py")


def test_local_cluster_rows_equal_cli(cli, files, scratch: Path) -> None:
    subprocess.run([sys.executable, str(JOB), "local-cluster[2,1,1024]", str(scratch)],
                   check=True, timeout=600, cwd=JOB.parent)
    info = json.loads((scratch / "cluster-info.json").read_text())
    assert info["executors"] == 2
    assert info["driver_pid"] not in info["worker_pids"]

    table = spark_data.text_table().to_pylist()
    texts = [r["text"] for r in table]
    rows = sorted(pq.read_table(scratch / "cluster-out").to_pylist(), key=lambda r: r["id"])
    assert [{k: r[k] for k in table[0]} for r in rows] == table
    stems = spark_data.cli_dataset(cli, "process", files["texts.csv"], [])
    tokens = spark_data.cli_dataset(cli, "tokenize", files["texts.csv"], ["--unicode"])
    expected = lambda joined: [None if t is None else spark_data.split_tokens(j)  # noqa: E731
                               for t, j in zip(texts, joined)]
    assert [r["stems"] for r in rows] == expected(stems)
    assert [r["tokens"] for r in rows] == expected(tokens)
    titles = [r["title"] for r in table]
    assert [r["title_stem"] for r in rows] == [
        None if t is None else s
        for t, s in zip(titles, spark_data.cli_stem(cli, titles, "porter2", scratch))
    ]
