"""Greetings, closings and sign-offs: text the author typed around the message.

They belong to the author's own text (``--own-text`` shows them, as Quagga, talon and
email_reply_parser count own text), but they never hold an open point or a summary sentence,
so extraction reads the own text without them. Quoting and signatures are ``quotes``' job.
"""

from __future__ import annotations

import re

CLOSING = re.compile(
    r"^\s*(?:"
    r"(?:(?:vielen |herzlichen |besten )?dank(?:e|en)?(?: schön)?\s*(?:und|&|\+)\s*)?"
    r"(?:mit\s+)?(?:(?:sehr\s+)?(?:freundlich|viel|best|lieb|herzlich|schön|sonnig"
    r"|kollegial|frdl)\w*\.?\s+)?"
    r"(?:grü(?:ß|ss)en?|gru(?:ß|ss))"
    r"|mfg|vg|lg|bg|gruss"
    r"|(?:best|kind|warm|warmest|kindest|many|with best|with kind)\s+(?:regards|wishes|thanks)"
    r"|regards|best|cheers|thanks(?: again| in advance| a lot| and regards)?|thank you"
    r"|many thanks|sincerely|yours(?: sincerely| truly)?|greetings|br|rgds|thx|ciao"
    r"|vielen dank|danke(?: schön)?|besten dank|viele grüsse"
    r")(?:\s+(?:aus|from)\s+\S+)?\s*[,.!]*"
    r"\s*(?-i:[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})?\s*$",  # an optional name
    re.IGNORECASE,
)
SALUTATION = re.compile(
    r"^\s*(?:hallo|hello|hi|hey|dear|liebe[rs]?|sehr geehrte[rs]?"
    r"|(?:einen |ein )?(?:sch[öo]nen |wundersch[öo]nen )?gute[nr]? (?:morgen|tag|abend)"
    r"|good (?:morning|afternoon|evening)|moin|servus|grüß (?:gott|dich|euch)|hiho|howdy)"
    r"\b(?:\b(?:Dr|Hr|Fr|Mr|Ms|Mrs|Prof|Ing)\.|[^.?]){0,60}[,!:]?\s*$",
    re.IGNORECASE,
)
# a name alone on a line: the sign-off under a closing, or the sender above a quote header
NAME_LINE = re.compile(r"^\s*[A-ZÄÖÜ][\w'-]*(?:\s+[A-ZÄÖÜ][\w'-]*\.?){0,3}\s*$")
_MAX_SALUTATION = 70


def is_salutation(line: str) -> bool:
    return bool(SALUTATION.match(line)) and len(line.strip()) <= _MAX_SALUTATION


def without_formulae(text: str) -> str:
    """The own text as extraction reads it: no salutation, closing or sign-off name.

    A salutation counts only before any other text; a closing only after some text (a
    message that says nothing but "Danke!" keeps it, since that may settle a point), and a
    name line right after a closing is its sign-off.
    """
    kept: list[str] = []
    seen_text = after_closing = False
    for line in text.split("\n"):
        if not line.strip():
            kept.append(line)
            continue
        if not seen_text and is_salutation(line):
            continue
        if seen_text and CLOSING.match(line):
            after_closing = True
            continue
        if after_closing and NAME_LINE.match(line):
            after_closing = False
            continue
        seen_text, after_closing = True, False
        kept.append(line)
    return "\n".join(kept).strip("\n")
