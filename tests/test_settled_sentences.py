"""What a sentence settles and what it reports, where the words alone mislead: a settled state
asked for or expected is no resolution, a fault to be avoided in future is no fault now."""

from __future__ import annotations

import pytest

from mailsum.extract.points import is_resolution, rule_kind


@pytest.mark.parametrize("sentence", [
    "Ich erwarte, dass das bis Freitag behoben ist.",
    "Bitte bestätigen Sie, dass es erledigt ist.",
    "We need it fixed by Monday.",
    "It has to be sorted before the audit.",
    "Das muss bis Freitag erledigt sein.",
    "Callum promised the tablets would be fixed by Wednesday.",
    "Sie hatten zugesagt, dass es bis Mittwoch behoben ist.",
])
def test_a_settled_state_asked_for_settles_nothing(sentence: str) -> None:
    assert not is_resolution(sentence)


@pytest.mark.parametrize("sentence", [
    "Das Problem ist behoben.", "The issue is fixed.", "Wie besprochen ist es jetzt behoben.",
    "Ich habe es behoben, bitte testen Sie.", "Fixed by restarting the service.",
    "Resolved by Owen on Monday.",
])
def test_a_settled_state_reported_settles(sentence: str) -> None:
    assert is_resolution(sentence)


@pytest.mark.parametrize("sentence", [
    "Schicken Sie mir bitte bis Ende des Monats ein Angebot, wie wir so einen Ausfall künftig "
    "vermeiden.",
    "Could you send us a proposal on how to prevent another outage?",
])
def test_a_fault_to_be_avoided_is_an_ask_not_a_fault(sentence: str) -> None:
    assert rule_kind(sentence) == "request"


@pytest.mark.parametrize("sentence", [
    "Seit Montag ist die Warenwirtschaft morgens so langsam, dass die Bestellungen nicht "
    "rechtzeitig durchkommen.",
    "The guest Wi-Fi is very slow.",
])
def test_slowness_is_a_fault(sentence: str) -> None:
    assert rule_kind(sentence) == "blocker"
