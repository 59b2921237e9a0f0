"""Shared test builders: a ``ParsedMessage`` and a raw mail with every field but the ones a test
is about filled in, so each test file writes only what is special to it.

Defaults are plain and empty (no sender, no text, no links); a builder in a test file passes the
few fields its tests read. Nothing here parses: raw mails are written as bytes the way a mail
client would send them, parsed messages are built directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime

from mailsum.models import ParsedMessage, Thread

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
"""A Monday morning; the default date of a built message."""

DESK = "it-support@provider.de"
"""The service desk's mailbox the customer mails go to."""

ACME_CONTACT = "k.lang@acme-maschinenbau.de"
"""The ACME contact most runner-level tests write as."""

PLAIN_UTF8 = "text/plain; charset=utf-8"


# --------------------------------------------------------------------------- parsed messages


def parsed(
    message_id: str = "<m@test>",
    *,
    subject: str = "",
    from_addr: str = "",
    from_name: str = "",
    to: Iterable[str] = (),
    cc: Iterable[str] = (),
    date: datetime = T0,
    in_reply_to: str | None = None,
    references: Iterable[str] = (),
    headers: Mapping[str, str] | None = None,
    text: str = "",
    own_text: str | None = None,
    **rest: object,
) -> ParsedMessage:
    """A ``ParsedMessage`` as the parse stage would hand it on; ``own_text`` defaults to
    ``text`` (a mail with no quote or signature), ``rest`` sets the optional fields (``auto``,
    ``away_until``, ``language``, ``content_hash``, ``defects``)."""
    return ParsedMessage(
        message_id=message_id,
        subject=subject,
        from_addr=from_addr,
        from_name=from_name,
        to=list(to),
        cc=list(cc),
        date=date,
        in_reply_to=in_reply_to,
        references=list(references),
        headers=dict(headers or {}),
        text=text,
        own_text=text if own_text is None else own_text,
        **rest,  # type: ignore[arg-type]
    )


def linked(mid: str, irt: str | None = None, refs: Sequence[str] | None = None,
           **fields: object) -> ParsedMessage:
    """A message whose ids are given bare (``"a"`` for ``<a>``): ``irt`` is its In-Reply-To,
    and its References are ``refs`` or, without them, just ``irt``. Threading tests write
    trees this way."""
    references = refs if refs is not None else ([irt] if irt else [])
    return parsed(f"<{mid}>", in_reply_to=f"<{irt}>" if irt else None,
                  references=[f"<{r}>" for r in references], **fields)  # type: ignore[arg-type]


def thread_of(messages: Sequence[ParsedMessage], subject: str | None = None) -> Thread:
    """The thread of ``messages`` as threading would form it: rooted at the first message, in
    the given order, named by ``subject`` (the first message's subject without it)."""
    return Thread(messages[0].message_id,
                  messages[0].subject if subject is None else subject,
                  [m.message_id for m in messages])


# --------------------------------------------------------------------------- raw mail


def mail_date(when: datetime) -> str:
    """``when`` as a Date header writes it (RFC 5322, numeric zone)."""
    return format_datetime(when)


def raw_mail(headers: Mapping[str, str | None], body: str = "", *, newline: str = "\n") -> bytes:
    """The bytes of a mail: ``headers`` in the given order (a ``None`` value is left out), a
    blank line, ``body`` as it is (UTF-8). ``newline`` ends the header lines (``"\\r\\n"`` for
    what an IMAP server stores)."""
    head = "".join(f"{name}: {value}{newline}" for name, value in headers.items()
                   if value is not None)
    return (head + newline + body).encode()


def ticket_mail(
    n: int,
    *,
    sender: str = ACME_CONTACT,
    to: str = DESK,
    subject: str | None = None,
    date: str | None = None,
    message_id: str | None = None,
    reply_to: str | None = None,
    extra: str = "",
    body: str = "",
) -> bytes:
    """Customer mail number ``n`` to the desk: ``[ACME-n] Anfrage n`` asking for printer ``n``
    by Friday, sent on Monday 23 Nov 2026 at 09:n (+0100) as ``<mn@x.de>``. ``reply_to`` (a
    Message-ID) links it to an earlier mail; ``extra`` is header lines written as they are."""
    links = f"In-Reply-To: {reply_to}\nReferences: {reply_to}\n" if reply_to else ""
    head = (f"From: {sender}\nTo: {to}\n"
            f"Subject: {subject or f'[ACME-{n}] Anfrage {n}'}\n"
            f"Date: {date or f'Mon, 23 Nov 2026 09:{n % 60:02d}:00 +0100'}\n"
            f"Message-ID: {message_id or f'<m{n}@x.de>'}\n{links}{extra}")
    text = body or f"Können Sie bitte bis Freitag den Drucker Nummer {n} prüfen?"
    return (head + f"Content-Type: {PLAIN_UTF8}\n\n" + text + "\n").encode()
