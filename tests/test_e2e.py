"""End to end against real servers: Dovecot (IMAP), aiosmtpd (SMTP), SQLite file or PostgreSQL.

The sample mailbox is APPENDed over IMAP, ``mailsum run`` runs as a subprocess exactly as cron
would start it, and the assertions read what the SMTP server received.
"""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
from email.message import Message
from email.utils import getaddresses
from pathlib import Path

import pytest
from corpus import SAMPLE, sample_messages
from servers import dovecot_available, free_port, use_state, write_mailsum_config

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "s3cret-imap-pw"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(),
                       reason="needs Debian dovecot-imapd (scripts/test.sh installs it)"),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def state(request: pytest.FixtureRequest) -> str | None:
    """None: the default SQLite file; else the URL of a fresh PostgreSQL database."""
    return None if request.param == "sqlite" else request.getfixturevalue("pg_url")


def write_config(tmp: Path, imap_port: int, smtp_port: int, extra_source: str = "") -> Path:
    return write_mailsum_config(tmp, imap_port, smtp_port, "INBOX", source_extra=extra_source)


def mailsum(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAILSUM_TEST_IMAP_PASSWORD": PASSWORD}
    return subprocess.run([sys.executable, "-m", "mailsum", "--config", str(cfg), *args],
                          capture_output=True, text=True, env=env, timeout=120, cwd=REPO)


def recipients(msg: Message) -> set[str]:
    return {a.lower() for _, a in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))}


def body_text(msg: Message) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no text/plain part")


def test_run_sends_one_update_per_due_customer_then_nothing_twice(dovecot, smtp, tmp_path,
                                                                   state):
    folder = f"e2e{free_port()}"
    dovecot.append("support", sample_messages(), folder=folder)
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    cfg.write_text(cfg.read_text().replace("folders: [INBOX]", f"folders: [{folder}]"))
    use_state(cfg, state)

    first = mailsum(cfg, "run", "--now", "2026-11-27T07:30:00+01:00")
    assert first.returncode == 0, first.stderr
    everything = smtp.parsed()
    digest = [m for m in everything if m["X-Mailsum-Customer"] == "_unrouted"]
    got = [m for m in everything if m not in digest]
    by_customer = {m["X-Mailsum-Customer"]: m for m in got}
    assert len(got) == 3 and set(by_customer) == {"acme", "stadtwerke", "brightline"}
    # what no rule claims goes to the fallback contact's digest, and only there
    (digest_mail,) = digest
    assert recipients(digest_mail) == {"servicedesk-lead@provider.de"}
    assert "Tiefgarage" in body_text(digest_mail)  # a person wrote it; no rule claims it
    assert "Black Week" not in body_text(digest_mail)  # a newsletter needs no rule
    assert recipients(by_customer["acme"]) == {"anna.berger@provider.de", "max.weber@provider.de"}
    assert recipients(by_customer["brightline"]) == {"emma.clarke@provider.de"}
    for m in got:
        assert m["Auto-Submitted"] == "auto-generated"
        assert m["Reply-To"] == "it-support@provider.de"
        assert m["Message-ID"].startswith("<mailsum.")
    # each update speaks its customer's language and names its customer only
    assert "ACME Maschinenbau GmbH" in by_customer["acme"]["Subject"]
    assert "open" in by_customer["brightline"]["Subject"]
    acme_text = body_text(by_customer["acme"])
    bright_text = body_text(by_customer["brightline"])
    assert "Brightline" not in acme_text and "brightline-logistics" not in acme_text
    assert "acme-maschinenbau" not in bright_text
    # the newsletter nobody claims is in no customer's update
    for m in got:
        assert "Black Week" not in body_text(m) and "Tiefgarage" not in body_text(m)

    # state: a real SQLite file (or PostgreSQL database) with the messages and the updates
    status = mailsum(cfg, "status", "--format", "json", "--now", "2026-11-27T07:31:00+01:00")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["messages"] >= len(sample_messages()) - 1
    assert all(c["last_update"] for c in data["customers"])

    second = mailsum(cfg, "run", "--now", "2026-11-27T07:35:00+01:00")
    assert second.returncode == 0, second.stderr
    assert "fetched 0" in second.stderr
    assert len(smtp.messages) == 4  # nothing sent twice

    # a new customer mail leads to an update with it at the next due time
    new = (
        "From: Peter Krause <p.krause@acme-maschinenbau.de>\r\n"
        "To: it-support@provider.de\r\n"
        "Subject: [ACME-77] VPN-Zugang für neuen Mitarbeiter\r\n"
        "Date: Fri, 27 Nov 2026 10:00:00 +0100\r\n"
        "Message-ID: <new-acme-77@acme-maschinenbau.de>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hallo zusammen,\r\n\r\nbitte richten Sie für Herrn Jansen bis Montag einen "
        "VPN-Zugang ein.\r\n\r\nViele Grüße\r\nPeter Krause\r\n"
    ).encode()
    dovecot.append("support", [new], folder=folder)
    third = mailsum(cfg, "run", "--now", "2026-11-30T07:05:00+01:00")
    assert third.returncode == 0, third.stderr
    later = smtp.parsed()[4:]
    acme_updates = [m for m in later if m["X-Mailsum-Customer"] == "acme"]
    assert len(acme_updates) == 1
    assert "VPN-Zugang" in body_text(acme_updates[0])
    assert "1 neu" in acme_updates[0]["Subject"]


def test_dry_run_json_changes_nothing(dovecot, smtp, tmp_path, state):
    folder = f"dry{free_port()}"
    dovecot.append("support", sample_messages(), folder=folder)
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    cfg.write_text(cfg.read_text().replace("folders: [INBOX]", f"folders: [{folder}]"))
    use_state(cfg, state)
    out = mailsum(cfg, "run", "--dry-run", "--format", "json",
                  "--now", "2026-11-27T07:30:00+01:00")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {u["customer"] for u in data["updates"]} == {"acme", "stadtwerke", "brightline"}
    acme = next(u for u in data["updates"] if u["customer"] == "acme")
    assert acme["to"] == ["anna.berger@provider.de"]
    assert acme["counts"]["open"] == len(acme["points"]) > 0
    assert [p["number"] for p in acme["points"]] == list(range(1, len(acme["points"]) + 1))
    # the field staff's VPN outage is the update's first problem: a blocker, escalated
    # the VPN outage is one ticket with one point: the fault that remains (two laptops still
    # report the certificate), a blocker and a problem, waiting on us
    (ticket,) = [t for t in acme["tickets"] if "VPN-Zugang" in t["subject"]]
    assert ticket["state"] == "waiting_on_us" and ticket["problem"]
    vpn = [p for p in acme["points"] if p["number"] in ticket["points"]]
    assert [(p["kind"], p["problem"]) for p in vpn] == [("blocker", True)]
    assert any(u["from"].endswith("hardware-haendler.example") for u in data["unrouted"])
    assert smtp.messages == []
    assert not (tmp_path / "mailsum.db").exists()
    if state:  # the dry run's one transaction was rolled back: not even the tables stay
        import psycopg

        with psycopg.connect(state) as conn:
            assert conn.execute("SELECT to_regclass('messages')").fetchone()[0] is None


def test_dead_source_fails_that_source_not_the_run(dovecot, smtp, tmp_path):
    folder = f"dead{free_port()}"
    dovecot.append("support", sample_messages()[:5], folder=folder)
    dead = f"""  - name: gone
    kind: imap
    host: 127.0.0.1
    port: {free_port()}
    security: none
    username: nobody
    password_env: MAILSUM_TEST_IMAP_PASSWORD
    timeout: 3
"""
    cfg = write_config(tmp_path, dovecot.port, smtp.port, extra_source=dead)
    cfg.write_text(cfg.read_text().replace("folders: [INBOX]", f"folders: [{folder}]"))
    out = mailsum(cfg, "poll", "--now", "2026-11-27T07:30:00+01:00")
    assert out.returncode == 1
    assert "gone" in out.stderr and "stored 5" in out.stderr
    assert PASSWORD not in out.stderr + out.stdout


def test_wrong_password_is_a_source_failure_without_the_secret(dovecot, smtp, tmp_path):
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    env = {**os.environ, "MAILSUM_TEST_IMAP_PASSWORD": "wrong-password-123"}
    out = subprocess.run([sys.executable, "-m", "mailsum", "--config", str(cfg), "check",
                          "--connect"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 1
    assert "support" in out.stderr and "wrong-password-123" not in out.stderr


def test_check_connect_succeeds_against_live_servers(dovecot, smtp, tmp_path):
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    out = mailsum(cfg, "check", "--connect")
    assert out.returncode == 0, out.stderr
    assert "source support: OK" in out.stdout and "delivery smtp" in out.stdout


def test_check_connect_reaches_the_postgresql_state_and_changes_nothing(dovecot, smtp,
                                                                         tmp_path, pg_url):
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    use_state(cfg, pg_url)
    out = mailsum(cfg, "check", "--connect")
    assert out.returncode == 0, out.stderr
    assert "state postgresql 127.0.0.1" in out.stdout and "schema version 0" in out.stdout
    assert "postgres@" not in out.stdout
    gone = pg_url.rsplit("/", 1)[0] + "/no_such_database"
    use_state(cfg, gone)
    out = mailsum(cfg, "check", "--connect")
    assert out.returncode == 1 and "state postgresql" in out.stderr and "FAILED" in out.stderr


def test_imap_fetch_is_read_only(dovecot, smtp, tmp_path):
    from imapclient import IMAPClient

    folder = f"ro{free_port()}"
    dovecot.append("support", sample_messages()[:3], folder=folder)
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    cfg.write_text(cfg.read_text().replace("folders: [INBOX]", f"folders: [{folder}]"))
    assert mailsum(cfg, "poll").returncode == 0
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login("support", PASSWORD)
        c.select_folder(folder, readonly=True)
        flags = c.get_flags(c.search())
    assert all(b"\\Seen" not in f for f in flags.values())


def test_sample_eml_files_parse(tmp_path):
    """The directory delivery writes .eml files a mail client can open."""
    env = {**os.environ}
    cfg = tmp_path / "config.yaml"
    cfg.write_text((REPO / "examples" / "config.yaml").read_text()
                   .replace("../out/", f"{tmp_path}/out/")
                   .replace("path: mailbox", f"path: {SAMPLE}")
                   .replace("rules: ../rules/", f"rules: {REPO}/rules/"))
    out = subprocess.run([sys.executable, "-m", "mailsum", "--config", str(cfg), "run", "--now",
                          "2026-11-27T07:30:00+01:00"], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    files = sorted((tmp_path / "out" / "updates").glob("*.eml"))
    assert len(files) == 4  # three customers and the digest of unrouted mail
    for f in files:
        msg = email.message_from_bytes(f.read_bytes())
        assert msg.is_multipart() and msg["Subject"].startswith("[mailsum]")
