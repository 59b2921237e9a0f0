"""A CPU-time budget for parsing one message or analysing one thread (issue 19)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(BaseException):  # not an Exception: no `except Exception` in
    # the parser or the extractor may swallow it and go on without a budget
    """Parsing or analysing one message (or thread) took longer than its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget inside the block once ``seconds`` of CPU time have passed.

    A last line of defence behind the linear-time regexes (issue 19: one message held a run
    for a minute): ITIMER_PROF counts CPU time, so a busy shared machine does not trip it, and
    Python's regex engine checks for signals while it matches. Only the main thread of a
    process can take signals (the run's, and each worker process's); elsewhere no budget.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise OverBudget(f"over the time budget of {seconds:g} s CPU (message_seconds)")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
