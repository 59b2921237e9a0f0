"""Who owns a point: take-overs, stand-ins, hand-overs to a named colleague, team addresses."""

from __future__ import annotations

import pytest
from extracthelp import load_fixture, msg, point_with, run_fixture

from mailsum.extract.points import read_thread
from mailsum.models import Team, Thread, ThreadExtract


def test_take_over_changes_owner_and_records_it() -> None:
    x = run_fixture("ticket_de.json", default_owner="anna.vertrieb@provider.de")
    blocker = point_with(x, "Drucker im 2. OG nicht")
    changes = [c for c in x.owner_changes if c.point_id == blocker.id]
    assert [(c.old, c.new) for c in changes] == [
        ("anna.vertrieb@provider.de", "max.technik@provider.de"),
        ("max.technik@provider.de", "lena.support@provider.de"),
    ]
    assert changes[1].message_id == "<de-4@provider.de>"
    assert "übernehme" in changes[1].reason


def test_no_owner_change_recorded_from_nobody() -> None:
    x = run_fixture("ticket_de.json")
    assert all(c.old is not None for c in x.owner_changes)
    assert point_with(x, "bis Freitag ansehen").owner == "lena.support@provider.de"


def test_our_takeover_changes_owner_without_becoming_a_point() -> None:
    msgs = [
        msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
        msg("<2@provider.de>", "sandra@provider.de", "Max ist krank, ich übernehme das Ticket.",
             17),
        msg("<3@provider.de>", "sandra@provider.de", "Die Firmware kann die neuen "
             "TLS-Einstellungen nicht verarbeiten.", 18),
    ]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="max@provider.de")
    assert [p.message_id for p in x.points] == ["<1@acme.de>"]
    assert x.points[0].owner == "sandra@provider.de"
    assert [(c.old, c.new) for c in x.owner_changes] == [("max@provider.de",
                                                          "sandra@provider.de")]


@pytest.mark.parametrize("takeover", [
    "Ich vertrete Max diese Woche.",
    "Ich bin ab heute für Sie zuständig.",
    "Ab sofort bin ich Ihr Ansprechpartner.",
    "I am covering for Max this week.",
    "From now on I'm your point of contact.",
    "I have taken over this ticket from Max.",
    "I'll take it from here.",
    "I'll be looking after your account from now on.",
    "Ich habe das Ticket von Herrn Weber übernommen.",
])
def test_a_colleague_standing_in_becomes_the_owner(takeover: str) -> None:
    msgs = [
        msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
        msg("<2@provider.de>", "sandra@provider.de", takeover, 17),
    ]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="max@provider.de")
    assert [p.owner for p in x.points] == ["sandra@provider.de"]
    assert [(c.old, c.new) for c in x.owner_changes] == [("max@provider.de",
                                                          "sandra@provider.de")]


def _handover_thread(handover: str, cc: list[str]) -> ThreadExtract:
    from dataclasses import replace

    msgs = [
        msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
        replace(msg("<2@provider.de>", "max.weber@provider.de", handover, 17), cc=cc),
        msg("<3@acme.de>", "k@acme.de", "Bitte auch ein Postfach für Frau Wolf.", 18),
    ]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    return read_thread(thread, msgs, team=Team(("provider.de",)),
                          default_owner="max.weber@provider.de")


@pytest.mark.parametrize("handover", [
    "Ich bin ab Montag im Urlaub, Herr Klein übernimmt meine Tickets.",
    "Frau Klein vertritt mich bis Freitag.",
    "Ich übergebe das Ticket an Herrn Klein.",
    "Mark will take over my tickets while I am away.",
    "I am handing this over to Mark.",
])
def test_a_handover_to_a_named_colleague_changes_the_owner(handover: str) -> None:
    x = _handover_thread(handover, cc=["mark.klein@provider.de"])
    assert [p.owner for p in x.points] == ["mark.klein@provider.de"] * 2  # and the later one
    assert [(c.old, c.new, c.reason) for c in x.owner_changes] == [
        ("max.weber@provider.de", "mark.klein@provider.de", handover)]


def test_a_handover_to_a_name_we_cannot_resolve_changes_nothing() -> None:
    x = _handover_thread("Herr Klein übernimmt meine Tickets.", cc=[])  # no address for Klein
    assert [p.owner for p in x.points] == ["max.weber@provider.de"] * 2
    assert x.owner_changes == []
    assert all("übernimmt" not in p.text for p in x.points)  # and it is no task either


def test_a_commitment_for_a_named_colleague_is_theirs() -> None:
    msgs = [
        msg("<1@bl.co.uk>", "oliver@bl.co.uk", "Could you prepare five laptops by Friday?", 19),
        msg("<2@provider.de>", "emma.clarke@provider.de",
             "Tom will prepare the five laptops by Friday.", 20),
    ]
    thread = Thread("<1@bl.co.uk>", "Leeds", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="emma.clarke@provider.de",
                       colleague_addresses=("tom.hughes@provider.de",))
    # the promise takes on Oliver's request: one point, Tom's, with the promise beside it
    assert len(x.points) == 1
    request = point_with(x, "Could you prepare")
    assert request.owner == "tom.hughes@provider.de"
    assert request.promise == "Tom will prepare the five laptops by Friday."
    # without an address for Tom, the writer keeps it
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="emma.clarke@provider.de")
    assert point_with(x, "Could you prepare").owner == "emma.clarke@provider.de"
    # a promise on another topic is a to-do of its own
    msgs[1] = msg("<2@provider.de>", "emma.clarke@provider.de",
                   "Tom will renew the firewall licence by Friday.", 20)
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="emma.clarke@provider.de",
                       colleague_addresses=("tom.hughes@provider.de",))
    assert point_with(x, "Could you prepare").promise is None
    assert point_with(x, "Tom will renew").owner == "tom.hughes@provider.de"


def test_a_request_put_to_a_colleague_by_name_is_theirs_through_a_takeover() -> None:
    from dataclasses import replace

    msgs = [
        msg("<1@acme.de>", "k@acme.de", "Das VPN geht seit gestern nicht mehr. "
             "Frau Berger, bitte behalten Sie das im Blick.", 20),
        replace(msg("<2@provider.de>", "lukas.schmidt@provider.de",
                     "Ich kümmere mich darum.", 21), cc=["anna.berger@provider.de"]),
    ]
    x = read_thread(Thread("<1@acme.de>", "VPN", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)), default_owner="max.weber@provider.de")
    assert point_with(x, "Frau Berger").owner == "anna.berger@provider.de"
    assert point_with(x, "VPN").owner == "lukas.schmidt@provider.de"  # the rest follows Lukas
    # without an address for Frau Berger, the request follows the thread's owner
    msgs[1] = replace(msgs[1], cc=[])
    x = read_thread(Thread("<1@acme.de>", "VPN", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)), default_owner="max.weber@provider.de")
    assert point_with(x, "Frau Berger").owner == "lukas.schmidt@provider.de"


def test_team_addresses_count_as_team() -> None:
    thread, messages, _ = load_fixture("ticket_en.json")
    x = read_thread(thread, messages, team=Team(addresses=("sam@provider.com",)))
    assert point_with(x, "VPN access").owner == "sam@provider.com"
    assert point_with(x, "VPN access").promise is not None  # Sam's promise took it on
