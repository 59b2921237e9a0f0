"""Extractive summaries: verbatim, bounded, recent-leaning, and never touching NLTK data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from builders import parsed
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from mailsum.extract.points import extract_thread
from mailsum.models import ParsedMessage, Team, Thread
from mailsum.text.summarize import summarize

REPO = Path(__file__).resolve().parents[1]

GERMAN = [
    "Der Drucker im zweiten Stock druckt seit Montag keine Etiketten mehr.",
    "Wir haben den Druckertreiber neu installiert, aber die Etiketten fehlen weiterhin.",
    "Das Wetter ist heute schön.",
    "Der Techniker tauscht morgen die Etikettenrolle und prüft den Druckertreiber.",
    "In der Kantine gibt es Suppe.",
    "Nach dem Tausch der Etikettenrolle druckt der Drucker wieder Etiketten.",
]
ENGLISH = [
    "The VPN gateway drops connections for remote staff every evening.",
    "Our lunch order arrived late.",
    "We updated the VPN gateway firmware but remote connections still drop.",
    "The office plants need water.",
    "After the second firmware update the VPN gateway keeps remote connections stable.",
]


@pytest.mark.parametrize(("sentences", "language"), [(GERMAN, "de"), (ENGLISH, "en")])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_summary_is_verbatim_bounded_and_in_order(
    sentences: list[str], language: str, count: int
) -> None:
    out = summarize(sentences, count, language)
    assert len(out) == count
    assert all(s in sentences for s in out)
    assert [sentences.index(s) for s in out] == sorted(sentences.index(s) for s in out)


@pytest.mark.parametrize(("sentences", "language"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_summary_prefers_central_sentences(sentences: list[str], language: str) -> None:
    out = summarize(sentences, 2, language)
    off_topic = {"Das Wetter ist heute schön.", "In der Kantine gibt es Suppe.",
                 "Our lunch order arrived late.", "The office plants need water."}  # fmt: skip
    assert not off_topic & set(out)


def test_short_input_is_returned_without_sumy(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise AssertionError("sumy must not run for short threads")

    monkeypatch.setattr(TextRankSummarizer, "rate_sentences", boom)
    assert summarize(ENGLISH[:3], 3, "en", method="textrank") == ENGLISH[:3]
    assert summarize([], 3, "de", method="textrank") == []


def test_duplicates_are_returned_once() -> None:
    sentences = [ENGLISH[0], ENGLISH[0], ENGLISH[2], ENGLISH[4]]
    out = summarize(sentences, 3, "en")
    assert len(out) == len(set(out)) == 3


def test_weights_favour_recent_sentences() -> None:
    same = [
        "Backup job failed on server one tonight.",
        "Backup job failed on server two tonight.",
        "Backup job failed on server three tonight.",
    ]
    assert summarize(same, 1, "en", weights=[1.0, 1.0, 1.5]) == [same[2]]
    assert summarize(same, 1, "en", weights=[1.5, 1.0, 1.0]) == [same[0]]


def test_stop_words_ship_with_sumy() -> None:
    assert {"und", "der", "nicht"} <= get_stop_words("german")
    assert {"and", "the", "not"} <= get_stop_words("english")


def _messages(texts: list[str]) -> list[ParsedMessage]:
    return [parsed(f"<m{i}@acme.de>", from_addr="it@acme.de", text=t, language="de",
                   date=datetime.fromisoformat(f"2026-11-2{i}T09:00:00+00:00"))
            for i, t in enumerate(texts)]


def test_thread_summary_respects_count_and_ratio() -> None:
    msgs = _messages([" ".join(GERMAN[:3]), " ".join(GERMAN[3:])])
    thread = Thread(msgs[0].message_id, "Drucker", [m.message_id for m in msgs])
    two = extract_thread(thread, msgs, team=Team(("provider.de",)), summary_sentences=2)
    assert len(two.summary) == 2 and all(s in GERMAN for s in two.summary)
    half = extract_thread(thread, msgs, team=Team(("provider.de",)), summary_ratio=0.5)
    assert len(half.summary) == 3
    tiny = extract_thread(thread, msgs, team=Team(("provider.de",)), summary_ratio=0.01)
    assert len(tiny.summary) == 1


def test_thread_summary_skips_greetings_and_auto_replies() -> None:
    msgs = _messages(["Hallo zusammen,\n\n" + " ".join(GERMAN) + "\n\nViele Grüße\nAnna", "x"])
    msgs[1].own_text = "Ich bin bis Montag nicht im Büro und lese keine E-Mails."
    msgs[1].auto = "auto-reply"
    thread = Thread(msgs[0].message_id, "Drucker", [m.message_id for m in msgs])
    out = extract_thread(thread, msgs, summary_sentences=10).summary
    assert out == GERMAN


def test_no_nltk_data_is_needed(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json, sys
        import nltk, nltk.data

        def refuse(*args, **kwargs):
            raise SystemExit("NLTK data requested: %r" % (args,))

        nltk.download = refuse
        nltk.data.load = refuse
        nltk.data.find = refuse
        from mailsum.text.summarize import summarize
        from mailsum.text.segment import SumyTokenizer
        print(json.dumps([summarize(json.loads(sys.argv[1]), 2, "de"),
                          summarize(json.loads(sys.argv[2]), 2, "en"),
                          SumyTokenizer("german").to_sentences("Ein Satz. Noch einer.")]))
        """
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(GERMAN), json.dumps(ENGLISH)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    german, english, split = json.loads(done.stdout)
    assert len(german) == 2 and set(german) <= set(GERMAN)
    assert len(english) == 2 and set(english) <= set(ENGLISH)
    assert split == ["Ein Satz.", "Noch einer."]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("sentences", "language"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_sumy_textrank_stays_available(sentences: list[str], language: str) -> None:
    out = summarize(sentences, 2, language, method="textrank")
    assert len(out) == 2 and set(out) <= set(sentences)
    assert not {"Das Wetter ist heute schön.", "Our lunch order arrived late."} & set(out)


def test_default_method_is_our_ranker(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise AssertionError("the default summary must not run sumy")

    monkeypatch.setattr(TextRankSummarizer, "rate_sentences", boom)
    assert len(summarize(ENGLISH, 2, "en")) == 2
    with pytest.raises(ValueError):
        summarize(ENGLISH, 2, "en", method="nope")
