"""Route and extract a group of threads: the pure part of the analysis, run where the pool says.

Everything here is a function of its arguments (stored message JSON in, what the run writes
out), so a worker process computes exactly what the run itself would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from mailsum.analysis import route
from mailsum.extract import points as extract
from mailsum.extract.colleagues import deputy_in
from mailsum.models import Customer, ParsedMessage, Point, Rules, Thread, ThreadExtract
from mailsum.run.budget import OverBudget, time_budget
from mailsum.state.store import message_from_json


@dataclass
class _Member:
    """What the run writes about one message of an analysed thread."""

    message_id: str
    from_addr: str
    subject: str
    date: datetime
    away_until: date | None  # a team member's out-of-office reply: back on this day
    deputy: str | None = None  # the colleague that reply points to, if it names one


def _member(m: ParsedMessage, rules: Rules, roster: dict[str, str]) -> _Member:
    away = (m.away_until if m.auto == "auto-reply" and m.away_until
            and route.is_team(m.from_addr, rules) else None)
    deputy = (deputy_in(m.text, m.from_addr, lambda a: route.is_team(a, rules), roster)
              if away else None)
    return _Member(m.message_id, m.from_addr, m.subject, m.date, away, deputy)


@dataclass
class _Analysed:
    thread: Thread
    members: list[_Member]
    customer_id: str | None
    reason: str
    result: ThreadExtract
    error: str = ""  # extraction failed (over its time budget): the stored points stay
    # message id -> (points found, points kept) where one message raised more than the cap
    capped: dict[str, tuple[int, int]] = field(default_factory=dict)


def groups(threads: list[Thread], size: int) -> Iterable[list[Thread]]:
    """Consecutive threads with about ``size`` messages in all (a long thread goes alone)."""
    group: list[Thread] = []
    count = 0
    for t in threads:
        group.append(t)
        count += len(t.message_ids)
        if count >= size:
            yield group
            group, count = [], 0
    if group:
        yield group


def cap_points(points: list[Point], limit: int) -> tuple[list[Point], dict[str, tuple[int, int]]]:
    """At most ``limit`` points raised by one message, in the order extraction found them.

    100,000 lines "Zeile N: bitte pruefen." once made 100,007 points and an update SMTP
    refused, every day again (issue 19). Returns the kept points and, for each message over
    the cap, how many it raised and how many were kept.
    """
    raised: dict[str, int] = {}
    kept: list[Point] = []
    for p in points:
        raised[p.message_id] = raised.get(p.message_id, 0) + 1
        if raised[p.message_id] <= limit:
            kept.append(p)
    return kept, {mid: (n, limit) for mid, n in raised.items() if n > limit}


@dataclass(frozen=True)
class Limits:
    """What one message may cost the analysis (config: message_seconds, max_points_per_message)."""

    message_seconds: float | None = 20.0
    max_points_per_message: int = 50


def _parties(customer: Customer | None) -> tuple[str, ...]:
    """The customer's people as its rules name them: sender domains and addresses."""
    if customer is None:
        return ()
    return tuple(dict.fromkeys(x for m in customer.match
                               for x in (*m.from_domain, *m.from_address)))


def analyze_threads(work: list[tuple[Thread, list[str], bool, dict[str, datetime]]],
                    rules: Rules, limits: Limits = Limits()) -> list[_Analysed]:
    """Route and extract a group of threads from their stored JSON (extract only where asked;
    with the times the contact reopened points of the thread).

    Pure, so the same here or in a worker process; decoding, routing and extracting all happen
    where this runs, and the run that writes the state gets back only what it writes.
    """
    customers = {c.id: c for c in rules.customers}
    # people on our side a hand-over or a commitment may name: owners, contacts, copies
    colleague_addresses = tuple(dict.fromkeys(
        a for c in rules.customers for a in (c.owner, *c.contact, *c.cc)
        if a and route.is_team(a, rules)))
    roster = {a.lower(): "" for a in (*rules.team.addresses, *colleague_addresses)}
    out: list[_Analysed] = []
    for t, datas, read, reopened in work:
        position = {mid: i for i, mid in enumerate(t.message_ids)}
        members = sorted((message_from_json(d) for d in datas),
                         key=lambda m: position[m.message_id])
        decision = route.route_thread(members, rules)
        customer = customers.get(decision.customer_id or "")
        empty = ThreadExtract(t.thread_id, t.subject, t.message_ids, [], [])
        error, capped = "", {}
        try:
            # the budget grows with the thread: each message may cost message_seconds
            seconds = limits.message_seconds and limits.message_seconds * len(members)
            with time_budget(seconds):
                result = extract.extract_thread(
                    t, members, team=rules.team,
                    default_owner=customer.owner if customer else None,
                    colleague_addresses=colleague_addresses, reopened=reopened,
                    parties=_parties(customer),
                ) if read else empty
        except OverBudget as exc:
            result, error = empty, str(exc)
        if result.points:
            kept, capped = cap_points(result.points, limits.max_points_per_message)
            if capped:
                ids = {p.id for p in kept}
                result.points = kept
                result.owner_changes = [c for c in result.owner_changes if c.point_id in ids]
        brief = [_member(m, rules, roster) for m in members]
        out.append(_Analysed(t, brief, customer.id if customer else None, decision.reason,
                             result, error, capped))
    return out
