"""The cue tables: every fragment can match where it is used.

A fragment is wrapped in word boundaries (``cues._words``); one that must end in a space or
other non-word character can then never match, and nothing else would notice: the verb-first
promise "Werde das morgen weitergeben" was dead that way until 2026-11-27.
"""

from __future__ import annotations

import re

import pytest

from mailsum import cues

_BOUNDED = ("REQUEST", "TODO", "BLOCKER", "QUESTION_ANYWHERE", "RESOLUTION", "TAKEOVER",
            "ESCALATION", "SENT_NOW", "NO_PROMISE", "ABSENCE", "NEGATION")


def _without_trailing_lookarounds(fragment: str) -> str:
    """Drop lookarounds at the end: they consume nothing, so what precedes them ends the match."""
    while fragment.endswith(")"):
        depth = 0
        for i in range(len(fragment) - 1, -1, -1):
            if fragment[i] == ")" and fragment[i - 1:i] != "\\":
                depth += 1
            elif fragment[i] == "(" and fragment[i - 1:i] != "\\":
                depth -= 1
                if depth == 0:
                    break
        group = fragment[i:]
        if not group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
            return fragment
        fragment = fragment[:i]
    return fragment


def _ends_outside_a_word(fragment: str) -> bool:
    """The last thing the fragment consumes is an unescaped space or punctuation."""
    return bool(re.search(r"(?<!\\)[ ,;:]\)*$", _without_trailing_lookarounds(fragment)))


@pytest.mark.parametrize("table", _BOUNDED)
def test_no_fragment_needs_a_character_its_word_boundary_forbids(table: str) -> None:
    dead = [f for f in getattr(cues, table) if _ends_outside_a_word(f)]
    assert not dead


@pytest.mark.parametrize("table", _BOUNDED)
def test_every_fragment_compiles_alone(table: str) -> None:
    for fragment in getattr(cues, table):
        re.compile(fragment)


@pytest.mark.parametrize(("table", "sentence"), [
    ("TODO_RE", "Werde das Protokoll morgen weitergeben."),
    ("TODO_RE", "Meld mich heute Abend."),
    ("REQUEST_RE", "Ich würde mich sehr freuen, wenn Sie kommen."),
])
def test_word_bounded_fragments_match_in_a_sentence(table: str, sentence: str) -> None:
    assert getattr(cues, table).search(sentence)


def test_the_guard_catches_a_fragment_ending_in_a_space() -> None:
    assert _ends_outside_a_word(r"^\W*(?:werde|schicke) (?!sie\b|ihr\b)")
    assert _ends_outside_a_word(r"(?:ich|wir) (?:gebe|sage) ")
    assert not _ends_outside_a_word(r"^\W*(?:werde|schicke)(?= (?!sie\b|ihr\b))")
    assert not _ends_outside_a_word(r"schicken sie")
