"""A PostgreSQL connection that speaks the subset of ``sqlite3.Connection`` the store uses.

The state store writes its SQL once, with ``?`` placeholders, and reads rows by name or by
position (``sqlite3.Row``). This adapter gives psycopg 3 the same surface, so every statement
of the repositories in ``mailsum/state/`` runs unchanged on both databases and the same tests
cover both.
psycopg is imported here only: SQLite users never need it installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from mailsum.errors import StateError


class Row(tuple):  # type: ignore[type-arg]
    """A result row addressable by column name and by position, like ``sqlite3.Row``."""

    _index: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    names = [c.name for c in cursor.description or ()]
    index = {name: i for i, name in enumerate(names)}

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row._index = index
        return row

    return make


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s``; a literal ``%`` must be doubled for psycopg."""
    out: list[str] = []
    quoted = False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


class Cursor:
    """The result of one statement: iterable, ``fetchone``, ``fetchall``, ``rowcount``."""

    def __init__(self, cur: Any) -> None:
        self._cur = cur
        self.rowcount: int = cur.rowcount

    def fetchone(self) -> Row | None:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[Row]:
        return list(self._cur.fetchall()) if self._cur.description else []

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class PgConnection:
    """Autocommit connection: the store issues BEGIN/COMMIT itself, as it does on SQLite."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise StateError(
                "state: postgresql:// needs psycopg; install mailsum[postgresql]") from exc
        self._psycopg = psycopg
        self.IntegrityError = psycopg.IntegrityError  # noqa: N815 - as sqlite3.Connection names it
        # a dropped connection, a restarted server, a failover: the worker reconnects
        self.unavailable: tuple[type[Exception], ...] = (psycopg.OperationalError,
                                                         psycopg.InterfaceError)
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                         connect_timeout=30)
        except psycopg.Error as exc:
            raise StateError(f"cannot connect to the PostgreSQL state: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return Cursor(self._conn.execute(translate(sql), tuple(params)))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(p) for p in seq]
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(translate(sql), rows)

    def close(self) -> None:
        self._conn.close()
