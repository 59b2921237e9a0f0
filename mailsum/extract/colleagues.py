"""Colleagues named in our mail: hand-overs, promises made for someone, stand-ins.

When someone on our side falls ill or goes on leave, the hand-over is often written by the one
leaving ("Herr Klein übernimmt meine Tickets"), a promise names who will do it ("Tom will
prepare the laptops"), and an out-of-office reply names a stand-in. Owners must follow then,
not only when the new owner writes. A name counts only when it resolves to exactly one address
we know on our side (the rules' team addresses and customers' owners, contacts and copies, the
team's senders and recipients in the thread): a name we cannot resolve changes nothing, since
an owner must be an address the contact can reassign.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NAME = r"(?P<who>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
_TITLE = r"(?:(?:herrn?|frau|mr\.?|mrs\.?|ms\.?)\s+)?"
_WHAT = (r"(?:meine|die|das|alle|diese[sn]?|unsere|ihre|your|my|the|this|all)\s+"
         r"(?:\w+\s+)?(?:tickets?|aufgaben|vorgänge|vorgang|fälle|fall|betreuung|thema|anfragen?"
         r"|kunden|cases?|requests?|accounts?|issues?)")

_HANDOVERS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
        # "Herr Klein übernimmt ab Montag meine Tickets", "Mark übernimmt das Ticket"
        rf"\b{_TITLE}{_NAME}\s+(?:übernimmt|wird)\s+(?:ab\s+\S+\s+|bis\s+\S+\s+|vorerst\s+)?"
        rf"{_WHAT}",
        # "Frau Berger vertritt mich", "Mark is covering for me"
        rf"\b{_TITLE}{_NAME}\s+(?:vertritt\s+mich|wird\s+mich\s+vertreten|is\s+covering\s+for\s+me"
        r"|will\s+be\s+covering\s+for\s+me|will\s+cover\s+for\s+me)",
        # "Mark will take over (my tickets)", "Mark is taking over", "Priya Shah is taking this
        # over from today"
        rf"\b{_TITLE}{_NAME}\s+(?:will\s+(?:be\s+)?tak(?:e|ing)|is\s+taking)"
        r"\s+(?:(?:this|it|that|the\s+\w+|your\s+\w+|my\s+\w+)\s+)?over\b",
        # "Herr Färber übernimmt die Störung", "Herr Ortlieb, unser Teamleiter, übernimmt das ab
        # sofort persönlich" (not "übernimmt die Kosten")
        rf"\b{_TITLE}{_NAME}(?:,\s+[^,]{{1,40}},)?\s+übernimmt\s+(?:ab\s+\S+\s+|jetzt\s+)?"
        r"(?:das|es|die|den|ihr\w*|meine\w*|unser\w*|diese\w*)\b"
        r"(?!\s+(?:\w+\s+)?(?:kosten|haftung|verantwortung|gewähr)\b)",
        # "Ich übergebe das Ticket an Herrn Klein", "I'm handing this over to Mark"
        rf"\b(?:übergebe|gebe)\s+(?:ich\s+)?{_WHAT}\s+an\s+{_TITLE}{_NAME}",
        rf"\b(?:handing|passing|handed|passed|hand|pass)\s+(?:this|it|{_WHAT})\s+(?:over\s+)?to\s+"
        rf"{_TITLE}{_NAME}",
))
# "Tom will prepare the laptops by Friday", "Frau Berger meldet sich morgen bei Ihnen": a
# commitment the writer makes for a named colleague
_COMMITS = re.compile(
    rf"^\W*(?:[\w ]{{1,30}}:\s*)?{_TITLE}{_NAME}\s+(?:will|wird|'ll|is\s+going\s+to|kümmert\s+sich"
    r"|meldet\s+sich|schickt|sendet|prüft|richtet|ruft|kommt|bringt|installiert|tauscht"
    r"|übernimmt)\b",
    re.IGNORECASE,
)
# words that look like a name at the start of a clause but are none
_NOT_NAMES = frozenset({
    "ich", "wir", "er", "sie", "es", "das", "der", "die", "dies", "dieser", "jemand", "niemand",
    "man", "i", "we", "he", "she", "it", "they", "someone", "nobody", "this", "that", "who",
    "kollege", "kollegin", "colleague", "team", "support", "technik", "hotline",
})


def handed_over_to(sentence: str) -> str | None:
    """The name of the colleague a sentence hands the work to, or None."""
    text = " ".join(sentence.split())
    for pattern in _HANDOVERS:
        for m in pattern.finditer(text):
            who = m.group("who")
            if who[:1].isupper() and who.casefold() not in _NOT_NAMES:
                return who
    return None


# An out-of-office reply's pointer to a stand-in: "wenden Sie sich bitte an …", "Vertretung: …"
_DEPUTY_CUE = re.compile(
    r"vertret|vertritt|wenden\s+sie\s+sich|kontaktieren\s+sie|erreichen\s+sie|dringend"
    r"|in\s+my\s+absence|während\s+meiner\s+abwesenheit|contact|reach|urgent|cover",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# the name right after the pointer: "… an meine Kollegin Frau Berger", "Vertretung: Anna Berger",
# "please contact Mark Klein"
_DEPUTY_NAME = re.compile(
    r"(?:wenden\s+sie\s+sich\s+(?:bitte\s+)?an|vertretung(?:\s+hat)?:?|vertreten\s+durch"
    r"|vertritt\s+mich|contact|reach\s+out\s+to|covering\s+for\s+me\s+is)\s+"
    r"(?:(?:meine[nr]?|unsere[nr]?|my|our)\s+)?(?:(?:kollegin|kollegen|kollege|colleague)\s+)?"
    rf"{_TITLE}(?:[A-ZÄÖÜ][a-zäöüß]+\s+)?{_NAME}",
    re.IGNORECASE,
)


def deputy_in(text: str, writer: str, ours: Callable[[str], bool],
              known: dict[str, str] | None = None) -> str | None:
    """The one colleague's address an out-of-office reply points to, or None.

    Only with a pointer ("wenden Sie sich an", "Vertretung", "in my absence") and exactly one
    address on our side other than the writer's: a signature's second address or two
    alternatives name no single stand-in. Without any such address, a name after the pointer
    ("wenden Sie sich an meine Kollegin Frau Berger") counts when it resolves among ``known``.
    """
    if not _DEPUTY_CUE.search(text):
        return None
    found = {a.lower().rstrip(".") for a in _ADDRESS.findall(text)}
    found = {a for a in found if a != writer.lower() and ours(a)}
    if found:
        return found.pop() if len(found) == 1 else None
    others = {a: d for a, d in (known or {}).items() if a != writer.lower()}
    names = {resolve(m.group("who"), others) for m in _DEPUTY_NAME.finditer(text)
             if m.group("who")[:1].isupper() and m.group("who").casefold() not in _NOT_NAMES}
    names.discard(None)
    return names.pop() if len(names) == 1 else None


def committed_for(sentence: str) -> str | None:
    """The name of the colleague a sentence commits to act ("Tom will prepare …"), or None."""
    return _name_at_start(_COMMITS, sentence)


# "Frau Berger, bitte behalten Sie das im Blick", "Tom, could you check the router?": a
# request put to one person by name
_ADDRESSED = re.compile(
    rf"^\W*{_TITLE}{_NAME},\s+(?=(?:bitte|please"
    r"|k[öo]nnen|k[öo]nnten?|w[üu]rden?|kannst|k[öo]nntest|w[üu]rdest|could|would|can|will|w[äa]ren?"
    r"|haben|hast|sind|bist|do|did|have|are)\b)",
    re.IGNORECASE,
)


def addressed_to(sentence: str) -> str | None:
    """The name a request is put to ("Frau Berger, bitte …"), or None."""
    return _name_at_start(_ADDRESSED, sentence)


def _name_at_start(pattern: re.Pattern[str], sentence: str) -> str | None:
    """The capitalised name ``pattern`` finds at the start of ``sentence`` (not "Ich", "We")."""
    m = pattern.match(" ".join(sentence.split()))
    if m is None:
        return None
    who = m.group("who")
    return who if who[:1].isupper() and who.casefold() not in _NOT_NAMES else None


def resolve(name: str, known: dict[str, str]) -> str | None:
    """The one address among ``known`` (address -> display name) that ``name`` names."""
    wanted = name.casefold()
    hits = {address for address, display in known.items() if wanted in _name_parts(address,
                                                                                   display)}
    return hits.pop() if len(hits) == 1 else None


def _name_parts(address: str, display: str) -> set[str]:
    local = address.partition("@")[0]
    parts = re.split(r"[._\-+]", local) + re.split(r"[\s,]+", display)
    return {p.casefold() for p in parts if len(p) > 1}


# Mail sent by a system, not a person: its words are notices, never a colleague's promise, and
# the address never owns a point ("checkmk@…", "noreply@…", "monitoring@…").
_MACHINE = re.compile(
    r"^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|monitoring|monitor|alerts?|alarms?|"
    r"notifications?|notify|nagios|icinga|zabbix|checkmk|check_mk|prtg|cron|daemon|root|"
    r"backup|veeam)(?:[._+-][\w.+-]*)?@", re.IGNORECASE)


def is_machine(address: str) -> bool:
    """Whether ``address`` is a system's (monitoring, no-reply), not a person's."""
    return bool(_MACHINE.match(address))
