"""The Spark tests' datasets and their expected values from the `stemkit` CLI.

Texts are built from the paired corpus (corpus/pairs, licences in corpus/README.md) plus edge cases:
nulls, empty strings, texts without letters, non-ASCII, multi-line texts with LF, CRLF and lone CR,
quotes, commas and backslashes. They are written as CSV (by hand, so that a null is an empty field
and an empty string is `""`, which Spark's CSV reader tells apart) and as Parquet. Expected values
come from running the CLI on the same CSV, never from the code under test.
"""

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[4]
CORPUS = ROOT / "corpus"

#: How CLI flags spell the tokenizer's keyword options.
OPTION_SETS: List[Dict[str, object]] = [
    {},
    {"unicode": True},
    {"fold_ascii": True},
    {"unicode": True, "fold_ascii": True},
    {"unicode": True, "keep_numbers": True},
    {"stopwords": True, "min_len": 3},
    {"max_len": 5},
]

EDGE_TEXTS: List[Optional[str]] = [
    None,
    "",
    " ",
    "123 456 -- !!! ... ¿¡ 2024-01-01",
    "Running ponies and generalizations",
    "first line\nsecond LINE\n\nfourth line",
    "windows\r\nline ends\r\n\r\nhere",
    "old mac\rline\rends",
    'she said "hello, world" and left, quickly',
    'only "quotes" ""doubled"" and a trailing quote"',
    "back\\slash and \\n not a newline",
    "Ünïcödé naïve café résumé Nicolás",
    "İstanbul ΣΊΣΥΦΟΣ straße ﬁnancial",
    "中文字符 and 日本語 mixed with English words",
    "emoji 😀 between 👍🏽 words",
    "combining e\u0301 marks and dotless ı",
    "\ufeffa byte-order mark first",
    "tabs\tand\u00a0no-break\u2003spaces",
    "   leading and trailing spaces   ",
    "x",
    "The",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "A123b c4d 5e6f numbers inside words",
    "hyphen-ated, apostrophe's, o'clock, U.S.A.",
    "supercalifragilisticexpialidocious " * 3,
    "y" * 300,
]


def texts() -> List[Optional[str]]:
    """Edge cases interleaved with paragraphs of the paired corpus (a few lines each)."""
    paragraphs: List[str] = []
    for pair in ["reuters-venezuela-defections", "gpl-3.0", "apache-2.0"]:
        lines = (CORPUS / "pairs" / pair / "raw.txt").read_text(encoding="utf-8").split("\n")
        paragraphs += ["\n".join(lines[i : i + 4]) for i in range(0, min(len(lines), 120), 4)]
    result: List[Optional[str]] = []
    for i, paragraph in enumerate(paragraphs):
        if i < len(EDGE_TEXTS):
            result.append(EDGE_TEXTS[i])
        result.append(paragraph)
    return result


def words() -> List[Optional[str]]:
    """Vocabulary words (every 211th of Snowball's English list) with capitals, non-ASCII, nulls."""
    vocabulary = (CORPUS / "vocab" / "english-voc.txt").read_text(encoding="utf-8").split("\n")
    sample = [w for w in vocabulary[::211] if w]
    extra = ["", None, "Running", "CATS", "Sky", "News", "naïve", "Straße", "ΣΊΣΥΦΟΣ", "İ", "中文",
             "'", "y's", "oed", "123", "a" * 200, None, "generalizations"]
    out: List[Optional[str]] = []
    for i, word in enumerate(sample):
        out.append(word)
        if i < len(extra):
            out.append(extra[i])
    return out


def text_table() -> pa.Table:
    """Columns id, title, text, note: the texts with titles and notes that must pass untouched."""
    values = texts()
    ids = list(range(len(values)))
    titles = [None if i % 7 == 3 else f"Title {i}, \"quoted\"" for i in ids]
    notes = [f"note {i}\nline two" if i % 5 == 0 else f"n{i}" for i in ids]
    return pa.table({"id": pa.array(ids, pa.int32()), "title": titles, "text": values,
                     "note": notes})


def word_table() -> pa.Table:
    """Columns id, word."""
    values = words()
    return pa.table({"id": pa.array(range(len(values)), pa.int32()), "word": values})


def write_csv(table: pa.Table, path: Path) -> None:
    """CSV with a header: a null is an empty field, every string quoted (so `""` is empty)."""
    def field(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, int):
            return str(value)
        return '"' + str(value).replace('"', '""') + '"'

    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(table.column_names) + "\n")
        for row in table.to_pylist():
            out.write(",".join(field(row[name]) for name in table.column_names) + "\n")


def write_parquet(table: pa.Table, path: Path) -> None:
    """Parquet in small row groups."""
    pq.write_table(table, path, row_group_size=16)


def cli_flags(options: Dict[str, object]) -> List[str]:
    """`{"fold_ascii": True, "min_len": 3}` -> `["--fold-ascii", "--min-len", "3"]`."""
    flags: List[str] = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            flags.append(flag)
        elif value is not False and value is not None:
            flags += [flag, str(value)]
    return flags


def cli_dataset(cli: str, command: str, csv_path: Path, args: Sequence[str]) -> List[str]:
    """`stemkit COMMAND --input-format csv --output-format csv`: the added column, per record."""
    output = subprocess.run(
        [cli, command, "--input-format", "csv", "--output-format", "csv", *args, str(csv_path)],
        check=True, capture_output=True,
    ).stdout.decode("utf-8")
    rows = list(csv.reader(io.StringIO(output, newline="")))
    return [row[-1] for row in rows[1:]]


def cli_stem(cli: str, words_in: Sequence[Optional[str]], algorithm: str, tmp: Path) -> List[Optional[str]]:
    """`stemkit stem` on the non-null words, one per line; None where the word is None."""
    present = [w for w in words_in if w is not None]
    path = tmp / f"words-{os.getpid()}.txt"
    path.write_text("".join(w + "\n" for w in present), encoding="utf-8")
    output = subprocess.run([cli, "stem", "--algorithm", algorithm, str(path)],
                            check=True, capture_output=True).stdout.decode("utf-8")
    stems = iter(output.split("\n")[: len(present)])
    return [None if w is None else next(stems) for w in words_in]


def cli_algorithms(cli: str) -> List[str]:
    """The algorithms `stemkit algorithms` lists (first column), aliases left out."""
    output = subprocess.run([cli, "algorithms"], check=True, capture_output=True).stdout
    return [line.split()[0] for line in output.decode("utf-8").splitlines() if line.strip()]


def split_tokens(joined: str) -> List[str]:
    """The CLI's CSV column (tokens joined by single spaces) as a list."""
    return joined.split(" ") if joined else []


def session_builder(master: str, scratch: Path):  # type: ignore[no-untyped-def]
    """A quiet SparkSession builder whose files all go under `scratch`."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise RuntimeError(
            "no `java` on PATH: install a JRE 17 (Debian: apt-get install openjdk-17-jre-headless)"
        )
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
        .config("spark.local.dir", str(scratch / "local"))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={scratch}")
        # Small Arrow batches: many batches per task, so offsets and slices are exercised.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
    )


#: What Spark's CSV reader calls null (no text in the datasets equals it).
NULL_SENTINEL = "\u0000null"


def read(spark, path: Path, schema: str):  # type: ignore[no-untyped-def]
    """A dataset file as a DataFrame, CSV or Parquet by its suffix."""
    if path.suffix == ".csv":
        # An empty field is null and `""` the empty string: Spark reads both as `nullValue` unless
        # that is something else, and an unquoted empty field is read as `nullValue` itself.
        return spark.read.csv(str(path), header=True, multiLine=True, escape='"', schema=schema,
                              nullValue=NULL_SENTINEL)
    return spark.read.parquet(str(path))
