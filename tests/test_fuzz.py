"""Issue 19: mutated real mails through parse → thread → extract, each within a CPU budget.

Hypothesis mutates the Zammad and raw-email fixtures (runs of the characters that made
patterns slow, NUL bytes, broken encoded words and ISO-2022 escapes, cut and doubled lines).
Derandomized with a fixed seed and a small number of examples, so CI runs the same few
seconds every time; skipped without ../shared.
"""

from __future__ import annotations

import pytest
from corpus import CORPORA, corpus_messages
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from mailsum.analysis import thread
from mailsum.errors import ParseError
from mailsum.extract import points
from mailsum.models import Team
from mailsum.parse.message import parse_message
from mailsum.run.runner import time_budget

ROOTS = [CORPORA / "zammad-mail-fixtures", CORPORA / "raw-email-fixtures"]
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not all(r.is_dir() for r in ROOTS),
                                 reason=f"corpora not found at {CORPORA}")]


def _mails() -> list[bytes]:
    out: list[bytes] = []
    for root in ROOTS:
        if root.is_dir():
            out += [d for _, d in corpus_messages(root, {".yml", ".json", ".md", ".tsv"})]
    return out


MAILS = _mails()
PIECES = [b" " * 5000, b"\t" * 5000, b"?" * 3000, b"." * 3000, b"\x00", b"=?utf-8?B?TcO8",
          b"=?GB2312?B?g8iR?=", b"\x1b$B-!#1", b"\r\n\r\n", b"\nFrom: x\n", b"\xff\xfe",
          "Mit freundlichen Grüßen\n".encode() * 300, b"Date: Fri, 31 Dec 9999 23:59:59 +0000\n",
          b"\xe2\x80\xae", b"<div style='display:none'>", b"bis Freitag "]
BUDGET = 10.0  # CPU seconds for one mutated mail; linear code needs well under one


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(MAILS[draw(st.integers(0, len(MAILS) - 1))])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "cut", "double"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(PIECES))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 200))]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 2000))] * 3
    return bytes(data)


@seed(19)
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_a_mutated_mail_is_parsed_threaded_and_extracted_within_its_budget(data: bytes) -> None:
    with time_budget(BUDGET):  # OverBudget fails the test
        try:
            msg = parse_message(data)
        except ParseError:
            return  # refused as no mail: fine, and recorded as a failure by the run
        (t,) = thread.thread_messages([msg])
        points.extract_thread(t, [msg], team=Team(("provider.de",)),
                              default_owner=None, colleague_addresses=(), reopened={})
