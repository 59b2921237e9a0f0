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

Each form is one entry of ``FORMS`` (its pattern, the words it cannot match without, how it
becomes a day, and examples it must and must not resolve, asserted by tests/test_dates.py),
tried in order.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
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
# a US date right after its weekday ("by Monday 11/23", "Tuesday (12/8)"): the date, not the
# weekday, says which day
_AFTER_WEEKDAY_EN = "|".join(
    f"(?<={re.escape(day + gap)})"
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
    for gap in (" ", ", ", " (", ". "))
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_F = re.IGNORECASE


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


def _plus_workdays(day: date, n: int) -> date:
    """``n`` working days (Monday to Friday) after ``day``; holidays are not known here."""
    while n > 0:
        day += timedelta(days=1)
        n -= day.weekday() < 5
    return day


# --------------------------------------------------------------------------- resolvers
# One per form: the named groups of its match, the sent day and the language -> the due day, or
# None when the match names no day after all.

Groups = dict[str, Any]  # re.Match.groupdict()
Resolver = Callable[[Groups, date, str], date | None]


def _sent_day(g: Groups, today: date, language: str) -> date | None:
    return today


def _day_after(g: Groups, today: date, language: str) -> date | None:
    return today + timedelta(days=1)


def _two_days_after(g: Groups, today: date, language: str) -> date | None:
    return today + timedelta(days=2)


def _numeric_date(g: Groups, today: date, language: str) -> date | None:
    return _year(g.get("year"), int(g["mon"]), int(g["day"]), today)


def _us_numeric_date(g: Groups, today: date, language: str) -> date | None:
    """"12/15" is month/day only in English; a German writer means no such thing."""
    return _numeric_date(g, today, language) if language == "en" else None


def _month(g: Groups) -> int | None:
    """The month a name means; None for a look-alike letter ("ſ", "İ") under IGNORECASE."""
    return _MONTHS.get(g["mon"].casefold())


def _ambiguous_month(g: Groups) -> bool:
    """"you may 5 …", "mar", "jan": a lower-case word that is also a month is no date."""
    return g["mon"][0].islower() and g["mon"].lower() in _AMBIGUOUS_MONTHS


def _named_month_date(g: Groups, today: date, language: str) -> date | None:
    month = None if _ambiguous_month(g) else _month(g)
    return _year(g.get("year"), month, int(g["day"]), today) if month else None


def _iso_week_friday(g: Groups, today: date, language: str) -> date | None:
    """The Friday of ISO week N: this year's, or next year's once this one has passed."""
    week = int(g["week"])
    for year in (today.year, today.year + 1):
        try:
            friday = date.fromisocalendar(year, week, 5)
        except ValueError:
            continue
        if friday >= today:
            return friday
    return None


def _week_end(g: Groups, today: date, language: str) -> date | None:
    friday = _friday(today)
    return friday if friday >= today else friday + timedelta(days=7)


def _this_month_end(g: Groups, today: date, language: str) -> date | None:
    return date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])


def _named_month_end(g: Groups, today: date, language: str) -> date | None:
    """The last day of the month named: this year's, next year's once this one has passed."""
    month = _month(g)
    if month is None:
        return None
    year = int(g["year"]) if g.get("year") else today.year
    year = year + 2000 if year < 100 else year
    if not g.get("year") and month < today.month:
        year += 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _part_of_month(g: Groups, today: date, language: str) -> date | None:
    """"Anfang"/"early" a month: its 7th; "Mitte"/"mid": its 15th."""
    month = None if _ambiguous_month(g) else _month(g)
    if month is None:
        return None
    day = 7 if g["part"].casefold() in ("anfang", "early") else 15
    return _year(g.get("year"), month, day, today)


def _year_end(g: Groups, today: date, language: str) -> date | None:
    return date(today.year, 12, 31)


def _christmas(g: Groups, today: date, language: str) -> date | None:
    return _year(None, 12, 24, today)


def _next_week(g: Groups, today: date, language: str) -> date | None:
    """Next week's Friday; its Tuesday when early ("Anfang"), its Wednesday when "Mitte"."""
    part = (g.get("part") or "").casefold()
    monday = _friday(today) + timedelta(days=3)
    if part.startswith(("anfang", "early")):
        return monday + timedelta(days=1)
    if part.startswith(("mitte", "mid")):
        return monday + timedelta(days=2)
    return monday + timedelta(days=4)


def _within(g: Groups, today: date, language: str) -> date | None:
    """That many days, working days (Monday to Friday) or weeks after the sent day."""
    raw = g["n"].casefold()
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
    if n is None:
        return None
    unit = g["unit"].casefold()
    if unit.startswith(("woche", "week")):
        return today + timedelta(weeks=n)
    if unit.startswith(("werk", "arbeits", "business", "working")):
        return _plus_workdays(today, n)
    return today + timedelta(days=n)


def _day_of_month(g: Groups, today: date, language: str) -> date | None:
    """"Tuesday 17th", "by the 30th": the next day with that number, this month or a later
    one; with a weekday, the first such day that falls on it (else the first such day)."""
    day = int(g["day"])
    found: list[date] = []
    for ahead in range(3):
        year, month = divmod(today.month - 1 + ahead, 12)
        try:
            candidate = date(today.year + year, month + 1, day)
        except ValueError:
            continue
        if candidate >= today:
            found.append(candidate)
    weekday = _WEEKDAYS.get((g.get("wd") or "").casefold())
    fitting = [d for d in found if weekday is None or d.weekday() == weekday]
    return (fitting or found or [None])[0]


def _weekday(g: Groups, today: date, language: str) -> date | None:
    """The next such day strictly after the sent day, or that day of the following week."""
    weekday = _WEEKDAYS.get(g["wd"].casefold())
    if weekday is None:
        return None
    if g.get("nw"):  # "Freitag nächster Woche": that day of the following week
        return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)
    delta = (weekday - today.weekday()) % 7
    return today + timedelta(days=delta or 7)


# --------------------------------------------------------------------------- the forms

# The examples' sent time: a Wednesday (25 Nov 2026, 11:00 in Berlin).
EXAMPLE_SENT = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("UTC"))


@dataclass(frozen=True)
class DateForm:
    """One way a sentence names a due date, with the examples that define it.

    ``screens``: groups of words one of which the sentence must hold in full (lower-cased) for
    the pattern to be tried at all (most sentences name no date); ``needs_digit``: no match
    without a digit. ``examples`` are (language, sentence, ISO day) this form must resolve,
    ``not_due`` (language, sentence) it must not, both sent at ``EXAMPLE_SENT``.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    screens: tuple[tuple[str, ...], ...]
    examples: tuple[tuple[str, str, str], ...]
    not_due: tuple[tuple[str, str], ...] = ()
    needs_digit: bool = False
    calendar: bool = False  # a calendar date: a weekday written just before it yields to it
    weekday: bool = False  # may name a past day ("seit dem Update am Samstag"): checked


_CALENDAR_DATE = {"needs_digit": True, "calendar": True}

FORMS: tuple[DateForm, ...] = (
    DateForm(
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
        _sent_day,
        (("heute",), ("today",), ("eod",), ("cob",), ("end", "day"), ("close", "business"),
         ("tonight",), ("laufe", "tages"), ("by",), ("before",), ("later",), ("spätestens",),
         ("vor",)),
        examples=(("en", "I need the numbers EOD.", "2026-11-25"),
                  ("de", "Das muss heute noch raus.", "2026-11-25"),
                  ("de", "Bitte spätestens um 15 Uhr zurückrufen.", "2026-11-25"),
                  ("en", "Please send it by 3pm.", "2026-11-25")),
        not_due=(("de", "Ich bin bis 15 Uhr im Meeting."),
                 ("en", "We need this by end of day Thursday.")),
    ),
    DateForm(
        "plus2",
        re.compile(r"\bübermorgen\b|\bthe\s+day\s+after\s+tomorrow\b", _F),
        _two_days_after,
        (("morgen",), ("tomorrow",)),
        examples=(("de", "Wir kommen übermorgen vorbei.", "2026-11-27"),
                  ("en", "We will call the day after tomorrow.", "2026-11-27")),
    ),
    DateForm(
        "plus1",
        re.compile(
            r"(?<!guten )(?<!heute )(?<!am )\bmorgen\b(?!\s*früh\s+(?:war|ist|hat))"
            r"|\btomorrow\b",
            _F,
        ),
        _day_after,
        (("morgen",), ("tomorrow",)),
        examples=(("de", "Ich melde mich bis morgen.", "2026-11-26"),
                  ("en", "Can you fix it by tomorrow?", "2026-11-26")),
        not_due=(("de", "Guten Morgen, der Drucker ist defekt."),
                 ("de", "Morgen früh war der Server weg.")),
    ),
    DateForm(
        "iso",
        re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b"),
        _numeric_date,
        (("-",),),
        examples=(("en", "Please deliver by 2026-12-03.", "2026-12-03"),
                  ("de", "Liefertermin ist der 2026-12-03.", "2026-12-03")),
        not_due=(("en", "The ticket 2026-13-40 is closed."),),
        **_CALENDAR_DATE,
    ),
    DateForm(
        "dmy",
        re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?:" + _YEAR + r")?(?![\d])"),
        _numeric_date,
        ((".",),),
        examples=(("de", "Bitte bis zum 17.12. liefern.", "2026-12-17"),
                  ("de", "Der Umzug ist am 27.11.2026.", "2026-11-27"),
                  ("en", "Please send the forms by 17.12.", "2026-12-17")),
        not_due=(("de", "Wir haben Version v2.3.1 um 10.30 Uhr installiert."),
                 ("de", "Die Exporte vom 16.11. habe ich nachgeholt.")),
        **_CALENDAR_DATE,
    ),
    DateForm(
        "mdy_en",
        re.compile(
            r"(?:\b" + _DUE_EN + "|" + _AFTER_WEEKDAY_EN + r")(?P<mon>\d{1,2})/(?P<day>\d{1,2})"
            r"(?:/" + _YEAR + r")?\b",
            _F,
        ),
        _us_numeric_date,
        (("/",),),
        examples=(("en", "Please pay by 12/28.", "2026-12-28"),
                  ("en", "The invoice is due on 1/15/27.", "2027-01-15"),
                  ("en", "I'll have the accounts ready by Monday 12/28.", "2026-12-28"),
                  ("en", "We can come next Tuesday (12/8).", "2026-12-08")),
        not_due=(("de", "Bitte bis 12/15 zahlen."), ("en", "We run 24/7.")),
        **_CALENDAR_DATE,
    ),
    DateForm(
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
        _named_month_date,
        ((),),
        examples=(("de", "Das Angebot brauchen wir bis 3. Dezember.", "2026-12-03"),
                  ("en", "We need the report by 3 March.", "2027-03-03"),
                  ("en", "The offer is valid until the 15th of December.", "2026-12-15")),
        not_due=(("en", "Option 2 may work as well."),),
        **_CALENDAR_DATE,
    ),
    DateForm(
        "month_d",
        re.compile(
            r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r"\b(?:,?\s+" + _YEAR + r"\b)?", _F
        ),
        _named_month_date,
        ((),),
        examples=(("en", "Please reply by March 3rd.", "2027-03-03"),
                  ("en", "Go-live is December 7, 2026.", "2026-12-07")),
        not_due=(("en", "You may 5 times try again."),),
        **_CALENDAR_DATE,
    ),
    DateForm(
        "day_of_month",
        # a bare day number: after its weekday ("Tuesday 17th", "Friday the 4th", "Dienstag,
        # den 17.") or after a deadline word ("by the 30th", "bis zum 30."); an ordinal alone
        # ("the 2nd floor", "zum 3. Mal") is no date
        re.compile(
            r"\b(?:" + _WEEKDAY + r",?\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\b"
            r"|" + _WEEKDAY.replace("wd", "wd2") + r",?\s+den\s+(?P<day2>\d{1,2})\.(?![\d\w])"
            r"|(?:by|until|till|before|on)\s+the\s+(?P<day3>\d{1,2})(?:st|nd|rd|th)\b"
            r"|bis\s+(?:spätestens\s+)?zum\s+(?P<day4>\d{1,2})\.(?![\d\w]))"
            r"(?!\s*(?:of\s+)?" + _MONTH.replace("?P<mon>", "?:") + r"|\s*(?:mal|time|floor|"
            r"stock|etage|quarter|quartal)\b)",
            _F,
        ),
        lambda g, today, language: _day_of_month(
            {"day": g["day"] or g["day2"] or g["day3"] or g["day4"],
             "wd": g["wd"] or g["wd2"]}, today, language),
        (("th",), ("st",), ("nd",), ("rd",), ("den",), ("zum",)),
        examples=(("en", "I need the Wi-Fi solid by Thursday 17th at the latest.", "2026-12-17"),
                  ("en", "Can we do it on Tuesday the 1st?", "2026-12-01"),
                  ("en", "Please have the laptop ready by Friday 4th.", "2026-12-04"),
                  ("en", "Please send it by the 30th.", "2026-11-30"),
                  ("de", "Bitte bis Dienstag, den 1. erledigen.", "2026-12-01"),
                  ("de", "Die Unterlagen brauchen wir bis zum 30.", "2026-11-30")),
        not_due=(("en", "The printer on the 2nd floor is jammed again."),
                 ("en", "This is the 4th time it failed by the 3rd floor exit."),
                 ("de", "Das passiert jetzt bis zum 3. Mal."),
                 ("en", "Please reply by the 15th of December."),
                 ("de", "Bitte bis zum 17.12. liefern.")),
        needs_digit=True, calendar=True,
    ),
    DateForm(
        "kw",
        re.compile(r"\b(?:KW|Kalenderwoche|calendar\s+week|week)\s*(?P<week>\d{1,2})\b", _F),
        _iso_week_friday,
        (("kw",), ("woche",), ("week",)),
        examples=(("de", "Bitte bis spätestens KW 49 umsetzen.", "2026-12-04"),
                  ("de", "Die Umstellung ist Ende KW 50 fertig.", "2026-12-11"),
                  ("en", "We ship in calendar week 2.", "2027-01-15")),
        needs_digit=True,
    ),
    DateForm(
        "eow",
        re.compile(
            r"\b(?:(?:bis\s+)?(?:zum\s+)?ende\s+(?:der|dieser|diese[rn]?)\s+woche|"
            r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|eow)\b",
            _F,
        ),
        _week_end,
        (("woche",), ("week",), ("eow",)),
        examples=(("de", "Bitte bis Ende der Woche.", "2026-11-27"),
                  ("en", "Please finish by end of week.", "2026-11-27")),
    ),
    DateForm(
        "eom",
        re.compile(
            r"\b(?:ende\s+(?:des|dieses|diese[ns])\s+monats|monatsende|"
            r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom)\b",
            _F,
        ),
        _this_month_end,
        (("monat",), ("month",), ("eom",)),
        examples=(("de", "Die Rechnung kommt Ende des Monats.", "2026-11-30"),
                  ("de", "Zum Monatsende läuft der Vertrag aus.", "2026-11-30"),
                  ("en", "We need it by end of month.", "2026-11-30")),
    ),
    DateForm(
        "end_month",
        re.compile(r"\b(?:ende|end\s+of)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", _F),
        _named_month_end,
        (("end",),),
        examples=(("de", "Bitte bis Ende Januar.", "2027-01-31"),
                  ("en", "The contract runs to the end of February 2028.", "2028-02-29")),
    ),
    DateForm(
        "part_month",
        re.compile(
            r"\b(?P<part>anfang|mitte|early|mid(?:dle\s+of)?)(?:\s+|\s*-\s*)" + _MONTH
            + r"(?:\s+" + _YEAR + r")?\b",
            _F,
        ),
        _part_of_month,
        (("anfang",), ("mitte",), ("early",), ("mid",)),
        examples=(("de", "Anfang Dezember kommt der Techniker.", "2026-12-07"),
                  ("en", "We plan it for mid-December.", "2026-12-15")),
        not_due=(("en", "We were there in early may."),),
    ),
    DateForm(
        "year_end",
        re.compile(
            r"\b(?:jahresende|jahreswechsel|ende\s+(?:des|dieses)\s+jahres|(?:the\s+)?end\s+of"
            r"\s+(?:the\s+|this\s+)?year)\b",
            _F,
        ),
        _year_end,
        (("jahr",), ("year",)),
        examples=(("de", "Bis Jahresende ist das erledigt.", "2026-12-31"),
                  ("en", "Can we finish by the end of the year?", "2026-12-31")),
    ),
    DateForm(
        "christmas",
        re.compile(
            r"\b(?:(?:bis|vor)\s+(?:zu\s+)?weihnachten|(?:by|before|until)\s+christmas)\b", _F
        ),
        _christmas,
        (("weihnacht",), ("christmas",)),
        examples=(("de", "Bitte vor Weihnachten liefern.", "2026-12-24"),
                  ("en", "We need it by Christmas.", "2026-12-24")),
        not_due=(("en", "Merry Christmas to the whole team."),),
    ),
    DateForm(
        "next_week",
        re.compile(
            r"\b(?:(?P<part>ende\s+|anfang\s+|mitte\s+|end\s+of\s+|early\s+|mid(?:dle\s+of)?\s+"
            r"|mid-)?(?:(?:nächste[rn]?|kommende[rn]?)\s+woche|next\s+week))\b",
            _F,
        ),
        _next_week,
        (("woche",), ("week",)),
        examples=(("de", "Das machen wir nächste Woche.", "2026-12-04"),
                  ("de", "Bis Ende nächster Woche ist es fertig.", "2026-12-04"),
                  ("de", "Ich melde mich Anfang nächster Woche.", "2026-12-01"),
                  ("en", "We expect it mid-next week.", "2026-12-02")),
    ),
    DateForm(
        "in_days",
        re.compile(
            r"\b(?:within|in|innerhalb(?:\s+von)?|binnen)\s+(?:the\s+next\s+|de[nr]\s+"
            r"n[äa]chsten\s+)?(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\s+"
            r"(?P<unit>(?:werk|arbeits)?tag(?:e|en)?|(?:business\s+|working\s+)?days?"
            r"|wochen?|weeks?)\b",
            _F,
        ),
        _within,
        (("tag",), ("day",), ("woche",), ("week",)),
        examples=(("en", "Payment is due within 14 days.", "2026-12-09"),
                  ("de", "Bitte innerhalb von 3 Werktagen bestätigen.", "2026-11-30"),
                  ("de", "Bitte binnen einer Woche zahlen.", "2026-12-02")),
        not_due=(("en", "In a few days we will know more."), ("de", "Vor 3 Tagen ging es noch.")),
    ),
    DateForm(
        "weekday",
        re.compile(
            _DUE + r"(?:(?:nächste[nrm]?|kommende[nrm]?|diese[nrm]?|next|this)"
            r"\s+)?" + _WEEKDAY + r"\b(?P<nw>,?\s+(?:(?:in\s+)?der\s+)?"
            r"(?:nächste[nr]?|kommende[nr]?)\s+woche|,?\s+next\s+week)?",
            _F,
        ),
        _weekday,
        tuple((name,) for name in _WEEKDAYS),
        examples=(("de", "Bitte bis Freitag erledigen.", "2026-11-27"),
                  ("en", "The deadline is next Monday.", "2026-11-30"),
                  ("en", "Please reply by Wednesday.", "2026-12-02"),
                  ("de", "Bitte am Freitag nächster Woche vorbeikommen.", "2026-12-04"),
                  ("de", "Wir testen nach dem Update am Montag.", "2026-11-30")),
        not_due=(("de", "Seit dem Update am Samstag geht der Scanner nicht."),
                 ("en", "On Monday we had a power cut."),
                 ("en", "By Friday doesn't work for us."),
                 ("en", "The connector on the Ricoh lost its default after the firmware "
                        "update on Monday."),
                 ("de", "Der Scanner ist nach dem Update am Samstag ausgefallen.")),
        weekday=True,
    ),
)

_BY_NAME = {form.name: form for form in FORMS}
_PATTERNS = [(form.name, form.pattern) for form in FORMS]
_CALENDAR = frozenset(form.name for form in FORMS if form.calendar)


def _resolve(kind: str, m: re.Match[str], today: date, language: str) -> date | None:
    """The day the form ``kind`` reads in ``m`` (or None)."""
    return _BY_NAME[kind].resolve(m.groupdict(), today, language)


@memo
def parse_due(sentence: str, sent: datetime, language: str) -> date | None:
    """The first due date named in ``sentence``, or None.

    A weekday followed by its calendar date ("bis Freitag, 27.11.") means that date, even when
    the sentence was written the week before. A date before the day the message was sent is
    history, not a due date.
    """
    found = explain_due(sentence, sent, language)
    return found[0] if found else None


def explain_due(sentence: str, sent: datetime, language: str) -> tuple[date, str] | None:
    """The first due date named in ``sentence`` and the name of the form that read it."""
    kinds = _possible_kinds(sentence)
    if not kinds:
        return None
    today = local_date(sent)
    if not _FIRST_DAY <= today <= _LAST_DAY:
        return None  # no due date relative to a day no real mail was sent on
    found: list[tuple[int, int, int, date]] = []
    for order, form in enumerate(FORMS):
        if form.name not in kinds:
            continue
        for m in form.pattern.finditer(sentence):
            if form.weekday and _in_the_past(sentence, m) or _turned_down(sentence, m):
                continue
            try:
                due = form.resolve(m.groupdict(), today, language)
            except (OverflowError, ValueError):  # "KW 99", "in 999 weeks": no such day
                due = None
            if due is not None and due >= today:
                found.append((m.start(), m.end(), order, due))
                break
    calendar = [f for f in found if FORMS[f[2]].calendar]
    found = [
        f for f in found
        if not FORMS[f[2]].weekday
        or not any(0 <= c[0] - f[1] <= 6 or c[0] < f[1] and f[0] < c[1] for c in calendar)
    ]
    if not found:
        return None
    # "work on it first thing tomorrow, and I'll send you a summary by Monday 11/16": the date
    # a deadline word introduces binds, a day merely named does not
    first = min(found, key=lambda f: (not _deadline(sentence, f[0], f[1]), f))
    return first[3], FORMS[first[2]].name


_DEADLINE_WORDS = r"(?:by|bis|until|till|before|no later than|spätestens|due)"
_DEADLINE_WORD = re.compile(rf"{_DEADLINE_WORDS}\b", _F)
_DEADLINE_BEFORE = re.compile(rf"\b{_DEADLINE_WORDS}\s+(?:\S+\s+){{0,2}}$", _F)


def _deadline(sentence: str, start: int, end: int) -> bool:
    return bool(_DEADLINE_WORD.match(sentence, start)
                or _DEADLINE_BEFORE.search(sentence[max(0, start - 30):start]))


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


# "lost its default after the firmware update on Monday": the event a fault came after, in a
# sentence told in the past ("Wir testen nach dem Update am Montag" is still ahead)
_AFTER_EVENT = re.compile(
    r"\b(?:after|nach)\s+(?:the|our|an?|dem|der|einem|einer)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[\w-]*update|upgrade|patch|reboot|restart|neustart|migration|umzug|outage|ausfall"
    r"|wartung|maintenance|umstellung)\s*$", _F)
_TOLD_PAST = re.compile(
    r"\b(?:lost|broke|went|was|were|had|did|froze|stopped|failed|crashed|dropped|happened"
    r"|started|began|ausgefallen|abgestürzt|verloren|hängengeblieben|war|waren|hatte|hatten"
    r"|ging|gingen|lief|liefen)\b", _F)


def _in_the_past(sentence: str, m: re.Match[str]) -> bool:
    """A weekday the sentence places in the past names no due date."""
    weak = _WEAK_PREFIX.match(m.group(0)) is not None
    before = sentence[: m.start()]
    return bool(weak and (_PAST_BEFORE.search(before)
                          or _AFTER_EVENT.search(before) and _TOLD_PAST.search(sentence))
                or _PAST_AFTER.match(sentence[m.end():]))

# Screens that skip the forms which cannot match (most sentences name no date at all): each
# form's words and digit, as ``FORMS`` declares them. Under IGNORECASE only "İ", "ı" and "ſ"
# match an ASCII letter that ``str.lower`` does not turn into it, so a sentence with one of
# them runs every pattern.
_NEEDS_DIGIT = frozenset(form.name for form in FORMS if form.needs_digit)
_SCREENS: dict[str, tuple[tuple[str, ...], ...]] = {form.name: form.screens for form in FORMS}
_ALL_KINDS = frozenset(_SCREENS)
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
