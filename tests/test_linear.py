"""Issue 19: the regular expressions that see mail text run in linear time, with the same
matches as before.

Two kinds of proof. The adversarial inputs of the issue, at four times its sizes, go through
parse → thread → extract and the command parser in a subprocess with a generous timeout: the
old quadratic patterns needed minutes there (20,000 '?': 13 s at the issue's size, so 200 s at
4×), linear ones need about a second. And each rewritten pattern is compared with its
backtracking original (derived from it by dropping the possessive '+' and the added
look-behind) on every line and sentence of the bundled sample and the corpora: same spans.
"""

from __future__ import annotations

import mailbox
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import CORPORA, corpus_messages

from mailsum.errors import ParseError
from mailsum.extract import cues
from mailsum.parse import quotes
from mailsum.parse.message import parse_message
from mailsum.replies import commands
from mailsum.text import segment
from mailsum.text.segment import split_sentences

REPO = Path(__file__).resolve().parents[1]

PIPELINE = textwrap.dedent('''
    import sys
    from mailsum.analysis import thread
    from mailsum.extract import cues, points
    from mailsum.models import Team
    from mailsum.parse import quotes
    from mailsum.parse.message import parse_message
    from mailsum.replies import commands
    from mailsum.text import segment

    n = int(sys.argv[1])
    bodies = {
        "spaces": "Bitte pruefen.\\n" + " " * n + "\\nDanke\\n",
        "spaces in a line": "Bitte pruefen Sie das." + " " * n + "x\\n",
        "tabs": "Bitte pruefen.\\n" + "\\t" * (2 * n) + "\\nDanke\\n",
        "question marks": "Geht das" + "?" * n + "x\\n",
        "dots": "Geht das" + "." * n + "x\\n",
        "closings": "Hallo,\\nbitte pruefen.\\n" + "Mit freundlichen Grüßen\\n" * (n // 2),
        "rules": "Hallo,\\nbitte pruefen.\\n" + "_____\\n" * (n // 2),
    }
    for name, body in bodies.items():
        raw = ("From: k.lang@acme-maschinenbau.de\\nTo: it@provider.de\\n"
               "Subject: [ACME-1] x\\nDate: Mon, 23 Nov 2026 09:00:00 +0100\\n"
               "Message-ID: <m1@x.de>\\nContent-Type: text/plain; charset=utf-8\\n\\n" + body)
        m = parse_message(raw.encode())
        (t,) = thread.thread_messages([m])
        points.extract_thread(t, [m], team=Team(("provider.de",)),
                              default_owner=None, colleague_addresses=(), reopened={})
        commands.parse_commands(m.text)
    # the patterns named in the issue, each on the input that made it slow
    for text in (" " * n + "x", "\\t" * (2 * n) + "x", "\\n" * n + "x", " \\n" * n + "x"):
        for p in (quotes._DISCLAIMER, quotes._SEPARATOR, quotes._APOLOGY, commands._STOP,
                  cues.QUESTION_START_RE, quotes._LOTUS_LINE):
            p.match(text)
    for text in ("?" * n + "x", "." * n + "x", "!" * n + "x", "? " * n + "x"):
        list(segment._BOUNDARY.finditer(text))
        cues.QUESTION_END_RE.search(text)
    print("done")
''')


def test_adversarial_mail_text_takes_linear_work() -> None:
    """80,000 spaces, 160,000 tabs, 80,000 '?' and '.', 40,000 closing lines, in a minute."""
    done = subprocess.run([sys.executable, "-c", PIPELINE, "80000"], capture_output=True,
                          text=True, timeout=120, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"


# ------------------------------------------------------------------ same matches as before


def _backtracking(pattern: str) -> re.Pattern[str]:
    """The pattern as it was: greedy instead of possessive, no added look-behind."""
    old = pattern.replace("(?<![.!?…])", "").replace("*+", "*").replace("++", "+")
    assert old != pattern
    return re.compile(old, re.IGNORECASE if pattern.islower() else 0)


PAIRS = {
    "quotes._DISCLAIMER": (quotes._DISCLAIMER, "match"),
    "quotes._SEPARATOR": (quotes._SEPARATOR, "match"),
    "quotes._APOLOGY": (quotes._APOLOGY, "match"),
    "quotes._HEADER": (quotes._HEADER, "match"),
    "quotes._LOTUS_LINE": (quotes._LOTUS_LINE, "match"),
    "commands._STOP": (commands._STOP, "match"),
    "cues.QUESTION_START_RE": (cues.QUESTION_START_RE, "match"),
    "segment._BOUNDARY": (segment._BOUNDARY, "finditer"),
}


def _texts() -> Iterator[str]:
    sample = mailbox.Maildir(REPO / "examples" / "mailbox", factory=None, create=False)
    raws = [sample.get_bytes(k) for k in sorted(sample.iterkeys())]
    if CORPORA.is_dir():
        for name in ("zammad-mail-fixtures", "raw-email-fixtures", "threading", "bc3",
                     "codealltag-s-german"):
            raws += [data for _, data in corpus_messages(CORPORA / name, {".yml", ".json",
                                                                           ".md", ".tsv"})]
    for data in raws:
        try:
            msg = parse_message(data)
        except ParseError:
            continue
        yield from msg.text.splitlines()
        yield from split_sentences(msg.own_text)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = list(dict.fromkeys(_texts()))
    assert len(found) > 1000
    return found


@pytest.mark.parametrize("name", PAIRS)
def test_a_rewritten_pattern_matches_exactly_as_its_original(name: str, texts) -> None:
    new, how = PAIRS[name]
    old = re.compile(_backtracking(new.pattern).pattern, new.flags)
    for text in texts:
        if how == "match":
            a, b = new.match(text), old.match(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text
        else:
            assert [m.span() for m in new.finditer(text)] == \
                [m.span() for m in old.finditer(text)], text


def test_question_end_matches_exactly_as_its_regex(texts) -> None:
    old = re.compile(cues.QUESTION_END_RE.pattern)
    extra = ["Geht das?", "Wirklich?!", "Spenden gibt es!?!", "Wie? „So“?» ", "a.??", "!?",
             "??? x", "Fertig.", ""]
    for text in [*texts, *extra]:
        a, b = cues.QUESTION_END_RE.search(text), old.search(text)
        assert (a and a.span()) == (b and b.span()), text


def test_a_screened_table_finds_every_match_of_a_long_text_in_one_pass() -> None:
    """Thousands of matches of one phrase beside a phrase that never matches: the screened
    finditer keeps each phrase's next match instead of searching the rest again at every
    match (which would be quadratic); same matches as the table's one regex."""
    import re

    from mailsum.text.screen import Screen

    table = Screen().table((r"bitte prüfen", r"dringend (?:bitte )?prüfen"))
    text = "Zeile: bitte prüfen. " * 4000 + "dringend prüfen"
    reference = re.compile(table.pattern, re.IGNORECASE)
    assert [m.span() for m in table.finditer(text)] == [
        m.span() for m in reference.finditer(text)]
    assert table.search(text).span() == reference.search(text).span()
