"""Finding 1 of the README, on its own: ``threads_with_keys`` after stale statistics.

    python benchmarks/workers/plan_repro.py [--messages 8000]

Needs the Debian ``postgresql`` server binaries (root runs it as ``postgres``) and psycopg 3.
Stores synthetic messages and join keys with ``thread_id`` NULL, runs ``ANALYZE`` (what
autovacuum does during a poll), then gives every message a thread (what the analysis does) and
times ``StateStore.threads_with_keys`` before and after a fresh ``ANALYZE messages``, with the
plan PostgreSQL chose each time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from pgserver import PostgresServer  # noqa: E402

from mailsum.state.store import StateStore  # noqa: E402

QUERY = ("SELECT DISTINCT m.thread_id FROM message_keys k JOIN messages m "
         "ON m.message_id = k.message_id WHERE k.kind = ? AND k.key IN ({marks}) "
         "AND m.thread_id IS NOT NULL")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=8000)
    ap.add_argument("--calls", type=int, default=4)
    n = ap.parse_args().messages
    calls = ap.parse_args().calls
    rnd = random.Random(1)
    pg = PostgresServer().start()
    try:
        store = StateStore.open(pg.create_database("repro"))
        c = store.conn
        c.execute("ALTER TABLE messages SET (autovacuum_enabled = false)")
        c.execute("ALTER TABLE message_keys SET (autovacuum_enabled = false)")
        c.executemany(
            "INSERT INTO messages (message_id, content_hash, source, folder, key, date, subject,"
            " in_reply_to, refs, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(f"m{i}@x", "h", "src", "INBOX", str(i), "2024-01-01", f"subject {i}", None, "",
              "x" * 1500) for i in range(n)])
        c.executemany("INSERT INTO message_keys (message_id, kind, key) VALUES (?,?,?)",
                      [(f"m{i}@x", kind, f"{kind}-{rnd.randrange(n // 3)}") for i in range(n)
                       for kind in ("id", "ref", "subj", "tag")])
        c.execute("ANALYZE")  # as autovacuum during the poll: every thread_id is NULL
        c.execute("UPDATE messages SET thread_id = 't' || (random() * 2000)::int, analyzed = 1")
        probe = {("subj", f"subj-{k}") for k in rnd.sample(range(n // 3), 1500)}
        sample = sorted(v for _, v in probe)[:500]
        explain = "EXPLAIN " + QUERY.format(marks=",".join("?" * len(sample)))
        for label in ("statistics from before the analysis", "after ANALYZE messages"):
            plan = [r[0] for r in c.execute(explain, ["subj", *sample]).fetchall()]
            print(f"{label}: plan\n  " + "\n  ".join(
                line for line in plan if "Filter: (key = ANY" not in line))
            for _ in range(calls):
                t = time.perf_counter()
                found = store.threads_with_keys(probe)
                print(f"  threads_with_keys({len(probe)} keys): {len(found)} threads in "
                      f"{time.perf_counter() - t:.3f} s", flush=True)
            c.execute("ANALYZE messages")
        store.close()
    finally:
        pg.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
