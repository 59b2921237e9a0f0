from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from mailsum.models import Customer, OwnerChangeRecord, PointRecord, ThreadRecord
from mailsum.outbound.compose import build_update

NOW = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
ACME = Customer(id="acme", name="ACME", match=(), contact=("anna@provider.de",),
                cc=("max@provider.de",), owner="max@provider.de")


def point(pid: str, thread: str = "<t1>", **kw) -> PointRecord:
    base = dict(id=pid, customer_id="acme", thread_id=thread, kind="request", text=f"Text {pid}",
                message_id=f"<{pid}>", raised_by="a@acme.de", raised_at=NOW - timedelta(days=2),
                owner="max@provider.de", due=None, status="open",
                first_seen=NOW - timedelta(days=2), last_activity=NOW - timedelta(days=2))
    base.update(kw)
    return PointRecord(**base)


def thread(tid: str, days_ago: float) -> ThreadRecord:
    return ThreadRecord(tid, "acme", f"Subject {tid}", [tid], [f"Summary {tid}."],
                        NOW - timedelta(days=days_ago))


def build(points, since=None, changes=(), absences=None, threads=None):
    return build_update(ACME, points=list(points), owner_changes=list(changes),
                        threads=threads or [thread("<t1>", 1), thread("<t2>", 0.5)],
                        absences=absences or {}, since=since, now=NOW,
                        timezone="Europe/Berlin")


def test_threads_with_problems_come_first_and_numbers_follow_display_order():
    u = build([point("a", "<t2>"), point("b", "<t1>", kind="blocker", escalation=True),
               point("c", "<t1>")])
    assert [p.id for p in u.points] == ["b", "c", "a"]
    assert [p.number for p in u.points] == [1, 2, 3]
    assert [p.problem for p in u.points] == [True, False, False]


def test_problems_in_a_thread_come_blockers_then_overdue_then_escalations():
    """The design's order, whatever the ids and however old each point is."""
    late = date(2026, 11, 26)
    u = build([point("a-hot", escalation=True, raised_at=NOW - timedelta(days=5)),
               point("b-late", due=late, raised_at=NOW - timedelta(days=4)),
               point("c-plain", raised_at=NOW - timedelta(days=6)),
               point("d-late-hot", due=late, escalation=True),
               point("z-broken", kind="blocker")])
    assert [p.id for p in u.points] == ["z-broken", "b-late", "d-late-hot", "a-hot", "c-plain"]


def test_points_of_one_message_follow_its_sentence_order():
    u = build([point("a-third", position=2), point("b-first", position=0),
               point("c-second", position=1)])
    assert [p.id for p in u.points] == ["b-first", "c-second", "a-third"]


def test_a_fresh_fault_waiting_on_us_is_work_not_a_problem():
    """Problems are what is off track (late, left too long, escalated); a printer that broke
    yesterday and waits on us is the ordinary work of the update."""
    u = build([point("broken", kind="blocker"), point("hot", kind="blocker", escalation=True)])
    assert {p.id: p.problem for p in u.points} == {"broken": False, "hot": True}


def test_overdue_and_escalation_are_problems():
    u = build([point("late", due=date(2026, 11, 26)), point("ok", due=date(2026, 11, 30)),
               point("hot", escalation=True)])
    flags = {p.id: (p.problem, p.overdue) for p in u.points}
    assert flags == {"late": (True, True), "ok": (False, False), "hot": (True, False)}


def test_new_means_first_seen_after_the_last_update():
    since = NOW - timedelta(days=1)
    u = build([point("old"), point("fresh", first_seen=NOW - timedelta(hours=1))], since=since)
    assert {p.id: p.status for p in u.points} == {"old": "open", "fresh": "new"}
    assert u.counts == {"new": 1, "open": 2, "resolved": 0, "owner_changes": 0}


def test_nothing_new_is_quiet_but_still_lists_what_is_open():
    u = build([point("old")], since=NOW - timedelta(hours=1))
    assert u.quiet and [p.id for p in u.points] == ["old"]


def test_resolved_since_last_update_only():
    since = NOW - timedelta(days=1)
    u = build([point("r1", status="resolved", resolved_at=NOW - timedelta(hours=2)),
               point("r0", status="resolved", resolved_at=NOW - timedelta(days=3))], since=since)
    assert [r.id for r in u.resolved] == ["r1"] and not u.quiet


def test_snoozed_points_are_counted_not_hidden_and_wake_up():
    u = build([point("s", status="snoozed", snoozed_until=NOW + timedelta(days=2)),
               point("w", status="snoozed", snoozed_until=NOW - timedelta(days=1))])
    assert u.snoozed == 1 and [p.id for p in u.points] == ["w"]


def test_only_an_away_owners_stand_in_reaches_the_update():
    u = build([point("a")], absences={"max@provider.de": date(2026, 11, 30)})
    assert u.deputies == {}
    u = build_update(ACME, points=[point("a")], owner_changes=[],
                     threads=[thread("<t1>", 1)], absences={"max@provider.de": date(2026, 11, 30)},
                     since=None, now=NOW, timezone="Europe/Berlin",
                     deputies={"max@provider.de": "anna@provider.de",
                               "tom@provider.de": "max@provider.de"})  # tom is not away
    assert u.deputies == {"max@provider.de": "anna@provider.de"}


def test_away_owner_is_flagged_until_return():
    u = build([point("a")], absences={"max@provider.de": date(2026, 11, 30)})
    assert u.points[0].owner_away_until == date(2026, 11, 30)
    assert u.away == [("max@provider.de", date(2026, 11, 30))]
    past = build([point("a")], absences={"max@provider.de": date(2026, 11, 20)})
    assert past.points[0].owner_away_until is None and past.away == []


def test_owner_changes_are_listed_with_point_text():
    change = OwnerChangeRecord("a", "max@provider.de", "sandra@provider.de", NOW, "übernehme", NOW)
    u = build([point("a", owner="sandra@provider.de")], changes=[change])
    assert [(c.old, c.new, c.text) for c in u.owner_changes] == \
        [("max@provider.de", "sandra@provider.de", "Text a")]
    assert not u.quiet


def test_points_open_longer_than_the_customers_age_are_problems():
    old = point("old", raised_at=NOW - timedelta(days=20))
    fresh = point("fresh", raised_at=NOW - timedelta(days=3))
    u = build([fresh, old])
    flags = {p.id: (p.stale, p.problem) for p in u.points}
    assert flags == {"old": (True, True), "fresh": (False, False)}
    assert u.points[0].id == "old"  # problems first
    assert u.points[0].source_ref == "Subject <t1>"


def test_an_update_lists_at_most_its_cap_and_counts_the_rest():
    """One flood of points cannot make an update undeliverable: problems first, the rest
    counted and named where to look."""
    from mailsum.outbound.render import render_update

    pts = [point(f"p{i}", f"<t{i}>") for i in range(6)] + [
        point("b", "<t9>", kind="blocker", escalation=True)]
    threads = [thread(f"<t{i}>", 1) for i in (*range(6), 9)]
    u = build_update(ACME, points=pts, owner_changes=[], threads=threads, absences={},
                     since=None, now=NOW, timezone="Europe/Berlin", max_points=3)
    assert [p.number for p in u.points] == [1, 2, 3] and u.points[0].id == "b"
    assert u.more == 4 and u.counts["open"] == 7
    assert "… und 4 weitere offene Punkte: siehe `mailsum status acme`" in render_update(u).text
