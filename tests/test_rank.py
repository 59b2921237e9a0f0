"""Our vectorised ranker: verbatim, bounded, central, recent-leaning, and fast."""

from __future__ import annotations

import random
import time

import numpy as np
import pytest
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from mailsum.text import rank
from mailsum.text.segment import SumyTokenizer

ENGLISH = [
    "The VPN gateway drops connections for remote staff every evening.",
    "Our lunch order arrived late.",
    "We updated the VPN gateway firmware but remote connections still drop.",
    "The office plants need water.",
    "After the second firmware update the VPN gateway keeps remote connections stable.",
]
GERMAN = [
    "Der Drucker im zweiten Stock druckt seit Montag keine Etiketten mehr.",
    "Das Wetter ist heute schön.",
    "Wir haben den Druckertreiber neu installiert, aber die Etiketten fehlen weiterhin.",
    "In der Kantine gibt es Suppe.",
    "Nach dem Tausch der Etikettenrolle druckt der Drucker wieder Etiketten.",
]
OFF_TOPIC = {ENGLISH[1], ENGLISH[3], GERMAN[1], GERMAN[3]}


@pytest.mark.parametrize(("sentences", "language"), [(ENGLISH, "english"), (GERMAN, "german")])
@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_summary_is_verbatim_bounded_ordered_and_central(
    sentences: list[str], language: str, count: int
) -> None:
    out = rank.summarize(sentences, count, language)
    assert len(out) == count
    assert [sentences.index(s) for s in out] == sorted(sentences.index(s) for s in out)
    if count <= 3:
        assert not OFF_TOPIC & set(out)


def test_centrality_is_a_distribution_and_isolated_sentences_rank_low() -> None:
    scores = rank.centrality(ENGLISH, "english")
    assert scores.shape == (len(ENGLISH),)
    assert scores.sum() == pytest.approx(1.0)
    assert max(scores[1], scores[3]) < min(scores[0], scores[2], scores[4])


def test_short_and_duplicate_input() -> None:
    assert rank.summarize([], 3) == []
    assert rank.summarize(ENGLISH[:2], 3) == ENGLISH[:2]
    out = rank.summarize([ENGLISH[0], ENGLISH[0], ENGLISH[2], ENGLISH[4]], 3)
    assert sorted(out) == sorted({ENGLISH[0], ENGLISH[2], ENGLISH[4]})
    assert rank.centrality(["Only one."]).tolist() == [1.0]


def test_weights_favour_recent_sentences() -> None:
    same = [f"Backup job failed on server {n} tonight." for n in ("one", "two", "three")]
    assert rank.summarize(same, 1, weights=[1.0, 1.0, 1.5]) == [same[2]]
    assert rank.summarize(same, 1, weights=[1.5, 1.0, 1.0]) == [same[0]]


def _synthetic(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    topics = [["server", "backup", "disk", "restore", "nightly"],
              ["printer", "toner", "queue", "driver", "label"],
              ["vpn", "gateway", "firmware", "remote", "tunnel"]]  # fmt: skip
    filler = ["the", "a", "of", "for", "with", "after", "before", "again", "still", "today",
              "team", "customer"]
    out = []
    for i in range(n):
        words = rnd.sample(topics[i % 3], 3) + rnd.sample(filler, 4) + [f"item{i}"]
        rnd.shuffle(words)
        out.append(" ".join(words).capitalize() + ".")
    return out


def _lexrank(sentences: list[str], count: int) -> list[str]:
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tok = SumyTokenizer("english")
    doc = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in sentences])])
    return [s._text for s in summarizer(doc, count)]


def test_much_faster_than_sumy_lexrank() -> None:
    sentences = _synthetic(300)
    rank.summarize(sentences, 5)  # warm the stemmer cache
    start = time.perf_counter()
    rank.summarize(sentences, 5)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    _lexrank(sentences, 5)
    theirs = time.perf_counter() - start
    assert theirs > 10 * ours


def test_similarity_matches_dense_cosine() -> None:
    sentences = _synthetic(40)
    sim = rank._similarity(sentences, "english")
    assert np.allclose(sim, sim.T)
    # cosine: at most 1 off the diagonal, and sentences of one topic are closer than across
    assert sim.max() <= 1.0 + 1e-9
    same = np.mean([sim[i, j] for i in range(40) for j in range(40) if i != j and i % 3 == j % 3])
    other = np.mean([sim[i, j] for i in range(40) for j in range(40) if i % 3 != j % 3])
    assert same > 2 * other


@pytest.mark.parametrize("language", ["german", "english"])
def test_stop_words_are_sumys_own_lists(language):
    from sumy.utils import get_stop_words

    from mailsum.text.rank import stop_words as _stop_words

    assert _stop_words(language) == frozenset(get_stop_words(language))


def test_a_sentence_said_twice_in_other_words_is_summarised_once() -> None:
    sentences = [
        "Ich richte die beiden Konten und die Postfächer bis Freitag ein.",
        "Für den PDM-Zugang von Frau Wolf: Welche Projektordner soll sie sehen?",
        "Die Lizenzen für SolidWorks sind bestellt.",
        "Offen ist nur noch der PDM-Zugang: Welche Projektordner soll Frau Wolf sehen?",
        "Frau Wolf braucht den PDM-Zugang für die Projektordner ab Montag.",
    ]
    picked = rank.summarize(sentences, 2, "german")
    assert len(picked) == 2
    assert not {sentences[1], sentences[3]} <= set(picked)


def test_repeats_fill_in_when_nothing_else_is_left() -> None:
    sentences = ["Welche Projektordner soll Frau Wolf sehen?",
                 "Offen ist nur noch: Welche Projektordner soll Frau Wolf sehen?",
                 "Danke."]
    assert len(rank.summarize(sentences, 3, "german")) == 3
