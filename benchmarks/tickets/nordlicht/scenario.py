#!/usr/bin/env python3
"""Held-out mailbox for mailsum (heldout3): two and a half weeks of service mail of an IT service provider.

Nordlicht Systemhaus GmbH (team domain ``nordlicht-it.example``; Bremen, with a Manchester office)
and four customers: Hollmann + Partner Architekten (architecture office, Bremen), Kück Logistik
(regional logistics company with its own warehouse scanners and its own ticket system), Weaver
Valley Learning Trust (UK multi-academy trust using Zendesk) and Calloway Prentiss LLP (Chicago
law firm), plus a few mails that belong to no customer. Mail from Tue 10.11.2026 to Wed 25.11.2026,
everything in the shared mailbox ``service@nordlicht-it.example`` (staff replies and their
auto-replies are journaled there too). Scored as of Thursday 26.11.2026 07:10 Europe/Berlin.

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

TZ_DE = timezone(timedelta(hours=1))
TZ_UK = timezone.utc
TZ_US = timezone(timedelta(hours=-6))   # Chicago, CST

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
    display: str | None = None     # the From display name, when it differs ("Lechner, Sabine")
    tz: timezone = TZ_DE

    @property
    def disp(self) -> str:
        return self.display if self.display is not None else self.name

    def address(self) -> Address:
        local, _, dom = self.addr.partition("@")
        return Address(self.disp, local, dom)

    def fmt(self) -> str:
        return f"{self.disp} <{self.addr}>"




SERVICE = P("Nordlicht Service", "service@nordlicht-it.example", "Nordlicht Systemhaus Service")

# our people (Bremen)
FRAUKE = P("Frauke Meyerdierks", "frauke.meyerdierks@nordlicht-it.example")
HENNING = P("Henning Tietjen", "henning.tietjen@nordlicht-it.example")
TIMO = P("Timo Lüders", "timo.lueders@nordlicht-it.example")
SVENJA = P("Svenja Ahrens", "svenja.ahrens@nordlicht-it.example")
OKAN = P("Okan Yıldız", "okan.yildiz@nordlicht-it.example")
# Manchester
RACHEL = P("Rachel Hughes", "rachel.hughes@nordlicht-it.example", tz=TZ_UK)
LIAM = P("Liam Doyle", "liam.doyle@nordlicht-it.example", tz=TZ_UK)
AISHA = P("Aisha Patel", "aisha.patel@nordlicht-it.example", tz=TZ_UK)
AISHA_US = P("Aisha Patel", "aisha.patel@nordlicht-it.example", tz=TZ_US)   # writes to Chicago in US style
RACHEL_US = P("Rachel Hughes", "rachel.hughes@nordlicht-it.example", tz=TZ_US)
ZABBIX = P("Zabbix", "zabbix@monitoring.nordlicht-it.example", "Nordlicht Monitoring (Zabbix)")

# Hollmann + Partner Architekten PartGmbB, Bremen
ANTJE = P("Antje Wessels", "a.wessels@hollmann-architekten.example", "Wessels, Antje")
JANH = P("Jan-Hendrik Hollmann", "jh.hollmann@hollmann-architekten.example")
MERLE = P("Merle Brinkmann", "m.brinkmann@hollmann-architekten.example", "Brinkmann, Merle")
SYNOLOGY = P("HP-NAS01", "nas01@hollmann-architekten.example", "Synology HP-NAS01")
PLOTSERVICE = P("Jörg Kruse", "j.kruse@plotservice-nord.example")

# Kück Logistik GmbH, Delmenhorst
DIRK = P("Dirk Bosse", "d.bosse@kueck-logistik.example", "Bosse, Dirk")
HEIKE = P("Heike Stührmann", "h.stuehrmann@kueck-logistik.example", "Stührmann, Heike")
RAINER = P("Rainer Kück", "r.kueck@kueck-logistik.example", "Kück, Rainer")
KL_DESK = P("Kück IT-Helpdesk", "helpdesk@kueck-logistik.example", "Kück IT-Helpdesk")
LOGISOFT = P("LogiSoft Support", "support@logisoft-erp.example", "LogiSoft Support")

# Weaver Valley Learning Trust, Cheshire
GARETH = P("Gareth Ellison", "g.ellison@weavervalley.example", tz=TZ_UK)
HELEN = P("Helen Marsh", "h.marsh@brookfield.weavervalley.example", tz=TZ_UK)
PRIYA = P("Priya Sandhu", "head@brookfield.weavervalley.example", "Mrs P Sandhu (Headteacher)", tz=TZ_UK)
TOM = P("Tom Fairclough", "t.fairclough@northwich.weavervalley.example", tz=TZ_UK)
ORMEROD = P("David Ormerod", "ceo@weavervalley.example", "David Ormerod (CEO)", tz=TZ_UK)
ZENDESK = P("Weaver Valley IT Support", "support@weavervalley.zendesk.com", tz=TZ_UK)
EDUTECH = P("Karen Whitlow", "karen.whitlow@edutech-supplies.example", tz=TZ_UK)

# Calloway Prentiss LLP, Chicago
DONNA = P("Donna Reyes", "dreyes@callowayprentiss.example", "Reyes, Donna", tz=TZ_US)
MARK = P("Mark Calloway", "mcalloway@callowayprentiss.example", "Calloway, Mark", tz=TZ_US)
JENNA = P("Jenna Whitaker", "jwhitaker@callowayprentiss.example", "Whitaker, Jenna", tz=TZ_US)
KEVIN = P("Kevin O'Brien", "kobrien@callowayprentiss.example", "O'Brien, Kevin", tz=TZ_US)

# nobody's
NORDCOM = P("Nordcom Distribution", "news@mailing.nordcom-distribution.example", "Nordcom Distribution GmbH")
PHISH = P("DHL Paket", "noreply@dhl-sendungsverfolgung.example", "DHL Paket Benachrichtigung")
CLOSER = P("Brett Lawson", "brett@securepath-pentest.example", tz=TZ_UK)


# ------------------------------------------------------------------------------------ signatures
def sig_de(name, role, ext, addr, mobile=None):
    mob = f" · Mobil {mobile}" if mobile else ""
    return (f"{name}\n{role}\n\nNordlicht Systemhaus GmbH\nAm Speicher XI 4 · 28217 Bremen\n"
            f"Tel. +49 421 6944 71-{ext}{mob} · {addr}\n"
            "Geschäftsführung: Wiebke Rolfs, Arne Focken · Amtsgericht Bremen HRB 33417 HB\n")


SIG_FRAUKE = sig_de("Frauke Meyerdierks", "Kundenbetreuung", "10", FRAUKE.addr, "+49 151 5550 2291")
SIG_HENNING = sig_de("Henning Tietjen", "Kundenbetreuung", "11", HENNING.addr)
SIG_TIMO = "-- \n" + sig_de("Timo Lüders", "Systemtechnik", "22", TIMO.addr)
SIG_SVENJA = sig_de("Svenja Ahrens", "Systemtechnik", "24", SVENJA.addr)
SIG_OKAN = sig_de("Okan Yıldız", "Netzwerk & Firewall", "27", OKAN.addr, "+49 160 5550 7183")


def sig_uk(name, role, direct, mobile=None):
    mob = f" · Mobile {mobile}" if mobile else ""
    return (f"{name}\n{role}\nNordlicht Systemhaus – Manchester office\n"
            f"3rd Floor, 41 Dale Street, Manchester M1 2HF · 0161 496 {direct}{mob}\n"
            "Nordlicht Systemhaus UK Ltd, registered in England and Wales, company no. 14420983\n")


SIG_RACHEL = sig_uk("Rachel Hughes", "Account Manager", "0710", "07700 900583")
SIG_LIAM = sig_uk("Liam Doyle", "Service Engineer", "0722")
SIG_AISHA = "-- \n" + sig_uk("Aisha Patel", "Service Engineer", "0725")

HA_FOOT = """Hollmann + Partner Architekten PartGmbB
Schlachte 31 · 28195 Bremen
Tel. 0421 3360 58-{ext} · www.hollmann-architekten.example
Partnerschaftsregister Amtsgericht Bremen PR 1187
"""
SIG_ANTJE = "Antje Wessels\nBüroorganisation\n\n" + HA_FOOT.format(ext="0")
SIG_JANH = "Dipl.-Ing. Jan-Hendrik Hollmann\nArchitekt BDA · Partner\n\n" + HA_FOOT.format(ext="11")
SIG_MERLE = "Merle Brinkmann\nM.A. Architektur\n\n" + HA_FOOT.format(ext="24")

KL_FOOT = """Kück Logistik GmbH · Hansestraße 88 · 27749 Delmenhorst
Geschäftsführer: Rainer Kück · Amtsgericht Oldenburg HRB 207765
Diese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der richtige Adressat sind,
informieren Sie bitte sofort den Absender und löschen Sie diese E-Mail.
"""
SIG_DIRK = "Dirk Bosse\nIT-Koordination / Disposition\nTel. 04221 9183-40\n\n" + KL_FOOT
SIG_HEIKE = "Heike Stührmann\nLagerleitung Halle 1–3\nTel. 04221 9183-61 · Mobil 0170 5553 9042\n\n" + KL_FOOT
SIG_RAINER = "Rainer Kück\nGeschäftsführer\n\n" + KL_FOOT
KL_TICKET_FOOT = ("\n--\nKück IT-Helpdesk · Bitte antworten Sie über dieses Ticket und ändern Sie den Betreff "
                  "nicht. Automatisch erzeugte Nachricht des Ticketsystems.\n")

WV_FOOT = """Weaver Valley Learning Trust · Registered in England and Wales, company no. 08817342
Registered office: Castle Chambers, Winsford CW7 1AA
This email and any attachments are confidential and intended solely for the addressee. If you
have received it in error, please notify the sender and delete it. The Trust monitors email
in line with its Acceptable Use Policy.
"""
SIG_GARETH = "Gareth Ellison\nTrust IT & Data Manager\nWeaver Valley Learning Trust\n01606 555 214\n\n" + WV_FOOT
SIG_HELEN = "Helen Marsh\nSchool Business Manager\nBrookfield Primary School – part of Weaver Valley Learning Trust\n\n" + WV_FOOT
SIG_PRIYA = "Mrs P. Sandhu\nHeadteacher, Brookfield Primary School\n\nSent from my iPhone\n"
SIG_TOM = "Tom Fairclough\nSite Technician, Northwich High School\n\n" + WV_FOOT
SIG_ORMEROD = "David Ormerod\nChief Executive Officer\nWeaver Valley Learning Trust\n\n" + WV_FOOT
ZD_HEAD = "##- Please type your reply above this line -##\n\n"
ZD_FOOT = ("\n--------------------------------\nThis email is a service from Weaver Valley IT Support.\n"
           "[Z8K2-91QX] Delivered by Zendesk\n")

CP_DISCLAIMER = """CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of
the intended recipient(s) and may contain confidential and privileged information protected by the
attorney-client privilege. Any unauthorized review, use, disclosure or distribution is prohibited.
If you are not the intended recipient, please contact the sender by reply e-mail and destroy all
copies of the original message.
"""
CP_ADDR = "Calloway Prentiss LLP | 222 W. Adams Street, Suite 1900 | Chicago, IL 60606\n"
SIG_DONNA = "Donna Reyes\nOffice Administrator\n" + CP_ADDR + "Direct (312) 555-0143\n\n" + CP_DISCLAIMER
SIG_MARK = "Mark D. Calloway\nManaging Partner\n" + CP_ADDR + "Direct (312) 555-0101\n\n" + CP_DISCLAIMER
SIG_JENNA = "Jenna Whitaker\nSenior Paralegal\n" + CP_ADDR + "Direct (312) 555-0156\n\n" + CP_DISCLAIMER
SIG_KEVIN = "Kevin O'Brien\nAssociate\n" + CP_ADDR + "Direct (312) 555-0168\n\n" + CP_DISCLAIMER

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
    if style == "ticket":       # the logistics company's own ticket system
        return f"<ticket.{int(date.timestamp())}.{h[:12].lower()}@helpdesk.kueck-logistik.example>"
    if style == "zendesk":
        return f"<{h[:5]}{h[5:11].lower()}_{h[11:25].lower()}_sprut@zendesk.com>"
    return f"<{date.astimezone(timezone.utc):%Y%m%d%H%M%S}.{h[:10].lower()}@{dom}>"


STYLE_OF_CLIENT = {"outlook": "outlook", "outlook_android": "outlook", "gmail": "gmail", "iphone": "apple",
                   "applemail": "apple", "thunderbird": "thunderbird", "ticket": "ticket", "zendesk": "zendesk",
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
    if style == "ticket":
        return f"{d:%d.%m.%Y %H:%M} - {p.name} schrieb:"
    if style == "zendesk":
        return f"On {EN_MON[d.month - 1][:3]} {d.day}, {d.year}, at {d:%H:%M}, {p.name} <{p.addr}> wrote:"
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
            name = f"{ts}.M{i:03d}P{4100 + i}Q1.mx1.nordlicht-it.example:2,S"
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
def hollmann(b: Box):
    # ---- ha-plotter: fix reported, "geht immer noch nicht", vendor asked, visit Friday, our question open
    b.add("ha-plotter-1", "ha-plotter", at("2026-11-10 09:14"), ANTJE, [SERVICE], [TIMO],
          subject="Plotter schneidet A0-Pläne ab", charset="windows-1252",
          body=f"""Guten Morgen Herr Lüders,

unser Plotter (HP DesignJet T830 im Erdgeschoss) druckt seit letzter Woche keine vollständigen A0-Pläne
mehr. Der Ausdruck hört bei etwa zwei Dritteln auf, der Rest des Blattes bleibt weiß. A1 und A2 gehen
ganz normal. Wir haben am Freitag Abgabe für den Wettbewerb Überseestadt, da brauchen wir den Plotter
dringend.

Können Sie sich das bitte ansehen?

Viele Grüße

{SIG_ANTJE}""")
    b.add("ha-plotter-2", "ha-plotter", at("2026-11-10 11:02"), TIMO, [ANTJE], [SERVICE], reply="ha-plotter-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Wessels,

ich habe mich gerade auf den Druckserver geschaltet: Der Plotter hatte noch den alten HP-GL/2-Treiber,
und der Spooler bricht bei großen Dateien ab. Ich habe den aktuellen Treiber installiert und das
Spoolen auf dem Server abgeschaltet, die Aufträge gehen jetzt direkt an den Plotter.

Ein Testplot A0 ist eben vollständig durchgelaufen. Damit sollte es jetzt gehen, sagen Sie gern
Bescheid, falls nicht.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("ha-plotter-3", "ha-plotter", at("2026-11-10 11:40"), ANTJE, [TIMO], [SERVICE], reply="ha-plotter-2",
          quote="outlook_de_sep", charset="windows-1252",
          body="""Super, vielen Dank für die schnelle Hilfe!

Gruß
A. Wessels""")
    b.add("ha-plotter-4", "ha-plotter", at("2026-11-17 15:26"), MERLE, [TIMO], [ANTJE, SERVICE], reply="ha-plotter-3",
          quote="outlook_de_sep",
          body=f"""Hallo Herr Lüders,

leider geht es immer noch nicht: Die Pläne aus ArchiCAD mit Luftbild im Hintergrund brechen weiterhin
nach etwa 80 cm ab. Reine Strichpläne gehen inzwischen, große Pläne mit Bildern nicht. Am
Mittwoch, 02.12., haben wir die Bauherrenpräsentation Kita Findorff, bis dahin müssen die Pläne raus.

Viele Grüße

{SIG_MERLE}""")
    b.add("ha-plotter-5", "ha-plotter", at("2026-11-18 08:35"), TIMO, [PLOTSERVICE], [SERVICE], client="thunderbird",
          subject="Kunde Hollmann Architekten: DesignJet T830 bricht große Rasterdateien ab",
          body=f"""Hallo Herr Kruse,

bei unserem Kunden Hollmann + Partner Architekten (Schlachte 31, Bremen) bricht der DesignJet T830
(Seriennr. CN84M1Q0F2) A0-Pläne mit großen Rasteranteilen nach etwa 80 cm ab. Treiber ist aktuell,
Spoolen auf dem Server ist aus, Strichpläne laufen durch. Ich vermute Firmware oder den Speicher
des Geräts.

Gibt es dafür ein bekanntes Problem, und könnten Sie kurzfristig einen Techniker schicken? Das Gerät
ist bei Ihnen im Wartungsvertrag.

Danke und viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("ha-plotter-6", "ha-plotter", at("2026-11-20 13:48"), PLOTSERVICE, [TIMO], [SERVICE], reply="ha-plotter-5",
          quote="outlook_de",
          body="""Moin Herr Lüders,

das Problem ist bekannt, bei der T830 mit Firmware vor 2.6 läuft bei großen Rasterdateien der
Speicher über. Unser Techniker spielt die neue Firmware ein und prüft die Formatierer-Platine. Er kann
am Freitag, 27.11., um 9 Uhr beim Kunden sein.

Mit freundlichen Grüßen
Jörg Kruse
PlotService Nord GmbH · Technischer Kundendienst
Tel. 0421 555 39 12""")
    b.add("ha-plotter-7", "ha-plotter", at("2026-11-23 09:05"), TIMO, [MERLE, ANTJE], [SERVICE], reply="ha-plotter-4",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Brinkmann, hallo Frau Wessels,

ich habe den Fall an PlotService Nord gegeben, die den Plotter in Wartung haben. Es ist ein bekannter
Firmwarefehler bei großen Rasterdateien. Der Techniker kommt am Freitag, 27.11., um 9 Uhr, spielt die
neue Firmware ein und prüft die Platine. Damit sollte es vor Ihrer Präsentation am 02.12. erledigt sein.

Ist am Freitag um 9 Uhr jemand bei Ihnen im Büro, der den Techniker hereinlässt? Bitte geben Sie mir
kurz Bescheid.

Bis dahin können Sie die großen Pläne als PDF an den Copyshop geben, die Kosten übernehmen wir.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")

    # ---- ha-neu: new working student; our questions answered top-posted as an instruction; licence
    #      offer promised "bis Mittwoch" and chased
    b.add("ha-neu-1", "ha-neu", at("2026-11-16 10:22"), ANTJE, [SERVICE], [TIMO, FRAUKE],
          subject="Neuer Werkstudent ab 01.12. – Herr Ole Carstens", charset="windows-1252",
          body=f"""Hallo zusammen,

ab dem 01.12. verstärkt uns Herr Ole Carstens als Werkstudent (20 Stunden/Woche). Wir brauchen für
ihn bitte ein Benutzerkonto mit E-Mail (o.carstens@hollmann-architekten.example), einen Laptop und
ArchiCAD.

Vielen Dank und viele Grüße

{SIG_ANTJE}""")
    b.add("ha-neu-2", "ha-neu", at("2026-11-16 14:10"), TIMO, [ANTJE], [SERVICE, FRAUKE], reply="ha-neu-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Wessels,

gern. Zwei Fragen vorab:

1. Welchen Laptop soll Herr Carstens bekommen? Ein neues Gerät müssten wir bestellen (ca. zwei Wochen
Lieferzeit).
2. Soll er auf das Projektlaufwerk nur lesen oder auch schreiben dürfen?

Zu ArchiCAD: Ihre Lizenzen sind alle belegt (8 von 8). Für einen neunten Platz brauchen Sie eine
zusätzliche Lizenz, dafür hole ich ein Angebot bei Ihrem Graphisoft-Händler ein.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("ha-neu-3", "ha-neu", at("2026-11-17 08:50"), ANTJE, [TIMO], [SERVICE, FRAUKE], reply="ha-neu-2",
          quote="outlook_de_sep", charset="windows-1252",
          body=f"""Hallo Herr Lüders,

bitte nehmen Sie dafür den Laptop von Frau Kaiser, die ist Ende Oktober ausgeschieden, das Gerät liegt
bei mir im Schrank. Auf das Projektlaufwerk darf er lesen und schreiben, wie die anderen auch.

Das Angebot für die Lizenz hätten wir gern, Herr Hollmann muss das freigeben.

Viele Grüße

{SIG_ANTJE}""")
    b.add("ha-neu-4", "ha-neu", at("2026-11-17 10:15"), TIMO, [ANTJE], [SERVICE, FRAUKE], reply="ha-neu-3",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Wessels,

alles klar. Ich hole den Laptop am Donnerstag ab, setze ihn neu auf und richte Konto und Postfach ein.
Bis Freitag, 27.11., ist alles fertig, damit Herr Carstens am 01.12. gleich loslegen kann.

Das Angebot für die zusätzliche ArchiCAD-Lizenz schicke ich Ihnen bis Mittwoch, 25.11.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("ha-neu-5", "ha-neu", at("2026-11-19 16:30"), TIMO, [ANTJE], [SERVICE], reply="ha-neu-4",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Wessels,

kurzer Zwischenstand: Den Laptop von Frau Kaiser habe ich heute mitgenommen, das Konto
o.carstens ist angelegt, das Postfach auch.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("ha-neu-6", "ha-neu", at("2026-11-25 16:12"), ANTJE, [TIMO], [SERVICE, FRAUKE], reply="ha-neu-5",
          quote="outlook_de_sep", charset="windows-1252",
          body=f"""Hallo Herr Lüders,

gibt es schon etwas Neues wegen der ArchiCAD-Lizenz? Herr Hollmann ist ab Montag eine Woche im Urlaub
und würde das Angebot gern vorher noch freigeben.

Viele Grüße

{SIG_ANTJE}""")

    # ---- ha-nas: forwarded backup notice, fixed, confirmed
    syno = """-----Ursprüngliche Nachricht-----
Von: Synology HP-NAS01 <nas01@hollmann-architekten.example>
Gesendet: Donnerstag, 12. November 2026 03:14
An: Wessels, Antje <a.wessels@hollmann-architekten.example>
Betreff: [HP-NAS01] Hyper Backup-Aufgabe „Projekte-USB“ fehlgeschlagen

Die Sicherungsaufgabe Projekte-USB auf HP-NAS01 ist fehlgeschlagen.
Ursache: Auf dem Zielgerät ist nicht genügend Speicherplatz vorhanden.
Zeit: 12.11.2026 03:14
Von Synology DiskStation HP-NAS01
"""
    b.add("ha-nas-1", "ha-nas", at("2026-11-12 08:31"), ANTJE, [SERVICE], [TIMO],
          subject="WG: [HP-NAS01] Hyper Backup-Aufgabe „Projekte-USB“ fehlgeschlagen", charset="windows-1252",
          body=f"""Hallo Herr Lüders,

diese Meldung kam heute Nacht. Ist das schlimm?

Gruß
Antje Wessels

{syno}""")
    b.add("ha-nas-2", "ha-nas", at("2026-11-12 10:45"), TIMO, [ANTJE], [SERVICE], reply="ha-nas-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Wessels,

die USB-Festplatte für die Sicherung war voll, weil die Aufbewahrung noch auf „unbegrenzt“ stand.
Ich habe sie auf 60 Versionen begrenzt und die ältesten Stände bereinigt, jetzt sind 1,8 TB frei. Die
Sicherung läuft heute Nacht wieder automatisch.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("ha-nas-3", "ha-nas", at("2026-11-13 07:58"), ANTJE, [TIMO], [SERVICE], reply="ha-nas-2",
          quote="outlook_de_sep", charset="windows-1252",
          body="""Guten Morgen,

heute Nacht kam die Meldung „erfolgreich abgeschlossen“. Danke!

A. Wessels""")

    # ---- ha-m365: comparison asked; sent; our question (approval) not answered yet -> waiting
    b.add("ha-m365-1", "ha-m365", at("2026-11-18 17:40"), JANH, [FRAUKE], [SERVICE], client="iphone",
          subject="Microsoft 365 Business Premium?",
          body=f"""Hallo Frau Meyerdierks,

ein Kollege von der Architektenkammer hat erzählt, dass sie auf Microsoft 365 Business Premium
umgestellt haben, wegen der Gerätesicherheit. Lohnt sich das für uns auch? Was würde es uns im Monat
mehr kosten?

Beste Grüße
Jan-Hendrik Hollmann

Von meinem iPhone gesendet""")
    b.add("ha-m365-2", "ha-m365", at("2026-11-19 09:20"), FRAUKE, [JANH], [SERVICE], reply="ha-m365-1",
          quote="outlook_de",
          body=f"""Guten Morgen Herr Hollmann,

gute Frage. Ich schicke Ihnen bis Anfang nächster Woche eine Gegenüberstellung mit den Kosten für Ihre
12 Benutzer.

Viele Grüße
Frauke Meyerdierks

{SIG_FRAUKE}""")
    b.add("ha-m365-3", "ha-m365", at("2026-11-23 11:05"), FRAUKE, [JANH], [ANTJE, SERVICE], reply="ha-m365-2",
          quote="outlook_de", attach=[("Gegenueberstellung_M365_Hollmann.pdf", PDF)],
          body=f"""Hallo Herr Hollmann,

anbei wie versprochen die Gegenüberstellung. Kurz gesagt: Business Premium kostet bei 12 Benutzern
rund 96 € netto im Monat mehr und bringt Ihnen vor allem Intune (Verwaltung und Löschen verlorener
Laptops) und Defender for Business.

Sollen wir zum 01.01. umstellen? Dann bräuchte ich Ihre Freigabe bis zum 10.12., damit wir die
Umstellung in Ruhe planen können.

Viele Grüße
Frauke Meyerdierks

{SIG_FRAUKE}""")

    # ---- ha-gast: guest Wi-Fi for a client meeting, done, thanks
    b.add("ha-gast-1", "ha-gast", at("2026-11-20 10:02"), ANTJE, [SERVICE], charset="windows-1252",
          subject="Gäste-WLAN für Dienstag",
          body=f"""Hallo,

am Dienstag, 24.11., haben wir den ganzen Tag einen Workshop mit dem Bauherrn und sechs Leuten von
dessen Seite. Können Sie bitte einen Gast-Zugang fürs WLAN einrichten, der nur an dem Tag gilt?

Viele Grüße

{SIG_ANTJE}""")
    b.add("ha-gast-2", "ha-gast", at("2026-11-20 13:30"), OKAN, [ANTJE], [SERVICE], reply="ha-gast-1",
          quote="outlook_de",
          body=f"""Hallo Frau Wessels,

ist eingerichtet: Netz „HP-Gast“, Kennwort Findorff-2411, gültig am 24.11. von 7 bis 20 Uhr. Die
Gäste kommen damit nur ins Internet, nicht in Ihr Netz.

Viele Grüße
Okan Yıldız

{SIG_OKAN}""")
    b.add("ha-gast-3", "ha-gast", at("2026-11-20 13:52"), ANTJE, [OKAN], [SERVICE], reply="ha-gast-2",
          quote="outlook_de_sep",
          body="""Perfekt, vielen Dank!

A. Wessels""")

    # ---- ha-wartung: our information about a maintenance window; acknowledged
    b.add("ha-wartung-1", "ha-wartung", at("2026-11-23 14:00"), OKAN, [ANTJE], [SERVICE],
          subject="Info: Firmware-Update Ihrer Firewall am Samstag, 28.11., 8–10 Uhr",
          body=f"""Hallo Frau Wessels,

zur Info: Am Samstag, 28.11., spielen wir zwischen 8 und 10 Uhr ein Sicherheitsupdate auf Ihre
Firewall ein. Internet und VPN sind in der Zeit für etwa 15 Minuten unterbrochen. Sie müssen nichts
vorbereiten.

Viele Grüße
Okan Yıldız

{SIG_OKAN}""")
    b.add("ha-wartung-2", "ha-wartung", at("2026-11-23 14:31"), ANTJE, [OKAN], [SERVICE], reply="ha-wartung-1",
          quote="outlook_de_sep",
          body="""Danke für die Info, samstags ist hier ohnehin niemand.

Gruß
A. Wessels""")

    # ---- ha-vpn: our questions not answered; the customer's out-of-office answers instead
    b.add("ha-vpn-1", "ha-vpn", at("2026-11-18 19:12"), MERLE, [SERVICE], client="gmail",
          subject="VPN von zu Hause",
          body=f"""Hallo,

ich komme von zu Hause seit gestern nicht mehr ins VPN. Der Client sagt nur „Verbindung fehlgeschlagen“.
Im Büro geht alles.

Viele Grüße
Merle Brinkmann""")
    b.add("ha-vpn-2", "ha-vpn", at("2026-11-19 08:40"), OKAN, [MERLE], [SERVICE], reply="ha-vpn-1",
          quote="outlook_de",
          body=f"""Hallo Frau Brinkmann,

auf der Firewall sehe ich von Ihrem Benutzer seit vorgestern keine Anmeldeversuche, das Problem liegt
also vermutlich vor der Firewall. Damit ich weitersuchen kann:

1. Schicken Sie mir bitte einen Screenshot der Fehlermeldung im FortiClient.
2. Sind Sie zu Hause per WLAN oder per Kabel verbunden, und haben Sie einen neuen Router bekommen?

Viele Grüße
Okan Yıldız

{SIG_OKAN}""")
    b.add("ha-vpn-3", "ha-vpn", at("2026-11-19 08:41"), MERLE, [OKAN], client="outlook",
          subject="Automatische Antwort: AW: VPN von zu Hause", extra=OOO_DE, reply="ha-vpn-2",
          body=f"""Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 27.11. auf einer Baustellenbegehung
und lese meine E-Mails nur unregelmäßig. In dringenden Fällen wenden Sie sich bitte an Frau Wessels
(a.wessels@hollmann-architekten.example, 0421 3360 58-0).

Merle Brinkmann""")


def kueck(b: Box):
    T1 = "Ticket #2026-4711"
    # ---- kl-scanner: their ticket system; our question answered inline; fix; notices with and
    #      without a comment; closed
    b.add("kl-scanner-1", "kl-scanner", at("2026-11-10 06:48"), KL_DESK, [SERVICE], client="ticket",
          subject=f"Ihr {T1} wurde erstellt: Handscanner Halle 2 verlieren WLAN", extra=AUTO,
          body=f"""Guten Tag,

zu Ihrem Bereich wurde ein neues Ticket angelegt.

Ticket:      #2026-4711
Betreff:     Handscanner Halle 2 verlieren WLAN
Priorität:   hoch
Melder:      Dirk Bosse
Zugewiesen:  Nordlicht Systemhaus (extern)

Beschreibung:
Seit Montag früh verlieren die Zebra-Handscanner (MC3300) in Halle 2 ständig die Verbindung, vor allem
in den Gängen 6 bis 9. Die Kommissionierer müssen sich dann neu im Lagerverwaltungssystem anmelden,
die Frühschicht hat dadurch fast eine Stunde verloren. Halle 1 und 3 sind nicht betroffen.
{KL_TICKET_FOOT}""")
    b.add("kl-scanner-2", "kl-scanner", at("2026-11-10 09:30"), OKAN, [KL_DESK], [SERVICE, DIRK],
          reply="kl-scanner-1", quote="outlook_de",
          subject=f"AW: Ihr {T1} wurde erstellt: Handscanner Halle 2 verlieren WLAN",
          body=f"""Hallo Herr Bosse,

ich sehe im Controller, dass der Access Point in Halle 2 über Gang 7 (AP-H2-07) seit Sonntagnacht
immer wieder neu startet. Die Scanner in der Nähe fallen dann jedes Mal raus.

Eine Frage dazu: Wurde am Wochenende in Halle 2 etwas umgebaut, z. B. Regale oder Beleuchtung in der
Nähe von Gang 7?

Viele Grüße
Okan Yıldız

{SIG_OKAN}""")
    o2 = b.mails["kl-scanner-2"]
    q = prefix_lines(o2.text.split("________________________________")[0].rstrip("\n"))
    q = q.replace("Nähe von Gang 7?\n",
                  "Nähe von Gang 7?\n\nJa, am Samstag hat der Elektriker die Hallenbeleuchtung auf LED umgestellt. "
                  "Dabei war auch die Hebebühne an Gang 7.\n\n")
    assert "Elektriker" in q
    b.add("kl-scanner-3", "kl-scanner", at("2026-11-10 10:05"), DIRK, [OKAN], [SERVICE], reply="kl-scanner-2",
          client="thunderbird",
          body=f"""Hallo Herr Yıldız,

Antwort steht unten.

Gruß
Dirk Bosse

{attribution("thunderbird_de", o2, TZ_DE)}
{q}
{SIG_DIRK}""")
    b.add("kl-scanner-4", "kl-scanner", at("2026-11-10 15:20"), OKAN, [DIRK], [SERVICE, KL_DESK], reply="kl-scanner-3",
          quote="outlook_de",
          body=f"""Hallo Herr Bosse,

das war es: Beim Umbau wurde das Netzwerkkabel zu AP-H2-07 eingeklemmt, der Access Point hat nur noch
zeitweise Strom über PoE bekommen. Ich war eben vor Ort, habe das Kabel ersetzt und den AP neu
befestigt. Seit 14:30 läuft er stabil, die Scanner in Gang 6 bis 9 bleiben verbunden.

Bitte beobachten Sie das morgen in der Frühschicht noch einmal.

Viele Grüße
Okan Yıldız

{SIG_OKAN}""")
    b.add("kl-scanner-5", "kl-scanner", at("2026-11-10 15:21"), KL_DESK, [SERVICE], client="ticket",
          reply="kl-scanner-4", subject=f"Ihr {T1} wurde aktualisiert: Handscanner Halle 2 verlieren WLAN", extra=AUTO,
          body=f"""Guten Tag,

das Ticket #2026-4711 wurde aktualisiert.

Status:      in Bearbeitung -> gelöst (wartet auf Bestätigung)
Geändert von: Dirk Bosse
{KL_TICKET_FOOT}""")
    b.add("kl-scanner-6", "kl-scanner", at("2026-11-12 07:15"), KL_DESK, [SERVICE], client="ticket",
          reply="kl-scanner-5", subject=f"Ihr {T1} wurde aktualisiert: Handscanner Halle 2 verlieren WLAN", extra=AUTO,
          body=f"""Guten Tag,

das Ticket #2026-4711 wurde aktualisiert.

Neuer Kommentar von Dirk Bosse:
Zwei Frühschichten ohne einen einzigen Abbruch in Halle 2. Danke an Herrn Yıldız für den schnellen
Einsatz! Ich schließe das Ticket.
{KL_TICKET_FOOT}""")
    b.add("kl-scanner-7", "kl-scanner", at("2026-11-12 07:16"), KL_DESK, [SERVICE], client="ticket",
          reply="kl-scanner-6", subject=f"Ihr {T1} wurde geschlossen: Handscanner Halle 2 verlieren WLAN", extra=AUTO,
          body=f"""Guten Tag,

das Ticket #2026-4711 „Handscanner Halle 2 verlieren WLAN“ wurde geschlossen.

Status:      gelöst -> geschlossen
Geändert von: Dirk Bosse
{KL_TICKET_FOOT}""")

    # ---- kl-etikett: label printer blank after ERP update; vendor asked; take-over; hotfix promised
    #      for Tuesday evening, customer reports it is still blank
    b.add("kl-etikett-1", "kl-etikett", at("2026-11-17 07:32"), HEIKE, [SERVICE], [SVENJA], client="outlook",
          subject="Etikettendrucker Rampe 3 druckt leere Etiketten",
          body=f"""Guten Morgen,

seit dem Update des Lagerprogramms gestern Abend druckt der Etikettendrucker an Rampe 3 (Zebra ZT411)
nur noch leere Versandetiketten. Die Etiketten kommen raus, aber ohne Barcode und ohne Adresse. An
Rampe 1 und 2 geht es.

Wir schreiben die Etiketten jetzt von Hand, das hält den Versand sehr auf. Bitte schnell!

{SIG_HEIKE}""")
    b.add("kl-etikett-2", "kl-etikett", at("2026-11-17 09:10"), SVENJA, [HEIKE], [SERVICE], reply="kl-etikett-1",
          quote="outlook_de",
          body=f"""Hallo Frau Stührmann,

ich habe mir das auf dem Terminalserver angesehen. Rampe 3 druckt als einzige über das ZPL-Format,
das nach dem Update 5.2 von LogiSoft nicht mehr richtig erzeugt wird. Ich habe LogiSoft
angeschrieben und frage nach einem Patch.

Als Übergang habe ich Rampe 3 auf den Drucker an Rampe 2 umgeleitet. Die Etiketten kommen dann dort
raus, sind aber vollständig.

Viele Grüße
Svenja Ahrens

{SIG_SVENJA}""")
    b.add("kl-etikett-3", "kl-etikett", at("2026-11-17 09:25"), SVENJA, [LOGISOFT], [SERVICE],
          subject="Kunde Kück Logistik (Kd.-Nr. 30418): ZPL-Etiketten leer nach Update 5.2",
          body=f"""Sehr geehrte Damen und Herren,

bei unserem gemeinsamen Kunden Kück Logistik GmbH (Ihre Kundennummer 30418) druckt seit dem Update auf
LogiSoft WMS 5.2 der Zebra ZT411 an Rampe 3 nur noch leere Versandetiketten (ZPL-Ausgabe). Der Druck
über den Windows-Treiber an Rampe 1 und 2 ist nicht betroffen.

Ist das Problem bekannt, und gibt es einen Patch? Wann ist er verfügbar?

Mit freundlichen Grüßen
Svenja Ahrens

{SIG_SVENJA}""")
    b.add("kl-etikett-4", "kl-etikett", at("2026-11-19 11:40"), LOGISOFT, [SVENJA], [SERVICE], reply="kl-etikett-3",
          quote="outlook_de",
          body="""Sehr geehrte Frau Ahrens,

vielen Dank für Ihre Meldung (Vorgang LS-88213). Der Fehler ist bekannt und wird mit dem Hotfix 5.2.1
behoben. Der Hotfix wird voraussichtlich am Montag, 23.11., im Kundenportal bereitgestellt.

Mit freundlichen Grüßen
Ihr LogiSoft Support-Team

LogiSoft GmbH · Software für Lager und Logistik""")
    b.add("kl-etikett-5", "kl-etikett", at("2026-11-19 13:05"), SVENJA, [HEIKE], [SERVICE, DIRK], reply="kl-etikett-2",
          quote="outlook_de",
          body=f"""Hallo Frau Stührmann,

LogiSoft hat den Fehler bestätigt, der Hotfix 5.2.1 kommt am Montag. Ich spiele ihn am Dienstagabend,
24.11., nach Schichtende ein, dann druckt Rampe 3 wieder selbst. Bis dahin bleibt die Umleitung auf
Rampe 2.

Viele Grüße
Svenja Ahrens

{SIG_SVENJA}""")
    b.add("kl-etikett-6", "kl-etikett", at("2026-11-23 08:20"), TIMO, [HEIKE], [SERVICE, DIRK, HENNING], reply="kl-etikett-5",
          quote="outlook_de",
          body=f"""Hallo Frau Stührmann,

Frau Ahrens ist diese Woche krank. Ich übernehme ihre Themen bei Ihnen, bis sie zurück ist.

Den Hotfix für Rampe 3 spiele ich wie besprochen am Dienstagabend ein.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("kl-etikett-7", "kl-etikett", at("2026-11-25 07:41"), HEIKE, [TIMO], [SERVICE, DIRK], reply="kl-etikett-6",
          quote="outlook_de_sep", client="outlook",
          body=f"""Guten Morgen Herr Lüders,

an Rampe 3 kommen immer noch leere Etiketten raus. Wurde der Hotfix gestern Abend eingespielt? Wir
haben heute 42 Touren und die Umleitung über Rampe 2 bedeutet jedes Mal Laufwege quer durch die Halle.

Bitte melden Sie sich heute noch!

{SIG_HEIKE}""")

    # ---- kl-disk: monitoring alert and its recovery (routed by the host name in the subject)
    b.add("kl-disk-1", "kl-disk", at("2026-11-13 02:41"), ZABBIX, [SERVICE], client="plain",
          subject="Problem: KUE-SRV02: Free disk space is less than 10% on volume D:", extra=AUTO,
          body="""Problem started at 02:41:12 on 2026.11.13
Problem name: KUE-SRV02: Free disk space is less than 10% on volume D:
Host: KUE-SRV02 (Kück Logistik, Fileserver)
Severity: Warning
Operational data: 8.7 % free (43.5 GB of 500 GB)

Original problem ID: 7781204""")
    b.add("kl-disk-2", "kl-disk", at("2026-11-13 09:58"), ZABBIX, [SERVICE], client="plain",
          subject="Resolved in 7h 17m: KUE-SRV02: Free disk space is less than 10% on volume D:", extra=AUTO,
          body="""Problem has been resolved at 09:58:40 on 2026.11.13
Problem name: KUE-SRV02: Free disk space is less than 10% on volume D:
Problem duration: 7h 17m 28s
Host: KUE-SRV02 (Kück Logistik, Fileserver)
Severity: Warning
Operational data: 31.2 % free (156.0 GB of 500 GB)

Original problem ID: 7781204""")

    # ---- kl-wan: alert without recovery
    b.add("kl-wan-1", "kl-wan", at("2026-11-24 22:14"), ZABBIX, [SERVICE], client="plain",
          subject="Problem: KUE-FW01: Interface wan2 (LTE-Backup): Link down", extra=AUTO,
          body="""Problem started at 22:14:05 on 2026.11.24
Problem name: KUE-FW01: Interface wan2 (LTE-Backup): Link down
Host: KUE-FW01 (Kück Logistik, Firewall Delmenhorst)
Severity: Average
Operational data: Link down (wan1 Glasfaser: up)

Original problem ID: 7802966""")

    # ---- kl-filiale: escalation by the managing director; date given, call made, visit on Friday
    b.add("kl-filiale-1", "kl-filiale", at("2026-11-11 10:30"), DIRK, [HENNING], [SERVICE],
          subject="Neuer Standort Oldenburg – Netzwerk und Anbindung",
          body=f"""Hallo Herr Tietjen,

wie am Telefon besprochen: Ab 01.12. arbeiten vier Disponenten in unserem neuen Büro in Oldenburg
(Am Stau 12). Wir brauchen dort einen Router mit VPN zur Zentrale, WLAN und die Anbindung an den
Telekom-Anschluss, der am 18.11. geschaltet wird.

Bitte schicken Sie mir ein kurzes Angebot.

Gruß

{SIG_DIRK}""")
    b.add("kl-filiale-2", "kl-filiale", at("2026-11-11 15:45"), HENNING, [DIRK], [SERVICE, OKAN], reply="kl-filiale-1",
          quote="outlook_de", attach=[("Angebot_2026-1187_Kueck_Oldenburg.pdf", PDF)],
          body=f"""Hallo Herr Bosse,

anbei das Angebot. Wenn Sie es heute noch freigeben, bestellen wir Router und Access Point sofort, dann
steht die Anbindung bis zum 20.11.

Viele Grüße
Henning Tietjen

{SIG_HENNING}""")
    b.add("kl-filiale-3", "kl-filiale", at("2026-11-11 16:20"), DIRK, [HENNING], [SERVICE], reply="kl-filiale-2",
          quote="outlook_de_sep",
          body=f"""Freigegeben, bitte bestellen.

Gruß
Dirk Bosse""")
    b.add("kl-filiale-4", "kl-filiale", at("2026-11-23 08:05"), RAINER, [HENNING], [DIRK, SERVICE, FRAUKE],
          reply="kl-filiale-3", quote="outlook_de_sep",
          body=f"""Herr Tietjen,

ich bin ehrlich gesagt verärgert. Laut Ihrer Mail sollte die Anbindung in Oldenburg bis zum 20.11.
stehen. Heute ist der 23.11., und mir wird gesagt, der Router ist noch nicht einmal geliefert. Am
01.12. fangen dort vier Leute an, die ohne Netzwerk nicht arbeiten können.

Ich erwarte bis morgen Mittag eine verbindliche Aussage, wann Oldenburg läuft.

{SIG_RAINER}""")
    b.add("kl-filiale-5", "kl-filiale", at("2026-11-24 11:10"), HENNING, [RAINER], [DIRK, SERVICE, OKAN, FRAUKE],
          reply="kl-filiale-4", quote="outlook_de",
          body=f"""Sehr geehrter Herr Kück,

Sie haben völlig recht, das hätten wir Ihnen früher sagen müssen. Der Router war beim Distributor
nicht lieferbar, wir haben das zu spät bemerkt. Das tut mir leid.

Der Router ist heute früh bei uns eingetroffen, Herr Yıldız richtet ihn heute vor. Er ist am Freitag,
27.11., ab 8 Uhr in Oldenburg und nimmt Router, VPN und WLAN vor Ort in Betrieb. Am Montag, 30.11.,
können Ihre Disponenten also einen Tag vor dem Start alles testen. Ich melde mich am Freitagnachmittag
bei Ihnen, sobald alles läuft.

Mit freundlichen Grüßen
Henning Tietjen

{SIG_HENNING}""")

    # ---- kl-scanner-neu: several asks in one mail; some answered, offer sent and approved, then new
    #      question; the battery check never picked up
    b.add("kl-mehr-1", "kl-mehr", at("2026-11-19 14:12"), DIRK, [HENNING], [SERVICE],
          subject="Weitere Handscanner für das Weihnachtsgeschäft",
          body=f"""Hallo Herr Tietjen,

für das Weihnachtsgeschäft brauchen wir ab dem 07.12. fünf zusätzliche Handscanner (wieder MC3300, wie
die vorhandenen). Dazu drei Dinge:

1. Bitte schicken Sie mir ein Angebot für die fünf Geräte inkl. Ladestation.
2. Bis wann müssen wir bestellen, damit die Geräte bis zum 07.12. bei uns sind?
3. Bei einigen alten Scannern halten die Akkus keine ganze Schicht mehr. Können Sie bei der
Gelegenheit die Akkus der 24 vorhandenen Geräte prüfen und sagen, welche getauscht werden müssen?

Gruß

{SIG_DIRK}""")
    b.add("kl-mehr-2", "kl-mehr", at("2026-11-20 09:40"), HENNING, [DIRK], [SERVICE], reply="kl-mehr-1",
          quote="outlook_de",
          body=f"""Hallo Herr Bosse,

zu 2.: Wenn Sie bis zum 27.11. bestellen, liefert Zebra bis zum 04.12., dann haben wir noch Zeit zum
Einrichten.

Das Angebot schicke ich Ihnen am Montag.

Viele Grüße
Henning Tietjen

{SIG_HENNING}""")
    b.add("kl-mehr-3", "kl-mehr", at("2026-11-23 13:30"), HENNING, [DIRK], [SERVICE], reply="kl-mehr-2",
          quote="outlook_de", attach=[("Angebot_2026-1241_Kueck_MC3300.pdf", PDF)],
          body=f"""Hallo Herr Bosse,

anbei das Angebot für fünf MC3300 mit einer Ladestation für fünf Geräte.

Viele Grüße
Henning Tietjen

{SIG_HENNING}""")
    b.add("kl-mehr-4", "kl-mehr", at("2026-11-24 10:02"), DIRK, [HENNING], [SERVICE], reply="kl-mehr-3",
          quote="outlook_de_sep",
          body=f"""Hallo Herr Tietjen,

danke, das Angebot ist freigegeben, bitte bestellen Sie die fünf Geräte.

Werden die Scanner schon fertig eingerichtet geliefert (WLAN, Lagerprogramm), oder müssen wir das
selbst machen?

Gruß

{SIG_DIRK}""")

    # ---- kl-drucker: our question via their ticket system; status "wartet auf Kunde" without a comment
    T2 = "Ticket #2026-4798"
    b.add("kl-drucker-1", "kl-drucker", at("2026-11-24 13:20"), KL_DESK, [SERVICE], client="ticket",
          subject=f"Ihr {T2} wurde erstellt: Scannen per E-Mail am Kopierer Büro OG geht nicht", extra=AUTO,
          body=f"""Guten Tag,

zu Ihrem Bereich wurde ein neues Ticket angelegt.

Ticket:      #2026-4798
Betreff:     Scannen per E-Mail am Kopierer Büro OG geht nicht
Priorität:   normal
Melder:      Heike Stührmann
Zugewiesen:  Nordlicht Systemhaus (extern)

Beschreibung:
Der Kopierer im Büro OG schickt keine Scans mehr per E-Mail. Drucken und Kopieren gehen.
{KL_TICKET_FOOT}""")
    b.add("kl-drucker-2", "kl-drucker", at("2026-11-24 15:05"), TIMO, [KL_DESK], [SERVICE], reply="kl-drucker-1",
          quote="outlook_de", subject=f"AW: Ihr {T2} wurde erstellt: Scannen per E-Mail am Kopierer Büro OG geht nicht",
          body=f"""Hallo Frau Stührmann,

im Mailserver sehe ich vom Kopierer seit Freitag keine Einlieferung. Was zeigt der Kopierer an, wenn
Sie einen Scan an Ihre Adresse schicken? Bitte schicken Sie mir ein Foto der Fehlermeldung auf dem
Display, dann sehe ich, ob es am Kennwort liegt.

Viele Grüße
Timo Lüders

{SIG_TIMO}""")
    b.add("kl-drucker-3", "kl-drucker", at("2026-11-24 15:06"), KL_DESK, [SERVICE], client="ticket",
          reply="kl-drucker-2", subject=f"Ihr {T2} wurde aktualisiert: Scannen per E-Mail am Kopierer Büro OG geht nicht",
          extra=AUTO,
          body=f"""Guten Tag,

das Ticket #2026-4798 wurde aktualisiert.

Status:      neu -> wartet auf Melder
Geändert von: Nordlicht Systemhaus (extern)
{KL_TICKET_FOOT}""")


def zd(number, status, comments):
    """A Zendesk notice: newest comment first, older ones below."""
    parts = [ZD_HEAD, f"Your request ({number}) has been {status}. To add additional comments, reply to this email.\n"]
    for who, when, text in comments:
        parts.append(f"\n----------------------------------------------\n\n{who}\n{when}\n\n{text.rstrip()}\n")
    return "".join(parts) + ZD_FOOT


def weaver(b: Box):
    # ---- wv-chromebooks: Zendesk request; licences ordered from the reseller; PO from the trust; solved
    c1 = ("Helen Marsh", "Nov 10, 2026, 08:55 GMT",
          """Hi,

We've received the 30 new Chromebooks for Year 5. 25 of them enrolled fine this morning, but the last 5
stop with "No device licences available" and won't go any further. Could someone look at this please?
Year 5 need them from Monday for their online reading assessments.

Thanks,
Helen""")
    c2 = ("Gareth Ellison", "Nov 10, 2026, 09:10 GMT",
          "Passing this to Nordlicht (Liam cc'd) – licensing is theirs.")
    b.add("wv-cb-1", "wv-chromebooks", at("2026-11-10 09:10", TZ_UK), ZENDESK, [LIAM], [SERVICE], client="zendesk",
          subject="[Weaver Valley IT] Chromebooks for Year 5 won't enrol (Brookfield)", extra=AUTO,
          body=zd("#1842", "updated", [c2, c1]))
    b.add("wv-cb-2", "wv-chromebooks", at("2026-11-10 11:30", TZ_UK), LIAM, [ZENDESK], [SERVICE, GARETH],
          reply="wv-cb-1", quote="outlook_en", subject="RE: [Weaver Valley IT] Chromebooks for Year 5 won't enrol (Brookfield)",
          body=f"""Hi Helen, hi Gareth,

The trust has 150 Chrome Education Upgrade licences and all 150 are in use, so the last five devices
have nothing to enrol against. I've asked EduTech Supplies to quote for five more (about £19.50 each).

Gareth, could you raise a PO for the five licences once their quote arrives? They won't add them
without one.

Best wishes,
Liam

{SIG_LIAM}""")
    b.add("wv-cb-3", "wv-chromebooks", at("2026-11-10 11:36", TZ_UK), LIAM, [EDUTECH], [SERVICE, GARETH],
          subject="Quote please: 5 x Chrome Education Upgrade for Weaver Valley Learning Trust",
          body=f"""Hi Karen,

Could you quote five Chrome Education Upgrade licences for Weaver Valley Learning Trust (domain
weavervalley.example, your account WVLT-0032)? Gareth Ellison (cc) will send the PO. Once it's in,
please add them to the domain as soon as you can – the devices are needed on Monday.

Thanks,
Liam

{SIG_LIAM}""")
    b.add("wv-cb-4", "wv-chromebooks", at("2026-11-11 14:20", TZ_UK), EDUTECH, [LIAM], [GARETH, SERVICE],
          reply="wv-cb-3", quote="outlook_en",
          body="""Hi Liam,

Thanks – we've had Gareth's PO 7714 this afternoon. The five licences will be on the domain by
Friday at the latest.

Kind regards,
Karen Whitlow
Education Account Manager, EduTech Supplies Ltd""")
    b.add("wv-cb-5", "wv-chromebooks", at("2026-11-13 10:05", TZ_UK), LIAM, [ZENDESK], [SERVICE, GARETH],
          reply="wv-cb-2", quote="outlook_en",
          body=f"""Hi Helen,

EduTech added the five licences this morning, and I've enrolled the last five Chromebooks. All 30 are
now in the Brookfield / Year 5 group with the reading assessment app pinned.

Best wishes,
Liam

{SIG_LIAM}""")
    c3 = ("Helen Marsh", "Nov 16, 2026, 09:48 GMT",
          "All 30 working – the children did their assessments on them this morning. Thank you Liam!")
    b.add("wv-cb-6", "wv-chromebooks", at("2026-11-16 09:48", TZ_UK), ZENDESK, [LIAM], [SERVICE], client="zendesk",
          reply="wv-cb-5", subject="[Weaver Valley IT] Re: Chromebooks for Year 5 won't enrol (Brookfield)", extra=AUTO,
          body=zd("#1842", "updated", [c3, ("Liam Doyle", "Nov 13, 2026, 10:05 GMT",
                                            "EduTech added the five licences this morning, and I've enrolled the last five Chromebooks."), c2, c1]))
    b.add("wv-cb-7", "wv-chromebooks", at("2026-11-16 10:02", TZ_UK), ZENDESK, [LIAM], [SERVICE], client="zendesk",
          reply="wv-cb-6", subject="[Weaver Valley IT] Request #1842 has been solved", extra=AUTO,
          body=ZD_HEAD + """Your request (#1842) "Chromebooks for Year 5 won't enrol (Brookfield)" has been solved by Gareth
Ellison.

If you feel the request was not resolved, reply to this email and it will be reopened.
""" + ZD_FOOT)

    # ---- wv-panel: warranty visit done; partly fixed; a new ask from the customer
    b.add("wv-panel-1", "wv-panel", at("2026-11-18 08:20", TZ_UK), TOM, [SERVICE], [LIAM], client="gmail",
          subject="Interactive panel in Science Lab S4 won't power on",
          body=f"""Morning Liam,

The Promethean panel in Science Lab S4 at Northwich High won't come on at all since this morning – no
standby light, nothing. I've tried another socket. Mr Barlow is teaching Year 10 chemistry in there
all week and is using a portable projector for now.

Cheers,
Tom

{SIG_TOM}""")
    b.add("wv-panel-2", "wv-panel", at("2026-11-18 10:40", TZ_UK), LIAM, [TOM], [SERVICE], reply="wv-panel-1",
          quote="outlook_en",
          body=f"""Hi Tom,

That panel is still under warranty until 2028, so I've raised it with Promethean (case 04417788).
They'll send an engineer to Northwich High on Tuesday 24 November in the morning. Could you make
sure someone can let him into S4?

Best wishes,
Liam

{SIG_LIAM}""")
    b.add("wv-panel-3", "wv-panel", at("2026-11-18 10:52", TZ_UK), TOM, [LIAM], [SERVICE], reply="wv-panel-2",
          quote="gmail_en", client="gmail",
          body="""Will do, I'll be on site all morning.

Tom""")
    b.add("wv-panel-4", "wv-panel", at("2026-11-24 14:35", TZ_UK), TOM, [LIAM], [SERVICE], reply="wv-panel-3",
          quote="gmail_en", client="gmail",
          body=f"""Hi Liam,

The Promethean engineer came this morning and swapped the power board, so the panel switches on again.
But the touch and the pens don't respond at all now, so Mr Barlow can only use it as a big screen.
The engineer said that's "probably the PC side" and left. Could you have a look at the connection to
the classroom PC, or chase Promethean if it's their fault?

Cheers,
Tom

{SIG_TOM}""")

    # ---- wv-filter: web filter blocks a site; fixed the same day; thanks
    b.add("wv-filter-1", "wv-filter", at("2026-11-19 07:52", TZ_UK), PRIYA, [SERVICE], [LIAM], client="iphone",
          subject="Oak National Academy blocked",
          body=f"""Dear Liam

Since yesterday our teachers can't play any of the Oak National Academy lesson videos – they get the
"Blocked by Smoothwall" page. Year 6 need them for today's science lessons. Can this be sorted this
morning please?

Thank you

{SIG_PRIYA}""")
    b.add("wv-filter-2", "wv-filter", at("2026-11-19 08:30", TZ_UK), LIAM, [PRIYA], [SERVICE], reply="wv-filter-1",
          quote="outlook_en",
          body=f"""Dear Mrs Sandhu,

Oak moved its videos to a new delivery network on Tuesday, which Smoothwall hadn't categorised yet and
so blocked. I've allowed the new domains for staff and pupils across the trust. If you refresh the page
the videos should play now.

Best wishes,
Liam

{SIG_LIAM}""")
    b.add("wv-filter-3", "wv-filter", at("2026-11-19 08:47", TZ_UK), PRIYA, [LIAM], [SERVICE], reply="wv-filter-2",
          quote="iphone_en", client="iphone",
          body="""Working now – thank you, that was quick!

P Sandhu

Sent from my iPhone""")

    # ---- wv-dmarc: parents' mail bouncing; our questions answered top-posted; escalation by the CEO;
    #      delivery fixed; the written explanation promised for Wednesday not sent
    b.add("wv-dmarc-1", "wv-dmarc", at("2026-11-12 09:15", TZ_UK), GARETH, [LIAM], [SERVICE, RACHEL],
          subject="Arbor emails to parents bouncing",
          body=f"""Hi Liam,

Since Tuesday, messages from Arbor to parents with Gmail and Outlook.com addresses are bouncing with
"550 5.7.26 Unauthenticated email from weavervalley.example is not accepted due to domain's DMARC
policy". It's about 40% of our parents across all four schools. Can you look into it urgently?

Thanks,
Gareth

{SIG_GARETH}""")
    b.add("wv-dmarc-2", "wv-dmarc", at("2026-11-12 13:40", TZ_UK), LIAM, [GARETH], [SERVICE, RACHEL], reply="wv-dmarc-1",
          quote="outlook_en",
          body=f"""Hi Gareth,

Your DMARC record was switched from p=none to p=reject on Monday – that was the last step of the
hardening we agreed in October. Arbor sends as weavervalley.example but isn't in your SPF record and
doesn't sign with DKIM for your domain, so Gmail and Outlook.com now reject those messages. Sorry,
we should have checked Arbor before making the change.

I've set DMARC back to p=none for now, so new messages should get through again. For the proper fix I
need two things from you:

1. Could you give me access to your DNS at 123-reg? I'd like to add Arbor to the SPF record.
2. Arbor only enables DKIM on request from the school's account holder. Could you ask Arbor support to
turn on DKIM signing for weavervalley.example and send us the keys?

Best wishes,
Liam

{SIG_LIAM}""")
    b.add("wv-dmarc-3", "wv-dmarc", at("2026-11-13 08:22", TZ_UK), GARETH, [LIAM], [SERVICE, RACHEL], reply="wv-dmarc-2",
          quote="outlook_en",
          body=f"""Hi Liam,

I've added you as a delegate on our 123-reg account, and I've asked Arbor about DKIM (their ref
ARB-55120). They say 5–7 working days.

Gareth

{SIG_GARETH}""")
    b.add("wv-dmarc-4", "wv-dmarc", at("2026-11-16 11:05", TZ_UK), LIAM, [GARETH], [SERVICE, RACHEL], reply="wv-dmarc-3",
          quote="outlook_en",
          body=f"""Hi Gareth,

Thanks – Arbor is now in the SPF record. We're waiting for the DKIM keys from Arbor for the rest.

Best wishes,
Liam

{SIG_LIAM}""")
    b.add("wv-dmarc-5", "wv-dmarc", at("2026-11-20 08:10", TZ_UK), ORMEROD, [RACHEL], [GARETH, LIAM, SERVICE],
          reply="wv-dmarc-4", quote="outlook_en",
          body=f"""Dear Rachel,

I am told that some of our parents are still not receiving emails from Arbor, more than a week after
Gareth reported it. On Wednesday Brookfield had to close early because of a boiler failure, and we
could not reach a third of the families by email. I consider this a safeguarding issue.

I expect this to be fully resolved by Tuesday 24 November, and I want a written explanation of what
went wrong and what you will change, so that I can report to the trust board on 3 December.

Regards,
David Ormerod

{SIG_ORMEROD}""")
    b.add("wv-dmarc-6", "wv-dmarc", at("2026-11-20 10:25", TZ_UK), RACHEL, [ORMEROD], [GARETH, LIAM, SERVICE],
          reply="wv-dmarc-5", quote="outlook_en",
          body=f"""Dear Mr Ormerod,

I'm very sorry – the change to your mail security on 9 November was ours, and we did not check Arbor
beforehand. Some providers cache the old policy for several days, which is why a part of the parents
is still affected.

Arbor sent the DKIM keys this morning. Liam will publish them on Monday morning and test delivery to
the big providers with Gareth. I will send you a written summary of the cause and of what we are
changing in our process by Wednesday 25 November, in time for your board papers.

Kind regards,
Rachel

{SIG_RACHEL}""")
    b.add("wv-dmarc-7", "wv-dmarc", at("2026-11-23 12:30", TZ_UK), LIAM, [GARETH], [RACHEL, SERVICE], reply="wv-dmarc-6",
          quote="outlook_en",
          body=f"""Hi Gareth,

The DKIM records are published and Arbor has switched on signing. My test messages to Gmail and
Outlook.com pass SPF, DKIM and DMARC. Could you send a test message from Arbor to a few parents who
bounced before?

Best wishes,
Liam

{SIG_LIAM}""")
    b.add("wv-dmarc-8", "wv-dmarc", at("2026-11-24 09:05", TZ_UK), GARETH, [LIAM], [RACHEL, SERVICE], reply="wv-dmarc-7",
          quote="outlook_en",
          body=f"""Hi Liam,

Sent a test from Arbor to 15 parents this morning, including four who bounced before – all delivered.
Thanks for sorting it.

Gareth

{SIG_GARETH}""")

    # ---- wv-starter: our questions, no answer yet
    b.add("wv-starter-1", "wv-starter", at("2026-11-23 15:10", TZ_UK), HELEN, [SERVICE], [LIAM],
          subject="New teachers starting in January",
          body=f"""Hi Liam,

We have three new teachers joining Brookfield and Northwich High in January. Could you set up their
accounts (email, Arbor and Google Classroom) before we break up for Christmas?

Many thanks,
Helen

{SIG_HELEN}""")
    b.add("wv-starter-2", "wv-starter", at("2026-11-24 10:15", TZ_UK), LIAM, [HELEN], [SERVICE], reply="wv-starter-1",
          quote="outlook_en",
          body=f"""Hi Helen,

Of course. To set them up I need, for each of the three: full name, start date, which school they
are at, and whether they need SEN access in Arbor. Could you send me those by Friday 4 December? Then
everything will be ready before you break up on the 18th.

Best wishes,
Liam

{SIG_LIAM}""")

    # ---- wv-openreach: information from the customer; acknowledged
    b.add("wv-openreach-1", "wv-openreach", at("2026-11-17 16:40", TZ_UK), GARETH, [SERVICE], [RACHEL],
          subject="FYI: Openreach at Northwich High on Thursday",
          body=f"""Hi all,

Just so you know: Openreach are moving the fibre termination at Northwich High on Thursday 19 November
between 8am and 1pm. The internet there will be down for about an hour in that window. Nothing needed
from you – just don't panic if your monitoring goes red.

Gareth

{SIG_GARETH}""")
    b.add("wv-openreach-2", "wv-openreach", at("2026-11-17 17:05", TZ_UK), RACHEL, [GARETH], [SERVICE],
          reply="wv-openreach-1", quote="outlook_en",
          body=f"""Thanks Gareth, noted – we'll ignore any alerts from Northwich High in that window.

Rachel

{SIG_RACHEL}""")

    # ---- wv-m365: forwarded renewal notice with two questions
    ms = """________________________________
From: Microsoft 365 <msonlineservicesteam@microsoftonline.example>
Sent: Tuesday, 24 November 2026 18:02
To: Gareth Ellison <g.ellison@weavervalley.example>
Subject: Your subscription will expire soon

Your Office 365 A3 for faculty subscription (320 licences) will expire on 31 December 2026.
To avoid any interruption for your users, renew your subscription before the expiry date.
Renew now in the Microsoft 365 admin center.
"""
    b.add("wv-m365-1", "wv-m365", at("2026-11-25 08:45", TZ_UK), GARETH, [RACHEL], [SERVICE],
          subject="FW: Your subscription will expire soon",
          body=f"""Hi Rachel,

Got this from Microsoft last night. Is the renewal something you handle through your licensing
agreement, or do we have to do it ourselves? And will the pupils' A1 licences be affected as well?

Thanks,
Gareth

{SIG_GARETH}
{ms}""")


def calloway(b: Box):
    # ---- cp-trial: several asks; our questions answered inline; one done; two tasks on 12/1
    b.add("cp-trial-1", "cp-trial", at("2026-11-16 10:05", TZ_US), JENNA, [AISHA], [SERVICE, DONNA],
          subject="Trial prep – Harmon v. Lakeshore Transit (starts 12/7)",
          body=f"""Hi Aisha,

Our trial in Harmon v. Lakeshore Transit starts Monday 12/7 at the Daley Center, and we need a few
things before then:

1. Conference Room B set up as our war room by Wednesday 12/2: two extra monitors on the big table and
the portable HP printer connected to the network.
2. A way to get into NetDocuments from the courthouse.
3. TrialDirector on the trial laptop updated to the current version.

Thanks so much,
Jenna

{SIG_JENNA}""")
    b.add("cp-trial-2", "cp-trial", at("2026-11-16 16:20", TZ_UK), AISHA, [JENNA], [SERVICE, DONNA], reply="cp-trial-1",
          quote="outlook_en",
          body=f"""Hi Jenna,

Happy to help. For (1), our Chicago field technician will set up Conference Room B on Tuesday 12/1,
so it's ready a day early.

Two questions before I do the rest:
- The courthouse guest Wi-Fi blocks our VPN. Will you have your own hotspots with you?
- Which laptop is the trial laptop? Could you send me its asset tag?

Best,
Aisha

{SIG_AISHA}""")
    a2 = b.mails["cp-trial-2"]
    q = a2.text.split("________________________________")[0].rstrip("\n")
    q = q.replace("Will you have your own hotspots with you?",
                  "Will you have your own hotspots with you?\n[JW] Yes, we're bringing two Verizon hotspots.")
    q = q.replace("Could you send me its asset tag?",
                  "Could you send me its asset tag?\n[JW] It's the Dell, tag CP-LT-019.")
    assert "[JW] It's" in q
    b.add("cp-trial-3", "cp-trial", at("2026-11-17 09:12", TZ_US), JENNA, [AISHA], [SERVICE], reply="cp-trial-2",
          quote="outlook_en", quoted_override=q,
          body="""Answers below in blue, marked [JW].

Jenna""")
    b.add("cp-trial-4", "cp-trial", at("2026-11-17 17:30", TZ_UK), AISHA, [JENNA], [SERVICE], reply="cp-trial-3",
          quote="outlook_en",
          body=f"""Hi Jenna,

Thanks. With the hotspots you can open NetDocuments directly in the browser, no VPN needed. Let's test
both hotspots together on Tuesday 12/1 when the technician is in Conference Room B – could you bring
them in that day?

I updated TrialDirector on CP-LT-019 to version 8.1 remotely this afternoon. Could you open one of
your case files to check the exhibits still load?

Best,
Aisha

{SIG_AISHA}""")
    b.add("cp-trial-5", "cp-trial", at("2026-11-18 08:40", TZ_US), JENNA, [AISHA], [SERVICE], reply="cp-trial-4",
          quote="outlook_en",
          body="""Opened the Harmon case this morning – all 412 exhibits load fine. And yes, I'll bring both hotspots
on 12/1.

Thanks!
Jenna""")

    # ---- cp-voicemail: fixed, still not working, fixed again, confirmed
    b.add("cp-vm-1", "cp-voicemail", at("2026-11-11 11:30", TZ_US), DONNA, [SERVICE], [AISHA],
          subject="Voicemail emails not arriving for Kevin O'Brien",
          body=f"""Hello,

Kevin O'Brien hasn't been receiving his voicemails by email since Monday 11/9. Everyone else is fine.
Could you take a look?

Thank you,
Donna

{SIG_DONNA}""")
    b.add("cp-vm-2", "cp-voicemail", at("2026-11-11 18:05", TZ_UK), AISHA, [DONNA], [SERVICE, KEVIN], reply="cp-vm-1",
          quote="outlook_en",
          body=f"""Hi Donna,

Kevin's RingCentral voicemail-to-email setting still pointed to his old address from before the firm
changed its name. I've corrected it to kobrien@callowayprentiss.example, so new voicemails should
arrive by email again.

Best,
Aisha

{SIG_AISHA}""")
    b.add("cp-vm-3", "cp-voicemail", at("2026-11-17 09:50", TZ_US), KEVIN, [AISHA], [DONNA, SERVICE], reply="cp-vm-2",
          quote="outlook_en",
          body=f"""Aisha,

Still not getting them. I had three voicemails on the phone yesterday and none of them showed up in
Outlook.

Kevin

{SIG_KEVIN}""")
    b.add("cp-vm-4", "cp-voicemail", at("2026-11-17 16:40", TZ_UK), AISHA, [KEVIN], [DONNA, SERVICE], reply="cp-vm-3",
          quote="outlook_en",
          body=f"""Hi Kevin,

Found it: an Outlook rule on your mailbox moves everything from RingCentral into the folder
"Archive – Misc". Yesterday's three voicemails are in there. I've switched the rule off, so new ones
land in your inbox.

Best,
Aisha

{SIG_AISHA}""")
    b.add("cp-vm-5", "cp-voicemail", at("2026-11-18 08:15", TZ_US), KEVIN, [AISHA], [DONNA, SERVICE], reply="cp-vm-4",
          quote="outlook_en",
          body="""Got this morning's voicemail in my inbox. Thanks, Aisha.

Kevin""")

    # ---- cp-mfa: escalation by the managing partner; promise kept; confirmed
    b.add("cp-mfa-1", "cp-mfa", at("2026-11-20 07:45", TZ_US), MARK, [RACHEL], [AISHA, SERVICE],
          subject="MFA lockouts while traveling",
          body=f"""Rachel,

Two of our partners were locked out of email this week while traveling because of the new MFA prompts,
one of them in the middle of a deposition in Denver. This is unacceptable. I want this fixed by Tuesday
11/24, before everyone travels for Thanksgiving.

Mark

{SIG_MARK}""")
    b.add("cp-mfa-2", "cp-mfa", at("2026-11-20 15:10", TZ_UK), RACHEL, [MARK], [AISHA, SERVICE], reply="cp-mfa-1",
          quote="outlook_en",
          body=f"""Dear Mark,

I'm sorry – that should not have happened. The prompts came from SMS codes that don't arrive reliably
when roaming. Aisha will move all six partners to the Authenticator app with number matching and turn
off the SMS fallback by Monday 11/23. She'll call each partner to set it up on their phone.

Kind regards,
Rachel

{SIG_RACHEL}""")
    b.add("cp-mfa-3", "cp-mfa", at("2026-11-23 21:30", TZ_UK), AISHA, [MARK], [RACHEL, SERVICE], reply="cp-mfa-2",
          quote="outlook_en",
          body=f"""Dear Mr. Calloway,

All six partners are now on the Authenticator app with number matching, and I tested a sign-in with each
of them on the phone today. The SMS fallback is switched off.

Best,
Aisha

{SIG_AISHA}""")
    b.add("cp-mfa-4", "cp-mfa", at("2026-11-24 06:55", TZ_US), MARK, [AISHA], [RACHEL, SERVICE], reply="cp-mfa-3",
          quote="outlook_en", client="outlook_android",
          body="""Signed in at O'Hare this morning without any trouble. Thank you both.

Mark""")

    # ---- cp-laptop: our questions; the customer's out-of-office names a stand-in
    b.add("cp-laptop-1", "cp-laptop", at("2026-11-19 13:20", TZ_US), DONNA, [AISHA], [SERVICE],
          subject="New associate starting 12/7 – Priyanka Shah",
          body=f"""Hi Aisha,

Our new associate Priyanka Shah starts on Monday 12/7. Could you please get her laptop, email,
NetDocuments and Clio ready by Friday 12/4?

Thank you,
Donna

{SIG_DONNA}""")
    b.add("cp-laptop-2", "cp-laptop", at("2026-11-20 17:05", TZ_UK), AISHA, [DONNA], [SERVICE], reply="cp-laptop-1",
          quote="outlook_en",
          body=f"""Hi Donna,

The laptop is imaged and her email account (pshah@callowayprentiss.example) is created. To finish the
rest I need two things from you:

1. Should she be in the Litigation or the Corporate cabinet in NetDocuments?
2. Which phone extension should she get – or shall I just give her the next free one?

Best,
Aisha

{SIG_AISHA}""")
    b.add("cp-laptop-3", "cp-laptop", at("2026-11-20 11:06", TZ_US), DONNA, [AISHA], client="outlook",
          subject="Automatic reply: New associate starting 12/7 – Priyanka Shah", extra=OOO_EN, reply="cp-laptop-2",
          body="""Thank you for your email. I am out of the office through Monday 11/30 with limited access to email.
For anything urgent, please contact Jenna Whitaker (jwhitaker@callowayprentiss.example).

Donna Reyes""")

    # ---- cp-offer: proposal promised for 11/20, not sent; chased
    b.add("cp-offer-1", "cp-offer", at("2026-11-10 09:40", TZ_US), MARK, [RACHEL], [SERVICE],
          subject="Proposal: moving our files to SharePoint",
          body=f"""Rachel,

Our file server is six years old and due for replacement. Before we buy a new one, I'd like to see a
proposal for moving our files to SharePoint instead – migration effort, license costs and a rough
timeline. We'll decide at our budget meeting in early December.

Mark

{SIG_MARK}""")
    b.add("cp-offer-2", "cp-offer", at("2026-11-10 17:15", TZ_UK), RACHEL, [MARK], [SERVICE, AISHA], reply="cp-offer-1",
          quote="outlook_en",
          body=f"""Dear Mark,

Good idea, and a good time for it. I'll send you a proposal by Friday 11/20 with the migration plan,
license costs and a timeline.

Kind regards,
Rachel

{SIG_RACHEL}""")
    b.add("cp-offer-3", "cp-offer", at("2026-11-24 16:30", TZ_US), MARK, [RACHEL], [SERVICE], reply="cp-offer-2",
          quote="outlook_en",
          body=f"""Rachel – any news on the SharePoint proposal? Our budget meeting is Thursday 12/3 and the partners
need a few days to read it.

Mark

{SIG_MARK}""")

    # ---- cp-holiday: information and good wishes
    b.add("cp-holiday-1", "cp-holiday", at("2026-11-23 12:10", TZ_US), DONNA, [SERVICE], [AISHA, RACHEL],
          subject="Office closed 11/26–11/27 (Thanksgiving)",
          body=f"""Hi all,

Just a heads-up: our office will be closed on Thursday 11/26 and Friday 11/27 for Thanksgiving. If
something urgent comes up, Mark can be reached on his cell at (312) 555-0199.

Happy Thanksgiving!
Donna

{SIG_DONNA}""")

    # ---- cp-scan: fixed the same day, confirmed
    b.add("cp-scan-1", "cp-scan", at("2026-11-13 10:20", TZ_US), JENNA, [AISHA], [SERVICE],
          subject="Scans going to the wrong place in NetDocuments",
          body=f"""Hi Aisha,

Since this week the scan button on the Ricoh on 19 puts every PDF into my personal NetDocuments folder
instead of the matter workspace. Can you fix that?

Jenna

{SIG_JENNA}""")
    b.add("cp-scan-2", "cp-scan", at("2026-11-13 17:35", TZ_UK), AISHA, [JENNA], [SERVICE], reply="cp-scan-1",
          quote="outlook_en",
          body=f"""Hi Jenna,

The NetDocuments connector on the Ricoh lost its default after the firmware update on Monday. I've
changed the scan profile so it asks for the client-matter number again and files into that
workspace.

Best,
Aisha

{SIG_AISHA}""")
    b.add("cp-scan-3", "cp-scan", at("2026-11-13 12:02", TZ_US), JENNA, [AISHA], [SERVICE], reply="cp-scan-2",
          quote="outlook_en",
          body="""Perfect – just scanned a letter to 2291-004 and it landed in the right workspace. Thank you!

Jenna""")


def nobody(b: Box):
    b.add("junk-news-1", "junk-newsletter", at("2026-11-23 06:30"), NORDCOM, [SERVICE], client="plain",
          subject="Black Week bei Nordcom: bis zu 20 % auf Firewalls und Switches",
          extra={"Precedence": "bulk", "List-Unsubscribe": "<https://mailing.nordcom-distribution.example/abmelden?id=55120>",
                 "List-Id": "Nordcom Partner-News <partner.nordcom-distribution.example>"},
          body="""Nordcom Partner-News · Black Week 2026

Nur bis Montag, 30.11.: bis zu 20 % Partnerrabatt auf ausgewählte Firewalls und Switches!

Bestellen Sie im Partnerportal mit dem Aktionscode BLACKWEEK20 – solange der Vorrat reicht.

Zum Partnerportal: https://portal.nordcom-distribution.example/blackweek

Sie erhalten diesen Newsletter, weil Sie als Partner bei Nordcom registriert sind.
Abmelden: https://mailing.nordcom-distribution.example/abmelden?id=55120""")
    b.add("junk-phish-1", "junk-phish", at("2026-11-19 04:47"), PHISH, [SERVICE], client="plain",
          subject="Ihre Sendung konnte nicht zugestellt werden",
          body="""DHL Paket

Guten Tag,

Ihre Sendung 00340434161094052291 konnte nicht zugestellt werden, da Zollgebühren in Höhe von 1,99 EUR
offen sind. Bitte begleichen Sie die Gebühr innerhalb von 48 Stunden, sonst geht die Sendung an den
Absender zurück.

Jetzt bezahlen: https://dhl-sendungsverfolgung.example/zahlung?id=55120

Ihr DHL Team""")
    b.add("junk-sales-1", "junk-sales", at("2026-11-12 14:20", TZ_UK), CLOSER, [SERVICE],
          subject="Pen testing for your clients?", client="gmail",
          body="""Hi there,

I see Nordlicht looks after schools and law firms in the UK – both are getting a lot of attention from
ransomware groups at the moment. SecurePath runs white-label penetration tests that MSPs resell under
their own name.

Would you have 20 minutes for a quick call next week?

Best,
Brett Lawson
Partnerships, SecurePath""")
    b.add("junk-sales-2", "junk-sales", at("2026-11-19 14:25", TZ_UK), CLOSER, [SERVICE], client="gmail",
          reply="junk-sales-1", quote="gmail_en",
          body="""Hi again – just bumping this up your inbox. Would Thursday or Friday work for 20 minutes?

Brett""")
    b.add("junk-internal-1", "junk-internal", at("2026-11-23 07:05"), SVENJA, [TIMO], [HENNING, FRAUKE, SERVICE],
          client="thunderbird", subject="Bin krank",
          body="""Moin,

mich hat es mit Fieber erwischt, ich bin diese Woche raus, voraussichtlich bis einschließlich Freitag.

Timo, kannst du bitte meine Sachen bei Kück übernehmen? Wichtig ist der Hotfix für den
Etikettendrucker an Rampe 3, der muss Dienstagabend drauf. Die Zugangsdaten für das
LogiSoft-Portal liegen im Passwortsafe.

Danke!
Svenja""")
    b.add("junk-internal-2", "junk-internal", at("2026-11-23 07:30"), TIMO, [SVENJA], [HENNING, FRAUKE, SERVICE],
          reply="junk-internal-1", quote="thunderbird_de", client="thunderbird",
          body="""Gute Besserung! Ich kümmere mich drum.

Timo""")


# ==================================================================================== build
def build(path: str) -> list[dict]:
    b = Box()
    for part in (hollmann, kueck, weaver, calloway, nobody):
        part(b)
    return b.write(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scenario.py DIR")
    man = build(sys.argv[1])
    Path(sys.argv[1].rstrip("/") + ".manifest.json").write_text(json.dumps(man, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(man)} messages, {len({m['thread'] for m in man})} threads -> {sys.argv[1]}")
