#!/usr/bin/env python3
"""Held-out mailbox for mailsum (heldout2): two and a half weeks of service mail of an IT service provider.

Servicehaus Kessler IT GmbH (team domain ``servicehaus.example``; Kassel, with a Leeds and a
Columbus, Ohio team) and four customers: Bäckerei Kornmüller (a bakery chain with branches and
tills), Zweckverband Wasserversorgung Nordhessen (a water utility with its own service desk
system), Calder Valley Housing Association (UK social landlord using Jira Service Management)
and Maple Ridge Dental Partners (a US dental practice with two offices), plus a few mails that
belong to no customer. Mail from Mon 02.11.2026 to Tue 17.11.2026, everything in the shared
mailbox ``support@servicehaus.example`` (staff replies and their auto-replies are journaled
there too).

    python3 scenario.py DIR     # writes the Maildir DIR and DIR.manifest.json

``build(DIR)`` does the same and returns the manifest: one entry per message with its
Message-ID (as in the header, with angle brackets), the thread key used by gold.json, the file
name and the date. Standard library only; the output is the same on every run. The mail-format
machinery (Mail/Box, quoting styles, charsets, Message-ID styles) is copied from the
development set's scenario.py; people, companies, situations and wording are this set's own.
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
TZ_US = timezone(timedelta(hours=-5))

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
    display: str | None = None     # the From display name, when it differs ("Sauer, Annegret")
    tz: timezone = TZ_DE

    @property
    def disp(self) -> str:
        return self.display if self.display is not None else self.name

    def address(self) -> Address:
        local, _, dom = self.addr.partition("@")
        return Address(self.disp, local, dom)

    def fmt(self) -> str:
        return f"{self.disp} <{self.addr}>"


SUPPORT = P("Servicehaus Support", "support@servicehaus.example", "Servicehaus Support")

# our people (Kassel)
HENRIKE = P("Henrike Albrecht", "henrike.albrecht@servicehaus.example")
TOBIAS = P("Tobias Wendland", "tobias.wendland@servicehaus.example")
LUKAS = P("Lukas Färber", "lukas.faerber@servicehaus.example")
MARTA = P("Marta Nowak", "marta.nowak@servicehaus.example")
SVEN = P("Sven Ortlieb", "sven.ortlieb@servicehaus.example")
# Leeds and Columbus
FIONA = P("Fiona Marsh", "fiona.marsh@servicehaus.example", tz=TZ_UK)
CALLUM = P("Callum Reid", "callum.reid@servicehaus.example", tz=TZ_UK)
PRIYA = P("Priya Shah", "priya.shah@servicehaus.example", tz=TZ_UK)
DEREK = P("Derek Holt", "derek.holt@servicehaus.example", tz=TZ_US)
ALICIA = P("Alicia Ramos", "alicia.ramos@servicehaus.example", tz=TZ_US)
MARCUS = P("Marcus Bell", "marcus.bell@servicehaus.example", tz=TZ_US)
ZABBIX = P("Zabbix", "zabbix@noc.servicehaus.example", "Zabbix NOC")

# Bäckerei Kornmüller GmbH, Kassel
ANNEGRET = P("Annegret Sauer", "a.sauer@kornmueller-baeckerei.example", "Sauer, Annegret")
JONAS = P("Jonas Kornmüller", "j.kornmueller@kornmueller-baeckerei.example")
KASSENPRO = P("KassenPro Support", "support@kassenpro.example", "KassenPro Kundenservice")

# Zweckverband Wasserversorgung Nordhessen (ZWN), Vellmar
ZWNSD = P("ZWN-Servicedesk", "servicedesk@zwn-wasser.example", "ZWN-Servicedesk")
MATTHIAS = P("Matthias Gerlach", "m.gerlach@zwn-wasser.example", "Gerlach, Matthias")
KEMAL = P("Kemal Arslan", "k.arslan@zwn-wasser.example", "Arslan, Kemal")
BRENNEKE = P("Dr. Ute Brenneke", "u.brenneke@zwn-wasser.example", "Brenneke, Dr. Ute")

# Calder Valley Housing Association, Halifax
RACHEL = P("Rachel Booth", "rachel.booth@caldervalleyhousing.example", "Booth, Rachel", tz=TZ_UK)
GARETH = P("Gareth Lloyd", "gareth.lloyd@caldervalleyhousing.example", "Lloyd, Gareth", tz=TZ_UK)
MANDY = P("Mandy Pearce", "mandy.pearce@caldervalleyhousing.example", "Pearce, Mandy", tz=TZ_UK)
JSM = P("Calder Valley Housing IT", "jira@calderhousing.atlassian.example", "Calder Valley Housing IT", tz=TZ_UK)

# Maple Ridge Dental Partners, Dublin and Westerville (Ohio)
KAREN = P("Karen Whitlock", "kwhitlock@mapleridgedental.example", tz=TZ_US)
PARK = P("Steven Park", "spark@mapleridgedental.example", "Dr. Steven Park", tz=TZ_US)
JENNA = P("Jenna Flores", "jflores@mapleridgedental.example", tz=TZ_US)
BLUECREST = P("Bluecrest Voice Support", "support@bluecrestvoice.example", tz=TZ_US)

# nobody's
NORDSYS = P("Nordsys Distribution", "news@mailing.nordsys-distribution.example", "Nordsys Distribution GmbH")
PHISH = P("IT-Administrator", "admin@servicehaus-mailcheck.example", "Servicehaus IT-Administrator")
JORDAN = P("Jordan Pike", "jordan.pike@leadspring-ai.example", tz=TZ_US)


# ------------------------------------------------------------------------------------ signatures
def sig_de(name, role, ext, addr, mobile=None):
    mob = f" · Mobil {mobile}" if mobile else ""
    return (f"{name}\n{role}\n\nServicehaus Kessler IT GmbH\nFriedrich-Ebert-Straße 140 · 34119 Kassel\n"
            f"Tel. 0561 4090 27-{ext}{mob}\nSupport-Hotline 0561 4090 27-0 · {addr}\n\n"
            "Geschäftsführung: Birgit Kessler · Amtsgericht Kassel HRB 20931\n")


SIG_LUKAS = "-- \n" + sig_de("Lukas Färber", "Systemadministration", "41", LUKAS.addr)
SIG_MARTA = sig_de("Marta Nowak", "Netzwerk & Infrastruktur", "44", MARTA.addr, "+49 151 5550 2744")
SIG_SVEN = sig_de("Sven Ortlieb", "Teamleitung Systemadministration", "40", SVEN.addr)
SIG_HENRIKE = sig_de("Henrike Albrecht", "Kundenbetreuung", "18", HENRIKE.addr, "+49 170 5553 1818")
SIG_TOBIAS = sig_de("Tobias Wendland", "Kundenbetreuung", "19", TOBIAS.addr)


def sig_uk(name, role, direct, mobile=None):
    mob = f" | M {mobile}" if mobile else ""
    return (f"{name}\n{role}\nServicehaus Kessler Ltd · Unit 4, Round Foundry, Water Lane, Leeds LS11 5QN\n"
            f"T 0113 496 {direct}{mob}\nRegistered in England and Wales, company no. 12904417\n")


SIG_FIONA = sig_uk("Fiona Marsh", "Account Manager", "0771", "07700 900583")
SIG_CALLUM = sig_uk("Callum Reid", "Service Engineer", "0774")
SIG_PRIYA = "-- \n" + sig_uk("Priya Shah", "Senior Service Engineer", "0779")
SIG_ALICIA = ("Alicia Ramos\nSystems Engineer | Servicehaus Kessler Inc.\n250 W Nationwide Blvd, Suite 410, "
              "Columbus, OH 43215\nDirect (614) 555-0188 · Support (614) 555-0100\n")
SIG_DEREK = ("Derek Holt\nAccount Manager | Servicehaus Kessler Inc.\nDirect (614) 555-0181 · Cell (380) 555-0142\n")

KM_FOOT = """Bäckerei Kornmüller GmbH · Wolfhager Straße 88 · 34127 Kassel
Tel. 0561 870 55-{ext} · www.kornmueller-baeckerei.example
Geschäftsführer: Jonas Kornmüller, Elke Kornmüller · Amtsgericht Kassel HRB 17342 · USt-IdNr. DE 811 204 557

Diese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der richtige Empfänger sind,
informieren Sie bitte den Absender und löschen Sie diese Nachricht.
"""
SIG_ANNEGRET = "Annegret Sauer\nBüroleitung · Verwaltung und EDV\n\n" + KM_FOOT.format(ext="14")

ZWN_FOOT = """Zweckverband Wasserversorgung Nordhessen · Körperschaft des öffentlichen Rechts
Am Wasserwerk 3 · 34246 Vellmar · Verbandsvorsteherin: Dr. Ute Brenneke
Störungsannahme Trinkwasser (24 h): 0561 98120-0

Diese Nachricht ist ausschließlich für den bezeichneten Adressaten bestimmt. Sollten Sie nicht der
vorgesehene Empfänger sein, unterrichten Sie bitte den Absender und vernichten Sie diese Nachricht.
"""
SIG_MATTHIAS = "Matthias Gerlach\nIT-Koordination\nTel. 0561 98120-210\n\n" + ZWN_FOOT
SIG_KEMAL = "Kemal Arslan\nLeitwarte / Netzbetrieb\nTel. 0561 98120-330\n\n" + ZWN_FOOT
SIG_BRENNEKE = "Dr. Ute Brenneke\nVerbandsvorsteherin\n\n" + ZWN_FOOT
SD_FOOT = ("\n---\nAntworten Sie auf diese E-Mail, um dem Ticket einen Kommentar hinzuzufügen. Bitte lassen Sie "
           "die Ticketnummer im Betreff stehen.\nZWN-Servicedesk · Zweckverband Wasserversorgung Nordhessen · "
           "https://servicedesk.zwn-wasser.example/ticket/{n}\n")

CV_DISCLAIMER = """Calder Valley Housing Association Ltd is a registered society (No. 31207R) and a registered
provider of social housing (RSH No. L4471). Registered office: 22 Commercial Street, Halifax HX1 1TA.
This email and any attachments are confidential and intended solely for the addressee. If you have
received it in error please tell the sender and delete it.
"""
SIG_RACHEL = "Rachel Booth\nHead of Corporate Services\nCalder Valley Housing\nT 01422 555 310\n\n" + CV_DISCLAIMER
SIG_GARETH = "Gareth Lloyd\nIT Officer\nCalder Valley Housing\nT 01422 555 342 | M 07700 900761\n\n" + CV_DISCLAIMER
SIG_MANDY = "Mandy Pearce\nFinance Manager\nCalder Valley Housing\nT 01422 555 327\n\n" + CV_DISCLAIMER
JSM_FOOT = ("\nView request · Turn off this request's notifications\n\nThis is shared with Mandy Pearce, Gareth Lloyd "
            "and Servicehaus Kessler.\n\nHelp Center, powered by Jira Service Management, sent you this message.\n")

MR_FOOT = ("Maple Ridge Dental Partners · 5520 Sawmill Rd, Dublin, OH 43017 · (614) 555-0130\n"
           "CONFIDENTIALITY NOTICE: This message may contain protected health information under HIPAA. If you are\n"
           "not the intended recipient, please notify the sender and destroy all copies.\n")
SIG_KAREN = "Karen Whitlock\nPractice Administrator\nMaple Ridge Dental Partners\n(614) 555-0133\n" + MR_FOOT
SIG_PARK = "Steven Park, DDS\n\nSent from my iPhone\n"
SIG_JENNA = "Jenna Flores\nFront Desk Lead, Westerville\n\nSent from my iPhone\n"


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
    if style == "zwnsd":
        return f"<ticket-{int(h[:5], 16)}-{int(date.timestamp())}@servicedesk.zwn-wasser.example>"
    if style == "jsm":
        return f"<JIRA.{int(h[:5], 16)}.{int(date.timestamp())}000.{int(h[5:9], 16)}@Atlassian.JIRA>"
    if style == "zabbix":
        return f"<{date.astimezone(timezone.utc):%Y%m%d%H%M%S}.{h[:12].lower()}@noc.servicehaus.example>"
    return f"<{date.astimezone(timezone.utc):%Y%m%d%H%M%S}.{h[:10].lower()}@{dom}>"


STYLE_OF_CLIENT = {"outlook": "outlook", "outlook_android": "outlook", "gmail": "gmail", "iphone": "apple",
                   "applemail": "apple", "thunderbird": "thunderbird", "zwnsd": "zwnsd", "jsm": "jsm", "zabbix": "zabbix",
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
            name = f"{ts}.M{i:03d}P{4100 + i}Q1.mx1.servicehaus.example:2,S"
            (root / "cur" / name).write_bytes(mail.msg.as_bytes())
            manifest.append({"message_id": mail.msgid, "thread": mail.thread, "file": name,
                             "date": mail.date.isoformat(), "from": mail.frm.addr, "subject": mail.subject})
        return manifest


def at(s: str, tz=TZ_DE) -> datetime:
    return datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


OOO_DE = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "Return-Path": "<>"}
OOO_EN = OOO_DE
AUTO = {"Auto-Submitted": "auto-generated", "Precedence": "bulk", "X-Loop": "yes"}


OOO = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "Return-Path": "<>"}
AUTO = {"Auto-Submitted": "auto-generated", "Precedence": "bulk", "X-Loop": "yes"}


def zabbix_problem(started: datetime, name: str, host: str, sev: str, opdata: str, pid: int, dur=None) -> str:
    s = (f"Problem started at {started:%H:%M:%S} on {started:%Y.%m.%d}\nProblem name: {name}\nHost: {host}\n"
         f"Severity: {sev}\nOperational data: {opdata}\nOriginal problem ID: {pid}\n")
    if dur:
        s += f"Problem duration: {dur}\n"
    return s


def zabbix_resolved(started: datetime, ended: datetime, name: str, host: str, sev: str, dur: str, pid: int) -> str:
    return (f"Problem has been resolved at {ended:%H:%M:%S} on {ended:%Y.%m.%d}\nProblem name: {name}\n"
            f"Problem duration: {dur}\nHost: {host}\nSeverity: {sev}\nOriginal problem ID: {pid}\n")


# ==================================================================================== the mail
def kornmueller(b: Box):
    # ---- km-kasse: till 2 in a branch loses its TSE; our fix, "immer noch", vendor asked, promise passed, chased
    b.add("km-kasse-1", "km-kasse", at("2026-11-02 07:48"), ANNEGRET, [SUPPORT], [LUKAS],
          subject="Kasse 2 Filiale Wilhelmshöhe: TSE nicht erreichbar", charset="windows-1252",
          body=f"""Guten Morgen Herr Färber,

in unserer Filiale Wilhelmshöhe meldet die Kasse 2 seit heute früh beim Bondruck „TSE nicht
erreichbar – Beleg wird ohne Signatur gedruckt“. Kasse 1 läuft normal. Frau Pohl hat die Kasse
schon neu gestartet, leider ohne Erfolg.

Da Bons ohne TSE-Signatur steuerlich ein Problem sind, könnten Sie sich das bitte heute noch
ansehen?

Viele Grüße
Annegret Sauer

{SIG_ANNEGRET}""")
    b.add("km-kasse-2", "km-kasse", at("2026-11-02 10:31"), LUKAS, [ANNEGRET], [SUPPORT], reply="km-kasse-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Sauer,

ich war per Fernwartung auf der Kasse 2: Der USB-Anschluss der TSE hatte sich nach dem letzten
Windows-Update abgemeldet. Ich habe die TSE neu eingebunden und einen Testbon gedruckt, die Signatur
ist drauf. Es sollte jetzt wieder gehen.

Viele Grüße
Lukas Färber

{SIG_LUKAS}""")
    b.add("km-kasse-3", "km-kasse", at("2026-11-04 08:05"), ANNEGRET, [LUKAS], [SUPPORT], reply="km-kasse-2",
          quote="outlook_de_sep", charset="windows-1252",
          body=f"""Hallo Herr Färber,

leider geht es immer noch nicht richtig. Gestern lief die Kasse 2 den ganzen Tag, heute früh um
6:30 Uhr kam wieder „TSE nicht erreichbar“. Frau Pohl kassiert jetzt nur über Kasse 1, in der
Frühstückszeit gibt das lange Schlangen.

Gruß
A. Sauer

{SIG_ANNEGRET}""")
    b.add("km-kasse-4", "km-kasse", at("2026-11-04 09:40"), LUKAS, [KASSENPRO], [SUPPORT], reply="km-kasse-3",
          client="thunderbird", subject="Kunde Bäckerei Kornmüller (Kd.-Nr. 40718): TSE an Kasse 2 verliert Verbindung",
          body=f"""Guten Tag,

bei unserem gemeinsamen Kunden Bäckerei Kornmüller (Kundennummer 40718), Filiale Wilhelmshöhe,
verliert die TSE an Kasse 2 (KP-Touch 15, Seriennummer KT15-22817) seit dem 02.11. mehrmals am Tag
die Verbindung. Nach einem Neueinbinden läuft sie etwa einen Tag, dann kommt wieder „TSE nicht
erreichbar“. Kasse 1 in derselben Filiale ist unauffällig.

Gibt es für diese TSE ein Firmware-Update, oder muss sie getauscht werden? Können Sie uns das bis
Freitag sagen?

Viele Grüße
Lukas Färber

{SIG_LUKAS}""")
    b.add("km-kasse-5", "km-kasse", at("2026-11-04 09:55"), LUKAS, [ANNEGRET], [SUPPORT], reply="km-kasse-3",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Sauer,

das tut mir leid. Ich habe den Kassenhersteller KassenPro angeschrieben, ob die TSE ein
Firmware-Update oder einen Austausch braucht. Ich melde mich bis Freitag, 06.11., bei Ihnen, wie es
weitergeht. Bis dahin bitte weiter über Kasse 1 kassieren.

Viele Grüße
Lukas Färber

{SIG_LUKAS}""")
    b.add("km-kasse-6", "km-kasse", at("2026-11-16 08:20"), ANNEGRET, [LUKAS], [SUPPORT], reply="km-kasse-5",
          quote="outlook_de", charset="windows-1252",
          body=f"""Hallo Herr Färber,

gibt es schon etwas Neues zur Kasse 2 in Wilhelmshöhe? Sie wollten sich bis zum 06.11. melden.
Die Filiale arbeitet jetzt seit zwei Wochen mit nur einer Kasse, und im Weihnachtsgeschäft können
wir uns das nicht leisten.

Gruß
A. Sauer

{SIG_ANNEGRET}""")

    # ---- km-filiale: new branch; five asks in one mail, some answered, one never mentioned again
    b.add("km-filiale-1", "km-filiale", at("2026-11-05 11:12"), ANNEGRET, [SUPPORT], [HENRIKE, LUKAS],
          subject="Neue Filiale Baunatal – Eröffnung am 01.12.", charset="windows-1252",
          body=f"""Hallo Frau Albrecht, hallo Herr Färber,

wie besprochen eröffnen wir am Dienstag, 01.12., unsere neue Filiale in Baunatal (Marktplatz 5).
Dafür brauchen wir:

1. Router/Firewall wie in den anderen Filialen, mit VPN zur Zentrale
2. Die beiden Kassen (kommen von KassenPro fertig vorinstalliert) ans Netz und an die
   Warenwirtschaft anbinden
3. Ein Angebot für ein Gäste-WLAN im Café-Bereich (ca. 20 Plätze)
4. Ein E-Mail-Postfach für die Filialleiterin: Frau Dana Pohl wechselt aus Wilhelmshöhe nach
   Baunatal und soll eine eigene Adresse bekommen (d.pohl@kornmueller-baeckerei.example)

Außerdem eine Frage: Die Telekom schaltet dort einen Anschluss mit 50 Mbit/s. Reicht das für
Kassen, VPN und Gäste-WLAN?

Bis zum 27.11. sollte alles stehen, damit wir am Wochenende davor einräumen können.

Viele Grüße
Annegret Sauer

{SIG_ANNEGRET}""")
    b.add("km-filiale-2", "km-filiale", at("2026-11-06 09:30"), HENRIKE, [ANNEGRET], [LUKAS, SUPPORT],
          reply="km-filiale-1", quote="outlook_de",
          body=f"""Hallo Frau Sauer,

vielen Dank, schön, dass es mit Baunatal losgeht! Kurz zu Ihren Punkten:

Zu 1. und 2.: Herr Färber bereitet Firewall und VPN bei uns vor und schließt am Donnerstag, 26.11.,
vor Ort alles an, auch die beiden Kassen.

Zu 3.: Das Angebot für das Gäste-WLAN schicke ich Ihnen bis Mittwoch, 11.11.

Zu Ihrer Frage: 50 Mbit/s reichen gut aus. Die Kassen brauchen kaum Bandbreite, und das Gäste-WLAN
begrenzen wir auf 20 Mbit/s, damit es die Kassen nie ausbremst.

Eine Bitte noch: Schicken Sie uns die Zugangsdaten der Telekom, sobald sie bei Ihnen sind? Die
brauchen wir für die Einrichtung der Firewall.

Viele Grüße
Henrike Albrecht

{SIG_HENRIKE}""")
    b.add("km-filiale-3", "km-filiale", at("2026-11-10 14:02"), ANNEGRET, [HENRIKE], [LUKAS, SUPPORT],
          reply="km-filiale-2", quote="outlook_de", charset="windows-1252",
          body=f"""Hallo Frau Albrecht,

die Zugangsdaten kommen laut Telekom per Post, spätestens am 20.11. Ich scanne sie Ihnen ein,
sobald sie da sind.

Gruß
A. Sauer

{SIG_ANNEGRET}""")
    b.add("km-filiale-4", "km-filiale", at("2026-11-11 16:45"), HENRIKE, [ANNEGRET], [LUKAS, SUPPORT],
          reply="km-filiale-3", quote="outlook_de",
          attach=[("Angebot_2026-1187_Gaeste-WLAN_Baunatal.pdf", PDF)],
          body=f"""Hallo Frau Sauer,

wie versprochen anbei das Angebot für das Gäste-WLAN in Baunatal: zwei Access Points (UniFi U7 Pro)
mit Einrichtung und Gäste-Portal, zusammen 1.140,00 € netto.

Viele Grüße
Henrike Albrecht

{SIG_HENRIKE}""")
    b.add("km-filiale-5", "km-filiale", at("2026-11-13 08:31"), ANNEGRET, [HENRIKE], [LUKAS, SUPPORT],
          reply="km-filiale-4", quote="outlook_de", charset="windows-1252",
          body=f"""Guten Morgen Frau Albrecht,

danke für das Angebot, das passt so. Bitte bestellen Sie die Access Points, damit sie beim Termin am
26.11. gleich mit eingebaut werden können.

Gruß
A. Sauer

{SIG_ANNEGRET}""")
    b.add("km-filiale-6", "km-filiale", at("2026-11-13 10:15"), HENRIKE, [ANNEGRET], [LUKAS, SUPPORT],
          reply="km-filiale-5", quote="outlook_de",
          body=f"""Hallo Frau Sauer,

danke für die Freigabe! Die Access Points sind bestellt und kommen bis zum 24.11. Herr Färber baut
sie am 26.11. zusammen mit der Firewall ein.

Viele Grüße
Henrike Albrecht

{SIG_HENRIKE}""")
    b.add("km-filiale-7", "km-filiale", at("2026-11-13 10:40"), ANNEGRET, [HENRIKE], [SUPPORT],
          reply="km-filiale-6", quote="apple_de", client="iphone",
          body="""Prima, vielen Dank!

Von meinem iPhone gesendet""")

    # ---- km-nas: Zabbix problem, repeated after a day, no recovery
    name = "KMB-NAS01: Free disk space is less than 10% on volume /volume1"
    t0 = at("2026-11-10 02:14")
    b.add("km-nas-1", "km-nas", t0, ZABBIX, [SUPPORT], client="plain", subject=f"Problem: {name}",
          body=zabbix_problem(t0.replace(second=37), name, "KMB-NAS01", "High", "Used: 91.4 %", 1184213))
    b.add("km-nas-2", "km-nas", at("2026-11-11 02:14"), ZABBIX, [SUPPORT], client="plain", subject=f"Problem: {name}",
          body=zabbix_problem(t0.replace(second=37), name, "KMB-NAS01", "High", "Used: 93.0 %", 1184213, "1d 0h 0m"))

    # ---- km-vpn: Zabbix problem and its recovery half an hour later
    name = "KMB-FIL07: VPN tunnel to Filiale Harleshausen is down"
    t1, t2 = at("2026-11-12 05:10"), at("2026-11-12 05:42")
    b.add("km-vpn-1", "km-vpn", t1, ZABBIX, [SUPPORT], client="plain", subject=f"Problem: {name}",
          body=zabbix_problem(t1.replace(second=6), name, "KMB-FIL07", "Average", "IPsec SA count: 0", 1185012))
    b.add("km-vpn-2", "km-vpn", t2, ZABBIX, [SUPPORT], client="plain", subject=f"Resolved in 32m 4s: {name}",
          body=zabbix_resolved(t1.replace(second=6), t2.replace(second=10), name, "KMB-FIL07", "Average", "32m 4s", 1185012))

    # ---- km-azubi: three trainees; we asked two questions, no answer yet
    b.add("km-azubi-1", "km-azubi", at("2026-11-09 13:20"), ANNEGRET, [SUPPORT], [LUKAS],
          subject="Zugänge für drei Auszubildende ab 01.12.", charset="windows-1252",
          body=f"""Hallo Herr Färber,

zum 01.12. fangen bei uns drei Auszubildende im Verkauf an: Lea Brandt, Tim Ücker und Mia
Hollstein. Die drei brauchen einen Zugang zum Schulungsportal und zur Warenwirtschaft (nur Lesen).

Viele Grüße
Annegret Sauer

{SIG_ANNEGRET}""")
    b.add("km-azubi-2", "km-azubi", at("2026-11-09 15:05"), LUKAS, [ANNEGRET], [SUPPORT], reply="km-azubi-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Sauer,

mache ich gern. Zwei Fragen vorab: Sollen die drei eigene E-Mail-Adressen bekommen oder nur die
Filial-Postfächer mitlesen? Und in welchen Filialen werden sie eingesetzt? Davon hängt ab, an
welchen Kassen ich die Anmeldung freischalte.

Viele Grüße
Lukas Färber

{SIG_LUKAS}""")

    # ---- km-ww: escalation by the managing director, explicit take-over, fixed and thanked; a new ask
    b.add("km-ww-1", "km-ww", at("2026-11-11 06:12"), JONAS, [HENRIKE], [SUPPORT, ANNEGRET], client="iphone",
          subject="Warenwirtschaft morgens unbrauchbar – so geht das nicht weiter",
          body="""Frau Albrecht,

seit Montag ist die Warenwirtschaft in der Backstube morgens zwischen 4 und 5 Uhr so langsam, dass die Bestellungen der Filialen nicht rechtzeitig durchkommen. Heute früh sind drei Filialen ohne Brötchenbestellung geblieben. Das ist jetzt der dritte Tag in Folge.

Ich erwarte, dass das bis Freitag behoben ist. Sonst müssen wir über den Wartungsvertrag reden.

Jonas Kornmüller
Geschäftsführer

Von meinem iPhone gesendet""")
    b.add("km-ww-2", "km-ww", at("2026-11-11 07:55"), HENRIKE, [JONAS], [SUPPORT, ANNEGRET, SVEN],
          reply="km-ww-1", quote="outlook_de",
          body=f"""Sehr geehrter Herr Kornmüller,

das tut mir leid, und ich verstehe Ihren Ärger. Herr Ortlieb, unser Teamleiter, übernimmt das ab
sofort persönlich und meldet sich heute Vormittag bei Ihnen.

Mit freundlichen Grüßen
Henrike Albrecht

{SIG_HENRIKE}""")
    b.add("km-ww-3", "km-ww", at("2026-11-11 11:20"), SVEN, [JONAS], [HENRIKE, ANNEGRET, SUPPORT],
          reply="km-ww-2", quote="outlook_de",
          body=f"""Sehr geehrter Herr Kornmüller,

die Ursache ist gefunden: Seit der Umstellung auf die neue Sicherungssoftware am 06.11. lief die
nächtliche Sicherung des Warenwirtschaftsservers bis etwa 5 Uhr und hat den Server in dieser Zeit
stark ausgebremst. Ich habe die Sicherung auf 21 Uhr vorgezogen, sie ist dann gegen 1 Uhr fertig.

Bitte geben Sie mir morgen früh kurz Bescheid, ob die Bestellungen normal durchgelaufen sind.

Mit freundlichen Grüßen
Sven Ortlieb

{SIG_SVEN}""")
    b.add("km-ww-4", "km-ww", at("2026-11-12 06:40"), JONAS, [SVEN], [HENRIKE, ANNEGRET, SUPPORT],
          reply="km-ww-3", quote="apple_de", client="iphone",
          body="""Herr Ortlieb,

heute früh lief alles normal, alle Bestellungen waren um halb fünf durch. Danke für die schnelle Hilfe.

Schicken Sie mir bitte bis Ende des Monats ein Angebot, wie wir so einen Ausfall künftig vermeiden – zweiter Server oder was Sie empfehlen.

J. Kornmüller

Von meinem iPhone gesendet""")
    b.add("km-ww-5", "km-ww", at("2026-11-12 09:10"), SVEN, [JONAS], [HENRIKE, ANNEGRET, SUPPORT],
          reply="km-ww-4", quote="outlook_de",
          body=f"""Sehr geehrter Herr Kornmüller,

das freut mich. Das Angebot für eine Ausfalllösung (zweiter Server oder Replikation auf das NAS)
schicke ich Ihnen bis Freitag, 27.11.

Mit freundlichen Grüßen
Sven Ortlieb

{SIG_SVEN}""")

    # ---- km-phish: forwarded phishing, answered and settled
    b.add("km-phish-1", "km-phish", at("2026-11-16 09:02"), ANNEGRET, [SUPPORT], [LUKAS], charset="windows-1252",
          subject="WG: Zahlungserinnerung – Ihre Sendung 00340434 wird zurückgehalten",
          body=f"""Hallo zusammen,

das hier haben heute früh mehrere Filialen bekommen. Ist das echt? Frau Pohl hat wohl schon auf den
Link geklickt, aber nichts eingegeben.

Gruß
A. Sauer

{SIG_ANNEGRET}
-----Ursprüngliche Nachricht-----
Von: DHL Paket Service <noreply@dhl-zustellung-info.example>
Gesendet: Montag, 16. November 2026 05:31
An: filiale.wilhelmshoehe@kornmueller-baeckerei.example
Betreff: Zahlungserinnerung – Ihre Sendung 00340434 wird zurückgehalten

Sehr geehrter Kunde,

für Ihre Sendung 00340434 ist eine Zollgebühr von 1,99 EUR offen. Bitte begleichen Sie den Betrag
innerhalb von 48 Stunden, sonst wird die Sendung an den Absender zurückgeschickt:

https://dhl-zustellung-info.example/zahlung?id=00340434

Ihr DHL Paket Service""")
    b.add("km-phish-2", "km-phish", at("2026-11-16 09:40"), LUKAS, [ANNEGRET], [SUPPORT], reply="km-phish-1",
          quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Frau Sauer,

das ist Phishing, bitte einfach löschen. Ich habe die Absenderdomain in der Mailfilterung gesperrt
und die Mail aus allen Filial-Postfächern entfernt. Da Frau Pohl nur geklickt und nichts eingegeben
hat, ist nichts weiter zu tun; ihren Rechner habe ich trotzdem einmal gescannt, er ist sauber.

Viele Grüße
Lukas Färber

{SIG_LUKAS}""")
    b.add("km-phish-3", "km-phish", at("2026-11-16 10:02"), ANNEGRET, [LUKAS], [SUPPORT], reply="km-phish-2",
          quote="outlook_de", charset="windows-1252",
          body="""Super, danke für die schnelle Antwort!

Gruß A. Sauer""")


def zwn(b: Box):
    sd = dict(AUTO, **{"X-ZWN-Ticket": "20417"})
    # ---- zw-vpn: their service desk; our two questions answered in a comment (one as an instruction),
    #      a new ask (Teams), our engineer falls ill, a colleague takes the ticket; status notice without comment
    b.add("zw-vpn-1", "zw-vpn", at("2026-11-05 10:02"), ZWNSD, [SUPPORT], client="plain", extra=sd,
          subject="[ZWN-SD #20417] Neues Ticket: VPN-Zugang für Bereitschaftslaptops",
          body="""Guten Tag,

für Sie wurde ein neues Ticket angelegt.

Ticket: #20417 – VPN-Zugang für Bereitschaftslaptops
Erstellt von: Matthias Gerlach
Priorität: normal
Kategorie: Externer Dienstleister

Beschreibung:
Hallo Servicehaus-Team,
für den Winterbereitschaftsdienst haben wir vier neue Laptops (Lenovo ThinkPad T14) beschafft. Bitte
richten Sie darauf den VPN-Zugang ein (FortiClient, wie bei den bisherigen Bereitschaftsgeräten).
Die Winterbereitschaft beginnt am Montag, 23.11., bis dahin müssen die Geräte einsatzbereit sein.
Gruß Matthias Gerlach
""" + SD_FOOT.format(n=20417))
    b.add("zw-vpn-2", "zw-vpn", at("2026-11-05 13:30"), MARTA, [ZWNSD], [SUPPORT], reply="zw-vpn-1", quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

gern. Für die VPN-Profile brauche ich noch die Namen der vier Kolleginnen und Kollegen, die die
Laptops bekommen, damit ich die Zertifikate auf sie ausstellen kann. Und wo stehen die Geräte –
sollen wir sie abholen?

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    b.add("zw-vpn-3", "zw-vpn", at("2026-11-06 08:15"), ZWNSD, [SUPPORT], client="plain", extra=sd, reply="zw-vpn-2",
          subject="[ZWN-SD #20417] Ticket aktualisiert: VPN-Zugang für Bereitschaftslaptops",
          body="""Guten Tag,

das Ticket #20417 wurde aktualisiert.

Neuer Kommentar von Matthias Gerlach (06.11.2026 08:14):
Die Laptops bekommen Herr Brede, Herr Ulrich, Frau Sommer und Herr Yıldız. Nehmen Sie die Geräte
bitte bei Ihrem nächsten Termin hier im Haus mit, sie stehen bei mir im Büro (Raum 1.12). Und
spielen Sie bitte auch gleich Teams mit drauf.

Status: In Bearbeitung
Bearbeiter: Servicehaus Kessler (extern)
""" + SD_FOOT.format(n=20417))
    b.add("zw-vpn-4", "zw-vpn", at("2026-11-06 10:05"), MARTA, [ZWNSD], [SUPPORT], reply="zw-vpn-3", quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

danke, dann nehme ich die vier Laptops am Dienstag, 10.11., bei meinem Termin in der Leitwarte mit.

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    b.add("zw-vpn-5", "zw-vpn", at("2026-11-12 14:10"), SVEN, [ZWNSD], [SUPPORT, TOBIAS], reply="zw-vpn-4",
          quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

Frau Nowak ist leider erkrankt, ich übernehme dieses Ticket. Herr Färber ist morgen früh ohnehin
bei Ihnen in der Leitwarte und bringt die vier Laptops mit. Ich richte sie bis Donnerstag, 19.11.,
ein – VPN-Profile für die vier Kollegen und Teams – und bringe sie Ihnen am Freitag, 20.11., zurück.

Viele Grüße
Sven Ortlieb

{SIG_SVEN}""")
    b.add("zw-vpn-6", "zw-vpn", at("2026-11-12 14:12"), ZWNSD, [SUPPORT], client="plain", extra=sd, reply="zw-vpn-5",
          subject="[ZWN-SD #20417] Status geändert: VPN-Zugang für Bereitschaftslaptops",
          body="""Guten Tag,

der Status des Tickets #20417 wurde geändert.

Status: In Bearbeitung -> Warten auf Dienstleister
Bearbeiter: Servicehaus Kessler (extern)
""" + SD_FOOT.format(n=20417))

    # ---- zw-leitstelle: control-room PC freezes; driver fix fails, visit promised and missed (engineer ill),
    #      escalation by the head of the utility, take-over, card swapped, freezes again
    b.add("zw-leit-1", "zw-leitstelle", at("2026-11-03 07:35"), KEMAL, [SUPPORT], [MATTHIAS, MARTA],
          subject="Fernwirk-PC Leitwarte friert mehrmals täglich ein",
          body=f"""Guten Morgen,

der Fernwirk-PC in der Leitwarte (LW-PC2, der Platz mit den drei Monitoren) friert seit letzter
Woche mehrmals am Tag ein. Das Bild bleibt stehen, die Maus reagiert nicht mehr, nur Ausschalten
hilft. Das ist unser Bedienplatz für die Pumpwerke, den brauchen wir zuverlässig.

Mit freundlichen Grüßen
Kemal Arslan

{SIG_KEMAL}""")
    b.add("zw-leit-2", "zw-leitstelle", at("2026-11-03 10:10"), MARTA, [KEMAL], [MATTHIAS, SUPPORT], reply="zw-leit-1",
          quote="outlook_de",
          body=f"""Hallo Herr Arslan,

ich habe mir die Ereignisanzeige per Fernwartung angesehen: Der Grafiktreiber stürzt ab. Ich habe
den aktuellen Treiber von NVIDIA installiert. Bitte beobachten Sie den PC in den nächsten zwei Tagen
und geben Sie mir Bescheid, ob es noch einmal passiert.

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    b.add("zw-leit-3", "zw-leitstelle", at("2026-11-05 06:50"), KEMAL, [MARTA], [MATTHIAS, SUPPORT], reply="zw-leit-2",
          quote="outlook_de",
          body=f"""Hallo Frau Nowak,

leider immer noch: heute Nacht ist er zweimal eingefroren, die Bereitschaft musste ihn jeweils neu
starten.

Gruß
K. Arslan

{SIG_KEMAL}""")
    b.add("zw-leit-4", "zw-leitstelle", at("2026-11-05 09:20"), MARTA, [KEMAL], [MATTHIAS, SUPPORT], reply="zw-leit-3",
          quote="outlook_de",
          body=f"""Hallo Herr Arslan,

dann ist vermutlich die Grafikkarte selbst defekt. Eine neue ist bestellt; ich komme am Dienstag,
10.11., um 9 Uhr vorbei und baue sie ein.

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    b.add("zw-leit-5", "zw-leitstelle", at("2026-11-12 08:05"), BRENNEKE, [TOBIAS], [SUPPORT, MATTHIAS, KEMAL],
          reply="zw-leit-4", quote="outlook_de",
          body=f"""Sehr geehrter Herr Wendland,

der Fernwirk-PC in unserer Leitwarte ist für die Überwachung der Trinkwasserversorgung
sicherheitsrelevant. Der für Dienstag zugesagte Termin hat nicht stattgefunden, und es hat sich
niemand bei uns gemeldet. Der PC friert weiterhin ein.

Ich erwarte, dass der Fehler bis Montag, 16.11., behoben ist, und bitte um eine kurze schriftliche
Erklärung, warum der Termin ausgefallen ist.

Mit freundlichen Grüßen
Dr. Ute Brenneke

{SIG_BRENNEKE}""")
    b.add("zw-leit-6", "zw-leitstelle", at("2026-11-12 09:30"), TOBIAS, [BRENNEKE], [SUPPORT, MATTHIAS, KEMAL, LUKAS],
          reply="zw-leit-5", quote="outlook_de",
          body=f"""Sehr geehrte Frau Dr. Brenneke,

ich bitte Sie um Entschuldigung. Frau Nowak ist seit Dienstag erkrankt, und ihr Termin wurde bei uns
nicht weitergegeben – das hätte nicht passieren dürfen.

Herr Färber übernimmt die Störung ab sofort und ist morgen, Freitag, 13.11., um 8 Uhr mit der neuen
Grafikkarte bei Ihnen. Die schriftliche Erklärung schicke ich Ihnen bis Mittwoch, 18.11.

Mit freundlichen Grüßen
Tobias Wendland

{SIG_TOBIAS}""")
    b.add("zw-leit-7", "zw-leitstelle", at("2026-11-13 11:40"), LUKAS, [KEMAL], [TOBIAS, MATTHIAS, SUPPORT],
          reply="zw-leit-6", quote="thunderbird_de", client="thunderbird",
          body=f"""Hallo Herr Arslan,

die Grafikkarte im LW-PC2 ist getauscht, der Treiber neu installiert, alle drei Monitore laufen.
Falls er doch noch einmal einfriert, melden Sie sich bitte sofort bei mir.

Viele Grüße
Lukas Färber

{SIG_LUKAS}""")
    b.add("zw-leit-8", "zw-leitstelle", at("2026-11-17 06:20"), KEMAL, [LUKAS], [TOBIAS, MATTHIAS, SUPPORT],
          reply="zw-leit-7", quote="outlook_de",
          body=f"""Hallo Herr Färber,

heute Nacht um 2:40 Uhr ist der LW-PC2 wieder eingefroren, die Bereitschaft musste ihn neu starten.
Bis gestern lief er ohne Probleme. Bitte kommen Sie sich das noch einmal ansehen.

Gruß
K. Arslan

{SIG_KEMAL}""")

    # ---- zw-plotter: their service desk; our fix, closed by the customer without a comment
    sd2 = dict(AUTO, **{"X-ZWN-Ticket": "20388"})
    b.add("zw-plot-1", "zw-plotter", at("2026-11-04 13:10"), ZWNSD, [SUPPORT], client="plain", extra=sd2,
          subject="[ZWN-SD #20388] Neues Ticket: Plotter Planungsabteilung druckt Pläne nur halb",
          body="""Guten Tag,

für Sie wurde ein neues Ticket angelegt.

Ticket: #20388 – Plotter Planungsabteilung druckt Pläne nur halb
Erstellt von: Matthias Gerlach
Priorität: normal
Kategorie: Externer Dienstleister

Beschreibung:
Der HP DesignJet in der Planungsabteilung bricht große Pläne (A0, Leitungsnetz) ungefähr in der
Mitte ab. Kleinere Pläne gehen. Bitte prüfen.
""" + SD_FOOT.format(n=20388))
    b.add("zw-plot-2", "zw-plotter", at("2026-11-04 15:45"), MARTA, [ZWNSD], [SUPPORT], reply="zw-plot-1",
          quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

der Druckserver hatte für den Plotter eine Spoolgrenze von 64 MB pro Auftrag eingestellt, die
A0-Pläne sind größer. Ich habe die Grenze aufgehoben und einen A0-Testplan gedruckt, der ist
vollständig.

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    b.add("zw-plot-3", "zw-plotter", at("2026-11-05 08:30"), ZWNSD, [SUPPORT], client="plain", extra=sd2, reply="zw-plot-2",
          subject="[ZWN-SD #20388] Ticket geschlossen: Plotter Planungsabteilung druckt Pläne nur halb",
          body="""Guten Tag,

das Ticket #20388 wurde von Matthias Gerlach geschlossen.

Status: Geschlossen
Lösung: siehe Kommentar des Dienstleisters
""" + SD_FOOT.format(n=20388))

    # ---- zw-strom: information, nothing to do
    b.add("zw-strom-1", "zw-strom", at("2026-11-13 12:00"), MATTHIAS, [SUPPORT], [TOBIAS], client="thunderbird",
          subject="Info: Stromabschaltung Betriebshof Nord am Samstag, 21.11.",
          body=f"""Hallo zusammen,

nur zur Info: Am Samstag, 21.11., wird wegen Arbeiten an der Trafostation im Betriebshof Nord von
6 bis 14 Uhr der Strom abgeschaltet. Der Server dort (ZWN-BHN01) fährt über die USV kontrolliert
herunter, wir schalten ihn danach selbst wieder ein.

Von Ihrer Seite ist nichts zu tun – nicht wundern, wenn Ihr Monitoring Alarm schlägt.

Gruß
Matthias Gerlach

{SIG_MATTHIAS}""")
    b.add("zw-strom-2", "zw-strom", at("2026-11-13 12:30"), TOBIAS, [MATTHIAS], [SUPPORT], reply="zw-strom-1",
          quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

danke für die Info, ich habe es bei uns im Monitoring vermerkt.

Viele Grüße
Tobias Wendland

{SIG_TOBIAS}""")

    # ---- zw-lizenz: our question with a date; the customer's out-of-office names a stand-in; no answer
    b.add("zw-lizenz-1", "zw-lizenz", at("2026-11-10 14:00"), TOBIAS, [MATTHIAS], [SUPPORT],
          subject="Verlängerung Microsoft 365 zum 01.01.2027 – Anzahl der Lizenzen",
          body=f"""Hallo Herr Gerlach,

Ihre Microsoft-365-Lizenzen (derzeit 48 × Business Standard und 6 × F3 für die Bereitschaft) laufen
am 31.12. aus. Damit wir rechtzeitig verlängern können: Bitte bestätigen Sie mir bis Mittwoch,
25.11., ob die Anzahl so bleibt oder ob sich etwas ändert – Sie hatten im Sommer neue Stellen im
Wasserwerk erwähnt.

Viele Grüße
Tobias Wendland

{SIG_TOBIAS}""")
    b.add("zw-lizenz-2", "zw-lizenz", at("2026-11-10 14:00"), MATTHIAS, [TOBIAS], [], reply="zw-lizenz-1", extra=OOO,
          subject="Automatische Antwort: Verlängerung Microsoft 365 zum 01.01.2027 – Anzahl der Lizenzen",
          body="""Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich Mittwoch, 11.11., nicht im Haus. In dringenden Fällen wenden Sie sich
bitte an Frau Sabine Kranz, Tel. 0561 98120-214, s.kranz@zwn-wasser.example.

Mit freundlichen Grüßen
Matthias Gerlach""")

    # ---- zw-glasfaser: forwarded carrier notice with an instruction; done and reported
    b.add("zw-glas-1", "zw-glasfaser", at("2026-11-12 10:20"), MATTHIAS, [SUPPORT], [TOBIAS],
          subject="WG: Geplante Wartungsarbeiten an Ihrem Glasfaseranschluss – Wasserwerk Süd",
          body=f"""Hallo zusammen,

bitte sorgen Sie dafür, dass das Wasserwerk Süd in dieser Nacht über den LTE-Router online bleibt –
die Fernwirktechnik muss durchgehend erreichbar sein.

Danke und Gruß
M. Gerlach

{SIG_MATTHIAS}
-----Ursprüngliche Nachricht-----
Von: NordNetz Glasfaser Geschäftskunden <wartung@nordnetz-glasfaser.example>
Gesendet: Mittwoch, 11. November 2026 16:02
An: Gerlach, Matthias <m.gerlach@zwn-wasser.example>
Betreff: Geplante Wartungsarbeiten an Ihrem Glasfaseranschluss – Wasserwerk Süd

Sehr geehrte Damen und Herren,

in der Nacht von Montag, 16.11., auf Dienstag, 17.11.2026, führen wir zwischen 00:00 und 04:00 Uhr
Wartungsarbeiten an unserem Netz durch. Ihr Anschluss (Leitungs-ID NN-GF-448120) kann in diesem
Zeitraum bis zu 60 Minuten unterbrochen sein.

Wir bitten um Ihr Verständnis.
Ihr NordNetz-Geschäftskundenteam""")
    b.add("zw-glas-2", "zw-glasfaser", at("2026-11-12 11:05"), SVEN, [MATTHIAS], [TOBIAS, SUPPORT], reply="zw-glas-1",
          quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

danke für die Vorwarnung. Ich schalte das Wasserwerk Süd am Montagabend um 23:30 Uhr auf den
LTE-Router um und nach den Arbeiten wieder zurück.

Viele Grüße
Sven Ortlieb

{SIG_SVEN}""")
    b.add("zw-glas-3", "zw-glasfaser", at("2026-11-17 07:30"), SVEN, [MATTHIAS], [TOBIAS, SUPPORT], reply="zw-glas-2",
          quote="outlook_de",
          body=f"""Guten Morgen Herr Gerlach,

kurze Rückmeldung: Die Umschaltung hat funktioniert. Der Glasfaseranschluss war von 01:12 bis
01:49 Uhr unterbrochen, die Fernwirktechnik lief in der Zeit über LTE. Seit 04:30 Uhr läuft wieder
alles über Glasfaser.

Viele Grüße
Sven Ortlieb

{SIG_SVEN}""")

    # ---- zw-rohde: a leaver; our two questions answered between the quoted lines; done, confirmed
    b.add("zw-rohde-1", "zw-rohde", at("2026-11-02 09:15"), MATTHIAS, [SUPPORT], [MARTA], client="thunderbird",
          subject="Austritt Herr Rohde zum 06.11.",
          body=f"""Hallo zusammen,

Herr Dieter Rohde (Wasserwerk Süd) geht zum 06.11. in den Ruhestand. Bitte sperren Sie sein Konto
ab dem 07.11. und geben Sie Frau Kranz Zugriff auf sein Postfach.

Gruß
Matthias Gerlach

{SIG_MATTHIAS}""")
    b.add("zw-rohde-2", "zw-rohde", at("2026-11-02 11:40"), MARTA, [MATTHIAS], [SUPPORT], reply="zw-rohde-1",
          quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

mache ich. Zwei Fragen dazu:

Soll das Postfach dauerhaft als freigegebenes Postfach bleiben oder nach einer Übergangszeit
gelöscht werden?

Und sollen Absender, die Herrn Rohde schreiben, eine automatische Antwort bekommen, dass er nicht
mehr im Haus ist?

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    m2 = b.mails["zw-rohde-2"]
    att = attribution("thunderbird_de", m2, TZ_DE)
    b.add("zw-rohde-3", "zw-rohde", at("2026-11-02 14:20"), MATTHIAS, [MARTA], [SUPPORT], reply="zw-rohde-2",
          client="thunderbird",
          body=f"""Hallo Frau Nowak,

{att}
> Hallo Herr Gerlach,
>
> mache ich. Zwei Fragen dazu:
>
> Soll das Postfach dauerhaft als freigegebenes Postfach bleiben oder nach einer Übergangszeit
> gelöscht werden?

Bis Ende März behalten, dann kann es weg.

> Und sollen Absender, die Herrn Rohde schreiben, eine automatische Antwort bekommen, dass er nicht
> mehr im Haus ist?

Ja, bitte mit Verweis auf Frau Kranz.

> Viele Grüße
> Marta Nowak

Gruß
M. Gerlach

{SIG_MATTHIAS}""")
    b.add("zw-rohde-4", "zw-rohde", at("2026-11-06 15:30"), MARTA, [MATTHIAS], [SUPPORT], reply="zw-rohde-3",
          quote="outlook_de",
          body=f"""Hallo Herr Gerlach,

Herrn Rohdes Konto ist ab morgen früh gesperrt. Das Postfach ist jetzt ein freigegebenes Postfach
(Löschung vorgemerkt für den 31.03.2027), Frau Kranz hat Vollzugriff, und die automatische Antwort
mit Verweis auf Frau Kranz ist eingerichtet.

Viele Grüße
Marta Nowak

{SIG_MARTA}""")
    b.add("zw-rohde-5", "zw-rohde", at("2026-11-09 08:10"), MATTHIAS, [MARTA], [SUPPORT], reply="zw-rohde-4",
          quote="thunderbird_de", client="thunderbird",
          body="""Danke, hat alles geklappt. Frau Kranz sieht das Postfach.

Gruß M. Gerlach""")


def calder(b: Box):
    jsm = dict(AUTO, **{"X-JIRA-FingerPrint": "6c1f0e2b9a7d4e51b2c8a3f07d9e1c44"})
    # ---- cv-dock: Jira Service Management request; our fix by mail, customer's comment, status change
    subj = "CVH-212 Docking station in Finance keeps dropping both monitors"
    b.add("cv-dock-1", "cv-dock", at("2026-11-03 10:05", TZ_UK), JSM, [SUPPORT], client="plain", extra=jsm, subject=subj,
          body="""—-—-—-—
Reply above this line.

Mandy Pearce raised this request via Help Center.

Docking station in Finance keeps dropping both monitors

Since Monday the Dell dock on my desk (and Joanne's next to me) loses both screens several times a
day. Unplugging the laptop and plugging it back in brings them back for a while. It's really
slowing us down at month-end.

Request type: Hardware problem
Priority: Medium
""" + JSM_FOOT)
    b.add("cv-dock-2", "cv-dock", at("2026-11-03 14:30", TZ_UK), CALLUM, [JSM], [SUPPORT], reply="cv-dock-1",
          quote="outlook_en", subject="RE: " + subj,
          body=f"""Hi Mandy,

the two WD19 docks in Finance were on an old firmware with a known display-dropout bug. I've pushed
the current firmware to both of them remotely over lunch. Could you let me know tomorrow whether the
screens stayed on?

Thanks,
Callum

{SIG_CALLUM}""")
    b.add("cv-dock-3", "cv-dock", at("2026-11-04 16:20", TZ_UK), JSM, [SUPPORT], client="plain", extra=jsm, subject=subj,
          reply="cv-dock-2",
          body="""—-—-—-—
Reply above this line.

Mandy Pearce commented:

Both screens stayed on all day today, Joanne's too. Thank you!
""" + JSM_FOOT)
    b.add("cv-dock-4", "cv-dock", at("2026-11-05 09:00", TZ_UK), JSM, [SUPPORT], client="plain", extra=jsm, subject=subj,
          reply="cv-dock-3",
          body="""—-—-—-—
Reply above this line.

Gareth Lloyd changed the status to Resolved.

Status: Resolved
""" + JSM_FOOT)

    # ---- cv-mfa: tablets locked out; first fix fails, promise missed, escalation, take-over, partly fixed
    b.add("cv-mfa-1", "cv-mfa", at("2026-11-05 09:10", TZ_UK), RACHEL, [SUPPORT], [GARETH, FIONA],
          subject="Housing officers locked out of the repairs app on tablets",
          body=f"""Hello,

since the MFA change on Monday our housing officers can't get into the Repairs Hub app on their
Samsung tablets. It asks for the Authenticator code, accepts it, and then asks again – round and
round. That's 14 officers who can't log repairs from site.

Our annual tenant inspections start on Monday 16 November, so this needs to work before then.

Regards,
Rachel

{SIG_RACHEL}""")
    b.add("cv-mfa-2", "cv-mfa", at("2026-11-05 11:45", TZ_UK), CALLUM, [RACHEL], [GARETH, FIONA, SUPPORT],
          reply="cv-mfa-1", quote="outlook_en",
          body=f"""Hi Rachel,

this comes from the new conditional access policy: the tablets aren't marked as compliant in Intune,
so every sign-in gets challenged again. I've excluded the tablet group from the policy for now, so
the officers should be able to sign in. Could you ask one of them to try?

Thanks,
Callum

{SIG_CALLUM}""")
    b.add("cv-mfa-3", "cv-mfa", at("2026-11-06 08:50", TZ_UK), GARETH, [CALLUM], [RACHEL, FIONA, SUPPORT],
          reply="cv-mfa-2", quote="outlook_en",
          body=f"""Hi Callum,

three officers tried this morning – still the same loop for all of them.

Gareth

{SIG_GARETH}""")
    b.add("cv-mfa-4", "cv-mfa", at("2026-11-06 10:30", TZ_UK), CALLUM, [GARETH], [RACHEL, FIONA, SUPPORT],
          reply="cv-mfa-3", quote="outlook_en",
          body=f"""Hi Gareth,

thanks for checking. Then the exclusion isn't enough and I'll have to rebuild the compliance policy
for the tablets. I'll have that done by Wednesday 11 November.

Callum

{SIG_CALLUM}""")
    b.add("cv-mfa-5", "cv-mfa", at("2026-11-13 08:55", TZ_UK), RACHEL, [FIONA], [CALLUM, GARETH, SUPPORT],
          reply="cv-mfa-4", quote="outlook_en",
          body=f"""Fiona,

Callum promised the tablets would be fixed by Wednesday. It's Friday, nobody has been in touch, and
our inspections start on Monday. I need this working by Monday morning, and I'd like someone to call
me today with a plan.

Rachel

{SIG_RACHEL}""")
    b.add("cv-mfa-6", "cv-mfa", at("2026-11-13 10:20", TZ_UK), FIONA, [RACHEL], [CALLUM, GARETH, PRIYA, SUPPORT],
          reply="cv-mfa-5", quote="outlook_en",
          body=f"""Dear Rachel,

I'm very sorry – you should have heard from us on Wednesday. Priya Shah is taking this over from
Callum as of today. She will call you before noon and will have the new tablet policy in place by
Monday 16 November, 8am.

Kind regards,
Fiona

{SIG_FIONA}""")
    b.add("cv-mfa-7", "cv-mfa", at("2026-11-16 07:55", TZ_UK), PRIYA, [RACHEL, GARETH], [FIONA, SUPPORT],
          reply="cv-mfa-6", quote="outlook_en",
          body=f"""Hi Rachel, hi Gareth,

the new compliance policy for the tablets is live. Each officer needs to sign out of the Repairs
Hub app once and sign back in. Could Gareth confirm from one or two tablets that it works?

Priya

{SIG_PRIYA}""")
    b.add("cv-mfa-8", "cv-mfa", at("2026-11-16 11:10", TZ_UK), GARETH, [PRIYA], [RACHEL, FIONA, SUPPORT],
          reply="cv-mfa-7", quote="outlook_en",
          body=f"""Hi Priya,

tried four tablets. Three are fine now. The fourth (asset tag T-0417) still loops at the
Authenticator screen after signing in. That officer is out on inspections with paper forms for now.

Gareth

{SIG_GARETH}""")

    # ---- cv-gareth: three asks in one mail; one done, one promised, one turned into our question; a new ask
    b.add("cv-three-1", "cv-three", at("2026-11-09 09:30", TZ_UK), GARETH, [SUPPORT], [CALLUM],
          subject="New starter, a move to Estates and the boardroom TV",
          body=f"""Hi Callum,

three things, if you can:

1. New starter: Aisha Khan joins Lettings on Monday 23 November. She needs an account, a mailbox and
   a laptop (same build as the other lettings officers).
2. Tom Barker has moved from Finance to Estates – please remove his access to the Finance share and
   add him to Estates.
3. Is there any way to get the boardroom TV to join Teams calls? At the moment we plug a laptop in
   every time.

Thanks,
Gareth

{SIG_GARETH}""")
    b.add("cv-three-2", "cv-three", at("2026-11-09 15:10", TZ_UK), CALLUM, [GARETH], [SUPPORT], reply="cv-three-1",
          quote="outlook_en",
          body=f"""Hi Gareth,

2. is done: Tom is out of the Finance group and in Estates (he'll need to log off and on again).

1. I'll have Aisha's account, mailbox and laptop ready by Friday 20 November, so she can start on
   the Monday.

3. Not properly without a Teams Rooms device. I'll ask Fiona to send you a couple of options.

Cheers,
Callum

{SIG_CALLUM}""")
    b.add("cv-three-3", "cv-three", at("2026-11-11 16:00", TZ_UK), FIONA, [GARETH], [CALLUM, SUPPORT],
          reply="cv-three-2", quote="outlook_en", attach=[("CVH_Boardroom_Teams_options.pdf", PDF)],
          body=f"""Hi Gareth,

as Callum mentioned, attached are two options for the boardroom: a Logitech Rally Bar (about £3,400
installed) or a Yealink MeetingBar A30 (about £2,100 installed). Both join Teams calls with one tap
from the table console.

Which one would you like to go with? Happy to arrange a demo in your boardroom too.

Best,
Fiona

{SIG_FIONA}""")
    b.add("cv-three-4", "cv-three", at("2026-11-12 09:05", TZ_UK), GARETH, [FIONA], [CALLUM, SUPPORT],
          reply="cv-three-3", quote="outlook_en",
          body=f"""Thanks Fiona, that's really helpful. I'll take both to Rachel at Thursday's management meeting
and come back to you.

One more thing for Aisha: she'll need a phone extension in the Lettings hunt group as well.

Gareth

{SIG_GARETH}""")

    # ---- cv-patch: our question with a reply-by day, not answered
    b.add("cv-patch-1", "cv-patch", at("2026-11-12 14:00", TZ_UK), CALLUM, [GARETH], [SUPPORT],
          subject="November updates for CVH-FS02 – Thursday 19 Nov evening?",
          body=f"""Hi Gareth,

we'd like to install the November Windows updates on your file server CVH-FS02 on Thursday
19 November from 7pm, including a reboot (about 30 minutes without the shared drives).

Is that OK for you, or is anyone working late that evening? If I don't hear back by Wednesday I'll
move it to the following week.

Cheers,
Callum

{SIG_CALLUM}""")

    # ---- cv-thanks: a thank-you note, answered
    b.add("cv-thanks-1", "cv-thanks", at("2026-11-16 16:30", TZ_UK), RACHEL, [FIONA], [SUPPORT],
          subject="Thank you – Brighouse office move",
          body=f"""Hi Fiona,

just a quick note to say thank you to Callum and Priya for the office move at Brighouse the weekend
before last. Everything worked on the Monday morning and staff noticed how smooth it was. Please pass
on our thanks.

Best wishes,
Rachel

{SIG_RACHEL}""")
    b.add("cv-thanks-2", "cv-thanks", at("2026-11-16 17:05", TZ_UK), FIONA, [RACHEL], [SUPPORT], reply="cv-thanks-1",
          quote="outlook_en",
          body=f"""Thank you, Rachel – that's lovely to hear. I'll pass it on to both of them.

Fiona

{SIG_FIONA}""")

    # ---- cv-isp: forwarded carrier notice, FYI
    b.add("cv-isp-1", "cv-isp", at("2026-11-11 12:15", TZ_UK), GARETH, [SUPPORT], [],
          subject="FW: Planned engineering works – circuit HFX-EFM-2231, 24 November",
          body=f"""FYI – our leased line provider is doing works overnight on the 24th. I don't think anything is
needed from you, the 4G backup should take over.

Gareth

{SIG_GARETH}
________________________________
From: Pennine Fibre NOC <noc@penninefibre.example>
Sent: 10 November 2026 17:40
To: Lloyd, Gareth <gareth.lloyd@caldervalleyhousing.example>
Subject: Planned engineering works – circuit HFX-EFM-2231, 24 November

Dear Customer,

Pennine Fibre will carry out planned engineering works on Tuesday 24 November 2026 between 00:00 and
05:00. Your service (circuit HFX-EFM-2231, 22 Commercial Street, Halifax) may see up to two
interruptions of up to 15 minutes each. No action is required.

Reference: PW-77120
Pennine Fibre Network Operations""")

    # ---- cv-scan: fixed and confirmed
    b.add("cv-scan-1", "cv-scan", at("2026-11-03 08:40", TZ_UK), MANDY, [SUPPORT], [], html_only=True,
          subject="Scan to email not working on Finance copier",
          body=f"""Morning,

since yesterday the Finance copier (the Canon on the second floor) says "Send error #752" when we
scan to email. Scanning to the shared folder still works. Could someone take a look?

Thanks,
Mandy

{SIG_MANDY}""")
    b.add("cv-scan-2", "cv-scan", at("2026-11-03 10:20", TZ_UK), PRIYA, [MANDY], [SUPPORT], reply="cv-scan-1",
          quote="outlook_en",
          body=f"""Hi Mandy,

the copier's mail password was changed in the last password rotation but not updated on the device.
I've entered the new one and sent a test scan to myself, which arrived. Could you try once more?

Priya

{SIG_PRIYA}""")
    b.add("cv-scan-3", "cv-scan", at("2026-11-03 11:00", TZ_UK), MANDY, [PRIYA], [SUPPORT], reply="cv-scan-2",
          quote="outlook_en", html_only=True,
          body="""Works now – thanks Priya!

Mandy""")


def maple(b: Box):
    U = TZ_US
    # ---- mr-xray: sensor not detected after an update; fixed, confirmed from the iPhone
    b.add("mr-xray-1", "mr-xray", at("2026-11-03 08:10", U), KAREN, [SUPPORT], [ALICIA],
          subject="X-ray sensor not detected in Op 3 (Westerville)",
          body=f"""Hi Alicia,

the X-ray sensor in Op 3 at Westerville isn't being detected since the computers updated last night.
The imaging software says "No sensor found". We have patients booked for bitewings all morning –
can you look at it ASAP?

Thanks,
Karen

{SIG_KAREN}""")
    b.add("mr-xray-2", "mr-xray", at("2026-11-03 09:05", U), ALICIA, [KAREN], [JENNA, SUPPORT], reply="mr-xray-1",
          quote="outlook_en",
          body=f"""Hi Karen,

the Windows update replaced the sensor's USB driver. I've rolled it back to the vendor's driver and
blocked that update on the operatory PCs. Could someone in Op 3 take a test image and let me know?

Alicia

{SIG_ALICIA}""")
    b.add("mr-xray-3", "mr-xray", at("2026-11-03 09:40", U), JENNA, [ALICIA], [KAREN, SUPPORT], reply="mr-xray-2",
          quote="iphone_en", client="iphone",
          body=f"""Test image came through fine. Thank you so much!

{SIG_JENNA}""")

    # ---- mr-phones: dropped calls; our engineer asks the carrier, the carrier changes a setting;
    #      we ask the customer to retest, no answer yet
    b.add("mr-phones-1", "mr-phones", at("2026-11-04 13:20", U), KAREN, [SUPPORT], [ALICIA],
          subject="Calls dropping at the Dublin office",
          body=f"""Hi,

for about a week, calls at our Dublin office drop after roughly 10 minutes – incoming and outgoing.
The other side just hears silence and then it disconnects. It happens several times a day, mostly
with insurance companies where we're on hold a long time. Can you look into it?

Karen

{SIG_KAREN}""")
    b.add("mr-phones-2", "mr-phones", at("2026-11-04 15:00", U), ALICIA, [BLUECREST], [SUPPORT], reply="mr-phones-1",
          subject="Maple Ridge Dental – SIP trunk MRD-DUB: calls drop after ~10 minutes",
          body=f"""Hello Bluecrest support,

our customer Maple Ridge Dental Partners (account 7710-2291, trunk MRD-DUB) reports that calls drop
after about 10 minutes, inbound and outbound. Our firewall log shows a SIP re-INVITE from your side
at 600 seconds that gets no answer.

Can you check the session timer settings on the trunk and tell us whether anything changed on your
side recently?

Thanks,
Alicia Ramos

{SIG_ALICIA}""")
    b.add("mr-phones-3", "mr-phones", at("2026-11-04 15:10", U), ALICIA, [KAREN], [SUPPORT], reply="mr-phones-1",
          quote="outlook_en",
          body=f"""Hi Karen,

thanks for the details. It looks like the carrier's session timer. I've opened a case with Bluecrest
and I'll update you by Friday.

Alicia

{SIG_ALICIA}""")
    b.add("mr-phones-4", "mr-phones", at("2026-11-09 11:30", U), BLUECREST, [ALICIA], [SUPPORT], reply="mr-phones-2",
          quote="gmail_en", client="gmail",
          body="""Hello Alicia,

Thank you for contacting Bluecrest Voice. Regarding case 00481273: a platform change on 10/27 set a
600-second session timer on a number of trunks. We have reverted trunk MRD-DUB to 1800 seconds with
session refresh handled on our side.

Please have the customer retest and reply to this email if the issue persists.

Regards,
Bluecrest Voice Support Team""")
    b.add("mr-phones-5", "mr-phones", at("2026-11-09 13:45", U), ALICIA, [KAREN], [SUPPORT], reply="mr-phones-3",
          quote="outlook_en",
          body=f"""Hi Karen,

sorry this took longer than I said. Bluecrest found a setting on their side that cut calls at 10
minutes and changed it this morning.

Could you make one or two longer calls today and let me know whether they still drop?

Alicia

{SIG_ALICIA}""")

    # ---- mr-hire: new hygienist; our question answered as an instruction, plus a new ask
    b.add("mr-hire-1", "mr-hire", at("2026-11-05 10:00", U), KAREN, [SUPPORT], [ALICIA, DEREK],
          subject="New hygienist starting 11/30",
          body=f"""Hi Alicia,

we have a new hygienist, Brianna Miller, starting Monday 11/30. She'll need an email account, a
login for OpenChart and access to the imaging software. Could you have everything ready by Tuesday
11/24? She'll do her training before Thanksgiving.

Thanks!
Karen

{SIG_KAREN}""")
    b.add("mr-hire-2", "mr-hire", at("2026-11-05 14:20", U), ALICIA, [KAREN], [DEREK, SUPPORT], reply="mr-hire-1",
          quote="outlook_en",
          body=f"""Hi Karen,

sure – I'll have Brianna's accounts ready by Monday 11/23. One question: which office will she
mainly work from, Dublin or Westerville? That decides which printers and which imaging workstation
group she gets.

Alicia

{SIG_ALICIA}""")
    b.add("mr-hire-3", "mr-hire", at("2026-11-10 09:15", U), KAREN, [ALICIA], [DEREK, SUPPORT], reply="mr-hire-2",
          quote="outlook_en",
          body=f"""Please set her up for Westerville – she'll cover Dublin on Tuesdays, so she needs the Dublin
printers too.

And could you order her a second monitor like the other hygienists have?

Thanks, Karen

{SIG_KAREN}""")

    # ---- mr-backup: escalation by the owner; fixed and confirmed; the promised written summary not sent
    b.add("mr-backup-1", "mr-backup", at("2026-11-11 17:40", U), PARK, [DEREK], [SUPPORT, KAREN], client="iphone",
          subject="Imaging backups failing",
          body=f"""Derek,

Karen tells me the imaging backup has failed every night this week. We are legally required to keep those records. I want this fixed by Friday and a written explanation of what happened.

{SIG_PARK}""")
    b.add("mr-backup-2", "mr-backup", at("2026-11-11 18:05", U), DEREK, [PARK], [SUPPORT, KAREN, ALICIA],
          reply="mr-backup-1", quote="outlook_en",
          body=f"""Dr. Park,

understood, and I'm sorry. Alicia will work on it first thing tomorrow, and I'll send you a written
summary of the cause and what we're changing by Monday 11/16.

Derek

{SIG_DEREK}""")
    b.add("mr-backup-3", "mr-backup", at("2026-11-12 11:30", U), ALICIA, [KAREN], [DEREK, PARK, SUPPORT],
          reply="mr-backup-2", quote="outlook_en",
          body=f"""Hi Karen,

the backup NAS had run out of space, so every imaging job since Sunday stopped halfway. I've expanded
the volume by 2 TB and ran the imaging backup by hand – it completed at 11:10. I'll check tonight's
scheduled run tomorrow morning.

Alicia

{SIG_ALICIA}""")
    b.add("mr-backup-4", "mr-backup", at("2026-11-13 08:20", U), KAREN, [ALICIA], [DEREK, PARK, SUPPORT],
          reply="mr-backup-3", quote="outlook_en",
          body=f"""Alicia,

the backup report this morning shows last night's job as successful. Thank you for sorting it out so
quickly!

Karen

{SIG_KAREN}""")

    # ---- mr-label: a new fault; our engineer's out-of-office names her stand-in; nobody answered yet
    b.add("mr-label-1", "mr-label", at("2026-11-16 09:30", U), KAREN, [ALICIA], [SUPPORT],
          subject="Label printer at Dublin front desk prints blank labels",
          body=f"""Hi Alicia,

the Dymo label printer at the Dublin front desk only prints blank labels since this morning. We use
it for the lab cases and the patient folders. Could you look at it today?

Karen

{SIG_KAREN}""")
    b.add("mr-label-2", "mr-label", at("2026-11-16 09:30", U), ALICIA, [KAREN], [], reply="mr-label-1", extra=OOO,
          subject="Automatic reply: Label printer at Dublin front desk prints blank labels",
          body="""Thank you for your email. I'm out of the office from Monday, November 16, through Friday,
November 20, with no access to email.

For anything urgent, please contact Marcus Bell (marcus.bell@servicehaus.example) or our support
line at (614) 555-0100.

Alicia Ramos""")

    # ---- mr-budget: information only
    b.add("mr-budget-1", "mr-budget", at("2026-11-10 16:00", U), KAREN, [DEREK], [SUPPORT],
          subject="Server replacement approved for next year",
          body=f"""Hi Derek,

good news: Dr. Park approved the budget for replacing the main server in the first quarter. No rush
on this – let's sit down in January and plan it.

Karen

{SIG_KAREN}""")
    b.add("mr-budget-2", "mr-budget", at("2026-11-10 16:30", U), DEREK, [KAREN], [SUPPORT], reply="mr-budget-1",
          quote="outlook_en",
          body=f"""Great news, thanks for letting me know, Karen. Talk in January!

Derek

{SIG_DEREK}""")

    # ---- mr-wifi: our "tomorrow" passed, chased, no answer
    b.add("mr-wifi-1", "mr-wifi", at("2026-11-09 10:45", U), JENNA, [SUPPORT], [], client="iphone",
          subject="Guest wifi Westerville",
          body=f"""Hi, the guest wifi in the Westerville waiting room has been super slow for a few days. Patients keep complaining they can't even load a web page. Can someone check?

Thanks
Jenna

{SIG_JENNA}""")
    b.add("mr-wifi-2", "mr-wifi", at("2026-11-10 08:30", U), ALICIA, [JENNA], [KAREN, SUPPORT], reply="mr-wifi-1",
          quote="outlook_en",
          body=f"""Hi Jenna,

thanks for letting me know. I'll look at the access point in the waiting room remotely tomorrow
morning and let you know what I find.

Alicia

{SIG_ALICIA}""")
    b.add("mr-wifi-3", "mr-wifi", at("2026-11-13 14:15", U), JENNA, [ALICIA], [KAREN, SUPPORT], reply="mr-wifi-2",
          quote="iphone_en", client="iphone",
          body=f"""Hi Alicia, any news on the guest wifi? Still really slow, and a patient complained at the front desk again today.

Jenna

{SIG_JENNA}""")


def nobody(b: Box):
    b.add("junk-news-1", "junk-newsletter", at("2026-11-05 07:00"), NORDSYS, [SUPPORT], client="plain",
          subject="Nordsys Partner-News November: Server-Aktionswochen und neue Lieferzeiten",
          extra={"Precedence": "bulk", "List-Unsubscribe": "<https://mailing.nordsys-distribution.example/u/8812>",
                 "List-Id": "Nordsys Partner-News <partner-news.nordsys-distribution.example>"},
          body="""Nordsys Partner-News · November 2026

Liebe Partnerinnen und Partner,

bis zum 30.11. gelten unsere Server-Aktionswochen: 12 % Partnerrabatt auf ausgewählte Tower- und
Rackserver mit dem Code WINTER26. Bitte beachten Sie außerdem die verlängerten Lieferzeiten für
Arbeitsspeicher (derzeit 3–4 Wochen).

Jetzt im Partnerportal bestellen: https://portal.nordsys-distribution.example

Sie erhalten diese E-Mail, weil Sie als Fachhändler registriert sind. Abmelden:
https://mailing.nordsys-distribution.example/u/8812""")
    b.add("junk-phish-1", "junk-phish", at("2026-11-10 05:47"), PHISH, [SUPPORT], client="plain",
          subject="Ihr Postfach support@servicehaus.example ist zu 98 % voll",
          body="""Sehr geehrter Benutzer,

Ihr Postfach support@servicehaus.example hat 98 % seines Speichers erreicht. Eingehende E-Mails
werden in Kürze abgewiesen. Bestätigen Sie jetzt Ihre Anmeldedaten, um kostenlos 50 GB
zusätzlichen Speicher zu erhalten:

https://servicehaus-mailcheck.example/owa/upgrade?u=support

IT-Administrator""")
    b.add("junk-sales-1", "junk-sales", at("2026-11-04 11:05", TZ_US), JORDAN, [SUPPORT], client="gmail",
          subject="Servicehaus + LeadSpring?",
          body="""Hi there,

I saw Servicehaus Kessler supports clients in Germany, the UK and the US. LeadSpring AI books qualified
meetings for managed service providers on autopilot – our MSP clients add 8–12 sales calls a month.

Worth a quick 20-minute chat next week?

Cheers,
Jordan Pike
Growth Lead, LeadSpring AI""")
    b.add("junk-sales-2", "junk-sales", at("2026-11-11 11:20", TZ_US), JORDAN, [SUPPORT], client="gmail",
          reply="junk-sales-1", quote="gmail_en",
          body="""Hi again – bumping this in case it got buried. Would Thursday or Friday work for a quick chat?

Jordan""")
    b.add("junk-intern-1", "junk-internal", at("2026-11-09 12:10"), HENRIKE, [SUPPORT], [TOBIAS, LUKAS, SVEN],
          subject="Weihnachtsfeier am 11.12. – bitte bis Freitag anmelden",
          body=f"""Hallo zusammen,

unsere Weihnachtsfeier ist am Freitag, 11.12., ab 18 Uhr im Ratskeller. Tragt euch bitte bis
Freitag in die Liste im Teams-Kanal „Kassel Allgemein“ ein, damit ich die Plätze bestätigen kann.
Die Kolleginnen und Kollegen aus Leeds und Columbus schalten wir um 19 Uhr per Video dazu.

Viele Grüße
Henrike""")


# ==================================================================================== build
def build(path: str) -> list[dict]:
    b = Box()
    for part in (kornmueller, zwn, calder, maple, nobody):
        part(b)
    return b.write(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scenario.py DIR")
    man = build(sys.argv[1])
    Path(sys.argv[1].rstrip("/") + ".manifest.json").write_text(json.dumps(man, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(man)} messages, {len({m['thread'] for m in man})} threads -> {sys.argv[1]}")
