"""What asks something of the other side: requests, questions, needs and dates put forward."""

from __future__ import annotations

import pytest
from extracthelp import msg

from mailsum.extract.points import classify, read_thread
from mailsum.models import Team, Thread


def test_a_plea_to_reply_by_a_date_still_asks() -> None:
    assert classify("Antworten Sie bitte auf diese E-Mail bis Freitag.", True, "de") == "request"


@pytest.mark.parametrize("sentence", [
    "I still need the serial number of the device.",
    "We urgently need on-site support.",
    "We are waiting for your feedback.",
    "Awaiting your reply.",
])
def test_english_needs_and_waiting_ask(sentence: str) -> None:
    assert classify(sentence, False, "en") == "request"


def test_let_me_know_still_asks() -> None:
    assert classify("Let me know when it works.", False, "en") == "request"


@pytest.mark.parametrize(("sentence", "language"), [
    ("Unser Vorschlag: Samstag, 05.12.2026, 06:00 bis 10:00 Uhr.", "de"),
    ("Wir schlagen für die Umstellung den 12.12. vor.", "de"),
    ("Our proposal is Saturday 5 December for the migration.", "en"),
    ("How about Saturday, 5 December?", "en"),
])
def test_a_date_put_forward_asks_and_is_not_due(sentence: str, language: str) -> None:
    msgs = [msg("<1@provider.de>", "j@provider.de", sentence, 20, language=language)]
    thread = Thread("<1@provider.de>", "Wartung", ["<1@provider.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [(p.kind, p.due) for p in x.points] == [("question", None)]
