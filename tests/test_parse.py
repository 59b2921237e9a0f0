"""parse_message on small hand-written messages: charsets, headers, dates, HTML, errors."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mailsum.errors import ParseError
from mailsum.parse.language import guess_language
from mailsum.parse.message import html_to_text, parse_message

FIXTURES = Path(__file__).parent / "fixtures" / "parse"


def mail(headers: str, body: bytes | str, charset: str = "utf-8") -> bytes:
    """A message from a header block (str) and a body (encoded with ``charset`` if str)."""
    raw_body = body.encode(charset) if isinstance(body, str) else body
    return headers.strip("\n").replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n" + raw_body


BASIC = """From: Tom Customer <Tom@Customer.example>
To: support@provider.de
Subject: Printer
Date: Mon, 04 Mar 2024 10:15:00 +0000
Message-ID: <abc@customer.example>
Content-Type: text/plain; charset={charset}
"""


# --------------------------------------------------------------------------- fixtures


def test_outlook_de_reply_iso_8859_15() -> None:
    p = parse_message((FIXTURES / "outlook_de_reply.eml").read_bytes())
    assert p.subject == "AW: Störung Drucker €-Betrag [ACME-4711]"
    assert p.from_addr == "juergen.mueller@kunde-gmbh.de"
    assert p.from_name == "Müller, Jürgen"
    assert p.to == ["support@provider.de", "max.technik@provider.de"]
    assert p.cc == ["joerg.baer@kunde-gmbh.de"]
    assert p.date == datetime(2024, 3, 12, 9, 15, tzinfo=UTC)
    assert p.message_id == "<AM0PR01MB1234ABCD@eurprd01.prod.outlook.com>"
    assert p.in_reply_to == "<ticket-4711-3@provider.de>"
    assert p.references == ["<ticket-4711-1@provider.de>", "<ticket-4711-3@provider.de>"]
    assert p.headers["x-ticket-customer"] == "ACME"
    assert "120 €" in p.text and "Ursprüngliche Nachricht" in p.text
    assert p.own_text.splitlines() == [
        "Hallo Herr Technik,", "",
        "der Drucker im 2. OG druckt weiterhin nicht. Können Sie bis Freitag jemanden "
        "vorbeischicken?",
        "Die Rechnung über 120 € ist übrigens noch offen.", "",
        "Mit freundlichen Grüßen", "Jürgen Müller",
    ]  # the signature block under the name is gone
    assert p.language == "de"
    assert p.auto is None


def test_html_only_with_blockquote() -> None:
    p = parse_message((FIXTURES / "html_only_blockquote.eml").read_bytes())
    assert "Tom & Lisa" in p.text and "50 €" in p.text and "Könnt" in p.text
    assert "alert(1)" not in p.text and "color: red" not in p.text
    assert "> Bitte prüfen Sie den Zugang erneut." in p.text.splitlines()
    assert "Zertifikat" not in p.own_text and "schrieb" not in p.own_text
    assert p.own_text.startswith("Hallo Team,\n")  # the author's greeting is own text
    assert "Kosten bis 50 € sind freigegeben." in p.own_text.splitlines()
    assert p.date == datetime(2024, 3, 13, 14, 0, tzinfo=UTC)


def test_content_hash_is_sha256_of_raw_bytes() -> None:
    data = (FIXTURES / "outlook_de_reply.eml").read_bytes()
    assert parse_message(data).content_hash == hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- charsets


def test_windows_1252_declared_as_latin1() -> None:
    body = "Die Lizenz kostet 99 € – „bitte“ bestätigen.\n"
    p = parse_message(mail(BASIC.format(charset="iso-8859-1"), body, "cp1252"))
    assert p.text == body.strip()


def test_windows_1252_declared() -> None:
    body = "Grüße aus Köln, Rechnung über 10 €.\n"
    p = parse_message(mail(BASIC.format(charset="windows-1252"), body, "cp1252"))
    assert p.text == body.strip()
    assert p.defects == []


def test_utf8_declared_but_latin1_bytes() -> None:
    p = parse_message(mail(BASIC.format(charset="utf-8"), "Schöne Grüße, Jörg\n", "cp1252"))
    assert "Schöne Grüße, Jörg" in p.text
    assert any("decoded as cp1252" in d for d in p.defects)


def test_unknown_charset_falls_back_to_utf8() -> None:
    p = parse_message(mail(BASIC.format(charset="x-unknown-8bit"), "Übergabe läuft.\n", "utf-8"))
    assert p.text == "Übergabe läuft."
    assert any("unknown charset" in d for d in p.defects)


def test_missing_charset_8bit_body() -> None:
    headers = BASIC.replace("Content-Type: text/plain; charset={charset}\n", "")
    p = parse_message(mail(headers, "Können Sie das prüfen?\n", "cp1252"))
    assert p.text == "Können Sie das prüfen?"


def test_base64_and_quoted_printable_bodies() -> None:
    import base64

    b64 = base64.b64encode("Grüße über base64".encode()).decode()
    headers = BASIC.format(charset="utf-8") + "Content-Transfer-Encoding: base64\n"
    assert parse_message(mail(headers, b64)).text == "Grüße über base64"
    headers = BASIC.format(charset="iso-8859-15") + "Content-Transfer-Encoding: quoted-printable\n"
    assert parse_message(mail(headers, "Preis: 5 =A4, Gr=FC=DFe")).text == "Preis: 5 €, Grüße"


def test_rfc2047_headers_and_raw_8bit_header() -> None:
    headers = (
        "From: =?UTF-8?B?SsO2cmcgQsOkcg==?= <joerg@example.de>\n"
        "To: a@example.de\n"
        "Subject: =?utf-8?q?Wartung_am?= =?utf-8?q?_Wochenende?= - Info\n"
        "Date: Mon, 04 Mar 2024 10:15:00 +0000\n"
        "Message-ID: <x@y>\n"
    )
    p = parse_message(mail(headers, "Text\n"))
    assert p.from_name == "Jörg Bär"
    assert p.subject == "Wartung am Wochenende - Info"
    raw = mail(headers.replace("Subject: ", "X-Old: "), "Text\n").replace(
        b"X-Old:", "Subject: Grüße\r\nX-Old:".encode("cp1252")
    )
    assert parse_message(raw).subject == "Grüße"


def test_multipart_alternative_prefers_plain_and_skips_attachments() -> None:
    headers = BASIC.replace(
        "Content-Type: text/plain; charset={charset}",
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="outer"',
    )
    body = (
        "--outer\r\n"
        'Content-Type: multipart/alternative; boundary="alt"\r\n\r\n'
        "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain version.\r\n"
        "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version.</p>\r\n"
        "--alt--\r\n"
        "--outer\r\nContent-Type: text/plain; charset=utf-8\r\n"
        'Content-Disposition: attachment; filename="log.txt"\r\n\r\nlog line\r\n'
        "--outer--\r\n"
    )
    p = parse_message(mail(headers, body))
    assert p.text == "Plain version."


# --------------------------------------------------------------------------- ids and dates


def test_missing_message_id_is_synthesised_from_content() -> None:
    headers = BASIC.format(charset="utf-8").replace("Message-ID: <abc@customer.example>\n", "")
    one, two = mail(headers, "eins\n"), mail(headers, "zwei\n")
    a, b = parse_message(one), parse_message(two)
    assert a.message_id.startswith("<") and a.message_id.endswith("@mailsum.invalid>")
    assert a.message_id == parse_message(one).message_id
    assert a.message_id != b.message_id
    assert any("Message-ID" in d for d in a.defects)


def test_message_id_without_brackets_is_normalised() -> None:
    headers = BASIC.format(charset="utf-8").replace(
        "<abc@customer.example>", "abc@customer.example"
    )
    assert parse_message(mail(headers, "x\n")).message_id == "<abc@customer.example>"


def test_missing_date_uses_newest_received() -> None:
    headers = BASIC.format(charset="utf-8").replace("Date: Mon, 04 Mar 2024 10:15:00 +0000\n", "")
    headers = (
        "Received: from b by c; Tue, 05 Mar 2024 08:00:00 +0100\n"
        "Received: from a by b; Tue, 05 Mar 2024 06:59:00 +0000\n" + headers
    )
    p = parse_message(mail(headers, "x\n"))
    assert p.date == datetime(2024, 3, 5, 7, 0, tzinfo=UTC)
    assert any("Date" in d for d in p.defects)


def test_broken_date_without_received_is_epoch() -> None:
    headers = BASIC.format(charset="utf-8").replace("Mon, 04 Mar 2024 10:15:00 +0000", "gestern")
    p = parse_message(mail(headers, "x\n"))
    assert p.date == datetime(1970, 1, 1, tzinfo=UTC)
    assert any("1970" in d for d in p.defects)


def test_naive_date_is_taken_as_utc() -> None:
    headers = BASIC.format(charset="utf-8").replace("+0000", "-0000")
    assert parse_message(mail(headers, "x\n")).date.tzinfo is not None


def test_mbox_from_line_is_tolerated() -> None:
    data = b"From tom@customer.example Mon Mar  4 10:15:00 2024\n" + mail(
        BASIC.format(charset="utf-8"), "Hallo\n"
    )
    assert parse_message(data).from_addr == "tom@customer.example"


def test_first_header_occurrence_wins() -> None:
    headers = BASIC.format(charset="utf-8") + "X-Tag: first\nX-Tag: second\n"
    assert parse_message(mail(headers, "x\n")).headers["x-tag"] == "first"


# --------------------------------------------------------------------------- auto mail


def test_out_of_office_sets_auto_and_away_until() -> None:
    headers = (
        "From: Max Technik <max.technik@provider.de>\nTo: kunde@acme.example\n"
        "Subject: Automatische Antwort: Störung\nDate: Tue, 01 Dec 2026 08:00:00 +0100\n"
        "Message-ID: <oof@provider.de>\nAuto-Submitted: auto-replied\n"
        "Content-Type: text/plain; charset=utf-8\n"
    )
    p = parse_message(mail(headers, "Ich bin bis einschließlich 5.12. nicht im Büro.\n"))
    assert p.auto == "auto-reply"
    assert p.away_until == date(2026, 12, 5)


def test_newsletter_is_bulk_and_plain_mail_is_not() -> None:
    headers = BASIC.format(charset="utf-8") + "List-Unsubscribe: <mailto:u@news.example>\n"
    assert parse_message(mail(headers, "News\n")).auto == "bulk"
    assert parse_message(mail(BASIC.format(charset="utf-8"), "Frage?\n")).auto is None


def test_bounce() -> None:
    headers = BASIC.format(charset="utf-8").replace(
        "Tom Customer <Tom@Customer.example>", "MAILER-DAEMON@mx.provider.de (Mail Delivery System)"
    )
    p = parse_message(mail(headers.replace("Printer", "Undelivered Mail Returned to Sender"), "x"))
    assert p.auto == "bounce"
    assert p.away_until is None


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"  \r\n ",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00binary",
        b"Hallo Max,\n\nkannst du das pruefen?\n",
        b"<html><body>no mail</body></html>",
        b"Foo: bar\nBaz: qux\n\nnot a mail either\n",
    ],
)
def test_unusable_input_raises_parse_error_with_reason(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse_message(data)
    assert str(info.value).strip()


def test_headers_only_message_is_kept() -> None:
    p = parse_message(b"From: a@b.example\r\nSubject: nur Betreff\r\n")
    assert p.text == "" and p.own_text == "" and p.subject == "nur Betreff"


# --------------------------------------------------------------------------- helpers


def test_html_to_text_blocks_lists_and_entities() -> None:
    text = html_to_text(
        "<p>Erste&nbsp;Zeile</p><ul><li>eins</li><li>zwei</li></ul>"
        "<table><tr><td>A</td><td>B</td></tr></table>&lt;tag&gt; &#8364;"
    )
    assert text.splitlines() == ["Erste Zeile", "", "- eins", "- zwei", "A B", "<tag> €"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Können Sie bitte den Drucker prüfen? Der ist seit gestern kaputt.", "de"),
        ("Could you please check the printer? It has been broken since yesterday.", "en"),
        ("Danke für die schnelle Hilfe, das Problem ist gelöst.", "de"),
        ("Thanks, the issue is fixed now and we can close the ticket.", "en"),
        ("", "de"),
        ("12345 !!!", "de"),
    ],
)
def test_guess_language(text: str, expected: str) -> None:
    assert guess_language(text) == expected
