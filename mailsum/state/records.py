"""Typed records the state layer hands out, so no caller reads a raw row by column name.

Points, threads and owner changes are domain records (mailsum/models.py); these are the state's
own: leases, poll status, a message encoded for its INSERT, an update in the outbox, an event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mailsum.models import ParsedMessage, UpdateStatus
from mailsum.state.codec import dt, message_to_json


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


@dataclass(frozen=True)
class UpdateRecord:
    """One update in the ``updates`` table: in the outbox (``pending``), sent, failed or skipped.

    ``data`` (the mail's bytes) is None once dropped after delivery, and in listings that
    leave the bytes in the database (``StateStore.updates``).
    """

    id: int
    customer_id: str
    due_at: datetime
    created_at: datetime
    status: UpdateStatus
    quiet: bool
    attempts: int
    message_id: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    data: bytes | None = None
    sent_at: datetime | None = None
    error: str | None = None
    next_attempt_at: datetime | None = None
    counts: dict[str, int] | None = None
    update_key: str | None = None
    claimed_by: str | None = None
    claimed_until: float | None = None

    @classmethod
    def of(cls, r: Any) -> UpdateRecord:
        """From a row of ``UPDATE_COLUMNS`` (or ``UPDATE_LISTING``, without the mail)."""
        return cls(
            id=int(r["id"]), customer_id=r["customer_id"],
            due_at=dt(r["due_at"]), created_at=dt(r["created_at"]),  # type: ignore[arg-type]
            status=UpdateStatus(r["status"]), quiet=bool(r["quiet"]), attempts=int(r["attempts"]),
            message_id=r["message_id"], subject=r["subject"],
            recipients=json.loads(r["recipients"] or "[]"),
            data=bytes(r["data"]) if r["data"] is not None else None,
            sent_at=dt(r["sent_at"]), error=r["error"], next_attempt_at=dt(r["next_attempt_at"]),
            counts=json.loads(r["counts"]) if r["counts"] else None, update_key=r["update_key"],
            claimed_by=r["claimed_by"],
            claimed_until=float(r["claimed_until"]) if r["claimed_until"] is not None else None)


_UPDATE_FIELDS = ("id, customer_id, due_at, created_at, status, quiet, attempts, message_id, "
                  "subject, recipients, {data}, sent_at, error, next_attempt_at, counts, "
                  "update_key, claimed_by, claimed_until")
UPDATE_COLUMNS = _UPDATE_FIELDS.format(data="data")
UPDATE_LISTING = _UPDATE_FIELDS.format(data="NULL AS data")  # the bytes stay in the database


@dataclass(frozen=True)
class EventRecord:
    """What a contact's reply did: who, when, to which point (``events`` table)."""

    id: int
    customer_id: str
    point_id: str | None
    at: datetime
    actor: str
    action: str
    detail: str | None
    message_id: str | None

    @classmethod
    def of(cls, r: Any) -> EventRecord:
        return cls(id=int(r["id"]), customer_id=r["customer_id"], point_id=r["point_id"],
                   at=dt(r["at"]), actor=r["actor"],  # type: ignore[arg-type]
                   action=r["action"], detail=r["detail"], message_id=r["message_id"])
