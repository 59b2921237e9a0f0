"""Decide what one customer's update shows, from what the state remembers.

Ordering is part of the product: threads with problems come first, and inside a thread the
problems come first, so the numbering the contact replies to reads top to bottom.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from mailsum.models import (
    Customer,
    OwnerChangeRecord,
    PointRecord,
    ThreadRecord,
    Update,
    UpdateHistory,
    UpdateOwnerChange,
    UpdatePoint,
    UpdateResolved,
    UpdateThread,
)


def resolved_since(points: list[PointRecord], since: datetime | None) -> list[PointRecord]:
    """The points an update lists as resolved: settled after the last update (all, the first
    time)."""
    return [p for p in points if p.status == "resolved"
            and (since is None or (p.resolved_at is not None and p.resolved_at > since))]


def build_update(
    customer: Customer,
    *,
    points: list[PointRecord],
    owner_changes: list[OwnerChangeRecord],
    threads: list[ThreadRecord],
    absences: dict[str, date],
    since: datetime | None,
    now: datetime,
    timezone: str,
    history: list[UpdateHistory] | None = None,
    deputies: dict[str, str] | None = None,
    settlers: dict[str, tuple[str, datetime]] | None = None,
) -> Update:
    """``settlers``: sender and date of the messages that settled points (resolved_by), so an
    update says who settled each point, and no point leaves the list without a name."""
    tz = ZoneInfo(timezone)
    today = now.astimezone(tz).date()
    by_thread = {t.thread_id: t for t in threads}
    away = {a: d for a, d in absences.items() if d >= today}

    def is_new(p: PointRecord) -> bool:
        return since is None or p.first_seen > since

    visible: list[PointRecord] = []
    snoozed = 0
    for p in points:
        if p.status == "snoozed" and p.snoozed_until and p.snoozed_until > now:
            snoozed += 1
        elif p.status in ("open", "snoozed"):
            visible.append(p)

    def overdue(p: PointRecord) -> bool:
        return p.due is not None and p.due < today

    def stale(p: PointRecord) -> bool:
        return (today - p.raised_at.astimezone(tz).date()).days > customer.stale_after_days

    def problem(p: PointRecord) -> bool:
        return p.kind == "blocker" or p.escalation or overdue(p) or stale(p)

    def severity(p: PointRecord) -> int:
        """The design's order of problems: blockers, then overdue points, then escalations."""
        if p.kind == "blocker":
            return 0
        if overdue(p):
            return 1
        if p.escalation:
            return 2
        return 3 if stale(p) else 4

    thread_rank: dict[str, tuple[int, float]] = {}
    for p in visible:
        t = by_thread.get(p.thread_id)
        activity = t.last_activity.timestamp() if t else p.last_activity.timestamp()
        has_problem = int(problem(p))
        best = thread_rank.get(p.thread_id, (0, activity))
        thread_rank[p.thread_id] = (max(best[0], has_problem), activity)
    visible.sort(key=lambda p: (-thread_rank[p.thread_id][0], -thread_rank[p.thread_id][1],
                                p.thread_id, severity(p), p.raised_at, p.position, p.id))

    update_points = []
    for number, p in enumerate(visible, start=1):
        t = by_thread.get(p.thread_id)
        update_points.append(UpdatePoint(
            number=number, id=p.id, kind=p.kind, status="new" if is_new(p) else "open",
            problem=problem(p), text=p.text, owner=p.owner, raised_by=p.raised_by, due=p.due,
            thread_id=p.thread_id, thread_subject=t.subject if t else "",
            message_id=p.message_id, first_seen=p.first_seen,
            age_days=max(0, (today - p.raised_at.astimezone(tz).date()).days),
            overdue=overdue(p), escalation=p.escalation,
            owner_away_until=away.get(p.owner) if p.owner else None,
            raised_at=p.raised_at, stale=stale(p), source_ref=t.subject if t else "",
            promise=p.promise,
        ))

    settled = resolved_since(points, since)
    resolved = []
    for p in settled:
        by, at = (settlers or {}).get(p.resolved_by or "", (None, None))
        resolved.append(UpdateResolved(
            id=p.id, text=p.text, message_id=p.message_id,
            thread_subject=by_thread[p.thread_id].subject if p.thread_id in by_thread else "",
            by=by, at=at))
    texts = {p.id: p.text for p in points if p.status != "archived"}
    changes = [
        UpdateOwnerChange(id=c.point_id, text=texts.get(c.point_id, ""), old=c.old, new=c.new,
                          at=c.at, reason=c.reason)
        for c in owner_changes if c.point_id in texts
    ]
    active_ids = {p.thread_id for p in visible} | {p.thread_id for p in settled}
    active = sorted(
        (t for t in threads
         if t.thread_id in active_ids and (since is None or t.last_activity > since)),
        key=lambda t: (-thread_rank.get(t.thread_id, (0, 0.0))[0], -t.last_activity.timestamp()),
    )
    owners_away = sorted({(p.owner, p.owner_away_until) for p in update_points
                          if p.owner and p.owner_away_until})
    quiet = not any(p.status == "new" for p in update_points) and not resolved and not changes
    return Update(
        customer_id=customer.id, customer_name=customer.name, to=list(customer.contact),
        cc=list(customer.cc), language=customer.language, timezone=timezone,
        generated_at=now, since=since, quiet=quiet, points=update_points, resolved=resolved,
        owner_changes=changes,
        threads=[UpdateThread(t.thread_id, t.subject, t.message_ids, t.summary) for t in active],
        away=owners_away, snoozed=snoozed, history=list(history or []),
        deputies={o: d for o, _ in owners_away if (d := (deputies or {}).get(o)) and d != o},
    )
