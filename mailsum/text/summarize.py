"""Extractive thread summaries, offline and verbatim.

Default method "rank": our vectorised LexRank (``mailsum.text.rank``), which scores higher on the
BC3 benchmark than sumy's rankers and is orders of magnitude faster on long threads.
"textrank" keeps sumy's TextRank (with our tokenizer, so sumy never loads NLTK's punkt data).
Both expose per-sentence ratings, which lets us favour recent messages: each rating is
multiplied by the caller's weight (extract gives sentences of later messages up to 1.5x the
weight of the first message's), so the summary leans to where the thread stands now without
ignoring how it started.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mailsum.text import rank
from mailsum.text.segment import SumyTokenizer

_LANGUAGES = {"de": "german", "en": "english"}


@lru_cache(maxsize=4)
def _summarizer(language: str) -> Any:
    """sumy's TextRank without self-loops, with dangling sentences linked to all.

    sumy keeps each sentence's similarity to itself in the graph, so a sentence that shares no
    word with the rest keeps its own rank and scores as high as the thread's central sentences.
    sumy (and NLTK behind it) is imported here, on first use, to keep start-up fast.
    """
    import numpy
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class _TextRank(TextRankSummarizer):  # type: ignore[misc]
        def _create_matrix(self, document: Any) -> Any:
            words = [self._to_words_set(s) for s in document.sentences]
            n = len(words)
            weights = numpy.zeros((n, n))
            for i in range(n):
                for j in range(i + 1, n):
                    weights[i, j] = weights[j, i] = self._rate_sentences_edge(words[i], words[j])
            weights[weights.sum(axis=1) == 0] = 1.0 / n
            weights /= weights.sum(axis=1)[:, numpy.newaxis]
            return numpy.full((n, n), (1.0 - self.damping) / n) + self.damping * weights

    summarizer = _TextRank(Stemmer(language))
    summarizer.stop_words = get_stop_words(language)
    return summarizer


def summarize(
    sentences: list[str],
    count: int,
    language: str,
    weights: list[float] | None = None,
    method: str = "rank",
) -> list[str]:
    """Pick ``count`` of ``sentences`` (verbatim, in their original order).

    ``weights`` (one per sentence, default 1.0) scale the ratings; ties keep the earlier
    sentence. Duplicate sentences are rated once and returned at most once. ``method`` is
    "rank" (ours) or "textrank" (sumy's).
    """
    if method == "rank":
        return rank.summarize(sentences, count, _LANGUAGES.get(language, language), weights)
    if method != "textrank":
        raise ValueError(f"unknown summary method {method!r}")
    count = max(count, 0)
    if len(sentences) <= count:
        return list(sentences)
    if count == 0:
        return []
    lang = _LANGUAGES.get(language, language if language in _LANGUAGES.values() else "english")
    tokenizer = SumyTokenizer(lang)
    first: dict[str, int] = {}
    for i, text in enumerate(sentences):
        first.setdefault(text, i)
    unique = sorted(first.values())
    if len(unique) <= count:
        return [sentences[i] for i in unique]
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    doc_sentences = [Sentence(sentences[i], tokenizer) for i in unique]
    document = ObjectDocumentModel([Paragraph(doc_sentences)])
    ratings = _summarizer(lang).rate_sentences(document)
    w = weights or [1.0] * len(sentences)
    scored = [(ratings.get(s, 0.0) * w[i], -i) for s, i in zip(doc_sentences, unique, strict=True)]
    best = sorted(scored, reverse=True)[:count]
    return [sentences[-neg] for _, neg in sorted(best, key=lambda x: -x[1])]
