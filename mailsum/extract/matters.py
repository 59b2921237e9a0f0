"""Which open points of a thread are one matter: grouped by what they are about.

A service thread often carries more than one matter: a new starter's accounts and, a week
later, "could you order her a second monitor"; a control-room PC that freezes and the written
explanation of a missed visit the head of the utility asked for; "three things, if you can:
1. … 2. … 3. …". Listed as one, the update names one of them and hides the others; each needs
its own line, owner and next step.

What joins a matter, in the order the points were written:

- a customer point opens a matter of its own only when it says it is another one: a numbered
  item ("1. … 2. …") or an ask that opens with "One more thing:", "Außerdem", "Eine Bitte
  noch" (``cues.NEW_MATTER_RE``), naming something none of the matters so far names;
- any other customer point (a chase, a detail, an answer) joins the matter it shares topic
  words with (``answers.answers`` either way), else the one being read;
- our promises and questions join the matter of their topic, else the one of the customer
  mail they follow; our promise of something they asked beside their report ("Die
  schriftliche Erklärung schicke ich Ihnen bis Mittwoch") is a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mailsum.extract import answers, cues
from mailsum.models import Point

# A numbered item: "1. New starter: …", "2) Tom Barker …", "Zu 3.:" is an answer, not an item.
ITEM = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")  # a numbered item: "1. …", "2) …"; its number
# Words that say when or that there is news, not what about: a promise or chase made of them
# has no topic of its own.
_TIMING = (
    "melde melden meld zurück zurückmelden bescheid weiter weitergeht stand neues news update "
    "updates back touch hear heard progress status status sachstand rückmeldung feedback "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday "
    "thursday friday saturday sunday heute morgen übermorgen today tomorrow tonight woche "
    "wochen week weeks nächste nächsten next ende end anfang früh spätestens latest eod "
    "vormittag nachmittag abend morning afternoon evening sobald soon asap schnell quickly "
    "januar februar märz april mai juni juli august september oktober november dezember "
    "january february march june july october december kw uhr"
)
_MIN_TOPIC = 2
_MAX_POINTS = 60  # open points of one thread grouped by topic; beyond, one matter


@lru_cache(maxsize=1)
def _timing() -> frozenset[str]:
    return answers.topic_words(_TIMING)


@lru_cache(maxsize=8192)
def _topic(text: str) -> frozenset[str]:
    """A point's own topic words: no dates, no words of timing or news."""
    return frozenset(w for w in answers.topic_words(text)
                     if not w[:1].isdigit() and w not in _timing())


def topic(text: str) -> frozenset[str]:
    """What a point is about, without its words of timing or news ("Bitte melden Sie sich heute
    noch" is about nothing of its own)."""
    return _topic(text)


@dataclass
class Group:
    """The open points of one matter, by who raised them."""

    customer: list[Point] = field(default_factory=list)
    promises: list[Point] = field(default_factory=list)
    asks: list[Point] = field(default_factory=list)

    @property
    def members(self) -> list[Point]:
        return [*self.customer, *self.promises, *self.asks]

    def shares(self, p: Point) -> bool:
        return any(answers.same_topic(q.text, p.text) for q in self.members)


def group_by_matter(customer: list[Point], promises: list[Point],
                    asks: list[Point]) -> list[Group]:
    """The matters of a thread with customer points open, the first the customer's first
    report (the lead); every point lands in exactly one. Comparing topics is quadratic, so a
    thread with more open points than a person writes (a flood, hostile mail) is one matter."""
    if len(customer) + len(promises) + len(asks) > _MAX_POINTS:
        return [Group(list(customer), list(promises), list(asks))]
    groups: list[Group] = []
    current: Group | None = None  # the customer's matter being read
    follows: list[tuple[Point, Group]] = []  # each customer point and its matter, in order
    for p in sorted(customer, key=_when):
        opens = _opens(p)
        # an item of a list is a matter of its own beside the rest of its mail ("3. … die
        # Akkus der vorhandenen Geräte" after "fünf zusätzliche Handscanner"); in a later
        # mail, one that shares a matter's words repeats it ("Zu 1.: …")
        if current is None or opens and not any(
                g.shares(p) for g in groups if g.customer[0].message_id != p.message_id):
            current = Group()
            groups.append(current)
        elif not opens:
            # a chase, a detail, an answer: the matter it shares words with, else the current
            current = next((g for g in reversed(groups) if g.shares(p)), current)
        current.customer.append(p)
        follows.append((p, current))
    for role, ours in (("promises", promises), ("asks", asks)):
        for p in sorted(ours, key=_when):
            # ours answer the customer: the matter of their topic, else the one they follow
            before = [g for q, g in follows if _when(q) <= _when(p)]
            target = next((g for g in reversed(groups) if g.shares(p)),
                          before[-1] if before else groups[0])
            if role == "promises" and _beside_the_lead(p, target):
                # "Die schriftliche Erklärung schicke ich Ihnen bis Mittwoch": a deliverable
                # they asked for beside their fault, a line of its own
                target = Group()
                groups.append(target)
            getattr(target, role).append(p)
    return groups


def _beside_the_lead(p: Point, group: Group) -> bool:
    """Our promise names something of the matter other than what it is about: it shares
    words with a later ask of theirs, none with the report that opened the matter."""
    mine = _topic(p.text)
    if not group.customer or len(mine) < _MIN_TOPIC or mine & _topic(group.customer[0].text):
        return False
    return any(len(mine & _topic(q.text)) >= _MIN_TOPIC for q in group.customer[1:])


def _when(p: Point) -> tuple[object, int]:
    return (p.raised_at, p.position)


def _opens(p: Point) -> bool:
    """A numbered item or an ask that says it is another one ("One more thing: …")."""
    text = " ".join(p.text.split())
    return bool(ITEM.match(text) or cues.NEW_MATTER_RE.match(text)) and (
        len(_topic(text)) >= _MIN_TOPIC)
