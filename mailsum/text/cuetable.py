"""Cue tables as data: named entries, each with sentences it must and must not match.

A cue table used to be a tuple of regex fragments with comments; which fragment made a sentence
a request was nowhere to be read, and a fragment's meaning lived only in its comment. Here an
entry (``Cue``) names a few fragments that mean one thing, and carries examples: sentences it
must match and near misses it must not match. One test (tests/test_cue_entries.py) asserts
every example of every entry, and ``mailsum extract --explain`` names the entries (with
file:line) that fired for a point, as ``mailsum rules test`` does for routing.

The matching itself does not change: a table's phrases, in the order written, are what the
matchers (``mailsum.text.screen`` or one compiled alternation) are built from.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

# How a table's fragments are matched; ``{alt}`` is their alternation. An entry alone is
# matched the same way, so its examples test it where it is used.
WORDS = r"(?<![\w-])(?:{alt})(?![\w-])"  # anywhere, at word boundaries (search)
ANY = "{alt}"  # anywhere, as written


@dataclass(frozen=True)
class Cue:
    """One rule of a table: fragments that mean one thing, and the sentences that pin it."""

    name: str
    patterns: tuple[str, ...]
    matches: tuple[str, ...]
    rejects: tuple[str, ...]
    where: str = field(default="", compare=False)  # file:line of the declaration


def cue(name: str, *patterns: str, matches: tuple[str, ...] | list[str] = (),
        rejects: tuple[str, ...] | list[str] = ()) -> Cue:
    """Declare an entry; its file and line are kept for ``--explain`` and test messages."""
    frame = sys._getframe(1)
    where = f"{_short(frame.f_code.co_filename)}:{frame.f_lineno}"
    return Cue(name, tuple(patterns), tuple(matches), tuple(rejects), where)


def _short(filename: str) -> str:
    path = Path(filename)
    parts = path.parts
    return "/".join(parts[parts.index("mailsum"):]) if "mailsum" in parts else path.name


@dataclass(frozen=True)
class CueTable:
    """A named table of entries; ``phrases`` feed the table's matcher, in the order written."""

    name: str
    entries: tuple[Cue, ...]
    form: str = WORDS
    flags: int = re.IGNORECASE

    def __post_init__(self) -> None:
        names = [c.name for c in self.entries]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"cue table {self.name}: entries named twice: {doubles}")

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(p for c in self.entries for p in c.patterns)

    @cached_property
    def _regexes(self) -> dict[str, re.Pattern[str]]:
        return {c.name: self.compile(c.patterns) for c in self.entries}

    def compile(self, patterns: tuple[str, ...]) -> re.Pattern[str]:
        """``patterns`` matched as this table matches its phrases (longest first, as there)."""
        return re.compile(self.form.replace("{alt}", alternation(patterns)), self.flags)

    def entry_regex(self, entry: Cue) -> re.Pattern[str]:
        return self._regexes[entry.name]

    def fired(self, text: str) -> list[Cue]:
        """The entries that match ``text`` (``--explain``; not on the hot path)."""
        return [c for c in self.entries if self._regexes[c.name].search(text)]


def alternation(patterns: tuple[str, ...]) -> str:
    """``(?:p1)|(?:p2)|…``, longest first: at one position the longer phrase wins."""
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


def table(name: str, *entries: Cue, form: str = WORDS) -> CueTable:
    return CueTable(name, tuple(entries), form)


def registry(*tables: CueTable) -> dict[str, CueTable]:
    """Tables by name, for ``--explain`` and the entries test."""
    out: dict[str, CueTable] = {}
    for t in tables:
        if t.name in out:
            raise ValueError(f"cue table named twice: {t.name}")
        out[t.name] = t
    return out
