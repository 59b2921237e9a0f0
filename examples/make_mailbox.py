"""Regenerate the bundled sample Maildir (examples/mailbox) deterministically.

The committed files under examples/mailbox are the product; this script only exists so the
fixture can be rebuilt after an edit without hand-encoding quoted-printable or base64. Quoted
history is built from the parent message's own text, so quotes always match what was sent.

Run: ``python examples/make_mailbox.py``
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, parseaddr
from html import escape
from pathlib import Path

MAILBOX = Path(__file__).resolve().parent / "mailbox"
SHARED = "it-support@provider.de"
SIG_DELIM = "-- \n"  # the standard signature delimiter, with its trailing space

DE_DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
DE_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
GMAIL_DE_MONTHS = [
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
]

# --------------------------------------------------------------------------- people

ANNA = "Anna Berger <anna.berger@provider.de>"
MAX = "Max Weber <max.weber@provider.de>"
JONAS = "Jonas Keller <jonas.keller@provider.de>"
SANDRA = "Sandra Yilmaz <sandra.yilmaz@provider.de>"
EMMA = "Emma Clarke <emma.clarke@provider.de>"
TOM = "Tom Hughes <tom.hughes@provider.de>"
LUKAS = "Lukas Schmidt <lukas.schmidt@provider.de>"

PETRA = "Petra Hofmann <p.hofmann@acme-maschinenbau.de>"
KLAUS = "Klaus Richter <k.richter@acme-maschinenbau.de>"
BRANDT = '"Dr. Stefan Brandt" <s.brandt@acme-maschinenbau.de>'

TICKETS = "Ticketsystem Stadtwerke Talheim <tickets@stadtwerke-talheim.de>"
BIRGIT = "Birgit Schäfer <b.schaefer@stadtwerke-talheim.de>"

OLIVER = "Oliver Grant <oliver.grant@brightline-logistics.co.uk>"
PRIYA = "Priya Shah <priya.shah@brightline-logistics.co.uk>"

# --------------------------------------------------------------------------- signatures


def provider_sig(name: str, role: str, phone: str, address: str) -> str:
    return (
        SIG_DELIM
        + f"{name}\n{role} | Provider Systemhaus GmbH\n"
        + f"Tel. +49 711 555 300-{phone} | {address}\n"
        + "Service Desk: it-support@provider.de | +49 711 555 300-0\n"
    )


SIG_MAX = provider_sig("Max Weber", "Systemadministration", "14", "max.weber@provider.de")
SIG_SANDRA = provider_sig(
    "Sandra Yilmaz", "Systemadministration", "17", "sandra.yilmaz@provider.de"
)
SIG_LUKAS = provider_sig("Lukas Schmidt", "Netzwerk & Security", "19", "lukas.schmidt@provider.de")
SIG_JONAS = provider_sig("Jonas Keller", "Kundenbetreuung", "21", "jonas.keller@provider.de")
SIG_EMMA = provider_sig("Emma Clarke", "Account Manager UK", "22", "emma.clarke@provider.de")
SIG_TOM = provider_sig("Tom Hughes", "Senior Engineer", "31", "tom.hughes@provider.de")


def acme_sig(name: str, role: str, ext: str, address: str) -> str:
    return f"""{name}
{role}

ACME Maschinenbau GmbH
Industriestraße 12 · 74076 Heilbronn
Tel.: +49 7131 5550-{ext} · Fax: +49 7131 5550-299
{address} · www.acme-maschinenbau.de

Geschäftsführer: Dr. Stefan Brandt, Ulrike Neumann
Sitz der Gesellschaft: Heilbronn · Amtsgericht Stuttgart HRB 734512
USt-IdNr.: DE 287 654 321
"""


BRIGHTLINE_DISCLAIMER = """\
CONFIDENTIALITY NOTICE: This email and any attachments are confidential and may be legally
privileged. They are intended solely for the addressee. If you have received this email in
error, please notify the sender immediately and delete it from your system; any copying,
disclosure or distribution is prohibited. Brightline Logistics Ltd is registered in England
and Wales under company number 04821937. Registered office: Unit 4, Calder Park, Wakefield
WF2 7AA.
"""

OLIVER_SIG = """\
Oliver Grant
IT Operations Manager
Brightline Logistics Ltd
Unit 4, Calder Park, Wakefield WF2 7AA
T +44 1924 555 0142 | M +44 7700 900 142
"""

TICKET_FOOTER = """\
Antworten Sie auf diese E-Mail, um dem Ticket einen Kommentar hinzuzufügen. Bitte lassen Sie
die Ticketnummer im Betreff stehen.

--
Ticketsystem der Stadtwerke Talheim GmbH
https://tickets.stadtwerke-talheim.de/ticket/{n}
"""

# --------------------------------------------------------------------------- model


@dataclass
class Mail:
    """One message of the sample, before encoding."""

    key: str
    message_id: str
    date: datetime
    sender: str
    to: list[str]
    subject: str
    body: str  # text/plain, or the HTML for html-only messages
    cc: list[str] = field(default_factory=list)
    parent: Mail | None = None
    references: list[str] = field(default_factory=list)  # when the parent is not in the box
    charset: str = "utf-8"
    cte: str = "8bit"
    html: str | None = None  # alternative HTML part
    html_only: bool = False
    headers: list[tuple[str, str]] = field(default_factory=list)
    folder: str = "cur"
    flags: str = "S"
    return_path: str | None = None

    @property
    def refs(self) -> list[str]:
        if self.parent is None:
            return list(self.references)
        return self.parent.refs + [self.parent.message_id]


MAILS: list[Mail] = []


def add(**kwargs: object) -> Mail:
    mail = Mail(**kwargs)  # type: ignore[arg-type]
    MAILS.append(mail)
    return mail


def at(stamp: str, offset_hours: int = 1) -> datetime:
    """A local time with its UTC offset (+0100 in Germany, +0000 in the UK in November)."""
    tz = timezone(timedelta(hours=offset_hours))
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").replace(tzinfo=tz)


# --------------------------------------------------------------------------- quote styles


def _names(addresses: list[str], sep: str) -> str:
    return sep.join(f"{n} <{a}>" if n else a for n, a in getaddresses(addresses))


def _local(mail: Mail, offset_hours: int) -> datetime:
    return mail.date.astimezone(timezone(timedelta(hours=offset_hours)))


def _cite(text: str) -> str:
    lines = []
    for line in text.rstrip("\n").split("\n"):
        if not line:
            lines.append(">")
        elif line.startswith(">"):
            lines.append(">" + line)
        else:
            lines.append("> " + line)
    return "\n".join(lines) + "\n"


def outlook_de(parent: Mail) -> str:
    """Outlook (German UI): the whole parent below a header block, no '>' marks."""
    d = _local(parent, 1)
    sender_name, sender_addr = parseaddr(parent.sender)
    head = [
        "-----Ursprüngliche Nachricht-----",
        f"Von: {sender_name} <{sender_addr}> ",
        f"Gesendet: {DE_DAYS[d.weekday()]}, {d.day}. {DE_MONTHS[d.month - 1]} {d.year} {d:%H:%M}",
        f"An: {_names(parent.to, '; ')}",
    ]
    if parent.cc:
        head.append(f"Cc: {_names(parent.cc, '; ')}")
    head.append(f"Betreff: {parent.subject}")
    return "\n".join(head) + "\n\n" + parent.body


def outlook_en(parent: Mail, offset_hours: int) -> str:
    """Classic Outlook (en-US UI) with the '-----Original Message-----' line."""
    d = _local(parent, offset_hours)
    hour = d.hour % 12 or 12
    ampm = "AM" if d.hour < 12 else "PM"
    head = [
        "-----Original Message-----",
        f"From: {_names([parent.sender], '')}",
        f"Sent: {EN_DAYS[d.weekday()]}, {EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
        f" {hour}:{d:%M} {ampm}",
        f"To: {_names(parent.to, '; ')}",
    ]
    if parent.cc:
        head.append(f"Cc: {_names(parent.cc, '; ')}")
    head.append(f"Subject: {parent.subject}")
    return "\n".join(head) + "\n\n" + parent.body


def gmail_de(parent: Mail) -> str:
    d = _local(parent, 1)
    name, addr = parseaddr(parent.sender)
    day = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."][d.weekday()]
    head = (
        f"Am {day}, {d.day}. {GMAIL_DE_MONTHS[d.month - 1]} {d.year} um {d:%H:%M} Uhr"
        f" schrieb {name} <{addr}>:"
    )
    return head + "\n\n" + _cite(parent.body)


def gmail_en(parent: Mail, offset_hours: int) -> str:
    d = _local(parent, offset_hours)
    name, addr = parseaddr(parent.sender)
    head = f"On {d:%a}, {d.day} {d:%b %Y} at {d:%H:%M}, {name} <{addr}> wrote:"
    return head + "\n\n" + _cite(parent.body)


def thunderbird_de(parent: Mail) -> str:
    d = _local(parent, 1)
    return f"Am {d:%d.%m.%y} um {d:%H:%M} schrieb {parseaddr(parent.sender)[0]}:\n" + _cite(
        parent.body
    )


def thunderbird_en(parent: Mail, offset_hours: int) -> str:
    d = _local(parent, offset_hours)
    return f"On {d:%d/%m/%Y} {d:%H:%M}, {parseaddr(parent.sender)[0]} wrote:\n" + _cite(parent.body)


def html_paragraphs(text: str) -> str:
    return "".join(
        f'<div dir="ltr">{escape(line) if line else "<br>"}</div>\n'
        for line in text.rstrip("\n").split("\n")
    )


# =========================================================================== ACME
# Thread 1: scanner outage (blocker, resolved). Outlook quoting, first mail in windows-1252.

acme_scan_1 = add(
    key="acme_scan_1",
    message_id="<AM6PR03MB4521C3F0A1B2D8E9F7@AM6PR03MB4521.eurprd03.prod.outlook.com>",
    date=at("2026-11-16 08:47:12"),
    sender=PETRA,
    to=[SHARED],
    cc=[MAX],
    subject="[ACME-1041] Scanner 2. OG ausgefallen",
    charset="windows-1252",
    cte="quoted-printable",
    headers=[
        ("Thread-Topic", "[ACME-1041] Scanner 2. OG ausgefallen"),
        ("Content-Language", "de-DE"),
    ],
    flags="RS",
    body="""Guten Morgen zusammen,

der Scanner im 2. OG funktioniert seit heute Morgen nicht mehr, die Buchhaltung kann keine
Rechnungen erfassen. Am Display steht „Verbindung zum Server fehlgeschlagen“, ein Neustart hat
nichts geändert.

Können Sie sich das bitte heute noch ansehen? Wir müssen die Eingangsrechnungen für den
Monatsabschluss bis Freitag erfasst haben.

Mit freundlichen Grüßen

"""
    + acme_sig("Petra Hofmann", "Buchhaltung", "212", "p.hofmann@acme-maschinenbau.de"),
)

acme_scan_2 = add(
    key="acme_scan_2",
    message_id="<FR2P281MB0917A4C2E5D3B1F0@FR2P281MB0917.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-16 10:05:33"),
    sender=MAX,
    to=[PETRA],
    cc=[SHARED],
    parent=acme_scan_1,
    subject="AW: [ACME-1041] Scanner 2. OG ausgefallen",
    headers=[("Thread-Topic", "[ACME-1041] Scanner 2. OG ausgefallen")],
    body="""Hallo Frau Hofmann,

danke für die Meldung. Ich schaue mir den Scanner heute Nachmittag per Fernwartung an.

Können Sie mir bitte die IP-Adresse des Scanners schicken? Sie steht am Gerät unter
„Einstellungen > Netzwerk“.

Viele Grüße
Max Weber

"""
    + SIG_MAX
    + "\n"
    + outlook_de(acme_scan_1),
)

acme_scan_3 = add(
    key="acme_scan_3",
    message_id="<AM6PR03MB4521D71B9E0C4A36F2@AM6PR03MB4521.eurprd03.prod.outlook.com>",
    date=at("2026-11-16 11:20:08"),
    sender=PETRA,
    to=[MAX],
    cc=[SHARED],
    parent=acme_scan_2,
    subject="AW: [ACME-1041] Scanner 2. OG ausgefallen",
    cte="quoted-printable",
    headers=[
        ("Thread-Topic", "[ACME-1041] Scanner 2. OG ausgefallen"),
        ("Content-Language", "de-DE"),
    ],
    body="""Hallo Herr Weber,

die IP-Adresse ist 10.20.2.45, im Netzwerk heißt das Gerät SCN-OG2-BUHA.

Ab 14 Uhr ist jemand im Büro, falls Sie vor Ort etwas brauchen.

Mit freundlichen Grüßen

"""
    + acme_sig("Petra Hofmann", "Buchhaltung", "212", "p.hofmann@acme-maschinenbau.de")
    + "\n"
    + outlook_de(acme_scan_2),
)

acme_scan_4 = add(
    key="acme_scan_4",
    message_id="<FR2P281MB09172B8F0C6E4D95@FR2P281MB0917.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-17 16:30:41"),
    sender=MAX,
    to=[PETRA],
    cc=[SHARED],
    parent=acme_scan_3,
    subject="AW: [ACME-1041] Scanner 2. OG ausgefallen",
    headers=[("Thread-Topic", "[ACME-1041] Scanner 2. OG ausgefallen")],
    body="""Hallo Frau Hofmann,

der Scanner hatte nach dem automatischen Firmware-Update am Wochenende die Zugangsdaten für die
SMB-Freigabe der Buchhaltung verloren. Ich habe die Freigabe neu eingerichtet, ein Testscan
kommt wieder im Ordner „Eingangsrechnungen“ an. Der Fehler ist damit behoben.

Bitte probieren Sie es einmal aus und geben Sie mir kurz Bescheid, ob alles passt.

Viele Grüße
Max Weber

"""
    + SIG_MAX
    + "\n"
    + outlook_de(acme_scan_3),
)

add(
    key="acme_scan_5",
    message_id="<AM6PR03MB45210E5A3F9B7C12D8@AM6PR03MB4521.eurprd03.prod.outlook.com>",
    date=at("2026-11-18 08:15:52"),
    sender=PETRA,
    to=[MAX],
    cc=[SHARED],
    parent=acme_scan_4,
    subject="AW: [ACME-1041] Scanner 2. OG ausgefallen",
    headers=[
        ("Thread-Topic", "[ACME-1041] Scanner 2. OG ausgefallen"),
        ("Content-Language", "de-DE"),
    ],
    body="""Hallo Herr Weber,

Danke, funktioniert wieder! Wir haben heute früh schon 40 Rechnungen eingescannt.

Mit freundlichen Grüßen

"""
    + acme_sig("Petra Hofmann", "Buchhaltung", "212", "p.hofmann@acme-maschinenbau.de")
    + "\n"
    + outlook_de(acme_scan_4),
)

# Thread 2: onboarding (request with deadline, question), Max falls ill, Sandra takes over.

acme_onb_1 = add(
    key="acme_onb_1",
    message_id="<AM6PR03MB7702E19C4B0A5F83@AM6PR03MB7702.eurprd03.prod.outlook.com>",
    date=at("2026-11-19 09:30:17"),
    sender=KLAUS,
    to=[SHARED],
    cc=[ANNA, MAX],
    subject="[ACME-1047] Zwei neue Mitarbeiter Konstruktion",
    headers=[
        ("Thread-Topic", "[ACME-1047] Zwei neue Mitarbeiter Konstruktion"),
        ("Content-Language", "de-DE"),
    ],
    flags="RS",
    body="""Hallo zusammen,

zum 01.12. fangen bei uns zwei neue Kollegen in der Konstruktion an:

  - Jana Wolf (Konstrukteurin)
  - Tobias Lang (technischer Zeichner)

Bitte richten Sie bis zum 30.11. für beide ein Benutzerkonto, ein E-Mail-Postfach und einen
Arbeitsplatz mit CAD-Rechner ein. Die Rechner stehen schon im Lager im EG.

Brauchen Sie dafür noch eine schriftliche Freigabe von unserer Geschäftsführung?

Viele Grüße
"""
    + acme_sig(
        "Klaus Richter", "Leiter IT / Organisation", "140", "k.richter@acme-maschinenbau.de"
    ),
)

acme_onb_2 = add(
    key="acme_onb_2",
    message_id="<FR2P281MB0917F3A08D2C6B14@FR2P281MB0917.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-23 09:14:26"),
    sender=MAX,
    to=[KLAUS],
    cc=[SHARED, ANNA],
    parent=acme_onb_1,
    subject="AW: [ACME-1047] Zwei neue Mitarbeiter Konstruktion",
    headers=[("Thread-Topic", "[ACME-1047] Zwei neue Mitarbeiter Konstruktion")],
    body="""Hallo Herr Richter,

eine Freigabe der Geschäftsführung brauchen wir nicht, Ihre Mail reicht uns.

Ich lege die Konten und Postfächer bis Freitag an. Welche CAD-Lizenzen sollen die beiden
bekommen – SolidWorks Standard oder Professional?

Viele Grüße
Max Weber

"""
    + SIG_MAX
    + "\n"
    + outlook_de(acme_onb_1),
)

acme_onb_3 = add(
    key="acme_onb_3",
    message_id="<CAKx7mR3pQ2vN8sE1tW0yZ4bH6jF9gL5dC@mail.gmail.com>",
    date=at("2026-11-23 14:30:05"),
    sender=KLAUS,
    to=[MAX],
    cc=[SHARED, ANNA],
    parent=acme_onb_2,
    subject="Re: AW: [ACME-1047] Zwei neue Mitarbeiter Konstruktion",
    flags="RS",
    body="""Hallo Herr Weber,

beide bekommen SolidWorks Standard. Frau Wolf braucht zusätzlich Zugriff auf das PDM-System.

Gruß
Klaus Richter

"""
    + gmail_de(acme_onb_2),
)

add(
    key="acme_onb_ooo",
    message_id="<FR2P281MB09178C1D4E7A0B62@FR2P281MB0917.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-23 14:30:09"),
    sender=MAX,
    to=[KLAUS],
    parent=acme_onb_3,
    subject="Automatische Antwort: Re: AW: [ACME-1047] Zwei neue Mitarbeiter Konstruktion",
    return_path="<>",
    headers=[
        ("Auto-Submitted", "auto-replied"),
        ("X-Auto-Response-Suppress", "All"),
        ("Thread-Topic", "[ACME-1047] Zwei neue Mitarbeiter Konstruktion"),
    ],
    body="""Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 27.11.2026 nicht im Büro und habe
keinen Zugriff auf meine E-Mails. Ihre Nachricht wird nicht weitergeleitet.

In dringenden Fällen wenden Sie sich bitte an unseren Service Desk unter
it-support@provider.de oder +49 711 555 300-0.

Mit freundlichen Grüßen
Max Weber

I am out of the office until 27 November 2026 inclusive. For urgent matters please contact
it-support@provider.de.
""",
)

acme_onb_4 = add(
    key="acme_onb_4",
    message_id="<FR2P281MB1184B6E2A09D7C35@FR2P281MB1184.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-24 08:40:19"),
    sender=SANDRA,
    to=[KLAUS],
    cc=[SHARED, ANNA],
    parent=acme_onb_3,
    subject="AW: [ACME-1047] Zwei neue Mitarbeiter Konstruktion",
    headers=[("Thread-Topic", "[ACME-1047] Zwei neue Mitarbeiter Konstruktion")],
    body="""Hallo Herr Richter,

Max ist diese Woche krank, ich übernehme das Ticket.

Ich richte die beiden Konten, die Postfächer und die SolidWorks-Standard-Lizenzen bis Freitag
ein. Für den PDM-Zugang von Frau Wolf: Welche Projektordner soll sie sehen?

Viele Grüße
Sandra Yilmaz

"""
    + SIG_SANDRA
    + "\n"
    + outlook_de(acme_onb_3),
)

add(
    key="acme_onb_5",
    message_id="<FR2P281MB11840D7C3F1E9A48@FR2P281MB1184.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-26 15:10:44"),
    sender=SANDRA,
    to=[KLAUS],
    cc=[SHARED, ANNA],
    parent=acme_onb_4,
    subject="AW: [ACME-1047] Zwei neue Mitarbeiter Konstruktion",
    headers=[("Thread-Topic", "[ACME-1047] Zwei neue Mitarbeiter Konstruktion")],
    folder="new",
    body="""Hallo Herr Richter,

kurzer Zwischenstand: Die Benutzerkonten und Postfächer für Frau Wolf und Herrn Lang sind
eingerichtet, die SolidWorks-Lizenzen sind zugewiesen. Die Zugangsdaten liegen ab Montag bei
Ihnen am Empfang. Dieser Punkt ist damit erledigt.

Offen ist nur noch der PDM-Zugang: Welche Projektordner soll Frau Wolf sehen? Ohne diese Angabe
kann ich die Berechtigung nicht anlegen.

Viele Grüße
Sandra Yilmaz

"""
    + SIG_SANDRA
    + "\n"
    + outlook_de(acme_onb_4),
)

# Thread 3: escalation by the managing director; the reply to our fix is HTML-only (iPhone).

acme_vpn_1 = add(
    key="acme_vpn_1",
    message_id="<AM6PR03MB2290C58E1A7F3D04@AM6PR03MB2290.eurprd03.prod.outlook.com>",
    date=at("2026-11-25 07:58:31"),
    sender=BRANDT,
    to=[SHARED],
    cc=[ANNA, KLAUS],
    subject="DRINGEND: [ACME-1052] VPN-Zugang Außendienst gestört",
    headers=[
        ("Importance", "high"),
        ("X-Priority", "1"),
        ("Thread-Topic", "DRINGEND: [ACME-1052] VPN-Zugang Außendienst gestört"),
        ("Content-Language", "de-DE"),
    ],
    flags="FRS",
    body="""Guten Morgen,

unsere Außendienstmitarbeiter können sich seit gestern Abend nicht mehr per VPN anmelden. Die
Fehlermeldung lautet „Die Identität des Servers konnte nicht überprüft werden“.

Das ist dringend: Heute und morgen sind die Kollegen auf der Messe in Stuttgart und kommen ohne
VPN weder an Angebote noch an Zeichnungen. Herr Weber ist laut Abwesenheitsnotiz nicht
erreichbar. Ich erwarte bis 10 Uhr eine Rückmeldung, wer sich darum kümmert.

Frau Berger, bitte behalten Sie das im Blick.

"""
    + acme_sig("Dr. Stefan Brandt", "Geschäftsführer", "100", "s.brandt@acme-maschinenbau.de"),
)

acme_vpn_2 = add(
    key="acme_vpn_2",
    message_id="<FR2P281MB2047E9B3C1A6D570@FR2P281MB2047.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-25 08:35:12"),
    sender=LUKAS,
    to=[BRANDT],
    cc=[SHARED, ANNA, KLAUS],
    parent=acme_vpn_1,
    subject="AW: DRINGEND: [ACME-1052] VPN-Zugang Außendienst gestört",
    headers=[("Thread-Topic", "DRINGEND: [ACME-1052] VPN-Zugang Außendienst gestört")],
    body="""Guten Morgen Herr Dr. Brandt,

ich kümmere mich darum. Ursache ist ein abgelaufenes Serverzertifikat auf Ihrer Firewall; ich
habe es eben erneuert und die VPN-Verbindung mit einem Testkonto geprüft.

Bitte geben Sie mir Bescheid, ob sich die Kollegen im Außendienst wieder anmelden können.

Viele Grüße
Lukas Schmidt

"""
    + SIG_LUKAS
    + "\n"
    + outlook_de(acme_vpn_1),
)

_vpn_quote_head = (
    f"Am {_local(acme_vpn_2, 1):%d.%m.%Y um %H:%M} schrieb Lukas Schmidt "
    "&lt;lukas.schmidt@provider.de&gt;:"
)
add(
    key="acme_vpn_3",
    message_id="<5E0B7A2C-93D1-4F6E-A8B4-1C2D3E4F5A6B@acme-maschinenbau.de>",
    date=at("2026-11-25 10:22:47"),
    sender=BRANDT,
    to=[LUKAS],
    cc=[SHARED, ANNA, KLAUS],
    parent=acme_vpn_2,
    subject="Re: AW: DRINGEND: [ACME-1052] VPN-Zugang Außendienst gestört",
    html_only=True,
    cte="quoted-printable",
    headers=[("X-Mailer", "iPhone Mail (22B91)")],
    flags="S",
    body=f"""<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>
<body dir="auto"><div dir="ltr">Hallo Herr Schmidt,</div><div dir="ltr"><br></div>
<div dir="ltr">danke für die schnelle Hilfe, bei den meisten Kollegen geht es wieder.</div>
<div dir="ltr">Zwei Laptops (AD-NB-07 und AD-NB-12) melden aber weiterhin
„Zertifikat ungültig“. Können Sie sich die bitte bis morgen früh ansehen? Die Kollegen sind ab
8 Uhr am Messestand.</div><div dir="ltr"><br></div>
<div dir="ltr">Stefan Brandt</div><div dir="ltr"><br></div>
<div dir="ltr">Von meinem iPhone gesendet</div>
<div dir="ltr"><br><blockquote type="cite">{_vpn_quote_head}<br><br></blockquote></div>
<blockquote type="cite">
{html_paragraphs(acme_vpn_2.body)}</blockquote>
</body></html>
""",
)

# =========================================================================== Stadtwerke Talheim
# Ticket system notifications carry X-Ticket-Customer: SWT and [SWT#nnnn] subject tags.

swt_2208_1 = add(
    key="swt_2208_1",
    message_id="<ticket-2208-1.20261117090210@tickets.stadtwerke-talheim.de>",
    date=at("2026-11-17 09:02:10"),
    sender=TICKETS,
    to=[SHARED],
    subject="[SWT#2208] Neues Ticket: Export der Zählerdaten bricht ab",
    cte="base64",
    headers=[
        ("X-Ticket-Customer", "SWT"),
        ("X-Ticket-ID", "2208"),
        ("X-Mailer", "Talheim Ticketsystem 4.2"),
    ],
    flags="RS",
    body="""Neues Ticket [SWT#2208]

Titel:        Export der Zählerdaten bricht ab
Priorität:    2 hoch
Gemeldet von: Frank Maier (Netzleitstelle)
Zuständig:    Provider Systemhaus – Service Desk

Beschreibung:
Der nächtliche Export der Zählerdaten an das Abrechnungssystem bricht seit der Nacht auf
Montag (16.11.) mit dem Fehler „Schreibfehler im Zielverzeichnis“ ab. Die Abrechnung braucht
die Daten spätestens bis Donnerstag, 19.11., sonst verschiebt sich der Rechnungslauf.

Bitte prüfen Sie das Exportverzeichnis auf dem Server SWT-APP02.

"""
    + TICKET_FOOTER.format(n=2208),
)

add(
    key="swt_2208_2",
    message_id="<FR2P281MB1184A2C95E0F7B31@FR2P281MB1184.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-18 10:45:03"),
    sender=SANDRA,
    to=[TICKETS],
    cc=[SHARED, JONAS],
    parent=swt_2208_1,
    subject="AW: [SWT#2208] Neues Ticket: Export der Zählerdaten bricht ab",
    body="""Hallo Herr Maier,

Ursache gefunden: Das Exportverzeichnis auf SWT-APP02 war voll, weil die alten Exportdateien
seit dem Sommer nicht mehr archiviert wurden. Ich habe aufgeräumt und die Archivierung wieder
eingeschaltet; der Export von heute Nacht lief ohne Fehler durch. Die Exporte vom 16. und
17.11. habe ich von Hand nachgeholt.

Bitte prüfen Sie, ob die Daten vollständig im Abrechnungssystem angekommen sind.

Viele Grüße
Sandra Yilmaz

"""
    + SIG_SANDRA
    + "\n"
    + outlook_de(swt_2208_1),
)

add(
    key="swt_2208_3",
    message_id="<ticket-2208-4.20261120110027@tickets.stadtwerke-talheim.de>",
    date=at("2026-11-20 11:00:27"),
    sender=TICKETS,
    to=[SHARED],
    parent=swt_2208_1,
    subject="[SWT#2208] Ticket wurde geschlossen: Export der Zählerdaten bricht ab",
    cte="base64",
    headers=[
        ("X-Ticket-Customer", "SWT"),
        ("X-Ticket-ID", "2208"),
        ("X-Ticket-State", "closed"),
        ("X-Mailer", "Talheim Ticketsystem 4.2"),
    ],
    body="""Ticket [SWT#2208] wurde geschlossen.

Titel:           Export der Zählerdaten bricht ab
Geschlossen von: Frank Maier (Netzleitstelle)
Lösung:          Exportverzeichnis bereinigt, Archivierung wieder eingeschaltet.

Letzter Kommentar von Frank Maier:
Die Daten sind vollständig angekommen, der Rechnungslauf ist durch. Vielen Dank!

"""
    + TICKET_FOOTER.format(n=2208),
)

swt_2211_1 = add(
    key="swt_2211_1",
    message_id="<ticket-2211-1.20261118142055@tickets.stadtwerke-talheim.de>",
    date=at("2026-11-18 14:20:55"),
    sender=TICKETS,
    to=[SHARED],
    subject="[SWT#2211] Neues Ticket: SSL-Zertifikat Kundenportal läuft ab",
    cte="base64",
    headers=[
        ("X-Ticket-Customer", "SWT"),
        ("X-Ticket-ID", "2211"),
        ("X-Mailer", "Talheim Ticketsystem 4.2"),
    ],
    flags="RS",
    body="""Neues Ticket [SWT#2211]

Titel:        SSL-Zertifikat Kundenportal läuft ab
Priorität:    3 normal
Gemeldet von: Birgit Schäfer (IT-Koordination)
Zuständig:    Provider Systemhaus – Service Desk

Beschreibung:
Das SSL-Zertifikat für kundenportal.stadtwerke-talheim.de läuft am 02.12.2026 ab. Bitte
erneuern Sie das Zertifikat bis zum 30.11., damit es für unsere Kunden zu keiner
Unterbrechung kommt.

"""
    + TICKET_FOOTER.format(n=2211),
)

add(
    key="swt_2211_2",
    message_id="<FR2P281MB11845F0B8D3A2E96@FR2P281MB1184.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-19 09:05:38"),
    sender=SANDRA,
    to=[TICKETS],
    cc=[SHARED, JONAS],
    parent=swt_2211_1,
    subject="AW: [SWT#2211] Neues Ticket: SSL-Zertifikat Kundenportal läuft ab",
    body="""Hallo Frau Schäfer,

ich kümmere mich darum und erneuere das Zertifikat bis Freitag, 27.11. Die Bestellung bei der
Zertifizierungsstelle ist schon raus; sobald die Domain-Validierung durch ist, spiele ich das
Zertifikat ein und gebe Ihnen Bescheid.

Viele Grüße
Sandra Yilmaz

"""
    + SIG_SANDRA
    + "\n"
    + outlook_de(swt_2211_1),
)

add(
    key="swt_2211_3",
    message_id="<ticket-2211-3.20261123103012@tickets.stadtwerke-talheim.de>",
    date=at("2026-11-23 10:30:12"),
    sender=TICKETS,
    to=[SHARED],
    parent=swt_2211_1,
    subject="[SWT#2211] Neuer Kommentar: SSL-Zertifikat Kundenportal läuft ab",
    cte="base64",
    headers=[
        ("X-Ticket-Customer", "SWT"),
        ("X-Ticket-ID", "2211"),
        ("X-Mailer", "Talheim Ticketsystem 4.2"),
    ],
    body="""Neuer Kommentar zu Ticket [SWT#2211] von Birgit Schäfer:

Danke für die schnelle Rückmeldung. Können Sie bei der Gelegenheit auch prüfen, wann das
Zertifikat unseres Mailservers mail.stadtwerke-talheim.de abläuft? Wir haben dazu keine
Übersicht mehr.

"""
    + TICKET_FOOTER.format(n=2211),
)

# Direct mail with the customer's IT coordinator; her reply is ISO-8859-15 (Thunderbird).

swt_fw_1 = add(
    key="swt_fw_1",
    message_id="<FR2P281MB2310C7E4A1B9D026@FR2P281MB2310.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-20 15:42:09"),
    sender=JONAS,
    to=[BIRGIT],
    cc=[SHARED],
    subject="Wartungsfenster Dezember: Umstellung Firewall",
    body="""Hallo Frau Schäfer,

wie besprochen möchten wir im Dezember die Firewall bei Ihnen auf die neue Hardware umstellen.
Dafür brauchen wir ein Wartungsfenster von etwa vier Stunden, in dem das Kundenportal und die
Außenstellen nicht erreichbar sind.

Unser Vorschlag: Samstag, 05.12.2026, 06:00 bis 10:00 Uhr. Passt Ihnen der Termin?

Viele Grüße
Jonas Keller

"""
    + SIG_JONAS,
)

add(
    key="swt_fw_2",
    message_id="<8d41c2e7-5b3a-4f09-9e6d-2a7b1c0f3e58@stadtwerke-talheim.de>",
    date=at("2026-11-24 13:17:40"),
    sender=BIRGIT,
    to=[JONAS],
    cc=[SHARED],
    parent=swt_fw_1,
    subject="Re: Wartungsfenster Dezember: Umstellung Firewall",
    charset="iso-8859-15",
    cte="quoted-printable",
    headers=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "de-DE")],
    body="""Hallo Herr Keller,

der 05.12. passt uns leider nicht, an dem Wochenende läuft die Jahresablesung und die Monteure
brauchen das Portal. Ginge auch Samstag, 12.12., zur gleichen Zeit?

Bitte geben Sie uns bis Freitag Bescheid, damit wir die Störungsmeldung rechtzeitig auf der
Website veröffentlichen können. Die Kosten von 480 € für den Wochenendeinsatz sind freigegeben.

Mit freundlichen Grüßen
Birgit Schäfer

"""
    + SIG_DELIM
    + """Birgit Schäfer
IT-Koordination
Stadtwerke Talheim GmbH · Schlossstraße 3 · 74388 Talheim
Telefon 07133 9870-41 · b.schaefer@stadtwerke-talheim.de

Geschäftsführer: Dipl.-Ing. Jürgen Häußler
Amtsgericht Stuttgart HRB 109876 · USt-IdNr.: DE 145 678 912

"""
    + thunderbird_de(swt_fw_1),
)

# =========================================================================== Brightline
# English. UK senders write +0000 in November; quote headers show the reader's local time.

LEEDS_OCTOBER_ID = "<FR2P281MB0655B1D9E3C7A048@FR2P281MB0655.DEUP281.PROD.OUTLOOK.COM>"

bl_leeds_1 = add(
    key="bl_leeds_1",
    message_id="<LO2P265MB3391F0A7C2E8B514@LO2P265MB3391.GBRP265.PROD.OUTLOOK.COM>",
    date=at("2026-11-19 13:20:44", 0),
    sender=OLIVER,
    to=[EMMA],
    cc=[SHARED],
    references=[LEEDS_OCTOBER_ID],  # Emma's October mail is not in this mailbox
    subject="RE: Leeds depot opening",
    headers=[("Thread-Topic", "Leeds depot opening"), ("Content-Language", "en-GB")],
    flags="RS",
    body="""Hi Emma,

Thanks for the overview. We've signed the lease, so the Leeds depot opens on 7 December.

Could you please prepare five laptops for the Leeds team by 30 November? They need our
standard image plus the WMS client and the label printer drivers.

Also, can we transfer the existing Microsoft 365 licences from the Sheffield staff who are
moving, or do we need to buy new ones?

Kind regards,
Oliver

"""
    + OLIVER_SIG
    + """
________________________________
From: Emma Clarke <emma.clarke@provider.de>
Sent: 28 October 2026 15:05
To: Oliver Grant <oliver.grant@brightline-logistics.co.uk>
Subject: Leeds depot opening

Hi Oliver,

as discussed on the phone, here is what we need from you before the Leeds depot opens: the
number of workstations, the opening date and who will be the local contact on site.

Best regards,
Emma

"""
    + BRIGHTLINE_DISCLAIMER,
)

add(
    key="bl_leeds_2",
    message_id="<FR2P281MB0655E84C2A0D9F17@FR2P281MB0655.DEUP281.PROD.OUTLOOK.COM>",
    date=at("2026-11-20 10:15:21"),
    sender=EMMA,
    to=[OLIVER],
    cc=[TOM, SHARED],
    parent=bl_leeds_1,
    subject="RE: Leeds depot opening",
    headers=[("Thread-Topic", "Leeds depot opening"), ("Content-Language", "en-US")],
    body="""Hi Oliver,

thanks for the details. Tom will prepare the five laptops with the standard image, the WMS
client and the label printer drivers by 30 November, so they can go to Leeds in the first
week of December.

On the licences: I'm checking with our licensing team whether the Sheffield licences can be
reassigned and will get back to you early next week.

Best regards,
Emma

"""
    + SIG_EMMA
    + "\n"
    + outlook_en(bl_leeds_1, 1),
)

bl_scan_1 = add(
    key="bl_scan_1",
    message_id="<CAJm4vT9xR2qP7nK3sW8eY1uB5hG0fD6aL@mail.gmail.com>",
    date=at("2026-11-23 16:40:02", 0),
    sender=PRIYA,
    to=[SHARED],
    cc=[TOM, OLIVER],
    subject="Urgent: warehouse scanners offline since WMS update",
    flags="RS",
    body="""Hello,

since the update on Saturday our warehouse scanners cannot connect to the WMS. All 14
handhelds in the Wakefield warehouse show "Server not reachable" after login. The pickers are
working from paper lists, which is slowing down dispatch considerably.

This is urgent - the pre-Christmas peak starts next week. Can someone look at this today,
please?

Many thanks,
Priya

Priya Shah
Warehouse Systems Lead
Brightline Logistics Ltd

"""
    + BRIGHTLINE_DISCLAIMER,
)

_tom_text = """Hi Priya,

sorry for the slow reply, I was on site with another customer yesterday. The WMS update
changed the TLS settings on the server, and older scanner firmware can't handle the new ones.

I'll take care of it and get back to you by Wednesday. Could you send me the firmware version
shown under Settings > About on one of the scanners?

Cheers,
Tom

"""
bl_scan_2 = add(
    key="bl_scan_2",
    message_id="<7f3c9a12-4e8b-4d21-b6a0-9c5e2f1d8b47@provider.de>",
    date=at("2026-11-24 11:02:17"),
    sender=TOM,
    to=[PRIYA],
    cc=[SHARED, OLIVER, EMMA],
    parent=bl_scan_1,
    subject="Re: Urgent: warehouse scanners offline since WMS update",
    cte="quoted-printable",
    headers=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "en-GB")],
    body=_tom_text + SIG_TOM + "\n" + thunderbird_en(bl_scan_1, 1),
    html=f"""<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>
<body>
<p>{escape(_tom_text.strip()).replace(chr(10) + chr(10), "</p><p>").replace(chr(10), " ")}</p>
<div class="moz-signature">-- <br>Tom Hughes<br>Senior Engineer | Provider Systemhaus GmbH</div>
<div class="moz-cite-prefix">On {_local(bl_scan_1, 1):%d/%m/%Y %H:%M}, Priya Shah wrote:<br></div>
<blockquote type="cite">
{html_paragraphs(bl_scan_1.body)}</blockquote>
</body>
</html>
""",
)

add(
    key="bl_scan_3",
    message_id="<CAJm4vT8kL1wQ5rN2xE7pZ3vC9hB4gF0sD@mail.gmail.com>",
    date=at("2026-11-24 10:37:55", 0),
    sender=PRIYA,
    to=[TOM],
    cc=[SHARED, OLIVER, EMMA],
    parent=bl_scan_2,
    subject="Re: Urgent: warehouse scanners offline since WMS update",
    body="""Hi Tom,

thanks. The scanners show firmware 4.2.1 (build 2207). We have two spare units on 4.3.0 in
the office and those connect fine, so your theory sounds right.

Do you need remote access to one of the scanners, or can you roll out the firmware from your
side?

Priya

"""
    + BRIGHTLINE_DISCLAIMER
    + "\n"
    + gmail_en(bl_scan_2, 0),
)

add(
    key="bl_backup_1",
    message_id="<LO2P265MB3391A9D4E6B2C870@LO2P265MB3391.GBRP265.PROD.OUTLOOK.COM>",
    date=at("2026-11-25 16:10:30", 0),
    sender=OLIVER,
    to=[EMMA],
    cc=[SHARED],
    subject="Backup of the Manchester file server",
    headers=[
        ("Thread-Topic", "Backup of the Manchester file server"),
        ("Content-Language", "en-GB"),
    ],
    folder="new",
    body="""Hi Emma,

quick question: is the nightly backup of the Manchester file server covered by the new
support contract, or do we need to order that separately? Our auditors are asking and I'd
like to give them an answer by Friday.

Thanks,
Oliver

"""
    + OLIVER_SIG
    + "\n"
    + BRIGHTLINE_DISCLAIMER,
)

# =========================================================================== unclaimed mail

_news_text = """Black Week bei Hardware-Händler: bis zu 25 % auf Dockingstations und Monitore!

Nur bis Montag, 30.11.: Sichern Sie sich unsere Bestseller zum Aktionspreis.

  * USB-C-Dockingstation Pro 4K ........ 189,00 € statt 249,00 €
  * 27-Zoll-Monitor QHD, höhenverstellbar 279,00 € statt 349,00 €
  * Headset mit Geräuschunterdrückung .... 89,00 € statt 119,00 €

Brauchen Sie ein Angebot für Ihr ganzes Team? Antworten Sie einfach auf diese E-Mail.

Jetzt bestellen: https://hardware-haendler.example/black-week

Sie erhalten diesen Newsletter, weil Sie sich auf hardware-haendler.example angemeldet haben.
Abmelden: https://hardware-haendler.example/abmelden?u=8f3a2c

Hardware-Händler GmbH · Musterstraße 1 · 70173 Stuttgart · Amtsgericht Stuttgart HRB 999999
"""
add(
    key="newsletter",
    message_id="<20261119050000.9a8b7c6d@mailing.hardware-haendler.example>",
    date=at("2026-11-19 06:00:00"),
    sender="Hardware-Händler Newsletter <news@hardware-haendler.example>",
    to=[SHARED],
    subject="Black Week: bis zu 25 % auf Dockingstations und Monitore",
    cte="quoted-printable",
    return_path="<bounce-8f3a2c@mailing.hardware-haendler.example>",
    headers=[
        ("List-Id", "Hardware-Haendler Newsletter <newsletter.hardware-haendler.example>"),
        (
            "List-Unsubscribe",
            "<mailto:unsubscribe@hardware-haendler.example?subject=8f3a2c>, "
            "<https://hardware-haendler.example/abmelden?u=8f3a2c>",
        ),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("Precedence", "bulk"),
        ("X-Mailer", "MailKampagne 7.3"),
    ],
    body=_news_text,
    html="""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Black Week</title></head>
<body style="font-family:Arial,sans-serif">
<h1>Black Week: bis zu 25&nbsp;% auf Dockingstations und Monitore</h1>
<p><strong>Nur bis Montag, 30.11.:</strong> Sichern Sie sich unsere Bestseller zum
Aktionspreis.</p>
<table>
<tr><td>USB-C-Dockingstation Pro 4K</td><td>189,00&nbsp;€</td></tr>
<tr><td>27-Zoll-Monitor QHD, höhenverstellbar</td><td>279,00&nbsp;€</td></tr>
<tr><td>Headset mit Geräuschunterdrückung</td><td>89,00&nbsp;€</td></tr>
</table>
<p><a href="https://hardware-haendler.example/black-week">Jetzt bestellen</a></p>
<p style="font-size:11px">Sie erhalten diesen Newsletter, weil Sie sich angemeldet haben.
<a href="https://hardware-haendler.example/abmelden?u=8f3a2c">Abmelden</a></p>
</body></html>
""",
)

add(
    key="unknown_sender",
    message_id="<20261120081244.3F2A1C@bueropark-neckar.example>",
    date=at("2026-11-20 09:12:44"),
    sender="Hausverwaltung Büropark Neckar <verwaltung@bueropark-neckar.example>",
    to=["undisclosed-recipients:;"],
    subject="Reinigung der Tiefgarage am 25.11.2026",
    body="""Sehr geehrte Mieterinnen und Mieter,

am Mittwoch, 25.11.2026, wird die Tiefgarage zwischen 7:00 und 15:00 Uhr gereinigt. Bitte
stellen Sie Ihre Fahrzeuge bis spätestens Dienstagabend auf den Außenstellplätzen ab.
Fahrzeuge, die dann noch in der Tiefgarage stehen, müssen leider kostenpflichtig umgesetzt
werden.

Vielen Dank für Ihr Verständnis.

Mit freundlichen Grüßen
Ihre Hausverwaltung

Büropark Neckar Verwaltungs GmbH
Neckarstraße 40 · 70190 Stuttgart
""",
)

# --------------------------------------------------------------------------- encoding


def _received(mail: Mail) -> str:
    """A plausible Received line from our MX, so the files look like delivered mail."""
    domain = parseaddr(mail.sender)[1].rpartition("@")[2]
    qid = hashlib.sha256(mail.message_id.encode()).hexdigest()[:12].upper()
    when = format_datetime(mail.date + timedelta(seconds=3))
    if domain == "provider.de":
        origin = "from exch01.provider.de (exch01.provider.de [192.0.2.10])"
        how = "with ESMTPSA"
    else:
        octet = int(qid[:2], 16) % 200 + 20
        origin = f"from mail.{domain} (mail.{domain} [198.51.100.{octet}])"
        how = "with ESMTPS"
    return f"{origin} by mx01.provider.de (Postfix) {how} id {qid} for <{SHARED}>; {when}"


def build(mail: Mail) -> bytes:
    msg = EmailMessage()
    msg["Return-Path"] = mail.return_path or f"<{parseaddr(mail.sender)[1]}>"
    msg["Delivered-To"] = SHARED
    msg["Received"] = _received(mail)
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.to)
    if mail.cc:
        msg["Cc"] = ", ".join(mail.cc)
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(mail.date)
    msg["Message-ID"] = mail.message_id
    refs = mail.refs
    if refs:
        msg["In-Reply-To"] = refs[-1]
        msg["References"] = " ".join(refs)
    for name, value in mail.headers:
        if not name.lower().startswith("content-"):
            msg[name] = value
    if mail.html_only:
        msg.set_content(mail.body, subtype="html", charset=mail.charset, cte=mail.cte)
    else:
        msg.set_content(mail.body, charset=mail.charset, cte=mail.cte)
        if mail.html is not None:
            msg.add_alternative(mail.html, subtype="html", cte="quoted-printable")
            boundary = hashlib.sha256(mail.message_id.encode()).hexdigest()[:24]
            msg.set_boundary(f"----=_Part_{boundary}")
            for part in msg.iter_parts():
                del part["MIME-Version"]  # only the top level carries it
    for name, value in mail.headers:  # set_content drops Content-* headers set before it
        if name.lower().startswith("content-"):
            msg[name] = value
    return _fold(msg.as_bytes(policy=UNFOLDED))


UNFOLDED = policy.default.clone(max_line_length=998)


def _fold(raw: bytes) -> bytes:
    """Fold References and Received the way Exchange and Postfix do, and nothing else.

    The email package would also fold a lone long Message-ID onto its own line, which is legal
    but not what real servers write, so headers are generated unfolded and folded here.
    """
    head, sep, body = raw.partition(b"\n\n")
    lines = []
    for line in head.split(b"\n"):
        if line.startswith(b"References: "):
            line = line.replace(b"> <", b">\n <")
        elif line.startswith(b"Received: "):
            line = line.replace(b" by mx01", b"\n\tby mx01").replace(b" for <", b"\n\tfor <")
        elif len(line) > 78 and not line.startswith(b" "):
            line = _fold_at_spaces(line)
        lines.append(line)
    return b"\n".join(lines) + sep + body


def _fold_at_spaces(line: bytes, width: int = 78) -> bytes:
    """Greedy folding at existing spaces; the first token after the name stays put."""
    name, _, rest = line.partition(b" ")
    words = rest.split(b" ")
    out, current = [], name + b" " + words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) > width:
            out.append(current)
            current = b" " + word
        else:
            current += b" " + word
    out.append(current)
    return b"\n".join(out)


def filename(index: int, mail: Mail) -> str:
    base = f"{int(mail.date.timestamp())}.M{index}P4711.sample"
    return base if mail.folder == "new" else f"{base}:2,{mail.flags}"


def write_mailbox(target: Path = MAILBOX) -> int:
    """Write every sample message into the Maildir at target; return how many."""
    for sub in ("cur", "new", "tmp"):
        folder = target / sub
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.name != ".gitkeep" or sub != "tmp":
                old.unlink()
    # git keeps no empty folders; only tmp/ may hold a placeholder, because readers such as
    # Python's mailbox.Maildir would take a file in new/ or cur/ for a message
    (target / "tmp" / ".gitkeep").touch()
    ordered = sorted(MAILS, key=lambda m: m.date)
    for index, mail in enumerate(ordered, start=1):
        (target / mail.folder / filename(index, mail)).write_bytes(build(mail))
    return len(ordered)


def main() -> None:
    print(f"wrote {write_mailbox()} messages to {MAILBOX}")


if __name__ == "__main__":
    main()
