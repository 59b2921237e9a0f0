"""Summary ranking alone: mailsum.text.summarize.summarize against sumy's LexRank, same input."""

from __future__ import annotations

import time
from collections.abc import Iterable


def unique_sentences(texts: Iterable[str], wanted: int) -> list[str]:
    """The first ``wanted`` distinct sentences of the texts, split by mailsum's segmenter."""
    from mailsum.text.segment import split_sentences

    seen: dict[str, None] = {}
    for text in texts:
        for sentence in split_sentences(text):
            seen.setdefault(sentence, None)
            if len(seen) >= wanted:
                return list(seen)
    return list(seen)


def ours(sentences: list[str], count: int, language: str) -> tuple[float, list[str]]:
    from mailsum.text.summarize import summarize

    start = time.perf_counter()
    chosen = summarize(sentences, count, language)
    return time.perf_counter() - start, chosen


def lexrank(sentences: list[str], count: int, language: str) -> tuple[float, list[str]]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from mailsum.text.segment import SumyTokenizer

    lang = {"de": "german", "en": "english"}[language]
    tokenizer = SumyTokenizer(lang)
    start = time.perf_counter()
    summarizer = LexRankSummarizer(Stemmer(lang))
    summarizer.stop_words = get_stop_words(lang)
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    chosen = [str(s) for s in summarizer(document, count)]
    return time.perf_counter() - start, chosen


def overlap(a: list[str], b: list[str]) -> float:
    return len(set(a) & set(b)) / max(len(b), 1)
