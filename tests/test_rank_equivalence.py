"""Issue 21's ranker builds its similarity matrix for all terms at once; every cell must be
the same float, to the last bit, as the per-term reference (tests/rank_reference.py), so that
no tie between two sentences' scores can come out the other way.

Inputs: the own-text sentences of the bundled sample and of ../shared/corpora's mail (that
part skipped when the corpora are absent), taken as threads of 1 to 400 sentences in both
languages, plus edge cases (no words, no shared words, repeated words).
"""

from __future__ import annotations

import numpy as np
import pytest
import rank_reference as ref
from corpus import CORPORA, corpus_messages, sample_messages

from mailsum.errors import ParseError
from mailsum.parse.message import parse_message
from mailsum.text import rank
from mailsum.text.segment import split_sentences

MAIL_DIRS = ("zammad-mail-fixtures", "raw-email-fixtures", "threading", "codealltag-s-german",
             "codealltag-xl-finance-sample", "quagga-email-zoning")
SIZES = (1, 2, 3, 5, 8, 13, 40, 120, 400)


def _sentences(raws: list[bytes]) -> list[str]:
    out: list[str] = []
    for data in raws:
        try:
            msg = parse_message(data)
        except ParseError:
            continue
        out.extend(split_sentences(msg.own_text))
    return out


def _corpus() -> list[str]:
    if not CORPORA.is_dir():
        return []
    return _sentences([data for name in MAIL_DIRS for _, data in
                       corpus_messages(CORPORA / name, {".yml", ".json", ".md", ".tsv", ".ann"})])


def _threads(sentences: list[str]) -> list[list[str]]:
    """Consecutive runs of the sentences, of every size in SIZES."""
    out = []
    for size in SIZES:
        for start in range(0, len(sentences), size * 7 + 1):
            out.append(sentences[start:start + size])
    return out


EDGE = [
    [], ["Only one."], ["", "..."], ["Alpha beta.", "Gamma delta."],
    ["printer printer printer", "printer", "the printer is broken printer"],
    ["Der Drucker druckt nicht.", "Der Drucker druckt wieder.", "Danke für die Hilfe!"],
]


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("language", ["english", "german"])
def test_edge_cases_bit_identical(language: str) -> None:
    for sentences in EDGE:
        assert _same(rank._similarity(sentences, language), ref.similarity(sentences, language))


@pytest.mark.parametrize("source", ["sample", "corpora"])
def test_every_thread_bit_identical(source: str) -> None:
    sentences = _sentences(sample_messages()) if source == "sample" else _corpus()
    if not sentences:
        pytest.skip("../shared/corpora not present")
    threads = _threads(sentences)
    assert len(threads) > 20
    for sentences in threads:
        for language in ("english", "german"):
            new = rank._similarity(sentences, language)
            assert _same(new, ref.similarity(sentences, language)), sentences[:3]


def test_summaries_unchanged_with_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through summarize: the same picks with the reference similarity swapped in."""
    threads = _threads(_sentences(sample_messages()) + _corpus()[:3000])
    new = [rank.summarize(t, 3, lang) for t in threads for lang in ("english", "german")]
    monkeypatch.setattr(rank, "_similarity", ref.similarity)
    old = [rank.summarize(t, 3, lang) for t in threads for lang in ("english", "german")]
    assert new == old
