"""Pure CPU-bound stage work on the machine's other cores, for big polls.

A first poll of a mailbox with tens of thousands of messages is bound by parsing and
extraction, both pure functions of their input: worker processes take them while this process
fetches, stores and commits, so the run uses every core (issue 7). Small runs (every cron poll
after the first) never start a worker: forking costs more than it saves below a few hundred
messages. Results come back in submission order and are identical to computing them here; the
pool only decides where the work runs.

Workers are forked and share the code imported before they start, so none imports the parse
or analysis stack again: a run imports those lazily (a cron run with no new mail never loads
them), and the pool imports the stage modules it is given (``preload``: what the workers will
run, each importing its stack at its top) just before it forks.

Safety on a server: workers ignore SIGINT/SIGTERM (the run decides when to stop and shuts
them down), and ask the kernel to kill them when the run dies (``PR_SET_PDEATHSIG``), so a
SIGKILLed run never leaves a worker behind holding an inherited lock file descriptor. If a
worker dies anyway (out of memory), the item is computed here and the rest of the run goes
without the pool.
"""

from __future__ import annotations

import ctypes
import importlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

log = logging.getLogger("mailsum")

T = TypeVar("T")

START_AFTER = 400  # work items (messages) seen in this run before a pool is worth its start
_PR_SET_PDEATHSIG = 1


def available_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _child_init(parent: int) -> None:
    """In each worker: die with the run, leave stopping to the run."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux: workers end on EOF
        pass
    if os.getppid() != parent:  # the run died before prctl took effect
        os._exit(0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


class Pending(Generic[T]):
    """A submitted item; ``result()`` waits for it (or computes it here)."""

    def __init__(self, pool: WorkPool, fn: Callable[..., T], args: tuple[Any, ...],
                 future: Future[T] | None) -> None:
        self._pool, self._fn, self._args, self._future = pool, fn, args, future

    def result(self) -> T:
        if self._future is not None:
            try:
                value = self._future.result()
            except BrokenProcessPool:
                self._pool.broken()
            else:
                self._args = ()
                return value
        value = self._fn(*self._args)
        self._args = ()
        return value


class WorkPool:
    """``submit(fn, *args, weight=n)``: run ``fn`` in a worker once the run is big enough.

    ``jobs`` is the number of worker processes; 1 computes everything in this process (lazily,
    at ``result()``), which is also what a single-core machine gets. ``preload``: the modules
    of every function the run may submit, imported here before the workers are forked.
    """

    def __init__(self, jobs: int, start_after: int | None = None,
                 preload: tuple[str, ...] = ()) -> None:
        self.jobs = jobs
        self.start_after = START_AFTER if start_after is None else start_after
        self.preload = preload
        self._seen = 0
        self._executor: ProcessPoolExecutor | None = None
        self._off = jobs <= 1

    @property
    def started(self) -> bool:
        return self._executor is not None

    def submit(self, fn: Callable[..., T], *args: Any, weight: int = 1) -> Pending[T]:
        self._seen += weight
        executor = self._running()
        future = executor.submit(fn, *args) if executor is not None else None
        return Pending(self, fn, args, future)

    def _running(self) -> ProcessPoolExecutor | None:
        if self._off or self._seen <= self.start_after:
            return None
        if self._executor is None:
            for name in self.preload:  # forked workers inherit them: none imports them again
                importlib.import_module(name)
            try:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"),
                    initializer=_child_init, initargs=(os.getpid(),))
            except (OSError, ValueError) as exc:
                log.warning("no worker processes (%s); working in one process", exc)
                self._off = True
                return None
            log.info("using %d worker processes for parsing and extraction", self.jobs)
        return self._executor

    def broken(self) -> None:
        """A worker died (killed, out of memory): finish this run in one process."""
        if not self._off:
            log.warning("a worker process died; the rest of this run works in one process")
        self._off = True
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
