"""Deliver: message building, Message-ID HMAC, directory and SMTP delivery (real aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from mailsum.errors import DeliveryError
from mailsum.models import OutgoingMail, RenderedUpdate
from mailsum.outbound.deliver import (
    DirectoryDelivery,
    SmtpDelivery,
    build_mail,
    make_message_id,
    parse_message_id,
    verify_message_id,
)

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SECRET = b"test-secret-0123456789"
SENDER = "Service Desk Müller <it-support@provider.de>"
DATE = dt.datetime(2026, 11, 27, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
USER, PASSWORD = "desk@provider.de", "s3cret-Pässwort"

RENDERED = RenderedUpdate(
    subject="[mailsum] ACME Maschinenbau GmbH – 3 offen, 1 neu, 2 erledigt (27.11.)",
    text="Offene Punkte\n1. „Bitte prüfen Sie die Druckerwarteschlange.“\n",
    html="<p>Offene Punkte</p><p>1. „Bitte prüfen Sie die Druckerwarteschlange.“</p>\n",
)


def make(**kw: Any) -> OutgoingMail:
    args: dict[str, Any] = {
        "sender": SENDER,
        "to": ["anna.vertrieb@provider.de"],
        "cc": ["max.weber@provider.de"],
        "reply_to": "it-support@provider.de",
        "message_id": make_message_id("acme.20261127T0700", SECRET, "provider.de"),
        "date": DATE,
    }
    args.update(kw)
    return build_mail(RENDERED, **args)


def body(msg: Any, subtype: str) -> str:
    """A part's text with the wire's CRLF turned back into LF."""
    return str(msg.get_body((subtype,)).get_content()).replace("\r\n", "\n")


# --------------------------------------------------------------------------- Message-ID


def test_message_id_round_trip() -> None:
    mid = make_message_id("acme.20261127T0700", SECRET, "provider.de")
    assert mid.startswith("<mailsum.acme.20261127T0700.") and mid.endswith("@provider.de>")
    assert verify_message_id(mid, SECRET) == "acme.20261127T0700"
    assert verify_message_id(" " + mid.strip("<>") + " ", SECRET) == "acme.20261127T0700"
    assert parse_message_id(mid) == "acme.20261127T0700"


def test_message_id_tampering_fails() -> None:
    mid = make_message_id("acme-42", SECRET, "provider.de")
    assert verify_message_id(mid.replace("acme-42", "beta-42"), SECRET) is None
    sig = mid.split("@")[0].rsplit(".", 1)[1]
    assert len(sig) == 16
    flipped = ("0" if sig[0] != "0" else "1") + sig[1:]
    assert verify_message_id(mid.replace(sig, flipped), SECRET) is None
    assert verify_message_id(mid, b"another secret") is None
    assert verify_message_id("<CAF123@mail.gmail.com>", SECRET) is None
    assert verify_message_id("", SECRET) is None


def test_message_id_rejects_unsafe_keys() -> None:
    for bad in ("a b", "a>b", "a\r\nb", "", "a..b", "x@y"):
        with pytest.raises(ValueError):
            make_message_id(bad, SECRET, "provider.de")
    with pytest.raises(ValueError):
        make_message_id("ok", SECRET, "provider.de>\r\nBcc: x@y")


# --------------------------------------------------------------------------- message


def test_build_mail_headers_and_parts() -> None:
    mail = make()
    assert b"\r\n" in mail.data and b"\n" not in mail.data.replace(b"\r\n", b"")
    assert mail.sender == "it-support@provider.de"
    assert mail.recipients == ["anna.vertrieb@provider.de", "max.weber@provider.de"]
    msg = email.message_from_bytes(mail.data, policy=email.policy.default)
    assert msg["Subject"] == RENDERED.subject
    assert msg["From"].addresses[0].display_name == "Service Desk Müller"
    assert msg["To"] == "anna.vertrieb@provider.de"
    assert msg["Cc"] == "max.weber@provider.de"
    assert msg["Reply-To"] == "it-support@provider.de"
    assert msg["Message-ID"] == mail.message_id
    assert email.utils.parsedate_to_datetime(msg["Date"]) == DATE
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["Precedence"] is None
    assert msg["X-Mailsum-Update"] == "acme.20261127T0700"
    assert msg.get_content_type() == "multipart/alternative"
    assert body(msg, "plain") == RENDERED.text
    assert body(msg, "html") == RENDERED.html
    for part in msg.iter_parts():
        assert part.get_content_charset() == "utf-8"


def test_build_mail_dedupes_recipients_and_skips_empty_cc() -> None:
    mail = make(to=["A@provider.de"], cc=["a@provider.de", "b@provider.de"], reply_to=None)
    assert mail.recipients == ["A@provider.de", "b@provider.de"]
    msg = email.message_from_bytes(make(cc=[]).data, policy=email.policy.default)
    assert msg["Cc"] is None


def test_build_mail_extra_headers() -> None:
    mail = make(extra_headers={"X-Mailsum-Customer": "acme", "X-Mailsum-Update": "custom"})
    msg = email.message_from_bytes(mail.data, policy=email.policy.default)
    assert msg["X-Mailsum-Customer"] == "acme"
    assert msg.get_all("X-Mailsum-Update") == ["custom"]


@pytest.mark.parametrize(
    "kw",
    [
        {"to": ["anna@provider.de\r\nBcc: victim@example.com"]},
        {"cc": ["x@provider.de\nBcc: victim@example.com"]},
        {"sender": "Desk <d@provider.de>\r\nBcc: victim@example.com"},
        {"reply_to": "d@provider.de\rBcc: v@example.com"},
        {"message_id": "<a@b>\r\nBcc: v@example.com"},
        {"extra_headers": {"X-Test": "a\r\nBcc: v@example.com"}},
        {"extra_headers": {"X-Test\r\nBcc": "v@example.com"}},
        {"to": []},
        {"to": ["not an address"]},
    ],
)
def test_build_mail_refuses_injection_and_bad_input(kw: dict[str, Any]) -> None:
    with pytest.raises(DeliveryError) as info:
        make(**kw)
    assert info.value.permanent


def test_build_mail_refuses_subject_with_line_break() -> None:
    bad = RenderedUpdate(subject="Hi\r\nBcc: v@example.com", text="t", html="h")
    with pytest.raises(DeliveryError):
        build_mail(
            bad,
            sender=SENDER,
            to=["a@provider.de"],
            cc=[],
            reply_to=None,
            message_id="<x@provider.de>",
            date=DATE,
        )


# --------------------------------------------------------------------------- directory


def test_directory_delivery_writes_parseable_eml_idempotently(tmp_path: Path) -> None:
    out = tmp_path / "outbox"
    delivery = DirectoryDelivery(out)
    mail = make()
    first = Path(delivery.send(mail))
    assert first.parent == out and first.suffix == ".eml"
    assert first.read_bytes() == mail.data
    msg = email.message_from_bytes(first.read_bytes(), policy=email.policy.default)
    assert msg["Message-ID"] == mail.message_id
    again = make(date=DATE + dt.timedelta(minutes=5))
    assert Path(delivery.send(again)) == first
    assert first.read_bytes() == again.data
    assert sorted(p.name for p in out.iterdir()) == [first.name]  # no temp files left


def test_directory_delivery_safe_names(tmp_path: Path) -> None:
    delivery = DirectoryDelivery(tmp_path)
    a = delivery.send(make(message_id="<../../etc/passwd@x>"))
    b = delivery.send(make(message_id="<.._.._etc_passwd@x>"))
    assert Path(a).parent == tmp_path and Path(b).parent == tmp_path
    assert a != b


def test_directory_delivery_failure_is_temporary(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DeliveryError) as info:
        DirectoryDelivery(blocker).send(make())
    assert not info.value.permanent


# --------------------------------------------------------------------------- SMTP server


@dataclass
class Recorder:
    """aiosmtpd handler that records envelopes and can answer RCPT/DATA with an error."""

    rcpt_reply: dict[str, str] = field(default_factory=dict)
    data_reply: str | None = None
    messages: list[Any] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self.rcpt_reply.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.data_reply:
            return self.data_reply
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_authenticator(user: str, password: str) -> Any:
    def authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode("utf-8")
            and auth_data.password == password.encode("utf-8")
        )
        return AuthResult(success=ok, handled=False)  # handled=False: server answers 535

    return authenticator


authenticator = make_authenticator(USER, PASSWORD)


@pytest.fixture
def smtp_server() -> Iterator[tuple[Controller, Recorder]]:
    handler = Recorder()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticator,
        auth_require_tls=False,
    )
    controller.start()
    yield controller, handler
    controller.stop()


def delivery_for(controller: Controller, **kw: Any) -> SmtpDelivery:
    args: dict[str, Any] = {"security": "none", "timeout": 5}
    args.update(kw)
    return SmtpDelivery(controller.hostname, controller.port, **args)


def test_smtp_delivers_envelope_headers_and_parts(smtp_server: tuple[Controller, Recorder]) -> None:
    controller, handler = smtp_server
    mail = make()
    result = delivery_for(controller).send(mail)
    assert "accepted for 2" in result
    [env] = handler.messages
    assert env.mail_from == "it-support@provider.de"
    assert env.rcpt_tos == ["anna.vertrieb@provider.de", "max.weber@provider.de"]
    msg = email.message_from_bytes(env.content, policy=email.policy.default)
    assert msg["Message-ID"] == mail.message_id
    assert msg["Subject"] == RENDERED.subject
    assert msg["Auto-Submitted"] == "auto-generated"
    assert body(msg, "plain") == RENDERED.text
    assert body(msg, "html") == RENDERED.html


@pytest.mark.parametrize("mechanism", ["LOGIN", "PLAIN"])
@pytest.mark.parametrize("password", ["ascii-Secret-1", PASSWORD])
def test_smtp_auth(mechanism: str, password: str) -> None:
    handler = Recorder()
    other = {"LOGIN": "PLAIN", "PLAIN": "LOGIN"}[mechanism]
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=make_authenticator(USER, password),
        auth_require_tls=False,
        auth_required=True,
        auth_exclude_mechanism=[other],
    )
    controller.start()
    try:
        delivery = delivery_for(controller, username=USER, password=password)
        delivery.check()
        delivery.send(make())
        with pytest.raises(DeliveryError) as info:
            delivery_for(controller).send(make())  # no login: AUTH required
        assert info.value.permanent
    finally:
        controller.stop()
    assert len(handler.messages) == 1
    assert handler.messages[0].mail_from == "it-support@provider.de"


@pytest.mark.parametrize("wrong", ["wrong-password-123", "wrong-Pässwort-123"])
def test_smtp_bad_password_is_permanent_and_not_echoed(
    smtp_server: tuple[Controller, Recorder], wrong: str
) -> None:
    controller, _ = smtp_server
    delivery = delivery_for(controller, username=USER, password=wrong)
    with pytest.raises(DeliveryError) as info:
        delivery.check()
    assert info.value.permanent
    assert "535" in str(info.value)
    assert wrong not in str(info.value)
    assert wrong not in repr(delivery)


def test_password_echoed_by_server_is_scrubbed() -> None:
    def echoing(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        password = auth_data.password.decode()
        return AuthResult(success=False, handled=False, message=f"535 5.7.8 bad {password}")

    controller = Controller(
        Recorder(),
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=echoing,
        auth_require_tls=False,
        auth_exclude_mechanism=["LOGIN"],
    )
    controller.start()
    try:
        with pytest.raises(DeliveryError) as info:
            delivery_for(controller, username=USER, password="Echo-Me-42").check()
    finally:
        controller.stop()
    assert "bad ***" in str(info.value)
    assert "Echo-Me-42" not in str(info.value)


def test_smtp_rcpt_450_is_temporary(smtp_server: tuple[Controller, Recorder]) -> None:
    controller, handler = smtp_server
    handler.rcpt_reply = {
        "anna.vertrieb@provider.de": "450 4.2.1 Mailbox busy",
        "max.weber@provider.de": "550 5.1.1 No such user",
    }
    with pytest.raises(DeliveryError) as info:
        delivery_for(controller).send(make())
    assert not info.value.permanent
    assert "450" in str(info.value)


def test_smtp_rcpt_550_is_permanent(smtp_server: tuple[Controller, Recorder]) -> None:
    controller, handler = smtp_server
    handler.rcpt_reply = {
        "anna.vertrieb@provider.de": "550 5.1.1 No such user",
        "max.weber@provider.de": "553 5.1.3 Bad address",
    }
    with pytest.raises(DeliveryError) as info:
        delivery_for(controller).send(make())
    assert info.value.permanent
    assert "anna.vertrieb@provider.de" in str(info.value)


def test_smtp_partial_refusal_still_delivers(smtp_server: tuple[Controller, Recorder]) -> None:
    controller, handler = smtp_server
    handler.rcpt_reply = {"max.weber@provider.de": "550 5.1.1 No such user"}
    result = delivery_for(controller).send(make())
    assert "accepted for 1" in result and "max.weber@provider.de" in result
    assert handler.messages[0].rcpt_tos == ["anna.vertrieb@provider.de"]


@pytest.mark.parametrize(
    ("reply", "permanent"), [("451 4.3.0 Try later", False), ("554 5.7.1 Rejected", True)]
)
def test_smtp_data_reply(
    smtp_server: tuple[Controller, Recorder], reply: str, permanent: bool
) -> None:
    controller, handler = smtp_server
    handler.data_reply = reply
    with pytest.raises(DeliveryError) as info:
        delivery_for(controller).send(make())
    assert info.value.permanent is permanent


def test_smtp_connection_refused_is_temporary() -> None:
    delivery = SmtpDelivery("127.0.0.1", free_port(), "none", timeout=5)
    with pytest.raises(DeliveryError) as info:
        delivery.send(make())
    assert not info.value.permanent
    with pytest.raises(DeliveryError):
        delivery.check()


def test_smtp_timeout_is_temporary() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        delivery = SmtpDelivery("127.0.0.1", port, "none", timeout=0.5)
        with pytest.raises(DeliveryError) as info:
            delivery.send(make())
    assert not info.value.permanent
    assert "timed out" in str(info.value)


def test_smtp_starttls_missing_is_permanent(smtp_server: tuple[Controller, Recorder]) -> None:
    controller, _ = smtp_server
    with pytest.raises(DeliveryError) as info:
        delivery_for(controller, security="starttls").check()
    assert info.value.permanent


# --------------------------------------------------------------------------- TLS


@pytest.fixture(scope="module")
def cert_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _server_context(cert_files: tuple[Path, Path]) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(*cert_files)
    return ctx


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_smtp_tls_modes(cert_files: tuple[Path, Path], security: str) -> None:
    handler = Recorder()
    ctx = _server_context(cert_files)
    kw: dict[str, Any] = (
        {"tls_context": ctx, "require_starttls": True}
        if security == "starttls"
        else {"ssl_context": ctx, "auth_require_tls": False}
    )
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), authenticator=authenticator, **kw
    )
    controller.start()
    try:
        # self-signed: verification must refuse it ...
        with pytest.raises(DeliveryError) as info:
            delivery_for(controller, security=security).send(make())
        assert not info.value.permanent
        assert handler.messages == []
        # ... and it goes through when verification is switched off explicitly
        delivery_for(
            controller, security=security, tls_verify=False, username=USER, password=PASSWORD
        ).send(make())
    finally:
        controller.stop()
    assert len(handler.messages) == 1
