"""The conversational acts beside the point kinds: each cue with sentences it must and must not
match (the examples are the specification; add one when a rule changes)."""

from __future__ import annotations

import pytest

from mailsum.extract import acts

DONE = [
    "Ich habe ein neues Kennwort gesetzt und im Scanner hinterlegt.",
    "Ich habe den Timeout erhöht und am Notebook das Energiesparen abgeschaltet.",
    "Frau Fink fehlte die Gruppe „Lohn-Mandanten“, die habe ich eben ergänzt.",
    "Ich habe es entsperrt, Sie können wieder scannen.",
    "Wir haben den Drucker ausgetauscht.",
    "I've renewed hallam-reeve.example for two years.",
    "I've set it back to 16 GB and restarted the SQL service over lunch.",
    "I've started it again and it's working through the backlog now.",
    "We replaced the switcher's power supply this morning.",
    "Done for Daniel: account disabled at 17:00.",
    # the result said of the thing (passive)
    "Der Drucker wurde getauscht.",
    "Das Postfach ist jetzt eingerichtet.",
    "die Grafikkarte im LW-PC2 ist getauscht, der Treiber neu installiert.",
    "Your account has been unlocked.",
    "All six partners are now on the Authenticator app with number matching.",
    "The DKIM records are published and Arbor has switched on signing.",
    "Thanks – Arbor is now in the SPF record.",
]
NOT_DONE = [
    "Ich habe mir die DATEV-Rechte angesehen.",  # looked at it
    "Ich habe beim Händler nachgehakt.",  # chased
    "Ich habe den Kassenhersteller angeschrieben, ob die TSE getauscht werden muss.",  # wrote to
    "Ich habe Herrn Vogt zurückgerufen.",  # called back
    "Ich habe den Fall an Herrn Aydın gegeben.",  # passed on
    "Den zweiten Monitor habe ich heute bestellt.",  # ordered, not delivered
    "Ich habe das noch nicht eingerichtet.",  # negated
    "Sobald ich das Zertifikat erneuert habe, melde ich mich.",  # a condition
    "Haben Sie den Rechner schon neu gestartet?",  # a question
    "I've asked Alan Stroud at CaseBridge about the extra license.",  # asked
    "I've started looking into it.",  # progress
    "I haven't fixed it yet.",  # negated
    "Done by Friday, as promised.",  # a date, not a report
    "We need the printer urgently.",
    # passive, but a fault, a plan, a person's state or a condition
    "Der Server ist heute Nacht abgestürzt.",
    "Frau Nowak ist seit Dienstag erkrankt.",
    "Das Ticket wurde an den Hersteller weitergeleitet.",
    "Der Drucker ist noch nicht getauscht.",
    "Sobald das Zertifikat erneuert ist, melde ich mich.",
    "Das Problem ist, dass der Toner getauscht werden muss.",
    "Ihre Mail ist bei uns angekommen.",
    "The meeting has been moved to Monday.",
    "The printer is now offline.",
    "Your data is now being migrated.",
    "The printer is located in room 2.",
    "The office is closed on Friday.",
    "The licences are ordered.",
    "Zu ArchiCAD: Ihre Lizenzen sind alle belegt (8 von 8).",
    "Das Problem ist bekannt.",
    # an admission, and a part that arrived: no work done on the matter
    "Der Router war beim Distributor nicht lieferbar, wir haben das zu spät bemerkt.",
    "Der Router ist heute früh bei uns eingetroffen, Herr Yıldız richtet ihn heute vor.",
    "We only realised it on Friday.",
]


@pytest.mark.parametrize("sentence", DONE)
def test_a_report_of_work_done(sentence: str) -> None:
    assert acts.reports_done(sentence)


@pytest.mark.parametrize("sentence", NOT_DONE)
def test_progress_questions_and_negations_report_nothing_done(sentence: str) -> None:
    assert not acts.reports_done(sentence)


def test_a_very_long_sentence_is_no_report() -> None:
    """The matching work is bounded: a report of work done is an ordinary sentence."""
    assert not acts.reports_done("Ich habe " + "sehr " * 2000 + "eingerichtet.")


@pytest.mark.parametrize("sentence", [
    "Vielen Dank!", "Klappt jetzt, danke Ihnen!", "Thank you Ravi and Gemma, much appreciated.",
    "Thanks!", "Night and day – batch entry is fast again. Thank you Sofia!",
])
def test_thanks(sentence: str) -> None:
    assert acts.thanks(sentence)


@pytest.mark.parametrize("sentence", [
    "Danke, können Sie auch den Drucker prüfen?",  # thanks, but it asks
    "Thanksgiving is on Thursday.", "Wir bedanken uns für die Einladung",
])
def test_no_thanks(sentence: str) -> None:
    assert not acts.thanks(sentence)


@pytest.mark.parametrize("sentence", [
    "meine Antworten stehen unten im Text (mit [SL] markiert).", "Answers inline.",
    "See my comments below.", "Anmerkungen direkt in Ihrer Mail.", "Siehe unten.",
])
def test_answers_inline(sentence: str) -> None:
    assert acts.answers_inline(sentence)


@pytest.mark.parametrize("sentence", [
    "Die Antwort kommt morgen.", "I'll answer tomorrow.", "Unten im Keller steht der Server.",
])
def test_no_inline_answers(sentence: str) -> None:
    assert not acts.answers_inline(sentence)


@pytest.mark.parametrize("sentence", [
    "We'd be delighted if you could join us for our Christmas drinks on Friday 18 December.",
    "Wir laden Sie herzlich zu unserer Weihnachtsfeier am 17.12. ein.",
    "Bitte geben Sie bis 10.12. Bescheid, ob Sie kommen.",
    "Do let Claire know if you can make it.",
    "You are invited to our summer party.",
])
def test_invitations(sentence: str) -> None:
    assert acts.invites(sentence)


@pytest.mark.parametrize("sentence", [
    "Können Sie vorbeikommen und den Drucker ansehen?",  # a visit to do work
    "Please join the new laptops to the domain.",
    "Bitte laden Sie die Rechnung als PDF hoch.",
    "The meeting invite crashes Outlook.",  # an invite, but no occasion for us to attend
])
def test_no_invitations(sentence: str) -> None:
    assert not acts.invites(sentence)


@pytest.mark.parametrize("sentence", [
    "Ich komme sehr gern vorbei!", "Wir sind gern dabei.", "I'd love to come.",
    "Count me in.", "We'll be there.",
])
def test_accepting_an_invitation(sentence: str) -> None:
    assert acts.accepts(sentence)


@pytest.mark.parametrize("sentence", [
    "Ich tausche den Toner morgen.", "I'll send the quote on Tuesday.",
    "Wir prüfen das bis Freitag.",
])
def test_no_acceptance(sentence: str) -> None:
    assert not acts.accepts(sentence)


@pytest.mark.parametrize("sentence", [
    "Still disconnecting, twice this morning.", "It still doesn't work.",
    "Unfortunately not, same error as before.", "Geht leider immer noch nicht.",
    "Gleiche Fehlermeldung wie vorher.", "Der Scanner streikt schon wieder.",
    "Die Verbindung bricht weiterhin ab.",
    # the fault came back
    "Unfortunately it dropped again twice this morning.", "The VPN dropped again at 9:40.",
    "No, it happened again.", "The printer is jamming again.",
    "Der Scanner ist heute wieder ausgefallen.", "Leider ist das Problem heute wieder aufgetreten.",
    "Die Verbindung ist erneut abgebrochen.",
    "The fourth (asset tag T-0417) still loops at the Authenticator screen.",
    "Rebecca's iPad still asks several times a day.",
])
def test_objections(sentence: str) -> None:
    assert acts.objects(sentence)


@pytest.mark.parametrize("sentence", [
    "Es läuft immer noch stabil, danke!", "Still working fine, thanks.",
    "Ich bin noch bis 17 Uhr im Büro.", "Works now.",
    "It works again, thanks!", "Funktioniert wieder, danke!", "Thanks again for the quick fix.",
    "I'll try again tomorrow.", "Der Server ist wieder da.", "Ich melde mich wieder.",
    "The drops stopped after your change.", "Seit dem Update ist nichts wieder aufgetreten.",
    "It hasn't happened again since Tuesday.", "The VPN has not dropped again.",
    "Three of the four tablets are fine now.", "It still works after the reboot.",
])
def test_no_objections(sentence: str) -> None:
    assert not acts.objects(sentence)


@pytest.mark.parametrize("sentence", [
    "Could you test it and let me know?", "Bitte geben Sie mir bis Donnerstag Bescheid, ob "
    "die Verbindung jetzt stabil bleibt.", "Probieren Sie es bitte noch einmal.",
    "Bitte um eine kurze Bestätigung bis Mittwoch, 11.11.", "Please confirm by Friday.",
])
def test_feedback_requests(sentence: str) -> None:
    assert acts.asks_feedback(sentence)


@pytest.mark.parametrize("sentence", [
    "Welche Projektordner soll Frau Wolf sehen?", "Could you send me the serial number?",
    "Bitte schicken Sie uns die Bestätigung des Herstellers.",
    "Could you confirm the serial number of the second laptop?",
])
def test_questions_that_want_an_answer(sentence: str) -> None:
    assert not acts.asks_feedback(sentence)


@pytest.mark.parametrize("sentence", [
    "Quote attached for three Latitude 5450 laptops.", "Please find attached the offer.",
    "Anbei das Angebot für den zweiten Drucker.", "Im Anhang finden Sie das Protokoll.",
])
def test_sent_with_this_mail(sentence: str) -> None:
    assert acts.sends_now(sentence)


@pytest.mark.parametrize("sentence", [
    "I'll send the quote tomorrow.", "Das Angebot schicke ich Ihnen nächste Woche.",
    "The attachment did not open.",
])
def test_not_sent_with_this_mail(sentence: str) -> None:
    assert not acts.sends_now(sentence)


def test_answers_between_quoted_lines() -> None:
    inline = "Hallo,\n\n> Welche Version ist installiert?\n7.2.4\n\n> WLAN oder Kabel?\nWLAN\n"
    assert acts.interleaved(inline)
    top_posted = "Danke!\n\n> Welche Version ist installiert?\n> WLAN oder Kabel?\n"
    assert not acts.interleaved(top_posted)
    bottom_posted = "> Welche Version ist installiert?\n> WLAN oder Kabel?\n\n7.2.4, WLAN\n"
    assert not acts.interleaved(bottom_posted)  # one answer below: the topic test decides
