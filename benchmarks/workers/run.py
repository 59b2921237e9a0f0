"""Issue 8's benchmark: throughput of 1, 2 and 4 ``mailsum worker`` processes on PostgreSQL.

    python benchmarks/workers/run.py [--mailboxes 40] [--messages 200] [--runs 1]

Needs root (Dovecot runs as ``dovecot``, PostgreSQL as ``postgres``), dovecot, the Debian
``postgresql`` server binaries and psycopg 3. Every worker count gets the same mailboxes (one
Dovecot user and one customer each, all due at once) and a fresh database; every figure is the
median of ``--runs``. Results also go to /tmp/mailsum-workers-B-M.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.header import Header, decode_header, make_header
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(REPO / "benchmarks" / "perf"), str(REPO / "tests"), str(REPO)]

import generate  # noqa: E402
from pgserver import PostgresServer  # noqa: E402
from server import PLACE, Dovecot  # noqa: E402

PASSWORD = "bench-workers-secret"
TICK = os.sysconf("SC_CLK_TCK")


def log(text: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {text}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- data

_ID = re.compile(rb"<([0-9a-f]{16}(?:\.\d+\.\d+)?)@")  # generate.py's Message-IDs, not addresses
_SUBJECT = re.compile(rb"^Subject: (.*(?:\n[ \t].*)*)", re.MULTILINE)
_TICKET = re.compile(r"\[([A-Z]+)-(\d+)\]")


def _subject(box: int, raw: bytes) -> bytes:
    """Ticket numbers and subjects of one box never meet another box's (tags and subjects
    thread too): ``[ACME-1001]`` becomes ``[ACME-1001007]`` in box 7, plus ``(Box 7)``."""
    text = str(make_header(decode_header(raw.decode("ascii").replace("\n", ""))))
    text = _TICKET.sub(lambda m: f"[{m.group(1)}-{m.group(2)}{box:03d}]", text) + f" (Box {box})"
    return (text if text.isascii() else Header(text, "utf-8").encode()).encode("ascii")


def box_mail(box: int, data: bytes) -> bytes:
    """One generated message made this box's own: ids, tickets, subject, ``X-Bench-Box``."""
    head, sep, body = data.partition(b"\n\n")
    head = _ID.sub(lambda m: b"<" + m.group(1) + f".b{box}@".encode(), head)
    head = _SUBJECT.sub(lambda m: b"Subject: " + _subject(box, m.group(1)), head, count=1)
    return head + f"\nX-Bench-Box: {box}".encode() + sep + body


def build_boxes(boxes: int, per_box: int, seed: int) -> list[list[tuple[float, bytes]]]:
    """``boxes`` mailboxes of ``per_box`` seeded messages each (a different seed per box)."""
    return [[(m.date.timestamp(), box_mail(i, m.data))
             for m in generate.generate(per_box, seed=seed + i)] for i in range(boxes)]


def user(i: int) -> str:
    return f"box{i:02d}"


def rules_yaml(boxes: int) -> str:
    """One customer per mailbox, claimed by the box header; a yearly tick in the past makes
    every first update due at once (mailsum.outbound.schedule.due_time)."""
    out = ["team:\n  domains: [provider.de]\ncustomers:\n"]
    for i in range(boxes):
        out.append(f"""  - id: {user(i)}
    name: Bench Customer {i}
    match:
      - header: {{X-Bench-Box: '^{i}$'}}
    contact: cust{i}@example.test
    language: {"de" if i % 2 == 0 else "en"}
    schedule: "0 0 1 1 *"
    quiet_update: true
""")
    return "".join(out)


def config_yaml(state: str, port: int, boxes: int, rules: Path, out: Path) -> str:
    sources = "".join(f"""
  - name: {user(i)}
    kind: imap
    host: 127.0.0.1
    port: {port}
    security: none
    username: {user(i)}
    password_env: MAILSUM_BENCH_PASSWORD
    folders: [INBOX]
""" for i in range(boxes))
    return f"""state: {state}
language: de
timezone: Europe/Berlin
sources:{sources}
delivery:
  kind: directory
  path: {out}
  from: "Service Desk <it-support@provider.de>"
  reply_to: it-support@provider.de
rules: {rules}
"""


# ----------------------------------------------------------------------------- CPU accounting


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds of the process and its reaped children) from /proc."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), sum(int(x) for x in fields[11:15]) / TICK


def tree_cpu(root: int | None) -> float:
    """CPU seconds of a process tree: live descendants plus what exited ones left their parent.

    Differences of two readings are exact as long as the root lives: a child that exits in
    between moves from the live sum into its parent's ``cutime``/``cstime``.
    """
    if root is None:
        return float("nan")
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (s := _stat(int(entry))) is not None:
            stats[int(entry)] = s
    if root not in stats:
        return float("nan")
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += stats[pid][1]
        todo += children.get(pid, [])
    return total


def machine_busy() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot, from /proc/stat."""
    values = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / TICK, sum(values) / TICK


def pid_file(path: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(path.read_text().split()[0])
    return None


# ----------------------------------------------------------------------------- one measurement


@dataclass
class Result:
    workers: int
    run: int
    total: int
    customers: int
    done: bool = False
    stored_s: float = float("nan")  # all messages stored
    analyzed_s: float = float("nan")  # all messages analysed
    analyzed_when_stored: int = 0  # analysed count at the moment the last message was stored
    first_sent_s: float = float("nan")
    all_sent_s: float = float("nan")  # every customer has a sent update
    sent_before_analyzed: int = 0  # sent by the sample that first saw all mail analysed
    quiet_updates: int = 0  # sent as "nothing new": composed before their mail was analysed
    delivered_files: int = 0
    worker_cpu_s: list[float] = field(default_factory=list)
    worker_exit: list[int | None] = field(default_factory=list)
    postgres_cpu_s: float = float("nan")
    dovecot_cpu_s: float = float("nan")
    machine_busy: float = float("nan")  # share of all cores busy until all updates were sent
    machine_busy_s: float = float("nan")  # busy CPU seconds of the whole machine, same span
    monitor_queries: int = 0  # progress reads during the run, and their time
    monitor_s: float = 0.0
    stored_rows: int = 0  # checked once at the end: messages rows, analysed rows, failures
    analyzed_rows: int = 0
    failures: int = 0
    db: dict[str, Any] = field(default_factory=dict)
    slow: list[dict[str, Any]] = field(default_factory=list)  # statements over --slow-ms
    tables: list[dict[str, Any]] = field(default_factory=list)  # pg_stat_user_tables

    @property
    def msgs_per_s(self) -> float:
        return self.total / self.analyzed_s

    @property
    def ours_cpu_s(self) -> float:
        return sum(self.worker_cpu_s) + self.postgres_cpu_s + self.dovecot_cpu_s

    @property
    def others_cpu_s(self) -> float:
        """CPU the rest of the machine used meanwhile: a shared machine shows up here."""
        return max(0.0, self.machine_busy_s - self.ours_cpu_s)

    @property
    def send_s(self) -> float:
        """The send phase: from the moment all mail was analysed to the last customer's update
        (updates sent before that, if any, are counted in ``sent_before_analyzed``)."""
        return self.all_sent_s - self.analyzed_s

    @property
    def updates_per_s(self) -> float:
        return self.customers / self.send_s if self.send_s > 0 else float("nan")


def progress(conn: Any) -> tuple[int, int, int] | None:
    """(stored, analysed, customers with a sent update); None before the schema exists.

    Cheap on purpose, as it runs every ``--sample`` seconds inside the measurement: the stored
    count is the sum of the folder cursors (UIDs run 1..n in each fresh mailbox), the analysed
    count comes from the partial index on unanalysed messages; ``count(*)`` over ``messages``
    would scan the whole table each time and bill the workers' run for PostgreSQL CPU.
    """
    import psycopg

    try:
        row = conn.execute(
            "SELECT (SELECT coalesce(sum(last_uid), 0) FROM folders),"
            " (SELECT count(*) FROM messages WHERE analyzed = 0),"
            " (SELECT count(DISTINCT customer_id) FROM updates"
            "   WHERE status = 'sent' AND customer_id LIKE 'box%')").fetchone()
    except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn):
        return None
    return int(row[0]), int(row[0]) - int(row[1]), int(row[2])


_SLOW = re.compile(r"duration: ([\d.]+) ms\s+(?:statement|execute [^:]*): (.*)")
_PARAMS = re.compile(r"\$\d+(?:\s*,\s*\$\d+)+")


def slow_statements(log_text: str, limit: int = 8) -> list[dict[str, Any]]:
    """The statements PostgreSQL logged as slower than ``--slow-ms``, grouped by shape."""
    groups: dict[str, list[float]] = {}
    for m in _SLOW.finditer(log_text):
        shape = _PARAMS.sub("$…", re.sub(r"\s+", " ", m.group(2)))[:160]
        groups.setdefault(shape, []).append(float(m.group(1)))
    top = sorted(groups.items(), key=lambda kv: -sum(kv[1]))[:limit]
    return [{"statement": k, "count": len(v), "total_s": sum(v) / 1e3, "max_s": max(v) / 1e3}
            for k, v in top]


def table_stats(conn: Any) -> list[dict[str, Any]]:
    """Scans per table: a sequential scan of ``messages`` in the hot path shows up here."""
    rows = conn.execute(
        "SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0), n_live_tup, n_dead_tup,"
        " autovacuum_count, autoanalyze_count FROM pg_stat_user_tables"
        " ORDER BY seq_tup_read DESC").fetchall()
    keys = ("table", "seq_scan", "seq_tup_read", "idx_scan", "live", "dead", "autovacuum",
            "autoanalyze")
    return [dict(zip(keys, (r[0], *map(int, r[1:])), strict=True)) for r in rows]


def db_sizes(conn: Any) -> dict[str, Any]:
    size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    tables = conn.execute(
        "SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),"
        " pg_indexes_size(c.oid), c.reltuples::bigint FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind = 'r'"
        " ORDER BY 2 DESC").fetchall()
    return {"database": int(size),
            "tables": [{"name": t[0], "total": int(t[1]), "heap": int(t[2]),
                        "indexes": int(t[3]), "rows": int(t[4])} for t in tables]}


def stop_workers(procs: list[subprocess.Popen[bytes]], timeout: float) -> list[
        tuple[int | None, float]]:
    """SIGTERM, then reap each with ``wait4`` for its rusage: (exit code, CPU seconds)."""
    for p in procs:
        with contextlib.suppress(ProcessLookupError):
            p.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    out: list[tuple[int | None, float]] = []
    for p in procs:
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                p.returncode = code
                out.append((code, usage.ru_utime + usage.ru_stime))
                break
            if time.monotonic() > deadline:
                p.kill()
                _, status, usage = os.wait4(p.pid, 0)
                p.returncode = -9
                out.append((None, usage.ru_utime + usage.ru_stime))
                break
            time.sleep(0.05)
    return out


def measure(args: argparse.Namespace, pg: PostgresServer, dovecot: Dovecot, rules: Path,
            work: Path, workers: int, run: int, sizes: bool) -> Result:
    import psycopg
    from psycopg import sql

    total, customers = args.mailboxes * args.messages, args.mailboxes
    name = f"bench_w{workers}_r{run}"
    pg.drop_database(name)
    url = pg.create_database(name)
    with psycopg.connect(pg.url(), autocommit=True) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} SET log_min_duration_statement = {}")
                      .format(sql.Identifier(name), sql.Literal(args.slow_ms)))
    if args.no_autovacuum:
        # the schema first (as the first worker would), then no autovacuum/autoanalyze on it:
        # see the README on why the statistics' timing decides the analysis' speed
        from mailsum.state.store import StateStore

        StateStore.open(url).close()
        with psycopg.connect(url, autocommit=True) as conn:
            for table in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = "
                                      "'public'").fetchall():
                conn.execute(sql.SQL("ALTER TABLE {} SET (autovacuum_enabled = false)")
                             .format(sql.Identifier(table[0])))
    log_start = len(pg.log())
    out = work / f"updates-{name}"
    cfg = work / f"{name}.yaml"
    cfg.write_text(config_yaml(url, dovecot.port, args.mailboxes, rules, out))
    env = dict(os.environ, MAILSUM_BENCH_PASSWORD=PASSWORD)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"]
                                     if env.get("PYTHONPATH") else "")
    r = Result(workers, run, total, customers)
    watch = psycopg.connect(url, autocommit=True)
    empty = watch.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    pg_pid = pid_file(pg.data / "postmaster.pid")
    dv_pid = pid_file(dovecot.root / "run" / "master.pid")
    pg0, dv0, busy0 = tree_cpu(pg_pid), tree_cpu(dv_pid), machine_busy()
    procs: list[subprocess.Popen[bytes]] = []
    logs = [work / f"{name}-w{i}.log" for i in range(workers)]
    t0 = time.monotonic()
    try:
        for i, path in enumerate(logs):
            with path.open("wb") as fh:
                procs.append(subprocess.Popen(
                    [sys.executable, "-m", "mailsum", "--config", str(cfg), "worker",
                     "--interval", str(args.interval), "--lease", str(args.lease),
                     "--id", f"w{i}"], stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=work))
        deadline = t0 + args.timeout
        while time.monotonic() < deadline:
            time.sleep(args.sample)
            now = time.monotonic() - t0
            q0 = time.perf_counter()
            state = progress(watch)
            r.monitor_s += time.perf_counter() - q0
            r.monitor_queries += 1
            if state is None:
                continue
            stored, analyzed, sent = state
            if stored >= total and r.stored_s != r.stored_s:
                r.stored_s, r.analyzed_when_stored = now, analyzed
            if analyzed >= total and r.analyzed_s != r.analyzed_s:
                r.analyzed_s, r.sent_before_analyzed = now, sent
            if sent and r.first_sent_s != r.first_sent_s:
                r.first_sent_s = now
            if sent >= customers and analyzed >= total:
                r.all_sent_s, r.done = now, True
                break
            dead = [i for i, p in enumerate(procs) if p.poll() is not None]
            if dead:
                log(f"worker(s) {dead} exited early; see {logs[dead[0]]}")
                break
        else:
            log(f"not done after {args.timeout:.0f} s: (stored, analysed, sent) = {state}")
        busy1 = machine_busy()
        for code, cpu in stop_workers(procs, 60):
            r.worker_exit.append(code)
            r.worker_cpu_s.append(cpu)
        time.sleep(0.5)  # let the postmaster and Dovecot reap their per-connection processes
        r.postgres_cpu_s, r.dovecot_cpu_s = tree_cpu(pg_pid) - pg0, tree_cpu(dv_pid) - dv0
        r.machine_busy = (busy1[0] - busy0[0]) / max(1e-9, busy1[1] - busy0[1])
        r.machine_busy_s = busy1[0] - busy0[0]
        r.stored_rows, r.analyzed_rows, r.failures = watch.execute(
            "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM messages WHERE "
            "analyzed = 1), (SELECT count(*) FROM failures)").fetchone()
        r.tables = table_stats(watch)
        r.slow = slow_statements(pg.log()[log_start:])
        r.quiet_updates = watch.execute(
            "SELECT count(*) FROM updates WHERE status = 'sent' AND quiet = 1").fetchone()[0]
        r.delivered_files = len(list(out.glob("*.eml"))) if out.exists() else 0
        if sizes:
            watch.execute("VACUUM ANALYZE")  # reltuples and the free-space map up to date
            r.db = {**db_sizes(watch), "empty": int(empty)}
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        watch.close()
    if not args.keep:
        pg.drop_database(name)
        shutil.rmtree(out, ignore_errors=True)
    if not r.done:
        for path in logs:
            tail = path.read_text(errors="replace").splitlines()[-15:]
            log(f"--- {path.name}:\n" + "\n".join(tail))
    return r


# ----------------------------------------------------------------------------- report


def med(values: list[float]) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def report(res: dict[str, Any]) -> None:
    rows: dict[int, list[Result]] = {}
    for d in res["results"]:
        r = Result(**d)
        rows.setdefault(r.workers, []).append(r)
    print(f"\nmailsum workers on PostgreSQL — {res['date']} — {res['machine']}")
    print(f"{res['mailboxes']} mailboxes × {res['messages']} messages = {res['total']} messages, "
          f"{res['mailboxes']} customers due at once; median of {res['runs']} run(s); "
          f"worker --interval {res['interval']:g} s"
          + ("" if res.get("autovacuum", True) else "; autovacuum OFF on mailsum's tables"))
    print(f"PostgreSQL {res['postgres']} on the same machine with fsync=off, "
          "synchronous_commit=off, full_page_writes=off (tests/pgserver.py: comparable, not "
          "durable); Dovecot on the same machine; delivery: kind directory")
    print(f"load average {res['loadavg_start'][0]:.2f} at start, "
          f"{res['loadavg_end'][0]:.2f} at end; setup: generate {res['generate_s']:.1f} s, "
          f"Maildir + index {res['fill_s']:.1f} s\n")
    columns = [("workers", 7, "{:>7}"), ("stored s", 9, "{:9.1f}"), ("analysed s", 10, "{:10.1f}"),
               ("msg/s", 7, "{:7.1f}"), ("×1", 5, "{:5.2f}"), ("send s", 7, "{:7.1f}"),
               ("upd/s", 6, "{:6.2f}"), ("×1", 5, "{:5.2f}"), ("all sent s", 10, "{:10.1f}"),
               ("worker CPU s", 12, "{:12.1f}"), ("PG CPU s", 8, "{:8.1f}"),
               ("Dovecot", 7, "{:7.1f}"), ("ms/msg", 6, "{:6.1f}"), ("busy", 5, "{:5.0%}"),
               ("others", 6, "{:6.1f}"), ("slow SQL", 8, "{:8.1f}")]
    print(" ".join(f"{name:>{width}}" for name, width, _ in columns))
    base_m = base_u = float("nan")
    for n in sorted(rows):
        rs = rows[n]
        m = med([r.msgs_per_s for r in rs if r.done])
        u = med([r.updates_per_s for r in rs if r.done])
        if n == 1:
            base_m, base_u = m, u
        values = [n, med([r.stored_s for r in rs]), med([r.analyzed_s for r in rs]), m,
                  m / base_m, med([r.send_s for r in rs]), u, u / base_u,
                  med([r.all_sent_s for r in rs]), med([sum(r.worker_cpu_s) for r in rs]),
                  med([r.postgres_cpu_s for r in rs]), med([r.dovecot_cpu_s for r in rs]),
                  med([r.ours_cpu_s / r.total * 1e3 for r in rs]),
                  med([r.machine_busy for r in rs]), med([r.others_cpu_s for r in rs]),
                  med([sum(x["total_s"] for x in r.slow) for r in rs])]
        print(" ".join(fmt.format(v) for (_, _, fmt), v in zip(columns, values, strict=True)))
    print("""
  stored s / analysed s: seconds from starting the workers until every message was stored /
    analysed; msg/s = messages / analysed s; ×1 = ratio to 1 worker
  send s: from all analysed until every customer had a sent update; upd/s = updates sent in that
    phase / send s
  worker CPU = user+sys of all workers (wait4); PG / Dovecot = CPU of their process trees;
    ms/msg = CPU of workers + PostgreSQL + Dovecot per message
  busy = share of all cores busy (/proc/stat) until all updates were sent; others = CPU seconds
    other processes used meanwhile (non-zero: a shared machine, the figures are pessimistic)
  slow SQL = seconds spent in statements slower than --slow-ms (PostgreSQL's log; see below)""")
    print("\nper run:")
    for n in sorted(rows):
        for r in rows[n]:
            cpu = ", ".join(f"{c:.1f}" for c in r.worker_cpu_s)
            print(f"  {n} worker(s), run {r.run + 1}: {'done' if r.done else 'NOT DONE'}; "
                  f"all stored after {r.stored_s:.1f} s ({r.analyzed_when_stored} of {r.total} "
                  f"analysed by then), all analysed {r.analyzed_s - r.stored_s:.1f} s later;\n"
                  f"    first update after {r.first_sent_s:.1f} s, {r.sent_before_analyzed} sent "
                  f"by the sample that saw all analysed, {r.quiet_updates} quiet, "
                  f"{r.delivered_files} .eml files;\n"
                  f"    worker CPU {cpu} s, exit codes {r.worker_exit}; at the end "
                  f"{r.stored_rows} messages, {r.analyzed_rows} analysed, {r.failures} failures;"
                  f"\n    {r.monitor_queries} progress reads took {r.monitor_s:.2f} s")
    for n in sorted(rows):
        for r in rows[n]:
            scans = ", ".join(f"{t['table']} {t['seq_scan']} ({t['seq_tup_read']} rows)"
                              for t in r.tables if t["seq_tup_read"] > 10 * r.total)
            print(f"  {n} worker(s), run {r.run + 1}: sequential scans reading many rows: "
                  f"{scans or 'none'}")
            for st in r.slow[:5]:
                print(f"    slow: {st['count']}× {st['total_s']:.1f} s (max {st['max_s']:.2f} s)"
                      f"  {st['statement'][:110]}")
    db = next((r.db for rs in rows.values() for r in rs if r.db), None)
    if db:
        total = res["total"]
        grown = db["database"] - db["empty"]
        print(f"\ndatabase after the 1-worker run ({total} messages, {res['mailbox_mb']:.1f} MB of "
              f"mail; after VACUUM ANALYZE):")
        print(f"  pg_database_size {db['database'] / 1e6:.1f} MB (empty database "
              f"{db['empty'] / 1e6:.1f} MB)")
        for t in db["tables"][:8]:
            print(f"  {t['name']:<16} {t['total'] / 1e6:7.2f} MB total = heap+toast "
                  f"{(t['total'] - t['indexes']) / 1e6:6.2f} + indexes {t['indexes'] / 1e6:5.2f}"
                  f"  ({t['rows']} rows)")
        print(f"  ⇒ about {grown / total * 100_000 / 1e6:.0f} MB per 100,000 messages "
              f"({grown / total / 1e3:.1f} kB per message; the mail itself is "
              f"{res['mailbox_mb'] * 1e6 / total / 1e3:.1f} kB per message)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mailboxes", type=int, default=40)
    ap.add_argument("--messages", type=int, default=200, help="per mailbox")
    ap.add_argument("--workers", default="1,2,4", help="comma list of worker counts")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--interval", type=float, default=10.0,
                    help="mailsum worker --interval: seconds between two polls of one source")
    ap.add_argument("--lease", type=float, default=120.0, help="mailsum worker --lease")
    ap.add_argument("--timeout", type=float, default=600.0, help="per measured run")
    ap.add_argument("--sample", type=float, default=0.25, help="seconds between progress reads")
    ap.add_argument("--slow-ms", type=int, default=100,
                    help="PostgreSQL logs statements slower than this; the report lists them")
    ap.add_argument("--no-autovacuum", action="store_true",
                    help="switch autovacuum (and so autoanalyze) off on the benchmark's tables")
    ap.add_argument("--keep", action="store_true", help="keep the databases and updates")
    ap.add_argument("--json", type=Path, help="results file (default "
                    "/tmp/mailsum-workers-B-M.json)")
    ap.add_argument("--report", type=Path, metavar="JSON",
                    help="print the report of an earlier results file and exit")
    args = ap.parse_args()
    if args.report:
        report(json.loads(args.report.read_text()))
        return 0
    if os.geteuid() != 0:
        ap.error("needs root: Dovecot runs as dovecot, PostgreSQL as postgres")
    counts = [int(x) for x in args.workers.split(",") if x.strip()]
    total = args.mailboxes * args.messages
    res: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"), "mailboxes": args.mailboxes,
        "messages": args.messages, "total": total, "runs": args.runs,
        "interval": args.interval, "autovacuum": not args.no_autovacuum,
        "machine": f"{platform.node()} {platform.machine()} "
        f"{os.cpu_count()} cores (os.cpu_count), Python {platform.python_version()}",
        "loadavg_start": os.getloadavg(), "results": []}

    log(f"generating {args.mailboxes} × {args.messages} messages")
    t = time.perf_counter()
    boxes = build_boxes(args.mailboxes, args.messages, args.seed)
    res["generate_s"] = time.perf_counter() - t
    res["mailbox_mb"] = sum(len(d) for b in boxes for _, d in b) / 1e6
    work = Path(tempfile.mkdtemp(prefix="mailsum-perf-workers-", dir=PLACE))
    rules = work / "rules.yaml"
    rules.write_text(rules_yaml(args.mailboxes))
    dovecot = Dovecot({user(i): PASSWORD for i in range(args.mailboxes)})
    pg = PostgresServer()
    try:
        dovecot.start()
        t = time.perf_counter()
        for i, box in enumerate(boxes):
            dovecot.fill(user(i), box)
            dovecot.index(user(i))
        res["fill_s"] = time.perf_counter() - t
        log(f"{res['mailbox_mb']:.1f} MB in {args.mailboxes} Maildirs, {res['fill_s']:.1f} s")
        pg.start()
        res["postgres"] = pg.bindir.parent.name
        log(f"PostgreSQL {res['postgres']} on port {pg.port} ({pg.started_seconds:.1f} s)")
        for run in range(args.runs):  # interleaved, so drift hits every worker count alike
            for n in counts:
                log(f"run {run + 1}/{args.runs}: {n} worker(s)")
                r = measure(args, pg, dovecot, rules, work, n, run,
                            sizes=(n == 1 and run == 0))
                res["results"].append(asdict(r))
                log(f"  stored {r.stored_s:.1f} s, analysed {r.analyzed_s:.1f} s "
                    f"({r.msgs_per_s:.1f} msg/s), all sent {r.all_sent_s:.1f} s, worker CPU "
                    f"{sum(r.worker_cpu_s):.1f} s, PostgreSQL {r.postgres_cpu_s:.1f} s, "
                    f"Dovecot {r.dovecot_cpu_s:.1f} s, busy {r.machine_busy:.0%}")
    finally:
        pg.stop()
        dovecot.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    res["loadavg_end"] = os.getloadavg()
    out = args.json or Path(tempfile.gettempdir()) / (
        f"mailsum-workers-{args.mailboxes}-{args.messages}.json")
    out.write_text(json.dumps(res, indent=1, default=str))
    report(res)
    print(f"\n(results: {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
