"""Which of our questions a reply answers between the quoted lines.

"Meine Antworten stehen unten bei Ihren Fragen" and a quote with "-> Ja, bitte." under
question 1 and 2 and nothing under question 3: two answered, one still open. What the reply
wrote into the quote is what the quoted original does not hold, so the original mail (the one
that asked) is the reference: a line of the quote that is not in it was written by the reply.
Works for "> " quotes and for Outlook's header-block quotes, which mark nothing.
"""

from __future__ import annotations

import re

# the quote of an older mail starts: what follows is history, not the asking mail
_OLDER = re.compile(
    r"^\s*(?:-{2,}\s*(?:original|urspr)|(?:von|from|gesendet|sent)\s*:\s*\S"
    r"|(?:on|am)\s.{4,120}(?:wrote|schrieb)\s*\S*:\s*$)", re.IGNORECASE)
_PROBE = 30  # characters of a question that find it in the quote


def _norm(text: str) -> str:
    return " ".join(text.split())


def _unquoted(line: str) -> str:
    return _norm(re.sub(r"^\s*(?:>\s?)+", "", line))


def answered_inline(body: str, original: str, asked: list[str]) -> list[bool | None]:
    """For each asked text: True when a line the reply wrote stands under it in ``body`` (before
    the next asked text), False when none does, None when the question is not in the quote."""
    lines = [_unquoted(x) for x in body.split("\n")]
    reference = f" {_norm(original)} "
    found: list[tuple[int, int]] = []  # (line where the question is, index into asked)
    for k, text in enumerate(asked):
        probe = _norm(text)[:_PROBE]
        at = next((i for i, line in enumerate(lines) if probe and probe in line), None)
        if at is not None:
            found.append((at, k))
    found.sort()
    result: list[bool | None] = [None] * len(asked)
    for n, (at, k) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        question = _norm(asked[k])
        result[k] = False
        for line in lines[at + 1:end]:
            if _OLDER.match(line):
                break
            if line and line not in question and f" {line} " not in reference:
                result[k] = True
                break
    return result
