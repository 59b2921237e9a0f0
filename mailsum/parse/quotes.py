"""Cut a mail body down to the sender's own new text.

Open points must come from what the sender wrote in this message, never from quoted history,
signatures or legal footers. The rules below follow the formats that German and English mail
clients (Outlook, Gmail, Apple Mail, Thunderbird, Lotus Notes, mobile clients) write. Kept lines
are returned verbatim, because later stages and the evaluation match lines, not rewrapped text.
Greetings, closings and the name typed under them stay: the author wrote them (``formulae``
keeps them out of extraction).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailsum.text.formulae import CLOSING, NAME_LINE

# "> text", and Supercite/FidoNet-style initials before the ">" ("TFU> text", "Mandok>> text")
# that newsreaders and some mail clients (Gnus, The Bat!, GoldED) write
_QUOTED = re.compile(r"^\s*(?:[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{0,9})?>")

# One-line markers after which the rest is history (Outlook, forwards, Lotus Notes).
_SEPARATOR = re.compile(
    r"^[-_=*\s]*+(?:"
    r"original[- ]message|urspr(?:ü|ue|.)ngliche nachricht|original[- ]nachricht"
    r"|forwarded message|weitergeleitete nachricht|message d'origine|message transféré"
    r"|forwarded by\b|weitergeleitet von\b"
    r")",
    re.IGNORECASE,
)
_FORWARD_LINE = re.compile(
    r"^\s*(?:begin forwarded message|anfang der weitergeleiteten (?:nachricht|e-mail)"
    r"|start of forwarded message)\s*:?\s*$",
    re.IGNORECASE,
)
# "On Mon, Mar 4, 2024 at 10:15 AM X wrote:", "Am 12.03.2024 um 10:15 schrieb X:", also
# "X schrieb am ...:" and "X <x@y> wrote:"; the text may be wrapped over up to three lines.
_ATTRIBUTION_END = re.compile(
    r"\b(?:wrote|writes|schrieb|schreibt|a écrit|escribió|ha scritto)\b[^:]{0,120}:\s*$",
    re.IGNORECASE,
)
# Outlook Express and newsreaders: "X <x@y> schrieb im Newsbeitrag news:<id>...",
# "X wrote in message news:<id>..." (no colon; the message id may follow on the next line)
_NEWS_ATTRIBUTION = re.compile(
    r"\b(?:schrieb (?:im|in) (?:news)?beitrag|wrote in (?:message|news))\b.{0,120}$",
    re.IGNORECASE,
)
_MESSAGE_ID_LINE = re.compile(r"^\s*(?:news:)?<[^<>\s]+@[^<>\s]+>(?:\.{3}|…)?\s*:?\s*$")
# Gmail without "wrote": "2017-04-21 12:51 GMT+09:00 Jane Doe <jane@example.org>:"
_ISO_ATTRIBUTION = re.compile(
    r"^\s*\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}.{0,100}<[^<>\s]+@[^<>\s]+>\s*:\s*$"
)
# After an Outlook rule, a header line in any language: "Lähettäjä: Name <x@y>", "De : …"
_FOREIGN_HEADER = re.compile(r"^\s*[^\s:]{2,24}\s?:\s.{0,100}(?:@|\d{1,2}:\d{2})")
_ATTRIBUTION_START = re.compile(r"^\s*(?:On|Am|Le|El|Il)\s", re.IGNORECASE)
_HEADER_KEYS = (
    r"from|von|de|absender|sent|gesendet|date|datum|envoyé|to|an|à|cc|kopie|bcc"
    r"|subject|betreff|objet|reply-to|antwort an|importance|wichtigkeit"
)
# "=09" / "=20": tabs and spaces of a quoted-printable body that was never decoded (Lotus Notes)
_QP_SPACE = r"(?:\s|=09|=20)*+"
_HEADER = re.compile(
    rf"^{_QP_SPACE}[*]{{0,2}}({_HEADER_KEYS})\s*[*]{{0,2}}\s*:", re.IGNORECASE
)
# Lotus Notes/Outlook address lists wrap over many lines: "Kinser/HOU/ECT@ECT, Rudy ..."
_ADDRESS_LINE = re.compile(r"@|\b\w+/\w+/\w+\b|,\s*$")
# Lines Lotus Notes puts above "To:": sender, "Sent by:", date and time, "Please respond to"
_LOTUS_LINE = re.compile(
    rf"^{_QP_SPACE}(?:sent by:|please respond to\b|\S[^:]{{0,60}}(?:@|<[^>]+>)\S*\s*$"
    r"|(?:=09|=20|\s)*$)",
    re.IGNORECASE,
)
# GroupWise: ">>> Name <addr> 2/16/01 10:41:43 am >>>", history follows unprefixed
_GROUPWISE = re.compile(r"^\s*>>>\s.{0,120}\d.{0,40}>>>\s*$")
_FROM_KEYS = {"from", "von", "de", "absender"}
_TO_KEYS = {"to", "an", "à"}
_DATE_OR_SUBJECT_KEYS = {
    "sent", "gesendet", "date", "datum", "envoyé", "subject", "betreff", "objet",
}  # fmt: skip
_ONE_LINE_HEADER = re.compile(
    r"^\s*[*]{0,2}(?:from|von)[*]{0,2}\s*:.*\b(?:sent|gesendet|date|datum)[*]{0,2}\s*:",
    re.IGNORECASE,
)
_RULE_LINE = re.compile(r"^\s*(?:_{5,}|-{5,}|={5,})\s*$")
_DATE_TIME = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}.{0,20}\d{1,2}:\d{2}")

_SIG_DELIMITER = re.compile(r"^(?:-- ?|--)\s*$")
_LIST_FOOTER = re.compile(r"^\s*_{10,}\s*$")
# the lines of a contact block: an address, a web address, a labelled or bare phone number
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://|\bwww\.\S"
    r"|^(?:tel|telefon|phone|fon|fax|mobil|mobile|cell|handy|skype|e-?mail|web|[tfmp])\b\.?\s*:?"
    r"\s*[+(\d\w]"
    r"|^[+(]?\d[\d\s()/.-]{6,}\d$",
    re.IGNORECASE,
)
_MOBILE = re.compile(
    r"^\s*(?:sent from my\b|sent from (?:outlook|mail|yahoo|samsung|gmail)\b"
    r"|get outlook for\b|von meinem \S+.{0,40}gesendet|gesendet von meinem\b"
    r"|gesendet mit\b|sent with\b|sent via\b|diese nachricht wurde von meinem)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*+[*]?\s*+(?:"
    r"geschäftsführ(?:er|ung|erin)\b|vorstand\s*:|aufsichtsrat|amtsgericht|registergericht"
    r"|handelsregister|hr[ab]\s*:?\s*\d|ust[.-]?id|umsatzsteuer-id|steuernummer|st\.-?nr"
    r"|sitz der gesellschaft|sitz\s*:|registered office|company registration|registered in\b"
    r"|diese (?:e-?mail|nachricht)\b.{0,60}\b(?:vertraulich|enthält|ist)"
    r"|wenn sie nicht der (?:richtige|vorgesehene) (?:adressat|empfänger)"
    r"|falls sie nicht der (?:richtige|vorgesehene)"
    r"|this (?:e-?mail|message|communication)\b.{0,80}\b(?:confidential|privileged|intended)"
    r"|the information (?:contained )?in this (?:e-?mail|message)"
    r"|if you (?:are not|have received) (?:the intended|this)"
    r"|confidentiality notice|disclaimer\s*:"
    r")",
    re.IGNORECASE,
)


def own_text(text: str) -> str:
    """Return the lines the sender wrote in this message, joined by newlines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    segments = _own_segments(lines)
    kept: list[str] = []
    for segment in segments:
        segment = _cut_signature(segment, has_text_before=any(s.strip() for s in kept))
        segment = _trim_blank(segment)
        if segment:
            kept.extend([""] + segment if kept else segment)
    return "\n".join(_trim_blank(kept))


def _own_segments(lines: list[str]) -> list[list[str]]:
    """Split the body into runs of unquoted lines, dropping quote headers and quoted blocks."""
    segments: list[list[str]] = []
    current: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        start, end = _quote_header_at(lines, i)
        if start is not None:
            if start < i:
                current = current[: max(0, len(current) - (i - start))]
            if current:
                segments.append(current)
            current = []
            j = _skip_blank(lines, end)
            if j < n and _QUOTED.match(lines[j]):
                i = _skip_quoted(lines, j)  # bottom-posting: own text may follow the quote
                continue
            return segments  # unprefixed history runs to the end
        if _QUOTED.match(lines[i]):
            if current:
                segments.append(current)
            current = []
            i = _skip_quoted(lines, i)
            continue
        current.append(lines[i])
        i += 1
    if current:
        segments.append(current)
    return segments


def _quote_header_at(lines: list[str], i: int) -> tuple[int | None, int]:
    """(first line of a quote header found at line i, line after it), or (None, i)."""
    line = lines[i]
    if not line.strip():  # no header starts on a blank line (most lines of a body)
        return None, i
    if _SEPARATOR.match(line) and _looks_like_marker(line):
        return _with_rule_above(lines, i), i + 1
    if _FORWARD_LINE.match(line) or _ONE_LINE_HEADER.match(line) or _GROUPWISE.match(line):
        return _with_rule_above(lines, i), i + 1
    if _ISO_ATTRIBUTION.match(line):
        return i, i + 1
    if _RULE_LINE.match(line) and line.strip().startswith("_"):
        j = _skip_blank(lines, i + 1)
        if j < len(lines) and _FOREIGN_HEADER.match(lines[j]):
            return i, j + 1
    end = _attribution_end(lines, i)
    if end is not None:
        return i, end
    end = _header_block_end(lines, i)
    if end is not None:
        return _with_lotus_above(lines, _with_rule_above(lines, i)), end
    return None, i


def _looks_like_marker(line: str) -> bool:
    """A separator line is a marker, not a sentence mentioning "original message"."""
    stripped = line.strip()
    return stripped.startswith(("-", "_", "=", "*")) or len(stripped) < 40


def _attribution_end(lines: list[str], i: int) -> int | None:
    line = lines[i]
    if _QUOTED.match(line) or not line.strip():
        return None
    if len(line) < 300 and _NEWS_ATTRIBUTION.search(line):
        # an address or a message id says it is a header, not a sentence quoting someone
        following = i + 1 < len(lines) and _MESSAGE_ID_LINE.match(lines[i + 1])
        if following:
            return i + 2
        if "@" in line:
            return i + 1
    if ":" in line and _ATTRIBUTION_END.search(line) and len(line) < 300:  # it needs a colon
        if _ATTRIBUTION_START.match(line) or _has_date_or_address(line) or len(line) < 80:
            return i + 1
        return None
    if not _ATTRIBUTION_START.match(line):
        return None
    joined = line
    for j in range(i + 1, min(i + 3, len(lines))):
        if not lines[j].strip() or _QUOTED.match(lines[j]):
            return None
        joined += " " + lines[j].strip()
        if ":" in lines[j] and _ATTRIBUTION_END.search(lines[j]):
            if len(joined) < 300 and _has_date_or_address(joined):
                return j + 1
            return None
    return None


def _has_date_or_address(text: str) -> bool:
    return _DATE_OR_ADDRESS.search(text) is not None


_DATE_OR_ADDRESS = re.compile(r"\d|@")


def _header_key(line: str) -> str | None:
    m = _HEADER.match(line)
    return m.group(1).lower() if m else None


def _header_block_end(lines: list[str], i: int) -> int | None:
    """End of an Outlook/Lotus header block (From:/Sent:/To:/Subject:) starting at line i."""
    first = _header_key(lines[i])
    if first not in _FROM_KEYS and first not in _TO_KEYS:
        return None
    keys = {first}
    j = i + 1
    last = i + 1
    while j < len(lines) and j <= i + 40:
        key = _header_key(lines[j])
        if key:
            keys.add(key)
            last = j + 1
        elif not lines[j].strip():
            if len(keys) >= 2:
                break
        elif _ADDRESS_LINE.search(lines[j]) and j - last < 30:
            pass  # a long address list wrapped over many lines
        elif j - last >= 2:  # allow a wrapped value line or two
            break
        j += 1
    others = keys - {first} - _FROM_KEYS
    # "From: Monday / To: Friday" in a sentence list is no header: want a date or subject too
    if first in _FROM_KEYS and (len(others) >= 2 or others & _DATE_OR_SUBJECT_KEYS):
        return last
    if first in _TO_KEYS and others & {"cc", "subject", "betreff", "kopie"}:
        return last
    return None


def _with_rule_above(lines: list[str], i: int) -> int:
    """Include an Outlook rule (____ / -----) directly above a header in the cut."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j >= 0 and j >= i - 2 and _RULE_LINE.match(lines[j]):
        return j
    return i


def _with_lotus_above(lines: list[str], i: int) -> int:
    """Lotus Notes puts "Name" and "date time" above the To: line; cut those too."""
    if _header_key(lines[i]) not in _TO_KEYS:
        return i
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    # "Sent by:", "Please respond to" and blank-looking lines may sit between date and To:
    top, dated = i, False
    while j >= 0 and i - j <= 6 and len(lines[j]) <= 90:
        if _DATE_TIME.search(lines[j]):
            dated = True
        elif not _LOTUS_LINE.match(lines[j]):
            break
        top = j
        j -= 1
    if not dated:
        return i
    if j >= 0 and NAME_LINE.match(lines[j]):
        return j  # the sender's name alone on the line above
    return top


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _skip_quoted(lines: list[str], i: int) -> int:
    """Index after a block of quoted lines (blank lines inside the block belong to it)."""
    last = i
    while i < len(lines):
        if _QUOTED.match(lines[i]):
            last = i
        elif tail := _rewrapped_quote(lines, i):
            last = i = i + tail - 1
        elif lines[i].strip():
            break
        i += 1
    return last + 1


def _rewrapped_quote(lines: list[str], i: int) -> int:
    """A quoted line that a client re-wrapped: its tail lost the "> " prefix.

    "> > Can you open a ticket" / "for" / "> > this?": one or two unprefixed lines glued
    between a long quoted line and the next quoted line, with no blank line around them.
    An inline answer stands apart from the quote by a blank line, or is longer. Returns how
    many lines (0, 1 or 2) belong to the quote.
    """
    if i == 0 or not _QUOTED.match(lines[i - 1]) or len(lines[i - 1].rstrip()) < 50:
        return 0
    for j in (i + 1, i + 2):
        if j >= len(lines) or not lines[j].strip():
            return 0
        if _QUOTED.match(lines[j]):
            short = all(len(lines[k].strip()) <= 40 for k in range(i, j))
            return j - i if short else 0
    return 0


def _cut_signature(segment: list[str], has_text_before: bool) -> list[str]:
    """Drop the signature block and legal footer at the end of one own-text run.

    The closing formula and the name typed under it stay: the author wrote them. The rest is
    what the mail client or the company appends: it starts at the first line where one of
    ``_signature_start``'s rules fires, or else at a name and contact block at the very end.
    """
    tail = _Tail.of(segment)
    text_before = has_text_before  # any text above line i (kept as we go: no rescans)
    for i, line in enumerate(segment):
        cut = _signature_start(segment, i, tail, text_before)
        if cut is not None:
            return segment[:cut]
        text_before = text_before or bool(line.strip())
    cut = _unsigned_contact_block(segment, has_text_before)
    return segment if cut is None else segment[:cut]


class _Tail:
    """What each line needs to know about the lines after it, counted once: rescanning the
    rest at every closing line was quadratic (10,000 lines "Mit freundlichen Grüßen", issue 19).
    """

    __slots__ = ("disclaimer", "filled_after", "last_disclaimer")

    def __init__(self, filled_after: list[int], disclaimer: list[bool]) -> None:
        self.filled_after = filled_after  # [i]: non-blank lines from line i on
        self.disclaimer = disclaimer  # [i]: line i starts a legal footer
        self.last_disclaimer = max((j for j, d in enumerate(disclaimer) if d), default=-1)

    @classmethod
    def of(cls, segment: list[str]) -> _Tail:
        filled_after = [0] * (len(segment) + 1)
        for j in range(len(segment) - 1, -1, -1):
            filled_after[j] = filled_after[j + 1] + bool(segment[j].strip())
        return cls(filled_after, [_DISCLAIMER.match(s) is not None for s in segment])


def _signature_start(segment: list[str], i: int, tail: _Tail, text_before: bool) -> int | None:
    """Where the appended part begins if line i starts it, else None; the rules in order."""
    line = segment[i]
    after = tail.filled_after[i + 1]  # non-blank lines below line i
    if _SIG_DELIMITER.match(line) or _mobile_footer(line):
        return i  # "-- ", "Sent from my iPhone": the client's, whatever follows
    if _LIST_FOOTER.match(line) and after <= 6:
        return i  # a mailing list's "_____" with its few footer lines
    if tail.disclaimer[i]:
        return _paragraph_start(segment, i)  # a legal footer takes its whole paragraph
    if not text_before:
        return None  # a closing or a rule above everything the author wrote is content
    if CLOSING.match(line) and (after <= 8 or tail.last_disclaimer > i):
        return _signoff_end(segment, i)  # "Viele Grüße" and the name under it stay
    if _RULE_LINE.match(line) and after <= 15 and _contact_tail(segment[i + 1 :], 15):
        return i  # a rule above a contact block
    return None


def _unsigned_contact_block(segment: list[str], has_text_before: bool) -> int | None:
    """Start of a last paragraph that is a name and contact lines with no closing above them
    (not the answer to a "…:" line above it), else None."""
    start = _paragraph_start(segment, len(segment) - 1) if segment else 0
    before = [s for s in segment[:start] if s.strip()]
    if (before or has_text_before) and NAME_LINE.match(segment[start] if segment else "") \
            and not (before and before[-1].rstrip().endswith(":")) \
            and _contact_tail(segment[start:], 8):
        return start
    return None


def _contact_tail(lines: list[str], limit: int) -> bool:
    """A signature block: a few short lines, at least one of them an address or number.

    Not one that ends in a question, or is longer than a footer (then it is content).
    """
    filled = [s.strip() for s in lines if s.strip()]
    return (0 < len(filled) <= limit and all(len(s) <= 60 for s in filled)
            and not any(s.endswith("?") for s in filled)
            and any(_CONTACT.search(s) for s in filled))


def _mobile_footer(line: str) -> bool:
    """"Sent from my iPhone" (maybe ", please excuse typos"), not a sentence that starts
    like one and goes on ("Sent from my desk, is much easier than my phone.")."""
    if not _MOBILE.match(line):
        return False
    _, comma, rest = line.partition(",")
    return not comma or len(rest.split()) < 4 or bool(_APOLOGY.match(rest))


_APOLOGY = re.compile(r"\s*+(?:please|pls|sorry|excuse|bitte|entschuldig)", re.IGNORECASE)


def _signoff_end(segment: list[str], i: int) -> int:
    """End of the closing at line i and the name typed under it; the block after is signature."""
    j = i + 1
    while j < len(segment) and not segment[j].strip():
        j += 1
    return j + 1 if j < len(segment) and NAME_LINE.match(segment[j]) else i + 1


def _short_tail(segment: list[str], i: int, limit: int) -> bool:
    """A footer or name block is short; a long tail after the line is real content."""
    return sum(1 for s in segment[i + 1 :] if s.strip()) <= limit


def _paragraph_start(segment: list[str], i: int) -> int:
    """Start of the blank-line separated block that holds line i (footers span a block)."""
    while i > 0 and segment[i - 1].strip():
        i -= 1
    return i


def _trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def cut_at_signer(own: str, sender_name: str) -> str:
    """End the own text at the line that signs it with the sender's name ("Tasha", "Maria
    Delgado", "S. Lechner"): what follows is the signature block and the company's footer, even
    without a closing formula or a "-- " line above it. The name line itself stays.

    Needs text before the name and a block after it; a mail that is only a name is left alone.
    """
    names = _signer_names(sender_name)
    if not names:
        return own
    lines = own.split("\n")
    for i, line in enumerate(lines):
        if i == 0 or i == len(lines) - 1:
            continue
        words = line.strip().rstrip(",.").lower()
        if words in names and any(x.strip() for x in lines[:i]) and any(
                x.strip() for x in lines[i + 1:]):
            return "\n".join(lines[: i + 1]).rstrip()
    return own


@lru_cache(maxsize=4096)  # the same senders write again and again
def _signer_names(sender_name: str) -> frozenset[str]:
    """"Reed, Tasha" or "Tasha Reed" -> {"tasha", "tasha reed", "t. reed", "reed"}."""
    if "," in sender_name:
        last, _, first = sender_name.partition(",")
        sender_name = f"{first.strip()} {last.strip()}"
    parts = [w for w in re.split(r"\s+", sender_name.strip()) if w and w[0].isalpha()]
    if not parts:
        return frozenset()
    names = {parts[0], " ".join(parts)}
    if len(parts) >= 2:
        names |= {parts[-1], f"{parts[0][0]}. {parts[-1]}", f"{parts[0]} {parts[-1]}"}
    return frozenset(n.lower() for n in names if len(n) >= 2)
