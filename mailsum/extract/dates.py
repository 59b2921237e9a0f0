"""Due dates named in a sentence ("bis Freitag", "by 3 March"), relative to the sent date.

Conventions (so the update never guesses differently from run to run):
- the reference day is the sent date in Europe/Berlin;
- a weekday ("bis Freitag", "by Friday", also "nächsten Freitag") is the next such day
  strictly after the sent date; only "heute"/"today"/"EOD" mean the sent date itself;
- "Ende der Woche"/"end of week" is the Friday of the sent date's week (next Friday when sent
  on a weekend); "nächste Woche"/"next week" is the Friday of the following week,
  "Anfang nächster Woche"/"early next week" its Tuesday, "Mitte …"/"mid next week" its
  Wednesday;
- a weekday in the past is no due date: "since the update on Saturday", "seit dem Update am
  Samstag", "am Samstag hatten wir …";
- "KW 49"/"week 49" is the Friday of that ISO week; "Monatsende"/"end of month" the last day;
  "Anfang/early Dezember" the 7th, "Mitte/mid-December" the 15th, "Ende Januar" the last day;
  "Jahresende"/"end of the year" 31 December; "vor/bis Weihnachten"/"by Christmas" 24 December;
- "spätestens um 15 Uhr"/"by 3pm", "heute Abend", "tonight", "im Laufe des Tages" mean the sent
  date ("bis 15 Uhr"/"until 5pm" often name a duration: no due date);
- "Freitag nächster Woche"/"Friday next week" is that weekday of the following week;
- "in/innerhalb von/binnen 14 Tagen", "within 3 business days": that many days (working days:
  Monday to Friday, no holidays) or weeks after the sent date;
- a day and month without a year is its next occurrence on or after the sent date;
- numeric "12/15" is month/day in English only; German uses "15.12.".
The first due date in the sentence wins.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from mailsum.text.lexicon import MONTHS
from mailsum.text.screen import memo

_TZ = ZoneInfo("Europe/Berlin")

_MONTHS = MONTHS
_AMBIGUOUS_MONTHS = frozenset({"may", "mar", "mai", "jun", "jan"})
_WEEKDAYS = {
    "montag": 0, "monday": 0, "dienstag": 1, "tuesday": 1, "mittwoch": 2, "wednesday": 2,
    "donnerstag": 3, "thursday": 3, "freitag": 4, "friday": 4, "samstag": 5, "sonnabend": 5,
    "saturday": 5, "sonntag": 6, "sunday": 6,
}  # fmt: skip

_NUMBERS = {
    "einem": 1, "einer": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "vierzehn": 14, "a": 1, "an": 1,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fourteen": 14,
}  # fmt: skip
_MONTH = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?P<wd>" + "|".join(_WEEKDAYS) + ")"
# Words that make a following date a deadline rather than a mention.
_DUE_DE = r"(?:bis\s+(?:zum\s+|zur\s+|spätestens\s+(?:am\s+|zum\s+)?|am\s+)?|spätestens\s+(?:am\s+|zum\s+)?|fällig\s+(?:am\s+)?|frist\s+|termin\s+|deadline\s+|am\s+|vor\s+dem\s+|zum\s+)"  # noqa: E501
_DUE_EN = r"(?:by\s+(?:the\s+)?|until\s+|till\s+|before\s+|no\s+later\s+than\s+|due\s+(?:on\s+|by\s+)?|deadline\s+(?:is\s+)?(?:on\s+)?|due\s+date\s+is\s+(?:on\s+)?|(?:end\s+of\s+(?:the\s+)?(?:business\s+)?day|eod|cob)\s+(?:on\s+)?|on\s+(?:the\s+)?)"  # noqa: E501
_DUE = rf"\b(?:{_DUE_DE}|{_DUE_EN})"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_F = re.IGNORECASE

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "today",
        re.compile(
            r"\b(?:heute\s+noch|noch\s+heute|bis\s+heute|heute\s+bis|by\s+today|"
            r"(?:until|by)?\s*(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|"
            r"close\s+of\s+business)(?!\s+(?:on\s+)?" + _WEEKDAY.replace("?P<wd>", "") + r")"
            r"|(?:by|until|till|later)\s+today|"
            r"today\s+(?:if\s+possible|please)|(?:by\s+|until\s+)?tonight|"
            r"im\s+laufe\s+des\s+(?:heutigen\s+)?tages|"
            # "by 3pm", "spätestens um 15 Uhr"; not "bis/until 15 Uhr" (a duration: "ich bin bis
            # 15 Uhr im Meeting", "open until 5pm")
            r"(?:by|before|no\s+later\s+than|spätestens(?:\s+um|\s+bis)?|vor)\s+\d{1,2}"
            r"(?:[:.]\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)(?!\w))(?!\w)",
            _F,
        ),
    ),
    ("plus2", re.compile(r"\bübermorgen\b|\bthe\s+day\s+after\s+tomorrow\b", _F)),
    (
        "plus1",
        re.compile(
            r"(?<!guten )(?<!heute )(?<!am )\bmorgen\b(?!\s*früh\s+(?:war|ist|hat))"
            r"|\btomorrow\b",
            _F,
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b")),
    (
        "dmy",
        re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?:" + _YEAR + r")?(?![\d])"),
    ),
    (
        "mdy_en",
        re.compile(
            _DUE_EN.join((r"\b", "")) + r"(?P<mon>\d{1,2})/(?P<day>\d{1,2})"
            r"(?:/" + _YEAR + r")?\b",
            _F,
        ),
    ),
    (
        "d_month",
        re.compile(
            r"(?<![\d.])(?P<day>\d{1,2})(?:\.|"
            + _ORD
            + r")?\s*(?:of\s+)?"
            + _MONTH
            + r"(?:\s+"
            + _YEAR
            + r")?\b",
            _F,
        ),
    ),
    (
        "month_d",
        re.compile(
            r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r"\b(?:,?\s+" + _YEAR + r"\b)?", _F
        ),
    ),
    ("kw", re.compile(r"\b(?:KW|Kalenderwoche|calendar\s+week|week)\s*(?P<week>\d{1,2})\b", _F)),
    (
        "eow",
        re.compile(
            r"\b(?:(?:bis\s+)?(?:zum\s+)?ende\s+(?:der|dieser|diese[rn]?)\s+woche|"
            r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|eow)\b",
            _F,
        ),
    ),
    (
        "eom",
        re.compile(
            r"\b(?:ende\s+(?:des|dieses|diese[ns])\s+monats|monatsende|"
            r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom)\b",
            _F,
        ),
    ),
    ("end_month", re.compile(r"\b(?:ende|end\s+of)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", _F)),
    (
        "part_month",
        re.compile(
            r"\b(?P<part>anfang|mitte|early|mid(?:dle\s+of)?)(?:\s+|\s*-\s*)" + _MONTH
            + r"(?:\s+" + _YEAR + r")?\b",
            _F,
        ),
    ),
    (
        "year_end",
        re.compile(
            r"\b(?:jahresende|jahreswechsel|ende\s+(?:des|dieses)\s+jahres|(?:the\s+)?end\s+of"
            r"\s+(?:the\s+|this\s+)?year)\b",
            _F,
        ),
    ),
    (
        "christmas",
        re.compile(
            r"\b(?:(?:bis|vor)\s+(?:zu\s+)?weihnachten|(?:by|before|until)\s+christmas)\b", _F
        ),
    ),
    (
        "next_week",
        re.compile(
            r"\b(?:(?P<part>ende\s+|anfang\s+|mitte\s+|end\s+of\s+|early\s+|mid(?:dle\s+of)?\s+"
            r"|mid-)?(?:(?:nächste[rn]?|kommende[rn]?)\s+woche|next\s+week))\b",
            _F,
        ),
    ),
    (
        "in_days",
        re.compile(
            r"\b(?:within|in|innerhalb(?:\s+von)?|binnen)\s+(?:the\s+next\s+|de[nr]\s+"
            r"n[äa]chsten\s+)?(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\s+"
            r"(?P<unit>(?:werk|arbeits)?tag(?:e|en)?|(?:business\s+|working\s+)?days?"
            r"|wochen?|weeks?)\b",
            _F,
        ),
    ),
    (
        "weekday",
        re.compile(
            _DUE + r"(?:(?:nächste[nrm]?|kommende[nrm]?|diese[nrm]?|next|this)"
            r"\s+)?" + _WEEKDAY + r"\b(?P<nw>,?\s+(?:(?:in\s+)?der\s+)?"
            r"(?:nächste[nr]?|kommende[nr]?)\s+woche|,?\s+next\s+week)?",
            _F,
        ),
    ),
]


# Dates a sentence can name are resolved only when the sent day lies in this window: mail dated
# year 9999 (or 0001) is hostile or broken, and arithmetic near date.max/date.min would raise
# OverflowError (issue 19: one such mail stopped every run). parse.message already sets such a
# Date aside; this is the last line of defence for anything that reaches extraction.
_FIRST_DAY = date(1970, 1, 1)
_LAST_DAY = date(9000, 1, 1)


def local_date(sent: datetime) -> date:
    """The calendar day of ``sent`` in Europe/Berlin (naive datetimes count as UTC).

    Never raises: a time at the very edge of ``datetime`` keeps its UTC day.
    """
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=ZoneInfo("UTC"))
    try:
        return sent.astimezone(_TZ).date()
    except (OverflowError, ValueError):
        return sent.date()


def _year(raw: str | None, month: int, day: int, today: date) -> date | None:
    try:
        if raw:
            year = int(raw)
            return date(year + 2000 if year < 100 else year, month, day)
        candidate = date(today.year, month, day)
        if candidate < today and (today - candidate).days > 120:
            candidate = date(today.year + 1, month, day)  # "am 10.1." written in November
        return candidate  # a recent past date stays in the past; parse_due drops it
    except ValueError:
        return None


def _friday(day: date) -> date:
    return day + timedelta(days=4 - day.weekday())


def _resolve(kind: str, m: re.Match[str], today: date, language: str) -> date | None:
    g = m.groupdict()
    if kind == "today":
        return today
    if kind == "plus1":
        return today + timedelta(days=1)
    if kind == "plus2":
        return today + timedelta(days=2)
    if kind == "iso":
        return _year(g["year"], int(g["mon"]), int(g["day"]), today)
    if kind == "dmy":
        return _year(g.get("year"), int(g["mon"]), int(g["day"]), today)
    if kind == "mdy_en":
        if language != "en":
            return None
        return _year(g.get("year"), int(g["mon"]), int(g["day"]), today)
    if kind in ("d_month", "month_d"):
        if g["mon"][0].islower() and g["mon"].lower() in _AMBIGUOUS_MONTHS:
            return None  # "you may 5 ..." is no date
        month = _MONTHS.get(g["mon"].casefold())
        return _year(g.get("year"), month, int(g["day"]), today) if month else None
    if kind == "kw":
        week = int(g["week"])
        for year in (today.year, today.year + 1):
            try:
                friday = date.fromisocalendar(year, week, 5)
            except ValueError:
                continue
            if friday >= today:
                return friday
        return None
    if kind == "eow":
        friday = _friday(today)
        return friday if friday >= today else friday + timedelta(days=7)
    if kind == "eom":
        return date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    if kind == "end_month":
        month = _MONTHS.get(g["mon"].casefold())
        if month is None:  # a look-alike letter ("ſ", "İ") matched under IGNORECASE
            return None
        year = int(g["year"]) if g.get("year") else today.year
        year = year + 2000 if year < 100 else year
        if not g.get("year") and month < today.month:
            year += 1
        return date(year, month, calendar.monthrange(year, month)[1])
    if kind == "part_month":
        if g["mon"][0].islower() and g["mon"].lower() in _AMBIGUOUS_MONTHS:
            return None
        month = _MONTHS.get(g["mon"].casefold())
        if month is None:
            return None
        day = 7 if g["part"].casefold() in ("anfang", "early") else 15
        return _year(g.get("year"), month, day, today)
    if kind == "year_end":
        return date(today.year, 12, 31)
    if kind == "christmas":
        return _year(None, 12, 24, today)
    if kind == "next_week":
        part = (g.get("part") or "").casefold()
        monday = _friday(today) + timedelta(days=3)
        if part.startswith(("anfang", "early")):
            return monday + timedelta(days=1)
        if part.startswith(("mitte", "mid")):
            return monday + timedelta(days=2)
        return monday + timedelta(days=4)
    if kind == "in_days":
        raw = g["n"].casefold()
        n = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
        unit = g["unit"].casefold()
        if n is None:
            return None
        if unit.startswith(("woche", "week")):
            return today + timedelta(weeks=n)
        if unit.startswith(("werk", "arbeits", "business", "working")):
            return _plus_workdays(today, n)
        return today + timedelta(days=n)
    if kind == "weekday":
        weekday = _WEEKDAYS.get(g["wd"].casefold())
        if weekday is None:
            return None
        if g.get("nw"):  # "Freitag nächster Woche": that day of the following week
            return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)
        delta = (weekday - today.weekday()) % 7
        return today + timedelta(days=delta or 7)
    return None


def _plus_workdays(day: date, n: int) -> date:
    """``n`` working days (Monday to Friday) after ``day``; holidays are not known here."""
    while n > 0:
        day += timedelta(days=1)
        n -= day.weekday() < 5
    return day


@memo
def parse_due(sentence: str, sent: datetime, language: str) -> date | None:
    """The first due date named in ``sentence``, or None.

    A weekday followed by its calendar date ("bis Freitag, 27.11.") means that date, even when
    the sentence was written the week before. A date before the day the message was sent is
    history, not a due date.
    """
    kinds = _possible_kinds(sentence)
    if not kinds:
        return None
    today = local_date(sent)
    if not _FIRST_DAY <= today <= _LAST_DAY:
        return None  # no due date relative to a day no real mail was sent on
    found: list[tuple[int, int, int, date]] = []
    for order, (kind, pattern) in enumerate(_PATTERNS):
        if kind not in kinds:
            continue
        for m in pattern.finditer(sentence):
            if kind == "weekday" and _in_the_past(sentence, m) or _turned_down(sentence, m):
                continue
            try:
                due = _resolve(kind, m, today, language)
            except (OverflowError, ValueError):  # "KW 99", "in 999 weeks": no such day
                due = None
            if due is not None and due >= today:
                found.append((m.start(), m.end(), order, due))
                break
    calendar = [f for f in found if _PATTERNS[f[2]][0] in _CALENDAR]
    found = [
        f for f in found
        if _PATTERNS[f[2]][0] != "weekday"
        or not any(0 <= c[0] - f[1] <= 6 for c in calendar)
    ]
    if not found:
        return None
    return min(found)[3]


_CALENDAR = frozenset({"iso", "dmy", "mdy_en", "d_month", "month_d"})

# "since the update on Saturday", "seit dem Update am Samstag": only with the weak "on"/"am"
# (a causal "since" before "by Friday" still leaves a deadline)
_PAST_BEFORE = re.compile(r"\b(?:since|seit|seitdem)\b[^.,;:!?]{0,40}$", _F)
_WEAK_PREFIX = re.compile(r"^(?:on|am)\s", _F)
# "Am Samstag hatten wir …", "on Monday we had …": a past tense right after the weekday (after
# an English subject)
_PAST_AFTER = re.compile(
    r"^\W*(?:(?:we|i|they|he|she|it|you|our \w+|the \w+)\s+)?"
    r"(?:hatte[nt]?|hattest|war(?:en|st)?|wurde[nt]?|had|was|were|did)\b", _F)


# "der 05.12. passt uns leider nicht", "Friday doesn't work for us": a date turned down
_TURNED_DOWN = re.compile(
    r"^[^.;:!?]{0,12}?\b(?:passt|geht|klappt)\s+(?:(?:uns|mir|bei\s+uns|leider|dann|da|aber)\s+)*"
    r"(?:nicht|schlecht)\b"
    r"|^[^.;:!?]{0,12}?\b(?:ist|wäre)\s+(?:(?:uns|für\s+uns|bei\s+uns|leider)\s+)*"
    r"(?:nicht\s+möglich|ungünstig|schlecht)"
    r"|^[^.;:!?]{0,12}?\b(?:doesn't|does\s+not|won't|will\s+not|wouldn't|would\s+not)\s+"
    r"(?:really\s+)?(?:work|suit|do)\b"
    r"|^[^.;:!?]{0,12}?\b(?:isn't|is\s+not)\s+(?:possible|convenient|good)\s+for\b",
    _F)


def _turned_down(sentence: str, m: re.Match[str]) -> bool:
    """A date the writer says does not suit them is no due date (it is an answer)."""
    return _TURNED_DOWN.match(sentence[m.end():]) is not None


def _in_the_past(sentence: str, m: re.Match[str]) -> bool:
    """A weekday the sentence places in the past names no due date."""
    weak = _WEAK_PREFIX.match(m.group(0)) is not None
    return bool(weak and _PAST_BEFORE.search(sentence[: m.start()])
                or _PAST_AFTER.match(sentence[m.end():]))

# Screens that skip the patterns which cannot match (most sentences name no date at all). Each
# pattern needs a digit and/or all words of one of these groups; under IGNORECASE only "İ", "ı"
# and "ſ" match an ASCII letter that ``str.lower`` does not turn into it, so a sentence with one
# of them runs every pattern.
_NEEDS_DIGIT = frozenset({"iso", "dmy", "mdy_en", "d_month", "month_d", "kw"})
_SCREENS: dict[str, tuple[tuple[str, ...], ...]] = {
    "today": (("heute",), ("today",), ("eod",), ("cob",), ("end", "day"), ("close", "business"),
              ("tonight",), ("laufe", "tages"), ("by",), ("before",), ("later",), ("spätestens",),
              ("vor",)),
    "plus2": (("morgen",), ("tomorrow",)),
    "plus1": (("morgen",), ("tomorrow",)),
    "iso": (("-",),),
    "dmy": ((".",),),
    "mdy_en": (("/",),),
    "d_month": ((),),
    "month_d": ((),),
    "kw": (("kw",), ("woche",), ("week",)),
    "eow": (("woche",), ("week",), ("eow",)),
    "eom": (("monat",), ("month",), ("eom",)),
    "end_month": (("end",),),
    "part_month": (("anfang",), ("mitte",), ("early",), ("mid",)),
    "year_end": (("jahr",), ("year",)),
    "christmas": (("weihnacht",), ("christmas",)),
    "next_week": (("woche",), ("week",)),
    "in_days": (("tag",), ("day",), ("woche",), ("week",)),
    "weekday": tuple((name,) for name in _WEEKDAYS),
}
_ALL_KINDS = frozenset(kind for kind, _ in _PATTERNS)
_DIGIT = re.compile(r"\d")
_CASE_ODDITY = re.compile("[\u0130\u0131\u017f]")


def _possible_kinds(sentence: str) -> frozenset[str]:
    """The pattern kinds that can match ``sentence`` (a superset of those that do)."""
    if not sentence.isascii() and _CASE_ODDITY.search(sentence):
        return _ALL_KINDS
    low = sentence.lower()
    present = frozenset([word for word in _KEYWORDS if word in low])
    return _kinds_for(present, _DIGIT.search(sentence) is not None)


_KEYWORDS = tuple(sorted({w for groups in _SCREENS.values() for g in groups for w in g}))


@lru_cache(maxsize=1024)
def _kinds_for(present: frozenset[str], has_digit: bool) -> frozenset[str]:
    return frozenset(
        kind
        for kind, groups in _SCREENS.items()
        if (has_digit or kind not in _NEEDS_DIGIT)
        and any(present.issuperset(group) for group in groups)
    )
