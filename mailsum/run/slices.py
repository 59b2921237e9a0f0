"""Cut the new mail into analysis slices that keep each conversation whole.

A slice is one transaction, so memory stays flat on a first poll of 100,000. Cut by date
alone, a conversation whose mail spans two slices was read in both: the earlier reading saw
half the thread and left points the later one withdrew or settled (a busy first run read its
4,244 threads 7,711 times). Here the new mail is grouped first by the keys threading joins on
(ids and references, ticket tags, subjects): messages that share no key chain can never be one
thread, so a group is never split unless it alone exceeds a slice, and then it is cut by date
as before. Groups are packed oldest first, so each slice is still threaded against what the
older ones stored.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["cut"]

_SAME_SPACE = {"ref": "id"}  # a reply's reference is its parent's id


def cut(order: list[str], keys: Iterable[tuple[str, str, str]], size: int) -> list[list[str]]:
    """Slices of at most ``size`` message ids (oldest first) that never split a group of
    messages linked by a shared join key, unless the group alone is larger than ``size``.

    ``order`` is the new mail oldest first; ``keys`` are (message id, kind, key) rows of it.
    """
    at = {m: i for i, m in enumerate(order)}
    parent = list(range(len(order)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # keyed by the key's hash, not its text, to stay small at 100,000 messages: two keys
    # with one hash only join two groups into one slice, which changes no result
    first: dict[int, int] = {}
    for message_id, kind, key in keys:
        i = at.get(message_id)
        if i is None:
            continue
        j = first.setdefault(hash((_SAME_SPACE.get(kind, kind), key)), i)
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is a group's oldest message
    first.clear()
    groups: dict[int, list[str]] = {}
    for i, message_id in enumerate(order):
        groups.setdefault(root(i), []).append(message_id)
    slices: list[list[str]] = []
    current: list[str] = []
    for group in groups.values():  # in order of their oldest message
        if len(group) > size:
            if current:
                slices.append(current)
                current = []
            slices += [group[s:s + size] for s in range(0, len(group), size)]
        elif len(current) + len(group) > size:
            slices.append(current)
            current = list(group)
        else:
            current += group
    if current:
        slices.append(current)
    return slices
