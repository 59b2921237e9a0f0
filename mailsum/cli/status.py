"""``mailsum status`` rendered: JSON for scripts, lines for an operator.

The facts come from ``mailsum.run.status.gather_status``; this module only words them. Times
are shown in the customer's timezone (customer lines) or the config's (sources, leases).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from mailsum.models import SourceState
from mailsum.outbound.jsonout import source_json
from mailsum.run.status import (
    COUNTED,
    CustomerStatus,
    HistoryLine,
    PointLine,
    SourceLine,
    Status,
)

_TEXT_WIDTH = 100  # a point's text is cut here in the text listing


def local_time(moment: datetime | None, tz: str) -> str:
    """``2026-12-03 14:35 CET``: what an operator reads, in the zone the config names."""
    if moment is None:
        return "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M %Z")


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


# --------------------------------------------------------------------------- JSON


def status_json(status: Status) -> dict[str, Any]:
    """The ``--format json`` document."""
    return {"customers": [_customer_json(c) for c in status.customers],
            "sources": [_source_json(s) for s in status.sources],
            "parse_failures": status.parse_failures, "messages": status.messages,
            "working": [{"kind": w.kind, "name": w.name, "holder": w.holder,
                         "expires_in_s": w.expires_in_s} for w in status.working]}


def _customer_json(c: CustomerStatus) -> dict[str, Any]:
    row: dict[str, Any] = {
        "customer": c.customer, "name": c.name, "contact": list(c.contact),
        "timezone": c.timezone, **{s: c.counts[s] for s in COUNTED},
        "last_update": _iso(c.last_update), "next_update": c.next_update.isoformat(),
        "undelivered": [{"due_at": u.due_at.isoformat(), "status": u.status, "error": u.error}
                        for u in c.undelivered],
        "paused_until": _iso(c.paused_until),
    }
    if c.points is not None:
        row["points"] = [_point_json(p) for p in c.points]
    if c.history is not None:
        row["history"] = [{"at": e.at.isoformat(), "by": e.by, "action": e.action,
                           "point": e.point, "value": e.value, "reply": e.reply}
                          for e in c.history]
    return row


def _point_json(p: PointLine) -> dict[str, Any]:
    return {"id": p.id, "kind": p.kind, "status": p.status, "text": p.text, "owner": p.owner,
            "due": _iso(p.due), "raised_at": p.raised_at.isoformat(), "thread": p.thread,
            "message_id": p.message_id}


def _source_json(s: SourceLine) -> dict[str, Any]:
    """A source as the update's JSON words it, plus whether it was ever polled."""
    shown = source_json(SourceState(s.name, ok=s.ok, last_ok=s.last_ok, error=s.error,
                                    failing_since=s.failing_since))
    if s.polled:
        shown["error_at"] = _iso(s.error_at)
    shown["polled"] = s.polled
    return shown


# --------------------------------------------------------------------------- text


def status_lines(status: Status) -> Iterator[str]:
    """The text listing: one block per customer, one line per source, totals, live leases."""
    for c in status.customers:
        yield from _customer_lines(c)
    for s in status.sources:
        yield _source_line(s, status.timezone)
    yield (f"{status.messages} messages stored, {status.parse_failures} parse failures "
           f"(times in {status.timezone})")
    for w in status.working:
        yield (f"working: {w.kind} {w.name} by {w.holder} "
               f"(lease ends in {w.expires_in_s} s)")


def _customer_lines(c: CustomerStatus) -> Iterator[str]:
    tz, n = c.timezone, c.counts
    yield (f"{c.customer:<16} {n['open']:>3} open {n['snoozed']:>3} snoozed "
           f"{n['resolved']:>3} resolved  last {local_time(c.last_update, tz):<22}"
           f" next {local_time(c.next_update, tz)}")
    for u in c.undelivered:
        yield f"  update due {local_time(u.due_at, tz)} {u.status}: {u.error}"
    if c.paused_until:
        yield f"  updates paused until {local_time(c.paused_until, tz)}"
    if n["archived"]:
        yield (f"  {n['archived']} points archived: their mail was older than "
               f"import_days when first read")
    if n["withdrawn"]:
        yield (f"  {n['withdrawn']} points withdrawn: a later analysis of their thread "
               f"no longer found them")
    for p in c.points or ():
        yield _point_line(p, tz)
    for e in c.history or ():
        yield _history_line(e, tz)


def _point_line(p: PointLine, tz: str) -> str:
    extra = "".join([f", owner {p.owner}" if p.owner else "",
                     f", due {p.due.isoformat()}" if p.due else "",
                     ", snoozed" if p.status == "snoozed" else ""])
    text = " ".join(p.text.split())
    cut = f"{text[:_TEXT_WIDTH]}{'…' if len(text) > _TEXT_WIDTH else ''}"
    return (f"  [{p.kind}{extra}] {cut}"
            f"\n      {p.thread} · raised {local_time(p.raised_at, tz)}")


def _history_line(e: HistoryLine, tz: str) -> str:
    point = f" point {e.point}" if e.point else ""
    value = f" {e.value}" if e.value else ""
    return f"  {local_time(e.at, tz)} {e.by}: {e.action}{point}{value} (reply {e.reply})"


def _source_line(s: SourceLine, tz: str) -> str:
    if not s.polled:
        return f"source {s.name:<16} not polled yet"
    line = (f"source {s.name:<16} {'OK' if s.ok else 'FAILING'}  last good poll "
            f"{local_time(s.last_ok, tz)}")
    if not s.ok:
        line += f"; failing since {local_time(s.failing_since, tz)}: {s.error}"
    elif s.error_at:
        line += f"; last error {local_time(s.error_at, tz)}"
    return line
