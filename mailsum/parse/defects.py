"""mail-parser's defect categories of a parsed message, without mail-parser's full parse.

``mailparser.parse_from_bytes`` builds far more than parse.py uses (decoded header dicts twice
over in ``_make_mail``, NFC-normalised body strings, base64 copies of attachments, to-domains);
parse.py keeps only ``defects_categories``. This module runs the checks behind those categories
with mail-parser's own helpers, in the order and with the arguments ``MailParser.parse`` uses
(mail-parser 4.8.0, core.py ``_reset`` and ``parse``): address headers (``get_addresses``,
memoised: the same From/To values recur in every thread), Date headers (``parse_mail_date``,
``date_diagnostics``), Received headers (``receiveds_parsing``), stdlib part defects, MIME
header bytes (``mime_header_view``, ``decode_header_part``) and body charsets. Of the
attachment branch only the calls that can raise run (``raw_payload``, ``as_string_safe``,
``get_payload(decode=True)``, the filename check); the base64 copy cannot fail and is skipped.

It answers ``None`` (meaning: run mail-parser in full) outside that case: another mail-parser
version, a lost start boundary (mail-parser re-parses the epilogue) or any exception, which the
full run then reports as it always did. tests/test_parse_equivalence.py compares both routes on
every file of the corpora (1,390 parsed messages; 15 take the full run) and on generated mail.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from email.message import Message
from functools import lru_cache
from importlib import metadata

try:
    from mailparser.const import ADDRESSES_HEADERS, EPILOGUE_DEFECTS
    from mailparser.dates import date_diagnostics, parse_mail_date
    from mailparser.utils import (
        _safe_attachment_filename,
        as_string_safe,
        decode_header_part,
        get_addresses,
        mime_header_view,
        ported_string,
        raw_payload,
        receiveds_parsing,
    )

    # The checks below mirror one version's MailParser.parse; others get the full run.
    VERIFIED = metadata.version("mail-parser") == "4.8.0"
except (ImportError, metadata.PackageNotFoundError):  # another layout, or vendored: no guess
    ADDRESSES_HEADERS, EPILOGUE_DEFECTS, VERIFIED = set(), set(), False
_SORTED_ADDRESS_HEADERS = tuple(sorted(ADDRESSES_HEADERS))


class _NeedsFullRun(Exception):
    """The message leaves the plain case this module mirrors."""


def defect_categories(msg: Message) -> set[str] | None:
    """The set ``MailParser(msg).defects_categories`` would hold, or None if unsure."""
    if not VERIFIED:
        return None
    try:
        return _categories(msg)
    except Exception:  # _NeedsFullRun, or anything mail-parser's own run must report
        return None


def _categories(msg: Message) -> set[str]:
    """mail-parser's checks in its order: headers, then the parts' own defects, then what
    reading each part's MIME headers and body finds."""
    categories = _header_categories(msg)
    parts = _walk_parts(msg, categories)
    if categories & EPILOGUE_DEFECTS:
        raise _NeedsFullRun("epilogue re-parse")
    for part, inside_attachment in parts:
        categories |= _part_categories(part, inside_attachment)
    return categories


def _header_categories(msg: Message) -> set[str]:
    """Address headers (``get_addresses``), then Date and Received headers."""
    categories: set[str] = set()
    index: dict[str, list[object]] = {}
    for name, value in msg.items():
        index.setdefault(name.lower(), []).append(value)
    for header in _SORTED_ADDRESS_HEADERS:
        if any(_address_defective(value) for value in index.get(header, ())):
            categories.add("AddressHeaderDefect")

    date_defective = False
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
        if not (isinstance(raw, str) and _plain_date(raw)):
            date_defective |= bool(
                date_diagnostics(parse_mail_date(raw), raw, header, occurrence))
    received_defective, received_dates_defective = _received_defective(received)
    if received_defective:
        categories.add("ReceivedHeaderDefect")
    if date_defective or received_dates_defective:
        categories.add("DateHeaderDefect")
    return categories


# What the categories need of the Date and Received checks is only whether they find anything,
# and almost every header is plain: one search answers that (issue 21: these checks were 5 % of
# the busy first run). The shapes below are ones where mail-parser provably finds nothing;
# anything else goes through mail-parser's own code (tests/test_parse_defect_fastpaths.py).
_PLAIN_DATE = re.compile(
    r"(?:(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(?P<day>[0-9]{1,2}) "
    r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?P<year>[1-9][0-9]{3}) "
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2}) "
    r"[+-][0-9]{2}(?P<zone_minutes>[0-9]{2})(?:[ \t]+\([^()\\]*\))?")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FWS = " \t\r\n"


def _plain_date(raw: str) -> bool:
    """True only for a date ``parse_mail_date`` reads without any reason to complain: the
    RFC 5322 form with a four-digit year in 1900–9998 (no overflow from zone or leap second),
    a real calendar day and time, zone minutes under 60, the right weekday, at most one
    trailing comment without nesting or escapes. False means: ask mail-parser."""
    m = _PLAIN_DATE.fullmatch(raw.strip(_FWS)) if raw.isascii() else None
    if m is None:
        return False
    year = int(m["year"])
    if not 1900 <= year <= 9998:  # noqa: PLR2004 - mail-parser's floor; 9999 may overflow
        return False
    try:
        day = date(year, _MONTHS.index(m["month"]) + 1, int(m["day"]))
    except ValueError:
        return False
    return (int(m["hour"]) <= 23 and int(m["minute"]) <= 59 and int(m["second"]) <= 60
            and int(m["zone_minutes"]) <= 59
            and (m["weekday"] is None or _WEEKDAYS.index(m["weekday"]) == day.weekday()))


# A Received field mail-parser's scanner splits without complaint: no quoted strings or
# escapes, comments without nesting, domain literals, angle addresses holding none of those
# (nor ";"), and exactly one ";" outside them, before the date (which then has only comments).
_PLAIN_RECEIVED = re.compile(
    r'(?:[^;()"\[\]<>\\]|\([^()\\]*\)|\[[^\[\]\\]*\]|<[^<>()"\[\]\\;]*>)*+'
    r';(?P<date>(?:[^;()"\[\]<>\\]|\([^()\\]*\))*+)')


def _received_defective(received: list[str]) -> tuple[bool, bool]:
    """(a Received diagnostic, a diagnostic of a Received date) as ``receiveds_parsing`` finds
    them; mail-parser runs unless every field is plain ASCII of the shape above."""
    dates_defective = False
    for raw in received:
        m = _PLAIN_RECEIVED.fullmatch(raw) if isinstance(raw, str) and raw.isascii() else None
        if m is None:
            received_defects: list[dict] = []
            date_defects: list[dict] = []
            receiveds_parsing(received, defects=received_defects, date_defects=date_defects)
            return bool(received_defects), bool(date_defects)
        stamp = m["date"].strip(_FWS)
        if not _plain_date(stamp):
            dates_defective |= bool(parse_mail_date(stamp).reasons)
    return False, dates_defective


def _walk_parts(msg: Message, categories: set[str]) -> list[tuple[Message, bool]]:
    """Every part with whether it lies inside an attachment; the stdlib's defects of each
    part go into ``categories`` on the way."""
    parts: list[tuple[Message, bool]] = []
    attachment_descendants: set[int] = set()  # ids: Message has no value equality
    for part in msg.walk():
        for defect in part.defects:
            categories.add(defect.__class__.__name__)
        inside_attachment = id(part) in attachment_descendants
        parts.append((part, inside_attachment))
        if part.is_multipart():
            disposition = part.get_content_disposition()
            blocks_inline = disposition not in (None, "inline") or (
                disposition != "inline" and bool(part.get_filename())
            )
            if inside_attachment or blocks_inline:
                attachment_descendants.update(id(child) for child in part.get_payload())
    return parts


def _part_categories(part: Message, inside_attachment: bool) -> set[str]:
    """One part as mail-parser reads it: MIME header bytes, the attachment branch when it is
    one, the body's charset when it is text."""
    categories: set[str] = set()
    view = _mime_view(part)
    if view.defective:
        categories.add("MimeHeaderDefect")
    disposition = view.disposition
    if part.is_multipart() and disposition != "attachment":
        return categories
    charset, subtype, content_id = view.body_fields()
    is_inline_body = (
        not inside_attachment
        and not part.is_multipart()
        and disposition == "inline"
        and part.get_content_type() in ("text/plain", "text/html")
    )
    filename = _attachment_name(view.filename, content_id, subtype, disposition)
    if filename is not None:
        _attachment_checks(part, view.metadata, filename)
    if (filename is None or is_inline_body) and _charset_defective(part, charset):
        categories.add("CharsetDecodeDefect")
    return categories


_MIME_HEADERS = frozenset(("content-type", "content-disposition", "content-id",
                           "content-transfer-encoding"))


class _MimeView:
    """What mail-parser reads of a part's MIME headers (``mime_header_view``, the decoded
    filename), in its order: the disposition first, charset, subtype and Content-ID only when
    a part gets that far (so anything that raises, raises where it did)."""

    __slots__ = ("_body", "defective", "disposition", "filename", "metadata")

    def __init__(self, part: Message) -> None:
        self.metadata, metadata_defects = mime_header_view(part)
        self.filename = decode_header_part(self.metadata.get_filename(),
                                           defects=metadata_defects)
        self.defective = bool(metadata_defects)
        self.disposition = ported_string(self.metadata.get_content_disposition()).lower()
        self._body: tuple[str, str, str] | None = None

    def body_fields(self) -> tuple[str, str, str]:
        if self._body is None:
            metadata = self.metadata
            self._body = (metadata.get_content_charset("utf-8"),
                          ported_string(metadata.get_content_subtype()),
                          ported_string(metadata.get("content-id")))
        return self._body


# The same few Content-Type lines recur in every mail (issue 21: reading them was 4 % of the
# busy first run). ``mime_header_view`` reads nothing of a part but its default type and the
# raw values of these four headers, and nothing here changes the view, so one view serves
# every part with the same key.
_VIEWS: dict[tuple[str, tuple[tuple[str, str], ...]], _MimeView] = {}
_VIEWS_MAX = 2048


def _mime_view(part: Message) -> _MimeView:
    items = tuple((name, raw) for name, raw in part.raw_items()
                  if name.lower() in _MIME_HEADERS)
    if not all(isinstance(raw, str) for _, raw in items):
        return _MimeView(part)
    key = (part.get_default_type(), items)
    view = _VIEWS.get(key)
    if view is None:
        view = _MimeView(part)
        if len(_VIEWS) >= _VIEWS_MAX:
            _VIEWS.clear()
        _VIEWS[key] = view
    return view


def _attachment_name(filename: str, content_id: str, subtype: str,
                     disposition: str) -> str | None:
    """The name mail-parser gives a part it treats as an attachment; None: it is no
    attachment (a text body)."""
    if filename:
        return filename
    if content_id and subtype not in ("html", "plain"):
        return content_id
    if subtype in ("rtf") or disposition == "attachment":  # noqa: FURB171 - as mail-parser
        return "attachment.rtf"  # mail-parser: a random name, which cannot fail
    return None


def _attachment_checks(part: Message, metadata: Message, filename: str) -> None:
    """The calls of mail-parser's attachment branch that can raise, without the copies.

    mail-parser re-encodes every attachment to base64; that cannot fail on the bytes
    ``get_payload(decode=True)`` returns for a parsed leaf, so only the calls before it run.
    """
    encoding = ported_string(metadata.get("content-transfer-encoding", "")).strip().lower()
    if part.is_multipart():
        for child in part.get_payload(decode=False):
            as_string_safe(child)
    elif not isinstance(part._payload, str):  # noqa: SLF001 - not what the parser makes
        raise _NeedsFullRun("unparsed payload")
    elif encoding == "base64":
        raw_payload(part)
    else:
        part.get_payload(decode=True)
    with contextlib.suppress(ValueError):
        _safe_attachment_filename(filename)


@lru_cache(maxsize=4096)
def _address_defective_str(value: str) -> bool:
    diagnostics: list[dict] = []
    get_addresses(value, defects=diagnostics, decode_names=True)
    return bool(diagnostics)


def _address_defective(value: object) -> bool:
    if isinstance(value, str):
        return _address_defective_str(value)
    diagnostics: list[dict] = []
    get_addresses(value, defects=diagnostics, decode_names=True)  # type: ignore[arg-type]
    return bool(diagnostics)


def _charset_defective(part: Message, charset: str) -> bool:
    """mail-parser's ``_decode_body_payload`` test, without building the text."""
    payload = part.get_payload(decode=True)
    cte = ported_string(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if not cte or cte in ("7bit", "8bit"):
        raw_text = part._payload  # noqa: SLF001 - mail-parser reads the same attribute
        if isinstance(raw_text, str):
            try:
                raw_text.encode("utf-8")
            except UnicodeEncodeError:
                pass
            else:
                return False
    if not payload:
        return False
    try:
        payload.decode(charset).encode("utf-8")
    except (LookupError, UnicodeError):
        return True
    return False
