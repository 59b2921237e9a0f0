"""Route stage: decide which customer a message or thread belongs to, and say why.

First match wins: customers in file order, their match entries in order. The reason names the
rule's file and line, so ``mailsum rules test`` can show users exactly which rule claimed a mail.
"""

from __future__ import annotations

import re
from functools import cache

import re2

from mailsum.models import Customer, Match, ParsedMessage, RouteDecision, Rules

FALLBACK_REASON = "no rule matched (fallback)"


@cache
def _compiled(pattern: str, flags: int) -> re2._Regexp:
    """A rule's regular expression on RE2: linear in the text, whatever the pattern.

    A rule like ``subject: '(a+)+$'`` took 76 s on a subject of 30 a's with ``re`` (issue 19);
    the rules are checked against RE2's syntax when the configuration is loaded.
    """
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not flags & re.IGNORECASE
    return re2.compile(pattern, options)


def _domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower().rstrip(".")


def _in_domain(domain: str, parent: str) -> bool:
    return domain == parent or domain.endswith("." + parent)


def is_team(address: str, rules: Rules) -> bool:
    """True for our own people: a team domain (or subdomain) or a listed team address."""
    return rules.team.contains(address, subdomains=True)


def _match_entry(msg: ParsedMessage, match: Match, sender_is_team: bool) -> list[str] | None:
    """Why every key of the entry matched, or None when one does not."""
    why: list[str] = []
    sender = msg.from_addr.lower()
    if match.from_domain:
        # Our own people write to every customer; their domain says nothing about whose
        # thread it is (and a team address may sit outside the team domains) — the customer
        # they write to does: our question to them, with no reply yet, is their thread (to
        # them, not copied: our inquiry to a vendor with the customer in Cc is the vendor's)
        if not sender:
            return None
        if sender_is_team:
            found = next(((d, a) for a in msg.to for d in match.from_domain
                          if _in_domain(_domain_of(a.lower()), d)), None)
            if found is None:
                return None
            why.append(f"from_domain '{found[0]}' matched the recipient \"{found[1].lower()}\" "
                       "of our mail")
        else:
            domain = _domain_of(sender)
            hit = next((d for d in match.from_domain if _in_domain(domain, d)), None)
            if hit is None:
                return None
            why.append(f"from_domain '{hit}' matched \"{sender}\"")
    if match.from_address:
        if sender not in match.from_address:
            return None
        why.append(f"from_address matched \"{sender}\"")
    if match.to_address:
        recipients = [a.lower() for a in (*msg.to, *msg.cc)]
        hit = next((a for a in recipients if a in match.to_address), None)
        if hit is None:
            return None
        why.append(f"to_address matched \"{hit}\"")
    if match.subject is not None:
        if not _compiled(match.subject, re.IGNORECASE).search(msg.subject):
            return None
        why.append(f"subject '{match.subject}' matched \"{msg.subject}\"")
    for name, pattern in match.headers:
        value = msg.headers.get(name.lower())
        if value is None or not _compiled(pattern, 0).search(value):
            return None
        why.append(f"header {name} '{pattern}' matched \"{value}\"")
    return why


def _claim(msg: ParsedMessage, rules: Rules) -> tuple[Customer, int, Match, list[str]] | None:
    sender_is_team = is_team(msg.from_addr, rules)
    for customer in rules.customers:
        for number, match in enumerate(customer.match, start=1):
            why = _match_entry(msg, match, sender_is_team)
            if why:
                return customer, number, match, why
    return None


def route_message(msg: ParsedMessage, rules: Rules) -> RouteDecision:
    """The first customer whose match entry claims this message, or the fallback."""
    claim = _claim(msg, rules)
    if claim is None:
        return RouteDecision(customer_id=None, reason=FALLBACK_REASON, message_id=msg.message_id)
    customer, number, match, why = claim
    reason = f"{match.file}:{match.line}: customer {customer.id}, match {number}: " + "; ".join(why)
    return RouteDecision(customer_id=customer.id, reason=reason, message_id=msg.message_id)


def route_thread(messages: list[ParsedMessage], rules: Rules) -> RouteDecision:
    """The earliest message some rule claims decides the whole thread."""
    ordered = sorted(messages, key=lambda m: m.date)
    for msg in ordered:
        decision = route_message(msg, rules)
        if decision.customer_id is not None:
            return decision
    first = ordered[0].message_id if ordered else None
    return RouteDecision(customer_id=None, reason=FALLBACK_REASON, message_id=first)
