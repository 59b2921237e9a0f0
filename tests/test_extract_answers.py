"""A question settled by the answer to it: which reply answers, which question, and reopening."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from extracthelp import answer_thread, msg, point_with

from mailsum.extract.answers import picks_alternative
from mailsum.extract.points import read_thread
from mailsum.models import Team, Thread


@pytest.mark.parametrize(("asked", "reply"), [
    ("Welche CAD-Lizenzen sollen die beiden bekommen – SolidWorks Standard oder Professional?",
     "Hallo Herr Weber, beide bekommen SolidWorks Standard."),
    ("Could you send me the firmware version shown under Settings > About on one of the "
     "scanners?", "The scanners show firmware 4.2.1 (build 2207)."),
    ("Passt Ihnen der Termin?", "Der Termin passt uns leider nicht."),
    # a compound's head: "Ordner" answers "Projektordner"
    ("Für den PDM-Zugang von Frau Wolf: Welche Projektordner soll sie sehen?",
     "Frau Wolf braucht nur die Ordner Konstruktion und Vertrieb."),
    ("Unser Vorschlag: Samstag, 05.12.2026, 06:00 bis 10:00 Uhr.",
     "Der 05.12. geht bei uns nicht, an dem Wochenende läuft die Jahresablesung."),
])
def test_our_question_is_settled_by_the_customers_answer(asked: str, reply: str) -> None:
    x = answer_thread(("max.weber@provider.de", asked), ("k@acme.de", reply))
    point = point_with(x, asked[:20])
    assert point.kind in ("question", "request")
    assert point.status == "resolved" and point.resolved_by == "<1@x>"


@pytest.mark.parametrize("reply", [
    "Das kläre ich intern und melde mich wegen der Lizenzen.",  # a promise to find out
    "Welche Lizenzen empfehlen Sie denn?",  # a question back
    "Die Rechner stehen schon im Lager im EG.",  # another topic
])
def test_a_reply_that_does_not_answer_leaves_our_question_open(reply: str) -> None:
    x = answer_thread(("max.weber@provider.de", "Welche CAD-Lizenzen sollen die beiden "
                        "bekommen – SolidWorks Standard oder Professional?"), ("k@acme.de", reply))
    assert point_with(x, "CAD-Lizenzen").status == "open"


def test_our_statement_answers_a_customers_question_but_not_their_request() -> None:
    x = answer_thread(
        ("k@acme.de", "Brauchen Sie dafür noch eine schriftliche Freigabe der Geschäftsführung? "
                      "Bitte richten Sie bis Freitag zwei Konten für die neuen Kollegen ein."),
        ("max.weber@provider.de", "Eine Freigabe der Geschäftsführung brauchen wir nicht. "
                                  "Die Konten für die neuen Kollegen sind in Arbeit."),
    )
    assert point_with(x, "Freigabe").status == "resolved"
    assert point_with(x, "Konten").status == "open"  # talking about a task does not do it


def test_an_answer_from_the_same_side_settles_nothing() -> None:
    x = answer_thread(("k@acme.de", "Wann kommt der Techniker für den Drucker?"),
                       ("b@acme.de", "Der Techniker für den Drucker kommt sicher bald."))
    assert point_with(x, "Techniker").status == "open"


def test_an_answer_settles_only_the_question_it_speaks_to() -> None:
    x = answer_thread(
        ("max.weber@provider.de", "Welche CAD-Lizenzen sollen die beiden bekommen, SolidWorks "
                                  "Standard oder Professional? Welche Projektordner soll Frau "
                                  "Wolf im PDM sehen?"),
        ("k@acme.de", "Beide bekommen SolidWorks Standard."),
    )
    assert point_with(x, "CAD-Lizenzen").status == "resolved"
    assert point_with(x, "Projektordner").status == "open"


def test_a_point_the_contact_reopened_is_settled_only_by_later_mail() -> None:
    mails = [("max.weber@provider.de", "Welche CAD-Lizenzen sollen die beiden bekommen, "
              "SolidWorks Standard oder Professional?"),
             ("k@acme.de", "Beide bekommen SolidWorks Standard.")]
    x = answer_thread(*mails)
    (point,) = x.points
    assert point.resolved_by == "<1@x>"
    msgs = [msg(f"<{i}@x>", sender, text, 16 + i) for i, (sender, text) in enumerate(mails)]
    thread = Thread("<0@x>", "Konten", [m.message_id for m in msgs])
    reopened = {point.id: datetime(2026, 11, 18, 12, 0, tzinfo=UTC)}  # after the answer
    x = read_thread(thread, msgs, team=Team(("provider.de",)), reopened=reopened)
    assert x.points[0].status == "open"
    msgs.append(msg("<2@x>", "k@acme.de", "Korrektur: beide bekommen SolidWorks Professional.",
                     19))
    x = read_thread(thread, msgs, team=Team(("provider.de",)), reopened=reopened)
    assert x.points[0].status == "resolved" and x.points[0].resolved_by == "<2@x>"


_EITHER = ("One question: should she get access to the production AWS account like the rest "
           "of the backend team, or only to staging for now?")


@pytest.mark.parametrize(("asked", "reply"), [
    (_EITHER, "Staging only for the first month, please."),
    (_EITHER, "Production like the rest of the team."),
    ("Sollen wir den Drucker reparieren oder gleich austauschen?", "Bitte tauschen Sie ihn aus."),
    ("Include the three Q1 new hires in the renewal now, or add them later?",
     "Add them later, please."),
    ("Include the three Q1 new hires in the renewal now, or add them later?",
     "Include them now."),
])
def test_a_reply_naming_one_side_picks_our_either_or(asked: str, reply: str) -> None:
    assert picks_alternative(asked, reply)


@pytest.mark.parametrize(("asked", "reply"), [
    (_EITHER, "Both production and staging, please."),  # both sides
    (_EITHER, "Thanks for the update!"),  # neither
    ("Soll das so bleiben oder nicht?", "Das soll so bleiben."),  # "or not": one side
    ("Wir tauschen den Router am Freitag oder Montag.", "Freitag passt."),  # no question
    ("Passt Ihnen der Termin am Freitag?", "Freitag passt."),  # no either-or
])
def test_a_reply_naming_both_sides_or_neither_picks_nothing(asked: str, reply: str) -> None:
    assert not picks_alternative(asked, reply)
