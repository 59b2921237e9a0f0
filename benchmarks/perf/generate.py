"""Seeded, deterministic service-ticket mail for the performance benchmark.

The mailbox should cost what a real shared support mailbox costs: German and English threads
with In-Reply-To/References, quoted history (``>`` and Outlook style), signatures and
disclaimers, some multipart/alternative HTML, RFC 2047 subjects, ticket-system notifications,
out-of-office replies and noise no rule claims. Customers match the repo's rules/customers.yaml.
Only the standard library is used, so the harness costs nothing to import.
"""

from __future__ import annotations

import quopri
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime

TEAM = {
    "acme": [("Max Weber", "max.weber@provider.de"), ("Anna Berger", "anna.berger@provider.de")],
    "stadtwerke": [("Sandra Yilmaz", "sandra.yilmaz@provider.de"),
                   ("Jonas Keller", "jonas.keller@provider.de")],
    "brightline": [("Tom Hughes", "tom.hughes@provider.de"),
                   ("Emma Clarke", "emma.clarke@provider.de")],
    "other": [("Lena Fischer", "lena.fischer@provider.de"),
              ("Paul Wagner", "paul.wagner@provider.de")],
}


@dataclass(frozen=True)
class Org:
    key: str
    lang: str
    domain: str
    company: str
    people: tuple[tuple[str, str], ...]
    tag: str | None  # ticket prefix used in our replies, e.g. ACME
    weight: int


ORGS = (
    Org("acme", "de", "acme-maschinenbau.de", "ACME Maschinenbau GmbH",
        (("Klaus Schmidt", "k.schmidt"), ("Jürgen Hofmann", "j.hofmann"),
         ("Petra Neumann", "p.neumann"), ("Sabine Krüger", "s.krueger")), "ACME", 30),
    Org("stadtwerke", "de", "stadtwerke-talheim.de", "Stadtwerke Talheim",
        (("Thomas Becker", "thomas.becker"), ("Monika Schäfer", "monika.schaefer"),
         ("Uwe Zimmermann", "uwe.zimmermann")), "SWT", 20),
    Org("brightline", "en", "brightline-logistics.co.uk", "Brightline Logistics Ltd",
        (("Oliver Bennett", "oliver.bennett"), ("Charlotte Hughes", "c.hughes"),
         ("James Walker", "james.walker"), ("Amelia Wright", "amelia.wright")), None, 25),
    Org("huber", "de", "baeckerei-huber.de", "Bäckerei Huber",
        (("Franz Huber", "franz"), ("Resi Huber", "resi")), None, 8),
    Org("northwind", "en", "northwind-traders.com", "Northwind Traders",
        (("Nancy Davolio", "nancy"), ("Andrew Fuller", "afuller")), None, 7),
)

# ----------------------------------------------------------------------------- phrase pools

DE = {
    "device": ["Der Drucker", "Der Scanner", "Das VPN", "Der Mailserver", "Die Telefonanlage",
               "Das ERP-System", "Der Dateiserver", "Das WLAN", "Der Terminalserver",
               "Die Firewall", "Die Datensicherung", "Der Laptop von Frau Neumann",
               "Das Zeiterfassungsterminal", "Die Warenwirtschaft", "Der Plotter",
               "Das Kassensystem"],
    "place": ["im 2. OG", "in der Buchhaltung", "im Lager", "in Halle 3", "am Standort Talheim",
              "im Besprechungsraum", "in der Werkstatt", "bei der Geschäftsführung",
              "im Kundencenter", "in der Leitwarte"],
    "symptom": ["funktioniert nicht mehr", "ist extrem langsam", "bricht ständig ab",
                "meldet den Fehler 0x80070005", "startet nicht mehr", "reagiert nicht",
                "zeigt eine Zertifikatswarnung", "verliert alle paar Minuten die Verbindung",
                "druckt nur noch leere Seiten"],
    "since": ["seit heute Morgen", "seit gestern Abend", "seit dem Update am Montag",
              "seit zwei Tagen", "seit dem Stromausfall", "seit etwa 10 Uhr",
              "seit dem Umzug", "seit letzter Woche"],
    "action": ["sich das heute noch ansehen", "einen Techniker vorbeischicken",
               "das Passwort für den Benutzer {user} zurücksetzen",
               "uns einen Termin für die Umstellung nennen", "die Lizenz verlängern",
               "das Zertifikat erneuern", "ein Angebot für {n} neue Notebooks schicken",
               "den Zugang für die neue Kollegin einrichten",
               "die Berechtigungen auf dem Laufwerk {drive} prüfen"],
    "deadline": ["bis Freitag", "bis Ende der Woche", "bis morgen Mittag",
                 "vor der Inventur", "bis zum 15.", "noch heute", "bis Montag früh"],
    "context": ["Betroffen sind etwa {n} Mitarbeiter.",
                "Wir haben den Rechner bereits neu gestartet, leider ohne Erfolg.",
                "Die Fehlermeldung habe ich als Screenshot angehängt.",
                "Das Problem tritt nur bei Benutzern im Homeoffice auf.",
                "Ohne das System können wir keine Lieferscheine drucken.",
                "Unser Kollege {user} hatte das gleiche Problem schon im März.",
                "Das ist inzwischen dringend, weil die Monatsabrechnung ansteht.",
                "Laut Hersteller liegt es an der Firmware-Version {ver}."],
    "team": ["Ich schaue mir das heute Nachmittag an.",
             "Ich habe das Ticket an {colleague} übergeben, der sich darum kümmert.",
             "Wir haben den Dienst neu gestartet; bitte testen Sie noch einmal.",
             "Der Techniker kommt am {day} um {hour} Uhr vorbei.",
             "Das Update auf Version {ver} ist eingespielt.",
             "Können Sie mir bitte die genaue Fehlermeldung schicken?",
             "Ich kümmere mich darum und melde mich {deadline2}.",
             "Die Ursache war ein abgelaufenes Zertifikat auf dem Gateway.",
             "Wir warten noch auf die Rückmeldung des Herstellers.",
             "Das Ersatzteil ist bestellt und kommt voraussichtlich {deadline2}."],
    "resolved": ["Funktioniert wieder, danke!", "Ist erledigt, vielen Dank.",
                 "Passt jetzt, danke für die schnelle Hilfe.",
                 "Das Problem ist behoben, Sie können das Ticket schließen."],
    "followup": ["Leider besteht das Problem weiterhin.", "Gibt es dazu schon einen Stand?",
                 "Der Fehler ist heute wieder aufgetreten.",
                 "Ich habe noch eine Frage dazu: Muss der Rechner dafür neu starten?",
                 "Können wir den Termin auf {day} verschieben?"],
    "greet_c": ["Hallo zusammen,", "Guten Tag Herr Weber,", "Hallo Frau Yilmaz,", "Moin,",
                "Sehr geehrte Damen und Herren,"],
    "greet_t": ["Hallo Herr {last},", "Guten Tag Frau {last},", "Hallo {first},"],
    "close": ["Viele Grüße", "Mit freundlichen Grüßen", "Beste Grüße", "Danke und Gruß"],
    "reply": "AW: ",
    "quote_intro": "Am {date} schrieb {name} <{addr}>:",
    "outlook": ("-----Ursprüngliche Nachricht-----\nVon: {name} <{addr}>\nGesendet: {date}\n"
                "An: {to}\nBetreff: {subject}\n"),
    "days": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "disclaimer": ("Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der "
                   "richtige Adressat sind, informieren Sie bitte sofort den Absender und "
                   "vernichten Sie diese E-Mail."),
}

EN = {
    "device": ["The printer", "The scanner", "The VPN", "The mail server", "The phone system",
               "The ERP system", "The file server", "The Wi-Fi", "The terminal server",
               "The firewall", "The nightly backup", "Charlotte's laptop",
               "The warehouse scanner gun", "The label printer", "The fleet tracking portal",
               "The shared calendar"],
    "place": ["in the Leeds depot", "in accounts", "in the warehouse", "at dock 4",
              "in the Manchester office", "in the meeting room", "in dispatch",
              "for the night shift", "at reception", "in the control room"],
    "symptom": ["has stopped working", "is extremely slow", "keeps dropping out",
                "shows error 0x80070005", "won't start", "is not responding",
                "shows a certificate warning", "loses its connection every few minutes",
                "only prints blank pages"],
    "since": ["since this morning", "since last night", "since Monday's update",
              "for two days now", "since the power cut", "since about 10am",
              "since the office move", "since last week"],
    "action": ["have a look at it today", "send an engineer over",
               "reset the password for user {user}", "give us a date for the migration",
               "renew the licence", "renew the certificate", "quote for {n} new laptops",
               "set up access for our new starter", "check the permissions on drive {drive}"],
    "deadline": ["by Friday", "by the end of the week", "by tomorrow noon",
                 "before the stock take", "by the 15th", "today", "by Monday morning"],
    "context": ["About {n} people are affected.",
                "We have already restarted the machine, no luck.",
                "I have attached a screenshot of the error.",
                "It only happens to people working from home.",
                "Without it we cannot print any delivery notes.",
                "{user} had the same problem back in March.",
                "This is getting urgent because month-end is coming up.",
                "The vendor says it is caused by firmware version {ver}."],
    "team": ["I'll take a look this afternoon.",
             "I have handed the ticket over to {colleague}, who will take care of it.",
             "We have restarted the service; please try again.",
             "Our engineer will be with you on {day} at {hour}:00.",
             "The update to version {ver} has been installed.",
             "Could you send me the exact error message, please?",
             "I'm on it and will get back to you {deadline2}.",
             "The cause was an expired certificate on the gateway.",
             "We are still waiting for the vendor to come back to us.",
             "The replacement part is on order and should arrive {deadline2}."],
    "resolved": ["Working again, thanks!", "All sorted, many thanks.",
                 "Fixed now, thanks for the quick help.",
                 "The issue is resolved, you can close the ticket."],
    "followup": ["Unfortunately the problem is still there.", "Is there any update on this?",
                 "The error came back today.",
                 "One more question: does the machine need a restart for this?",
                 "Could we move the appointment to {day}?"],
    "greet_c": ["Hi all,", "Hello Tom,", "Dear support team,", "Hi Emma,", "Good morning,"],
    "greet_t": ["Hi {first},", "Dear {first},", "Hello {first},"],
    "close": ["Kind regards", "Best regards", "Thanks", "Cheers"],
    "reply": "RE: ",
    "quote_intro": "On {date}, {name} <{addr}> wrote:",
    "outlook": ("-----Original Message-----\nFrom: {name} <{addr}>\nSent: {date}\n"
                "To: {to}\nSubject: {subject}\n"),
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "disclaimer": ("This e-mail is confidential and intended solely for the addressee. If you "
                   "have received it in error, please notify the sender and delete it."),
}

POOLS = {"de": DE, "en": EN}


@dataclass
class Mail:
    """One generated message: its date and bytes, and who it is for (for the ranking input)."""

    date: datetime
    data: bytes
    org: str
    lang: str
    new_text: str  # the sentences written in this message (no quote, no signature)


@dataclass
class _Msg:
    sender: tuple[str, str]
    to: tuple[str, str]
    subject: str
    message_id: str
    date: datetime
    body: str
    refs: list[str] = field(default_factory=list)


class Generator:
    """Deterministic for a given seed: the same call sequence yields the same bytes."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.ticket = 1000

    # -------------------------------------------------------------- text

    def _fill(self, template: str, p: dict) -> str:
        r = self.rng
        return template.format(
            n=r.randint(3, 80), user=r.choice(["mmueller", "jsmith", "kbauer", "aturner"]),
            drive=r.choice("GHPSTX") + ":", ver=f"{r.randint(2, 9)}.{r.randint(0, 20)}",
            colleague=r.choice([n for team in TEAM.values() for n, _ in team]),
            day=r.choice(p["days"]), hour=r.randint(8, 16),
            deadline2=r.choice(p["deadline"]))

    def _request(self, p: dict, lang: str) -> str:
        r = self.rng
        action = self._fill(r.choice(p["action"]), p)
        deadline = r.choice(p["deadline"])
        if lang == "de":
            return r.choice([f"Können Sie bitte {action}?", f"Bitte {deadline} erledigen: "
                             f"{action}.", f"Könnten Sie {deadline} {action}?"])
        return r.choice([f"Could you please {action}?", f"Please {action} {deadline}.",
                         f"Can you {action} {deadline}?"])

    def _signature(self, name: str, addr: str, company: str, phone: bool) -> str:
        lines = ["-- ", name, company]
        if phone:
            lines.append(f"Tel. +49 7131 {self.rng.randint(10000, 99999)}")
        lines.append(addr)
        return "\n".join(lines)

    # -------------------------------------------------------------- threads

    def thread(self, org: Org, start: datetime) -> list[Mail]:
        r = self.rng
        p = POOLS[org.lang]
        customer = r.choice(org.people)
        c_addr = f"{customer[1]}@{org.domain}"
        team = r.choice(TEAM.get(org.key, TEAM["other"]))
        device, place, symptom = (r.choice(p["device"]), r.choice(p["place"]),
                                  r.choice(p["symptom"]))
        problem = f"{device} {place} {symptom} {r.choice(p['since'])}."
        subject = f"{device.split(' ', 1)[1]} {place}: {symptom}"
        self.ticket += 1
        tag = f"[{org.tag}-{self.ticket}] " if org.tag else ""
        length = r.choices([1, 2, 3, 4, 5, 6, 8], weights=[18, 25, 22, 15, 10, 6, 4])[0]
        msgs: list[_Msg] = []
        mails: list[Mail] = []
        when = start
        for i in range(length):
            from_customer = i % 2 == 0
            last = i == length - 1
            if from_customer:
                sender, to = (customer[0], c_addr), team
                sentences = ([problem] + [self._fill(c, p)
                                          for c in r.sample(p["context"], r.randint(0, 2))]
                             + [self._request(p, org.lang)]) if i == 0 else (
                    [r.choice(p["resolved"])] if last and length > 2 and r.random() < 0.6 else
                    [self._fill(r.choice(p["followup"]), p)]
                    + [self._fill(r.choice(p["context"]), p)] * (r.random() < 0.4))
                greet = r.choice(p["greet_c"])
                first = customer[0]
                company = org.company
            else:
                sender, to = team, (customer[0], c_addr)
                sentences = [self._fill(r.choice(p["team"]), p) for _ in range(r.randint(1, 3))]
                first, lastname = customer[0].split(" ", 1)
                greet = r.choice(p["greet_t"]).format(first=first, last=lastname)
                first = team[0]
                company = "provider.de GmbH – IT-Service"
            new_text = " ".join(sentences)
            body = (f"{greet}\n\n{_wrap(new_text)}\n\n{r.choice(p['close'])}\n{first}\n\n"
                    + self._signature(sender[0], sender[1], company, r.random() < 0.7))
            if from_customer and r.random() < 0.3:
                body += "\n\n" + _wrap(p["disclaimer"])
            subj = subject if i == 0 else p["reply"] + subject
            if i > 0 and (not from_customer or tag):
                subj = p["reply"] + tag + subject
            prev = msgs[-1] if msgs else None
            if prev is not None:
                body += "\n\n" + self._quote(prev, p)
            domain = sender[1].split("@")[1]
            mid = f"<{r.getrandbits(64):016x}.{self.ticket}.{i}@mail.{domain}>"
            refs = (prev.refs + [prev.message_id])[-10:] if prev else []
            m = _Msg(sender, to, subj, mid, when, body, refs)
            msgs.append(m)
            extra = {}
            if org.key == "stadtwerke" and not from_customer and r.random() < 0.5:
                extra["X-Ticket-Customer"] = "SWT"
            mails.append(Mail(when, self._render(m, extra, org.lang), org.key, org.lang,
                              new_text))
            when = when + timedelta(minutes=r.randint(20, 60 * 48))
        return mails

    def _quote(self, prev: _Msg, p: dict) -> str:
        date = prev.date.strftime("%d.%m.%Y %H:%M")
        lines = prev.body.splitlines()[:40]
        if self.rng.random() < 0.35:  # Outlook: unquoted history under a header block
            head = p["outlook"].format(name=prev.sender[0], addr=prev.sender[1], date=date,
                                       to=prev.to[1], subject=prev.subject)
            return head + "\n" + "\n".join(lines)
        intro = p["quote_intro"].format(date=date, name=prev.sender[0], addr=prev.sender[1])
        return intro + "\n" + "\n".join(">" + (" " + ln if ln and ln[0] != ">" else ln)
                                        for ln in lines)

    def _render(self, m: _Msg, extra: dict[str, str], lang: str) -> bytes:
        r = self.rng
        sender_domain = m.sender[1].split("@")[1]
        hdr = [
            f"Return-Path: <{m.sender[1]}>",
            f"Received: from mail.{sender_domain} (mail.{sender_domain} "
            f"[192.0.2.{r.randint(1, 254)}])\n\tby mx.provider.de (Postfix) with ESMTPS id "
            f"{r.getrandbits(40):010X}\n\tfor <{m.to[1]}>; {format_datetime(m.date)}",
            f"From: {_addr(m.sender)}",
            f"To: {_addr(m.to)}",
            f"Subject: {_hdr(m.subject)}",
            f"Date: {format_datetime(m.date)}",
            f"Message-ID: {m.message_id}",
        ]
        if m.refs:
            hdr.append(f"In-Reply-To: {m.refs[-1]}")
            hdr.append("References: " + "\n ".join(m.refs))
        hdr.append("X-Mailer: " + r.choice(["Microsoft Outlook 16.0", "Thunderbird 115.3",
                                             "Apple Mail (2.3731)", "Roundcube 1.6"]))
        hdr += [f"{k}: {v}" for k, v in extra.items()]
        hdr.append(f"Content-Language: {'de-DE' if lang == 'de' else 'en-GB'}")
        hdr.append("MIME-Version: 1.0")
        if r.random() < 0.3:
            boundary = f"----=_Part_{r.getrandbits(48):012x}"
            html = "<html><body>" + "".join(
                f"<p>{_esc(par)}</p>" for par in m.body.split("\n\n")) + "</body></html>"
            body = (f"Content-Type: multipart/alternative; boundary=\"{boundary}\"\n\n"
                    f"--{boundary}\n" + _part("text/plain", m.body) + f"\n--{boundary}\n"
                    + _part("text/html", html) + f"\n--{boundary}--\n")
        else:
            body = _part("text/plain", m.body, qp=r.random() < 0.3)
        return ("\n".join(hdr) + "\n" + body).encode("utf-8")


def _wrap(text: str, width: int = 72) -> str:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(out + [line])


def _hdr(value: str) -> str:
    return value if value.isascii() else Header(value, "utf-8").encode()


def _addr(pair: tuple[str, str]) -> str:
    return f"{_hdr(pair[0])} <{pair[1]}>"


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>\n"))


def _part(ctype: str, text: str, qp: bool = False) -> str:
    if qp:
        enc = quopri.encodestring(text.encode("utf-8")).decode("ascii")
        return (f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: "
                f"quoted-printable\n\n{enc}\n")
    return f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}\n"


def _noise(gen: Generator, when: datetime) -> Mail:
    """Newsletters, vendor notices and out-of-office replies: mail no customer rule claims."""
    r = gen.rng
    kind = r.random()
    mid = f"<{r.getrandbits(64):016x}@noise.example>"
    if kind < 0.5:
        vendor = r.choice(["news@hersteller-x.de", "updates@cloudvendor.example.com",
                           "info@messe-stuttgart.example"])
        subject = r.choice(["Newsletter November: Neue Funktionen", "Your monthly usage report",
                            "Einladung: IT-Sicherheitstag 2025", "Webinar: Zero Trust in 30 min"])
        body = ("Hallo,\n\n" + "Lesen Sie in dieser Ausgabe alles über unsere neuen Produkte. "
                * r.randint(2, 6) + "\n\nAbmelden: https://example.com/unsubscribe\n")
        lang, org = "de", "noise"
        extra = "List-Unsubscribe: <https://example.com/unsubscribe>\nPrecedence: bulk\n"
        sender = ("Newsletter", vendor)
    else:
        who = r.choice([n for team in TEAM.values() for n in team])
        subject = f"Automatische Antwort: {r.choice(DE['device']).split(' ', 1)[1]}"
        body = (f"Ich bin bis {r.randint(1, 28)}.{r.randint(1, 12)}. nicht im Büro und habe "
                "nur eingeschränkten Zugriff auf meine E-Mails. In dringenden Fällen wenden "
                "Sie sich bitte an servicedesk@provider.de.\n")
        lang, org = "de", "ooo"
        extra = "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\n"
        sender = who
    data = (f"From: {_addr(sender)}\nTo: it-support@provider.de\nSubject: {_hdr(subject)}\n"
            f"Date: {format_datetime(when)}\nMessage-ID: {mid}\n{extra}MIME-Version: 1.0\n"
            + _part("text/plain", body)).encode("utf-8")
    return Mail(when, data, org, lang, "")


def generate(count: int, seed: int = 7, start: datetime | None = None) -> list[Mail]:
    """``count`` messages sorted by date; the last ones continue earlier threads."""
    gen = Generator(seed)
    r = gen.rng
    start = start or datetime(2024, 1, 8, 8, 0, tzinfo=UTC)
    span_minutes = max(30, count // 40) * 24 * 60  # roughly 40 messages a day
    mails: list[Mail] = []
    weights = [o.weight for o in ORGS]
    while len(mails) < count * 1.05 + 50:
        when = start + timedelta(minutes=r.randint(0, span_minutes))
        if r.random() < 0.08:
            mails.append(_noise(gen, when))
        else:
            mails.extend(gen.thread(r.choices(ORGS, weights=weights)[0], when))
    mails.sort(key=lambda m: m.date)
    return mails[:count]


def sentences_of(mails: list[Mail], org: str) -> Iterator[str]:
    """The new text of one customer's messages, for the ranking benchmark."""
    for m in mails:
        if m.org == org and m.new_text:
            yield m.new_text


# ----------------------------------------------------------------------------- busy mailbox

_FIRST = ("Klaus", "Petra", "Jürgen", "Sabine", "Monika", "Uwe", "Oliver", "Charlotte", "James",
          "Amelia", "Nancy", "Andrew", "Franz", "Resi", "Lukas", "Mia")
_LAST = ("Schmidt", "Hofmann", "Neumann", "Krüger", "Becker", "Schäfer", "Bennett", "Walker",
         "Wright", "Davolio", "Fuller", "Huber", "Wolf", "Brandt")


def _ascii(local: str) -> str:
    """An address's local part in ASCII: mail with 8-bit addresses is issue material of its own
    (it stops a run: reported, not this benchmark's subject)."""
    return local.replace("ü", "ue").replace("ä", "ae").replace("ö", "oe").replace("ß", "ss")


def busy_orgs(customers: int = 50) -> tuple[Org, ...]:
    """``customers`` generated customers, German and English alternating, each its own domain."""
    orgs = []
    for i in range(customers):
        lang = "de" if i % 2 == 0 else "en"
        people = tuple((f"{_FIRST[(i + k) % len(_FIRST)]} {_LAST[(i * 3 + k) % len(_LAST)]}",
                        _ascii(f"{_FIRST[(i + k) % len(_FIRST)].lower()}.{k}"))
                       for k in range(3))
        company = f"Kunde {i + 1:02d} GmbH" if lang == "de" else f"Customer {i + 1:02d} Ltd"
        orgs.append(Org(f"c{i + 1:02d}", lang, f"kunde{i + 1:02d}.example", company, people,
                        f"C{i + 1:02d}" if i % 5 == 0 else None, 1 + i % 4))
    return tuple(orgs)


def busy_rules(orgs: tuple[Org, ...]) -> str:
    """A rules/customers.yaml for ``busy_orgs``: one customer each, a daily schedule."""
    team = [a for people in TEAM.values() for _, a in people]
    lines = ["team:", "  domains: [provider.de]", "customers:"]
    for i, o in enumerate(orgs):
        lines += [f"  - id: {o.key}", f"    name: {o.company}", "    match:",
                  f"      - from_domain: {o.domain}"]
        if o.tag:
            lines.append(f"      - subject: '\\[{o.tag}-\\d+\\]'")
        lines += [f"    contact: {team[i % len(team)]}", f"    owner: {team[(i + 1) % len(team)]}",
                  f"    language: {o.lang}", '    schedule: "0 7 * * *"', "    quiet_update: true"]
    return "\n".join(lines) + "\n"


def generate_busy(count: int, seed: int = 7, customers: int = 50, days: float = 7.0,
                  end: datetime | None = None) -> list[Mail]:
    """``count`` messages of ``customers`` customers, all in the ``days`` before ``end`` (a
    service desk that just switched mailsum on: every thread is within the import horizon)."""
    gen = Generator(seed)
    r = gen.rng
    end = end or datetime.now(UTC).replace(microsecond=0)
    start = end - timedelta(days=days)
    orgs = busy_orgs(customers)
    weights = [o.weight for o in orgs]
    span = int(days * 24 * 60)
    mails: list[Mail] = []
    while len(mails) < count * 1.02 + 50:
        when = start + timedelta(minutes=r.randint(0, span))
        made = [_noise(gen, when)] if r.random() < 0.08 else gen.thread(
            r.choices(orgs, weights=weights)[0], when)
        mails.extend(m for m in made if m.date <= end)  # a thread may still be going on
    mails.sort(key=lambda m: m.date)
    return mails[-count:]
