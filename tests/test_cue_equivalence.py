"""Issue 21's screened cue tables give exactly the results of the plain regexes they replace.

Every sentence of the bundled sample and of ../shared/corpora (mail parsed to its own text and
its lines, every line of the sentence corpora; the corpus part is skipped when they are
absent) is classified
old (``tests/cue_reference.py``) and new; every table's matches are compared (position, text);
and every thread of the sample and of the corpora's mail gets identical points, owner changes
and summary with the old matching swapped in.
"""

from __future__ import annotations

import mailbox
import re
from collections.abc import Iterator
from pathlib import Path

import cue_reference as ref
import pytest
from corpus import CORPORA, corpus_messages

from mailsum.analysis import thread
from mailsum.errors import ParseError
from mailsum.extract import acts, cues, dates, points
from mailsum.models import ParsedMessage, Team
from mailsum.parse.message import parse_message
from mailsum.text import screen
from mailsum.text.formulae import without_formulae
from mailsum.text.segment import split_sentences

REPO = Path(__file__).resolve().parents[1]
MAIL_DIRS = ("zammad-mail-fixtures", "raw-email-fixtures", "threading", "codealltag-s-german",
             "codealltag-xl-finance-sample", "quagga-email-zoning")


def _sample() -> list[bytes]:
    box = mailbox.Maildir(REPO / "examples" / "mailbox", factory=None, create=False)
    return [box.get_bytes(k) for k in sorted(box.iterkeys())]


def _corpus_mail() -> list[bytes]:
    if not CORPORA.is_dir():
        return []
    return [data for name in MAIL_DIRS for _, data in
            corpus_messages(CORPORA / name, {".yml", ".json", ".md", ".tsv", ".ann"})]


def _parsed(raws: list[bytes]) -> list[ParsedMessage]:
    out = []
    for data in raws:
        try:
            out.append(parse_message(data))
        except ParseError:
            continue
    return out


def _lines_of_every_file() -> Iterator[str]:
    """Every line of the corpora that are sentences, not mail (bc3, Parakweet, AESLC; the mail
    corpora come in through their parsed own text)."""
    for path in sorted(CORPORA.rglob("*")):
        if path.is_file() and path.relative_to(CORPORA).parts[0] not in MAIL_DIRS:
            yield from path.read_bytes().decode("utf-8", "replace").splitlines()


@pytest.fixture(scope="module")
def messages() -> list[ParsedMessage]:
    return _parsed(_sample()) + _parsed(_corpus_mail())


@pytest.fixture(scope="module")
def sentences(messages: list[ParsedMessage]) -> list[str]:
    found: list[str] = []
    for m in messages:
        found += split_sentences(without_formulae(m.own_text))
        found += m.text.splitlines()
    if CORPORA.is_dir():
        found += [line for line in _lines_of_every_file() if len(line) < 3000]
    found = list(dict.fromkeys(s for s in found if s.strip()))
    assert len(found) > (50_000 if CORPORA.is_dir() else 100)
    return found


def test_every_table_finds_the_same_matches(sentences: list[str]) -> None:
    for name, old in ref.OLD.items():
        new = getattr(cues, name)
        for s in sentences:
            text = " ".join(s.split())
            a = [(m.start(), m.group(0)) for m in new.finditer(text)]
            b = [(m.start(), m.group(0)) for m in old.finditer(text)]
            assert a == b, (name, text)


def _plain_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same sentence rules over the plain regexes, computed, not remembered."""
    for name, old in ref.OLD.items():
        monkeypatch.setattr(cues, name, old)
    monkeypatch.setattr(points, "rule_kind", points.rule_kind.__wrapped__)
    monkeypatch.setattr(points, "is_resolution", points.is_resolution.__wrapped__)
    monkeypatch.setattr(acts, "reports_done", acts.reports_done.__wrapped__)
    monkeypatch.setattr(points, "parse_due", dates.parse_due.__wrapped__)


def _sentence_tests(sentences: list[str]) -> list[tuple[object, ...]]:
    return [(points.rule_kind(s, False), points.rule_kind(s, True), points.is_resolution(s),
             points._reports_blocker(" ".join(s.split()))) for s in sentences]


def test_every_sentence_gets_the_same_kind_and_tests(sentences: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    new = _sentence_tests(sentences)
    _plain_matching(monkeypatch)
    old = _sentence_tests(sentences)
    for s, a, b in zip(sentences, new, old, strict=True):
        assert a == b, s


def test_remembered_sentence_tests_equal_computed_ones(sentences: list[str]) -> None:
    sample = sentences[:: max(1, len(sentences) // 20_000)]
    when = parse_message(_sample()[0]).date
    for s in sample:
        assert acts.reports_done(s) == acts.reports_done.__wrapped__(s), s
        for language in ("de", "en"):
            assert dates.parse_due(s, when, language) == dates.parse_due.__wrapped__(
                s, when, language), s


def _extract_all(messages: list[ParsedMessage]) -> list[object]:
    out = []
    for t in thread.thread_messages(messages):
        ms = [m for m in messages if m.message_id in set(t.message_ids)]
        out.append(points.extract_thread(t, ms, team=Team(("provider.de",)),
                                         default_owner="max.weber@provider.de"))
    return out


def test_every_thread_gets_identical_points(messages: list[ParsedMessage],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    new = _extract_all(messages)
    _plain_matching(monkeypatch)
    old = _extract_all(messages)
    assert len(new) == len(old) > 10
    assert new == old


def test_case_folding_covers_every_code_point() -> None:
    """A text character that re.IGNORECASE matches to a keyword letter folds to that letter."""
    letters = {c for t in screen_tables() for keys in t.keys for k in keys or () for c in k}
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    for c in letters:
        for ch in re.compile(re.escape(c), re.IGNORECASE).findall(every):
            assert ch.translate(screen._FOLD).lower() == c, f"U+{ord(ch):04X} ~ {c!r}"


def screen_tables() -> list[screen.PhraseTable]:
    return cues.SCREEN.tables


@pytest.mark.parametrize(("phrase", "keys"), [
    (r"k[öo]nnen sie", {"können", "konnen"}),
    (r"k(?:ö|oe)nnten sie", {"könnten", "koennten"}),
    (r"(?:i|we) (?:would )?suggest", {"suggest"}),
    (r"(?<!to )please", {"please"}),
    (r"\w*exception", None),  # "NullPointerException": no word starts with a keyword
])
def test_keywords(phrase: str, keys: set[str] | None) -> None:
    found = screen.keywords(phrase)
    assert (set(found) if found is not None else None) == keys
