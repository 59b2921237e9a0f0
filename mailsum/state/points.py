"""Points (what a thread asks, promises or reports), their owners, and what replies did."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from mailsum.models import OwnerChangeRecord, PointKind, PointRecord, PointStatus
from mailsum.state.codec import d, dt, ts
from mailsum.state.db import Database
from mailsum.state.records import EventRecord


class PointRepository:
    """Tables ``points``, ``owner_changes``, ``events`` and ``absences``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def _point(r: Any) -> PointRecord:
        return PointRecord(
            id=r["id"], customer_id=r["customer_id"], thread_id=r["thread_id"],
            kind=PointKind(r["kind"]),
            text=r["text"], message_id=r["message_id"], raised_by=r["raised_by"],
            raised_at=dt(r["raised_at"]),  # type: ignore[arg-type]
            owner=r["owner"], due=d(r["due"]), status=PointStatus(r["status"]),
            first_seen=dt(r["first_seen"]),  # type: ignore[arg-type]
            last_activity=dt(r["last_activity"]),  # type: ignore[arg-type]
            resolved_at=dt(r["resolved_at"]), resolved_by=r["resolved_by"],
            escalation=bool(r["escalation"]), snoozed_until=dt(r["snoozed_until"]),
            owner_by_command=bool(r["owner_by_command"]), position=int(r["sentence_index"]),
            promise=r["promise"],
        )

    def points(self, customer_id: str) -> list[PointRecord]:
        rows = self.db.execute(
            "SELECT * FROM points WHERE customer_id=? ORDER BY raised_at, sentence_index, id",
            (customer_id,))
        return [self._point(r) for r in rows]

    def get_points(self, point_ids: list[str]) -> dict[str, PointRecord]:
        """Several points in one query: a thread's analysis asks for all of its points."""
        return {r["id"]: self._point(r) for r in self.db.select_in(
            "SELECT * FROM points WHERE id IN ({in})", sorted(set(point_ids)))}

    def reopened(self, message_ids: list[str]) -> dict[str, datetime]:
        """Points of these messages the contact reopened by reply, and when they last did."""
        return {r[0]: dt(r[1]) for r in self.db.select_in(  # type: ignore[misc]
            "SELECT e.point_id, max(e.at) FROM events e JOIN points p ON p.id = e.point_id "
            "WHERE e.action='reopen' AND p.message_id IN ({in}) GROUP BY e.point_id",
            message_ids)}

    def withdraw_points(self, message_ids: list[str], keep: set[str]) -> list[str]:
        """Open points of these messages that a fresh analysis no longer finds, and that nobody
        acted on by reply, leave the lists (status ``withdrawn``).

        Extraction improves between releases; without this a point an older release read into a
        greeting or a duplicate would stay open for good, since nothing in the thread can ever
        settle a point the analysis no longer yields. A point the contact reassigned, snoozed or
        annotated is theirs now and stays.
        """
        found = [r[0] for r in self.db.select_in(
            "SELECT id FROM points WHERE message_id IN ({in}) AND status='open' "
            "AND owner_by_command=0 AND NOT EXISTS "
            "(SELECT 1 FROM events WHERE events.point_id=points.id)", message_ids)
            if r[0] not in keep]
        self.db.execute_in("UPDATE points SET status='withdrawn' WHERE id IN ({in})", found)
        return found

    def save_point(self, p: PointRecord) -> None:
        self.save_points([p])

    def save_points(self, points: list[PointRecord]) -> None:
        self.db.executemany(
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
              ts(p.raised_at), p.owner, p.due.isoformat() if p.due else None, p.status,
              ts(p.first_seen), ts(p.last_activity), ts(p.resolved_at), p.resolved_by,
              int(p.escalation), ts(p.snoozed_until), int(p.owner_by_command), p.position,
              p.promise)
             for p in points],
        )

    def add_owner_change(self, change: OwnerChangeRecord, message_id: str | None) -> None:
        self.db.execute(
            "INSERT INTO owner_changes (point_id, old, new, at, reason, message_id, "
            "recorded_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (change.point_id, change.old, change.new, ts(change.at), change.reason, message_id,
             ts(change.recorded_at)),
        )

    def owner_changes_since(self, customer_id: str, since: datetime | None
                            ) -> list[OwnerChangeRecord]:
        after = "" if since is None else " AND c.recorded_at > ?"
        rows = self.db.execute(
            "SELECT c.* FROM owner_changes c JOIN points p ON p.id = c.point_id "
            f"WHERE p.customer_id=?{after} ORDER BY c.at, c.id",
            (customer_id,) if since is None else (customer_id, ts(since)),
        )
        return [
            OwnerChangeRecord(point_id=r["point_id"], old=r["old"], new=r["new"],
                              at=dt(r["at"]), reason=r["reason"],  # type: ignore[arg-type]
                              recorded_at=dt(r["recorded_at"]))  # type: ignore[arg-type]
            for r in rows
        ]

    # ------------------------------------------------------------------ events

    def add_event(self, customer_id: str, point_id: str | None, at: datetime, actor: str,
                  action: str, detail: str | None, message_id: str | None) -> None:
        self.db.execute(
            "INSERT INTO events (customer_id, point_id, at, actor, action, detail, message_id) "
            "VALUES (?,?,?,?,?,?,?)",
            (customer_id, point_id, ts(at), actor, action, detail, message_id))

    def events(self, customer_id: str, limit: int = 100) -> list[EventRecord]:
        """What replies did for this customer, newest first (``status --history``)."""
        return [EventRecord.of(r) for r in self.db.execute(
            "SELECT * FROM events WHERE customer_id=? ORDER BY at DESC, id DESC LIMIT ?",
            (customer_id, limit))]

    # ------------------------------------------------------------------ absences: who stands in

    def set_absence(self, address: str, until: date, message_id: str | None,
                    now: datetime, deputy: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO absences (address, until, message_id, seen_at, deputy) "
            "VALUES (?,?,?,?,?) "
            "ON CONFLICT (address) DO UPDATE SET until=excluded.until, "
            "message_id=excluded.message_id, seen_at=excluded.seen_at, deputy=excluded.deputy",
            (address, until.isoformat(), message_id, ts(now), deputy),
        )

    def deputies(self) -> dict[str, str]:
        """Who stands in for whom, as the latest out-of-office reply of each said."""
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT address, deputy FROM absences WHERE deputy IS NOT NULL")}

    def absences(self) -> dict[str, date]:
        return {r[0]: date.fromisoformat(r[1])
                for r in self.db.execute("SELECT address, until FROM absences")}
