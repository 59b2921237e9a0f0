#!/usr/bin/env python3
"""Soundness checks for held-out set 7 (standard library only):

1. the manifest's threads are exactly gold's threads (customers' and junk), every message before `now`;
2. every keyword group of every gold open item (and of every not_open entry) occurs in the mail of
   its thread (decoded text and HTML, normalised the way score.py normalises);
3. gold is well-formed: kinds, states, owners are team addresses, due in due_ok, unique ids,
   owner changes on existing threads, waiting threads hold only questions;
4. routing: each customer thread is claimed by its own customer's rules (first claimed message), no
   junk thread is claimed by any rule; every address domain ends in .example;
5. the same bytes twice: two builds give identical files.

    python3 check_set.py        # exit 0 when all checks pass
"""
import email
import hashlib
import html
import json
import re
import sys
import tempfile
from datetime import datetime
from email import policy
from email.utils import getaddresses
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scenario  # noqa: E402

errors, warnings = [], []


def norm(s):
    s = s.replace("\u00a0", " ").replace("\u00ad", "").replace("\u2011", "-")
    return re.sub(r"\s+", " ", s).strip()


def text_of(msg):
    parts = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "text/plain":
            parts.append(part.get_content())
        elif ctype == "text/html":
            h = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", part.get_content())
            parts.append(html.unescape(re.sub(r"(?s)<[^>]+>", " ", h)))
    return norm(" ".join(parts) + " " + str(msg.get("Subject", "")))


def build(d):
    man = scenario.build(str(d))
    files = {}
    for f in sorted((d / "cur").iterdir()):
        files[f.name] = f.read_bytes()
    return man, files


gold = json.loads((HERE / "gold.json").read_text())
team = [d.lower() for d in gold["team"]["domains"]]
now = datetime.fromisoformat(gold["now"])
with tempfile.TemporaryDirectory() as t1, tempfile.TemporaryDirectory() as t2:
    man, files = build(Path(t1) / "maildir")
    man2, files2 = build(Path(t2) / "maildir")

# 5. same bytes twice
if man != man2 or files != files2:
    errors.append("two builds differ")
digest = hashlib.sha256(b"".join(k.encode() + v for k, v in sorted(files.items()))).hexdigest()[:16]

# 1. threads
gold_threads = {t: cid for cid, c in gold["customers"].items() for t in c["threads"]}
gold_threads.update({j: None for j in gold["junk"]})
man_threads = {m["thread"] for m in man}
for t in sorted(man_threads - set(gold_threads)):
    errors.append(f"thread {t} in the manifest but not in gold")
for t in sorted(set(gold_threads) - man_threads):
    errors.append(f"thread {t} in gold but not in the manifest")
for m in man:
    if datetime.fromisoformat(m["date"]) >= now:
        errors.append(f"{m['message_id']} ({m['thread']}) is not before now")

# thread text
by_file = {m["file"]: m for m in man}
thread_text, msgs = {}, {}
for name, data in files.items():
    m = by_file[name]
    msg = email.message_from_bytes(data, policy=policy.default)
    thread_text[m["thread"]] = thread_text.get(m["thread"], "") + " " + text_of(msg)
    msgs.setdefault(m["thread"], []).append((m["date"], msg))
    for h in ("From", "To", "Cc"):
        for _, addr in getaddresses([str(x) for x in msg.get_all(h, [])]):
            if addr and not addr.lower().endswith(".example"):
                errors.append(f"{m['thread']}: address {addr} does not end in .example")


def present(text, group):
    low = text.lower()
    return any(alt.lower() in low for alt in group.split("|"))


# 2. keywords present
ids = set()
for cid, c in gold["customers"].items():
    for t, th in c["threads"].items():
        txt = thread_text.get(t, "")
        for it in th["open"]:
            for g in it["keywords"]:
                if not present(txt, g):
                    errors.append(f"{t}/{it['id']}: keyword group {g!r} not in the thread's mail")
            # 3. well-formed
            if it["id"] in ids:
                errors.append(f"duplicate item id {it['id']}")
            ids.add(it["id"])
            if it["kind"] not in ("question", "request", "todo", "blocker", "deadline"):
                errors.append(f"{it['id']}: bad kind {it['kind']}")
            if it["due"] not in it["due_ok"]:
                errors.append(f"{it['id']}: due not in due_ok")
            for o in it["owner"]:
                if o.split("@")[-1].lower() not in team:
                    errors.append(f"{it['id']}: owner {o} is not a team address")
            if it["problem"] and not it["why_problem"]:
                errors.append(f"{it['id']}: problem without why_problem")
        for ex in th["not_open"]:
            for g in ex["keywords"]:
                if not present(txt, g):
                    warnings.append(f"{t}: not_open group {g!r} not in the thread's mail")
            if ex["reason"] not in ("resolved", "answered", "social", "notification", "forwarded", "info"):
                errors.append(f"{t}: bad not_open reason {ex['reason']}")
        if th["state"] not in ("open_on_us", "waiting_on_customer", "resolved", "no_action"):
            errors.append(f"{t}: bad state")
        counted = [i for i in th["open"] if not i["optional"]]
        if th["state"] in ("open_on_us", "waiting_on_customer") and not counted:
            errors.append(f"{t}: open thread without a counted item")
        if th["state"] in ("resolved", "no_action") and th["open"]:
            errors.append(f"{t}: closed thread with open items")
        if th["state"] == "waiting_on_customer" and any(i["kind"] != "question" for i in counted):
            errors.append(f"{t}: waiting_on_customer with a non-question item")
    for oc in c["owner_changes"]:
        if oc["thread"] not in c["threads"]:
            errors.append(f"owner change on unknown thread {oc['thread']}")
    for s in c["identity"]:
        for other, oc in gold["customers"].items():
            if other != cid:
                for t in oc["threads"]:
                    if s in thread_text.get(t, ""):
                        warnings.append(f"identity {s!r} of {cid} occurs in {other}'s thread {t}")
for s in gold["never"]:
    if not any(s.lower() in x.lower() for x in thread_text.values()):
        warnings.append(f"never string {s!r} occurs in no mail")


# 4. routing, the way the rules read (first matching customer; team mail never matches by from_domain)
def claims(msg):
    frm = getaddresses([str(msg.get("From", ""))])
    dom = frm[0][1].split("@")[-1].lower() if frm else ""
    is_team = any(dom == d or dom.endswith("." + d) for d in team)
    subj = str(msg.get("Subject", ""))
    for cid, c in gold["customers"].items():
        for entry in c["match"]:
            ok = True
            if "from_domain" in entry:
                ok &= (not is_team) and any(dom == d or dom.endswith("." + d) for d in entry["from_domain"])
            if "subject" in entry:
                ok &= re.search(entry["subject"], subj, re.I) is not None
            if ok:
                return cid
    return None


for t, lst in msgs.items():
    first = next((claims(m) for _, m in sorted(lst, key=lambda x: datetime.fromisoformat(x[0])) if claims(m)), None)
    if first != gold_threads.get(t):
        errors.append(f"routing: thread {t} claimed by {first}, gold says {gold_threads.get(t)}")

n_items = sum(1 for c in gold["customers"].values() for th in c["threads"].values() for i in th["open"] if not i["optional"])
n_opt = sum(1 for c in gold["customers"].values() for th in c["threads"].values() for i in th["open"] if i["optional"])
print(f"{len(man)} messages, {len(man_threads)} threads ({len(gold_threads) - len(gold['junk'])} customer, "
      f"{len(gold['junk'])} junk), {n_items} counted items + {n_opt} optional; build digest {digest}")
for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
