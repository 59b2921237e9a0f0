"""classify_auto and away_until on German and English machine-sent mail."""

from __future__ import annotations

from datetime import date

import pytest

from mailsum.parse.autoreply import away_until, classify_auto

PERSON = "anna@kunde.example"


@pytest.mark.parametrize(
    ("headers", "subject"),
    [
        ({"Auto-Submitted": "auto-replied"}, "Re: Störung"),
        ({"auto-submitted": "auto-generated"}, "Ticket 4711"),
        ({"X-Autoreply": "yes"}, "Ticket"),
        ({"X-Autorespond": "1"}, "Ticket"),
        ({"Precedence": "auto_reply"}, "Ticket"),
        ({"X-Auto-Response-Suppress": "All", "In-Reply-To": "<a@b>"}, "Ticket"),
        ({}, "Abwesenheitsnotiz: Störung Drucker"),
        ({}, "Automatische Antwort: AW: Drucker"),
        ({}, "Out of Office: printer"),
        ({}, "Automatic reply: printer"),
        ({}, "Abwesend bis 5.12."),
        ({}, "Urlaub"),
    ],
)
def test_auto_reply(headers: dict[str, str], subject: str) -> None:
    assert classify_auto(headers, PERSON, subject, "") == "auto-reply"


def test_auto_submitted_no_is_a_person() -> None:
    assert classify_auto({"Auto-Submitted": "no"}, PERSON, "Frage", "") is None


def test_auto_response_suppress_alone_is_not_enough() -> None:
    assert classify_auto({"X-Auto-Response-Suppress": "All"}, PERSON, "Neues Thema", "") is None


@pytest.mark.parametrize(
    ("headers", "sender", "subject"),
    [
        ({}, "MAILER-DAEMON@mx.example", "Mail failure"),
        ({}, "postmaster@kunde.example", "Nachricht"),
        ({"Return-Path": "<>"}, "", "Notice"),
        ({"Content-Type": 'multipart/report; report-type="delivery-status"; b=x'}, "", "x"),
        ({}, "", "Undelivered Mail Returned to Sender"),
        ({}, "system@exchange.example", "Unzustellbar: Angebot"),
        # a bounce often also says Auto-Submitted; it is still a bounce
        ({"Auto-Submitted": "auto-replied"}, "mailer-daemon@mx.example", "failure"),
    ],
)
def test_bounce(headers: dict[str, str], sender: str, subject: str) -> None:
    assert classify_auto(headers, sender, subject, "") == "bounce"


@pytest.mark.parametrize(
    "headers",
    [
        {"Precedence": "bulk"},
        {"precedence": "list"},
        {"Precedence": "junk"},
        {"List-Id": "<news.example.com>"},
        {"List-Unsubscribe": "<mailto:unsubscribe@news.example>"},
    ],
)
def test_bulk(headers: dict[str, str]) -> None:
    assert classify_auto(headers, "news@news.example", "Newsletter März", "") == "bulk"


def test_person_mail() -> None:
    headers = {"From": PERSON, "Subject": "AW: Urlaubsplanung Wartungsfenster"}
    assert classify_auto(headers, PERSON, "AW: Urlaubsplanung Wartungsfenster", "Hallo") is None


SENT = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich bin bis einschließlich 5.12.2026 nicht im Büro.", date(2026, 12, 5)),
        ("Ich bin bis zum 05.12. im Urlaub.", date(2026, 12, 5)),
        ("Ich bin bis Freitag, den 4. Dezember abwesend.", date(2026, 12, 4)),
        ("Ab dem 8. Dezember bin ich wieder erreichbar.", date(2026, 12, 7)),
        ("Ich bin am Dienstag, 8.12. wieder im Büro.", date(2026, 12, 7)),
        ("I am out of the office until December 5.", date(2026, 12, 5)),
        ("I'm away until 5 December 2026 with limited access.", date(2026, 12, 5)),
        ("I will be back on 8 December.", date(2026, 12, 7)),
        ("Out of office, returning 12/08.", date(2026, 12, 7)),
        ("Back in the office on Monday, December 7th.", date(2026, 12, 6)),
        ("Abwesend bis 2026-12-05.", date(2026, 12, 5)),
    ],
)
def test_away_until(text: str, expected: date) -> None:
    assert away_until(text, SENT) == expected


def test_away_until_rolls_over_the_year() -> None:
    assert away_until("Ich bin bis 6.1. im Urlaub.", date(2026, 12, 20)) == date(2027, 1, 6)
    assert away_until("Back on January 4.", date(2026, 12, 20)) == date(2027, 1, 3)


def test_away_until_weekday_only() -> None:
    # 30 Nov 2026 is a Monday: "bis Freitag" is 4 Dec
    assert away_until("Ich bin bis Freitag nicht erreichbar.", SENT) == date(2026, 12, 4)


def test_away_until_first_date_wins_and_nonsense_is_none() -> None:
    text = "Ich bin bis 3.12. im Urlaub. In dringenden Fällen bis 10.12. an Anna wenden."
    assert away_until(text, SENT) == date(2026, 12, 3)
    assert away_until("Ich bin bis 31.02. weg.", SENT) is None
    assert away_until("Vielen Dank für Ihre Nachricht.", SENT) is None
    assert away_until("", SENT) is None


def test_out_of_office_with_null_return_path_is_an_auto_reply_not_a_bounce():
    headers = {"return-path": "<>", "auto-submitted": "auto-replied",
               "subject": "Automatische Antwort: Server"}
    assert classify_auto(headers, "max@provider.de", "Automatische Antwort: Server", "") == \
        "auto-reply"
    assert classify_auto({"return-path": "<>"}, "x@y.de", "Hallo", "") == "bounce"
