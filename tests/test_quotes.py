"""own_text: quoted history, signatures, disclaimers and salutations of DE/EN mail clients."""

from __future__ import annotations

import pytest

from mailsum.quotes import own_text


def lines(text: str) -> list[str]:
    return own_text(text).splitlines()


def test_outlook_de_ursprungliche_nachricht() -> None:
    body = (
        "Hallo Herr Technik,\n\n"
        "der Server startet nach dem Update nicht mehr.\n"
        "Bitte melden Sie sich bis 14 Uhr.\n\n"
        "Viele Grüße\nJürgen Müller\n\n"
        "-----Ursprüngliche Nachricht-----\n"
        "Von: Max Technik <max@provider.de>\n"
        "Gesendet: Montag, 11. März 2024 16:02\n"
        "An: Jürgen Müller\n"
        "Betreff: Update\n\n"
        "Wir spielen heute Abend das Update ein.\n"
    )
    assert lines(body) == [
        "der Server startet nach dem Update nicht mehr.",
        "Bitte melden Sie sich bis 14 Uhr.",
    ]


def test_outlook_header_block_without_separator() -> None:
    body = (
        "Works now, thanks.\n\n"
        "________________________________\n"
        "From: Support <support@provider.de>\n"
        "Sent: Monday, March 4, 2024 10:15 AM\n"
        "To: Tom <tom@customer.example>\n"
        "Subject: RE: Login\n\n"
        "Please try again.\n"
    )
    assert lines(body) == ["Works now, thanks."]


def test_outlook_de_header_block_von_gesendet() -> None:
    body = (
        "Passt so.\n\n"
        "Von: Support <support@provider.de>\n"
        "Gesendet: Montag, 4. März 2024 10:15\n"
        "An: Tom <tom@kunde.de>\n"
        "Cc: Anna <anna@kunde.de>\n"
        "Betreff: AW: Login\n\n"
        "Bitte erneut versuchen.\n"
    )
    assert lines(body) == ["Passt so."]


def test_thunderbird_am_schrieb_with_quotes() -> None:
    body = (
        "Das Backup ist seit Dienstag fehlgeschlagen.\n\n"
        "Am 12.03.2024 um 10:15 schrieb Max Technik:\n"
        "> Läuft das Backup wieder?\n"
        ">\n"
        "> Gruß Max\n"
    )
    assert lines(body) == ["Das Backup ist seit Dienstag fehlgeschlagen."]


def test_gmail_de_attribution_with_weekday() -> None:
    body = (
        "Ja, bitte morgen früh.\n\n"
        "Am Mo., 4. März 2024 um 10:15 Uhr schrieb Max Technik <max@provider.de>:\n\n"
        "> Sollen wir morgen kommen?\n"
    )
    assert lines(body) == ["Ja, bitte morgen früh."]


def test_gmail_en_attribution_wrapped_over_two_lines() -> None:
    body = (
        "Can you send the logs by Friday?\n\n"
        "On Mon, Mar 4, 2024 at 10:15 AM Max Technik <\n"
        "max.technik@provider.de> wrote:\n\n"
        "> We need more details.\n"
        "> What did you change?\n"
    )
    assert lines(body) == ["Can you send the logs by Friday?"]


def test_apple_mail_attribution() -> None:
    body = (
        "Thanks, that fixed it.\n\n"
        "Sent from my iPhone\n\n"
        "On 4 Mar 2024, at 10:15, Support <support@provider.de> wrote:\n\n"
        "> Please restart the router.\n"
    )
    assert lines(body) == ["Thanks, that fixed it."]


def test_bottom_posting_keeps_text_after_quote() -> None:
    body = (
        "On Mon, Mar 4, 2024 at 10:15 AM Max <max@provider.de> wrote:\n"
        "> Which version do you run?\n"
        "\n"
        "Version 4.2 on all clients.\n"
        "\n"
        "> And since when?\n"
        "\n"
        "Since the update last week.\n"
    )
    assert lines(body) == [
        "Version 4.2 on all clients.",
        "",
        "Since the update last week.",
    ]


def test_forwarded_messages_de_and_en() -> None:
    for marker in (
        "---------- Forwarded message ---------",
        "-------- Weitergeleitete Nachricht --------",
        "Anfang der weitergeleiteten Nachricht:",
        "Begin forwarded message:",
    ):
        body = f"FYI, bitte prüfen.\n\n{marker}\nVon: a@b.de\nBetreff: Alt\n\nAlter Text.\n"
        assert lines(body) == ["FYI, bitte prüfen."], marker


def test_signature_delimiter() -> None:
    body = "Please reset my password.\n\n-- \nTom Customer\nACME Inc.\n+1 555 0100\n"
    assert lines(body) == ["Please reset my password."]


@pytest.mark.parametrize(
    "closing",
    ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße,", "Best regards,", "Kind regards",
     "Regards,", "Thanks,", "MfG", "Liebe Grüße aus Berlin"],
)  # fmt: skip
def test_closing_with_name_block(closing: str) -> None:
    body = f"Der Zugang fehlt noch.\n\n{closing}\nAnna Kunde\nKunde GmbH\nTel. 030 123456\n"
    assert lines(body) == ["Der Zugang fehlt noch."]


def test_closing_not_cut_when_long_text_follows() -> None:
    follow = "\n".join(
        f"Punkt {i}: bitte den Dienst {i} neu starten und prüfen." for i in range(12)
    )
    body = f"Einleitung.\n\nDanke\n{follow}\n"
    assert "Punkt 11: bitte den Dienst 11 neu starten und prüfen." in lines(body)


def test_mobile_signatures() -> None:
    assert lines("Ok, passt.\n\nVon meinem iPhone gesendet\n") == ["Ok, passt."]
    assert lines("Sure.\n\nSent from my iPad\n") == ["Sure."]


def test_german_legal_disclaimer_after_signature() -> None:
    body = (
        "Der Termin am Freitag passt uns.\n\n"
        "Kunde GmbH\nHauptstraße 1, 12345 Musterstadt\n"
        "Geschäftsführer: Hans Beispiel\n"
        "Amtsgericht Musterstadt, HRB 12345\n"
        "USt-IdNr.: DE123456789\n\n"
        "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen.\n"
        "Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte den Absender.\n"
    )
    assert lines(body) == ["Der Termin am Freitag passt uns."]


def test_english_confidentiality_notice() -> None:
    body = (
        "We will deploy on Monday.\n\n"
        "This e-mail may contain confidential and/or privileged information. If you are not\n"
        "the intended recipient please notify the sender immediately.\n"
    )
    assert lines(body) == ["We will deploy on Monday."]


@pytest.mark.parametrize(
    "greeting", ["Hallo Max,", "Sehr geehrte Damen und Herren,", "Hi Tom,", "Guten Morgen!"]
)
def test_leading_salutation_removed(greeting: str) -> None:
    assert lines(f"{greeting}\n\nDie Lieferung fehlt.\n") == ["Die Lieferung fehlt."]


def test_salutation_with_sentence_on_same_line_is_kept() -> None:
    text = (
        "Hallo Max, der Drucker im zweiten Stock ist schon wieder ausgefallen und blockiert alles."
    )
    assert lines(text) == [text]


def test_kept_lines_are_verbatim_and_trimmed() -> None:
    body = "\n\n  Eingerückte Zeile   \nzweite Zeile\n\n\n"
    assert own_text(body) == "  Eingerückte Zeile   \nzweite Zeile"


def test_crlf_input() -> None:
    assert own_text("Frage?\r\n\r\n> alt\r\n") == "Frage?"


def test_sentence_mentioning_wrote_is_kept() -> None:
    body = "As I wrote yesterday, the firewall blocks port 443 for the new subnet.\nPlease check."
    assert lines(body) == body.splitlines()


def test_empty_and_quote_only() -> None:
    assert own_text("") == ""
    assert own_text("> nur zitiert\n> noch mehr\n") == ""


def test_thanks_sentence_is_not_a_closing() -> None:
    body = "Thanks for the update.\nPlease also check the backup job on srv02.\n"
    assert lines(body) == body.strip().splitlines()


def test_from_to_list_is_not_a_header_block() -> None:
    body = "Wartungsfenster:\nFrom: Monday 18:00\nTo: Tuesday 06:00\n\nBitte bestätigen.\n"
    assert lines(body) == body.strip().splitlines()


def test_salutation_with_an_academic_title_is_dropped():
    assert own_text("Guten Morgen Herr Dr. Brandt,\n\nich kümmere mich darum.\n") == \
        "ich kümmere mich darum."
