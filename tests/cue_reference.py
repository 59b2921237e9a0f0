"""The cue matching as it was before issue 21, for tests/test_cue_equivalence.py only.

Each word-bounded table is the one regex it used to be, ``(?<![\\w-])(?:p1|p2|…)(?![\\w-])``
over the same phrases of ``mailsum.extract.cues`` (so the comparison follows the tables as
they grow), and the sentence tests are the functions of mailsum/extract/points.py at 24e0cf7
running on those regexes, without memory.
"""

from __future__ import annotations

import re

from mailsum.extract import cues
from mailsum.text.screen import PhraseTable

# every screened table of cues, by name, as one plain regex
OLD: dict[str, re.Pattern[str]] = {
    name: re.compile(value.pattern, re.IGNORECASE)
    for name, value in vars(cues).items() if isinstance(value, PhraseTable)
}

_IF_YOU = re.compile(
    r"\b(?:(?:if|in case|in the event(?: that)?|falls|sofern|im falle?)\s+(?!(?:i|we|ich|wir)\b)"
    r"|wenn\s+(?:you|u|(?-i:Sie)|du|ihr)\b)[^,;:.!?]*$", re.IGNORECASE
)
_UNREACHABLE = re.compile(r"nicht erreichbar|unreachable|not reachable", re.IGNORECASE)


def rule_kind(sentence: str, due_found: bool = False) -> str | None:
    sentence = " ".join(sentence.split())
    if cues.IGNORE_RE.match(sentence) or cues.BOILERPLATE_RE.match(sentence):
        return None
    if reports_blocker(sentence):
        return "blocker"
    if OLD["REQUEST_RE"].search(sentence) or cues.IMPERATIVE_RE.match(sentence):
        return "request"
    if (cues.QUESTION_END_RE.search(sentence) or cues.QUESTION_START_RE.match(sentence)
            or OLD["QUESTION_ANYWHERE_RE"].search(sentence)):
        return "question"
    if OLD["TODO_RE"].search(sentence) and not nothing_promised(sentence):
        return "todo"
    return "deadline" if due_found else None


def nothing_promised(sentence: str) -> bool:
    if OLD["NO_PROMISE_RE"].search(sentence):
        return True
    return bool(OLD["SENT_NOW_RE"].search(sentence)) and not OLD["FUTURE_RE"].search(sentence)


def reports_blocker(sentence: str) -> bool:
    away = OLD["ABSENCE_RE"].search(sentence) is not None
    return any(not _IF_YOU.search(sentence[: m.start()])
               and not (away and _UNREACHABLE.fullmatch(m.group(0)))
               for m in OLD["BLOCKER_RE"].finditer(sentence))


def is_resolution(sentence: str) -> bool:
    sentence = " ".join(sentence.split())
    cues_found = list(OLD["RESOLUTION_RE"].finditer(sentence))
    if not cues_found:
        return False
    if cues.QUESTION_END_RE.search(sentence) or OLD["BLOCKER_RE"].search(sentence):
        return False
    return any(not cues.NEGATION_BEFORE_RE.search(sentence[: m.start()]) for m in cues_found)
