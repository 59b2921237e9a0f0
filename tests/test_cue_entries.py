"""Every entry of every cue table matches the sentences it names and none of its near misses.

The examples are the specification of a cue (``mailsum.text.cuetable``): add one when an entry
changes, and a new entry comes with at least one sentence it must match and one it must not.
Each entry is matched alone, in its table's form (word-bounded, at the start, whole sentence),
so an example proves that entry, not some neighbour in the same table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mailsum.extract import cues
from mailsum.text.cuetable import Cue, CueTable

ENTRIES = [(t, c) for t in cues.TABLES.values() for c in t.entries]


def _id(value: object) -> str:
    return value.name if isinstance(value, Cue | CueTable) else str(value)


@pytest.mark.parametrize(("table", "entry"), ENTRIES, ids=_id)
def test_an_entry_is_named_for_what_it_means_and_has_examples_both_ways(
        table: CueTable, entry: Cue) -> None:
    assert entry.name.startswith(f"{table.name}."), entry.where
    assert not re.fullmatch(r".*\.\d+", entry.name), f"{entry.where}: name it for its meaning"
    assert entry.matches, f"{entry.where}: {entry.name} has no sentence it must match"
    assert entry.rejects, f"{entry.where}: {entry.name} has no sentence it must not match"


@pytest.mark.parametrize(("table", "entry"), ENTRIES, ids=_id)
def test_an_entry_matches_its_sentences(table: CueTable, entry: Cue) -> None:
    regex = table.entry_regex(entry)
    missed = [s for s in entry.matches if not regex.search(" ".join(s.split()))]
    assert not missed, f"{entry.where}: {entry.name} must match {missed}"
    for sentence in entry.matches:  # and so does the whole table, as --explain says
        assert entry in table.fired(" ".join(sentence.split()))


@pytest.mark.parametrize(("table", "entry"), ENTRIES, ids=_id)
def test_an_entry_does_not_match_its_near_misses(table: CueTable, entry: Cue) -> None:
    regex = table.entry_regex(entry)
    wrong = [s for s in entry.rejects if regex.search(" ".join(s.split()))]
    assert not wrong, f"{entry.where}: {entry.name} must not match {wrong}"


def test_tables_and_entries_are_named_once() -> None:
    names = [c.name for _, c in ENTRIES]
    assert len(names) == len(set(names))
    assert len(cues.TABLES) == len({t.name for t in cues.TABLES.values()})


def test_an_entry_knows_where_it_is_declared() -> None:
    entry = cues.TABLES["escalation"].entries[0]
    path, line = entry.where.rsplit(":", 1)
    assert path == "mailsum/extract/cues/escalation.py"
    source = (Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8")
    assert f'cue("{entry.name}"' in source.splitlines()[int(line) - 1]
