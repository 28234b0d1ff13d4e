"""stemkit's NLTK drop-ins against NLTK 3.10.4: its own test vocabularies and cases, the
corpus's tables, and any string (hypothesis), live NLTK as the reference."""

import nltk.stem.porter as nltk_porter
import nltk.stem.snowball as nltk_snowball
import pytest
from conftest import VOCAB, lines
from hypothesis import given, settings
from hypothesis import strategies as st

import stemkit

MODES = [
    stemkit.PorterStemmer.NLTK_EXTENSIONS,
    stemkit.PorterStemmer.MARTIN_EXTENSIONS,
    stemkit.PorterStemmer.ORIGINAL_ALGORITHM,
]
OUTPUT_FILES = {
    "NLTK_EXTENSIONS": "porter_nltk_output.txt",
    "MARTIN_EXTENSIONS": "porter_martin_output.txt",
    "ORIGINAL_ALGORITHM": "porter_original_output.txt",
}
NLTK = {mode: nltk_porter.PorterStemmer(mode) for mode in MODES}
OURS = {mode: stemkit.PorterStemmer(mode) for mode in MODES}


def test_constants_and_mode_equal_nltks():
    for name in OUTPUT_FILES:
        assert getattr(stemkit.PorterStemmer, name) == getattr(nltk_porter.PorterStemmer, name)
    assert stemkit.PorterStemmer().mode == "NLTK_EXTENSIONS"
    assert stemkit.PorterStemmer(mode="MARTIN_EXTENSIONS").mode == "MARTIN_EXTENSIONS"


@pytest.mark.parametrize("mode", MODES)
def test_nltk_test_vocabulary(mode, porter_vocabulary):
    """NLTK's test_vocabulary_*_mode: Martin Porter's vocabulary and NLTK's expected output."""
    expected = lines(VOCAB / "nltk-porter-test" / OUTPUT_FILES[mode])
    stemmer = stemkit.PorterStemmer(mode=mode)
    got = [stemmer.stem(word) for word in porter_vocabulary]
    wrong = [(w, g, e) for w, g, e in zip(porter_vocabulary, got, expected) if g != e]
    assert len(got) == len(expected) == 23531
    assert wrong == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("to_lowercase", [True, False])
def test_corpus_table_against_live_nltk(mode, to_lowercase, nltk_porter_table):
    """51,704 words (both Snowball vocabularies, mixed-case variants, edge cases), both ways."""
    ours, nltk = OURS[mode], NLTK[mode]
    words = [row[0] for row in nltk_porter_table]
    wrong = [
        w
        for w in words
        if ours.stem(w, to_lowercase=to_lowercase) != nltk.stem(w, to_lowercase=to_lowercase)
    ]
    assert wrong == []


def test_corpus_table_columns(nltk_porter_table):
    """The table's recorded NLTK outputs (to_lowercase=True), column by column."""
    columns = {"ORIGINAL_ALGORITHM": 1, "MARTIN_EXTENSIONS": 2, "NLTK_EXTENSIONS": 3}
    for mode, column in columns.items():
        stemmer = OURS[mode]
        assert [r[0] for r in nltk_porter_table if stemmer.stem(r[0]) != r[column]] == []


def test_lowercase_option():
    """NLTK's test_lowercase_option, and the issue's examples."""
    porter = stemkit.PorterStemmer()
    assert porter.stem("On") == "on"
    assert porter.stem("I") == "i"
    assert porter.stem("I", to_lowercase=False) == "I"
    assert porter.stem("Github") == "github"
    assert porter.stem("Github", to_lowercase=False) == "Github"
    assert porter.stem("News", to_lowercase=False) == "New"
    assert porter.stem("Sky", to_lowercase=False) == "Ski"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "word",
    ["Dying", "DYING", "dying", "Skies", "SKY", "sky", "Lying", "Tying", "News", "NEWS", "news",
     "Innings", "Outing", "Cannings", "Howe", "Proceed", "EXCEED", "Succeed", "succeeded"],
)
def test_irregular_forms_with_capitals(mode, word):
    for to_lowercase in (True, False):
        assert OURS[mode].stem(word, to_lowercase) == NLTK[mode].stem(word, to_lowercase)


def test_oed_bug():
    assert stemkit.PorterStemmer().stem("oed") == "o"
    for mode in MODES:
        assert OURS[mode].stem("oed") == NLTK[mode].stem("oed")


@pytest.mark.parametrize("mode", MODES)
def test_long_run_of_y(mode):
    word = "y" * 100_000
    for to_lowercase in (True, False):
        assert OURS[mode].stem(word, to_lowercase) == NLTK[mode].stem(word, to_lowercase)


def test_short_strings_bug():
    assert stemkit.SnowballStemmer("english").stem("y's") == "y"
    for mode in MODES:
        assert OURS[mode].stem("y's") == NLTK[mode].stem("y's")


def test_bad_mode_is_a_value_error():
    for mode in ["nltk", "", 1]:
        with pytest.raises(ValueError, match="Mode must be one of PorterStemmer.NLTK_EXTENSIONS"):
            stemkit.PorterStemmer(mode)
        with pytest.raises(ValueError):
            nltk_porter.PorterStemmer(mode)


# Any string: letters the rules look at, capitals, apostrophes and other scripts weigh more.
WORDS = st.one_of(
    st.text(alphabet="aeiouyAEIOUYbcdlsnrtgmpzSNEDLIG'’", max_size=14),
    st.text(max_size=12),
)


@settings(max_examples=1500, deadline=None)
@given(WORDS)
def test_any_string_equals_nltk_in_every_mode(word):
    for mode in MODES:
        for to_lowercase in (True, False):
            assert OURS[mode].stem(word, to_lowercase) == NLTK[mode].stem(word, to_lowercase), (
                mode,
                to_lowercase,
            )


SNOWBALL_ENGLISH = nltk_snowball.SnowballStemmer("english")
SNOWBALL_PORTER = nltk_snowball.SnowballStemmer("porter")


@settings(max_examples=1500, deadline=None)
@given(WORDS)
def test_any_string_equals_nltk_snowball(word):
    assert stemkit.SnowballStemmer("english").stem(word) == SNOWBALL_ENGLISH.stem(word)
    assert stemkit.SnowballStemmer("porter").stem(word) == SNOWBALL_PORTER.stem(word)


def test_snowball_english_table():
    rows = [line.split("\t") for line in lines(VOCAB / "nltk-snowball-english.tsv")][1:]
    stemmer = stemkit.SnowballStemmer("english")
    assert [r[0] for r in rows if stemmer.stem(r[0]) != r[1]] == []


def test_snowball_english_2x_vocabulary():
    words = lines(VOCAB / "english2-voc.txt")
    expected = lines(VOCAB / "english2-output.txt")
    stemmer = stemkit.SnowballStemmer("english")
    assert [w for w, e in zip(words, expected) if stemmer.stem(w) != e] == []


def test_snowball_languages_and_errors():
    assert "english" in stemkit.SnowballStemmer.languages
    assert "porter" in stemkit.SnowballStemmer.languages
    assert isinstance(stemkit.SnowballStemmer.languages, tuple)
    assert set(stemkit.SnowballStemmer.languages) <= set(nltk_snowball.SnowballStemmer.languages)
    with pytest.raises(ValueError, match="The language 'klingon' is not supported; supported: .*english"):
        stemkit.SnowballStemmer("klingon")


def test_snowball_stopwords():
    assert stemkit.SnowballStemmer("english").stopwords == set()
    stemmer = stemkit.SnowballStemmer("english", ignore_stopwords=True)
    assert "having" in stemmer.stopwords and len(stemmer.stopwords) == 198
    assert stemmer.stem("having") == "having"
    assert stemmer.stem("Having") == "having"
    assert stemkit.SnowballStemmer("english").stem("having") == "have"
    with pytest.raises(ValueError, match="has no list of stopwords"):
        stemkit.SnowballStemmer("porter", ignore_stopwords=True)


def test_porter_snowball_takes_to_lowercase_like_nltk():
    """NLTK's SnowballStemmer('porter') is its PorterStemmer (default mode)."""
    assert stemkit.SnowballStemmer("porter").stem("Dying") == SNOWBALL_PORTER.stem("Dying")


def test_snowball_porter_to_lowercase():
    for word in ["Dying", "News", "Sky", "I"]:
        assert stemkit.SnowballStemmer("porter").stem(word, to_lowercase=False) == SNOWBALL_PORTER.stem(
            word, to_lowercase=False
        )


def test_snowball_languages_are_nltks_exact_ones():
    ours = set(stemkit.SnowballStemmer.languages)
    assert ours == {"english", "porter", "finnish", "german", "norwegian", "spanish", "swedish"}
    # NLTK's own ports, which no Snowball revision reproduces, are refused with a reason.
    with pytest.raises(ValueError, match="port of its own"):
        stemkit.SnowballStemmer("french")


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(sorted(set(stemkit.SnowballStemmer.languages) - {"english", "porter"})), st.text(max_size=16))
def test_any_string_in_any_language_equals_nltk(language, word):
    ours, theirs = stemkit.SnowballStemmer(language), nltk_snowball.SnowballStemmer(language)
    assert ours.stem(word) == theirs.stem(word), language


def test_every_nltk_language_on_real_words():
    words = ["Häuser", "développement", "Kaffeehäuser", "løbende", "kvinnornas", "huolellisuudella",
             "gyerekeknek", "corriendo", "verjaardagen", "Ämnena", "ßtraße", "ÅRETS", "bedrijven"]
    for language in set(stemkit.SnowballStemmer.languages) - {"english", "porter"}:
        ours, theirs = stemkit.SnowballStemmer(language), nltk_snowball.SnowballStemmer(language)
        assert [ours.stem(w) for w in words] == [theirs.stem(w) for w in words], language
