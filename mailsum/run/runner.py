"""The orchestrator: runs the stages in order and owns every lease.

One run is poll (fetch → parse → store, committed per batch: run/poll.py), analyse (replies
→ thread → route → extract → points, one transaction per slice: run/analyse.py), then send
(compose → render → outbox → deliver: run/send.py), each a set of functions over one
``RunContext`` (run/context.py). ``--dry-run`` takes exactly this path against an in-memory
copy of the state and a delivery that only collects, so what it prints is what a real run
would do. The business rules between the queries are pure functions with their own tests:
run/loadplan.py, run/merge.py, run/outbox.py, run/inflight.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

import jinja2

from mailsum.analysis import thread
from mailsum.config.loader import Config, SourceConfig
from mailsum.errors import DeliveryError, LeaseLost, ParseError, SourceError, StateConflict
from mailsum.extract import points as extract
from mailsum.extract.explain import explain as explain_point
from mailsum.models import Customer, ParsedMessage, SourceState, Update
from mailsum.parse import message as parse
from mailsum.run import analyse, poll, slices
from mailsum.run import send as sending
from mailsum.run.budget import OverBudget, time_budget
from mailsum.run.context import CollectingDelivery, RunContext, RunOptions, RunReport
from mailsum.run.factory import Delivery, imap_settings, make_delivery
from mailsum.run.holders import is_dead_here
from mailsum.run.outbox import DIGEST_ID, retry_delay
from mailsum.run.poll import parse_all
from mailsum.run.threadwork import Limits, analyze_threads, cap_points
from mailsum.run.workpool import WorkPool
from mailsum.sources import fetch
from mailsum.state.store import Lease, StateStore

__all__ = [  # what other modules and the tests import from here, wherever it lives now
    "ANALYZE_CHUNK", "DIGEST_ID", "CollectingDelivery", "Delivery", "Limits", "OverBudget",
    "RunOptions", "RunReport", "Runner", "analyze_threads", "cap_points", "extract_files",
    "imap_settings", "make_delivery", "parse_all", "retry_delay", "time_budget",
]

log = logging.getLogger("mailsum")

ANALYZE_CHUNK = 2000  # new messages analysed per transaction


class Runner:
    """Runs poll, analyse and send in order, each piece of work under its lease.

    A lease (per source, the analysis, per customer) is claimed before the work and released
    after it, also when it fails; what the work does is in the stage modules.
    """

    def __init__(self, config: Config, store: StateStore, delivery: Delivery,
                 options: RunOptions) -> None:
        self.ctx = RunContext(config, store, delivery, options)

    @property
    def config(self) -> Config:
        return self.ctx.config

    @property
    def store(self) -> StateStore:
        return self.ctx.store

    @property
    def options(self) -> RunOptions:
        return self.ctx.options

    @property
    def now(self) -> datetime:
        return self.ctx.now

    @property
    def report(self) -> RunReport:
        return self.ctx.report

    @property
    def pool(self) -> WorkPool:
        return self.ctx.pool

    def close(self) -> None:
        """Stop the worker processes a big poll started (a no-op otherwise)."""
        self.ctx.pool.close()

    # ------------------------------------------------------------------ entry point

    def run(self) -> RunReport:
        try:
            self.reap_dead_holders()
            if self.options.poll:
                for src in self.config.sources:
                    if self.stopping():
                        break
                    self.poll_source(src)
                self.analyze()
        finally:
            self.close()
        if self.options.send:
            self.send()
            self.drop_old_update_mails()
        self.report.sources = self.source_states()
        return self.report

    def stopping(self) -> bool:
        return self.ctx.stopping()

    def source_states(self, customer: Customer | None = None) -> list[SourceState]:
        return sending.source_states(self.ctx, customer)

    def compose(self, customer: Customer) -> Update:
        return sending.compose_update(self.ctx, customer)

    def drop_old_update_mails(self) -> None:
        before = self.now - timedelta(days=self.config.keep_update_mails_days)
        with self.store.transaction():
            dropped = self.store.drop_old_update_mails(before)
        if dropped:
            log.info("dropped the stored mail of %d updates sent before %s", dropped,
                     before.date().isoformat())

    # ------------------------------------------------------------------ leases

    def reap_dead_holders(self) -> None:
        """Take back at once what a crashed process on this machine still held."""
        dead = [h for h in self.store.holders() if is_dead_here(h)]
        if dead:
            with self.store.transaction():
                for holder in dead:
                    self.store.reap(holder)
            log.info("took over the work of %s (process gone)", ", ".join(sorted(dead)))

    def claim(self, kind: str, name: str) -> Lease | None:
        with self.store.transaction():
            lease = self.store.claim(kind, name, self.options.worker, self.options.lease_seconds)
        if lease is None:
            log.info("%s %s is being worked on by %s; skipped", kind, name,
                     self.store.lease_holder(kind, name) or "another worker")
        return lease

    def release(self, lease: Lease, next_due_in: float = 0.0) -> None:
        with self.store.transaction():
            self.store.release(lease, next_due_in)

    # ------------------------------------------------------------------ poll

    def poll_source(self, src: SourceConfig, lease: Lease | None = None) -> None:
        """Poll one source under its lease; a worker that already claimed it passes the lease."""
        lease = lease or self.claim("source", src.name)
        if lease is None:
            return
        try:
            poll.poll(self.ctx, src, lease)
            if not self.stopping():
                with self.store.transaction():
                    self.store.source_polled(src.name, self.now)
        except SourceError as exc:
            log.error("%s", exc)
            self.report.source_errors.append(str(exc))
            with self.store.transaction():
                self.store.source_polled(src.name, self.now, poll.reason(exc, src.name))
        except LeaseLost as exc:
            log.warning("%s; its last batch was rolled back and is polled again", exc)
        finally:
            self.release(lease, self.options.poll_every)

    # ------------------------------------------------------------------ analyse

    def analyze(self) -> None:
        """Thread the new messages against the stored threads they can join, then extract,
        in slices of up to ``ANALYZE_CHUNK`` that keep conversations whole (run/slices.py),
        oldest first, under the one analysis lease."""
        lease = self.claim("analysis", "all")  # threads span sources: one analyser at a time
        if lease is None:
            return
        try:
            order = self.store.unanalyzed_by_date()
            if order:
                self.ctx.archive_before = self.ctx.import_horizon()
            for part in slices.cut(order, self.store.join_keys_of(order), ANALYZE_CHUNK):
                if self.stopping():
                    return
                analyse.analyse_slice(self.ctx, set(part), lease)
        except LeaseLost as exc:
            log.warning("%s; the slice was rolled back and is analysed again", exc)
        finally:
            self.release(lease)

    # ------------------------------------------------------------------ send

    def send(self) -> None:
        """The outbox first (retries and what a crash left behind), then each customer due,
        then the digest of unrouted threads; nothing new while mail waits for analysis."""
        sending.drain_outbox(self.ctx)
        if sending.analysis_pending(self.ctx):
            return
        chosen = [c for c in self.config.rules.customers
                  if not self.options.customers or c.id in self.options.customers]
        for done, customer in enumerate(chosen, 1):
            if self.stopping():
                return
            self._under_lease(customer.id,
                              lambda lease, c=customer: sending.send_customer(self.ctx, c, lease))
            self.ctx.progress("send updates", done, len(chosen))
        if not self.options.customers and not self.stopping():
            self._under_lease(DIGEST_ID, lambda lease: sending.send_digest(self.ctx, lease))

    def _under_lease(self, customer_id: str, work: Callable[[Lease], None]) -> None:
        """A customer's due update is composed by one worker: the one holding its lease."""
        lease = self.claim("customer", customer_id)
        if lease is None:
            return
        try:
            work(lease)
        except DeliveryError as exc:
            self.report.delivery_errors.append(f"{customer_id}: {exc}")
        except jinja2.TemplateError as exc:  # a user's template: this customer, not the run
            why = f"template {getattr(exc, 'filename', None) or ''}" + (
                f":{exc.lineno}" if getattr(exc, "lineno", None) else "") + f": {exc.message}"
            log.error("%s: no update sent: %s", customer_id, why)
            self.report.withheld.append(f"{customer_id}: no update sent: {why}")
        except (LeaseLost, StateConflict) as exc:
            log.warning("%s: %s; another worker has this update", customer_id, exc)
        finally:
            self.release(lease)


# ------------------------------------------------------------------ config-free extraction


def extract_files(paths: list[Any], *, sentences: int = 3, ratio: float | None = None,
                  own_text: bool = False, per_sentence: bool = False,
                  explain: bool = False) -> dict[str, Any]:
    """``mailsum extract``: thread and extract the given files without any config.

    ``per_sentence``: every request, question, promise and fault as the sentence rules find
    it (``read_thread``), not one point per matter; the sentence-level benchmarks score this.
    ``explain``: each point also lists the cue entries that fired for its sentences.
    """
    messages: list[ParsedMessage] = []
    failures: list[dict[str, Any]] = []
    seen: set[str] = set()
    for raw in fetch.read_files(paths):
        try:
            msg = parse.parse_message(raw.data)
        except ParseError as exc:
            failures.append({"source": raw.source, "key": raw.key, "reason": str(exc)})
            continue
        if msg.message_id in seen:
            continue
        seen.add(msg.message_id)
        messages.append(msg)
    if own_text:
        return {"messages": [{"message_id": m.message_id, "own_text": m.own_text}
                             for m in messages], "failures": failures}
    by_id = {m.message_id: m for m in messages}
    out = []
    for t in thread.thread_messages(messages):
        members = [by_id[i] for i in t.message_ids if i in by_id]
        read = extract.read_thread if per_sentence else extract.extract_thread
        result = read(t, members, summary_sentences=sentences,  # no config: no team
                      summary_ratio=ratio)
        points = [{"kind": p.kind, "text": p.text, "status": p.status,
                   "message_id": p.message_id, "owner": p.owner, "raised_by": p.raised_by,
                   "due": p.due.isoformat() if p.due else None, "promise": p.promise}
                  for p in result.points]
        if explain:
            for point in points:
                msg = by_id.get(point["message_id"])
                point["explain"] = [asdict(f) for f in explain_point(
                    point["text"], msg.date if msg else None, msg.language if msg else "de")]
        out.append({
            "subject": t.subject, "message_ids": t.message_ids, "summary": result.summary,
            "state": result.ticket.state if result.ticket else None, "points": points,
        })
    return {"threads": out, "failures": failures}
