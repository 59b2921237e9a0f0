"""The incremental-threading load plan: which stored threads a slice of new mail must read.

Only threads that share a join key (id, reference, ticket tag, subject) with a new message are
loaded, so the cost of an analysis follows the new mail, not the mailbox. The queries are the
analysis's (run/analyse.py); the decisions between them are these pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from mailsum.analysis import thread
from mailsum.models import ParsedMessage, Thread

Key = tuple[str, str]


def id_probes(new: Iterable[ParsedMessage]) -> set[Key]:
    """The keys of new mail that find stored threads at any age: ids, references, tickets."""
    return {key for m in new for key in thread.probe_keys(m) if key[0] != "subj"}


def subject_probes(new: Iterable[ParsedMessage], known: Iterable[ParsedMessage]) -> set[Key]:
    """The subject keys to look up: the new mail's and those of the stored messages it joined.

    The subject that counts is a thread head's, which can be a stored message's.
    """
    return {k for m in [*new, *known] for k in thread.probe_keys(m) if k[0] == "subj"}


def members(stored: dict[str, set[str]]) -> list[str]:
    """Every message id of these stored threads, sorted (the order the loads read them in)."""
    return sorted(set().union(*stored.values()))


@dataclass
class Slice:
    """The threads one analysis slice writes, and where its stored messages were before it
    (the messages of one slice's threads are disjoint, so that map stays true while it runs)."""

    thread_ids: set[str]
    stored_in: dict[str, str]  # message id -> thread id before this slice

    def stale(self, message_ids: Iterable[str]) -> set[str]:
        """Stored threads of these messages that this slice merged away (to be dropped); a
        thread of this slice keeps its row."""
        return {self.stored_in[m] for m in message_ids if m in self.stored_in} - self.thread_ids

    def had_stored(self, message_ids: Iterable[str]) -> bool:
        """Whether any of these messages was analysed before (only those have stored points)."""
        return any(m in self.stored_in for m in message_ids)


@dataclass
class LoadPlan:
    work: list[Thread]  # the threads to analyse and write, in threading order
    past: set[str]  # of those, the ids stored and routed but not read (the mailbox's past)
    slice: Slice


def plan(new: list[ParsedMessage], known: list[ParsedMessage], stored: dict[str, set[str]],
         pending: set[str], archive_before: datetime) -> LoadPlan:
    """Thread new mail with the stored messages it can join and say what to write.

    New mail can also split a stored thread (a message it names as parent moves over): every
    thread that is not exactly a stored one is written, with or without new mail. A thread
    that is all new to us and ended before the import horizon is the mailbox's past: every
    point it holds would be archived, so it is stored and routed, not read (most of a first
    poll's analysis); it is read in full once new mail joins it.
    """
    threads = thread.thread_messages([*new, *known])
    work = [t for t in threads if pending.intersection(t.message_ids)
            or stored.get(t.thread_id) != set(t.message_ids)]
    dates = {m.message_id: m.date for m in [*new, *known]}
    past = {t.thread_id for t in work if pending.issuperset(t.message_ids)
            and max(dates[m] for m in t.message_ids) < archive_before}
    current = Slice({t.thread_id for t in threads},
                    {m: tid for tid, ids in stored.items() for m in ids})
    return LoadPlan(work, past, current)
