"""The bounded in-flight queue that polling and analysis share (run/inflight.py)."""

from __future__ import annotations

from collections.abc import Iterator

from mailsum.run.inflight import in_order


def _source(n: int, log: list[str]) -> Iterator[int]:
    for i in range(n):
        log.append(f"submit {i}")
        yield i


def _drive(n: int, ahead: int) -> list[str]:
    log: list[str] = []
    for item in in_order(_source(n, log), lambda: ahead):
        log.append(f"write {item}")
    return log


def test_without_workers_each_item_is_written_before_the_next_is_submitted() -> None:
    assert _drive(3, 0) == ["submit 0", "write 0", "submit 1", "write 1", "submit 2", "write 2"]


def test_with_workers_items_run_ahead_and_are_written_in_submission_order() -> None:
    log = _drive(5, 2)
    assert [e for e in log if e.startswith("write")] == [f"write {i}" for i in range(5)]
    # three out at once: the oldest is written only after two more were submitted
    assert log[:4] == ["submit 0", "submit 1", "submit 2", "write 0"]
    assert log[-3:] == ["write 2", "write 3", "write 4"]  # the rest once the source ends


def test_the_bound_is_asked_again_after_every_submission() -> None:
    """The pool starts in the middle of a big poll: from then on items run ahead."""
    log: list[str] = []

    def ahead() -> int:  # the pool starts with the third item
        return 2 if sum(e.startswith("submit") for e in log) >= 3 else 0

    for item in in_order(_source(6, log), ahead):
        log.append(f"write {item}")
    assert log[:4] == ["submit 0", "write 0", "submit 1", "write 1"]
    assert log[4:8] == ["submit 2", "submit 3", "submit 4", "write 2"]


def test_what_was_submitted_before_a_stop_is_still_written() -> None:
    log: list[str] = []

    def stops_after_two() -> Iterator[int]:
        for i in range(10):
            if i == 2:
                return  # as the poll does when asked to stop
            log.append(f"submit {i}")
            yield i

    written = list(in_order(stops_after_two(), lambda: 5))
    assert written == [0, 1]
    assert log == ["submit 0", "submit 1"]
