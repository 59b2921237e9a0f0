"""Faults a cron-driven poller meets, against real Dovecot and aiosmtpd, ``mailsum`` as a process.

Each test injects one fault (through the fault proxy, the SMTP sink's programmed replies or the
servers themselves) and asserts the documented outcome: nothing lost, nothing stored twice,
updates sent once with a stable Message-ID, and exit code 1 for a failed source or delivery.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from faultproxy import FaultProxy, Plan
from servers import (
    REPO,
    Dovecot,
    ScriptedSmtpSink,
    dovecot_available,
    fill_maildir,
    free_port,
    mailsum_cmd,
    message_id_of,
    run_mailsum,
    state_rows,
    stored_message_ids,
    ticket_mails,
    write_mailsum_config,
)

PASSWORD = "faults-imap-pw-4242"
ENV = {"MAILSUM_TEST_IMAP_PASSWORD": PASSWORD}
NOW = "2026-11-27T07:30:00+01:00"  # a Friday: acme, stadtwerke and brightline are all due
LATER = "2026-11-27T07:40:00+01:00"
CUSTOMERS = {"acme", "stadtwerke", "brightline"}

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(), reason="needs Debian dovecot-imapd"),
]


@pytest.fixture
def smtp():
    sink = ScriptedSmtpSink().start()
    yield sink
    sink.stop()


def new_folder(dovecot: Dovecot, messages: list[bytes]) -> str:
    from imapclient import IMAPClient

    folder = f"F{free_port()}"
    if messages:
        dovecot.append("support", messages, folder=folder)
    else:
        with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False, timeout=10) as c:
            c.login("support", PASSWORD)
            c.create_folder(folder)
    return folder


def ids_of(messages: list[bytes]) -> list[str]:
    return sorted(message_id_of(m) for m in messages)


def mailsum(cfg: Path, *args: str, env: dict[str, str] | None = None, now: str = NOW
            ) -> subprocess.CompletedProcess[str]:
    return run_mailsum(cfg, *args, "--now", now, env={**ENV, **(env or {})})


def by_customer(raw: list[tuple[str, list[str], bytes]]) -> dict[str, list[str]]:
    """Message-IDs received per customer (internal digests such as ``_unrouted`` left out)."""
    out: dict[str, list[str]] = {}
    for _, _, data in raw:
        msg = message_from_bytes(data)
        customer = str(msg["X-Mailsum-Customer"])
        if not customer.startswith("_"):
            out.setdefault(customer, []).append(str(msg["Message-ID"]))
    return out


# ------------------------------------------------------------------ IMAP


def test_uidvalidity_change_loses_nothing_and_counts_nothing_twice(dovecot, smtp, tmp_path):
    from imapclient import IMAPClient

    old = ticket_mails(10, "uv-old")
    folder = new_folder(dovecot, old)
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder)
    first = mailsum(cfg, "poll")
    assert first.returncode == 0, first.stderr
    db = tmp_path / "mailsum.db"
    (before,) = state_rows(db, "SELECT uidvalidity FROM folders")
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False, timeout=10) as c:
        c.login("support", PASSWORD)
        c.delete_folder(folder)
        c.create_folder(folder)
    new = ticket_mails(3, "uv-new")
    time.sleep(1)  # Dovecot derives UIDVALIDITY from the clock
    dovecot.append("support", new + old, folder=folder)
    second = mailsum(cfg, "poll")
    assert second.returncode == 0, second.stderr
    (after,) = state_rows(db, "SELECT uidvalidity FROM folders")
    assert after != before
    assert "stored 3, duplicates 10" in second.stderr
    assert sorted(stored_message_ids(db)) == ids_of(old + new)
    third = mailsum(cfg, "poll")
    assert "fetched 0" in third.stderr


def test_connection_cut_mid_fetch_is_resumed_within_the_run(dovecot, smtp, tmp_path):
    mails = ticket_mails(40, "cut-once")
    folder = new_folder(dovecot, mails)
    with FaultProxy(dovecot.port) as proxy:
        proxy.then(Plan("cut", cut_after=15_000))
        cfg = write_mailsum_config(tmp_path, proxy.port, smtp.port, folder,
                                   source_extra="    batch_size: 5")
        out = mailsum(cfg, "poll")
    assert out.returncode == 0, out.stderr
    assert "reconnecting" in out.stderr and proxy.connections == 2
    ids = stored_message_ids(tmp_path / "mailsum.db")
    assert sorted(ids) == ids_of(mails)  # every message, each once


def test_server_gone_mid_fetch_fails_the_source_and_next_run_resumes(dovecot, smtp, tmp_path):
    mails = ticket_mails(40, "gone")
    folder = new_folder(dovecot, mails)
    db = tmp_path / "mailsum.db"
    with FaultProxy(dovecot.port) as proxy:
        proxy.then(Plan("cut", cut_after=15_000))
        proxy.set("drop")  # and the server never comes back during this run
        cfg = write_mailsum_config(tmp_path, proxy.port, smtp.port, folder,
                                   source_extra="    batch_size: 5")
        first = mailsum(cfg, "poll")
        assert first.returncode == 1
        assert "source support" in first.stderr and "gave up after 3 reconnects" in first.stderr
        partial = stored_message_ids(db)
        assert 0 < len(partial) < len(mails)
        proxy.set("pass")  # the server is back
        second = mailsum(cfg, "poll")
    assert second.returncode == 0, second.stderr
    assert f"stored {len(mails) - len(partial)}, duplicates 0" in second.stderr
    assert sorted(stored_message_ids(db)) == ids_of(mails)


def test_stalled_server_times_out_quickly(dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, ticket_mails(2, "stall"))
    with FaultProxy(dovecot.port) as proxy:
        proxy.set("stall")
        cfg = write_mailsum_config(tmp_path, proxy.port, smtp.port, folder,
                                   source_extra="    timeout: 2")
        start = time.monotonic()
        out = mailsum(cfg, "poll")
        took = time.monotonic() - start
    assert out.returncode == 1
    assert "timed out after 2 s" in out.stderr
    assert took < 10


def test_wrong_password_fails_the_run_without_the_secret(dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, ticket_mails(2, "pw"))
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder)
    wrong = "Wrong-Pass-0815"
    out = mailsum(cfg, "run", env={"MAILSUM_TEST_IMAP_PASSWORD": wrong})
    assert out.returncode == 1
    assert "login refused for support" in out.stderr
    assert wrong not in out.stderr + out.stdout
    assert stored_message_ids(tmp_path / "mailsum.db") == []


def test_oversized_message_is_recorded_not_fetched_whole(dovecot, smtp, tmp_path):
    folder = f"Big{free_port()}"
    small = ticket_mails(3, "small")
    big = (b"From: Peter Krause <p.krause@acme-maschinenbau.de>\r\nTo: it-support@provider.de\r\n"
           b"Subject: [ACME-9] Logdatei\r\nMessage-ID: <huge-1@test.invalid>\r\n"
           b"Date: Thu, 26 Nov 2026 09:00:00 +0100\r\n\r\n"
           + (b"0123456789" * 7 + b"\r\n") * 700_000)  # 50 MB
    assert len(big) > 50_000_000
    fill_maildir(dovecot, "support", folder, small + [big])
    with FaultProxy(dovecot.port) as proxy:
        cfg = write_mailsum_config(tmp_path, proxy.port, smtp.port, folder)
        out = mailsum(cfg, "poll")
    assert out.returncode == 0, out.stderr
    assert proxy.bytes_down < 1_000_000  # the body never crossed the wire
    db = tmp_path / "mailsum.db"
    assert sorted(stored_message_ids(db)) == ids_of(small)
    (reason,) = state_rows(db, "SELECT reason FROM failures")
    assert "exceeds max_message_bytes" in reason[0] and str(len(big)) in reason[0]
    assert "failed 1" in out.stderr


def test_empty_mailbox_sends_only_quiet_updates(dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, [])
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder)
    out = mailsum(cfg, "run")
    assert out.returncode == 0, out.stderr
    db = tmp_path / "mailsum.db"
    assert stored_message_ids(db) == []
    rows = state_rows(db, "SELECT customer_id, status, quiet FROM updates")
    assert rows and all(quiet == 1 for _, _, quiet in rows)
    sent = {c for c, status, _ in rows if status == "sent"}
    assert set(by_customer(smtp.messages)) == sent


@pytest.mark.slow
def test_twenty_thousand_messages_are_all_stored(dovecot, smtp, tmp_path):
    folder = f"Huge{free_port()}"
    mails = ticket_mails(20_000, "bulk")
    fill_maildir(dovecot, "support", folder, mails)
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder,
                               source_extra="    batch_size: 500")
    out = mailsum(cfg, "poll")
    assert out.returncode == 0, out.stderr[-2000:]
    ids = stored_message_ids(tmp_path / "mailsum.db")
    assert len(ids) == 20_000 and sorted(ids) == ids_of(mails)


def test_second_run_at_the_same_time_exits_at_once_with_code_3(dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, ticket_mails(2, "lock"))
    with FaultProxy(dovecot.port) as proxy:
        proxy.set("stall")  # keeps the first run busy, holding the lock
        cfg = write_mailsum_config(tmp_path, proxy.port, smtp.port, folder,
                                   source_extra="    timeout: 8")
        first = subprocess.Popen(mailsum_cmd(cfg, "poll"), env={**os.environ, **ENV}, cwd=REPO,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            lock = tmp_path / "mailsum.db.lock"
            deadline = time.monotonic() + 20
            while not (lock.exists() and lock.read_text().strip()):
                assert time.monotonic() < deadline and first.poll() is None
                time.sleep(0.05)
            second = mailsum(cfg, "run")
            first_still_running = first.poll() is None
        finally:
            first.communicate(timeout=60)
    assert second.returncode == 3
    assert "another mailsum run holds" in second.stderr and str(lock) in second.stderr
    assert first_still_running  # the second did not wait for the lock
    assert first.returncode == 1  # the stalled source, not the lock


# ------------------------------------------------------------------ SMTP


def test_smtp_421_and_451_stay_pending_and_go_out_next_run_with_the_same_id(
        dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, ticket_mails(12, "temp"))
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder)
    smtp.replies = ["421 4.3.2 service shutting down", "451 4.3.0 local error in processing"]
    first = mailsum(cfg, "run")
    assert first.returncode == 1
    refused = by_customer(smtp.refused)
    assert len(refused) == 2
    db = tmp_path / "mailsum.db"
    pending = state_rows(db, "SELECT customer_id, error FROM updates WHERE status='pending'")
    assert {c for c, _ in pending} == set(refused)
    assert any("421" in e for _, e in pending) and any("451" in e for _, e in pending)
    status = mailsum(cfg, "status")
    assert "pending" in status.stdout
    second = mailsum(cfg, "run", now=LATER)
    assert second.returncode == 0, second.stderr
    got = by_customer(smtp.messages)
    assert set(got) == CUSTOMERS
    assert all(len(ids) == 1 for ids in got.values())  # accepted once each
    for customer, ids in refused.items():
        assert got[customer] == ids  # the retry carries the same Message-ID
    assert state_rows(db, "SELECT count(*) FROM updates WHERE status='pending'") == [(0,)]


def test_smtp_550_fails_that_customer_only_and_status_reports_it(dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, ticket_mails(12, "perm"))
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder)
    smtp.by_recipient["emma.clarke@provider.de"] = "550 5.1.1 mailbox unknown"
    first = mailsum(cfg, "run")
    assert first.returncode == 1
    assert set(by_customer(smtp.messages)) == CUSTOMERS - {"brightline"}
    assert set(by_customer(smtp.refused)) == {"brightline"}
    status = json.loads(mailsum(cfg, "status", "--format", "json").stdout)
    bright = next(c for c in status["customers"] if c["customer"] == "brightline")
    assert bright["undelivered"][0]["status"] == "failed"
    assert "550" in bright["undelivered"][0]["error"]
    (line,) = [x for x in mailsum(cfg, "status").stdout.splitlines() if "update due" in x]
    assert "failed" in line and "550" in line
    second = mailsum(cfg, "run", now=LATER)
    assert second.returncode == 0, second.stderr
    assert len(smtp.refused) == 1  # a permanent failure is not retried


def test_smtp_connection_cut_or_stalled_is_retried_with_the_same_id(dovecot, smtp, tmp_path):
    folder = new_folder(dovecot, ticket_mails(12, "smtpcut"))
    with FaultProxy(smtp.port) as proxy:
        proxy.then(Plan("cut", cut_after=400, direction="up"), Plan("stall"))
        cfg = write_mailsum_config(tmp_path, dovecot.port, proxy.port, folder,
                                   delivery_extra="  timeout: 2")
        first = mailsum(cfg, "run")
        assert first.returncode == 1
        assert sum(map(len, by_customer(smtp.messages).values())) == 1
        db = tmp_path / "mailsum.db"
        pending = state_rows(db, "SELECT customer_id, message_id FROM updates "
                                 "WHERE status='pending'")
        assert len(pending) == 2
        second = mailsum(cfg, "run", now=LATER)
    assert second.returncode == 0, second.stderr
    got = by_customer(smtp.messages)
    assert set(got) == CUSTOMERS and all(len(v) == 1 for v in got.values())
    for customer, message_id in pending:
        assert got[customer] == [message_id]
