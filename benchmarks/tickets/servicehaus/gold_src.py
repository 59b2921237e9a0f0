#!/usr/bin/env python3
"""Writes gold.json for the heldout2 mailbox (the labels are written here as Python for readability;
gold.json is what score.py reads). Labels written from the mail alone, before any mailsum run."""
import json
from pathlib import Path

S = "@servicehaus.example"
LUKAS, MARTA, SVEN, HENRIKE, TOBIAS = (f"{n}{S}" for n in ("lukas.faerber", "marta.nowak", "sven.ortlieb",
                                                          "henrike.albrecht", "tobias.wendland"))
FIONA, CALLUM, PRIYA, DEREK, ALICIA, MARCUS = (f"{n}{S}" for n in ("fiona.marsh", "callum.reid", "priya.shah",
                                                                  "derek.holt", "alicia.ramos", "marcus.bell"))


def item(id, kw, kind, due, due_ok, owner, human, problem=False, why_problem="", optional=False):
    return {"id": id, "keywords": kw, "kind": kind, "due": due, "due_ok": due_ok, "problem": problem,
            "why_problem": why_problem, "owner": owner, "optional": optional, "human": human}


def no(kw, reason, why="", strict=False):
    d = {"keywords": kw, "reason": reason, "why": why}
    if strict:
        d["strict"] = True
    return d


def thread(subject, state, owner, open_, not_open):
    return {"subject": subject, "state": state, "owner": owner, "open": open_, "not_open": not_open}


KM_FOOT = no(["Wolfhager Straße|HRB 17342|USt-IdNr|vertrauliche Informationen enthalten"], "info",
             "signature footer or legal disclaimer of the customer")
DE_SIG = no(["Friedrich-Ebert-Straße|HRB 20931|Support-Hotline"], "info", "our own signature")
ZW_FOOT = no(["Körperschaft des öffentlichen Rechts|Am Wasserwerk 3|Störungsannahme|bezeichneten Adressaten"], "info",
             "signature footer or legal disclaimer of the customer")
SD_FOOT = no(["Kommentar hinzuzufügen|Ticketnummer im Betreff"], "notification", "service desk footer")
CV_FOOT = no(["registered society|RSH No|Commercial Street|intended solely for the addressee"], "info",
             "signature footer or legal disclaimer of the customer")
UK_SIG = no(["Round Foundry|12904417"], "info", "our own signature")
JSM_FOOT = no(["Reply above this line|View request|powered by Jira|This is shared with"], "notification",
              "Jira Service Management notification chrome")
MR_FOOT = no(["Sawmill Rd|CONFIDENTIALITY NOTICE|HIPAA"], "info", "signature footer or legal disclaimer of the customer")
US_SIG = no(["Nationwide Blvd|Servicehaus Kessler Inc"], "info", "our own signature")
IPHONE = no(["Sent from my iPhone|Von meinem iPhone gesendet"], "info", "mobile client signature")

kornmueller = {
    "name": "Bäckerei Kornmüller GmbH", "language": "de",
    "match": [{"from_domain": ["kornmueller-baeckerei.example"]}, {"subject": "\\bKMB-[A-Z]{3}\\d{2}\\b"}],
    "contact": HENRIKE, "owner": LUKAS,
    "identity": ["Kornmüller", "Annegret Sauer", "Wilhelmshöhe", "Baunatal", "KMB-", "kornmueller", "KassenPro"],
    "owner_changes": [{"thread": "km-ww", "to": SVEN,
                       "why": "Frau Albrecht: „Herr Ortlieb, unser Teamleiter, übernimmt das ab sofort persönlich“ (11.11.)"}],
    "threads": {
        "km-kasse": thread("Kasse 2 Filiale Wilhelmshöhe: TSE nicht erreichbar", "open_on_us", [LUKAS, HENRIKE], [
            item("km-kasse-tse", ["Kasse 2|TSE|KassenPro|etwas Neues|nur einer Kasse|Firmware"], "blocker",
                 "2026-11-06", [None, "2026-11-06"], [LUKAS, HENRIKE],
                 "Kasse 2 in Wilhelmshöhe verliert die TSE: Neueinbindung vom 02.11. hielt nicht (04.11. „immer noch nicht“), "
                 "KassenPro gefragt, Rückmeldung „bis Freitag, 06.11.“ nie gekommen; Filiale seit zwei Wochen mit einer Kasse, "
                 "Frau Sauer fragt am 16.11. nach.",
                 True, "Fix gescheitert (wieder offen), eigene Zusage bis 06.11. verstrichen, Kundin hakt nach; steuerlich relevant")],
            [no(["bitte weiter über Kasse 1"], "info", "Übergangslösung, kein eigener Punkt"),
             no(["tut mir leid"], "social"), KM_FOOT, DE_SIG]),
        "km-filiale": thread("Neue Filiale Baunatal – Eröffnung am 01.12.", "open_on_us", [LUKAS, HENRIKE], [
            item("km-filiale-vorort", ["Firewall|26.11.|vor Ort|Access Point|VPN zur Zentrale|anbinden|Router"], "todo",
                 "2026-11-26", ["2026-11-26", "2026-11-27"], [LUKAS, HENRIKE],
                 "Filiale Baunatal (Eröffnung 01.12.): Herr Färber schließt am Do 26.11. vor Ort Firewall/VPN, die beiden Kassen "
                 "und die bestellten Access Points (Lieferung bis 24.11.) an."),
            item("km-filiale-postfach", ["Postfach|Dana Pohl|eigene Adresse|d.pohl"], "request",
                 "2026-11-27", [None, "2026-11-27", "2026-12-01"], [LUKAS, HENRIKE],
                 "Postfach für Frau Dana Pohl (Filialleitung Baunatal, d.pohl@…): am 05.11. erbeten, in unserer Antwort vom 06.11. "
                 "übergangen – noch offen (alles soll bis 27.11. stehen)."),
            item("km-filiale-zugangsdaten", ["Zugangsdaten"], "question", "2026-11-20", ["2026-11-20"], [HENRIKE, LUKAS],
                 "Telekom-Zugangsdaten für Baunatal: Frau Sauer scannt sie ein, sobald sie da sind (spätestens 20.11.).",
                 optional=True)],
            [no(["50 Mbit|Bandbreite|Reicht das"], "answered", "am 06.11. beantwortet: reicht"),
             no(["anbei das Angebot"], "resolved", "Angebot Gäste-WLAN am 11.11. wie zugesagt geschickt", strict=True),
             no(["Die brauchen wir für die Einrichtung"], "answered",
                "zweiter Satz unserer Bitte um die Telekom-Zugangsdaten (von Frau Sauer am 10.11. beantwortet), nicht der "
                "Vor-Ort-Termin [Korrektur nach dem ersten Lauf]", strict=True),
             no(["Angebot für ein Gäste-WLAN|Angebot für das Gäste-WLAN|danke für das Angebot|Angebot"], "resolved",
                "Angebot am 11.11. verschickt, am 13.11. angenommen"),
             no(["Prima, vielen Dank|schön, dass es mit Baunatal losgeht|danke für die Freigabe"], "social"),
             no(["Eröffnung|eröffnen wir"], "info"), KM_FOOT, DE_SIG, IPHONE]),
        "km-nas": thread("Problem: KMB-NAS01: Free disk space is less than 10% on volume /volume1", "open_on_us", [LUKAS], [
            item("km-nas-disk", ["KMB-NAS01|volume1|disk space|Free disk"], "blocker", None, [None], [LUKAS],
                 "Zabbix: KMB-NAS01 /volume1 über 90 % voll (seit 10.11., am 11.11. 93 %), keine Entwarnung und von uns "
                 "keine Reaktion – prüfen und Platz schaffen.")],
            []),
        "km-vpn": thread("Problem: KMB-FIL07: VPN tunnel to Filiale Harleshausen is down", "resolved", [], [],
            [no(["Resolved in|has been resolved"], "notification", "Zabbix-Entwarnung nach 32 Minuten"),
             no(["VPN tunnel|KMB-FIL07|Harleshausen|IPsec"], "resolved", "Alarm um 05:42 zurückgenommen")]),
        "km-azubi": thread("Zugänge für drei Auszubildende ab 01.12.", "waiting_on_customer", [LUKAS], [
            item("km-azubi-fragen", ["E-Mail-Adressen|Filial-Postfächer|welchen Filialen|Auszubildende|Schulungsportal|Azubi"],
                 "question", None, [None, "2026-12-01"], [LUKAS],
                 "Zugänge für drei Azubis ab 01.12.: Herr Färber hat gefragt, ob eigene E-Mail-Adressen oder Filial-Postfächer "
                 "und in welchen Filialen – Antwort von Frau Sauer steht aus.")],
            [no(["mache ich gern"], "info"), KM_FOOT, DE_SIG]),
        "km-ww": thread("Warenwirtschaft morgens unbrauchbar – so geht das nicht weiter", "open_on_us", [SVEN], [
            item("km-ww-angebot", ["Angebot|Ausfalllösung|zweiter Server|Replikation|Ausfall künftig"], "todo",
                 "2026-11-27", ["2026-11-27", "2026-11-30"], [SVEN],
                 "Angebot für eine Ausfalllösung der Warenwirtschaft (zweiter Server oder Replikation) an Herrn Kornmüller: "
                 "von Herrn Ortlieb bis Fr 27.11. zugesagt – die Eskalation selbst ist gelöst (Sicherung vorgezogen, 12.11. bestätigt).")],
            [no(["langsam|Brötchenbestellung|Wartungsvertrag|bis Freitag behoben|Sicherung|Bestellungen|Ursache"], "resolved",
                "Sicherung auf 21 Uhr vorgezogen, Kunde am 12.11.: lief alles normal"),
             no(["übernimmt das ab sofort|meldet sich heute Vormittag"], "resolved", "Herr Ortlieb hat sich am 11.11. gemeldet"),
             no(["tut mir leid|Ärger|das freut mich|schnelle Hilfe"], "social"), DE_SIG, IPHONE]),
        "km-phish": thread("WG: Zahlungserinnerung – Ihre Sendung 00340434 wird zurückgehalten", "resolved", [], [],
            [no(["Phishing|echt|Link|Zollgebühr|Sendung|gescannt|Mailfilterung|löschen"], "resolved",
                "als Phishing beantwortet, Domain gesperrt, Rechner geprüft"),
             no(["danke für die schnelle Antwort|Super"], "social"), KM_FOOT, DE_SIG]),
    }}

zwn = {
    "name": "Zweckverband Wasserversorgung Nordhessen", "language": "de",
    "match": [{"from_domain": ["zwn-wasser.example"]}, {"subject": "\\[ZWN-SD #\\d+\\]"},
              {"to_address": ["m.gerlach@zwn-wasser.example"]}],
    "contact": TOBIAS, "owner": MARTA,
    "identity": ["ZWN", "Gerlach", "Leitwarte", "Brenneke", "zwn-wasser", "Wasserwerk", "Zweckverband"],
    "owner_changes": [
        {"thread": "zw-vpn", "to": SVEN, "why": "Herr Ortlieb: „Frau Nowak ist leider erkrankt, ich übernehme dieses Ticket“ (12.11.)"},
        {"thread": "zw-leitstelle", "to": LUKAS, "why": "Herr Wendland: „Herr Färber übernimmt die Störung ab sofort“ (12.11.)"}],
    "threads": {
        "zw-vpn": thread("[ZWN-SD #20417] Neues Ticket: VPN-Zugang für Bereitschaftslaptops", "open_on_us", [SVEN], [
            item("zw-vpn-laptops", ["Laptop|VPN|Teams|Bereitschaft|19.11.|20.11.|23.11."], "todo",
                 "2026-11-19", ["2026-11-19", "2026-11-20", "2026-11-23"], [SVEN],
                 "Vier Bereitschaftslaptops (Brede, Ulrich, Sommer, Yıldız): Herr Ortlieb richtet VPN-Profile und Teams bis "
                 "Do 19.11. ein und bringt sie Fr 20.11. zurück; Winterbereitschaft ab 23.11.")],
            [no(["Namen der vier|wo stehen die Geräte|sollen wir sie abholen"], "answered",
                "im Ticketkommentar vom 06.11. beantwortet (Namen; „Nehmen Sie die Geräte bitte … mit“)", strict=True),
             no(["Status geändert|Warten auf Dienstleister|wurde aktualisiert|neues Ticket angelegt"], "notification"),
             no(["erkrankt"], "info"), SD_FOOT, DE_SIG]),
        "zw-leitstelle": thread("Fernwirk-PC Leitwarte friert mehrmals täglich ein", "open_on_us", [LUKAS, TOBIAS], [
            item("zw-leit-pc", ["LW-PC2|eingefroren|friert|einfriert|Fernwirk|Grafikkarte"], "blocker",
                 "2026-11-16", [None, "2026-11-16", "2026-11-17", "2026-11-18"], [LUKAS, TOBIAS],
                 "Fernwirk-PC LW-PC2 in der Leitwarte friert wieder ein (17.11., 2:40 Uhr) – nach Treiber (03.11.) und "
                 "Grafikkartentausch (13.11.); Termin 10.11. ausgefallen, Eskalation Dr. Brenneke mit Frist 16.11.; "
                 "Herr Färber soll erneut hin.",
                 True, "eskaliert von der Verbandsvorsteherin, ausgefallener Termin, nach unserem Tausch wieder defekt, Frist 16.11. vorbei"),
            item("zw-leit-erklaerung", ["Erklärung|warum der Termin|Termin ausgefallen"], "todo",
                 "2026-11-18", ["2026-11-18"], [TOBIAS],
                 "Schriftliche Erklärung an Dr. Brenneke, warum der Termin am 10.11. ausfiel: von Herrn Wendland bis Mi 18.11. zugesagt.")],
            [no(["Ereignisanzeige|NVIDIA|Grafiktreiber"], "resolved", "überholter erster Lösungsversuch (03.11.)"),
             no(["Entschuldigung|hätte nicht passieren"], "social"),
             no(["erkrankt"], "info"), ZW_FOOT, DE_SIG]),
        "zw-plotter": thread("[ZWN-SD #20388] Neues Ticket: Plotter Planungsabteilung druckt Pläne nur halb", "resolved", [], [],
            [no(["geschlossen|neues Ticket angelegt"], "notification", "Ticket am 05.11. vom Kunden geschlossen"),
             no(["Plotter|Pläne|DesignJet|Spoolgrenze|A0|Testplan"], "resolved", "Spoolgrenze aufgehoben, Ticket geschlossen"),
             SD_FOOT, DE_SIG]),
        "zw-strom": thread("Info: Stromabschaltung Betriebshof Nord am Samstag, 21.11.", "no_action", [], [],
            [no(["Strom|Trafostation|USV|ZWN-BHN01|Monitoring|nichts zu tun|21.11."], "info", "reine Information, vermerkt"),
             ZW_FOOT, DE_SIG]),
        "zw-lizenz": thread("Verlängerung Microsoft 365 zum 01.01.2027 – Anzahl der Lizenzen", "waiting_on_customer", [TOBIAS], [
            item("zw-lizenz-anzahl", ["Lizenz|Microsoft 365|Microsoft-365|Business Standard|Anzahl"], "question",
                 "2026-11-25", ["2026-11-25"], [TOBIAS],
                 "M365-Verlängerung zum 01.01.: Herr Wendland bat Herrn Gerlach bis Mi 25.11. um die Lizenzanzahl "
                 "(48 Business Standard, 6 F3; neue Stellen?) – Antwort steht aus (er war bis 11.11. abwesend).")],
            [no(["nicht im Haus|Vielen Dank für Ihre Nachricht|Sabine Kranz|Automatische Antwort"], "notification",
                "Abwesenheitsnotiz des Kunden", strict=True), DE_SIG]),
        "zw-glasfaser": thread("WG: Geplante Wartungsarbeiten an Ihrem Glasfaseranschluss – Wasserwerk Süd", "resolved", [], [],
            [no(["LTE|Wasserwerk Süd|Glasfaser|Wartungsarbeiten|Umschaltung|Fernwirktechnik|erreichbar|Vorwarnung"], "resolved",
                "Umschaltung auf LTE in der Nacht 16./17.11. durchgeführt und gemeldet"),
             no(["NN-GF-448120|Verständnis"], "forwarded"), ZW_FOOT, DE_SIG]),
        "zw-rohde": thread("Austritt Herr Rohde zum 06.11.", "resolved", [], [],
            [no(["Rohde|Postfach|Konto|Kranz|automatische Antwort|Ende März|Ruhestand"], "resolved",
                "am 06.11. erledigt, Kunde bestätigt am 09.11."), ZW_FOOT, DE_SIG]),
    }}

calder = {
    "name": "Calder Valley Housing Association", "language": "en",
    "match": [{"from_domain": ["caldervalleyhousing.example", "calderhousing.atlassian.example"]},
              {"subject": "\\bCVH-[A-Z0-9]+\\b"}],
    "contact": FIONA, "owner": CALLUM,
    "identity": ["Calder", "Gareth", "Rachel Booth", "CVH-", "Repairs Hub", "Brighouse", "caldervalleyhousing"],
    "owner_changes": [{"thread": "cv-mfa", "to": PRIYA, "why": "Fiona: \"Priya Shah is taking this over from Callum as of today\" (13 Nov)"}],
    "threads": {
        "cv-dock": thread("CVH-212 Docking station in Finance keeps dropping both monitors", "resolved", [], [],
            [no(["changed the status|raised this request|Status: Resolved"], "notification"),
             no(["dock|screens|monitors|firmware|WD19|stayed on"], "resolved", "firmware updated 3 Nov, Mandy 4 Nov: stayed on; resolved"),
             JSM_FOOT, UK_SIG]),
        "cv-mfa": thread("Housing officers locked out of the repairs app on tablets", "open_on_us", [PRIYA, FIONA], [
            item("cv-mfa-tablets", ["tablet|Authenticator|loop|T-0417|Repairs Hub|compliance policy|sign in|locked out"], "blocker",
                 "2026-11-16", [None, "2026-11-11", "2026-11-16"], [PRIYA, FIONA],
                 "Tablets locked out of Repairs Hub (MFA loop): Callum's exclusion failed, his 'by Wed 11 Nov' passed, Rachel "
                 "escalated 13 Nov; Priya took over, new policy live 16 Nov – 3 of 4 tablets fine, T-0417 still loops "
                 "(officer on paper forms during inspections).",
                 True, "our promise (11 Nov) missed, escalated by the Head of Corporate Services, still failing on one tablet")],
            [no(["rebuild the compliance policy|tablet policy in place by Monday"], "resolved",
                "Callum's and Fiona's promises of the new policy: kept (late) by Priya, live 16 Nov 07:55 [fixed after the first run]",
                strict=True),
             no(["very sorry"], "social"), CV_FOOT, UK_SIG]),
        "cv-three": thread("New starter, a move to Estates and the boardroom TV", "open_on_us", [CALLUM, FIONA], [
            item("cv-three-aisha", ["Aisha|new starter"], "todo", "2026-11-20", ["2026-11-20", "2026-11-23"], [CALLUM],
                 "New starter Aisha Khan (Lettings, starts Mon 23 Nov): account, mailbox and laptop promised by Fri 20 Nov."),
            item("cv-three-extension", ["extension|hunt group"], "request", None, [None, "2026-11-20", "2026-11-23"],
                 [CALLUM, FIONA],
                 "Phone extension for Aisha in the Lettings hunt group (asked 12 Nov) – not answered yet."),
            item("cv-three-boardroom", ["boardroom|Rally Bar|Yealink|MeetingBar|Teams Rooms|Which one|take both to Rachel"],
                 "question", None, [None], [FIONA, CALLUM],
                 "Boardroom Teams device: Fiona sent two options (Rally Bar ~£3,400 / Yealink A30 ~£2,100) on 11 Nov and asked "
                 "which; Gareth takes them to Rachel at Thursday's meeting – waiting on them.")],
            [no(["Tom Barker|Finance share|Estates|log off"], "resolved", "done 9 Nov"),
             no(["Is there any way to get the boardroom TV"], "answered",
                "Callum 9 Nov: not without a Teams Rooms device; what is open is the choice of device [fixed after the first run]",
                strict=True),
             no(["really helpful"], "social"), CV_FOOT, UK_SIG]),
        "cv-patch": thread("November updates for CVH-FS02 – Thursday 19 Nov evening?", "waiting_on_customer", [CALLUM], [
            item("cv-patch-ok", ["CVH-FS02|Windows updates|reboot|working late|19 November|following week"], "question",
                 "2026-11-18", ["2026-11-18", "2026-11-19"], [CALLUM],
                 "November updates on CVH-FS02 Thu 19 Nov from 7pm (reboot): Callum asked Gareth whether that's OK, reply by "
                 "Wednesday or it moves a week – no answer yet.")],
            [UK_SIG]),
        "cv-thanks": thread("Thank you – Brighouse office move", "no_action", [], [],
            [no(["thank you|thanks|office move|Brighouse|lovely|pass it on|smooth"], "social"), CV_FOOT, UK_SIG]),
        "cv-isp": thread("FW: Planned engineering works – circuit HFX-EFM-2231, 24 November", "no_action", [], [],
            [no(["engineering works|leased line|4G backup|Pennine|interruptions|24 November|HFX-EFM|No action is required"],
                "forwarded", "carrier notice forwarded FYI"), CV_FOOT]),
        "cv-scan": thread("Scan to email not working on Finance copier", "resolved", [], [],
            [no(["copier|scan|Send error|#752|password|test scan|Works now"], "resolved", "fixed 3 Nov, Mandy: works now"),
             CV_FOOT, UK_SIG]),
    }}

maple = {
    "name": "Maple Ridge Dental Partners", "language": "en",
    "match": [{"from_domain": ["mapleridgedental.example"]}],
    "contact": DEREK, "owner": ALICIA,
    "identity": ["Maple Ridge", "Whitlock", "Westerville", "Bluecrest", "mapleridgedental", "Brianna"],
    "owner_changes": [],
    "threads": {
        "mr-xray": thread("X-ray sensor not detected in Op 3 (Westerville)", "resolved", [], [],
            [no(["sensor|Op 3|X-ray|driver|test image|bitewings|No sensor found"], "resolved", "driver rolled back; test image fine"),
             no(["Thank you so much"], "social"), MR_FOOT, US_SIG, IPHONE]),
        "mr-phones": thread("Calls dropping at the Dublin office", "waiting_on_customer", [ALICIA, MARCUS, DEREK], [
            item("mr-phones-retest", ["longer calls|still drop|retest|Bluecrest|drop|session timer|10 minutes"], "question",
                 None, [None], [ALICIA, MARCUS, DEREK],
                 "Dublin calls dropping at 10 min: Bluecrest reverted the session timer (11/9); Alicia asked Karen to make longer "
                 "test calls and report – no answer yet.")],
            [no(["update you by Friday"], "resolved", "update given (late) on 11/9", strict=True),
             no(["check the session timer settings"], "answered",
                "Alicia's question to the carrier, answered by Bluecrest on 11/9 [fixed after the first run]", strict=True),
             no(["sorry this took longer"], "social"), MR_FOOT, US_SIG]),
        "mr-hire": thread("New hygienist starting 11/30", "open_on_us", [ALICIA, MARCUS, DEREK], [
            item("mr-hire-accounts", ["Brianna|accounts|OpenChart|Westerville|Dublin printers|imaging software"], "todo",
                 "2026-11-23", ["2026-11-23", "2026-11-24"], [ALICIA, MARCUS, DEREK],
                 "New hygienist Brianna Miller (starts 11/30): email, OpenChart and imaging access, set up for Westerville plus "
                 "Dublin printers – Alicia promised by Mon 11/23."),
            item("mr-hire-monitor", ["monitor"], "request", None, [None, "2026-11-23", "2026-11-24", "2026-11-30"],
                 [ALICIA, MARCUS, DEREK],
                 "Second monitor for Brianna like the other hygienists (Karen asked 11/10) – not answered yet.")],
            [no(["which office"], "answered", "Karen 11/10: Westerville, Dublin on Tuesdays", strict=True), MR_FOOT, US_SIG]),
        "mr-backup": thread("Imaging backups failing", "open_on_us", [DEREK], [
            item("mr-backup-summary", ["summary|written explanation|explanation"], "todo", "2026-11-16", ["2026-11-16"], [DEREK],
                 "Written summary of the imaging-backup failure for Dr. Park: Derek promised it by Mon 11/16 after the owner's "
                 "escalation – not sent; the backup itself is fixed (11/12, confirmed 11/13).",
                 True, "promise made in answer to the owner's escalation, due 11/16, not kept")],
            [no(["backup|NAS|out of space|volume|fixed by Friday|legally required|successful|scheduled run"], "resolved",
                "NAS volume expanded 11/12, Karen 11/13: last night's job successful"),
             no(["sorry|Thank you for sorting"], "social"), MR_FOOT, US_SIG, IPHONE]),
        "mr-label": thread("Label printer at Dublin front desk prints blank labels", "open_on_us", [MARCUS, ALICIA, DEREK], [
            item("mr-label-blank", ["label|Dymo"], "request", None, [None], [MARCUS, ALICIA, DEREK],
                 "Dublin front-desk Dymo prints blank labels (since 11/16): Alicia is out until 11/20 (her auto-reply names "
                 "Marcus Bell) – nobody has answered yet.")],
            [no(["out of the office|no access to email"], "notification", "our engineer's out-of-office reply", strict=True),
             MR_FOOT]),
        "mr-budget": thread("Server replacement approved for next year", "no_action", [], [],
            [no(["budget|server|January|Great news|first quarter"], "info", "information, planning in January"),
             MR_FOOT, US_SIG]),
        "mr-wifi": thread("Guest wifi Westerville", "open_on_us", [ALICIA, MARCUS, DEREK], [
            item("mr-wifi-guest", ["wifi|wi-fi|access point|waiting room|slow"], "blocker", "2026-11-11", [None, "2026-11-11"],
                 [ALICIA, MARCUS, DEREK],
                 "Westerville guest Wi-Fi very slow: Alicia promised to check the AP 'tomorrow morning' (11/11) – no word since; "
                 "Jenna chased 11/13 ('any news?').",
                 True, "our promise for 11/11 passed, customer chased, no answer")],
            [US_SIG, IPHONE]),
    }}

gold = {
    "about": "mailsum held-out set heldout2: Servicehaus Kessler IT (team domain servicehaus.example; Kassel, Leeds, "
             "Columbus OH) and four customers, two and a half weeks of service mail (Mon 02.11. - Tue 17.11.2026) in one "
             "shared mailbox, scored as of Wednesday 18.11.2026 07:05 Europe/Berlin. Labels written from the mail alone, "
             "before mailsum ever saw it.",
    "now": "2026-11-18T06:05:00+00:00",
    "timezone": "Europe/Berlin",
    "team": {"domains": ["servicehaus.example"]},
    "fallback": {"contact": "teamleitung@servicehaus.example"},
    "schedule": "0 7 * * 1-5",
    "customers": {"kornmueller": kornmueller, "zwn": zwn, "calder": calder, "maple": maple},
    "junk": {"junk-newsletter": "distributor newsletter (Precedence: bulk, List-Unsubscribe); no rule claims it",
             "junk-phish": "phishing from a look-alike domain (servicehaus-mailcheck.example) to the shared mailbox",
             "junk-sales": "cold sales mail and its bump",
             "junk-internal": "internal invitation to the Christmas party (team mail only)"},
    "never": ["0561 4090 27-41", "0561 4090 27-44", "0561 4090 27-40", "0561 4090 27-18", "0561 4090 27-19",
              "Support-Hotline 0561 4090 27-0", "+49 151 5550 2744", "+49 170 5553 1818", "HRB 20931",
              "0561 870 55-14", "HRB 17342", "DE 811 204 557", "0561 98120-210", "0561 98120-330",
              "Störungsannahme Trinkwasser", "bezeichneten Adressaten",
              "0113 496 0771", "0113 496 0774", "0113 496 0779", "07700 900583", "12904417",
              "01422 555 310", "01422 555 342", "07700 900761", "01422 555 327", "31207R", "L4471",
              "intended solely for the addressee", "(614) 555-0188", "(614) 555-0181", "(380) 555-0142",
              "(614) 555-0133", "(614) 555-0130", "HIPAA", "Sent from my iPhone", "Von meinem iPhone gesendet",
              "Reply above this line", "powered by Jira Service Management", "Kommentar hinzuzufügen",
              "dhl-zustellung-info.example/zahlung", "WINTER26", "Partnerrabatt", "98 % seines Speichers",
              "servicehaus-mailcheck", "LeadSpring", "20-minute chat", "Weihnachtsfeier", "Ratskeller"],
}

Path(__file__).with_name("gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
