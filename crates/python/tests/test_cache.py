"""The per-call caches: `PorterStemmer.stem`, `SnowballStemmer.stem` and `Stemmer.stemWord` keep
the `str` they returned for each recent word (keyed by the word's text), within a bound. Cached
answers must be exactly the uncached ones, for each mode and `to_lowercase` apart, within the
bound, from any thread; and the batch calls (no cache between calls) must agree with them."""

import threading

import nltk.stem.porter as nltk_porter
import nltk.stem.snowball as nltk_snowball
import pytest
import Stemmer as pystemmer

import stemkit

MODES = ["NLTK_EXTENSIONS", "MARTIN_EXTENSIONS", "ORIGINAL_ALGORITHM"]
# Words whose stem depends on `to_lowercase` or on the mode.
TRICKY = ["News", "news", "Sky", "sky", "Dying", "dying", "Generalizations", "ied", "oed", "ASSIGNMENT",
          "Running", "SKIES", "Hopefully", "Agreed", "y", "", "é", "İstanbul", "ΣΟΦΙΑ"]


@pytest.mark.parametrize("mode", MODES)
def test_cached_answers_are_the_uncached_ones(mode, porter_vocabulary):
    words = TRICKY + porter_vocabulary[:5000]
    nltk = nltk_porter.PorterStemmer(mode)
    for to_lowercase in [True, False]:
        expected = [nltk.stem(w, to_lowercase=to_lowercase) for w in words]
        ours = stemkit.PorterStemmer(mode)
        first = [ours.stem(w, to_lowercase=to_lowercase) for w in words]
        again = [ours.stem(w, to_lowercase=to_lowercase) for w in words]
        assert first == expected
        assert again == expected
        # A repeated word gets the very object it got before (words of up to 15 bytes of UTF-8,
        # the ones cached).
        short = [i for i, w in enumerate(words) if len(w.encode()) <= 15]
        assert len(short) > 4000
        assert all(first[i] is again[i] for i in short)


def test_to_lowercase_keeps_its_own_cache():
    nltk = nltk_porter.PorterStemmer()
    for order in [(True, False), (False, True)]:
        ours = stemkit.PorterStemmer()
        for _ in range(2):
            for to_lowercase in order:
                for word in TRICKY:
                    assert ours.stem(word, to_lowercase=to_lowercase) == nltk.stem(word, to_lowercase=to_lowercase)
                    assert ours.stem(word, to_lowercase) == nltk.stem(word, to_lowercase)
    ours = stemkit.PorterStemmer()
    assert ours.stem("News") == "news"
    assert ours.stem("News", to_lowercase=False) == "New"
    assert ours.stem("News") == "news"
    assert ours._cached_words(True) == 1
    assert ours._cached_words(False) == 1


def test_modes_do_not_share_a_cache():
    objects = {mode: stemkit.PorterStemmer(mode) for mode in MODES}
    words = ["oed", "ied", "generously", "Sky", "dying", "agreed", "abandon"] * 3
    for mode, ours in objects.items():
        nltk = nltk_porter.PorterStemmer(mode)
        assert [ours.stem(w) for w in words] == [nltk.stem(w) for w in words]
    # Warmed in another order, each object still answers for its own mode.
    for mode, ours in reversed(objects.items()):
        nltk = nltk_porter.PorterStemmer(mode)
        assert [ours.stem(w) for w in words] == [nltk.stem(w) for w in words]


def test_cache_bound_holds():
    ours = stemkit.PorterStemmer()
    nltk = nltk_porter.PorterStemmer()
    words = [f"conn{i}ings" for i in range(40_000)]
    for word in words:
        ours.stem(word)
        assert ours._cached_words() <= 16_384
    assert ours._cached_words() > 0
    assert [ours.stem(w) for w in words[:100]] == [nltk.stem(w) for w in words[:100]]

    stemmer = stemkit.Stemmer("english", maxCacheSize=5)
    for i, word in enumerate(["a", "runs", "running", "ponies", "caresses", "dying", "flies"] * 3):
        assert stemmer.stemWord(word) == pystemmer.Stemmer("english").stemWord(word)
        assert 1 <= stemmer._cached_words() <= 5
    stemmer.maxCacheSize = 2
    assert stemmer._cached_words() <= 2
    stemmer.maxCacheSize = 0
    assert stemmer._cached_words() == 0
    assert stemmer.stemWord("running") == "run"
    assert stemmer._cached_words() == 0


def test_cache_is_keyed_by_text_not_by_object():
    class Liar(str):
        """Equal to every string, with the hash of `running`: a dict keyed by objects would
        answer `run` for it."""

        def __eq__(self, other):
            return True

        def __hash__(self):
            return hash("running")

    for stemmer in [stemkit.PorterStemmer(), stemkit.SnowballStemmer("english")]:
        assert stemmer.stem("running") == "run"
        assert stemmer.stem(Liar("ponies")) == "poni"
        assert type(stemmer.stem(Liar("ponies"))) is str
        # Equal text, another object: the same answer, the same object.
        assert stemmer.stem("".join(["run", "ning"])) is stemmer.stem("running")
    pystem = stemkit.Stemmer("english")
    assert pystem.stemWord("running") == "run"
    assert pystem.stemWord(Liar("ponies")) == "poni"
    assert pystem.stemWord(b"running") == b"run"
    assert pystem.stemWord("running") == "run"
    assert pystem._cached_words() == 2
    # Words longer than 15 bytes are stemmed each time, never wrongly shared.
    long_words = ["internationalizations", "internationalization", "Internationalizations"]
    nltk = nltk_porter.PorterStemmer()
    porter = stemkit.PorterStemmer()
    for _ in range(2):
        assert [porter.stem(w) for w in long_words] == [nltk.stem(w) for w in long_words]
    assert porter._cached_words() == 0


def test_errors_are_not_cached():
    stemmer = stemkit.PorterStemmer()
    for _ in range(2):
        with pytest.raises(ValueError, match="lone surrogate"):
            stemmer.stem("ab\ud800c")
        with pytest.raises(TypeError):
            stemmer.stem(3)
    assert stemmer._cached_words() == 0
    snowball = stemkit.SnowballStemmer("english")
    assert snowball.stem("running") == "run"
    with pytest.raises(TypeError, match="to_lowercase"):
        snowball.stem("running", to_lowercase=False)


def test_snowball_cache_with_stopwords():
    words = ["having", "Having", "the", "THE", "running", "Running", "häuser", "Häuser", "dying"] * 2
    for language in ["english", "porter", "german"]:
        nltk = nltk_snowball.SnowballStemmer(language)
        ours = stemkit.SnowballStemmer(language)
        assert [ours.stem(w) for w in words] == [nltk.stem(w) for w in words]
    # NLTK reads its stopwords from nltk_data, which the tests do without: each word's answer
    # from a new object (an empty cache) is the reference.
    ours = stemkit.SnowballStemmer("english", ignore_stopwords=True)
    fresh = [stemkit.SnowballStemmer("english", ignore_stopwords=True).stem(w) for w in words]
    assert [ours.stem(w) for w in words] == fresh
    assert fresh[:4] == ["having", "having", "the", "the"]
    porter = stemkit.SnowballStemmer("porter")
    nltk = nltk_snowball.SnowballStemmer("porter")
    for word in ["News", "News", "Sky"]:
        assert porter.stem(word, to_lowercase=False) == nltk.stem(word, to_lowercase=False)
        assert porter.stem(word) == nltk.stem(word)


def test_caches_under_threads():
    # Small caches emptied over and over while eight threads fill them.
    words = [f"Connect{i % 300}ions" for i in range(6000)] + ["dying", "Running", "News"] * 500
    nltk = nltk_porter.PorterStemmer()
    expected = {True: [nltk.stem(w) for w in words], False: [nltk.stem(w, to_lowercase=False) for w in words]}
    expected_py = pystemmer.Stemmer("english").stemWords(words)
    porter = stemkit.PorterStemmer()
    pystem = stemkit.Stemmer("english", maxCacheSize=7)
    failures = []

    def work(n):
        try:
            to_lowercase = n % 2 == 0
            for _ in range(3):
                if [porter.stem(w, to_lowercase=to_lowercase) for w in words] != expected[to_lowercase]:
                    failures.append(f"porter {to_lowercase}")
                if [pystem.stemWord(w) for w in words] != expected_py:
                    failures.append("stemWord")
                if pystem._cached_words() > 7 + 8:
                    failures.append("bound")
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            failures.append(repr(error))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert porter._cached_words() <= 16_384


def test_batches_agree_with_the_cached_calls(porter_vocabulary):
    words = (TRICKY + porter_vocabulary[:3000]) * 2 + ["a" * 15, "a" * 16, "b" * 40, "x\0y", "x\0", "x"]
    ours = stemkit.PorterStemmer()
    per_call = [ours.stem(w) for w in words]
    assert stemkit.stem_words(words) == per_call
    assert stemkit.stem_words(words, threads=3) == per_call
    assert stemkit.stem_words(tuple(words), threads=1) == per_call
    assert stemkit.stem_words(iter(words)) == per_call
    assert stemkit.stem_words(w for w in words) == per_call
    pystem = stemkit.Stemmer("english")
    assert pystem.stemWords(words) == [pystem.stemWord(w) for w in words]
    assert pystem.stemWords(words) == pystemmer.Stemmer("english").stemWords(words)
