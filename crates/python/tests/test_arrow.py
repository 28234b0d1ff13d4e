"""stemkit.arrow: pyarrow arrays and chunked arrays of every string type, Polars Series;
results equal word-by-word results, nulls kept, chunks kept."""

import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stemkit
import stemkit.arrow

TYPES = [pa.string(), pa.large_string(), pa.string_view()]


def words_of(values):
    return [None if v is None else stemkit.stem_words([v])[0] for v in values]


@pytest.mark.parametrize("type_", TYPES)
def test_stem_array(type_):
    values = ["Running", None, "ponies", "", "Dying", "généralement"]
    out = stemkit.arrow.stem(pa.array(values, type=type_))
    assert isinstance(out, pa.Array)
    assert out.type == type_
    assert out.to_pylist() == words_of(values)


@pytest.mark.parametrize("type_", TYPES)
def test_chunked_in_chunked_out(type_):
    chunks = [["Running", None], [], ["ponies", "caresses", None]]
    array = pa.chunked_array(chunks, type=type_)
    out = stemkit.arrow.stem(array)
    assert isinstance(out, pa.ChunkedArray)
    assert [len(c) for c in out.chunks] == [2, 0, 3]
    assert out.to_pylist() == words_of(array.to_pylist())
    empty = stemkit.arrow.stem(pa.chunked_array([], type=type_))
    assert isinstance(empty, pa.ChunkedArray) and len(empty) == 0


def test_large_array_on_threads():
    values = [None if i % 97 == 0 else f"Stem{i % 1013}ing" for i in range(40_000)]
    expected = words_of(values)
    for threads in (1, 3, None):
        assert stemkit.arrow.stem(pa.array(values), threads=threads).to_pylist() == expected
        assert stemkit.arrow.stem(pa.array(values).slice(5, 30_000), threads=threads).to_pylist() == expected[5:30_005]


def test_tokenize_and_process():
    texts = ["Officials said the ponies", None, "", "Running, dying!"]
    array = pa.array(texts)
    tokens = stemkit.arrow.tokenize(array)
    assert tokens.type == pa.list_(pa.string())
    assert tokens.to_pylist() == [None if t is None else stemkit.tokenize(t) for t in texts]
    stems = stemkit.arrow.process(array, "porter2", stopwords=True)
    assert stems.to_pylist() == [None if t is None else stemkit.process(t, "porter2", stopwords=True) for t in texts]
    chunked = stemkit.arrow.process(pa.chunked_array([texts[:2], texts[2:]], type=pa.large_string()))
    assert isinstance(chunked, pa.ChunkedArray)
    assert chunked.to_pylist() == [None if t is None else stemkit.process(t) for t in texts]


def test_polars():
    series = pl.Series("text", ["Running ponies", None, "dying"])
    out = stemkit.arrow.process(series)
    assert out.to_pylist() == [["run", "poni"], None, ["die"]]
    df = pl.DataFrame({"word": ["Running", None, "ponies"]})
    df = df.with_columns(pl.col("word").map_batches(lambda s: pl.Series(stemkit.arrow.stem(s))).alias("stem"))
    assert df["stem"].to_list() == ["run", None, "poni"]


def test_pandas_one_liner():
    import pandas as pd

    df = pd.DataFrame({"text": ["Running ponies", "Officials said"]})
    df["stems"] = stemkit.arrow.process(pa.array(df["text"])).to_pylist()
    assert df["stems"].tolist() == [["run", "poni"], ["offici", "said"]]


def test_errors():
    with pytest.raises(TypeError, match="expected an Arrow array"):
        stemkit.arrow.stem(["a", "b"])
    with pytest.raises(TypeError, match="expected an Arrow array of strings"):
        stemkit.arrow.stem(pa.array([1, 2]))
    with pytest.raises(ValueError, match="unknown algorithm"):
        stemkit.arrow.stem(pa.array(["a"]), "nope")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=12)), max_size=40), st.sampled_from(TYPES))
def test_arrow_equals_word_by_word(values, type_):
    assert stemkit.arrow.stem(pa.array(values, type=type_)).to_pylist() == words_of(values)
    assert stemkit.arrow.process(pa.array(values, type=type_)).to_pylist() == [
        None if v is None else stemkit.process(v) for v in values]
