"""stemkit's own API: stem_words, tokenize (offsets in characters), process,
process_document and explain; argument errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nltk.stem.porter as nltk_porter
import stemkit

NLTK = nltk_porter.PorterStemmer()


def test_stem_words_equals_nltk_per_word():
    words = ["Running", "ponies", "caresses", "", "dying", "Dying", "généralement", "a\0b", "x" * 40]
    assert stemkit.stem_words(words) == [NLTK.stem(w) for w in words]
    assert stemkit.stem_words(tuple(words)) == [NLTK.stem(w) for w in words]
    assert stemkit.stem_words(w for w in words) == [NLTK.stem(w) for w in words]
    assert stemkit.stem_words([]) == []
    assert stemkit.stem_words(["running"], "porter2") == ["run"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=10), max_size=50), st.sampled_from([1, 2, 3]))
def test_stem_words_any_list_and_threads(words, threads):
    assert stemkit.stem_words(words, threads=threads) == [NLTK.stem(w) for w in words]


def test_stem_words_many_words_on_threads():
    words = [f"word{i % 977}ing" for i in range(50_000)] + ["Running"] * 10_000
    expected = [NLTK.stem(w) for w in words]
    for threads in (1, 2, 4, None):
        assert stemkit.stem_words(words, threads=threads) == expected


def test_stem_words_errors():
    with pytest.raises(TypeError, match="item 2 must be str, not int"):
        stemkit.stem_words(["a", "b", 3])
    with pytest.raises(TypeError, match="item 1 must be str, not bytes"):
        stemkit.stem_words(["a", b"b"])
    with pytest.raises(ValueError, match="unknown algorithm `porter3`; expected one of: porter-nltk"):
        stemkit.stem_words(["a"], "porter3")
    with pytest.raises(ValueError, match="threads must be at least 1"):
        stemkit.stem_words(["a"], threads=0)
    with pytest.raises(TypeError, match="not a single str"):
        stemkit.stem_words("running")


def test_tokenize_like_the_cli():
    assert stemkit.tokenize("Venezuela’s army, 2019") == ["venezuela", "s", "army"]
    assert stemkit.tokenize("Venezuela’s army, 2019", unicode=True, keep_numbers=True) == [
        "venezuela’s", "army", "2019"]
    assert stemkit.tokenize("Nicolás Maduro", fold_ascii=True) == ["nicolas", "maduro"]
    assert stemkit.tokenize("the army of a state", stopwords=True) == ["army", "state"]
    assert stemkit.tokenize("a bb ccc dddd", min_len=2, max_len=3) == ["bb", "ccc"]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        stemkit.tokenize("x", colour=True)


def test_tokenize_offsets_are_character_indices():
    text = "Ça, c’est Straße über 𝔘nicode — Nicolás!"
    for options in ({}, {"unicode": True}, {"fold_ascii": True}, {"unicode": True, "fold_ascii": True}):
        tokens = stemkit.tokenize(text, offsets=True, **options)
        assert [t for t, _, _ in tokens] == stemkit.tokenize(text, **options)
        for token, start, end in tokens:
            assert 0 <= start < end <= len(text)
    plain = stemkit.tokenize(text, offsets=True)
    assert [text[s:e].lower() for _, s, e in plain] == [t for t, _, _ in plain]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.booleans())
def test_offsets_cut_the_source_of_each_token(text, unicode):
    for token, start, end in stemkit.tokenize(text, offsets=True, unicode=unicode):
        source = text[start:end]
        assert source, (token, start, end)
        if not unicode:
            assert source.lower() == token


def test_process_is_tokenize_then_stem():
    text = "Officials said the Running ponies were dying.\nSecond line, caresses."
    assert stemkit.process(text) == [NLTK.stem(t) for t in stemkit.tokenize(text)]
    assert stemkit.process(text, "porter2", stopwords=True) == stemkit.stem_words(
        stemkit.tokenize(text, stopwords=True), "porter2")


def test_process_document():
    text = "\ufeffVenezuela’s Army: Defections\r\nOfficials said.\r\nRunning ponies\n"
    title, stems = stemkit.process_document(text)
    assert title == "Venezuela’s Army: Defections"
    assert stems == ["offici", "said", "run", "poni"]
    assert stemkit.process_document("Only a title") == ("Only a title", [])
    assert stemkit.process_document("") == ("", [])


def test_process_document_matches_the_seed_pair():
    from conftest import CORPUS

    pair = CORPUS / "pairs" / "gpl-3.0"
    raw = (pair / "raw.txt").read_text(encoding="utf-8")
    expected = (pair / "stemmed.txt").read_text(encoding="utf-8").split("\n")
    title, stems = stemkit.process_document(raw)
    assert [title, *stems] == [line for line in expected if line != ""][: len(stems) + 1]


def test_explain():
    explanation = stemkit.explain("generalizations")
    assert explanation.stem == "gener"
    assert explanation.word == "generalizations"
    assert explanation.algorithm == "porter-nltk"
    assert all(len(step) == 3 for step in explanation.steps)
    text = repr(explanation)
    assert text.startswith("generalizations (porter-nltk)\nstep")
    assert text.endswith("stem: gener")
    assert stemkit.explain("dying", "porter2").stem == "die"
    with pytest.raises(ValueError, match="unknown algorithm"):
        stemkit.explain("x", "nope")


def test_native_algorithms():
    algorithms = stemkit.native_algorithms()
    assert "porter-nltk" in algorithms and "porter2" in algorithms
