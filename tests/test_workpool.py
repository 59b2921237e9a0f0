"""Worker processes for big polls: same results as one process, nothing left behind on a kill.

The pool (mailsum/run/workpool.py) only decides where parsing and extraction run; these tests hold
it to that: a parallel first poll writes exactly the state a one-process poll writes (SQLite
rows compared table by table, on a local Maildir and over a real Dovecot), a worker that dies
costs nothing but the pool, and a SIGKILLed run leaves no worker process holding its lock.
"""

from __future__ import annotations

import mailbox
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers import dovecot_available, fill_maildir, mailsum_cmd, write_mailsum_config

from mailsum.config.loader import load_config
from mailsum.run import workpool
from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
from mailsum.run.workpool import WorkPool
from mailsum.state.store import StateStore

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks" / "perf"))
from generate import generate  # noqa: E402  (seeded ticket mail: threads, quoting, de/en)

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
PASSWORD = "pool-imap-pw-4711"
BROKEN = b"\x00\x01garbage"  # no headers at all: recorded as a failure, the run goes on


# --------------------------------------------------------------------------- the pool itself


def _pid(x: int) -> tuple[int, int]:
    return x, os.getpid()


def _die_in_a_worker(parent: int, x: int) -> int:
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * 10


def test_a_small_run_never_starts_a_worker():
    with WorkPool(jobs=2, start_after=50) as pool:
        results = [pool.submit(_pid, i).result() for i in range(20)]
        assert not pool.started
    assert results == [(i, os.getpid()) for i in range(20)]


def test_a_big_run_uses_workers_and_keeps_the_order():
    with WorkPool(jobs=2, start_after=5) as pool:
        pending = [pool.submit(_pid, i) for i in range(40)]
        results = [p.result() for p in pending]
        assert pool.started
    assert [x for x, _ in results] == list(range(40))
    assert {pid for _, pid in results[:5]} == {os.getpid()}  # before the threshold: here
    assert os.getpid() not in {pid for _, pid in results[6:]}


def test_one_job_computes_everything_here():
    with WorkPool(jobs=1, start_after=0) as pool:
        results = [pool.submit(_pid, i, weight=1000).result() for i in range(5)]
        assert not pool.started
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_dead_worker_costs_the_pool_not_the_result():
    parent = os.getpid()
    with WorkPool(jobs=2, start_after=0) as pool:
        pending = [pool.submit(_die_in_a_worker, parent, i) for i in range(6)]
        assert [p.result() for p in pending] == [i * 10 for i in range(6)]
        assert not pool.started
        assert pool.submit(_pid, 1).result() == (1, parent)  # the rest of the run: here


_ORPHAN_SCRIPT = """
import os, sys, time
sys.path.insert(0, {repo!r})
from mailsum.run.workpool import WorkPool

def pid(_):
    return os.getpid()

def nap(_):
    time.sleep(600)

pool = WorkPool(jobs=2, start_after=0)
pids = sorted({{pool.submit(pid, i).result() for i in range(20)}})
print(" ".join(map(str, pids)), flush=True)
naps = [pool.submit(nap, i) for i in range(2)]
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie holds no files any more


def test_workers_ignore_sigterm_and_die_with_a_killed_run():
    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT.format(repo=str(REPO))],
                            stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]  # type: ignore[union-attr]
        assert workers and proc.pid not in workers
        for pid in workers:
            os.kill(pid, signal.SIGTERM)  # the run decides when its workers stop
        time.sleep(0.5)
        assert all(_alive(pid) for pid in workers)
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)
    finally:
        proc.kill()


# --------------------------------------------------------------------------- a whole poll


def _mailbox(tmp: Path, count: int) -> list[bytes]:
    mails = [m.data for m in generate(count, seed=11)]
    mails.insert(count // 2, BROKEN)
    box = mailbox.Maildir(tmp / "md", create=True)
    for data in mails:
        box.add(data)
    return mails


def _config(tmp: Path, box: Path, jobs: int) -> Path:
    cfg = tmp / f"config-{jobs}.yaml"
    cfg.write_text(textwrap.dedent(f"""\
        state: {tmp}/state-{jobs}.db
        jobs: {jobs}
        sources:
          - {{name: local, kind: maildir, path: {box}}}
        delivery: {{kind: directory, path: {tmp}/out-{jobs}, from: "Desk <it-support@provider.de>"}}
        rules: {REPO}/rules/
        """))
    return cfg


_CLOCKLESS = {"leases", "meta"}  # who held what and when; not the product's result


def _tables(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {}
        for name in names:
            if name in _CLOCKLESS:
                continue
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] != "id"]
            rows = conn.execute(f"SELECT {','.join(cols)} FROM {name}")
            out[name] = sorted(repr(r) for r in rows)
    return out


def _poll(cfg: Path, jobs: int) -> tuple[Runner, list[tuple[str, int, int]]]:
    config = load_config(cfg)
    store = StateStore.open(config.state)
    calls: list[tuple[str, int, int]] = []
    runner = Runner(config, store, CollectingDelivery(),
                    RunOptions(now=NOW, send=False, jobs=jobs,
                               progress=lambda *a: calls.append(a)))
    started: list[bool] = []
    real_close = runner.pool.close

    def close() -> None:  # remember whether the run really used workers
        started.append(runner.pool.started)
        real_close()

    runner.pool.close = close  # type: ignore[method-assign]
    runner.run()
    store.close()
    assert started and started[0] == (jobs > 1)
    return runner, calls


def test_a_parallel_first_poll_writes_what_one_process_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(workpool, "START_AFTER", 100)
    _mailbox(tmp_path, 700)
    one, _ = _poll(_config(tmp_path, tmp_path / "md", 1), 1)
    two, progress = _poll(_config(tmp_path, tmp_path / "md", 2), 2)
    assert one.report.stored == two.report.stored == 700
    assert one.report.fetched == two.report.fetched == 701
    assert len(two.report.failures) == len(one.report.failures) == 1
    assert two.report.unrouted_count == one.report.unrouted_count > 0
    a, b = _tables(tmp_path / "state-1.db"), _tables(tmp_path / "state-2.db")
    assert len(a["points"]) > 100 and len(a["threads"]) > 100
    assert a == b
    assert [c for c in progress if c[0] == "analyse threads"][-1][1:] == (len(a["threads"]),) * 2


def test_a_killed_parallel_poll_leaves_no_worker_and_resumes(tmp_path):
    mails = _mailbox(tmp_path, 900)
    cfg = _config(tmp_path, tmp_path / "md", 2)
    marker = uuid.uuid4().hex
    env = {**os.environ, "MAILSUM_CRASH_AT": "during-analyze", "MAILSUM_CRASH_AFTER": "300",
           "MAILSUM_POOL_TEST": marker}
    out = subprocess.run(mailsum_cmd(cfg, "poll"), env=env, capture_output=True, text=True,
                         timeout=300, cwd=REPO)
    assert out.returncode == -signal.SIGKILL, out.stderr
    assert "worker processes" in out.stderr  # it was killed while workers were running
    deadline = time.monotonic() + 30
    while _marked(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _marked(marker)
    again = subprocess.run(mailsum_cmd(cfg, "poll"), capture_output=True, text=True,
                           timeout=300, cwd=REPO)
    assert again.returncode == 0, again.stderr  # the run lock is free again
    with sqlite3.connect(tmp_path / "state-2.db") as conn:
        ids = [r[0] for r in conn.execute("SELECT message_id FROM messages")]
        left = conn.execute("SELECT count(*) FROM messages WHERE analyzed = 0").fetchone()[0]
    assert len(ids) == len(set(ids)) == len(mails) - 1
    assert left == 0


def _marked(marker: str) -> list[int]:
    """Live processes that carry our marker in their environment (the run and its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes() and _alive(int(entry.name)):
                found.append(int(entry.name))
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
    return found


@pytest.mark.e2e
@pytest.mark.skipif(not dovecot_available(), reason="dovecot not installed")
def test_a_parallel_imap_poll_matches_one_process(tmp_path, dovecot):
    mails = [m.data for m in generate(600, seed=5)]
    fill_maildir(dovecot, "support", "INBOX", mails)
    env = {**os.environ, "MAILSUM_TEST_IMAP_PASSWORD": PASSWORD}
    dbs = []
    for jobs in (1, 2):
        d = tmp_path / f"jobs{jobs}"
        d.mkdir()
        cfg = write_mailsum_config(d, dovecot.port, 1, "INBOX")
        cfg.write_text(cfg.read_text().replace("language: de", f"language: de\njobs: {jobs}"))
        out = subprocess.run(mailsum_cmd(cfg, "poll", "--now", NOW.isoformat()), env=env,
                             capture_output=True, text=True, timeout=300, cwd=REPO)
        assert out.returncode == 0, out.stderr
        assert ("worker processes" in out.stderr) == (jobs > 1)
        dbs.append(d / "mailsum.db")
    a, b = _tables(dbs[0]), _tables(dbs[1])
    assert len(a["messages"]) == 600
    assert a == b
