#!/usr/bin/env python3
"""Writes gold.json for held-out set 7 (the development set's schema). Labels written from the mail
alone, as a careful account manager would list what is open on Tue 08.12.2026, 07:05 Berlin.

    python3 gold_src.py          # writes gold.json next to this file
"""
import json
from pathlib import Path

D = "@weserbogen-it.example"
ANJA, HILKE, MALTE, LARS, TIMO = (f"{x}{D}" for x in ("anja.kroeger", "hilke.oltmanns", "malte.siemering",
                                                       "lars.pundt", "timo.brinkmann"))
HANNAH, ROB, CALLUM, JODIE, MARCUS = (f"{x}{D}" for x in ("hannah.ackroyd", "rob.hirst", "callum.firth",
                                                           "jodie.sutcliffe", "marcus.delaney"))


def item(id, keywords, kind, owner, human, due=None, due_ok=None, problem=False, why_problem="", optional=False):
    return {"id": id, "keywords": keywords, "kind": kind, "due": due,
            "due_ok": due_ok if due_ok is not None else [due], "problem": problem, "why_problem": why_problem,
            "owner": owner, "optional": optional, "human": human}


def no(keywords, reason, why="", strict=False):
    d = {"keywords": keywords, "reason": reason, "why": why}
    if strict:
        d["strict"] = True
    return d


def thread(subject, state, owner, open_, not_open):
    return {"subject": subject, "state": state, "owner": owner, "open": open_, "not_open": not_open}


# footers and signatures (never open points)
OUR_DE = no(["Stephanitorsbollwerk|Amtsgericht Bremen|HRB 38817"], "info", "our own signature")
OUR_UK = no(["Whitehall Quay|No. 12690341"], "info", "our own signature (Leeds)")
OUR_US = no(["Field Engineer, Chicago|(312) 555-0187"], "info", "our own signature (Chicago)")
ZV_F = no(["Körperschaft des öffentlichen Rechts|Bahnhofstraße 51|vorgesehene Empfänger|Schriftform|Störungsdienst (24 h)"],
          "info", "signature footer or legal disclaimer of the customer")
HK_F = no(["Registergericht Walsrode|Industriestraße 12|pers. haftende"], "info", "signature footer of the customer")
ZAMMAD_F = no(["Ticket ansehen|an diesem Ticket beteiligt|Ticketnummer im Betreff"], "notification",
              "footer of the customer's helpdesk notices")
BALT_F = no(["Am Sandtorkai|Support-Hotline"], "info", "the ERP vendor's signature (it names BaltSoft)", strict=True)
KD_F = no(["Registered in England No. 08817263|intended solely for the addressee|Patient information must not|14 Kirkgate"],
          "info", "signature footer or disclaimer of the customer")
ORBIS_F = no(["Case ref OI-558213|0161 496 0730|Second Line Support"], "info", "the imaging vendor's signature")
PR_F = no(["CONFIDENTIALITY NOTICE|confidential taxpayer|1100 Lake Street"], "info", "signature footer of the customer")

zweckverband = {
    "name": "Zweckverband Wasserversorgung Wümme-Hamme",
    "language": "de",
    "match": [{"from_domain": ["zv-wuemme-hamme.example"]}, {"subject": "\\bZVWH-[A-Z0-9]+"}],
    "contact": ANJA,
    "owner": MALTE,
    "identity": ["Wümme-Hamme", "Zweckverband", "Meinke", "Grotheer", "Ahlers", "Tietjen", "Brüning", "Ritterhude",
                 "zv-wuemme-hamme", "ZVWH"],
    "owner_changes": [{"thread": "zv-azubi", "to": TIMO,
                       "why": "01.12.: 'Herr Siemering ist diese Woche erkrankt; ich übernehme in der Zeit seine "
                              "Vorgänge bei Ihnen' – Herr Brinkmann sagt den Laptop selbst zu (03.12., dann 07.12.)"}],
    "threads": {
        "zv-vpn": thread(
            "VPN-Verbindung Wasserwerk Ritterhude bricht ab", "open_on_us", [LARS, ANJA],
            [item("zv-vpn-tunnel",
                  ["Tunnel|VPN|Abbrüche|abgebrochen|bricht|Ritterhude|Fernwirkdaten|Fernüberwachung|Firmware|"
                   "dauerhafte Lösung|Betriebssicherheit"],
                  "deadline", [LARS, ANJA],
                  "VPN Wasserwerk Ritterhude: nach der Anpassung vom 25.11. weiter Abbrüche, Dr. Ahlers eskaliert – "
                  "dauerhafte Lösung bis Mi 09.12. (Verbandsversammlung 10.12.); Firmware am 07.12. eingespielt, "
                  "Herr Pundt meldet das Ergebnis heute bis 12 Uhr.",
                  due="2026-12-09", due_ok=["2026-12-08", "2026-12-09"], problem=True,
                  why_problem="Eskalation des Geschäftsleiters mit Frist 09.12.; ein erster Fix hat nicht gehalten"),
             item("zv-vpn-stellungnahme", ["Stellungnahme|Ursache und Maßnahmen|schriftlich"], "todo", [ANJA],
                  "Schriftliche Stellungnahme zu Ursache und Maßnahmen an Dr. Ahlers bis Mi 09.12. (Frau Kröger "
                  "hat sie zugesagt).",
                  due="2026-12-09", problem=True, why_problem="Teil der Eskalation mit Frist 09.12."),
             item("zv-vpn-ergebnis", ["bis 12 Uhr|beobachte die Verbindung|mit dem Ergebnis"], "todo", [LARS],
                  "Herr Pundt meldet Herrn Meinke heute bis 12 Uhr, ob der Tunnel über Nacht gehalten hat.",
                  due="2026-12-08", optional=True)],
            [no(["eher nachts|etwas verändert|eingrenzen"], "answered",
                "unsere Fragen (nachts? Änderung am Anschluss?) am 24.11. oben beantwortet", strict=True),
             no(["DSL auf Glasfaser|Techniker vor Ort|1 und 4 Uhr"], "info", "Antwort auf unsere Fragen"),
             no(["DNS-Namen|Dead-Peer|damit behoben"], "resolved", "überholter Lösungsversuch vom 25.11."),
             no(["bedauere"], "social"),
             ZV_F, OUR_DE]),
        "zv-azubi": thread(
            "Neuer Auszubildender ab 01.12.2026 – Herr Brüning", "open_on_us", [TIMO, MALTE],
            [item("zv-azubi-laptop", ["Laptop|ThinkPad|Leihgerät|Großhändler"], "todo", [TIMO, MALTE],
                  "Laptop für den Azubi Herrn Brüning: zugesagt zum 27.11., dann 03.12., dann Mo 07.12. – nicht "
                  "übergeben, er arbeitet seit 01.12. am Leihgerät (Herr Brinkmann vertritt den erkrankten Herrn "
                  "Siemering).",
                  due="2026-12-07", problem=True,
                  why_problem="dreimal zugesagt, dreimal verschoben; Frau Grotheer hat am 01.12. nachgefragt")],
            [no(["Benutzerkonto|E-Mail-Adresse|Durchwahl|-214|Gruppenlaufwerk|Lesezugriff|Zugangsdaten"], "resolved",
                "am 27.11. eingerichtet"),
             no(["erkrankt|übernehme"], "info", "Vertretung, kein offener Punkt"),
             no(["Ausbildung zum|seinen ersten Arbeitstag"], "info"),
             no(["Entschuldigen Sie"], "social"),
             ZV_F, OUR_DE]),
        "zv-kenntnis": thread(
            "Zur Kenntnis: Geschäftsstelle vom 24.12. bis 01.01. geschlossen", "no_action", [], [],
            [no(["geschlossen|Schließzeit|24.12.|Störungsdienst|nicht erforderlich|vermerkt"], "info",
                "reine Information, ausdrücklich keine Handlung nötig"),
             ZV_F, OUR_DE]),
        "zv-dc01": thread(
            "Problem: ZVWH-DC01: Free disk space is less than 10% on volume C:", "open_on_us", [MALTE, TIMO],
            [item("zv-dc01-disk", ["DC01|disk space|volume C|Speicherplatz|Laufwerk C|Festplatte"], "todo",
                  [MALTE, TIMO],
                  "Zabbix: ZVWH-DC01 Laufwerk C: unter 10 % frei (seit So 06.12., 03:12, keine Entwarnung) – Platz "
                  "schaffen.")],
            []),
        "zv-drucker": thread(
            "Drucker Kasse druckt nicht", "resolved", [], [],
            [no(["Drucker|Warteschlange|Mahnläufe|Fernwartung|aufzuschalten|erledigt"], "resolved",
                "Frau Tietjen: 'hat sich erledigt' (Drucker war ausgeschaltet)"),
             ZV_F, OUR_DE]),
        "zv-postfach": thread(
            "Funktionspostfach für das Sachgebiet Gebühren", "waiting_on_customer", [MALTE, ANJA],
            [item("zv-postfach-fragen", ["Funktionspostfach|gebuehren@|Zugriff|im Namen|Rückfragen"], "question",
                  [MALTE, ANJA],
                  "Funktionspostfach gebuehren@: unsere zwei Rückfragen vom 19.11. (wer bekommt Zugriff, Senden im "
                  "Namen?) unbeantwortet, am 02.12. erinnert; Herr Meinke war bis 04.12. abwesend (Vertretung Frau "
                  "Grotheer).")],
            [no(["nicht im Hause|nicht weitergeleitet|In dringenden Fällen"], "info", "Abwesenheitsnotiz des Kunden",
                strict=True),
             ZV_F, OUR_DE]),
        "zv-zertifikat": thread(
            "WG: Ihr Zertifikat für portal.zv-wuemme-hamme.example läuft in 21 Tagen ab", "open_on_us", [MALTE, TIMO],
            [item("zv-zert-verlaengern", ["Zertifikat|portal.zv|Bürgerportal|TLS|SSL"], "todo", [MALTE, TIMO],
                  "TLS-Zertifikat des Bürgerportals (läuft am 14.12. ab): Kosten am 25.11. freigegeben – Verlängerung "
                  "bis Do 10.12. zugesagt.",
                  due="2026-12-10", due_ok=["2026-12-10", "2026-12-14"])],
            [no(["Kosten sind freigegeben|Rechnung"], "answered", "Freigabe am 25.11."),
             ZV_F, OUR_DE]),
    },
}

hollmann = {
    "name": "Hollmann Kältetechnik GmbH & Co. KG",
    "language": "de",
    "match": [{"from_domain": ["hollmann-kaelte.example"]}],
    "contact": HILKE,
    "owner": TIMO,
    "identity": ["Hollmann", "Kältetechnik", "Rohlfs", "Bischoff", "BaltSoft", "hollmann-kaelte", "Verden"],
    "owner_changes": [],
    "threads": {
        "hk-erp": thread(
            "[Ticket#31852] ERP sehr langsam seit Update 7.4", "open_on_us", [TIMO],
            [item("hk-erp-patch", ["Patch|7.4.2|17:00|17 Uhr|BaltSoft|langsam|Kalkulation|Termin"], "todo", [TIMO],
                  "ERP langsam seit 7.4: BaltSoft spielt Patch 7.4.2 am Mi 09.12. ein, Herr Hollmann will ab 17:00 "
                  "(Antwort im Helpdesk 04.12.) – Bestätigung an BaltSoft (Frist Mo 07.12.) steht noch aus.",
                  due="2026-12-07", due_ok=["2026-12-07", "2026-12-09"], problem=True,
                  why_problem="BaltSoft wollte den Termin bis Mo 07.12. bestätigt haben, sonst verfällt er; wir haben "
                              "die Antwort des Kunden nicht weitergegeben")],
            [no(["Index-Neuaufbau|Fehler bekannt"], "answered", "unsere Frage an BaltSoft am 02.12. beantwortet"),
             no(["Passt Ihnen der Termin"], "answered",
                "unsere Frage an Herrn Hollmann, am 04.12. beantwortet ('ab 17:00'); offen ist die Bestätigung an "
                "BaltSoft", strict=True),
             no(["warten auf Dienstleister|Besitzer:"], "notification", "Statusänderung im Helpdesk, ohne Kommentar"),
             ZAMMAD_F, BALT_F, OUR_DE]),
        "hk-dock": thread(
            "Zweiter Monitor bleibt schwarz", "open_on_us", [TIMO],
            [item("hk-dock-ersatz", ["Dock|Monitor|schwarz"], "todo", [TIMO],
                  "Zweiter Monitor bei Herrn Bischoff bleibt schwarz, Treiber-Update half nicht ('geht immer noch "
                  "nicht') – Ersatz-Dock am Do 10.12. mitbringen.",
                  due="2026-12-10")],
            [no(["Top, danke|mit einem Monitor klar"], "social", "Dank für die Zusage, nichts erledigt", strict=True),
             no(["Treiber und die Firmware|abziehen"], "resolved", "überholter Lösungsversuch"),
             OUR_DE]),
        "hk-passwort": thread(
            "[Ticket#31840] Konto gesperrt", "resolved", [], [],
            [no(["Konto|gesperrt|Startkennwort|entsperrt|Kennwort|ausgesperrt"], "resolved",
                "entsperrt, Ticket am 24.11. geschlossen"),
             no(["geschlossen"], "notification"),
             ZAMMAD_F, OUR_DE]),
        "hk-altserver": thread(
            "Altserver HK-FS01: Sicherungsjob und alte Sicherungen", "open_on_us", [TIMO],
            [item("hk-alt-job", ["Job|HK-FS01|Altserver"], "todo", [TIMO],
                  "HK-FS01: Sicherungsjob löschen – Herr Hollmann hat am 30.11. im Helpdesk so entschieden.",
                  ),
             item("hk-alt-aufbewahren", ["31.03.2027|Betriebsprüfung|aufbewahren"], "todo", [TIMO],
                  "Alte Sicherungen von HK-FS01 bis 31.03.2027 aufbewahren, danach löschen.",
                  due="2027-03-31", optional=True)],
            [no(["eingegangen|Ticketnummer 31858"], "notification", "Eingangsbestätigung des Helpdesks", strict=True),
             no(["Sollen wir den Job löschen"], "answered", "am 30.11. beantwortet ('Den Job bitte löschen'); "
                "offen ist das Löschen selbst", strict=True),
             no(["aufbewahren oder ebenfalls löschen"], "answered", "am 30.11. beantwortet (bis 31.03.2027 "
                "aufbewahren)", strict=True),
             ZAMMAD_F, OUR_DE]),
        "hk-handys": thread(
            "Angebot Diensthandys Kundendienst", "waiting_on_customer", [HILKE],
            [item("hk-handy-variante", ["Variante|Diensthandy|MDM|Geräteverwaltung|Galaxy|Angebot|Entscheidung"],
                  "question", [HILKE],
                  "Diensthandys: Angebot A (mit MDM) / B (ohne) liegt seit 24.11. bei Herrn Hollmann; Entscheidung "
                  "nach der GL-Runde am 10.12., zugesagt bis Fr 11.12.",
                  due="2026-12-11")],
            [HK_F, OUR_DE]),
        "hk-telefon": thread(
            "Telefon klingelt nicht bei Anrufen auf die Buchhaltung", "resolved", [], [],
            [no(["Sammelnummer|klingelt|Rufgruppe|Gruppe Buchhaltung|-30|-34|testen|Klingelt wieder"], "resolved",
                "Frau Rohlfs: 'Klingelt wieder, alles gut. Vielen Dank'"),
             HK_F, OUR_DE]),
    },
}

kirkgate = {
    "name": "Kirkgate Dental Group Ltd",
    "language": "en",
    "match": [{"from_domain": ["kirkgatedental.example"]}, {"subject": "\\bKD-[A-Z]+\\d+"}],
    "contact": HANNAH,
    "owner": JODIE,
    "identity": ["Kirkgate", "Marsden", "Qureshi", "Whiteley", "Lauren Beck", "Megan Holt", "Orbis", "Horsforth",
                 "Wakefield", "kirkgatedental"],
    "owner_changes": [{"thread": "kd-phones", "to": CALLUM,
                       "why": "Hannah on 2 Dec: 'From today Callum Firth is taking this over from Jodie'"}],
    "threads": {
        "kd-xray": thread(
            "Surgery 3 x-ray sensor not working after update", "open_on_us", [CALLUM],
            [item("kd-xray-sensor", ["sensor|x-ray|grey|Surgery 3|remote session"], "blocker", [CALLUM],
                  "Surgery 3 x-ray sensor: after driver 5.2.1 every image is grey, patients sent to Surgery 1 – Orbis "
                  "remote session Wed 9 Dec 07:30 with Callum on site.",
                  due="2026-12-09", problem=True,
                  why_problem="the fix did not work ('Still broken'); a surgery cannot take x-rays")],
            [no(["24H2|which version"], "answered", "Orbis answered on 1 Dec: install 5.2.1"),
             no(["Please install OrbisSense 5.2.1"], "resolved", "installed on 1 Dec (the images are still grey, "
                "which is the open item)", strict=True),
             no(["Could your second-line team do a remote session"], "answered",
                "Orbis booked the session on 4 Dec; the session itself is the open item", strict=True),
             ORBIS_F, KD_F, OUR_UK]),
        "kd-starter": thread(
            "New dental nurse at Horsforth – Megan Holt", "open_on_us", [JODIE, CALLUM],
            [item("kd-starter-setup", ["Megan|set her up|new dental nurse|ready by Friday|everything ready"], "todo",
                  [JODIE, CALLUM],
                  "New nurse Megan Holt (Horsforth, starts Mon 14 Dec): Fiona answered our three questions inline "
                  "(same access as Chloe, no remote access, reception PC) – set up by Fri 11 Dec as promised; Jodie "
                  "is out until Wed 9 Dec (stand-in Callum).",
                  due="2026-12-11", due_ok=["2026-12-11", "2026-12-14"])],
            [no(["Should Megan have"], "answered", "inline: 'Yes, exactly the same as Chloe.'", strict=True),
             no(["Does she need to get into"], "answered", "inline: 'No, not for now.'", strict=True),
             no(["Which PC will she use"], "answered", "inline: 'The reception PC'", strict=True),
             no(["out of the office|limited access"], "info", "our engineer's out-of-office (stand-in Callum)",
                strict=True),
             no(["answers are below|slow reply"], "social"),
             KD_F, OUR_UK]),
        "kd-nas": thread(
            "Problem: KD-NAS01: Unavailable by ICMP ping", "resolved", [], [],
            [no(["KD-NAS01|ICMP|Unavailable"], "resolved", "Zabbix recovery after 14 minutes")]),
        "kd-phones": thread(
            "Calls cutting off at Wakefield reception", "open_on_us", [CALLUM, HANNAH],
            [item("kd-phones-stable", ["calls|phones|phone system|line goes dead|cutting off|cuts off|drops|dropping|router|stable|Wakefield reception"],
                  "deadline", [CALLUM, HANNAH],
                  "Wakefield phones dropping calls: Jodie's fix didn't help, Dr Qureshi escalated (reliable by Fri "
                  "11 Dec or the contract is up for discussion) – Callum took over, new router fitted 7 Dec; Hannah "
                  "confirms stability by 11 Dec.",
                  due="2026-12-11", problem=True,
                  why_problem="escalation by the clinical director with a deadline and a threat to the contract"),
             item("kd-phones-log", ["keep a note|cuts off this week|how long the call"], "question", [CALLUM],
                  "Callum asked Lauren to log any call that still cuts off this week.", optional=True)],
            [no(["very sorry|should have been fixed"], "social"),
             KD_F, OUR_UK]),
        "kd-quote": thread(
            "Quote for a new printer at Horsforth", "open_on_us", [HANNAH],
            [item("kd-quote-printer", ["quote|printer|colour laser|Horsforth"], "todo", [HANNAH],
                  "Printer quote for Horsforth (two options): promised by the end of the week after 17 Nov (27 Nov), "
                  "Fiona chased on 2 Dec – still not sent; they want to order before Christmas.",
                  due="2026-11-27", problem=True,
                  why_problem="promised date passed, chased by the customer, no answer since")],
            [KD_F, OUR_UK]),
        "kd-guestwifi": thread(
            "Waiting room Wi-Fi password", "resolved", [], [],
            [no(["Wi-Fi|password|poster|connect|that works"], "resolved", "'Brilliant, that works. Thanks Callum!'"),
             KD_F, OUR_UK]),
    },
}

pullman = {
    "name": "Pullman & Reyes, CPAs LLC",
    "language": "en",
    "match": [{"from_domain": ["pullmanreyes.example"]}],
    "contact": ROB,
    "owner": MARCUS,
    "identity": ["Pullman", "Reyes", "Whitcomb", "Kowalski", "LedgerLine", "Kenji Ward", "Naples", "Oak Park",
                 "pullmanreyes"],
    "owner_changes": [],
    "threads": {
        "pr-scanner": thread(
            "New front desk scanner", "open_on_us", [MARCUS],
            [item("pr-scan-setup", ["scanner|12/10|address book"], "todo", [MARCUS],
                  "Front desk scanner (scan to email – Dana's choice): Marcus sets it up on Thu 12/10 in the office.",
                  due="2026-12-10"),
             item("pr-scan-list", ["list of people|address book|by Monday 12/7"], "question", [MARCUS],
                  "Dana's list of people for the scanner's address book, asked for by Mon 12/7, has not come.",
                  due="2026-12-07")],
            [no(["shared folder"], "answered", "either-or answered: 'Straight to email, please'"),
             PR_F, OUR_US]),
        "pr-ledgerline": thread(
            "LedgerLine Pro 2026.1 update", "open_on_us", [MARCUS],
            [item("pr-ledger-update", ["LedgerLine|2026.1|update|workstations|2025.4"], "todo", [MARCUS],
                  "LedgerLine Pro 2026.1 on all eight workstations: promised overnight Thu 12/3, not installed (Amber "
                  "and Greg still on 2025.4, Amber asked 12/7) – needed before the 12/15 training.",
                  due="2026-12-03", due_ok=["2026-12-03", "2026-12-04", "2026-12-15"], problem=True,
                  why_problem="promised date passed without the update, chased by the customer")],
            [PR_F, OUR_US]),
        "pr-closure": thread(
            "Office closed for Thanksgiving", "no_action", [], [],
            [no(["Thanksgiving|closed|pick up the phone|Nothing needed"], "info", "information only, already past"),
             PR_F]),
        "pr-remote": thread(
            "Working from Florida in January", "open_on_us", [MARCUS],
            [item("pr-remote-vpn", ["VPN|Naples|Florida|laptop|file server|Tuesday|2 pm"], "todo", [MARCUS],
                  "Greg's laptop: install and test the VPN client today, Tue 12/8 at 2 pm (he works from Naples, FL "
                  "1/4–1/29).",
                  due="2026-12-08")],
            [no(["appreciate it"], "social", "thanks for the promise, nothing done yet"),
             no(["work better for you"], "answered", "either-or answered: 'Tuesday at 2 works'", strict=True),
             OUR_US]),
        "pr-retention": thread(
            "Email retention policy – one decision needed", "waiting_on_customer", [ROB, MARCUS],
            [item("pr-ret-decision", ["retention|7 years|10 years|deleted mail"], "question", [ROB, MARCUS],
                  "Email retention: Luis to decide 7 or 10 years (asked 11/19, nudged 12/2); he is out sick, answer "
                  "promised next week.")],
            [no(["out sick|the flu"], "info", "the customer's sick note"),
             PR_F, OUR_UK]),
        "pr-printer": thread(
            "Copy room printer: paper jam that isn't there", "resolved", [], [],
            [no(["printer|Paper jam|Tray 2|test page|sensor flag|Ready"], "resolved", "'Test page printed fine. Thank you!!'"),
             PR_F, OUR_US]),
        "pr-threethings": thread(
            "Three things", "open_on_us", [MARCUS],
            [item("pr-three-battery", ["battery|bulging|touchpad"], "todo", [MARCUS],
                  "Amber's bulging laptop battery: replacement arrives 12/8, Marcus swaps it Wed 12/9.",
                  due="2026-12-09"),
             item("pr-three-monitor", ["monitor"], "todo", [MARCUS],
                  "Second monitor (24\") for Greg from stock on 12/9.", due="2026-12-09"),
             item("pr-three-intern", ["intern|Kenji|same role|LedgerLine role"], "todo", [MARCUS],
                  "Intern Kenji Ward starts 1/4: email and LedgerLine (same role as Amber) to set up.",
                  due="2027-01-04", due_ok=["2027-01-04", "2026-12-31"])],
            [no(["intern's full name"], "answered", "answered: 'Kenji Ward … same role as Amber'", strict=True),
             PR_F, OUR_US]),
    },
}

gold = {
    "about": "mailsum held-out set 7: Weserbogen Systemhaus (team domain weserbogen-it.example; Bremen, Leeds, "
             "Chicago) and four customers, three weeks of service mail (Tue 17.11. - Mon 07.12.2026) in one shared "
             "mailbox, scored as of Tuesday 08.12.2026 07:05 Europe/Berlin. Labels written from the mail alone, "
             "before mailsum ran on it.",
    "now": "2026-12-08T06:05:00+00:00",
    "timezone": "Europe/Berlin",
    "team": {"domains": ["weserbogen-it.example"]},
    "fallback": {"contact": "serviceleitung@weserbogen-it.example"},
    "schedule": "0 7 * * 1-5",
    "customers": {"zweckverband": zweckverband, "hollmann": hollmann, "kirkgate": kirkgate, "pullman": pullman},
    "junk": {
        "junk-newsletter": "distributor newsletter (Precedence: bulk, List-Unsubscribe); no rule claims it",
        "junk-phish": "phishing mail ('Postfach zu 98 % voll') to the shared mailbox",
        "junk-sales": "cold sales mail and its bump",
        "junk-internal": "internal note about the on-call rota between colleagues (team mail only)",
    },
    "never": [
        "+49 421 6094 37", "+49 170 5550 4411", "+49 151 5550 2424", "HRB 38817",
        "0113 496 0731", "0113 496 0735", "0113 496 0748", "07700 900318", "07700 900561", "No. 12690341",
        "(312) 555-0187",
        "04791 96630-31", "04791 96630-10", "04791 96630-41", "04791 96630-99", "04791 96630-55",
        "04231 93388-20", "04231 93388-34", "HRA 201944", "HRB 120377", "040 3099 7710",
        "01924 496 210", "01924 496 200", "08817263", "0161 496 0730",
        "(708) 555-0140", "(708) 555-0141", "(708) 555-0146",
    ],
}

if __name__ == "__main__":
    out = Path(__file__).resolve().parent / "gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    n = sum(len(th["open"]) for c in gold["customers"].values() for th in c["threads"].values())
    print(f"wrote {out}: {n} open items")
