"""``email.message_from_bytes`` without a regular expression compiled for every boundary.

The stdlib's feed parser compiles ``(?P<sep>--BOUNDARY)(?P<end>--)?(?P<ws>[ \\t]*)…$`` for each
multipart it reads. Boundaries are unique per mail, so ``re``'s cache never hits and every
multipart mail pays a full regex compile (2 % of the busy first run, issue 21). The pattern is
a literal followed by a fixed tail, so matching the literal with ``startswith`` and the tail
with one precompiled pattern at its end gives the same match for every line.

``message_from_bytes`` here is the stdlib's, call for call (``BytesParser.parsebytes`` →
``Parser.parsestr`` → ``parse`` feeding 8,192 characters at a time, the same frames, so even a
RecursionError on absurd nesting comes at the same depth); the one difference is the parser's
``_parsegen``, the stdlib's own code object run with a ``re`` whose ``compile`` hands back
the literal-and-tail matcher for exactly that boundary pattern (checked by re-escaping), and
the real ``re.compile`` for anything else. Where the stdlib's internals are not as expected
(another Python), the stdlib parses. tests/test_parse_mime.py compares the message trees.
"""

from __future__ import annotations

import email
import email.feedparser
import re
import types
from email.message import Message
from email.parser import BytesParser, Parser
from typing import Any

_HEAD = "(?P<sep>"
_TAIL_SOURCE = r")(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$"
_TAIL = re.compile(_TAIL_SOURCE[1:])
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


class _Boundary:
    """``re.compile('(?P<sep>' + re.escape(separator) + tail).match``, without compiling."""

    __slots__ = ("length", "separator")

    def __init__(self, separator: str) -> None:
        self.separator = separator
        self.length = len(separator)

    def match(self, line: str) -> re.Match[str] | None:
        return _TAIL.match(line, self.length) if line.startswith(self.separator) else None


class _BoundaryRe:
    """What the feed parser sees as ``re``: ``escape`` and ``compile`` only."""

    escape = staticmethod(re.escape)

    @staticmethod
    def compile(pattern: str, flags: int = 0) -> Any:  # noqa: ANN401 - re.Pattern or matcher
        if flags == 0 and pattern.startswith(_HEAD) and pattern.endswith(_TAIL_SOURCE):
            escaped = pattern[len(_HEAD):-len(_TAIL_SOURCE)]
            separator = _ESCAPED.sub(r"\1", escaped)
            if re.escape(separator) == escaped:
                return _Boundary(separator)
        return re.compile(pattern, flags)


def _fast_feedparser() -> type[email.feedparser.FeedParser] | None:
    """A FeedParser whose ``_parsegen`` is the stdlib's code with ``re`` as above."""
    base = email.feedparser.FeedParser
    original = getattr(base, "_parsegen", None)
    code = getattr(original, "__code__", None)
    if code is None or original.__closure__ or "re" not in code.co_names:
        return None
    names = {**vars(email.feedparser), "re": _BoundaryRe}
    parsegen = types.FunctionType(code, names, code.co_name, original.__defaults__)
    parsegen.__qualname__ = original.__qualname__
    return type("FeedParser", (base,), {"_parsegen": parsegen, "__module__": __name__})


_FeedParser = _fast_feedparser()


class _Parser(Parser):
    def parse(self, fp, headersonly=False):  # noqa: ANN001, ANN201, FBT002 - the stdlib's
        """``email.parser.Parser.parse``, with the FeedParser above."""
        assert _FeedParser is not None
        feedparser = _FeedParser(self._class, policy=self.policy)
        if headersonly:
            feedparser._set_headersonly()  # noqa: SLF001
        while True:
            data = fp.read(8192)
            if not data:
                break
            feedparser.feed(data)
        return feedparser.close()


def message_from_bytes(data: bytes) -> Message:
    """Exactly ``email.message_from_bytes(data)`` (compat32)."""
    if _FeedParser is None:
        return email.message_from_bytes(data)
    parser = BytesParser()
    parser.parser = _Parser()
    return parser.parsebytes(data)
