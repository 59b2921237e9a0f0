"""The English intent model and how extract combines it with the cue rules."""

from __future__ import annotations

import json

import pytest

from mailsum.extract import cues, intent
from mailsum.extract.points import classify, combine, rule_kind


def test_model_is_trained_on_the_train_split_only() -> None:
    data = json.loads(intent.MODEL.read_text(encoding="utf-8"))
    assert "train split" in data["trained_on"]
    assert "test" not in data["trained_on"]


def test_each_rule_verdict_has_a_threshold_between_0_and_1() -> None:
    for kind in ("request", "question", "todo", None):
        assert 0.0 < intent.threshold(kind) < 1.0


@pytest.mark.parametrize("kind", ["request", "todo"])
def test_a_rule_hit_stays_exactly_from_its_threshold(kind: str) -> None:
    t = intent.threshold(kind)
    assert combine("Could we talk on Friday?", kind, t) == kind
    assert combine("Could we talk on Friday?", kind, t - 1e-6) is None


def test_a_sentence_no_rule_caught_needs_the_none_threshold() -> None:
    t = intent.threshold(None)
    assert combine("Lunch on Thursday works.", None, t - 1e-6) is None
    assert combine("Lunch on Thursday works.", None, t) == "request"
    assert combine("We will bring the slides.", None, t) == "todo"  # a promise, not a request
    assert combine("The report is due Friday.", "deadline", t - 1e-6) == "deadline"


@pytest.mark.parametrize(
    "sentence",
    ["Has anyone here tried the new build server?", "Does the export also work for PDFs?"],
)
def test_english_questions_stay_the_rules_call(sentence: str) -> None:
    assert classify(sentence, False, "en") == "question"


def test_probability_rises_with_request_wording() -> None:
    plain = "The meeting was long."
    asking = "Could you please send me the report by Friday?"
    assert intent.probability(asking, rule_kind(asking)) > intent.probability(plain, None)


def test_a_clause_after_a_greeting_word_is_no_greeting() -> None:
    assert classify("Hey call me when you're on the net.", False, "en") == "request"
    assert not cues.IGNORE_RE.match("Best of all, the room has a projector now.")


@pytest.mark.parametrize(
    "sentence",
    ["Hi Jeff,", "Dear Mr. and Mrs. Smith,", "Sehr geehrte Damen und Herren,",
     "Viele Grüße aus Berlin, Max Mustermann", "Best regards, John", "Thanks, Erick"],
)
def test_greetings_and_closings_are_still_ignored(sentence: str) -> None:
    assert classify(sentence, False, "en") is None
    assert classify(sentence, False, "de") is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("If you cannot log in, please call us.", "request"),
        ("Falls Sie keinen Zugriff haben, melden Sie sich bitte.", "request"),
        ("I cannot log in since this morning.", "blocker"),
        ("If you try it, you will see it doesn't work.", "blocker"),  # reported after the if
        ("Seit gestern haben wir keinen Fernzugang mehr.", "blocker"),
    ],
)
def test_a_fault_in_an_if_you_clause_is_no_blocker(sentence: str, kind: str) -> None:
    assert rule_kind(sentence) == kind


@pytest.mark.parametrize(
    "sentence",
    ["If you are not the intended recipient, please notify the sender immediately.",
     "Falls Sie diese E-Mail irrtümlich erhalten haben, informieren Sie bitte den Absender."],
)
def test_a_legal_footer_is_no_request(sentence: str) -> None:
    assert classify(sentence, False, "en") is None
    assert classify(sentence, False, "de") is None
