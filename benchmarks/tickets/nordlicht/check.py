#!/usr/bin/env python3
"""Soundness checks of the set: threads of manifest == gold threads + junk; every keyword alternative of
gold occurs in its thread's mail; the scenario writes the same bytes twice."""
import hashlib, json, re, sys, tempfile
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# the shared scorer, read where it lies (never copied into the repository)
sys.path.insert(1, str(HERE.parents[2].parent / "shared" / "eval" / "tickets"))
import scenario
from score import mail_text, norm

gold = json.loads((HERE / "gold.json").read_text())
def digest(d):
    h = hashlib.sha256()
    for f in sorted(Path(d).rglob("*")):
        if f.is_file():
            h.update(f.name.encode()); h.update(f.read_bytes())
    return h.hexdigest()
with tempfile.TemporaryDirectory() as t:
    m1 = scenario.build(t + "/a"); m2 = scenario.build(t + "/b")
    same = digest(t + "/a") == digest(t + "/b") and m1 == m2
    print("same bytes twice:", same)
    texts = {}
    for m in m1:
        texts.setdefault(m["thread"], []).append(mail_text(Path(t) / "a" / "cur" / m["file"]))
gthreads = {k for c in gold["customers"].values() for k in c["threads"]} | set(gold["junk"])
mthreads = set(texts)
print("threads in manifest not in gold:", mthreads - gthreads, " in gold not in manifest:", gthreads - mthreads)
bad = 0
for cid, c in gold["customers"].items():
    for tk, th in c["threads"].items():
        low = norm(" ".join(texts.get(tk, []))).lower()
        for it in th["open"]:
            for g in it["keywords"]:
                alts = g.split("|")
                miss = [a for a in alts if a.lower() not in low]
                if len(miss) == len(alts):
                    print("GROUP ABSENT", tk, it["id"], g); bad += 1
                elif miss:
                    print("  alt absent", tk, it["id"], miss)
        for e in th["not_open"]:
            for g in e["keywords"]:
                alts = g.split("|")
                miss = [a for a in alts if a.lower() not in low]
                if len(miss) == len(alts):
                    print("  not_open group absent", tk, g)
print("msgs", len(m1), "threads", len(mthreads), "bad", bad)
