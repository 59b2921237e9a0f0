"""The connection: opening SQLite or PostgreSQL, transactions, and every dialect difference.

Every statement is written once, with ``?`` placeholders (``mailsum/state/pgconn.py`` adapts
them for psycopg). What the two databases do differently — how to open and copy them, how a
transaction begins, whose clock counts, row locks, case-insensitive LIKE, which errors mean
"gone for now" — is decided here and nowhere else, so the repositories hold plain SQL.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mailsum.errors import StateError

CHUNK = 500  # values per ``IN (…)``: below SQLite's and psycopg's parameter limits

# SQLite errors that mean the file cannot be used at all (not "database is locked")
_FATAL = re.compile(r"disk is full|readonly|read-only|not a database|malformed|unable to open|"
                    r"disk I/O error|no such table|permission|is a directory", re.I)


def is_url(location: Path | str) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def check_state_path(path: Path) -> None:
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


class Database:
    """One connection and its dialect; the orchestrator owns transactions, repositories never
    commit."""

    def __init__(self, conn: Any, dialect: str = "sqlite", *, scratch: bool = False) -> None:
        self.conn = conn
        self.path: Path | None = None  # the SQLite file, named in errors
        self.dialect = dialect
        self.scratch = scratch  # PostgreSQL dry run: one outer transaction, never committed
        self._savepoints = 0
        if dialect == "sqlite":
            conn.row_factory = sqlite3.Row

    @property
    def postgres(self) -> bool:
        return self.dialect == "postgresql"

    # ------------------------------------------------------------------ opening

    @classmethod
    def connect_postgres(cls, url: str) -> Database:
        from mailsum.state.pgconn import PgConnection

        return cls(PgConnection(url), "postgresql")

    @classmethod
    def open_file(cls, path: Path) -> Database:
        """A SQLite file in WAL mode; ``state_error`` explains one that cannot be opened."""
        check_state_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
        except BaseException:
            conn.close()
            raise
        db = cls(conn)
        db.path = path
        return db

    @classmethod
    def scratch_postgres(cls, url: str) -> Database:
        """One transaction that is rolled back on close (ours become savepoints inside it)."""
        db = cls.connect_postgres(url)
        db.conn.execute("BEGIN")
        db.scratch = True
        return db

    @classmethod
    def scratch_copy(cls, path: Path) -> Database:
        """An in-memory copy of the SQLite file (none yet: an empty database)."""
        check_state_path(path)
        mem = sqlite3.connect(":memory:", isolation_level=None)
        try:
            if path.exists():
                src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    src.backup(mem)
                finally:
                    src.close()
        except BaseException:
            mem.close()
            raise
        db = cls(mem)
        db.path = path
        return db

    @property
    def unavailable(self) -> tuple[type[Exception], ...]:
        """Errors that mean the database is gone for now (locked, restarted, unreachable)."""
        if self.postgres:
            return self.conn.unavailable  # type: ignore[no-any-return]
        return (sqlite3.OperationalError,)

    def close(self) -> None:
        if self.scratch:
            self.conn.execute("ROLLBACK")
        self.conn.close()

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint inside a dry run's); rolled back on any exception."""
        if self.scratch:
            self._savepoints += 1
            name = f"s{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            self.conn.execute("BEGIN" if self.postgres else "BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._typed(exc) from None
        try:
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

    # ------------------------------------------------------------------ statements

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, seq)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of a statement, or None."""
        return self.conn.execute(sql, params).fetchone()

    def select_in(self, sql: str, values: Iterable[Any], before: Sequence[Any] = (),
                  after: Sequence[Any] = ()) -> Iterator[Any]:
        """Rows of ``sql`` run once per chunk of ``values``; ``{in}`` in ``sql`` stands for the
        chunk's placeholders, ``before``/``after`` are the parameters around it."""
        values = list(values)
        for i in range(0, len(values), CHUNK):
            chunk = values[i:i + CHUNK]
            yield from self.conn.execute(sql.replace("{in}", ",".join("?" * len(chunk))),
                                         [*before, *chunk, *after])

    def execute_in(self, sql: str, values: Iterable[Any], before: Sequence[Any] = ()) -> None:
        """A writing statement over ``IN ({in})``, chunked like ``select_in``."""
        for _ in self.select_in(sql, values, before):
            pass

    # ------------------------------------------------------------------ dialect

    def clock(self) -> float:
        """Seconds since the epoch by the database's clock, which all workers share."""
        if self.postgres:
            return float(self.one("SELECT extract(epoch FROM clock_timestamp())::float8")[0])
        return time.time()

    @property
    def skip_locked(self) -> str:
        """Row locks for a claim: SQLite has one writer at a time (BEGIN IMMEDIATE), so it
        needs none."""
        return " FOR UPDATE SKIP LOCKED" if self.postgres else ""

    @property
    def ilike(self) -> str:
        """LIKE in any letter case: SQLite's LIKE is, PostgreSQL's is not."""
        return "ILIKE" if self.postgres else "LIKE"
