"""Who may steer by reply (hostile cases first), and what a reply's commands would change."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from builders import parsed

from mailsum import msgid
from mailsum.models import ParsedMessage
from mailsum.msgid import make_message_id
from mailsum.parse.message import parse_message
from mailsum.replies import interact
from mailsum.replies.commands import parse_commands
from mailsum.replies.interact import (
    PointInfo,
    SentUpdate,
    authentication_results_pass,
    authorize,
    check_dkim,
    plan,
    rate_limited,
    update_key_of,
)

FIXTURES = Path(__file__).parent / "fixtures" / "interact"
SECRET = b"s" * 32
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
KEY = "acme.1764226800"
MSGID = make_message_id(KEY, SECRET, "provider.de")
ANNA = "anna.vertrieb@provider.de"
UPDATE = SentUpdate(
    update_key=KEY, customer_id="acme", recipients=(ANNA, "max.technik@provider.de"),
    sent_at=NOW - timedelta(hours=2), numbers={1: "p-a", 2: "p-b", 3: "p-c"},
)
ALLOWED = {ANNA, "max.technik@provider.de"}
OURS = {"mailsum@provider.de"}


def reply(**kw) -> ParsedMessage:
    base = dict(
        message_id="<r1@provider.de>", subject="Re: [mailsum] ACME", from_addr=ANNA,
        from_name="Anna", to=["mailsum@provider.de"], date=NOW, in_reply_to=MSGID,
        references=[MSGID], headers={"from": f"Anna <{ANNA}>"}, text="erledigt 1",
    )
    base.update(kw)
    return parsed(**base)


def check(msg: ParsedMessage, **kw):
    key = update_key_of(msg, SECRET)
    args = dict(
        update=UPDATE if key == KEY else None, secret_ok=key is not None, now=NOW,
        max_age=timedelta(days=14), allowed_senders=ALLOWED, our_addresses=OURS,
        require_dkim=False, dkim_ok=None,
    )
    args.update(kw)
    return authorize(msg, **args)


def fixture(name: str) -> ParsedMessage:
    data = (FIXTURES / name).read_bytes().replace(b"__UPDATE_MSGID__", MSGID.encode())
    return parse_message(data)


# --------------------------------------------------------------------------- reference


def test_update_key_from_in_reply_to_or_references():
    assert update_key_of(reply(), SECRET) == KEY
    assert update_key_of(reply(in_reply_to=None), SECRET) == KEY
    assert update_key_of(reply(in_reply_to="<x@gmail.com>", references=[]), SECRET) is None


def test_references_are_read_newest_first():
    older = make_message_id("acme.100", SECRET, "provider.de")
    msg = reply(in_reply_to="<client@x>", references=[older, MSGID, "<client@x>"])
    assert update_key_of(msg, SECRET) == KEY


def test_tampered_or_foreign_signatures_give_no_key():
    sig = MSGID.split("@")[0].rsplit(".", 1)[1]
    assert len(sig) == 16
    flipped = ("0" if sig[0] != "0" else "1") + sig[1:]
    forged = [
        MSGID.replace(sig, flipped),
        MSGID.replace("acme", "beta"),  # another customer's key with acme's signature
        make_message_id(KEY, b"guessed secret", "provider.de"),
        "<mailsum.acme.1764226800.0000000000000000@provider.de>",
    ]
    for mid in forged:
        assert update_key_of(reply(in_reply_to=mid, references=[mid]), SECRET) is None


def test_hmac_compare_is_constant_time(monkeypatch):
    calls: list[tuple[str, str]] = []
    real = msgid.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(msgid.hmac, "compare_digest", spy)
    assert update_key_of(reply(), SECRET) == KEY
    assert update_key_of(reply(in_reply_to=MSGID.replace(KEY, "acme.1"), references=[]),
                         SECRET) is None
    assert len(calls) == 2
    assert "==" not in inspect.getsource(msgid.verify_message_id)
    assert interact.verify_message_id is msgid.verify_message_id


# --------------------------------------------------------------------------- authorize


def test_the_contact_answering_our_update_is_accepted():
    verdict = check(reply())
    assert verdict.accepted and verdict.answer
    assert KEY in verdict.reason


def test_a_listed_team_member_who_got_the_update_is_accepted():
    verdict = check(reply(from_addr="max.technik@provider.de",
                          headers={"from": "max.technik@provider.de"}))
    assert verdict.accepted


def test_sender_case_does_not_matter():
    msg = reply(from_addr=ANNA, headers={"from": ANNA.upper()})
    assert check(msg, allowed_senders={ANNA.upper()}).accepted


HOSTILE = {
    "forged From (attacker not a recipient)": (
        dict(from_addr="evil@attacker.example", headers={"from": "evil@attacker.example"}), {}),
    "contact of another customer": (
        dict(from_addr="bob@beta.example", headers={"from": "bob@beta.example"}),
        dict(allowed_senders=ALLOWED | {"bob@beta.example"})),
    "recipient but no longer an allowed sender": (
        dict(), dict(allowed_senders={"max.technik@provider.de"})),
    "two From addresses": (dict(headers={"from": f"{ANNA}, evil@attacker.example"}), {}),
    "replay beyond max_age": (dict(), dict(now=NOW + timedelta(days=15))),
    "broken HMAC": (dict(in_reply_to=MSGID.replace(".", "x", 1), references=[]), {}),
    "no reference at all": (dict(in_reply_to=None, references=[]), {}),
    "update unknown to the store": (dict(), dict(update=None)),
    "out of office (parsed)": (dict(auto="auto-reply"), {}),
    "bounce (parsed)": (dict(auto="bounce", from_addr="mailer-daemon@mx.provider.de"), {}),
    "mailing list (parsed)": (dict(auto="bulk"), {}),
    "Auto-Submitted header": (
        dict(headers={"from": ANNA, "auto-submitted": "auto-replied"}), {}),
    "List-Id header only": (dict(headers={"from": ANNA, "list-id": "<x.lists>"}), {}),
    "null Return-Path": (dict(headers={"from": ANNA, "return-path": "<>"}), {}),
    "our own address": (
        dict(from_addr="mailsum@provider.de", headers={"from": "mailsum@provider.de"}),
        dict(allowed_senders=ALLOWED | OURS)),
    "our marker header (update)": (
        dict(headers={"from": ANNA, "x-mailsum-update": KEY}), {}),
    "our marker header (answer)": (
        dict(headers={"from": ANNA, "X-Mailsum-Reply": "1"}), {}),
    "noreply robot": (
        dict(from_addr="noreply@provider.de", headers={"from": "noreply@provider.de"}),
        dict(allowed_senders=ALLOWED | {"noreply@provider.de"})),
    "DKIM required, failed": (dict(), dict(require_dkim=True, dkim_ok=False)),
    "DKIM required, not checkable": (dict(), dict(require_dkim=True, dkim_ok=None)),
    "no sender": (dict(from_addr="", headers={}), {}),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_replies_are_refused_and_never_answered(case):
    msg_kw, check_kw = HOSTILE[case]
    verdict = check(reply(**msg_kw), **check_kw)
    assert not verdict.accepted, case
    assert verdict.answer is False
    assert verdict.reason


def test_update_sent_to_another_customer_does_not_fit_this_one():
    """A valid reply to beta's update: the store says beta, and anna is not beta's contact."""
    beta_key = "beta.1764226800"
    beta_id = make_message_id(beta_key, SECRET, "provider.de")
    beta = SentUpdate(beta_key, "beta", ("bob@beta.example",), NOW - timedelta(hours=1), {})
    msg = reply(in_reply_to=beta_id, references=[beta_id])
    assert update_key_of(msg, SECRET) == beta_key
    verdict = authorize(msg, update=beta, secret_ok=True, now=NOW, max_age=timedelta(days=14),
                        allowed_senders={"bob@beta.example"}, our_addresses=OURS,
                        require_dkim=False, dkim_ok=None)
    assert not verdict.accepted and not verdict.answer


def test_dkim_pass_lets_a_reply_through_when_required():
    assert check(reply(), require_dkim=True, dkim_ok=True).accepted


def test_age_limit_is_inclusive_up_to_max_age():
    assert check(reply(), now=UPDATE.sent_at + timedelta(days=14)).accepted
    assert not check(reply(), now=UPDATE.sent_at + timedelta(days=14, seconds=1)).accepted


@pytest.mark.parametrize(
    "name", ["out_of_office.eml", "bounce.eml", "mailing_list.eml"])
def test_machine_mail_fixtures_are_refused(name):
    verdict = check(fixture(name))
    assert not verdict.accepted and not verdict.answer


@pytest.mark.parametrize("name", ["outlook_html_reply.eml", "gmail_text_reply.eml"])
def test_real_client_replies_are_accepted(name):
    verdict = check(fixture(name))
    assert verdict.accepted, verdict.reason


def test_rate_limit():
    assert not rate_limited(0, 5)
    assert not rate_limited(4, 5)
    assert rate_limited(5, 5)
    assert rate_limited(0, 0)


# --------------------------------------------------------------------------- DKIM


AR = "Authentication-Results"


def test_authentication_results_from_a_trusted_server():
    headers = {"authentication-results":
               "mx.provider.de; dkim=pass (2048-bit key) header.d=provider.de header.s=s1; "
               "spf=pass smtp.mailfrom=provider.de"}
    assert authentication_results_pass(headers, {"mx.provider.de"}, "provider.de")
    assert authentication_results_pass(headers, {"MX.provider.de"}, "mail.provider.de")
    assert not authentication_results_pass(headers, {"mx.provider.de"}, "attacker.example")
    assert not authentication_results_pass(headers, {"other.mx"}, "provider.de")


def test_forged_or_failing_authentication_results_do_not_pass():
    fail = [(AR, "mx.provider.de; dkim=fail header.d=provider.de")]
    assert not authentication_results_pass(fail, {"mx.provider.de"}, "provider.de")
    # our server's verdict on top; a forged pass further down (written by the sender) is ignored
    stacked = [(AR, "mx.provider.de; dkim=none"),
               (AR, "mx.provider.de; dkim=pass header.d=provider.de")]
    assert not authentication_results_pass(stacked, {"mx.provider.de"}, "provider.de")
    untrusted = [(AR, "evil.example; dkim=pass header.d=provider.de")]
    assert not authentication_results_pass(untrusted, {"mx.provider.de"}, "provider.de")
    comment = [(AR, "mx.provider.de; dkim=fail (dkim=pass header.d=provider.de)")]
    assert not authentication_results_pass(comment, {"mx.provider.de"}, "provider.de")
    tld = [(AR, "mx.provider.de; dkim=pass header.d=de")]
    assert not authentication_results_pass(tld, {"mx.provider.de"}, "provider.de")
    assert not authentication_results_pass({}, {"mx.provider.de"}, "provider.de")


def test_header_i_counts_as_signer():
    headers = [(AR, "mx.provider.de 1; dkim=pass header.i=@provider.de")]
    assert authentication_results_pass(headers, {"mx.provider.de"}, "provider.de")


def test_check_dkim_is_optional():
    result = check_dkim(b"From: a@provider.de\r\n\r\nx", "provider.de")
    assert result in (None, False)


# --------------------------------------------------------------------------- plan


POINTS = {
    "p-a": PointInfo("p-a", "open", "max.technik@provider.de", "Firewall prüfen"),
    "p-b": PointInfo("p-b", "resolved", None, "VPN freischalten"),
    "p-c": PointInfo("p-c", "snoozed", None, "Rechnung prüfen"),
    "p-other": PointInfo("p-other", "open", None, "not in the update"),
}


def team_or_customer(address: str) -> bool:
    return address.endswith("@provider.de") or address.endswith("@acme.de")


def make_plan(text: str, update: SentUpdate = UPDATE, points=None, **kw):
    parsed = parse_commands(text)
    assert parsed.errors == [], parsed.errors
    return plan(parsed.commands, update, customer_points=POINTS if points is None else points,
                allowed_owner=team_or_customer, now=NOW, **kw)


def test_every_point_command_becomes_a_change():
    result = make_plan("erledigt 1\nzuständig 2 sandra@provider.de\nspäter 3 7d\nnotiz 1 ruft an")
    assert result.ok
    got = {(c.action, c.point_id, c.number, c.value) for c in result.changes}
    assert got == {("done", "p-a", 1, None), ("owner", "p-b", 2, "sandra@provider.de"),
                   ("snooze", "p-c", 3, "7d"), ("note", "p-a", 1, "ruft an")}
    snooze = next(c for c in result.changes if c.action == "snooze")
    assert snooze.until == NOW + timedelta(days=7)
    owner = next(c for c in result.changes if c.action == "owner")
    assert owner.old is None and owner.line_no == 2
    assert not (result.send_update or result.help or result.resume or result.pause_until)


def test_numbers_refer_to_the_update_answered_not_the_latest():
    old = dataclasses.replace(UPDATE, numbers={1: "p-c", 2: "p-a"})
    result = make_plan("done 2", update=old)
    assert [(c.point_id, c.number) for c in result.changes] == [("p-a", 2)]


def test_global_commands():
    result = make_plan("update\npause 14d\nhelp")
    assert result.ok and result.changes == []
    assert result.send_update and result.help
    assert result.pause_until == NOW + timedelta(days=14)
    assert make_plan("weiter").resume


def test_reopen_snoozed_and_resolved_points():
    result = make_plan("reopen 2, 3")
    assert {c.point_id for c in result.changes} == {"p-b", "p-c"}


def test_asking_for_what_holds_is_reported_as_unchanged_not_an_error():
    result = make_plan("done 2\nreopen 1\nowner 1 Max.Technik@provider.de")
    assert result.ok and result.changes == []
    assert sorted((u.number, u.line_no) for u in result.unchanged) == [(1, 2), (1, 3), (2, 1)]
    snoozed = make_plan("snooze 2 7d")
    assert snoozed.ok and snoozed.changes == [] and snoozed.unchanged[0].number == 2


@pytest.mark.parametrize(
    ("text", "line_no", "needle"),
    [
        ("done 1\ndone 4", 2, "no point 4"),
        ("owner 1 evil@attacker.example", 1, "not an address of the team"),
        ("snooze 1 400d", 1, "between 1 and 365"),
        ("snooze 1 0d", 1, "between 1 and 365"),
        ("pause 400d", 1, "between 1 and 365"),
        ("done 1\nreopen 1", 2, "different command"),
        ("owner 1 a@provider.de\nowner 1 b@provider.de", 2, "two different owners"),
        ("snooze 1 7d\nsnooze 1 14d", 2, "different command"),
        ("pause 7d\nresume", 1, "contradict"),
    ],
)
def test_plan_errors_change_nothing(text, line_no, needle):
    parsed = parse_commands("erledigt 2\n" + text)
    result = plan(parsed.commands, UPDATE, customer_points=POINTS,
                  allowed_owner=team_or_customer, now=NOW)
    assert not result.ok
    assert result.changes == [] and result.unchanged == []
    assert not (result.send_update or result.pause_until or result.resume)
    assert any(needle in e.message_en and e.line_no == line_no + 1 for e in result.errors), \
        result.errors


def test_a_point_of_another_customer_cannot_be_reached():
    """Even if an update's number table named it, the point must be this customer's."""
    tampered = dataclasses.replace(UPDATE, numbers={1: "beta-point"})
    result = make_plan("done 1", update=tampered)
    assert not result.ok and result.changes == []
    assert "no longer exists" in result.errors[0].message_en


def test_same_command_twice_is_applied_once():
    result = make_plan("done 1\nerledigt 1\nowner 2 x@acme.de\nowner 2 x@acme.de")
    assert sorted((c.action, c.number) for c in result.changes) == [("done", 1), ("owner", 2)]


def test_snooze_bounds_are_configurable():
    assert not make_plan("snooze 1 30d", max_snooze=timedelta(days=14)).ok
    assert make_plan("snooze 1 14d", max_snooze=timedelta(days=14)).ok


def test_plan_reply_rejects_a_reply_with_any_bad_line_as_a_whole():
    parsed = parse_commands("erledigt 1\nzuständig 2 sandra@provider.de\nfrobnicate\ndone 9")
    result = interact.plan_reply(parsed, UPDATE, customer_points=POINTS,
                                 allowed_owner=team_or_customer, now=NOW)
    assert result.changes == [] and result.unchanged == []
    assert [e.line_no for e in result.errors] == [3, 4]  # parse error and plan error, by line
    good = interact.plan_reply(parse_commands("erledigt 1"), UPDATE, customer_points=POINTS,
                               allowed_owner=team_or_customer, now=NOW)
    assert [c.point_id for c in good.changes] == ["p-a"]


def test_every_reply_mark_contains_the_prefilter_word() -> None:
    """The analysis decodes only stored mail mentioning replies.REPLY_WORD to look for replies;
    a marker header or Message-ID format without it would let replies become points."""
    from mailsum.run.replies import REPLY_WORD, is_reply

    assert all(REPLY_WORD in name for name in interact.MARKER_HEADERS)
    ours = msgid.make_message_id("acme.20261127", b"k" * 32, "provider.de")
    assert REPLY_WORD in ours.lower()
    assert msgid.parse_message_id(ours) is not None
    reply = parsed("<r@x.de>", subject="AW: Update", from_addr="a@x.de",
                   date=datetime(2026, 11, 27, tzinfo=UTC), in_reply_to=ours, text="erledigt 1")
    assert is_reply(reply)


def test_two_from_header_lines_are_refused_like_one_from_with_two_addresses():
    """Issue 19: the second From line was accepted where 'From: a, b' is refused."""
    raw = (f"From: mallory@evil.example\nFrom: Anna <{ANNA}>\nTo: mailsum@provider.de\n"
           f"Subject: Re: [mailsum] ACME\nMessage-ID: <r2@x>\nIn-Reply-To: {MSGID}\n"
           f"References: {MSGID}\n\nerledigt 1\n").encode()
    verdict = check(parse_message(raw))
    assert not verdict.accepted and "several From header lines" in verdict.reason
    assert check(reply()).accepted
