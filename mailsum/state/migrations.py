"""The schema: numbered migration scripts, applied in order, each in one transaction.

A script's SQL is written for SQLite and never changes once released (a new change is a new
script); ``postgres_ddl`` turns it into PostgreSQL's. The version applied is recorded — SQLite
in ``PRAGMA user_version``, PostgreSQL in ``mailsum_schema`` under an advisory lock, so workers
starting together migrate once — so an interrupted upgrade leaves the previous version intact.
"""

from __future__ import annotations

import re

from mailsum.state.db import Database

SCHEMA_LOCK = 7_236_101  # PostgreSQL advisory lock id: one migrator at a time

MIGRATIONS: list[str] = [
    # 1: the foundation
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE folders (
        source TEXT NOT NULL, folder TEXT NOT NULL,
        uidvalidity INTEGER, last_uid INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (source, folder));
    CREATE TABLE seen (
        source TEXT NOT NULL, folder TEXT NOT NULL, key TEXT NOT NULL,
        message_id TEXT, seen_at TEXT NOT NULL,
        PRIMARY KEY (source, folder, key));
    CREATE TABLE messages (
        message_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
        source TEXT NOT NULL, folder TEXT NOT NULL, key TEXT NOT NULL,
        date TEXT NOT NULL, subject TEXT NOT NULL, in_reply_to TEXT, refs TEXT NOT NULL,
        data TEXT NOT NULL,
        thread_id TEXT, customer_id TEXT, analyzed INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX messages_unanalyzed ON messages (analyzed) WHERE analyzed = 0;
    CREATE INDEX messages_thread ON messages (thread_id);
    CREATE TABLE message_keys (
        message_id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL);
    CREATE INDEX message_keys_key ON message_keys (kind, key);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, folder TEXT NOT NULL, key TEXT,
        uid INTEGER, message_id TEXT, reason TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE threads (
        thread_id TEXT PRIMARY KEY, customer_id TEXT, subject TEXT NOT NULL,
        message_ids TEXT NOT NULL, summary TEXT NOT NULL, last_activity TEXT NOT NULL,
        route_reason TEXT NOT NULL DEFAULT '');
    CREATE INDEX threads_customer ON threads (customer_id);
    CREATE TABLE points (
        id TEXT PRIMARY KEY, customer_id TEXT, thread_id TEXT NOT NULL, kind TEXT NOT NULL,
        text TEXT NOT NULL, message_id TEXT NOT NULL, raised_by TEXT NOT NULL,
        raised_at TEXT NOT NULL, owner TEXT, due TEXT, status TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_activity TEXT NOT NULL, resolved_at TEXT,
        resolved_by TEXT, escalation INTEGER NOT NULL DEFAULT 0, snoozed_until TEXT,
        owner_by_command INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX points_customer ON points (customer_id, status);
    CREATE TABLE owner_changes (
        id INTEGER PRIMARY KEY, point_id TEXT NOT NULL, old TEXT, new TEXT NOT NULL,
        at TEXT NOT NULL, reason TEXT NOT NULL, message_id TEXT, recorded_at TEXT NOT NULL,
        UNIQUE (point_id, new, at));
    CREATE TABLE absences (
        address TEXT PRIMARY KEY, until TEXT NOT NULL, message_id TEXT, seen_at TEXT NOT NULL);
    CREATE TABLE updates (
        id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, due_at TEXT NOT NULL,
        created_at TEXT NOT NULL, status TEXT NOT NULL, message_id TEXT,
        subject TEXT, recipients TEXT, data BLOB, quiet INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT, counts TEXT, update_key TEXT,
        UNIQUE (customer_id, due_at));
    CREATE INDEX updates_key ON updates (update_key);
    CREATE TABLE replies (
        message_id TEXT PRIMARY KEY, customer_id TEXT, update_key TEXT, sender TEXT NOT NULL,
        at TEXT NOT NULL, accepted INTEGER NOT NULL, reason TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX replies_sender ON replies (sender, at);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, point_id TEXT, at TEXT NOT NULL,
        actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT, message_id TEXT);
    CREATE INDEX events_customer ON events (customer_id, at);
    CREATE TABLE customer_state (
        customer_id TEXT PRIMARY KEY, paused_until TEXT, update_requested INTEGER NOT NULL
        DEFAULT 0);
    CREATE TABLE update_points (
        update_id INTEGER NOT NULL, number INTEGER NOT NULL, point_id TEXT NOT NULL,
        PRIMARY KEY (update_id, number));
    """,
    # 2: leases, so several workers share the work (kind: source, analysis, customer)
    """
    CREATE TABLE leases (
        kind TEXT NOT NULL, name TEXT NOT NULL, holder TEXT,
        expires_at REAL NOT NULL DEFAULT 0, due_at REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, name));
    ALTER TABLE updates ADD COLUMN claimed_by TEXT;
    ALTER TABLE updates ADD COLUMN claimed_until REAL;
    CREATE INDEX updates_pending ON updates (id) WHERE status = 'pending';
    """,
    # 3: the newest mail in one index lookup (what counts as the mailbox's past: import_days)
    """
    CREATE INDEX messages_date ON messages (date);
    """,
    # 4: where a point stands in its message, so an update lists a message's points in order
    """
    ALTER TABLE points ADD COLUMN sentence_index INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: the colleague an out-of-office reply points to, offered for reassigning
    """
    ALTER TABLE absences ADD COLUMN deputy TEXT;
    """,
    # 6: our promise that took on a customer's request (one point, shown with it); a thread's
    # points by message and a point's events, so a fresh analysis finds the points it no
    # longer yields and the ones the contact reopened
    """
    ALTER TABLE points ADD COLUMN promise TEXT;
    CREATE INDEX points_message ON points (message_id);
    CREATE INDEX events_point ON events (point_id);
    """,
    # 7: per source the last successful poll and the last error, so an update says which
    # mailbox it could not read and since when; which sources a customer's mail came from
    """
    CREATE TABLE source_status (
        source TEXT PRIMARY KEY, last_ok TEXT, last_error TEXT, last_error_at TEXT,
        failing_since TEXT);
    CREATE INDEX messages_customer_source ON messages (customer_id, source);
    """,
    # 8: where each ticket stands (whose move, owner, next step); threads with open points are
    # read again by the next run, so points of earlier releases take the one-per-matter shape
    # (what the contact did by reply stays: reassigned, snoozed or noted points are kept)
    """
    ALTER TABLE threads ADD COLUMN ticket TEXT;
    UPDATE messages SET analyzed = 0 WHERE thread_id IN (
        SELECT thread_id FROM points WHERE status IN ('open', 'snoozed'));
    """,
]


def postgres_ddl(script: str) -> str:
    """SQLite DDL to PostgreSQL: identity keys, bytea, float8, and byte-order text.

    ``COLLATE "C"`` makes PostgreSQL sort and compare text as SQLite does (bytes), so ordering
    by date and Message-ID is the same on both whatever locale the database was created with.
    """
    out = script.replace("INTEGER PRIMARY KEY",
                         "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
    out = re.sub(r"\bBLOB\b", "BYTEA", out)
    out = re.sub(r"\bREAL\b", "DOUBLE PRECISION", out)
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', out)


def migrate(db: Database) -> None:
    """Apply the scripts this database has not seen yet."""
    if db.postgres:
        _migrate_postgres(db)
        return
    version = db.one("PRAGMA user_version")[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in script.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _migrate_postgres(db: Database) -> None:
    for number, script in enumerate(MIGRATIONS, start=1):
        with db.transaction():
            db.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
            db.execute("CREATE TABLE IF NOT EXISTS mailsum_schema (version INTEGER NOT NULL)")
            row = db.one("SELECT max(version) FROM mailsum_schema")
            if row is not None and row[0] is not None and row[0] >= number:
                continue
            for statement in postgres_ddl(script).split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("DELETE FROM mailsum_schema")
            db.execute("INSERT INTO mailsum_schema (version) VALUES (?)", (number,))


def schema_version(db: Database) -> int:
    """The number of scripts applied (0: a database no mailsum has used yet)."""
    if db.postgres:
        if db.one("SELECT to_regclass('mailsum_schema')")[0] is None:
            return 0
        return int(db.one("SELECT coalesce(max(version), 0) FROM mailsum_schema")[0])
    return int(db.one("PRAGMA user_version")[0])
