"""What settles a point: a fix or a thanks, a ticket system's closed notice; what does not."""

from __future__ import annotations

import pytest
from extracthelp import msg, point_with, run_fixture

from mailsum.extract.points import is_resolution, read_thread
from mailsum.models import Team, Thread


@pytest.mark.parametrize(
    ("sentence", "settles"),
    [
        ("Das Problem ist behoben.", True),
        ("Danke, passt.", True),
        ("Der Drucker läuft wieder.", True),
        ("Das Postfach ist eingerichtet.", True),
        ("Works now, thanks!", True),
        ("All good now.", True),
        ("Das ist noch nicht erledigt.", False),
        ("Ist das schon behoben?", False),
        ("It is not fixed.", False),
        ("I fixed the cable but it is still not working.", False),
        ("Passt jetzt, danke!", True),
        ("Problem gelöst, danke.", True),
        ("Alles gut, danke!", True),
        ("Danke, klappt jetzt.", True),
        ("Hat sich erledigt.", True),
        ("Ist nicht mehr nötig.", True),
        ("Jetzt funktioniert es wieder.", True),
        ("All sorted, thanks!", True),
        ("That is no longer needed.", True),
        ("We are good now.", True),
        ("Passt jetzt nicht mehr.", False),
        ("Klappt wieder nicht.", False),
        ("Jetzt geht es wieder nicht.", False),
        ("Das Problem ist noch nicht gelöst.", False),
        ("The server is back online.", True),
        ("Thanks, that helped!", True),
        ("Everything is working fine now.", True),
        ("Emails are coming through again.", True),
        ("Der Server ist wieder erreichbar.", True),
        ("Vielen Dank, das hat geholfen!", True),
        ("Die Mails kommen wieder an.", True),
        ("Passt, danke!", True),
        ("Das hat leider nicht geholfen.", False),
        ("That hasn't helped.", False),
        ("The server is not back online yet.", False),
        ("Der Server ist immer noch nicht wieder erreichbar.", False),
        ("Is the server back online?", False),
    ],
)
def test_resolution_cues(sentence: str, settles: bool) -> None:
    assert is_resolution(sentence) is settles


def test_team_fix_resolves_the_fault_and_our_promise() -> None:
    x = run_fixture("ticket_de.json")
    blocker = point_with(x, "Drucker im 2. OG nicht")
    assert blocker.status == "resolved" and blocker.resolved_by == "<de-5@provider.de>"
    todo = point_with(x, "ich kümmere mich")  # our promise is kept by our own "behoben"
    assert todo.resolved_by == "<de-5@provider.de>"
    again = point_with(x, "genau?")  # asked after the confirmation: a new, open point
    assert again.status == "open" and again.message_id == "<de-6@acme.de>"


def test_ticket_systems_closed_notice_resolves_but_raises_nothing() -> None:
    msgs = [
        msg("<1@swt.de>", "k@swt.de", "Der Export bricht ab. Bitte prüfen Sie das.", 16),
        msg("<2@swt.de>", "tickets@swt.de", "Ticket [SWT#1] wurde geschlossen. Bitte prüfen "
             "Sie die Daten.", 18, auto="auto-reply"),
    ]
    thread = Thread("<1@swt.de>", "Export", ["<1@swt.de>", "<2@swt.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert x.points and all(p.status == "resolved" and p.resolved_by == "<2@swt.de>"
                            for p in x.points)
    assert all(p.message_id == "<1@swt.de>" for p in x.points)


def test_closed_notice_without_auto_header_resolves_too() -> None:
    msgs = [
        msg("<1@swt.de>", "k@swt.de", "Der Export bricht ab. Bitte prüfen Sie das.", 16),
        msg("<2@swt.de>", "tickets@swt.de", "Ihr Ticket wurde bearbeitet. Bitte prüfen Sie die "
             "Daten.", 18, headers={"x-ticket-state": "closed"}),
    ]
    thread = Thread("<1@swt.de>", "Export", ["<1@swt.de>", "<2@swt.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert x.points and all(p.status == "resolved" for p in x.points)
    assert all(p.message_id == "<1@swt.de>" for p in x.points)


def test_out_of_office_resolves_nothing() -> None:
    msgs = [
        msg("<1@swt.de>", "k@swt.de", "Bitte prüfen Sie den Export.", 16),
        msg("<2@provider.de>", "max@provider.de", "Ich bin bis 27.11. nicht im Büro.", 17,
             auto="auto-reply"),
    ]
    thread = Thread("<1@swt.de>", "Export", ["<1@swt.de>", "<2@provider.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [p.status for p in x.points] == ["open"]


def test_auto_reply_raises_no_points() -> None:
    x = run_fixture("ticket_de.json")
    assert all(p.message_id != "<de-3@provider.de>" for p in x.points)
    assert not any("nicht im Büro" in s for s in x.summary)
    assert "<de-3@provider.de>" in x.message_ids
