"""Source status: per mailbox the last good poll and the last error, so an update can say
which mailbox it could not read and since when."""

from __future__ import annotations

from datetime import datetime

from mailsum.state.codec import dt, ts
from mailsum.state.db import Database
from mailsum.state.records import SourceStatus


class SourceStatusRepository:
    """Table ``source_status``, and which sources a customer's mail came from."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def source_polled(self, source: str, at: datetime, error: str | None = None) -> None:
        """Record one poll of ``source``: a success, or its error (the streak's start is kept)."""
        if error is None:
            self.db.execute(
                "INSERT INTO source_status (source, last_ok) VALUES (?,?) "
                "ON CONFLICT (source) DO UPDATE SET last_ok=excluded.last_ok, "
                "failing_since=NULL", (source, ts(at)))
            return
        self.db.execute(
            "INSERT INTO source_status (source, last_error, last_error_at, failing_since) "
            "VALUES (?,?,?,?) ON CONFLICT (source) DO UPDATE SET "
            "last_error=excluded.last_error, last_error_at=excluded.last_error_at, "
            "failing_since=coalesce(source_status.failing_since, excluded.failing_since)",
            (source, error, ts(at), ts(at)))

    def source_status(self) -> dict[str, SourceStatus]:
        """Every source polled at least once: last success, last error, failing since when."""
        return {r[0]: SourceStatus(r[0], dt(r[1]), r[2], dt(r[3]), dt(r[4]))
                for r in self.db.execute(
                    "SELECT source, last_ok, last_error, last_error_at, failing_since "
                    "FROM source_status")}

    def customer_sources(self, customer_id: str) -> set[str]:
        """The sources a customer's stored mail came from (an index lookup)."""
        return {r[0] for r in self.db.execute(
            "SELECT DISTINCT source FROM messages WHERE customer_id=?", (customer_id,))}
