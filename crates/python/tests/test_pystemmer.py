"""stemkit's PyStemmer drop-in against PyStemmer 3.1.0: names, errors, bytes, capitals, every
algorithm on its words and on any string (hypothesis)."""

import pytest
import Stemmer as pystemmer
from conftest import VOCAB, lines
from hypothesis import given, settings
from hypothesis import strategies as st

import stemkit

NAMES = ["english", "porter"]


def test_algorithms_are_pystemmers():
    ours = stemkit.algorithms()
    assert ours == sorted(pystemmer.algorithms())
    assert ours == sorted(ours)
    assert stemkit.algorithms(aliases=True) == stemkit.algorithms(True)


def test_unknown_algorithm_is_a_key_error():
    with pytest.raises(KeyError, match="Stemming algorithm 'klingon' not found"):
        stemkit.Stemmer("klingon")


def test_max_cache_size():
    assert stemkit.Stemmer("english").maxCacheSize == 10000
    stemmer = stemkit.Stemmer("english", maxCacheSize=0)
    assert stemmer.maxCacheSize == 0
    assert stemmer.stemWord("running") == "run"
    stemmer.maxCacheSize = 5
    assert stemmer.maxCacheSize == 5


@pytest.mark.parametrize("name", NAMES)
def test_no_lowercasing_and_bytes(name):
    ours, theirs = stemkit.Stemmer(name), pystemmer.Stemmer(name)
    words = ["Running", "running", "SKIES", "Dying", "oY", "yoY", "Yay", "sayY", b"running", b"Running"]
    for word in words:
        assert ours.stemWord(word) == theirs.stemWord(word), word
    assert ours.stemWord("Running") == "Run"
    assert ours.stemWord(b"running") == b"run"
    words = ["Running", b"ponies", "caresses", "", "a"]
    assert ours.stemWords(words) == theirs.stemWords(words)
    assert ours.stemWords(iter(["ponies"])) == ["poni"]


@pytest.mark.parametrize("name,file", [("english", "english"), ("porter", "porter")])
def test_snowball_vocabularies(name, file):
    words = lines(VOCAB / f"{file}-voc.txt")
    expected = lines(VOCAB / f"{file}-output.txt")
    stemmer = stemkit.Stemmer(name)
    assert [w for w, e in zip(words, expected) if stemmer.stemWord(w) != e] == []
    assert stemmer.stemWords(words) == expected


WORDS = st.one_of(st.text(alphabet="aeiouyYbcdlsnrtgmpzAEIOUSNEDLIG'’", max_size=14), st.text(max_size=12))


@settings(max_examples=1500, deadline=None)
@given(WORDS)
def test_any_string_equals_pystemmer_english(word):
    assert stemkit.Stemmer("english").stemWord(word) == pystemmer.Stemmer("english").stemWord(word)


@settings(max_examples=1500, deadline=None)
@given(WORDS)
def test_any_string_equals_pystemmer_porter(word):
    assert stemkit.Stemmer("porter").stemWord(word) == pystemmer.Stemmer("porter").stemWord(word)


# Words that once set Snowball's porter and NLTK's ORIGINAL_ALGORITHM apart: a capital Y (Snowball's
# own consonant-y marker) and doubled letters outside a-z.
@pytest.mark.parametrize("word", ["oY", "aAAed", "aééed", "haßßing"])
def test_porter_is_snowballs_not_nltks(word):
    assert stemkit.Stemmer("porter").stemWord(word) == pystemmer.Stemmer("porter").stemWord(word)


# Every language: any string, from an alphabet of its own script's letters and any text.
@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(sorted(pystemmer.algorithms())), st.text(max_size=16))
def test_any_string_in_any_language_equals_pystemmer(name, word):
    assert stemkit.Stemmer(name).stemWord(word) == pystemmer.Stemmer(name).stemWord(word), name


def test_every_language_on_its_words():
    # The words of the paired corpus and the vocabularies, lowercased and not, in every language:
    # each stemmer must agree with PyStemmer, whatever the script.
    words = lines(VOCAB / "english-voc.txt")[::50] + ["Häuser", "développement", "объявил",
        "Καλημέρα", "استقلال", "çocukların", "Ámbitos", "ﬁnal", "İstanbul", ""]
    for name in pystemmer.algorithms():
        ours, theirs = stemkit.Stemmer(name), pystemmer.Stemmer(name)
        assert ours.stemWords(words) == theirs.stemWords(words), name
