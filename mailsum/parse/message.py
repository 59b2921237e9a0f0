"""Turn raw message bytes into a ParsedMessage.

The stdlib ``email`` package (compat32, what mail-parser itself parses with) does the MIME
walk; mail-parser's job is the defect bookkeeping: its address, Date and Received diagnostics
and its MIME-header and charset checks become the "mail-parser: …" entries of ``defects``.
Header and body text are decoded here with a charset cascade (declared, then UTF-8, then
Windows-1252) because real mail lies about its charset and mail-parser's own fallback replaces
such bytes. Only mail that is not mail at all raises ParseError; everything else is kept and
its problems are listed in ``defects``.

Why mail-parser is not called on every message (issue 7): ``parse_from_bytes`` spent 10.4 s on
the 10,000 generated benchmark messages, most of it on results parse.py threw away (decoded
header dicts built twice in ``_make_mail``, NFC-normalised body strings, attachment copies).
Its time on those messages (cProfile, 3,000 of them): stdlib parse 26 %, address-header parsing
22 %, Received parsing 16 %, ``_make_mail`` 14 %, the part walk with body decoding the rest.
mailparser_defects.py now runs only the checks behind the categories, with mail-parser's own
helpers and memoised address diagnostics, and falls back to the full ``parse_from_bytes`` for a
lost start boundary, other mail-parser versions and anything that raises. Measured on the 10,000
messages in one process (2 vCPUs shared with other jobs, so CPU time; whole parse_message):
13.7–18.2 s before, 7.5–10.8 s after; the first ``mailsum poll`` of the Dovecot benchmark went
from 38.4 s to 28.8 s CPU in back-to-back runs (with the dates/segment speed-ups of the same
issue). ``parse_message(data, slow=True)`` keeps the old route as the reference of
tests/test_parse_equivalence.py (every corpora file and 400 generated mails: no difference).
"""

from __future__ import annotations

import codecs
import email
import email.policy
import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta
from email.header import decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache
from html.parser import HTMLParser

import charset_normalizer
import mailparser

from mailsum.errors import ParseError
from mailsum.models import ParsedMessage
from mailsum.parse import mime
from mailsum.parse.autoreply import away_until, classify_auto
from mailsum.parse.defects import defect_categories
from mailsum.parse.language import guess_language
from mailsum.parse.quotes import cut_at_signer, own_text

# mail-parser logs a warning for every non-text part ("Email content 'png' not handled"); those
# are not problems of the message, and real ones are collected as defects below.
logging.getLogger("mailparser").setLevel(logging.ERROR)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_MBOX_FROM = re.compile(rb"^From [^\s:]")
_OBSOLETE_NAME = re.compile(rb"^([!-9;-~]+)[ \t]+:", re.MULTILINE)
_KNOWN_HEADERS = {
    "from", "to", "cc", "subject", "date", "message-id", "received", "return-path",
    "in-reply-to", "references", "mime-version", "content-type", "sender", "reply-to",
    "delivered-to", "x-mailer", "user-agent", "resent-from",
}  # fmt: skip
_MSGID = re.compile(r"<[^<>\s]+>")
_FOLD = re.compile(r"\r?\n[ \t]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte kept by surrogateescape
_LATIN1_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}


def parse_message(data: bytes, *, slow: bool = False) -> ParsedMessage:
    """Parse one message; raise ParseError only when the bytes are no usable mail.

    ``slow=True`` runs mail-parser's full parse on every message (the reference for
    tests/test_parse_equivalence.py); the result is the same, only slower.
    """
    _check_looks_like_mail(data)
    defects: list[str] = []
    msg = _message_of(data, defects, slow)
    headers = _headers(msg, defects)
    if not any(name in _KNOWN_HEADERS for name in headers):
        raise ParseError("no mail headers (From, To, Subject, Date, …) found")

    content_hash = hashlib.sha256(data).hexdigest()
    raw = _raw_index(msg)
    from_name, from_addr = _sender(raw, defects)
    subject = _clean(" ".join(headers.get("subject", "").split()))
    if len(subject) > MAX_SUBJECT:
        defects.append(f"subject of {len(subject)} characters cut to {MAX_SUBJECT}")
        subject = subject[:MAX_SUBJECT - 1].rstrip() + "…"
    from_name = _clean(from_name)
    text = _clean(_body_text(msg, defects))
    sent = _date(msg, headers, defects)
    own = cut_at_signer(own_text(text), from_name)
    auto = classify_auto(headers, from_addr, subject, text)
    return ParsedMessage(
        message_id=_message_id(headers.get("message-id", ""), content_hash, defects),
        subject=subject,
        from_addr=from_addr,
        from_name=from_name,
        to=_addresses(" , ".join(raw.get("to", ()))),
        cc=_addresses(" , ".join(raw.get("cc", ()))),
        date=sent,
        in_reply_to=next(iter(_MSGID.findall(headers.get("in-reply-to", ""))), None),
        references=_MSGID.findall(headers.get("references", "")),
        headers=headers,
        text=text,
        own_text=own,
        auto=auto,
        away_until=away_until(text, sent.date()) if auto == "auto-reply" else None,
        language=guess_language(own),
        content_hash=content_hash,
        defects=defects,
    )


MAX_SUBJECT = 300  # characters: a 100 KB subject was copied three times into a 1.5 MB update
# bidirectional embeddings, overrides and isolates: U+202E made "fdp.exe" read "exe.pdf" in an
# update (issue 19); a mail's text never needs them to be read right
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    """Without bidi controls; found first by one scan, as almost no mail has any."""
    return text.translate(_BIDI) if not text.isascii() and _BIDI_RE.search(text) else text


# --------------------------------------------------------------------------- envelope


def _check_looks_like_mail(data: bytes) -> None:
    if not data or not data.strip():
        raise ParseError("empty message")
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:4096]
    if b"\x00" in head and (head.count(b"\x00") > len(head) // 50 + 2
                            or not _HEADER_LINE.match(head.split(b"\n", 1)[0])):
        # a stray NUL in one header of real mail is dropped in _message_of (issue 19)
        raise ParseError("binary data, not an email (NUL bytes in the header)")
    first = head.split(b"\n", 1)[0]
    if _MBOX_FROM.match(first):  # mbox separator line
        first = head.split(b"\n", 2)[1] if head.count(b"\n") >= 1 else b""
    if not _HEADER_LINE.match(first) and _banner_end(head) is None:
        raise ParseError('not an email: the first line is no header ("Name: value")')


def _banner_end(data: bytes) -> int | None:
    """Where the headers start after a banner line such as ``---- Original email message
    ----`` (a forwarding tool's, mail068), or None when the mail has no such line.

    Only a line with no colon-header shape, followed by two header lines, counts.
    """
    lines = data[:4096].split(b"\n", 3)
    if len(lines) < 3 or _HEADER_LINE.match(lines[0]) or not lines[0].strip():
        return None
    if all(_HEADER_LINE.match(line) for line in lines[1:3]):
        return len(lines[0]) + 1
    return None


def _message_of(data: bytes, defects: list[str], slow: bool) -> Message:
    data = data.removeprefix(b"\xef\xbb\xbf").lstrip()  # BOM from Windows tools
    if _MBOX_FROM.match(data):
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    end = _header_end(data)
    if b"\x00" in data[:end]:
        defects.append("NUL bytes in the header, dropped")
        data = data[:end].replace(b"\x00", b"") + data[end:]
    banner = None if _HEADER_LINE.match(data) else _banner_end(data)
    if banner is not None:
        defects.append("a banner line above the headers, skipped")
        data = data[banner:]
    end = _header_end(data)
    data, end = _rejoin_continuations(data, end, defects)
    if _OBSOLETE_NAME.search(data, 0, end):
        # RFC 822 allowed "Subject   : x"; the email package stops reading headers there
        defects.append("obsolete whitespace before a header colon")
        data = _OBSOLETE_NAME.sub(rb"\1:", data[:end]) + data[end:]
    msg = None if slow else _stdlib_message(data)
    categories = None if msg is None else defect_categories(msg)
    if categories is None:
        try:
            parsed = mailparser.parse_from_bytes(data)
            msg = parsed.message
            categories = parsed.defects_categories
        except Exception as exc:  # mail-parser raises many kinds on odd mail
            defects.append(f"mail-parser failed ({type(exc).__name__}); parsed with email")
            msg, categories = None, set()
    for category in sorted(categories):
        defects.append(f"mail-parser: {category}")
    if msg is None:
        try:
            msg = email.message_from_bytes(data, policy=email.policy.compat32)
        except Exception as exc:
            raise ParseError(f"unreadable MIME structure: {exc}") from exc
    return msg


_BLANK_LINE = re.compile(rb"\n\r?\n")


def _header_end(data: bytes) -> int:
    r"""Where ``re.search(rb"\r?\n\r?\n", data)`` starts (the blank line after the headers),
    or ``len(data)``. That pattern's optional first byte keeps ``re`` from skipping ahead to
    a newline, so it tried every byte of the message (1 % of the busy first run); a match
    starts at the first ``\n\r?\n`` or at the ``\r`` just before it, never earlier."""
    blank = _BLANK_LINE.search(data)
    if blank is None:
        return len(data)
    start = blank.start()
    return start - 1 if start and data[start - 1] == 13 else start  # noqa: PLR2004 - b"\r"


_KNOWN_HEADER_LINE = re.compile(
    rb"^(?:from|to|cc|subject|date|message-id|content-type|mime-version)[ \t]*:", re.I)


# a line after the first that starts with neither blank space (bytes.isspace) nor "Name:"
_MAYBE_BROKEN = re.compile(rb"\n(?![ \t\r\n\x0b\x0c]|[!-9;-~]+[ \t]*:)")


def _rejoin_continuations(data: bytes, end: int, defects: list[str]) -> tuple[bytes, int]:
    """Header lines a relaying tool unfolded without indent ("by mail.x.cz with ESMTP" under
    a Received:, mail068) are indented again, so the email package does not stop reading
    headers there. Only lines above a later From/To/Subject/… line count: without one, a
    missing blank line before the body stays what it is.

    Almost no mail has such a line: one search for a line that starts with neither blank
    space nor a header name answers that first (tests/test_parse_fastpaths.py)."""
    if not _MAYBE_BROKEN.search(data, 0, end):
        return data, end
    lines = data[:end].split(b"\n")
    last = max((i for i, line in enumerate(lines) if _KNOWN_HEADER_LINE.match(line)),
               default=-1)
    broken = [i for i in range(1, last) if lines[i].strip()
              and not lines[i][:1].isspace() and not _HEADER_LINE.match(lines[i])]
    if not broken:
        return data, end
    defects.append(f"{len(broken)} header continuation lines without indent")
    for i in broken:
        lines[i] = b" " + lines[i]
    head = b"\n".join(lines)
    return head + data[end:], len(head)


def _stdlib_message(data: bytes) -> Message | None:
    """What ``mailparser.parse_from_bytes`` parses first (``email.message_from_bytes``, here
    without a regex compile per boundary); None lets mail-parser fail as before."""
    try:
        return mime.message_from_bytes(data)
    except Exception:  # RecursionError and friends: the full run reports them
        return None


def _headers(msg: Message, defects: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = str(name).strip().lower()
        if key and key not in headers:
            headers[key] = _decode_header(value, key, defects)
    return headers


_ADDRESS_HEADERS = ("from", "sender", "reply-to", "return-path")


_RAW_WANTED = frozenset(("to", "cc", *_ADDRESS_HEADERS))


def _raw_index(msg: Message) -> dict[str, list[str]]:
    """Every value of the address headers, unfolded but not decoded (encoded words intact),
    by lower-case name: one pass over the headers instead of one per header asked for."""
    out: dict[str, list[str]] = {}
    for key, value in msg.raw_items():
        name = str(key).strip().lower()
        if name in _RAW_WANTED:
            raw = value if isinstance(value, str) else str(value)
            if "\n" in raw or "\r" in raw:
                raw = _FOLD.sub(" ", raw).replace("\r", "").replace("\n", "")
            out.setdefault(name, []).append(raw)
    return out


def _split_addresses(raw: str) -> list[tuple[str, str]]:
    """(encoded name, address) pairs, split before any decoding.

    Decoding first turns ``=?utf-8?B?TcO8bGxlciwgQmVybmQ=?= <b@x>`` into ``Müller, Bernd <b@x>``,
    whose comma then splits the name from its address (issue 19, mail014).
    """
    return list(_address_pairs(raw))


@lru_cache(maxsize=4096)  # the same From values recur in every message of a thread
def _address_pairs(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, a.strip()) for n, a in getaddresses([raw]) if a.strip())


def _sender(raw: dict[str, list[str]], defects: list[str]) -> tuple[str, str]:
    """Display name and address of the sender.

    Of several From lines the first with a real address wins (a bogus ``From: [??????]`` above
    the true one, mail017); without any, Sender, Reply-To or Return-Path stands in.
    """
    froms = raw.get("from", [])
    if len(froms) > 1:
        defects.append(f"{len(froms)} From headers")
    found = [pair for raw in froms for pair in _split_addresses(raw)]
    key = "from"
    if not found:
        for key in _ADDRESS_HEADERS[1:]:
            found = [pair for value in raw.get(key, ()) for pair in _split_addresses(value)]
            if found:
                defects.append(f"no usable From header; sender taken from {key}")
                break
    if not found:
        return "", ""
    name, addr = next((pair for pair in found if "@" in pair[1]), found[0])
    decoded = _decode_header(name, key, defects) if name else ""
    return " ".join(_unescaped(decoded).split()), _unescaped(_decode_address(addr)).lower()


def _decode_address(addr: str) -> str:
    """An address with an encoded word in it (``=?utf-8?Q?agent?=@example.com``), decoded
    without the space the display-name joiner would put between word and domain."""
    if "=?" not in addr:
        return addr
    try:
        parts = decode_header(addr)
    except Exception:
        return addr
    return "".join(chunk if isinstance(chunk, str) else
                   chunk.decode(charset or "ascii", "replace") if _known(charset)
                   else chunk.decode("latin-1") for chunk, charset in parts).strip()


def _known(charset: str | None) -> bool:
    try:
        codecs.lookup(charset or "ascii")
    except LookupError:
        return False
    return True


def _decode_header(value: object, name: str, defects: list[str]) -> str:
    """Unfold and decode RFC 2047 words; raw 8-bit bytes go through the charset cascade."""
    raw = value if isinstance(value, str) else str(value)
    if "\n" in raw or "\r" in raw:
        raw = _FOLD.sub(" ", raw).replace("\r", "").replace("\n", "")
    if _ESCAPED_BYTE.search(raw):
        raw = _decode_bytes(raw.encode("ascii", "surrogateescape"), None, defects, name)
    if "=?" not in raw:
        return raw.strip()
    try:
        parts = decode_header(raw)
    except Exception:  # malformed encoded words stay as written
        defects.append(f"header {name}: malformed encoded word")
        return raw.strip()
    out: list[str] = []
    for chunk, charset in parts:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset is None:
            out.append(chunk.decode("raw-unicode-escape", "replace"))
        else:
            out.append(_decode_bytes(chunk, charset, defects, name))
    # decode_header splits plain text from encoded words without the space between them
    joined = ""
    for i, piece in enumerate(out):
        prev_encoded = i > 0 and parts[i - 1][1] is not None
        this_encoded = parts[i][1] is not None
        boundary = joined and prev_encoded != this_encoded
        if boundary and not joined[-1].isspace() and not piece[:1].isspace():
            joined += " "
        joined += piece
    return " ".join(joined.split())


# What a declared charset means in practice: its superset, as Latin-1 means Windows-1252
# (GB2312 mail is GBK, mail031; Shift_JIS is Windows-31J; EUC-KR is CP949)
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949"}
# ISO-2022-JP with NEC and IBM extension characters (mail099) is read by the later variants
_ISO2022 = ("iso2022_jp", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_jp_2")
# What charset-normalizer may name for undeclared or mislabelled 8-bit text: multi-byte East
# Asian charsets only, where a wrong guess cannot decode. For Western text it is unreliable on
# a few bytes ("Müller" as cp1006) and Windows-1252 is the better fallback.
_GUESSABLE = frozenset({"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp932", "shift_jis",
                        "euc_jp", "euc_jis_2004", "cp949", "euc_kr", "johab"})


def _guess(payload: bytes) -> str | None:
    """An East Asian charset the bytes are in, by charset-normalizer, or None."""
    if payload.isascii():
        return None
    best = charset_normalizer.from_bytes(payload).best()
    if best is None or best.encoding not in _GUESSABLE:
        return None
    return _SUPERSET.get(best.encoding, best.encoding)


def _decode_bytes(payload: bytes, declared: str | None, defects: list[str], where: str) -> str:
    """Declared charset (or its superset), ISO-2022 when its escapes are there, UTF-8, an East
    Asian charset charset-normalizer recognises, then Windows-1252; notes a defect when the
    declared one fails or none was declared for 8-bit text."""
    candidates: list[str] = []
    if declared:
        charset = declared.strip().strip('"').lower()
        if charset in _LATIN1_ALIASES:
            # Windows-1252 is what "Latin-1" mail means in practice (€, „“ live there)
            candidates += ["utf-8", "cp1252"] if charset in ("us-ascii", "ascii") else ["cp1252"]
        else:
            try:
                name = codecs.lookup(charset).name
                candidates.append(_SUPERSET.get(name, name))
            except LookupError:
                defects.append(f"{where}: unknown charset {declared!r}")
    if b"\x1b$" in payload or b"\x1b(" in payload:  # ISO-2022 escapes, declared or not
        candidates += [c for c in _ISO2022 if c not in candidates]
    fallback = ["utf-8"]
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        guessed = _guess(payload)
        if guessed:
            fallback.append(guessed)
    if b"\x1b$" in payload and not any(_decodes(payload, c) for c in candidates):
        nec = _jis_as_cp932(payload)
        if nec is not None:
            return nec
    for charset in [*candidates, *fallback, "cp1252"]:
        try:
            text = payload.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
        if declared and candidates and charset != candidates[0]:
            defects.append(f"{where}: not {declared}, decoded as {charset}")
        return text
    defects.append(f"{where}: undecodable bytes, decoded as latin-1")
    return payload.decode("latin-1")


def _decodes(payload: bytes, charset: str) -> bool:
    try:
        payload.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


_JIS_ESCAPE = re.compile(rb"\x1b(?:\$[@B]|\([BJ])")


def _jis_as_cp932(payload: bytes) -> str | None:
    """ISO-2022-JP with NEC/IBM extension characters (Microsoft's CP50220), which Python's
    ISO-2022 codecs refuse: the JIS X 0208 pairs become Shift_JIS bytes, read as CP932."""
    out = bytearray()
    double = False
    pos = 0
    for m in [*_JIS_ESCAPE.finditer(payload), None]:
        chunk = payload[pos:m.start() if m else len(payload)]
        if double:
            if len(chunk) % 2:
                return None
            for j1, j2 in zip(chunk[::2], chunk[1::2], strict=True):
                if not (0x21 <= j1 <= 0x7E and 0x21 <= j2 <= 0x7E):
                    return None
                out.append(((j1 + 1) >> 1) + (0x70 if j1 <= 0x5E else 0xB0))
                out.append(j2 + (0x1F + (j2 >= 0x60) if j1 % 2 else 0x7E))
        else:
            out += chunk
        if m is None:
            break
        double, pos = m.group(0)[1:2] == b"$", m.end()
    try:
        return bytes(out).decode("cp932")
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=4096)
def _first_address(value: str) -> tuple[str, str]:
    """Cached: the same From and To values recur in every message of a thread."""
    for name, addr in getaddresses([_unescaped(value)]):
        if addr.strip():
            return " ".join(name.split()), addr.strip().lower()
    return "", ""


def _unescaped(value: str) -> str:
    """Raw 8-bit bytes in a header ("jürgen@…" sent unencoded) arrive as surrogate escapes,
    which no database or mail can store: read them as UTF-8, else Windows-1252."""
    if value.isascii() or not _ESCAPED_BYTE.search(value):
        return value
    raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _addresses(value: str) -> list[str]:
    return list(_address_tuple(value))


@lru_cache(maxsize=4096)
def _address_tuple(value: str) -> tuple[str, ...]:
    return tuple(a.strip().lower() for _, a in getaddresses([_unescaped(value)]) if a.strip())


def _message_id(value: str, content_hash: str, defects: list[str]) -> str:
    value = _unescaped(value)
    found = _MSGID.search(value)
    if found:
        return found.group(0)
    token = value.strip().strip("<>").strip()
    if token and not any(c.isspace() for c in token):
        defects.append("Message-ID without angle brackets")
        return f"<{token}>"
    defects.append("no Message-ID; synthesised from the content hash")
    return f"<{content_hash[:32]}@mailsum.invalid>"


# A Date before 1970 or more than this far ahead is no real sending time (a "31 Dec 9999"
# mail once stopped every run): it is set aside with a defect, like an unreadable one.
_FUTURE_SLACK = timedelta(days=5 * 366)


def _in_window(when: datetime | None) -> bool:
    return when is not None and _EPOCH <= when <= datetime.now(UTC) + _FUTURE_SLACK


def _date(msg: Message, headers: dict[str, str], defects: list[str]) -> datetime:
    parsed = _parse_date(headers.get("date", ""))
    if _in_window(parsed):
        assert parsed is not None
        return parsed
    if parsed is not None:
        defects.append(f"Date header out of range ({parsed:%Y-%m-%d}); ignored")
    else:
        defects.append(
            "missing or unreadable Date header" if "date" in headers else "no Date header")
    received = [
        _parse_date(str(v).rsplit(";", 1)[-1])
        for v in (msg.get_all("received") or [])
        if ";" in str(v)
    ]
    dates = [d for d in received if d is not None and _in_window(d)]
    if dates:
        return max(dates)
    defects.append("no date at all; using 1970-01-01")
    return _EPOCH


def _parse_date(value: str) -> datetime | None:
    value = " ".join(value.split())
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# --------------------------------------------------------------------------- body


def _body_text(msg: Message, defects: list[str]) -> str:
    try:
        text = _part_text(msg, defects)
    except Exception as exc:  # a broken part must not lose the message
        defects.append(f"body not readable ({type(exc).__name__})")
        text = ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return text.strip("\n")


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("content-disposition") or "").lower()
    return disposition.strip().startswith("attachment")


def _part_text(part: Message, defects: list[str]) -> str:
    ctype = part.get_content_type()
    if part.is_multipart():
        children = [c for c in part.get_payload() if isinstance(c, Message)]
        if ctype == "multipart/alternative":
            for wanted in ("text/plain", "text/html"):
                for child in children:
                    if child.get_content_type() == wanted and not _is_attachment(child):
                        text = _part_text(child, defects)
                        if text.strip():
                            return text
            for child in reversed(children):
                text = _part_text(child, defects)
                if text.strip():
                    return text
            return ""
        texts = []
        for child in children:
            if _is_attachment(child) or child.get_content_type() in (
                "message/rfc822",
                "message/delivery-status",
                "text/rfc822-headers",
            ):
                continue
            text = _part_text(child, defects)
            if text.strip():
                texts.append(text.strip("\n"))
        return "\n\n".join(texts)
    if _is_attachment(part) or ctype not in ("text/plain", "text/html"):
        return ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = _decode_bytes(payload, part.get_content_charset(), defects, f"body {ctype}")
    return html_to_text(text) if ctype == "text/html" else text


# --------------------------------------------------------------------------- HTML


class _TextExtractor(HTMLParser):
    """HTML to readable lines: blocks become line breaks, blockquotes get "> " prefixes."""

    BLOCKS = frozenset(
        str.split(
            "address article aside blockquote center dd div dl dt fieldset figure footer form h1 h2"
            " h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul"
        )
    )
    SKIP = frozenset(("script", "style", "head", "title", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current = ""
        self.depth = 0
        self.skip = 0
        self.pre = 0
        self.hidden: list[str] = []  # open elements styled invisible

    def flush(self, force_blank: bool = False) -> None:
        line = self.current.strip() if not self.pre else self.current.rstrip()
        if line:
            self.lines.append("> " * self.depth + line)
        if force_blank and self.lines and self.lines[-1].strip("> "):
            self.lines.append(">" * self.depth)
        self.current = ""

    VOID = frozenset(("br", "hr", "img", "input", "meta", "link", "wbr", "col", "area"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden:  # inside an element no reader sees: only its nesting is tracked
            if tag not in self.VOID:
                self.hidden.append(tag)
            return
        if tag not in self.VOID and _invisible(attrs):
            # a command hidden with display:none in an HTML-only reply was applied (issue 19):
            # what the reader cannot see is no text of the mail
            self.hidden.append(tag)
            return
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "br":
            # <div><br></div> is how mail editors write a blank line
            self.flush(force_blank=not self.current.strip())
        elif tag in self.BLOCKS:
            self.flush(force_blank=tag == "p")
            if tag == "blockquote":
                self.depth += 1
            elif tag == "pre":
                self.pre += 1
            elif tag == "li":
                self.current = "- "
        elif tag == "td" and self.current.strip():
            self.current += " "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag in self.hidden:  # the element closes (and any left open inside it)
                del self.hidden[len(self.hidden) - 1 - self.hidden[::-1].index(tag):]
            return
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.flush(force_blank=tag == "p")
            if tag == "blockquote":
                self.depth = max(0, self.depth - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip or self.hidden:
            return
        if self.pre:
            parts = data.split("\n")
            self.current += parts[0]
            for part in parts[1:]:
                self.flush()
                self.current = part
            return
        data = re.sub(r"[ \t\r\n\f]+", " ", data.replace("\xa0", " "))
        if self.current.endswith(" ") and data.startswith(" "):
            data = data[1:]
        self.current += data


_INVISIBLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![\w-])(?:font-size|max-height|height)"
    r"\s*:\s*0(?:px|pt|em)?\s*(?:;|$|!)", re.IGNORECASE)


def _invisible(attrs: list[tuple[str, str | None]]) -> bool:
    """An element styled so that no reader sees it, or marked ``hidden``."""
    for name, value in attrs:
        if name == "hidden" or name == "style" and value and _INVISIBLE.search(value):
            return True
    return False


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body (entities decoded, quotes marked with "> ")."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; keep what was read so far
        pass
    parser.flush()
    lines: list[str] = []
    for line in parser.lines:
        if not line.strip("> ") and lines and not lines[-1].strip("> "):
            continue
        lines.append(line)
    return "\n".join(lines).strip("\n")
