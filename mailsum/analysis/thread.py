"""Group parsed messages into conversations: headers first, then ticket tags, then subjects.

Header links (In-Reply-To / References, JWZ-style with ghost parents) come first because that is
what mail clients state. Ticket tags come next because ticket systems often send notifications
without any References. The subject is the last resort and joins only messages that say they are
replies (a Re:/AW:/WG:… prefix, as JWZ does), so two unrelated "Drucker defekt" mails weeks
apart stay apart; and such a reply joins only a thread active within ``SUBJECT_WINDOW`` before
it, so "AW: Drucker defekt" in March does not revive January's printer ticket (and a caller
that keeps threads between runs only looks at recent threads with that subject: issue 7).

Every decision is made in an order derived from the messages themselves (date, Message-ID), never
from the input order, so the same messages always give the same threads. Ties in the listed
order of one thread's messages keep the input order.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from mailsum.models import ParsedMessage, Thread

__all__ = [
    "SUBJECT_WINDOW",
    "has_reply_prefix",
    "normalize_subject",
    "parent_map",
    "subject_key",
    "thread_messages",
    "ticket_tags",
]

# A prefixed reply without header links joins the latest earlier thread with its subject whose
# newest message is at most this much older than the reply.
SUBJECT_WINDOW = timedelta(days=30)

# --------------------------------------------------------------------------- subjects

# Reply / forward / auto-reply prefixes in the languages service mailboxes see most.
_PREFIX_WORDS = (
    r"re|aw|antw|antwort|sv|vs|wg|fw|fwd|tr|rif|odp|ynt|"
    r"automatische antwort|automatic reply|auto-reply|autoreply|abwesenheitsnotiz|out of office"
)
_PREFIX = re.compile(
    rf"(?:{_PREFIX_WORDS})\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]\s*",
    re.IGNORECASE,
)
_TAG = re.compile(r"\[[^\[\]]*\]\s*")
_FWD_SUFFIX = re.compile(r"\s*\((?:fwd|fw)\)\s*$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_NON_WORD = re.compile(r"[\W_]+")

# Subjects too common to say two messages belong together.
# fmt: off
_GENERIC = frozenset({
    "", "hallo", "hello", "hi", "hey", "moin", "servus", "guten tag", "hallo zusammen",
    "frage", "fragen", "kurze frage", "question", "quick question", "anfrage", "rückfrage",
    "nachfrage", "kein betreff", "ohne betreff", "no subject", "untitled", "info",
    "information", "zur info", "fyi", "test", "problem", "hilfe", "help", "bitte",
    "dringend", "urgent", "wichtig", "important", "termin", "update", "status", "danke",
    "thanks", "thank you", "dokument", "document", "scan", "rückruf", "callback",
})
# fmt: on


@lru_cache(maxsize=8192)
def _split_subject(subject: str) -> tuple[tuple[str, ...], str, bool]:
    """Peel leading prefixes and [tags]; return (unique tags, rest, saw a reply prefix).

    Cached (issue 7): one thread's messages share a subject, and threading asks up to three
    times per message.
    """
    rest = _SPACE.sub(" ", subject or "").strip()
    tags: list[str] = []
    seen: set[str] = set()
    prefixed = False
    while rest:
        m = _PREFIX.match(rest)
        if m:
            prefixed = True
            rest = rest[m.end() :]
            continue
        m = _TAG.match(rest)
        if m and m.end() < len(rest):  # a subject that is only a tag keeps it as its text
            tag = m.group(0).strip()
            if tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
            rest = rest[m.end() :]
            continue
        break
    stripped = _FWD_SUFFIX.sub("", rest)
    if stripped != rest:
        prefixed = True
    return tuple(tags), stripped.strip(), prefixed


def normalize_subject(subject: str) -> str:
    """Drop any depth and mix of Re:/AW:/WG:/Fwd:… (also behind list tags); keep tags once."""
    tags, rest, _ = _split_subject(subject)
    return " ".join([*tags, rest]).strip()


def has_reply_prefix(subject: str) -> bool:
    """True when the subject says it answers or forwards another message."""
    return _split_subject(subject)[2]


def subject_key(subject: str) -> str:
    """Compare form: case-folded, list/gateway tags without digits ([EXTERN], [notmuch]) gone."""
    tags, rest, _ = _split_subject(subject)
    kept = [t for t in tags if _DIGIT.search(t)]
    return _SPACE.sub(" ", " ".join([*kept, rest])).strip().casefold()


def _generic(key: str) -> bool:
    return _NON_WORD.sub(" ", key).strip() in _GENERIC


# --------------------------------------------------------------------------- ticket tags

# a ticket number may come in parts: "#2026-4711", "2026/0815" (year and count) are one number,
# not the year alone (that joined every ticket of a year into one thread)
_NUMBER = r"(\d+(?:[-/]\d+)*)(?![\d/-]?\d)"
_KEYWORD_TICKET = re.compile(
    r"(?<![\w-])(ticket|vorgang|case|incident)"
    r"((?:[\s-]?(?:nr|no|nummer|number|id)\b)?\.?)"
    rf"\s*:?\s*(#?)\s*{_NUMBER}",
    re.IGNORECASE,
)
_BRACKET_HASH = re.compile(rf"\[\s*([A-Za-z][\w.\-]*)?\s*#\s*{_NUMBER}\s*\]")
_BRACKET_KEY = re.compile(r"\[([A-Za-z][A-Za-z0-9]*)-(\d+)\]")


def _canonical(number: str) -> str:
    """"0815" and "815" agree; "2026/4711" and "2026-4711" too."""
    return "-".join(str(int(part)) for part in re.split(r"[-/]", number))


def ticket_tags(subject: str) -> list[str]:
    """Ticket references in a subject, canonical so that every spelling of one ticket agrees.

    ``[Ticket#123]``, ``Ticket-Nr. 123`` and ``(Ticket 123)`` all give ``ticket#123``;
    ``[RT #33575]`` gives ``rt#33575``, ``[#123]`` gives ``#123``, ``[ACME-42]`` gives
    ``ACME-42``. A bare keyword needs a ``#``, a ``Nr.``-like word or three digits, so that
    "case 1" in prose is no ticket.
    """
    found: list[str] = []
    text = subject or ""
    for m in _BRACKET_HASH.finditer(text):
        name = (m.group(1) or "").lower()
        found.append(f"{name}#{_canonical(m.group(2))}")
    for m in _KEYWORD_TICKET.finditer(text):
        word, nr, hash_, num = m.groups()
        if hash_ or nr.strip(" -.") or len(num) >= 3:
            found.append(f"{word.lower()}#{_canonical(num)}")
    for m in _BRACKET_KEY.finditer(text):
        found.append(f"{m.group(1).upper()}-{int(m.group(2))}")
    alert = alert_tag(text)
    if alert:
        found.append(alert)
    return list(dict.fromkeys(found))


# A monitoring alert and its recovery are one ticket: their subjects differ only in the state.
_TRANSITION = re.compile(r"\s*\b[A-Z]{2,8}\s*(?:->|→|=>)\s*[A-Z]{2,8}\b")
_NAGIOS = re.compile(r"^\*\*\s*(?:PROBLEM|RECOVERY|ACKNOWLEDGEMENT|FLAPPING\w*)\s+"
                     r"(?:Service|Host)\s+Alert:\s*(?P<what>.+?)(?:\s+is\s+[A-Z]+)?\s*\*\*\s*$")
_ZABBIX = re.compile(r"^(?:Problem|Resolved(?: in [\w ]+)?|Problem has been resolved):\s*"
                     r"(?P<what>.+)$")


def alert_tag(subject: str) -> str | None:
    """"Check_MK: FS01/Disk D:/ OK -> CRIT" and "… CRIT -> OK" give one tag; so do Nagios'
    "** PROBLEM Service Alert: FS01/Disk is CRITICAL **" and its RECOVERY, and Zabbix'
    "Problem: X" and "Resolved: X". Any other subject gives None."""
    text = " ".join(subject.split())
    m = _NAGIOS.match(text) or _ZABBIX.match(text)
    if m:
        return f"alert:{m.group('what').strip().lower()}"
    if _TRANSITION.search(text):
        return f"alert:{_TRANSITION.sub('', text).strip().lower()}"
    return None


# --------------------------------------------------------------------------- join keys


def join_keys(msg: ParsedMessage) -> list[tuple[str, str]]:
    """Every key through which this message can join a thread with another one.

    A caller that keeps messages between runs indexes these keys, so that a new message is
    threaded against the few stored threads that share a key instead of the whole mailbox:
    ("id", own id), ("ref", each referenced id), ("tag", each ticket tag), ("subj", subject key
    unless generic).
    """
    keys = [("id", _id_key(msg.message_id))]
    refs = [*msg.references, *([msg.in_reply_to] if msg.in_reply_to else [])]
    keys += [("ref", _id_key(r)) for r in dict.fromkeys(refs) if _id_key(r)]
    keys += [("tag", t) for t in ticket_tags(msg.subject)]
    key = subject_key(msg.subject)
    if key and not _generic(key):
        keys.append(("subj", key))
    return keys


def subject_horizon(messages: Iterable[ParsedMessage]) -> datetime:
    """How recently a stored thread must have been active to be joined by subject with these.

    A caller threading new mail against stored threads needs, for subject keys, only threads
    whose newest message is at least this recent (see ``SUBJECT_WINDOW``).
    """
    return min((_aware(m.date) for m in messages), default=_EPOCH) - SUBJECT_WINDOW


def probe_keys(msg: ParsedMessage) -> list[tuple[str, str]]:
    """The stored keys to look up for a new message: the complement of ``join_keys``.

    Its id finds stored replies that reference it, its references find the stored parents
    (by id) and siblings under a missing parent (by ref); tags and subject match as they are.
    """
    out: list[tuple[str, str]] = []
    for kind, value in join_keys(msg):
        if kind == "id":
            out.append(("ref", value))
        elif kind == "ref":
            out += [("id", value), ("ref", value)]
        else:
            out.append((kind, value))
    return out


# --------------------------------------------------------------------------- header threading

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _id_key(message_id: str | None) -> str:
    return (message_id or "").strip().strip("<>").strip()


def _aware(value: datetime | None) -> datetime:
    if value is None:
        return _EPOCH
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(slots=True)
class _Node:
    """One container: a real message (``msg`` set) or a ghost known only from references."""

    key: str
    msg: ParsedMessage | None = None
    first_index: int = 0  # input position of the first message with this id
    sort_key: tuple[datetime, str] = (_EPOCH, "")
    irt: str = ""  # In-Reply-To, bare; "" when absent or pointing at itself
    refs: list[str] = field(default_factory=list)  # References, bare, without itself
    parent: str | None = None


class _Links:
    """Union-find over containers: a link is refused when both ends are already one tree."""

    def __init__(self) -> None:
        self._up: dict[str, str] = {}

    def find(self, key: str) -> str:
        up = self._up
        root = key
        while up.get(root, root) != root:
            root = up[root]
        while key != root:
            key, up[key] = up[key], root
        return root

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self._up[ra] = rb
        return True


def _primary(candidates: list[tuple[int, ParsedMessage]]) -> tuple[int, ParsedMessage]:
    """Of messages sharing one Message-ID, keep the earliest (content decides ties)."""
    if len(candidates) == 1:
        return candidates[0]
    return min(
        candidates,
        key=lambda c: (
            _aware(c[1].date),
            c[1].content_hash,
            c[1].subject,
            c[1].from_addr,
            c[1].in_reply_to or "",
            tuple(c[1].references),
            c[0],
        ),
    )


def _collect(messages: Sequence[ParsedMessage]) -> dict[str, _Node]:
    by_id: dict[str, list[tuple[int, ParsedMessage]]] = defaultdict(list)
    for index, msg in enumerate(messages):
        key = _id_key(msg.message_id) or f"mailsum-no-id-{msg.content_hash or index}"
        by_id[key].append((index, msg))
    nodes: dict[str, _Node] = {}
    for key, found in by_id.items():
        _, msg = _primary(found)
        irt = _id_key(msg.in_reply_to)
        refs = [k for k in map(_id_key, msg.references) if k and k != key]
        nodes[key] = _Node(
            key,
            msg,
            first_index=found[0][0],
            sort_key=(_aware(msg.date), key),
            irt="" if irt == key else irt,
            refs=refs,
        )
    return nodes


def _declared_parent(node: _Node, nodes: dict[str, _Node]) -> str | None:
    """In-Reply-To if it is a message we have; else the last reference we have; else a ghost.

    This is notmuch's order: In-Reply-To beats a conflicting References tail, and a message
    whose In-Reply-To is missing hangs under the deepest referenced message that is present.
    """
    irt, refs = node.irt, node.refs

    def real(k: str) -> bool:
        return k in nodes and nodes[k].msg is not None

    if irt and real(irt):
        return irt
    for ref in reversed(refs):
        if real(ref):
            return ref
    if irt:
        return irt
    return refs[-1] if refs else None


def _link(messages: Sequence[ParsedMessage]) -> dict[str, _Node]:
    """Build the container forest; never creates a cycle whatever the headers claim."""
    nodes = _collect(messages)
    real = sorted(nodes.values(), key=lambda n: n.sort_key)
    links = _Links()

    def node(key: str) -> _Node:
        if key not in nodes:
            nodes[key] = _Node(key)
        return nodes[key]

    def attach(child: str, parent: str) -> None:
        if child == parent or nodes[child].parent is not None:
            return
        if links.join(child, parent):
            nodes[child].parent = parent

    # 1. Each message's own claim. A reply to something newer than itself is least credible,
    #    so those go last and lose when two messages claim each other (a reference loop).
    claims: list[tuple[bool, tuple[datetime, str], str, str]] = []
    for n in real:
        parent = _declared_parent(n, nodes)
        if parent is None:
            continue
        target = node(parent)
        later = target.msg is not None and target.sort_key > n.sort_key
        claims.append((later, n.sort_key, n.key, parent))
    for _, _, child, parent in sorted(claims):
        attach(child, parent)

    # 2. What References chains say about other containers (ghosts, header-less roots).
    for n in real:
        chain = n.refs
        for parent, child in zip(chain, chain[1:], strict=False):
            if parent != child:
                node(parent)
                node(child)
                attach(child, parent)
    return nodes


def _real_parents(nodes: dict[str, _Node]) -> dict[str, str | None]:
    """Parent of each real message after pruning ghosts the JWZ way.

    A ghost inside a tree is replaced by its children; a ghost at the top stays only when it
    holds two or more messages together (it has no date or subject, so it is never a thread id).
    """
    top: dict[str, str] = {}
    nearest_real: dict[str, str | None] = {}

    def resolve(key: str) -> tuple[str, str | None]:
        path: list[str] = []
        cur: str | None = key
        while cur is not None and cur not in top:
            path.append(cur)
            cur = nodes[cur].parent
        root = top[cur] if cur is not None else path[-1]
        real_above = nearest_real[cur] if cur is not None else None
        if cur is not None and nodes[cur].msg is not None:
            real_above = cur
        for k in reversed(path):
            top[k] = root
            nearest_real[k] = real_above
            if nodes[k].msg is not None:
                real_above = k
        return top[key], nearest_real[key]

    result: dict[str, str | None] = {}
    ghost_members: dict[str, list[str]] = defaultdict(list)
    for key, n in nodes.items():
        if n.msg is None:
            continue
        root, above = resolve(key)
        result[key] = above
        if above is None and root != key:
            ghost_members[root].append(key)
    for ghost, members in ghost_members.items():
        if len(members) >= 2:
            for m in members:
                result[m] = ghost
    return result


# --------------------------------------------------------------------------- joining threads


@dataclass
class _Group:
    """One header thread, later possibly merged with others."""

    root: str  # container key of the top: a real message or a kept ghost
    members: list[str]
    first: tuple[datetime, str]  # sort key of the earliest real message
    head: str  # key of the message whose subject names the thread

    @property
    def order(self) -> tuple[tuple[datetime, str], str]:
        return (self.first, self.root)


def _header_groups(nodes: dict[str, _Node], parents: dict[str, str | None]) -> list[_Group]:
    top: dict[str, str] = {}

    def find_top(key: str) -> str:
        path = []
        cur = key
        while cur not in top:
            above = parents.get(cur)
            if above is None:
                top[cur] = cur
                break
            path.append(cur)
            cur = above
        for k in path:
            top[k] = top[cur]
        return top[cur]

    members: dict[str, list[str]] = defaultdict(list)
    for key in parents:
        members[find_top(key)].append(key)
    groups = []
    for root, keys in members.items():
        earliest = min(keys, key=lambda k: nodes[k].sort_key)
        head = root if nodes[root].msg is not None else earliest
        groups.append(_Group(root, keys, nodes[earliest].sort_key, head))
    return sorted(groups, key=lambda g: g.order)


def _tags_of(group: _Group, nodes: dict[str, _Node], seen: dict[str, list[str]]) -> set[str]:
    tags: set[str] = set()
    for key in group.members:
        msg = nodes[key].msg
        if msg is not None:
            if msg.subject not in seen:
                seen[msg.subject] = ticket_tags(msg.subject)
            tags.update(seen[msg.subject])
    return tags


def _merge(groups: list[_Group], nodes: dict[str, _Node], parents: dict[str, str | None]) -> None:
    """Join groups by ticket tag, then prefixed replies by subject; edits both in place."""
    by_subject: dict[str, list[str]] = {}
    tags = [_tags_of(g, nodes, by_subject) for g in groups]
    units = _ticket_units(groups, tags)
    attach_to = _subject_joins(units, groups, nodes, tags)
    final: dict[int, list[int]] = {u: list(ix) for u, ix in enumerate(units) if u not in attach_to}
    for u, target in sorted(attach_to.items()):
        final[target].extend(units[u])

    result: list[_Group] = []
    for ix in final.values():
        ix.sort(key=lambda i: groups[i].order)
        main = groups[ix[0]]
        for i in ix[1:]:
            _hang_under(groups[i], main.root, parents)
            main.members.extend(groups[i].members)
        result.append(main)
    groups[:] = sorted(result, key=lambda g: g.order)


def _ticket_units(groups: list[_Group], tags: list[set[str]]) -> list[list[int]]:
    """Groups that share a ticket tag, as lists of group indexes, earliest unit first (so the
    earliest root stays the root)."""
    links = _Links()
    owner: dict[str, int] = {}
    for i in range(len(groups)):
        for tag in sorted(tags[i]):
            if tag in owner:
                links.join(str(i), str(owner[tag]))
            else:
                owner[tag] = i
    merged: dict[str, list[int]] = defaultdict(list)
    for i in range(len(groups)):
        merged[links.find(str(i))].append(i)
    units = [sorted(ix) for ix in merged.values()]
    units.sort(key=lambda ix: groups[ix[0]].order)
    return units


def _subject_joins(units: list[list[int]], groups: list[_Group], nodes: dict[str, _Node],
                   tags: list[set[str]]) -> dict[int, int]:
    """unit -> the earlier unit it joins: a reply ("Re:", "AW:") whose subject an earlier unit
    had, active within SUBJECT_WINDOW, with no ticket tag against it."""
    unit_tags = [set().union(*(tags[i] for i in ix)) for ix in units]
    unit_last = [max((_aware(m.date) for i in ix for k in groups[i].members
                      if (m := nodes[k].msg) is not None), default=_EPOCH) for ix in units]
    anchors: dict[str, list[int]] = defaultdict(list)
    attach_to: dict[int, int] = {}

    def compatible(a: int, u: int, since: datetime) -> bool:
        """Tags agree (or one side has none) and ``a`` was active since ``since``."""
        return ((not (unit_tags[a] and unit_tags[u]) or bool(unit_tags[a] & unit_tags[u]))
                and unit_last[a] >= since)

    for u, ix in enumerate(units):
        head = nodes[groups[ix[0]].head].msg
        subject = head.subject if head else ""
        key = subject_key(subject)
        if _generic(key):
            continue
        if has_reply_prefix(subject):
            since = (_aware(head.date) if head else _EPOCH) - SUBJECT_WINDOW
            target = next((a for a in reversed(anchors[key]) if compatible(a, u, since)), None)
            if target is not None:
                attach_to[u] = target
                continue
        anchors[key].append(u)
    return attach_to


def _hang_under(sub: _Group, main_root: str, parents: dict[str, str | None]) -> None:
    """Attach a joined thread below the main root (a kept ghost's children move up instead)."""
    if sub.root in parents:
        parents[sub.root] = main_root
        return
    for key in sub.members:
        if parents[key] == sub.root:
            parents[key] = main_root


# --------------------------------------------------------------------------- public API


def _thread(messages: Sequence[ParsedMessage]) -> tuple[list[Thread], dict[str, str | None]]:
    nodes = _link(messages)
    parents = _real_parents(nodes)
    groups = _header_groups(nodes, parents)
    _merge(groups, nodes, parents)

    def msg(key: str) -> ParsedMessage:
        found = nodes[key].msg
        assert found is not None, "thread members are real messages"
        return found

    threads: list[Thread] = []
    for g in groups:
        ordered = sorted(g.members, key=lambda k: (_aware(msg(k).date), nodes[k].first_index))
        head = msg(g.head)
        threads.append(
            Thread(
                thread_id=head.message_id,
                subject=normalize_subject(head.subject),
                message_ids=[msg(k).message_id for k in ordered],
            )
        )

    def shown(key: str | None) -> str | None:
        if key is None:
            return None
        msg = nodes[key].msg
        return msg.message_id if msg is not None else f"<{key}>"

    pmap = {msg(k).message_id: shown(p) for k, p in parents.items()}
    return threads, pmap


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Threading makes many small acyclic objects; GC passes over them cost ~40 % of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def thread_messages(messages: Iterable[ParsedMessage]) -> list[Thread]:
    """Threads of the given messages, sorted by their first message's date."""
    with _no_gc_pauses():
        return _thread(list(messages))[0]


def parent_map(messages: Iterable[ParsedMessage]) -> dict[str, str | None]:
    """Message-ID -> parent Message-ID after threading (None for a thread's top).

    A parent may be a missing ("ghost") message that holds several replies together; it then
    appears only as a value, never as a key.
    """
    with _no_gc_pauses():
        return _thread(list(messages))[1]
