"""Faults that block the customer: what is one, what only looks like one, what it carries."""

from __future__ import annotations

import pytest
from extracthelp import msg, point_with

from mailsum.extract.points import classify, read_thread, rule_kind
from mailsum.models import Team, Thread


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
    "Also, I've assumed that we won't send Dennis any of the data.",
    "If your trial has expired, just do nothing.",
    "What made it worse was the freezing weather.",
])
def test_english_look_alikes_of_faults_are_no_blockers(sentence: str) -> None:
    assert classify(sentence, False, "en") != "blocker"


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
    msgs = [msg("<1@acme.de>", "k@acme.de", f"{fault} {detail} Bitte helfen Sie uns.", 20,
                 language=language)]
    x = read_thread(Thread("<1@acme.de>", "VPN", ["<1@acme.de>"]), msgs,
                       team=Team(("provider.de",)))
    blocker = point_with(x, fault[:25])
    assert blocker.kind == "blocker" and blocker.text == f"{fault} {detail}"
    assert sum(1 for p in x.points if p.kind == "blocker") == 1
    # the same detail after a question is a sentence of its own
    msgs = [msg("<1@acme.de>", "k@acme.de", f"Wann kommt der Techniker? {detail}", 20,
                 language=language)]
    x = read_thread(Thread("<1@acme.de>", "VPN", ["<1@acme.de>"]), msgs,
                       team=Team(("provider.de",)))
    assert all(p.text != f"Wann kommt der Techniker? {detail}" for p in x.points)


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
