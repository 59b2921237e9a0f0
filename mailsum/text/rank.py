"""Our own sentence ranker: TF-IDF cosine graph and power iteration, vectorised with numpy.

sumy's LexRank and TextRank compare every pair of sentences in Python loops, which grows
quadratically in interpreted code (seconds for a long thread). Here the similarity graph is
one matrix product and the centrality a few matrix-vector products, so 1,000 sentences rank
in milliseconds. Words are lower-cased, stop words dropped and stemmed with the same Snowball
stemmer and stop-word lists sumy ships (no downloads); IDF comes from the thread itself.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from functools import cache, lru_cache

import numpy as np
import snowballstemmer

from mailsum.text.segment import tokenize_words

_LANGUAGES = {"de": "german", "en": "english", "german": "german", "english": "english"}
_DAMPING = 0.85
_TOLERANCE = 1e-5  # L1 change of scores that sum to 1
_MAX_ITERATIONS = 100


# Stemming with the Snowball project's own Python package: the same algorithms sumy reaches
# through NLTK, without NLTK's ~1.5 s of imports on every run that summarizes anything.


@lru_cache(maxsize=4)
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop-word lists, read as sumy.utils.get_stop_words reads them.

    Not through sumy.utils itself: importing it pulls in requests and pycountry (0.3 s), a
    third of a poll that brings 100 new messages.
    """
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{language.lower()}.txt")
    except OSError:  # a language sumy has no list for: English words are still noise
        data = pkgutil.get_data("sumy", "data/stopwords/english.txt")
    assert data is not None
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Callable[[str], str]:
    return snowballstemmer.stemmer(language).stemWord


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    return _stemmer(language)(word)


@lru_cache(maxsize=16384)  # a thread read again (its next slice, its next mail) repeats them
def _terms(sentence: str, language: str) -> tuple[str, ...]:
    stop = stop_words(language)
    words = (w.lower() for w in tokenize_words(sentence))
    return tuple(_stem(w, language) for w in words if w not in stop and not w.isdigit())


def _similarity(sentences: list[str], language: str) -> np.ndarray:
    """Cosine similarity of the sentences' TF-IDF vectors (sublinear tf, smoothed idf).

    Built from the term postings rather than a dense matrix product: only terms shared by
    two or more sentences add to it, which in mail text is a small share of the vocabulary.
    All terms at once, in a few array operations (issue 21: a numpy call per term was most
    of the ranking's cost on a busy mailbox's thousands of short threads); every sum adds the
    same numbers in the same order as one term after the other did, so the scores are the
    same to the last bit (tests/test_rank_equivalence.py).
    """
    n = len(sentences)
    postings: dict[str, dict[int, int]] = {}
    for r, sentence in enumerate(sentences):
        for term in _terms(sentence, language):
            row = postings.setdefault(term, {})
            row[r] = row.get(r, 0) + 1
    if not postings:
        return np.zeros((n, n))
    # one entry per (term, sentence), grouped by term in first-seen order as before
    sizes = np.fromiter((len(row) for row in postings.values()), dtype=np.int64,
                        count=len(postings))
    total = int(sizes.sum())
    rows = np.fromiter((r for row in postings.values() for r in row), dtype=np.int64,
                       count=total)
    counts = np.fromiter((c for row in postings.values() for c in row.values()),
                         dtype=np.float64, count=total)
    idf = np.log((1 + n) / (1 + sizes).astype(np.float64)) + 1.0
    val = (1.0 + np.log(counts)) * np.repeat(idf, sizes)
    # bincount adds each sentence's squares in entry order: the old per-term order
    norms = np.sqrt(np.maximum(np.bincount(rows, weights=val * val, minlength=n), 1e-24))
    shared = sizes > 1
    if not shared.any():
        return np.zeros((n, n))
    # every ordered pair of entries within a shared term, term after term, row-major as
    # np.outer(val, val).ravel() lists them
    starts = (np.cumsum(sizes) - sizes)[shared]
    k = sizes[shared]
    pairs = k * k
    offset = np.arange(int(pairs.sum()), dtype=np.int64) - np.repeat(np.cumsum(pairs) - pairs,
                                                                     pairs)
    k_rep = np.repeat(k, pairs)
    base = np.repeat(starts, pairs)
    a = base + offset // k_rep
    b = base + offset % k_rep
    cells = rows[a] * n + rows[b]
    sim = np.bincount(cells, weights=val[a] * val[b], minlength=n * n).reshape(n, n)
    return sim / norms[:, None] / norms[None, :]


def centrality(sentences: list[str], language: str = "english") -> np.ndarray:
    """Continuous LexRank score of each sentence (sums to 1; uniform for fewer than two)."""
    n = len(sentences)
    if n == 0:
        return np.zeros(0)
    if n == 1:
        return np.ones(1)
    lang = _LANGUAGES.get(language, "english")
    sim = _similarity(sentences, lang)
    np.fill_diagonal(sim, 0.0)  # a sentence must not vote for itself
    sums = sim.sum(axis=1, keepdims=True)
    # a sentence that shares no word with the rest links to all alike
    trans = np.where(sums > 0, sim / np.maximum(sums, 1e-12), 1.0 / n).astype(np.float32)
    scores = np.full(n, 1.0 / n, dtype=np.float32)
    for _ in range(_MAX_ITERATIONS):
        new = (1.0 - _DAMPING) / n + _DAMPING * (scores @ trans)
        done = np.abs(new - scores).sum() < _TOLERANCE
        scores = new
        if done:
            break
    scores = scores.astype(np.float64)
    return scores / scores.sum()


def summarize(
    sentences: list[str],
    count: int,
    language: str = "english",
    weights: list[float] | None = None,
) -> list[str]:
    """The ``count`` most central of ``sentences``, verbatim and in their original order.

    ``weights`` scale the scores (extract favours later messages); ties keep the earlier
    sentence; a duplicate sentence counts once and is returned once.
    """
    count = max(count, 0)
    first: dict[str, int] = {}
    for i, text in enumerate(sentences):
        first.setdefault(text, i)
    unique = sorted(first.values())
    if len(unique) <= count:
        return [sentences[i] for i in unique]
    if count == 0:
        return []
    scores = centrality([sentences[i] for i in unique], language)
    if weights is not None:
        scores = scores * np.array([weights[i] for i in unique])
    ranked = sorted(range(len(unique)), key=lambda j: (-scores[j], j))
    lang = _LANGUAGES.get(language, "english")

    @cache
    def terms(j: int) -> frozenset[str]:  # only for the sentences the pick looks at
        return frozenset(_terms(sentences[unique[j]], lang))

    return [sentences[unique[j]] for j in sorted(_without_repeats(ranked, terms, count))]


def _repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    """One sentence says again what the other said: nearly all of the shorter one's terms
    are in the longer one ("Welche Projektordner soll Frau Wolf sehen?" asked twice). Not
    cosine: two sentences on one topic with different news ("the gateway drops connections" /
    "after the update the gateway keeps connections stable") are as close by cosine."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 3 and len(small & large) >= 0.9 * len(small)


def _without_repeats(ranked: list[int], terms: Callable[[int], frozenset[str]],
                     count: int) -> list[int]:
    """The best ``count`` of ``ranked``, passing over repeats of a sentence already picked
    while others are left."""
    picked: list[int] = []
    repeats: list[int] = []
    for j in ranked:
        if len(picked) == count:
            break
        if any(_repeats(terms(j), terms(k)) for k in picked):
            repeats.append(j)
        else:
            picked.append(j)
    return picked + repeats[: count - len(picked)]
