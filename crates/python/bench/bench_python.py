"""Side-by-side rates of the Python stemmers on one news token stream (`cargo xtask bench --python`).

Usage: python bench_python.py TOKENS_FILE [--rounds N]

Each contender stems the same list of tokens; the best of N rounds counts (NLTK, ~10 s a round,
runs once). Prints a Markdown table of rates and the issue's targets with their ratios, and
exits non-zero if stemkit's outputs differ from NLTK's or PyStemmer's.
"""

import argparse
import sys
import time

import nltk.stem.porter
import pyarrow as pa
import py_rust_stemmers
import Stemmer as pystemmer

import stemkit
import stemkit.arrow


def best_time(run, rounds):
    """The least wall time of `rounds` calls of `run`, and its last result."""
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tokens")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with open(args.tokens, encoding="utf-8") as f:
        words = f.read().split("\n")[:-1]
    n = len(words)
    array = pa.array(words)

    nltk_porter = nltk.stem.porter.PorterStemmer()
    pystem = pystemmer.Stemmer("english")
    rust = py_rust_stemmers.SnowballStemmer("english")
    ours = stemkit.PorterStemmer()
    ours_py = stemkit.Stemmer("english")

    contenders = [
        ("NLTK PorterStemmer().stem, per call", lambda: [nltk_porter.stem(w) for w in words], 1),
        ("PyStemmer 3.1 stemWord (english), per call", lambda: [pystem.stemWord(w) for w in words], args.rounds),
        ("PyStemmer 3.1 stemWords (english), list", lambda: pystem.stemWords(words), args.rounds),
        ("py-rust-stemmers stem_word, per call", lambda: [rust.stem_word(w) for w in words], args.rounds),
        ("py-rust-stemmers stem_words, list", lambda: rust.stem_words(words), args.rounds),
        ("py-rust-stemmers stem_words_parallel, list", lambda: rust.stem_words_parallel(words), args.rounds),
        ("stemkit PorterStemmer().stem, per call", lambda: [ours.stem(w) for w in words], args.rounds),
        ("stemkit Stemmer('english').stemWord, per call", lambda: [ours_py.stemWord(w) for w in words], args.rounds),
        ("stemkit Stemmer('english').stemWords, list", lambda: ours_py.stemWords(words), args.rounds),
        ("stemkit stem_words(list)", lambda: stemkit.stem_words(words), args.rounds),
        ("stemkit stem_words(list, threads=1)", lambda: stemkit.stem_words(words, threads=1), args.rounds),
        ("stemkit arrow.stem(pyarrow array)", lambda: stemkit.arrow.stem(array), args.rounds),
        ("stemkit arrow.stem(pyarrow array, threads=1)", lambda: stemkit.arrow.stem(array, threads=1), args.rounds),
    ]
    rates, results = {}, {}
    for name, run, rounds in contenders:
        seconds, result = best_time(run, rounds)
        rates[name] = n / seconds
        results[name] = result
        print(f"  {name}: {n / seconds / 1e6:.2f} M words/s", file=sys.stderr, flush=True)

    print(f"\n{n:,} news tokens, one process, best of {args.rounds} (NLTK: 1 round)\n")
    print("| stemmer | words/s | vs NLTK |")
    print("|---|---:|---:|")
    base = rates["NLTK PorterStemmer().stem, per call"]
    for name, _, _ in contenders:
        print(f"| {name} | {rates[name] / 1e6:.2f} M | {rates[name] / base:.1f}x |")

    targets = [
        ("PorterStemmer().stem per call vs NLTK", "stemkit PorterStemmer().stem, per call", "NLTK PorterStemmer().stem, per call", 30.0),
        ("PorterStemmer().stem per call vs PyStemmer stemWord", "stemkit PorterStemmer().stem, per call", "PyStemmer 3.1 stemWord (english), per call", 1.0),
        ("stem_words(list) vs PyStemmer stemWords", "stemkit stem_words(list)", "PyStemmer 3.1 stemWords (english), list", 3.0),
        ("arrow.stem vs PyStemmer stemWords", "stemkit arrow.stem(pyarrow array)", "PyStemmer 3.1 stemWords (english), list", 10.0),
    ]
    print("\n| target | ratio | wanted | |")
    print("|---|---:|---:|---|")
    for label, ours_name, theirs_name, wanted in targets:
        ratio = rates[ours_name] / rates[theirs_name]
        verdict = "PASS" if ratio >= wanted else "MISS"
        print(f"| {label} | {ratio:.2f}x | >= {wanted:g}x | {verdict} |")

    nltk_stems = results["NLTK PorterStemmer().stem, per call"]
    checks = {
        "stemkit per call == NLTK": results["stemkit PorterStemmer().stem, per call"] == nltk_stems,
        "stemkit stem_words == NLTK": results["stemkit stem_words(list)"] == nltk_stems,
        "stemkit arrow.stem == NLTK": results["stemkit arrow.stem(pyarrow array)"].to_pylist() == nltk_stems,
        "stemkit stemWords == PyStemmer": results["stemkit Stemmer('english').stemWords, list"]
        == results["PyStemmer 3.1 stemWords (english), list"],
    }
    print()
    for label, ok in checks.items():
        print(f"{label}: {'identical' if ok else 'DIFFERENT'}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
