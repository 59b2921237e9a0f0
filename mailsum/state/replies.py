"""Replies to our updates: which were read, accepted and answered, and what they set.

A contact's reply can pause a customer's updates or ask for one now (``customer_state``); the
commands it carries act on points (mailsum/state/points.py records those as events).
"""

from __future__ import annotations

from datetime import datetime

from mailsum.state.codec import dt, ts
from mailsum.state.db import Database


class ReplyRepository:
    """Tables ``replies`` and ``customer_state``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def reply_known(self, message_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM replies WHERE message_id=?",
                                 (message_id,)).fetchone() is not None

    def add_reply(self, message_id: str, customer_id: str | None, update_key: str | None,
                  sender: str, now: datetime, accepted: bool, reason: str) -> None:
        self.db.execute(
            "INSERT INTO replies (message_id, customer_id, update_key, sender, at, "
            "accepted, reason) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (message_id, customer_id, update_key, sender, ts(now), int(accepted), reason))

    def mark_answered(self, message_id: str) -> None:
        self.db.execute("UPDATE replies SET answered=1 WHERE message_id=?", (message_id,))

    def answers_since(self, sender: str, since: datetime) -> int:
        return int(self.db.execute(
            "SELECT count(*) FROM replies WHERE sender=? AND answered=1 AND at >= ?",
            (sender, ts(since))).fetchone()[0])

    def customer_state(self, customer_id: str) -> tuple[datetime | None, bool]:
        row = self.db.execute(
            "SELECT paused_until, update_requested FROM customer_state WHERE customer_id=?",
            (customer_id,)).fetchone()
        return (dt(row[0]), bool(row[1])) if row else (None, False)

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
        self.db.execute(
            "INSERT INTO customer_state (customer_id, paused_until, update_requested) "
            "VALUES (?,?,?) ON CONFLICT (customer_id) DO UPDATE SET "
            "paused_until=excluded.paused_until, update_requested=excluded.update_requested",
            (customer_id, ts(paused), int(requested)))
