"""The orchestrator: runs the stages in order and owns every lease.

One run is poll (fetch → parse → store, committed per batch: run/poll.py), analyse (replies
→ thread → route → extract → points, one transaction per slice: run/analyse.py), then send
(compose → render → outbox → deliver: run/send.py), each a set of functions over one
``RunContext`` (run/context.py). ``--dry-run`` takes exactly this path against an in-memory
copy of the state and a delivery that only collects, so what it prints is what a real run
would do. The business rules between the queries are pure functions with their own tests:
run/loadplan.py, run/merge.py, run/outbox.py, run/inflight.py.

Importing this module is cheap on purpose: a cron run with no new mail and no update due
polls, finds nothing and exits without loading the parse, analysis or render stacks. Each is
imported where its work starts (run/poll.py's ``_parse``, ``Runner.analyze``, run/send.py's
``_render``), in this process before the pool forks, so workers never import them again.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from mailsum.config.loader import Config, SourceConfig
from mailsum.errors import DeliveryError, LeaseLost, SourceError, StateConflict
from mailsum.models import Customer, SourceState, Update
from mailsum.run import poll, slices
from mailsum.run import send as sending
from mailsum.run.budget import OverBudget, time_budget
from mailsum.run.context import CollectingDelivery, RunContext, RunOptions, RunReport
from mailsum.run.factory import Delivery, imap_settings, make_delivery
from mailsum.run.holders import is_dead_here
from mailsum.run.outbox import DIGEST_ID, retry_delay
from mailsum.run.workpool import WorkPool
from mailsum.state.store import Lease, StateStore

if TYPE_CHECKING:
    from mailsum.run.files import extract_files
    from mailsum.run.parsework import parse_all
    from mailsum.run.threadwork import Limits, analyze_threads, cap_points

__all__ = [  # what other modules and the tests import from here, wherever it lives now
    "ANALYZE_CHUNK", "DIGEST_ID", "CollectingDelivery", "Delivery", "Limits", "OverBudget",
    "RunOptions", "RunReport", "Runner", "analyze_threads", "cap_points", "extract_files",
    "imap_settings", "make_delivery", "parse_all", "retry_delay", "time_budget",
]

# the re-exports that live with the parse and analysis stacks, imported on first use (PEP 562)
# so that importing the runner does not load them: a run with no new mail never needs them
_LAZY = {"Limits": "mailsum.run.threadwork", "analyze_threads": "mailsum.run.threadwork",
         "cap_points": "mailsum.run.threadwork", "parse_all": "mailsum.run.parsework",
         "extract_files": "mailsum.run.files"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)


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
            if not order:
                return
            # replies, threading and extraction load only when there is new mail, and here in
            # the run, so the workers the pool forks for a big slice inherit them
            from mailsum.run import analyse

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
        except (LeaseLost, StateConflict) as exc:
            log.warning("%s: %s; another worker has this update", customer_id, exc)
        finally:
            self.release(lease)
