"""Analyse: replies to our updates → thread → route → extract → points, one slice at a time.

The Runner holds the analysis lease and cuts the new mail into slices, oldest first, so memory
stays flat on a first poll of 100,000. Slicing cannot change the result: each slice is
threaded against what the earlier ones stored (tests/test_runner.py checks arrival in any
order gives the same threads), and slices are cut between conversations (run/slices.py), so
a thread is read once with all its new mail and its points are those of one whole reading.
"""

from __future__ import annotations

from collections.abc import Iterator

from mailsum.analysis import thread
from mailsum.models import OwnerChangeRecord, ThreadRecord
from mailsum.run import loadplan, merge, replies
from mailsum.run.context import RunContext
from mailsum.run.crashpoint import crashpoint
from mailsum.run.inflight import in_order
from mailsum.run.send import send_answers
from mailsum.run.threadwork import Limits, _Analysed, analyze_threads, groups
from mailsum.run.workpool import Pending
from mailsum.state.store import Lease

REPLY_SCAN = 250  # new messages read at once to find replies to updates
EXTRACT_GROUP = 100  # messages of the threads handed to a worker process at once


def analyse_slice(ctx: RunContext, pending: set[str], lease: Lease) -> None:
    """One slice of new mail: replies to our updates first, then the threads it touches."""
    handle_replies(ctx, pending, lease)
    if not pending:
        return
    plan = load(ctx, pending)
    with ctx.store.transaction(fence=lease):
        done = 0
        # groups of threads analysed by workers while the next group loads and the previous
        # one is written; results are written in thread order
        for results in in_order(_submitted(ctx, plan, pending), ctx.in_flight):
            done = _finish_group(ctx, results, pending, plan.slice, done, len(plan.work))


def handle_replies(ctx: RunContext, pending: set[str], lease: Lease) -> None:
    """Apply the commands in replies to our updates and take those replies out of ``pending``:
    a reply is never a customer's open point (one that only looks like a reply is)."""
    store = ctx.store
    handler = replies.ReplyHandler(ctx.config, store, ctx.secret(), ctx.now)
    with store.transaction(fence=lease):
        # a reply carries our marker header or references one of our Message-IDs, and
        # both contain "mailsum": only such messages are decoded and checked
        ordered = sorted(store.mentioning(sorted(pending), replies.REPLY_WORD))
        for start in range(0, len(ordered), REPLY_SCAN):  # a few hundred in memory at once
            for msg in store.load_messages(ordered[start:start + REPLY_SCAN]):
                if replies.is_reply(msg) and handler.answers_us(msg):
                    handler.handle(msg)
                    store.mark_analyzed([msg.message_id], None, None)
                    pending.discard(msg.message_id)
    ctx.report.commands.extend(handler.applied)
    send_answers(ctx, handler.answers)


def load(ctx: RunContext, pending: set[str]) -> loadplan.LoadPlan:
    """Read the new mail's headers and those of the stored threads it can join, and plan.

    By subject, only threads active within thread.SUBJECT_WINDOW can join, so only recent
    ones are read: a slice costs what its new mail costs, however often a subject recurs.
    """
    store = ctx.store
    new = store.thread_headers(sorted(pending))
    stored = store.thread_members(store.threads_with_keys(loadplan.id_probes(new)))
    known = store.thread_headers(loadplan.members(stored))
    by_subject = store.thread_members(store.active_threads(
        store.threads_with_keys(loadplan.subject_probes(new, known)) - set(stored),
        thread.subject_horizon([*new, *known])))
    known += store.thread_headers(loadplan.members(by_subject))
    stored.update(by_subject)
    return loadplan.plan(new, known, stored, pending, ctx.archive_before)


def _submitted(ctx: RunContext, plan: loadplan.LoadPlan, pending: set[str]
               ) -> Iterator[Pending[list[_Analysed]]]:
    """Hand the plan's threads to the pool group by group, as the queue pulls them."""
    limits = Limits(ctx.config.message_seconds, ctx.config.max_points_per_message)
    for group in groups(plan.work, EXTRACT_GROUP):
        yield ctx.pool.submit(
            analyze_threads, [(t, ctx.store.message_data(t.message_ids),
                               t.thread_id not in plan.past,
                               {} if pending.issuperset(t.message_ids)
                               else ctx.store.reopened(t.message_ids))
                              for t in group],
            ctx.config.rules, limits, weight=sum(len(t.message_ids) for t in group))


def _finish_group(ctx: RunContext, results: Pending[list[_Analysed]], pending: set[str],
                  current: loadplan.Slice, done: int, total: int) -> int:
    for a in results.result():
        done += 1
        if done % 200 == 0 or done == total:
            ctx.progress("analyse threads", done, total)
        for m in a.members:
            if m.away_until is not None:
                ctx.store.set_absence(m.from_addr, m.away_until, m.message_id, ctx.now,
                                      m.deputy)
        fresh = [m for m in a.members if m.message_id in pending]
        for m in fresh:
            if a.error:
                ctx.failure("analysis", "", m.message_id, None, m.message_id,
                            f"not analysed: {a.error}")
            elif m.message_id in a.capped:
                found, kept = a.capped[m.message_id]
                ctx.failure("analysis", "", m.message_id, None, m.message_id,
                            f"{found} points in one message; kept the first {kept} "
                            "(max_points_per_message)")
        save_thread(ctx, a, current)
        crashpoint("during-analyze")
        if a.customer_id is None:
            for m in fresh:
                ctx.report.unrouted_count += 1
                if ctx.options.unrouted_details:
                    ctx.report.unrouted.append(
                        {"message_id": m.message_id, "from": m.from_addr,
                         "subject": m.subject})
    return done


def save_thread(ctx: RunContext, a: _Analysed, current: loadplan.Slice) -> None:
    """Write one analysed thread; if its extraction failed, the points stored before stay as
    they were (nothing is withdrawn)."""
    store, t, result = ctx.store, a.thread, a.result
    customer = ctx.customers.get(a.customer_id or "")
    customer_id = customer.id if customer else None
    ids = [m.message_id for m in a.members]
    last = max((m.date for m in a.members), default=ctx.now)
    stale = current.stale(ids)
    if stale:
        store.drop_threads(sorted(stale))
    store.save_thread(ThreadRecord(
        thread_id=t.thread_id, customer_id=customer_id, subject=t.subject,
        message_ids=t.message_ids, summary=result.summary, last_activity=last,
        route_reason=a.reason, ticket=result.ticket))
    at = merge.Placement(customer_id, t.thread_id, last, ctx.now, ctx.archive_before,
                         frozenset(t.message_ids))
    store.save_points(merge.merge_points(
        result.points, store.get_points([p.id for p in result.points]), at))
    if merge.withdraws(current.had_stored(ids), extraction_failed=bool(a.error)):
        store.withdraw_points(t.message_ids, {p.id for p in result.points})
    for c in result.owner_changes:
        store.add_owner_change(
            OwnerChangeRecord(point_id=c.point_id, old=c.old, new=c.new, at=c.at,
                              reason=c.reason, recorded_at=ctx.now), c.message_id)
    store.mark_analyzed(t.message_ids, t.thread_id, customer_id)
