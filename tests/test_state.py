from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from mailsum.models import OwnerChangeRecord, ParsedMessage, PointRecord
from mailsum.state import MIGRATIONS, StateStore, message_from_json, message_to_json

NOW = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)


def msg(mid: str = "<a@x>", **kw) -> ParsedMessage:
    base = dict(message_id=mid, subject="Drucker", from_addr="a@acme.de", from_name="A",
                to=["s@provider.de"], cc=[], date=NOW, in_reply_to=None, references=[],
                headers={"subject": "Drucker"}, text="Hallo", own_text="Hallo",
                away_until=date(2026, 12, 1), content_hash="h" + mid)
    base.update(kw)
    return ParsedMessage(**base)


def point(pid: str = "p1", **kw) -> PointRecord:
    base = dict(id=pid, customer_id="acme", thread_id="<a@x>", kind="request", text="Bitte X.",
                message_id="<a@x>", raised_by="a@acme.de", raised_at=NOW, owner="m@provider.de",
                due=date(2026, 11, 30), status="open", first_seen=NOW, last_activity=NOW)
    base.update(kw)
    return PointRecord(**base)


def test_migrations_bring_a_new_file_to_the_latest_version(tmp_path):
    store = StateStore.open(tmp_path / "s.db")
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    again = StateStore.open(tmp_path / "s.db")  # reopening applies nothing twice
    assert again.schema_version == len(MIGRATIONS)


def test_message_round_trips_through_json():
    m = msg(references=["<r1@x>", "<r2@x>"], defects=["no date"])
    assert message_from_json(message_to_json(m)) == m


def test_duplicate_message_id_is_stored_once(tmp_path):
    store = StateStore.open(tmp_path / "s.db")
    with store.transaction():
        assert store.add_message(msg(), "src", "INBOX", "1") is True
        assert store.add_message(msg(), "src", "INBOX", "2") is False
    assert store.message_count() == 1


def test_failed_transaction_leaves_nothing_behind(tmp_path):
    store = StateStore.open(tmp_path / "s.db")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_message(msg(), "src", "INBOX", "1")
        store.set_folder_cursor("src", "INBOX", 7, 1)
        raise RuntimeError("crash between fetch and commit")
    assert store.message_count() == 0
    assert store.folder_cursor("src", "INBOX") == (None, 0)


def test_points_and_owner_changes_persist(tmp_path):
    path = tmp_path / "s.db"
    store = StateStore.open(path)
    with store.transaction():
        store.save_point(point())
        change = OwnerChangeRecord("p1", "m@provider.de", "s@provider.de", NOW, "ich übernehme",
                                   NOW)
        store.add_owner_change(change, "<b@x>")
        store.add_owner_change(change, "<b@x>")  # re-extraction records nothing twice
    store.close()
    store = StateStore.open(path)
    assert store.points("acme") == [point()]
    assert len(store.owner_changes_since("acme", None)) == 1
    assert store.owner_changes_since("acme", NOW + timedelta(seconds=1)) == []


def test_secret_is_generated_once(tmp_path):
    store = StateStore.open(tmp_path / "s.db")
    with store.transaction():
        first = store.secret()
    assert len(first) == 32 and store.secret() == first


def test_update_per_customer_and_due_time_is_unique(tmp_path):
    store = StateStore.open(tmp_path / "s.db")
    with store.transaction():
        store.add_update("acme", NOW, NOW, status="pending", quiet=False, message_id="<u@x>",
                         data=b"x", numbers=[(1, "p1")])
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.add_update("acme", NOW, NOW, status="pending", quiet=False)
    assert [r["status"] for r in store.pending_updates(NOW)] == ["pending"]


def test_in_memory_copy_never_writes_the_file(tmp_path):
    path = tmp_path / "s.db"
    store = StateStore.open(path)
    with store.transaction():
        store.add_message(msg(), "src", "", "k")
    store.close()
    before = path.read_bytes()
    copy = StateStore.open_copy_in_memory(path)
    with copy.transaction():
        copy.add_message(msg("<b@x>"), "src", "", "k2")
    assert copy.message_count() == 2
    assert path.read_bytes() == before
    assert not (tmp_path / "missing.db").exists()
    StateStore.open_copy_in_memory(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_history_lists_sent_updates_oldest_first(tmp_path):
    store = StateStore.open(tmp_path / "s.db")
    with store.transaction():
        for day, counts in ((1, {"new": 3, "open": 5, "resolved": 0}),
                            (2, {"new": 1, "open": 4, "resolved": 2})):
            at = NOW + timedelta(days=day)
            uid = store.add_update("acme", at, at, status="pending", quiet=False,
                                   counts=counts)
            store.mark_update(uid, "sent", at)
        store.add_update("acme", NOW + timedelta(days=3), NOW + timedelta(days=3),
                         status="pending", quiet=False, counts={"new": 9})  # not sent yet
    hist = store.history("acme")
    assert [(h.new, h.open, h.resolved) for h in hist] == [(3, 5, 0), (1, 4, 2)]
    assert hist[0].at < hist[1].at
