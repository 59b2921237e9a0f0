"""Route stage: first match wins, each match kind, thread routing, reasons with file:line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from builders import parsed

from mailsum.analysis.route import FALLBACK_REASON, is_team, route_message, route_thread
from mailsum.config.loader import load_rules
from mailsum.models import Customer, Match, ParsedMessage, Rules, Team

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "config" / "routes.yaml"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
_counter = iter(range(10_000))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules([FIXTURE])


def line_of(needle: str) -> int:
    lines = FIXTURE.read_text().splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def msg(sender: str = "someone@nowhere.example", subject: str = "Hallo", *,
        to: tuple[str, ...] = ("support@provider.de",), cc: tuple[str, ...] = (),
        headers: dict[str, str] | None = None, minutes: int = 0) -> ParsedMessage:
    n = next(_counter)
    return parsed(f"<m{n}@test>", subject=subject, from_addr=sender, to=to, cc=cc,
                  date=T0 + timedelta(minutes=minutes), headers=headers)


def test_from_domain_matches_domain_and_subdomains(rules: Rules):
    assert route_message(msg("it@acme.de"), rules).customer_id == "acme"
    assert route_message(msg("it@mail.acme.de"), rules).customer_id == "acme"
    assert route_message(msg("it@notacme.de"), rules).customer_id is None


def test_reason_names_file_line_customer_and_match(rules: Rules):
    decision = route_message(msg("it@acme.de"), rules)
    acme = rules.customers[0]
    assert decision.reason.startswith(f"{acme.match[0].file}:{line_of('from_domain: acme.de')}: ")
    assert "customer acme, match 1: from_domain 'acme.de' matched \"it@acme.de\"" in decision.reason
    assert acme.match[0].file.endswith("routes.yaml")


def test_subject_is_a_case_insensitive_search(rules: Rules):
    decision = route_message(msg(subject="AW: [acme-42] Drucker"), rules)
    assert decision.customer_id == "acme"
    assert decision.reason == (
        f"{rules.customers[0].match[1].file}:{line_of('subject:')}: customer acme, match 2: "
        "subject '\\[ACME-\\d+\\]' matched \"AW: [acme-42] Drucker\"")
    assert route_message(msg(subject="ACME-42 without brackets"), rules).customer_id is None


def test_header_needs_presence_and_regex(rules: Rules):
    hit = route_message(msg(headers={"x-ticket-customer": "SWT-Talheim"}), rules)
    assert hit.customer_id == "swt"
    assert "header X-Ticket-Customer 'SWT' matched \"SWT-Talheim\"" in hit.reason
    assert route_message(msg(headers={"x-ticket-customer": "ACME"}), rules).customer_id is None
    assert route_message(msg(headers={"x-other": "SWT"}), rules).customer_id is None


def test_all_keys_of_one_entry_must_match(rules: Rules):
    both = msg("IT@combo.example", cc=("combo@support.example",))
    assert route_message(both, rules).customer_id == "combo"
    assert "to_address matched \"combo@support.example\"" in route_message(both, rules).reason
    assert route_message(msg("it@combo.example"), rules).customer_id is None
    assert route_message(msg("x@combo.example", to=("combo@support.example",)),
                         rules).customer_id is None


def test_first_customer_in_file_order_wins(rules: Rules):
    # acme.de is claimed by both acme and catchall; acme comes first in the file.
    assert route_message(msg("a@acme.de"), rules).customer_id == "acme"
    assert route_message(msg("a@other.example"), rules).customer_id == "catchall"


def test_no_match_is_the_fallback(rules: Rules):
    decision = route_message(msg("a@unknown.example", "Frage"), rules)
    assert (decision.customer_id, decision.reason) == (None, FALLBACK_REASON)
    assert decision.reason == "no rule matched (fallback)"


def test_team_sender_never_matches_by_domain(rules: Rules):
    # freelancer@outside.example is a listed team address; outside.example is in catchall.
    assert route_message(msg("a@outside.example"), rules).customer_id == "catchall"
    assert route_message(msg("freelancer@outside.example"), rules).customer_id is None
    # ...but a team message can still match by subject.
    tagged = msg("max@provider.de", "Re: [ACME-7] Server")
    assert route_message(tagged, rules).customer_id == "acme"


def test_thread_is_decided_by_first_claimed_message_in_date_order(rules: Rules):
    team_first = msg("max@provider.de", "Wartung", minutes=0)
    swt_reply = msg("it@stadtwerke.example", "Re: Wartung",
                    headers={"x-ticket-customer": "SWT"}, minutes=10)
    acme_later = msg("it@acme.de", "Re: Wartung", minutes=20)
    decision = route_thread([acme_later, swt_reply, team_first], rules)
    assert decision.customer_id == "swt"
    assert decision.message_id == swt_reply.message_id


def test_team_started_thread_goes_to_the_customer_who_answers(rules: Rules):
    messages = [msg("max@provider.de", "Angebot", minutes=0),
                msg("a@acme.de", "Re: Angebot", minutes=5)]
    decision = route_thread(messages, rules)
    assert (decision.customer_id, decision.message_id) == ("acme", messages[1].message_id)


def test_unclaimed_thread_is_fallback(rules: Rules):
    messages = [msg("a@x.example", minutes=3), msg("b@y.example", minutes=1)]
    decision = route_thread(messages, rules)
    assert (decision.customer_id, decision.reason) == (None, FALLBACK_REASON)
    assert decision.message_id == messages[1].message_id
    assert route_thread([], rules).customer_id is None


def test_is_team(rules: Rules):
    assert is_team("Max@Provider.DE", rules)
    assert is_team("ops@eu.provider.de", rules)
    assert is_team("freelancer@outside.example", rules)
    assert not is_team("a@notprovider.de", rules)
    assert not is_team("", rules)


def test_rules_built_in_code_route_too():
    rules = Rules(team=Team(("us.example",)), customers=())
    assert route_message(msg("a@b.example"), rules).customer_id is None
    customer = Customer(id="c", name="C", contact=("x@us.example",),
                        match=(Match(file="f.yaml", line=3, subject="urgent"),))
    rules = Rules(team=Team(("us.example",)), customers=(customer,))
    decision = route_message(msg(subject="URGENT: down"), rules)
    assert decision.reason.startswith("f.yaml:3: customer c, match 1: subject 'urgent'")


def test_our_mail_to_a_customer_is_theirs_copied_or_internal_is_not(rules: Rules):
    # must: our question to them, with no reply yet, is their thread
    ours = msg("anna@provider.de", "Inaktive Konten", to=("it@acme.de",))
    decision = route_message(ours, rules)
    assert decision.customer_id == "acme" and "recipient" in decision.reason
    # must not: our inquiry to a vendor with the customer in Cc, or mail among ourselves
    vendor = msg("anna@provider.de", "RMA", to=("rma@vendor.example",), cc=("it@acme.de",))
    assert route_message(vendor, rules).customer_id is None
    internal = msg("anna@provider.de", "Krankmeldung", to=("team@provider.de",))
    assert route_message(internal, rules).customer_id is None
