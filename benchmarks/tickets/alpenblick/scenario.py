#!/usr/bin/env python3
"""Held-out mailbox (heldout4) for mailsum: three weeks of service mail of an IT service provider.

Alpenblick IT-Service GmbH (team domain ``alpenblick-it.example``; Innsbruck, Munich and Dublin)
and four customers: Praxisverbund Unterinntal (three medical practices in Tyrol), Markt
Eichenried (a Bavarian municipal administration), Corrib Code Ltd (a Galway software company with
its own osTicket helpdesk) and Prairie Lantern Literacy Project (a Minneapolis nonprofit), plus a
few mails that belong to no customer. Mail from Tue 27.10.2026 to Sat 14.11.2026, everything in
the shared mailbox ``service@alpenblick-it.example`` (staff replies and their auto-replies are
journaled there too). Scored as of Monday 16.11.2026 07:05 Europe/Vienna.

    python3 scenario.py DIR     # writes the Maildir DIR and DIR.manifest.json

``build(DIR)`` does the same and returns the manifest: one entry per message with its
Message-ID (as in the header, with angle brackets), the thread key used by gold.json, the file
name and the date. Standard library only; the output is the same on every run. The mail-format
machinery (Mail/Box, quoting styles, Message-ID styles) is taken from the development set's
scenario.py; all people, companies and mail are new.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path

TZ_DE = timezone(timedelta(hours=1))        # Innsbruck, Munich (CET)
TZ_UK = timezone.utc                        # Dublin, Galway (GMT)
TZ_US = timezone(timedelta(hours=-6))       # Minneapolis (CST)

DE_WD = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
DE_MON = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
EN_WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# ------------------------------------------------------------------------------------ people
@dataclass(frozen=True)
class P:
    name: str                      # the name as people write it
    addr: str
    display: str | None = None     # the From display name, when it differs ("Seidl, Claudia")
    tz: timezone = TZ_DE

    @property
    def disp(self) -> str:
        return self.display if self.display is not None else self.name

    def address(self) -> Address:
        local, _, dom = self.addr.partition("@")
        return Address(self.disp, local, dom)

    def fmt(self) -> str:
        return f"{self.disp} <{self.addr}>"


SERVICE = P("Alpenblick Service", "service@alpenblick-it.example", "Alpenblick IT-Service")

# our people: Innsbruck
LUKAS = P("Lukas Pichler", "lukas.pichler@alpenblick-it.example")
VERENA = P("Verena Gstrein", "verena.gstrein@alpenblick-it.example")
FLORIAN = P("Florian Mair", "florian.mair@alpenblick-it.example")
# Munich
KATHARINA = P("Katharina Huber", "katharina.huber@alpenblick-it.example")
MATTHIAS = P("Matthias Reischl", "matthias.reischl@alpenblick-it.example")
STEFAN = P("Stefan Obermaier", "stefan.obermaier@alpenblick-it.example")
# Dublin (and Priya, who works for the Dublin team from Minneapolis)
CIARAN = P("Ciarán Walsh", "ciaran.walsh@alpenblick-it.example", tz=TZ_UK)
NIAMH = P("Niamh Doyle", "niamh.doyle@alpenblick-it.example", tz=TZ_UK)
EOIN = P("Eoin Gallagher", "eoin.gallagher@alpenblick-it.example", tz=TZ_UK)
MEGAN = P("Megan O'Rourke", "megan.orourke@alpenblick-it.example", tz=TZ_UK)
PRIYA = P("Priya Nair", "priya.nair@alpenblick-it.example", tz=TZ_US)
ZABBIX = P("Zabbix", "zabbix@monitor.alpenblick-it.example", "Zabbix Alpenblick")
ZABBIX_US = P("Zabbix", "zabbix@monitor.alpenblick-it.example", "Zabbix Alpenblick", tz=TZ_US)

# Praxisverbund Unterinntal (Schwaz, Hall in Tirol, Wörgl)
MARTINA = P("Martina Kofler", "m.kofler@pv-unterinntal.example", "Kofler Martina")
HALLER = P("Dr. Johannes Haller", "j.haller@pv-unterinntal.example", "Dr. Johannes Haller")
SANDRA = P("Sandra Rainer", "ordination.hall@pv-unterinntal.example", "Kinderordination Hall - Sandra Rainer")
PRAXMARER = P("Dr. Elisabeth Praxmarer", "e.praxmarer@pv-unterinntal.example", "Praxmarer Elisabeth")
BIANCA = P("Bianca Strasser", "b.strasser@pv-unterinntal.example", "Strasser Bianca")
BERGLAND = P("Manuel Platzer", "m.platzer@bergland-distribution.example", "Platzer, Manuel (Bergland Distribution)")

# Markt Eichenried, Gemeindeverwaltung
SEIDL = P("Claudia Seidl", "c.seidl@markt-eichenried.example", "Seidl, Claudia")
KASTNER = P("Herbert Kastner", "h.kastner@markt-eichenried.example", "Kastner, Herbert")
FENDT = P("Ulrike Fendt", "datenschutz@markt-eichenried.example", "Fendt, Ulrike (Datenschutz)")
ZEHETMAIR = P("Monika Zehetmair", "m.zehetmair@markt-eichenried.example", "Zehetmair, Monika")
FISCHBACHER = P("Andreas Fischbacher", "a.fischbacher@markt-eichenried.example", "Fischbacher, Andreas")

# Corrib Code Ltd, Galway
OSTICKET = P("Corrib Code Helpdesk", "helpdesk@corribcode.example", "Corrib Code Helpdesk", tz=TZ_UK)
SIOBHAN = P("Siobhán Kelly", "siobhan.kelly@corribcode.example", tz=TZ_UK)
DARRAGH = P("Darragh Byrne", "darragh.byrne@corribcode.example", tz=TZ_UK)
CONOR = P("Conor Fahy", "conor.fahy@corribcode.example", tz=TZ_UK)

# Prairie Lantern Literacy Project, Minneapolis
JENNA = P("Jenna Kowalski", "jenna@prairielantern.example", tz=TZ_US)
MARCUS = P("Marcus Webb", "marcus@prairielantern.example", tz=TZ_US)
LINDA = P("Linda Sorensen", "linda@prairielantern.example", tz=TZ_US)
TOMAS = P("Tomás Rivera", "tomas@prairielantern.example", tz=TZ_US)

# nobody's
GIPFEL = P("Gipfel Distribution", "news@mailing.gipfel-distribution.example", "Gipfel Distribution GmbH")
PHISH = P("Microsoft Outlook", "no-reply@outlook-quota-center.example", "Microsoft Outlook Team")
BRETT = P("Brett Lawson", "brett@ticketpilot-ai.example", tz=TZ_US)


# ------------------------------------------------------------------------------------ signatures
def sig_ibk(name, role, ext, addr, mobile=None):
    mob = f" · Mobil {mobile}" if mobile else ""
    return (f"{name}\n{role}\n\nAlpenblick IT-Service GmbH\nMaria-Theresien-Straße 21 · 6020 Innsbruck\n"
            f"Tel. +43 512 908 44-{ext}{mob}\nServicedesk +43 512 908 44-0 · {addr}\n\n"
            "Firmenbuch FN 482917 t, Landesgericht Innsbruck · UID ATU71829304\n")


def sig_muc(name, role, ext, addr, mobile=None):
    mob = f" · Mobil {mobile}" if mobile else ""
    return (f"{name}\n{role}\n\nAlpenblick IT-Service GmbH · Niederlassung München\nLandsberger Straße 302 · "
            f"80687 München\nTel. +49 89 2154 77-{ext}{mob} · {addr}\n\n"
            "Sitz Innsbruck · Firmenbuch FN 482917 t · Zweigniederlassung München HRB 271044\n")


SIG_LUKAS = sig_ibk("Lukas Pichler", "Kundenbetreuung", "12", LUKAS.addr, "+43 664 5512 718")
SIG_VERENA = "-- \n" + sig_ibk("Verena Gstrein", "Systemtechnik", "21", VERENA.addr)
SIG_FLORIAN = sig_ibk("Florian Mair", "Netzwerk & Security", "25", FLORIAN.addr, "+43 660 4417 093")
SIG_KATHARINA = sig_muc("Katharina Huber", "Kundenbetreuung Öffentliche Auftraggeber", "10", KATHARINA.addr)
SIG_MATTHIAS = sig_muc("Matthias Reischl", "Systemadministration", "14", MATTHIAS.addr)
SIG_STEFAN = sig_muc("Stefan Obermaier", "Systemtechnik / Vor-Ort-Service", "17", STEFAN.addr, "+49 151 2276 4410")


def sig_ie(name, role, direct, mobile=None, addr=""):
    mob = f" | M {mobile}" if mobile else ""
    return (f"{name}\n{role} | Alpenblick IT Services Ireland\nT +353 1 555 {direct}{mob}\n{addr}\n"
            "Alpenblick IT Services Ireland Ltd · 4 Hanover Quay, Dublin 2, D02 XK71 · Registered in Ireland "
            "No. 684213\n")


SIG_CIARAN = sig_ie("Ciarán Walsh", "Account Manager", "0140", "+353 87 555 2291", CIARAN.addr)
SIG_NIAMH = sig_ie("Niamh Doyle", "Service Engineer", "0152", None, NIAMH.addr)
SIG_EOIN = "-- \n" + sig_ie("Eoin Gallagher", "Service Engineer", "0157", None, EOIN.addr)
SIG_MEGAN = sig_ie("Megan O'Rourke", "Account Manager, North America", "0146", "+353 86 555 7310", MEGAN.addr)
SIG_PRIYA = ("Priya Nair\nSystems Engineer | Alpenblick IT Services\nUS line (612) 555-0143 · "
             "priya.nair@alpenblick-it.example\n")

PV_FOOT = """Praxisverbund Unterinntal
Ordination Dr. Haller · Franz-Josef-Straße 9 · 6130 Schwaz
Kinderordination Dr. Unterberger · Salvatorgasse 4 · 6060 Hall in Tirol
Ordination Dr. Praxmarer · Bahnhofstraße 27 · 6300 Wörgl
Tel. {tel}

Diese Nachricht kann Gesundheitsdaten enthalten und unterliegt der ärztlichen
Verschwiegenheitspflicht. Sind Sie nicht der richtige Empfänger, verständigen Sie bitte den
Absender und löschen Sie die Nachricht.
"""
SIG_MARTINA = "Martina Kofler\nOrdinationsmanagement\n\n" + PV_FOOT.format(tel="05242 61408-20")
SIG_HALLER = "Dr. Johannes Haller\nArzt für Allgemeinmedizin\n\n" + PV_FOOT.format(tel="05242 61408-10")
SIG_SANDRA = "Sandra Rainer\nOrdinationsassistenz Kinderordination Hall\n\n" + PV_FOOT.format(tel="05223 45219-0")
SIG_PRAXMARER = "Dr. Elisabeth Praxmarer\nFachärztin für Innere Medizin\n\n" + PV_FOOT.format(tel="05332 73810-0")
SIG_BIANCA = "Bianca Strasser\nOrdinationsassistenz Wörgl\nTel. 05332 73810-12\n"
SIG_PLATZER = ("Manuel Platzer\nKey Account Manager Tirol/Vorarlberg\nBergland Distribution GmbH · Grabenweg 68 · "
               "6020 Innsbruck\nT +43 512 3400 815 · m.platzer@bergland-distribution.example\n")

ME_FOOT = """Markt Eichenried – Gemeindeverwaltung
Marktplatz 1 · 85609 Eichenried
Tel. 08121 4470-{ext} · Fax 08121 4470-99 · www.markt-eichenried.example

Informationen zur Verarbeitung personenbezogener Daten nach Art. 13 DSGVO finden Sie unter
www.markt-eichenried.example/datenschutz. Diese E-Mail ist ausschließlich für den genannten
Empfänger bestimmt.
"""
SIG_SEIDL = "Mit freundlichen Grüßen\ni. A. Claudia Seidl\nHauptamt / EDV\n\n" + ME_FOOT.format(ext="21")
SIG_KASTNER = "Mit freundlichen Grüßen\nHerbert Kastner\nGeschäftsleitender Beamter\n\n" + ME_FOOT.format(ext="10")
SIG_FENDT = ("Mit freundlichen Grüßen\nUlrike Fendt\nBehördliche Datenschutzbeauftragte\n\n"
             + ME_FOOT.format(ext="24"))
SIG_ZEHETMAIR = "Mit freundlichen Grüßen\nMonika Zehetmair\nBürgerbüro / Einwohnermeldeamt\n\n" + ME_FOOT.format(ext="31")

CC_FOOT = ("Corrib Code Ltd · Unit 5, Crown Square, Mervue, Galway H91 T2X4 · Registered in Ireland No. 598877\n"
           "This email and any attachments are confidential and intended solely for the addressee.\n")
SIG_SIOBHAN = "Siobhán Kelly\nOffice & Operations Manager\nCorrib Code Ltd\n+353 91 555 0321\n\n" + CC_FOOT
SIG_DARRAGH = "Darragh Byrne\nCTO & Co-founder\nCorrib Code Ltd\n\n" + CC_FOOT
SIG_CONOR = "Conor Fahy\nSenior Backend Engineer, Corrib Code\n"
OSTICKET_FOOT = ("\n-----\nTo view or respond to the ticket, please login to the support ticket system.\n"
                 "https://support.corribcode.example/scp/tickets.php?number={n}\n"
                 "Your friendly Customer Support System · powered by osTicket\n")

PL_FOOT = ("Prairie Lantern Literacy Project · 2200 Lyndale Ave S, Minneapolis, MN 55405\n"
           "Every adult deserves to read. Support us: prairielantern.example/give\n")
SIG_JENNA = "Jenna Kowalski\nDirector of Operations\nPrairie Lantern Literacy Project\n(612) 555-0188\n" + PL_FOOT
SIG_LINDA = "Linda Sorensen\nExecutive Director\nPrairie Lantern Literacy Project\n" + PL_FOOT
SIG_TOMAS = "Tomás Rivera\nVolunteer & Learning Center Coordinator\n(612) 555-0191\n"

# ------------------------------------------------------------------------------------ mail model
@dataclass
class Mail:
    key: str
    thread: str
    date: datetime
    frm: P
    to: list
    cc: list
    subject: str
    text: str                  # what a reply quotes: the whole plain text as sent
    html: str | None
    msgid: str
    msg: EmailMessage = field(repr=False, default=None)


def _h(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def make_msgid(style: str, key: str, date: datetime, frm: P) -> str:
    h = _h(key).upper()
    dom = frm.addr.partition("@")[2]
    if style == "outlook":
        box = {"de": "FR2P281MB", "uk": "LO2P265MB", "us": "BY5PR12MB"}[
            "uk" if frm.tz is TZ_UK else "us" if frm.tz is TZ_US else "de"]
        n = int(h[:4], 16) % 9000 + 1000
        host = f"{box}{n}"
        suffix = {"FR2P281MB": "DEUP281.PROD.OUTLOOK.COM", "LO2P265MB": "GBRP265.PROD.OUTLOOK.COM",
                  "BY5PR12MB": "namprd12.prod.outlook.com"}[box]
        return f"<{host}{h[4:20]}@{host}.{suffix}>"
    if style == "gmail":
        b = base64.b64encode(bytes.fromhex(_h(key, "g")[:48])).decode().replace("+", "-").replace("/", "_").rstrip("=")
        return f"<CA{b}@mail.gmail.com>"
    if style == "apple":
        x = h[:32]
        return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@{dom}>"
    if style == "thunderbird":
        x = _h(key, "t")[:32]
        return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}@{dom}>"
    if style == "osticket":
        return f"<osTicket-{h[:8].lower()}-{int(date.timestamp())}@support.corribcode.example>"
    if style == "zabbix":
        return f"<zabbix.{int(date.timestamp())}.{int(h[:8], 16)}@monitor.alpenblick-it.example>"
    return f"<{date.astimezone(timezone.utc):%Y%m%d%H%M%S}.{h[:10].lower()}@{dom}>"


STYLE_OF_CLIENT = {"outlook": "outlook", "outlook_android": "outlook", "gmail": "gmail", "iphone": "apple",
                   "applemail": "apple", "thunderbird": "thunderbird", "osticket": "osticket", "zabbix": "zabbix",
                   "plain": "plain"}


def de_date(d):
    return f"{DE_WD[d.weekday()]}, {d.day}. {DE_MON[d.month - 1]} {d.year} {d:%H:%M}"


def uk_date(d):
    return f"{EN_WD[d.weekday()]}, {d.day} {EN_MON[d.month - 1]} {d.year} {d:%H:%M}"


def us_date(d):
    h = d.hour % 12 or 12
    return f"{EN_WD[d.weekday()]}, {EN_MON[d.month - 1]} {d.day}, {d.year} {h}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


def ampm(d):
    h = d.hour % 12 or 12
    return f"{h}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


def people(ps):
    return "; ".join(p.fmt() for p in ps)


def prefix_lines(text: str) -> str:
    out = []
    for line in text.rstrip("\n").split("\n"):
        out.append(">" if not line else (">" + line if line.startswith(">") else "> " + line))
    return "\n".join(out) + "\n"


def outlook_header(parent: Mail, lang: str, tz) -> list[tuple[str, str]]:
    d = parent.date.astimezone(tz)
    if lang == "de":
        rows = [("Von", parent.frm.fmt()), ("Gesendet", de_date(d)), ("An", people(parent.to))]
        if parent.cc:
            rows.append(("Cc", people(parent.cc)))
        rows.append(("Betreff", parent.subject))
    else:
        rows = [("From", parent.frm.fmt()), ("Sent", uk_date(d) if lang == "uk" else us_date(d)),
                ("To", people(parent.to))]
        if parent.cc:
            rows.append(("Cc", people(parent.cc)))
        rows.append(("Subject", parent.subject))
    return rows


def attribution(style: str, parent: Mail, tz) -> str:
    d = parent.date.astimezone(tz)
    p = parent.frm
    if style == "gmail_en":
        return f"On {EN_WD[d.weekday()][:3]}, {EN_MON[d.month - 1][:3]} {d.day}, {d.year} at {ampm(d)} {p.name} <{p.addr}> wrote:"
    if style == "apple_de":
        return f"Am {d:%d.%m.%Y} um {d:%H:%M} schrieb {p.name} <{p.addr}>:"
    if style == "apple_en":
        return f"On {d.day} {EN_MON[d.month - 1][:3]} {d.year}, at {d:%H:%M}, {p.name} <{p.addr}> wrote:"
    if style == "iphone_en":
        return f"On {EN_MON[d.month - 1][:3]} {d.day}, {d.year}, at {ampm(d)}, {p.name} <{p.addr}> wrote:"
    if style == "thunderbird_de":
        return f"Am {d:%d.%m.%y} um {d:%H:%M} schrieb {p.disp}:"
    if style == "thunderbird_en":
        return f"On {d:%d/%m/%Y} {d:%H:%M}, {p.disp} wrote:"
    if style == "gmail_de":
        return f"Am {DE_WD[d.weekday()][:2]}., {d.day}. {DE_MON[d.month - 1][:3]}. {d.year} um {d:%H:%M} Uhr schrieb {p.name} <{p.addr}>:"
    raise ValueError(style)


WRAP_JOIN = re.compile(r"^\s*(-|•|\d+\.|\[|>|[A-Za-zÄÖÜäöü-]+: )")


def unwrap(text: str) -> str:
    """Paragraphs as one line each: the source is hard-wrapped at ~100 columns, but Outlook, Apple
    Mail and the iPhone send flowing paragraphs (only lists, signatures and headers keep their lines)."""
    out: list[str] = []
    for line in text.split("\n"):
        prev = out[-1] if out else ""
        if prev and line.strip() and len(prev) >= 72 and not prev.startswith(">") and not WRAP_JOIN.match(line):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def html_lines(text: str) -> str:
    paras = []
    for block in unwrap(text).strip("\n").split("\n\n"):
        paras.append("<br>\n".join(escape(x) for x in block.split("\n")))
    return "".join(f"<div>{b}</div><div><br></div>\n" for b in paras)


def mso(text: str) -> str:
    out = []
    for line in unwrap(text).rstrip("\n").split("\n"):
        out.append(f'<p class="MsoNormal">{escape(line) if line else "<o:p>&nbsp;</o:p>"}<o:p></o:p></p>')
    return "\n".join(out)


OUTLOOK_HEAD = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
                'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--\n'
                '@font-face {font-family:"Cambria Math";} @font-face {font-family:Calibri;}\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}\n'
                'a:link, span.MsoHyperlink {color:#0563C1; text-decoration:underline;}\n'
                'span.E-MailFormatvorlage17 {mso-style-type:personal-compose;}\n'
                '.MsoChpDefault {mso-style-type:export-only;} div.WordSection1 {page:WordSection1;}\n'
                '--></style></head>')


def outlook_html(own: str, parent: Mail | None, lang: str, tz, quoted_text: str | None = None) -> str:
    body = [OUTLOOK_HEAD, f'<body lang="{"DE" if lang == "de" else "EN-GB" if lang == "uk" else "EN-US"}" '
            'link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">', mso(own)]
    if parent is not None:
        rows = outlook_header(parent, lang, tz)
        hdr = "<br>\n".join(f"<b>{k}:</b> {escape(v)}" for k, v in rows)
        body.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
                    '<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
                    f'<p class="MsoNormal">{hdr}<o:p></o:p></p></div></div>'
                    '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
        body.append(mso(quoted_text if quoted_text is not None else parent.text))
    body.append("</div></body></html>")
    return "\n".join(body)


def gmail_html(own: str, attr: str | None, parent_html: str | None) -> str:
    h = f'<div dir="ltr">{html_lines(own)}</div>'
    if attr:
        h += ('<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
              f'{escape(attr)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
              f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{parent_html}</blockquote></div>')
    return f"<html><head></head><body>{h}</body></html>"


def apple_html(own: str, attr: str | None, parent_html: str | None) -> str:
    h = f'<div dir="ltr">{html_lines(own)}</div>'
    if attr:
        h += (f'<div dir="ltr"><br><blockquote type="cite">{escape(attr)}<br><br></blockquote></div>'
              f'<blockquote type="cite"><div dir="ltr">{parent_html}</div></blockquote>')
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            f'<body dir="auto">{h}</body></html>')


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


class Box:
    def __init__(self):
        self.mails: dict[str, Mail] = {}

    def add(self, key, thread, date, frm, to, cc=(), *, body, subject=None, reply=None, quote=None,
            refs=True, client="outlook", html_only=False, extra=None, charset="utf-8", cte=None,
            attach=None, lang=None, quoted_override=None) -> Mail:
        """One message. `body` is the sender's own text (signature included); `quote` the quoting
        style for the parent (None: the body already holds whatever is quoted)."""
        assert key not in self.mails, key
        parent = self.mails[reply] if reply else None
        to, cc = list(to), list(cc)
        lang = lang or ("de" if frm.tz is TZ_DE else "uk" if frm.tz is TZ_UK else "us")
        if subject is None:
            base = parent.subject
            for pre in ("AW: ", "Re: ", "RE: ", "WG: ", "Fwd: ", "FW: ", "Aw: "):
                if base.startswith(pre):
                    base = base[len(pre):]
            pre = {"outlook": "AW: " if lang == "de" else "RE: ", "outlook_android": "AW: "}.get(client, "Re: ")
            subject = pre + base
        own = body.rstrip("\n") + "\n"
        if client in ("outlook", "outlook_android", "iphone", "applemail"):
            own = unwrap(own)
        text, html, ptxt = own, None, None
        if parent is not None and quote:
            ptxt = quoted_override if quoted_override is not None else parent.text
            tz = frm.tz
            if quote in ("outlook_de", "outlook_de_sep", "outlook_en"):
                ql = "de" if quote.startswith("outlook_de") else lang
                rows = outlook_header(parent, ql, tz)
                head = "\n".join(f"{k}: {v}" for k, v in rows)
                sep = ("-----Ursprüngliche Nachricht-----\n" if quote == "outlook_de_sep"
                       else "________________________________\n")
                text = own + "\n" + sep + head + "\n\n" + ptxt
                html = outlook_html(own, parent, ql, tz, ptxt)
            else:
                attr = attribution(quote, parent, tz)
                if quote in ("apple_de", "iphone_en") and client == "iphone":
                    text = own + "\n" + prefix_lines(attr + "\n\n" + ptxt)
                else:
                    text = own + "\n" + attr + "\n" + prefix_lines(ptxt)
                if client == "gmail":
                    html = gmail_html(own, attr, html_lines(ptxt))
                elif client == "iphone":
                    html = apple_html(own, attr, html_lines(ptxt))
        else:
            if client == "outlook":
                html = outlook_html(own, None, lang, frm.tz)
            elif client == "gmail":
                html = gmail_html(own, None, None)
            elif client == "iphone":
                html = apple_html(own, None, None)
        style = STYLE_OF_CLIENT[client]
        msgid = make_msgid(style, key, date, frm)
        mail = Mail(key, thread, date, frm, to, cc, subject, text if not html_only else "", html, msgid)

        m = EmailMessage(policy=policy.SMTP)
        m["From"] = frm.address()
        m["To"] = [p.address() for p in to]
        if cc:
            m["Cc"] = [p.address() for p in cc]
        m["Subject"] = subject
        m["Date"] = format_datetime(date)
        m["Message-ID"] = msgid
        if parent is not None and refs:
            chain = self.references(parent)
            m["In-Reply-To"] = parent.msgid
            m["References"] = " ".join(chain + [parent.msgid])
        m["MIME-Version"] = "1.0"
        if client in ("outlook", "outlook_android"):
            m["Thread-Topic"] = subject.split(": ", 1)[-1] if subject[:4] in ("AW: ", "RE: ", "WG: ", "FW: ") else subject
            m["Thread-Index"] = base64.b64encode(bytes.fromhex(_h(thread, "ti")[:44])).decode()
            m["Content-Language"] = "de-DE" if lang == "de" else "en-GB" if lang == "uk" else "en-US"
            m["X-MS-Has-Attach"] = "yes" if attach else ""
            m["X-MS-TNEF-Correlator"] = ""
        elif client == "thunderbird":
            m["User-Agent"] = "Mozilla Thunderbird"
            m["Content-Language"] = "de-DE" if lang == "de" else "en-GB"
        elif client == "applemail":
            m["X-Mailer"] = "Apple Mail (2.3826.300.87.4.3)"
        elif client == "iphone":
            m["X-Mailer"] = "iPhone Mail (22B91)"
        for k, v in (extra or {}).items():
            m[k] = v
        cte = cte or ("8bit" if client in ("thunderbird", "applemail", "iphone") else "quoted-printable")
        if html_only:
            m.set_content(html, subtype="html", charset=charset, cte=cte)
        else:
            m.set_content(text, charset=charset, cte=cte)
            if html is not None:
                m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
        for name, data in (attach or []):
            m.add_attachment(data, maintype="application", subtype="pdf", filename=name)
        for n, part in enumerate(m.walk()):
            if part.is_multipart():         # fixed boundaries, so the same mail is written on every run
                part.set_boundary(f"_{n:03d}_{_h(key, 'b', n)[:28].upper()}_")
        if html_only:
            mail.text = own + ("" if ptxt is None else "\n" + "\n".join(
                f"{k}: {v}" for k, v in outlook_header(parent, "de" if lang == "de" else lang, frm.tz)) + "\n\n" + ptxt)
        mail.msg = m
        self.mails[key] = mail
        return mail

    def references(self, mail: Mail) -> list[str]:
        refs = mail.msg.get("References")
        return refs.split() if refs else []

    def write(self, path: str) -> list[dict]:
        root = Path(path)
        if root.exists():
            shutil.rmtree(root)
        for sub in ("cur", "new", "tmp"):
            (root / sub).mkdir(parents=True)
        manifest = []
        mails = sorted(self.mails.values(), key=lambda m: (m.date.astimezone(timezone.utc), m.key))
        for i, mail in enumerate(mails, start=1):
            ts = int(mail.date.timestamp())
            name = f"{ts}.M{i:03d}P{4100 + i}Q1.mx2.alpenblick-it.example:2,S"
            (root / "cur" / name).write_bytes(mail.msg.as_bytes())
            manifest.append({"message_id": mail.msgid, "thread": mail.thread, "file": name,
                             "date": mail.date.isoformat(), "from": mail.frm.addr, "subject": mail.subject})
        return manifest


def at(s: str, tz=TZ_DE) -> datetime:
    return datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


OOO_DE = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "Return-Path": "<>"}
OOO_EN = OOO_DE
AUTO = {"Auto-Submitted": "auto-generated", "Precedence": "bulk", "X-Loop": "yes"}




# ==================================================================================== the mail
def praxisverbund(b: Box):
    # ---- pv-kartenleser: e-card reader in Hall; fixed, "geht immer noch nicht", take-over while
    #      Verena is sick, cable swapped, then it comes back (customer wrote last)
    b.add("pv-gina-1", "pv-kartenleser", at("2026-11-03 08:05"), SANDRA, [SERVICE], [MARTINA], charset="windows-1252",
          subject="e-card Lesegerät Kinderordination Hall geht nicht",
          body=f"""Grüß Gott,

seit heute früh funktioniert bei uns in der Kinderordination Hall das e-card-Lesegerät am Empfang
nicht mehr. Am Bildschirm steht „GINA nicht erreichbar“. Wir können die e-cards nicht stecken und
müssen alles händisch erfassen, das Wartezimmer ist voll.

Bitte um rasche Hilfe!

Liebe Grüße
{SIG_SANDRA}""")
    b.add("pv-gina-2", "pv-kartenleser", at("2026-11-03 09:40"), VERENA, [SANDRA], [SERVICE], reply="pv-gina-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Rainer,

ich war per Fernwartung drauf: Die GINA-Box hatte nach dem kurzen Stromausfall in der Nacht keine
Netzwerkverbindung mehr. Ich habe den Switch-Port neu gestartet, jetzt zeigt das Lesegerät wieder
„bereit“. Probieren Sie es bitte mit der nächsten e-card aus.

Liebe Grüße
Verena Gstrein

{SIG_VERENA}""")
    b.add("pv-gina-3", "pv-kartenleser", at("2026-11-03 10:02"), SANDRA, [VERENA], [SERVICE], reply="pv-gina-2",
          quote="outlook_de", charset="windows-1252",
          body="""Danke, geht wieder!

LG Sandra Rainer""")
    b.add("pv-gina-4", "pv-kartenleser", at("2026-11-05 07:52"), SANDRA, [VERENA], [SERVICE, MARTINA], reply="pv-gina-3",
          quote="outlook_de", charset="windows-1252",
          body=f"""Guten Morgen Frau Gstrein,

leider geht es immer noch nicht bzw. schon wieder nicht. Seit gestern Nachmittag kommt die Meldung
„GINA nicht erreichbar“ immer wieder, mal geht es zehn Minuten, dann wieder nicht. Heute früh
mussten wir wieder alle Kinder händisch aufnehmen.

Können Sie sich das bitte noch einmal anschauen?

Liebe Grüße
{SIG_SANDRA}""")
    b.add("pv-gina-5", "pv-kartenleser", at("2026-11-05 08:31"), LUKAS, [SANDRA], [SERVICE, FLORIAN], reply="pv-gina-4",
          quote="outlook_de",
          body=f"""Guten Morgen Frau Rainer,

Frau Gstrein ist diese Woche leider krank. Ihr Lesegerät übernimmt ab sofort mein Kollege Florian
Mair aus unserem Netzwerkteam, er meldet sich heute Vormittag noch bei Ihnen.

Entschuldigen Sie bitte die Umstände!

Freundliche Grüße
{SIG_LUKAS}""")
    b.add("pv-gina-6", "pv-kartenleser", at("2026-11-05 11:15"), FLORIAN, [SANDRA], [SERVICE], reply="pv-gina-5",
          quote="outlook_de",
          body=f"""Hallo Frau Rainer,

ich habe mir den Switch in Hall angeschaut: Auf dem Port, an dem die GINA-Box hängt, bricht der
Link seit gestern alle paar Minuten ab. Das ist sehr wahrscheinlich das Patchkabel oder die
Netzwerkdose hinter dem Empfang.

Ich habe den Port jetzt fest auf 100 Mbit gestellt, damit sollte es bis auf Weiteres stabiler
laufen. Am Dienstag, 10.11., komme ich um 7:30 Uhr vor Ordinationsbeginn vorbei und tausche Kabel
und Dose.

Beste Grüße
Florian Mair

{SIG_FLORIAN}""")
    b.add("pv-gina-7", "pv-kartenleser", at("2026-11-10 12:40"), FLORIAN, [SANDRA], [SERVICE, MARTINA], reply="pv-gina-6",
          quote="outlook_de",
          body=f"""Hallo Frau Rainer,

wie besprochen heute früh Patchkabel und Netzwerkdose am Empfang getauscht. Das Lesegerät läuft
seit 7:45 Uhr ohne einen einzigen Abbruch, im Switch ist der Port sauber.

Falls es doch noch einmal auftritt, melden Sie sich bitte gleich.

Beste Grüße
Florian Mair

{SIG_FLORIAN}""")
    b.add("pv-gina-8", "pv-kartenleser", at("2026-11-12 14:20"), SANDRA, [FLORIAN], [SERVICE, MARTINA], reply="pv-gina-7",
          quote="outlook_de", charset="windows-1252",
          body=f"""Hallo Herr Mair,

heute Mittag ist es leider zweimal wieder passiert, jeweils für ca. 10 Minuten „GINA nicht
erreichbar“. Es ist deutlich besser als letzte Woche, aber ganz weg ist es nicht.

Könnten Sie bitte noch einmal nachschauen, bevor wir am Montag wieder die volle Impfordination
haben?

Liebe Grüße
{SIG_SANDRA}""")

    # ---- pv-passwort: locked out, self-service reset, "hat sich erledigt"
    b.add("pv-pw-1", "pv-passwort", at("2026-11-09 07:48"), BIANCA, [SERVICE],
          subject="Kennwort abgelaufen - komme nicht ins Befundpostfach",
          body=f"""Guten Morgen,

mein Kennwort ist übers Wochenende abgelaufen und ich komme jetzt nicht mehr in das
Befundpostfach und auch nicht in Outlook. Können Sie es mir bitte zurücksetzen?

Danke und liebe Grüße
{SIG_BIANCA}""")
    b.add("pv-pw-2", "pv-passwort", at("2026-11-09 08:20"), VERENA, [BIANCA], [SERVICE], reply="pv-pw-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Guten Morgen Frau Strasser,

Sie können das Kennwort selbst zurücksetzen, unter https://passwort.pv-unterinntal.example mit
Ihrem Benutzernamen; der Bestätigungscode kommt per SMS auf das Ordinationshandy. Falls das nicht
klappt, rufen Sie mich kurz an, dann setze ich es von hier aus zurück.

Liebe Grüße
Verena Gstrein

{SIG_VERENA}""")
    b.add("pv-pw-3", "pv-passwort", at("2026-11-09 08:41"), BIANCA, [VERENA], [SERVICE], reply="pv-pw-2",
          quote="outlook_de",
          body="""Hat sich erledigt, habe es gerade selbst zurückgesetzt und bin wieder drin. Danke!

Bianca Strasser""")

    # ---- pv-wartung: maintenance window announced by us, confirmed, done
    b.add("pv-wart-1", "pv-wartung", at("2026-11-04 16:10"), LUKAS, [MARTINA], [SERVICE, VERENA],
          subject="Wartungsfenster Samstag 14.11., 8–12 Uhr: Server und Firewalls",
          body=f"""Servus Frau Kofler,

wir würden gerne am Samstag, 14.11., von 8 bis 12 Uhr die Updates für den Server in Schwaz
(PV-SRV01) und die Firewalls in allen drei Ordinationen einspielen. In dieser Zeit gibt es keinen
Zugriff auf die Ordinationssoftware und keinen Fernzugriff.

Passt Ihnen das? Bitte um eine kurze Bestätigung bis Mittwoch, 11.11.

Freundliche Grüße
{SIG_LUKAS}""")
    b.add("pv-wart-2", "pv-wartung", at("2026-11-06 09:30"), MARTINA, [LUKAS], [SERVICE], reply="pv-wart-1",
          quote="outlook_de", charset="windows-1252",
          body=f"""Servus Herr Pichler,

passt, am Samstag hat keine unserer Ordinationen offen. Frau Dr. Praxmarer lässt nur fragen, ob die
Ordinationssoftware am Montag früh sicher wieder läuft – ich nehme an, Sie testen das danach?

Liebe Grüße
{SIG_MARTINA}""")
    b.add("pv-wart-3", "pv-wartung", at("2026-11-14 12:20"), VERENA, [MARTINA], [SERVICE, LUKAS], reply="pv-wart-2",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Kofler,

die Wartung ist abgeschlossen: Server und alle drei Firewalls sind aktualisiert und neu gestartet.
Ich habe die Ordinationssoftware an allen drei Standorten gestartet und mich einmal testweise per
Fernzugriff angemeldet, alles läuft. Am Montag früh können Sie ganz normal loslegen.

Schönes Wochenende!
Verena Gstrein

{SIG_VERENA}""")

    # ---- pv-raid: Zabbix alert without recovery, forwarded to the customer; RMA at the distributor
    b.add("pv-raid-1", "pv-raid", at("2026-11-08 03:12"), ZABBIX, [SERVICE], client="zabbix", cte="8bit",
          subject="Problem: PV-SRV01: RAID array degraded (physical disk 1I:1:2 failed)",
          body="""Problem started at 03:12:44 on 2026.11.08
Problem name: PV-SRV01: RAID array degraded (physical disk 1I:1:2 failed)
Host: PV-SRV01 (Praxisverbund Unterinntal, Schwaz)
Severity: High
Operational data: Logical drive 1 (RAID 1): Degraded; physical drive 1I:1:2: Failed
Original problem ID: 40418827

https://zabbix.alpenblick-it.example/tr_events.php?triggerid=30218&eventid=40418827""")
    b.add("pv-raid-2", "pv-raid", at("2026-11-09 09:10"), VERENA, [MARTINA], [SERVICE], reply="pv-raid-1",
          quote="thunderbird_de", client="thunderbird",
          subject="WG: Problem: PV-SRV01: RAID array degraded (physical disk 1I:1:2 failed)",
          body=f"""Hallo Frau Kofler,

zur Info: Im Server in Schwaz ist in der Nacht auf Sonntag eine der beiden gespiegelten
Festplatten ausgefallen (Meldung unten). Der Server läuft ganz normal weiter, aber bis zum Tausch
ohne Reserve. Die Platte ist noch in der Herstellergarantie, ich kümmere mich um den Austausch und
tausche sie im laufenden Betrieb, davon merken Sie nichts.

Liebe Grüße
Verena Gstrein

{SIG_VERENA}""")
    b.add("pv-raid-3", "pv-raid", at("2026-11-09 09:35"), VERENA, [BERGLAND], [SERVICE], reply="pv-raid-2",
          quote="thunderbird_de", client="thunderbird",
          subject="WG: Problem: PV-SRV01: RAID array degraded (physical disk 1I:1:2 failed)",
          body=f"""Hallo Herr Platzer,

bitte um einen Garantietausch (Vorabaustausch) für eine HPE 1,2 TB SAS-Platte aus dem Server
PV-SRV01 unseres Kunden, Seriennummer des Servers CZ2941A7KP, Platte in Schacht 2. Der Server
läuft derzeit ohne Redundanz – können Sie mir bitte einen Liefertermin nennen?

Danke und liebe Grüße
Verena Gstrein

{SIG_VERENA}""")
    b.add("pv-raid-4", "pv-raid", at("2026-11-12 15:05"), BERGLAND, [VERENA], [SERVICE], reply="pv-raid-3",
          quote="outlook_de",
          body=f"""Hallo Frau Gstrein,

der Vorabaustausch ist freigegeben, RMA-Nummer RMA-7731-2026. Die Ersatzplatte ist heute an Ihre
Adresse in Innsbruck rausgegangen (DPD, Sendungsnummer 01505872214412), Zustellung voraussichtlich
Dienstag, 17.11.

Die defekte Platte senden Sie bitte innerhalb von 10 Tagen mit dem beiliegenden Retourenschein
zurück.

Beste Grüße
{SIG_PLATZER}""")

    # ---- pv-jaenner: new assistant from 4 January; we ask three questions, two answered inline
    b.add("pv-jan-1", "pv-jaenner", at("2026-11-10 10:05"), MARTINA, [SERVICE], [LUKAS], charset="windows-1252",
          subject="Neue Ordinationsassistentin Wörgl ab 4. Jänner",
          body=f"""Grüß Gott Herr Pichler,

ab 4. Jänner 2027 fängt in Wörgl Frau Melanie Hörtnagl als Ordinationsassistentin an. Für sie
bräuchten wir bitte:

- Windows-Anmeldung und E-Mail-Adresse
- Zugang zur Ordinationssoftware mit den gleichen Rechten wie Frau Strasser
- ein Headset fürs Telefon

Außerdem sollte der alte PC am Empfang in Wörgl endlich getauscht werden, der braucht in der Früh
zehn Minuten zum Starten. Das könnte man ja gleich mitmachen.

Liebe Grüße
{SIG_MARTINA}""")
    b.add("pv-jan-2", "pv-jaenner", at("2026-11-10 14:30"), LUKAS, [MARTINA], [SERVICE], reply="pv-jan-1",
          quote="outlook_de",
          body=f"""Servus Frau Kofler,

gerne, das richten wir alles bis zum 4. Jänner ein. Drei Fragen hätte ich dazu:

1. Soll Frau Hörtnagl auch Zugriff auf das Befundpostfach bekommen?
2. Welches Headset – wieder das Jabra Evolve wie bei Frau Strasser?
3. Für den neuen Empfangs-PC: Soll der bisherige Bildschirm bleiben, oder brauchen Sie auch einen
neuen?

Das Angebot für den Empfangs-PC schicke ich Ihnen, sobald ich das weiß.

Freundliche Grüße
{SIG_LUKAS}""")
    l2 = b.mails["pv-jan-2"]
    q = l2.text.split("________________________________")[0].rstrip("\n")
    q = q.replace("Befundpostfach bekommen?\n", "Befundpostfach bekommen?\n\n-> Ja, bitte auch das Befundpostfach.\n\n")
    q = q.replace("wie bei Frau Strasser?\n", "wie bei Frau Strasser?\n\n-> Ja, das gleiche.\n\n")
    assert q != l2.text
    b.add("pv-jan-3", "pv-jaenner", at("2026-11-12 11:50"), MARTINA, [LUKAS], [SERVICE], reply="pv-jan-2",
          quote="outlook_de", quoted_override=q + "\n", charset="windows-1252",
          body=f"""Servus Herr Pichler,

meine Antworten stehen unten bei Ihren Fragen.

Liebe Grüße
{SIG_MARTINA}""")

    # ---- pv-eskalation: VPN Wörgl–Schwaz drops, escalated by Dr. Haller; router promised by 13.11.
    b.add("pv-vpn-1", "pv-eskalation", at("2026-10-28 13:20"), PRAXMARER, [SERVICE], [MARTINA],
          subject="Wörgl: Verbindung zum Server bricht ständig ab",
          body=f"""Sehr geehrte Damen und Herren,

bei uns in Wörgl bricht seit einigen Tagen mehrmals täglich die Verbindung zum Server in Schwaz ab.
Die Ordinationssoftware friert dann ein, und wir müssen uns neu anmelden. Was wir bis dahin
eingegeben haben, ist oft weg.

Bitte schauen Sie sich das an.

Mit freundlichen Grüßen
{SIG_PRAXMARER}""")
    b.add("pv-vpn-2", "pv-eskalation", at("2026-10-28 16:05"), FLORIAN, [PRAXMARER], [SERVICE, MARTINA], reply="pv-vpn-1",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Dr. Praxmarer,

der Router in Wörgl verliert die VPN-Verbindung nach Schwaz, wenn der Internetanbieter die
IP-Adresse wechselt, und das passiert bei Ihnen leider auch tagsüber. Ich habe die Einstellungen
so angepasst, dass sich der Tunnel schneller wieder aufbaut. Bitte beobachten Sie das in den
nächsten Tagen.

Beste Grüße
Florian Mair

{SIG_FLORIAN}""")
    b.add("pv-vpn-3", "pv-eskalation", at("2026-11-03 12:10"), PRAXMARER, [FLORIAN], [SERVICE, MARTINA], reply="pv-vpn-2",
          quote="outlook_de",
          body=f"""Sehr geehrter Herr Mair,

leider keine Besserung. Heute Vormittag hatten wir drei Abbrüche, einmal mitten in der
Befundbesprechung.

Mit freundlichen Grüßen
{SIG_PRAXMARER}""")
    b.add("pv-vpn-4", "pv-eskalation", at("2026-11-03 18:45"), HALLER, [LUKAS], [SERVICE, PRAXMARER, MARTINA],
          reply="pv-vpn-3", quote="outlook_de", html_only=True,
          body=f"""Sehr geehrter Herr Pichler,

das Problem in Wörgl zieht sich jetzt seit über zwei Wochen. Die Kolleginnen müssen Befunde doppelt
erfassen, die Patienten warten, und Frau Dr. Praxmarer verliert jeden Tag Zeit. So geht das nicht
weiter.

Ich erwarte, dass das bis Ende nächster Woche dauerhaft gelöst ist. Andernfalls müssen wir über
unseren Wartungsvertrag reden.

Mit freundlichen Grüßen
{SIG_HALLER}""")
    b.add("pv-vpn-5", "pv-eskalation", at("2026-11-04 09:00"), LUKAS, [HALLER], [SERVICE, PRAXMARER, MARTINA, FLORIAN],
          reply="pv-vpn-4", quote="outlook_de",
          body=f"""Sehr geehrter Herr Dr. Haller,

Sie haben völlig recht, das dauert zu lange, und dafür entschuldige ich mich.

Wir lösen das jetzt grundsätzlich: Herr Mair tauscht den Router in Wörgl gegen ein neues Gerät mit
Mobilfunk-Backup, damit der Tunnel auch bei einem IP-Wechsel stehen bleibt. Das Gerät bestellen wir
heute, der Tausch ist bis spätestens Freitag, 13.11., erledigt. Nach dem Tausch melde ich mich
persönlich bei Ihnen.

Freundliche Grüße
{SIG_LUKAS}""")
    b.add("pv-vpn-6", "pv-eskalation", at("2026-11-12 08:10"), PRAXMARER, [LUKAS, FLORIAN], [SERVICE],
          reply="pv-vpn-5", quote="outlook_de",
          body=f"""Guten Morgen,

gibt es schon etwas Neues wegen dem Router? Heute früh hatten wir wieder zwei Abbrüche.

Mit freundlichen Grüßen
{SIG_PRAXMARER}""")

    # ---- pv-info: closing days, for information only
    b.add("pv-info-1", "pv-info", at("2026-11-11 12:15"), MARTINA, [SERVICE], [LUKAS], charset="windows-1252",
          subject="Info: Ordination Schwaz über Weihnachten geschlossen",
          body=f"""Servus zusammen,

nur zur Info: Die Ordination in Schwaz ist von 23.12. bis einschließlich 6. Jänner geschlossen,
Hall und Wörgl haben normal offen. Vertretung für Dr. Haller macht in der Zeit Dr. Unterberger.

Liebe Grüße
{SIG_MARTINA}""")
    b.add("pv-info-2", "pv-info", at("2026-11-11 13:02"), LUKAS, [MARTINA], [SERVICE], reply="pv-info-1",
          quote="outlook_de",
          body=f"""Servus Frau Kofler,

danke, ist bei uns notiert.

Freundliche Grüße
Lukas Pichler""")


def eichenried(b: Box):
    # ---- me-dsgvo: data-protection officer's three requests; two answered, contract pending, follow-up question
    b.add("me-ds-1", "me-dsgvo", at("2026-11-02 10:15"), FENDT, [SERVICE], [KATHARINA, SEIDL],
          subject="Überprüfung Auftragsverarbeitung nach Art. 28 DSGVO – Unterlagen",
          body=f"""Sehr geehrte Damen und Herren,

im Rahmen der jährlichen Überprüfung unserer Auftragsverarbeitungen nach Art. 28 DSGVO bitte ich
Sie um folgende Unterlagen:

1. den aktualisierten Auftragsverarbeitungsvertrag – die Fassung vom März 2026 haben wir
   unterschrieben an Sie geschickt, ein von Ihnen gegengezeichnetes Exemplar liegt uns aber nicht vor;
2. eine aktuelle Liste Ihrer Unterauftragsverarbeiter, mit der Angabe, ob Daten außerhalb der EU
   verarbeitet werden;
3. die aktuelle Beschreibung Ihrer technischen und organisatorischen Maßnahmen.

Ich bitte um Zusendung bis zum 20.11.2026, da mein Bericht an den Marktgemeinderat ansteht.

{SIG_FENDT}""")
    b.add("me-ds-2", "me-dsgvo", at("2026-11-03 14:00"), KATHARINA, [FENDT], [SERVICE, SEIDL], reply="me-ds-1",
          quote="outlook_de", attach=[("Alpenblick_TOM_2026.pdf", PDF), ("Alpenblick_Unterauftragsverarbeiter_2026-11.pdf", PDF)],
          body=f"""Sehr geehrte Frau Fendt,

vielen Dank für Ihre Nachricht.

Die Beschreibung unserer technischen und organisatorischen Maßnahmen (Stand Oktober 2026) und die
aktuelle Liste unserer Unterauftragsverarbeiter finden Sie im Anhang. Eine Verarbeitung außerhalb
der EU findet nicht statt; unser Backup-Rechenzentrum steht in Frankfurt am Main.

Den gegengezeichneten Auftragsverarbeitungsvertrag lege ich unserer Geschäftsführung in Innsbruck
zur Unterschrift vor und sende ihn Ihnen bis zum 20.11. zu.

Mit freundlichen Grüßen
{SIG_KATHARINA}""")
    b.add("me-ds-3", "me-dsgvo", at("2026-11-06 11:30"), FENDT, [KATHARINA], [SERVICE, SEIDL], reply="me-ds-2",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Huber,

vielen Dank für die Unterlagen, die TOM habe ich bereits geprüft.

Eine Rückfrage zur Liste der Unterauftragsverarbeiter: Beim Anbieter des E-Mail-Spamfilters
(„MailSentinel“) ist weder der Sitz des Unternehmens noch der Standort der Server angegeben. Ich
bitte Sie, diese Angaben zu ergänzen.

{SIG_FENDT}""")

    # ---- me-archiv: mailbox full; our question answered as an instruction; done by the stand-in
    b.add("me-arc-1", "me-archiv", at("2026-11-04 08:30"), ZEHETMAIR, [SERVICE],
          subject="Postfach voll – kann keine E-Mails mehr senden",
          body=f"""Guten Morgen,

Outlook meldet seit heute früh, dass mein Postfach voll ist, und ich kann keine E-Mails mehr
versenden. Im Bürgerbüro ist gerade viel los, können Sie bitte helfen?

{SIG_ZEHETMAIR}""")
    b.add("me-arc-2", "me-archiv", at("2026-11-04 09:45"), MATTHIAS, [ZEHETMAIR], [SERVICE, SEIDL], reply="me-arc-1",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Zehetmair,

ich habe Ihr Postfach vorübergehend um 5 GB vergrößert, Sie können wieder senden.

Auf Dauer würde ich die E-Mails vor 2023 in ein Archiv auslagern. Dazu eine Frage an Sie bzw. an
Frau Seidl: Soll das Archiv auf dem Dateiserver EID-FS01 liegen oder auf dem neuen Archivserver
EID-ARC01? Und soll Frau Seidl als Ihre Vertretung ebenfalls Zugriff auf das Archiv bekommen?

Mit freundlichen Grüßen
{SIG_MATTHIAS}""")
    b.add("me-arc-3", "me-archiv", at("2026-11-09 13:10"), SEIDL, [MATTHIAS], [SERVICE, ZEHETMAIR], reply="me-arc-2",
          quote="outlook_de_sep",
          body=f"""Sehr geehrter Herr Reischl,

bitte nehmen Sie dafür den EID-ARC01, der wurde genau dafür angeschafft. Zugriff auf das Archiv
bitte nur für Frau Zehetmair selbst.

{SIG_SEIDL}""")
    b.add("me-arc-4", "me-archiv", at("2026-11-09 13:10"), MATTHIAS, [SEIDL], reply="me-arc-3", refs=True,
          subject="Automatische Antwort: AW: Postfach voll – kann keine E-Mails mehr senden", extra=OOO_DE,
          body="""Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich Freitag, 13.11.2026, im Urlaub. Ihre E-Mail wird nicht weitergeleitet.
In dringenden Fällen wenden Sie sich bitte an meinen Kollegen Stefan Obermaier
(stefan.obermaier@alpenblick-it.example, +49 89 2154 77-17) oder an service@alpenblick-it.example.

Matthias Reischl""")
    b.add("me-arc-5", "me-archiv", at("2026-11-10 16:25"), STEFAN, [SEIDL, ZEHETMAIR], [SERVICE], reply="me-arc-3",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Seidl, sehr geehrte Frau Zehetmair,

Herr Reischl ist diese Woche im Urlaub, deshalb habe ich das übernommen: Die E-Mails bis Ende 2022
liegen jetzt im Archiv auf dem EID-ARC01, nur Frau Zehetmair hat Zugriff darauf. In Outlook sehen
Sie es links als „Archiv Zehetmair“. Das Postfach ist wieder bei 38 % Belegung, die vorübergehende
Erweiterung habe ich zurückgenommen.

Mit freundlichen Grüßen
{SIG_STEFAN}""")
    b.add("me-arc-6", "me-archiv", at("2026-11-11 08:05"), ZEHETMAIR, [STEFAN], [SERVICE, SEIDL], reply="me-arc-5",
          quote="outlook_de",
          body="""Sehr geehrter Herr Obermaier,

ich habe das Archiv gefunden, es ist alles da. Herzlichen Dank!

Monika Zehetmair""")

    # ---- me-beamer: council meeting; visit promised for 18.11.; thanks for the promise
    b.add("me-bea-1", "me-beamer", at("2026-11-05 15:20"), SEIDL, [SERVICE], [KATHARINA],
          subject="Gemeinderatssitzung 19.11. – Beamer und Mikrofonanlage im Sitzungssaal",
          body=f"""Sehr geehrte Damen und Herren,

am Donnerstag, 19.11., um 19 Uhr findet im Sitzungssaal die nächste öffentliche Sitzung des
Marktgemeinderats statt. Bei der letzten Sitzung ging der Beamer über das HDMI-Kabel am Rednerpult
nur mit Aussetzern, und zwei der Tischmikrofone haben gebrummt.

Könnten Sie die Anlage vor der Sitzung bitte prüfen? Außerdem bräuchte Herr Bürgermeister Wallner
für die Sitzung einen Laptop, auf dem die Präsentation des Bauamts zum Baugebiet „Am Mühlbach“
läuft.

{SIG_SEIDL}""")
    b.add("me-bea-2", "me-beamer", at("2026-11-06 10:05"), KATHARINA, [SEIDL], [SERVICE, STEFAN], reply="me-bea-1",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Seidl,

gerne. Herr Obermaier kommt am Mittwoch, 18.11., um 14 Uhr in den Sitzungssaal, prüft Beamer und
Mikrofone und tauscht das HDMI-Kabel am Rednerpult. Einen Leih-Laptop bringt er mit und richtet
ihn vor Ort ein; die Präsentation des Bauamts schicken Sie ihm bitte vorab per E-Mail.

Mit freundlichen Grüßen
{SIG_KATHARINA}""")
    b.add("me-bea-3", "me-beamer", at("2026-11-06 10:31"), SEIDL, [KATHARINA], [SERVICE, STEFAN], reply="me-bea-2",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Huber,

vielen Dank, das hilft uns sehr! Die Präsentation bekommt Herr Obermaier nächste Woche direkt vom
Bauamt.

{SIG_SEIDL}""")

    # ---- me-notebooks: offer promised "bis Mittwoch, 11.11.", not sent, chased by the head of administration
    b.add("me-nb-1", "me-notebooks", at("2026-10-27 09:00"), KASTNER, [KATHARINA], [SERVICE],
          subject="Angebot Notebooks Verwaltung – Haushalt 2027",
          body=f"""Sehr geehrte Frau Huber,

für den Haushalt 2027 benötige ich ein Angebot über acht Notebooks mit Dockingstation und je zwei
Monitoren für die Verwaltung im Erdgeschoss (Ersatz der PCs von 2019), inklusive Einrichtung.

Die Haushaltsberatung im Hauptausschuss ist am 24.11., die Vorlage muss eine Woche vorher raus.

{SIG_KASTNER}""")
    b.add("me-nb-2", "me-notebooks", at("2026-10-28 11:10"), KATHARINA, [KASTNER], [SERVICE], reply="me-nb-1",
          quote="outlook_de",
          body=f"""Sehr geehrter Herr Kastner,

gerne. Ich kläre noch die Lieferzeiten mit unserem Distributor und sende Ihnen das Angebot bis
Mittwoch, 11.11.

Mit freundlichen Grüßen
{SIG_KATHARINA}""")
    b.add("me-nb-3", "me-notebooks", at("2026-11-13 08:40"), KASTNER, [KATHARINA], [SERVICE], reply="me-nb-2",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Huber,

gibt es schon etwas Neues zum Angebot? Ich brauche es spätestens am Dienstag, 17.11., sonst bekomme
ich die Notebooks nicht mehr in die Haushaltsvorlage.

{SIG_KASTNER}""")

    # ---- me-kasse: our question to the treasury; the customer's out-of-office names a stand-in
    b.add("me-kas-1", "me-kasse", at("2026-11-09 15:00"), MATTHIAS, [FISCHBACHER], [SERVICE],
          subject="Alte Kassen-PCs der Kämmerei – Entsorgung der Festplatten",
          body=f"""Sehr geehrter Herr Fischbacher,

die beiden ausgetauschten Kassen-PCs der Kämmerei stehen noch bei uns im Lager. Sollen wir die
Festplatten zertifiziert vernichten lassen (mit Vernichtungsprotokoll, ca. 25 € je Gerät), oder
möchten Sie die Festplatten selbst aufbewahren?

Mit freundlichen Grüßen
{SIG_MATTHIAS}""")
    b.add("me-kas-2", "me-kasse", at("2026-11-09 15:01"), FISCHBACHER, [MATTHIAS], reply="me-kas-1", refs=True,
          subject="Abwesenheitsnotiz: Alte Kassen-PCs der Kämmerei – Entsorgung der Festplatten", extra=OOO_DE,
          body="""Sehr geehrte Damen und Herren,

ich bin bis einschließlich 20.11.2026 nicht im Haus. In dringenden Angelegenheiten der Kämmerei
wenden Sie sich bitte an Frau Theresa Lindner, Tel. 08121 4470-42.

Mit freundlichen Grüßen
Andreas Fischbacher""")

    # ---- me-drucker: fixed, thanks that closes it
    b.add("me-dr-1", "me-drucker", at("2026-11-03 08:15"), ZEHETMAIR, [SERVICE],
          subject="Drucker Bürgerbüro druckt leere Seiten",
          body=f"""Guten Morgen,

der Drucker im Bürgerbüro druckt seit heute früh bei Meldebescheinigungen aus dem Fachverfahren nur
leere Seiten. Andere Dokumente aus Word gehen. Wir haben heute Vormittag Bürgersprechstunde.

{SIG_ZEHETMAIR}""")
    b.add("me-dr-2", "me-drucker", at("2026-11-03 10:20"), STEFAN, [ZEHETMAIR], [SERVICE], reply="me-dr-1",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Zehetmair,

nach dem Windows-Update vom Wochenende hatte der Terminalserver einen falschen Druckertreiber. Ich
habe den Treiber für den Drucker im Bürgerbüro ersetzt. Bitte drucken Sie eine Meldebescheinigung
testweise aus.

Mit freundlichen Grüßen
{SIG_STEFAN}""")
    b.add("me-dr-3", "me-drucker", at("2026-11-03 10:48"), ZEHETMAIR, [STEFAN], [SERVICE], reply="me-dr-2",
          quote="outlook_de",
          body="""Funktioniert wieder einwandfrei, vielen Dank für die schnelle Hilfe!

Monika Zehetmair""")

    # ---- me-info: forwarded notice of the municipal data centre, for information only
    b.add("me-inf-1", "me-info", at("2026-11-12 09:20"), SEIDL, [SERVICE], [KATHARINA],
          subject="WG: Ankündigung: Zertifikatswechsel Behördennetz am 28.11.2026",
          body=f"""Sehr geehrte Damen und Herren,

zur Kenntnis. Laut Rechenzentrum ist auf unserer Seite nichts zu tun.

{SIG_SEIDL}

-----Ursprüngliche Nachricht-----
Von: Kommunales Rechenzentrum Oberbayern <kundeninfo@krz-oberbayern.example>
Gesendet: Mittwoch, 11. November 2026 16:02
An: EDV Markt Eichenried
Betreff: Ankündigung: Zertifikatswechsel Behördennetz am 28.11.2026

Sehr geehrte Kundinnen und Kunden,

am Samstag, 28.11.2026, tauschen wir zwischen 6 und 9 Uhr die Zertifikate der zentralen
Zugangspunkte zum Behördennetz. Die Umstellung erfolgt automatisch; für angeschlossene Kommunen
besteht kein Handlungsbedarf. Während der Umstellung kann es zu kurzen Unterbrechungen kommen.

Ihr Kommunales Rechenzentrum Oberbayern""")


def corrib(b: Box):
    # ---- cc-build: osTicket ticket assigned to us (with the engineer's text), fixed, closed notice without comment
    n1 = "104218"
    b.add("cc-build-1", "cc-build", at("2026-11-03 09:12", TZ_UK), OSTICKET, [SERVICE], client="osticket",
          subject=f"[#{n1}] Build server out of disk space", extra={"Auto-Submitted": "auto-generated"},
          body=f"""Alpenblick IT-Service,

Ticket #{n1} has been assigned to you by Siobhán Kelly.

From: Conor Fahy <conor.fahy@corribcode.example>
Subject: Build server out of disk space
Priority: High · Department: IT

CI builds have been failing on CRB-BUILD01 since last night with "No space left on device". Can you
clear it up today? We're cutting the 4.2 release on Thursday.

Conor
{OSTICKET_FOOT.format(n=n1)}""")
    b.add("cc-build-2", "cc-build", at("2026-11-03 11:30", TZ_UK), NIAMH, [OSTICKET], [SERVICE, CONOR], reply="cc-build-1",
          quote="outlook_en", subject=f"RE: [#{n1}] Build server out of disk space",
          body=f"""Hi Conor,

I've freed about 180 GB on CRB-BUILD01 (old Docker images and stale build caches) and restarted the
runner; your pipeline from 11:05 went through green. I've also added a nightly clean-up job so it
doesn't fill up again before the release.

Kind regards,
Niamh

{SIG_NIAMH}""")
    b.add("cc-build-3", "cc-build", at("2026-11-03 16:40", TZ_UK), OSTICKET, [SERVICE], client="osticket",
          subject=f"[#{n1}] Ticket closed: Build server out of disk space", extra={"Auto-Submitted": "auto-generated"},
          body=f"""Ticket #{n1} has been closed by Siobhán Kelly.

Status: Closed · Resolution: Fixed
{OSTICKET_FOOT.format(n=n1)}""")

    # ---- cc-laptop: new starter; notice with a person's comment; our question answered in an update notice
    n2 = "104305"
    b.add("cc-lap-1", "cc-laptop", at("2026-11-09 10:05", TZ_UK), OSTICKET, [SERVICE], client="osticket",
          subject=f"[#{n2}] New starter – laptop and accounts for Aoife Nolan", extra={"Auto-Submitted": "auto-generated"},
          body=f"""Alpenblick IT-Service,

A new ticket #{n2} has been assigned to you.

Siobhán Kelly wrote:
Aoife Nolan joins the backend team on Monday 23 November. Please have a ThinkPad ready with the
standard developer image, her Microsoft 365 account and the GitHub org invite by Friday 20th, so I
can hand everything over on her first morning.

Priority: Normal · Department: IT · Due: 2026-11-20
{OSTICKET_FOOT.format(n=n2)}""")
    b.add("cc-lap-2", "cc-laptop", at("2026-11-09 14:50", TZ_UK), NIAMH, [OSTICKET], [SERVICE, SIOBHAN], reply="cc-lap-1",
          quote="outlook_en", subject=f"RE: [#{n2}] New starter – laptop and accounts for Aoife Nolan",
          body=f"""Hi Siobhán,

we have a ThinkPad T14 in stock for Aoife. I'll image it this week and have the laptop, her
Microsoft 365 account and the GitHub invite ready by Friday 20 November.

One question: should she get access to the production AWS account like the rest of the backend
team, or only to staging for now?

Kind regards,
Niamh

{SIG_NIAMH}""")
    b.add("cc-lap-3", "cc-laptop", at("2026-11-10 09:20", TZ_UK), OSTICKET, [SERVICE], client="osticket",
          subject=f"[#{n2}] Ticket updated: New starter – laptop and accounts for Aoife Nolan",
          extra={"Auto-Submitted": "auto-generated"},
          body=f"""Ticket #{n2} has been updated.

Siobhán Kelly posted a reply:
Staging only for the first month, please. Darragh will decide on production after her first review.
Thanks Niamh!
{OSTICKET_FOOT.format(n=n2)}""")

    # ---- cc-wifi: meeting-room Wi-Fi; fix attempt, CTO escalates with a deadline, take-over, partial fix
    b.add("cc-wifi-1", "cc-wifi", at("2026-11-04 11:00", TZ_UK), CONOR, [SERVICE], [SIOBHAN], client="gmail",
          subject="Wi-Fi in the Aran room keeps dropping",
          body=f"""Hi folks,

Teams calls in the big meeting room (the Aran room) keep freezing – the laptops drop off the Wi-Fi
every few minutes and reconnect. Everywhere else in the office it's fine. Could someone have a
look?

Thanks,
{SIG_CONOR}""")
    b.add("cc-wifi-2", "cc-wifi", at("2026-11-04 15:20", TZ_UK), EOIN, [CONOR], [SERVICE, SIOBHAN], reply="cc-wifi-1",
          quote="thunderbird_en", client="thunderbird",
          body=f"""Hi Conor,

the access point in the Aran room was on the same channel as the network of the office next door.
I've moved it to a free channel and lowered the transmit power a bit. Can you let me know how
tomorrow's calls go?

Cheers,
Eoin

{SIG_EOIN}""")
    b.add("cc-wifi-3", "cc-wifi", at("2026-11-09 09:40", TZ_UK), DARRAGH, [CIARAN], [SERVICE, SIOBHAN, CONOR],
          reply="cc-wifi-2", quote="gmail_en", client="gmail",
          body=f"""Ciarán,

this still isn't fixed – we dropped out of a call with one of our investors twice this morning.

We have the Series A demo in that room on Wednesday 18 November. I need the Wi-Fi there to be solid
by Tuesday 17th at the latest, otherwise we'll have to rent a room in town. Please treat this as a
priority.

Darragh
{SIG_DARRAGH}""")
    b.add("cc-wifi-4", "cc-wifi", at("2026-11-09 11:05", TZ_UK), CIARAN, [DARRAGH], [SERVICE, SIOBHAN, NIAMH],
          reply="cc-wifi-3", quote="outlook_en",
          body=f"""Hi Darragh,

understood, and apologies that it's dragged on. Eoin is away this week, so Niamh Doyle is taking
this over from today. She'll be on site on Thursday 12 November to add a second access point to the
Aran room and run a proper survey, and we'll confirm to you by Tuesday 17th that the room is solid.

Best regards,
Ciarán

{SIG_CIARAN}""")
    b.add("cc-wifi-5", "cc-wifi", at("2026-11-12 17:30", TZ_UK), NIAMH, [DARRAGH, SIOBHAN], [SERVICE, CIARAN],
          reply="cc-wifi-4", quote="outlook_en",
          body=f"""Hi Darragh, hi Siobhán,

I installed a second access point in the Aran room today and ran a survey: coverage and roaming
look clean now, no drops in two hours of testing. Before the demo I'd like to do a 30-minute test
call with someone from your side on Monday morning – could you nominate someone?

Kind regards,
Niamh

{SIG_NIAMH}""")
    b.add("cc-wifi-6", "cc-wifi", at("2026-11-13 08:15", TZ_UK), SIOBHAN, [NIAMH], [SERVICE, DARRAGH, CIARAN],
          reply="cc-wifi-5", quote="outlook_en",
          body=f"""Thanks Niamh! I'll do the test call with you myself – Monday at 10:00 works for me.

Siobhán

{SIG_SIOBHAN}""")

    # ---- cc-cert: forwarded CA notice; answered, renewed and deployed
    b.add("cc-cert-1", "cc-cert", at("2026-11-10 12:00", TZ_UK), SIOBHAN, [SERVICE], quote=None,
          subject="FW: Your SSL certificate for api.corribcode.example expires in 21 days",
          body=f"""Hi,

got this from SecureTrust – is this one of yours? Do we need to do anything?

Siobhán

{SIG_SIOBHAN}
________________________________
From: SecureTrust CA <expiry@securetrust-ca.example>
Sent: Tuesday, 10 November 2026 06:00
To: Siobhán Kelly <siobhan.kelly@corribcode.example>
Subject: Your SSL certificate for api.corribcode.example expires in 21 days

Dear customer,

the certificate for api.corribcode.example (OV, order 88-431927) expires on 01 December 2026.
Renew now to avoid browser warnings for your visitors.

SecureTrust CA""")
    b.add("cc-cert-2", "cc-cert", at("2026-11-10 15:35", TZ_UK), NIAMH, [SIOBHAN], [SERVICE], reply="cc-cert-1",
          quote="outlook_en",
          body=f"""Hi Siobhán,

yes, that's ours – it's the certificate on the API load balancer. Nothing to do on your side; I'll
renew it this week.

Kind regards,
Niamh

{SIG_NIAMH}""")
    b.add("cc-cert-3", "cc-cert", at("2026-11-12 10:10", TZ_UK), NIAMH, [SIOBHAN], [SERVICE], reply="cc-cert-2",
          quote="outlook_en",
          body=f"""Hi Siobhán,

done: the new certificate for api.corribcode.example is deployed on the load balancer and valid
until December 2027. You can ignore any further reminders from SecureTrust for the old one.

Kind regards,
Niamh

{SIG_NIAMH}""")

    # ---- cc-licences: our questions before the renewal; chased by us; no answer yet
    b.add("cc-lic-1", "cc-licences", at("2026-10-29 14:00", TZ_UK), CIARAN, [SIOBHAN], [SERVICE],
          subject="Microsoft 365 renewal on 1 December – two questions",
          body=f"""Hi Siobhán,

your Microsoft 365 subscription renews on 1 December. Before I place the order, two questions:

1. Do you want to keep all 4 Visio licences? Only one of them has been used in the last 90 days.
2. Should I already include the three new hires you're planning for Q1, or add them when they start?

Best regards,
Ciarán

{SIG_CIARAN}""")
    b.add("cc-lic-2", "cc-licences", at("2026-11-06 10:00", TZ_UK), CIARAN, [SIOBHAN], [SERVICE], reply="cc-lic-1",
          quote="outlook_en",
          body=f"""Hi Siobhán,

just bumping this one – I'd need your answer by Friday 20 November so the renewal goes through on
time.

Best regards,
Ciarán

{SIG_CIARAN}""")

    # ---- cc-office: for information only
    b.add("cc-off-1", "cc-office", at("2026-11-11 16:00", TZ_UK), SIOBHAN, [SERVICE], [CIARAN],
          subject="Office closed Friday 13 November (team offsite)",
          body=f"""Hi all,

just so you know: the Galway office will be closed on Friday 13 November for our team offsite in
Westport. Nobody will be in, so please don't plan anything on site that day. Back to normal on
Monday.

Siobhán

{SIG_SIOBHAN}""")

    # ---- cc-zabbix: alert and recovery (routed by host name)
    b.add("cc-zbx-1", "cc-zabbix", at("2026-11-07 22:41", TZ_UK), ZABBIX, [SERVICE], client="zabbix", cte="8bit",
          subject="Problem: CRB-NAS01: Nightly backup job failed",
          body="""Problem started at 23:41:02 on 2026.11.07
Problem name: CRB-NAS01: Nightly backup job failed
Host: CRB-NAS01 (Corrib Code, Galway)
Severity: Average
Operational data: Hyper Backup task "offsite-b2": failed (destination unreachable)
Original problem ID: 40417102

https://zabbix.alpenblick-it.example/tr_events.php?triggerid=31544&eventid=40417102""")
    b.add("cc-zbx-2", "cc-zabbix", at("2026-11-08 03:15", TZ_UK), ZABBIX, [SERVICE], client="zabbix", cte="8bit",
          subject="Resolved in 3h 34m: CRB-NAS01: Nightly backup job failed",
          body="""Problem has been resolved at 04:15:37 on 2026.11.08
Problem name: CRB-NAS01: Nightly backup job failed
Problem duration: 3h 34m 35s
Host: CRB-NAS01 (Corrib Code, Galway)
Severity: Average
Operational data: Hyper Backup task "offsite-b2": succeeded (retry 2)
Original problem ID: 40417102

https://zabbix.alpenblick-it.example/tr_events.php?triggerid=31544&eventid=40417102""")


def prairie(b: Box):
    # ---- pl-printer: fixed, thanks that closes it
    b.add("pl-prn-1", "pl-printer", at("2026-11-03 09:10", TZ_US), TOMAS, [SERVICE], client="gmail",
          subject="Tutoring room printer offline",
          body=f"""Hi,

the Brother printer in the tutoring room shows "offline" on every laptop since Monday morning. I
already turned it off and on again. Can you help? We print a lot of worksheets for the evening
classes.

Thanks,
{SIG_TOMAS}""")
    b.add("pl-prn-2", "pl-printer", at("2026-11-03 13:25", TZ_US), PRIYA, [TOMAS], [SERVICE], reply="pl-prn-1",
          quote="gmail_en", client="gmail",
          body=f"""Hi Tomás,

the printer picked up a new IP address after the router restarted over the weekend, so the laptops
were looking for it in the wrong place. I gave it a fixed address and re-added it on the five
tutoring laptops remotely. Could you print a test page from one of them?

Best,
{SIG_PRIYA}""")
    b.add("pl-prn-3", "pl-printer", at("2026-11-03 14:02", TZ_US), TOMAS, [PRIYA], [SERVICE], reply="pl-prn-2",
          quote="gmail_en", client="gmail",
          body="""Test page printed from all five. Thanks so much, that did it!

Tomás""")

    # ---- pl-gala: gala on 11/21; laptops promised for 11/19 and on-call that night; thanks for the promise
    b.add("pl-gala-1", "pl-gala", at("2026-11-04 11:30", TZ_US), JENNA, [SERVICE], [MEGAN], client="gmail",
          subject="Lantern Night gala 11/21 – tech for check-in",
          body=f"""Hi team,

our annual Lantern Night gala is on Saturday 11/21 at the Riverside Event Center. For guest check-in
and the silent auction we'll need:

- 3 laptops with the Givebutter check-in page
- a mobile hotspot, because the venue Wi-Fi was a disaster last year
- someone we can call that evening if something breaks

Can you help us with that?

Thanks!
{SIG_JENNA}""")
    b.add("pl-gala-2", "pl-gala", at("2026-11-05 09:10", TZ_UK), MEGAN, [JENNA], [SERVICE, PRIYA], reply="pl-gala-1",
          quote="outlook_en",
          body=f"""Hi Jenna,

absolutely. Priya will set up three loaner laptops with the check-in page and a 5G hotspot and drop
them off at your office on Thursday 11/19. On the evening of 11/21 Priya is on call from 5 to 11 PM;
her cell number will be on the handover sheet she brings with the laptops.

Best,
Megan

{SIG_MEGAN}""")
    b.add("pl-gala-3", "pl-gala", at("2026-11-05 07:40", TZ_US), JENNA, [MEGAN], [SERVICE, PRIYA], reply="pl-gala-2",
          quote="gmail_en", client="gmail",
          body="""Perfect, thank you both! That takes a big worry off my plate.

Jenna""")

    # ---- pl-workspace: comparison promised "by Friday 11/6", not sent; "any news?" from the ED's phone
    b.add("pl-ws-1", "pl-workspace", at("2026-11-02 10:00", TZ_US), LINDA, [MEGAN], [SERVICE], client="gmail",
          subject="Google Workspace for Nonprofits – cost comparison",
          body=f"""Hi Megan,

the board liked the idea of moving everyone to Google Workspace for Nonprofits (Business Standard)
instead of our current mix. Could you put together a cost comparison against what we pay today and
a rough migration plan? I'd like to present it to the finance committee on 11/17.

Thanks,
Linda

{SIG_LINDA}""")
    b.add("pl-ws-2", "pl-workspace", at("2026-11-02 20:30", TZ_UK), MEGAN, [LINDA], [SERVICE], reply="pl-ws-1",
          quote="outlook_en",
          body=f"""Hi Linda,

happy to. I'll send you the cost comparison and a draft migration plan by Friday 11/6, so you have
time to look at it before the committee.

Best,
Megan

{SIG_MEGAN}""")
    b.add("pl-ws-3", "pl-workspace", at("2026-11-12 08:45", TZ_US), LINDA, [MEGAN], [SERVICE], reply="pl-ws-2",
          quote="iphone_en", client="iphone",
          body="""Hi Megan – any news on the Workspace comparison? Finance committee is Tuesday. Thx

Linda

Sent from my iPhone""")

    # ---- pl-phish: forwarded suspicious mail from a phone; answered
    b.add("pl-ph-1", "pl-phish", at("2026-11-05 16:20", TZ_US), MARCUS, [SERVICE], client="iphone",
          subject="Fwd: Linda Sorensen sent you a document to review and sign",
          body="""Is this legit?? Didn't expect anything from Linda

Sent from my iPhone

Begin forwarded message:

From: DocuSign <dse@docusign-secure-mail.example>
Date: November 5, 2026 at 3:58:12 PM CST
To: marcus@prairielantern.example
Subject: Linda Sorensen sent you a document to review and sign

Linda Sorensen sent you a document to review and sign.
REVIEW DOCUMENT: https://docusign-secure-mail.example/e/9f3a1c
This message was sent to you by Linda Sorensen who is using the DocuSign Electronic Signature Service.""")
    b.add("pl-ph-2", "pl-phish", at("2026-11-05 16:55", TZ_US), PRIYA, [MARCUS], [SERVICE], reply="pl-ph-1",
          quote="gmail_en", client="gmail",
          body=f"""Hi Marcus,

no, that's phishing: the sender isn't DocuSign and the link goes to a fake Google sign-in page.
Please delete it and don't click anything. I've blocked the sender domain for the whole
organization, and nobody else has clicked it.

Best,
{SIG_PRIYA}""")
    b.add("pl-ph-3", "pl-phish", at("2026-11-05 17:01", TZ_US), MARCUS, [PRIYA], [SERVICE], reply="pl-ph-2",
          quote="iphone_en", client="iphone",
          body="""Deleted 👍 thx

Sent from my iPhone""")

    # ---- pl-zabbix: alert and recovery
    b.add("pl-zbx-1", "pl-zabbix", at("2026-11-08 02:05", TZ_US), ZABBIX_US, [SERVICE], client="zabbix", cte="8bit",
          subject="Problem: PL-NAS01: Unavailable by ICMP ping",
          body="""Problem started at 09:05:11 on 2026.11.08
Problem name: PL-NAS01: Unavailable by ICMP ping
Host: PL-NAS01 (Prairie Lantern, Minneapolis)
Severity: High
Operational data: Down (0)
Original problem ID: 40418301

https://zabbix.alpenblick-it.example/tr_events.php?triggerid=32107&eventid=40418301""")
    b.add("pl-zbx-2", "pl-zabbix", at("2026-11-08 02:47", TZ_US), ZABBIX_US, [SERVICE], client="zabbix", cte="8bit",
          subject="Resolved in 42m: PL-NAS01: Unavailable by ICMP ping",
          body="""Problem has been resolved at 09:47:30 on 2026.11.08
Problem name: PL-NAS01: Unavailable by ICMP ping
Problem duration: 42m 19s
Host: PL-NAS01 (Prairie Lantern, Minneapolis)
Severity: High
Operational data: Up (1)
Original problem ID: 40418301

https://zabbix.alpenblick-it.example/tr_events.php?triggerid=32107&eventid=40418301""")

    # ---- pl-volunteers: our request to the customer, no answer yet
    b.add("pl-vol-1", "pl-volunteers", at("2026-11-09 11:00", TZ_US), PRIYA, [TOMAS], [SERVICE, JENNA], client="gmail",
          subject="Inactive volunteer accounts – fall clean-up",
          body=f"""Hi Tomás,

as part of the fall clean-up: 14 volunteer accounts haven't signed in since June. Could you send me
the names of the volunteers who are still active? I'll suspend the rest. No rush, but before
Thanksgiving would be great.

Thanks,
{SIG_PRIYA}""")

    # ---- pl-chromebooks: grant Chromebooks; our two questions answered top-posted; setup open
    b.add("pl-cb-1", "pl-chromebooks", at("2026-11-10 10:20", TZ_US), JENNA, [PRIYA], [SERVICE], client="gmail",
          subject="10 Chromebooks for the adult learners program",
          body=f"""Hi Priya,

great news – we got a grant for 10 Chromebooks for the adult learners program! Could you enroll
them in our Google admin console and set them up with the ReadWorks app? They should arrive next
week.

Jenna

{SIG_JENNA}""")
    b.add("pl-cb-2", "pl-chromebooks", at("2026-11-10 13:40", TZ_US), PRIYA, [JENNA], [SERVICE], reply="pl-cb-1",
          quote="gmail_en", client="gmail",
          body=f"""Hi Jenna,

congratulations, that's great news! Two questions before I order the Chrome Education Upgrade
licenses:

1. Should the Chromebooks only work on the learning center Wi-Fi, or may learners take them home?
2. Should learners sign in with their own account, or use a shared guest profile?

Best,
{SIG_PRIYA}""")
    b.add("pl-cb-3", "pl-chromebooks", at("2026-11-11 09:05", TZ_US), JENNA, [PRIYA], [SERVICE], reply="pl-cb-2",
          quote="gmail_en", client="gmail",
          body="""They stay in the center, no take-home. And a shared guest profile please – most of our learners don't
have an email address. Thanks!

Jenna""")


def nobody(b: Box):
    b.add("junk-news-1", "junk-newsletter", at("2026-11-05 06:00"), GIPFEL, [SERVICE], client="plain",
          subject="Gipfel Partner-News November: Herbstaktion Notebooks & Server",
          extra={"Precedence": "bulk", "List-Unsubscribe": "<https://mailing.gipfel-distribution.example/unsub?p=55190>",
                 "List-Id": "Gipfel Partner-News <partner-news.gipfel-distribution.example>"},
          body="""Liebe Partnerinnen und Partner,

im November gibt es bei Gipfel Distribution die Herbstaktion: 8 % Partnerrabatt auf ausgewählte
Business-Notebooks und Tower-Server, gültig bis 30.11.2026. Einfach bei der Bestellung den Code
HERBST26 angeben.

Neu im Sortiment: USV-Anlagen für Arztpraxen und Kanzleien – jetzt mit 5 Jahren Vor-Ort-Garantie.
Melden Sie sich außerdem zum Partner-Webinar „Microsoft 365 Copilot für KMU“ am 26.11. an.

Ihr Gipfel-Partnerteam

Sie erhalten diesen Newsletter, weil Sie als Partner registriert sind. Abmelden:
https://mailing.gipfel-distribution.example/unsub?p=55190""")
    b.add("junk-phish-1", "junk-phish", at("2026-11-10 03:12"), PHISH, [SERVICE], client="plain",
          subject="Ihr Postfach service@alpenblick-it.example ist zu 98 % voll",
          body="""Sehr geehrter Benutzer,

Ihr Postfach service@alpenblick-it.example hat 98 % des Speicherplatzes erreicht. Eingehende
Nachrichten werden in Kürze abgewiesen. Geben Sie jetzt kostenlos zusätzlichen Speicher frei, indem
Sie Ihr Konto innerhalb von 12 Stunden bestätigen:

https://outlook-quota-center.example/verify?u=service

Microsoft Outlook Team""")
    b.add("junk-sales-1", "junk-sales", at("2026-11-03 10:05", TZ_US), BRETT, [SERVICE], client="gmail",
          subject="Alpenblick + TicketPilot?",
          body="""Hi there,

I noticed Alpenblick IT-Service runs a shared service mailbox for several customers. TicketPilot AI
reads that mailbox and drafts first replies for your engineers in seconds – MSPs like yours cut
their response times by 40%.

Would you have 20 minutes next week for a quick demo?

Best,
Brett Lawson
Senior Account Executive, TicketPilot AI""")
    b.add("junk-sales-2", "junk-sales", at("2026-11-10 09:40", TZ_US), BRETT, [SERVICE], client="gmail",
          reply="junk-sales-1", quote="gmail_en",
          body="""Hi again – just bumping this to the top of your inbox. Would 20 minutes on Thursday work instead?

Brett""")
    b.add("junk-internal-1", "junk-internal", at("2026-11-05 07:10"), VERENA, [LUKAS], [FLORIAN, SERVICE],
          client="thunderbird", subject="Bin krank",
          body="""Servus miteinand,

mich hat's erwischt (Magen-Darm), ich bin voraussichtlich bis Freitag daheim.

Lukas, kannst du bitte schauen, dass jemand das Lesegerät in Hall übernimmt? Die Sandra hat sich
heute früh schon wieder gemeldet. Der Rest kann bis Montag warten.

Verena""")
    b.add("junk-internal-2", "junk-internal", at("2026-11-05 07:34"), LUKAS, [VERENA], [FLORIAN, SERVICE],
          reply="junk-internal-1", quote="outlook_de",
          body="""Gute Besserung! Florian übernimmt Hall, ich sag's der Frau Rainer.

Lukas""")


# ==================================================================================== build
def build(path: str) -> list[dict]:
    b = Box()
    for part in (praxisverbund, eichenried, corrib, prairie, nobody):
        part(b)
    return b.write(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scenario.py DIR")
    man = build(sys.argv[1])
    Path(sys.argv[1].rstrip("/") + ".manifest.json").write_text(json.dumps(man, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(man)} messages, {len({m['thread'] for m in man})} threads -> {sys.argv[1]}")
