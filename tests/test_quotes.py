"""own_text: quoted history, signatures and disclaimers of DE/EN mail clients; and what
extraction reads of it (without greeting, closing and sign-off)."""

from __future__ import annotations

import pytest

from mailsum.parse.quotes import own_text
from mailsum.text.formulae import without_formulae


def lines(text: str) -> list[str]:
    return own_text(text).splitlines()


def read(text: str) -> list[str]:
    """The lines extraction reads."""
    return without_formulae(own_text(text)).splitlines()


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
        "Hallo Herr Technik,", "",
        "der Server startet nach dem Update nicht mehr.",
        "Bitte melden Sie sich bis 14 Uhr.", "",
        "Viele Grüße", "Jürgen Müller",
    ]
    assert read(body) == [
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
    # the author typed the closing and the name; the company block is the signature
    assert lines(body) == ["Der Zugang fehlt noch.", "", closing, "Anna Kunde"]
    assert read(body) == ["Der Zugang fehlt noch."]


@pytest.mark.parametrize("block", [
    "Anna Kunde\nanna.kunde@kunde.de\nTel. 030 123456",
    "Anna Kunde\nKunde GmbH\n+49 30 123456\nwww.kunde.de",
    "Tom Customer\nACME Inc.\nphone: (555) 346-9947",
])
def test_contact_block_without_closing_is_signature(block: str) -> None:
    assert lines(f"Der Zugang fehlt noch.\n\n{block}\n") == ["Der Zugang fehlt noch."]


def test_contact_block_introduced_by_a_colon_is_content() -> None:
    body = "Bitte legen Sie diesen Benutzer an:\n\nAnna Kunde\nanna.kunde@kunde.de\n"
    assert lines(body) == body.strip().splitlines()


def test_contact_block_with_a_question_is_content() -> None:
    body = "Neuer Kontakt.\n\nAnna Kunde\nanna.kunde@kunde.de\nIst das die richtige Adresse?\n"
    assert lines(body) == body.strip().splitlines()


def test_block_under_a_rule_line_with_contact_lines_is_signature() -> None:
    body = ("Der Server ist wieder erreichbar.\n\n----------------\n\nACME GmbH\n\n"
            "t. 030 931 0702\n\nhttp://acme.example/\n")
    assert lines(body) == ["Der Server ist wieder erreichbar."]


def test_text_under_a_rule_line_is_content() -> None:
    body = "Zusammenfassung:\n-----\nDer Backup-Job läuft wieder.\nBitte prüfen Sie die Logs.\n"
    assert lines(body) == body.strip().splitlines()


def test_closing_not_cut_when_long_text_follows() -> None:
    follow = "\n".join(
        f"Punkt {i}: bitte den Dienst {i} neu starten und prüfen." for i in range(12)
    )
    body = f"Einleitung.\n\nDanke\n{follow}\n"
    assert "Punkt 11: bitte den Dienst 11 neu starten und prüfen." in lines(body)


def test_mobile_signatures() -> None:
    assert lines("Ok, passt.\n\nVon meinem iPhone gesendet\n") == ["Ok, passt."]
    assert lines("Sure.\n\nSent from my iPad\n") == ["Sure."]
    assert lines("Sure.\n\nSent from my iPhone, please excuse typos\n") == ["Sure."]


def test_a_sentence_that_starts_like_a_mobile_footer_is_kept() -> None:
    body = "Done.\n\nSent from my desk, which is much easier than my phone.\n"
    assert lines(body) == ["Done.", "", "Sent from my desk, which is much easier than my phone."]


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
    "greeting", ["Hallo Max,", "Sehr geehrte Damen und Herren,", "Hi Tom,", "Guten Morgen!",
                 "Schönen guten Tag,", "Einen schönen guten Morgen Herr Weber,"]
)
def test_leading_salutation_kept_but_not_read(greeting: str) -> None:
    body = f"{greeting}\n\nDie Lieferung fehlt.\n"
    assert lines(body) == [greeting, "", "Die Lieferung fehlt."]
    assert read(body) == ["Die Lieferung fehlt."]


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


def test_salutation_with_an_academic_title_is_not_read():
    body = "Guten Morgen Herr Dr. Brandt,\n\nich kümmere mich darum.\n"
    assert read(body) == ["ich kümmere mich darum."]


def test_lotus_notes_header_with_long_address_list() -> None:
    body = (
        "I have put the new loss matrix into the shared folder.\n"
        "Thanks\n"
        "\tFrom:  Kim Berger @ ACME                           09/23/2000 07:24 AM\n"
        "To: Jay Wills/Corp/Acme@ACME, Cyril Price/HOU/ACME@ACME, John \n"
        "Kinser/HOU/ACME@ACME, Rudy Acevedo/HOU/ACME@ACME, Rich Hrabal/HOU/ACME@acme, \n"
        "Wayne Herndon/Corp/Acme@ACME, Juan Hernandez/Corp/Acme@ACME, Greg \n"
        "Trefz/Corp/Acme@ACME, Miguel Garcia/NA/Acme@ACME\n"
        "cc:  \n"
        "Subject: Losses\n\n"
        "Please find the old matrix attached.\n"
    )
    assert lines(body) == ["I have put the new loss matrix into the shared folder.", "Thanks"]
    assert read(body) == ["I have put the new loss matrix into the shared folder."]


def test_lotus_notes_header_with_undecoded_quoted_printable_tabs() -> None:
    body = (
        "Please remove me from your list.  Mark\n"
        "=09Example Journal <journal@example.org>\n"
        "=09Sent by: bounce-journal-1@lists.example.org\n"
        "=0910/24/2000 04:00 PM\n"
        "=09Please respond to \"Journal\"\n"
        "=09=09=20\n"
        "=09=09 To: \"Journal\" <journal@lists.example.org>\n"
        "=09=09 cc:=20\n"
        "=09=09 Subject: Example Journal - 10/25/00\n"
        "Today's issue: new rules for filing.\n"
    )
    assert lines(body) == ["Please remove me from your list.  Mark"]


def test_groupwise_reply_header() -> None:
    body = (
        "Thank you so much for the quick answer.\n\n"
        ">>> <gail@example.com> 2/16/01 10:41:43 am >>>\n"
        "Thanks for the information.  I'll review it today.\n"
    )
    assert lines(body) == ["Thank you so much for the quick answer."]


def test_sentence_above_a_lotus_sender_is_kept() -> None:
    body = (
        "The memo is attached below\n"
        "Dan Falk@ACME\n"
        "01/31/2001 12:34 PM\n"
        "To: Sally Beck/HOU/ACME@ACME, Scott Earnest/HOU/ACME@ACME\n"
        "cc: \n"
        "Subject: Memo\n\n"
        "Old text.\n"
    )
    assert lines(body) == ["The memo is attached below"]


def test_rewrapped_quote_tail_stays_quoted() -> None:
    body = (
        "Done, see PR 12.\n\n"
        "> > Ah, then this is unexpected behaviour. Can you open a ticket\n"
        "for\n"
        "> > this? Otherwise we will lose track of it in the list.\n"
    )
    assert lines(body) == ["Done, see PR 12."]


def test_inline_answer_between_quotes_is_kept() -> None:
    body = (
        "> Which driver version do you run on the application servers right now?\n\n"
        "Version 4.2 on all of them.\n\n"
        "> And did the errors start after the update last Tuesday night?\n\n"
        "Yes.\n"
    )
    assert lines(body) == ["Version 4.2 on all of them.", "", "Yes."]


def test_gmail_iso_date_attribution() -> None:
    body = (
        "I meant MariaDB.\n\n"
        "2017-04-21 12:51 GMT+09:00 Taro Yamada <taro@example.org>:\n"
        "Why do you use a MySQL driver?\n"
    )
    assert lines(body) == ["I meant MariaDB."]


def test_outlook_rule_with_header_in_another_language() -> None:
    body = (
        "Or is there a better framework for this?\n\n"
        "________________________________\n"
        "Lähettäjä: Jan Frank <jan@example.org>\n"
        "Lähetetty: 7. heinäkuuta 2017 10:04\n"
        "Vastaanottaja: Esa\n\n"
        "Old text.\n"
    )
    assert lines(body) == ["Or is there a better framework for this?"]


def test_supercite_initials_quote_like_a_plain_prefix() -> None:
    """Gnus, The Bat! and GoldED quote with the author's initials: "TFU> text"."""
    body = (
        "TFU> Wenn mich nicht alles täuscht, ist der Server seit Montag down.\n"
        "TFU>> Weiss jemand, wann das Update kommt?\n"
        "Mandok> Bitte schicken Sie uns das Protokoll.\n"
        "\n"
        "Das Update kommt morgen früh.\n"
    )
    assert own_text(body) == "Das Update kommt morgen früh."


def test_a_comparison_at_line_start_is_no_quote() -> None:
    body = "x>5 gilt nur im Testsystem.\nBitte prüfen Sie das."
    assert own_text(body) == body


@pytest.mark.parametrize("attribution", [
    "Pierre Mertz <pm@example.de> schrieb im Beitrag\n<46216pf9.0046802@news.example.de>...",
    "\"Friesencenter\" <fc@example.de> schrieb im Newsbeitrag news:<A1.B2@example.de>...",
    "Jane Doe <jane@example.org> wrote in message news:3A2B1C@example.org...",
])
def test_newsreader_attribution_without_colon(attribution: str) -> None:
    body = f"{attribution}\n> Wann kommt das Update?\n\nMorgen früh.\n"
    assert own_text(body) == "Morgen früh."


def test_a_sentence_that_says_someone_wrote_is_no_attribution() -> None:
    body = ("Wie Herr Kern schrieb im Beitrag vom Montag, ist der Server umgezogen.\n"
            "Bitte prüfen Sie die neue Adresse.")
    assert own_text(body) == body
