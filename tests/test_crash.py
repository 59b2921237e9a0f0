"""SIGKILL ``mailsum run`` at many points, rerun, and check that nothing was lost or sent thrice.

Deterministic kill points come from ``mailsum.run.crashpoint`` (``MAILSUM_CRASH_AT`` and
``MAILSUM_CRASH_AFTER``); random ones from a seeded timer. After every kill the same run is
repeated to completion and the invariants of DESIGN.md §7 are checked against the state
(SQLite file, and for the fixed points also PostgreSQL) and what the SMTP server received:
every appended message stored exactly once, every due update received, none received more
than twice, and every duplicate with the same Message-ID.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from servers import (
    REPO,
    Dovecot,
    ScriptedSmtpSink,
    dovecot_available,
    free_port,
    mailsum_cmd,
    message_id_of,
    run_mailsum,
    state_rows,
    stored_message_ids,
    ticket_mails,
    use_state,
    write_mailsum_config,
)

from mailsum.config.loader import load_config
from mailsum.outbound.schedule import due_time

PASSWORD = "crash-imap-pw-31337"
ENV = {**os.environ, "MAILSUM_TEST_IMAP_PASSWORD": PASSWORD}
SEED = 20261127
KILL_POINTS = [  # (crashpoint name, hit number); each must be reached with 12 new mails
    ("after-fetch", 1), ("after-fetch", 3),
    ("before-batch-commit", 1), ("before-batch-commit", 2),
    ("after-batch-commit", 1), ("after-batch-commit", 3),
    ("during-analyze", 1), ("during-analyze", 4),
    ("after-render", 1), ("after-render", 2),
    ("after-outbox-commit", 1), ("after-outbox-commit", 2),
    ("after-smtp-accept", 1), ("after-smtp-accept", 2),
    ("after-mark-sent", 1),
]
RANDOM_KILLS = 20

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(), reason="needs Debian dovecot-imapd"),
]


class Lane:
    """One state file, one folder, one SMTP sink; runs happen one weekday after another."""

    def __init__(self, dovecot: Dovecot, tmp: Path, name: str, state: str | None = None
                 ) -> None:
        self.dovecot, self.name = dovecot, name
        self.folder = f"Crash{name}{free_port()}"
        self.sink = ScriptedSmtpSink().start()
        tmp.mkdir()
        self.cfg = write_mailsum_config(tmp, dovecot.port, self.sink.port, self.folder,
                                        source_extra="    batch_size: 4")
        self.db: Path | str = tmp / "mailsum.db"
        if state:  # a PostgreSQL URL instead of the SQLite file
            self.db = state
            use_state(self.cfg, state)
        self.appended: list[str] = []
        self.day = date(2026, 11, 30)  # a Monday
        self.kills = 0
        self.duplicates = 0
        self.steps = 0
        self.import_time = 0.0  # seconds until mailsum has imported its stages
        self.run_time = 0.0  # seconds of the first, clean run
        config = load_config(self.cfg)
        self.schedules = {c.id: (c.schedule, c.timezone or config.timezone)
                          for c in config.rules.customers}

    def new_mail(self, count: int = 12) -> None:
        mails = ticket_mails(count, f"{self.name}-{self.steps}")
        self.dovecot.append("support", mails, folder=self.folder)
        self.appended += [message_id_of(m) for m in mails]

    def next_now(self) -> str:
        self.day += timedelta(days=1)
        while self.day.weekday() >= 5:
            self.day += timedelta(days=1)
        return f"{self.day.isoformat()}T09:00:00+01:00"

    def step(self, kill: tuple[str, int] | float | None, complete: bool = True) -> bool:
        """New mail, one run killed as asked, one run to completion, then the checks.

        A float kill is a fraction of a clean run's duration after which SIGKILL comes; with
        ``complete=False`` the next kill lands on a state that was never repaired.
        """
        self.steps += 1
        self.new_mail()
        now = self.next_now()
        killed = False
        if isinstance(kill, tuple):
            point, hit = kill
            out = run_mailsum(self.cfg, "run", "--now", now,
                              env={**ENV, "MAILSUM_CRASH_AT": point,
                                   "MAILSUM_CRASH_AFTER": str(hit)})
            killed = out.returncode == -signal.SIGKILL
            assert killed, f"{point}#{hit} was not reached: {out.returncode} {out.stderr[-500:]}"
        elif isinstance(kill, float):
            proc = subprocess.Popen(mailsum_cmd(self.cfg, "run", "--now", now), env=ENV,
                                    cwd=REPO, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            # the run's own work after its imports is short (a fraction of a second for 12
            # mails): a floor longer than it would let most kills come after the run ended
            work = max(self.run_time - self.import_time, 0.05)
            time.sleep(self.import_time + kill * 1.1 * work)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed = True
            proc.wait(timeout=60)
        self.kills += killed
        if not complete:
            return killed
        started = time.monotonic()
        done = run_mailsum(self.cfg, "run", "--now", now, env=ENV)
        assert done.returncode == 0, f"after {kill}: {done.stderr[-2000:]}"
        self.run_time = self.run_time or time.monotonic() - started
        self.check(now, kill)
        return killed

    def check(self, now: str, kill: object) -> None:
        stored = stored_ids(self.db)
        assert len(stored) == len(set(stored)), f"stored twice after {kill}"
        assert sorted(stored) == sorted(self.appended), f"lost or extra messages after {kill}"
        rows = rows_of(self.db, "SELECT customer_id, due_at, status, message_id FROM updates")
        assert len({(c, d) for c, d, _, _ in rows}) == len(rows), "two updates for one due time"
        assert not [r for r in rows if r[2] == "pending"], f"update left pending after {kill}"
        received = Counter(str(message_from_bytes(d)["Message-ID"]).strip()
                           for _, _, d in self.sink.messages)
        known = {m for _, _, _, m in rows if m}
        assert set(received) <= known, f"an update the state does not know after {kill}"
        for customer, due, status, message_id in rows:
            if status == "sent":
                assert 1 <= received[message_id] <= 2, (customer, due, received[message_id], kill)
        self.duplicates = sum(n - 1 for n in received.values())
        moment = datetime.fromisoformat(now)
        for customer, (cron, tz) in self.schedules.items():
            dues = [datetime.fromisoformat(d) for cid, d, _, _ in rows if cid == customer]
            assert dues and due_time(cron, tz, max(dues), moment) is None, \
                f"{customer}: a due update is missing after {kill}"

    def close(self) -> None:
        self.sink.stop()


def stored_ids(db: Path | str) -> list[str]:
    return [r[0] for r in rows_of(db, "SELECT message_id FROM messages")] \
        if isinstance(db, str) else stored_message_ids(db)


def rows_of(db: Path | str, sql: str) -> list[tuple]:
    if isinstance(db, Path):
        return state_rows(db, sql)
    import psycopg

    with psycopg.connect(db) as conn:
        try:
            return [tuple(r) for r in conn.execute(sql)]
        except psycopg.errors.UndefinedTable:  # killed before the first migration
            return []


def run_lanes(dovecot: Dovecot, tmp: Path, plans: list[list[tuple]],
              states: list[str | None] | None = None) -> list[Lane]:
    """Two lanes side by side (the machine has two cores); each plan is [(kill, complete)]."""
    states = states or [None] * len(plans)
    lanes = [Lane(dovecot, tmp / f"lane{i}", f"L{i}", states[i]) for i in range(len(plans))]
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", "import mailsum.run.runner"], cwd=REPO, check=True)
    for lane in lanes:
        lane.import_time = time.monotonic() - start
    try:
        for lane in lanes:
            lane.step(None)  # a first, clean run: every later run is incremental
        with ThreadPoolExecutor(len(lanes)) as pool:
            futures = [pool.submit(lambda ln=lane, p=plan: [ln.step(*k) for k in p])
                       for lane, plan in zip(lanes, plans, strict=True)]
            for f in futures:
                f.result()
    finally:
        for lane in lanes:
            lane.close()
    return lanes


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sigkill_at_every_crash_point_loses_nothing(dovecot, tmp_path, monkeypatch, backend,
                                                    request):
    monkeypatch.setenv("MAILSUM_TEST_IMAP_PASSWORD", PASSWORD)
    plans = [[(k, True) for k in KILL_POINTS[i::2]] for i in (0, 1)]
    states: list[str | None] = [None, None]
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        states = [server.create_database(f"crash_lane{i}_{free_port()}") for i in (0, 1)]
    lanes = run_lanes(dovecot, tmp_path, plans, states)
    kills = sum(lane.kills for lane in lanes)
    assert kills == len(KILL_POINTS)
    dupes = sum(lane.duplicates for lane in lanes)
    print(f"\ncrash points: {kills} kills survived, duplicates received: {dupes}")
    # a kill after SMTP accepted but before the outbox said so re-sends that one update
    assert dupes >= 1


def test_sigkill_at_random_times_loses_nothing(dovecot, tmp_path, monkeypatch):
    monkeypatch.setenv("MAILSUM_TEST_IMAP_PASSWORD", PASSWORD)
    rng = random.Random(SEED)
    # kill somewhere in a run's work (after the imports), repairing only every third kill
    fractions = [rng.uniform(0.0, 1.0) for _ in range(RANDOM_KILLS)]
    plans = [[(f, n % 3 == 2 or n == RANDOM_KILLS // 2 - 1)
              for n, f in enumerate(fractions[i::2])] for i in (0, 1)]
    lanes = run_lanes(dovecot, tmp_path, plans)
    kills = sum(lane.kills for lane in lanes)
    dupes = sum(lane.duplicates for lane in lanes)
    print(f"\nrandom kills: {kills} of {RANDOM_KILLS} runs killed, duplicates: {dupes}")
    assert kills >= RANDOM_KILLS // 2


@pytest.mark.parametrize(("at", "after", "printed", "killed"), [
    ("", "", "abb", False),  # unset: no effect
    ("b", "", "a", True),  # first hit of b
    ("b", "2", "ab", True),  # second hit of b
    ("c", "", "abb", False),  # a point never reached
])
def test_crashpoint_kills_at_the_named_hit(at, after, printed, killed):
    code = ("from mailsum.run.crashpoint import crashpoint\n"
            "for name in 'abb':\n"
            "    crashpoint(name)\n"
            "    print(name, end='', flush=True)\n")
    env = {**os.environ, "MAILSUM_CRASH_AT": at, "MAILSUM_CRASH_AFTER": after}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=REPO)
    assert out.stdout == printed
    assert (out.returncode == -signal.SIGKILL) is killed
