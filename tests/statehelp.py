"""State queries only tests ask: the code never needs them, so they live here, not in the store."""

from __future__ import annotations

from datetime import datetime

from mailsum.models import PointRecord
from mailsum.state.records import UPDATE_COLUMNS, UpdateRecord
from mailsum.state.store import StateStore


def get_point(store: StateStore, point_id: str) -> PointRecord | None:
    return store.get_points([point_id]).get(point_id)


def pending_updates(store: StateStore, now: datetime) -> list[UpdateRecord]:
    """Updates in the outbox whose next attempt is due (a crash leaves them without one)."""
    return [UpdateRecord.of(r) for r in store.conn.execute(
        f"SELECT {UPDATE_COLUMNS} FROM updates WHERE status='pending' AND "
        "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id", (now.isoformat(),))]


def unanalyzed_message_ids(store: StateStore) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT message_id FROM messages WHERE analyzed=0")}
