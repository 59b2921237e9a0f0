"""Issue 21's shortcuts in parse/defects.py give exactly what mail-parser's own checks give.

``_header_categories`` used to run ``receiveds_parsing`` and ``parse_mail_date`` with
``date_diagnostics`` on every Received and Date field; the categories only need to know
whether they find anything. Now a plain field (``_PLAIN_RECEIVED``, ``_PLAIN_DATE``) is
answered by one match, everything else still by mail-parser. The reference below is the old
function, verbatim. Compared on every message of the bundled sample, of ../shared/corpora
(skipped when absent) and of the generated benchmark mailboxes, and on generated fields close
to the plain shapes (each mutation either stays plain and clean or must go to mail-parser).
"""

from __future__ import annotations

import email
import importlib.util
import sys
from datetime import UTC, datetime, timedelta, timezone
from email.message import Message
from pathlib import Path

import pytest
from corpus import CORPORA, corpus_messages, sample_messages
from hypothesis import given, settings
from hypothesis import strategies as st

from mailsum.parse import defects

mailparser_dates = pytest.importorskip("mailparser.dates")
mailparser_utils = pytest.importorskip("mailparser.utils")
if not defects.VERIFIED:
    pytest.skip("another mail-parser version: the fast path is off", allow_module_level=True)

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "perf" / "generate.py"
SKIP = {".yml", ".json", ".md", ".tsv", ".ann", ".txt", ".csv", ".py", ".gz", ".xml", ".dtd",
        ".subject"}


def _reference(msg: Message) -> set[str]:
    """``_header_categories`` before issue 21's step 4."""
    categories: set[str] = set()
    index: dict[str, list[object]] = {}
    for name, value in msg.items():
        index.setdefault(name.lower(), []).append(value)
    for header in defects._SORTED_ADDRESS_HEADERS:  # noqa: SLF001
        if any(defects._address_defective(v) for v in index.get(header, ())):  # noqa: SLF001
            categories.add("AddressHeaderDefect")
    date_defects: list[dict] = []
    occurrences: dict[str, int] = {}
    received: list[str] = []
    for name, raw in msg.raw_items():
        header = name.lower()
        if header == "received":
            received.append(raw)
        if header not in ("date", "resent-date"):
            continue
        occurrence = occurrences.get(header, 0)
        occurrences[header] = occurrence + 1
        date_defects.extend(mailparser_dates.date_diagnostics(
            mailparser_dates.parse_mail_date(raw), raw, header, occurrence))
    received_defects: list[dict] = []
    mailparser_utils.receiveds_parsing(received, defects=received_defects,
                                       date_defects=date_defects)
    if received_defects:
        categories.add("ReceivedHeaderDefect")
    if date_defects:
        categories.add("DateHeaderDefect")
    return categories


def _outcome(fn, msg: Message) -> set[str] | str:  # noqa: ANN001
    try:
        return fn(msg)
    except Exception as exc:  # the caller then runs mail-parser in full: must be the same
        return f"raises {type(exc).__name__}"


def _same(data: bytes) -> None:
    msg = email.message_from_bytes(data)
    new = _outcome(defects._header_categories, msg)  # noqa: SLF001
    assert new == _outcome(_reference, msg), data[:400]


def _generated(n: int) -> list[bytes]:
    spec = importlib.util.spec_from_file_location("perf_generate", GENERATOR)
    if spec is None or spec.loader is None:
        return []
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate
    try:
        spec.loader.exec_module(generate)
    finally:
        del sys.modules[spec.name]
    return [m.data for m in generate.generate(n)] + [m.data for m in generate.generate_busy(n)]


def test_every_corpus_and_sample_message() -> None:
    raws = sample_messages()
    if CORPORA.is_dir():
        raws += [d for _, d in corpus_messages(CORPORA, SKIP)]
    plain = 0
    for data in raws:
        _same(data)
        plain += sum(1 for v in email.message_from_bytes(data).get_all("received") or ()
                     if isinstance(v, str) and defects._PLAIN_RECEIVED.fullmatch(v))  # noqa: SLF001
    assert len(raws) > 20
    if CORPORA.is_dir():
        assert plain > 100  # the shortcut is taken on real mail, not only on generated


def test_generated_benchmark_mail() -> None:
    for data in _generated(600):
        _same(data)


def _header_block(received: list[str], date: str) -> bytes:
    lines = [f"Received: {r}" for r in received] + [
        "From: a@example.org", "To: b@example.org", "Subject: x", f"Date: {date}"]
    return ("\r\n".join(lines) + "\r\n\r\nbody\r\n").encode("utf-8", "surrogateescape")


DATE_PIECES = st.tuples(
    st.sampled_from(["", "Fri, ", "Sat, ", "fri, ", "Fri,", "Fri , ", "Xyz, "]),
    st.sampled_from(["27", "7", "07", "0", "00", "31", "32", "29", "30", "1"]),
    st.sampled_from(["Nov", "Feb", "nov", "Foo", "Dec", "Jan"]),
    st.sampled_from(["2026", "1900", "1899", "9998", "9999", "0999", "26", "10000", "2028"]),
    st.sampled_from(["23:21:12", "24:00:00", "23:60:00", "23:59:60", "23:59:61", "23:21",
                     "9:21:12", "23 : 21 : 12"]),
    st.sampled_from([" +0000", " -0500", " +0160", " +01000", "+0000", " GMT", " -9959",
                     " +9959", ""]),
    st.sampled_from(["", " (UTC)", " (a (b) c)", " (x\\)y)", "(UTC)", "  (CET)\t", " (", " )",
                     "\r\n\t(UTC)", " ;"]),
    st.sampled_from(["", " ", "\r\n ", "\t"]),
)


def _date_text(pieces: tuple[str, ...]) -> str:
    weekday, day, month, year, clock, zone, comment, pad = pieces
    return f"{pad}{weekday}{day} {month} {year} {clock}{zone}{comment}{pad}"


@settings(max_examples=3000, deadline=None)
@given(DATE_PIECES)
def test_plain_date_only_where_mail_parser_finds_nothing(pieces: tuple[str, ...]) -> None:
    text = _date_text(pieces)
    if defects._plain_date(text):  # noqa: SLF001
        assert mailparser_dates.parse_mail_date(text).reasons == (), text


@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=3_000_000_000), st.integers(-1439, 1439),
       st.booleans())
def test_every_real_date_is_plain(seconds: int, offset: int, weekday: bool) -> None:
    """Real timestamps take the shortcut, and the shortcut agrees with mail-parser."""
    when = (datetime(1901, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)).astimezone(
        timezone(timedelta(minutes=offset)))
    text = when.strftime("%a, %d %b %Y %H:%M:%S %z" if weekday else "%d %b %Y %H:%M:%S %z")
    assert mailparser_dates.parse_mail_date(text).reasons == ()
    assert defects._plain_date(text), text  # noqa: SLF001


RECEIVED_PIECES = st.lists(st.sampled_from([
    "from mail.x.example", " (mail.x.example [192.0.2.7])", "\r\n\tby mx.provider.de",
    " (Postfix)", " with ESMTPS", " id 2AD7A0D948", "\r\n\tfor <a@provider.de>", " for",
    " <a@b>", " (envelope-from <x@y>)", " [10.0.0.1]", " with cipher TLS", " via x",
    " \"quoted\"", " (nested (comment))", " (esc\\)aped)", " <a<b>", " <a;b>", " [a;b]",
    " (a;b)", " )", " (", " [", " <", " >", " ]", " \\", " id x; for <a@b>", " ;", " ü",
    " <a\"b>", " <a(b)c>", " <a[b]>", " <a)b>", " <a\\b>", " [a\\]b]", " (a\"b)",
    " (a\\)", " [a\\]", "\udcc3", " 16 Feb 2016 01:02:03", " 12345",
]), max_size=8)


@settings(max_examples=3000, deadline=None)
@given(RECEIVED_PIECES, st.booleans(), DATE_PIECES, st.integers(1, 3))
def test_generated_received_fields(pieces: list[str], stamp: bool,
                                   date: tuple[str, ...], copies: int) -> None:
    value = "".join(pieces) + (f";{_date_text(date)}" if stamp else "")
    _same(_header_block([value] * copies, "Fri, 27 Nov 2026 23:21:12 +0000"))
    _same(_header_block([value, "from a by b; Fri, 27 Nov 2026 23:21:12 +0000"],
                        _date_text(date)))


def test_received_of_real_mail_takes_the_shortcut() -> None:
    value = ("from mail.kunde35.example (mail.kunde35.example [192.0.2.74])\r\n\tby "
             "mx.provider.de (Postfix) with ESMTPS id 2AD7A0D948\r\n\tfor "
             "<lena.fischer@provider.de>; Fri, 27 Nov 2026 23:21:12 +0000 (UTC)")
    m = defects._PLAIN_RECEIVED.fullmatch(value)  # noqa: SLF001
    assert m is not None
    assert defects._plain_date(m["date"])  # noqa: SLF001
    assert defects._received_defective([value]) == (False, False)  # noqa: SLF001
    # a wrong weekday is a date defect, found by mail-parser's own parse of the stamp
    wrong = value.replace("Fri,", "Sat,")
    assert defects._received_defective([wrong]) == (False, True)  # noqa: SLF001
    _same(_header_block([wrong], "Sat, 27 Nov 2026 23:21:12 +0000"))
