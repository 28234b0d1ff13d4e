"""What every object and call must survive: pickling, threads, panics, lone surrogates."""

import pickle
import threading

import pytest

import nltk.stem.porter as nltk_porter
import stemkit
import stemkit._stemkit as ext


def test_objects_pickle():
    objects = [
        stemkit.PorterStemmer(),
        stemkit.PorterStemmer(stemkit.PorterStemmer.MARTIN_EXTENSIONS),
        stemkit.SnowballStemmer("english", ignore_stopwords=True),
        stemkit.SnowballStemmer("porter"),
        stemkit.Stemmer("english", maxCacheSize=5),
        stemkit.explain("running"),
    ]
    for obj in objects:
        copy = pickle.loads(pickle.dumps(obj))
        assert type(copy) is type(obj)
        assert repr(copy) == repr(obj)
    assert pickle.loads(pickle.dumps(objects[1])).mode == "MARTIN_EXTENSIONS"
    assert pickle.loads(pickle.dumps(objects[2])).stem("having") == "having"
    assert pickle.loads(pickle.dumps(objects[4])).maxCacheSize == 5


def test_one_object_shared_by_threads():
    stemmer = stemkit.PorterStemmer()
    pystem = stemkit.Stemmer("english")
    words = [f"Connect{i % 50}ions" for i in range(3000)] + ["dying", "Running"] * 500
    nltk = nltk_porter.PorterStemmer()
    expected = [nltk.stem(w) for w in words]
    failures = []

    def work():
        try:
            if [stemmer.stem(w) for w in words] != expected:
                failures.append("per call")
            if stemkit.stem_words(words, threads=2) != expected:
                failures.append("batch")
            pystem.stemWords(words)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            failures.append(repr(error))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


@pytest.mark.parametrize("in_thread", [False, True])
def test_panic_is_an_exception(in_thread):
    with pytest.raises(BaseException, match="deliberate panic") as raised:
        ext._panic_for_tests(in_thread)
    assert type(raised.value).__name__ == "PanicException"
    # The interpreter and the module are still fine.
    assert stemkit.PorterStemmer().stem("running") == "run"


def test_lone_surrogates_are_a_clear_error():
    bad = "ab\ud800c"
    calls = [
        lambda: stemkit.PorterStemmer().stem(bad),
        lambda: stemkit.SnowballStemmer("english").stem(bad),
        lambda: stemkit.Stemmer("english").stemWord(bad),
        lambda: stemkit.tokenize(bad),
        lambda: stemkit.process(bad),
        lambda: stemkit.explain(bad),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="lone surrogate at index 2"):
            call()
    with pytest.raises(ValueError, match="item 1 is not valid Unicode: it holds a lone surrogate at index 2"):
        stemkit.stem_words(["ok", bad])
    with pytest.raises(ValueError, match="item 1 is not valid Unicode"):
        stemkit.Stemmer("english").stemWords(["ok", bad])


def test_wrong_types():
    with pytest.raises(TypeError, match="word must be str, not int"):
        stemkit.PorterStemmer().stem(3)
    with pytest.raises(TypeError, match="word must be str, not NoneType"):
        stemkit.Stemmer("english").stemWord(None)
