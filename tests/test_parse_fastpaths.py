"""Issue 21's shortcuts in parse/message.py give exactly what the full code gives.

``_rejoin_continuations`` first searches for a header line that starts with neither blank
space nor a header name, and returns at once without one; the reference below is the
function without that search. ``_raw_index`` collects the address headers' raw values in one
pass (the reference: one pass per header name, as before); ``_unescaped`` tests for escaped
bytes with one search. Compared on every header block of the bundled sample and of
../shared/corpora (that part skipped when absent) and on generated input.
"""

from __future__ import annotations

import email
import re

import pytest
from corpus import CORPORA, corpus_messages, sample_messages
from hypothesis import given, settings
from hypothesis import strategies as st

from mailsum.parse import message

_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_KNOWN = re.compile(
    rb"^(?:from|to|cc|subject|date|message-id|content-type|mime-version)[ \t]*:", re.I)


def _reference(data: bytes, end: int, defects: list[str]) -> tuple[bytes, int]:
    lines = data[:end].split(b"\n")
    last = max((i for i, line in enumerate(lines) if _KNOWN.match(line)), default=-1)
    broken = [i for i in range(1, last) if lines[i].strip()
              and not lines[i][:1].isspace() and not _HEADER_LINE.match(lines[i])]
    if not broken:
        return data, end
    defects.append(f"{len(broken)} header continuation lines without indent")
    for i in broken:
        lines[i] = b" " + lines[i]
    head = b"\n".join(lines)
    return head + data[end:], len(head)


def _both(data: bytes) -> None:
    blank = re.search(rb"\r?\n\r?\n", data)
    end = blank.start() if blank else len(data)
    new_defects: list[str] = []
    old_defects: list[str] = []
    assert (message._rejoin_continuations(data, end, new_defects)
            == _reference(data, end, old_defects)), data[:end][:300]
    assert new_defects == old_defects


def _mail() -> list[bytes]:
    raws = sample_messages()
    if CORPORA.is_dir():
        raws += [d for _, d in corpus_messages(CORPORA, {".yml", ".json", ".md", ".tsv", ".ann",
                                                         ".txt", ".csv"})]
    return raws


def test_every_corpus_header_block() -> None:
    raws = _mail()
    assert len(raws) > 10
    for data in raws:
        _both(data)


def test_a_broken_line_is_still_found() -> None:
    data = (b"Received: from a.example\nby mail.x.cz with ESMTP\nFrom: a@b.example\n"
            b"Subject: x\n\nbody\n")
    defects: list[str] = []
    out, _ = message._rejoin_continuations(data, data.index(b"\n\n"), defects)
    assert b"\n by mail.x.cz" in out and defects == ["1 header continuation lines without indent"]


LINES = [b"From: a@b.example", b"Subject: x", b"To: c@d.example", b"Received: from x",
         b"by mail.x.cz with ESMTP", b" indented", b"\tindented", b"\r", b"", b"X-A : y",
         b"\x0bodd", b"\x0cform", b"no colon here", b"bad name\x80: x", b":", b"Date: today",
         b"MIME-Version: 1.0", b"\x80\x81", b"a:b", b"=?utf-8?q?x?=", b"\r\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12),
       st.sampled_from([b"\n", b"\r\n"]))
def test_generated_header_blocks(lines: list[bytes], eol: bytes) -> None:
    _both(eol.join(lines) + eol + eol + b"body")


def _raw_values_reference(msg: email.message.Message, name: str) -> list[str]:
    out = []
    for key, value in msg.raw_items():
        if str(key).strip().lower() == name:
            raw = value if isinstance(value, str) else str(value)
            out.append(re.sub(r"\r?\n[ \t]", " ", raw).replace("\r", "").replace("\n", ""))
    return out


def test_raw_index_matches_one_pass_per_name() -> None:
    for data in _mail():
        msg = email.message_from_bytes(data)
        index = message._raw_index(msg)
        for name in ("from", "to", "cc", "sender", "reply-to", "return-path"):
            assert index.get(name, []) == _raw_values_reference(msg, name)
        assert set(index) <= {"from", "to", "cc", "sender", "reply-to", "return-path"}


def _unescaped_reference(value: str) -> str:
    if not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab üé€\x00\udc80\udcc3\udcbc\udcff"), max_size=20))
def test_unescaped_fast_test(value: str) -> None:
    """Surrogate escapes (what surrogateescape makes of raw bytes) as the old scan found them."""
    assert message._unescaped(value) == _unescaped_reference(value)


@pytest.mark.parametrize("data", [b"", b"\n", b"From: x\n", b"x\ny\nFrom: a\n\n"])
def test_small_inputs(data: bytes) -> None:
    _both(data)


@settings(max_examples=1500, deadline=None)
@given(st.binary(max_size=40).map(lambda b: bytes(b"\r\nx"[c % 3] for c in b)))
def test_header_end_is_the_blank_line_regex(data: bytes) -> None:
    """``_header_end`` finds where ``re.search(rb"\r?\n\r?\n", data)`` starts."""
    blank = re.search(rb"\r?\n\r?\n", data)
    assert message._header_end(data) == (blank.start() if blank else len(data))  # noqa: SLF001


def test_header_end_on_every_corpus_message() -> None:
    for data in _mail():
        blank = re.search(rb"\r?\n\r?\n", data)
        assert message._header_end(data) == (blank.start() if blank else len(data))  # noqa: SLF001
