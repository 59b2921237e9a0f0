"""The state store: the only place that remembers anything between runs.

SQLite (a file, the default) or PostgreSQL (``state: postgresql://…``, for several workers).
``StateStore`` is the one entry point; it composes the parts of the state layer:

- ``db.py``: the connection, transactions and every SQLite/PostgreSQL difference;
- ``migrations.py``: the schema's numbered scripts;
- one repository per concern: ``leases.py``, ``mail.py`` and ``threads.py``, ``points.py``
  (points, owners, events), ``outbox.py`` (updates), ``replies.py``, ``sources.py``;
- ``records.py`` and ``codec.py``: the typed records handed out, and the column formats.

``store.points(...)`` is ``store.point_repo.points(...)``: each public method is one
repository's. The orchestrator owns transactions (``with store.transaction():``); repositories
never commit. ``transaction(fence=lease)`` first renews the lease (mailsum/state/leases.py), so
work whose lease another worker took over rolls back with ``LeaseLost``.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from mailsum.state import migrations
from mailsum.state.codec import message_from_json, message_to_json
from mailsum.state.db import Database, is_url, state_error
from mailsum.state.leases import LeaseRepository
from mailsum.state.mail import MailRepository
from mailsum.state.migrations import MIGRATIONS, SCHEMA_LOCK, postgres_ddl
from mailsum.state.outbox import UpdateRepository
from mailsum.state.points import PointRepository
from mailsum.state.records import EventRecord, Lease, MessageRow, SourceStatus, UpdateRecord
from mailsum.state.replies import ReplyRepository
from mailsum.state.sources import SourceStatusRepository
from mailsum.state.threads import ThreadRepository

__all__ = [
    "MIGRATIONS", "SCHEMA_LOCK", "EventRecord", "Lease", "MessageRow", "SourceStatus",
    "StateStore", "UpdateRecord", "is_url", "message_from_json", "message_to_json",
    "postgres_ddl", "state_error",
]

P = ParamSpec("P")
R = TypeVar("R")


def _via(part: str, method: Callable[Concatenate[Any, P], R]
         ) -> Callable[Concatenate[StateStore, P], R]:
    """``store.name(...)`` runs ``store.<part>.name(...)``, with the repository's signature
    and docstring: one public surface over the parts."""

    @functools.wraps(method)
    def delegate(store: StateStore, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return method(getattr(store, part), *args, **kwargs)

    delegate.part = part  # type: ignore[attr-defined]  # the repository it runs on
    return delegate


class StateStore:
    """Typed access to the state database: a facade over its repositories."""

    def __init__(self, conn: Any, dialect: str = "sqlite", *, scratch: bool = False) -> None:
        self._attach(Database(conn, dialect, scratch=scratch))

    def _attach(self, db: Database) -> None:
        self.db = db
        self.lease_repo = LeaseRepository(db)
        self.mail_repo = MailRepository(db)
        self.thread_repo = ThreadRepository(db)
        self.point_repo = PointRepository(db)
        self.update_repo = UpdateRepository(db)
        self.reply_repo = ReplyRepository(db)
        self.source_repo = SourceStatusRepository(db)

    @classmethod
    def _of(cls, db: Database) -> StateStore:
        store = cls.__new__(cls)
        store._attach(db)
        return store

    @property
    def conn(self) -> Any:
        """The raw connection (tests and benchmarks inspect tables through it)."""
        return self.db.conn

    @property
    def path(self) -> Path | None:
        return self.db.path

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def scratch(self) -> bool:
        return self.db.scratch

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, location: Path | str, *, migrate: bool = True) -> StateStore:
        """A SQLite file path, or a ``postgresql://`` URL (``migrate=False``: only connect)."""
        if is_url(location):
            store = cls._of(Database.connect_postgres(str(location)))
            if migrate:
                store.migrate()
            return store
        path = Path(location)
        return cls._opened(path, lambda: Database.open_file(path))

    @classmethod
    def open_scratch(cls, location: Path | str) -> StateStore:
        """A private view whose changes are never saved: ``--dry-run`` runs the real code on it.

        SQLite: an in-memory copy of the file. PostgreSQL: one transaction that is rolled back
        on close (each of our transactions becomes a savepoint inside it); it holds the row
        locks it takes until then, so a dry run can make a worker wait, never double work.
        """
        if is_url(location):
            store = cls._of(Database.scratch_postgres(str(location)))
            store.migrate()  # inside the transaction: even a new database keeps no tables
            return store
        path = Path(location)
        return cls._opened(path, lambda: Database.scratch_copy(path))

    @classmethod
    def _opened(cls, path: Path, connect: Callable[[], Database]) -> StateStore:
        """A migrated SQLite store, or a StateError that says what is wrong with the file."""
        db = None
        try:
            db = connect()
            store = cls._of(db)
            store.migrate()
        except (sqlite3.Error, OSError) as exc:
            if db is not None:
                db.conn.close()
            raise state_error(path, exc) from None
        return store

    @property
    def unavailable(self) -> tuple[type[Exception], ...]:
        """Errors that mean the database is gone for now (locked, restarted, unreachable)."""
        return self.db.unavailable

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> None:
        migrations.migrate(self.db)

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self.db)

    @contextmanager
    def transaction(self, fence: Lease | None = None) -> Iterator[None]:
        """One transaction; with ``fence``, it commits only while we still hold that lease."""
        with self.db.transaction():
            if fence is not None:
                self.lease_repo.renew(fence)
            yield

    # ------------------------------------------------------------------ leases.py
    clock = _via("lease_repo", LeaseRepository.clock)
    ensure_leases = _via("lease_repo", LeaseRepository.ensure_leases)
    claim = _via("lease_repo", LeaseRepository.claim)
    claim_next = _via("lease_repo", LeaseRepository.claim_next)
    renew = _via("lease_repo", LeaseRepository.renew)
    release = _via("lease_repo", LeaseRepository.release)
    holders = _via("lease_repo", LeaseRepository.holders)
    reap = _via("lease_repo", LeaseRepository.reap)
    live_leases = _via("lease_repo", LeaseRepository.live_leases)
    lease_holder = _via("lease_repo", LeaseRepository.lease_holder)

    # ------------------------------------------------------------------ mail.py
    folder_cursor = _via("mail_repo", MailRepository.folder_cursor)
    set_folder_cursor = _via("mail_repo", MailRepository.set_folder_cursor)
    seen_keys = _via("mail_repo", MailRepository.seen_keys)
    mark_seen = _via("mail_repo", MailRepository.mark_seen)
    add_failure = _via("mail_repo", MailRepository.add_failure)
    failure_count = _via("mail_repo", MailRepository.failure_count)
    add_message = _via("mail_repo", MailRepository.add_message)
    thread_headers = _via("mail_repo", MailRepository.thread_headers)
    message_data = _via("mail_repo", MailRepository.message_data)
    load_messages = _via("mail_repo", MailRepository.load_messages)
    senders = _via("mail_repo", MailRepository.senders)
    mentioning = _via("mail_repo", MailRepository.mentioning)
    message_headers = _via("mail_repo", MailRepository.message_headers)
    unanalyzed_by_date = _via("mail_repo", MailRepository.unanalyzed_by_date)
    join_keys_of = _via("mail_repo", MailRepository.join_keys_of)
    has_unanalyzed = _via("mail_repo", MailRepository.has_unanalyzed)
    mark_analyzed = _via("mail_repo", MailRepository.mark_analyzed)
    newest_message_date = _via("mail_repo", MailRepository.newest_message_date)
    message_count = _via("mail_repo", MailRepository.message_count)

    # ------------------------------------------------------------------ threads.py
    threads_with_keys = _via("thread_repo", ThreadRepository.threads_with_keys)
    active_threads = _via("thread_repo", ThreadRepository.active_threads)
    thread_ids_of = _via("thread_repo", ThreadRepository.thread_ids_of)
    thread_members = _via("thread_repo", ThreadRepository.thread_members)
    save_thread = _via("thread_repo", ThreadRepository.save_thread)
    drop_threads = _via("thread_repo", ThreadRepository.drop_threads)
    threads = _via("thread_repo", ThreadRepository.threads)

    # ------------------------------------------------------------------ points.py
    points = _via("point_repo", PointRepository.points)
    get_points = _via("point_repo", PointRepository.get_points)
    reopened = _via("point_repo", PointRepository.reopened)
    withdraw_points = _via("point_repo", PointRepository.withdraw_points)
    save_point = _via("point_repo", PointRepository.save_point)
    save_points = _via("point_repo", PointRepository.save_points)
    add_owner_change = _via("point_repo", PointRepository.add_owner_change)
    owner_changes_since = _via("point_repo", PointRepository.owner_changes_since)
    add_event = _via("point_repo", PointRepository.add_event)
    events = _via("point_repo", PointRepository.events)
    set_absence = _via("point_repo", PointRepository.set_absence)
    deputies = _via("point_repo", PointRepository.deputies)
    absences = _via("point_repo", PointRepository.absences)

    # ------------------------------------------------------------------ outbox.py
    secret = _via("update_repo", UpdateRepository.secret)
    last_update = _via("update_repo", UpdateRepository.last_update)
    last_sent_update = _via("update_repo", UpdateRepository.last_sent_update)
    update_for_due = _via("update_repo", UpdateRepository.update_for_due)
    claim_pending_update = _via("update_repo", UpdateRepository.claim_pending_update)
    add_update = _via("update_repo", UpdateRepository.add_update)
    mark_update = _via("update_repo", UpdateRepository.mark_update)
    drop_old_update_mails = _via("update_repo", UpdateRepository.drop_old_update_mails)
    attempts = _via("update_repo", UpdateRepository.attempts)
    history = _via("update_repo", UpdateRepository.history)
    sent_update_by_key = _via("update_repo", UpdateRepository.sent_update_by_key)
    updates = _via("update_repo", UpdateRepository.updates)

    # ------------------------------------------------------------------ replies.py
    reply_known = _via("reply_repo", ReplyRepository.reply_known)
    add_reply = _via("reply_repo", ReplyRepository.add_reply)
    mark_answered = _via("reply_repo", ReplyRepository.mark_answered)
    answers_since = _via("reply_repo", ReplyRepository.answers_since)
    customer_state = _via("reply_repo", ReplyRepository.customer_state)
    set_customer_state = _via("reply_repo", ReplyRepository.set_customer_state)

    # ------------------------------------------------------------------ sources.py
    source_polled = _via("source_repo", SourceStatusRepository.source_polled)
    source_status = _via("source_repo", SourceStatusRepository.source_status)
    customer_sources = _via("source_repo", SourceStatusRepository.customer_sources)
