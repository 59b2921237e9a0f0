"""Our promises: a to-do of our own, or taken on by the request they answer, with its date."""

from __future__ import annotations

import pytest
from extracthelp import answer_thread, point_with

from mailsum.extract.points import classify


@pytest.mark.parametrize(("sentence", "language"), [
    ("I am checking with the vendor.", "en"),
    ("We're looking into it.", "en"),
    ("Let me check and get back to you.", "en"),
    ("Ich schaue es mir an.", "de"),
    ("Ich schaue es mir morgen früh an und melde mich.", "de"),
])
def test_our_own_promises_in_everyday_words_are_to_dos(sentence: str, language: str) -> None:
    assert classify(sentence, False, language, True) == "todo"


def test_our_promise_takes_on_the_customers_request_and_its_date() -> None:
    x = answer_thread(
        ("k@acme.de", "Bitte erneuern Sie das Zertifikat bis zum 30.11., damit es zu keiner "
                      "Unterbrechung kommt."),
        ("sandra@provider.de", "ich kümmere mich darum und erneuere das Zertifikat bis "
                               "Freitag, 27.11."),
        ("sandra@provider.de", "Die Erneuerung des Zertifikats verschiebt sich, ich erneuere "
                               "das Zertifikat bis zum 04.12."),
    )
    assert len(x.points) == 1  # one task, not a request and two promises
    request = x.points[0]
    assert request.owner == "sandra@provider.de"
    assert request.promise is not None and "04.12." in request.promise  # the latest promise
    assert request.due is not None and request.due.isoformat() == "2026-11-30"  # theirs binds
    assert [(c.old, c.new) for c in x.owner_changes] == [
        ("max.weber@provider.de", "sandra@provider.de")]


@pytest.mark.parametrize("promise", [
    "I'll take care of it and get back to you by Wednesday.",
    "Ich schaue mir das bis Freitag an.",
    "Wir kümmern uns bis Montag darum.",
])
def test_a_promise_on_it_takes_on_the_one_request_of_the_mail_it_answers(promise: str) -> None:
    x = answer_thread(("k@acme.de", "Der Scanner im 2. OG geht nicht. Können Sie sich das "
                                     "bitte ansehen?"),
                       ("tom@provider.de", promise))
    request = point_with(x, "Können Sie")
    assert request.promise == promise and request.owner == "tom@provider.de"
    assert request.due is not None
    assert [p.kind for p in x.points] == ["blocker", "request"]  # no separate to-do


def test_a_promise_on_it_after_two_requests_stays_a_todo_of_its_own() -> None:
    x = answer_thread(("k@acme.de", "Können Sie sich den Scanner ansehen? Bitte richten Sie "
                                     "auch ein Postfach für Frau Wolf ein."),
                       ("tom@provider.de", "I'll take care of it by Wednesday."))
    assert all(p.promise is None for p in x.points)
    assert point_with(x, "take care").kind == "todo"
