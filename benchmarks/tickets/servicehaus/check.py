#!/usr/bin/env python3
"""Soundness checks of the heldout2 set: every manifest thread in gold and back, every gold keyword
group present in its thread's mail, the same bytes on every build, and (with -s) the sentences of each
thread's own text (quotes left out) that contain an open item's keyword, for reading."""
import email, hashlib, json, re, sys, tempfile
from email import policy
from pathlib import Path
import html as H
sys.path.insert(0, str(Path(__file__).parent))
import scenario

gold = json.loads(Path(__file__).with_name("gold.json").read_text())
def digest(d):
    h = hashlib.sha256()
    for f in sorted(Path(d, "cur").iterdir()):
        h.update(f.name.encode()); h.update(f.read_bytes())
    return h.hexdigest()
with tempfile.TemporaryDirectory() as t:
    m1 = scenario.build(t + "/a"); m2 = scenario.build(t + "/b")
    same = digest(t + "/a") == digest(t + "/b") and m1 == m2
    print("same bytes twice:", same)
    texts, own = {}, {}
    for m in m1:
        msg = email.message_from_bytes(Path(t, "a", "cur", m["file"]).read_bytes(), policy=policy.default)
        parts = []
        for p in msg.walk():
            if p.get_content_type() == "text/plain":
                parts.append(p.get_content())
            elif p.get_content_type() == "text/html" and not any(q.get_content_type() == "text/plain" for q in msg.walk()):
                parts.append(H.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<style.*?</style>", " ", p.get_content()))))
        body = " ".join(parts)
        texts.setdefault(m["thread"], []).append(body + " " + m["subject"])
        o = re.split(r"\n(?:-----Ursprüngliche Nachricht-----|________________________________|Am .{0,60}schrieb.*:|On .{0,80}wrote:)", body)[0]
        own.setdefault(m["thread"], []).append((m["file"][:10], "\n".join(l for l in o.split("\n") if not l.startswith(">"))))
man_threads = {m["thread"] for m in m1}
gold_threads = {t for c in gold["customers"].values() for t in c["threads"]} | set(gold["junk"])
print("threads in manifest not in gold:", man_threads - gold_threads, "| in gold not in manifest:", gold_threads - man_threads)
norm = lambda s: re.sub(r"\s+", " ", s.replace("\u00a0", " ")).lower()
bad = 0
for cid, c in gold["customers"].items():
    for t, th in c["threads"].items():
        blob = norm(" ".join(texts.get(t, [])))
        for e in th["open"] + th["not_open"]:
            for g in e["keywords"]:
                alts = g.split("|")
                hit = [a for a in alts if a.lower() in blob]
                if not hit:
                    bad += 1; print(f"  NO KEYWORD in mail: {t} {e.get('id', e.get('reason'))} group {g!r}")
                dead = [a for a in alts if a.lower() not in blob]
                if dead and "-v" in sys.argv:
                    print(f"  (unused alternatives) {t} {e.get('id', e.get('reason'))}: {dead}")
print("keyword groups without any occurrence:", bad)
if "-s" in sys.argv:
    for cid, c in gold["customers"].items():
        for t, th in c["threads"].items():
            for it in th["open"]:
                alts = [a.lower() for g in it["keywords"] for a in g.split("|")]
                print(f"\n## {t} {it['id']}")
                for fn, o in own[t]:
                    for s in re.split(r"(?<=[.!?])\s+|\n\n", o):
                        if any(a in norm(s) for a in alts):
                            print("   ", fn, norm(s)[:160])
