"""Open points from ticket threads: kinds, owners, status, stable ids (German and English)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from builders import parsed

from mailsum.extract.points import classify, is_resolution, point_id, read_thread, rule_kind
from mailsum.models import POINT_KINDS, ParsedMessage, Point, Team, Thread, ThreadExtract

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def _message(raw: dict) -> ParsedMessage:
    return parsed(raw["message_id"], from_addr=raw["from"], text=raw["own_text"],
                  date=datetime.fromisoformat(raw["date"]), auto=raw.get("auto"),
                  language=raw["language"])


def _load(name: str) -> tuple[Thread, list[ParsedMessage], dict]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    messages = [_message(m) for m in data["messages"]]
    thread = Thread(messages[0].message_id, data["subject"], [m.message_id for m in messages])
    return thread, messages, data


def _run(name: str, reverse: bool = False, **kwargs: object) -> ThreadExtract:
    thread, messages, data = _load(name)
    if reverse:
        messages = messages[::-1]
    return read_thread(
        thread,
        messages,
        team=Team(tuple(data["team_domains"])),
        **kwargs,  # type: ignore[arg-type]
    )


def _point(extract: ThreadExtract, fragment: str) -> Point:
    hits = [p for p in extract.points if fragment in p.text]
    assert len(hits) == 1, [p.text for p in extract.points]
    return hits[0]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Können Sie bitte das Passwort zurücksetzen?", "request"),
        ("Könnten Sie uns ein Angebot schicken.", "request"),
        ("Wir brauchen zwei neue Lizenzen.", "request"),
        ("Prüfen Sie bitte die Firewall-Regeln.", "request"),
        ("Wann kommt der Techniker?", "question"),
        ("Ich frage mich, ob das Update schon installiert ist.", "question"),
        ("Ich werde das morgen früh prüfen.", "todo"),
        ("Ich melde mich, sobald ich mehr weiß.", "todo"),
        ("Der Drucker funktioniert seit gestern nicht.", "blocker"),
        ("Wir haben keinen Zugriff auf das Laufwerk, bitte helfen Sie.", "blocker"),
        ("Die Produktion steht still.", "blocker"),
        ("Der Vertrag läuft am 30.11. aus.", "deadline"),
        ("Please reset the password for Jane.", "request"),
        ("Could you send us the invoice.", "request"),
        ("Do you have an update on the migration?", "question"),
        ("I'll send the credentials tomorrow.", "todo"),
        ("We'll schedule the maintenance window.", "todo"),
        ("The VPN is down since this morning.", "blocker"),
        ("We cannot log in to the portal, can you help?", "blocker"),
        ("The licence expires on 3 March.", "deadline"),
        ("Viele Grüße", None),
        ("Vielen Dank!", None),
        ("Thanks a lot!", None),
        ("Der Server wurde gestern neu gestartet.", None),
        ("If you have any questions, please contact us.", None),
    ],
)
def test_classification(sentence: str, kind: str | None) -> None:
    assert classify(sentence, due_found="30.11." in sentence or "3 March" in sentence) == kind


@pytest.mark.parametrize(
    ("sentence", "settles"),
    [
        ("Das Problem ist behoben.", True),
        ("Danke, passt.", True),
        ("Der Drucker läuft wieder.", True),
        ("Das Postfach ist eingerichtet.", True),
        ("Works now, thanks!", True),
        ("All good now.", True),
        ("Das ist noch nicht erledigt.", False),
        ("Ist das schon behoben?", False),
        ("It is not fixed.", False),
        ("I fixed the cable but it is still not working.", False),
        ("Passt jetzt, danke!", True),
        ("Problem gelöst, danke.", True),
        ("Alles gut, danke!", True),
        ("Danke, klappt jetzt.", True),
        ("Hat sich erledigt.", True),
        ("Ist nicht mehr nötig.", True),
        ("Jetzt funktioniert es wieder.", True),
        ("All sorted, thanks!", True),
        ("That is no longer needed.", True),
        ("We are good now.", True),
        ("Passt jetzt nicht mehr.", False),
        ("Klappt wieder nicht.", False),
        ("Jetzt geht es wieder nicht.", False),
        ("Das Problem ist noch nicht gelöst.", False),
        ("The server is back online.", True),
        ("Thanks, that helped!", True),
        ("Everything is working fine now.", True),
        ("Emails are coming through again.", True),
        ("Der Server ist wieder erreichbar.", True),
        ("Vielen Dank, das hat geholfen!", True),
        ("Die Mails kommen wieder an.", True),
        ("Passt, danke!", True),
        ("Das hat leider nicht geholfen.", False),
        ("That hasn't helped.", False),
        ("The server is not back online yet.", False),
        ("Der Server ist immer noch nicht wieder erreichbar.", False),
        ("Is the server back online?", False),
    ],
)
def test_resolution_cues(sentence: str, settles: bool) -> None:
    assert is_resolution(sentence) is settles


def test_german_ticket_kinds_and_due_dates() -> None:
    x = _run("ticket_de.json")
    blocker = _point(x, "Drucker im 2. OG nicht")
    assert blocker.kind == "blocker" and blocker.raised_by == "it@acme.de"
    request = _point(x, "bis Freitag ansehen")
    assert request.kind == "request"
    assert request.due is not None and request.due.isoformat() == "2026-11-27"
    todo = _point(x, "ich kümmere mich")
    assert todo.kind == "todo" and todo.raised_by == "max.technik@provider.de"
    # Max's own commitment moves to Lena when she takes over from him
    assert [(c.old, c.new) for c in x.owner_changes if c.point_id == todo.id] == [
        ("max.technik@provider.de", "lena.support@provider.de")
    ]
    assert todo.owner == "lena.support@provider.de"
    assert todo.due is not None and todo.due.isoformat() == "2026-11-24"


def test_auto_reply_raises_no_points() -> None:
    x = _run("ticket_de.json")
    assert all(p.message_id != "<de-3@provider.de>" for p in x.points)
    assert not any("nicht im Büro" in s for s in x.summary)
    assert "<de-3@provider.de>" in x.message_ids


def test_take_over_changes_owner_and_records_it() -> None:
    x = _run("ticket_de.json", default_owner="anna.vertrieb@provider.de")
    blocker = _point(x, "Drucker im 2. OG nicht")
    changes = [c for c in x.owner_changes if c.point_id == blocker.id]
    assert [(c.old, c.new) for c in changes] == [
        ("anna.vertrieb@provider.de", "max.technik@provider.de"),
        ("max.technik@provider.de", "lena.support@provider.de"),
    ]
    assert changes[1].message_id == "<de-4@provider.de>"
    assert "übernehme" in changes[1].reason


def test_no_owner_change_recorded_from_nobody() -> None:
    x = _run("ticket_de.json")
    assert all(c.old is not None for c in x.owner_changes)
    assert _point(x, "bis Freitag ansehen").owner == "lena.support@provider.de"


def test_team_fix_resolves_the_fault_and_our_promise() -> None:
    x = _run("ticket_de.json")
    blocker = _point(x, "Drucker im 2. OG nicht")
    assert blocker.status == "resolved" and blocker.resolved_by == "<de-5@provider.de>"
    todo = _point(x, "ich kümmere mich")  # our promise is kept by our own "behoben"
    assert todo.resolved_by == "<de-5@provider.de>"
    again = _point(x, "genau?")  # asked after the confirmation: a new, open point
    assert again.status == "open" and again.message_id == "<de-6@acme.de>"


def test_messages_are_ordered_by_date() -> None:
    forward, backward = _run("ticket_de.json"), _run("ticket_de.json", reverse=True)
    assert [p.id for p in forward.points] == [p.id for p in backward.points]
    assert forward.owner_changes == backward.owner_changes


def test_repeated_question_keeps_first_point() -> None:
    x = _run("ticket_en.json")
    backup = [p for p in x.points if "backup job" in p.text]
    assert len(backup) == 1 and backup[0].message_id == "<en-1@customer.com>"


def test_english_thread_escalation_owner_and_resolution() -> None:
    x = _run("ticket_en.json")
    vpn = _point(x, "VPN access")
    assert vpn.kind == "request"
    # Sam's "I'll take care of it and send the credentials tomorrow" takes the request on: the
    # promised day (earlier than the customer's Friday) is its due date, no to-do beside it
    assert vpn.promise == "I'll take care of it and send the credentials tomorrow."
    assert vpn.due is not None and vpn.due.isoformat() == "2026-03-03"
    assert not [p for p in x.points if "send the credentials" in p.text]
    assert vpn.escalation is True  # "This is urgent." in the same message
    assert vpn.owner == "sam@provider.com"  # taken over without a previous owner: no change
    assert x.owner_changes == []
    assert all(p.status == "resolved" for p in x.points)
    assert {p.resolved_by for p in x.points} == {"<en-4@customer.com>"}


def test_team_addresses_count_as_team() -> None:
    thread, messages, _ = _load("ticket_en.json")
    x = read_thread(thread, messages, team=Team(addresses=("sam@provider.com",)))
    assert _point(x, "VPN access").owner == "sam@provider.com"
    assert _point(x, "VPN access").promise is not None  # Sam's promise took it on


def test_ids_are_stable_and_whitespace_insensitive() -> None:
    a, b = _run("ticket_de.json"), _run("ticket_de.json")
    assert [p.id for p in a.points] == [p.id for p in b.points]
    assert len({p.id for p in a.points}) == len(a.points)
    same = point_id("<m@x>", "Bitte prüfen Sie das.")
    assert point_id("<m@x>", "Bitte  prüfen\n Sie das.") == same
    assert point_id("<m@x>", "Bitte prüfen.") != point_id("<n@x>", "Bitte prüfen.")
    assert len(point_id("<m@x>", "a")) == 16


def test_point_texts_are_verbatim_from_own_text() -> None:
    _, messages, _ = _load("ticket_de.json")
    own = {m.message_id: m.own_text for m in messages}
    for p in _run("ticket_de.json").points:
        assert p.text in own[p.message_id]


def _msg(mid: str, sender: str, text: str, day: int, **kw: object) -> ParsedMessage:
    return parsed(mid, subject="[SWT#1] Export", from_addr=sender, text=text,
                  date=datetime(2026, 11, day, 9, 0, tzinfo=UTC), **kw)  # type: ignore[arg-type]


def test_a_question_asked_again_in_other_words_stays_one_point() -> None:
    msgs = [
        _msg("<1@p.de>", "s@provider.de", "Für den PDM-Zugang von Frau Wolf: Welche "
             "Projektordner soll sie sehen?", 24),
        _msg("<2@p.de>", "s@provider.de", "Offen ist nur noch der PDM-Zugang: Welche "
             "Projektordner soll Frau Wolf sehen?", 26),
    ]
    thread = Thread(thread_id="<1@p.de>", subject="PDM", message_ids=["<1@p.de>", "<2@p.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [p.message_id for p in x.points] == ["<1@p.de>"]


def test_the_same_question_about_another_number_is_another_point() -> None:
    msgs = [_msg(f"<{n}@k.de>", "k@kunde.de", f"Können Sie bitte bis Freitag den Drucker "
                 f"Nummer {n} prüfen?", 20 + n) for n in (1, 2)]
    thread = Thread(thread_id="<1@k.de>", subject="Drucker", message_ids=["<1@k.de>", "<2@k.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [p.message_id for p in x.points] == ["<1@k.de>", "<2@k.de>"]


def test_ticket_systems_closed_notice_resolves_but_raises_nothing() -> None:
    msgs = [
        _msg("<1@swt.de>", "k@swt.de", "Der Export bricht ab. Bitte prüfen Sie das.", 16),
        _msg("<2@swt.de>", "tickets@swt.de", "Ticket [SWT#1] wurde geschlossen. Bitte prüfen "
             "Sie die Daten.", 18, auto="auto-reply"),
    ]
    thread = Thread("<1@swt.de>", "Export", ["<1@swt.de>", "<2@swt.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert x.points and all(p.status == "resolved" and p.resolved_by == "<2@swt.de>"
                            for p in x.points)
    assert all(p.message_id == "<1@swt.de>" for p in x.points)


def test_out_of_office_resolves_nothing() -> None:
    msgs = [
        _msg("<1@swt.de>", "k@swt.de", "Bitte prüfen Sie den Export.", 16),
        _msg("<2@provider.de>", "max@provider.de", "Ich bin bis 27.11. nicht im Büro.", 17,
             auto="auto-reply"),
    ]
    thread = Thread("<1@swt.de>", "Export", ["<1@swt.de>", "<2@provider.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [p.status for p in x.points] == ["open"]


def test_our_takeover_changes_owner_without_becoming_a_point() -> None:
    msgs = [
        _msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
        _msg("<2@provider.de>", "sandra@provider.de", "Max ist krank, ich übernehme das Ticket.",
             17),
        _msg("<3@provider.de>", "sandra@provider.de", "Die Firmware kann die neuen "
             "TLS-Einstellungen nicht verarbeiten.", 18),
    ]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="max@provider.de")
    assert [p.message_id for p in x.points] == ["<1@acme.de>"]
    assert x.points[0].owner == "sandra@provider.de"
    assert [(c.old, c.new) for c in x.owner_changes] == [("max@provider.de",
                                                          "sandra@provider.de")]


@pytest.mark.parametrize("takeover", [
    "Ich vertrete Max diese Woche.",
    "Ich bin ab heute für Sie zuständig.",
    "Ab sofort bin ich Ihr Ansprechpartner.",
    "I am covering for Max this week.",
    "From now on I'm your point of contact.",
    "I have taken over this ticket from Max.",
    "I'll take it from here.",
    "I'll be looking after your account from now on.",
    "Ich habe das Ticket von Herrn Weber übernommen.",
])
def test_a_colleague_standing_in_becomes_the_owner(takeover: str) -> None:
    msgs = [
        _msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
        _msg("<2@provider.de>", "sandra@provider.de", takeover, 17),
    ]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="max@provider.de")
    assert [p.owner for p in x.points] == ["sandra@provider.de"]
    assert [(c.old, c.new) for c in x.owner_changes] == [("max@provider.de",
                                                          "sandra@provider.de")]


@pytest.mark.parametrize(("sentence", "escalates"), [
    ("Wir warten jetzt seit einer Woche auf eine Antwort.", True),
    ("Das ist jetzt das dritte Mal, dass ich nachfrage.", True),
    ("Wir warten immer noch auf den Techniker.", True),
    ("Bitte mit hoher Priorität behandeln.", True),
    ("We are still waiting for a reply.", True),
    ("This is the third time I am asking.", True),
    ("Ich warte auf Ihre Rückmeldung.", False),
    ("I am waiting for your reply.", False),
    ("Die Priorität ist niedrig.", False),
])
def test_a_customer_chasing_escalates(sentence: str, escalates: bool) -> None:
    msgs = [_msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
            _msg("<2@acme.de>", "k@acme.de", sentence, 20)]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    first = next(p for p in x.points if p.message_id == "<1@acme.de>")
    assert first.escalation is escalates


GERMAN_SET = Path(__file__).resolve().parents[1] / "benchmarks/quality/german/labels.tsv"


@pytest.mark.parametrize(
    ("sentence", "ours", "kind"),
    [
        ("Maybe we can grab lunch on Thursday to go over the budget.", False, "request"),
        ("I will send the credentials tomorrow.", True, "todo"),  # our promise: always tracked
        ("Could you reset the password for the shared mailbox?", False, "request"),
        ("Since the update the label printer is not working.", False, "blocker"),
    ],
)
def test_english_uses_the_intent_model_beside_the_rules(
    sentence: str, ours: bool, kind: str
) -> None:
    assert classify(sentence, False, "en", ours) == kind


def test_german_keeps_the_rules_alone() -> None:
    for sentence in ("Vielleicht können wir am Donnerstag zusammen essen gehen.",
                     "Ich schicke Ihnen die Zugangsdaten morgen.",
                     "Könnten Sie das Passwort für das Sammelpostfach zurücksetzen?"):  # fmt: skip
        assert classify(sentence, False, "de") == rule_kind(sentence)


def test_cues_match_across_line_breaks() -> None:
    assert classify("Bitte lassen Sie\ndie Ticketnummer im Betreff stehen.") is None
    assert classify("Können Sie sich das\nbitte heute noch ansehen?") == "request"
    assert is_resolution("Der Drucker funktioniert\nwieder.")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Ich wollte mal nachfragen, ob der neue Zugang schon eingerichtet ist.", "question"),
        ("Über eine kurze Rückmeldung würde ich mich freuen.", "request"),
        ("Morgen früh werde ich den Switch im Keller tauschen.", "todo"),
        ("Wir haben ein Problem mit dem VPN-Client auf den neuen Laptops.", "blocker"),
        ("Seit gestern haben wir keinen Fernzugang mehr.", "blocker"),
        ("Ich würde mich über eine Rückmeldung Ihrerseits sehr freuen.", "request"),
        ("Für die neuen Arbeitsplätze wollten wir ein Angebot bei Ihnen einholen.", "request"),
        ("Darüber müssen wir nächste Woche noch sprechen.", "request"),
        ("Hiermit beantrage ich einen zweiten VPN-Zugang für Frau Wolf.", "request"),
        ("Nun meine Frage: wird die Lizenz automatisch verlängert.", "question"),
        ("Bis Freitag erhalten Sie von mir das Angebot.", "todo"),
        ("Beim Update ist ein Fehler aufgetreten.", "blocker"),
        ("Es gibt das Problem, dass die Kollegen keine Mails senden können.", "blocker"),
        # the everyday help-desk forms
        ("Ich kann mich seit heute Morgen nicht mehr am VPN anmelden.", "blocker"),
        ("Wir können seit gestern keine Mails mehr senden.", "blocker"),
        ("Frau Wolf konnte gestern keine Rechnungen scannen.", "blocker"),
        ("Outlook hängt sich ständig auf.", "blocker"),
        ("Das Programm stürzt immer wieder ab.", "blocker"),
        ("Der Rechner friert beim Start ein.", "blocker"),
        ("Wir hätten gerne zwei weitere Lizenzen für Office.", "request"),
        ("Ich warte noch auf Ihre Rückmeldung zum Angebot.", "request"),
        ("Sie müssen das Passwort bis Freitag ändern.", "request"),
        ("Ist es möglich, den Zugang bis Montag freizuschalten.", "question"),
        ("Ich kann Ihnen das Angebot morgen schicken.", "todo"),
        ("Ich erledige das heute Nachmittag.", "todo"),
        ("Ich komme morgen um 9 Uhr vorbei.", "todo"),
        ("Ich leite das an unseren Netzwerkadmin weiter.", "todo"),
        ("Das Netzlaufwerk S: ist nicht mehr verbunden.", "blocker"),
        ('Beim Öffnen der Datei erscheint die Meldung "Zugriff verweigert".', "blocker"),
        ("Mein Passwort ist abgelaufen und ich komme nicht mehr rein.", "blocker"),
        ("Der Drucker im Lager zeigt Papierstau an.", "blocker"),
        ("Das WLAN im Besprechungsraum bricht ständig ab.", "blocker"),
        ("Mein Konto ist gesperrt.", "blocker"),
        ("Es kommen keine E-Mails mehr an.", "blocker"),
        ("Teams lädt nicht.", "blocker"),
        ("Der Scanner wird nicht mehr erkannt.", "blocker"),
        ("Wir kommen nicht auf den Server.", "blocker"),
        ("Wir bräuchten noch eine zweite Lizenz.", "request"),
        ("Haben Sie das Angebot schon erhalten", "question"),
        ("Wir spielen das Update heute Abend ein.", "todo"),
        ("Der Techniker kommt am Donnerstag um 10 Uhr vorbei.", "todo"),
        ("Ich bestelle die Laptops noch heute.", "todo"),
        ("Wir tauschen den Drucker am Montag aus.", "todo"),
        # the third round: polite imperatives, wishes to meet, colloquial promises
        ("Wählen Sie im Menü den Punkt Konten aus.", "request"),
        ("Starten Sie bitte den Rechner neu.", "request"),
        ("Ich würde das gerne telefonisch mit Ihnen besprechen.", "request"),
        ("Dazu würde ich mich gerne nächste Woche mit Ihnen treffen.", "request"),
        ("Ich würde mich freuen, wenn Sie am Termin teilnehmen.", "request"),
        ("Freue mich, von Ihnen zu hören.", "request"),
        ("Es ist wichtig, dass Sie vorher alle Dateien speichern.", "request"),
        ("Sagt mir Bescheid, wer mitkommt.", "request"),
        ("Ich sag Ihnen dann Bescheid.", "todo"),
        ("Ich schreib ihm morgen eine Mail.", "todo"),
        ("Ich bin mir nicht sicher, ob das Backup gelaufen ist.", "question"),
        ("Es ist ärgerlich, dass der Drucker schon wieder nicht funktioniert.", "blocker"),
        ("Der Server ist seit heute Morgen nicht erreichbar.", "blocker"),
        # the fourth round, grown on our German train set
        ("Da der Zugang abläuft, wollte ich Sie fragen, ob Sie ihn verlängern.", "question"),
        ("Ich hätte noch eine Frage zur Rechnung.", "question"),
        ("Herr Kern fragt daher, ob der Termin verschoben werden kann.", "question"),
        ("Ich würde vorschlagen, das Update auf Montag zu legen.", "request"),
        ("Ich ersuche Sie, den Zugang freizuschalten.", "request"),
        ("Ich wäre Ihnen sehr dankbar, wenn Sie das prüfen.", "request"),
        ("Ich würde mich über Feedback sehr freuen.", "request"),
        ("Ich hoffe auf eine baldige Rückmeldung.", "request"),
        ("Mit der Bitte um Erledigung verbleibe ich.", "request"),
        ("Bezüglich der Lizenzen benötige ich nur die Kundennummer.", "request"),
        ("Am besten telefonieren wir morgen kurz.", None),
        ("Am besten, wir telefonieren morgen kurz.", "request"),
        ("Die genaue Adresse muss ich noch nachschauen.", "todo"),
        ("Frag ich morgen beim Hersteller nach.", "todo"),
        ("Mit dem neuen Treiber komme ich nicht weiter.", "blocker"),
        ("Leider ist es mir nicht möglich, die Datei zu öffnen.", "blocker"),
        ("Ich bekomme keine Verbindung zum Server.", "blocker"),
        ("Die Tür zum Serverraum schließt nicht.", "blocker"),
        ("Das ist im System aber noch nicht möglich.", "blocker"),
        ("Leider konnte mir bei der Hotline niemand weiterhelfen.", "blocker"),
        ("Der Support antwortet seit Tagen nicht.", "blocker"),
        ("Beim Import kommt eine NullPointerException.", "blocker"),
        ("Ich wäre Ihnen sehr verbunden, wenn Sie das bis Freitag erledigen.", "request"),
        ("Es wäre sehr schön, wenn wir uns vor Ostern treffen.", "request"),
        ("Teilen Sie mir bitte Ihre IBAN mit.", "request"),
        ("Was ich jetzt brauche, ist eine kurze Bestätigung.", "request"),
        ("Ich kann morgen beim Hersteller nachfragen.", "todo"),
        ("Deshalb würden wir gerne wissen, ob der Server noch Garantie hat.", "question"),
        ("Möchte ich natürlich gern wissen, ob das Update schon eingespielt ist.", "question"),
        ("Andererseits würde ich mich sehr freuen, wenn Sie das Angebot prüfen.", "request"),
        ("Ich würde mich über eine Rückmeldung mit Auskunft darüber sehr freuen.", "request"),
        ("Freue mich über eure Meinung zum neuen Ablauf.", "request"),
        ("Ich bin ganz neu hier und wäre für Ihre Hilfe sehr dankbar.", "request"),
        ("Über eine Antwort wäre ich Ihnen wirklich sehr dankbar.", "request"),
        ("Dazu würde ich mir nähere Informationen wünschen.", "request"),
        ("Hiermit möchte ich gerne einen zweiten Zugang beantragen.", "request"),
        ("Ich möchte einen Termin für die Schulung vereinbaren.", "request"),
        ("Ich würde gerne, wenn möglich, die Details am Telefon abstimmen.", "request"),
        ("Ich hoffe, mir kann jemand weiterhelfen.", "request"),
        ("Ich warte eigentlich noch auf Ihre Entscheidung.", "request"),
        ("Es wäre auch toll, wenn ihr die Laptops mitbringt.", "request"),
        ("Bräuchte ich nur noch Ihre Kundennummer.", "request"),
        ("Wäre es o.k., den Termin zu verschieben", "request"),
        ("Habe eine Frage: müssen wir morgen um 9 Uhr dort sein.", "question"),
        ("Wann kommt denn endlich der Techniker?!", "question"),
        ("Mit dem neuen Router habe ich aber das gleiche Problem.", "blocker"),
        ("Mein Problem ist, daß die Abrechnung die falschen Kurse verwendet.", "blocker"),
        ("Beim Abruf kamen einfach keine Werte an.", "blocker"),
        ("Werde das Protokoll morgen an Herrn Voigt weitergeben.", "todo"),
        ("Frage sehr gerne beim Hersteller nach.", "todo"),
        ("Ich bemühe mich, die offenen Punkte schnellstmöglich zu erledigen.", "todo"),
        ("Sobald die Zahlen da sind, komme ich nochmal auf Sie zu.", "todo"),
        ("Ich kann morgen an der Originalverpackung noch nachsehen.", "todo"),
        ("Bei der Hotline erreiche ich niemanden.", "blocker"),
        ("Die Abrechnung ist leider nicht korrekt.", "blocker"),
        ("Die Geräte erhalten keinen guten Empfang.", "blocker"),
        ("Ich würde sehr gerne an Ihrer Schulung am Dienstag teilnehmen.", "request"),
        ("Wir hätten auch schon einen Terminvorschlag: der 29. August.", "request"),
        ("Ich hoffe, ich höre bald von Ihnen.", "request"),
        ("Wir warten schon dringend auf eine baldige Lösung!", "request"),
        ("Hiermit möchte ich Euch recht herzlich zur Jahresversammlung am 4. Juni einladen.",
         "request"),
        ("Ich, Kundennummer 280751, möchte gerne mein Abo kündigen.", "request"),
        # help-desk faults from a check list of our own (no corpus had them)
        ("Der Drucker im Empfang zieht kein Papier mehr ein.", "blocker"),
        ("Frau Müller bekommt die Meldung, dass ihr Kennwort abgelaufen ist.", "blocker"),
        ("Das Problem besteht weiterhin.", "blocker"),
        ("Leider tritt der Fehler immer noch auf.", "blocker"),
        ("Der Fehler tritt nur bei Excel-Dateien auf.", "blocker"),
        ("Die Mails kommen beim Empfänger nicht an.", "blocker"),
        ("Die Telefonanlage klingelt nicht mehr.", "blocker"),
        ("Wir erreichen die Website seit heute Morgen nicht.", "blocker"),
        ("Der Monitor flackert ständig.", "blocker"),
        ("Uns fehlen noch die Zugangsdaten für das neue Portal.", "request"),
        ("Um eine kurze Rückmeldung wird gebeten.", "request"),
        ("Wäre nett, wenn sich jemand das anschaut.", "request"),
        ("Wir haben das Problem, dass der Scanner nicht druckt.", "blocker"),
        ("Wir haben immer noch das Problem.", "blocker"),
        ("Unser Drucker zeigt den Fehler E-302.", "blocker"),
        ("Der Laptop fährt nicht mehr hoch.", "blocker"),
        ("Das Programm schließt sich einfach.", "blocker"),
        ("Das Angebot folgt separat.", "todo"),
        ("Sie erhalten in Kürze eine Rechnung.", "todo"),
        ("Wir spielen das Update heute Abend ein.", "todo"),
        ("Für die Schulung möchte ich folgende Räume bestellen:", "request"),
        ("Ich möchte gerne informiert werden, wenn das Update verfügbar ist.", "request"),
        ("Aber das können wir ja nächste Woche klären.", "request"),
        ("Eine weitere Frage von mir wäre, wann die letzte Rate fällig ist.", "question"),
        ("Eine Frage hätte ich noch zum neuen Tarif.", "question"),
    ],
)
def test_german_service_mail_phrases(sentence: str, kind: str) -> None:
    assert classify(sentence, False, "de") == kind


@pytest.mark.parametrize("sentence", [
    "Outlook keeps crashing when I open attachments.",
    "The shared drive is not accessible.",
    "My account is locked.",
    "Emails are not coming through since 9am.",
    "I am locked out of the CRM.",
    "Nobody in accounting can print since this morning.",
    "We are getting an error when saving invoices.",
    "The printer on the 2nd floor won't print.",
    "Outlook won't start since the update.",
    "Sarah gets a message that her password has expired.",
    "The VPN connection drops every few minutes.",
    "The problem still persists.",
    "Unfortunately the error still occurs.",
    "An error message appears when saving.",
    "Emails are not arriving at the recipient.",
    "The phone system no longer rings.",
    "The headset is not recognised.",
    "The monitor keeps flickering.",
    "Nothing happens when I click the button.",
    "The app freezes every time I open a report.",
    "The issue is back.",
    "We have the same issue on three other PCs.",
    "We have had no internet since this morning.",
    "Our printer shows error E-302.",
    "The program just closes.",
])
def test_english_help_desk_faults_are_blockers(sentence: str) -> None:
    assert classify(sentence, False, "en") == "blocker"


@pytest.mark.parametrize("sentence", [
    "Sie erreichen mich unter 0711 123456.",
    "Kontaktieren können Sie mich telefonisch oder per E-Mail.",
    "Ich sende Ihnen hiermit die Unterlagen für das Projekt.",
    "Ich kann Ihnen das leider nicht schicken.",
    "Ich kann das leider nicht prüfen.",
    "Haben Sie noch Fragen, stehe ich gerne zur Verfügung.",  # a condition, not a question
    "Ich freue mich auf morgen.",
    "Wir haben heute das neue Büro bezogen.",
    "Der alte Zugang wird nicht mehr benötigt.",
    "Ich war heute beim Kunden.",
    "Leider konnte ich sie am Donnerstag nicht abgeben.",
    "Ich finde ein Treffen morgen Abend sinnvoll.",
    # apologies and pleas for patience use "bitte" but ask nothing
    "Ich bitte vielmals um Entschuldigung für die späte Antwort.",
    "Bitte entschuldigen Sie die Verzögerung.",
    "Wir bitten um Ihr Verständnis.",
    "Sie müssen nichts weiter tun.",
    "Sollten Sie noch Fragen haben, stehe ich gerne zur Verfügung.",
    "Hiermit sende ich Ihnen die Zugangsdaten.",
    "Frau Kern ist bis Freitag im Urlaub und nicht erreichbar.",
    "Falls das nicht funktioniert, ist der Router schuld.",
    # past tense is no plea, a named request is none, sending with this mail is done
    "Leider konnten Sie gestern nicht dabei sein.",
    "Gestern wurden Sie vom Kollegen angerufen.",
    "Ich habe Ihre Bitte um Rückruf erst heute gesehen.",
    "Die Protokolle kannst du dir in Moodle herunterladen.",
    "Im Anhang schicke ich Ihnen die Rechnung.",
    "Anbei sende ich Ihnen das Protokoll der Sitzung.",
    "Wir werden sehen.",
    # a hedge is no commitment, wondering is no promise, gladness to have heard asks nothing
    "Ich werde hoffentlich im Sommer wieder nach Italien fahren.",
    "Wir werden wahrscheinlich nächste Woche zusammen hinfahren.",
    "Und jetzt frage ich mich, ob sich das noch lohnt.",
    "Hab mich sehr gefreut, von euch zu hören.",
    "Spenden gibt es!?!",
    "Ich möchte mein Abo nicht kündigen.",
    # a denied need asks nothing; an out-of-office notice is a person away, not a fault
    "Eine Freigabe der Geschäftsführung brauchen wir nicht, Ihre Mail reicht uns.",
    "Wir brauchen keine weitere Hilfe.",
    "Ich brauche das nicht mehr.",
    "Herr Weber ist laut Abwesenheitsnotiz nicht erreichbar.",
    "Wir haben den Server seit heute Morgen neu gestartet.",  # "seit heute Morgen" is past
    "Wir haben das Problem an den Hersteller eskaliert.",  # a report, no fault of its own
    "Ein LED-Anzug, damit man klar erkennt, dass er nicht dazu gehört.",
    # a ticket system's reply instructions
    "Antworten Sie auf diese E-Mail, um dem Ticket einen Kommentar hinzuzufügen.",
    "Bitte antworten Sie oberhalb dieser Zeile.",
])
def test_german_contact_and_cover_lines_are_no_points(sentence: str) -> None:
    assert classify(sentence, False, "de") is None


@pytest.mark.parametrize(("name", "least"), [
    ("labels.tsv", 150), ("heldout2.tsv", 150), ("dev3.tsv", 150), ("heldout4.tsv", 150),
    ("heldout5.tsv", 300), ("dev6.tsv", 400), ("train.tsv", 3000),
])
def test_german_benchmark_sets_are_well_formed(name: str, least: int) -> None:
    rows = [line.split("\t") for line in (GERMAN_SET.parent / name).read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(rows) >= least
    assert all(len(r) == 3 and r[1] in ("none", *POINT_KINDS) and r[2].strip() for r in rows)
    assert (GERMAN_SET.parent / "PROVENANCE.md").exists()


def test_german_sets_share_no_mail() -> None:
    """A test set's mails must be in no development or train set, or its figure is not held out."""
    mails = {}
    for name in ("labels.tsv", "heldout2.tsv", "dev3.tsv", "heldout4.tsv", "heldout5.tsv",
                 "dev6.tsv", "train.tsv"):
        text = (GERMAN_SET.parent / name).read_text(encoding="utf-8")
        mails[name] = {line.split("\t")[0] for line in text.splitlines()
                       if line and not line.startswith("#")}
    names = list(mails)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not mails[a] & mails[b], (a, b)


def test_closed_notice_without_auto_header_resolves_too() -> None:
    msgs = [
        _msg("<1@swt.de>", "k@swt.de", "Der Export bricht ab. Bitte prüfen Sie das.", 16),
        _msg("<2@swt.de>", "tickets@swt.de", "Ihr Ticket wurde bearbeitet. Bitte prüfen Sie die "
             "Daten.", 18, headers={"x-ticket-state": "closed"}),
    ]
    thread = Thread("<1@swt.de>", "Export", ["<1@swt.de>", "<2@swt.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert x.points and all(p.status == "resolved" for p in x.points)
    assert all(p.message_id == "<1@swt.de>" for p in x.points)


def test_points_carry_their_sentence_number_in_the_message() -> None:
    text = ("Guten Morgen Frau Kern. Der Drucker im 2. OG druckt nicht. Wir haben alles neu "
            "gestartet. Können Sie bitte heute noch vorbeikommen?")
    msgs = [_msg("<1@acme.de>", "k@acme.de", text, 9)]
    x = read_thread(Thread("<1@acme.de>", "Drucker", ["<1@acme.de>"]), msgs,
                       team=Team(("provider.de",)))
    # the greeting is no content sentence and is not counted
    assert [(p.kind, p.position) for p in x.points] == [("blocker", 0), ("request", 2)]


@pytest.mark.parametrize("sentence", [
    "Reply to this email to add a comment to the ticket.",
    "Please type your reply above this line.",
])
def test_english_ticket_reply_instructions_are_no_points(sentence: str) -> None:
    assert classify(sentence, False, "en") is None


def test_a_plea_to_reply_by_a_date_still_asks() -> None:
    assert classify("Antworten Sie bitte auf diese E-Mail bis Freitag.", True, "de") == "request"


@pytest.mark.parametrize("sentence", [
    "Also, I've assumed that we won't send Dennis any of the data.",
    "If your trial has expired, just do nothing.",
    "What made it worse was the freezing weather.",
])
def test_english_look_alikes_of_faults_are_no_blockers(sentence: str) -> None:
    assert classify(sentence, False, "en") != "blocker"


@pytest.mark.parametrize("sentence", [
    "I still need the serial number of the device.",
    "We urgently need on-site support.",
    "We are waiting for your feedback.",
    "Awaiting your reply.",
])
def test_english_needs_and_waiting_ask(sentence: str) -> None:
    assert classify(sentence, False, "en") == "request"


def _handover_thread(handover: str, cc: list[str]) -> ThreadExtract:
    from dataclasses import replace

    msgs = [
        _msg("<1@acme.de>", "k@acme.de", "Bitte richten Sie zwei Konten ein.", 16),
        replace(_msg("<2@provider.de>", "max.weber@provider.de", handover, 17), cc=cc),
        _msg("<3@acme.de>", "k@acme.de", "Bitte auch ein Postfach für Frau Wolf.", 18),
    ]
    thread = Thread("<1@acme.de>", "Konten", [m.message_id for m in msgs])
    return read_thread(thread, msgs, team=Team(("provider.de",)),
                          default_owner="max.weber@provider.de")


@pytest.mark.parametrize("handover", [
    "Ich bin ab Montag im Urlaub, Herr Klein übernimmt meine Tickets.",
    "Frau Klein vertritt mich bis Freitag.",
    "Ich übergebe das Ticket an Herrn Klein.",
    "Mark will take over my tickets while I am away.",
    "I am handing this over to Mark.",
])
def test_a_handover_to_a_named_colleague_changes_the_owner(handover: str) -> None:
    x = _handover_thread(handover, cc=["mark.klein@provider.de"])
    assert [p.owner for p in x.points] == ["mark.klein@provider.de"] * 2  # and the later one
    assert [(c.old, c.new, c.reason) for c in x.owner_changes] == [
        ("max.weber@provider.de", "mark.klein@provider.de", handover)]


def test_a_handover_to_a_name_we_cannot_resolve_changes_nothing() -> None:
    x = _handover_thread("Herr Klein übernimmt meine Tickets.", cc=[])  # no address for Klein
    assert [p.owner for p in x.points] == ["max.weber@provider.de"] * 2
    assert x.owner_changes == []
    assert all("übernimmt" not in p.text for p in x.points)  # and it is no task either


def test_a_commitment_for_a_named_colleague_is_theirs() -> None:
    msgs = [
        _msg("<1@bl.co.uk>", "oliver@bl.co.uk", "Could you prepare five laptops by Friday?", 19),
        _msg("<2@provider.de>", "emma.clarke@provider.de",
             "Tom will prepare the five laptops by Friday.", 20),
    ]
    thread = Thread("<1@bl.co.uk>", "Leeds", [m.message_id for m in msgs])
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="emma.clarke@provider.de",
                       colleague_addresses=("tom.hughes@provider.de",))
    # the promise takes on Oliver's request: one point, Tom's, with the promise beside it
    assert len(x.points) == 1
    request = _point(x, "Could you prepare")
    assert request.owner == "tom.hughes@provider.de"
    assert request.promise == "Tom will prepare the five laptops by Friday."
    # without an address for Tom, the writer keeps it
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="emma.clarke@provider.de")
    assert _point(x, "Could you prepare").owner == "emma.clarke@provider.de"
    # a promise on another topic is a to-do of its own
    msgs[1] = _msg("<2@provider.de>", "emma.clarke@provider.de",
                   "Tom will renew the firewall licence by Friday.", 20)
    x = read_thread(thread, msgs, team=Team(("provider.de",)),
                       default_owner="emma.clarke@provider.de",
                       colleague_addresses=("tom.hughes@provider.de",))
    assert _point(x, "Could you prepare").promise is None
    assert _point(x, "Tom will renew").owner == "tom.hughes@provider.de"


@pytest.mark.parametrize(("sentence", "language"), [
    ("I am checking with the vendor.", "en"),
    ("We're looking into it.", "en"),
    ("Let me check and get back to you.", "en"),
    ("Ich schaue es mir an.", "de"),
    ("Ich schaue es mir morgen früh an und melde mich.", "de"),
])
def test_our_own_promises_in_everyday_words_are_to_dos(sentence: str, language: str) -> None:
    assert classify(sentence, False, language, True) == "todo"


def test_let_me_know_still_asks() -> None:
    assert classify("Let me know when it works.", False, "en") == "request"


def _answer_thread(*mails: tuple[str, str]) -> ThreadExtract:
    msgs = [_msg(f"<{i}@x>", sender, text, 16 + i) for i, (sender, text) in enumerate(mails)]
    thread = Thread("<0@x>", "Konten", [m.message_id for m in msgs])
    return read_thread(thread, msgs, team=Team(("provider.de",)),
                          default_owner="max.weber@provider.de")


@pytest.mark.parametrize(("asked", "reply"), [
    ("Welche CAD-Lizenzen sollen die beiden bekommen – SolidWorks Standard oder Professional?",
     "Hallo Herr Weber, beide bekommen SolidWorks Standard."),
    ("Could you send me the firmware version shown under Settings > About on one of the "
     "scanners?", "The scanners show firmware 4.2.1 (build 2207)."),
    ("Passt Ihnen der Termin?", "Der Termin passt uns leider nicht."),
    # a compound's head: "Ordner" answers "Projektordner"
    ("Für den PDM-Zugang von Frau Wolf: Welche Projektordner soll sie sehen?",
     "Frau Wolf braucht nur die Ordner Konstruktion und Vertrieb."),
    ("Unser Vorschlag: Samstag, 05.12.2026, 06:00 bis 10:00 Uhr.",
     "Der 05.12. geht bei uns nicht, an dem Wochenende läuft die Jahresablesung."),
])
def test_our_question_is_settled_by_the_customers_answer(asked: str, reply: str) -> None:
    x = _answer_thread(("max.weber@provider.de", asked), ("k@acme.de", reply))
    point = _point(x, asked[:20])
    assert point.kind in ("question", "request")
    assert point.status == "resolved" and point.resolved_by == "<1@x>"


@pytest.mark.parametrize("reply", [
    "Das kläre ich intern und melde mich wegen der Lizenzen.",  # a promise to find out
    "Welche Lizenzen empfehlen Sie denn?",  # a question back
    "Die Rechner stehen schon im Lager im EG.",  # another topic
])
def test_a_reply_that_does_not_answer_leaves_our_question_open(reply: str) -> None:
    x = _answer_thread(("max.weber@provider.de", "Welche CAD-Lizenzen sollen die beiden "
                        "bekommen – SolidWorks Standard oder Professional?"), ("k@acme.de", reply))
    assert _point(x, "CAD-Lizenzen").status == "open"


def test_our_statement_answers_a_customers_question_but_not_their_request() -> None:
    x = _answer_thread(
        ("k@acme.de", "Brauchen Sie dafür noch eine schriftliche Freigabe der Geschäftsführung? "
                      "Bitte richten Sie bis Freitag zwei Konten für die neuen Kollegen ein."),
        ("max.weber@provider.de", "Eine Freigabe der Geschäftsführung brauchen wir nicht. "
                                  "Die Konten für die neuen Kollegen sind in Arbeit."),
    )
    assert _point(x, "Freigabe").status == "resolved"
    assert _point(x, "Konten").status == "open"  # talking about a task does not do it


def test_an_answer_from_the_same_side_settles_nothing() -> None:
    x = _answer_thread(("k@acme.de", "Wann kommt der Techniker für den Drucker?"),
                       ("b@acme.de", "Der Techniker für den Drucker kommt sicher bald."))
    assert _point(x, "Techniker").status == "open"


@pytest.mark.parametrize(("sentence", "language"), [
    ("Unser Vorschlag: Samstag, 05.12.2026, 06:00 bis 10:00 Uhr.", "de"),
    ("Wir schlagen für die Umstellung den 12.12. vor.", "de"),
    ("Our proposal is Saturday 5 December for the migration.", "en"),
    ("How about Saturday, 5 December?", "en"),
])
def test_a_date_put_forward_asks_and_is_not_due(sentence: str, language: str) -> None:
    msgs = [_msg("<1@provider.de>", "j@provider.de", sentence, 20, language=language)]
    thread = Thread("<1@provider.de>", "Wartung", ["<1@provider.de>"])
    x = read_thread(thread, msgs, team=Team(("provider.de",)))
    assert [(p.kind, p.due) for p in x.points] == [("question", None)]


def test_our_promise_takes_on_the_customers_request_and_its_date() -> None:
    x = _answer_thread(
        ("k@acme.de", "Bitte erneuern Sie das Zertifikat bis zum 30.11., damit es zu keiner "
                      "Unterbrechung kommt."),
        ("sandra@provider.de", "ich kümmere mich darum und erneuere das Zertifikat bis "
                               "Freitag, 27.11."),
        ("sandra@provider.de", "Die Erneuerung des Zertifikats verschiebt sich, ich erneuere "
                               "das Zertifikat bis zum 04.12."),
    )
    assert len(x.points) == 1  # one task, not a request and two promises
    request = x.points[0]
    assert request.owner == "sandra@provider.de"
    assert request.promise is not None and "04.12." in request.promise  # the latest promise
    assert request.due is not None and request.due.isoformat() == "2026-11-30"  # theirs binds
    assert [(c.old, c.new) for c in x.owner_changes] == [
        ("max.weber@provider.de", "sandra@provider.de")]


@pytest.mark.parametrize(("fault", "detail", "language"), [
    ("Unsere Außendienstler können sich seit gestern nicht mehr per VPN anmelden.",
     "Die Fehlermeldung lautet „Die Identität des Servers konnte nicht überprüft werden“.", "de"),
    ("Der Scanner im 2. OG funktioniert nicht mehr.",
     "Es erscheint die Meldung „Papierstau“, obwohl kein Papier drin ist.", "de"),
    ("Since this morning nobody can log in to the portal.",
     "The error says 'invalid certificate'.", "en"),
])
def test_what_a_fault_looks_like_is_part_of_its_point(fault: str, detail: str,
                                                      language: str) -> None:
    msgs = [_msg("<1@acme.de>", "k@acme.de", f"{fault} {detail} Bitte helfen Sie uns.", 20,
                 language=language)]
    x = read_thread(Thread("<1@acme.de>", "VPN", ["<1@acme.de>"]), msgs,
                       team=Team(("provider.de",)))
    blocker = _point(x, fault[:25])
    assert blocker.kind == "blocker" and blocker.text == f"{fault} {detail}"
    assert sum(1 for p in x.points if p.kind == "blocker") == 1
    # the same detail after a question is a sentence of its own
    msgs = [_msg("<1@acme.de>", "k@acme.de", f"Wann kommt der Techniker? {detail}", 20,
                 language=language)]
    x = read_thread(Thread("<1@acme.de>", "VPN", ["<1@acme.de>"]), msgs,
                       team=Team(("provider.de",)))
    assert all(p.text != f"Wann kommt der Techniker? {detail}" for p in x.points)


def test_a_request_put_to_a_colleague_by_name_is_theirs_through_a_takeover() -> None:
    from dataclasses import replace

    msgs = [
        _msg("<1@acme.de>", "k@acme.de", "Das VPN geht seit gestern nicht mehr. "
             "Frau Berger, bitte behalten Sie das im Blick.", 20),
        replace(_msg("<2@provider.de>", "lukas.schmidt@provider.de",
                     "Ich kümmere mich darum.", 21), cc=["anna.berger@provider.de"]),
    ]
    x = read_thread(Thread("<1@acme.de>", "VPN", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)), default_owner="max.weber@provider.de")
    assert _point(x, "Frau Berger").owner == "anna.berger@provider.de"
    assert _point(x, "VPN").owner == "lukas.schmidt@provider.de"  # the rest follows Lukas
    # without an address for Frau Berger, the request follows the thread's owner
    msgs[1] = replace(msgs[1], cc=[])
    x = read_thread(Thread("<1@acme.de>", "VPN", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)), default_owner="max.weber@provider.de")
    assert _point(x, "Frau Berger").owner == "lukas.schmidt@provider.de"


def test_a_colleague_of_the_customer_asking_again_or_chasing_is_the_same_point() -> None:
    msgs = [_msg("<1@acme.de>", "k.lang@acme.de", "Welche Lizenzen brauchen wir für die "
                 "neuen Kollegen?", 16),
            _msg("<2@acme.de>", "chefin@acme.de", "Welche Lizenzen brauchen wir denn nun für "
                 "die neuen Kollegen? Wir warten jetzt seit einer Woche auf eine Antwort.", 20)]
    x = read_thread(Thread("<1@acme.de>", "Lizenzen", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)))
    (point,) = [p for p in x.points if "Lizenzen" in p.text]
    assert point.message_id == "<1@acme.de>" and point.escalation is True
    # the same words from our side are our own point, not theirs asked again
    msgs[1] = _msg("<2@provider.de>", "max@provider.de", "Welche Lizenzen brauchen wir denn "
                   "nun für die neuen Kollegen?", 20)
    x = read_thread(Thread("<1@acme.de>", "Lizenzen", [m.message_id for m in msgs]), msgs,
                       team=Team(("provider.de",)))
    assert len([p for p in x.points if "Lizenzen" in p.text]) == 2


def test_an_answer_settles_only_the_question_it_speaks_to() -> None:
    x = _answer_thread(
        ("max.weber@provider.de", "Welche CAD-Lizenzen sollen die beiden bekommen, SolidWorks "
                                  "Standard oder Professional? Welche Projektordner soll Frau "
                                  "Wolf im PDM sehen?"),
        ("k@acme.de", "Beide bekommen SolidWorks Standard."),
    )
    assert _point(x, "CAD-Lizenzen").status == "resolved"
    assert _point(x, "Projektordner").status == "open"


@pytest.mark.parametrize(("sentence", "kind"), [
    ("If the link above does not work, please copy the address into your browser.", "request"),
    ("Falls der Drucker nicht druckt, rufen Sie uns bitte an.", "request"),
    ("In case the VPN fails again, call me.", "request"),
    ("If I open Outlook it crashes.", "blocker"),  # a fault the writer has
    ("Wenn ich drucke, stürzt Word ab.", "blocker"),  # "wenn" is also "when"
    ("If possible, please fix the broken printer.", "blocker"),  # the fault is not in the if
])
def test_a_fault_that_might_happen_is_no_blocker(sentence: str, kind: str) -> None:
    assert rule_kind(sentence) == kind


def test_a_point_the_contact_reopened_is_settled_only_by_later_mail() -> None:
    mails = [("max.weber@provider.de", "Welche CAD-Lizenzen sollen die beiden bekommen, "
              "SolidWorks Standard oder Professional?"),
             ("k@acme.de", "Beide bekommen SolidWorks Standard.")]
    x = _answer_thread(*mails)
    (point,) = x.points
    assert point.resolved_by == "<1@x>"
    msgs = [_msg(f"<{i}@x>", sender, text, 16 + i) for i, (sender, text) in enumerate(mails)]
    thread = Thread("<0@x>", "Konten", [m.message_id for m in msgs])
    reopened = {point.id: datetime(2026, 11, 18, 12, 0, tzinfo=UTC)}  # after the answer
    x = read_thread(thread, msgs, team=Team(("provider.de",)), reopened=reopened)
    assert x.points[0].status == "open"
    msgs.append(_msg("<2@x>", "k@acme.de", "Korrektur: beide bekommen SolidWorks Professional.",
                     19))
    x = read_thread(thread, msgs, team=Team(("provider.de",)), reopened=reopened)
    assert x.points[0].status == "resolved" and x.points[0].resolved_by == "<2@x>"


@pytest.mark.parametrize("promise", [
    "I'll take care of it and get back to you by Wednesday.",
    "Ich schaue mir das bis Freitag an.",
    "Wir kümmern uns bis Montag darum.",
])
def test_a_promise_on_it_takes_on_the_one_request_of_the_mail_it_answers(promise: str) -> None:
    x = _answer_thread(("k@acme.de", "Der Scanner im 2. OG geht nicht. Können Sie sich das "
                                     "bitte ansehen?"),
                       ("tom@provider.de", promise))
    request = _point(x, "Können Sie")
    assert request.promise == promise and request.owner == "tom@provider.de"
    assert request.due is not None
    assert [p.kind for p in x.points] == ["blocker", "request"]  # no separate to-do


def test_a_promise_on_it_after_two_requests_stays_a_todo_of_its_own() -> None:
    x = _answer_thread(("k@acme.de", "Können Sie sich den Scanner ansehen? Bitte richten Sie "
                                     "auch ein Postfach für Frau Wolf ein."),
                       ("tom@provider.de", "I'll take care of it by Wednesday."))
    assert all(p.promise is None for p in x.points)
    assert _point(x, "take care").kind == "todo"


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Zwei Laptops (AD-NB-07 und AD-NB-12) melden aber weiterhin „Zertifikat ungültig“.",
     "blocker"),
    ("The scanner still shows \"Server not reachable\".", "blocker"),
    ("Outlook keeps giving an error message.", "blocker"),
    ("Das Display zeigt weiterhin die Uhrzeit.", None),
    ("Quora keeps throwing mouth-watering insults at me:", None),
])
def test_an_error_that_persists_is_a_blocker(sentence: str, kind: str | None) -> None:
    assert rule_kind(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Der Drucker im Empfang druckt nur noch leere Seiten.", "blocker"),
    ("Seit dem Update startet Outlook nur noch im abgesicherten Modus.", "blocker"),
    ("Mir ist aufgefallen, dass die Datensicherung seit drei Tagen fehlschlägt.", "blocker"),
    ("Die Synchronisation schlägt seit Montag fehl.", "blocker"),
    ("Das Backup ist heute Nacht wieder fehlgeschlagen.", "blocker"),
    ("Wir haben weiterhin Probleme mit dem WLAN im Besprechungsraum.", "blocker"),
    ("Der Zugang für Herrn Lang fehlt noch.", "request"),
    ("Die Rechnung haben wir noch nicht erhalten.", "request"),
    ("Wir warten noch auf das Angebot.", "request"),
    ("Ich habe keine Probleme mit dem neuen Termin.", None),
    ("Es geht nur noch um die Unterschrift.", None),
    ("Offen ist nur noch der PDM-Zugang.", None),
])
def test_service_desk_faults_and_missing_things_in_german(sentence: str, kind: str | None) -> None:
    assert rule_kind(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The printer at reception only prints blank pages.", "blocker"),
    ("Last night's backup failed again.", "blocker"),
    ("The sync has been failing since Monday.", "blocker"),
    ("We are still having problems with the wifi in the meeting room.", "blocker"),
    ("The account for Tom is still missing.", "request"),
    ("We haven't received the invoice yet.", "request"),
    ("I have no problems with the new date.", None),
    ("I haven't received Jeff's powerpoint e-mail...", None),  # Parakweet train: No
])
def test_service_desk_faults_and_missing_things_in_english(sentence: str,
                                                           kind: str | None) -> None:
    assert rule_kind(sentence) == kind
