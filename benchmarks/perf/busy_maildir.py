#!/usr/bin/env python3
"""Write the busy mailbox (generate.generate_busy) as a Maildir with its rules and a config.

For controlled runs of one process without Dovecot (``jobs: 1``, so a profiler sees all):

    python benchmarks/perf/busy_maildir.py 10000 /tmp/busy10k
    PYTHONPATH=<tree> /usr/bin/time -f "%e s %U+%S CPU %M kB" \
        python -m mailsum --config /tmp/busy10k/config.yaml run
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]
import generate  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    n, root = int(argv[0]), Path(argv[1])
    shutil.rmtree(root, ignore_errors=True)
    for d in ("cur", "new", "tmp"):
        (root / "mail" / d).mkdir(parents=True)
    for i, m in enumerate(generate.generate_busy(n, end=datetime.now(UTC))):
        p = root / "mail" / "cur" / f"{int(m.date.timestamp())}.{i:06d}.bench:2,"
        p.write_bytes(m.data)
        os.utime(p, (m.date.timestamp(), m.date.timestamp()))
    (root / "rules").mkdir()
    (root / "rules" / "customers.yaml").write_text(generate.busy_rules(generate.busy_orgs(50)))
    (root / "config.yaml").write_text(f"""state: {root}/state.db
language: de
timezone: Europe/Berlin
jobs: 1
sources:
  - name: bench
    kind: maildir
    path: {root}/mail
delivery:
  kind: directory
  path: {root}/updates
  from: "Service Desk <it-support@provider.de>"
  reply_to: it-support@provider.de
rules: {root}/rules/
""")
    print(f"{n} messages -> {root}/mail; config {root}/config.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
