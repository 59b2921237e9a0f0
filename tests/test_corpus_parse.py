"""Sweep the public raw-mail corpora through parse_message: nothing but ParseError may escape."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import CORPORA, corpus_messages

from mailsum.errors import ParseError
from mailsum.parse.message import parse_message

SWEPT = ("raw-email-fixtures", "threading")
SKIP_SUFFIXES = {".json", ".txt", ".py", ".md", ".tsv"}


def _messages(root: Path) -> Iterator[tuple[str, bytes]]:
    return corpus_messages(root, SKIP_SUFFIXES)


@pytest.mark.corpus
def test_corpus_sweep() -> None:
    if not all((CORPORA / name).is_dir() for name in SWEPT):
        pytest.skip(f"corpora not found at {CORPORA}")
    start = time.monotonic()
    parsed, rejected, complete = 0, 0, 0
    for name in SWEPT:
        for where, data in _messages(CORPORA / name):
            try:
                msg = parse_message(data)
            except ParseError as exc:
                assert str(exc).strip(), f"{where}: ParseError without a reason"
                rejected += 1
                continue
            parsed += 1
            ok_id = msg.message_id.startswith("<") and msg.message_id.endswith(">")
            ok_date = msg.date.tzinfo is not None and msg.date.utcoffset() is not None
            complete += ok_id and ok_date
            assert ok_id and ok_date, f"{where}: message_id={msg.message_id!r} date={msg.date!r}"
    elapsed = time.monotonic() - start
    print(f"\nparse sweep: {parsed} parsed, {rejected} rejected (ParseError), {elapsed:.1f}s")
    assert parsed > 0
    assert complete == parsed
    assert elapsed < 60
