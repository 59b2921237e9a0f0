"""Which cue entries fired for a point: ``mailsum extract --explain``.

A point's kind and status come from the cue tables (``mailsum.extract.cues``) and from who
wrote what when (``extract.acts``, ``extract.tickets``). When a point looks wrong, the first
question is which entry made it: this names each entry that matches a sentence of the point,
with the file and line where the entry is declared, so the fix starts at the right rule (as
``mailsum rules test`` names file:line for routing). Not on the run's path: each entry is
matched alone, which is slow and fine for one thread at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mailsum.extract import cues
from mailsum.extract.dates import explain_due
from mailsum.text.segment import split_sentences


@dataclass(frozen=True)
class Fired:
    table: str
    entry: str
    where: str
    sentence: str


def explain(text: str, sent: datetime | None = None, language: str = "de") -> list[Fired]:
    """Every entry of every table that matches a sentence of ``text``, sentence by sentence;
    given when the mail was sent, also the date form that reads its due date (the day in
    ``sentence``)."""
    out: list[Fired] = []
    for sentence in split_sentences(text) or [text]:
        flat = " ".join(sentence.split())
        for table in cues.TABLES.values():
            out.extend(Fired(table.name, c.name, c.where, flat) for c in table.fired(flat))
    found = explain_due(text, sent, language) if sent is not None else None
    if found is not None:
        day, form = found
        out.append(Fired("dates", f"dates.{form}", "mailsum/extract/dates.py", day.isoformat()))
    return out
