"""The cluster test's Spark job, run in its own process: `cluster_job.py MASTER SCRATCH`.

Reads SCRATCH/texts.parquet on MASTER (`local-cluster[2,1,1024]`: separate executor JVMs, each with
its own Python workers, which import the stemkit installed in this interpreter's environment), adds
`process`, `tokenize` and `stem` columns, and writes SCRATCH/cluster-out (Parquet, written by the
executors) and SCRATCH/cluster-info.json (the executors' process ids, to show they were others).
"""

import json
import os
import sys
from pathlib import Path

import spark_data


def main() -> None:
    master, scratch = sys.argv[1], Path(sys.argv[2])
    spark = spark_data.session_builder(master, scratch).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    import stemkit.spark as sks

    df = spark.read.parquet(str(scratch / "texts.parquet")).repartition(4, "id")
    out = df.select(
        "*",
        sks.process("text").alias("stems"),
        sks.tokenize("text", unicode=True).alias("tokens"),
        sks.stem("title", algorithm="porter2").alias("title_stem"),
    )
    out.write.mode("overwrite").parquet(str(scratch / "cluster-out"))
    pids = spark.sparkContext.parallelize(range(8), 8).map(lambda _: os.getpid()).distinct()
    executors = spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() - 1
    info = {"driver_pid": os.getpid(), "worker_pids": sorted(pids.collect()),
            "executors": executors}
    (scratch / "cluster-info.json").write_text(json.dumps(info))
    spark.stop()


if __name__ == "__main__":
    main()
