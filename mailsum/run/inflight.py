"""The bounded in-flight queue: work handed to worker processes, finished in order.

Polling IMAP, polling a local mailbox and analysing threads all submit work (parse a batch,
extract a group of threads) and write its results in submission order, while at most a few
items run ahead so the workers stay busy and memory stays flat. One helper holds that rule.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def in_order(submitted: Iterable[T], ahead: Callable[[], int]) -> Iterator[T]:
    """Yield ``submitted`` in order, once more than ``ahead()`` items wait behind the oldest.

    ``submitted`` is pulled lazily: pulling an item is what hands it to a worker, so at most
    ``ahead() + 1`` items are out at once. ``ahead`` is asked again after every pull (the pool
    starts in the middle of a big poll: 0 before, jobs + 1 after). Whatever is still waiting
    when ``submitted`` ends (also when it stops early) is yielded last.
    """
    waiting: deque[T] = deque()
    for item in submitted:
        waiting.append(item)
        while len(waiting) > ahead():
            yield waiting.popleft()
    while waiting:
        yield waiting.popleft()
