"""The fast parse (stdlib MIME + mail-parser's checks) gives what the full mail-parser run gives.

``parse_message(data, slow=True)`` is the reference: mail-parser's whole ``parse_from_bytes`` on
every message, as parse.py did before issue 7. Every field of ParsedMessage must match, and a
ParseError must carry the same reason.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import CORPORA, corpus_messages

from mailsum.errors import ParseError
from mailsum.models import ParsedMessage
from mailsum.parse import defects as mailparser_defects
from mailsum.parse.message import parse_message

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "perf" / "generate.py"
NOT_MAIL_SUFFIXES = {".json", ".py", ".md", ".tsv", ".gz", ".xml", ".dtd", ".ann", ".subject"}
FIXTURES = Path(__file__).parent / "fixtures" / "parse"


def _outcome(data: bytes, slow: bool) -> ParsedMessage | str:
    try:
        return parse_message(data, slow=slow)
    except ParseError as exc:
        return f"ParseError: {exc}"


def _differences(fast: ParsedMessage | str, slow: ParsedMessage | str) -> list[str]:
    if isinstance(fast, str) or isinstance(slow, str):
        return [] if fast == slow else [f"outcome: {fast!r:.80} != {slow!r:.80}"]
    return [
        f"{name}: {getattr(fast, name)!r:.80} != {getattr(slow, name)!r:.80}"
        for name in fast.__dataclass_fields__
        if getattr(fast, name) != getattr(slow, name)
    ]


def _corpus_messages(root: Path) -> Iterator[tuple[str, bytes]]:
    return corpus_messages(root, NOT_MAIL_SUFFIXES)


def _assert_same(messages: Iterator[tuple[str, bytes]]) -> int:
    """Compare both routes on each message; returns how many were compared."""
    compared = 0
    failures: list[str] = []
    for where, data in messages:
        fast, slow = _outcome(data, slow=False), _outcome(data, slow=True)
        compared += 1
        failures += [f"{where}: {d}" for d in _differences(fast, slow)]
    assert not failures, f"{len(failures)} differences:\n" + "\n".join(failures[:20])
    return compared


@pytest.mark.corpus
def test_corpora_parse_the_same_both_ways() -> None:
    if not CORPORA.is_dir():
        pytest.skip(f"corpora not found at {CORPORA}")
    compared = _assert_same(_corpus_messages(CORPORA))
    print(f"\nparse equivalence: {compared} corpus files and mbox messages compared")
    assert compared > 1000


def test_fixtures_parse_the_same_both_ways() -> None:
    compared = _assert_same((str(p), p.read_bytes()) for p in sorted(FIXTURES.iterdir()))
    assert compared > 0


def test_generated_benchmark_mail_parses_the_same_both_ways() -> None:
    spec = importlib.util.spec_from_file_location("perf_generate", GENERATOR)
    if spec is None or spec.loader is None:
        pytest.skip("benchmarks/perf/generate.py not found")
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # its dataclasses look their module up
    try:
        spec.loader.exec_module(generate)
    finally:
        del sys.modules[spec.name]
    compared = _assert_same((str(i), m.data) for i, m in enumerate(generate.generate(400)))
    assert compared == 400


def test_fast_path_covers_plain_mail_and_attachments_but_not_a_lost_boundary() -> None:
    """The speed-up only exists if ordinary mail skips the full run; a lost start boundary
    (mail-parser re-parses the epilogue) must take it."""
    import email

    plain = (FIXTURES / "outlook_de_reply.eml").read_bytes()
    head = (
        b"From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    )
    with_attachment = head + (
        b"--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\n"
        b'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="a.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n--b--\r\n"
    )
    lost_boundary = head + b"hello, no boundary line follows\r\n"
    if not mailparser_defects.VERIFIED:
        pytest.skip("another mail-parser version: every message takes the full run")
    for fast in (plain, with_attachment):
        assert mailparser_defects.defect_categories(email.message_from_bytes(fast)) is not None
    assert mailparser_defects.defect_categories(email.message_from_bytes(lost_boundary)) is None
    _assert_same(iter([("attachment", with_attachment), ("lost boundary", lost_boundary)]))


@pytest.mark.parametrize("depth", [50, 400, 2000])
def test_deeply_nested_multipart_fails_or_parses_the_same_both_ways(depth: int) -> None:
    """mail-parser turns a RecursionError into its own error; the fast path must end the same."""
    head = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    opening = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(depth)
    )
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    data = head + opening + b"Content-Type: text/plain\r\n\r\nbottom" + closing
    _assert_same(iter([(f"depth {depth}", data)]))
