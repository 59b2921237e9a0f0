"""Monitoring alerts (Checkmk, Nagios, Icinga, Zabbix, PRTG): a problem is a matter for us, its
recovery settles it. Such mail is a form, not prose: its state stands in the subject or a
"State:"/"Notification type:" line, often as a transition ("OK -> CRIT", "CRIT -> OK").
"""

from __future__ import annotations

import re

from mailsum.extract.colleagues import is_machine
from mailsum.models import ParsedMessage

_PROBLEM = re.compile(
    r"(?<![\w-])(?:problem|crit(?:ical)?|down|unreachable|warn(?:ing)?|failed|failure|alarm)"
    r"(?![\w-])", re.IGNORECASE)
_RECOVERY = re.compile(
    r"(?<![\w-])(?:recovery|recovered|resolved|ok|up|cleared|behoben|wieder ok)(?![\w-])",
    re.IGNORECASE)
# the state a transition ends in: "OK -> CRIT", "CRIT → OK", "state changed from X to Y"
_TRANSITION = re.compile(r"(?:->|→|=>|\bto\b)\s*(?P<to>[A-Za-z]+)\b(?!.*(?:->|→|=>))")
_STATE_LINE = re.compile(
    r"^\s*(?:notification type|state|status|zustand|event)\s*:\s*(?P<state>.+)$",
    re.IGNORECASE | re.MULTILINE)
_HAS_BEEN_RESOLVED = re.compile(r"\b(?:problem|alert|incident) has been (?:resolved|cleared)\b",
                                re.IGNORECASE)


def alert_state(msg: ParsedMessage) -> str | None:
    """"problem" or "recovery" for a monitoring system's alert; None for any other mail."""
    if not is_machine(msg.from_addr):
        return None
    if _HAS_BEEN_RESOLVED.search(msg.own_text[:500]):
        return "recovery"
    for text in (*(m.group("state") for m in _STATE_LINE.finditer(msg.own_text[:2000])),
                 msg.subject):
        state = _word_state(text)
        if state is not None:
            return state
    return None


def _word_state(text: str) -> str | None:
    m = _TRANSITION.search(text)
    if m:
        text = m.group("to")
    recovery, problem = _RECOVERY.search(text), _PROBLEM.search(text)
    if recovery and (not problem or recovery.start() < problem.start()):
        return "recovery"
    return "problem" if problem else None
