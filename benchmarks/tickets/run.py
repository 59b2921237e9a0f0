#!/usr/bin/env python3
"""Score mailsum on a ticket mailbox of ours with the shared ticket scorer.

``../shared/eval/tickets/score.py`` reads ``scenario.py`` and ``gold.json`` from its own folder;
this puts the scorer beside a set of ours (``benchmarks/tickets/<set>/``) in a scratch folder
and runs it, so the scorer is never copied into the repository. Extra arguments go to the
scorer (``-v``, ``--keep DIR``, ``--json FILE``).

    .venv/bin/python benchmarks/tickets/run.py servicehaus --mailsum .venv/bin/mailsum
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parents[1].parent / "shared" / "eval" / "tickets" / "score.py"


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    name, rest = argv[0], argv[1:]
    data = HERE / name
    if not (data / "scenario.py").is_file() or not (data / "gold.json").is_file():
        print(f"no ticket set {data} (scenario.py and gold.json)", file=sys.stderr)
        return 2
    if not SCORER.is_file():
        print(f"the shared scorer is missing: {SCORER}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mailsum-tickets-") as tmp:
        for f in ("scenario.py", "gold.json"):
            shutil.copy(data / f, Path(tmp) / f)
        shutil.copy(SCORER, Path(tmp) / "score.py")
        return subprocess.call([sys.executable, str(Path(tmp) / "score.py"), *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
