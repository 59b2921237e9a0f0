"""Peak memory of a process and all its descendants, sampled from /proc.

``/usr/bin/time -v`` reports the largest single process, which undercounts a run that forks
worker processes (mailsum's pool on a big poll). This sums every live descendant's PSS
(proportional set size: shared pages split between the processes sharing them, so forked
copy-on-write pages are not counted twice) and RSS, ten times a second, and keeps the peaks.
"""

from __future__ import annotations

import threading
from pathlib import Path


def _parents() -> dict[int, int]:
    out: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        out[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, ppid in _parents().items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB; (0, 0) for a process that is gone."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class TreeMemory:
    """``with TreeMemory(pid) as m: ...`` then ``m.peak_pss_mb``, ``m.peak_rss_mb``, ``m.most``."""

    def __init__(self, root: int, interval: float = 0.1) -> None:
        self.root, self.interval = root, interval
        self.peak_pss_mb = self.peak_rss_mb = 0.0
        self.most = 0  # most processes seen at once
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = descendants(self.root)
            sizes = [_memory_kb(p) for p in pids]
            live = [s for s in sizes if s[1]]
            self.most = max(self.most, len(live))
            self.peak_pss_mb = max(self.peak_pss_mb, sum(s[0] for s in live) / 1024)
            self.peak_rss_mb = max(self.peak_rss_mb, sum(s[1] for s in live) / 1024)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
