"""Whether a later sentence answers an open point: the other side wrote back on its topic.

A question we put to the customer ("Welche CAD-Lizenzen sollen die beiden bekommen –
SolidWorks Standard oder Professional?") is settled by their reply ("beide bekommen SolidWorks
Standard"), though no word like "erledigt" is in it; left open, the update would keep asking the
contact about something the customer answered days ago. The test is deliberately narrow: the
reply's sentence must be a statement (a question back or a promise to find out is no answer,
the caller passes only statements), come from the other side, and share the question's topic
words: at least two of them (a shared date counts as two), or one when the question has no
more than two ("Passt Ihnen der Termin?" → "Der 05.12. passt uns leider nicht").

The same test links our promise to the customer's request it takes on ("Bitte erneuern Sie das
Zertifikat bis zum 30.11." → "ich erneuere das Zertifikat bis Freitag, 27.11."): one task, so
the update shows one point, owned by whoever promised, due when they promised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

from mailsum.text.rank import stop_words
from mailsum.text.segment import tokenize_words

_MIN_SHARED = 2
# Words of any mail, beyond sumy's short stop lists: pronouns, politeness, asking itself.
_GENERIC = frozenset((
    "ihnen", "uns", "mir", "mich", "dir", "euch", "ihr", "ob", "bitte", "danke", "dank", "vielen",
    "gerne", "gern", "welche", "welcher", "welches", "welchen", "leider", "kurz", "kurze", "noch",
    "schon", "mal", "einmal", "nochmal", "bescheid", "geben", "sagen", "mitteilen", "schicken",
    "senden", "kann", "könnt", "können", "könnten", "würden", "würde", "sollen", "soll",
    "sollten", "müssen", "muss", "frage", "fragen", "info", "infos", "information",
    "informationen", "mail", "e-mail", "nachricht", "ticket", "please", "thanks", "thank",
    "could", "would", "should", "send", "let", "know", "tell", "give", "need", "needs", "get",
    "got", "question", "questions", "email", "message", "also", "just", "still", "herr", "herrn",
    "frau", "mr", "mrs", "ms",
))


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Callable[[str], str]:
    return snowballstemmer.stemmer(language).stemWord


@lru_cache(maxsize=2)
def _noise() -> frozenset[str]:
    return stop_words("german") | stop_words("english") | _GENERIC


_DAY_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})\.?(?:\d{2}|\d{4})?")


@lru_cache(maxsize=16384)  # words recur across a mailbox: stemming was 8 % of a busy first run
def _word(word: str) -> str:
    """"05.12.2026" and "5.12." are one date; words in either language reduced to a stem."""
    date = _DAY_MONTH.fullmatch(word)
    if date:
        return f"{int(date[1])}.{int(date[2])}"
    return _stemmer("english")(_stemmer("german")(word))


@lru_cache(maxsize=8192)
def topic_words(text: str) -> frozenset[str]:
    """The words that carry a sentence's topic, as comparable stems."""
    noise = _noise()
    words = (w.lower() for w in tokenize_words(text))
    return frozenset(_word(w) for w in words
                     if w not in noise and (len(w) >= 3 or any(c.isdigit() for c in w)))


_MIN_COMPOUND_PART = 4  # stems: "ordn" of "Ordner"


def _in_compound(stem: str, others: frozenset[str]) -> bool:
    """German compounds: "Ordner" is the head of "Projektordner", "Projektordner" of
    "Kundenprojektordner" (the shorter stem at least four letters, the head at the end)."""
    return any(
        len(short) >= _MIN_COMPOUND_PART and long_.endswith(short)
        for other in others if other != stem and not other[:1].isdigit()
        for short, long_ in ((stem, other), (other, stem)) if len(short) < len(long_)
    )


def same_topic(a: str, b: str) -> bool:
    """Whether either speaks to the other's topic (``answers`` one way or the other)."""
    return answers(a, b) or answers(b, a)


def answers(question: str, statement: str) -> bool:
    """Whether ``statement`` speaks to the topic of ``question`` closely enough to settle it
    (or, from our side, whether our promise takes on the customer's request it names).

    A shared date or number ("05.12", "4.2.1") weighs two words: it is rarely shared by chance.
    """
    asked = topic_words(question)
    if not asked:
        return False
    said = topic_words(statement)
    shared = {w for w in asked if w in said or _in_compound(w, said)}
    weight = sum(2 if any(c.isdigit() for c in w) else 1 for w in shared)
    return weight >= min(_MIN_SHARED, (len(asked) + 1) // 2)


# the last "or" of an either-or question: what stands before it is one side, after it the other
_OR = re.compile(r"\s(?:or|oder)\s(?!not\b|nicht\b|so\b|so\?)", re.IGNORECASE)


def picks_alternative(question: str, statement: str) -> bool:
    """Whether ``statement`` picks one side of the either-or ``question`` ("… production AWS
    like the rest of the team, or only staging for now?" → "Staging only, please."): it names
    words of one side only. A reply naming both sides, or neither, picks nothing; nor does
    "or not" ("Soll das so bleiben oder nicht?"), which has one side. The words before "or"
    include the question's frame, so a reply naming only its object ("Der Drucker steht im
    2. OG" to "Drucker reparieren oder austauschen?") is read as a pick: callers use this only
    for the other side's next words on the matter."""
    if "?" not in question:
        return False
    cuts = list(_OR.finditer(question))
    if not cuts:
        return False
    cut = cuts[-1]
    first, second = topic_words(question[:cut.start()]), topic_words(question[cut.end():])
    only_first, only_second = first - second, second - first
    said = topic_words(statement)
    names_first = any(w in said or _in_compound(w, said) for w in only_first)
    names_second = any(w in said or _in_compound(w, said) for w in only_second)
    return names_first != names_second
