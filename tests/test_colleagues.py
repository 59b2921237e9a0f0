from __future__ import annotations

import pytest

from mailsum.colleagues import handed_over_to, resolve


@pytest.mark.parametrize(("sentence", "name"), [
    ("Ich bin ab Montag im Urlaub, Herr Klein übernimmt meine Tickets.", "Klein"),
    ("Herr Klein übernimmt ab Montag die Betreuung Ihres Kontos.", "Klein"),
    ("Frau Berger vertritt mich bis Freitag.", "Berger"),
    ("Ich übergebe das Ticket an Herrn Klein.", "Klein"),
    ("Mark will take over my tickets while I am away.", "Mark"),
    ("Mark is covering for me this week.", "Mark"),
    ("I am handing this over to Mark.", "Mark"),
])
def test_handover_names_the_colleague(sentence: str, name: str) -> None:
    assert handed_over_to(sentence) == name


@pytest.mark.parametrize("sentence", [
    "Ich übernehme das Ticket.",  # the writer takes over: extract's takeover cues handle it
    "Sie übernimmt das Ticket.",  # a pronoun names nobody
    "Die Firma übernimmt die Kosten.",  # costs, not work
    "Mark sent the logs yesterday.",
])
def test_no_handover(sentence: str) -> None:
    assert handed_over_to(sentence) is None


KNOWN = {"mark.klein@provider.de": "Mark Klein", "max.weber@provider.de": "Max Weber",
         "s.berger@provider.de": "", "m.klein@provider.de": ""}


def test_a_name_resolves_by_address_or_display_name_when_unique() -> None:
    assert resolve("Berger", KNOWN) == "s.berger@provider.de"
    assert resolve("Mark", KNOWN) == "mark.klein@provider.de"
    assert resolve("weber", KNOWN) == "max.weber@provider.de"


def test_an_ambiguous_or_unknown_name_resolves_to_nobody() -> None:
    assert resolve("Klein", KNOWN) is None  # two addresses carry "klein"
    assert resolve("Tom", KNOWN) is None
