"""What ``mailsum status`` reports, gathered from the config and the state into one value.

The CLI only renders it (text or JSON, ``mailsum.cli.status``): the gathering reads typed
records of the state layer and the schedule, so it can be tested without a terminal, and the
two renderings can never disagree about what they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mailsum.outbound.schedule import next_time
from mailsum.state.records import SourceStatus
from mailsum.state.store import StateStore

# the point statuses the customer line counts, in the order JSON lists them
COUNTED = ("open", "snoozed", "resolved", "archived", "withdrawn")
_LISTED = ("open", "snoozed")  # what one customer's status lists point by point
_UNDELIVERED = ("failed", "pending")


@dataclass(frozen=True)
class PointLine:
    """One open or snoozed point, as ``status CUSTOMER`` lists it."""

    id: str
    kind: str
    status: str
    text: str
    owner: str | None
    due: date | None
    raised_at: datetime
    thread: str  # the thread's subject ("" when the thread is not stored)
    message_id: str


@dataclass(frozen=True)
class HistoryLine:
    """One change a reply made (``status --history``)."""

    at: datetime
    by: str
    action: str
    point: str | None
    value: str | None
    reply: str | None  # Message-ID of the reply that made it


@dataclass(frozen=True)
class Undelivered:
    """An update that is due but not sent: failed, or still pending."""

    due_at: datetime
    status: str
    error: str | None


@dataclass(frozen=True)
class CustomerStatus:
    """One customer: points by status, last and next update, what blocks the next one."""

    customer: str
    name: str
    contact: tuple[str, ...]
    timezone: str  # the customer's own, else the config's: its times are shown in it
    counts: dict[str, int]  # points by status, every key of COUNTED
    last_update: datetime | None
    next_update: datetime
    undelivered: tuple[Undelivered, ...]
    paused_until: datetime | None
    points: tuple[PointLine, ...] | None = None  # only when one customer was asked for
    history: tuple[HistoryLine, ...] | None = None  # only with --history


@dataclass(frozen=True)
class SourceLine:
    """One configured source: never polled, or how its last polls went."""

    name: str
    polled: bool
    ok: bool
    last_ok: datetime | None = None
    error: str | None = None
    failing_since: datetime | None = None
    error_at: datetime | None = None

    @classmethod
    def of(cls, name: str, record: SourceStatus | None) -> SourceLine:
        if record is None:
            return cls(name, polled=False, ok=True)
        return cls(name, polled=True, ok=record.ok, last_ok=record.last_ok,
                   error=record.last_error, failing_since=record.failing_since,
                   error_at=record.last_error_at)


@dataclass(frozen=True)
class Working:
    """A live lease: who works on what right now."""

    kind: str
    name: str
    holder: str
    expires_in_s: int


@dataclass(frozen=True)
class Status:
    """Everything ``mailsum status`` shows."""

    customers: tuple[CustomerStatus, ...]
    sources: tuple[SourceLine, ...]
    parse_failures: int
    messages: int
    working: tuple[Working, ...]
    timezone: str  # the config's: times that belong to no customer are shown in it


def gather_status(config: Any, store: StateStore, now: datetime, customer: str | None = None,
                  history: bool = False) -> Status:
    """The status of every customer (or only ``customer``, then with its open points)."""
    customers = tuple(
        _customer_status(config, store, c, now, listed=customer is not None, history=history)
        for c in config.rules.customers if not customer or c.id == customer)
    polled = store.source_status()
    return Status(
        customers=customers,
        sources=tuple(SourceLine.of(src.name, polled.get(src.name)) for src in config.sources),
        parse_failures=store.failure_count(),
        messages=store.message_count(),
        working=tuple(Working(k, n, h, round(left)) for k, n, h, left in store.live_leases()),
        timezone=config.timezone,
    )


def _customer_status(config: Any, store: StateStore, c: Any, now: datetime, *, listed: bool,
                     history: bool) -> CustomerStatus:
    points = store.points(c.id)
    last = store.last_sent_update(c.id)
    tz = c.timezone or config.timezone
    paused, _ = store.customer_state(c.id)
    return CustomerStatus(
        customer=c.id, name=c.name, contact=tuple(c.contact), timezone=tz,
        counts={s: sum(1 for p in points if p.status == s) for s in COUNTED},
        last_update=last.sent_at if last else None,
        next_update=next_time(c.schedule, tz, now),
        undelivered=tuple(Undelivered(u.due_at, u.status, u.error) for u in store.updates(c.id)
                          if u.status in _UNDELIVERED),
        paused_until=paused,
        points=_point_lines(store, c.id, points) if listed else None,
        history=tuple(HistoryLine(e.at, e.actor, e.action, e.point_id, e.detail, e.message_id)
                      for e in store.events(c.id)) if history else None,
    )


def _point_lines(store: StateStore, customer_id: str, points: list[Any]
                 ) -> tuple[PointLine, ...]:
    """What is open, by thread, problems (blockers) first."""
    subjects = {t.thread_id: t.subject for t in store.threads(customer_id)}
    listed = sorted((p for p in points if p.status in _LISTED),
                    key=lambda p: (p.kind != "blocker", p.thread_id, p.raised_at))
    return tuple(PointLine(p.id, p.kind, p.status, p.text, p.owner, p.due, p.raised_at,
                           subjects.get(p.thread_id, ""), p.message_id) for p in listed)
