"""Leases make work claimed, not assumed.

A worker holds a lease on a source, on the analysis, or on a customer's due update, and every
transaction that writes that work first renews the lease (``transaction(fence=lease)``). If the
lease was taken over after ours ran out, the transaction raises ``LeaseLost`` and rolls back,
so two workers never commit the same work. Times are the database's clock, which all workers
share.
"""

from __future__ import annotations

from collections.abc import Sequence

from mailsum.errors import LeaseLost
from mailsum.state.db import Database
from mailsum.state.records import Lease


class LeaseRepository:
    """The ``leases`` table, and the outbox claims a dead holder leaves behind."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def clock(self) -> float:
        """Seconds since the epoch by the database's clock, which all workers share."""
        return self.db.clock()

    def ensure_leases(self, kind: str, names: Sequence[str]) -> None:
        # only the missing rows: INSERT … ON CONFLICT waits for a holder's lock on an existing
        # row (a source being polled), and this runs at the start of every worker cycle
        known = {r[0] for r in self.db.execute("SELECT name FROM leases WHERE kind=?", (kind,))}
        self.db.executemany(
            "INSERT INTO leases (kind, name) VALUES (?,?) ON CONFLICT DO NOTHING",
            [(kind, n) for n in names if n not in known])

    def claim(self, kind: str, name: str, holder: str, ttl: float) -> Lease | None:
        """Take (or keep) the lease on one named unit unless another holder's is still live."""
        now = self.db.clock()
        # never wait for a lock: a holder renewing its lease keeps the row locked for the whole
        # of its transaction (an analysis slice), and even INSERT … ON CONFLICT would wait
        row = self.db.one("SELECT holder, expires_at FROM leases WHERE kind=? AND name=?",
                          (kind, name))
        if row is None:
            self.db.execute(
                "INSERT INTO leases (kind, name) VALUES (?,?) ON CONFLICT DO NOTHING",
                (kind, name))
        elif row[0] is not None and row[0] != holder and float(row[1]) >= now:
            return None
        row = self.db.one(
            "UPDATE leases SET holder=?, expires_at=? WHERE kind=? AND name = ("
            "SELECT name FROM leases WHERE kind=? AND name=? AND "
            f"(holder IS NULL OR holder=? OR expires_at < ?){self.db.skip_locked}) "
            "RETURNING name",
            (holder, now + ttl, kind, kind, name, holder, now))
        return Lease(kind, name, holder, ttl) if row else None

    def claim_next(self, kind: str, holder: str, ttl: float) -> Lease | None:
        """The unit of this kind that has waited longest and is free: a worker's next job."""
        now = self.db.clock()
        row = self.db.one(
            "UPDATE leases SET holder=?, expires_at=? WHERE kind=? AND name = ("
            "SELECT name FROM leases WHERE kind=? AND (holder IS NULL OR expires_at < ?) "
            f"AND due_at <= ? ORDER BY due_at, name LIMIT 1{self.db.skip_locked}) "
            "RETURNING name",
            (holder, now + ttl, kind, kind, now, now))
        return Lease(kind, row[0], holder, ttl) if row else None

    def renew(self, lease: Lease) -> None:
        """Extend our lease; raise ``LeaseLost`` when another worker holds it now."""
        row = self.db.one(
            "UPDATE leases SET expires_at=? WHERE kind=? AND name=? AND holder=? RETURNING name",
            (self.db.clock() + lease.ttl, lease.kind, lease.name, lease.holder))
        if row is None:
            raise LeaseLost(lease.kind, lease.name)

    def release(self, lease: Lease, next_due_in: float = 0.0) -> None:
        """Give the unit back; ``next_due_in`` seconds pass before anyone claims it next."""
        self.db.execute(
            "UPDATE leases SET holder=NULL, expires_at=0, due_at=? "
            "WHERE kind=? AND name=? AND holder=?",
            (self.db.clock() + next_due_in, lease.kind, lease.name, lease.holder))

    def holders(self) -> set[str]:
        """Every holder of a lease or an outbox claim, live or not."""
        return {r[0] for r in self.db.execute(
            "SELECT holder FROM leases WHERE holder IS NOT NULL UNION "
            "SELECT claimed_by FROM updates WHERE claimed_by IS NOT NULL")}

    def reap(self, holder: str) -> None:
        """Free everything a holder that is known to be dead still claims."""
        self.db.execute("UPDATE leases SET holder=NULL, expires_at=0 WHERE holder=?", (holder,))
        self.db.execute("UPDATE updates SET claimed_by=NULL, claimed_until=NULL "
                        "WHERE claimed_by=?", (holder,))

    def live_leases(self) -> list[tuple[str, str, str, float]]:
        """(kind, name, holder, seconds left) of every live lease: who works on what now."""
        now = self.db.clock()
        return [(r[0], r[1], r[2], float(r[3]) - now) for r in self.db.execute(
            "SELECT kind, name, holder, expires_at FROM leases WHERE holder IS NOT NULL "
            "AND expires_at >= ? ORDER BY kind, name", (now,))]

    def lease_holder(self, kind: str, name: str) -> str | None:
        """Who holds a live lease on this unit (for logs and ``status``)."""
        row = self.db.one(
            "SELECT holder FROM leases WHERE kind=? AND name=? AND expires_at >= ?",
            (kind, name, self.db.clock()))
        return row[0] if row else None
