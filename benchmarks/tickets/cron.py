#!/usr/bin/env python3
"""Score a ticket set as cron sees it: the mail arrives over the weeks, mailsum runs often.

The shared scorer (``../shared/eval/tickets/score.py``) runs mailsum once, on a fresh state,
over the whole mailbox. A server runs it from cron: each mail is read first in the run after it
arrived, and every later mail of its thread is merged into what earlier runs stored. This
replays a set that way — the set's mail moves into the Maildir in date order, and
``mailsum run --now T`` runs at every tick (by default 07:05, 12:05 and 17:05 in the set's time
zone, every day from the first mail on; updates go out on the set's schedule as they would) —
then the run at the set's scoring time is scored with the shared scorer's own functions. A
figure that differs from ``run.py``'s is a difference between reading run by run and reading
at once: what the contact gets from cron is the figure that counts.

    .venv/bin/python benchmarks/tickets/cron.py servicehaus --mailsum .venv/bin/mailsum
    .venv/bin/python benchmarks/tickets/cron.py dev --mailsum .venv/bin/mailsum -v
    .venv/bin/python benchmarks/tickets/cron.py dev --hours 1 --keep /tmp/cron-dev

``dev`` is the shared development set; any other name a set in this folder.
"""

from __future__ import annotations

import argparse
import email
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, time, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared" / "eval" / "tickets"


def ticks(first: datetime, now: datetime, zone: ZoneInfo, hours: float | None) -> list[datetime]:
    """The runs before the scoring one: every ``hours`` from the first mail, or 07:05, 12:05
    and 17:05 local each day (an update schedule's morning run and two polls); none in the
    12 hours before the scoring run, so that it is the one that sends the morning's update."""
    out: list[datetime] = []
    now = now - timedelta(hours=12)
    if hours:
        t = first + timedelta(hours=hours)
        while t < now:
            out.append(t)
            t += timedelta(hours=hours)
        return out
    day = first.astimezone(zone).date()
    while True:
        for hm in (time(7, 5), time(12, 5), time(17, 5)):
            t = datetime.combine(day, hm, zone)
            if t >= now:
                return out
            if t > first:
                out.append(t)
        day += timedelta(days=1)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set", help="'dev' (the shared development set) or a folder name here")
    ap.add_argument("--mailsum", default=".venv/bin/mailsum")
    ap.add_argument("--hours", type=float, help="a run every so many hours instead of 3 a day")
    ap.add_argument("--keep", help="keep the work folder here")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    data = SHARED if a.set == "dev" else HERE / a.set
    if not (SHARED / "score.py").is_file() or not (data / "scenario.py").is_file():
        print(f"missing {SHARED / 'score.py'} or {data / 'scenario.py'}", file=sys.stderr)
        return 2
    exe = str(Path(a.mailsum).resolve())
    work = Path(a.keep).resolve() if a.keep else Path(tempfile.mkdtemp(prefix="mailsum-cron-"))
    shutil.rmtree(work, ignore_errors=True)
    (work / "code").mkdir(parents=True)
    try:
        for f in (data / "scenario.py", data / "gold.json", SHARED / "score.py"):
            shutil.copy(f, work / "code" / f.name)
        sys.path.insert(0, str(work / "code"))
        scorer = importlib.import_module("score")
        scenario = importlib.import_module("scenario")
        gold = json.loads((work / "code" / "gold.json").read_text())
        manifest = scenario.build(str(work / "all"))
        for sub in ("cur", "new", "tmp"):
            (work / "maildir" / sub).mkdir(parents=True)
        cfg = scorer.write_config(work, gold)
        now = datetime.fromisoformat(gold["now"])
        arrivals = sorted(manifest, key=lambda m: datetime.fromisoformat(m["date"]))
        first = datetime.fromisoformat(arrivals[0]["date"])
        runs = ticks(first, now, ZoneInfo(gold["timezone"]), a.hours)
        for t in [*runs, now]:
            while arrivals and datetime.fromisoformat(arrivals[0]["date"]) <= t:
                name = arrivals.pop(0)["file"]
                shutil.move(work / "all" / "cur" / name, work / "maildir" / "cur" / name)
            if t == now:
                shutil.rmtree(work / "updates", ignore_errors=True)
            p = subprocess.run([exe, "--config", str(cfg), "run", "--format", "json", "--now",
                                t.isoformat()], cwd=work, capture_output=True, text=True,
                               timeout=900)
            if p.returncode not in (0, 1):
                print(p.stderr[-3000:], file=sys.stderr)
                print(f"mailsum exited {p.returncode} at {t.isoformat()}", file=sys.stderr)
                return 2
        out = json.loads(p.stdout)
        mails: dict[str, str] = defaultdict(str)
        for f in sorted((work / "updates").glob("*.eml")):
            m = email.message_from_bytes(f.read_bytes(), policy=policy.default)
            mails[str(m.get("X-Mailsum-Customer", ""))] += " " + scorer.mail_text(f)
        res = scorer.score(gold, manifest, out, mails)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    summ = scorer.summarize(res)
    when = f"every {a.hours:g} h" if a.hours else "07:05, 12:05, 17:05"
    print(f"{a.set}: {len(manifest)} messages, {len(runs) + 1} runs ({when}), now={gold['now']}")
    if a.verbose:
        print(scorer.fmt_details(res))
        print()
    print(scorer.fmt_table(summ, res))
    t = summ["total"]

    def r(x: int, y: int) -> str:
        return f"{x / y:.2f}" if y else "nan"

    print(f"tickets (cron): recall={r(t['found'], t['items'])} "
          f"precision={r(t['precise'], t['points'])} "
          f"points_per_item={r(t['listed'], t['items'])} owner={r(t['owner_ok'], t['found'])} "
          f"problems={r(t['problems_ok'], t['problems'])} "
          f"resolved_as_open={t['resolved_as_open']} leaks={t['leaks']} "
          f"false_alarms={t['false_alarms']} state={r(t['state_coarse'], t['threads'])} "
          f"state4={r(t['state_exact'], t['threads'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
