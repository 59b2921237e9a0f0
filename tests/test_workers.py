"""Several workers on one PostgreSQL state: 40 mailboxes, 40 customers, one worker SIGKILLed.

Four ``mailsum worker`` processes share a real PostgreSQL database, 40 Dovecot mailboxes of 200
ticket mails each (one customer per mailbox) and 40 customers whose update is due at once. One
worker is killed with SIGKILL mid-run; the others must take over its leases. Afterwards every
message is stored and analysed exactly once, every customer's update reached its contact, and a
resent update (the killed worker may have sent it just before it died) carries the same
Message-ID, at most once per kill.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from pathlib import Path
from types import ModuleType

import pytest
from servers import (
    REPO,
    Dovecot,
    SmtpSink,
    dovecot_available,
    fill_maildir,
    mailsum_cmd,
    write_worker_config,
)

psycopg = pytest.importorskip("psycopg", reason="needs psycopg 3 (pip install -e '.[postgresql]')")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(),
                       reason="needs Debian dovecot-imapd (scripts/test.sh installs it)"),
]

PASSWORD = "w0rker-imap-pw"
BOXES = 40
PER_BOX = 200
WORKERS = 4
KILL_AT = 2_000  # stored messages when one worker gets SIGKILL
KILLS = 1
DONE_TIMEOUT = 240.0
STOP_TIMEOUT = 30.0
_headers = BytesHeaderParser()
PEOPLE = {
    "de": (("Klaus Schmidt", "k.schmidt"), ("Petra Neumann", "p.neumann")),
    "en": (("Oliver Bennett", "oliver.bennett"), ("Amelia Wright", "amelia.wright")),
}


def _generator() -> ModuleType:
    """benchmarks/perf/generate.py, imported by path (benchmarks is no package)."""
    name = "mailsum_perf_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, REPO / "benchmarks" / "perf" / "generate.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class Box:
    """One mailbox = one IMAP source = one Dovecot user, and the one customer it belongs to."""

    n: int
    lang: str
    messages: list[bytes]
    message_ids: list[str]  # without angle brackets

    @property
    def source(self) -> str:
        return f"box{self.n:02d}"

    @property
    def customer(self) -> str:
        return f"kunde{self.n:02d}"

    @property
    def domain(self) -> str:
        return f"kunde{self.n:02d}.example"

    @property
    def tag(self) -> str:
        return f"K{self.n:02d}"

    @property
    def company(self) -> str:
        return f"Kunde {self.n:02d} GmbH"

    @property
    def contact(self) -> str:
        return f"cust-{self.n}@example.test"

    def tickets_in(self, text: str) -> bool:
        """Whether ``text`` shows this customer's mail: its ticket tags or its domain."""
        return bool(re.search(rf"\b{self.tag}-\d+|{re.escape(self.domain)}", text))

    def named_in(self, text: str) -> bool:
        return self.tickets_in(text) or self.company in text


def build_boxes(count: int = BOXES, per_box: int = PER_BOX) -> list[Box]:
    """Seeded ticket threads (German and English) per customer; Message-IDs unique overall."""
    gen = _generator()
    start = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    boxes = []
    for n in range(count):
        lang = "de" if n % 2 == 0 else "en"
        org = gen.Org(f"kunde{n:02d}", lang, f"kunde{n:02d}.example", f"Kunde {n:02d} GmbH",
                      PEOPLE[lang], f"K{n:02d}", 1)
        g = gen.Generator(seed=1_000 + n)
        mails = []
        while len(mails) < per_box:
            when = start + timedelta(minutes=g.rng.randint(0, 40 * 24 * 60))
            mails.extend(g.thread(org, when))
        mails.sort(key=lambda m: m.date)  # cutting the newest keeps every thread's beginning
        data = [m.data for m in mails[:per_box]]
        boxes.append(Box(n, lang, data, [bare_id(_headers.parsebytes(d)["Message-ID"])
                                         for d in data]))
    ids = [mid for box in boxes for mid in box.message_ids]
    assert len(set(ids)) == len(ids) == count * per_box, "generated Message-IDs collide"
    return boxes


def rules_yaml(boxes: list[Box]) -> str:
    """One customer per mailbox, claimed by its sender domain or its ticket tag; due at once.

    The yearly schedule has a tick in the past, which a customer without any update gets at
    once (mailsum.outbound.schedule.due_time), and no further tick during the test: exactly one
    update each. ``quiet_update`` makes it go out even if the worker gets there before the
    mail does.
    """
    out = ["team:\n  domains: [provider.de]\ncustomers:\n"]
    for box in boxes:
        out.append(f"""  - id: {box.customer}
    name: {box.company}
    match:
      - from_domain: {box.domain}
      - subject: '\\[{box.tag}-\\d+\\]'
    contact: {box.contact}
    language: {box.lang}
    schedule: "0 0 1 1 *"
    quiet_update: true
""")
    return "".join(out)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def boxes() -> list[Box]:
    return build_boxes()


@pytest.fixture(scope="module")
def imap(boxes: list[Box]):
    """Dovecot with one user per mailbox, filled straight into the Maildirs."""
    server = Dovecot({box.source: PASSWORD for box in boxes}).start()
    try:
        for box in boxes:
            fill_maildir(server, box.source, "INBOX", box.messages)
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- helpers


class Workers:
    """The ``mailsum worker`` subprocesses; their output goes to one log file each."""

    def __init__(self, cfg: Path, count: int, logs: Path) -> None:
        env = {**os.environ, "MAILSUM_TEST_IMAP_PASSWORD": PASSWORD}
        self.logs = [logs / f"w{i}.log" for i in range(count)]
        self.procs: list[subprocess.Popen[bytes]] = []
        for i, log in enumerate(self.logs):
            with log.open("wb") as out:
                self.procs.append(subprocess.Popen(
                    mailsum_cmd(cfg, "worker", "--interval", "1", "--lease", "5",
                                "--id", f"w{i}"),
                    stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO))
        self.killed: set[int] = set()

    def tails(self, lines: int = 25) -> str:
        parts = []
        for i, log in enumerate(self.logs):
            text = log.read_text(errors="replace").splitlines()[-lines:] if log.exists() else []
            parts.append(f"--- w{i} (exit {self.procs[i].poll()}):\n" + "\n".join(text))
        return "\n".join(parts)

    def check_alive(self) -> None:
        for i, p in enumerate(self.procs):
            if i not in self.killed and p.poll() is not None:
                pytest.fail(f"worker w{i} exited early with {p.returncode}\n{self.tails()}")

    def kill(self, i: int) -> None:
        self.procs[i].send_signal(signal.SIGKILL)
        self.procs[i].wait(10)
        self.killed.add(i)

    def terminate_rest(self, timeout: float) -> dict[int, int | None]:
        """SIGTERM each live worker, then wait up to ``timeout`` s in all; their exit codes."""
        live = {i: p for i, p in enumerate(self.procs) if i not in self.killed}
        for p in live.values():
            p.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        codes: dict[int, int | None] = {}
        for i, p in live.items():
            try:
                codes[i] = p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                codes[i] = None
        return codes

    def cleanup(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait(10)


def progress(conn: psycopg.Connection) -> tuple[int, int, int] | None:
    """(stored messages, analysed messages, customers with a sent update); None before the
    workers have created the schema."""
    try:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM messages),"
            " (SELECT count(*) FROM messages WHERE analyzed = 1),"
            " (SELECT count(DISTINCT customer_id) FROM updates"
            "   WHERE status = 'sent' AND customer_id LIKE %s)", ("kunde%",)).fetchone()
    except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn):
        return None
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


def busy_worker(conn: psycopg.Connection, count: int) -> int:
    """A worker holding a live lease (a source before a customer before the analysis), so
    the kill interrupts real work; worker 1 when the lease table says nothing."""
    try:
        rows = conn.execute("SELECT holder FROM leases WHERE holder IS NOT NULL"
                            " AND expires_at > %s ORDER BY kind DESC", (time.time(),)).fetchall()
    except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn):
        rows = []
    for (holder,) in rows:  # the holder is our --id, perhaps with host or pid appended
        m = re.match(r"w(\d+)(?!\d)", str(holder))
        if m and int(m.group(1)) < count:
            return int(m.group(1))
    return 1


def body_text(msg: Message) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no text/plain part")


def bare_id(message_id: str | None) -> str:
    return (message_id or "").strip().strip("<>")


# --------------------------------------------------------------------------- the test


def test_four_workers_one_killed_process_every_message_and_update_once(
        boxes: list[Box], imap: Dovecot, smtp: SmtpSink, pg_url: str, tmp_path: Path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(rules_yaml(boxes))
    cfg = write_worker_config(tmp_path, pg_url, imap.port, smtp.port,
                              [b.source for b in boxes], rules)
    total = len(boxes) * PER_BOX
    workers = Workers(cfg, WORKERS, tmp_path)
    watch = psycopg.connect(pg_url, autocommit=True)
    started = time.monotonic()
    try:
        # phase 1: let them work, then SIGKILL one in the middle of it
        deadline = time.monotonic() + DONE_TIMEOUT
        state = None
        while True:
            workers.check_alive()
            state = progress(watch)
            if state and state[0] >= KILL_AT:
                break
            if time.monotonic() > deadline:
                pytest.fail(f"never reached {KILL_AT} stored messages: {state}\n"
                            f"{workers.tails()}")
            time.sleep(0.2)
        assert state[0] < total, "everything was stored before the kill; nothing tested"
        victim = busy_worker(watch, WORKERS)
        workers.kill(victim)
        killed_at = state
        kill_seconds = time.monotonic() - started

        # phase 2: the other three finish all of it
        while True:
            workers.check_alive()
            state = progress(watch)
            if state == (total, total, len(boxes)):
                break
            if time.monotonic() > deadline:
                pytest.fail(f"not done after {DONE_TIMEOUT:.0f} s (stored, analysed, customers "
                            f"sent): {state}; killed w{victim} at {killed_at}\n"
                            f"{workers.tails()}")
            time.sleep(0.5)

        done_seconds = time.monotonic() - started
        # phase 3: a graceful stop
        codes = workers.terminate_rest(STOP_TIMEOUT)
        assert codes == {i: 0 for i in codes}, (
            f"SIGTERM should stop every worker with 0 within {STOP_TIMEOUT:.0f} s: {codes}\n"
            f"{workers.tails()}")

        # every message exactly once, from its own mailbox, routed to its own customer
        rows = watch.execute("SELECT message_id, source, customer_id, analyzed FROM messages"
                             ).fetchall()
        stored = Counter(bare_id(r[0]) for r in rows)
        expected = {mid: b for b in boxes for mid in b.message_ids}
        assert len(rows) == total and set(stored) == set(expected)
        assert [mid for mid, n in stored.items() if n > 1] == []
        assert Counter(r[1] for r in rows) == {b.source: PER_BOX for b in boxes}
        wrong = [(r[0], r[1], r[2]) for r in rows
                 if r[1] != expected[bare_id(r[0])].source
                 or r[2] != expected[bare_id(r[0])].customer or r[3] != 1]
        assert wrong[:5] == [], f"{len(wrong)} messages with the wrong source/customer/analysed"
        seen = watch.execute("SELECT source, message_id FROM seen").fetchall()
        assert len(seen) == total
        assert Counter(bare_id(r[1]) for r in seen) == Counter(dict.fromkeys(expected, 1))
        failures = watch.execute("SELECT source, message_id, reason FROM failures").fetchall()
        assert failures == []

        # one update per customer, sent; the sink got each, extra copies only as resends
        updates = watch.execute("SELECT customer_id, status, message_id FROM updates"
                                " WHERE customer_id LIKE %s", ("kunde%",)).fetchall()
        assert sorted(r[0] for r in updates) == sorted(b.customer for b in boxes)
        assert {r[1] for r in updates} == {"sent"}
        sent = {bare_id(r[2]): r[0] for r in updates}
        assert len(sent) == len(boxes) and "" not in sent
        received = smtp.parsed()
        copies = Counter(bare_id(m["Message-ID"]) for m in received)
        assert set(copies) == set(sent), "received updates and sent updates differ"
        assert sum(copies.values()) - len(copies) <= KILLS, f"updates sent twice: {copies}"

        by_customer = {b.customer: b for b in boxes}
        own_mentions = 0
        for (_, rcpts, _), msg in zip(smtp.messages, received, strict=True):
            customer = sent[bare_id(msg["Message-ID"])]
            box = by_customer[customer]
            assert msg["X-Mailsum-Customer"] == customer
            assert [r.lower() for r in rcpts] == [box.contact]
            to = {a.lower() for _, a in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))}
            assert to == {box.contact}
            text = f"{msg['Subject']}\n{body_text(msg)}"
            others = [b.customer for b in boxes if b is not box and b.named_in(text)]
            assert others == [], f"{customer}'s update names other customers: {others}"
            own_mentions += box.tickets_in(body_text(msg))
        # Updates are due at once, so many go out before their mailbox is read (quiet
        # updates); how many showed their own tickets depends on the workers' order of work.
        print(f"\nkilled w{victim} after {kill_seconds:.1f} s at (stored, analysed, sent) = "
              f"{killed_at}; all done after {done_seconds:.1f} s; {len(received)} mails for "
              f"{len(copies)} updates; {own_mentions} of {len(boxes)} show their own tickets")

        # each point an update listed comes from that customer's own mailbox
        foreign = watch.execute(
            "SELECT u.customer_id, m.source FROM updates u"
            " JOIN update_points up ON up.update_id = u.id"
            " JOIN points p ON p.id = up.point_id"
            " JOIN messages m ON m.thread_id = p.thread_id"
            " WHERE u.customer_id LIKE %s", ("kunde%",)).fetchall()
        assert [(c, s) for c, s in foreign if by_customer[c].source != s] == []
    finally:
        watch.close()
        workers.cleanup()
