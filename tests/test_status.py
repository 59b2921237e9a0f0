"""`mailsum status`: gathered from a real state into one value, then rendered as text or JSON.

The gathering runs over a SQLite state a real run wrote; the renderers are checked on a status
built by hand, so each line's wording is pinned without a database.
"""

from __future__ import annotations

import json
import mailbox
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

from mailsum.cli.status import local_time, status_json, status_lines
from mailsum.config.loader import load_config
from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
from mailsum.run.status import (
    COUNTED,
    CustomerStatus,
    HistoryLine,
    PointLine,
    SourceLine,
    Status,
    Undelivered,
    Working,
    gather_status,
)
from mailsum.state.store import StateStore

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)


def _mail(n: int, body: str) -> bytes:
    return (f"From: k.lang@acme-maschinenbau.de\nTo: it-support@provider.de\n"
            f"Subject: [ACME-{n}] Anfrage {n}\nDate: Mon, 23 Nov 2026 09:{n:02d}:00 +0100\n"
            f"Message-ID: <m{n}@x.de>\nContent-Type: text/plain; charset=utf-8\n\n"
            f"{body}\n").encode()


def _config(tmp: Path, messages: list[bytes], *, added: bool = False):
    """A config over a Maildir of ``messages``; ``added``: with a second source, one that
    joined the config after the last run."""
    box = mailbox.Maildir(tmp / "md", create=True)
    for m in messages:
        box.add(m)
    cfg = tmp / "config.yaml"
    later = f"  - {{name: later, kind: maildir, path: {tmp}/md}}\n" if added else ""
    cfg.write_text(textwrap.dedent(f"""\
        state: {tmp}/state.db
        sources:
          - {{name: local, kind: maildir, path: {tmp}/md}}
        """) + later + textwrap.dedent(f"""\
        delivery: {{kind: directory, path: {tmp}/out, from: "Desk <it-support@provider.de>"}}
        rules: {REPO}/rules/
        """))
    return load_config(cfg)


def test_gather_reads_points_updates_sources_and_history_from_the_state(tmp_path):
    config = _config(tmp_path, [
        _mail(1, "Können Sie bitte bis Freitag den Drucker prüfen?"),
        _mail(2, "Der Server ist ausgefallen, wir können nicht arbeiten. Bitte dringend helfen!"),
    ])
    store = StateStore.open(config.state)
    Runner(config, store, CollectingDelivery(), RunOptions(now=NOW)).run()
    store.add_event("acme", None, NOW, "anna.berger@provider.de", "pause", "7d", "<r1@x.de>")
    store.set_customer_state("acme", paused_until=datetime(2026, 12, 4, tzinfo=UTC))

    config = _config(tmp_path, [], added=True)
    everyone = gather_status(config, store, NOW)
    acme = gather_status(config, store, NOW, customer="acme", history=True)

    assert [c.customer for c in everyone.customers] == [c.id for c in config.rules.customers]
    assert all(c.points is None and c.history is None for c in everyone.customers)
    (one,) = acme.customers
    assert one.customer == "acme" and set(one.counts) == set(COUNTED)
    stored = store.points("acme")
    assert one.counts["open"] == sum(p.status == "open" for p in stored) >= 2
    assert one.last_update is not None and one.undelivered == ()
    assert one.paused_until == datetime(2026, 12, 4, tzinfo=UTC)
    assert one.next_update > NOW
    assert one.history == (HistoryLine(NOW, "anna.berger@provider.de", "pause", None, "7d",
                                       "<r1@x.de>"),)
    assert one.points is not None and {p.id for p in one.points} == {
        p.id for p in stored if p.status in ("open", "snoozed")}
    kinds = [p.kind for p in one.points]
    assert kinds == sorted(kinds, key=lambda k: k != "blocker")  # problems first
    assert all(p.thread.startswith("[ACME-") for p in one.points)
    local, later = acme.sources
    assert (local.name, local.polled, local.ok) == ("local", True, True)
    assert (later.name, later.polled) == ("later", False)  # never polled: says so
    assert acme.messages == 2 and acme.parse_failures == 0
    store.close()


def _status(*, polled: bool = True, ok: bool = False, points: bool = True) -> Status:
    berlin = "Europe/Berlin"
    customer = CustomerStatus(
        customer="acme", name="ACME", contact=("anna@acme.de",), timezone=berlin,
        counts={"open": 1, "snoozed": 1, "resolved": 4, "archived": 2, "withdrawn": 0},
        last_update=datetime(2026, 11, 26, 6, 0, tzinfo=UTC),
        next_update=datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
        undelivered=(Undelivered(datetime(2026, 11, 27, 6, 0, tzinfo=UTC), "failed",
                                 "550 mailbox unavailable"),),
        paused_until=None,
        points=(PointLine("p1", "blocker", "snoozed", "Der  VPN-Zugang\n" + "x" * 120, None,
                          date(2026, 11, 30), datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
                          "[ACME-1] VPN", "<m1@x>"),) if points else None,
        history=None,
    )
    source = SourceLine("imap", polled=polled, ok=ok or not polled,
                        last_ok=datetime(2026, 11, 26, 6, 0, tzinfo=UTC) if polled else None,
                        error="login failed" if polled and not ok else None,
                        failing_since=datetime(2026, 11, 27, 5, 0, tzinfo=UTC)
                        if polled and not ok else None)
    return Status(customers=(customer,), sources=(source,), parse_failures=3, messages=40,
                  working=(Working("source", "imap", "host:1", 42),), timezone=berlin)


def test_text_lists_a_customer_its_points_a_failing_source_and_the_leases():
    lines = list(status_lines(_status()))
    assert lines[0].startswith("acme               1 open   1 snoozed   4 resolved  last "
                               "2026-11-26 07:00 CET")
    assert lines[1] == "  update due 2026-11-27 07:00 CET failed: 550 mailbox unavailable"
    assert lines[2] == ("  2 points archived: their mail was older than import_days when "
                        "first read")
    point = lines[3]
    assert point.startswith("  [blocker, due 2026-11-30, snoozed] Der VPN-Zugang xxx")
    assert point.split("\n")[0].endswith("x…")  # cut at 100 characters
    assert point.split("\n")[1] == "      [ACME-1] VPN · raised 2026-11-25 10:00 CET"
    assert lines[4] == ("source imap             FAILING  last good poll 2026-11-26 07:00 CET; "
                        "failing since 2026-11-27 06:00 CET: login failed")
    assert lines[5:] == ["40 messages stored, 3 parse failures (times in Europe/Berlin)",
                         "working: source imap by host:1 (lease ends in 42 s)"]


def test_text_says_when_a_source_was_never_polled():
    lines = list(status_lines(_status(polled=False)))
    assert "source imap             not polled yet" in lines


def test_json_keeps_the_keys_scripts_read():
    data = json.loads(json.dumps(status_json(_status(points=False))))
    (c,) = data["customers"]
    assert list(c) == ["customer", "name", "contact", "timezone", *COUNTED, "last_update",
                       "next_update", "undelivered", "paused_until"]  # no points: not asked
    assert c["undelivered"] == [{"due_at": "2026-11-27T06:00:00+00:00", "status": "failed",
                                 "error": "550 mailbox unavailable"}]
    assert data["sources"] == [{"name": "imap", "ok": False,
                                "last_ok": "2026-11-26T06:00:00+00:00", "error": "login failed",
                                "failing_since": "2026-11-27T05:00:00+00:00", "error_at": None,
                                "polled": True}]
    never = status_json(_status(polled=False))["sources"][0]
    assert "error_at" not in never and never["polled"] is False
    assert data["working"] == [{"kind": "source", "name": "imap", "holder": "host:1",
                                "expires_in_s": 42}]
    assert (data["parse_failures"], data["messages"]) == (3, 40)
    assert status_json(_status())["customers"][0]["points"][0]["due"] == "2026-11-30"


def test_a_time_without_zone_is_read_as_utc():
    assert local_time(datetime(2026, 11, 27, 6, 0), "Europe/Berlin") == "2026-11-27 07:00 CET"
    assert local_time(None, "Europe/Berlin") == "-"
