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
    Listing,
    OwnerChangeRecord,
    PointKind,
    PointRecord,
    PointStatus,
    ThreadRecord,
    TicketState,
    Update,
    UpdateHistory,
    UpdateOwnerChange,
    UpdatePoint,
    UpdateResolved,
    UpdateThread,
    UpdateTicket,
)

# tickets in this order: whose move it is decides what the contact must chase
_STATE_ORDER = {TicketState.WAITING_ON_US: 0, TicketState.WAITING_ON_CUSTOMER: 1,
                TicketState.RESOLVED: 2, TicketState.INFORMATIONAL: 3}
_SETTLED_STATES = (TicketState.RESOLVED, TicketState.INFORMATIONAL)  # nothing waits


def resolved_since(points: list[PointRecord], since: datetime | None) -> list[PointRecord]:
    """The points an update lists as resolved: settled after the last update (all, the first
    time)."""
    return [p for p in points if p.status == PointStatus.RESOLVED
            and (since is None or (p.resolved_at is not None and p.resolved_at > since))]


class _Judge:
    """What one customer's update says of a point: overdue, stale, a problem, how urgent."""

    def __init__(self, customer: Customer, threads: list[ThreadRecord], now: datetime,
                 tz: ZoneInfo) -> None:
        self.tz, self.today = tz, now.astimezone(tz).date()
        self.stale_after = customer.stale_after_days
        self.by_thread = {t.thread_id: t for t in threads}

    def overdue(self, p: PointRecord) -> bool:
        return p.due is not None and p.due < self.today

    def age(self, p: PointRecord) -> int:
        return max(0, (self.today - p.raised_at.astimezone(self.tz).date()).days)

    def stale(self, p: PointRecord) -> bool:
        return self.age(p) > self.stale_after

    def state_of(self, thread_id: str) -> TicketState:
        t = self.by_thread.get(thread_id)
        return (t.ticket.state if t is not None and t.ticket is not None
                else TicketState.WAITING_ON_US)

    def problem(self, p: PointRecord) -> bool:
        """What an account manager must know first: a date missed, a matter left too long,
        and, while the move is ours, the customer's escalation (urgency, asking again, a fix
        that did not hold). A fault reported yesterday and waiting on us is ordinary work."""
        ours = self.state_of(p.thread_id) == TicketState.WAITING_ON_US
        return self.overdue(p) or self.stale(p) or ours and p.escalation

    def severity(self, p: PointRecord) -> int:
        """The design's order of problems: blockers, then overdue points, then escalations."""
        if p.kind == PointKind.BLOCKER:
            return 0
        if self.overdue(p):
            return 1
        if p.escalation:
            return 2
        return 3 if self.stale(p) else 4

    def thread_ranks(self, visible: list[PointRecord]) -> dict[str, tuple[int, int, float]]:
        """Per thread: has a problem, whose move (ours first), latest activity."""
        ranks: dict[str, tuple[int, int, float]] = {}
        for p in visible:
            t = self.by_thread.get(p.thread_id)
            activity = t.last_activity.timestamp() if t else p.last_activity.timestamp()
            best = ranks.get(p.thread_id, (0, 0, activity))
            ranks[p.thread_id] = (max(best[0], int(self.problem(p))),
                                  -_STATE_ORDER.get(self.state_of(p.thread_id), 0), activity)
        return ranks


def _listed(points: list[PointRecord], now: datetime) -> tuple[list[PointRecord], int]:
    """Open points and woken snoozed ones; snoozed ones still asleep are counted."""
    visible: list[PointRecord] = []
    snoozed = 0
    for p in points:
        if p.status == PointStatus.SNOOZED and p.snoozed_until and p.snoozed_until > now:
            snoozed += 1
        elif p.status in (PointStatus.OPEN, PointStatus.SNOOZED):
            visible.append(p)
    return visible, snoozed


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
    judge = _Judge(customer, threads, now, ZoneInfo(timezone))
    away = {a: d for a, d in absences.items() if d >= judge.today}
    visible, snoozed = _listed(points, now)
    ranks = judge.thread_ranks(visible)
    visible.sort(key=lambda p: (*(-x for x in ranks[p.thread_id]), p.thread_id,
                                judge.severity(p), p.raised_at, p.position, p.id))
    # no mail can make an update undeliverable: past the cap, points are counted, not listed
    # (problems and the tickets waiting on us come first, so the cap cuts the least urgent)
    more = max(0, len(visible) - max_points) if max_points else 0
    if more:
        visible = visible[:max_points]
    update_points = [_update_point(number, p, judge, away, since)
                     for number, p in enumerate(visible, start=1)]
    settled = resolved_since(points, since)
    resolved = [_resolved_entry(p, judge, settlers or {}) for p in settled]
    changes = _changes(points, owner_changes)
    active = _active_threads(threads, {p.thread_id for p in (*visible, *settled)}, since, ranks)
    owners_away = sorted({(p.owner, p.owner_away_until) for p in update_points
                          if p.owner and p.owner_away_until})
    quiet = not any(p.status == Listing.NEW for p in update_points) and not resolved and not changes
    return Update(
        customer_id=customer.id, customer_name=customer.name, to=list(customer.contact),
        cc=list(customer.cc), language=customer.language, timezone=timezone,
        generated_at=now, since=since, quiet=quiet, points=update_points, resolved=resolved,
        owner_changes=changes,
        threads=[UpdateThread(t.thread_id, t.subject, t.message_ids, t.summary) for t in active],
        away=owners_away, snoozed=snoozed, history=list(history or []),
        deputies={o: d for o, _ in owners_away if (d := (deputies or {}).get(o)) and d != o},
        tickets=_tickets(threads, update_points, settled, since, judge.state_of), more=more,
    )


def _changes(points: list[PointRecord], owner_changes: list[OwnerChangeRecord]
             ) -> list[UpdateOwnerChange]:
    texts = {p.id: p.text for p in points if p.status != PointStatus.ARCHIVED}
    return [UpdateOwnerChange(id=c.point_id, text=texts.get(c.point_id, ""), old=c.old,
                              new=c.new, at=c.at, reason=c.reason)
            for c in owner_changes if c.point_id in texts]


def _active_threads(threads: list[ThreadRecord], ids: set[str], since: datetime | None,
                    ranks: dict[str, tuple[int, int, float]]) -> list[ThreadRecord]:
    """Threads with listed or settled points and news since the last update, problems first."""
    return sorted(
        (t for t in threads if t.thread_id in ids and (since is None or t.last_activity > since)),
        key=lambda t: (-ranks.get(t.thread_id, (0, 0, 0.0))[0], -t.last_activity.timestamp()))


def _update_point(number: int, p: PointRecord, judge: _Judge, away: dict[str, date],
                  since: datetime | None) -> UpdatePoint:
    t = judge.by_thread.get(p.thread_id)
    return UpdatePoint(
        number=number, id=p.id, kind=p.kind,
        status=Listing.NEW if since is None or p.first_seen > since else Listing.OPEN,
        problem=judge.problem(p), text=p.text, owner=p.owner, raised_by=p.raised_by, due=p.due,
        thread_id=p.thread_id, thread_subject=t.subject if t else "",
        message_id=p.message_id, first_seen=p.first_seen, age_days=judge.age(p),
        overdue=judge.overdue(p), escalation=p.escalation,
        owner_away_until=away.get(p.owner) if p.owner else None,
        raised_at=p.raised_at, stale=judge.stale(p), source_ref=t.subject if t else "",
        promise=p.promise,
    )


def _resolved_entry(p: PointRecord, judge: _Judge,
                    settlers: dict[str, tuple[str, datetime]]) -> UpdateResolved:
    by, at = settlers.get(p.resolved_by or "", (None, None))
    t = judge.by_thread.get(p.thread_id)
    return UpdateResolved(id=p.id, text=p.text, message_id=p.message_id,
                          thread_subject=t.subject if t else "", by=by, at=at)


def _tickets(threads: list[ThreadRecord], points: list[UpdatePoint],
             settled: list[PointRecord], since: datetime | None,
             state_of: Callable[[str], str]) -> list[UpdateTicket]:
    """The tickets an update reports: every one with listed points, in their order; then
    those settled since the last update, and those with news that need nothing."""
    by_thread = {t.thread_id: t for t in threads}
    listed: dict[str, UpdateTicket] = {}

    def ticket(thread_id: str, state: TicketState) -> UpdateTicket:
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
        # a point snoozed or reopened by the contact is open
        waiting = (TicketState.WAITING_ON_US, TicketState.WAITING_ON_CUSTOMER)
        tk = ticket(p.thread_id, state if state in waiting else TicketState.WAITING_ON_US)
        tk.points.append(p.number)
        tk.problem = tk.problem or p.problem
        if len(tk.points) == 1:
            tk.owner = p.owner or tk.owner  # the contact's reassignment counts
            tk.due = p.due or tk.due
    for r in settled:
        if r.thread_id not in listed:
            ticket(r.thread_id, TicketState.RESOLVED)
        listed[r.thread_id].resolved.append(r.id)
    for t in sorted(threads, key=lambda t: -t.last_activity.timestamp()):
        if t.thread_id in listed or (since is not None and t.last_activity <= since):
            continue
        if t.ticket is not None and t.ticket.state in _SETTLED_STATES:
            ticket(t.thread_id, t.ticket.state)
    return list(listed.values())
