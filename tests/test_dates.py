"""Due dates relative to a fixed sent date (Wednesday, 25 Nov 2026, Berlin)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mailsum.extract.dates import local_date, parse_due

WED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
FRI = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Bitte bis Freitag erledigen.", "de", date(2026, 11, 27)),
        ("Bitte bis zum 30.11. Bescheid geben.", "de", date(2026, 11, 30)),
        ("Das Angebot brauchen wir bis 3. Dezember.", "de", date(2026, 12, 3)),
        ("Bitte bis Ende der Woche.", "de", date(2026, 11, 27)),
        ("Die Rechnung kommt Ende des Monats.", "de", date(2026, 11, 30)),
        ("Zum Monatsende läuft der Vertrag aus.", "de", date(2026, 11, 30)),
        ("Ich melde mich bis morgen.", "de", date(2026, 11, 26)),
        ("Das muss heute noch raus.", "de", date(2026, 11, 25)),
        ("Bitte bis spätestens KW 49 umsetzen.", "de", date(2026, 12, 4)),
        ("Wir kommen übermorgen vorbei.", "de", date(2026, 11, 27)),
        ("Das machen wir nächste Woche.", "de", date(2026, 12, 4)),
        ("Der Umzug ist am 27.11.2026.", "de", date(2026, 11, 27)),
        ("Please send it by Friday.", "en", date(2026, 11, 27)),
        ("We need the report by 3 March.", "en", date(2027, 3, 3)),
        ("Please reply by March 3rd.", "en", date(2027, 3, 3)),
        ("The offer is valid until 15 December.", "en", date(2026, 12, 15)),
        ("Please finish by end of week.", "en", date(2026, 11, 27)),
        ("We need it by end of month.", "en", date(2026, 11, 30)),
        ("Can you fix it by tomorrow?", "en", date(2026, 11, 26)),
        ("I need the numbers EOD.", "en", date(2026, 11, 25)),
        ("Please pay by 12/15.", "en", date(2026, 12, 15)),
        ("Please reply by Wednesday.", "en", date(2026, 12, 2)),
        ("We need this by end of day Thursday.", "en", date(2026, 11, 26)),
        ("The deadline is next Monday.", "en", date(2026, 11, 30)),
        ("Payment is due within 14 days.", "en", date(2026, 12, 9)),
        ("Please reply within 2 business days.", "en", date(2026, 11, 27)),
        ("We will ship in a week.", "en", date(2026, 12, 2)),
        ("Bitte innerhalb von 3 Werktagen bestätigen.", "de", date(2026, 11, 30)),
        ("Innerhalb der nächsten 5 Tage bitte melden.", "de", date(2026, 11, 30)),
        ("Bitte binnen einer Woche zahlen.", "de", date(2026, 12, 2)),
        ("Der Termin ist in zwei Wochen.", "de", date(2026, 12, 9)),
    ],
)
def test_due_dates(sentence: str, language: str, expected: date) -> None:
    assert parse_due(sentence, WED, language) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Guten Morgen Herr Meier, der Drucker ist defekt.",
        "Wir haben Version v2.3.1 um 10.30 Uhr installiert.",
        "The printer is broken.",
        "You may 5 times try again.",
        "Vor 3 Tagen ging es noch.",
        "Seit 2 Wochen kein Update.",
        "In a few days we will know more.",
    ],
)
def test_no_due_date(sentence: str) -> None:
    assert parse_due(sentence, WED, "de" if "Herr" in sentence else "en") is None


def test_us_month_day_only_in_english() -> None:
    assert parse_due("bis 12/15", WED, "de") is None
    assert parse_due("by 12/15", WED, "en") == date(2026, 12, 15)


def test_weekday_on_the_same_day_means_next_week() -> None:
    assert parse_due("bis Freitag", FRI, "de") == date(2026, 12, 4)
    assert parse_due("heute noch", FRI, "de") == date(2026, 11, 27)
    assert parse_due("by today", FRI, "en") == date(2026, 11, 27)


def test_year_rolls_over_to_next_occurrence() -> None:
    sent = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    assert parse_due("bis zum 10.01.", sent, "de") == date(2027, 1, 10)
    assert parse_due("bis 20. Dezember", sent, "de") == date(2026, 12, 20)
    assert parse_due("bis Ende der Woche", sent, "de") == date(2026, 12, 25)  # sent on a Sunday


def test_sent_date_is_taken_in_berlin() -> None:
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # already 27 Nov in Berlin
    assert local_date(late) == date(2026, 11, 27)
    assert parse_due("bis morgen", late, "de") == date(2026, 11, 28)


def test_first_date_in_sentence_wins() -> None:
    assert parse_due("Bis Freitag das Angebot, bis 15.12. die Lieferung.", WED, "de") == date(
        2026, 11, 27
    )


def test_weekday_with_its_date_means_that_date() -> None:
    thursday_before = datetime(2026, 11, 19, 10, 0, tzinfo=UTC)
    assert parse_due("Ich erneuere das Zertifikat bis Freitag, 27.11.", thursday_before,
                     "de") == date(2026, 11, 27)


def test_a_date_before_the_message_is_not_due() -> None:
    sent = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
    assert parse_due("Die Exporte vom 16. und 17.11. habe ich nachgeholt.", sent, "de") is None
    assert parse_due("Bitte bis 10.1. liefern.", sent, "de") == date(2027, 1, 10)


def test_look_alike_letters_in_a_weekday_never_crash():
    sent = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday
    # IGNORECASE lets "ſ" (long s) and "İ" match the weekday pattern; casefold reads the long s
    assert parse_due("Please fix it by tueſday.", sent, "en") == date(2026, 11, 24)
    assert parse_due("Please fix it by frİday.", sent, "en") is None


@pytest.mark.parametrize(("sentence", "language"), [
    ("Since the update on Saturday our scanners cannot connect to the WMS.", "en"),
    ("Seit dem Update am Samstag geht der Scanner nicht.", "de"),
    ("Am Samstag hatten wir das Update eingespielt.", "de"),
    ("On Monday we had a power cut.", "en"),
])
def test_a_weekday_in_the_past_is_no_due_date(sentence: str, language: str) -> None:
    assert parse_due(sentence, WED, language) is None


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Since the server is down, please fix it by Friday.", "en", date(2026, 11, 27)),
    ("Since the server is down please fix it by Friday.", "en", date(2026, 11, 27)),
    ("Please send the last report on Friday.", "en", date(2026, 11, 27)),
    ("Der Drucker geht seit Montag nicht, bitte am Freitag vorbeikommen.", "de",
     date(2026, 11, 27)),
])
def test_a_deadline_beside_a_past_word_stays(sentence: str, language: str,
                                             expected: date) -> None:
    assert parse_due(sentence, WED, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Ich melde mich Anfang nächster Woche.", "de", date(2026, 12, 1)),
    ("I will get back to you early next week.", "en", date(2026, 12, 1)),
    ("Mitte nächster Woche ist es fertig.", "de", date(2026, 12, 2)),
    ("We expect it mid-next week.", "en", date(2026, 12, 2)),
    ("Ende nächster Woche ist es fertig.", "de", date(2026, 12, 4)),
    ("We'll have it by the end of next week.", "en", date(2026, 12, 4)),
])
def test_part_of_next_week(sentence: str, language: str, expected: date) -> None:
    assert parse_due(sentence, WED, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Bitte bis Mitte Dezember liefern.", "de", date(2026, 12, 15)),
    ("Bitte bis Anfang Januar erledigen.", "de", date(2027, 1, 7)),
    ("Please do it by mid-December.", "en", date(2026, 12, 15)),
    ("Please do it by early January.", "en", date(2027, 1, 7)),
    ("Bitte bis zum Jahresende.", "de", date(2026, 12, 31)),
    ("Please do it by the end of the year.", "en", date(2026, 12, 31)),
    ("Bitte vor Weihnachten erledigen.", "de", date(2026, 12, 24)),
    ("Please do it before Christmas.", "en", date(2026, 12, 24)),
    ("Bitte spätestens um 15 Uhr zurückrufen.", "de", date(2026, 11, 25)),
    ("Please call back by 3pm.", "en", date(2026, 11, 25)),
    ("Please do it by tonight.", "en", date(2026, 11, 25)),
    ("Bitte im Laufe des Tages.", "de", date(2026, 11, 25)),
    ("Bitte bis Freitag nächster Woche.", "de", date(2026, 12, 4)),
    ("Please reply by Friday next week.", "en", date(2026, 12, 4)),
    ("Bitte bis Montag nächster Woche.", "de", date(2026, 11, 30)),
])
def test_business_phrases_for_a_due_date(sentence: str, language: str, expected: date) -> None:
    assert parse_due(sentence, WED, language) == expected


@pytest.mark.parametrize(("sentence", "language"), [
    ("Wir treffen uns um 15 Uhr.", "de"),  # a meeting time, no deadline
    ("Ich bin bis 15 Uhr im Meeting.", "de"),  # a duration
    ("I can support the accountants until 5pm.", "en"),
    ("Remember it for your year end review.", "en"),
    ("Das Update kam Mitte November.", "de"),  # the past
    ("Sales in may were good.", "en"),  # "may" in lower case is no month
])
def test_no_due_date_in_times_and_past_months(sentence: str, language: str) -> None:
    assert parse_due(sentence, WED, language) is None


@pytest.mark.parametrize(("sentence", "language"), [
    ("Der 05.12. passt uns leider nicht, an dem Wochenende läuft die Jahresablesung.", "de"),
    ("Freitag geht bei uns leider nicht.", "de"),
    ("Samstag, 12.12., klappt nicht.", "de"),
    ("Der 12.12. wäre uns leider ungünstig.", "de"),
    ("On Friday doesn't work for us.", "en"),
    ("December 5 is not possible for us.", "en"),
])
def test_a_date_turned_down_is_no_due_date(sentence: str, language: str) -> None:
    assert parse_due(sentence, WED, language) is None


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Der 12.12. passt uns gut.", "de", date(2026, 12, 12)),
    ("December 5 works for us.", "en", date(2026, 12, 5)),
    ("Bis Freitag geht das nicht mehr, aber bis Montag.", "de", date(2026, 11, 27)),
])
def test_a_date_accepted_stays_due(sentence: str, language: str, expected: date) -> None:
    assert parse_due(sentence, WED, language) == expected


def test_a_date_a_deadline_word_introduces_wins_over_a_day_merely_named() -> None:
    """"work on it first thing tomorrow, and I'll send you a summary by Monday 11/16": the
    summary is due on the 16th; the day work starts is no deadline."""
    sent = datetime(2026, 11, 12, 19, 20, tzinfo=UTC)
    assert parse_due("Alicia will work on it first thing tomorrow, and I'll send you a written "
                     "summary by Monday 11/16.", sent, "en") == date(2026, 11, 16)
    tuesday = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    assert parse_due("Ich schaue es mir morgen an und schicke Ihnen den Bericht bis Freitag.",
                     tuesday, "de") == date(2026, 11, 13)
    assert parse_due("Morgen früh schaue ich es mir an.", tuesday, "de") == date(2026, 11, 11)
