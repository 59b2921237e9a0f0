"""Decide whether a reply to an update may steer, and what its commands would change.

Pure functions over plain data: the orchestrator looks up the update and the points, calls
these, then applies the plan in one transaction and sends the answer. Every check that fails
yields ``answer=False``: a reply we do not trust is logged, never answered, so a forged sender
gets no backscatter and two robots cannot loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import getaddresses

from mailsum.models import ParsedMessage
from mailsum.msgid import verify_message_id
from mailsum.replies.commands import Command, CommandError, CommandParse, parse_duration

MARKER_HEADERS = ("x-mailsum-update", "x-mailsum-reply")
MAX_SNOOZE = timedelta(days=365)
MAX_PAUSE = timedelta(days=365)

_LIST_HEADERS = ("list-id", "list-unsubscribe", "list-post", "list-help", "mailing-list")
_ROBOT_LOCAL = re.compile(
    r"^(?:mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|listserv|majordomo)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SentUpdate:
    """What the state store remembers of one sent update (enough to check a reply to it)."""

    update_key: str  # the key signed into its Message-ID
    customer_id: str
    recipients: tuple[str, ...]  # envelope recipients (to + cc), any case
    sent_at: datetime  # aware
    numbers: Mapping[int, str]  # number as shown in that update -> point id


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    reason: str  # for the log: why it was accepted or refused
    answer: bool  # whether to answer at all (never for a refused reply)


@dataclass(frozen=True)
class PointInfo:
    """The current state of one of the customer's points, as far as planning needs it."""

    id: str
    status: str  # "open" | "new" | "resolved" | "snoozed"
    owner: str | None
    text: str = ""


@dataclass(frozen=True)
class Change:
    point_id: str
    action: str  # "done" | "owner" | "snooze" | "reopen" | "note"
    value: str | None  # owner: new address; note: text; snooze: "<days>d"; else None
    number: int  # as numbered in the update answered
    line_no: int  # the reply line that asked for it
    until: datetime | None = None  # snooze: hidden until then
    old: str | None = None  # owner: the previous owner
    point_text: str = ""


@dataclass(frozen=True)
class Unchanged:
    """A command that asks for what already holds ("done 3" on a resolved point)."""

    number: int
    point_id: str
    line_no: int
    message_de: str
    message_en: str


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    errors: list[CommandError] = field(default_factory=list)
    send_update: bool = False
    pause_until: datetime | None = None
    resume: bool = False
    help: bool = False
    unchanged: list[Unchanged] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# --------------------------------------------------------------------------- reference


def update_key_of(msg: ParsedMessage, secret: bytes) -> str | None:
    """The key of the update this reply answers, proven by our HMAC in its references.

    In-Reply-To first, then References newest first: the reply answers the most recent of our
    updates it refers to.
    """
    candidates: list[str] = []
    if msg.in_reply_to:
        candidates.append(msg.in_reply_to)
    candidates.extend(reversed(msg.references))
    for message_id in candidates:
        key = verify_message_id(message_id, secret)
        if key is not None:
            return key
    return None


# --------------------------------------------------------------------------- checks


def _refuse(reason: str) -> Verdict:
    return Verdict(accepted=False, reason=reason, answer=False)


def _lower(addresses: Iterable[str]) -> set[str]:
    return {a.strip().lower() for a in addresses if a and a.strip()}


def is_machine_mail(msg: ParsedMessage) -> str | None:
    """Why the message is machine-sent (never to be answered), or None for a person's mail."""
    if msg.auto:
        return msg.auto
    h = {k.lower(): (v or "").strip() for k, v in msg.headers.items()}
    auto_submitted = h.get("auto-submitted", "").lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return f"auto-submitted: {auto_submitted}"
    if h.get("precedence", "").lower() in ("bulk", "list", "junk", "auto_reply"):
        return f"precedence: {h['precedence'].lower()}"
    for name in _LIST_HEADERS:
        if name in h:
            return f"mailing list ({name})"
    if h.get("return-path") == "<>":
        return "null return path (bounce)"
    if "x-autoreply" in h or "x-autorespond" in h or "x-failed-recipients" in h:
        return "auto-reply header"
    local = msg.from_addr.partition("@")[0]
    if _ROBOT_LOCAL.match(local):
        return f"robot sender {msg.from_addr}"
    return None


def _from_addresses(msg: ParsedMessage) -> set[str]:
    raw = msg.headers.get("from", "")
    found = _lower(addr for _, addr in getaddresses([raw]) if "@" in addr)
    return found or _lower([msg.from_addr])


def authorize(
    msg: ParsedMessage,
    *,
    update: SentUpdate | None,
    secret_ok: bool,
    now: datetime,
    max_age: timedelta,
    allowed_senders: set[str],
    our_addresses: set[str],
    require_dkim: bool,
    dkim_ok: bool | None,
) -> Verdict:
    """Accept a reply only if every check of DESIGN.md §6 holds; refusals are never answered.

    ``secret_ok``: the reply's references carried a Message-ID with a valid HMAC (see
    ``update_key_of``); ``update``: the sent update that key names, None if unknown;
    ``allowed_senders``: the customer's contacts and listed team; ``our_addresses``: our own
    sender, Reply-To and source addresses; ``dkim_ok``: result of ``check_dkim`` or
    ``authentication_results_pass``, None when it could not be checked.
    """
    machine = is_machine_mail(msg)
    if machine:
        return _refuse(f"machine-sent mail ({machine}); not acted on, not answered")
    for name in MARKER_HEADERS:
        if any(k.lower() == name for k in msg.headers):
            return _refuse(f"carries our marker header {name}; a loop, not answered")
    sender = msg.from_addr.strip().lower()
    if not sender or "@" not in sender:
        return _refuse("no sender address")
    if any(d.endswith(" From headers") for d in msg.defects):  # parse counts the lines
        # two From lines are as ambiguous as one From with two addresses (issue 19)
        return _refuse("several From header lines")
    senders = _from_addresses(msg)
    if len(senders) != 1 or sender not in senders:
        return _refuse(f"several or inconsistent From addresses: {sorted(senders)}")
    if sender in _lower(our_addresses):
        return _refuse(f"sent from our own address {sender}")
    if not secret_ok:
        return _refuse("no verifiable update reference (In-Reply-To/References)")
    if update is None:
        return _refuse("answers an update we have no record of")
    if sender not in _lower(update.recipients):
        return _refuse(f"{sender} was not a recipient of update {update.update_key}")
    if sender not in _lower(allowed_senders):
        return _refuse(f"{sender} is not a contact or team member of {update.customer_id}")
    if now - update.sent_at > max_age:
        return _refuse(
            f"update {update.update_key} of {update.sent_at.isoformat()} is older than "
            f"{max_age.days} days"
        )
    if update.sent_at - now > timedelta(minutes=5):
        return _refuse(f"update {update.update_key} is dated in the future")
    if require_dkim and dkim_ok is not True:
        state = "failed" if dkim_ok is False else "could not be checked"
        return _refuse(f"DKIM for {sender.partition('@')[2]} {state}; require_dkim is on")
    return Verdict(
        accepted=True,
        reason=f"{sender} answers update {update.update_key} of {update.customer_id}",
        answer=True,
    )


def rate_limited(sent_answers_today: int, limit: int) -> bool:
    """True when this sender already got ``limit`` answers today (loop protection)."""
    return sent_answers_today >= max(0, limit)


# --------------------------------------------------------------------------- DKIM


def _strip_comments(value: str) -> str:
    out, depth = [], 0
    for ch in value:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def _domain_aligned(signer: str, domain: str) -> bool:
    """Same domain, or the sender's domain below the signing one (relaxed alignment)."""
    signer, domain = signer.strip().lower().rstrip("."), domain.strip().lower().rstrip(".")
    if not signer or not domain:
        return False
    return signer == domain or ("." in signer and domain.endswith("." + signer))


def authentication_results_pass(
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    authserv_ids: set[str],
    domain: str,
) -> bool:
    """A DKIM pass for ``domain`` in the topmost ``Authentication-Results`` of a trusted server.

    Only results stamped with one of our ``authserv_ids`` count (RFC 8601 §5: anyone can write
    the header; our receiving MTA must add its own and remove forged ones with its id). Pass
    ``ParsedMessage.headers`` (first occurrence, i.e. the topmost) or all (name, value) pairs.
    """
    items = headers.items() if isinstance(headers, Mapping) else headers
    trusted = {a.strip().lower() for a in authserv_ids if a.strip()}
    for name, value in items:
        if name.strip().lower() != "authentication-results":
            continue
        parts = [p.strip() for p in _strip_comments(value).split(";")]
        if not parts or not parts[0]:
            continue
        authserv = parts[0].split()[0].lower()
        if authserv not in trusted:
            continue
        for resinfo in parts[1:]:
            tokens = resinfo.split()
            if not tokens or tokens[0].lower() != "dkim=pass":
                continue
            props = dict(t.split("=", 1) for t in tokens[1:] if "=" in t)
            props = {k.lower(): v.strip('"') for k, v in props.items()}
            signer = props.get("header.d") or props.get("header.i", "").rpartition("@")[2]
            if _domain_aligned(signer, domain):
                return True
        return False  # only the topmost trusted header counts
    return False


def check_dkim(raw: bytes, sender_domain: str) -> bool | None:
    """Verify the DKIM signature with dkimpy (needs DNS); None when dkimpy is not installed."""
    try:
        import dkim  # type: ignore[import-not-found]
    except ImportError:
        return None
    m = re.search(rb"(?im)^DKIM-Signature:.*?\bd=([^;\s]+)", raw)
    if not m or not _domain_aligned(m.group(1).decode("ascii", "replace"), sender_domain):
        return False
    try:
        return bool(dkim.verify(raw))
    except Exception:  # dkimpy raises on DNS and syntax trouble alike: not a pass
        return False


# --------------------------------------------------------------------------- plan


def _err(cmd: Command, de: str, en: str) -> CommandError:
    return CommandError(cmd.line_no, cmd.line, de, en)


def plan(
    commands: Sequence[Command],
    update: SentUpdate,
    *,
    customer_points: Mapping[str, PointInfo],
    allowed_owner: Callable[[str], bool],
    now: datetime,
    max_snooze: timedelta = MAX_SNOOZE,
    max_pause: timedelta = MAX_PAUSE,
) -> Plan:
    """What the commands would change; with any error the plan changes nothing at all.

    Numbers are looked up in ``update.numbers`` (the update being answered, not the latest),
    and a point must be among ``customer_points`` (only that customer's points), so a reply can
    never reach another customer's points.
    """
    result = Plan()
    state_of: dict[str, tuple[str, int]] = {}  # point id -> ("done None"/…, line)
    owner_of: dict[str, str] = {}
    for cmd in commands:
        if cmd.name == "update":
            result.send_update = True
        elif cmd.name == "help":
            result.help = True
        elif cmd.name == "resume":
            result.resume = True
        elif cmd.name == "pause":
            duration = parse_duration(cmd.arg or "")
            if duration is None or not timedelta(days=1) <= duration <= max_pause:
                result.errors.append(_err(
                    cmd, f"Pause zwischen 1 und {max_pause.days} Tagen angeben",
                    f"pause for between 1 and {max_pause.days} days"))
            else:
                result.pause_until = now + duration
        else:
            _plan_point_command(cmd, update, customer_points, allowed_owner, now, max_snooze,
                                result, state_of, owner_of)
    if result.pause_until is not None and result.resume:
        line = next(c for c in commands if c.name in ("pause", "resume"))
        result.errors.append(_err(line, "pause und weiter widersprechen sich",
                                  "pause and resume contradict each other"))
    if result.errors:
        return Plan(errors=result.errors)
    return result


def plan_reply(
    parsed: CommandParse,
    update: SentUpdate,
    *,
    customer_points: Mapping[str, PointInfo],
    allowed_owner: Callable[[str], bool],
    now: datetime,
    max_snooze: timedelta = MAX_SNOOZE,
    max_pause: timedelta = MAX_PAUSE,
) -> Plan:
    """``plan`` for a parsed reply: parse and plan errors together, by line, and then no change."""
    result = plan(parsed.commands, update, customer_points=customer_points,
                  allowed_owner=allowed_owner, now=now, max_snooze=max_snooze,
                  max_pause=max_pause)
    if not parsed.errors:
        return result
    return Plan(errors=sorted([*parsed.errors, *result.errors], key=lambda e: e.line_no))


def _plan_point_command(
    cmd: Command,
    update: SentUpdate,
    points: Mapping[str, PointInfo],
    allowed_owner: Callable[[str], bool],
    now: datetime,
    max_snooze: timedelta,
    result: Plan,
    state_of: dict[str, tuple[str, int]],
    owner_of: dict[str, str],
) -> None:
    until: datetime | None = None
    if cmd.name == "snooze":
        duration = parse_duration(cmd.arg or "")
        if duration is None or not timedelta(days=1) <= duration <= max_snooze:
            result.errors.append(_err(
                cmd, f"zurückstellen geht für 1 bis {max_snooze.days} Tage",
                f"snooze for between 1 and {max_snooze.days} days"))
            return
        until = now + duration
    if cmd.name == "owner":
        address = (cmd.arg or "").strip().lower()
        if not address or not allowed_owner(address):
            result.errors.append(_err(
                cmd, f"{address or '?'} ist keine Adresse des Teams oder der Kundenliste",
                f"{address or '?'} is not an address of the team or the customer's list"))
            return
    for number in cmd.numbers:
        point_id = update.numbers.get(number)
        if point_id is None:
            result.errors.append(_err(
                cmd, f"das Update hatte keinen Punkt {number}",
                f"the update had no point {number}"))
            continue
        point = points.get(point_id)
        if point is None:
            result.errors.append(_err(
                cmd, f"Punkt {number} gibt es nicht mehr", f"point {number} no longer exists"))
            continue
        if cmd.name in ("done", "reopen", "snooze"):
            earlier = state_of.get(point_id)
            if earlier and earlier[0] == f"{cmd.name} {cmd.arg}":
                continue  # the same thing asked twice
            if earlier:
                result.errors.append(_err(
                    cmd, f"Punkt {number} steht schon in Zeile {earlier[1]} mit einem anderen "
                    "Befehl", f"point {number} already has a different command in line "
                    f"{earlier[1]}"))
                continue
            state_of[point_id] = (f"{cmd.name} {cmd.arg}", cmd.line_no)
        if cmd.name == "owner":
            earlier_owner = owner_of.get(point_id)
            if earlier_owner == cmd.arg:
                continue
            if earlier_owner is not None:
                result.errors.append(_err(
                    cmd, f"Punkt {number} bekommt zwei verschiedene Zuständige",
                    f"point {number} is given two different owners"))
                continue
            owner_of[point_id] = cmd.arg or ""
        noop = _already(cmd, point)
        if noop:
            result.unchanged.append(Unchanged(number, point_id, cmd.line_no, *noop))
            continue
        result.changes.append(Change(
            point_id=point_id, action=cmd.name, value=cmd.arg, number=number,
            line_no=cmd.line_no, until=until,
            old=point.owner if cmd.name == "owner" else None, point_text=point.text))


def _already(cmd: Command, point: PointInfo) -> tuple[str, str] | None:
    """(German, English) notice when the command asks for what already holds."""
    if cmd.name == "done" and point.status == "resolved":
        return "war schon erledigt", "was already resolved"
    if cmd.name == "reopen" and point.status in ("open", "new"):
        return "war schon offen", "was already open"
    if cmd.name == "snooze" and point.status == "resolved":
        return ("ist erledigt und wird nicht zurückgestellt",
                "is resolved and was not snoozed")
    if cmd.name == "owner" and (point.owner or "").lower() == (cmd.arg or "").lower():
        return "hatte schon diese Zuständigkeit", "already had this owner"
    return None
