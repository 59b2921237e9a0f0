"""Build the update mail and hand it to an SMTP server or a directory of .eml files.

Headers: ``Auto-Submitted: auto-generated`` and ``X-Auto-Response-Suppress: All`` keep
vacation responders (RFC 3834, Exchange) from answering updates. ``Precedence: bulk`` is
deliberately *not* set: the update is a personal, wanted mail to one contact, and ``bulk``
makes some clients and filters file it with newsletters (and some parsers, ours included,
treat it as list mail); the two headers above already stop auto-replies.

The Message-ID carries an HMAC of the update key, so a reply's In-Reply-To proves it answers
an update we sent (DESIGN.md §6); the id helpers live in ``msgid`` (shared with interact)
and are re-exported here.
"""

from __future__ import annotations

import base64
import contextlib
import email.policy
import email.utils
import hashlib
import logging
import os
import re
import smtplib
import socket
import ssl
import tempfile
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from mailsum.errors import DeliveryError
from mailsum.models import OutgoingMail, RenderedUpdate
from mailsum.msgid import make_message_id, parse_message_id, verify_message_id

__all__ = [
    "DirectoryDelivery",
    "SmtpDelivery",
    "build_mail",
    "make_message_id",
    "parse_message_id",
    "verify_message_id",
]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- message


def _check_header(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise DeliveryError(f"header {name} contains a line break; refused", permanent=True)
    return value


def _bare(address: str, header: str) -> str:
    _check_header(header, address)
    _, addr = email.utils.parseaddr(address)
    if not addr or "@" not in addr:
        raise DeliveryError(f"{header}: not an address: {address!r}", permanent=True)
    return addr


def build_mail(
    rendered: RenderedUpdate,
    *,
    sender: str,
    to: list[str],
    cc: list[str],
    reply_to: str | None,
    message_id: str,
    date: datetime,
    extra_headers: dict[str, str] | None = None,
) -> OutgoingMail:
    """A multipart/alternative mail (text + HTML, UTF-8, CRLF) ready for any delivery."""
    if not to:
        raise DeliveryError("no recipient for the update", permanent=True)
    if date.tzinfo is None:
        raise ValueError("date must be timezone-aware")
    envelope_from = _bare(sender, "From")
    recipients: list[str] = []
    for addr in [*to, *cc]:
        bare = _bare(addr, "To/Cc")
        if bare.lower() not in {r.lower() for r in recipients}:
            recipients.append(bare)
    if reply_to is not None:
        _bare(reply_to, "Reply-To")
    for name, value in [("Subject", rendered.subject), ("Message-ID", message_id)]:
        _check_header(name, value)

    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = rendered.subject
    msg["Date"] = email.utils.format_datetime(date)
    msg["Message-ID"] = message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    headers = dict(extra_headers or {})
    key = parse_message_id(message_id)
    if key and not any(k.lower() == "x-mailsum-update" for k in headers):
        headers["X-Mailsum-Update"] = key
    for name, value in headers.items():
        _check_header("header name", name)
        if not re.fullmatch(r"[!-9;-~]+", name):
            raise DeliveryError(f"invalid header name {name!r}", permanent=True)
        del msg[name]
        msg[name] = _check_header(name, value)
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return OutgoingMail(
        message_id=message_id,
        sender=envelope_from,
        recipients=recipients,
        data=msg.as_bytes(policy=email.policy.SMTP),
    )


# --------------------------------------------------------------------------- directory


def _file_name(message_id: str) -> str:
    """A readable, filesystem-safe name; a hash keeps lossy mappings from colliding."""
    core = message_id.strip().removeprefix("<").removesuffix(">")
    safe = re.sub(r"[^A-Za-z0-9._@+=-]", "_", core)[:150].lstrip(".") or "message"
    if safe != core:
        safe += "-" + hashlib.sha256(message_id.encode("utf-8")).hexdigest()[:10]
    return safe + ".eml"


class DirectoryDelivery:
    """Writes each mail as ``<path>/<message-id>.eml``; the offline default and for previews."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def send(self, mail: OutgoingMail) -> str:
        target = self.path / _file_name(mail.message_id)
        tmp_name = ""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".eml", dir=self.path)
            with os.fdopen(fd, "wb") as fh:
                fh.write(mail.data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, target)
        except OSError as exc:
            if tmp_name:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
            raise DeliveryError(f"cannot write {target}: {exc}", permanent=False) from exc
        return str(target)


# --------------------------------------------------------------------------- SMTP


class SmtpDelivery:
    """Sends through an SMTP server; classifies failures as permanent (5xx) or temporary."""

    def __init__(
        self,
        host: str,
        port: int,
        security: str = "starttls",
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30,
        tls_verify: bool = True,
    ) -> None:
        if security not in ("tls", "starttls", "none"):
            raise ValueError(f"security must be tls, starttls or none, not {security!r}")
        self.host, self.port, self.security = host, port, security
        self.username, self._password = username, password
        self.timeout, self.tls_verify = timeout, tls_verify

    def __repr__(self) -> str:  # never show the password
        return f"SmtpDelivery({self.host!r}, {self.port}, {self.security!r}, {self.username!r})"

    def _where(self) -> str:
        return f"smtp {self.host}:{self.port}"

    def _context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context()
        if not self.tls_verify:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def _scrub(self, text: str) -> str:
        """Remove the password (and its AUTH encodings) should a server echo it back."""
        if not self._password:
            return text
        user = self.username or ""
        secrets = {
            self._password,
            base64.b64encode(self._password.encode()).decode(),
            base64.b64encode(f"\0{user}\0{self._password}".encode()).decode(),
            base64.b64encode(f"{user} {self._password}".encode()).decode(),
        }
        for secret in secrets:
            text = text.replace(secret, "***")
        return text

    def _connect(self) -> smtplib.SMTP:
        if self.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                self.host, self.port, timeout=self.timeout, context=self._context()
            )
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if self.security == "starttls":
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if self.username:
                self._login(smtp, self.username, self._password or "")
        except BaseException:
            self._close(smtp)
            raise
        return smtp

    @staticmethod
    def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
        """smtplib encodes credentials as ASCII; non-ASCII ones go as UTF-8 (RFC 4616)."""
        if user.isascii() and password.isascii():
            smtp.login(user, password)
            return
        if not smtp.has_extn("auth"):
            raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
        offered = smtp.esmtp_features["auth"].upper().split()

        def b64(value: bytes) -> str:
            return base64.b64encode(value).decode("ascii")

        if "PLAIN" in offered:
            token = b64(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8"))
            code, resp = smtp.docmd("AUTH", "PLAIN " + token)
        elif "LOGIN" in offered:
            code, resp = smtp.docmd("AUTH", "LOGIN " + b64(user.encode("utf-8")))
            if code == 334:
                code, resp = smtp.docmd(b64(password.encode("utf-8")))
        else:
            raise smtplib.SMTPNotSupportedError("no PLAIN or LOGIN authentication offered")
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, resp)

    @staticmethod
    def _close(smtp: smtplib.SMTP) -> None:
        """QUIT politely; a failure here must not turn a sent mail into an error."""
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            with contextlib.suppress(OSError):
                smtp.close()

    def _error(self, exc: BaseException) -> DeliveryError:
        where = self._where()
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            codes = [code for code, _ in exc.recipients.values()]
            detail = "; ".join(
                f"{rcpt}: {code} {_decode(msg)}" for rcpt, (code, msg) in exc.recipients.items()
            )
            permanent = bool(codes) and all(code >= 500 for code in codes)
            return DeliveryError(
                self._scrub(f"{where}: all recipients refused: {detail}"), permanent
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            text = f"{where}: {exc.smtp_code} {_decode(exc.smtp_error)}"
            if isinstance(exc, smtplib.SMTPSenderRefused):
                text = f"{where}: sender {exc.sender} refused: {exc.smtp_code} " + _decode(
                    exc.smtp_error
                )
            return DeliveryError(self._scrub(text), permanent=exc.smtp_code >= 500)
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return DeliveryError(self._scrub(f"{where}: {exc}"), permanent=True)
        if isinstance(exc, (TimeoutError, socket.timeout)):
            return DeliveryError(f"{where}: timed out after {self.timeout:g}s", permanent=False)
        if isinstance(exc, ssl.SSLError):
            return DeliveryError(self._scrub(f"{where}: TLS failed: {exc}"), permanent=False)
        if isinstance(exc, OSError) and exc.strerror:  # "Connection refused", not "[Errno 111]"
            return DeliveryError(self._scrub(f"{where}: {exc.strerror}"), permanent=False)
        if isinstance(exc, (smtplib.SMTPException, OSError)):
            kind = type(exc).__name__
            return DeliveryError(self._scrub(f"{where}: {kind}: {exc}"), permanent=False)
        return DeliveryError(self._scrub(f"{where}: {exc!r}"), permanent=False)

    def send(self, mail: OutgoingMail) -> str:
        """Hand ``mail`` to the server; returns a short description of what it accepted."""
        try:
            smtp = self._connect()
        except (smtplib.SMTPException, OSError) as exc:
            raise self._error(exc) from None
        try:
            refused = smtp.sendmail(mail.sender, mail.recipients, mail.data)
        except (smtplib.SMTPException, OSError) as exc:
            self._close(smtp)
            raise self._error(exc) from None
        self._close(smtp)
        accepted = len(mail.recipients) - len(refused)
        result = f"{self._where()}: accepted for {accepted} recipient(s)"
        if refused:
            detail = "; ".join(f"{r}: {c} {_decode(m)}" for r, (c, m) in refused.items())
            log.warning("%s %s, refused: %s", self._where(), mail.message_id, detail)
            result += f", refused: {detail}"
        return result

    def check(self) -> None:
        """Connect, EHLO, STARTTLS and login as configured, then QUIT (``mailsum check``)."""
        try:
            smtp = self._connect()
        except (smtplib.SMTPException, OSError) as exc:
            raise self._error(exc) from None
        self._close(smtp)


def _decode(value: bytes | str) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
