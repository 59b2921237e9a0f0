"""Recognise machine-sent mail and read the return date of out-of-office replies.

Auto-replies, bounces and list mail must not raise open points, and an owner's own
out-of-office reply tells the update who is away and until when.

``away_until`` returns the **last day of absence**: "bis einschließlich 5.12." gives 5 Dec, and
a return date ("ab dem 8. Dezember wieder erreichbar", "back on 8 December") gives the day
before it (7 Dec), so both phrasings mean the same thing to the caller.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from mailsum.models import AutoKind
from mailsum.text.lexicon import MONTHS

# --------------------------------------------------------------------------- classification

_AUTO_SUBJECT = re.compile(
    r"\b(?:abwesenheitsnotiz|automatische antwort|out of (?:the )?office|automatic reply"
    r"|auto(?:matic)?[- ]?reply|autoreply|abwesend|urlaub|vacation reply|ich bin nicht im büro"
    r"|réponse automatique|respuesta automática)\b",
    re.IGNORECASE,
)
_BOUNCE_SUBJECT = re.compile(
    r"(?:undelivered mail returned to sender|unzustellbar|nicht zustellbar|undeliverable"
    r"|delivery status notification \((?:failure|delay)\)|mail delivery failed"
    r"|returned mail|delivery failure|failure notice|delivery has failed"
    r"|zustellung fehlgeschlagen|non remis)",
    re.IGNORECASE,
)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|antw|sv|wg|fwd?)\s*:", re.IGNORECASE)


def classify_auto(headers: dict[str, str], from_addr: str, subject: str,
                  text: str) -> AutoKind | None:
    """Which automatic mail this is, or None for mail a person wrote."""
    h = {k.lower(): (v or "").strip() for k, v in headers.items()}
    if _is_bounce(h, from_addr, subject):
        return AutoKind.BOUNCE
    if _is_auto_reply(h, subject):
        return AutoKind.AUTO_REPLY
    # RFC 3834 asks auto-replies for a null Return-Path too, so it only means "bounce" when
    # nothing marks the message as an auto-reply.
    if h.get("return-path", "").strip() == "<>":
        return AutoKind.BOUNCE
    precedence = h.get("precedence", "").lower()
    if precedence in ("bulk", "list", "junk") or "list-id" in h or "list-unsubscribe" in h:
        return AutoKind.BULK
    return None


def _is_bounce(h: dict[str, str], from_addr: str, subject: str) -> bool:
    local = from_addr.lower().partition("@")[0]
    if local.startswith("mailer-daemon") or local == "postmaster":
        return True
    if "x-failed-recipients" in h:
        return True
    ctype = h.get("content-type", "").lower()
    if ctype.startswith("multipart/report") and "delivery-status" in ctype:
        return True
    return bool(_BOUNCE_SUBJECT.search(subject))


def _is_auto_reply(h: dict[str, str], subject: str) -> bool:
    auto_submitted = h.get("auto-submitted", "").lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return True
    if "x-autoreply" in h or "x-autorespond" in h or "x-autoresponse" in h:
        return True
    if h.get("precedence", "").lower() == "auto_reply":
        return True
    is_reply = "in-reply-to" in h or bool(_REPLY_SUBJECT.match(subject))
    if "x-auto-response-suppress" in h and is_reply:
        return True
    return bool(_AUTO_SUBJECT.search(subject))


# --------------------------------------------------------------------------- return date

_MONTHS = MONTHS
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = {
    "montag": 0, "monday": 0, "mo": 0, "mon": 0,
    "dienstag": 1, "tuesday": 1, "di": 1, "tue": 1, "tues": 1,
    "mittwoch": 2, "wednesday": 2, "mi": 2, "wed": 2,
    "donnerstag": 3, "thursday": 3, "do": 3, "thu": 3, "thur": 3, "thurs": 3,
    "freitag": 4, "friday": 4, "fr": 4, "fri": 4,
    "samstag": 5, "saturday": 5, "sa": 5, "sat": 5,
    "sonntag": 6, "sunday": 6, "so": 6, "sun": 6,
}  # fmt: skip
_WEEKDAY_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))

_DATE = (
    r"(?:(?P<wd>" + _WEEKDAY_RE + r")\b\.?,?\s+(?:(?:den|dem|the)\s+)?)?"
    r"(?:"
    r"(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.(?:\s?(?P<y1>\d{4}|\d{2})(?!\d))?"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    r"|(?P<m3>\d{1,2})/(?P<d3>\d{1,2})(?:/(?P<y3>\d{4}|\d{2}))?(?!\d)"
    r"|(?P<d4>\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?P<mn4>" + _MONTH_RE + r")\b\.?"
    r"(?:,?\s+(?P<y4>\d{4}))?"
    r"|(?P<mn5>" + _MONTH_RE + r")\b\.?\s+(?P<d5>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y5>\d{4}))?"
    r")?"
)
_FILLER = r"(?:\s+(?:einschließlich|einschliesslich|einschl\.|inkl\.|inklusive|zum|zu|am|dem|den"
_FILLER += r"|and including|including|on|the))*\s+"
# Cue words before the date; "last" cues name the last day away, "back" cues the return day.
_LAST_CUE = re.compile(
    r"\b(?:bis|until|till|til|through|thru)" + _FILLER + _DATE,
    re.IGNORECASE,
)
_BACK_CUE = re.compile(
    r"\b(?:back|returning|return|zurück)(?:\s+(?:in|to)\s+(?:the\s+)?office)?"
    r"(?:\s+(?:on|at|by))?(?:\s+the)?\s+" + _DATE,
    re.IGNORECASE,
)
_BACK_DE = re.compile(
    r"\b(?:ab|am|seit)(?:\s+(?:dem|den))?\s+"
    + _DATE
    + r"(?=[^.!?\n]{0,60}\b(?:wieder|zurück|erreichbar|im büro|im haus|für sie da))",
    re.IGNORECASE,
)


def away_until(text: str, sent: date) -> date | None:
    """Last day of absence an out-of-office text names, the year inferred after ``sent``."""
    found: list[tuple[int, date]] = []
    for pattern, shift in ((_LAST_CUE, 0), (_BACK_CUE, 1), (_BACK_DE, 1)):
        for m in pattern.finditer(text):
            day = _date_of(m, sent)
            if day is not None:
                found.append((m.start(), day - timedelta(days=shift)))
                break
    return min(found)[1] if found else None


def _date_of(m: re.Match[str], sent: date) -> date | None:
    g = m.groupdict()
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if g[d] and g[mo]:
            return _make(int(g[d]), int(g[mo]), g[y], sent)
    for d, mn, y in (("d4", "mn4", "y4"), ("d5", "mn5", "y5")):
        if g[d] and g[mn]:
            return _make(int(g[d]), _MONTHS[g[mn].lower().rstrip(".")], g[y], sent)
    if g["wd"] and len(g["wd"]) > 3:  # "bis Freitag": the next such weekday after sending
        ahead = (_WEEKDAYS[g["wd"].lower()] - sent.weekday() - 1) % 7 + 1
        return sent + timedelta(days=ahead)
    return None


def _make(day: int, month: int, year: str | None, sent: date) -> date | None:
    try:
        if year:
            y = int(year)
            return date(y + 2000 if y < 100 else y, month, day)
        candidate = date(sent.year, month, day)
        return candidate if candidate >= sent else date(sent.year + 1, month, day)
    except ValueError:
        return None
