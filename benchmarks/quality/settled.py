"""What settles points without a resolution word, on real threads: for reading, not scoring.

    python benchmarks/quality/settled.py [MBOX.gz ...]   # default: fedora-devel, January 2010

No public corpus labels "this reply answers that question", so this prints every question or
request that ``mailsum.extract.answers`` settles (and every promise that takes on a request) on
mailing-list threads, with the two sentences side by side, to be read one by one. Each thread's
first sender plays the customer and everyone else our team, so a reply by another list member
is "ours". Numbers on 2026-11-27: 170 question/request points, 21 settled as answered (read: 17
plain answers, 4 replies on the same topic that do not strictly answer), no take-ons (list
members rarely promise to do a request).
"""

from __future__ import annotations

import gzip
import mailbox
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mailsum.analysis import thread  # noqa: E402
from mailsum.extract import answers  # noqa: E402
from mailsum.extract import points as extract  # noqa: E402
from mailsum.models import ParsedMessage, Team  # noqa: E402
from mailsum.parse import message as parse  # noqa: E402

FEDORA = (ROOT.parent / "shared" / "corpora" / "threading" / "fedora-devel-2010-01-mhonarc"
          / "2010-January.txt.gz")


def read_mbox(path: Path) -> list[ParsedMessage]:
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "box.mbox"
        data = path.read_bytes()
        box.write_bytes(gzip.decompress(data) if path.suffix == ".gz" else data)
        messages = [parse.parse_message(m.as_bytes()) for m in mailbox.mbox(box)]
    for m in messages:
        m.auto = None  # list mail is bulk by its headers; here it is the conversation itself
    return messages


def main(paths: list[Path]) -> None:
    settled: list[tuple[str, str, str]] = []
    original = answers.answers

    def spy(question: str, statement: str) -> bool:
        hit = original(question, statement)
        if hit:
            settled.append((subject, question, statement))
        return hit

    answers.answers = spy  # extract calls it through the module, as the product does
    asked = taken = 0
    taken_on: list[tuple[str, str, str]] = []
    for path in paths:
        messages = read_mbox(path)
        by_id = {m.message_id: m for m in messages}
        for t in thread.thread_messages(messages):
            members = sorted((by_id[i] for i in t.message_ids if i in by_id),
                             key=lambda m: m.date)
            if len(members) < 2:
                continue
            subject = t.subject
            team = tuple({m.from_addr for m in members if m.from_addr != members[0].from_addr})
            result = extract.extract_thread(t, members, team=Team(addresses=team))
            asked += sum(p.kind in ("question", "request") for p in result.points)
            for p in result.points:
                if p.promise:
                    taken += 1
                    taken_on.append((subject, p.text, p.promise))
    answered = [s for s in settled if s[2] not in {p for _, _, p in taken_on}]
    print(f"question/request points {asked}, settled as answered {len(answered)}, "
          f"requests taken on by a promise {taken}")
    for label, rows in (("answered", answered), ("taken on", taken_on)):
        for subject, first, second in rows:
            print(f"\n[{label}] {subject[:70]}\n  asked: {' '.join(first.split())[:300]}"
                  f"\n  reply: {' '.join(second.split())[:300]}")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or [FEDORA])
