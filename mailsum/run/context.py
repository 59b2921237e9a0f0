"""What one run carries through its stages: config, state, delivery, options, report, clock.

The poll, analyse and send modules are functions over one ``RunContext`` (as beets' import
stages are functions over its session); the ``Runner`` owns the context and the leases.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from mailsum.config.loader import Config
from mailsum.config.secrets import hmac_key
from mailsum.errors import ExitCode
from mailsum.models import Customer, OutgoingMail, SourceState, Update
from mailsum.outbound.jsonout import source_json
from mailsum.run.factory import Delivery
from mailsum.run.holders import holder_id
from mailsum.run.workpool import WorkPool, available_cores
from mailsum.state.store import StateStore

log = logging.getLogger("mailsum")

# what the run hands to worker processes (parse_all, analyze_threads): imported by the pool just
# before it forks, since one pool started by a big poll also serves the analysis after it
WORKER_STAGES = ("mailsum.run.parsework", "mailsum.run.threadwork")


class CollectingDelivery:
    """Delivery for ``--dry-run``: keeps the mail, sends nothing."""

    def __init__(self) -> None:
        self.sent: list[OutgoingMail] = []

    def send(self, mail: OutgoingMail) -> str:
        self.sent.append(mail)
        return "dry-run"


@dataclass
class RunOptions:
    poll: bool = True
    send: bool = True
    dry_run: bool = False
    customers: tuple[str, ...] = ()  # restrict to these customers
    force: bool = False  # send now, whatever the schedule says
    now: datetime | None = None
    # (phase and what, done, total): "fetch+parse SOURCE/FOLDER", "analyse threads",
    # "send updates"; total 0 when unknown
    progress: Callable[[str, int, int], None] | None = None
    # keep every unrouted message in the report (for --format json); a cron run on a big first
    # poll only needs the count, and the list would grow with the mailbox
    unrouted_details: bool = True
    # several workers share one PostgreSQL state: who we are, how long our claims last, when a
    # polled source is due again, and the question asked between items on a graceful stop
    worker: str = field(default_factory=holder_id)
    lease_seconds: float = 120.0
    poll_every: float = 0.0
    should_stop: Callable[[], bool] | None = None
    # worker processes for parsing and extraction on a big poll; None: one per core
    jobs: int | None = None
    # compile every customer's templates before the first update is rendered, so a broken one
    # fails the run as a configuration error with file and line (the CLI's runs; a worker
    # withholds that customer's update instead)
    check_templates: bool = False


@dataclass
class RunReport:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    source_errors: list[str] = field(default_factory=list)
    delivery_errors: list[str] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    rendered: list[tuple[Update, Any]] = field(default_factory=list)
    unrouted: list[dict[str, Any]] = field(default_factory=list)
    unrouted_count: int = 0  # also counted when the details are not kept
    sent: list[str] = field(default_factory=list)
    commands: list[dict[str, Any]] = field(default_factory=list)  # applied from replies
    # customers whose update was withheld: a source they depend on was never read
    withheld: list[str] = field(default_factory=list)
    sources: list[SourceState] = field(default_factory=list)  # every configured source

    @property
    def problems(self) -> list[str]:
        """What failed in this run, one line each (stderr; empty on a good run)."""
        return self.source_errors + self.delivery_errors + self.withheld

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.FAILED if self.problems else ExitCode.OK

    def to_json(self) -> dict[str, Any]:
        return {"updates": self.updates, "unrouted": self.unrouted, "failures": self.failures,
                "sources": [source_json(s) for s in self.sources]}


class RunContext:
    """One run's config, state, delivery, options, report and clock, and the worker pool.

    Stage functions take it instead of reaching into a large class: each reads what it needs
    and writes its outcome into ``report``.
    """

    def __init__(self, config: Config, store: StateStore, delivery: Delivery,
                 options: RunOptions) -> None:
        self.config = config
        self.store = store
        self.delivery = delivery
        self.options = options
        self.now = options.now or datetime.now(UTC)
        self.report = RunReport()
        # mail raised before this is the mailbox's past (set by the analysis, which measures it)
        self.archive_before = datetime.min.replace(tzinfo=UTC)
        self.templates_checked = False  # run/renderwork.py compiles them before the first render
        self.pool = WorkPool(options.jobs if options.jobs is not None
                             else config.jobs or available_cores(), preload=WORKER_STAGES)

    @functools.cached_property
    def customers(self) -> dict[str, Customer]:
        return {c.id: c for c in self.config.rules.customers}

    def in_flight(self) -> int:
        """Batches handed to workers before the oldest is committed: enough to keep them busy.

        Asked again for every batch: the pool starts in the middle of a big poll.
        """
        return self.pool.jobs + 1 if self.pool.started else 0

    def stopping(self) -> bool:
        return self.options.should_stop is not None and self.options.should_stop()

    def progress(self, what: str, done: int, total: int) -> None:
        if self.options.progress is not None:
            self.options.progress(what, done, total)

    @property
    def claim_seconds(self) -> float:
        """How long an outbox claim lasts: our lease plus the longest SMTP conversation."""
        return self.options.lease_seconds + 2 * self.config.delivery.timeout

    def secret(self) -> bytes:
        """The key that signs update Message-IDs: from the config, else kept in the state."""
        if self.config.secret is not None:
            return hmac_key(self.config.secret).encode()
        with self.store.transaction():
            return self.store.secret()

    def import_horizon(self) -> datetime:
        """Mail older than this is the mailbox's past (a first poll, a folder added later).

        Its points are archived and a first digest leaves its threads out: news, not history.
        Measured from the newest stored mail (not after now), not the clock, so the same mail
        always gives the same points.
        """
        newest = min(self.store.newest_message_date() or self.now, self.now)
        return newest - timedelta(days=self.config.import_days)

    def failure(self, source: str, folder: str, key: str | None, uid: int | None,
                message_id: str | None, reason: str) -> None:
        """A message the run could not read or analyse: logged, stored, reported."""
        log.warning("skipped message %s/%s %s: %s", source, folder or "-", key, reason)
        self.store.add_failure(source, folder, key, uid, message_id, reason, self.now)
        self.report.failures.append(
            {"source": source, "uid": uid, "key": key, "message_id": message_id,
             "reason": reason})
