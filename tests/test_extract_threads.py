"""A thread read as a whole: kinds and due dates over a ticket, one point per thing asked,
chasing, order, stable ids, verbatim texts (German and English)."""

from __future__ import annotations

import pytest
from extracthelp import load_fixture, msg, point_with, run_fixture

from mailsum.extract.points import point_id, read_thread
from mailsum.models import Team, Thread


def test_german_ticket_kinds_and_due_dates() -> None:
    x = run_fixture("ticket_de.json")
    blocker = point_with(x, "Drucker im 2. OG nicht")
    assert blocker.kind == "blocker" and blocker.raised_by == "it@acme.de"
    request = point_with(x, "bis Freitag ansehen")
    assert request.kind == "request"
    assert request.due is not None and request.due.isoformat() == "2026-11-27"
    todo = point_with(x, "ich kümmere mich")
    assert todo.kind == "todo" and todo.raised_by == "max.technik@provider.de"
    # Max's own commitment moves to Lena when she takes over from him
    assert [(c.old, c.new) for c in x.owner_changes if c.point_id == todo.id] == [
        ("max.technik@provider.de", "lena.support@provider.de")
    ]
    assert todo.owner == "lena.support@provider.de"
    assert todo.due is not None and todo.due.isoformat() == "2026-11-24"


def test_english_thread_escalation_owner_and_resolution() -> None:
    x = run_fixture("ticket_en.json")
    vpn = point_with(x, "VPN access")
    assert vpn.kind == "request"
    # Sam's "I'll take care of it and send the credentials tomorrow" takes the request on: the
    # promised day (earlier than the customer's Friday) is its due date, no to-do beside it
    assert vpn.promise == "I'll take care of it and send the credentials tomorrow."
    assert vpn.due is not None and vpn.due.isoformat() == "2026-03-03"
    assert not [p for p in x.points if "send the credentials" in p.text]
    assert vpn.escalation is True  # "This is urgent." in the same message
    assert vpn.owner == "sam@provider.com"  # taken over without a previous owner: no change
    assert x.owner_changes == []
    assert all(p.status == "resolved" for p in x.points)
    assert {p.resolved_by for p in x.points} == {"<en-4@customer.com>"}


def test_messages_are_ordered_by_date() -> None:
    forward, backward = run_fixture("ticket_de.json"), run_fixture("ticket_de.json", reverse=True)
    assert [p.id for p in forward.points] == [p.id for p in backward.points]
    assert forward.owner_changes == backward.owner_changes


def test_repeated_question_keeps_first_point() -> None:
    x = run_fixture("ticket_en.json")
    backup = [p for p in x.points if "backup job" in p.text]
    assert len(backup) == 1 and backup[0].message_id == "<en-1@customer.com>"


def test_ids_are_stable_and_whitespace_insensitive() -> None:
    a, b = run_fixture("ticket_de.json"), run_fixture("ticket_de.json")
    assert [p.id for p in a.points] == [p.id for p in b.points]
    assert len({p.id for p in a.points}) == len(a.points)
    same = point_id("<m@x>", "Bitte prüfen Sie das.")
    assert point_id("<m@x>", "Bitte  prüfen\n Sie das.") == same
    assert point_id("<m@x>", "Bitte prüfen.") != point_id("<n@x>", "Bitte prüfen.")
    assert len(point_id("<m@x>", "a")) == 16


def test_point_texts_are_verbatim_from_own_text() -> None:
    _, messages, _ = load_fixture("ticket_de.json")
    own = {m.message_id: m.own_text for m in messages}
    for p in run_fixture("ticket_de.json").points:
        assert p.text in own[p.message_id]


def test_a_question_asked_again_in_other_words_stays_one_point() -> None:
    msgs = [
        msg("<1@p.de>", "s@provider.de", "Für den PDM-Zugang von Frau Wolf: Welche "
             "Projektordner soll sie sehen?", 24),
        msg("<2@p.de>", "s@provider.de", "Offen ist nur noch der PDM-Zugang: Welche "
             "Projektordner soll Frau Wolf sehen?", 26),
    ]
    thread = Thread(thread_id="<1@p.de>", subject="PDM", message_ids=["<1@p.de>", "<2@p.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [p.message_id for p in x.points] == ["<1@p.de>"]


def test_the_same_question_about_another_number_is_another_point() -> None:
    msgs = [msg(f"<{n}@k.de>", "k@kunde.de", f"Können Sie bitte bis Freitag den Drucker "
                 f"Nummer {n} prüfen?", 20 + n) for n in (1, 2)]
    thread = Thread(thread_id="<1@k.de>", subject="Drucker", message_ids=["<1@k.de>", "<2@k.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [p.message_id for p in x.points] == ["<1@k.de>", "<2@k.de>"]


@pytest.mark.parametrize(("sentence", "escalates"), [
    ("Wir warten jetzt seit einer Woche auf eine Antwort.", True),
    ("Das ist jetzt das dritte Mal, dass ich nachfrage.", True),
    ("Wir warten immer noch auf den Techniker.", True),
    ("Bitte mit hoher Priorität behandeln.", True),
    ("We are still waiting for a reply.", True),
    ("This is the third time I am asking.", True),
    ("Ich warte auf Ihre Rückmeldung.", False),
    ("I am waiting for your reply.", False),
    ("Die Priorität ist niedrig.", False),
])
def test_a_customer_chasing_escalates(sentence: str, escalates: bool) -> None:
    msgs = [msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
            msg("<2@acme.de>", "k@acme.de", sentence, 20)]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    first = next(p for p in x.points if p.message_id == "<1@acme.de>")
    assert first.escalation is escalates


def test_a_colleague_of_the_customer_asking_again_or_chasing_is_the_same_point() -> None:
    msgs = [msg("<1@acme.de>", "k.lang@acme.de", "Welche Lizenzen brauchen wir für die "
                 "neuen Kollegen?", 16),
            msg("<2@acme.de>", "chefin@acme.de", "Welche Lizenzen brauchen wir denn nun für "
                 "die neuen Kollegen? Wir warten jetzt seit einer Woche auf eine Antwort.", 20)]
    x = read_thread(Thread("<1@acme.de>", "Lizenzen", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)))
    (point,) = [p for p in x.points if "Lizenzen" in p.text]
    assert point.message_id == "<1@acme.de>" and point.escalation is True
    # the same words from our side are our own point, not theirs asked again
    msgs[1] = msg("<2@provider.de>", "max@provider.de", "Welche Lizenzen brauchen wir denn "
                   "nun für die neuen Kollegen?", 20)
    x = read_thread(Thread("<1@acme.de>", "Lizenzen", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)))
    assert len([p for p in x.points if "Lizenzen" in p.text]) == 2


def test_points_carry_their_sentence_number_in_the_message() -> None:
    text = ("Guten Morgen Frau Kern. Der Drucker im 2. OG druckt nicht. Wir haben alles neu "
            "gestartet. Können Sie bitte heute noch vorbeikommen?")
    msgs = [msg("<1@acme.de>", "k@acme.de", text, 9)]
    x = read_thread(Thread("<1@acme.de>", "Drucker", ["<1@acme.de>"]), msgs,
                       team=Team(("provider.de",)))
    # the greeting is no content sentence and is not counted
    assert [(p.kind, p.position) for p in x.points] == [("blocker", 0), ("request", 2)]
