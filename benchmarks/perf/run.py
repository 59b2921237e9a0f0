"""Issues 7 and 21: mailsum against mbsync and its own floor, on Dovecot mailboxes.

    python benchmarks/perf/run.py [--messages N] [--runs K] [--big] [--profile]
    python benchmarks/perf/run.py --skip mbsync,floor,first,nonew,rank   # the busy case only

Two mailboxes: issue 7's, whose mail spreads over 250 days (the import horizon leaves most
threads unread), and issue 21's busy one, 50 customers' mail all within the last 7 days, where
the whole ``mailsum run`` (poll, analyse, compose, render, write every update) reads it all.

Needs root (Dovecot runs as the ``dovecot`` user), dovecot, mbsync (Debian ``isync``),
/usr/bin/time (Debian ``time``) and, for --profile, py-spy. Every figure is the median of K
runs; results also go to /tmp/mailsum-perf-N.json (--big reads the 10,000 file for its
memory ratio).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(REPO)]

import generate  # noqa: E402
import ranking  # noqa: E402
from server import PLACE, Dovecot  # noqa: E402
from treemem import TreeMemory  # noqa: E402

PASSWORD = "bench-secret"
NEW_BATCH = 100
SMALL = 100


def log(text: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {text}", file=sys.stderr, flush=True)


# where the measured processes keep their bytecode: set by main() to a folder inside the work
# directory, so nothing is written into the repo and it goes with the rest of the scratch files
PYCACHE: Path | None = None


def env() -> dict[str, str]:
    """The environment of every measured process: the repo's mailsum, with bytecode.

    This machine sets PYTHONDONTWRITEBYTECODE=1, so each process would compile every module it
    imports again (12 % of a no-new run); a user's pip install has bytecode, so we do too.
    """
    e = dict(os.environ, MAILSUM_BENCH_PASSWORD=PASSWORD)
    e["PYTHONPATH"] = str(REPO) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    if PYCACHE is not None:
        e["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return e


WARM = """
import compileall, importlib, pkgutil, sys
import mailsum
compileall.compile_dir(mailsum.__path__[0], quiet=1)
for m in pkgutil.walk_packages(mailsum.__path__, "mailsum."):
    if not m.name.endswith("__main__"):
        importlib.import_module(m.name)
import imapclient, mailparser  # imported inside functions (fetch, floor.py)
"""


def warm_bytecode(folder: Path) -> float:
    """Fill ``folder`` (PYTHONPYCACHEPREFIX) once, untimed: every mailsum module and what it
    imports, stdlib and third-party alike (a cache prefix ignores the __pycache__ folders).
    Seconds it took."""
    global PYCACHE
    PYCACHE = folder
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", WARM], env=env(), check=True, cwd=folder.parent)
    return time.perf_counter() - start


# ----------------------------------------------------------------------------- references


def mbsync(port: int, user: str, work: Path, fsync: bool = True) -> float:
    """Mirror INBOX to a fresh local Maildir; wall seconds. mbsync fsyncs each file by default."""
    target = work / "mirror"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    conf = work / "mbsyncrc"
    conf.write_text(("" if fsync else "FSync no\n\n") + f"""IMAPAccount bench
Host 127.0.0.1
Port {port}
User {user}
Pass {PASSWORD}
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path {target}/
Inbox {target}/INBOX
SubFolders Verbatim

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Sync Pull
Create Near
SyncState *
""")
    start = time.perf_counter()
    out = subprocess.run(["mbsync", "-c", str(conf), "-q", "bench"], capture_output=True,
                         text=True)
    took = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"mbsync failed: {out.stderr}")
    got = len(os.listdir(target / "INBOX" / "cur")) + len(os.listdir(target / "INBOX" / "new"))
    return took if got else float("nan")


def floor(port: int, user: str, batch: int, parse: bool = True) -> dict[str, float]:
    start = time.perf_counter()
    cmd = [sys.executable, str(HERE / "floor.py"), str(port), user, str(batch)]
    out = subprocess.run(cmd + ([] if parse else ["--no-parse"]), capture_output=True,
                         text=True, env=env(), check=True)
    result = json.loads(out.stdout)
    result["wall_s"] = time.perf_counter() - start
    return result


# ----------------------------------------------------------------------------- mailsum


def config_dir(port: int, user: str, parent: Path, name: str, rules: Path = REPO / "rules",
               jobs: str | None = None) -> Path:
    """A fresh temp config: IMAP source on loopback, directory delivery, ``rules``."""
    d = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=parent))
    (d / "config.yaml").write_text(f"""state: {d}/state.db
language: de
timezone: Europe/Berlin
sources:
  - name: bench
    kind: imap
    host: 127.0.0.1
    port: {port}
    security: none
    username: {user}
    password_env: MAILSUM_BENCH_PASSWORD
    folders: [INBOX]
delivery:
  kind: directory
  path: {d}/updates
  from: "Service Desk <it-support@provider.de>"
  reply_to: it-support@provider.de
rules: {rules}/
""" + (f"jobs: {jobs}\n" if jobs else ""))
    return d


def poll(cfg: Path, profile: Path | None = None, command: str = "poll") -> dict[str, Any]:
    """``python -m mailsum poll`` (or ``run``) under /usr/bin/time -v: wall seconds, CPU, peak
    RSS of the largest process and PSS of all, its summary line."""
    timing = cfg / "time.txt"
    cmd = [sys.executable, "-m", "mailsum", "--config", str(cfg / "config.yaml"), command]
    if profile is not None:
        spy = Path(sys.executable).with_name("py-spy")  # the venv's, when not on PATH
        cmd = [str(spy) if spy.exists() else "py-spy", "record", "--rate", "100", "--format",
               "raw", "--subprocesses", "--output", str(profile), "--"] + cmd
    cmd = ["/usr/bin/time", "-v", "-o", str(timing)] + cmd
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env(), cwd=cfg)
    with TreeMemory(proc.pid) as tree:  # /usr/bin/time's own memory is a few hundred kB
        stdout, stderr = proc.communicate()
    took = time.perf_counter() - start
    out = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    if out.returncode != 0:
        raise RuntimeError(f"mailsum poll failed ({out.returncode}):\n{out.stderr[-3000:]}")
    text = timing.read_text()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    return {"wall_s": took, "cpu_s": cpu,
            "maxrss_mb": int(rss.group(1)) / 1024 if rss else float("nan"),
            "tree_pss_mb": tree.peak_pss_mb, "tree_rss_mb": tree.peak_rss_mb,
            "processes": tree.most,
            "updates": len(list((cfg / "updates").glob("*.eml"))),
            "summary": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""}


def top_frames(raw: Path, limit: int = 20) -> tuple[list[tuple[str, float]],
                                                    list[tuple[str, float]], int]:
    """Own and inclusive sample shares per frame from py-spy's collapsed-stack output."""
    own: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack:
            continue
        count = int(n)
        # "func (file:line)" -> "func (file)": a function's lines are one frame
        frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")
                  if not f.startswith(("process ", "thread "))]
        total += count
        if frames:
            own[frames[-1]] += count
        for f in set(frames):
            incl[f] += count
    share = [(f, c / total) for f, c in own.most_common(limit)]
    inclusive = [(f, c / total) for f, c in incl.most_common(limit * 4)]
    return share, inclusive, total


def busy_case(b: dict[str, Any], dovecot: Dovecot, extra: list[generate.Mail], work: Path,
              runs: int, args: argparse.Namespace) -> None:
    """Issue 21: the whole ``mailsum run`` on the busy mailbox, against mbsync mirroring it.

    mbsync and the first run alternate, so both see the same state of this shared machine.
    """
    rules = work / "busy-rules"
    rules.mkdir()
    (rules / "customers.yaml").write_text(generate.busy_rules(generate.busy_orgs(b["customers"])))
    port = dovecot.port
    log(f"busy warm-up fetch: {floor(port, 'busy', args.batch, parse=False)}")
    b["mbsync_s"], b["first"] = [], []
    state_dir = None
    for i in range(runs):
        b["mbsync_s"].append(mbsync(port, "busy", work))
        log(f"busy: mbsync run {i + 1}: {b['mbsync_s'][-1]:.2f} s")
        state_dir = config_dir(port, "busy", work, "busy", rules, args.jobs)
        b["first"].append(poll(state_dir, command="run"))
        log(f"busy: first run {i + 1}: {b['first'][-1]}")
    assert state_dir is not None
    b["nonew"], b["new100"] = [], []
    for i in range(runs):
        b["nonew"].append(poll(state_dir, command="run"))
        log(f"busy: no-new run {i + 1}: {b['nonew'][-1]}")
        dovecot.append("busy", [m.data for m in extra[i * NEW_BATCH:(i + 1) * NEW_BATCH]])
        b["new100"].append(poll(state_dir, command="run"))
        log(f"busy: {NEW_BATCH} new, run {i + 1}: {b['new100'][-1]}")
    if args.profile:
        prof = work / "busy-profile.txt"
        d = config_dir(port, "busy", work, "busy-profile", rules, args.jobs)
        log(f"busy: profiling a first run with py-spy: {poll(d, profile=prof, command='run')}")
        own, incl, total = top_frames(prof)
        keep = Path(tempfile.gettempdir()) / f"mailsum-perf-busy-profile-{b['messages']}.txt"
        shutil.copy(prof, keep)
        b["profile"] = {"samples": total, "own": own, "inclusive": incl, "raw": str(keep)}


# ----------------------------------------------------------------------------- report


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def fmt_runs(values: list[float], unit: str = "s") -> str:
    return f"{median(values):8.2f} {unit}   runs: " + ", ".join(f"{v:.2f}" for v in values)


def goal(label: str, value: float, limit: float, lower_is_better: bool = True) -> str:
    ok = value <= limit if lower_is_better else value >= limit
    sign = "≤" if lower_is_better else "≥"
    return f"  {label:<58} {value:7.2f}  (goal {sign} {limit:g})  {'MET' if ok else 'MISSED'}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--big", action="store_true", help="100,000 messages")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=100, help="floor's FETCH batch size")
    ap.add_argument("--rank-sentences", type=int, default=1000)
    ap.add_argument("--rank-count", type=int, default=10)
    ap.add_argument("--profile", action="store_true",
                    help="also profile one first poll with py-spy and print the top frames")
    ap.add_argument("--skip", default="",
                    help="comma list of: mbsync,floor,first,nonew,rank,busy")
    ap.add_argument("--busy-messages", type=int, default=10_000,
                    help="size of the busy mailbox (100,000 with --big)")
    ap.add_argument("--busy-customers", type=int, default=50)
    ap.add_argument("--busy-days", type=float, default=7.0,
                    help="the busy mailbox's mail lies within this many days before now")
    ap.add_argument("--jobs", help="the config's jobs: for the busy runs (default: auto)")
    ap.add_argument("--json", type=Path, help="results file (default /tmp/mailsum-perf-N.json)")
    args = ap.parse_args()
    n = 100_000 if args.big else args.messages
    runs = max(1, args.runs)
    skip = set(filter(None, args.skip.split(",")))
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"), "messages": n, "runs": runs,
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, "
                   f"Python {platform.python_version()}",
        "loadavg_start": os.getloadavg()}

    log(f"generating {n} + {NEW_BATCH * runs} messages (seed {args.seed})")
    t = time.perf_counter()
    mails = generate.generate(n + NEW_BATCH * runs, seed=args.seed)
    small = generate.generate(SMALL, seed=args.seed + 1)
    base, extra = mails[:n], mails[n:]
    results["generate_s"] = time.perf_counter() - t
    results["mailbox_mb"] = sum(len(m.data) for m in base) / 1e6
    log(f"generated in {results['generate_s']:.1f} s, {results['mailbox_mb']:.1f} MB")
    busy_n = 100_000 if args.big else args.busy_messages
    if "busy" not in skip:
        t = time.perf_counter()
        # the newest 100 × runs are held back for the "100 new" step, like above
        busy_all = generate.generate_busy(busy_n + NEW_BATCH * runs, seed=args.seed,
                                          customers=args.busy_customers, days=args.busy_days)
        busy_base, busy_extra = busy_all[:busy_n], busy_all[busy_n:]
        results["busy"] = {"messages": busy_n, "customers": args.busy_customers,
                           "days": args.busy_days, "generate_s": time.perf_counter() - t,
                           "mailbox_mb": sum(len(m.data) for m in busy_base) / 1e6}
        log(f"busy mailbox: {results['busy']}")

    work = Path(tempfile.mkdtemp(prefix="mailsum-perf-work-", dir=PLACE))
    results["bytecode_warm_s"] = warm_bytecode(work / "pycache")
    log(f"bytecode compiled into {PYCACHE} in {results['bytecode_warm_s']:.1f} s")
    dovecot = Dovecot({"bench": PASSWORD, "small": PASSWORD, "busy": PASSWORD}).start()
    try:
        t = time.perf_counter()
        dovecot.fill("bench", [(m.date.timestamp(), m.data) for m in base])
        dovecot.fill("small", [(m.date.timestamp(), m.data) for m in small])
        if "busy" not in skip:
            dovecot.fill("busy", [(m.date.timestamp(), m.data) for m in busy_base])
        results["fill_s"] = time.perf_counter() - t
        t = time.perf_counter()
        log("indexing: " + dovecot.index("bench") + " / " + dovecot.index("small")
            + ("" if "busy" in skip else " / " + dovecot.index("busy")))
        results["index_s"] = time.perf_counter() - t
        log(f"Maildir written in {results['fill_s']:.1f} s, indexed in {results['index_s']:.1f} s")
        port = dovecot.port
        # warm-up: page cache and Dovecot's index cache
        log(f"warm-up fetch: {floor(port, 'bench', args.batch, parse=False)}")

        if "mbsync" not in skip:
            results["mbsync_s"] = []
            for i in range(runs):
                results["mbsync_s"].append(mbsync(port, "bench", work))
                log(f"mbsync run {i + 1}: {results['mbsync_s'][-1]:.2f} s")
            results["mbsync_nofsync_s"] = []
            for i in range(runs):
                results["mbsync_nofsync_s"].append(mbsync(port, "bench", work, fsync=False))
                log(f"mbsync (FSync no) run {i + 1}: {results['mbsync_nofsync_s'][-1]:.2f} s")
        if "floor" not in skip:
            results["floor"] = []
            for i in range(runs):
                results["floor"].append(floor(port, "bench", args.batch))
                log(f"floor run {i + 1}: {results['floor'][-1]}")

        state_dir = None
        if "first" not in skip:
            results["first"] = []
            for i in range(runs):
                state_dir = config_dir(port, "bench", work, "first")
                results["first"].append(poll(state_dir))
                log(f"first poll run {i + 1}: {results['first'][-1]}")
        if "nonew" not in skip:
            small_dir = config_dir(port, "small", work, "small")
            log(f"small mailbox first poll: {poll(small_dir)}")
            results["nonew_small"] = []
            for i in range(runs):
                results["nonew_small"].append(poll(small_dir))
                log(f"no-new poll, {SMALL} messages, run {i + 1}: {results['nonew_small'][-1]}")
            if state_dir is None:
                state_dir = config_dir(port, "bench", work, "first")
                log(f"first poll (for the state): {poll(state_dir)}")
            results["nonew"], results["new100"] = [], []
            for i in range(runs):
                results["nonew"].append(poll(state_dir))
                log(f"no-new poll, run {i + 1}: {results['nonew'][-1]}")
                dovecot.append("bench", [m.data for m in extra[i * NEW_BATCH:(i + 1) * NEW_BATCH]])
                results["new100"].append(poll(state_dir))
                log(f"{NEW_BATCH} new, run {i + 1}: {results['new100'][-1]}")
        if "busy" not in skip:
            busy_case(results["busy"], dovecot, busy_extra, work, runs, args)
        if args.profile:
            prof = work / "profile.txt"
            d = config_dir(port, "bench", work, "profile")
            log(f"profiling a first poll with py-spy: {poll(d, profile=prof)}")
            own, incl, total = top_frames(prof)
            results["profile"] = {"samples": total, "own": own, "inclusive": incl}
            keep = Path(tempfile.gettempdir()) / f"mailsum-perf-profile-{n}.txt"
            shutil.copy(prof, keep)
            results["profile"]["raw"] = str(keep)
    finally:
        dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)

    if "rank" not in skip:
        results["rank"] = {}
        for org, lang in (("acme", "de"), ("brightline", "en")):
            sentences = ranking.unique_sentences(generate.sentences_of(mails, org),
                                                 args.rank_sentences)
            cold = ranking.ours(sentences, args.rank_count, lang)[0]  # fills the stem cache
            ranking.lexrank(sentences, args.rank_count, lang)
            rows = []
            for _ in range(runs):
                t_ours, a = ranking.ours(sentences, args.rank_count, lang)
                t_lex, b = ranking.lexrank(sentences, args.rank_count, lang)
                rows.append((t_ours, t_lex, ranking.overlap(a, b)))
            results["rank"][lang] = {"customer": org, "sentences": len(sentences),
                                     "ours_cold_s": cold,
                                     "ours_s": [r[0] for r in rows],
                                     "lexrank_s": [r[1] for r in rows],
                                     "overlap": rows[-1][2]}
            log(f"ranking {lang}: {results['rank'][lang]}")
    results["loadavg_end"] = os.getloadavg()
    out = args.json or Path(tempfile.gettempdir()) / f"mailsum-perf-{n}.json"
    out.write_text(json.dumps(results, indent=1, default=str))
    report(results, n)
    print(f"\n(results: {out})")
    return 0


def report(r: dict[str, Any], n: int) -> None:
    print(f"\nmailsum performance — {r['date']} — {r['machine']}")
    print(f"{n} messages ({r['mailbox_mb']:.1f} MB), median of {r['runs']} runs; "
          f"load average {r['loadavg_start'][0]:.2f} at start, {r['loadavg_end'][0]:.2f} at end")
    print(f"setup: generate {r['generate_s']:.1f} s, write Maildir {r['fill_s']:.1f} s, "
          f"Dovecot index {r['index_s']:.1f} s\n")
    col = 44
    if "mbsync_s" in r:
        print(f"{'1 mbsync mirror (default: fsync per file)':<{col}}" + fmt_runs(r["mbsync_s"]))
        print(f"{'  mbsync mirror, FSync no':<{col}}" + fmt_runs(r["mbsync_nofsync_s"]))
    if "floor" in r:
        f = r["floor"]
        print(f"{'2 floor: imapclient fetch + mail-parser':<{col}}"
              + fmt_runs([x["total_s"] for x in f]))
        print(f"{'    of which IMAP fetch':<{col}}" + fmt_runs([x["fetch_s"] for x in f]))
        print(f"{'    of which mail-parser parse':<{col}}" + fmt_runs([x["parse_s"] for x in f]))
        print(f"{'    (stdlib compat32 parse, not in floor)':<{col}}"
              + fmt_runs([x["compat32_parse_s"] for x in f]))
    for key, label in (("first", "3 mailsum poll, first run"),
                       ("nonew", f"4 mailsum poll, no new mail ({n})"),
                       ("nonew_small", f"4 mailsum poll, no new mail ({SMALL})"),
                       ("new100", f"4 mailsum poll, {NEW_BATCH} new on {n}")):
        if key in r:
            print(f"{label:<{col}}" + fmt_runs([x["wall_s"] for x in r[key]]))
            print(f"{'    CPU (user+sys)':<{col}}" + fmt_runs([x["cpu_s"] for x in r[key]]))
            print(f"{'    peak RSS (largest process)':<{col}}"
                  + fmt_runs([x["maxrss_mb"] for x in r[key]], "MB"))
            if all("tree_pss_mb" in x for x in r[key]):
                most = max(x["processes"] for x in r[key])
                print(f"{f'    peak PSS, all {most} processes':<{col}}"
                      + fmt_runs([x["tree_pss_mb"] for x in r[key]], "MB"))
    for lang, x in r.get("rank", {}).items():
        label = f"6 ranking {lang} ({x['customer']}, {x['sentences']} sentences): ours"
        print(f"{label:<{col}}" + fmt_runs(x["ours_s"]))
        print(f"{'    ours, first call (cold caches)':<{col}}{x.get('ours_cold_s', 0):8.2f} s")
        print(f"{'    sumy LexRank':<{col}}" + fmt_runs(x["lexrank_s"]))
        print(f"{'    overlap of the chosen sentences':<{col}}{x['overlap']:8.0%}")

    print("\nGoals (ratios from this run):")
    med = {k: median([x["wall_s"] for x in r[k]]) for k in ("first", "nonew", "nonew_small",
                                                             "new100") if k in r}
    if "first" in med and "mbsync_s" in r:
        print(goal("first poll / mbsync mirror", med["first"] / median(r["mbsync_s"]), 1.0))
        print(goal("first poll / mbsync mirror with FSync no",
                   med["first"] / median(r["mbsync_nofsync_s"]), 1.0))
    if "first" in med and "floor" in r:
        print(f"  {'(first poll / floor, for orientation)':<58} "
              f"{med['first'] / median([x['total_s'] for x in r['floor']]):7.2f}")
    if "nonew" in med:
        print(goal(f"no-new poll on {n} / no-new poll on {SMALL}",
                   med["nonew"] / med["nonew_small"], 1.2))
        print(goal(f"{NEW_BATCH} new / no-new poll", med["new100"] / med["nonew"], 2.0))
    if "first" in r:
        # the memory of every process of the run: PSS summed over the run and its workers
        rss = median([x.get("tree_pss_mb", x["maxrss_mb"]) for x in r["first"]])
        if n >= 100_000:
            print(goal("peak memory of first poll, all processes (MB)", rss, 300))
            base = Path(tempfile.gettempdir()) / "mailsum-perf-10000.json"
            small = json.loads(base.read_text()).get("first", []) if base.exists() else []
            if small and all("tree_pss_mb" in x for x in small):
                small_rss = median([x["tree_pss_mb"] for x in small])
                print(goal(f"peak memory at {n} / at 10000 ({small_rss:.0f} MB)",
                           rss / small_rss, 1.3))
            else:
                print("  peak memory ratio: run the 10,000 benchmark first for its figure")
        else:
            print(f"  {'peak memory of first poll, all processes (MB; goal ≤ 300 at 100k)':<58}"
                  f" {rss:7.1f}")
    for lang, x in r.get("rank", {}).items():
        print(goal(f"ranking {lang}: LexRank time / ours (medians)",
                   median(x["lexrank_s"]) / median(x["ours_s"]), 50, lower_is_better=False))
        print(goal(f"ranking {lang}: LexRank time / ours (best runs)",
                   min(x["lexrank_s"]) / min(x["ours_s"]), 50, lower_is_better=False))
        print(goal(f"ranking {lang}: overlap with LexRank", x["overlap"], 0.9,
                   lower_is_better=False))
    if "busy" in r:
        report_busy(r["busy"])
    for p, what in ((r.get("profile"), "first poll"),
                    (r.get("busy", {}).get("profile"), "busy first run")):
        if p is not None:
            print_profile(p, what)


def report_busy(b: dict[str, Any]) -> None:
    """Issue 21's figures and goals: the busy mailbox, ratios from this run."""
    col = 44
    print(f"\nBusy mailbox (issue 21): {b['messages']} messages ({b['mailbox_mb']:.1f} MB) of "
          f"{b['customers']} customers within {b['days']:g} days, whole `mailsum run`")
    print(f"{'1 mbsync mirror (default: fsync per file)':<{col}}" + fmt_runs(b["mbsync_s"]))
    for key, label in (("first", "3 mailsum run, first"),
                       ("nonew", "4 mailsum run, no new mail"),
                       ("new100", f"4 mailsum run, {NEW_BATCH} new")):
        rows = b.get(key, [])
        if not rows:
            continue
        print(f"{label:<{col}}" + fmt_runs([x["wall_s"] for x in rows]))
        print(f"{'    CPU (user+sys)':<{col}}" + fmt_runs([x["cpu_s"] for x in rows]))
        print(f"{'    peak RSS (largest process)':<{col}}"
              + fmt_runs([x["maxrss_mb"] for x in rows], "MB"))
        most = max(x["processes"] for x in rows)
        print(f"{f'    peak PSS, all {most} processes':<{col}}"
              + fmt_runs([x["tree_pss_mb"] for x in rows], "MB"))
        print(f"{'    updates written (total in the folder)':<{col}}"
              + ", ".join(str(x["updates"]) for x in rows))
    first = median([x["wall_s"] for x in b["first"]])
    print("\nGoals of issue 21 (ratios from this run):")
    print(goal("busy first run / mbsync mirror", first / median(b["mbsync_s"]), 1.0))
    pairs = [f / m for f, m in zip([x["wall_s"] for x in b["first"]], b["mbsync_s"], strict=True)]
    print(f"  {'  (each run / the mbsync run just before it)':<58} "
          + ", ".join(f"{v:.2f}" for v in pairs))
    if b.get("nonew"):
        nonew = median([x["wall_s"] for x in b["nonew"]])
        print(goal("busy no-new run / first run", nonew / first, 0.05))
        print(goal(f"busy {NEW_BATCH} new / no-new run",
                   median([x["wall_s"] for x in b["new100"]]) / nonew, 2.0))
    pss = median([x["tree_pss_mb"] for x in b["first"]])
    if b["messages"] >= 100_000:
        print(goal("busy first run: peak memory, all processes (MB)", pss, 300))
    else:
        print(f"  {'busy first run: peak memory, all processes (MB; ≤ 300 at 100k)':<58} "
              f"{pss:7.1f}")


def print_profile(p: dict[str, Any], what: str) -> None:
    if p:
        print(f"\npy-spy profile of one {what}, CPU samples of the run and its workers "
              f"({p['samples']} samples, raw: {p['raw']})")
        print("  top frames by own time:")
        for frame, share in p["own"][:15]:
            print(f"    {share:6.1%}  {frame}")
        print("  top frames by inclusive time:")
        shown = [(f, s) for f, s in p["inclusive"] if not any(
            k in f for k in ("<frozen", "click/", "runpy", "__main__", "process "))]
        for frame, share in shown[:25]:
            print(f"    {share:6.1%}  {frame}")


if __name__ == "__main__":
    sys.exit(main())
