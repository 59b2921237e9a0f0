"""Threads: which stored messages belong together, and what each thread said."""

from __future__ import annotations

import json
from datetime import datetime

from mailsum.models import ThreadRecord
from mailsum.state.codec import aware, dt, ticket, ticket_json, ts
from mailsum.state.db import Database


class ThreadRepository:
    """Table ``threads``, and the thread ids and join keys of stored messages."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def threads_with_keys(self, keys: set[tuple[str, str]]) -> set[str]:
        """Thread ids of analysed messages that share any of these join keys.

        Two index lookups, not a join: after a big first poll PostgreSQL's statistics say no
        message has a thread yet, and it then planned the join as a nested loop over every key
        of a kind — 8 to 17 s per call instead of 25 ms (benchmarks/workers/plan_repro.py).
        """
        sharing: set[str] = set()
        for kind in {k for k, _ in keys}:
            values = sorted(v for k, v in keys if k == kind)
            sharing.update(r[0] for r in self.db.select_in(
                "SELECT message_id FROM message_keys WHERE kind = ? AND key IN ({in})",
                values, before=[kind]))
        return self.thread_ids_of(sorted(sharing))

    def active_threads(self, thread_ids: set[str], since: datetime) -> set[str]:
        """Those of these threads whose newest message is not older than ``since``."""
        return {r[0] for r in self.db.select_in(
            "SELECT thread_id, last_activity FROM threads WHERE thread_id IN ({in})",
            sorted(thread_ids)) if aware(datetime.fromisoformat(r[1])) >= since}

    def thread_ids_of(self, message_ids: list[str]) -> set[str]:
        """The stored thread ids of these messages (several when a new mail merged threads)."""
        return {r[0] for r in self.db.select_in(
            "SELECT DISTINCT thread_id FROM messages WHERE message_id IN ({in}) "
            "AND thread_id IS NOT NULL", message_ids)}

    def thread_members(self, thread_ids: set[str]) -> dict[str, set[str]]:
        """The Message-IDs each of these stored threads holds."""
        out: dict[str, set[str]] = {t: set() for t in thread_ids}
        for r in self.db.select_in(
                "SELECT thread_id, message_id FROM messages WHERE thread_id IN ({in})",
                sorted(thread_ids)):
            out[r[0]].add(r[1])
        return out

    def save_thread(self, rec: ThreadRecord) -> None:
        self.db.execute(
            "INSERT INTO threads (thread_id, customer_id, subject, message_ids, summary, "
            "last_activity, route_reason, ticket) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT (thread_id) DO "
            "UPDATE SET customer_id=excluded.customer_id, subject=excluded.subject, "
            "message_ids=excluded.message_ids, summary=excluded.summary, "
            "last_activity=excluded.last_activity, route_reason=excluded.route_reason, "
            "ticket=excluded.ticket",
            (rec.thread_id, rec.customer_id, rec.subject, json.dumps(rec.message_ids),
             json.dumps(rec.summary, ensure_ascii=False), ts(rec.last_activity),
             rec.route_reason, ticket_json(rec.ticket)),
        )

    def drop_threads(self, thread_ids: list[str]) -> None:
        """Forget thread rows that a merge made obsolete."""
        self.db.executemany("DELETE FROM threads WHERE thread_id=?", [(t,) for t in thread_ids])

    def threads(self, customer_id: str | None = None, *, unrouted: bool = False
                ) -> list[ThreadRecord]:
        if unrouted:
            rows = self.db.execute("SELECT * FROM threads WHERE customer_id IS NULL")
        elif customer_id is None:
            rows = self.db.execute("SELECT * FROM threads")
        else:
            rows = self.db.execute("SELECT * FROM threads WHERE customer_id=?", (customer_id,))
        return [
            ThreadRecord(
                thread_id=r["thread_id"], customer_id=r["customer_id"], subject=r["subject"],
                message_ids=json.loads(r["message_ids"]), summary=json.loads(r["summary"]),
                last_activity=dt(r["last_activity"]),  # type: ignore[arg-type]
                route_reason=r["route_reason"], ticket=ticket(r["ticket"]),
            )
            for r in rows
        ]
