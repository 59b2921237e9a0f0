"""Issue 19: no single message from anyone can stop, flood, hang or steer a run.

Each test feeds the exact hostile input the issue describes. Bounds on work are asserted as
counts or as generous subprocess timeouts, never as tight timings.
"""

from __future__ import annotations

import mailbox
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

from builders import ticket_mail

from mailsum.config.loader import load_config
from mailsum.extract.dates import local_date, parse_due
from mailsum.parse.message import parse_message
from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
from mailsum.state.store import StateStore

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)


def mail(n: int, body: str = "", sender: str = "k.lang@acme-maschinenbau.de",
         date_header: str | None = None, subject: str | None = None,
         extra: str = "") -> bytes:
    return ticket_mail(n, sender=sender, subject=subject, date=date_header, extra=extra,
                       body=body)


def other_customer_mail() -> bytes:
    """A mail of another customer (Stadtwerke Talheim), whose update must still be written."""
    return (b"From: s.weber@stadtwerke-talheim.de\nTo: it-support@provider.de\n"
            b"Subject: VPN\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n"
            b"Message-ID: <swt77@stadtwerke-talheim.de>\n\n"
            b"K\xc3\xb6nnen Sie bitte bis Freitag den VPN-Zugang pr\xc3\xbcfen?\n")


def setup(tmp: Path, messages: list[bytes], kind: str = "maildir", extra: str = "",
          max_bytes: int = 100_000):
    tmp.mkdir(parents=True, exist_ok=True)
    if kind == "maildir":
        box: mailbox.Mailbox = mailbox.Maildir(tmp / "md", create=True)
        where = f"{tmp}/md"
    else:
        box = mailbox.mbox(tmp / "box.mbox", create=True)
        where = f"{tmp}/box.mbox"
    for m in messages:
        box.add(m)
    box.flush()
    cfg = tmp / "config.yaml"
    cfg.write_text(textwrap.dedent(f"""\
        state: {tmp}/state.db
        sources:
          - {{name: local, kind: {kind}, path: {where}, max_message_bytes: {max_bytes}}}
        delivery: {{kind: directory, path: {tmp}/out, from: "Desk <it-support@provider.de>"}}
        rules: {REPO}/rules/
        """) + extra)
    return load_config(cfg)


def run(config, *, now=NOW, **kw):
    store = StateStore.open(config.state)
    delivery = CollectingDelivery()
    report = Runner(config, store, delivery, RunOptions(now=now, **kw)).run()
    return report, store, delivery


# ------------------------------------------------------------------ 1. dates at the edge


def test_a_relative_deadline_in_mail_dated_year_9999_does_not_raise() -> None:
    sent = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert local_date(sent) == date(9999, 12, 31)
    assert parse_due("Bitte bis Freitag erledigen.", sent, "de") is None
    assert parse_due("Bitte in 3 Wochen, spätestens KW 52.", sent, "de") is None
    assert parse_due("Bis Freitag bitte.", datetime(1, 1, 1, tzinfo=UTC), "de") is None


def test_a_date_out_of_the_sane_window_is_set_aside_with_a_defect() -> None:
    msg = parse_message(mail(1, date_header="Fri, 31 Dec 9999 23:59:59 +0000"))
    assert msg.date.year < 9999
    assert any("out of range" in d for d in msg.defects)
    old = parse_message(mail(2, date_header="Mon, 1 Jan 1900 00:00:00 +0000"))
    assert any("out of range" in d for d in old.defects)


def test_mail_dated_9999_stops_no_run_and_every_customer_is_served(tmp_path) -> None:
    hostile = mail(1, "Bitte bis Freitag prüfen.", date_header="Fri, 31 Dec 9999 23:59:59 +0000")
    config = setup(tmp_path, [hostile, mail(2), other_customer_mail()])
    report, store, delivery = run(config)
    assert report.exit_code in (0, 1)
    sent_to = {c for m in delivery.sent for c in m.recipients}
    assert {"jonas.keller@provider.de", "anna.berger@provider.de"} <= sent_to
    again, *_ = run(config, now=NOW.replace(day=28))  # and the next run is as healthy
    assert again.exit_code in (0, 1)


# ------------------------------------------------------------------ 4. sizes for every source


def test_max_message_bytes_holds_for_maildir_and_mbox(tmp_path) -> None:
    big = mail(1, "bitte pruefen. " * 75_000)  # 1.1 MB against a 100 kB limit
    assert len(big) > 1_100_000
    for kind in ("maildir", "mbox"):
        config = setup(tmp_path / kind, [big, mail(2)], kind=kind)
        report, store, _ = run(config, send=False)
        assert report.stored == 1, kind
        (failure,) = report.failures
        assert "exceeds max_message_bytes" in failure["reason"], kind
        assert failure["message_id"] == "<m1@x.de>"
        again, *_ = run(config, send=False)  # recorded once, not retried every run
        assert again.failures == [] and again.stored == 0


# ------------------------------------------------------------------ 2. points per message


def test_one_message_raises_at_most_max_points_per_message(tmp_path) -> None:
    lines = "\n".join(f"Zeile {n}: bitte pruefen." for n in range(100_000))
    flood = mail(1, "Hallo,\n" + lines)
    assert len(flood) > 2_500_000
    config = setup(tmp_path, [flood, mail(2), other_customer_mail()],
                   extra="max_points_per_message: 40\n", max_bytes=25_000_000)
    report, store, delivery = run(config, send=False)
    raised = store.conn.execute(
        "SELECT message_id, COUNT(*) FROM points GROUP BY message_id").fetchall()
    counts = dict(raised)
    # the 100,000 asks of one mail are one matter (extract.tickets); the cap stays the guard
    # for what consolidation leaves (cap_points below), and the other mail is read as usual
    assert 1 <= counts["<m1@x.de>"] <= 40 and counts["<m2@x.de>"] >= 1
    capped = [f for f in report.failures if f["message_id"] == "<m1@x.de>"]
    assert all("kept the first 40" in f["reason"] for f in capped)


def test_cap_points_keeps_the_first_of_each_message() -> None:
    from mailsum.models import Point
    from mailsum.run.runner import cap_points

    def point(n: int, mid: str) -> Point:
        return Point(id=f"{mid}{n}", kind="request", text=f"p{n}", message_id=mid,
                     raised_by="a@b", raised_at=NOW, owner=None)

    points = [point(n, "<a>") for n in range(5)] + [point(n, "<b>") for n in range(2)]
    kept, capped = cap_points(points, 3)
    assert [p.id for p in kept] == ["<a>0", "<a>1", "<a>2", "<b>0", "<b>1"]
    assert capped == {"<a>": (5, 3)}


# ------------------------------------------------------------------ 3. time budget


def test_the_time_budget_interrupts_even_a_backtracking_regex() -> None:
    import re

    import pytest

    from mailsum.run.runner import OverBudget, time_budget

    with pytest.raises(OverBudget), time_budget(0.3):
        re.match(r"(a+)+$", "a" * 60 + "!")  # would take longer than the universe


def test_a_message_over_its_budget_is_a_failure_and_the_run_goes_on(tmp_path,
                                                                      monkeypatch) -> None:
    from mailsum.extract import points

    real = points.extract_thread

    def slow_for_m1(t, members, **kw):
        if any(m.message_id == "<m1@x.de>" for m in members):
            while True:  # stands for any pathological input we have not thought of
                pass
        return real(t, members, **kw)

    monkeypatch.setattr(points, "extract_thread", slow_for_m1)
    config = setup(tmp_path, [mail(1), other_customer_mail()], extra="message_seconds: 1\n")
    report, store, delivery = run(config)
    (failure,) = report.failures
    assert failure["message_id"] == "<m1@x.de>" and "time budget" in failure["reason"]
    assert "jonas.keller@provider.de" in {c for m in delivery.sent for c in m.recipients}
    again, *_ = run(config, now=NOW.replace(day=28))  # analysed once: not again and again
    assert again.failures == []


# ------------------------------------------------------------------ 9-11. real-world mail


def test_an_encoded_display_name_with_a_comma_keeps_the_address() -> None:
    raw = (b"From: =?utf-8?B?TcO8bGxlciwgQmVybmQ=?= <Bernd.Mueller@example.com>\n"
           b"To: =?utf-8?B?TcO8bGxlciwgQmVybmQ=?= <b@example.com>, c@example.com\n"
           b"Subject: x\nMessage-ID: <a@b>\n\nhi\n")
    msg = parse_message(raw)
    assert (msg.from_name, msg.from_addr) == ("Müller, Bernd", "bernd.mueller@example.com")
    assert msg.to == ["b@example.com", "c@example.com"]


def test_of_two_from_lines_the_one_with_an_address_wins() -> None:
    raw = (b"From: [??????]\nReply-To: reghk@qq.com\n"
           b"From: =?utf-8?B?6YO955C5?= <ghgbwum@185.com.cn>\nSubject: x\n\nhi\n")
    msg = parse_message(raw)
    assert msg.from_addr == "ghgbwum@185.com.cn" and msg.from_name == "都琹"
    assert "2 From headers" in msg.defects


def test_a_banner_line_above_the_headers_is_skipped() -> None:
    raw = (b"---- Original email message ----\nReturn-Path: x@mail.example.cz\n"
           b"Received: from mail.example.cz ([10.0.0.1])\nby mail.example.cz with ESMTP\n"
           b"To: helpdesk@example.cz\nSubject: Contact from Server\nFrom: y@example.cz\n\n"
           b"Contact form\n")
    msg = parse_message(raw)
    assert (msg.from_addr, msg.subject, msg.text) == (
        "y@example.cz", "Contact from Server", "Contact form")


def test_charsets_as_they_are_meant() -> None:
    gb = parse_message(b"From: a@b\nSubject: =?GB2312?B?g8iRqsGmrmHJ+tPr16LL3Lmk0tXM9bz+"
                       b"1q685LXEudjPtaO7?=\n\nhi\n")
    assert gb.subject == "內應力產生与注塑工艺条件之间的关系；"  # GB2312 that is really GBK
    raw_gbk = "转发：整体提升企业服务水平".encode("gbk")
    assert parse_message(b"From: a@b\nSubject: " + raw_gbk + b"\n\nhi\n").subject == \
        "转发：整体提升企业服务水平"  # undeclared 8-bit header, guessed
    nec = parse_message(b"From: a@b\nSubject: x\nContent-Type: text/plain; charset=ISO-2022-JP"
                        b"\n\n\x1b$B-!#1ET#38)$N\x1b(B" + b"\n")
    assert nec.text.startswith("①１都３県")  # ISO-2022-JP with an NEC extension character
    undeclared = parse_message(b"From: a@b\nSubject: x\nContent-Type: text/plain;\n\n"
                               + "これはテストメールです".encode("iso2022_jp") + b"\n")
    assert undeclared.text == "これはテストメールです"
    latin = parse_message(b"From: a@b\nSubject: Gr\xfc\xdfe\n\nhi\n")
    assert latin.subject == "Grüße"  # Western 8-bit stays Windows-1252


# ------------------------------------------------------------------ 8. the minor items


def test_bidi_overrides_never_reach_an_update() -> None:
    msg = parse_message("From: =?utf-8?Q?Eve_=E2=80=AE?= <e@x.example>\nSubject: Rechnung "
                        "\u202efdp.exe\n\nBitte \u2066\u202eöffnen\u2069 Sie das.\n".encode())
    for text in (msg.subject, msg.from_name, msg.text, msg.own_text):
        assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text)
    assert msg.subject == "Rechnung fdp.exe"


def test_a_100_kb_subject_is_cut_once_to_a_sane_length() -> None:
    msg = parse_message(b"From: a@b.example\nSubject: " + b"A" * 100_000 + b"\n\nhi\n")
    assert len(msg.subject) == 300 and msg.subject.endswith("…")
    assert any("cut to 300" in d for d in msg.defects)


def test_a_nul_byte_in_a_header_does_not_reject_the_mail() -> None:
    msg = parse_message(b"From: a@b.example\nSubject: Dru\x00cker\nMessage-ID: <n@x>\n\nhi\n")
    assert msg.subject == "Drucker" and msg.from_addr == "a@b.example"
    assert "NUL bytes in the header, dropped" in msg.defects


def test_a_second_different_mail_with_a_known_message_id_is_recorded(tmp_path) -> None:
    first = mail(1)
    copy = first.replace(b"From:", b"Delivered-To: x@provider.de\nFrom:")  # same mail again
    other = mail(1, "Bitte das Gegenteil tun: nichts prüfen.")  # same Message-ID, other mail
    config = setup(tmp_path, [first, copy, other])
    report, *_ = run(config, send=False)
    assert report.stored == 1 and report.duplicates == 2
    (failure,) = report.failures
    assert failure["message_id"] == "<m1@x.de>" and "different mail" in failure["reason"]
