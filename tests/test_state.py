from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from builders import parsed
from statehelp import get_point, pending_updates

from mailsum.errors import LeaseLost, StateConflict
from mailsum.models import OwnerChangeRecord, ParsedMessage, PointRecord
from mailsum.state.store import MIGRATIONS, StateStore, message_from_json, message_to_json

NOW = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> Path | str:
    """The same store tests on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "s.db"
    return request.getfixturevalue("pg_url")


def msg(mid: str = "<a@x>", **kw) -> ParsedMessage:
    base = dict(subject="Drucker", from_addr="a@acme.de", from_name="A", to=["s@provider.de"],
                date=NOW, headers={"subject": "Drucker"}, text="Hallo", own_text="Hallo",
                away_until=date(2026, 12, 1), content_hash="h" + mid)
    base.update(kw)
    return parsed(mid, **base)


def point(pid: str = "p1", **kw) -> PointRecord:
    base = dict(id=pid, customer_id="acme", thread_id="<a@x>", kind="request", text="Bitte X.",
                message_id="<a@x>", raised_by="a@acme.de", raised_at=NOW, owner="m@provider.de",
                due=date(2026, 11, 30), status="open", first_seen=NOW, last_activity=NOW)
    base.update(kw)
    return PointRecord(**base)


def test_migrations_bring_a_new_store_to_the_latest_version(location):
    store = StateStore.open(location)
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    again = StateStore.open(location)  # reopening applies nothing twice
    assert again.schema_version == len(MIGRATIONS)


def test_a_store_of_schema_3_keeps_its_points_through_migration_4(tmp_path):
    """Points stored before sentence positions existed read back at position 0."""
    import sqlite3

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO points (id, customer_id, thread_id, kind, text, message_id, raised_by, "
        "raised_at, status, first_seen, last_activity) VALUES ('p0', 'acme', '<a@x>', "
        "'request', 'Bitte X.', '<a@x>', 'a@acme.de', ?, 'open', ?, ?)",
        (NOW.isoformat(), NOW.isoformat(), NOW.isoformat()))
    conn.commit()
    conn.close()
    store = StateStore.open(path)
    assert store.schema_version == len(MIGRATIONS)
    old = get_point(store, "p0")
    assert old is not None and old.text == "Bitte X." and old.position == 0
    store.close()


def test_points_keep_their_sentence_position(location):
    store = StateStore.open(location)
    with store.transaction():
        store.save_points([point("late", position=4), point("early", position=1)])
    assert [p.id for p in store.points("acme")] == ["early", "late"]
    with store.transaction():
        store.save_points([point("late", position=0)])  # re-extracted: the new position wins
    assert get_point(store, "late").position == 0
    store.close()


def test_message_round_trips_through_json():
    m = msg(references=["<r1@x>", "<r2@x>"], defects=["no date"])
    assert message_from_json(message_to_json(m)) == m


def test_duplicate_message_id_is_stored_once(location):
    store = StateStore.open(location)
    with store.transaction():
        assert store.add_message(msg(), "src", "INBOX", "1") is True
        assert store.add_message(msg(), "src", "INBOX", "2") is False
    assert store.message_count() == 1


def test_mentioning_finds_the_word_in_any_case_and_field(location):
    store = StateStore.open(location)
    with store.transaction():
        store.add_message(msg("<plain@x>"), "src", "INBOX", "1")
        store.add_message(msg("<hdr@x>", headers={"X-Mailsum-Update": "acme"}), "src", "", "2")
        store.add_message(msg("<ref@x>", in_reply_to="<mailsum.acme.1.ab@provider.de>"),
                          "src", "", "3")
        store.add_message(msg("<body@x>", text="Gesendet von MailSum"), "src", "", "4")
    ids = ["<plain@x>", "<hdr@x>", "<ref@x>", "<body@x>", "<missing@x>"]
    assert sorted(store.mentioning(ids, "mailsum")) == ["<body@x>", "<hdr@x>", "<ref@x>"]
    assert store.mentioning(["<plain@x>"], "mailsum") == []
    store.close()


def test_failed_transaction_leaves_nothing_behind(location):
    store = StateStore.open(location)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_message(msg(), "src", "INBOX", "1")
        store.set_folder_cursor("src", "INBOX", 7, 1)
        raise RuntimeError("crash between fetch and commit")
    assert store.message_count() == 0
    assert store.folder_cursor("src", "INBOX") == (None, 0)


def test_points_and_owner_changes_persist(location):
    store = StateStore.open(location)
    with store.transaction():
        store.save_point(point())
        change = OwnerChangeRecord("p1", "m@provider.de", "s@provider.de", NOW, "ich übernehme",
                                   NOW)
        store.add_owner_change(change, "<b@x>")
        store.add_owner_change(change, "<b@x>")  # re-extraction records nothing twice
    store.close()
    store = StateStore.open(location)
    assert store.points("acme") == [point()]
    assert len(store.owner_changes_since("acme", None)) == 1
    assert store.owner_changes_since("acme", NOW + timedelta(seconds=1)) == []


def test_secret_is_generated_once(location):
    store = StateStore.open(location)
    with store.transaction():
        first = store.secret()
    assert len(first) == 32 and store.secret() == first


def test_update_per_customer_and_due_time_is_unique(location):
    store = StateStore.open(location)
    with store.transaction():
        store.add_update("acme", NOW, NOW, status="pending", quiet=False, message_id="<u@x>",
                         data=b"x", numbers=[(1, "p1")])
    with pytest.raises(StateConflict), store.transaction():
        store.add_update("acme", NOW, NOW, status="pending", quiet=False)
    assert [r.status for r in pending_updates(store, NOW)] == ["pending"]


def test_in_memory_copy_never_writes_the_file(tmp_path):
    path = tmp_path / "s.db"
    store = StateStore.open(path)
    with store.transaction():
        store.add_message(msg(), "src", "", "k")
    store.close()
    before = path.read_bytes()
    copy = StateStore.open_scratch(path)
    with copy.transaction():
        copy.add_message(msg("<b@x>"), "src", "", "k2")
    assert copy.message_count() == 2
    assert path.read_bytes() == before
    assert not (tmp_path / "missing.db").exists()
    StateStore.open_scratch(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_history_lists_sent_updates_oldest_first(location):
    store = StateStore.open(location)
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


def test_scratch_store_saves_nothing(location):
    store = StateStore.open(location)
    with store.transaction():
        store.add_message(msg(), "src", "", "k")
    store.close()
    scratch = StateStore.open_scratch(location)
    with scratch.transaction():
        scratch.add_message(msg("<b@x>"), "src", "", "k2")
    with pytest.raises(RuntimeError), scratch.transaction():  # a failed step inside rolls back
        scratch.add_message(msg("<c@x>"), "src", "", "k3")
        raise RuntimeError
    assert scratch.message_count() == 2
    scratch.close()
    assert StateStore.open(location).message_count() == 1


def test_a_live_lease_keeps_other_workers_out(location):
    one, two = StateStore.open(location), StateStore.open(location)
    with one.transaction():
        lease = one.claim("source", "imap", "w1", 60)
    with two.transaction():
        assert two.claim("source", "imap", "w2", 60) is None
    assert lease is not None and two.lease_holder("source", "imap") == "w1"
    ((kind, name, holder, left),) = two.live_leases()  # what `mailsum status` shows
    assert (kind, name, holder) == ("source", "imap", "w1") and 50 < left <= 60
    with one.transaction(fence=lease):  # the holder goes on committing
        one.add_message(msg(), "imap", "INBOX", "1")
    with one.transaction():
        one.release(lease)
    with two.transaction():
        assert two.claim("source", "imap", "w2", 60) is not None


def test_an_expired_lease_is_taken_over_and_the_old_holder_cannot_commit(location):
    one, two = StateStore.open(location), StateStore.open(location)
    with one.transaction():
        lease = one.claim("analysis", "all", "w1", -1)  # expired at once: a dead worker
    assert lease is not None
    with two.transaction():
        assert two.claim("analysis", "all", "w2", 60) is not None
    with pytest.raises(LeaseLost), one.transaction(fence=lease):
        one.add_message(msg(), "imap", "INBOX", "1")
    assert two.message_count() == 0  # the fenced transaction rolled back


def test_claim_next_hands_each_due_unit_to_one_worker(location):
    one, two = StateStore.open(location), StateStore.open(location)
    with one.transaction():
        one.ensure_leases("source", ["a", "b"])
    with one.transaction():
        first = one.claim_next("source", "w1", 60)
    with two.transaction():
        second = two.claim_next("source", "w2", 60)
    with two.transaction():
        assert two.claim_next("source", "w2", 60) is None
    assert first is not None and second is not None
    assert {first.name, second.name} == {"a", "b"}
    with one.transaction():
        one.release(first, next_due_in=3600)  # polled: not due again for an hour
    with two.transaction():
        assert two.claim_next("source", "w2", 60) is None


def test_outbox_update_is_claimed_by_one_worker_until_it_expires(location):
    one, two = StateStore.open(location), StateStore.open(location)
    with one.transaction():
        uid = one.add_update("acme", NOW, NOW, status="pending", quiet=False, data=b"x")
    with one.transaction():
        row = one.claim_pending_update(NOW, "w1", -1)  # claimed, then the worker died
    assert row is not None and row.id == uid and row.data == b"x"
    with two.transaction():
        again = two.claim_pending_update(NOW, "w2", 60)
    assert again is not None and again.id == uid
    with one.transaction():
        assert one.claim_pending_update(NOW, "w1", 60) is None  # w2's claim is live
    with two.transaction():
        two.mark_update(uid, "sent", NOW)
    with two.transaction():
        assert two.claim_pending_update(NOW, "w2", 60) is None


def test_claim_does_not_wait_while_the_holder_works_in_a_transaction(pg_url):
    """The analysing worker keeps its lease row locked for a whole slice; others move on."""
    one, two = StateStore.open(pg_url), StateStore.open(pg_url)
    with one.transaction():
        lease = one.claim("analysis", "all", "w1", 60)
    assert lease is not None
    two.conn.execute("SET lock_timeout = '2s'")  # waiting would raise instead of hanging
    with one.transaction(fence=lease):  # renewing locks the row until this commits
        with two.transaction():
            assert two.claim("analysis", "all", "w2", 60) is None
        with two.transaction():
            two.ensure_leases("source", ["a"])
            assert two.claim_next("source", "w2", 60) is not None


def test_old_update_mails_are_dropped_but_the_record_stays(location):
    store = StateStore.open(location)
    old, recent = NOW - timedelta(days=100), NOW - timedelta(days=10)
    with store.transaction():
        a = store.add_update("acme", old, old, status="pending", quiet=False, data=b"old",
                             numbers=[(1, "p1")], counts={"new": 1}, update_key="acme.1")
        store.mark_update(a, "sent", old)
        b = store.add_update("acme", recent, recent, status="pending", quiet=False,
                             data=b"recent")
        store.mark_update(b, "sent", recent)
        c = store.add_update("acme", old + timedelta(hours=1), old, status="pending",
                             quiet=False, data=b"still to send")
    with store.transaction():
        assert store.drop_old_update_mails(NOW - timedelta(days=90)) == 1
    data = {r["id"]: r["data"] for r in store.conn.execute("SELECT id, data FROM updates")}
    assert data[a] is None and bytes(data[b]) == b"recent" and bytes(data[c]) == b"still to send"
    row, numbers = store.sent_update_by_key("acme.1")  # replies to it are still understood
    assert numbers == {1: "p1"} and [h.new for h in store.history("acme")] == [1]


def test_senders_name_who_sent_stored_mail_and_replies_to_updates(location):
    store = StateStore.open(location)
    with store.transaction():
        store.add_message(msg("<a@x>"), "src", "INBOX", "1")
        store.add_reply("<r@x>", "acme", None, "anna.berger@provider.de",
                        NOW + timedelta(hours=2), True, "ok")
    assert store.senders(["<a@x>", "<r@x>", "<unknown@x>"]) == {
        "<a@x>": ("a@acme.de", NOW),
        "<r@x>": ("anna.berger@provider.de", NOW + timedelta(hours=2)),
    }
