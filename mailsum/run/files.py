"""``mailsum extract``: thread and extract files without any config or state.

Apart from the runner, whose import must stay light (a cron run with no new mail does not load
the parse and analysis stacks this needs).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from mailsum.analysis import thread
from mailsum.errors import ParseError
from mailsum.extract import points as extract
from mailsum.extract.explain import explain as explain_point
from mailsum.models import ParsedMessage
from mailsum.parse import message as parse
from mailsum.sources import fetch


def extract_files(paths: list[Any], *, sentences: int = 3, ratio: float | None = None,
                  own_text: bool = False, per_sentence: bool = False,
                  explain: bool = False) -> dict[str, Any]:
    """``mailsum extract``: thread and extract the given files without any config.

    ``per_sentence``: every request, question, promise and fault as the sentence rules find
    it (``read_thread``), not one point per matter; the sentence-level benchmarks score this.
    ``explain``: each point also lists the cue entries that fired for its sentences.
    """
    messages: list[ParsedMessage] = []
    failures: list[dict[str, Any]] = []
    seen: set[str] = set()
    for raw in fetch.read_files(paths):
        try:
            msg = parse.parse_message(raw.data)
        except ParseError as exc:
            failures.append({"source": raw.source, "key": raw.key, "reason": str(exc)})
            continue
        if msg.message_id in seen:
            continue
        seen.add(msg.message_id)
        messages.append(msg)
    if own_text:
        return {"messages": [{"message_id": m.message_id, "own_text": m.own_text}
                             for m in messages], "failures": failures}
    by_id = {m.message_id: m for m in messages}
    out = []
    for t in thread.thread_messages(messages):
        members = [by_id[i] for i in t.message_ids if i in by_id]
        read = extract.read_thread if per_sentence else extract.extract_thread
        result = read(t, members, summary_sentences=sentences,  # no config: no team
                      summary_ratio=ratio)
        points = [{"kind": p.kind, "text": p.text, "status": p.status,
                   "message_id": p.message_id, "owner": p.owner, "raised_by": p.raised_by,
                   "due": p.due.isoformat() if p.due else None, "promise": p.promise}
                  for p in result.points]
        if explain:
            for point in points:
                msg = by_id.get(point["message_id"])
                point["explain"] = [asdict(f) for f in explain_point(
                    point["text"], msg.date if msg else None, msg.language if msg else "de")]
        out.append({
            "subject": t.subject, "message_ids": t.message_ids, "summary": result.summary,
            "state": result.ticket.state if result.ticket else None, "points": points,
        })
    return {"threads": out, "failures": failures}
