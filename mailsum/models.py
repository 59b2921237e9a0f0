"""Plain data passed between pipeline stages.

Stages (fetch, parse, thread, route, extract, render, deliver) import only this module and
``errors``; the orchestrator (``runner``) is the only place that wires them together.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

_T = TypeVar("_T")

# --------------------------------------------------------------------------- closed sets
# Each value is its string (StrEnum), so stored state, JSON and templates read the same words.


class PointKind(StrEnum):
    QUESTION = "question"
    REQUEST = "request"
    TODO = "todo"  # a promise of ours, or a task someone took on
    BLOCKER = "blocker"  # a fault: something does not work
    DEADLINE = "deadline"  # a date that binds, with no ask around it


class PointStatus(StrEnum):
    """A point as the thread and the state know it."""

    OPEN = "open"
    RESOLVED = "resolved"
    SNOOZED = "snoozed"  # by reply, until a date
    ARCHIVED = "archived"  # old when first read; never listed
    WITHDRAWN = "withdrawn"  # a later analysis no longer finds it; never listed


class Listing(StrEnum):
    """How one update lists an open point."""

    NEW = "new"  # first listed in this update
    OPEN = "open"
    SNOOZED = "snoozed"


class TicketState(StrEnum):
    """Whose move it is in a ticket (issue "where each ticket stands"); JSON uses these words."""

    WAITING_ON_US = "waiting_on_us"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    RESOLVED = "resolved"
    INFORMATIONAL = "informational"  # nothing was asked or promised


class AutoKind(StrEnum):
    """Mail no person wrote just now."""

    AUTO_REPLY = "auto-reply"
    BOUNCE = "bounce"
    BULK = "bulk"


class UpdateStatus(StrEnum):
    """An update in the outbox."""

    PENDING = "pending"  # to be sent (again)
    SENT = "sent"
    FAILED = "failed"  # gave up after its retries
    SKIPPED = "skipped"  # due, but quiet and the customer wants no quiet update


# --------------------------------------------------------------------------- config keys


@dataclass(frozen=True)
class Setting:
    """One configuration key as declared next to its field: the loader reads and checks it from
    this, and its default is the field's, so a default is written once (getmail6's model)."""

    key: str  # the YAML key
    check: str  # how the loader reads it: "int", "float", "bool", "enum", "address", ...
    doc: str  # what it means, for people (the config reference must agree with it)
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # the section's kinds it applies to (a source's, ...); (): all


def setting(default: _T, check: str, doc: str, *, key: str = "", minimum: int | None = None,
            maximum: int | None = None, choices: tuple[str, ...] = (),
            kinds: tuple[str, ...] = ()) -> _T:
    """A dataclass field that is also a configuration key (``key`` defaults to the field name;
    ``"oauth2.mechanism"`` is the key ``mechanism`` of the nested mapping ``oauth2``)."""
    declared = Setting(key, check, doc, minimum, maximum, choices, kinds)
    return field(default=default, metadata={"setting": declared})  # type: ignore[no-any-return]


def settings(cls: type) -> list[tuple[Field[Any], Setting]]:
    """The configuration keys ``cls`` declares, in field order, each with its YAML key filled."""
    out = []
    for f in fields(cls):
        declared = f.metadata.get("setting")
        if declared is not None:
            if not declared.key:
                declared = replace(declared, key=f.name)
            out.append((f, declared))
    return out


# --------------------------------------------------------------------------- fetch


@dataclass(frozen=True)
class RawMessage:
    """One message as fetched, before any parsing."""

    source: str  # source name from the config
    folder: str  # IMAP folder, or "" for Maildir/mbox
    key: str  # stable key within source+folder: IMAP UID, Maildir key, mbox content hash
    data: bytes
    uid: int | None = None  # IMAP UID
    size: int | None = None  # RFC822.SIZE where known


# --------------------------------------------------------------------------- parse

AUTO_KINDS = tuple(AutoKind)


@dataclass
class ParsedMessage:
    """What later stages need of one message; ``own_text`` is the only text they extract from."""

    message_id: str  # "<...>"; synthesized from the content hash when missing
    subject: str  # decoded, stripped
    from_addr: str  # lower-cased bare address, "" when absent
    from_name: str
    to: list[str]  # lower-cased bare addresses
    cc: list[str]
    date: datetime  # timezone-aware, UTC
    in_reply_to: str | None
    references: list[str]
    headers: dict[str, str]  # lower-cased header name -> decoded value (first occurrence)
    text: str  # whole body as plain text (HTML converted)
    own_text: str  # new text only: no quoted history, signature, disclaimer (greetings stay)
    auto: AutoKind | None = None
    away_until: date | None = None  # return date stated in an out-of-office reply
    language: str = "de"  # "de" | "en", guessed from own_text
    content_hash: str = ""  # sha256 hex of the raw bytes
    defects: list[str] = field(default_factory=list)  # non-fatal parse problems


# --------------------------------------------------------------------------- thread


@dataclass
class Thread:
    thread_id: str  # Message-ID of the root (or earliest) message
    subject: str  # normalised subject (no Re:/AW:/WG:/Fwd: prefixes)
    message_ids: list[str]  # chronological order


# --------------------------------------------------------------------------- route


@dataclass(frozen=True)
class Match:
    """One entry of a customer's ``match`` list; every key that is set must match."""

    file: str
    line: int
    from_domain: tuple[str, ...] = ()
    from_address: tuple[str, ...] = ()
    to_address: tuple[str, ...] = ()
    subject: str | None = None  # regular expression, searched case-insensitively
    headers: tuple[tuple[str, str], ...] = ()  # (header name, regular expression)


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    match: tuple[Match, ...]
    contact: tuple[str, ...]
    cc: tuple[str, ...] = setting((), "addresses", "copies of the update")
    owner: str | None = setting(None, "address", "who on our side owns its points by default")
    # the config's language when not given (the loader passes it)
    language: str = setting("de", "enum", "language of its update", choices=("de", "en"))
    schedule: str = setting("0 7 * * 1-5", "schedule", "cron: when its update is due")
    quiet_update: bool = setting(True, "bool", "send an update also when nothing is new")
    timezone: str | None = setting(None, "timezone", "its timezone; none: the config's")
    team: tuple[str, ...] = setting((), "addresses",
                                    "extra team addresses allowed to steer this customer")
    stale_after_days: int = setting(14, "int", "an open point older than this is a problem",
                                    minimum=1, maximum=3650)
    templates: str | None = setting(None, "customer_templates",
                                    "folder overriding the templates for this customer only")
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Absence:
    address: str
    until: date
    start: date | None = None


@dataclass(frozen=True)
class Team:
    """Who "we" are: the team's domains and its addresses outside them. Built once from the
    rules and passed whole (``mailsum extract`` without a config has an empty team)."""

    domains: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()  # team members outside those domains
    _domains: frozenset[str] = field(init=False, repr=False, compare=False)
    _addresses: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_domains",
                           frozenset(d.lower().lstrip("@") for d in self.domains))
        object.__setattr__(self, "_addresses", frozenset(a.lower() for a in self.addresses))

    def contains(self, address: str, *, subdomains: bool = False) -> bool:
        """A team address, or an address in a team domain (``subdomains``: or below one, as
        routing counts ``mail.provider.de`` as ``provider.de``)."""
        address = address.strip().lower()
        if not address:
            return False
        if address in self._addresses:
            return True
        domain = address.rpartition("@")[2]
        if not subdomains:
            return domain in self._domains
        domain = domain.rstrip(".")
        return any(domain == d or domain.endswith("." + d) for d in self._domains)

    def with_addresses(self, addresses: tuple[str, ...]) -> Team:
        """The team and further people on our side (owners, contacts named in the rules)."""
        return Team(self.domains, (*self.addresses, *addresses))


@dataclass(frozen=True)
class Rules:
    team: Team
    customers: tuple[Customer, ...]
    fallback_contact: tuple[str, ...] = ()
    fallback_schedule: str | None = None  # cron: when the digest of unrouted threads is due
    fallback_language: str = "de"
    absences: tuple[Absence, ...] = ()


@dataclass
class RouteDecision:
    customer_id: str | None
    reason: str  # e.g. "rules/customers.yaml:14: acme, match 1: from_domain acme.de"
    message_id: str | None = None  # the message that decided it


# --------------------------------------------------------------------------- extract

POINT_KINDS = tuple(PointKind)


@dataclass
class Point:
    id: str  # stable: hash of message_id and normalised text
    kind: PointKind
    text: str  # verbatim sentence(s) from own_text
    message_id: str
    raised_by: str  # address of the sender
    raised_at: datetime
    owner: str | None  # who on our side is responsible
    due: date | None = None
    status: PointStatus = PointStatus.OPEN  # open or resolved, as far as the thread tells
    resolved_by: str | None = None  # Message-ID of the message that settled it
    escalation: bool = False  # urgent / critical language
    position: int = 0  # sentence number in its message: an update lists them in reading order
    promise: str | None = None  # our promise that took on this request, verbatim


@dataclass
class OwnerChange:
    point_id: str
    old: str | None
    new: str
    message_id: str
    at: datetime
    reason: str  # the sentence that made the change


TICKET_STATES = tuple(TicketState)


@dataclass
class Ticket:
    """Where one thread stands: whose move it is, who owns it, what comes next (verbatim)."""

    state: TicketState
    owner: str | None = None
    next_step: str | None = None  # our latest promise or question, verbatim
    next_by: str | None = None  # who wrote it
    next_at: datetime | None = None  # when
    due: date | None = None


@dataclass
class ThreadExtract:
    thread_id: str
    subject: str
    message_ids: list[str]
    summary: list[str]  # verbatim sentences, at most a few
    points: list[Point]
    owner_changes: list[OwnerChange] = field(default_factory=list)
    ticket: Ticket | None = None


# --------------------------------------------------------------------------- compose/render


@dataclass
class UpdatePoint:
    number: int  # as numbered in this update; reply commands refer to it
    id: str
    kind: PointKind
    status: Listing
    problem: bool  # shown first: blocker, overdue, escalation
    text: str
    owner: str | None
    raised_by: str
    due: date | None
    thread_id: str
    thread_subject: str
    message_id: str
    first_seen: datetime
    age_days: int
    overdue: bool = False
    escalation: bool = False
    owner_away_until: date | None = None
    raised_at: datetime | None = None  # date of the source message
    stale: bool = False  # open longer than the configured age; a problem too
    source_ref: str = ""  # ticket number or subject, to find the source mail
    promise: str | None = None  # our promise that took on this request, verbatim


@dataclass
class UpdateResolved:
    id: str
    text: str
    message_id: str
    thread_subject: str = ""
    by: str | None = None  # who settled it: the sender of the mail or reply that did
    at: datetime | None = None  # when that mail or reply was sent


@dataclass
class UpdateOwnerChange:
    id: str
    text: str
    old: str | None
    new: str
    at: datetime
    reason: str = ""


@dataclass
class UpdateThread:
    thread_id: str
    subject: str
    message_ids: list[str]
    summary: list[str]


@dataclass
class UpdateTicket:
    """One ticket as an update shows it: whose move, owner, next step, and its points."""

    thread_id: str
    subject: str
    message_ids: list[str]
    state: TicketState
    owner: str | None
    next_step: str | None  # verbatim: our latest promise or question
    next_by: str | None
    next_at: datetime | None
    due: date | None
    problem: bool
    points: list[int] = field(default_factory=list)  # numbers of its points in this update
    resolved: list[str] = field(default_factory=list)  # ids of its points settled since


@dataclass
class UpdateHistory:
    """Counts of one earlier update, for the trend picture."""

    at: datetime
    new: int
    open: int
    resolved: int


@dataclass
class SourceState:
    """How one source that feeds an update stands: an update must never read as an all-clear
    when a mailbox it depends on could not be read."""

    name: str
    ok: bool  # its last poll succeeded
    last_ok: datetime | None  # the last successful poll; None: never read
    error: str | None = None  # the last poll's error while it is failing
    failing_since: datetime | None = None  # first failed poll since the last good one


@dataclass
class Update:
    """Everything one customer's update shows; render turns it into text and HTML."""

    customer_id: str
    customer_name: str
    to: list[str]
    cc: list[str]
    language: str
    timezone: str
    generated_at: datetime  # aware
    since: datetime | None  # time of the previous update, None for the first
    quiet: bool  # nothing new since the previous update
    points: list[UpdatePoint]  # open points, problems first, then by thread
    resolved: list[UpdateResolved]
    owner_changes: list[UpdateOwnerChange]
    threads: list[UpdateThread]
    away: list[tuple[str, date]] = field(default_factory=list)  # (owner, back on)
    deputies: dict[str, str] = field(default_factory=dict)  # away owner -> their stand-in
    snoozed: int = 0  # snoozed points counted, not hidden
    subject: str = ""  # filled by render
    history: list[UpdateHistory] = field(default_factory=list)  # earlier updates, oldest first
    tickets: list[UpdateTicket] = field(default_factory=list)  # active tickets, as listed
    more: int = 0  # open points past the update's cap, counted, not listed
    # the sources this update's mail comes from, filled by the runner; a failing one is said
    # at the top of the update ("the state is as of the last good poll")
    sources: list[SourceState] = field(default_factory=list)

    @property
    def source_problems(self) -> list[SourceState]:
        return [s for s in self.sources if not s.ok]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": sum(1 for p in self.points if p.status == "new"),
            "open": len(self.points) + self.more,
            # settled tickets: progress inside a ticket still open is its line, not "erledigt"
            "resolved": (sum(1 for t in self.tickets if t.state == "resolved")
                         if self.tickets else len(self.resolved)),
            "owner_changes": len(self.owner_changes),
        }


@dataclass
class DigestThread:
    subject: str
    first_from: str
    last_activity: datetime
    messages: int
    summary: list[str]


@dataclass
class Digest:
    """Threads no rule claims, for the fallback contact: so nothing falls through the cracks."""

    to: list[str]
    language: str
    timezone: str
    generated_at: datetime
    since: datetime | None
    threads: list[DigestThread]
    subject: str = ""  # filled by render


@dataclass
class RenderedUpdate:
    subject: str
    text: str
    html: str


# --------------------------------------------------------------------------- deliver


@dataclass
class OutgoingMail:
    message_id: str
    sender: str  # envelope sender (bare address)
    recipients: list[str]  # envelope recipients (to + cc)
    data: bytes  # the complete RFC 5322 message


# --------------------------------------------------------------------------- state records


@dataclass
class PointRecord:
    """A point as the state store remembers it across runs."""

    id: str
    customer_id: str | None
    thread_id: str
    kind: PointKind
    text: str
    message_id: str
    raised_by: str
    raised_at: datetime
    owner: str | None
    due: date | None
    status: PointStatus
    first_seen: datetime
    last_activity: datetime
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    escalation: bool = False
    snoozed_until: datetime | None = None
    owner_by_command: bool = False  # set by the contact's reply; extraction leaves it alone
    position: int = 0  # sentence number in its message (0 for points stored before schema 4)
    promise: str | None = None  # our promise that took on this request (schema 6)


@dataclass
class OwnerChangeRecord:
    point_id: str
    old: str | None
    new: str
    at: datetime
    reason: str
    recorded_at: datetime


@dataclass
class ThreadRecord:
    thread_id: str
    customer_id: str | None
    subject: str
    message_ids: list[str]
    summary: list[str]
    last_activity: datetime
    route_reason: str = ""
    ticket: Ticket | None = None  # None: stored before schema 7, or never analysed
