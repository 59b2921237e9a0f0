"""The answer to a reply: exactly what changed, or the errors with their lines and the commands."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest

from mailsum import i18n
from mailsum.replies.commands import CommandError, parse_commands
from mailsum.replies.interact import PointInfo, SentUpdate, plan
from mailsum.replies.render import describe, render_answer, reply_subject

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
UPDATE = SentUpdate("acme.1", "acme", ("anna@provider.de",), NOW - timedelta(hours=1),
                    {1: "p1", 2: "p2", 3: "p3"})
POINTS = {
    "p1": PointInfo("p1", "open", "max@provider.de", "Bitte <Firewall> & VPN prüfen"),
    "p2": PointInfo("p2", "resolved", None, "Rechnung"),
    "p3": PointInfo("p3", "open", None, "Zugang für Tom"),
}


def planned(text: str):
    parsed = parse_commands(text)
    assert parsed.errors == []
    return plan(parsed.commands, UPDATE, customer_points=POINTS,
                allowed_owner=lambda a: a.endswith("@provider.de"), now=NOW)


def answer(text: str, lang: str):
    p = planned(text)
    changed, unchanged = describe(p, lang, "Europe/Berlin")
    return render_answer(lang, customer_name="ACME GmbH", applied=changed, errors=p.errors,
                         help=p.help, unchanged=unchanged), changed, unchanged


def commands_listed(body: str, lang: str) -> bool:
    return all(cmd in body for cmd, _ in i18n.commands(lang))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lists_exactly_what_changed(lang):
    rendered, changed, unchanged = answer(
        "done 1\nowner 3 sandra@provider.de\nnote 1 ruft zurück\nupdate\npause 14d\ndone 2",
        lang)
    assert len(changed) == 5  # done, owner, note, pause, update
    assert len(unchanged) == 1
    for line in changed + unchanged:
        assert line in rendered.text
        assert html.escape(line, quote=False) in rendered.html
    assert "sandra@provider.de" in rendered.text
    assert "11.12.2026" in rendered.text if lang == "de" else "11 Dec 2026" in rendered.text
    assert not commands_listed(rendered.text, lang)  # no help asked, no error: no list
    other = "en" if lang == "de" else "de"
    assert i18n.t(other, "footer") not in rendered.text


def test_owner_change_names_old_and_new():
    _, changed, _ = answer("owner 1 sandra@provider.de", "en")
    assert changed == ["Point 1: owner now sandra@provider.de, before max@provider.de"]
    _, changed, _ = answer("zuständig 3 sandra@provider.de", "de")
    assert changed == ["Punkt 3: zuständig jetzt sandra@provider.de"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_errors_name_the_line_and_come_with_the_command_list(lang):
    parsed = parse_commands("erledigt 1\nfrobnicate 2\nsnooze 3 soon")
    rendered = render_answer(lang, customer_name="ACME", applied=["ignored"],
                             errors=parsed.errors, help=False)
    assert "ignored" not in rendered.text  # with errors nothing was applied
    word = "Zeile" if lang == "de" else "Line"
    assert f"{word} 2:" in rendered.text and "frobnicate 2" in rendered.text
    assert f"{word} 3:" in rendered.text and "snooze 3 soon" in rendered.text
    message = parsed.errors[0].message(lang)
    assert message in rendered.text
    assert commands_listed(rendered.text, lang)
    assert commands_listed(html.unescape(rendered.html), lang)


def test_help_and_empty_reply_get_the_command_list():
    for kwargs in (dict(applied=[], errors=[], help=True),
                   dict(applied=[], errors=[], help=False)):
        rendered = render_answer("de", customer_name="ACME", **kwargs)
        assert commands_listed(rendered.text, "de")
    empty = render_answer("en", customer_name="ACME", applied=[], errors=[], help=False)
    assert "no command" in empty.text


def test_mail_content_is_escaped_in_html_and_flattened_in_text():
    hostile = "done 1 <script>alert(1)</script>\r\nBcc: victim@example.com"
    error = CommandError(1, hostile, "böse", "bad")
    rendered = render_answer("en", customer_name="<b>ACME</b>", applied=[], errors=[error],
                             help=False, subject="Re: x\r\nBcc: victim@example.com")
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "<b>ACME</b>" not in rendered.html
    assert "\r" not in rendered.text
    assert not any(line.startswith("Bcc:") for line in rendered.text.splitlines())
    assert "\n" not in rendered.subject and "\r" not in rendered.subject


def test_reply_subject():
    assert reply_subject("[mailsum] ACME") == "Re: [mailsum] ACME"
    assert reply_subject("AW: [mailsum] ACME") == "AW: [mailsum] ACME"
    assert reply_subject("x\r\nBcc: y@z") == "Re: x Bcc: y@z"


def test_unknown_language_falls_back_to_english():
    rendered = render_answer("fr", customer_name="ACME", applied=["x"], errors=[], help=False)
    assert "What changed" in rendered.text


def test_user_templates_override(tmp_path):
    (tmp_path / "reply.txt.j2").write_text("custom {{ changed | length }}\n")
    rendered = render_answer("en", customer_name="ACME", applied=["a", "b"], errors=[],
                             help=False, templates_dir=tmp_path)
    assert rendered.text == "custom 2\n"
    assert "What changed" in rendered.html  # the HTML part still comes from the package
