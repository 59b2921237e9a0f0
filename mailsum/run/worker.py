"""``mailsum worker``: poll, analyse and send continuously, sharing the work with other workers.

Each cycle claims due sources one at a time (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL),
polls each under its lease, then analyses if no other worker is, then sends the customers' due
updates under a lease per customer. The same ``Runner`` does the work as in a cron run, so
both modes keep the same guarantees. A stop request (SIGTERM) is honoured between items: the
current batch, slice or update is finished and committed first.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from mailsum.config.loader import Config
from mailsum.errors import StateError
from mailsum.run.runner import Delivery, Runner, RunOptions
from mailsum.state.store import StateStore

log = logging.getLogger("mailsum")


@dataclass(frozen=True)
class WorkerSettings:
    holder: str  # label@host:pid, see mailsum/run/holders.py
    interval: float = 60.0  # seconds between polls of one source
    lease_seconds: float = 120.0


class Worker:
    def __init__(self, config: Config, connect: Callable[[], StateStore], delivery: Delivery,
                 settings: WorkerSettings, stop: threading.Event | None = None) -> None:
        self.config = config
        self.connect = connect
        self.store: StateStore | None = None
        self.delivery = delivery
        self.settings = settings
        self.stop = stop or threading.Event()
        self.cycles = 0
        self.reconnects = 0

    def run(self) -> None:
        log.info("worker %s started (interval %.0f s, lease %.0f s)", self.settings.holder,
                 self.settings.interval, self.settings.lease_seconds)
        failures = 0
        try:
            while not self.stop.is_set():
                started = time.monotonic()
                if self.store is None:
                    try:
                        self.store = self.connect()
                    except StateError as exc:
                        failures += 1
                        self._backoff(failures, exc)
                        continue
                try:
                    polled = self.cycle(self.store)
                    failures = 0
                except self.store.unavailable as exc:
                    # the database went away (restart, failover, dropped connection): what was
                    # not committed rolled back; reconnect with backoff and carry on
                    failures += 1
                    self.reconnects += 1
                    self._drop_connection()
                    self._backoff(failures, exc)
                    continue
                if not polled:  # nothing was due: sleep until the next source could be
                    self.stop.wait(max(0.2, self.settings.interval
                                       - (time.monotonic() - started)))
        finally:
            self._drop_connection()
        log.info("worker %s stopped after %d cycles", self.settings.holder, self.cycles)

    def _backoff(self, failures: int, exc: Exception) -> None:
        delay = min(60.0, 2.0 ** (failures - 1))
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        log.error("state database unavailable (%s); trying again in %.0f s", text, delay)
        self.stop.wait(delay)

    def _drop_connection(self) -> None:
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.close()
            self.store = None

    def cycle(self, store: StateStore) -> int:
        """One round: every due source this worker can claim, analysis, due updates."""
        self.cycles += 1
        runner = Runner(self.config, store, self.delivery, RunOptions(
            worker=self.settings.holder, lease_seconds=self.settings.lease_seconds,
            poll_every=self.settings.interval, should_stop=self.stop.is_set,
            unrouted_details=False))
        try:
            runner.reap_dead_holders()
            sources = {s.name: s for s in self.config.sources}
            with store.transaction():
                store.ensure_leases("source", sorted(sources))
            polled: set[str] = set()
            while not self.stop.is_set():
                with store.transaction():
                    lease = store.claim_next("source", self.settings.holder,
                                             self.settings.lease_seconds)
                if lease is None:
                    break
                if lease.name in polled:
                    # due again already (a short interval, many sources): analysis and due updates
                    # come first, then the next cycle polls it again
                    runner.release(lease)
                    break
                src = sources.get(lease.name)
                if src is None:  # removed from the config: park it for a day
                    runner.release(lease, 86_400)
                    continue
                runner.poll_source(src, lease)
                polled.add(lease.name)
            if not self.stop.is_set():
                runner.analyze()
            if not self.stop.is_set():
                runner.send()
                runner.drop_old_update_mails()
        finally:
            runner.close()  # worker processes of a big poll end with the cycle
        r = runner.report
        if r.fetched or r.sent or r.source_errors or r.delivery_errors:
            log.info("cycle %d: polled %d sources, fetched %d, stored %d, failed %d, sent %d, "
                     "errors %d", self.cycles, len(polled), r.fetched, r.stored, len(r.failures),
                     len(r.sent), len(r.source_errors) + len(r.delivery_errors))
        return len(polled)
