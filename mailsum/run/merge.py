"""How a fresh analysis of a thread merges with the points stored for it.

A thread is read again whenever new mail joins it, and extraction improves between releases:
these rules decide what of a stored point the new reading may change and what stays the
contact's (owner set by command, reopened, snoozed) or history (resolved, archived).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from mailsum.models import Point, PointRecord, PointStatus

SETTLED = (PointStatus.RESOLVED, PointStatus.ARCHIVED)  # a fresh "resolved" changes neither


@dataclass(frozen=True)
class Placement:
    """Where and when a thread's fresh points are written."""

    customer_id: str | None
    thread_id: str
    last_activity: datetime  # the thread's newest message
    now: datetime
    archive_before: datetime  # raised before this: the mailbox's past, archived when first read
    messages: frozenset[str] = frozenset()  # the thread's Message-IDs


def new_point(p: Point, at: Placement) -> PointRecord:
    """A point first seen: archived when it is the mailbox's past, else open or resolved."""
    resolved = p.status == PointStatus.RESOLVED
    archived = p.raised_at < at.archive_before
    return PointRecord(
        id=p.id, customer_id=at.customer_id, thread_id=at.thread_id, kind=p.kind,
        text=p.text, message_id=p.message_id, raised_by=p.raised_by,
        raised_at=p.raised_at, owner=p.owner, due=p.due,
        status=(PointStatus.ARCHIVED if archived else PointStatus.RESOLVED if resolved
                else PointStatus.OPEN),
        first_seen=at.now, last_activity=at.last_activity,
        resolved_at=at.now if resolved and not archived else None,
        resolved_by=p.resolved_by, escalation=p.escalation, position=p.position,
        promise=p.promise)


def merged_point(old: PointRecord, p: Point, at: Placement) -> PointRecord:
    """A stored point read again: what the thread says of it follows the fresh reading (text,
    kind, escalation, due date, promise, position); an owner the contact set stays. Its
    status moves to resolved; back to open only when the thread's own mail had settled it and
    the fresh reading no longer does (the customer objected: "geht leider immer noch nicht")
    — never what the contact settled by reply, and never an archived one."""
    rec = replace(old, customer_id=at.customer_id, thread_id=at.thread_id,
                  last_activity=at.last_activity,
                  # our promise may take on a request after it was stored, and set its date
                  position=p.position, due=p.due, promise=p.promise,
                  text=p.text,  # "Die Fehlermeldung lautet …" may join a stored blocker
                  # under cron the chase ("dringend, gibt es etwas Neues?") and the line that
                  # makes an ask a blocker come in a later run than the ask itself
                  kind=p.kind, escalation=p.escalation)
    if p.owner and not rec.owner_by_command:
        rec.owner = p.owner
    if p.status == PointStatus.RESOLVED and old.status not in SETTLED:
        rec.status, rec.resolved_at, rec.resolved_by = PointStatus.RESOLVED, at.now, p.resolved_by
    elif (p.status == PointStatus.OPEN and old.status == PointStatus.RESOLVED and old.resolved_by
          and old.resolved_by in at.messages):
        rec.status, rec.resolved_at, rec.resolved_by = PointStatus.OPEN, None, None
    elif p.status == PointStatus.OPEN and old.status == PointStatus.WITHDRAWN:
        rec.status = PointStatus.OPEN  # a later reading no longer found it; this one does again
    return rec


def merge_points(fresh: list[Point], stored: dict[str, PointRecord],
                 at: Placement) -> list[PointRecord]:
    """The records to write for a thread's fresh points, in their order; a second mention of
    the same point merges into the first, as it did when points were written one by one."""
    known = dict(stored)
    records: list[PointRecord] = []
    for p in fresh:
        old = known.get(p.id)
        rec = new_point(p, at) if old is None else merged_point(old, p, at)
        known[p.id] = rec
        records.append(rec)
    return records


def withdraws(had_stored: bool, extraction_failed: bool) -> bool:
    """Whether stored points the fresh reading no longer yields leave the lists.

    Only messages analysed before have stored points; a failed extraction (over its time
    budget) yields none, and must not empty the thread. Which points go (open ones nobody acted
    on by reply) is the state's query.
    """
    return had_stored and not extraction_failed
