"""Reply commands end to end: update out over SMTP, the contact's reply into Dovecot, run again.

Hostile replies must change nothing and get no answer; good ones change the state, get an
answer listing exactly what changed, and show in the next update.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from email.message import Message
from pathlib import Path

import pytest
from servers import Dovecot, SmtpSink, dovecot_available, free_port
from test_e2e import PASSWORD, body_text, mailsum, sample_messages, write_config

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(), reason="needs Debian dovecot-imapd"),
]

T0 = "2026-11-27T07:30:00+01:00"


@pytest.fixture
def world(dovecot, tmp_path):
    """Sample mailbox polled and the first updates sent; returns helpers for one test."""
    smtp = SmtpSink().start()
    folder = f"rp{free_port()}"
    dovecot.append("support", sample_messages(), folder=folder)
    cfg = write_config(tmp_path, dovecot.port, smtp.port)
    cfg.write_text(cfg.read_text().replace("folders: [INBOX]", f"folders: [{folder}]"))
    first = mailsum(cfg, "run", "--now", T0)
    assert first.returncode == 0, first.stderr
    updates = {m["X-Mailsum-Customer"]: m for m in smtp.parsed()}
    yield World(dovecot, smtp, cfg, folder, updates, tmp_path)
    smtp.stop()


class World:
    def __init__(self, dovecot: Dovecot, smtp: SmtpSink, cfg: Path, folder: str,
                 updates: dict[str, Message], tmp: Path) -> None:
        self.dovecot, self.smtp, self.cfg, self.folder = dovecot, smtp, cfg, folder
        self.updates, self.tmp = updates, tmp
        self.seen = len(smtp.messages)

    def reply(self, customer: str, sender: str, body: str, *, extra: str = "",
              in_reply_to: str | None = None, html: bool = False, name: str = "r") -> str:
        update = self.updates[customer]
        mid = f"<{name}.{free_port()}@client.example>"
        parent = in_reply_to or update["Message-ID"]
        ctype = "text/html" if html else "text/plain"
        raw = (f"From: {sender}\r\nTo: it-support@provider.de\r\n"
               f"Subject: AW: {update['Subject']}\r\nDate: Fri, 27 Nov 2026 09:00:00 +0100\r\n"
               f"Message-ID: {mid}\r\nIn-Reply-To: {parent}\r\nReferences: {parent}\r\n"
               f"{extra}Content-Type: {ctype}; charset=utf-8\r\n\r\n{body}\r\n")
        self.dovecot.append("support", [raw.encode()], folder=self.folder)
        return mid

    def run(self, *args: str, now: str = "2026-11-27T09:30:00+01:00"):
        out = mailsum(self.cfg, "run", "--now", now, *args)
        assert out.returncode == 0, out.stderr
        fresh = self.smtp.parsed()[self.seen:]
        self.seen = len(self.smtp.messages)
        return fresh

    def points(self, customer: str) -> dict[str, tuple[str, str]]:
        with sqlite3.connect(self.tmp / "mailsum.db") as db:
            return {r[0]: (r[1], r[2]) for r in db.execute(
                "SELECT id, status, owner FROM points WHERE customer_id=?", (customer,))}

    def numbers(self, customer: str) -> dict[int, str]:
        with sqlite3.connect(self.tmp / "mailsum.db") as db:
            return dict(db.execute(
                "SELECT p.number, p.point_id FROM update_points p JOIN updates u "
                "ON u.id = p.update_id WHERE u.message_id=?",
                (self.updates[customer]["Message-ID"],)))


def answers(mails: list[Message]) -> list[Message]:
    return [m for m in mails if m["X-Mailsum-Reply"]]


def test_german_commands_apply_and_are_answered_and_shown_next_time(world):
    nums = world.numbers("acme")
    before = world.points("acme")
    # point 2 must change hands (Lukas owns the VPN ticket, not the new colleagues' one)
    assert before[nums[2]][1] != "lukas.schmidt@provider.de"
    world.reply("acme", "Anna Berger <anna.berger@provider.de>",
                "Hallo,\r\n\r\nerledigt 1\r\nzuständig 2 lukas.schmidt@provider.de\r\n"
                "notiz 2 Kunde ruft morgen an\r\n\r\nViele Grüße\r\nAnna\r\n\r\n"
                "-----Ursprüngliche Nachricht-----\r\nVon: Service Desk\r\nerledigt 2\r\n")
    mails = world.run()
    (answer,) = answers(mails)
    assert answer["To"] == "anna.berger@provider.de"
    text = body_text(answer)
    assert "1" in text and "lukas.schmidt@provider.de" in text
    after = world.points("acme")
    assert after[nums[1]][0] == "resolved"
    assert after[nums[2]][1] == "lukas.schmidt@provider.de"
    assert after[nums[2]][0] == before[nums[2]][0] != "resolved"  # the quoted "erledigt 2"
    # did nothing
    history = mailsum(world.cfg, "status", "acme", "--history", "--format", "json")
    events = json.loads(history.stdout)["customers"][0]["history"]
    assert {e["action"] for e in events} == {"done", "owner", "note"}
    assert all(e["by"] == "anna.berger@provider.de" for e in events)
    # the next update lists the owner change and no longer shows point 1 as open
    nxt = mailsum(world.cfg, "send", "acme", "--format", "json",
                  "--now", "2026-11-27T10:00:00+01:00")
    assert nxt.returncode == 0, nxt.stderr
    (upd,) = json.loads(nxt.stdout)["updates"]
    assert nums[1] not in [p["id"] for p in upd["points"]]
    assert nums[1] in [r["id"] for r in upd["resolved"]]
    assert any(c["id"] == nums[2] and c["to"] == "lukas.schmidt@provider.de"
               for c in upd["owner_changes"])


def test_english_commands_and_update_now(world):
    nums = world.numbers("brightline")
    world.reply("brightline", "emma.clarke@provider.de", f"done {min(nums)}\r\nupdate\r\n")
    mails = world.run()
    assert len(answers(mails)) == 1
    fresh = [m for m in mails if m["X-Mailsum-Customer"] == "brightline"]
    assert len(fresh) == 1  # "update" sent a fresh update in the same run
    assert world.points("brightline")[nums[min(nums)]][0] == "resolved"


def test_one_bad_line_applies_nothing_and_names_the_line(world):
    nums = world.numbers("acme")
    before = world.points("acme")
    world.reply("acme", "anna.berger@provider.de",
                "erledigt 1\r\nzuständig 2 jemand@evil.example\r\n")
    (answer,) = answers(world.run())
    text = body_text(answer)
    assert "2" in text and "evil.example" in text
    assert world.points("acme") == before
    assert nums  # the update had points to refer to


def test_hostile_replies_change_nothing_and_get_no_answer(world):
    before = {c: world.points(c) for c in ("acme", "brightline", "stadtwerke")}
    acme_id = world.updates["acme"]["Message-ID"]
    forged = acme_id.replace("mailsum.acme.", "mailsum.acme.1").replace(">", "0>")
    cases = [
        ("forged From", "acme", "mallory@evil.example", "erledigt 1", "", None),
        ("contact of another customer", "brightline", "anna.berger@provider.de", "done 1", "",
         None),
        ("broken HMAC", "acme", "anna.berger@provider.de", "erledigt 1", "", forged),
        ("out-of-office", "acme", "anna.berger@provider.de",
         "Ich bin bis 30.11. nicht im Büro. erledigt 1", "Auto-Submitted: auto-replied\r\n",
         None),
        ("our own address", "acme", "it-support@provider.de", "erledigt 1", "", None),
        ("marker header", "acme", "anna.berger@provider.de", "erledigt 1",
         "X-Mailsum-Reply: x\r\n", None),
        ("mailing list", "acme", "anna.berger@provider.de", "erledigt 1",
         "List-Id: <ops.provider.de>\r\nPrecedence: list\r\n", None),
    ]
    for label, customer, sender, body, extra, parent in cases:
        world.reply(customer, sender, body, extra=extra, in_reply_to=parent,
                    name=label.replace(" ", "-"))
    mails = world.run()
    assert answers(mails) == []
    assert {c: world.points(c) for c in before} == before
    with sqlite3.connect(world.tmp / "mailsum.db") as db:
        refused = db.execute("SELECT count(*) FROM replies WHERE accepted=0").fetchone()[0]
        as_points = db.execute("SELECT count(*) FROM points WHERE message_id LIKE "
                               "'%client.example>'").fetchone()[0]
    # the broken HMAC is no reply of ours: read as customer mail (issue 19), not refused
    assert refused == len(cases) - 1
    assert as_points == 0  # replies never become customer points


def test_replayed_reply_after_max_age_is_ignored(world):
    before = world.points("acme")
    world.reply("acme", "anna.berger@provider.de", "erledigt 1")
    mails = world.run(now="2027-02-01T09:00:00+01:00")
    assert answers(mails) == []
    assert all(world.points("acme")[k][0] == v[0] for k, v in before.items())


def test_html_only_outlook_reply(world):
    nums = world.numbers("acme")
    html = ("<html><body><div>erledigt&nbsp;1</div><div><br></div><div>Gruß Anna</div>"
            "<div style='border-top:solid #E1E1E1 1.0pt'><p><b>Von:</b> Service Desk<br>"
            "<b>Gesendet:</b> Freitag, 27. November 2026 07:30</p></div>"
            "<div>erledigt 2</div></body></html>")
    world.reply("acme", "anna.berger@provider.de", html, html=True)
    assert len(answers(world.run())) == 1
    pts = world.points("acme")
    assert pts[nums[1]][0] == "resolved" and pts[nums[2]][0] != "resolved"


def test_pause_holds_scheduled_updates(world):
    world.reply("acme", "anna.berger@provider.de", "pause 14d")
    world.run()
    later = world.run(now="2026-11-30T07:05:00+01:00")
    assert [m for m in later if m["X-Mailsum-Customer"] == "acme"] == []
    env = {**os.environ, "MAILSUM_TEST_IMAP_PASSWORD": PASSWORD}
    status = subprocess.run([sys.executable, "-m", "mailsum", "--config", str(world.cfg),
                             "status", "acme"], capture_output=True, text=True, env=env)
    assert "paused until" in status.stdout


# ------------------------------------------------------------------ issue 19


def test_a_replayed_reply_with_a_new_message_id_is_not_applied_again(world):
    nums = world.numbers("acme")
    world.reply("acme", "anna.berger@provider.de", "erledigt 1", name="first")
    assert len(answers(world.run())) == 1
    assert world.points("acme")[nums[1]][0] == "resolved"
    world.reply("acme", "anna.berger@provider.de", "wieder offen 1", name="reopen")
    world.run(now="2026-11-27T09:40:00+01:00")
    assert world.points("acme")[nums[1]][0] == "open"
    # the first reply again, byte for byte but for a new Message-ID
    world.reply("acme", "anna.berger@provider.de", "erledigt 1", name="replay")
    assert answers(world.run(now="2026-11-27T09:50:00+01:00")) == []
    assert world.points("acme")[nums[1]][0] == "open"


def test_a_command_hidden_with_display_none_is_not_applied(world):
    nums = world.numbers("acme")
    html = ("<html><body><div>erledigt 1</div>"
            "<div style='display:none'>erledigt 2</div><div>Gruß Anna</div></body></html>")
    world.reply("acme", "anna.berger@provider.de", html, html=True)
    assert len(answers(world.run())) == 1
    pts = world.points("acme")
    assert pts[nums[1]][0] == "resolved" and pts[nums[2]][0] != "resolved"


def test_ten_thousand_bad_command_lines_get_a_short_answer(world):
    before = world.points("acme")
    world.reply("acme", "anna.berger@provider.de",
                "\r\n".join(f"quatsch {n} blubb" for n in range(10_000)))
    (answer,) = answers(world.run())
    assert len(answer.as_bytes()) < 30_000  # was 2.25 MB
    assert "9980" in body_text(answer)  # "… und 9980 weitere Zeilen"
    assert world.points("acme") == before


def test_customer_mail_that_only_looks_like_a_reply_is_read_as_customer_mail(world):
    """Issue 19: an In-Reply-To shaped like one of our updates, with a failing HMAC, was lost
    as a 'refused reply'; it is the customer's mail and raises its points."""
    acme_id = world.updates["acme"]["Message-ID"]
    forged = acme_id.replace("mailsum.acme.", "mailsum.acme.1").replace(">", "0>")
    mid = world.reply("acme", "k.lang@acme-maschinenbau.de",
                      "Können Sie bitte bis Freitag den Scanner im Lager prüfen?",
                      in_reply_to=forged, name="customer")
    assert answers(world.run()) == []
    with sqlite3.connect(world.tmp / "mailsum.db") as db:
        assert db.execute("SELECT count(*) FROM replies WHERE message_id=?",
                          (mid,)).fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM points WHERE message_id=?",
                          (mid,)).fetchone()[0] == 1
