"""What the extraction tests share: the JSON ticket fixtures, a message of a short thread, a
thread of mails taking turns, and picking the one point a test is about."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from builders import parsed

from mailsum.extract.points import read_thread
from mailsum.models import ParsedMessage, Point, Team, Thread, ThreadExtract

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def message_from_fixture(raw: dict) -> ParsedMessage:
    """One message of a ``fixtures/extract/*.json`` thread (its own text only)."""
    return parsed(raw["message_id"], from_addr=raw["from"], text=raw["own_text"],
                  date=datetime.fromisoformat(raw["date"]), auto=raw.get("auto"),
                  language=raw["language"])


def load_fixture(name: str) -> tuple[Thread, list[ParsedMessage], dict]:
    """The thread, its messages and the raw JSON of ``fixtures/extract/<name>``."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    messages = [message_from_fixture(m) for m in data["messages"]]
    thread = Thread(messages[0].message_id, data["subject"], [m.message_id for m in messages])
    return thread, messages, data


def run_fixture(name: str, reverse: bool = False, **kwargs: object) -> ThreadExtract:
    """Extraction over a fixture thread with its team domains; ``reverse`` hands the messages
    over newest first (extraction must order them itself)."""
    thread, messages, data = load_fixture(name)
    if reverse:
        messages = messages[::-1]
    return read_thread(
        thread,
        messages,
        team=Team(tuple(data["team_domains"])),
        **kwargs,  # type: ignore[arg-type]
    )


def point_with(extract: ThreadExtract, fragment: str) -> Point:
    """The one point whose text holds ``fragment`` (fails, listing the texts, unless one)."""
    hits = [p for p in extract.points if fragment in p.text]
    assert len(hits) == 1, [p.text for p in extract.points]
    return hits[0]


def msg(mid: str, sender: str, text: str, day: int, **kw: object) -> ParsedMessage:
    """A message of a short ticket thread, sent at 09:00 on ``day`` November 2026."""
    return parsed(mid, subject="[SWT#1] Export", from_addr=sender, text=text,
                  date=datetime(2026, 11, day, 9, 0, tzinfo=UTC), **kw)  # type: ignore[arg-type]


def answer_thread(*mails: tuple[str, str]) -> ThreadExtract:
    """A thread of ``(sender, text)`` mails a day apart (``<0@x>``, ``<1@x>``, …), the team
    at provider.de, Max Weber its owner."""
    msgs = [msg(f"<{i}@x>", sender, text, 16 + i) for i, (sender, text) in enumerate(mails)]
    thread = Thread("<0@x>", "Konten", [m.message_id for m in msgs])
    return read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="max.weber@provider.de")
