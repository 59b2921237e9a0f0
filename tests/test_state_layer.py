"""The state layer's parts: chunked IN lookups, typed records, and the facade's wiring."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from builders import parsed

from mailsum.models import ParsedMessage, PointRecord
from mailsum.state import db as state_db
from mailsum.state.leases import LeaseRepository
from mailsum.state.mail import MailRepository
from mailsum.state.outbox import UpdateRepository
from mailsum.state.points import PointRepository
from mailsum.state.records import EventRecord, UpdateRecord
from mailsum.state.replies import ReplyRepository
from mailsum.state.sources import SourceStatusRepository
from mailsum.state.store import StateStore
from mailsum.state.threads import ThreadRepository

NOW = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)
REPOSITORIES = (LeaseRepository, MailRepository, ThreadRepository, PointRepository,
                UpdateRepository, ReplyRepository, SourceStatusRepository)


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "s.db"
    return request.getfixturevalue("pg_url")


def message(n: int, subject: str) -> ParsedMessage:
    return parsed(f"<m{n}@x>", subject=subject, from_addr=f"k{n}@acme.de", from_name="K",
                  to=["s@provider.de"], date=NOW + timedelta(minutes=n), text=subject,
                  content_hash=f"h{n}")


def test_lookups_over_many_values_read_every_chunk(location, monkeypatch):
    """Chunks of 3: a lookup that read only its first chunk, or lost the parameters around
    the IN list in later ones, would miss messages, threads and points."""
    monkeypatch.setattr(state_db, "CHUNK", 3)
    store = StateStore.open(location)
    ids = [f"<m{n}@x>" for n in range(10)]
    with store.transaction():
        for n in range(10):
            store.add_message(message(n, "Drucker" if n % 2 else "Netz"), "local", "INBOX",
                              str(n), [("subject", f"s{n}")])
        for n, mid in enumerate(ids):
            store.mark_analyzed([mid], f"t{n % 4}", "acme")
        store.save_points([PointRecord(
            id=f"p{n}", customer_id="acme", thread_id=f"t{n % 4}", kind="request",
            text="Bitte", message_id=mid, raised_by="k@acme.de", raised_at=NOW, owner=None,
            due=None, status="open", first_seen=NOW, last_activity=NOW)
            for n, mid in enumerate(ids)])
    assert sorted(store.mentioning(ids, "drucker")) == sorted(ids[1::2])  # a parameter after
    assert store.threads_with_keys({("subject", f"s{n}") for n in range(10)}) == \
        {"t0", "t1", "t2", "t3"}  # a parameter before
    assert [m.message_id for m in store.thread_headers(ids)] == ids
    assert set(store.senders(ids)) == set(ids)
    assert store.thread_members({"t1"}) == {"t1": {"<m1@x>", "<m5@x>", "<m9@x>"}}
    assert set(store.get_points([f"p{n}" for n in range(10)])) == {f"p{n}" for n in range(10)}
    with store.transaction():
        withdrawn = store.withdraw_points(ids, keep={"p0"})
    assert sorted(withdrawn) == sorted(f"p{n}" for n in range(1, 10))
    assert {p.id for p in store.points("acme") if p.status == "open"} == {"p0"}


def test_outbox_and_events_come_back_as_typed_records(location):
    store = StateStore.open(location)
    with store.transaction():
        uid = store.add_update("acme", NOW, NOW - timedelta(minutes=1), status="pending",
                               quiet=False, message_id="<u@x>", subject="Stand",
                               recipients=["k@acme.de"], data=b"mail", numbers=[(1, "p1")],
                               counts={"new": 2}, update_key="acme.1", claim=("w1", 60))
        store.add_event("acme", "p1", NOW, "k@acme.de", "reopen", "weil", "<r@x>")
    with store.transaction():
        assert store.claim_pending_update(NOW, "w2", 60) is None  # w1 claimed it on insert
        store.mark_update(uid, "sent", NOW + timedelta(seconds=5))
    sent = store.last_sent_update("acme")
    assert isinstance(sent, UpdateRecord)
    assert (sent.id, sent.status, sent.due_at, sent.created_at, sent.sent_at) == \
        (uid, "sent", NOW, NOW - timedelta(minutes=1), NOW + timedelta(seconds=5))
    assert (sent.recipients, sent.data, sent.counts, sent.attempts, sent.claimed_by) == \
        (["k@acme.de"], b"mail", {"new": 2}, 1, None)
    assert store.update_for_due("acme", NOW) == sent == store.last_update("acme")
    assert store.sent_update_by_key("acme.1") == (sent, {1: "p1"})
    (listed,) = store.updates("acme")
    assert listed.data is None and listed.subject == "Stand"  # a listing leaves the mail
    (event,) = store.events("acme")
    assert event == EventRecord(event.id, "acme", "p1", NOW, "k@acme.de", "reopen", "weil",
                                "<r@x>")


def test_the_facade_runs_each_method_on_its_own_repository(tmp_path):
    """Every public repository method is a StateStore method with the same signature, wired
    to the repository that defines it (a method added to a part is not forgotten here)."""
    store = StateStore.open(tmp_path / "s.db")
    for repo in REPOSITORIES:
        for name, method in inspect.getmembers(repo, inspect.isfunction):
            if name.startswith("_"):
                continue
            facade = getattr(StateStore, name)
            assert facade.__wrapped__ is method, name
            assert type(getattr(store, facade.part)) is repo, name
            assert inspect.signature(facade) == inspect.signature(method), name
