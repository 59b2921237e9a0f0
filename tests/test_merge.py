"""How a thread's fresh points merge with the stored ones (run/merge.py): no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from mailsum.models import Point, PointRecord
from mailsum.run.merge import Placement, merge_points, withdraws

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)
HORIZON = NOW - timedelta(days=30)
AT = Placement("acme", "<t1>", NOW - timedelta(hours=1), NOW, HORIZON)


def _fresh(status: str = "open", owner: str | None = "jonas@provider.de", **kw: object) -> Point:
    fields: dict[str, object] = dict(
        id="p1", kind="request", text="Bitte den VPN-Zugang prüfen.", message_id="<m1>",
        raised_by="k.lang@acme.de", raised_at=NOW - timedelta(days=2), owner=owner,
        status=status, resolved_by="<m2>" if status == "resolved" else None)
    fields.update(kw)
    return Point(**fields)  # type: ignore[arg-type]


def _stored(status: str = "open", **kw: object) -> PointRecord:
    rec = PointRecord(
        id="p1", customer_id=None, thread_id="<t0>", kind="request", text="Bitte prüfen.",
        message_id="<m1>", raised_by="k.lang@acme.de", raised_at=NOW - timedelta(days=2),
        owner="anna@provider.de", due=None, status=status, first_seen=NOW - timedelta(days=2),
        last_activity=NOW - timedelta(days=2))
    return replace(rec, **kw)  # type: ignore[arg-type]


def _one(fresh: Point, stored: PointRecord | None = None) -> PointRecord:
    (rec,) = merge_points([fresh], {stored.id: stored} if stored else {}, AT)
    return rec


def test_a_new_point_is_open_and_placed_in_its_thread() -> None:
    rec = _one(_fresh())
    assert (rec.status, rec.customer_id, rec.thread_id) == ("open", "acme", "<t1>")
    assert rec.first_seen == NOW and rec.last_activity == AT.last_activity
    assert rec.resolved_at is None


def test_a_new_point_the_thread_settled_is_resolved_now() -> None:
    rec = _one(_fresh("resolved"))
    assert (rec.status, rec.resolved_at, rec.resolved_by) == ("resolved", NOW, "<m2>")


def test_a_new_point_from_the_mailbox_past_is_archived_even_when_settled() -> None:
    old = NOW - timedelta(days=40)
    assert _one(_fresh(raised_at=old)).status == "archived"
    rec = _one(_fresh("resolved", raised_at=old))
    assert rec.status == "archived" and rec.resolved_at is None


def test_a_stored_point_read_again_follows_the_fresh_wording_place_and_dates() -> None:
    stored = _stored()
    rec = _one(_fresh(text="Bitte den VPN-Zugang prüfen. Fehler 809.", position=3,
                      due=date(2026, 11, 28), promise="Wir prüfen das bis Freitag."), stored)
    assert (rec.text, rec.position, rec.due, rec.promise) == (
        "Bitte den VPN-Zugang prüfen. Fehler 809.", 3, date(2026, 11, 28),
        "Wir prüfen das bis Freitag.")
    assert (rec.customer_id, rec.thread_id, rec.last_activity) == (
        "acme", "<t1>", AT.last_activity)
    assert rec.first_seen == stored.first_seen and rec.status == "open"
    assert stored.thread_id == "<t0>" and stored.customer_id is None  # the input stays


def test_the_fresh_owner_replaces_the_stored_one_unless_the_contact_set_it() -> None:
    assert _one(_fresh(owner="jonas@provider.de"), _stored()).owner == "jonas@provider.de"
    assert _one(_fresh(owner=None), _stored()).owner == "anna@provider.de"
    by_command = _stored(owner_by_command=True)
    assert _one(_fresh(owner="jonas@provider.de"), by_command).owner == "anna@provider.de"


def test_a_stored_point_is_resolved_by_the_thread_but_never_reopened_by_it() -> None:
    rec = _one(_fresh("resolved"), _stored())
    assert (rec.status, rec.resolved_at, rec.resolved_by) == ("resolved", NOW, "<m2>")
    earlier = NOW - timedelta(days=1)
    settled = _stored("resolved", resolved_at=earlier, resolved_by="<m0>")
    rec = _one(_fresh("open"), settled)  # a reopen is the contact's command, not the thread's
    assert (rec.status, rec.resolved_at, rec.resolved_by) == ("resolved", earlier, "<m0>")
    rec = _one(_fresh("resolved"), settled)  # settled once: its time stays
    assert (rec.resolved_at, rec.resolved_by) == (earlier, "<m0>")


def test_an_archived_point_stays_archived() -> None:
    assert _one(_fresh("resolved"), _stored("archived")).status == "archived"


def test_a_snoozed_point_stays_snoozed_until_the_thread_settles_it() -> None:
    until = NOW + timedelta(days=7)
    rec = _one(_fresh("open"), _stored("snoozed", snoozed_until=until))
    assert (rec.status, rec.snoozed_until) == ("snoozed", until)
    assert _one(_fresh("resolved"), _stored("snoozed", snoozed_until=until)).status == "resolved"


def test_a_second_mention_of_a_point_merges_into_the_first() -> None:
    first = _fresh("open", owner=None)
    second = _fresh("resolved", owner="jonas@provider.de", text="Erledigt: VPN-Zugang.")
    records = merge_points([first, second], {}, AT)
    assert [r.status for r in records] == ["open", "resolved"]
    last = records[-1]  # written last, so what the state keeps
    assert (last.owner, last.text, last.first_seen) == (
        "jonas@provider.de", "Erledigt: VPN-Zugang.", NOW)


def test_points_are_withdrawn_only_where_some_were_stored_and_extraction_worked() -> None:
    assert withdraws(had_stored=True, extraction_failed=False)
    assert not withdraws(had_stored=False, extraction_failed=False)  # all new: none stored
    assert not withdraws(had_stored=True, extraction_failed=True)  # over its time budget


def test_their_objection_reopens_what_their_threads_mail_had_settled() -> None:
    """Settled by a mail of the thread (our "fixed"), and the fresh reading finds it open again
    (the customer objected): open. Settled by the contact's reply: it stays settled."""
    at = replace(AT, messages=frozenset({"<m1>", "<m2>", "<m3>"}))
    by_mail = _stored("resolved", resolved_by="<m2>", resolved_at=NOW - timedelta(hours=3))
    (rec,) = merge_points([_fresh("open")], {"p1": by_mail}, at)
    assert rec.status == "open" and rec.resolved_by is None and rec.resolved_at is None
    by_reply = _stored("resolved", resolved_by="<reply@provider.de>")
    (rec,) = merge_points([_fresh("open")], {"p1": by_reply}, at)
    assert rec.status == "resolved"
    archived = _stored("archived")
    (rec,) = merge_points([_fresh("open")], {"p1": archived}, at)
    assert rec.status == "archived"
