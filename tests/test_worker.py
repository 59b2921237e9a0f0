"""``mailsum worker`` in process: two workers share one PostgreSQL state, a dropped database
connection is survived, a stop request is honoured between items.

The subprocess test with 40 IMAP mailboxes and a SIGKILL is tests/test_workers.py.
"""

from __future__ import annotations

import mailbox
import textwrap
import threading
import time
from pathlib import Path

import pytest
from builders import ticket_mail

from mailsum.config.loader import load_config
from mailsum.outbound.deliver import DirectoryDelivery
from mailsum.run.worker import Worker, WorkerSettings
from mailsum.state.store import StateStore

REPO = Path(__file__).resolve().parents[1]


def mail(n: int, domain: str, tag: str) -> bytes:
    return ticket_mail(n, sender=f"kunde{n}@{domain}", subject=f"[{tag}-{n}] Drucker {n}",
                       message_id=f"<w{n}.{tag}@{domain}>")


def setup(tmp: Path, url: str, per_source: int) -> tuple[Path, list[mailbox.Maildir]]:
    """Two maildir sources (ACME and Stadtwerke mail), updates written as .eml files."""
    boxes = []
    for name, domain, tag in (("acme", "acme-maschinenbau.de", "ACME"),
                              ("sw", "stadtwerke-nordhausen.de", "SWN")):
        box = mailbox.Maildir(tmp / name, create=True)
        for n in range(per_source):
            box.add(mail(n, domain, tag))
        boxes.append(box)
    cfg = tmp / "config.yaml"
    cfg.write_text(textwrap.dedent(f"""\
        state: {url}
        sources:
          - {{name: acme, kind: maildir, path: {tmp}/acme, batch_size: 10}}
          - {{name: sw, kind: maildir, path: {tmp}/sw, batch_size: 10}}
        delivery: {{kind: directory, path: {tmp}/out, from: "Desk <it-support@provider.de>"}}
        rules: {REPO}/rules/
        """))
    StateStore.open(url).close()  # migrated before the test starts counting rows
    return cfg, boxes


def start(cfg: Path, label: str, interval: float = 0.2) -> tuple[Worker, threading.Thread]:
    config = load_config(cfg)
    worker = Worker(config, lambda: StateStore.open(config.state),
                    DirectoryDelivery(config.delivery.path),  # type: ignore[arg-type]
                    WorkerSettings(holder=f"{label}@test:0", interval=interval,
                                   lease_seconds=30))
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    return worker, thread


def wait_for(condition, timeout: float = 60.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def count(url: str, sql: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute(sql).fetchone()[0])


@pytest.fixture
def pg(pg_url: str) -> str:
    pytest.importorskip("psycopg")
    return pg_url


def test_two_workers_store_every_message_once_and_send_each_update_once(tmp_path, pg):
    cfg, _ = setup(tmp_path, pg, per_source=60)
    workers = [start(cfg, "a"), start(cfg, "b")]
    try:
        wait_for(lambda: count(pg, "SELECT count(*) FROM messages WHERE analyzed=1") == 120
                 and count(pg, "SELECT count(*) FROM updates WHERE status='sent'") >= 2)
        time.sleep(1.0)  # a few more cycles: nothing may happen twice
    finally:
        for w, _ in workers:
            w.stop.set()
        for _, t in workers:
            t.join(30)
    assert all(not t.is_alive() for _, t in workers)
    assert count(pg, "SELECT count(*) FROM seen") == 120
    assert count(pg, "SELECT count(*) FROM failures") == 0
    sent = count(pg, "SELECT count(*) FROM updates WHERE status='sent'")
    files = sorted((tmp_path / "out").glob("*.eml"))
    assert len(files) == sent  # one file per sent update, none twice
    customers = {f.name.split(".")[1] for f in files}
    assert {"acme", "stadtwerke"} <= customers
    assert len(customers) == len(files)  # one update per customer and due time
    assert sum(w.cycles for w, _ in workers) > 2  # both kept cycling


def test_worker_reconnects_after_the_database_drops_its_connection(tmp_path, pg):
    cfg, boxes = setup(tmp_path, pg, per_source=5)
    worker, thread = start(cfg, "solo")
    try:
        wait_for(lambda: count(pg, "SELECT count(*) FROM messages WHERE analyzed=1") == 10)
        import psycopg

        with psycopg.connect(pg, autocommit=True) as admin:  # what a server restart does
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        boxes[0].add(mail(99, "acme-maschinenbau.de", "ACME"))
        wait_for(lambda: count(pg, "SELECT count(*) FROM messages WHERE analyzed=1") == 11)
    finally:
        worker.stop.set()
        thread.join(30)
    assert not thread.is_alive()
    assert worker.reconnects >= 1


def test_stop_request_ends_the_worker_between_items(tmp_path, pg):
    cfg, _ = setup(tmp_path, pg, per_source=200)
    worker, thread = start(cfg, "stopper")
    wait_for(lambda: count(pg, "SELECT count(*) FROM messages") >= 10, timeout=30)
    worker.stop.set()
    thread.join(30)
    assert not thread.is_alive()
    stored = count(pg, "SELECT count(*) FROM messages")
    assert count(pg, "SELECT count(*) FROM seen") == stored  # whole batches, nothing half done
    assert count(pg, "SELECT count(*) FROM leases WHERE holder IS NOT NULL") == 0  # released
