"""The cue tables: no fragment is dead where it is used.

A fragment is wrapped in word boundaries (``cues._words``: no word character may follow). One
that can only end in a space then matches nothing, and one with an alternative that ends in a
space loses that alternative ("frage (?:von mir |wäre)" never matched "Frage von mir wäre");
nothing else would notice. The verb-first promise "Werde das morgen weitergeben" was dead that
way until 2026-11-27. The check walks the parsed pattern, so it sees inside groups and branches.
"""

from __future__ import annotations

import re
import re._constants as sc  # the regex parser of the standard library: a stable tree
import re._parser as sp

import pytest

from mailsum.extract import cues

_BOUNDED = ("REQUEST", "TODO", "BLOCKER", "QUESTION_ANYWHERE", "RESOLUTION", "TAKEOVER",
            "ESCALATION", "SENT_NOW", "NO_PROMISE", "ABSENCE", "NEGATION")
_ZERO_WIDTH = (sc.ASSERT, sc.ASSERT_NOT, sc.AT)
_REPEATS = (sc.MAX_REPEAT, sc.MIN_REPEAT, getattr(sc, "POSSESSIVE_REPEAT", sc.MAX_REPEAT))


def _can_end_in_space(seq: sp.SubPattern | list) -> tuple[bool, bool]:
    """(can the last character consumed be whitespace, can the sequence match empty)."""
    for op, av in reversed(list(seq)):
        space, empty = _item(op, av)
        if space:
            return True, False
        if not empty:
            return False, False
    return False, True


def _item(op: object, av: object) -> tuple[bool, bool]:
    if op is sc.LITERAL:
        return chr(av).isspace(), False
    if op is sc.IN:
        return any(o is sc.LITERAL and chr(a).isspace()
                   or o is sc.CATEGORY and a in (sc.CATEGORY_SPACE, sc.CATEGORY_NOT_WORD)
                   or o is sc.NEGATE for o, a in av), False
    if op is sc.SUBPATTERN:
        return _can_end_in_space(av[-1])
    if op is sc.BRANCH:
        ends = [_can_end_in_space(b) for b in av[1]]
        return any(s for s, _ in ends), any(e for _, e in ends)
    if op in _REPEATS:
        low, _, sub = av
        space, empty = _can_end_in_space(sub)
        return space, low == 0 or empty
    if op in _ZERO_WIDTH:
        return False, True
    if op is sc.CATEGORY:
        return av in (sc.CATEGORY_SPACE, sc.CATEGORY_NOT_WORD), False
    return op in (sc.ANY, sc.NOT_LITERAL), False


def _ends_in_space(fragment: str) -> bool:
    return _can_end_in_space(sp.parse(fragment, re.IGNORECASE))[0]


def _table(name: str) -> tuple[str, ...]:
    return getattr(cues, name)


@pytest.mark.parametrize("table", _BOUNDED)
def test_no_fragment_can_end_in_a_space(table: str) -> None:
    assert not [f for f in _table(table) if _ends_in_space(f)]


@pytest.mark.parametrize(("table", "sentence"), [
    ("TODO_RE", "Werde das Protokoll morgen weitergeben."),
    ("TODO_RE", "Meld mich heute Abend."),
    ("QUESTION_ANYWHERE_RE", "Eine weitere Frage von mir wäre, wann die Rate fällig ist."),
    ("REQUEST_RE", "Ich würde mich sehr freuen, wenn Sie kommen."),
])
def test_word_bounded_fragments_match_in_a_sentence(table: str, sentence: str) -> None:
    assert getattr(cues, table).search(sentence)


def test_the_guard_sees_a_space_inside_groups_and_branches() -> None:
    assert _ends_in_space(r"^\W*(?:werde|schicke) (?!sie\b|ihr\b)")
    assert _ends_in_space(r"frage (?:von mir |w[äa]re|ist)")
    assert _ends_in_space(r"(?:ich|wir) (?:gebe|sage)(?: \w+)? ")
    assert not _ends_in_space(r"^\W*(?:werde|schicke)(?= (?!sie\b|ihr\b))")
    assert not _ends_in_space(r"frage (?:von mir )?(?:w[äa]re|ist)")
    assert not _ends_in_space(r"w[äa]re es (?:o\.?k\.?|okay)")
