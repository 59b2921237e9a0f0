"""Send: compose → render → outbox → deliver (each customer's lease held by the Runner).

The outbox is drained first (retries, and what a crash left behind); then every customer due
gets its update, and the fallback contact its digest of unrouted threads. A mail is committed
to the outbox before it is handed to delivery, so a crash between the two resends the same
mail, never a different one.

Rendering (jinja2, the templates) is imported in ``_render`` with the first update a run
renders: a cron run with nothing due drains the outbox and checks the schedules without it.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from email.utils import parseaddr
from pathlib import Path
from typing import TYPE_CHECKING

from mailsum import i18n
from mailsum.errors import DeliveryError
from mailsum.models import (
    Customer,
    Digest,
    DigestThread,
    OutgoingMail,
    RenderedUpdate,
    SourceState,
    ThreadRecord,
    Update,
    UpdateStatus,
)
from mailsum.outbound import compose
from mailsum.outbound.jsonout import update_json
from mailsum.run import outbox
from mailsum.run.context import RunContext
from mailsum.run.crashpoint import crashpoint
from mailsum.state.records import UpdateRecord
from mailsum.state.store import Lease

if TYPE_CHECKING:
    from mailsum.run.replies import Answer

log = logging.getLogger("mailsum")


def drain_outbox(ctx: RunContext) -> None:
    """Deliver every due update in the outbox that no live worker has claimed."""
    while not ctx.stopping():
        with ctx.store.transaction():
            row = ctx.store.claim_pending_update(
                ctx.now, ctx.options.worker, ctx.claim_seconds, ctx.options.customers)
        if row is None:
            break
        assert row.message_id is not None and row.data is not None  # as the outbox holds it
        deliver(ctx, row.id, row.customer_id, row.message_id, row.recipients, row.data)


def analysis_pending(ctx: RunContext) -> bool:
    """New mail not yet analysed would be missing from an update: let it wait a cycle.

    Only with several workers can that happen after our own analysis (another worker
    stored mail meanwhile, or is analysing it now). ``mailsum send`` alone does not wait.
    """
    holder = ctx.store.lease_holder("analysis", "all")
    if holder is not None and holder != ctx.options.worker:
        log.info("%s is analysing new mail; due updates wait for the next cycle", holder)
        return True
    if ctx.options.poll and ctx.store.has_unanalyzed():
        log.info("new mail is waiting for analysis; due updates wait for the next cycle")
        return True
    return False


def source_states(ctx: RunContext, customer: Customer | None = None) -> list[SourceState]:
    """How the configured sources stand, from the state (so a worker sees what other
    workers polled); with ``customer``, only those its mail comes from, and every source
    never read, since what it holds is unknown."""
    status = ctx.store.source_status()
    feeding = ctx.store.customer_sources(customer.id) if customer else None
    out = []
    for src in ctx.config.sources:
        st = status.get(src.name)
        if feeding is not None and st is not None and st.last_ok is not None \
                and src.name not in feeding:
            continue
        if st is None:  # not polled yet (send before any poll): nothing known, no error
            out.append(SourceState(src.name, ok=True, last_ok=None))
            continue
        out.append(SourceState(src.name, ok=st.ok, last_ok=st.last_ok,
                               error=None if st.ok else st.last_error,
                               failing_since=st.failing_since))
    return out


def timezone_of(ctx: RunContext, customer: Customer) -> str:
    return customer.timezone or ctx.config.timezone


def compose_update(ctx: RunContext, customer: Customer) -> Update:
    """The customer's update as the state has it now (not yet checked, rendered or sent)."""
    store = ctx.store
    since = _created(store.last_sent_update(customer.id))
    absences: dict[str, date] = dict(store.absences())
    for a in ctx.config.rules.absences:
        if a.start is None or a.start <= ctx.now.date():
            absences[a.address] = max(a.until, absences.get(a.address, a.until))
    points = store.points(customer.id)
    # only what the update lists as resolved since the last one: not the customer's history
    settlers = store.senders([p.resolved_by for p in compose.resolved_since(points, since)
                              if p.resolved_by])
    return compose.build_update(
        customer, points=points, settlers=settlers,
        owner_changes=store.owner_changes_since(customer.id, since),
        threads=store.threads(customer.id), absences=absences, since=since,
        now=ctx.now, timezone=timezone_of(ctx, customer),
        history=store.history(customer.id), deputies=store.deputies(),
        max_points=ctx.config.max_points_per_update)


def send_customer(ctx: RunContext, customer: Customer, lease: Lease) -> None:
    """The customer's update for its due time, unless paused, already recorded or withheld."""
    store = ctx.store
    paused_until, requested = store.customer_state(customer.id)
    force = ctx.options.force or requested
    if paused_until is not None and outbox.paused(paused_until, ctx.now, force):
        log.info("%s: updates paused until %s", customer.id, paused_until.isoformat())
        return
    last_due = None if force else _due(store.last_update(customer.id))
    due_at = outbox.due_at(customer.schedule, timezone_of(ctx, customer), last_due, ctx.now,
                           force)
    if due_at is None or store.update_for_due(customer.id, due_at) is not None:
        return
    update = compose_update(ctx, customer)
    update.sources = source_states(ctx, customer)
    why = outbox.never_read(update.source_problems)
    if why:
        log.error("%s: no update sent: %s", customer.id, why)
        ctx.report.withheld.append(f"{customer.id}: no update sent: {why}")
        return
    if requested:
        with store.transaction(fence=lease):
            store.set_customer_state(customer.id, update_requested=False)
    if outbox.skips_quiet(update.quiet, customer.quiet_update, force):
        with store.transaction(fence=lease):
            store.add_update(customer.id, due_at, ctx.now, status=UpdateStatus.SKIPPED, quiet=True)
        log.info("%s: nothing new, quiet_update is off; no update", customer.id)
        return
    templates = Path(customer.templates) if customer.templates else ctx.config.templates
    rendered = _render(ctx, customer.id, update, templates)
    if rendered is None:
        return
    if update.source_problems:  # the subject must not read as an all-clear either
        rendered = RenderedUpdate(
            subject=i18n.t(update.language, "subject_incomplete", subject=rendered.subject),
            text=rendered.text, html=rendered.html)
    crashpoint("after-render")
    update.subject = rendered.subject
    out = _entry(ctx, customer.id, due_at, rendered, update.to, update.cc)
    ctx.report.updates.append({**update_json(update), "due_at": due_at.isoformat()})
    log.info("%s: update covers the due time %s", customer.id, due_at.isoformat())
    ctx.report.rendered.append((update, rendered))
    update_id = _enqueue(ctx, lease, customer.id, due_at, out, rendered, quiet=update.quiet,
                         numbers=[(p.number, p.id) for p in update.points],
                         counts=update.counts)
    crashpoint("after-outbox-commit")
    deliver(ctx, update_id, customer.id, out.message_id, out.mail.recipients, out.mail.data)


def send_digest(ctx: RunContext, lease: Lease) -> None:
    """The fallback contact's digest of threads no rule claims, at its own schedule."""
    rules, store = ctx.config.rules, ctx.store
    if not rules.fallback_contact or not rules.fallback_schedule:
        return
    tz = ctx.config.timezone
    due_at = outbox.due_at(rules.fallback_schedule, tz, _due(store.last_update(outbox.DIGEST_ID)),
                           ctx.now)
    if due_at is None or store.update_for_due(outbox.DIGEST_ID, due_at) is not None:
        return
    since = _created(store.last_sent_update(outbox.DIGEST_ID))
    after = since or ctx.import_horizon()  # a first digest: not the mailbox's past
    threads = outbox.digest_threads(store.threads(unrouted=True), after,
                                    lambda t: _written_by_people(ctx, t))
    if not threads:
        with store.transaction(fence=lease):
            store.add_update(outbox.DIGEST_ID, due_at, ctx.now, status=UpdateStatus.SKIPPED,
                             quiet=True)
        return
    heads = store.message_headers([t.message_ids[0] for t in threads])
    digest = Digest(
        to=list(rules.fallback_contact), language=rules.fallback_language, timezone=tz,
        generated_at=ctx.now, since=since,
        threads=[DigestThread(subject=t.subject,
                              first_from=heads.get(t.message_ids[0], ("?",))[0],
                              last_activity=t.last_activity, messages=len(t.message_ids),
                              summary=t.summary[:2]) for t in threads])
    rendered = _render(ctx, outbox.DIGEST_ID, digest, ctx.config.templates)
    if rendered is None:
        return
    out = _entry(ctx, outbox.DIGEST_ID, due_at, rendered, digest.to, [])
    update_id = _enqueue(ctx, lease, outbox.DIGEST_ID, due_at, out, rendered, quiet=False)
    deliver(ctx, update_id, outbox.DIGEST_ID, out.message_id, out.mail.recipients,
            out.mail.data)


def _render(ctx: RunContext, outbox_id: str, what: Update | Digest,
            templates: Path | None) -> RenderedUpdate | None:
    # jinja2 and the templates load with the first update a run renders, not with every run
    from mailsum.run import renderwork

    return renderwork.render(ctx, outbox_id, what, templates)


def _written_by_people(ctx: RunContext, t: ThreadRecord) -> bool:
    """Newsletters, bounces and auto-replies alone need no rule: the digest leaves them out."""
    return any(not m.auto for m in ctx.store.load_messages(t.message_ids))


def _entry(ctx: RunContext, outbox_id: str, due_at: datetime, rendered: RenderedUpdate,
           to: list[str], cc: list[str]) -> outbox.Entry:
    return outbox.entry(outbox_id, due_at, rendered, to=to, cc=cc,
                        sender=ctx.config.delivery.sender,
                        reply_to=ctx.config.delivery.reply_to, secret=ctx.secret(), now=ctx.now)


def _enqueue(ctx: RunContext, lease: Lease, outbox_id: str, due_at: datetime,
             out: outbox.Entry, rendered: RenderedUpdate, *, quiet: bool,
             numbers: list[tuple[int, str]] | None = None,
             counts: dict[str, int] | None = None) -> int:
    """Commit the mail to the outbox, claimed by us until we have sent it; its outbox id."""
    with ctx.store.transaction(fence=lease):
        return ctx.store.add_update(
            outbox_id, due_at, ctx.now, status=UpdateStatus.PENDING, quiet=quiet,
            message_id=out.message_id, subject=rendered.subject,
            recipients=out.mail.recipients, data=out.mail.data, numbers=numbers,
            counts=counts, update_key=out.key,
            claim=(ctx.options.worker, ctx.claim_seconds))


def deliver(ctx: RunContext, update_id: int, customer_id: str, message_id: str,
            recipients: list[str], data: bytes) -> None:
    """Hand an outbox entry to delivery and record how it went (a temporary failure waits
    for its next attempt, a permanent one stays failed)."""
    store = ctx.store
    sender = parseaddr(ctx.config.delivery.sender)[1]
    mail = OutgoingMail(message_id=message_id, sender=sender, recipients=recipients,
                        data=data)
    try:
        where = ctx.delivery.send(mail)
    except DeliveryError as exc:
        status, retry_at = outbox.after_failure(
            exc.permanent, 0 if exc.permanent else store.attempts(update_id), ctx.now)
        with store.transaction():
            store.mark_update(update_id, status, ctx.now, str(exc), retry_at)
        log.error("update for %s not delivered (%s%s): %s", customer_id, status,
                  f", next attempt after {retry_at:%Y-%m-%d %H:%M}Z" if retry_at else "",
                  exc)
        ctx.report.delivery_errors.append(f"{customer_id}: {exc}")
        return
    crashpoint("after-smtp-accept")
    with store.transaction():
        store.mark_update(update_id, UpdateStatus.SENT, ctx.now)
    crashpoint("after-mark-sent")
    log.info("update for %s %s: %s", customer_id,
             "composed (dry run, not sent)" if ctx.options.dry_run else "delivered", where)
    ctx.report.sent.append(where)


def send_answers(ctx: RunContext, answers: list[Answer]) -> None:
    """The confirmations of commands read from replies (not kept in the outbox)."""
    for answer in answers:
        try:
            ctx.delivery.send(answer.mail)
        except DeliveryError as exc:
            log.error("answer to reply %s not delivered: %s", answer.reply_id, exc)
            ctx.report.delivery_errors.append(f"answer to {answer.reply_id}: {exc}")
            continue
        with ctx.store.transaction():
            ctx.store.mark_answered(answer.reply_id)
        ctx.report.sent.append(answer.mail.message_id)


def _due(row: UpdateRecord | None) -> datetime | None:
    return row.due_at if row else None


def _created(row: UpdateRecord | None) -> datetime | None:
    return row.created_at if row else None
