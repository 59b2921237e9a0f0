#!/usr/bin/env python3
"""Soundness checks for the heldout4 set: manifest vs gold threads, gold keywords present in the
thread's mail, never-strings present somewhere, and the scenario writes the same bytes twice."""
import email, hashlib, json, sys, tempfile
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scenario  # noqa: E402
sys.path.insert(0, str(HERE.parents[2].parent / "shared" / "eval" / "tickets"))  # the shared scorer
from score import mail_text, norm  # noqa: E402

gold = json.loads((HERE / "gold.json").read_text())
ok = True
digests = []
for run in range(2):
    d = Path(tempfile.mkdtemp(prefix="h4chk-")) / "maildir"
    man = scenario.build(str(d))
    h = hashlib.sha256()
    for f in sorted((d / "cur").iterdir()):
        h.update(f.name.encode()); h.update(f.read_bytes())
    h.update(json.dumps(man, sort_keys=True).encode())
    digests.append(h.hexdigest())
print("same bytes twice:", digests[0] == digests[1]); ok &= digests[0] == digests[1]

texts = {}
for m in man:
    texts.setdefault(m["thread"], []).append(mail_text(d / "cur" / m["file"]).lower())
gthreads = {t for c in gold["customers"].values() for t in c["threads"]} | set(gold["junk"])
mthreads = set(texts)
print("threads in manifest:", len(mthreads), "in gold:", len(gthreads))
for t in sorted(mthreads ^ gthreads):
    print("  THREAD MISMATCH", t); ok = False
allmail = " ".join(" ".join(v) for v in texts.values())
for cid, c in gold["customers"].items():
    for t, th in c["threads"].items():
        blob = " ".join(texts.get(t, []))
        for kind, entries in (("open", th["open"]), ("not_open", th["not_open"])):
            for e in entries:
                for g in e["keywords"]:
                    alts = [a for a in g.split("|")]
                    present = [a for a in alts if norm(a).lower() in blob]
                    if not present:
                        print(f"  NO KEYWORD IN MAIL {t} {kind} {e.get('id', '')}: {g}"); ok = False
                    elif kind == "open" and len(present) < len(alts):
                        print(f"  (note) {t} {e['id']}: alternatives not in mail: {sorted(set(alts) - set(present))}")
        # identity strings of other customers must not occur in this customer's mail
        for other, oc in gold["customers"].items():
            if other != cid:
                for s in oc["identity"]:
                    if s in " ".join(mail_text(d / "cur" / m["file"]) for m in man if m["thread"] == t):
                        print(f"  IDENTITY OF {other} IN {t}: {s}"); ok = False
for s in gold["never"]:
    if norm(s).lower() not in allmail:
        print("  (note) never-string not in any mail:", s)
print("messages:", len(man), "sound:", ok)
