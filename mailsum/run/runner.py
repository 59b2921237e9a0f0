"""The orchestrator: wires the stages together and owns every transaction.

One run is poll (fetch → parse → store, committed per batch), analyze (thread → route →
extract → points, one transaction), then send (compose → render → outbox → deliver).
``--dry-run`` takes exactly this path against an in-memory copy of the state and a delivery
that only collects, so what it prints is what a real run would do.
"""

from __future__ import annotations

import functools
import logging
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Any

import jinja2

from mailsum import i18n
from mailsum.analysis import route, thread
from mailsum.config.loader import Config, SourceConfig
from mailsum.config.secrets import hmac_key
from mailsum.errors import (
    DeliveryError,
    ExitCode,
    LeaseLost,
    ParseError,
    SourceError,
    StateConflict,
)
from mailsum.extract import points as extract
from mailsum.extract.colleagues import deputy_in
from mailsum.models import (
    Customer,
    Digest,
    DigestThread,
    OutgoingMail,
    OwnerChangeRecord,
    ParsedMessage,
    Point,
    PointRecord,
    RawMessage,
    RenderedUpdate,
    Rules,
    SourceState,
    Thread,
    ThreadExtract,
    ThreadRecord,
    Update,
)
from mailsum.outbound import compose, deliver, render, schedule
from mailsum.outbound.jsonout import source_json, update_json
from mailsum.parse import message as parse
from mailsum.run import replies
from mailsum.run.crashpoint import crashpoint
from mailsum.run.factory import (  # imap_settings and make_delivery lived here before
    Delivery,
    imap_settings,  # noqa: F401
    make_delivery,  # noqa: F401
    make_fetcher,
)
from mailsum.run.holders import holder_id, is_dead_here
from mailsum.run.workpool import Pending, WorkPool, available_cores
from mailsum.sources import fetch
from mailsum.state.store import Lease, MessageRow, StateStore, message_from_json

log = logging.getLogger("mailsum")

ANALYZE_CHUNK = 2000  # new messages analysed per transaction
REPLY_SCAN = 250  # new messages read at once to find replies to updates
EXTRACT_GROUP = 100  # messages of the threads handed to a worker process at once
DIGEST_ID = "_unrouted"  # outbox id of the fallback digest; customer ids cannot start with _


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


@dataclass
class _Parsed:
    """One message's parse, as it travels back from a worker process."""

    row: MessageRow | None = None  # encoded for the messages table where it was parsed
    keys: list[tuple[str, str]] = field(default_factory=list)  # its thread join keys
    error: str = ""  # why it is recorded as a failure instead
    trace: str = ""  # a parser bug's traceback, logged by the run


def _groups(threads: list[Thread], size: int) -> Iterable[list[Thread]]:
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


class OverBudget(BaseException):  # not an Exception: no `except Exception` in
    # the parser or the extractor may swallow it and go on without a budget
    """Parsing or analysing one message (or thread) took longer than its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget inside the block once ``seconds`` of CPU time have passed.

    A last line of defence behind the linear-time regexes (issue 19: one message held a run
    for a minute): ITIMER_PROF counts CPU time, so a busy shared machine does not trip it, and
    Python's regex engine checks for signals while it matches. Only the main thread of a
    process can take signals (the run's, and each worker process's); elsewhere no budget.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise OverBudget(f"over the time budget of {seconds:g} s CPU (message_seconds)")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def parse_all(datas: list[bytes], budget: float | None = None) -> list[_Parsed]:
    """Parse a batch; failures are values, so one broken mail never loses its batch."""
    out: list[_Parsed] = []
    for data in datas:
        try:
            with time_budget(budget):
                msg = parse.parse_message(data)
                keys = thread.join_keys(msg)
            out.append(_Parsed(MessageRow.of(msg), keys))
        except (ParseError, OverBudget) as exc:
            out.append(_Parsed(error=str(exc)))
        except Exception as exc:
            out.append(_Parsed(error=f"internal parser error: {type(exc).__name__}: {exc}",
                               trace=traceback.format_exc()))
    return out


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
class _Slice:
    """The threads one analysis slice writes, and where its stored messages were before it
    (the messages of one slice's threads are disjoint, so that map stays true while it runs)."""

    thread_ids: set[str]
    stored_in: dict[str, str]  # message id -> thread id before this slice


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
    roster = {a.lower(): "" for a in (*rules.team_addresses, *colleague_addresses)}
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
                    t, members, team_domains=rules.team_domains,
                    team_addresses=rules.team_addresses,
                    default_owner=customer.owner if customer else None,
                    colleague_addresses=colleague_addresses, reopened=reopened,
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


class Runner:
    def __init__(self, config: Config, store: StateStore, delivery: Delivery,
                 options: RunOptions) -> None:
        self.config = config
        self.store = store
        self.delivery = delivery
        self.options = options
        self.now = options.now or datetime.now(UTC)
        self.report = RunReport()
        self._new_ids: set[str] = set()
        self._archive_before = datetime.min.replace(tzinfo=UTC)  # set by analyze()
        self.pool = WorkPool(options.jobs if options.jobs is not None
                             else config.jobs or available_cores())

    @functools.cached_property
    def _customers(self) -> dict[str, Customer]:
        return {c.id: c for c in self.config.rules.customers}

    def close(self) -> None:
        """Stop the worker processes a big poll started (a no-op otherwise)."""
        self.pool.close()

    @property
    def _in_flight(self) -> int:
        """Batches handed to workers before the oldest is committed: enough to keep them busy."""
        return self.pool.jobs + 1 if self.pool.started else 0

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

    def source_states(self, customer: Customer | None = None) -> list[SourceState]:
        """How the configured sources stand, from the state (so a worker sees what other
        workers polled); with ``customer``, only those its mail comes from, and every source
        never read, since what it holds is unknown."""
        status = self.store.source_status()
        feeding = self.store.customer_sources(customer.id) if customer else None
        out = []
        for src in self.config.sources:
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

    def drop_old_update_mails(self) -> None:
        before = self.now - timedelta(days=self.config.keep_update_mails_days)
        with self.store.transaction():
            dropped = self.store.drop_old_update_mails(before)
        if dropped:
            log.info("dropped the stored mail of %d updates sent before %s", dropped,
                     before.date().isoformat())

    def stopping(self) -> bool:
        return self.options.should_stop is not None and self.options.should_stop()

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

    @property
    def claim_seconds(self) -> float:
        """How long an outbox claim lasts: our lease plus the longest SMTP conversation."""
        return self.options.lease_seconds + 2 * self.config.delivery.timeout

    # ------------------------------------------------------------------ poll

    def poll_source(self, src: SourceConfig, lease: Lease | None = None) -> None:
        """Poll one source under its lease; a worker that already claimed it passes the lease."""
        lease = lease or self.claim("source", src.name)
        if lease is None:
            return
        try:
            if src.kind == "imap":
                self._poll_imap(src, lease)
            else:
                self._poll_local(src, lease)
            if not self.stopping():
                with self.store.transaction():
                    self.store.source_polled(src.name, self.now)
        except SourceError as exc:
            log.error("%s", exc)
            self.report.source_errors.append(str(exc))
            with self.store.transaction():
                self.store.source_polled(src.name, self.now, _reason(exc, src.name))
        except LeaseLost as exc:
            log.warning("%s; its last batch was rolled back and is polled again", exc)
        finally:
            self.release(lease, self.options.poll_every)

    def _poll_imap(self, src: SourceConfig, lease: Lease) -> None:
        fetcher = make_fetcher(src)
        fetcher.connect()
        try:
            for folder in src.folders:
                uidvalidity, last_uid = self.store.folder_cursor(src.name, folder)
                done = 0
                # batches being parsed by workers; each commits in order, with its cursor
                waiting: deque[tuple[fetch.FolderBatch, Pending[list[_Parsed]]]] = deque()
                for batch in fetcher.fetch_folder(folder, uidvalidity, last_uid):
                    if self.stopping():
                        break
                    crashpoint("after-fetch")
                    waiting.append((batch, self._parse(batch.messages)))
                    while len(waiting) > self._in_flight:
                        done = self._commit_imap(src, folder, lease, *waiting.popleft(), done)
                while waiting:  # also on a stop: what is fetched and parsed is kept
                    done = self._commit_imap(src, folder, lease, *waiting.popleft(), done)
                if self.stopping():
                    return
        finally:
            fetcher.close()

    def _commit_imap(self, src: SourceConfig, folder: str, lease: Lease,
                     batch: fetch.FolderBatch, parsed: Pending[list[_Parsed]], done: int) -> int:
        outcomes = parsed.result()
        done += len(batch.messages) + len(batch.oversized)
        self._progress(f"fetch+parse {src.name}/{folder}", done, batch.total)
        with self.store.transaction(fence=lease):
            self._store_batch(batch.messages, outcomes)
            for uid, size in batch.oversized:
                mid, subject = _head_fields(batch.oversized_headers.get(uid, b""))
                self._failure(src.name, folder, str(uid), uid, mid,
                              f"message of {size} bytes exceeds max_message_bytes"
                              + (f" (subject {subject!r})" if subject else ""))
            crashpoint("before-batch-commit")
            self.store.set_folder_cursor(src.name, folder, batch.uidvalidity, batch.last_uid)
        crashpoint("after-batch-commit")
        return done

    def _poll_local(self, src: SourceConfig, lease: Lease) -> None:
        assert src.path is not None
        seen = self.store.seen_keys(src.name, "")
        reader = fetch.fetch_maildir if src.kind == "maildir" else fetch.fetch_mbox
        limit = src.max_message_bytes
        done = 0
        waiting: deque[tuple[list[RawMessage], list[RawMessage], Pending[list[_Parsed]]]] = (
            deque())

        def commit(batch: list[RawMessage], oversized: list[RawMessage],
                   parsed: Pending[list[_Parsed]]) -> None:
            nonlocal done
            outcomes = parsed.result()
            done += len(batch) + len(oversized)
            self._progress(f"fetch+parse {src.name}", done, 0)
            with self.store.transaction(fence=lease):
                self._store_batch(batch, outcomes)
                for raw in oversized:  # recorded like an oversized IMAP message, never parsed
                    mid, subject = _head_fields(raw.data)
                    self._failure(raw.source, raw.folder, raw.key, None, mid,
                                  f"message of {raw.size} bytes exceeds max_message_bytes"
                                  + (f" (subject {subject!r})" if subject else ""))
                    self.store.mark_seen(raw.source, raw.folder, raw.key, None, self.now)

        for batch in reader(src.name, src.path, seen, src.batch_size, limit):
            if self.stopping():
                break
            big = [raw for raw in batch if (raw.size or 0) > limit]
            fits = [raw for raw in batch if (raw.size or 0) <= limit]
            waiting.append((fits, big, self._parse(fits)))
            while len(waiting) > self._in_flight:
                commit(*waiting.popleft())
        while waiting:
            commit(*waiting.popleft())

    def _progress(self, what: str, done: int, total: int) -> None:
        if self.options.progress is not None:
            self.options.progress(what, done, total)

    def _parse(self, batch: list[RawMessage]) -> Pending[list[_Parsed]]:
        return self.pool.submit(parse_all, [raw.data for raw in batch],
                                self.config.message_seconds, weight=len(batch))

    def _store_batch(self, batch: list[RawMessage], outcomes: list[_Parsed]) -> None:
        for raw, outcome in zip(batch, outcomes, strict=True):
            self.report.fetched += 1
            row = outcome.row
            if row is None:
                if outcome.trace:  # a parser bug must not stop the run either
                    log.error("unexpected error parsing %s/%s\n%s", raw.source, raw.key,
                              outcome.trace)
                self._failure(raw.source, raw.folder, raw.key, raw.uid, None, outcome.error)
                self.store.mark_seen(raw.source, raw.folder, raw.key, None, self.now)
                continue
            if self.store.add_message(row, raw.source, raw.folder, raw.key, outcome.keys):
                self.report.stored += 1
            else:
                self.report.duplicates += 1
                if self._other_mail_same_id(row):
                    # a second mail reusing a Message-ID (forged or broken) is not read, but
                    # no longer dropped without a trace (issue 19)
                    self._failure(raw.source, raw.folder, raw.key, raw.uid, row.message_id,
                                  "a different mail with this Message-ID is already stored; "
                                  "not read")
            self.store.mark_seen(raw.source, raw.folder, raw.key, row.message_id, self.now)

    def _other_mail_same_id(self, row: MessageRow) -> bool:
        """Whether the stored mail of ``row``'s id has another sender, subject or text (a
        copy of the same mail in a second folder or mailbox differs only in its headers)."""
        stored = self.store.load_messages([row.message_id])
        if not stored:
            return False
        new, old = message_from_json(row.data), stored[0]
        return (new.from_addr, new.subject, new.text) != (old.from_addr, old.subject, old.text)

    def _failure(self, source: str, folder: str, key: str | None, uid: int | None,
                 message_id: str | None, reason: str) -> None:
        log.warning("skipped message %s/%s %s: %s", source, folder or "-", key, reason)
        self.store.add_failure(source, folder, key, uid, message_id, reason, self.now)
        self.report.failures.append(
            {"source": source, "uid": uid, "key": key, "message_id": message_id,
             "reason": reason})

    # ------------------------------------------------------------------ analyze

    def analyze(self) -> None:
        """Thread the new messages against the stored threads they can join, then extract.

        Only threads that share a join key (id, reference, ticket tag, subject) with a new
        message are loaded, so the cost follows the new mail, not the mailbox.
        """
        lease = self.claim("analysis", "all")  # threads span sources: one analyser at a time
        if lease is None:
            return
        try:
            order = self.store.unanalyzed_by_date()
            if order:
                self._archive_before = self._import_horizon()
            for start in range(0, len(order), ANALYZE_CHUNK):
                if self.stopping():
                    return
                self._analyze_chunk(set(order[start:start + ANALYZE_CHUNK]), lease)
        except LeaseLost as exc:
            log.warning("%s; the slice was rolled back and is analysed again", exc)
        finally:
            self.release(lease)

    def _import_horizon(self) -> datetime:
        """Mail older than this is the mailbox's past (a first poll, a folder added later).

        Its points are archived and a first digest leaves its threads out: news, not history.
        Measured from the newest stored mail (not after now), not the clock, so the same mail
        always gives the same points.
        """
        newest = min(self.store.newest_message_date() or self.now, self.now)
        return newest - timedelta(days=self.config.import_days)

    def _analyze_chunk(self, pending: set[str], lease: Lease) -> None:
        """One slice of new mail, oldest first: memory stays flat on a first poll of 100,000.

        Slicing cannot change the result: each slice is threaded against what the earlier ones
        stored (tests/test_runner.py checks arrival in any order gives the same threads).
        """
        rules = self.config.rules
        handler = replies.ReplyHandler(self.config, self.store, self.secret(), self.now)
        with self.store.transaction(fence=lease):
            # a reply carries our marker header or references one of our Message-IDs, and
            # both contain "mailsum": only such messages are decoded and checked
            ordered = sorted(self.store.mentioning(sorted(pending), replies.REPLY_WORD))
            for start in range(0, len(ordered), REPLY_SCAN):  # a few hundred in memory at once
                for msg in self.store.load_messages(ordered[start:start + REPLY_SCAN]):
                    # never a customer's open point; one that only looks like a reply is
                    if replies.is_reply(msg) and handler.answers_us(msg):
                        handler.handle(msg)
                        self.store.mark_analyzed([msg.message_id], None, None)
                        pending.discard(msg.message_id)
        self.report.commands.extend(handler.applied)
        self._send_answers(handler.answers)
        if not pending:
            return
        new = self.store.thread_headers(sorted(pending))
        new_keys = {key for m in new for key in thread.probe_keys(m)}
        probes = {key for key in new_keys if key[0] != "subj"}
        stored = self.store.thread_members(self.store.threads_with_keys(probes))
        known = self.store.thread_headers(sorted(set().union(*stored.values())))
        # by subject, only threads active within thread.SUBJECT_WINDOW can join, so only recent
        # ones are read: a slice costs what its new mail costs, however often a subject recurs.
        # The subject that counts is a thread head's, which can be a stored message's.
        subjects = {k for k in new_keys if k[0] == "subj"} | {
            k for m in known for k in thread.probe_keys(m) if k[0] == "subj"}
        by_subject = self.store.thread_members(self.store.active_threads(
            self.store.threads_with_keys(subjects) - set(stored),
            thread.subject_horizon([*new, *known])))
        known += self.store.thread_headers(sorted(set().union(*by_subject.values())))
        stored.update(by_subject)
        threads = thread.thread_messages([*new, *known])
        # new mail can also split a stored thread (a message it names as parent moves over):
        # every thread that is not exactly a stored one is written, with or without new mail
        work = [t for t in threads if pending.intersection(t.message_ids)
                or stored.get(t.thread_id) != set(t.message_ids)]
        current = _Slice({t.thread_id for t in threads},
                         {m: tid for tid, members in stored.items() for m in members})
        # a thread that is all new to us and ended before the import horizon is the mailbox's
        # past: every point it holds would be archived, so it is stored and routed, not read
        # (most of a first poll's analysis). Read in full once new mail joins it.
        dates = {m.message_id: m.date for m in [*new, *known]}
        past = {t.thread_id for t in work if pending.issuperset(t.message_ids)
                and max(dates[m] for m in t.message_ids) < self._archive_before}
        with self.store.transaction(fence=lease):
            # groups of threads analysed by workers while the next group loads and the
            # previous one is written; results are written in thread order
            waiting: deque[Pending[list[_Analysed]]] = deque()
            done = 0
            for group in _groups(work, EXTRACT_GROUP):
                waiting.append(self.pool.submit(
                    analyze_threads, [(t, self.store.message_data(t.message_ids),
                                       t.thread_id not in past,
                                       {} if pending.issuperset(t.message_ids)
                                       else self.store.reopened(t.message_ids))
                                      for t in group],
                    rules, Limits(self.config.message_seconds,
                                  self.config.max_points_per_message),
                    weight=sum(len(t.message_ids) for t in group)))
                while len(waiting) > self._in_flight:
                    done = self._finish_group(waiting.popleft(), pending, current, done,
                                              len(work))
            while waiting:
                done = self._finish_group(waiting.popleft(), pending, current, done, len(work))

    def _finish_group(self, results: Pending[list[_Analysed]], pending: set[str],
                      current: _Slice, done: int, total: int) -> int:
        for a in results.result():
            done += 1
            if done % 200 == 0 or done == total:
                self._progress("analyse threads", done, total)
            for m in a.members:
                if m.away_until is not None:
                    self.store.set_absence(m.from_addr, m.away_until, m.message_id, self.now,
                                           m.deputy)
            for m in a.members:
                if m.message_id not in pending:
                    continue
                if a.error:
                    self._failure("analysis", "", m.message_id, None, m.message_id,
                                  f"not analysed: {a.error}")
                elif m.message_id in a.capped:
                    found, kept = a.capped[m.message_id]
                    self._failure("analysis", "", m.message_id, None, m.message_id,
                                  f"{found} points in one message; kept the first {kept} "
                                  "(max_points_per_message)")
            self._save_thread(a.thread, a.members, self._customers.get(a.customer_id or ""),
                              a.reason, a.result, current, keep_points=bool(a.error))
            crashpoint("during-analyze")
            if a.customer_id is None:
                for m in a.members:
                    if m.message_id not in pending:
                        continue
                    self.report.unrouted_count += 1
                    if self.options.unrouted_details:
                        self.report.unrouted.append(
                            {"message_id": m.message_id, "from": m.from_addr,
                             "subject": m.subject})
        return done

    def secret(self) -> bytes:
        """The key that signs update Message-IDs: from the config, else kept in the state."""
        if self.config.secret is not None:
            return hmac_key(self.config.secret).encode()
        with self.store.transaction():
            return self.store.secret()

    def _send_answers(self, answers: list[replies.Answer]) -> None:
        for answer in answers:
            try:
                self.delivery.send(answer.mail)
            except DeliveryError as exc:
                log.error("answer to reply %s not delivered: %s", answer.reply_id, exc)
                self.report.delivery_errors.append(f"answer to {answer.reply_id}: {exc}")
                continue
            with self.store.transaction():
                self.store.mark_answered(answer.reply_id)
            self.report.sent.append(answer.mail.message_id)

    def _save_thread(self, t: Thread, members: list[_Member], customer: Customer | None,
                     reason: str, result: ThreadExtract, current: _Slice,
                     keep_points: bool = False) -> None:
        """Write one analysed thread; ``keep_points``: its extraction failed, so the points
        stored before stay as they were (nothing is withdrawn)."""
        customer_id = customer.id if customer else None
        last = max((m.date for m in members), default=self.now)
        stored = {current.stored_in[m.message_id] for m in members
                  if m.message_id in current.stored_in}
        stale = stored - current.thread_ids  # merged away; a thread of this slice keeps its row
        if stale:
            self.store.drop_threads(sorted(stale))
        self.store.save_thread(ThreadRecord(
            thread_id=t.thread_id, customer_id=customer_id, subject=t.subject,
            message_ids=t.message_ids, summary=result.summary, last_activity=last,
            route_reason=reason, ticket=result.ticket))
        known = self.store.get_points([p.id for p in result.points])
        records: list[PointRecord] = []
        for p in result.points:
            old = known.get(p.id)
            resolved = p.status == "resolved"
            if old is None:
                archived = p.raised_at < self._archive_before
                rec = PointRecord(
                    id=p.id, customer_id=customer_id, thread_id=t.thread_id, kind=p.kind,
                    text=p.text, message_id=p.message_id, raised_by=p.raised_by,
                    raised_at=p.raised_at, owner=p.owner, due=p.due,
                    status="archived" if archived else "resolved" if resolved else "open",
                    first_seen=self.now, last_activity=last,
                    resolved_at=self.now if resolved and not archived else None,
                    resolved_by=p.resolved_by, escalation=p.escalation, position=p.position,
                    promise=p.promise)
            else:
                rec = old
                rec.customer_id, rec.thread_id, rec.last_activity = customer_id, t.thread_id, last
                # our promise may take on a request after it was stored, and set its date
                rec.position, rec.due, rec.promise = p.position, p.due, p.promise
                rec.text = p.text  # "Die Fehlermeldung lautet …" may join a stored blocker
                if p.owner and not rec.owner_by_command:
                    rec.owner = p.owner
                if resolved and old.status not in ("resolved", "archived"):
                    rec.status, rec.resolved_at, rec.resolved_by = "resolved", self.now, \
                        p.resolved_by
            known[p.id] = rec  # a second mention of the same point merges as it did one by one
            records.append(rec)
        self.store.save_points(records)
        if stored and not keep_points:  # only messages analysed before have stored points
            self.store.withdraw_points(t.message_ids, {p.id for p in result.points})
        for c in result.owner_changes:
            self.store.add_owner_change(
                OwnerChangeRecord(point_id=c.point_id, old=c.old, new=c.new, at=c.at,
                                  reason=c.reason, recorded_at=self.now), c.message_id)
        self.store.mark_analyzed(t.message_ids, t.thread_id, customer_id)

    # ------------------------------------------------------------------ send

    def send(self) -> None:
        while not self.stopping():  # the outbox first: retries and what a crash left behind
            with self.store.transaction():
                row = self.store.claim_pending_update(
                    self.now, self.options.worker, self.claim_seconds, self.options.customers)
            if row is None:
                break
            assert row.message_id is not None and row.data is not None  # as the outbox holds it
            self._deliver(row.id, row.customer_id, row.message_id, row.recipients, row.data)
        if self._analysis_pending():
            return
        chosen = [c for c in self.config.rules.customers
                  if not self.options.customers or c.id in self.options.customers]
        for done, customer in enumerate(chosen, 1):
            if self.stopping():
                return
            self._under_lease(customer.id, lambda lease, c=customer: self._send_customer(c, lease))
            self._progress("send updates", done, len(chosen))
        if not self.options.customers and not self.stopping():
            self._under_lease(DIGEST_ID, self._send_digest)

    def _analysis_pending(self) -> bool:
        """New mail not yet analysed would be missing from an update: let it wait a cycle.

        Only with several workers can that happen after our own analysis (another worker
        stored mail meanwhile, or is analysing it now). ``mailsum send`` alone does not wait.
        """
        holder = self.store.lease_holder("analysis", "all")
        if holder is not None and holder != self.options.worker:
            log.info("%s is analysing new mail; due updates wait for the next cycle", holder)
            return True
        if self.options.poll and self.store.has_unanalyzed():
            log.info("new mail is waiting for analysis; due updates wait for the next cycle")
            return True
        return False

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

    def timezone_of(self, customer: Customer) -> str:
        return customer.timezone or self.config.timezone

    def compose(self, customer: Customer) -> Update:
        last_sent = self.store.last_sent_update(customer.id)
        since = last_sent.created_at if last_sent else None
        absences: dict[str, date] = dict(self.store.absences())
        for a in self.config.rules.absences:
            if a.start is None or a.start <= self.now.date():
                absences[a.address] = max(a.until, absences.get(a.address, a.until))
        points = self.store.points(customer.id)
        # only what the update lists as resolved since the last one: not the customer's history
        settlers = self.store.senders([p.resolved_by for p in compose.resolved_since(points, since)
                                       if p.resolved_by])
        return compose.build_update(
            customer, points=points, settlers=settlers,
            owner_changes=self.store.owner_changes_since(customer.id, since),
            threads=self.store.threads(customer.id), absences=absences, since=since,
            now=self.now, timezone=self.timezone_of(customer),
            history=self.store.history(customer.id), deputies=self.store.deputies(),
            max_points=self.config.max_points_per_update)

    def _send_customer(self, customer: Customer, lease: Lease) -> None:
        tz = self.timezone_of(customer)
        paused_until, requested = self.store.customer_state(customer.id)
        force = self.options.force or requested
        if paused_until and paused_until > self.now and not force:
            log.info("%s: updates paused until %s", customer.id, paused_until.isoformat())
            return
        if force:
            due_at: datetime | None = self.now.replace(microsecond=0)
        else:
            last = self.store.last_update(customer.id)
            last_due = last.due_at if last else None
            due_at = schedule.due_time(customer.schedule, tz, last_due, self.now)
        if due_at is None or self.store.update_for_due(customer.id, due_at) is not None:
            return
        update = self.compose(customer)
        update.sources = self.source_states(customer)
        never_read = [s for s in update.source_problems if s.last_ok is None]
        if never_read:  # an update would read as an all-clear about mail nobody has seen
            why = "; ".join(f"source {s.name} has never been read ({s.error})"
                            for s in never_read)
            log.error("%s: no update sent: %s", customer.id, why)
            self.report.withheld.append(f"{customer.id}: no update sent: {why}")
            return
        if requested:
            with self.store.transaction(fence=lease):
                self.store.set_customer_state(customer.id, update_requested=False)
        if update.quiet and not customer.quiet_update and not force:
            with self.store.transaction(fence=lease):
                self.store.add_update(customer.id, due_at, self.now, status="skipped",
                                      quiet=True)
            log.info("%s: nothing new, quiet_update is off; no update", customer.id)
            return
        templates = Path(customer.templates) if customer.templates else self.config.templates
        rendered = render.render_update(update, templates)
        if update.source_problems:  # the subject must not read as an all-clear either
            rendered = RenderedUpdate(
                subject=i18n.t(update.language, "subject_incomplete", subject=rendered.subject),
                text=rendered.text, html=rendered.html)
        crashpoint("after-render")
        update.subject = rendered.subject
        secret = self.secret()
        sender = self.config.delivery.sender
        domain = parseaddr(sender)[1].rpartition("@")[2] or "mailsum.invalid"
        key = f"{customer.id}.{int(due_at.timestamp())}"  # unique: (customer, due time)
        message_id = deliver.make_message_id(key, secret, domain)
        mail = deliver.build_mail(
            rendered, sender=sender, to=update.to, cc=update.cc,
            reply_to=self.config.delivery.reply_to, message_id=message_id, date=self.now,
            extra_headers={"X-Mailsum-Customer": customer.id})
        self.report.updates.append({**update_json(update), "due_at": due_at.isoformat()})
        log.info("%s: update covers the due time %s", customer.id, due_at.isoformat())
        self.report.rendered.append((update, rendered))
        with self.store.transaction(fence=lease):
            update_id = self.store.add_update(
                customer.id, due_at, self.now, status="pending", quiet=update.quiet,
                message_id=message_id, subject=rendered.subject, recipients=mail.recipients,
                data=mail.data, numbers=[(p.number, p.id) for p in update.points],
                counts=update.counts, update_key=key,
                claim=(self.options.worker, self.claim_seconds))
        crashpoint("after-outbox-commit")
        self._deliver(update_id, customer.id, message_id, mail.recipients, mail.data)

    def _send_digest(self, lease: Lease) -> None:
        """The fallback contact's digest of threads no rule claims, at its own schedule."""
        rules = self.config.rules
        if not rules.fallback_contact or not rules.fallback_schedule:
            return
        tz = self.config.timezone
        last = self.store.last_update(DIGEST_ID)
        last_due = last.due_at if last else None
        due_at = schedule.due_time(rules.fallback_schedule, tz, last_due, self.now)
        if due_at is None or self.store.update_for_due(DIGEST_ID, due_at) is not None:
            return
        sent = self.store.last_sent_update(DIGEST_ID)
        since = sent.created_at if sent else None
        after = since or self._import_horizon()  # a first digest: not the mailbox's past
        threads = [t for t in self.store.threads(unrouted=True)
                   if t.last_activity > after and self._written_by_people(t)]
        if not threads:
            with self.store.transaction(fence=lease):
                self.store.add_update(DIGEST_ID, due_at, self.now, status="skipped", quiet=True)
            return
        threads.sort(key=lambda t: t.last_activity, reverse=True)
        heads = self.store.message_headers([t.message_ids[0] for t in threads])
        digest = Digest(
            to=list(rules.fallback_contact), language=rules.fallback_language, timezone=tz,
            generated_at=self.now, since=since,
            threads=[DigestThread(subject=t.subject,
                                  first_from=heads.get(t.message_ids[0], ("?",))[0],
                                  last_activity=t.last_activity, messages=len(t.message_ids),
                                  summary=t.summary[:2]) for t in threads])
        rendered = render.render_digest(digest, self.config.templates)
        sender = self.config.delivery.sender
        domain = parseaddr(sender)[1].rpartition("@")[2] or "mailsum.invalid"
        key = f"{DIGEST_ID}.{int(due_at.timestamp())}"
        message_id = deliver.make_message_id(key, self.secret(), domain)
        mail = deliver.build_mail(
            rendered, sender=sender, to=digest.to, cc=[],
            reply_to=self.config.delivery.reply_to, message_id=message_id, date=self.now,
            extra_headers={"X-Mailsum-Customer": DIGEST_ID})
        with self.store.transaction(fence=lease):
            update_id = self.store.add_update(
                DIGEST_ID, due_at, self.now, status="pending", quiet=False,
                message_id=message_id, subject=rendered.subject, recipients=mail.recipients,
                data=mail.data, update_key=key, claim=(self.options.worker, self.claim_seconds))
        self._deliver(update_id, DIGEST_ID, message_id, mail.recipients, mail.data)

    def _written_by_people(self, t: ThreadRecord) -> bool:
        """Newsletters, bounces and auto-replies alone need no rule: the digest leaves them out."""
        return any(not m.auto for m in self.store.load_messages(t.message_ids))

    def _deliver(self, update_id: int, customer_id: str, message_id: str,
                 recipients: list[str], data: bytes) -> None:
        sender = parseaddr(self.config.delivery.sender)[1]
        mail = OutgoingMail(message_id=message_id, sender=sender, recipients=recipients,
                            data=data)
        try:
            where = self.delivery.send(mail)
        except DeliveryError as exc:
            status = "failed" if exc.permanent else "pending"
            retry_at = None if exc.permanent else self.now + retry_delay(
                self.store.attempts(update_id))
            with self.store.transaction():
                self.store.mark_update(update_id, status, self.now, str(exc), retry_at)
            log.error("update for %s not delivered (%s%s): %s", customer_id, status,
                      f", next attempt after {retry_at:%Y-%m-%d %H:%M}Z" if retry_at else "",
                      exc)
            self.report.delivery_errors.append(f"{customer_id}: {exc}")
            return
        crashpoint("after-smtp-accept")
        with self.store.transaction():
            self.store.mark_update(update_id, "sent", self.now)
        crashpoint("after-mark-sent")
        log.info("update for %s %s: %s", customer_id,
                 "composed (dry run, not sent)" if self.options.dry_run else "delivered", where)
        self.report.sent.append(where)


def _head_fields(header: bytes) -> tuple[str | None, str]:
    """Message-ID and subject of an oversized message, from its header block alone."""
    if not header:
        return None, ""
    from email.parser import BytesHeaderParser
    from email.policy import default

    head = BytesHeaderParser(policy=default).parsebytes(header)
    try:
        return (str(head["Message-ID"]).strip() or None if head["Message-ID"] else None,
                str(head["Subject"] or "").strip())
    except (ValueError, TypeError):  # a header too broken to decode still leaves the reason
        return None, ""


def _reason(exc: SourceError, name: str) -> str:
    """The error without the "source NAME: " prefix the status table already shows."""
    return str(exc).removeprefix(f"source {name}: ")


def retry_delay(attempts: int) -> timedelta:
    """Capped exponential backoff for temporary delivery failures: 5 min, 10, 20 … 6 h."""
    return min(timedelta(minutes=5) * 2 ** attempts, timedelta(hours=6))


# ------------------------------------------------------------------ config-free extraction


def extract_files(paths: list[Any], *, sentences: int = 3, ratio: float | None = None,
                  own_text: bool = False, per_sentence: bool = False) -> dict[str, Any]:
    """``mailsum extract``: thread and extract the given files without any config.

    ``per_sentence``: every request, question, promise and fault as the sentence rules find
    it (``read_thread``), not one point per matter; the sentence-level benchmarks score this.
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
        result = read(t, members, team_domains=(), summary_sentences=sentences,
                      summary_ratio=ratio)
        out.append({
            "subject": t.subject, "message_ids": t.message_ids, "summary": result.summary,
            "state": result.ticket.state if result.ticket else None,
            "points": [{"kind": p.kind, "text": p.text, "status": p.status,
                        "message_id": p.message_id, "owner": p.owner, "raised_by": p.raised_by,
                        "due": p.due.isoformat() if p.due else None, "promise": p.promise}
                       for p in result.points],
        })
    return {"threads": out, "failures": failures}
