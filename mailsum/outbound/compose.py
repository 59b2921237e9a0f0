"""Decide what one customer's update shows, from what the state remembers.

The unit is the ticket (a thread): its state says whose move it is. Ordering is part of the
product: tickets with problems come first, then the ones waiting on us, then the ones waiting
on the customer; inside a ticket the problems come first, so the numbering the contact replies
to reads top to bottom.
"""

from __future__ import annotations

from collections.abc import Callable
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
    UpdateTicket,
)

# tickets in this order: whose move it is decides what the contact must chase
_STATE_ORDER = {"waiting_on_us": 0, "waiting_on_customer": 1, "resolved": 2, "informational": 3}


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
    max_points: int | None = None,
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

    def state_of(thread_id: str) -> str:
        t = by_thread.get(thread_id)
        return t.ticket.state if t is not None and t.ticket is not None else "waiting_on_us"

    def problem(p: PointRecord) -> bool:
        """What an account manager must know first: a date missed, a matter left too long,
        and, while the move is ours, a fault or the customer's escalation."""
        ours = state_of(p.thread_id) == "waiting_on_us"
        return overdue(p) or stale(p) or ours and (p.kind == "blocker" or p.escalation)

    def severity(p: PointRecord) -> int:
        """The design's order of problems: blockers, then overdue points, then escalations."""
        if p.kind == "blocker":
            return 0
        if overdue(p):
            return 1
        if p.escalation:
            return 2
        return 3 if stale(p) else 4

    thread_rank: dict[str, tuple[int, int, float]] = {}
    for p in visible:
        t = by_thread.get(p.thread_id)
        activity = t.last_activity.timestamp() if t else p.last_activity.timestamp()
        has_problem = int(problem(p))
        best = thread_rank.get(p.thread_id, (0, 0, activity))
        thread_rank[p.thread_id] = (max(best[0], has_problem),
                                    -_STATE_ORDER.get(state_of(p.thread_id), 0), activity)
    visible.sort(key=lambda p: (*(-x for x in thread_rank[p.thread_id]),
                                p.thread_id, severity(p), p.raised_at, p.position, p.id))

    # no mail can make an update undeliverable: past the cap, points are counted, not listed
    # (problems and the tickets waiting on us come first, so the cap cuts the least urgent)
    more = max(0, len(visible) - max_points) if max_points else 0
    if more:
        visible = visible[:max_points]
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
        key=lambda t: (-thread_rank.get(t.thread_id, (0, 0, 0.0))[0],
                       -t.last_activity.timestamp()),
    )
    owners_away = sorted({(p.owner, p.owner_away_until) for p in update_points
                          if p.owner and p.owner_away_until})
    quiet = not any(p.status == "new" for p in update_points) and not resolved and not changes
    tickets = _tickets(threads, update_points, settled, since, state_of)
    return Update(
        customer_id=customer.id, customer_name=customer.name, to=list(customer.contact),
        cc=list(customer.cc), language=customer.language, timezone=timezone,
        generated_at=now, since=since, quiet=quiet, points=update_points, resolved=resolved,
        owner_changes=changes,
        threads=[UpdateThread(t.thread_id, t.subject, t.message_ids, t.summary) for t in active],
        away=owners_away, snoozed=snoozed, history=list(history or []),
        deputies={o: d for o, _ in owners_away if (d := (deputies or {}).get(o)) and d != o},
        tickets=tickets, more=more,
    )


def _tickets(threads: list[ThreadRecord], points: list[UpdatePoint],
             settled: list[PointRecord], since: datetime | None,
             state_of: Callable[[str], str]) -> list[UpdateTicket]:
    """The tickets an update reports: every one with listed points, in their order; then
    those settled since the last update, and those with news that need nothing."""
    by_thread = {t.thread_id: t for t in threads}
    listed: dict[str, UpdateTicket] = {}

    def ticket(thread_id: str, state: str) -> UpdateTicket:
        if thread_id not in listed:
            t = by_thread.get(thread_id)
            info = t.ticket if t is not None else None
            listed[thread_id] = UpdateTicket(
                thread_id=thread_id, subject=t.subject if t else "",
                message_ids=list(t.message_ids) if t else [], state=state,
                owner=info.owner if info else None,
                next_step=info.next_step if info else None,
                next_by=info.next_by if info else None,
                next_at=info.next_at if info else None, due=info.due if info else None,
                problem=False)
        return listed[thread_id]

    for p in points:
        state = state_of(p.thread_id)
        tk = ticket(p.thread_id, state if state in ("waiting_on_us", "waiting_on_customer")
                    else "waiting_on_us")  # a point snoozed or reopened by the contact is open
        tk.points.append(p.number)
        tk.problem = tk.problem or p.problem
        if len(tk.points) == 1:
            tk.owner = p.owner or tk.owner  # the contact's reassignment counts
            tk.due = p.due or tk.due
    for r in settled:
        if r.thread_id not in listed:
            ticket(r.thread_id, "resolved")
        listed[r.thread_id].resolved.append(r.id)
    for t in sorted(threads, key=lambda t: -t.last_activity.timestamp()):
        if t.thread_id in listed or (since is not None and t.last_activity <= since):
            continue
        if t.ticket is not None and t.ticket.state in ("resolved", "informational"):
            ticket(t.thread_id, t.ticket.state)
    return list(listed.values())
