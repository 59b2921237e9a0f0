"""Sanity checks of the bundled sample Maildir (examples/mailbox), stdlib only.

The sample is the fixture the README, the demo and end-to-end runs rely on; these tests make
sure it stays a well-formed mailbox with the cases it promises, and that the committed files are
exactly what examples/make_mailbox.py produces.
"""

from __future__ import annotations

import importlib.util
import mailbox
import sys
from datetime import date, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MAILDIR = EXAMPLES / "mailbox"
# Emma's October mail that opens the Leeds thread predates the sample on purpose: a thread
# whose root is not in the mailbox is a normal case the threader must cope with.
KNOWN_MISSING_PARENTS = {"<FR2P281MB0655B1D9E3C7A048@FR2P281MB0655.DEUP281.PROD.OUTLOOK.COM>"}


@pytest.fixture(scope="module")
def messages() -> dict[str, EmailMessage]:
    box = mailbox.Maildir(MAILDIR, factory=None, create=False)
    parser = BytesParser(policy=policy.default)
    return {key: parser.parsebytes(box.get_bytes(key)) for key in box.iterkeys()}


def _by_id(messages: dict[str, EmailMessage]) -> dict[str, EmailMessage]:
    return {str(m["Message-ID"]).strip(): m for m in messages.values()}


def _text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    assert part is not None
    return part.get_content()


def test_maildir_layout() -> None:
    assert {p.name for p in MAILDIR.iterdir()} >= {"cur", "new", "tmp"}
    assert (MAILDIR / "tmp" / ".gitkeep").is_file()
    names = [p.name for p in (MAILDIR / "cur").iterdir()]
    assert names and all(":2," in name for name in names)
    new = [p.name for p in (MAILDIR / "new").iterdir()]
    assert new and not any(":2," in name or name.startswith(".") for name in new)
    assert not any(name.startswith(".") for name in names)


def test_every_message_has_id_and_date_in_the_sample_week(
    messages: dict[str, EmailMessage],
) -> None:
    assert len(messages) >= 24
    ids = [str(m["Message-ID"]).strip() for m in messages.values()]
    assert all(i.startswith("<") and i.endswith(">") for i in ids)
    assert len(set(ids)) == len(ids)
    for msg in messages.values():
        when = msg["Date"].datetime
        assert when.utcoffset() in (timedelta(hours=1), timedelta(0))
        assert date(2026, 11, 16) <= when.date() <= date(2026, 11, 26)
        assert msg.get_content_charset() or msg.is_multipart()


def test_reply_chains_point_at_messages_in_the_box(messages: dict[str, EmailMessage]) -> None:
    by_id = _by_id(messages)
    replies = [m for m in messages.values() if m["In-Reply-To"]]
    assert len(replies) >= 15
    for msg in replies:
        parent = str(msg["In-Reply-To"]).strip()
        assert parent in by_id or parent in KNOWN_MISSING_PARENTS, msg["Subject"]
        refs = str(msg["References"]).split()
        assert refs[-1] == parent
        assert all(r in by_id or r in KNOWN_MISSING_PARENTS for r in refs)
        if parent in by_id:
            assert by_id[parent]["Date"].datetime < msg["Date"].datetime


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-15"])
def test_legacy_charsets_decode_to_umlauts(messages: dict[str, EmailMessage], charset: str) -> None:
    found = [m for m in messages.values() if m.get_content_charset() == charset]
    assert len(found) == 1
    assert found[0]["Content-Transfer-Encoding"] == "quoted-printable"
    text = _text(found[0])
    assert any(c in text for c in "äöüß")


def test_three_customer_domains(messages: dict[str, EmailMessage]) -> None:
    domains = {parseaddr(str(m["From"]))[1].rpartition("@")[2] for m in messages.values()}
    assert {"acme-maschinenbau.de", "stadtwerke-talheim.de", "brightline-logistics.co.uk"} <= (
        domains
    )
    assert "provider.de" in domains


def test_out_of_office_reply_answers_an_acme_mail(messages: dict[str, EmailMessage]) -> None:
    auto = [m for m in messages.values() if m["Auto-Submitted"] == "auto-replied"]
    assert len(auto) == 1
    ooo = auto[0]
    assert parseaddr(str(ooo["From"]))[1] == "max.weber@provider.de"
    assert str(ooo["Subject"]).startswith("Automatische Antwort:")
    assert "27.11.2026" in _text(ooo)
    parent = _by_id(messages)[str(ooo["In-Reply-To"]).strip()]
    assert "acme-maschinenbau.de" in str(parent["From"])


def test_newsletter_and_ticket_system_headers(messages: dict[str, EmailMessage]) -> None:
    bulk = [m for m in messages.values() if m["Precedence"] == "bulk"]
    assert [parseaddr(str(m["From"]))[1] for m in bulk] == ["news@hardware-haendler.example"]
    assert "unsubscribe" in str(bulk[0]["List-Unsubscribe"])
    tickets = [m for m in messages.values() if m["X-Ticket-Customer"] == "SWT"]
    assert len(tickets) >= 3
    assert all("[SWT#" in str(m["Subject"]) for m in tickets)
    assert any("wurde geschlossen" in _text(m) for m in tickets)


def test_quote_styles_and_html_only_message(messages: dict[str, EmailMessage]) -> None:
    texts = "\n".join(_text(m) for m in messages.values()).lower()
    for marker in (
        "-----Ursprüngliche Nachricht-----",
        "Am Mo., 23. Nov. 2026 um 09:14 Uhr schrieb Max Weber <max.weber@provider.de>:",
        "On Tue, 24 Nov 2026 at 10:02, Tom Hughes <tom.hughes@provider.de> wrote:",
        "Max ist diese Woche krank, ich übernehme das Ticket.",
        "Danke, funktioniert wieder!",
    ):
        assert marker.lower() in texts, marker
    html_only = [m for m in messages.values() if m.get_content_type() == "text/html"]
    assert len(html_only) == 1
    assert "<blockquote" in html_only[0].get_content()


def test_committed_files_match_the_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("make_mailbox", EXAMPLES / "make_mailbox.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_mailbox", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    module.write_mailbox(tmp_path)
    for sub in ("cur", "new"):
        fresh = {p.name: p.read_bytes() for p in (tmp_path / sub).iterdir()}
        committed = {p.name: p.read_bytes() for p in (MAILDIR / sub).iterdir()}
        assert fresh == committed, f"examples/mailbox/{sub} is stale: run make_mailbox.py"
