"""Updates and the outbox: what went out to whom, what waits to be sent, and the Message-ID key.

An update is written to the outbox (``pending``, with its mail's bytes) in the same transaction
that decides it is due, and sent after the commit; a crash in between leaves it for the next
run, which sends it with the same Message-ID.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import datetime

from mailsum.errors import StateConflict
from mailsum.models import UpdateHistory, UpdateStatus
from mailsum.state.codec import ts
from mailsum.state.db import Database
from mailsum.state.records import UPDATE_COLUMNS, UPDATE_LISTING, UpdateRecord


class UpdateRepository:
    """Tables ``updates`` and ``update_points``, and the HMAC key in ``meta``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def secret(self) -> bytes:
        """The HMAC key for update Message-IDs, generated once into the state."""
        row = self.db.one("SELECT value FROM meta WHERE key='secret'")
        if row:
            return bytes.fromhex(row[0])
        # two workers starting together: the first insert wins and both read it back
        self.db.execute("INSERT INTO meta (key, value) VALUES ('secret', ?) "
                        "ON CONFLICT DO NOTHING", (secrets.token_bytes(32).hex(),))
        return bytes.fromhex(self.db.one("SELECT value FROM meta WHERE key='secret'")[0])

    def _one(self, where: str, params: Sequence[object]) -> UpdateRecord | None:
        row = self.db.one(f"SELECT {UPDATE_COLUMNS} FROM updates WHERE {where}", params)
        return UpdateRecord.of(row) if row else None

    def last_update(self, customer_id: str) -> UpdateRecord | None:
        """The newest update that went out (or was deliberately skipped) for a customer."""
        return self._one("customer_id=? AND status IN ('sent','skipped') "
                         "ORDER BY created_at DESC, id DESC LIMIT 1", (customer_id,))

    def last_sent_update(self, customer_id: str) -> UpdateRecord | None:
        return self._one("customer_id=? AND status='sent' "
                         "ORDER BY created_at DESC, id DESC LIMIT 1", (customer_id,))

    def update_for_due(self, customer_id: str, due_at: datetime) -> UpdateRecord | None:
        return self._one("customer_id=? AND due_at=?", (customer_id, ts(due_at)))

    def claim_pending_update(self, now: datetime, holder: str, ttl: float,
                             customers: Sequence[str] = ()) -> UpdateRecord | None:
        """Claim the oldest due update in the outbox that no live worker has claimed.

        A worker that dies after claiming leaves ``claimed_until`` behind; once it passes,
        another worker sends the update (with the same Message-ID, so a receiver that saw
        the first attempt can tell the second is the same mail).
        """
        clock = self.db.clock()
        only = f" AND customer_id IN ({','.join('?' * len(customers))})" if customers else ""
        row = self.db.one(
            "UPDATE updates SET claimed_by=?, claimed_until=? WHERE id = ("
            "SELECT id FROM updates WHERE status='pending' AND (next_attempt_at IS NULL OR "
            "next_attempt_at <= ?) AND (claimed_until IS NULL OR claimed_until < ?)"
            f"{only} ORDER BY id LIMIT 1{self.db.skip_locked}) RETURNING {UPDATE_COLUMNS}",
            (holder, clock + ttl, ts(now), clock, *customers))
        return UpdateRecord.of(row) if row else None

    def add_update(
        self, customer_id: str, due_at: datetime, now: datetime, *, status: UpdateStatus,
        quiet: bool,
        message_id: str | None = None, subject: str | None = None,
        recipients: list[str] | None = None, data: bytes | None = None,
        numbers: list[tuple[int, str]] | None = None, counts: dict[str, int] | None = None,
        update_key: str | None = None, claim: tuple[str, float] | None = None,
    ) -> int:
        """Record an update in the outbox (``pending``) or as ``skipped``, in one statement set.

        ``claim`` (holder, seconds) keeps other workers off the update until we have sent it.
        """
        claimed_by, claimed_until = ((claim[0], self.db.clock() + claim[1]) if claim
                                     else (None, None))
        try:
            row = self.db.one(
                "INSERT INTO updates (customer_id, due_at, created_at, status, quiet, "
                "message_id, subject, recipients, data, counts, update_key, claimed_by, "
                "claimed_until) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                (customer_id, ts(due_at), ts(now), status, int(quiet), message_id, subject,
                 json.dumps(recipients or []), data, json.dumps(counts) if counts else None,
                 update_key, claimed_by, claimed_until))
        except self.db.conn.IntegrityError as exc:
            raise StateConflict(
                f"an update for {customer_id} due {ts(due_at)} is already recorded") from exc
        update_id = int(row[0])
        self.db.executemany(
            "INSERT INTO update_points (update_id, number, point_id) VALUES (?,?,?)",
            [(update_id, n, pid) for n, pid in numbers or []])
        return update_id

    def mark_update(self, update_id: int, status: UpdateStatus, now: datetime,
                    error: str | None = None, retry_at: datetime | None = None) -> None:
        self.db.execute(
            "UPDATE updates SET status=?, error=?, attempts=attempts+1, next_attempt_at=?, "
            "sent_at=COALESCE(?, sent_at), claimed_by=NULL, claimed_until=NULL WHERE id=?",
            (status, error, ts(retry_at), ts(now) if status == UpdateStatus.SENT else None,
             update_id))

    def drop_old_update_mails(self, before: datetime) -> int:
        """Forget the stored mail of finished updates created before ``before``.

        The row stays (history counts, point numbers and the id replies are checked against);
        only the bytes go, which are most of the table (~80 kB per update in the benchmark).
        """
        return int(self.db.execute(
            "UPDATE updates SET data=NULL WHERE status IN ('sent', 'failed', 'skipped') "
            "AND data IS NOT NULL AND created_at < ?", (ts(before),)).rowcount)

    def attempts(self, update_id: int) -> int:
        row = self.db.one("SELECT attempts FROM updates WHERE id=?", (update_id,))
        return int(row[0]) if row else 0

    def history(self, customer_id: str, limit: int = 6) -> list[UpdateHistory]:
        """Counts of the newest sent updates, oldest first, for the trend picture."""
        rows = list(self.db.execute(
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

    def sent_update_by_key(self, update_key: str) -> tuple[UpdateRecord, dict[int, str]] | None:
        """A sent update and its point numbers, which a reply to it refers to."""
        found = self._one("update_key=? AND status='sent'", (update_key,))
        if found is None:
            return None
        numbers = {r[0]: r[1] for r in self.db.execute(
            "SELECT number, point_id FROM update_points WHERE update_id=?", (found.id,))}
        return found, numbers

    def updates(self, customer_id: str, limit: int = 10) -> list[UpdateRecord]:
        """A customer's newest updates, without their mails (``status``)."""
        return [UpdateRecord.of(r) for r in self.db.execute(
            f"SELECT {UPDATE_LISTING} FROM updates WHERE customer_id=? "
            "ORDER BY id DESC LIMIT ?", (customer_id, limit))]
