#!/usr/bin/env python3
"""Held-out mailbox 7 for mailsum: three weeks of service mail of an IT service provider.

Weserbogen Systemhaus GmbH (team domain ``weserbogen-it.example``; Bremen, a small team in Leeds and
one engineer in Chicago) and four customers: Zweckverband Wasserversorgung Wümme-Hamme (a public
water authority, formal German), Hollmann Kältetechnik (a Mittelstand company with its own
Zammad-style helpdesk), Kirkgate Dental Group (UK dental practices) and Pullman & Reyes CPAs
(Chicago accountants, US dates), plus a few mails that belong to no customer. Mail from Tue
17.11.2026 to Mon 07.12.2026, all in the shared mailbox ``service@weserbogen-it.example`` (staff
replies and their auto-replies are journaled there too).

    python3 scenario.py DIR     # writes the Maildir DIR and DIR.manifest.json

``build(DIR)`` does the same and returns the manifest: one entry per message with its Message-ID
(as in the header, with angle brackets), the thread key used by gold.json, the file name and the
date. Standard library only; the output is the same on every run. The mail-format machinery
(Mail/Box, quoting styles, charsets, Message-ID styles, build) is copied from the shared
development set; everything else is new.
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
TZ_US = timezone(timedelta(hours=-6))      # Chicago (CST)

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


SERVICE = P("Weserbogen Service", "service@weserbogen-it.example", "Weserbogen Service")

# our people: Bremen
ANJA = P("Anja Kröger", "anja.kroeger@weserbogen-it.example")
HILKE = P("Hilke Oltmanns", "hilke.oltmanns@weserbogen-it.example")
MALTE = P("Malte Siemering", "malte.siemering@weserbogen-it.example")
LARS = P("Lars Pundt", "lars.pundt@weserbogen-it.example")
TIMO = P("Timo Brinkmann", "timo.brinkmann@weserbogen-it.example")
# Leeds
HANNAH = P("Hannah Ackroyd", "hannah.ackroyd@weserbogen-it.example", tz=TZ_UK)
ROB = P("Rob Hirst", "rob.hirst@weserbogen-it.example", tz=TZ_UK)
CALLUM = P("Callum Firth", "callum.firth@weserbogen-it.example", tz=TZ_UK)
JODIE = P("Jodie Sutcliffe", "jodie.sutcliffe@weserbogen-it.example", tz=TZ_UK)
# Chicago
MARCUS = P("Marcus Delaney", "marcus.delaney@weserbogen-it.example", tz=TZ_US)
ZABBIX = P("Zabbix", "zabbix@monitor.weserbogen-it.example", "Zabbix Weserbogen")

# Zweckverband Wasserversorgung Wümme-Hamme, Osterholz-Scharmbeck
MEINKE = P("Carsten Meinke", "c.meinke@zv-wuemme-hamme.example", "Meinke, Carsten")
GROTHEER = P("Ilka Grotheer", "i.grotheer@zv-wuemme-hamme.example", "Grotheer, Ilka")
AHLERS = P("Dr. Bernd Ahlers", "b.ahlers@zv-wuemme-hamme.example", "Ahlers, Dr. Bernd")
TIETJEN = P("Sabrina Tietjen", "s.tietjen@zv-wuemme-hamme.example", "Tietjen, Sabrina")

# Hollmann Kältetechnik GmbH & Co. KG, Verden (Aller)
ZAMMAD = P("Hollmann IT-Helpdesk", "helpdesk@hollmann-kaelte.example")
SVENJA_Z = P("Svenja Rohlfs", "helpdesk@hollmann-kaelte.example", "Svenja Rohlfs via Hollmann IT-Helpdesk")
JENS_Z = P("Jens Hollmann", "helpdesk@hollmann-kaelte.example", "Jens Hollmann via Hollmann IT-Helpdesk")
JENS = P("Jens Hollmann", "j.hollmann@hollmann-kaelte.example")
SVENJA = P("Svenja Rohlfs", "s.rohlfs@hollmann-kaelte.example", "Rohlfs, Svenja")
KEVIN = P("Kevin Bischoff", "k.bischoff@hollmann-kaelte.example")
BALTSOFT = P("Ole Janssen", "support@baltsoft-erp.example", "BaltSoft Support – Ole Janssen")

# Kirkgate Dental Group Ltd, Wakefield (practices in Wakefield and Horsforth)
FIONA = P("Fiona Marsden", "fiona.marsden@kirkgatedental.example", "Marsden, Fiona", tz=TZ_UK)
TOM = P("Tom Whiteley", "tom.whiteley@kirkgatedental.example", tz=TZ_UK)
LAUREN = P("Lauren Beck", "lauren.beck@kirkgatedental.example", tz=TZ_UK)
RASHID = P("Dr Rashid Qureshi", "rashid.qureshi@kirkgatedental.example", tz=TZ_UK)
ORBIS = P("Gary Fenwick", "support@orbis-imaging.example", "Orbis Imaging Support", tz=TZ_UK)

# Pullman & Reyes, CPAs LLC, Oak Park IL
DANA = P("Dana Whitcomb", "dwhitcomb@pullmanreyes.example", tz=TZ_US)
AMBER = P("Amber Kowalski", "akowalski@pullmanreyes.example", tz=TZ_US)
GREG = P("Greg Pullman", "gpullman@pullmanreyes.example", tz=TZ_US)
LUIS = P("Luis Reyes", "lreyes@pullmanreyes.example", tz=TZ_US)

# nobody's
HANSE = P("Hanse-Distribution", "news@mailing.hanse-distribution.example", "Hanse-Distribution Partnernews")
PHISH = P("Mail-Administrator", "admin@weserbogen-it-mailcenter.example")
KALEB = P("Kaleb Frost", "kaleb.frost@ticketsense-ai.example", tz=TZ_US)


# ------------------------------------------------------------------------------------ signatures
def sig_de(name, role, ext, addr, mobile=None):
    mob = f" · Mobil {mobile}" if mobile else ""
    return (f"{name}\n{role}\n\nWeserbogen Systemhaus GmbH\nStephanitorsbollwerk 3 · 28217 Bremen\n"
            f"Tel. +49 421 6094 37-{ext}{mob}\nService +49 421 6094 37-0 · {addr}\n\n"
            "Geschäftsführerin: Ute Rahlfs · Amtsgericht Bremen HRB 38817 HB\n")


SIG_ANJA = sig_de("Anja Kröger", "Kundenbetreuung", "11", ANJA.addr, "+49 170 5550 4411")
SIG_HILKE = sig_de("Hilke Oltmanns", "Kundenbetreuung", "13", HILKE.addr)
SIG_MALTE = "-- \n" + sig_de("Malte Siemering", "Systemadministration", "21", MALTE.addr)
SIG_LARS = "-- \n" + sig_de("Lars Pundt", "Netzwerk & Sicherheit", "24", LARS.addr, "+49 151 5550 2424")
SIG_TIMO = sig_de("Timo Brinkmann", "Systemadministration", "26", TIMO.addr)


def sig_uk(name, role, direct, mobile=None):
    mob = f" | M {mobile}" if mobile else ""
    return (f"{name}\n{role} | Weserbogen IT Services Ltd\nT 0113 496 {direct}{mob}\n"
            "Weserbogen IT Services Ltd · 2 Whitehall Quay, Leeds LS1 4HR · Registered in England and "
            "Wales No. 12690341\n")


SIG_HANNAH = sig_uk("Hannah Ackroyd", "Account Manager", "0731", "07700 900318")
SIG_ROB = sig_uk("Rob Hirst", "Client Services Manager", "0735")
SIG_CALLUM = sig_uk("Callum Firth", "Service Engineer", "0742", "07700 900561")
SIG_JODIE = sig_uk("Jodie Sutcliffe", "Service Engineer", "0748")
SIG_MARCUS = ("Marcus Delaney\nField Engineer, Chicago | Weserbogen IT Services\n(312) 555-0187 · "
              "marcus.delaney@weserbogen-it.example\n")

ZV_FOOT = """Zweckverband Wasserversorgung Wümme-Hamme
Körperschaft des öffentlichen Rechts
Bahnhofstraße 51 · 27711 Osterholz-Scharmbeck
Telefon 04791 96630-{ext} · Telefax 04791 96630-99
Störungsdienst (24 h): 04791 96630-55

Diese E-Mail kann vertrauliche Informationen enthalten. Sollten Sie nicht der vorgesehene Empfänger
sein, unterrichten Sie bitte den Absender und löschen Sie diese Nachricht. Rechtsverbindliche
Erklärungen des Zweckverbandes bedürfen der Schriftform.
"""
SIG_MEINKE = "Mit freundlichen Grüßen\nIm Auftrag\n\nCarsten Meinke\nSachgebiet Organisation und IT\n\n" + ZV_FOOT.format(ext="31")
SIG_GROTHEER = "Mit freundlichen Grüßen\nIm Auftrag\n\nIlka Grotheer\nHauptamt / Personal\n\n" + ZV_FOOT.format(ext="12")
SIG_AHLERS = "Dr. Bernd Ahlers\nGeschäftsleiter\n\n" + ZV_FOOT.format(ext="10")
SIG_TIETJEN = "Sabrina Tietjen\nKasse\n\n" + ZV_FOOT.format(ext="41")

HK_FOOT = """Hollmann Kältetechnik GmbH & Co. KG · Industriestraße 12 · 27283 Verden (Aller)
Tel. 04231 93388-0 · www.hollmann-kaelte.example
Sitz Verden · Registergericht Walsrode HRA 201944 · pers. haftende Gesellschafterin: Hollmann
Verwaltungs-GmbH, Registergericht Walsrode HRB 120377 · Geschäftsführer: Dirk Hollmann, Jens Hollmann
"""
SIG_JENS = "Jens Hollmann\nKaufmännische Leitung / IT\nDurchwahl 04231 93388-20\n\n" + HK_FOOT
SIG_SVENJA = "Svenja Rohlfs\nBuchhaltung\nDurchwahl 04231 93388-34\n\n" + HK_FOOT
ZAMMAD_FOOT = ("\n--\nTicket ansehen: https://helpdesk.hollmann-kaelte.example/#ticket/zoom/{zoom}\n"
               "Sie erhalten diese E-Mail, weil Sie an diesem Ticket beteiligt sind. Bitte lassen Sie\n"
               "die Ticketnummer im Betreff stehen.\n")
SIG_BALTSOFT = ("Ole Janssen\nSupport ERP\n\nBaltSoft Software GmbH · Am Sandtorkai 9 · 20457 Hamburg\n"
                "Support-Hotline 040 3099 7710 · support@baltsoft-erp.example\n")

KD_FOOT = """Kirkgate Dental Group Ltd · 14 Kirkgate, Wakefield WF1 1HZ · Registered in England No. 08817263
This email and any attachments are confidential and intended solely for the addressee. Patient
information must not be forwarded outside the practice. If you have received this email in error,
please notify the sender and delete it.
"""
SIG_FIONA = "Fiona Marsden\nGroup Practice Manager\nKirkgate Dental Group\nT 01924 496 210\n\n" + KD_FOOT
SIG_LAUREN = "Lauren Beck\nReception Lead, Wakefield\nT 01924 496 200\n\n" + KD_FOOT
SIG_RASHID = "Dr Rashid Qureshi BDS\nClinical Director\nKirkgate Dental Group\n\n" + KD_FOOT
SIG_TOM = "Tom Whiteley\nAssociate Dentist\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n"
SIG_ORBIS = ("Gary Fenwick\nSecond Line Support\nOrbis Imaging UK · 0161 496 0730 · support@orbis-imaging.example\n"
             "Case ref OI-558213\n")

PR_FOOT = ("Pullman & Reyes, CPAs LLC · 1100 Lake Street, Suite 300 · Oak Park, IL 60301 · (708) 555-0140\n"
           "CONFIDENTIALITY NOTICE: This message may contain confidential taxpayer information. If you are not\n"
           "the intended recipient, please notify the sender and delete this message.\n")
SIG_DANA = "Dana Whitcomb\nOffice Manager\nPullman & Reyes, CPAs\n(708) 555-0141\n\n" + PR_FOOT
SIG_AMBER = "Amber Kowalski\nStaff Accountant\n(708) 555-0146\n\n" + PR_FOOT
SIG_GREG = "Greg\n\nSent from my iPhone"


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
    if style == "zammad":
        return f"<zammad.{int(date.timestamp())}.{h[:12].lower()}@helpdesk.hollmann-kaelte.example>"
    if style == "zabbix":
        return f"<zbx.{int(date.timestamp())}.{int(h[:8], 16)}@monitor.weserbogen-it.example>"
    return f"<{date.astimezone(timezone.utc):%Y%m%d%H%M%S}.{h[:10].lower()}@{dom}>"


STYLE_OF_CLIENT = {"outlook": "outlook", "outlook_android": "outlook", "gmail": "gmail", "iphone": "apple",
                   "applemail": "apple", "thunderbird": "thunderbird", "zammad": "zammad", "zabbix": "zabbix",
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
    if style == "otrs":
        return f"{d:%d.%m.%Y %H:%M} - {p.name} schrieb:"
    if style == "freshdesk":
        return f"On {EN_WD[d.weekday()][:3]}, {d.day} {EN_MON[d.month - 1][:3]} at {ampm(d)} , {p.name} <{p.addr}> wrote:"
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
            name = f"{ts}.M{i:03d}P{4100 + i}Q1.mx1.weserbogen-it.example:2,S"
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
def zweckverband(b: Box):
    # ---- zv-vpn: VPN tunnel to the waterworks drops; our questions answered top-posted; fix, still
    #      drops; escalation by the Geschäftsleiter with a deadline; firmware done, report promised
    b.add("zv-vpn-1", "zv-vpn", at("2026-11-23 08:52"), MEINKE, [SERVICE], [LARS], charset="windows-1252",
          subject="VPN-Verbindung Wasserwerk Ritterhude bricht ab",
          body=f"""Sehr geehrte Damen und Herren,

seit einigen Tagen bricht die VPN-Verbindung zwischen der Geschäftsstelle und dem Wasserwerk
Ritterhude immer wieder ab. In der Leitwarte fehlen dann die Fernwirkdaten (Pegel, Durchfluss,
Pumpenstatus) für mehrere Minuten. Der Bereitschaftsdienst musste am Wochenende zweimal nachsehen
fahren, obwohl nichts war.

Wir bitten um Prüfung.

{SIG_MEINKE}""")
    b.add("zv-vpn-2", "zv-vpn", at("2026-11-23 13:40"), LARS, [MEINKE], [SERVICE], reply="zv-vpn-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrter Herr Meinke,

ich sehe in den Protokollen der Firewall tatsächlich wiederholte Neuaufbauten des Tunnels. Damit ich
das eingrenzen kann, zwei Fragen: Tritt das eher nachts oder auch tagsüber auf? Und wurde am
Anschluss in Ritterhude in letzter Zeit etwas verändert, etwa durch einen Techniker des Providers?

Mit freundlichen Grüßen
Lars Pundt

{SIG_LARS}""")
    b.add("zv-vpn-3", "zv-vpn", at("2026-11-24 07:58"), MEINKE, [LARS], [SERVICE], reply="zv-vpn-2",
          quote="outlook_de_sep", charset="windows-1252",
          body=f"""Sehr geehrter Herr Pundt,

überwiegend nachts zwischen 1 und 4 Uhr, vereinzelt auch am Vormittag. Und ja: Am 18.11. war ein
Techniker vor Ort und hat den Anschluss im Wasserwerk von DSL auf Glasfaser umgestellt. Seitdem
haben wir die Abbrüche.

{SIG_MEINKE}""")
    b.add("zv-vpn-4", "zv-vpn", at("2026-11-25 16:20"), LARS, [MEINKE], [SERVICE], reply="zv-vpn-3",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrter Herr Meinke,

danke, das erklärt es: Mit der Umstellung hat das Wasserwerk eine neue öffentliche Adresse bekommen,
die nachts vom Provider neu vergeben wird. Ich habe die Gegenstelle auf den DNS-Namen umgestellt und
die Dead-Peer-Erkennung angepasst. Aus meiner Sicht ist das damit behoben; falls Ihnen noch einmal
Lücken in den Daten auffallen, geben Sie mir bitte Bescheid.

Mit freundlichen Grüßen
Lars Pundt

{SIG_LARS}""")
    b.add("zv-vpn-5", "zv-vpn", at("2026-12-01 08:15"), MEINKE, [LARS], [SERVICE, ANJA], reply="zv-vpn-4",
          quote="outlook_de_sep", charset="windows-1252",
          body=f"""Sehr geehrter Herr Pundt,

leider geht es immer noch nicht zuverlässig. In der Nacht zum 30.11. und heute Nacht ist der Tunnel
jeweils mehrfach abgebrochen, zuletzt um 03:40 Uhr für 25 Minuten. Die Fernwirkdaten aus
Ritterhude fehlen für diese Zeiträume vollständig.

{SIG_MEINKE}""")
    b.add("zv-vpn-6", "zv-vpn", at("2026-12-03 10:05"), AHLERS, [ANJA], [LARS, MEINKE, SERVICE], reply="zv-vpn-5",
          quote="outlook_de_sep",
          body=f"""Sehr geehrte Frau Kröger,

die Störung der Verbindung zum Wasserwerk Ritterhude besteht nun seit mehr als zwei Wochen. Für
einen Wasserversorger ist eine lückenhafte Fernüberwachung nicht hinnehmbar; wir mussten den
Bereitschaftsdienst mehrfach unnötig ausrücken lassen.

Am Donnerstag, 10.12., tagt unsere Verbandsversammlung, und ich muss dort über die Betriebssicherheit
berichten. Ich erwarte daher bis spätestens Mittwoch, 09.12., eine dauerhafte Lösung sowie eine
schriftliche Stellungnahme zur Ursache.

Mit freundlichen Grüßen

{SIG_AHLERS}""")
    b.add("zv-vpn-7", "zv-vpn", at("2026-12-03 14:30"), ANJA, [AHLERS], [LARS, MEINKE, SERVICE], reply="zv-vpn-6",
          quote="outlook_de",
          body=f"""Sehr geehrter Herr Dr. Ahlers,

ich bedauere die anhaltende Störung sehr. Herr Pundt hat inzwischen festgestellt, dass die Firewall
im Wasserwerk mit dem neuen Glasfaser-Router einen bekannten Firmwarefehler hat. Er spielt am Montag,
07.12., nach Dienstschluss die korrigierte Firmware ein und baut den Tunnel neu auf.

Die schriftliche Stellungnahme zu Ursache und Maßnahmen erhalten Sie von mir bis Mittwoch, 09.12.

Mit freundlichen Grüßen
Anja Kröger

{SIG_ANJA}""")
    b.add("zv-vpn-8", "zv-vpn", at("2026-12-07 19:10"), LARS, [MEINKE], [ANJA, SERVICE], reply="zv-vpn-7",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrter Herr Meinke,

die neue Firmware ist eingespielt, der Tunnel zum Wasserwerk Ritterhude ist neu aufgebaut und steht
seit 18:45 Uhr. Ich beobachte die Verbindung heute Nacht und melde mich morgen bis 12 Uhr mit dem
Ergebnis bei Ihnen.

Mit freundlichen Grüßen
Lars Pundt

{SIG_LARS}""")

    # ---- zv-azubi: several asks in one mail; laptop promised, moved twice, our man sick (take-over)
    b.add("zv-azubi-1", "zv-azubi", at("2026-11-20 10:12"), GROTHEER, [SERVICE], [ANJA], html_only=True,
          subject="Neuer Auszubildender ab 01.12.2026 – Herr Brüning",
          body=f"""Sehr geehrte Damen und Herren,

zum 01.12.2026 beginnt Herr Jannik Brüning seine Ausbildung zum Verwaltungsfachangestellten bei uns.
Wir bitten Sie, bis dahin Folgendes vorzubereiten:

1. Benutzerkonto und E-Mail-Adresse (j.bruening@zv-wuemme-hamme.example)
2. eine Durchwahl an der Telefonanlage, nach Möglichkeit die -214
3. einen Laptop mit Dockingstation für den Ausbildungsplatz im Hauptamt
4. Lesezugriff auf das Gruppenlaufwerk Hauptamt

{SIG_GROTHEER}""")
    b.add("zv-azubi-2", "zv-azubi", at("2026-11-23 11:30"), MALTE, [GROTHEER], [ANJA, SERVICE], reply="zv-azubi-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrte Frau Grotheer,

gern. Benutzerkonto, E-Mail-Adresse und den Lesezugriff richte ich bis Freitag, 27.11., ein, die
Durchwahl -214 ist frei und wird Herrn Brüning zugeordnet. Den Laptop (ThinkPad mit Dockingstation,
wie bei den übrigen Arbeitsplätzen) habe ich bestellt; ich bringe ihn ebenfalls bis Freitag, 27.11.,
vorbei.

Mit freundlichen Grüßen
Malte Siemering

{SIG_MALTE}""")
    b.add("zv-azubi-3", "zv-azubi", at("2026-11-27 15:40"), MALTE, [GROTHEER], [ANJA, SERVICE], reply="zv-azubi-2",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrte Frau Grotheer,

Benutzerkonto, E-Mail-Adresse, Lesezugriff auf das Gruppenlaufwerk und die Durchwahl -214 sind
eingerichtet; die Zugangsdaten liegen im verschlossenen Umschlag bei Ihnen im Fach. Der Laptop ist
leider noch nicht vom Großhändler gekommen. Ich melde mich dazu Anfang der Woche.

Mit freundlichen Grüßen
Malte Siemering

{SIG_MALTE}""")
    b.add("zv-azubi-4", "zv-azubi", at("2026-12-01 08:05"), GROTHEER, [MALTE], [ANJA, SERVICE], reply="zv-azubi-3",
          quote="outlook_de_sep", html_only=True,
          body=f"""Sehr geehrter Herr Siemering,

Herr Brüning hat heute seinen ersten Arbeitstag und arbeitet vorerst an einem Leihgerät aus dem
Sitzungssaal. Wann können wir mit dem Laptop rechnen?

{SIG_GROTHEER}""")
    b.add("zv-azubi-5", "zv-azubi", at("2026-12-01 10:15"), TIMO, [GROTHEER], [ANJA, MALTE, SERVICE],
          reply="zv-azubi-4", quote="outlook_de",
          body=f"""Sehr geehrte Frau Grotheer,

Herr Siemering ist diese Woche erkrankt; ich übernehme in der Zeit seine Vorgänge bei Ihnen. Laut
Großhändler wird der Laptop morgen geliefert. Ich bringe ihn am Donnerstag, 03.12., vormittags
vorbei und richte ihn vor Ort für Herrn Brüning ein.

Mit freundlichen Grüßen
Timo Brinkmann

{SIG_TIMO}""")
    b.add("zv-azubi-6", "zv-azubi", at("2026-12-03 07:50"), TIMO, [GROTHEER], [ANJA, SERVICE], reply="zv-azubi-5",
          quote="outlook_de",
          body=f"""Sehr geehrte Frau Grotheer,

leider hat der Großhändler die Lieferung gestern kurzfristig verschoben, der Laptop kommt erst am
Montag. Ich bringe ihn Ihnen dann am Montag, 07.12., nachmittags vorbei. Entschuldigen Sie bitte die
Verzögerung.

Mit freundlichen Grüßen
Timo Brinkmann

{SIG_TIMO}""")

    # ---- zv-kenntnis: information only
    b.add("zv-kenntnis-1", "zv-kenntnis", at("2026-11-30 11:20"), MEINKE, [SERVICE], [ANJA], charset="windows-1252",
          subject="Zur Kenntnis: Geschäftsstelle vom 24.12. bis 01.01. geschlossen",
          body=f"""Sehr geehrte Damen und Herren,

zur Kenntnis: Unsere Geschäftsstelle ist vom 24.12.2026 bis einschließlich 01.01.2027 geschlossen.
Die Wasserwerke und der Störungsdienst sind wie gewohnt rund um die Uhr besetzt; an der Rufnummer
des Störungsdienstes ändert sich nichts. Eine Handlung Ihrerseits ist nicht erforderlich.

{SIG_MEINKE}""")
    b.add("zv-kenntnis-2", "zv-kenntnis", at("2026-11-30 13:05"), ANJA, [MEINKE], [SERVICE], reply="zv-kenntnis-1",
          quote="outlook_de",
          body=f"""Sehr geehrter Herr Meinke,

vielen Dank für die Information, wir haben die Schließzeit vermerkt.

Mit freundlichen Grüßen
Anja Kröger

{SIG_ANJA}""")

    # ---- zv-dc01: monitoring alert without recovery
    b.add("zv-dc01-1", "zv-dc01", at("2026-12-06 03:12"), ZABBIX, [SERVICE], client="zabbix", cte="8bit",
          subject="Problem: ZVWH-DC01: Free disk space is less than 10% on volume C:",
          extra={"X-Zabbix-Severity": "High"},
          body="""Problem started at 03:12:44 on 2026.12.06
Problem name: ZVWH-DC01: Free disk space is less than 10% on volume C:
Host: ZVWH-DC01 (Domänencontroller Geschäftsstelle, 10.31.0.10)
Severity: High
Operational data: Used: 54.31 GB of 59.45 GB (91.35 %)
Original problem ID: 8841207

Zabbix Weserbogen · https://monitor.weserbogen-it.example/zabbix/tr_events.php?triggerid=40271&eventid=8841207""")

    # ---- zv-drucker: the customer settles it herself
    b.add("zv-drucker-1", "zv-drucker", at("2026-12-02 09:40"), TIETJEN, [SERVICE], subject="Drucker Kasse druckt nicht",
          body=f"""Guten Morgen,

der Drucker in der Kasse (Zimmer 0.12) druckt seit heute früh nicht mehr, die Aufträge bleiben in der
Warteschlange hängen. Können Sie sich das bitte ansehen? Wir müssen heute noch die Mahnläufe
ausdrucken.

Mit freundlichen Grüßen
{SIG_TIETJEN}""")
    b.add("zv-drucker-2", "zv-drucker", at("2026-12-02 10:05"), TIMO, [TIETJEN], [SERVICE], reply="zv-drucker-1",
          quote="outlook_de",
          body=f"""Guten Morgen Frau Tietjen,

ich schalte mich gegen 11 Uhr per Fernwartung auf Ihren Rechner und sehe mir die Warteschlange an.

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("zv-drucker-3", "zv-drucker", at("2026-12-02 10:32"), TIETJEN, [TIMO], [SERVICE], reply="zv-drucker-2",
          quote="outlook_de_sep",
          body=f"""Hallo Herr Brinkmann,

hat sich erledigt: Der Drucker war hinten am Schalter ausgeschaltet, vermutlich beim Putzen. Jetzt
läuft alles wieder, Sie brauchen sich nicht mehr aufzuschalten.

Gruß
Sabrina Tietjen

{SIG_TIETJEN}""")

    # ---- zv-postfach: our questions unanswered; chased by us; the customer's out-of-office names a stand-in
    b.add("zv-postfach-1", "zv-postfach", at("2026-11-19 09:15"), MEINKE, [SERVICE], charset="windows-1252",
          subject="Funktionspostfach für das Sachgebiet Gebühren",
          body=f"""Sehr geehrte Damen und Herren,

für das Sachgebiet Gebühren benötigen wir ein Funktionspostfach gebuehren@zv-wuemme-hamme.example,
das auf den Gebührenbescheiden als Kontaktadresse angegeben werden soll. Bitte richten Sie es ein.

{SIG_MEINKE}""")
    b.add("zv-postfach-2", "zv-postfach", at("2026-11-19 14:20"), MALTE, [MEINKE], [SERVICE], reply="zv-postfach-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrter Herr Meinke,

das richten wir gern ein. Vorher zwei Rückfragen:

1. Welche Mitarbeiterinnen und Mitarbeiter sollen Zugriff auf das Funktionspostfach erhalten?
2. Sollen diese auch im Namen von gebuehren@ antworten können, oder genügt das Lesen?

Mit freundlichen Grüßen
Malte Siemering

{SIG_MALTE}""")
    b.add("zv-postfach-3", "zv-postfach", at("2026-12-02 09:00"), ANJA, [MEINKE], [MALTE, SERVICE], reply="zv-postfach-2",
          quote="outlook_de",
          body=f"""Sehr geehrter Herr Meinke,

ich erlaube mir, an die beiden Rückfragen von Herrn Siemering vom 19.11. zum Funktionspostfach
Gebühren zu erinnern. Sobald uns Ihre Antworten vorliegen, richten wir das Postfach innerhalb von zwei
Arbeitstagen ein.

Mit freundlichen Grüßen
Anja Kröger

{SIG_ANJA}""")
    b.add("zv-postfach-4", "zv-postfach", at("2026-12-02 09:01"), MEINKE, [ANJA], reply="zv-postfach-3", extra=OOO_DE,
          subject="Automatische Antwort: AW: Funktionspostfach für das Sachgebiet Gebühren", charset="windows-1252",
          body="""Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich Freitag, 04.12.2026, nicht im Hause. Ihre Nachricht wird nicht
weitergeleitet. In dringenden Fällen wenden Sie sich bitte an Frau Ilka Grotheer
(i.grotheer@zv-wuemme-hamme.example, Telefon 04791 96630-12).

Mit freundlichen Grüßen
Carsten Meinke""")

    # ---- zv-zertifikat: forwarded expiry notice; a promise and an ask in one sentence; costs approved
    ca = """-----Ursprüngliche Nachricht-----
Von: TrustGate Zertifikatsservice <expiry@trustgate-ca.example>
Gesendet: Montag, 23. November 2026 06:00
An: Meinke, Carsten <c.meinke@zv-wuemme-hamme.example>
Betreff: Ihr Zertifikat für portal.zv-wuemme-hamme.example läuft in 21 Tagen ab

Sehr geehrter Kunde,

das TLS-Zertifikat für portal.zv-wuemme-hamme.example (Bestellnummer TG-2025-118734) läuft am
14.12.2026 ab. Bitte verlängern Sie es rechtzeitig, damit Ihre Besucher keine Sicherheitswarnung
erhalten.

Ihr TrustGate-Team
"""
    b.add("zv-zert-1", "zv-zertifikat", at("2026-11-24 10:00"), MEINKE, [SERVICE], [MALTE], charset="windows-1252",
          subject="WG: Ihr Zertifikat für portal.zv-wuemme-hamme.example läuft in 21 Tagen ab",
          body=f"""Sehr geehrte Damen und Herren,

anbei die Ablaufmeldung für das Zertifikat unseres Bürgerportals. Bitte kümmern Sie sich darum.

{SIG_MEINKE}
{ca}""")
    b.add("zv-zert-2", "zv-zertifikat", at("2026-11-24 15:10"), MALTE, [MEINKE], [SERVICE], reply="zv-zert-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrter Herr Meinke,

ich verlängere das Zertifikat für das Bürgerportal bis Donnerstag, 10.12., sobald Sie mir die
Kosten von 119 € netto für ein weiteres Jahr freigeben.

Mit freundlichen Grüßen
Malte Siemering

{SIG_MALTE}""")
    b.add("zv-zert-3", "zv-zertifikat", at("2026-11-25 08:30"), MEINKE, [MALTE], [SERVICE], reply="zv-zert-2",
          quote="outlook_de_sep", charset="windows-1252",
          body=f"""Sehr geehrter Herr Siemering,

die Kosten sind freigegeben. Die Rechnung bitte wie üblich an die Kasse.

{SIG_MEINKE}""")


def hollmann(b: Box):
    T1, Z1 = "[Ticket#31852]", 4471
    # ---- hk-erp: ERP slow after an update; the ERP vendor asked inside the customer's matter; ticket
    #      notices with and without a person's comment; our confirmation to the vendor still missing
    b.add("hk-erp-1", "hk-erp", at("2026-11-26 08:40"), SVENJA_Z, [SERVICE], client="zammad",
          subject=f"{T1} ERP sehr langsam seit Update 7.4", extra={"X-Zammad-Ticket-Number": "31852"},
          body=f"""Svenja Rohlfs hat ein neues Ticket erstellt.

Ticket#31852 – ERP sehr langsam seit Update 7.4
Gruppe: IT · Priorität: 2 normal · Status: neu

Svenja Rohlfs:
Seit dem Update von BaltSoft ERP auf Version 7.4 am Wochenende dauert das Kalkulieren eines Angebots
zwei bis drei Minuten statt ein paar Sekunden. Die Werkstattaufträge sind genauso langsam. Wir
schreiben gerade die Jahresangebote für die Wartungsverträge, das hält uns sehr auf.
{ZAMMAD_FOOT.format(zoom=Z1)}""")
    b.add("hk-erp-2", "hk-erp", at("2026-11-26 11:15"), TIMO, [BALTSOFT], [ZAMMAD, SERVICE], reply="hk-erp-1",
          quote="outlook_de", subject=f"WG: {T1} ERP sehr langsam seit Update 7.4",
          body=f"""Sehr geehrte Damen und Herren,

unser Kunde Hollmann Kältetechnik (Ihre Kundennummer 40-2281) hat seit dem Update auf BaltSoft ERP
7.4 erhebliche Wartezeiten in Kalkulation und Auftragsbearbeitung, siehe unten. Der SQL-Server
läuft bei jeder Kalkulation 2–3 Minuten auf voller Last.

Ist Ihnen dazu ein Fehler bekannt, und muss nach dem Update ein Index-Neuaufbau laufen?

Mit freundlichen Grüßen
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-erp-3", "hk-erp", at("2026-11-27 09:02"), ZAMMAD, [SERVICE], client="zammad", reply="hk-erp-1",
          subject=f"Ticket aktualisiert: {T1} ERP sehr langsam seit Update 7.4", extra=AUTO,
          body=f"""Jens Hollmann hat Ticket#31852 „ERP sehr langsam seit Update 7.4“ aktualisiert.

Änderungen:
  Status: neu -> warten auf Dienstleister
  Besitzer: - -> Jens Hollmann
{ZAMMAD_FOOT.format(zoom=Z1)}""")
    b.add("hk-erp-4", "hk-erp", at("2026-12-02 14:20"), BALTSOFT, [TIMO], [SERVICE], reply="hk-erp-2",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Sehr geehrter Herr Brinkmann,

danke für die Meldung. Das ist ein bekannter Fehler der Version 7.4 (interne Nummer 7.4-118): Ein
Index der Kalkulationstabellen wird beim Update nicht neu angelegt. Der Patch 7.4.2 behebt das.

Wir können den Patch am Mittwoch, 09.12., ab 16:00 Uhr per Fernwartung einspielen; das ERP ist dann
etwa eine Stunde nicht verfügbar. Bitte bestätigen Sie uns den Termin bis Montag, 07.12., sonst
können wir ihn nicht freihalten.

Mit freundlichen Grüßen

{SIG_BALTSOFT}""")
    b.add("hk-erp-5", "hk-erp", at("2026-12-02 15:05"), TIMO, [ZAMMAD], [SERVICE], reply="hk-erp-3",
          quote="outlook_de", subject=f"AW: {T1} ERP sehr langsam seit Update 7.4",
          body=f"""Hallo Herr Hollmann,

BaltSoft hat den Fehler bestätigt und würde den Patch 7.4.2 am Mittwoch, 09.12., ab 16 Uhr per
Fernwartung einspielen. Das ERP ist dann etwa eine Stunde nicht erreichbar. Passt Ihnen der Termin?

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-erp-6", "hk-erp", at("2026-12-04 08:12"), JENS_Z, [SERVICE], client="zammad", reply="hk-erp-5",
          subject=f"Ticket aktualisiert: {T1} ERP sehr langsam seit Update 7.4", extra=AUTO,
          body=f"""Jens Hollmann hat Ticket#31852 „ERP sehr langsam seit Update 7.4“ aktualisiert.

Änderungen:
  Status: warten auf Dienstleister -> offen

Jens Hollmann hat geantwortet:
  Mittwoch passt grundsätzlich, aber bitte erst ab 17:00 Uhr – bis dahin schreibt die Buchhaltung
  noch Rechnungen. Geben Sie BaltSoft bitte so Bescheid.
{ZAMMAD_FOOT.format(zoom=Z1)}""")

    # ---- hk-dock: a fix, then "geht immer noch nicht"; new promise; thanks for the promise
    b.add("hk-dock-1", "hk-dock", at("2026-11-30 07:20"), KEVIN, [SERVICE], client="iphone",
          subject="Zweiter Monitor bleibt schwarz",
          body="""Moin,

an meiner Dockingstation im Büro geht seit Freitag nur noch ein Monitor, der zweite bleibt schwarz.
Laptop ist das Dell Latitude, Dock das WD19.

Gruß
Kevin Bischoff
Kundendienst

Von meinem iPhone gesendet""")
    b.add("hk-dock-2", "hk-dock", at("2026-11-30 10:45"), TIMO, [KEVIN], [SERVICE], reply="hk-dock-1",
          quote="outlook_de",
          body=f"""Moin Herr Bischoff,

ich habe per Fernwartung den Treiber und die Firmware des Docks aktualisiert. Bitte ziehen Sie das
Dock einmal ab und stecken es wieder an, dann sollten beide Monitore wieder laufen.

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-dock-3", "hk-dock", at("2026-12-01 07:05"), KEVIN, [TIMO], [SERVICE], reply="hk-dock-2",
          quote="apple_de", client="iphone",
          body="""Moin, geht immer noch nicht. Links Bild, rechts schwarz. Das Kabel hab ich schon gegen eins
aus dem Lager getauscht.

Kevin

Von meinem iPhone gesendet""")
    b.add("hk-dock-4", "hk-dock", at("2026-12-01 09:30"), TIMO, [KEVIN], [SERVICE], reply="hk-dock-3",
          quote="outlook_de",
          body=f"""Moin Herr Bischoff,

dann liegt es vermutlich am Dock selbst. Ich bringe Ihnen am Donnerstag, 10.12., ein Ersatz-Dock mit,
ich bin an dem Tag ohnehin bei Ihnen in Verden.

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-dock-5", "hk-dock", at("2026-12-01 09:41"), KEVIN, [TIMO], [SERVICE], reply="hk-dock-4",
          quote="apple_de", client="iphone",
          body="""Top, danke! Bis dahin komm ich mit einem Monitor klar.

Kevin

Von meinem iPhone gesendet""")

    # ---- hk-passwort: ticket created, fixed, closed by a notice without comment
    T2, Z2 = "[Ticket#31840]", 4459
    b.add("hk-pw-1", "hk-passwort", at("2026-11-24 08:02"), SVENJA_Z, [SERVICE], client="zammad",
          subject=f"{T2} Konto gesperrt", extra={"X-Zammad-Ticket-Number": "31840"},
          body=f"""Svenja Rohlfs hat ein neues Ticket erstellt.

Ticket#31840 – Konto gesperrt
Gruppe: IT · Priorität: 2 normal · Status: neu

Svenja Rohlfs:
Ich habe mich nach dem Urlaub mit dem alten Kennwort ausgesperrt, Windows meldet „Das Konto wurde
gesperrt“. Ich komme an keinen Rechner mehr.
{ZAMMAD_FOOT.format(zoom=Z2)}""")
    b.add("hk-pw-2", "hk-passwort", at("2026-11-24 08:25"), TIMO, [ZAMMAD], [SERVICE], reply="hk-pw-1",
          quote="outlook_de", subject=f"AW: {T2} Konto gesperrt",
          body=f"""Guten Morgen Frau Rohlfs,

ich habe Ihr Konto entsperrt und ein Startkennwort gesetzt, das ich Ihnen gerade per SMS geschickt
habe. Bei der ersten Anmeldung werden Sie nach einem neuen Kennwort gefragt.

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-pw-3", "hk-passwort", at("2026-11-24 09:10"), ZAMMAD, [SERVICE], client="zammad", reply="hk-pw-2",
          subject=f"Ticket geschlossen: {T2} Konto gesperrt", extra=AUTO,
          body=f"""Svenja Rohlfs hat Ticket#31840 „Konto gesperrt“ aktualisiert.

Änderungen:
  Status: offen -> geschlossen
{ZAMMAD_FOOT.format(zoom=Z2)}""")

    # ---- hk-altserver: our question, answered as an instruction in a ticket notice with a comment
    T3, Z3 = "[Ticket#31858]", 4478
    b.add("hk-alt-1", "hk-altserver", at("2026-11-25 13:00"), TIMO, [ZAMMAD], [SERVICE],
          subject="Altserver HK-FS01: Sicherungsjob und alte Sicherungen",
          body=f"""Hallo Herr Hollmann,

der alte Fileserver HK-FS01 ist seit der Migration im Oktober abgeschaltet, der Sicherungsjob für ihn
läuft aber noch jede Nacht und meldet Fehler. Sollen wir den Job löschen? Und was soll mit den
vorhandenen Sicherungen (rund 1,2 TB auf dem Backup-NAS) passieren: aufbewahren oder ebenfalls
löschen?

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-alt-2", "hk-altserver", at("2026-11-25 13:01"), ZAMMAD, [TIMO], [SERVICE], client="zammad", reply="hk-alt-1",
          subject=f"{T3} Altserver HK-FS01: Sicherungsjob und alte Sicherungen", extra=AUTO,
          body=f"""Guten Tag,

Ihre Anfrage ist bei uns eingegangen und wurde unter der Ticketnummer 31858 erfasst.
Wir melden uns so bald wie möglich.

Ihr Hollmann IT-Helpdesk
{ZAMMAD_FOOT.format(zoom=Z3)}""")
    b.add("hk-alt-3", "hk-altserver", at("2026-11-30 16:30"), JENS_Z, [SERVICE], client="zammad", reply="hk-alt-2",
          subject=f"Ticket aktualisiert: {T3} Altserver HK-FS01: Sicherungsjob und alte Sicherungen", extra=AUTO,
          body=f"""Jens Hollmann hat Ticket#31858 „Altserver HK-FS01: Sicherungsjob und alte Sicherungen“ aktualisiert.

Änderungen:
  Status: neu -> warten auf Dienstleister

Jens Hollmann hat geantwortet:
  Den Job bitte löschen. Die vorhandenen Sicherungen bis zum 31.03.2027 aufbewahren (die
  Betriebsprüfung läuft noch) und danach ebenfalls löschen.
{ZAMMAD_FOOT.format(zoom=Z3)}""")

    # ---- hk-handys: an offer with a question; the customer will decide later (waiting on the customer)
    b.add("hk-handy-1", "hk-handys", at("2026-11-24 11:00"), HILKE, [JENS], [SERVICE],
          subject="Angebot Diensthandys Kundendienst",
          attach=[("Angebot_2026-1187_Diensthandys_Hollmann.pdf", PDF)],
          body=f"""Hallo Herr Hollmann,

anbei wie besprochen das Angebot für die 12 neuen Diensthandys im Kundendienst, in zwei Varianten:

A – Samsung Galaxy A56 mit Geräteverwaltung (MDM), 4,90 € je Gerät und Monat
B – dieselben Geräte ohne Geräteverwaltung

Bitte geben Sie mir bis Freitag, 11.12., Bescheid, welche Variante Sie möchten; dann bestelle ich so,
dass die Geräte noch vor Weihnachten da sind.

Viele Grüße
Hilke Oltmanns

{SIG_HILKE}""")
    b.add("hk-handy-2", "hk-handys", at("2026-12-02 17:45"), JENS, [HILKE], [SERVICE], reply="hk-handy-1",
          quote="apple_de", client="applemail",
          body=f"""Hallo Frau Oltmanns,

danke für das Angebot. Wir sprechen das am Donnerstag in der Geschäftsleitungsrunde mit meinem Bruder
durch und melden uns danach bei Ihnen.

Viele Grüße
{SIG_JENS}""")
    b.add("hk-handy-3", "hk-handys", at("2026-12-04 12:10"), JENS, [HILKE], [SERVICE], reply="hk-handy-2",
          quote="apple_de", client="applemail",
          body=f"""Hallo Frau Oltmanns,

kurze Info: Die Runde ist auf kommenden Donnerstag, 10.12., verschoben worden. Unsere Entscheidung
bekommen Sie trotzdem bis Freitag, 11.12.

Viele Grüße
{SIG_JENS}""")

    # ---- hk-telefon: fixed, thanks that close
    b.add("hk-tel-1", "hk-telefon", at("2026-12-03 09:15"), SVENJA, [SERVICE], html_only=True,
          subject="Telefon klingelt nicht bei Anrufen auf die Buchhaltung",
          body=f"""Hallo zusammen,

seit gestern klingelt mein Telefon nicht mehr mit, wenn jemand die Sammelnummer der Buchhaltung (-30)
anruft. Direkte Anrufe auf meine Durchwahl kommen an.

Viele Grüße
{SIG_SVENJA}""")
    b.add("hk-tel-2", "hk-telefon", at("2026-12-03 10:40"), TIMO, [SVENJA], [SERVICE], reply="hk-tel-1",
          quote="outlook_de",
          body=f"""Hallo Frau Rohlfs,

Ihr Apparat (-34) war bei der Umstellung der Rufgruppen am Dienstag aus der Gruppe Buchhaltung
herausgefallen. Ich habe ihn wieder eingetragen; bitte testen Sie es kurz mit einem Anruf auf die -30.

Viele Grüße
Timo Brinkmann

{SIG_TIMO}""")
    b.add("hk-tel-3", "hk-telefon", at("2026-12-03 11:02"), SVENJA, [TIMO], [SERVICE], reply="hk-tel-2",
          quote="outlook_de_sep", html_only=True,
          body=f"""Klingelt wieder, alles gut. Vielen Dank für die schnelle Hilfe!

Svenja Rohlfs

{SIG_SVENJA}""")


def kirkgate(b: Box):
    U = TZ_UK
    # ---- kd-xray: sensor not recognised after an update; vendor asked inside the matter; fix,
    #      "still broken"; vendor session booked for Wednesday
    b.add("kd-xray-1", "kd-xray", at("2026-11-30 08:10", U), FIONA, [SERVICE], [CALLUM],
          subject="Surgery 3 x-ray sensor not working after update",
          body=f"""Hi all,

Since Friday's Windows update the intraoral x-ray sensor in Surgery 3 (Wakefield) isn't recognised
by Orbis Imaging any more. Dr Whiteley has had to send two patients over to Surgery 1 for their
x-rays, which is throwing the whole day out. Could someone look at this urgently please?

Thanks,
Fiona

{SIG_FIONA}""")
    b.add("kd-xray-2", "kd-xray", at("2026-11-30 11:20", U), CALLUM, [ORBIS], [FIONA, SERVICE], reply="kd-xray-1",
          quote="outlook_en", subject="FW: Surgery 3 x-ray sensor not working after update",
          body=f"""Hello Orbis support,

One of our clients (Kirkgate Dental Group, your account KDG-0147) has lost their intraoral sensor in
Surgery 3 after the Windows 11 24H2 update – see below. They're on OrbisSense driver 5.2. Could you
confirm whether 5.2 is supported on 24H2, and if not, which version we should install?

Many thanks,
Callum

{SIG_CALLUM}""")
    b.add("kd-xray-3", "kd-xray", at("2026-12-01 09:05", U), ORBIS, [CALLUM], [SERVICE], reply="kd-xray-2",
          quote="outlook_en",
          body=f"""Hi Callum,

5.2 isn't supported on 24H2, I'm afraid. Please install OrbisSense 5.2.1 from the partner portal
(Downloads > Sensors). If the images look dark or grey afterwards, re-run the sensor calibration from
the Orbis Imaging settings menu.

Kind regards,
{SIG_ORBIS}""")
    b.add("kd-xray-4", "kd-xray", at("2026-12-01 17:30", U), CALLUM, [FIONA, TOM], [SERVICE], reply="kd-xray-1",
          quote="outlook_en",
          body=f"""Hi Fiona, hi Tom,

I installed OrbisSense 5.2.1 on the Surgery 3 PC after clinics today and Orbis Imaging recognises
the sensor again. It should be fine for tomorrow's list – let me know if anything looks off.

Callum

{SIG_CALLUM}""")
    b.add("kd-xray-5", "kd-xray", at("2026-12-03 08:50", U), TOM, [CALLUM], [FIONA, SERVICE], reply="kd-xray-4",
          quote="outlook_en", client="outlook_android",
          body=f"""Callum,

Still broken I'm afraid. The sensor is recognised now but every image comes out completely grey. Had
to refer another patient to Surgery 1 this morning.

Tom

{SIG_TOM}""")
    b.add("kd-xray-6", "kd-xray", at("2026-12-03 12:15", U), CALLUM, [ORBIS], [FIONA, SERVICE], reply="kd-xray-3",
          quote="outlook_en",
          body=f"""Hi Gary,

Thanks – 5.2.1 is on and the sensor is recognised, but every image is grey. I re-ran the calibration
twice as you suggested, no change. Could your second-line team do a remote session with us? I can be
on site for it.

Callum

{SIG_CALLUM}""")
    b.add("kd-xray-7", "kd-xray", at("2026-12-04 10:00", U), ORBIS, [CALLUM], [SERVICE], reply="kd-xray-6",
          quote="outlook_en",
          body=f"""Hi Callum,

I've booked a remote session with second line for Wednesday 9 December at 07:30. Please make sure the
Surgery 3 PC is switched on and logged in by then.

Kind regards,
{SIG_ORBIS}""")
    b.add("kd-xray-8", "kd-xray", at("2026-12-04 10:40", U), CALLUM, [FIONA, TOM], [SERVICE], reply="kd-xray-5",
          quote="outlook_en",
          body=f"""Hi Fiona, hi Tom,

Sorry this is dragging on. Orbis have booked a remote session with their second-line team for
Wednesday 9 December at 7:30. I'll be in Surgery 3 for it, so with luck the sensor is working again
before the first patient.

Callum

{SIG_CALLUM}""")

    # ---- kd-starter: new starter; our three questions answered inline; our engineer's out-of-office
    b.add("kd-starter-1", "kd-starter", at("2026-12-01 09:30", U), FIONA, [SERVICE], [JODIE],
          subject="New dental nurse at Horsforth – Megan Holt",
          body=f"""Hi Jodie,

We have a new dental nurse, Megan Holt, starting at our Horsforth practice on Monday 14 December.
Could you set her up with everything she needs, please?

Thanks,
Fiona

{SIG_FIONA}""")
    b.add("kd-starter-2", "kd-starter", at("2026-12-01 14:10", U), JODIE, [FIONA], [SERVICE], reply="kd-starter-1",
          quote="outlook_en",
          body=f"""Hi Fiona,

Happy to. Three quick questions so I get it right first time:

1. Should Megan have the same access as Chloe Barraclough, the other nurse at Horsforth?
2. Does she need to get into the practice system from home?
3. Which PC will she use – the spare one in the decontamination room, or the reception PC?

I'll have everything ready by Friday 11 December.

Jodie

{SIG_JODIE}""")
    j2 = b.mails["kd-starter-2"]
    inline = j2.text.replace(
        "the other nurse at Horsforth?\n",
        "the other nurse at Horsforth?\nFM: Yes, exactly the same as Chloe.\n").replace(
        "practice system from home?\n",
        "practice system from home?\nFM: No, not for now.\n").replace(
        "or the reception PC?\n",
        "or the reception PC?\nFM: The reception PC – the decon room one is being taken out in January.\n")
    assert inline.count("FM: ") == 3
    b.add("kd-starter-3", "kd-starter", at("2026-12-04 12:40", U), FIONA, [JODIE], [SERVICE], reply="kd-starter-2",
          quote="outlook_en", quoted_override=inline,
          body=f"""Hi Jodie,

Sorry for the slow reply – my answers are below, marked FM.

Fiona

{SIG_FIONA}""")
    b.add("kd-starter-4", "kd-starter", at("2026-12-04 12:41", U), JODIE, [FIONA], reply="kd-starter-3", extra=OOO_EN,
          subject="Automatic reply: RE: New dental nurse at Horsforth – Megan Holt",
          body="""Thank you for your email. I'm out of the office until Wednesday 9 December with limited access to
email.

For anything urgent please contact my colleague Callum Firth (callum.firth@weserbogen-it.example,
0113 496 0742) or the service desk on 0113 496 0700.

Jodie Sutcliffe""")

    # ---- kd-nas: monitoring alert and recovery
    b.add("kd-nas-1", "kd-nas", at("2026-12-05 03:10"), ZABBIX, [SERVICE], client="zabbix", cte="8bit",
          subject="Problem: KD-NAS01: Unavailable by ICMP ping", extra={"X-Zabbix-Severity": "High"},
          body="""Problem started at 03:10:12 on 2026.12.05
Problem name: KD-NAS01: Unavailable by ICMP ping
Host: KD-NAS01 (Backup-NAS Wakefield, 10.62.0.20)
Severity: High
Operational data: 0
Original problem ID: 8839964

Zabbix Weserbogen · https://monitor.weserbogen-it.example/zabbix/tr_events.php?triggerid=39117&eventid=8839964""")
    b.add("kd-nas-2", "kd-nas", at("2026-12-05 03:24"), ZABBIX, [SERVICE], client="zabbix", cte="8bit",
          subject="Resolved in 14m 0s: KD-NAS01: Unavailable by ICMP ping",
          body="""Problem has been resolved at 03:24:12 on 2026.12.05
Problem name: KD-NAS01: Unavailable by ICMP ping
Problem duration: 14m 0s
Host: KD-NAS01 (Backup-NAS Wakefield, 10.62.0.20)
Severity: High
Original problem ID: 8839964

Zabbix Weserbogen · https://monitor.weserbogen-it.example/zabbix/tr_events.php?triggerid=39117&eventid=8839964""")

    # ---- kd-phones: calls drop; fix, no better; escalation by the clinical director with a deadline;
    #      explicit take-over; router replaced, confirmation promised
    b.add("kd-phones-1", "kd-phones", at("2026-11-25 10:30", U), LAUREN, [SERVICE], [JODIE], client="gmail",
          subject="Calls cutting off at Wakefield reception",
          body=f"""Hi,

Since Monday our calls at Wakefield reception keep cutting off after about 30 seconds. The caller can
hear us, then the line just goes dead. It's happening several times a day.

Lauren

{SIG_LAUREN}""")
    b.add("kd-phones-2", "kd-phones", at("2026-11-25 15:45", U), JODIE, [LAUREN], [SERVICE], reply="kd-phones-1",
          quote="outlook_en",
          body=f"""Hi Lauren,

I've switched off SIP ALG on the Wakefield router and shortened the registration timer on the phone
system. That's the usual cause of calls dropping at 30 seconds, so it should be sorted now.

Jodie

{SIG_JODIE}""")
    b.add("kd-phones-3", "kd-phones", at("2026-11-30 09:20", U), LAUREN, [JODIE], [SERVICE], reply="kd-phones-2",
          quote="gmail_en", client="gmail",
          body=f"""Hi Jodie,

No better I'm afraid – we're still losing five or six calls a day, mostly in the morning rush when
patients ring to book.

Lauren

{SIG_LAUREN}""")
    b.add("kd-phones-4", "kd-phones", at("2026-12-02 08:40", U), RASHID, [HANNAH], [JODIE, FIONA, SERVICE],
          reply="kd-phones-3", quote="iphone_en", client="iphone",
          body=f"""Hannah,

The phones at Wakefield have been dropping calls for well over a week now and patients are
complaining that they can't get through to book or cancel. This is costing us appointments every day.

I need the phones at Wakefield working reliably by Friday 11 December at the latest. If that isn't
possible, we will have to talk about the support contract.

Rashid

{SIG_RASHID}""")
    b.add("kd-phones-5", "kd-phones", at("2026-12-02 12:00", U), HANNAH, [RASHID], [JODIE, CALLUM, FIONA, SERVICE],
          reply="kd-phones-4", quote="outlook_en",
          body=f"""Dear Dr Qureshi,

I'm very sorry – this should have been fixed a week ago. From today Callum Firth is taking this over
from Jodie, who is tied up with a migration. Callum will be on site at Wakefield on Monday 7 December
to replace the router, and I will confirm to you by Friday 11 December that the calls are stable.

Kind regards,
Hannah

{SIG_HANNAH}""")
    b.add("kd-phones-6", "kd-phones", at("2026-12-07 17:20", U), CALLUM, [LAUREN], [RASHID, HANNAH, SERVICE],
          reply="kd-phones-5", quote="outlook_en",
          body=f"""Hi Lauren,

The new router is in at Wakefield and I've tested the line with the carrier this afternoon – no drops
in twenty test calls. Could you keep a note of any call that still cuts off this week (roughly the
time, and how long the call had been going)? That will tell me quickly whether it's really fixed.

Thanks,
Callum

{SIG_CALLUM}""")

    # ---- kd-quote: a promise whose date passed, chased by the customer
    b.add("kd-quote-1", "kd-quote", at("2026-11-17 11:05", U), FIONA, [HANNAH], [SERVICE],
          subject="Quote for a new printer at Horsforth",
          body=f"""Hi Hannah,

Could you send us a quote for replacing the printer at Horsforth? The old Brother is on its last legs.
Ideally a colour laser that can also scan to email.

Thanks,
Fiona

{SIG_FIONA}""")
    b.add("kd-quote-2", "kd-quote", at("2026-11-17 15:30", U), HANNAH, [FIONA], [SERVICE], reply="kd-quote-1",
          quote="outlook_en",
          body=f"""Hi Fiona,

Of course – I'll get a quote to you by the end of next week, with two options to choose from.

Hannah

{SIG_HANNAH}""")
    b.add("kd-quote-3", "kd-quote", at("2026-12-02 13:15", U), FIONA, [HANNAH], [SERVICE], reply="kd-quote-2",
          quote="outlook_en",
          body=f"""Hi Hannah,

Just checking on the printer quote – we'd like to order before Christmas if we can.

Fiona

{SIG_FIONA}""")

    # ---- kd-guestwifi: answered, thanks that close
    b.add("kd-wifi-1", "kd-guestwifi", at("2026-12-03 14:20", U), LAUREN, [SERVICE], client="gmail",
          subject="Waiting room Wi-Fi password",
          body=f"""Hi,

A patient says the Wi-Fi password on the waiting room poster doesn't work. Has it changed?

Lauren

{SIG_LAUREN}""")
    b.add("kd-wifi-2", "kd-guestwifi", at("2026-12-03 15:00", U), CALLUM, [LAUREN], [SERVICE], reply="kd-wifi-1",
          quote="outlook_en",
          body=f"""Hi Lauren,

Yes – the guest password changes on the first of every month, and the poster still had November's.
I've emailed you a new poster with this month's password; if you print that and swap it over, patients
will be able to connect again.

Callum

{SIG_CALLUM}""")
    b.add("kd-wifi-3", "kd-guestwifi", at("2026-12-03 15:12", U), LAUREN, [CALLUM], [SERVICE], reply="kd-wifi-2",
          quote="gmail_en", client="gmail",
          body="""Brilliant, that works. Thanks Callum!

Lauren""")


def pullman(b: Box):
    C = TZ_US
    # ---- pr-scanner: our either-or question answered by picking one side; a promise and an ask in
    #      one sentence; the list has not come
    b.add("pr-scan-1", "pr-scanner", at("2026-12-01 10:15", C), DANA, [SERVICE], [MARCUS],
          subject="New front desk scanner",
          body=f"""Hi Marcus,

The new Brother scanner for the front desk arrived today. Can you get it set up for us?

Thanks!
Dana

{SIG_DANA}""")
    b.add("pr-scan-2", "pr-scanner", at("2026-12-01 13:40", C), MARCUS, [DANA], [SERVICE], reply="pr-scan-1",
          quote="outlook_en",
          body=f"""Hi Dana,

Sure. One decision first: do you want the scans to land in a shared folder on the file server, or go
straight to each person's email?

Marcus

{SIG_MARCUS}""")
    b.add("pr-scan-3", "pr-scanner", at("2026-12-02 09:05", C), DANA, [MARCUS], [SERVICE], reply="pr-scan-2",
          quote="outlook_en",
          body=f"""Straight to email, please – nobody ever cleans out the shared folders.

Dana

{SIG_DANA}""")
    b.add("pr-scan-4", "pr-scanner", at("2026-12-02 11:30", C), MARCUS, [DANA], [SERVICE], reply="pr-scan-3",
          quote="outlook_en",
          body=f"""Got it. I'll set the scanner up on Thursday 12/10 when I'm in your office, if you can send me the
list of people who should be in its address book by Monday 12/7.

Marcus

{SIG_MARCUS}""")

    # ---- pr-ledgerline: a promise whose date passed, chased by the customer
    b.add("pr-ledger-1", "pr-ledgerline", at("2026-11-30 15:20", C), AMBER, [MARCUS], [SERVICE],
          subject="LedgerLine Pro 2026.1 update",
          body=f"""Hi Marcus,

LedgerLine Pro 2026.1 is out. The vendor says every workstation needs it before we can e-file in
January, and we'd like it done before our year-end training on 12/15.

Amber

{SIG_AMBER}""")
    b.add("pr-ledger-2", "pr-ledgerline", at("2026-11-30 16:45", C), MARCUS, [AMBER], [SERVICE], reply="pr-ledger-1",
          quote="outlook_en",
          body=f"""Hi Amber,

Will do – I'll push it to all eight workstations overnight on Thursday 12/3, so it's there when you
come in on Friday.

Marcus

{SIG_MARCUS}""")
    b.add("pr-ledger-3", "pr-ledgerline", at("2026-12-07 09:10", C), AMBER, [MARCUS], [SERVICE], reply="pr-ledger-2",
          quote="outlook_en",
          body=f"""Hi Marcus,

Did the update go out? My machine and Greg's still show 2025.4, and Help > About says there's no
update pending.

Amber

{SIG_AMBER}""")

    # ---- pr-closure: information only
    b.add("pr-closure-1", "pr-closure", at("2026-11-20 11:00", C), DANA, [SERVICE],
          subject="Office closed for Thanksgiving",
          body=f"""Hi all,

FYI – our office will be closed Thursday 11/26 and Friday 11/27 for Thanksgiving. Nothing needed from
you, just so you know nobody will pick up the phone those two days.

Happy Thanksgiving!
Dana

{SIG_DANA}""")

    # ---- pr-remote: our either-or question answered; thanks for the promise; appointment today
    b.add("pr-remote-1", "pr-remote", at("2026-11-25 19:40", C), GREG, [MARCUS], [SERVICE], client="iphone",
          subject="Working from Florida in January",
          body=f"""Marcus,

I'll be working from our place in Naples, FL from 1/4 to 1/29. Can you make sure I can get to the
file server and LedgerLine from there?

{SIG_GREG}""")
    b.add("pr-remote-2", "pr-remote", at("2026-11-30 10:00", C), MARCUS, [GREG], [SERVICE], reply="pr-remote-1",
          quote="outlook_en",
          body=f"""Hi Greg,

Yes – I'll install the VPN client on your laptop and test it with you; it takes about half an hour.
Would Tuesday 12/8 at 2 pm or Wednesday 12/9 at 10 am work better for you?

Marcus

{SIG_MARCUS}""")
    b.add("pr-remote-3", "pr-remote", at("2026-11-30 12:30", C), GREG, [MARCUS], [SERVICE], reply="pr-remote-2",
          quote="iphone_en", client="iphone",
          body=f"""Tuesday at 2 works. Thanks Marcus, appreciate it!

{SIG_GREG}""")

    # ---- pr-retention: our question, chased by us; the customer's sick note (waiting on the customer)
    b.add("pr-ret-1", "pr-retention", at("2026-11-19 15:00", TZ_UK), ROB, [LUIS], [MARCUS, SERVICE],
          subject="Email retention policy – one decision needed",
          body=f"""Hi Luis,

Before we switch on the email retention policy for the firm, we need one decision from you: should
deleted mail be kept for 7 years or for 10 years? Your engagement letters mention seven, your
insurer's checklist ten.

Best regards,
Rob

{SIG_ROB}""")
    b.add("pr-ret-2", "pr-retention", at("2026-12-02 15:00", TZ_UK), ROB, [LUIS], [MARCUS, SERVICE], reply="pr-ret-1",
          quote="outlook_en",
          body=f"""Hi Luis,

A gentle nudge on the retention question below – as soon as we have your answer, Marcus can switch the
policy on the same day.

Best regards,
Rob

{SIG_ROB}""")
    b.add("pr-ret-3", "pr-retention", at("2026-12-03 08:30", C), DANA, [ROB], [LUIS, MARCUS, SERVICE], reply="pr-ret-2",
          quote="outlook_en",
          body=f"""Hi Rob,

Luis is out sick this week with the flu. He asked me to let you know he'll get back to you on the
retention question next week.

Dana

{SIG_DANA}""")

    # ---- pr-printer: fixed remotely, thanks that close
    b.add("pr-printer-1", "pr-printer", at("2026-12-04 08:50", C), AMBER, [SERVICE], [MARCUS],
          subject="Copy room printer: paper jam that isn't there",
          body=f"""Hi,

The big printer in the copy room says "Paper jam – Tray 2", but there's no paper stuck anywhere.
We've opened every door twice.

Amber

{SIG_AMBER}""")
    b.add("pr-printer-2", "pr-printer", at("2026-12-04 09:40", C), MARCUS, [AMBER], [SERVICE], reply="pr-printer-1",
          quote="outlook_en",
          body=f"""Hi Amber,

I reset the printer remotely and cleared the Tray 2 sensor flag that was stuck. It shows Ready now.
Could you print a test page?

Marcus

{SIG_MARCUS}""")
    b.add("pr-printer-3", "pr-printer", at("2026-12-04 10:05", C), AMBER, [MARCUS], [SERVICE], reply="pr-printer-2",
          quote="outlook_en",
          body=f"""Test page printed fine. Thank you!!

Amber

{SIG_AMBER}""")

    # ---- pr-threethings: several asks in one mail (US dates); answers with dates and a question; the
    #      customer answers the question
    b.add("pr-three-1", "pr-threethings", at("2026-12-03 14:10", C), DANA, [MARCUS], [SERVICE],
          subject="Three things",
          body=f"""Hi Marcus,

Three things while I think of it:

1) Amber's laptop battery is bulging – the touchpad is starting to lift.
2) Greg would like a second monitor, the same as the other desks have.
3) We have an intern starting on 1/4. Could you set up his email and LedgerLine?

Thanks,
Dana

{SIG_DANA}""")
    b.add("pr-three-2", "pr-threethings", at("2026-12-04 11:20", C), MARCUS, [DANA], [AMBER, SERVICE], reply="pr-three-1",
          quote="outlook_en",
          body=f"""Hi Dana,

1) Amber, please keep the laptop plugged in and don't carry it around for now. I've ordered a
replacement battery; it arrives Tuesday 12/8 and I'll swap it on Wednesday 12/9.
2) I'll bring a 24" monitor from stock for Greg on 12/9 as well.
3) Happy to – what's the intern's full name, and should he get the same LedgerLine role as Amber?

Marcus

{SIG_MARCUS}""")
    b.add("pr-three-3", "pr-threethings", at("2026-12-04 13:00", C), DANA, [MARCUS], [SERVICE], reply="pr-three-2",
          quote="outlook_en",
          body=f"""Thanks Marcus! His name is Kenji Ward, and yes, the same role as Amber is fine.

Dana

{SIG_DANA}""")


def nobody(b: Box):
    b.add("junk-news-1", "junk-newsletter", at("2026-11-26 06:00"), HANSE, [SERVICE], client="plain",
          subject="Jahresendaktion: 20 % auf Firewalls und USV-Anlagen – bis 18.12.",
          extra={"Precedence": "bulk", "List-Unsubscribe": "<https://mailing.hanse-distribution.example/abmelden?k=55190>",
                 "List-Id": "Hanse-Distribution Partnernews <partnernews.hanse-distribution.example>"},
          body="""Hanse-Distribution Partnernews · Dezember 2026

Jahresendaktion für Systemhäuser: 20 % auf ausgewählte Firewalls und USV-Anlagen!

Bestellen Sie bis zum 18.12. im Partnerportal mit dem Aktionscode JAHRESENDE20 – solange der Vorrat
reicht. Lieferung innerhalb von drei Werktagen.

Zum Partnerportal: https://portal.hanse-distribution.example/aktion

Sie erhalten diese Nachricht, weil Sie als Partner bei uns registriert sind.
Abmelden: https://mailing.hanse-distribution.example/abmelden?k=55190""")
    b.add("junk-phish-1", "junk-phish", at("2026-12-03 04:47"), PHISH, [SERVICE], client="plain",
          subject="Ihr Postfach service@weserbogen-it.example ist zu 98 % voll",
          body="""Sehr geehrter Benutzer,

Ihr Postfach service@weserbogen-it.example hat 98 % seines Speicherplatzes erreicht. Eingehende
Nachrichten werden ab morgen abgewiesen. Bestätigen Sie Ihr Konto innerhalb von 24 Stunden, um
kostenlos 50 GB zusätzlichen Speicher zu erhalten.

Jetzt bestätigen: https://weserbogen-it-mailcenter.example/quota?u=service

Ihr Mail-Administrator""")
    b.add("junk-sales-1", "junk-sales", at("2026-11-24 16:05", TZ_US), KALEB, [SERVICE], client="gmail",
          subject="Your service desk + AI triage?",
          body="""Hi there,

I saw that Weserbogen supports clients in Germany, the UK and the US – that's a lot of inboxes to
watch. TicketSense AI triages shared service mailboxes and drafts replies for MSPs automatically.

Would you be open to a quick 15-minute call next week?

Best,
Kaleb Frost
Account Executive, TicketSense AI""")
    b.add("junk-sales-2", "junk-sales", at("2026-12-01 16:10", TZ_US), KALEB, [SERVICE], client="gmail",
          reply="junk-sales-1", quote="gmail_en",
          body="""Hi again – bumping this to the top of your inbox. Would Thursday or Friday work for a quick call?

Kaleb""")
    b.add("junk-internal-1", "junk-internal", at("2026-12-01 16:30"), ANJA, [LARS, TIMO, MALTE], [HILKE, SERVICE],
          subject="Interne Notiz: Rufbereitschaft zwischen den Jahren",
          body=f"""Hallo zusammen,

zur Planung: Rufbereitschaft zwischen den Jahren bitte wie folgt – 24.–27.12. Lars, 28.–31.12. Timo,
01.–03.01. Malte. Wer tauschen möchte, klärt das bitte direkt untereinander und sagt mir bis zum
11.12. Bescheid, damit ich den Plan an Leeds schicken kann.

Danke!
Anja""")
    b.add("junk-internal-2", "junk-internal", at("2026-12-01 17:05"), LARS, [ANJA], [TIMO, MALTE, HILKE, SERVICE],
          reply="junk-internal-1", quote="thunderbird_de", client="thunderbird",
          body="""Passt für mich.

Lars""")


# ==================================================================================== build
def build(path: str) -> list[dict]:
    b = Box()
    for part in (zweckverband, hollmann, kirkgate, pullman, nobody):
        part(b)
    return b.write(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scenario.py DIR")
    man = build(sys.argv[1])
    Path(sys.argv[1].rstrip("/") + ".manifest.json").write_text(json.dumps(man, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(man)} messages, {len({m['thread'] for m in man})} threads -> {sys.argv[1]}")
