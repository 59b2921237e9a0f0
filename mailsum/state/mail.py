"""Stored mail: what each folder has delivered, the parsed messages, and parse failures."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime

from mailsum.models import ParsedMessage
from mailsum.state.codec import dt, message_from_json, ts
from mailsum.state.db import Database
from mailsum.state.records import MessageRow


class MailRepository:
    """Tables ``folders``, ``seen``, ``messages``, ``message_keys`` and ``failures``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ fetch bookkeeping

    def folder_cursor(self, source: str, folder: str) -> tuple[int | None, int]:
        row = self.db.one("SELECT uidvalidity, last_uid FROM folders WHERE source=? AND folder=?",
                          (source, folder))
        return (row[0], row[1]) if row else (None, 0)

    def set_folder_cursor(self, source: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        self.db.execute(
            "INSERT INTO folders (source, folder, uidvalidity, last_uid) VALUES (?,?,?,?) "
            "ON CONFLICT (source, folder) DO UPDATE SET uidvalidity=excluded.uidvalidity, "
            "last_uid=excluded.last_uid",
            (source, folder, uidvalidity, last_uid),
        )

    def seen_keys(self, source: str, folder: str) -> set[str]:
        rows = self.db.execute("SELECT key FROM seen WHERE source=? AND folder=?", (source, folder))
        return {r[0] for r in rows}

    def mark_seen(
        self, source: str, folder: str, key: str, message_id: str | None, now: datetime
    ) -> None:
        self.db.execute(
            "INSERT INTO seen (source, folder, key, message_id, seen_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            (source, folder, key, message_id, ts(now)),
        )

    def add_failure(
        self, source: str, folder: str, key: str | None, uid: int | None,
        message_id: str | None, reason: str, now: datetime,
    ) -> None:
        self.db.execute(
            "INSERT INTO failures (source, folder, key, uid, message_id, reason, at) "
            "VALUES (?,?,?,?,?,?,?)",
            (source, folder, key, uid, message_id, reason, ts(now)),
        )

    def failure_count(self) -> int:
        """Messages that could not be parsed, ever (``status`` shows the number)."""
        return int(self.db.one("SELECT count(*) FROM failures")[0])

    # ------------------------------------------------------------------ messages

    def add_message(self, msg: ParsedMessage | MessageRow, source: str, folder: str, key: str,
                    join_keys: Sequence[tuple[str, str]] = ()) -> bool:
        """Store a parsed message and its thread join keys; False when the id is known."""
        row = msg if isinstance(msg, MessageRow) else MessageRow.of(msg)
        cur = self.db.execute(
            "INSERT INTO messages (message_id, content_hash, source, folder, key, "
            "date, subject, in_reply_to, refs, data) VALUES (?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            (row.message_id, row.content_hash, source, folder, key, row.date, row.subject,
             row.in_reply_to, row.refs, row.data),
        )
        if cur.rowcount != 1:
            return False
        self.db.executemany(
            "INSERT INTO message_keys (message_id, kind, key) VALUES (?,?,?)",
            [(row.message_id, kind, value) for kind, value in join_keys])
        return True

    def thread_headers(self, message_ids: list[str]) -> list[ParsedMessage]:
        """Messages with only what threading reads (no bodies), to keep memory small."""
        return [ParsedMessage(
            message_id=r[0], subject=r[2], from_addr="", from_name="", to=[], cc=[],
            date=datetime.fromisoformat(r[1]), in_reply_to=r[3],
            references=json.loads(r[4]), headers={}, text="", own_text="")
            for r in self.db.select_in(
                "SELECT message_id, date, subject, in_reply_to, refs FROM messages "
                "WHERE message_id IN ({in})", message_ids)]

    def message_data(self, message_ids: list[str]) -> list[str]:
        """The stored JSON of these messages, for whoever decodes them (message_from_json)."""
        return [r[0] for r in self.db.select_in(
            "SELECT data FROM messages WHERE message_id IN ({in})", message_ids)]

    def load_messages(self, message_ids: list[str]) -> list[ParsedMessage]:
        return [message_from_json(d) for d in self.message_data(message_ids)]

    def senders(self, message_ids: list[str]) -> dict[str, tuple[str, datetime]]:
        """Who sent these messages and when: stored mail, or a contact's reply to an update."""
        ids = sorted(set(message_ids))
        out: dict[str, tuple[str, datetime]] = {
            r[0]: (r[1], dt(r[2]))  # type: ignore[misc]
            for r in self.db.select_in(
                "SELECT message_id, sender, at FROM replies WHERE message_id IN ({in})", ids)}
        for r in self.db.select_in(
                "SELECT message_id, data FROM messages WHERE message_id IN ({in})", ids):
            data = json.loads(r[1])
            out.setdefault(r[0], (data["from_addr"], datetime.fromisoformat(data["date"])))
        return out

    def mentioning(self, message_ids: list[str], word: str) -> list[str]:
        """Those of these messages whose stored JSON holds ``word`` in any letter case.

        A cheap prefilter (one scan in the database, nothing decoded): whoever asks still
        checks each hit, since the word may sit anywhere in a message.
        """
        pattern = "%" + word.replace("%", "").replace("_", "") + "%"
        return [r[0] for r in self.db.select_in(
            f"SELECT message_id FROM messages WHERE message_id IN ({{in}}) "
            f"AND data {self.db.ilike} ?", message_ids, after=[pattern])]

    def message_headers(self, message_ids: list[str]) -> dict[str, tuple[str, str, datetime]]:
        """message_id -> (from, subject, date) for the JSON and status output."""
        out: dict[str, tuple[str, str, datetime]] = {}
        for mid in message_ids:
            row = self.db.one("SELECT data FROM messages WHERE message_id=?", (mid,))
            if row:
                msg = message_from_json(row[0])
                out[mid] = (msg.from_addr, msg.subject, msg.date)
        return out

    # ------------------------------------------------------------------ analysis

    def unanalyzed_by_date(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT message_id FROM messages WHERE analyzed=0 ORDER BY date, message_id")]

    def join_keys_of(self, message_ids: list[str]) -> Iterator[tuple[str, str, str]]:
        """(message id, kind, key) of these messages' thread join keys, read in chunks."""
        for r in self.db.select_in(
                "SELECT message_id, kind, key FROM message_keys WHERE message_id IN ({in})",
                message_ids):
            yield r[0], r[1], r[2]

    def has_unanalyzed(self) -> bool:
        return self.db.one("SELECT 1 FROM messages WHERE analyzed=0 LIMIT 1") is not None

    def mark_analyzed(self, message_ids: list[str], thread_id: str | None,
                      customer_id: str | None) -> None:
        self.db.executemany(
            "UPDATE messages SET analyzed=1, thread_id=?, customer_id=? WHERE message_id=?",
            [(thread_id, customer_id, m) for m in message_ids],
        )

    def newest_message_date(self) -> datetime | None:
        """The date of the newest stored message: one index lookup, as parse stores every date
        in UTC (ISO text then sorts as time)."""
        row = self.db.one("SELECT max(date) FROM messages")
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def message_count(self) -> int:
        return int(self.db.one("SELECT count(*) FROM messages")[0])
