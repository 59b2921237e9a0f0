"""Cue words (German and English) that mark requests, commitments, blockers and the like.

Plain data, kept apart from the rules that use it so wording can grow without touching logic.
Each table lives in its own module as named entries (``mailsum.text.cuetable.Cue``), each with
sentences it must and must not match (asserted by tests/test_cue_entries.py); here the tables
are compiled once and registered for ``mailsum extract --explain``. Fragments are lower case,
matched case-insensitively.
"""

from __future__ import annotations

import re

from mailsum.extract.cues import (
    blocker,
    boilerplate,
    discourse,
    escalation,
    promise,
    question,
    request,
    resolution,
    todo,
)
from mailsum.text.cuetable import CueTable, alternation, registry
from mailsum.text.screen import PhraseTable, Screen

# Every word-bounded table shares one index of its phrases' keywords: a sentence's words are
# read once for all of them, and a table runs only the phrases that may match (issue 21).
SCREEN = Screen()


def _words(cues: CueTable) -> PhraseTable:
    r"""``(?<![\w-])(?:p1|p2|…)(?![\w-])``, longest phrase first, case-insensitive: the same
    matches, at a cost that does not grow with the number of phrases (``mailsum.text.screen``)."""
    return SCREEN.table(cues.phrases)


def _regex(cues: CueTable) -> re.Pattern[str]:
    """A table matched in its own form (anchored ones): one alternation, compiled once."""
    return cues.compile(cues.phrases)


# a promise of the future beside the attachment: "morgen schicke ich Ihnen … anbei"
FUTURE = promise.FUTURE
# Every table by name, for ``mailsum extract --explain`` and tests/test_cue_entries.py.
TABLES = registry(
    request.REQUEST, question.IMPERATIVE, question.QUESTION_START, question.QUESTION_ANYWHERE,
    todo.TODO, blocker.BLOCKER, blocker.FAULT_DETAIL, blocker.ABSENCE, escalation.ESCALATION,
    resolution.RESOLUTION, resolution.NEGATION, resolution.TICKET_CLOSED, promise.TAKEOVER,
    promise.PROPOSAL, promise.PROMISE_ON_IT, promise.SENT_NOW, promise.NO_PROMISE, FUTURE,
    boilerplate.IGNORE, boilerplate.BOILERPLATE, discourse.NEW_MATTER, discourse.BY_THEN,
    discourse.ITEM_REFERENCE, discourse.CONTINGENCY,
    discourse.INFORMATION, discourse.TERM, request.SEND_ASK, request.REFRAIN, promise.FINDS_OUT,
    discourse.INTERIM, promise.STAND_DOWN,
)
# The fragments of each table, in the order written (the tests read them as data).
REQUEST = request.REQUEST.phrases
IMPERATIVE = question.IMPERATIVE.phrases
QUESTION_START = question.QUESTION_START.phrases
QUESTION_ANYWHERE = question.QUESTION_ANYWHERE.phrases
TODO = todo.TODO.phrases
BLOCKER = blocker.BLOCKER.phrases
FAULT_DETAIL = blocker.FAULT_DETAIL.phrases
ABSENCE = blocker.ABSENCE.phrases
ESCALATION = escalation.ESCALATION.phrases
RESOLUTION = resolution.RESOLUTION.phrases
NEGATION = resolution.NEGATION.phrases
TICKET_CLOSED = resolution.TICKET_CLOSED.phrases
TAKEOVER = promise.TAKEOVER.phrases
PROPOSAL = promise.PROPOSAL.phrases
PROMISE_ON_IT = promise.PROMISE_ON_IT.phrases
SENT_NOW = promise.SENT_NOW.phrases
NO_PROMISE = promise.NO_PROMISE.phrases
IGNORE = boilerplate.IGNORE.phrases
BOILERPLATE = boilerplate.BOILERPLATE.phrases

REQUEST_RE = _words(request.REQUEST)
# an imperative entry, or any "<verb>en Sie" that is not a question or a condition
IMPERATIVE_RE = re.compile(
    rf"{question._LEAD}(?:(?:{alternation(IMPERATIVE)})(?![\w-])"
    rf"|(?!{alternation(question.NOT_IMPERATIVE)}\b)[a-zäöü]+en (?-i:Sie)\b(?![^?]*\?))",
    re.IGNORECASE,
)
QUESTION_START_RE = _regex(question.QUESTION_START)
QUESTION_ANYWHERE_RE = _words(question.QUESTION_ANYWHERE)
TODO_RE = _words(todo.TODO)
BLOCKER_RE = _words(blocker.BLOCKER)
ESCALATION_RE = _words(escalation.ESCALATION)
RESOLUTION_RE = _words(resolution.RESOLUTION)
NEGATION_BEFORE_RE = _regex(resolution.NEGATION)
TAKEOVER_RE = _words(promise.TAKEOVER)
PROPOSAL_RE = _words(promise.PROPOSAL)
PROMISE_ON_IT_RE = _words(promise.PROMISE_ON_IT)
FINDS_OUT_RE = _words(promise.FINDS_OUT)
FAULT_DETAIL_RE = _regex(blocker.FAULT_DETAIL)
ABSENCE_RE = _words(blocker.ABSENCE)
SENT_NOW_RE = _words(promise.SENT_NOW)
NO_PROMISE_RE = _words(promise.NO_PROMISE)
FUTURE_RE = _words(FUTURE)
TICKET_CLOSED_RE = _regex(resolution.TICKET_CLOSED)
IGNORE_RE = _regex(boilerplate.IGNORE)
BOILERPLATE_RE = _regex(boilerplate.BOILERPLATE)
GREETING_WORDS = boilerplate.GREETING_WORDS
NEW_MATTER_RE = _regex(discourse.NEW_MATTER)
BY_THEN_RE = _words(discourse.BY_THEN)
ITEM_REFERENCE_RE = _regex(discourse.ITEM_REFERENCE)
CONTINGENCY_RE = _regex(discourse.CONTINGENCY)
INFORMATION_RE = _regex(discourse.INFORMATION)
TERM_RE = _regex(discourse.TERM)
INTERIM_RE = _words(discourse.INTERIM)
STAND_DOWN_RE = _words(promise.STAND_DOWN)
SEND_ASK_RE = _words(request.SEND_ASK)
REFRAIN_RE = _regex(request.REFRAIN)
# "Wie lange ist das her?!" still asks; "Spenden gibt es!?!" exclaims
_QUESTION_END = re.compile(r"(?:\?|(?<!!)\?[!?.]+)[\"'”“»«)\]\s]*$")
_CLOSERS = "\"'”“»«)]"


class _QuestionEnd:
    """``_QUESTION_END`` with the same matches, found in linear time.

    A plain ``search`` tries every "?" of a long run ("?????…x") and rescans the run from each:
    quadratic (issue 19). A match can only start in the run of "!?." before the closing quotes
    and spaces at the end, at its first "?" not preceded by "!" (or at the run's last "?"),
    so that one place is found by hand and the regex is matched there.
    """

    pattern = _QUESTION_END.pattern

    def search(self, text: str) -> re.Match[str] | None:
        end = len(text)
        while end and (text[end - 1] in _CLOSERS or text[end - 1].isspace()):
            end -= 1
        start = end
        while start and text[start - 1] in "!?.":
            start -= 1
        for p in range(start, end):
            if text[p] == "?" and (p == end - 1 or p == 0 or text[p - 1] != "!"):
                return _QUESTION_END.match(text, p)
        return None


QUESTION_END_RE = _QuestionEnd()
