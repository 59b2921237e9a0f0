"""The speed-ups of issue 7 in dates.py and segment.py change no result.

parse_due skips patterns that cannot match (keyword screens); the reference here runs every
pattern, as parse_due did before. segment finds the word before a period by walking back
instead of a regex search over the whole prefix; the reference is that regex.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from mailsum.extract import dates
from mailsum.text import segment

WORDS = [
    "bis", "Freitag", "FREITAG", "by", "friday", "Kalenderwoche", "KW", "12", "3.", "4.", "2025",
    "-", "/", "Ende", "der", "Woche", "end", "of", "the", "day", "business", "close", "heute",
    "noch", "morgen", "übermorgen", "tomorrow", "next", "week", "März", "May", "may", "Jan.",
    "EOD", "cob", "eow", "eom", "Monatsende", "month", "am", "on", "3rd", "until", ",", "\n",
    "spätestens", "zum", "15.12.", "12/15", "Nr.", "z.B.", "der 2.", "(3.", "U.S.", "!", "...",
    "ſ", "İ", "ı", "K", "٣",
]  # fmt: skip


def _reference_due(sentence: str, sent: datetime, language: str) -> date | None:
    """parse_due without the screens: every pattern on every sentence."""
    today = dates.local_date(sent)
    found: list[tuple[int, int, int, date]] = []
    for order, (kind, pattern) in enumerate(dates._PATTERNS):
        for m in pattern.finditer(sentence):
            due = dates._resolve(kind, m, today, language)
            if due is not None and due >= today:
                found.append((m.start(), m.end(), order, due))
                break
    calendar = [f for f in found if dates._PATTERNS[f[2]][0] in dates._CALENDAR]
    found = [
        f for f in found
        if dates._PATTERNS[f[2]][0] != "weekday"
        or not any(0 <= c[0] - f[1] <= 6 or c[0] < f[1] and f[0] < c[1] for c in calendar)
    ]
    # the same choice as parse_due: a date a deadline word introduces first, then the earliest
    return min(found, key=lambda f: (not dates._deadline(sentence, f[0], f[1]), f))[3] \
        if found else None


def _outcome(fn: object, *args: object) -> object:
    try:
        return fn(*args)  # type: ignore[operator]
    except Exception as exc:  # the reference's own errors must stay the same too
        return type(exc).__name__


sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)
sent_dates = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=800, deadline=None)
@given(sentences, sent_dates, st.sampled_from(["de", "en"]))
def test_screened_parse_due_equals_running_every_pattern(
    sentence: str, sent: datetime, language: str
) -> None:
    assert _outcome(dates.parse_due, sentence, sent, language) == _outcome(
        _reference_due, sentence, sent, language
    )


def test_screens_cover_every_pattern_kind() -> None:
    assert set(dates._SCREENS) == {kind for kind, _ in dates._PATTERNS}


_WORD_BEFORE = re.compile(r"(\S+)$")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, " ", "  ", "\t", "x", "A.", "\u2028"]), max_size=12))
def test_last_word_equals_the_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    start, stop = segment._last_word(text, len(text))
    m = _WORD_BEFORE.search(text)
    assert text[start:stop] == (m.group(1) if m else "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, " ", "\n\n", "- item\n", "Hallo Tom,\n"]), max_size=30))
def test_split_sentences_are_verbatim_and_complete(pieces: list[str]) -> None:
    text = " ".join(pieces)
    out = segment.split_sentences(text)
    assert all(s in text and s == s.strip() for s in out)
    assert "".join("".join(out).split()) == "".join(text.split())


def test_long_unwrapped_paragraph_splits_at_every_sentence() -> None:
    """100 KB on one line with abbreviations everywhere (37 s before issue 7; timed in
    benchmarks, not here: tests assert behaviour, never speed)."""
    text = "Bitte siehe Nr. 5 und Abs. 3 sowie z.B. die Anlage. " * 2000
    out = segment.split_sentences(text)
    assert len(out) == 2000
    assert all(s == "Bitte siehe Nr. 5 und Abs. 3 sowie z.B. die Anlage." for s in out)
