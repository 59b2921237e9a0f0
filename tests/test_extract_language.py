"""German reads by the rules alone, English by the intent model beside them; the German
benchmark sets the rules are measured on are well formed and held out."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailsum.extract.points import classify, rule_kind
from mailsum.models import POINT_KINDS


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


GERMAN_SET = Path(__file__).resolve().parents[1] / "benchmarks/quality/german/labels.tsv"


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
