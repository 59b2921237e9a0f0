"""Golden threads: real-looking mail in (``fixtures/threads/<name>/*.eml``), what a careful reader
of that mail lists out (``expected.yaml``), through the path a run takes: parse, thread, then
route and extract with the rules as the runner loads them.

``expected.yaml`` was written from the mail, not from mailsum's output. Where mailsum reads the
mail otherwise, the expectation stands and the check is marked ``xfail`` in the file (key
``xfail``, with the reason), strict, so the day mailsum gets it right the mark has to go.

Keys: ``customer`` (routed id), ``state`` (whose move it is), ``next_step`` (a keyword of what
comes next: our latest promise or question), ``owner_changes`` (old, new), and ``open`` and
``settled``, the points: ``keyword`` finds one by its text, ``says`` is what that text must
name, ``kind``, ``owner``, ``due`` (a date or null), ``escalation``, ``resolved_by`` (the .eml
that settled it). Every open point must be one the file lists: a point the careful reader would
not list is a false alarm. A point's status and each of its fields are cases of their own, and
so is each ``xfail``: a top-level one names the key (``state: reason``), a point's one the
field (``kind: reason``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from mailsum.analysis.thread import thread_messages
from mailsum.config.loader import load_rules
from mailsum.models import Point, ThreadExtract
from mailsum.parse.message import parse_message
from mailsum.run.threadwork import analyze_threads
from mailsum.state.codec import message_to_json

THREADS = Path(__file__).resolve().parent / "fixtures" / "threads"
RULES = THREADS / "rules.yaml"


@dataclass(frozen=True)
class Reading:
    """What the run makes of one fixture thread."""

    customer: str | None
    result: ThreadExtract
    ids: dict[str, str]  # .eml file name -> its Message-ID


@cache
def read(name: str) -> Reading:
    """Parse every .eml of the fixture, thread them, route and extract as a run does."""
    folder = THREADS / name
    files = sorted(folder.glob("*.eml"))
    messages = [parse_message(f.read_bytes()) for f in files]
    threads = thread_messages(messages)
    assert len(threads) == 1, f"{name}: the mails form {len(threads)} threads, not one"
    by_id = {m.message_id: m for m in messages}
    (thread,) = threads
    work = [(thread, [message_to_json(by_id[i]) for i in thread.message_ids], True, {})]
    (analysed,) = analyze_threads(work, load_rules([RULES]))
    return Reading(analysed.customer_id, analysed.result,
                   {f.name: m.message_id for f, m in zip(files, messages, strict=True)})


def expected(name: str) -> dict[str, Any]:
    return yaml.safe_load((THREADS / name / "expected.yaml").read_text(encoding="utf-8"))


def words(want: dict[str, Any], key: str = "keyword") -> list[str]:
    """A point's ``keyword`` (what finds it) or ``says`` (what its text must name): one word
    of the matter, or a list of them, any one of which will do."""
    value = want[key]
    return [value] if isinstance(value, str) else list(value)


def holds(text: str, any_of: list[str]) -> bool:
    return any(w.lower() in text.lower() for w in any_of)


def find(reading: Reading, any_of: list[str], status: str) -> Point:
    """The one point of ``status`` whose text holds one of ``any_of`` (any case); where none of
    that status does, the one point of another status (the status case then fails)."""
    hits = [p for p in reading.result.points if holds(p.text, any_of)]
    hits = [p for p in hits if p.status == status] or hits
    assert len(hits) == 1, (any_of, [(p.kind, p.status, p.text) for p in reading.result.points])
    return hits[0]


def check_point(reading: Reading, want: dict[str, Any], status: str, field: str) -> None:
    point = find(reading, words(want), status)
    if field == "status":
        assert point.status == status, point
    elif field == "says":
        assert holds(point.text, words(want, "says")), point.text
    elif field == "due":
        due = want["due"]
        assert point.due == (date.fromisoformat(str(due)) if due else None), point
    elif field == "resolved_by":
        assert point.resolved_by == reading.ids[want["resolved_by"]], point
    else:
        assert getattr(point, field) == want[field], point


def check(name: str, what: str, want: Any) -> None:
    reading = read(name)
    if what == "customer":
        assert reading.customer == want
    elif what == "state":
        assert reading.result.ticket is not None and reading.result.ticket.state == want
    elif what == "next_step":
        ticket = reading.result.ticket
        assert ticket is not None and want.lower() in (ticket.next_step or "").lower(), ticket
    elif what == "owner_changes":
        got = [(c.old, c.new) for c in reading.result.owner_changes]
        assert got == [(c["old"], c["new"]) for c in want]
    elif what == "only_these_open":
        words = [k.lower() for k in want]
        extra = [p.text for p in reading.result.points
                 if p.status == "open" and not any(k in p.text.lower() for k in words)]
        assert extra == [], "open points the mail does not leave open"
    else:
        group, _, field = what.split(":")
        check_point(reading, want, "open" if group == "open" else "resolved", field)


FIELDS = ("says", "kind", "owner", "due", "escalation", "resolved_by")


def cases() -> list[Any]:
    """One case per expectation of every fixture (a point's status and each of its fields
    apart), so a finding marks only itself."""
    out = []
    for folder in sorted(p for p in THREADS.iterdir() if p.is_dir()):
        name, data = folder.name, expected(folder.name)
        marks = data.get("xfail", {}) or {}
        items: list[tuple[str, Any, str | None]] = [
            (key, data[key], marks.get(key))
            for key in ("customer", "state", "next_step", "owner_changes") if key in data]
        items.append(("only_these_open",
                      [k for p in data.get("open", []) for k in words(p)],
                      marks.get("only_these_open")))
        for group in ("open", "settled"):
            for p in data.get(group, []):
                point_marks = p.get("xfail", {}) or {}
                label = f"{group}:{words(p)[0]}"
                items += [(f"{label}:{field}", p, point_marks.get(field))
                          for field in ("status", *FIELDS) if field == "status" or field in p]
        for what, want, reason in items:
            mark = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(name, what, want, id=f"{name}-{what}", marks=mark))
    return out


def test_there_are_golden_threads_in_both_languages() -> None:
    names = [p.name for p in THREADS.iterdir() if p.is_dir()]
    assert len(names) >= 8
    assert {n.split("-")[0] for n in names} == {"de", "en"}
    assert all((THREADS / n / "expected.yaml").is_file() for n in names)


@pytest.mark.parametrize(("name", "what", "want"), cases())
def test_golden_thread(name: str, what: str, want: Any) -> None:
    check(name, what, want)
