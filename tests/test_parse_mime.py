"""parse/mime.py's ``message_from_bytes`` builds exactly the stdlib's message tree.

Compared attribute by attribute (headers, payloads, preambles, epilogues, defects with their
class and text, charset, default type, unixfrom), recursively, on every message of the
bundled sample, of ../shared/corpora (skipped when absent) and of the generated benchmark
mailboxes, and on generated multiparts with awkward boundaries (regex metacharacters, blank
space and backslashes in the boundary, whitespace after it, lookalike lines, CR, LF and CRLF
line ends, nesting, lost start or end boundaries).
"""

from __future__ import annotations

import email
import importlib.util
import sys
from email.message import Message
from pathlib import Path

from corpus import CORPORA, corpus_messages, sample_messages
from hypothesis import given, settings
from hypothesis import strategies as st

from mailsum.parse import mime

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "perf" / "generate.py"
SKIP = {".yml", ".json", ".md", ".tsv", ".ann", ".txt", ".csv", ".py", ".gz", ".xml", ".dtd",
        ".subject"}


def _tree(msg: object) -> object:
    if isinstance(msg, list):
        return [_tree(m) for m in msg]
    if not isinstance(msg, Message):
        return msg
    out = {}
    for key, value in vars(msg).items():
        if key == "defects":
            out[key] = [(type(d).__name__, str(d), getattr(d, "line", None)) for d in value]
        elif key == "policy":
            out[key] = repr(value)
        else:
            out[key] = _tree(value)
    out["class"] = type(msg).__name__
    return out


def _outcome(parse, data: bytes) -> object:  # noqa: ANN001
    try:
        return _tree(parse(data))
    except Exception as exc:
        return f"raises {type(exc).__name__}"


def _same(data: bytes) -> None:
    assert _outcome(mime.message_from_bytes, data) == _outcome(email.message_from_bytes, data), \
        data[:300]


def test_the_fast_parser_is_in_use() -> None:
    assert mime._FeedParser is not None  # noqa: SLF001
    compiled = mime._BoundaryRe.compile(  # noqa: SLF001
        "(?P<sep>" + mime.re.escape("--a.b c") + mime._TAIL_SOURCE)  # noqa: SLF001
    assert isinstance(compiled, mime._Boundary)  # noqa: SLF001
    assert compiled.separator == "--a.b c"


def test_every_corpus_and_sample_message() -> None:
    raws = sample_messages()
    if CORPORA.is_dir():
        raws += [d for _, d in corpus_messages(CORPORA, SKIP)]
    for data in raws:
        _same(data)
    assert len(raws) > 20


def test_generated_benchmark_mail() -> None:
    spec = importlib.util.spec_from_file_location("perf_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate
    try:
        spec.loader.exec_module(generate)
    finally:
        del sys.modules[spec.name]
    for m in [*generate.generate(400), *generate.generate_busy(400)]:
        _same(m.data)


BOUNDARIES = st.sampled_from([
    "b", "----=_Part_0_1.2", "a.b*c+d?", "(x)[y]{z}|^$", "with space", "back\\slash",
    "tab\there", "-", "--", "x--", "=_", "é", "a\\.b", "\\", "$", "line\\n",
])
LINES = st.sampled_from([
    "--{b}", "--{b}--", "--{b}  ", "--{b}\t", "--{b}-- ", "--{b}x", "--{b}--x", "-{b}",
    " --{b}", "--{B}", "text", "", "Content-Type: text/plain", "--{b}--{b}",
    "Content-Type: multipart/mixed; boundary=\"{b}\"", "--{b}\r", "--{b}-",
])


@settings(max_examples=1500, deadline=None)
@given(BOUNDARIES, st.lists(LINES, max_size=14), st.sampled_from(["\r\n", "\n", "\r"]),
       st.booleans())
def test_generated_multiparts(boundary: str, lines: list[str], eol: str, nested: bool) -> None:
    head = (f"From: a@example.org{eol}Subject: x{eol}MIME-Version: 1.0{eol}"
            f'Content-Type: multipart/mixed; boundary="{boundary}"{eol}{eol}')
    body = eol.join(line.format(b=boundary, B=boundary.upper()) for line in lines)
    if nested:
        body = (f"--{boundary}{eol}Content-Type: multipart/alternative; boundary=\"in{boundary}\""
                f"{eol}{eol}--in{boundary}{eol}{eol}inner{eol}{body}{eol}--in{boundary}--{eol}")
    _same((head + body).encode("utf-8", "surrogateescape"))
