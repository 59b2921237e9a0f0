"""Phrase tables matched at a cost that does not grow with the number of phrases.

A cue table is one alternation of many phrases, ``(?<![\\w-])(?:p1|p2|…)(?![\\w-])``. Python's
``re`` tries every phrase at every position of a sentence, so a table of 120 phrases costs 120
attempts per character, and every table scans the sentence again (issue 21: a third of the
analysis of a busy mailbox).

Here each phrase gets, from its parsed regex, the words it cannot match without: a set of
keywords one of which must begin a word of the text ("k[öo]nnen sie" needs a word starting
"können" or "konnen"). One pass over a sentence's words, through one index shared by every
table, finds the phrases whose keywords are there; a table then runs the alternation of only
those phrases (and of the few with no keyword), in the original order, so every match
(position, text, which phrase) is the one the whole alternation gives: a phrase whose keywords
are absent cannot match anywhere in the sentence. Mostly no phrase is left and no regex runs.

The keywords come from ``re._parser``, the standard library's own regex parser (also used by
``tests/test_cues.py``); anything it cannot read gives no keyword, which only costs speed.
"""

from __future__ import annotations

import re
import re._constants as sc
import re._parser as sp
from collections.abc import Callable, Iterator
from functools import lru_cache, wraps
from itertools import product
from typing import ParamSpec, TypeVar

_WORD = re.compile(r"\w+")
# Characters that re.IGNORECASE matches to a lower-case keyword letter but str.lower() does
# not turn into it (re folds with the simple case mapping plus a few equivalences);
# tests/test_screen.py checks this list against every code point.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_MAX_VARIANTS = 16  # "k[öo]nn[ea]n": 4 spellings; beyond this a class ends the keyword
_MIN_KEY = 2  # one letter ("i", "a") says too little to be worth indexing
_CACHE_CHARS = 2000  # longer texts are scanned, not remembered (hostile mail)

Keys = frozenset[str] | None
P = ParamSpec("P")
R = TypeVar("R")


_MEMO_SIZE = 4096


def memo(fn: Callable[P, R]) -> Callable[P, R]:
    """Remember a pure function of a sentence (first argument) and a few flags.

    A thread's sentences pass the same tests several times per reading (settled? what kind?),
    and a thread is read again whenever new mail joins it. Texts longer than
    ``_CACHE_CHARS`` are computed, not kept.
    """
    # 4,096 per function: the busy mailbox's 100,000-message first run peaked at 304.5 MB
    # with 16,384 (the goal is 300) and at 294.9 MB with 4,096; the 10,000 run's CPU moved
    # within this machine's noise (benchmarks/perf/README.md)
    cached = lru_cache(maxsize=_MEMO_SIZE)(fn)

    @wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        text = args[0]
        if isinstance(text, str) and len(text) <= _CACHE_CHARS:
            return cached(*args, **kwargs)
        return fn(*args, **kwargs)

    call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return call  # one of these words must start a word of the text; None: unknown


def _is_word(ch: str) -> bool:
    return _WORD.fullmatch(ch) is not None


def _nonword_item(op: object, av: object) -> bool:
    """An item that consumes only non-word characters ("\\s", "\\W", "[,.]", ",")."""
    if op is sc.LITERAL:
        return not _is_word(chr(av))  # type: ignore[arg-type]
    if op is sc.IN:
        return all(o is sc.CATEGORY and a in (sc.CATEGORY_SPACE, sc.CATEGORY_NOT_WORD)
                   or o is sc.LITERAL and not _is_word(chr(a)) for o, a in av)  # type: ignore
    return False


def _literal_words(seq: list) -> str | None:
    """The text of a sequence of word-character literals only ("oe" of "k(?:ö|oe)nnen")."""
    out = []
    for op, av in seq:
        if op is not sc.LITERAL or not _is_word(chr(av).lower()):
            return None
        out.append(chr(av).lower())
    return "".join(out) or None


def _keys(seq: list, boundary: bool) -> tuple[Keys, bool]:
    """Keywords of a parsed sequence (the best of the literal runs that begin a word), and
    whether the text is at a word start (or has no word character just before) at its end.

    ``boundary``: the same at the start. A run of word characters begun at such a place is a
    prefix of a word of the text.
    """
    reader = _KeyReader(boundary)
    for op, av in seq:
        reader.item(op, av)
    reader.close()
    good = [o for o in reader.options if min(map(len, o)) >= _MIN_KEY]
    best = max(good, key=lambda o: (min(map(len, o)), -len(o))) if good else None
    return best, reader.boundary


class _KeyReader:
    """The walk of ``_keys`` over one sequence: the literal run being read (its spellings,
    when it begins a word), the keyword options found so far, whether the text is at a word
    start; one step per kind of item."""

    def __init__(self, boundary: bool) -> None:
        self.options: list[frozenset[str]] = []
        self.run: list[str] | None = None
        self.boundary = boundary

    def close(self) -> None:
        if self.run:
            self.options.append(frozenset(self.run))
        self.run = None

    def item(self, op: object, av: object) -> None:
        if op is sc.LITERAL and _is_word(chr(av).lower()):  # type: ignore[arg-type]
            self.literal(chr(av).lower())  # type: ignore[arg-type]
        elif _nonword_item(op, av):
            self.close()
            self.boundary = True
        elif op is sc.IN and self.run is not None and all(
                o is sc.LITERAL for o, _ in av) and len(self.run) * len(av) <= _MAX_VARIANTS:  # type: ignore[attr-defined,arg-type]
            self.char_class(av)  # type: ignore[arg-type]
        elif op in (sc.ASSERT, sc.ASSERT_NOT):
            return  # zero width: the text goes on where it was
        elif op is sc.AT:
            self.at(av)
        elif op is sc.BRANCH:
            self.branch(av)  # type: ignore[arg-type]
        elif op is sc.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]
            self.group(av)  # type: ignore[arg-type]
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
            self.repeat(av)  # type: ignore[arg-type]
        else:
            self.close()
            self.boundary = False

    def literal(self, ch: str) -> None:
        if self.run is not None:
            self.run = [r + ch for r in self.run]
        elif self.boundary:
            self.run = [ch]
        self.boundary = False

    def char_class(self, av: list) -> None:
        chars = sorted({chr(a).lower() for _, a in av})
        if all(_is_word(c) for c in chars):
            self.run = [r + c for r, c in product(self.run or [], chars)]
        else:
            self.close()
            self.boundary = False

    def at(self, av: object) -> None:
        self.close()
        self.boundary = av in (sc.AT_BEGINNING, sc.AT_BEGINNING_STRING) or (
            av is sc.AT_BOUNDARY and self.boundary)

    def branch(self, av: tuple) -> None:
        spelled = [_literal_words(list(alt)) for alt in av[1]]
        if self.run is not None and all(spelled) and (
                len(self.run) * len(spelled) <= _MAX_VARIANTS):
            self.run = [r + w for r, w in product(self.run, spelled)]  # type: ignore[operator]
            return
        self.close()
        alternatives = [_keys(list(alt), self.boundary) for alt in av[1]]
        if alternatives and all(k is not None for k, _ in alternatives):
            self.options.append(frozenset().union(*(k for k, _ in alternatives)))  # type: ignore
        self.boundary = bool(alternatives) and all(b for _, b in alternatives)

    def group(self, av: tuple) -> None:
        self.close()
        inner, self.boundary = _keys(list(av[3]), self.boundary)
        if inner is not None:
            self.options.append(inner)

    def repeat(self, av: tuple) -> None:
        self.close()
        low, high, body = av[0], av[1], list(av[2])
        if all(_nonword_item(o, a) for o, a in body):
            self.boundary = self.boundary or low >= 1  # "\\W*", "\\s+": still at a word start
            return
        inner, end_once = _keys(body, self.boundary)
        if low >= 1 and inner is not None:
            self.options.append(inner)  # its first time starts here
        # where a later time ends, it started where one ended: take the worst case
        end = end_once if high == 1 else end_once and _keys(body, False)[1]
        self.boundary = end if low >= 1 else self.boundary and end


def keywords(phrase: str, flags: int = re.IGNORECASE) -> Keys:
    """The words ``phrase``, matched as a word, cannot match without (None: unknown)."""
    try:
        return _keys(list(sp.parse(phrase, flags)), True)[0]
    except Exception:  # noqa: BLE001 - an unreadable phrase is only screened less
        return None


def words(text: str) -> list[str]:
    """The text's words as the keywords are spelled (lower case, re's case folding)."""
    return _WORD.findall(text.translate(_FOLD).lower())


class Screen:
    """The index of every table's keywords: one pass over a text's words serves them all."""

    def __init__(self) -> None:
        self._built: dict[str, list[tuple[int, int, str]]] | None = None
        self.tables: list[PhraseTable] = []
        self._hits = lru_cache(maxsize=8192)(self._scan)

    def table(self, phrases: tuple[str, ...]) -> PhraseTable:
        table = PhraseTable(self, len(self.tables), phrases)
        self.tables.append(table)
        self._built = None
        return table

    @property
    def _index(self) -> dict[str, list[tuple[int, int, str]]]:
        """Built on first use, not at import: a run with no new mail reads no sentence and
        should not pay for parsing 500 phrases (60–90 ms a start)."""
        if self._built is None:
            index: dict[str, list[tuple[int, int, str]]] = {}
            for table in self.tables:
                for number, keys in enumerate(table.keys):
                    for key in keys or ():
                        index.setdefault(key[:3], []).append((table.number, number, key))
            self._built = index
        return self._built

    def hits(self, text: str) -> dict[int, frozenset[int]]:
        """table number -> the phrases whose keywords ``text`` has."""
        return self._hits(text) if len(text) <= _CACHE_CHARS else self._scan(text)

    def _scan(self, text: str) -> dict[int, frozenset[int]]:
        found: dict[int, set[int]] = {}
        index = self._index
        for word in set(words(text)):
            for prefix in {word[:2], word[:3]}:
                for table, number, key in index.get(prefix, ()):
                    if word.startswith(key):
                        found.setdefault(table, set()).add(number)
        return {t: frozenset(n) for t, n in found.items()}


class PhraseTable:
    """``(?<![\\w-])(?:p1|p2|…)(?![\\w-])``, case-insensitive, longest phrase first: the same
    matches as that one regex (``pattern``), found through the shared ``Screen``."""

    def __init__(self, screen: Screen, number: int, phrases: tuple[str, ...]) -> None:
        self.screen, self.number = screen, number
        self.phrases = tuple(sorted(phrases, key=len, reverse=True))
        self.pattern = self._source(self.phrases)
        self.flags = re.IGNORECASE
        self._keys: list[Keys] | None = None
        self._unscreened: frozenset[int] = frozenset()
        self._singles: dict[int, re.Pattern[str]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    @property
    def keys(self) -> list[Keys]:
        """The keywords of each phrase, read from its regex on first use (not at import)."""
        if self._keys is None:
            self._keys = [keywords(p) for p in self.phrases]
            self._unscreened = frozenset(i for i, k in enumerate(self._keys) if k is None)
        return self._keys

    @property
    def unscreened(self) -> frozenset[int]:
        """Phrases with no keyword: they run on every text."""
        if self._keys is None:
            self.keys  # noqa: B018 - computes both
        return self._unscreened

    @staticmethod
    def _source(phrases: tuple[str, ...]) -> str:
        alternation = "|".join(f"(?:{p})" for p in phrases)
        return rf"(?<![\w-])(?:{alternation})(?![\w-])"

    def regex_for(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the phrases that may match ``text`` (None: none may)."""
        chosen = self._chosen(text)
        if chosen not in self._compiled:
            if len(self._compiled) > 4096:
                self._compiled.clear()
            self._compiled[chosen] = re.compile(self._source(
                tuple(self.phrases[i] for i in chosen)), self.flags) if chosen else None
        return self._compiled[chosen]

    def _chosen(self, text: str) -> tuple[int, ...]:
        return tuple(sorted(self.screen.hits(text).get(self.number, frozenset())
                            | self.unscreened))

    def _single(self, i: int) -> re.Pattern[str]:
        """Phrase ``i`` alone, compiled once: a few of them searched one by one cost less than
        compiling each new combination of them into one alternation."""
        regex = self._singles.get(i)
        if regex is None:
            regex = self._singles[i] = re.compile(self._source((self.phrases[i],)), self.flags)
        return regex

    def _search_from(self, chosen: tuple[int, ...], text: str, pos: int
                     ) -> re.Match[str] | None:
        """What the alternation of ``chosen`` finds from ``pos``: the leftmost match, and at
        that position the first phrase in the alternation's order that matches there (each
        phrase's own leftmost match starts there exactly when it matches there)."""
        best: re.Match[str] | None = None
        for i in chosen:  # in the alternation's order: a tie keeps the earlier phrase
            m = self._single(i).search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def search(self, text: str) -> re.Match[str] | None:
        chosen = self._chosen(text)
        return self._search_from(chosen, text, 0) if chosen else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The alternation's matches, left to right and not overlapping. Each phrase's next
        match is kept until the scan passes it, so no phrase searches the same text twice
        (linear, however many matches: no rescans of the rest at every match)."""
        chosen = self._chosen(text)
        ahead: dict[int, re.Match[str] | None] = {}
        pos = 0
        while chosen and pos <= len(text):
            best: re.Match[str] | None = None
            for i in chosen:
                if i not in ahead or (ahead[i] is not None and ahead[i].start() < pos):
                    ahead[i] = self._single(i).search(text, pos)
                m = ahead[i]
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            pos = best.end() if best.end() > best.start() else best.end() + 1
