"""The state store: the only place that remembers anything between runs.

SQLite (a file, the default) or PostgreSQL (``state: postgresql://…``, for several workers).
Every statement is written once, with ``?`` placeholders; ``mailsum/state/pgconn.py`` adapts them.
Migrations are numbered scripts, each applied in one transaction and recorded (SQLite in
``PRAGMA user_version``, PostgreSQL in ``mailsum_schema`` under an advisory lock, so workers
starting together migrate once), so an interrupted upgrade leaves the previous version intact.
The orchestrator owns transactions (``with store.transaction():``); methods here never commit.

Leases make work claimed, not assumed: a worker holds a lease on a source, on the analysis, or
on a customer's due update, and every transaction that writes that work first renews the lease
(``transaction(fence=lease)``). If the lease was taken over after ours ran out, the transaction
raises ``LeaseLost`` and rolls back, so two workers never commit the same work.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mailsum.errors import LeaseLost, StateConflict, StateError
from mailsum.models import (
    OwnerChangeRecord,
    ParsedMessage,
    PointRecord,
    ThreadRecord,
    Ticket,
    UpdateHistory,
)

SCHEMA_LOCK = 7_236_101  # PostgreSQL advisory lock id: one migrator at a time


def is_url(location: Path | str) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


@dataclass(frozen=True)
class Lease:
    """A claim on one unit of work: (kind, name) held by ``holder`` for ``ttl`` seconds."""

    kind: str  # "source", "analysis" or "customer"
    name: str
    holder: str
    ttl: float


@dataclass(frozen=True)
class SourceStatus:
    """One source's poll record (``source_status`` table)."""

    source: str
    last_ok: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    failing_since: datetime | None  # None: its last poll succeeded

    @property
    def ok(self) -> bool:
        return self.failing_since is None


MIGRATIONS: list[str] = [
    # 1: the foundation
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE folders (
        source TEXT NOT NULL, folder TEXT NOT NULL,
        uidvalidity INTEGER, last_uid INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (source, folder));
    CREATE TABLE seen (
        source TEXT NOT NULL, folder TEXT NOT NULL, key TEXT NOT NULL,
        message_id TEXT, seen_at TEXT NOT NULL,
        PRIMARY KEY (source, folder, key));
    CREATE TABLE messages (
        message_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
        source TEXT NOT NULL, folder TEXT NOT NULL, key TEXT NOT NULL,
        date TEXT NOT NULL, subject TEXT NOT NULL, in_reply_to TEXT, refs TEXT NOT NULL,
        data TEXT NOT NULL,
        thread_id TEXT, customer_id TEXT, analyzed INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX messages_unanalyzed ON messages (analyzed) WHERE analyzed = 0;
    CREATE INDEX messages_thread ON messages (thread_id);
    CREATE TABLE message_keys (
        message_id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL);
    CREATE INDEX message_keys_key ON message_keys (kind, key);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, folder TEXT NOT NULL, key TEXT,
        uid INTEGER, message_id TEXT, reason TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE threads (
        thread_id TEXT PRIMARY KEY, customer_id TEXT, subject TEXT NOT NULL,
        message_ids TEXT NOT NULL, summary TEXT NOT NULL, last_activity TEXT NOT NULL,
        route_reason TEXT NOT NULL DEFAULT '');
    CREATE INDEX threads_customer ON threads (customer_id);
    CREATE TABLE points (
        id TEXT PRIMARY KEY, customer_id TEXT, thread_id TEXT NOT NULL, kind TEXT NOT NULL,
        text TEXT NOT NULL, message_id TEXT NOT NULL, raised_by TEXT NOT NULL,
        raised_at TEXT NOT NULL, owner TEXT, due TEXT, status TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_activity TEXT NOT NULL, resolved_at TEXT,
        resolved_by TEXT, escalation INTEGER NOT NULL DEFAULT 0, snoozed_until TEXT,
        owner_by_command INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX points_customer ON points (customer_id, status);
    CREATE TABLE owner_changes (
        id INTEGER PRIMARY KEY, point_id TEXT NOT NULL, old TEXT, new TEXT NOT NULL,
        at TEXT NOT NULL, reason TEXT NOT NULL, message_id TEXT, recorded_at TEXT NOT NULL,
        UNIQUE (point_id, new, at));
    CREATE TABLE absences (
        address TEXT PRIMARY KEY, until TEXT NOT NULL, message_id TEXT, seen_at TEXT NOT NULL);
    CREATE TABLE updates (
        id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, due_at TEXT NOT NULL,
        created_at TEXT NOT NULL, status TEXT NOT NULL, message_id TEXT,
        subject TEXT, recipients TEXT, data BLOB, quiet INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT, counts TEXT, update_key TEXT,
        UNIQUE (customer_id, due_at));
    CREATE INDEX updates_key ON updates (update_key);
    CREATE TABLE replies (
        message_id TEXT PRIMARY KEY, customer_id TEXT, update_key TEXT, sender TEXT NOT NULL,
        at TEXT NOT NULL, accepted INTEGER NOT NULL, reason TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX replies_sender ON replies (sender, at);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, point_id TEXT, at TEXT NOT NULL,
        actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT, message_id TEXT);
    CREATE INDEX events_customer ON events (customer_id, at);
    CREATE TABLE customer_state (
        customer_id TEXT PRIMARY KEY, paused_until TEXT, update_requested INTEGER NOT NULL
        DEFAULT 0);
    CREATE TABLE update_points (
        update_id INTEGER NOT NULL, number INTEGER NOT NULL, point_id TEXT NOT NULL,
        PRIMARY KEY (update_id, number));
    """,
    # 2: leases, so several workers share the work (kind: source, analysis, customer)
    """
    CREATE TABLE leases (
        kind TEXT NOT NULL, name TEXT NOT NULL, holder TEXT,
        expires_at REAL NOT NULL DEFAULT 0, due_at REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, name));
    ALTER TABLE updates ADD COLUMN claimed_by TEXT;
    ALTER TABLE updates ADD COLUMN claimed_until REAL;
    CREATE INDEX updates_pending ON updates (id) WHERE status = 'pending';
    """,
    # 3: the newest mail in one index lookup (what counts as the mailbox's past: import_days)
    """
    CREATE INDEX messages_date ON messages (date);
    """,
    # 4: where a point stands in its message, so an update lists a message's points in order
    """
    ALTER TABLE points ADD COLUMN sentence_index INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: the colleague an out-of-office reply points to, offered for reassigning
    """
    ALTER TABLE absences ADD COLUMN deputy TEXT;
    """,
    # 6: our promise that took on a customer's request (one point, shown with it); a thread's
    # points by message and a point's events, so a fresh analysis finds the points it no
    # longer yields and the ones the contact reopened
    """
    ALTER TABLE points ADD COLUMN promise TEXT;
    CREATE INDEX points_message ON points (message_id);
    CREATE INDEX events_point ON events (point_id);
    """,
    # 7: per source the last successful poll and the last error, so an update says which
    # mailbox it could not read and since when; which sources a customer's mail came from
    """
    CREATE TABLE source_status (
        source TEXT PRIMARY KEY, last_ok TEXT, last_error TEXT, last_error_at TEXT,
        failing_since TEXT);
    CREATE INDEX messages_customer_source ON messages (customer_id, source);
    """,
    # 8: where each ticket stands (whose move, owner, next step); threads with open points are
    # read again by the next run, so points of earlier releases take the one-per-matter shape
    # (what the contact did by reply stays: reassigned, snoozed or noted points are kept)
    """
    ALTER TABLE threads ADD COLUMN ticket TEXT;
    UPDATE messages SET analyzed = 0 WHERE thread_id IN (
        SELECT thread_id FROM points WHERE status IN ('open', 'snoozed'));
    """,
]


def _ticket_json(t: Ticket | None) -> str | None:
    if t is None:
        return None
    return json.dumps({"state": t.state, "owner": t.owner, "next_step": t.next_step,
                       "next_by": t.next_by, "next_at": _ts(t.next_at) if t.next_at else None,
                       "due": t.due.isoformat() if t.due else None}, ensure_ascii=False)


def _ticket(text: str | None) -> Ticket | None:
    if not text:
        return None
    d = json.loads(text)
    return Ticket(state=d["state"], owner=d.get("owner"), next_step=d.get("next_step"),
                  next_by=d.get("next_by"),
                  next_at=_dt(d["next_at"]) if d.get("next_at") else None,
                  due=date.fromisoformat(d["due"]) if d.get("due") else None)


def postgres_ddl(script: str) -> str:
    """SQLite DDL to PostgreSQL: identity keys, bytea, float8, and byte-order text.

    ``COLLATE "C"`` makes PostgreSQL sort and compare text as SQLite does (bytes), so ordering
    by date and Message-ID is the same on both whatever locale the database was created with.
    """
    out = script.replace("INTEGER PRIMARY KEY",
                         "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
    out = re.sub(r"\bBLOB\b", "BYTEA", out)
    out = re.sub(r"\bREAL\b", "DOUBLE PRECISION", out)
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', out)


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class MessageRow:
    """A parsed message as the messages table stores it, encoded where it was parsed.

    A big poll parses in worker processes (mailsum/run/workpool.py); encoding there too leaves the
    process that writes the state only the INSERT.
    """

    message_id: str
    content_hash: str
    date: str
    subject: str
    in_reply_to: str | None
    refs: str
    data: str

    @classmethod
    def of(cls, msg: ParsedMessage) -> MessageRow:
        return cls(msg.message_id, msg.content_hash, msg.date.isoformat(), msg.subject,
                   msg.in_reply_to, json.dumps(msg.references), message_to_json(msg))


def message_to_json(msg: ParsedMessage) -> str:
    # a shallow copy: asdict() deep-copies every list and dict only for json.dumps to read them
    data = dict(vars(msg))
    data["date"] = msg.date.isoformat()
    data["away_until"] = msg.away_until.isoformat() if msg.away_until else None
    return json.dumps(data, ensure_ascii=False)


def message_from_json(text: str) -> ParsedMessage:
    data = json.loads(text)
    data["date"] = datetime.fromisoformat(data["date"])
    data["away_until"] = _d(data.get("away_until"))
    return ParsedMessage(**data)


# SQLite errors that mean the file cannot be used at all (not "database is locked")
_FATAL = re.compile(r"disk is full|readonly|read-only|not a database|malformed|unable to open|"
                    r"disk I/O error|no such table|permission|is a directory", re.I)


def _check_state_path(path: Path) -> None:
    if path.is_dir():
        raise StateError(f"state {path}: is a folder, not a state file (set state: to a file "
                         f"path such as {path / 'mailsum.db'})")


def state_error(path: Path, exc: BaseException) -> StateError:
    """What a user can do about a state file that cannot be opened or written."""
    text = str(exc) if not isinstance(exc, OSError) else (exc.strerror or str(exc))
    low = text.lower()
    if "full" in low:
        why = ("the disk is full; nothing of this run was saved beyond its last committed "
               "batch: free space and run again")
    elif "readonly" in low or "read-only" in low or "permission" in low \
            or isinstance(exc, PermissionError):
        why = ("cannot write it (read-only file or folder): the user running mailsum must be "
               "able to write the file and its folder")
    elif "not a database" in low or "malformed" in low:
        why = ("the file is not a mailsum state database or is damaged: restore it from a "
               "backup, or move it away to start with an empty state")
    elif "unable to open" in low:
        why = "cannot open it: does its folder exist, and may this user write there?"
    else:
        why = text
    return StateError(f"state {path}: {why}")


class StateStore:
    """Typed access to the state database."""

    def __init__(self, conn: Any, dialect: str = "sqlite", *, scratch: bool = False) -> None:
        self.conn = conn
        self.path: Path | None = None  # the SQLite file, named in errors
        self.dialect = dialect
        self.scratch = scratch  # PostgreSQL dry run: one outer transaction, never committed
        self._savepoints = 0
        if dialect == "sqlite":
            conn.row_factory = sqlite3.Row

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, location: Path | str, *, migrate: bool = True) -> StateStore:
        """A SQLite file path, or a ``postgresql://`` URL (``migrate=False``: only connect)."""
        if is_url(location):
            from mailsum.state.pgconn import PgConnection

            store = cls(PgConnection(str(location)), "postgresql")
            if migrate:
                store.migrate()
            return store
        path = Path(location)
        _check_state_path(path)
        conn = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn)
            store.path = path
            store.migrate()
        except (sqlite3.Error, OSError) as exc:
            if conn is not None:
                conn.close()
            raise state_error(path, exc) from None
        return store

    @classmethod
    def open_scratch(cls, location: Path | str) -> StateStore:
        """A private view whose changes are never saved: ``--dry-run`` runs the real code on it.

        SQLite: an in-memory copy of the file. PostgreSQL: one transaction that is rolled back
        on close (each of our transactions becomes a savepoint inside it); it holds the row
        locks it takes until then, so a dry run can make a worker wait, never double work.
        """
        if is_url(location):
            from mailsum.state.pgconn import PgConnection

            store = cls(PgConnection(str(location)), "postgresql")
            store.conn.execute("BEGIN")
            store.scratch = True
            store.migrate()  # inside the transaction: even a new database keeps no tables
            return store
        path = Path(location)
        _check_state_path(path)
        mem = sqlite3.connect(":memory:", isolation_level=None)
        try:
            if path.exists():
                src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    src.backup(mem)
                finally:
                    src.close()
            store = cls(mem)
            store.path = path
            store.migrate()
        except (sqlite3.Error, OSError) as exc:
            mem.close()
            raise state_error(path, exc) from None
        return store

    @property
    def unavailable(self) -> tuple[type[Exception], ...]:
        """Errors that mean the database is gone for now (locked, restarted, unreachable)."""
        if self.dialect == "postgresql":
            return self.conn.unavailable  # type: ignore[no-any-return]
        return (sqlite3.OperationalError,)

    def close(self) -> None:
        if self.scratch:
            self.conn.execute("ROLLBACK")
        self.conn.close()

    def migrate(self) -> None:
        if self.dialect == "postgresql":
            self._migrate_postgres()
            return
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in script.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def _migrate_postgres(self) -> None:
        for number, script in enumerate(MIGRATIONS, start=1):
            with self.transaction():
                self.conn.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS mailsum_schema (version INTEGER NOT NULL)")
                row = self.conn.execute("SELECT max(version) FROM mailsum_schema").fetchone()
                if row is not None and row[0] is not None and row[0] >= number:
                    continue
                for statement in postgres_ddl(script).split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute("DELETE FROM mailsum_schema")
                self.conn.execute("INSERT INTO mailsum_schema (version) VALUES (?)", (number,))

    @property
    def schema_version(self) -> int:
        if self.dialect == "postgresql":
            if self.conn.execute("SELECT to_regclass('mailsum_schema')").fetchone()[0] is None:
                return 0  # a database no mailsum has used yet
            return int(self.conn.execute(
                "SELECT coalesce(max(version), 0) FROM mailsum_schema").fetchone()[0])
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self, fence: Lease | None = None) -> Iterator[None]:
        """One transaction; with ``fence``, it commits only while we still hold that lease."""
        if self.scratch:
            self._savepoints += 1
            name = f"s{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                if fence is not None:
                    self.renew(fence)
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
        except sqlite3.DatabaseError as exc:
            raise self._typed(exc) from None
        try:
            if fence is not None:
                self.renew(fence)
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if not (isinstance(exc, sqlite3.DatabaseError) and not self.conn.in_transaction):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._typed(exc) from None
            raise

    def _typed(self, exc: sqlite3.DatabaseError) -> Exception:
        """A SQLite file that cannot be written (full, read-only, corrupt) is a StateError;
        "database is locked" stays what it is, so a worker waits and tries again."""
        if self.path is not None and _FATAL.search(str(exc)):
            return state_error(self.path, exc)
        return exc

    # ------------------------------------------------------------------ leases

    def clock(self) -> float:
        """Seconds since the epoch by the database's clock, which all workers share."""
        if self.dialect == "postgresql":
            return float(self.conn.execute(
                "SELECT extract(epoch FROM clock_timestamp())::float8").fetchone()[0])
        return time.time()

    def _skip_locked(self) -> str:
        # SQLite has one writer at a time (BEGIN IMMEDIATE), so it needs no row locks
        return " FOR UPDATE SKIP LOCKED" if self.dialect == "postgresql" else ""

    def ensure_leases(self, kind: str, names: Sequence[str]) -> None:
        # only the missing rows: INSERT … ON CONFLICT waits for a holder's lock on an existing
        # row (a source being polled), and this runs at the start of every worker cycle
        known = {r[0] for r in self.conn.execute("SELECT name FROM leases WHERE kind=?",
                                                 (kind,))}
        self.conn.executemany(
            "INSERT INTO leases (kind, name) VALUES (?,?) ON CONFLICT DO NOTHING",
            [(kind, n) for n in names if n not in known])

    def claim(self, kind: str, name: str, holder: str, ttl: float) -> Lease | None:
        """Take (or keep) the lease on one named unit unless another holder's is still live."""
        now = self.clock()
        # never wait for a lock: a holder renewing its lease keeps the row locked for the whole
        # of its transaction (an analysis slice), and even INSERT … ON CONFLICT would wait
        row = self.conn.execute("SELECT holder, expires_at FROM leases WHERE kind=? AND name=?",
                                (kind, name)).fetchone()
        if row is None:
            self.conn.execute(
                "INSERT INTO leases (kind, name) VALUES (?,?) ON CONFLICT DO NOTHING",
                (kind, name))
        elif row[0] is not None and row[0] != holder and float(row[1]) >= now:
            return None
        row = self.conn.execute(
            "UPDATE leases SET holder=?, expires_at=? WHERE kind=? AND name = ("
            "SELECT name FROM leases WHERE kind=? AND name=? AND "
            f"(holder IS NULL OR holder=? OR expires_at < ?){self._skip_locked()}) "
            "RETURNING name",
            (holder, now + ttl, kind, kind, name, holder, now)).fetchone()
        return Lease(kind, name, holder, ttl) if row else None

    def claim_next(self, kind: str, holder: str, ttl: float) -> Lease | None:
        """The unit of this kind that has waited longest and is free: a worker's next job."""
        now = self.clock()
        row = self.conn.execute(
            "UPDATE leases SET holder=?, expires_at=? WHERE kind=? AND name = ("
            "SELECT name FROM leases WHERE kind=? AND (holder IS NULL OR expires_at < ?) "
            f"AND due_at <= ? ORDER BY due_at, name LIMIT 1{self._skip_locked()}) "
            "RETURNING name",
            (holder, now + ttl, kind, kind, now, now)).fetchone()
        return Lease(kind, row[0], holder, ttl) if row else None

    def renew(self, lease: Lease) -> None:
        """Extend our lease; raise ``LeaseLost`` when another worker holds it now."""
        row = self.conn.execute(
            "UPDATE leases SET expires_at=? WHERE kind=? AND name=? AND holder=? RETURNING name",
            (self.clock() + lease.ttl, lease.kind, lease.name, lease.holder)).fetchone()
        if row is None:
            raise LeaseLost(lease.kind, lease.name)

    def release(self, lease: Lease, next_due_in: float = 0.0) -> None:
        """Give the unit back; ``next_due_in`` seconds pass before anyone claims it next."""
        self.conn.execute(
            "UPDATE leases SET holder=NULL, expires_at=0, due_at=? "
            "WHERE kind=? AND name=? AND holder=?",
            (self.clock() + next_due_in, lease.kind, lease.name, lease.holder))

    def holders(self) -> set[str]:
        """Every holder of a lease or an outbox claim, live or not."""
        return {r[0] for r in self.conn.execute(
            "SELECT holder FROM leases WHERE holder IS NOT NULL UNION "
            "SELECT claimed_by FROM updates WHERE claimed_by IS NOT NULL")}

    def reap(self, holder: str) -> None:
        """Free everything a holder that is known to be dead still claims."""
        self.conn.execute("UPDATE leases SET holder=NULL, expires_at=0 WHERE holder=?", (holder,))
        self.conn.execute("UPDATE updates SET claimed_by=NULL, claimed_until=NULL "
                          "WHERE claimed_by=?", (holder,))

    def live_leases(self) -> list[tuple[str, str, str, float]]:
        """(kind, name, holder, seconds left) of every live lease: who works on what now."""
        now = self.clock()
        return [(r[0], r[1], r[2], float(r[3]) - now) for r in self.conn.execute(
            "SELECT kind, name, holder, expires_at FROM leases WHERE holder IS NOT NULL "
            "AND expires_at >= ? ORDER BY kind, name", (now,))]

    def lease_holder(self, kind: str, name: str) -> str | None:
        """Who holds a live lease on this unit (for logs and ``status``)."""
        row = self.conn.execute(
            "SELECT holder FROM leases WHERE kind=? AND name=? AND expires_at >= ?",
            (kind, name, self.clock())).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ meta

    def secret(self) -> bytes:
        """The HMAC key for update Message-IDs, generated once into the state."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='secret'").fetchone()
        if row:
            return bytes.fromhex(row[0])
        # two workers starting together: the first insert wins and both read it back
        self.conn.execute("INSERT INTO meta (key, value) VALUES ('secret', ?) "
                          "ON CONFLICT DO NOTHING", (secrets.token_bytes(32).hex(),))
        return bytes.fromhex(
            self.conn.execute("SELECT value FROM meta WHERE key='secret'").fetchone()[0])

    # ------------------------------------------------------------------ fetch bookkeeping

    def folder_cursor(self, source: str, folder: str) -> tuple[int | None, int]:
        row = self.conn.execute(
            "SELECT uidvalidity, last_uid FROM folders WHERE source=? AND folder=?",
            (source, folder),
        ).fetchone()
        return (row[0], row[1]) if row else (None, 0)

    def set_folder_cursor(self, source: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        self.conn.execute(
            "INSERT INTO folders (source, folder, uidvalidity, last_uid) VALUES (?,?,?,?) "
            "ON CONFLICT (source, folder) DO UPDATE SET uidvalidity=excluded.uidvalidity, "
            "last_uid=excluded.last_uid",
            (source, folder, uidvalidity, last_uid),
        )

    # ------------------------------------------------------------------ source status

    def source_polled(self, source: str, at: datetime, error: str | None = None) -> None:
        """Record one poll of ``source``: a success, or its error (the streak's start is kept)."""
        if error is None:
            self.conn.execute(
                "INSERT INTO source_status (source, last_ok) VALUES (?,?) "
                "ON CONFLICT (source) DO UPDATE SET last_ok=excluded.last_ok, "
                "failing_since=NULL", (source, _ts(at)))
            return
        self.conn.execute(
            "INSERT INTO source_status (source, last_error, last_error_at, failing_since) "
            "VALUES (?,?,?,?) ON CONFLICT (source) DO UPDATE SET "
            "last_error=excluded.last_error, last_error_at=excluded.last_error_at, "
            "failing_since=coalesce(source_status.failing_since, excluded.failing_since)",
            (source, error, _ts(at), _ts(at)))

    def source_status(self) -> dict[str, SourceStatus]:
        """Every source polled at least once: last success, last error, failing since when."""
        return {r[0]: SourceStatus(r[0], _dt(r[1]), r[2], _dt(r[3]), _dt(r[4]))
                for r in self.conn.execute(
                    "SELECT source, last_ok, last_error, last_error_at, failing_since "
                    "FROM source_status")}

    def customer_sources(self, customer_id: str) -> set[str]:
        """The sources a customer's stored mail came from (an index lookup)."""
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT source FROM messages WHERE customer_id=?", (customer_id,))}

    def seen_keys(self, source: str, folder: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT key FROM seen WHERE source=? AND folder=?", (source, folder)
        )
        return {r[0] for r in rows}

    def mark_seen(
        self, source: str, folder: str, key: str, message_id: str | None, now: datetime
    ) -> None:
        self.conn.execute(
            "INSERT INTO seen (source, folder, key, message_id, seen_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            (source, folder, key, message_id, _ts(now)),
        )

    def add_message(self, msg: ParsedMessage | MessageRow, source: str, folder: str, key: str,
                    join_keys: Sequence[tuple[str, str]] = ()) -> bool:
        """Store a parsed message and its thread join keys; False when the id is known."""
        row = msg if isinstance(msg, MessageRow) else MessageRow.of(msg)
        cur = self.conn.execute(
            "INSERT INTO messages (message_id, content_hash, source, folder, key, "
            "date, subject, in_reply_to, refs, data) VALUES (?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            (row.message_id, row.content_hash, source, folder, key, row.date, row.subject,
             row.in_reply_to, row.refs, row.data),
        )
        if cur.rowcount != 1:
            return False
        self.conn.executemany(
            "INSERT INTO message_keys (message_id, kind, key) VALUES (?,?,?)",
            [(row.message_id, kind, value) for kind, value in join_keys])
        return True

    def add_failure(
        self, source: str, folder: str, key: str | None, uid: int | None,
        message_id: str | None, reason: str, now: datetime,
    ) -> None:
        self.conn.execute(
            "INSERT INTO failures (source, folder, key, uid, message_id, reason, at) "
            "VALUES (?,?,?,?,?,?,?)",
            (source, folder, key, uid, message_id, reason, _ts(now)),
        )

    def failures_since(self, since: datetime) -> list[Any]:
        return list(self.conn.execute(
            "SELECT * FROM failures WHERE at >= ? ORDER BY id", (_ts(since),)))

    # ------------------------------------------------------------------ messages and threads

    def all_messages(self) -> list[ParsedMessage]:
        return [message_from_json(r[0]) for r in
                self.conn.execute("SELECT data FROM messages ORDER BY date, message_id")]

    def _chunks(self, values: list[str], size: int = 500) -> list[list[str]]:
        return [values[i:i + size] for i in range(0, len(values), size)]

    def thread_headers(self, message_ids: list[str]) -> list[ParsedMessage]:
        """Messages with only what threading reads (no bodies), to keep memory small."""
        out: list[ParsedMessage] = []
        for chunk in self._chunks(message_ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                    "SELECT message_id, date, subject, in_reply_to, refs FROM messages "
                    f"WHERE message_id IN ({marks})", chunk):
                out.append(ParsedMessage(
                    message_id=r[0], subject=r[2], from_addr="", from_name="", to=[], cc=[],
                    date=datetime.fromisoformat(r[1]), in_reply_to=r[3],
                    references=json.loads(r[4]), headers={}, text="", own_text=""))
        return out

    def message_data(self, message_ids: list[str]) -> list[str]:
        """The stored JSON of these messages, for whoever decodes them (message_from_json)."""
        out: list[str] = []
        for chunk in self._chunks(message_ids):
            marks = ",".join("?" * len(chunk))
            out += [r[0] for r in self.conn.execute(
                f"SELECT data FROM messages WHERE message_id IN ({marks})", chunk)]
        return out

    def senders(self, message_ids: list[str]) -> dict[str, tuple[str, datetime]]:
        """Who sent these messages and when: stored mail, or a contact's reply to an update."""
        out: dict[str, tuple[str, datetime]] = {}
        for chunk in self._chunks(sorted(set(message_ids))):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                    f"SELECT message_id, sender, at FROM replies WHERE message_id IN ({marks})",
                    chunk):
                out[r[0]] = (r[1], _dt(r[2]))  # type: ignore[assignment]
            for r in self.conn.execute(
                    f"SELECT message_id, data FROM messages WHERE message_id IN ({marks})", chunk):
                data = json.loads(r[1])
                out.setdefault(r[0], (data["from_addr"], datetime.fromisoformat(data["date"])))
        return out

    def load_messages(self, message_ids: list[str]) -> list[ParsedMessage]:
        return [message_from_json(d) for d in self.message_data(message_ids)]

    def mentioning(self, message_ids: list[str], word: str) -> list[str]:
        """Those of these messages whose stored JSON holds ``word`` in any letter case.

        A cheap prefilter (one scan in the database, nothing decoded): whoever asks still
        checks each hit, since the word may sit anywhere in a message.
        """
        like = "ILIKE" if self.dialect == "postgresql" else "LIKE"  # SQLite's: any case
        pattern = "%" + word.replace("%", "").replace("_", "") + "%"
        out: list[str] = []
        for chunk in self._chunks(message_ids):
            marks = ",".join("?" * len(chunk))
            out += [r[0] for r in self.conn.execute(
                f"SELECT message_id FROM messages WHERE message_id IN ({marks}) "
                f"AND data {like} ?", [*chunk, pattern])]
        return out

    def threads_with_keys(self, keys: set[tuple[str, str]]) -> set[str]:
        """Thread ids of analysed messages that share any of these join keys.

        Two index lookups, not a join: after a big first poll PostgreSQL's statistics say no
        message has a thread yet, and it then planned the join as a nested loop over every key
        of a kind — 8 to 17 s per call instead of 25 ms (benchmarks/workers/plan_repro.py).
        """
        sharing: set[str] = set()
        for kind in {k for k, _ in keys}:
            values = sorted(v for k, v in keys if k == kind)
            for chunk in self._chunks(values):
                marks = ",".join("?" * len(chunk))
                sharing.update(r[0] for r in self.conn.execute(
                    f"SELECT message_id FROM message_keys WHERE kind = ? AND key IN ({marks})",
                    [kind, *chunk]))
        return self.thread_ids_of(sorted(sharing))

    def active_threads(self, thread_ids: set[str], since: datetime) -> set[str]:
        """Those of these threads whose newest message is not older than ``since``."""
        active: set[str] = set()
        for chunk in self._chunks(sorted(thread_ids)):
            marks = ",".join("?" * len(chunk))
            active.update(r[0] for r in self.conn.execute(
                f"SELECT thread_id, last_activity FROM threads WHERE thread_id IN ({marks})",
                chunk) if _aware(datetime.fromisoformat(r[1])) >= since)
        return active

    def thread_ids_of(self, message_ids: list[str]) -> set[str]:
        """The stored thread ids of these messages (several when a new mail merged threads)."""
        found: set[str] = set()
        for chunk in self._chunks(message_ids):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(
                f"SELECT DISTINCT thread_id FROM messages WHERE message_id IN ({marks}) "
                "AND thread_id IS NOT NULL", chunk))
        return found

    def thread_members(self, thread_ids: set[str]) -> dict[str, set[str]]:
        """The Message-IDs each of these stored threads holds."""
        out: dict[str, set[str]] = {t: set() for t in thread_ids}
        for chunk in self._chunks(sorted(thread_ids)):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                    f"SELECT thread_id, message_id FROM messages WHERE thread_id IN ({marks})",
                    chunk):
                out[r[0]].add(r[1])
        return out

    def unanalyzed_by_date(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT message_id FROM messages WHERE analyzed=0 ORDER BY date, message_id")]

    def has_unanalyzed(self) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM messages WHERE analyzed=0 LIMIT 1").fetchone() is not None

    def unanalyzed_message_ids(self) -> set[str]:
        return {r[0] for r in
                self.conn.execute("SELECT message_id FROM messages WHERE analyzed=0")}

    def mark_analyzed(self, message_ids: list[str], thread_id: str | None,
                      customer_id: str | None) -> None:
        self.conn.executemany(
            "UPDATE messages SET analyzed=1, thread_id=?, customer_id=? WHERE message_id=?",
            [(thread_id, customer_id, m) for m in message_ids],
        )

    def newest_message_date(self) -> datetime | None:
        """The date of the newest stored message: one index lookup, as parse stores every date
        in UTC (ISO text then sorts as time)."""
        row = self.conn.execute("SELECT max(date) FROM messages").fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def message_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM messages").fetchone()[0])

    def save_thread(self, rec: ThreadRecord) -> None:
        self.conn.execute(
            "INSERT INTO threads (thread_id, customer_id, subject, message_ids, summary, "
            "last_activity, route_reason, ticket) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT (thread_id) DO "
            "UPDATE SET customer_id=excluded.customer_id, subject=excluded.subject, "
            "message_ids=excluded.message_ids, summary=excluded.summary, "
            "last_activity=excluded.last_activity, route_reason=excluded.route_reason, "
            "ticket=excluded.ticket",
            (rec.thread_id, rec.customer_id, rec.subject, json.dumps(rec.message_ids),
             json.dumps(rec.summary, ensure_ascii=False), _ts(rec.last_activity),
             rec.route_reason, _ticket_json(rec.ticket)),
        )

    def drop_threads(self, thread_ids: list[str]) -> None:
        """Forget thread rows that a merge made obsolete."""
        self.conn.executemany("DELETE FROM threads WHERE thread_id=?", [(t,) for t in thread_ids])

    def threads(self, customer_id: str | None = None, *, unrouted: bool = False
                ) -> list[ThreadRecord]:
        if unrouted:
            rows = self.conn.execute("SELECT * FROM threads WHERE customer_id IS NULL")
        elif customer_id is None:
            rows = self.conn.execute("SELECT * FROM threads")
        else:
            rows = self.conn.execute("SELECT * FROM threads WHERE customer_id=?", (customer_id,))
        return [
            ThreadRecord(
                thread_id=r["thread_id"], customer_id=r["customer_id"], subject=r["subject"],
                message_ids=json.loads(r["message_ids"]), summary=json.loads(r["summary"]),
                last_activity=_dt(r["last_activity"]),  # type: ignore[arg-type]
                route_reason=r["route_reason"], ticket=_ticket(r["ticket"]),
            )
            for r in rows
        ]

    def message_headers(self, message_ids: list[str]) -> dict[str, tuple[str, str, datetime]]:
        """message_id -> (from, subject, date) for the JSON and status output."""
        out: dict[str, tuple[str, str, datetime]] = {}
        for mid in message_ids:
            row = self.conn.execute("SELECT data FROM messages WHERE message_id=?",
                                    (mid,)).fetchone()
            if row:
                msg = message_from_json(row[0])
                out[mid] = (msg.from_addr, msg.subject, msg.date)
        return out

    # ------------------------------------------------------------------ points

    def _point(self, r: Any) -> PointRecord:
        return PointRecord(
            id=r["id"], customer_id=r["customer_id"], thread_id=r["thread_id"], kind=r["kind"],
            text=r["text"], message_id=r["message_id"], raised_by=r["raised_by"],
            raised_at=_dt(r["raised_at"]),  # type: ignore[arg-type]
            owner=r["owner"], due=_d(r["due"]), status=r["status"],
            first_seen=_dt(r["first_seen"]),  # type: ignore[arg-type]
            last_activity=_dt(r["last_activity"]),  # type: ignore[arg-type]
            resolved_at=_dt(r["resolved_at"]), resolved_by=r["resolved_by"],
            escalation=bool(r["escalation"]), snoozed_until=_dt(r["snoozed_until"]),
            owner_by_command=bool(r["owner_by_command"]), position=int(r["sentence_index"]),
            promise=r["promise"],
        )

    def get_point(self, point_id: str) -> PointRecord | None:
        row = self.conn.execute("SELECT * FROM points WHERE id=?", (point_id,)).fetchone()
        return self._point(row) if row else None

    def points(self, customer_id: str) -> list[PointRecord]:
        rows = self.conn.execute(
            "SELECT * FROM points WHERE customer_id=? ORDER BY raised_at, sentence_index, id",
            (customer_id,))
        return [self._point(r) for r in rows]

    def get_points(self, point_ids: list[str]) -> dict[str, PointRecord]:
        """Several points in one query: a thread's analysis asks for all of its points."""
        out: dict[str, PointRecord] = {}
        for chunk in self._chunks(sorted(set(point_ids))):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT * FROM points WHERE id IN ({marks})", chunk):
                out[r["id"]] = self._point(r)
        return out

    def reopened(self, message_ids: list[str]) -> dict[str, datetime]:
        """Points of these messages the contact reopened by reply, and when they last did."""
        out: dict[str, datetime] = {}
        for chunk in self._chunks(message_ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                    "SELECT e.point_id, max(e.at) FROM events e JOIN points p ON p.id = e.point_id "
                    f"WHERE e.action='reopen' AND p.message_id IN ({marks}) GROUP BY e.point_id",
                    chunk):
                out[r[0]] = _dt(r[1])  # type: ignore[assignment]
        return out

    def withdraw_points(self, message_ids: list[str], keep: set[str]) -> list[str]:
        """Open points of these messages that a fresh analysis no longer finds, and that nobody
        acted on by reply, leave the lists (status ``withdrawn``).

        Extraction improves between releases; without this a point an older release read into a
        greeting or a duplicate would stay open for good, since nothing in the thread can ever
        settle a point the analysis no longer yields. A point the contact reassigned, snoozed or
        annotated is theirs now and stays.
        """
        found: list[str] = []
        for chunk in self._chunks(message_ids):
            marks = ",".join("?" * len(chunk))
            found += [r[0] for r in self.conn.execute(
                f"SELECT id FROM points WHERE message_id IN ({marks}) AND status='open' "
                "AND owner_by_command=0 AND NOT EXISTS "
                "(SELECT 1 FROM events WHERE events.point_id=points.id)", chunk)
                if r[0] not in keep]
        for chunk in self._chunks(found):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"UPDATE points SET status='withdrawn' WHERE id IN ({marks})", chunk)
        return found

    def save_point(self, p: PointRecord) -> None:
        self.save_points([p])

    def save_points(self, points: list[PointRecord]) -> None:
        self.conn.executemany(
            "INSERT INTO points (id, customer_id, thread_id, kind, text, message_id, raised_by, "
            "raised_at, owner, due, status, first_seen, last_activity, resolved_at, "
            "resolved_by, escalation, snoozed_until, owner_by_command, sentence_index, promise) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET customer_id=excluded.customer_id, "
            "thread_id=excluded.thread_id, kind=excluded.kind, text=excluded.text, "
            "owner=excluded.owner, "
            "due=excluded.due, status=excluded.status, last_activity=excluded.last_activity, "
            "resolved_at=excluded.resolved_at, resolved_by=excluded.resolved_by, "
            "escalation=excluded.escalation, snoozed_until=excluded.snoozed_until, "
            "owner_by_command=excluded.owner_by_command, sentence_index=excluded.sentence_index, "
            "promise=excluded.promise",
            [(p.id, p.customer_id, p.thread_id, p.kind, p.text, p.message_id, p.raised_by,
              _ts(p.raised_at), p.owner, p.due.isoformat() if p.due else None, p.status,
              _ts(p.first_seen), _ts(p.last_activity), _ts(p.resolved_at), p.resolved_by,
              int(p.escalation), _ts(p.snoozed_until), int(p.owner_by_command), p.position,
              p.promise)
             for p in points],
        )

    def add_owner_change(self, change: OwnerChangeRecord, message_id: str | None) -> None:
        self.conn.execute(
            "INSERT INTO owner_changes (point_id, old, new, at, reason, message_id, "
            "recorded_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (change.point_id, change.old, change.new, _ts(change.at), change.reason, message_id,
             _ts(change.recorded_at)),
        )

    def owner_changes_since(self, customer_id: str, since: datetime | None
                            ) -> list[OwnerChangeRecord]:
        after = "" if since is None else " AND c.recorded_at > ?"
        rows = self.conn.execute(
            "SELECT c.* FROM owner_changes c JOIN points p ON p.id = c.point_id "
            f"WHERE p.customer_id=?{after} ORDER BY c.at, c.id",
            (customer_id,) if since is None else (customer_id, _ts(since)),
        )
        return [
            OwnerChangeRecord(point_id=r["point_id"], old=r["old"], new=r["new"],
                              at=_dt(r["at"]), reason=r["reason"],  # type: ignore[arg-type]
                              recorded_at=_dt(r["recorded_at"]))  # type: ignore[arg-type]
            for r in rows
        ]

    # ------------------------------------------------------------------ absences

    def set_absence(self, address: str, until: date, message_id: str | None,
                    now: datetime, deputy: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO absences (address, until, message_id, seen_at, deputy) "
            "VALUES (?,?,?,?,?) "
            "ON CONFLICT (address) DO UPDATE SET until=excluded.until, "
            "message_id=excluded.message_id, seen_at=excluded.seen_at, deputy=excluded.deputy",
            (address, until.isoformat(), message_id, _ts(now), deputy),
        )

    def deputies(self) -> dict[str, str]:
        """Who stands in for whom, as the latest out-of-office reply of each said."""
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT address, deputy FROM absences WHERE deputy IS NOT NULL")}

    def absences(self) -> dict[str, date]:
        return {r[0]: date.fromisoformat(r[1])
                for r in self.conn.execute("SELECT address, until FROM absences")}

    # ------------------------------------------------------------------ updates (the outbox)

    def last_update(self, customer_id: str) -> Any | None:
        """The newest update that went out (or was deliberately skipped) for a customer."""
        return self.conn.execute(
            "SELECT * FROM updates WHERE customer_id=? AND status IN ('sent','skipped') "
            "ORDER BY created_at DESC, id DESC LIMIT 1", (customer_id,)).fetchone()

    def last_sent_update(self, customer_id: str) -> Any | None:
        return self.conn.execute(
            "SELECT * FROM updates WHERE customer_id=? AND status='sent' "
            "ORDER BY created_at DESC, id DESC LIMIT 1", (customer_id,)).fetchone()

    def update_for_due(self, customer_id: str, due_at: datetime) -> Any | None:
        return self.conn.execute(
            "SELECT * FROM updates WHERE customer_id=? AND due_at=?",
            (customer_id, _ts(due_at))).fetchone()

    def pending_updates(self, now: datetime) -> list[Any]:
        """Updates in the outbox whose next attempt is due (a crash leaves them without one)."""
        return list(self.conn.execute(
            "SELECT * FROM updates WHERE status='pending' AND (next_attempt_at IS NULL OR "
            "next_attempt_at <= ?) ORDER BY id", (_ts(now),)))

    def claim_pending_update(self, now: datetime, holder: str, ttl: float,
                             customers: Sequence[str] = ()) -> Any | None:
        """Claim the oldest due update in the outbox that no live worker has claimed.

        A worker that dies after claiming leaves ``claimed_until`` behind; once it passes,
        another worker sends the update (with the same Message-ID, so a receiver that saw
        the first attempt can tell the second is the same mail).
        """
        clock = self.clock()
        only = f" AND customer_id IN ({','.join('?' * len(customers))})" if customers else ""
        return self.conn.execute(
            "UPDATE updates SET claimed_by=?, claimed_until=? WHERE id = ("
            "SELECT id FROM updates WHERE status='pending' AND (next_attempt_at IS NULL OR "
            "next_attempt_at <= ?) AND (claimed_until IS NULL OR claimed_until < ?)"
            f"{only} ORDER BY id LIMIT 1{self._skip_locked()}) RETURNING *",
            (holder, clock + ttl, _ts(now), clock, *customers)).fetchone()

    def add_update(
        self, customer_id: str, due_at: datetime, now: datetime, *, status: str, quiet: bool,
        message_id: str | None = None, subject: str | None = None,
        recipients: list[str] | None = None, data: bytes | None = None,
        numbers: list[tuple[int, str]] | None = None, counts: dict[str, int] | None = None,
        update_key: str | None = None, claim: tuple[str, float] | None = None,
    ) -> int:
        """Record an update in the outbox (``pending``) or as ``skipped``, in one statement set.

        ``claim`` (holder, seconds) keeps other workers off the update until we have sent it.
        """
        claimed_by, claimed_until = (claim[0], self.clock() + claim[1]) if claim else (None, None)
        try:
            row = self.conn.execute(
                "INSERT INTO updates (customer_id, due_at, created_at, status, quiet, "
                "message_id, subject, recipients, data, counts, update_key, claimed_by, "
                "claimed_until) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                (customer_id, _ts(due_at), _ts(now), status, int(quiet), message_id, subject,
                 json.dumps(recipients or []), data, json.dumps(counts) if counts else None,
                 update_key, claimed_by, claimed_until)).fetchone()
        except self.conn.IntegrityError as exc:
            raise StateConflict(
                f"an update for {customer_id} due {_ts(due_at)} is already recorded") from exc
        update_id = int(row[0])
        self.conn.executemany(
            "INSERT INTO update_points (update_id, number, point_id) VALUES (?,?,?)",
            [(update_id, n, pid) for n, pid in numbers or []])
        return update_id

    def mark_update(self, update_id: int, status: str, now: datetime,
                    error: str | None = None, retry_at: datetime | None = None) -> None:
        self.conn.execute(
            "UPDATE updates SET status=?, error=?, attempts=attempts+1, next_attempt_at=?, "
            "sent_at=COALESCE(?, sent_at), claimed_by=NULL, claimed_until=NULL WHERE id=?",
            (status, error, _ts(retry_at), _ts(now) if status == "sent" else None, update_id))

    def drop_old_update_mails(self, before: datetime) -> int:
        """Forget the stored mail of finished updates created before ``before``.

        The row stays (history counts, point numbers and the id replies are checked against);
        only the bytes go, which are most of the table (~80 kB per update in the benchmark).
        """
        return int(self.conn.execute(
            "UPDATE updates SET data=NULL WHERE status IN ('sent', 'failed', 'skipped') "
            "AND data IS NOT NULL AND created_at < ?", (_ts(before),)).rowcount)

    def attempts(self, update_id: int) -> int:
        row = self.conn.execute("SELECT attempts FROM updates WHERE id=?", (update_id,)).fetchone()
        return int(row[0]) if row else 0

    def history(self, customer_id: str, limit: int = 6) -> list[UpdateHistory]:
        """Counts of the newest sent updates, oldest first, for the trend picture."""
        rows = list(self.conn.execute(
            "SELECT created_at, counts FROM updates WHERE customer_id=? AND status='sent' "
            "AND counts IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT ?",
            (customer_id, limit)))
        out = []
        for r in reversed(rows):
            c = json.loads(r["counts"])
            out.append(UpdateHistory(at=datetime.fromisoformat(r["created_at"]),
                                     new=c.get("new", 0), open=c.get("open", 0),
                                     resolved=c.get("resolved", 0)))
        return out

    def sent_update_by_key(self, update_key: str) -> tuple[Any, dict[int, str]] | None:
        row = self.conn.execute(
            "SELECT * FROM updates WHERE update_key=? AND status='sent'", (update_key,)
        ).fetchone()
        if row is None:
            return None
        numbers = {r[0]: r[1] for r in self.conn.execute(
            "SELECT number, point_id FROM update_points WHERE update_id=?", (row["id"],))}
        return row, numbers

    # ------------------------------------------------------------------ replies and history

    def reply_known(self, message_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM replies WHERE message_id=?",
                                 (message_id,)).fetchone() is not None

    def add_reply(self, message_id: str, customer_id: str | None, update_key: str | None,
                  sender: str, now: datetime, accepted: bool, reason: str) -> None:
        self.conn.execute(
            "INSERT INTO replies (message_id, customer_id, update_key, sender, at, "
            "accepted, reason) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (message_id, customer_id, update_key, sender, _ts(now), int(accepted), reason))

    def mark_answered(self, message_id: str) -> None:
        self.conn.execute("UPDATE replies SET answered=1 WHERE message_id=?", (message_id,))

    def answers_since(self, sender: str, since: datetime) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM replies WHERE sender=? AND answered=1 AND at >= ?",
            (sender, _ts(since))).fetchone()[0])

    def add_event(self, customer_id: str, point_id: str | None, at: datetime, actor: str,
                  action: str, detail: str | None, message_id: str | None) -> None:
        self.conn.execute(
            "INSERT INTO events (customer_id, point_id, at, actor, action, detail, message_id) "
            "VALUES (?,?,?,?,?,?,?)",
            (customer_id, point_id, _ts(at), actor, action, detail, message_id))

    def events(self, customer_id: str, limit: int = 100) -> list[Any]:
        return list(self.conn.execute(
            "SELECT * FROM events WHERE customer_id=? ORDER BY at DESC, id DESC LIMIT ?",
            (customer_id, limit)))

    def customer_state(self, customer_id: str) -> tuple[datetime | None, bool]:
        row = self.conn.execute(
            "SELECT paused_until, update_requested FROM customer_state WHERE customer_id=?",
            (customer_id,)).fetchone()
        return (_dt(row[0]), bool(row[1])) if row else (None, False)

    def set_customer_state(self, customer_id: str, *, paused_until: datetime | None = None,
                           update_requested: bool | None = None, clear_pause: bool = False
                           ) -> None:
        paused, requested = self.customer_state(customer_id)
        if clear_pause:
            paused = None
        elif paused_until is not None:
            paused = paused_until
        if update_requested is not None:
            requested = update_requested
        self.conn.execute(
            "INSERT INTO customer_state (customer_id, paused_until, update_requested) "
            "VALUES (?,?,?) ON CONFLICT (customer_id) DO UPDATE SET "
            "paused_until=excluded.paused_until, update_requested=excluded.update_requested",
            (customer_id, _ts(paused), int(requested)))

    def updates(self, customer_id: str, limit: int = 10) -> list[Any]:
        return list(self.conn.execute(
            "SELECT id, customer_id, due_at, created_at, status, message_id, subject, quiet, "
            "sent_at, error, attempts FROM updates WHERE customer_id=? "
            "ORDER BY id DESC LIMIT ?", (customer_id, limit)))
