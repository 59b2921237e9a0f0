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


def _part_reference(part: Message, inside_attachment: bool) -> set[str]:
    """``_part_categories`` before issue 21's step 4 (one ``mime_header_view`` per part)."""
    categories: set[str] = set()
    metadata, metadata_defects = mailparser_utils.mime_header_view(part)
    filename = mailparser_utils.decode_header_part(metadata.get_filename(),
                                                   defects=metadata_defects)
    if metadata_defects:
        categories.add("MimeHeaderDefect")
    ported = mailparser_utils.ported_string
    disposition = ported(metadata.get_content_disposition()).lower()
    if part.is_multipart() and disposition != "attachment":
        return categories
    charset = metadata.get_content_charset("utf-8")
    subtype = ported(metadata.get_content_subtype())
    content_id = ported(metadata.get("content-id"))
    is_inline_body = (not inside_attachment and not part.is_multipart()
                      and disposition == "inline"
                      and part.get_content_type() in ("text/plain", "text/html"))
    filename = defects._attachment_name(filename, content_id, subtype, disposition)  # noqa: SLF001
    if filename is not None:
        defects._attachment_checks(part, metadata, filename)  # noqa: SLF001
    if (filename is None or is_inline_body) and defects._charset_defective(  # noqa: SLF001
            part, charset):
        categories.add("CharsetDecodeDefect")
    return categories


def _categories_reference(msg: Message) -> set[str]:
    categories = _reference(msg)
    parts = defects._walk_parts(msg, categories)  # noqa: SLF001
    if categories & defects.EPILOGUE_DEFECTS:
        raise defects._NeedsFullRun("epilogue re-parse")  # noqa: SLF001
    for part, inside in parts:
        categories |= _part_reference(part, inside)
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


def test_whole_categories_with_shared_mime_views() -> None:
    """All of ``_categories`` against the old functions, the MIME views shared across mails
    (forwards, then from a cleared cache backwards, so no order hides a wrong reuse)."""
    raws = sample_messages() + _generated(300)
    if CORPORA.is_dir():
        raws += [d for _, d in corpus_messages(CORPORA, SKIP)]
    expected = [_outcome(_categories_reference, email.message_from_bytes(d)) for d in raws]
    for order in (range(len(raws)), reversed(range(len(raws)))):
        defects._VIEWS.clear()  # noqa: SLF001
        for i in order:
            got = _outcome(defects._categories, email.message_from_bytes(raws[i]))  # noqa: SLF001
            assert got == expected[i], raws[i][:300]


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


def _mixed(part_headers: str, body: str = "hello", outer: str = "mixed") -> bytes:
    return (
        "From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/{outer}; boundary="b"\r\n\r\n'
        f"--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
        f"--b\r\n{part_headers}\r\n\r\n{body}\r\n--b--\r\n").encode("utf-8", "surrogateescape")


# parts that differ in one thing a MIME view depends on: each header, and the default type
# (no Content-Type inside multipart/digest means message/rfc822)
VARIANTS = [
    _mixed("Content-Type: text/plain; charset=bogus"),
    _mixed("Content-Type: text/plain; charset=bogus\r\nContent-Disposition: attachment"),
    _mixed("Content-Type: text/plain; charset=bogus\r\nContent-Disposition: inline"),
    _mixed("Content-Type: text/plain; charset=bogus\r\nContent-ID: <x@y>"),
    _mixed("Content-Type: application/pdf\r\nContent-ID: <x@y>"),
    _mixed("Content-Type: application/pdf"),
    _mixed("Content-Type: text/plain; charset=bogus\r\nContent-Transfer-Encoding: base64",
           body="aGVsbG8="),
    _mixed("Content-Type: text/plain; charset=bogus\r\n"
           "Content-Disposition: attachment; filename=\"=?utf-8?q?\udcff?=\""),
    _mixed("Content-Disposition: inline", body="\udcc3\udca4"),
    _mixed("Content-Disposition: inline", body="\udcc3\udca4", outer="digest"),
    _mixed("X-Other: 1", body="\udcff"),
    _mixed("X-Other: 1", body="\udcff", outer="digest"),
    _mixed("Content-Type: text/plain; charset=\"\udcff\""),
    _mixed("Content-Type: application/pdf; charset=bogus", body="\udcc3\udca4"),
    _mixed("Content-Type: application/pdf; charset=bogus\r\nContent-ID: <x@y>",
           body="\udcc3\udca4"),
    _mixed("Content-Type: text/plain\r\nContent-Transfer-Encoding: 7bit"),
    _mixed("Content-Type: text/plain\r\nContent-Transfer-Encoding: 7bit\udcff"),
]


def test_views_are_not_shared_across_what_they_depend_on() -> None:
    expected = [_outcome(_categories_reference, email.message_from_bytes(d)) for d in VARIANTS]
    assert len({repr(e) for e in expected}) > 3  # the variants do tell apart
    for order in (range(len(VARIANTS)), reversed(range(len(VARIANTS)))):
        defects._VIEWS.clear()  # noqa: SLF001
        for i in [*order, *order]:
            msg = email.message_from_bytes(VARIANTS[i])
            assert _outcome(defects._categories, msg) == expected[i], VARIANTS[i]  # noqa: SLF001
