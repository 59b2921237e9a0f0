"""Open points, owners, status and a summary for one thread, from the messages' new text.

Rules in short (see each function for details):
- only ``own_text`` of messages that are not auto-replies, bounces or bulk is read, without
  its greeting, closing and sign-off (``formulae``);
- each sentence gets at most one kind; precedence blocker > request/question > todo > deadline;
- a team member's take-over cue or commitment makes that member owner of every point still
  open in the thread (each change recorded); customer points start with the owner established
  so far (or ``default_owner``);
- urgent language ("dringend", "asap") anywhere in a message marks that message's points as
  escalated, and a customer's also the points the customer's side still has open in the thread;
- a later resolution cue settles open points raised before it: a team member's settles the
  customer's points, a customer's settles everything;
- the other side's statement on a question's topic answers it (``answers``): the customer's
  settles our questions and requests, ours a customer's question (not their request for work);
- our promise on a customer's open request (the same topic test, or "I'll take care of it"
  after a mail with one request) takes it on: one point, the promise beside it, its date;
- what a fault looks like ("Die Fehlermeldung lautet …"), right after it, joins its blocker;
- the same side asking again (word-set Jaccard >= 0.6 with an open point the writer or a
  colleague of theirs raised, of any kind) adds no second point: the first one stays, with its
  id, owner and date;
- the summary ranks the content sentences of all live messages with TextRank, each rating scaled
  from 1.0 (first message) to 1.5 (last message), so it leans to where the thread stands now.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date, datetime
from functools import lru_cache

from mailsum.extract import acts, answers, colleagues, cues, intent, tickets
from mailsum.extract.dates import parse_due
from mailsum.models import OwnerChange, ParsedMessage, Point, Thread, ThreadExtract
from mailsum.text.formulae import without_formulae
from mailsum.text.rank import stop_words
from mailsum.text.screen import memo
from mailsum.text.segment import split_sentences, tokenize_words
from mailsum.text.summarize import summarize

_REPEAT_JACCARD = 0.6
_RECENCY_BOOST = 0.5  # the last message's sentences weigh 1 + this, the first message's 1
_MIN_SUMMARY_WORDS = 3
_CONTACT = re.compile(r"https?://|www\.|\S@\S|\+?\d[\d ()/-]{6,}\d")
# "Titel:      Export bricht ab", "Geschlossen von: Frank Maier": a ticket form's fields
_FORM_FIELD = re.compile(r"^[\w. -]{1,30}:(?:\s{2,}|\s*\S+(?:\s+\S+){0,3}$)")


def classify(
    sentence: str, due_found: bool = False, language: str | None = None, ours: bool = False
) -> str | None:
    """The point kind of one sentence, or None when it is no point.

    German (and unknown language) uses the cue rules alone (a German model fit on our German
    train set gained too little to ship: benchmarks/quality/train_intent_de.py). English also
    asks the intent model (trained on Parakweet train): it vetoes rule hits it finds unlikely to
    ask for action (newsletter "please click"), and turns a sentence the rules missed into a
    request when it finds one likely ("maybe we can have lunch on Thursday"). Blockers stay the
    rules' call, and
    so do questions (Parakweet's "intent" labels many plain questions No, but a question put to
    the reader is an open point of its own kind for us; cross-validation on train cannot tell
    the two choices apart) and our own commitments (``ours``: the sender is on the team):
    "I'll send the credentials tomorrow" is a promise we must track, while a customer's "I'll
    call them tomorrow" is mostly no task for us (Parakweet labels most such sentences No).
    """
    kind = rule_kind(sentence, due_found)
    if (language != "en" or kind in _RULES_DECIDE or (ours and kind == "todo")
            or _ignored(sentence)):
        return kind
    return combine(sentence, kind, intent.probability(sentence, kind))


def combine(sentence: str, kind: str | None, probability: float) -> str | None:
    """The kind of an English sentence, given the rules' ``kind`` and the model's probability.

    A rule hit stays when the model finds it likely enough (each kind has its own threshold,
    chosen by cross-validation on Parakweet train); a sentence no rule caught becomes a request
    (or our promise a to-do) only above the stricter "none" threshold.
    """
    if kind in _ACTION_KINDS:
        return kind if probability >= intent.threshold(kind) else None
    if probability >= intent.threshold(None):
        return "todo" if _FIRST_PERSON_PROMISE.match(sentence) else "request"
    return kind


_ACTION_KINDS = ("request", "question", "todo")
_RULES_DECIDE = ("blocker", "question")
# "On the licences: I'm checking ... and will get back to you" promises, it asks nothing
_FIRST_PERSON_PROMISE = re.compile(
    r"^\W*(?:[\w ]{1,40}[:,]\s*)?(?:i|we)(?:'m|'ll|'re| will| am| are| shall)\b", re.IGNORECASE
)


def _ignored(sentence: str) -> bool:
    sentence = " ".join(sentence.split())
    return bool(cues.IGNORE_RE.match(sentence) or cues.BOILERPLATE_RE.match(sentence))


@memo
def rule_kind(sentence: str, due_found: bool = False) -> str | None:
    """The point kind the cue rules alone give one sentence (any language)."""
    sentence = " ".join(sentence.split())  # cues match across the mail's line breaks
    if cues.IGNORE_RE.match(sentence) or cues.BOILERPLATE_RE.match(sentence):
        return None
    if _reports_blocker(sentence):
        return "blocker"
    if cues.REQUEST_RE.search(sentence) or cues.IMPERATIVE_RE.match(sentence):
        return "request"
    if (cues.QUESTION_END_RE.search(sentence) or cues.QUESTION_START_RE.match(sentence)
            or cues.QUESTION_ANYWHERE_RE.search(sentence)):
        return "question"
    if cues.TODO_RE.search(sentence) and not _nothing_promised(sentence):
        return "todo"
    return "deadline" if due_found else None


# "If you cannot log in, please call us", "If the link above does not work, …", "Falls der
# Drucker nicht druckt, …": a fault that might happen, not one reported. Not after "if I/we"
# ("If I open Outlook it crashes" reports one), and "wenn" only with "Sie/du" (it is also "when").
_IF_YOU = re.compile(
    r"\b(?:(?:if|in case|in the event(?: that)?|falls|sofern|im falle?)\s+(?!(?:i|we|ich|wir)\b)"
    r"|wenn\s+(?:you|u|(?-i:Sie)|du|ihr)\b)[^,;:.!?]*$", re.IGNORECASE
)


def _nothing_promised(sentence: str) -> bool:
    """"Anbei schicke ich Ihnen das Protokoll": done with this mail, nothing left to track."""
    if cues.NO_PROMISE_RE.search(sentence):
        return True  # "Wir werden sehen": nothing promised either
    return bool(cues.SENT_NOW_RE.search(sentence)) and not cues.FUTURE_RE.search(sentence)


def _reports_blocker(sentence: str) -> bool:
    away = cues.ABSENCE_RE.search(sentence) is not None
    return any(not _IF_YOU.search(sentence[: m.start()])
               and not (away and _UNREACHABLE.fullmatch(m.group(0)))
               for m in cues.BLOCKER_RE.finditer(sentence))


# "nicht erreichbar" beside a holiday is a person away, not a server down.
_UNREACHABLE = re.compile(r"nicht erreichbar|unreachable|not reachable", re.IGNORECASE)


@memo
def is_resolution(sentence: str) -> bool:
    """A sentence that says something is settled (not asked, not negated, not broken)."""
    sentence = " ".join(sentence.split())
    cues_found = list(cues.RESOLUTION_RE.finditer(sentence))
    if not cues_found:  # most sentences: skip the costlier checks below
        return False
    if cues.QUESTION_END_RE.search(sentence) or cues.BLOCKER_RE.search(sentence):
        return False
    return any(not cues.NEGATION_BEFORE_RE.search(sentence[: m.start()]) for m in cues_found)


def _thanks_only(msg: ParsedMessage, sentences: list[str], points: list[Point]) -> bool:
    """A customer's mail that thanks us and raises nothing new."""
    return (not any(p.message_id == msg.message_id for p in points)
            and any(acts.thanks(s) for s in (*sentences, *split_sentences(msg.own_text))))


def _settles(sentence: str, team: bool) -> bool:
    """A resolution cue from either side; from ours also a report of work done."""
    return is_resolution(sentence) or team and acts.reports_done(sentence)


def _answered_by_reply(points: list[Point], msg: ParsedMessage, sentences: list[str],
                       team_domains: tuple[str, ...], team_addresses: tuple[str, ...],
                       reopened: dict[str, datetime]) -> None:
    """A reply that says its answers stand in the quoted text ("meine Antworten stehen unten im
    Text", "Answers inline") answers what we asked, though own_text does not show the answers;
    unless it defers ("ich kläre das und melde mich"). Other replies answer by topic only
    (``_settle_answered``)."""
    if not any(acts.answers_inline(s) for s in sentences):
        return
    if any(cues.TODO_RE.search(" ".join(s.split())) for s in sentences):
        return
    for p in points:
        if (p.status == "open" and p.kind in ("question", "request")
                and p.raised_at < msg.date
                and _is_team(p.raised_by, team_domains, team_addresses)):
            _settle(p, msg, reopened)


def point_id(message_id: str, text: str) -> str:
    """Stable across runs: same message and same (whitespace-normalised) text, same id."""
    norm = " ".join(text.split())
    return hashlib.sha1(f"{message_id}\n{norm}".encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _noise_words() -> frozenset[str]:
    return stop_words("german") | stop_words("english")


@lru_cache(maxsize=4096)  # an open point's text is compared with every later sentence
def _content_words(text: str) -> frozenset[str]:
    """The words that carry the topic: "Welche Projektordner soll Frau Wolf sehen?" and
    "Offen ist nur noch: Welche Projektordner soll Frau Wolf sehen?" share all of them."""
    noise = _noise_words()
    return frozenset(w for w in (t.lower() for t in tokenize_words(text)) if w not in noise)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _is_team(address: str, team_domains: tuple[str, ...], team_addresses: tuple[str, ...]) -> bool:
    address = address.lower()
    domain = address.rpartition("@")[2]
    domains = {d.lower().lstrip("@") for d in team_domains}
    return address in {a.lower() for a in team_addresses} or domain in domains


def _colleagues(messages: list[ParsedMessage], default_owner: str | None,
                team_domains: tuple[str, ...], team_addresses: tuple[str, ...]) -> dict[str, str]:
    """Addresses on our side a hand-over may name (address -> display name, if known)."""
    known = {a.lower(): "" for a in team_addresses}
    if default_owner:
        known.setdefault(default_owner.lower(), "")
    for m in messages:
        for address in (*m.to, *m.cc):
            if _is_team(address, team_domains, team_addresses):
                known.setdefault(address.lower(), "")
        if _is_team(m.from_addr, team_domains, team_addresses):
            known[m.from_addr.lower()] = m.from_name or known.get(m.from_addr.lower(), "")
    return known


def _other_colleague(name: str | None, msg: ParsedMessage, known: dict[str, str]) -> str | None:
    """The address of the colleague ``name`` means, never the writer themself."""
    if name is None:
        return None
    return colleagues.resolve(name, {a: d for a, d in known.items()
                                     if a != msg.from_addr.lower()})


def _order(thread: Thread, messages: list[ParsedMessage]) -> list[ParsedMessage]:
    position = {mid: i for i, mid in enumerate(thread.message_ids)}
    return sorted(messages, key=lambda m: (m.date, position.get(m.message_id, len(position))))


def _assign_owner(
    points: list[Point],
    new_owner: str,
    msg: ParsedMessage,
    reason: str,
    changes: list[OwnerChange],
) -> None:
    for p in points:
        if p.status != "open" or p.owner == new_owner:
            continue
        if p.owner is not None:
            changes.append(OwnerChange(p.id, p.owner, new_owner, msg.message_id, msg.date, reason))
        p.owner = new_owner


def _summarizable(sentence: str) -> bool:
    """Content sentences only: no fragments, no contact blocks full of addresses and numbers."""
    words = tokenize_words(sentence)
    if sentence.rstrip().endswith(":") or _FORM_FIELD.match(sentence):
        return False
    if len(words) < _MIN_SUMMARY_WORDS or not sentence[:1].isalnum() and sentence[:1] not in "(\"'":
        return False
    plain = sum(1 for w in words if w.isalpha())
    return plain >= 0.6 * len(words) and len(_CONTACT.findall(sentence)) < 2


def _summary_count(n: int, summary_sentences: int, summary_ratio: float | None) -> int:
    if summary_ratio is not None:
        return max(1, round(summary_ratio * n))
    return summary_sentences


def _language(messages: list[ParsedMessage]) -> str:
    counts = Counter(m.language for m in messages)
    return counts.most_common(1)[0][0] if counts else "de"


def extract_thread(
    thread: Thread,
    messages: list[ParsedMessage],
    *,
    team_domains: tuple[str, ...],
    team_addresses: tuple[str, ...] = (),
    default_owner: str | None = None,
    summary_sentences: int = 3,
    summary_ratio: float | None = None,
    colleague_addresses: tuple[str, ...] = (),
    reopened: dict[str, datetime] | None = None,
) -> ThreadExtract:
    """The thread as its update shows it: one point per matter and where the ticket stands
    (``tickets.consolidate`` over the sentence points of ``read_thread``)."""
    result = read_thread(
        thread, messages, team_domains=team_domains, team_addresses=team_addresses,
        default_owner=default_owner, summary_sentences=summary_sentences,
        summary_ratio=summary_ratio, colleague_addresses=colleague_addresses, reopened=reopened)
    points, ticket, joined = tickets.consolidate(
        result.points, _order(thread, messages),
        lambda a: _is_team(a, team_domains, team_addresses))
    result.points, result.ticket = points, ticket
    result.owner_changes = _follow(result.owner_changes, joined)
    return result


def read_thread(
    thread: Thread,
    messages: list[ParsedMessage],
    *,
    team_domains: tuple[str, ...],
    team_addresses: tuple[str, ...] = (),
    default_owner: str | None = None,
    summary_sentences: int = 3,
    summary_ratio: float | None = None,
    colleague_addresses: tuple[str, ...] = (),
    reopened: dict[str, datetime] | None = None,
) -> ThreadExtract:
    """Sentence points, owner changes and summary of ``thread``; ``messages`` may come in any
    order. Every request, question, promise and fault is a point of its own here, with its
    status; ``extract_thread`` then makes one point per matter of them.

    ``reopened``: points the contact reopened by reply, and when: only mail sent after that
    settles them again (the contact had seen what came before and disagreed).
    """
    reopened = reopened or {}
    ordered = _order(thread, messages)
    live = [m for m in ordered if not m.auto or _closes_ticket(m) and m.auto == "auto-reply"]
    points: list[Point] = []
    changes: list[OwnerChange] = []
    seen_ids: set[str] = set()
    owner = default_owner
    pool: list[tuple[str, int]] = []  # (sentence, message index) for the summary
    asked_due: dict[str, date | None] = {}  # a request's own due date, before any promise
    addressed: set[str] = set()  # points put to one colleague by name
    last_customer: str | None = None  # the customer's latest mail so far (a promise answers it)
    last_ours_reported = False  # our latest mail reported work done, sent or promised it
    known = _colleagues(live, default_owner, team_domains,
                        (*team_addresses, *colleague_addresses))

    for index, msg in enumerate(live):
        if _closes_ticket(msg):  # a ticket system's "closed" notice settles all, raises nothing
            for p in points:
                if p.status == "open":
                    _settle(p, msg, reopened)
            continue
        team = _is_team(msg.from_addr, team_domains, team_addresses)
        if not team:
            last_customer = msg.message_id
        sentences = [s for s in split_sentences(without_formulae(msg.own_text))
                     if not cues.IGNORE_RE.match(s)]
        pool.extend((s, index) for s in sentences if _summarizable(s))
        # what this message settles or takes over concerns only points raised before it
        if any(_settles(s, team) for s in sentences):
            _resolve(points, msg, team, team_domains, team_addresses, reopened)
        elif not team:
            # the customer wrote back: what we asked them is answered, unless they defer
            _answered_by_reply(points, msg, sentences, team_domains, team_addresses, reopened)
        earlier = [p for p in points if p.status == "open"]
        # the points this side raised: a colleague of the writer asks for the same thing
        same_side = [p for p in earlier
                    if _is_team(p.raised_by, team_domains, team_addresses) == team]
        urgent = any(cues.ESCALATION_RE.search(s) for s in sentences)
        if urgent and not team:
            # "wir warten immer noch, das ist inakzeptabel" escalates what they still have open
            for p in same_side:
                p.escalation = True
        takeover: str | None = None
        handover: tuple[str, str] | None = None  # (colleague's address, the sentence)
        statements: list[str] = []  # what this message states rather than asks or promises
        taken: set[str] = set()  # requests a promise of this message took on (owner set)
        blocker: tuple[Point, int] | None = None  # the blocker of the sentence before, its end
        for position, sentence in enumerate(sentences):
            if (blocker is not None and blocker[1] == position - 1
                    and cues.FAULT_DETAIL_RE.match(" ".join(sentence.split()))):
                # "Die Fehlermeldung lautet …" says what the fault looks like: one point
                blocker[0].text = f"{blocker[0].text} {sentence}"
                blocker = (blocker[0], position)
                continue
            due = parse_due(sentence, msg.date, msg.language)
            kind = (None if _settles(sentence, team)
                    else classify(sentence, due is not None, msg.language, team))
            if due is not None and kind != "request" and kind != "blocker" and (
                    cues.PROPOSAL_RE.search(sentence)):
                kind, due = "question", None  # "Unser Vorschlag: Samstag, 05.12." awaits a yes
            # "Herr Klein übernimmt meine Tickets": the writer hands their work over
            colleague = (_other_colleague(colleagues.handed_over_to(sentence), msg, known)
                         if team else None)
            if colleague is not None:
                handover = handover or (colleague, sentence)
                kind = None  # "Herr Klein übernimmt meine Tickets" is a change of owner, no task
            takes_over = bool(cues.TAKEOVER_RE.search(sentence))
            if team and takeover is None and (kind == "todo" or takes_over):
                takeover = sentence
            if team:
                kind = _team_kind(kind, takes_over, due is not None)
            if kind not in _ASKS_OR_PROMISES:
                statements.append(sentence)
            if kind is None:
                continue
            pid = point_id(msg.message_id, sentence)
            if pid in seen_ids or _repeats(sentence, same_side):
                continue
            promiser = (_other_colleague(colleagues.committed_for(sentence), msg, known)
                        or msg.from_addr) if team else None
            if kind == "todo" and promiser is not None:
                requests = (_taken_on(sentence, earlier, team_domains, team_addresses)
                            or _asked_just_before(sentence, earlier, last_customer))
                if requests:  # "ich erneuere das Zertifikat bis Freitag": their request, ours now
                    taken |= _take_on(requests, sentence, due, promiser, msg, asked_due, changes)
                    continue
            seen_ids.add(pid)
            asked_due[pid] = due
            # "Frau Berger, bitte behalten Sie das im Blick": put to one of us by name, it stays
            # theirs when a colleague takes over the rest of the thread
            addressee = None if team else _other_colleague(
                colleagues.addressed_to(sentence), msg, known)
            if addressee is not None:
                addressed.add(pid)
            points.append(
                Point(
                    id=pid,
                    kind=kind,
                    text=sentence,
                    message_id=msg.message_id,
                    raised_by=msg.from_addr,
                    raised_at=msg.date,
                    # "Tom will prepare the laptops": a promise made for a colleague
                    owner=promiser if team else addressee or owner,
                    due=due,
                    escalation=urgent,
                    position=position,
                )
            )
            blocker = (points[-1], position) if kind == "blocker" else None
        if not team and _thanks_only(msg, sentences, points) and last_ours_reported:
            # "All went smoothly this morning. Thank you!" after our report: nothing left open
            _resolve(points, msg, team, team_domains, team_addresses, reopened)
        if team:
            last_ours_reported = any(_settles(s, True) or cues.SENT_NOW_RE.search(s)
                                     for s in sentences) or bool(taken) or any(
                p.kind == "todo" for p in points if p.message_id == msg.message_id)
        _settle_answered(earlier, msg, team, statements, team_domains, team_addresses, reopened,
                         promised=any(p.kind == "todo" for p in points
                                      if p.message_id == msg.message_id) or bool(taken),
                         last_customer=last_customer)
        if takeover is not None:
            owner = msg.from_addr
            _assign_owner([p for p in earlier if p.id not in taken and p.id not in addressed],
                          msg.from_addr, msg, takeover, changes)
        if handover is not None:
            # the writer hands their own points over; later points default to the colleague
            colleague, reason = handover
            mine = [p for p in points if p.status == "open" and p.owner == msg.from_addr]
            _assign_owner(mine, colleague, msg, reason, changes)
            if owner in (msg.from_addr, None):
                owner = colleague

    count = _summary_count(len(pool), summary_sentences, summary_ratio)
    last = max(len(live) - 1, 1)
    weights = [1.0 + _RECENCY_BOOST * i / last for _, i in pool]
    summary = summarize([s for s, _ in pool], count, _language(live), weights)
    return ThreadExtract(
        thread_id=thread.thread_id,
        subject=thread.subject,
        message_ids=[m.message_id for m in ordered],
        summary=summary,
        points=points,
        owner_changes=changes,
    )


def _follow(changes: list[OwnerChange], joined: dict[str, str]) -> list[OwnerChange]:
    """Owner changes of points that joined a matter are the matter's, each reported once."""
    out: list[OwnerChange] = []
    seen: set[tuple[str, str]] = set()
    for c in changes:
        pid = joined.get(c.point_id, c.point_id)
        if (pid, c.new) in seen:
            continue
        seen.add((pid, c.new))
        out.append(OwnerChange(pid, c.old, c.new, c.message_id, c.at, c.reason))
    return out


_CLOSED_STATE = re.compile(r"^\s*(?:closed|geschlossen|resolved|gel[öo]st)", re.IGNORECASE)


def _closes_ticket(msg: ParsedMessage) -> bool:
    """A notice that the ticket is closed: a state header, or the words in subject or text."""
    state = msg.headers.get("x-ticket-state", "") or msg.headers.get("x-ticket-status", "")
    return bool(_CLOSED_STATE.match(state)) or bool(
        cues.TICKET_CLOSED_RE.search(f"{msg.subject}\n{msg.own_text}"))


def _team_kind(kind: str | None, takes_over: bool, has_due: bool) -> str | None:
    """What a sentence of ours is: our commitments and questions count, our reports do not.

    "Ich übernehme das Ticket" only changes the owner; it becomes a point when it promises a
    date. Our own description of a fault is no blocker the customer raised, and a date we name
    is a commitment of ours.
    """
    if takes_over and not has_due:
        return None
    if kind == "blocker":
        return None
    if kind == "deadline":
        return "todo"
    return kind


_ASKS_OR_PROMISES = ("question", "request", "todo")


def _settle_answered(
    open_points: list[Point],
    msg: ParsedMessage,
    team: bool,
    statements: list[str],
    team_domains: tuple[str, ...],
    team_addresses: tuple[str, ...],
    reopened: dict[str, datetime],
    promised: bool = False,
    last_customer: str | None = None,
) -> None:
    """The other side's reply answers what was asked of it: our questions and requests for
    information by a customer's statement on their topic, a customer's plain question by ours
    (on its topic, or any question of the mail we answer when our reply promises nothing:
    "Kümmern Sie sich darum?" – "Die Verlängerung läuft über uns, Sie müssen nichts tun").

    A customer's request ("Bitte erneuern Sie das Zertifikat") is not settled by our talking
    about it, only by a resolution; so from our side only questions count as answered.
    """
    if not statements:
        return
    replied = team and not promised  # we wrote back and promised nothing: we answered
    for p in open_points:
        if p.status != "open" or _is_team(p.raised_by, team_domains, team_addresses) == team:
            continue
        if p.kind != "question" and (team or p.kind != "request"):
            continue
        if (replied and p.message_id == last_customer) or any(
                answers.answers(p.text, s) for s in statements):
            _settle(p, msg, reopened)


def _taken_on(promise: str, open_points: list[Point], team_domains: tuple[str, ...],
              team_addresses: tuple[str, ...]) -> list[Point]:
    """The customer's open requests our promise names: those it takes on."""
    return [p for p in open_points
            if p.status == "open" and p.kind == "request"
            and not _is_team(p.raised_by, team_domains, team_addresses)
            and answers.answers(p.text, promise)]


def _take_on(requests: list[Point], promise: str, due: date | None, promiser: str,
             msg: ParsedMessage, asked_due: dict[str, date | None],
             changes: list[OwnerChange]) -> set[str]:
    """Our promise joins the requests it names; returns those it gave to a named colleague
    ("Tom will prepare the laptops"): the writer's own takeover must not take them back."""
    given: set[str] = set()
    for p in requests:
        p.promise = promise  # the latest promise stands, but never past the customer's date
        dates = [d for d in (asked_due.get(p.id), due) if d is not None]
        p.due = min(dates) if dates else None
        if promiser != msg.from_addr:
            _assign_owner([p], promiser, msg, promise, changes)
            given.add(p.id)
    return given


def _asked_just_before(promise: str, open_points: list[Point],
                       last_customer: str | None) -> list[Point]:
    """"I'll take care of it" after the customer's mail with one open request: that request."""
    if last_customer is None or not cues.PROMISE_ON_IT_RE.search(" ".join(promise.split())):
        return []
    asked = [p for p in open_points
             if p.message_id == last_customer and p.status == "open" and p.kind == "request"]
    return asked if len(asked) == 1 else []


def _repeats(sentence: str, open_points: list[Point]) -> bool:
    """Whether the writer's side already has an open point with nearly the same words (asked
    again, by the writer or a colleague of theirs)."""
    words = _content_words(sentence)
    return any(
        _jaccard(words, _content_words(p.text)) >= _REPEAT_JACCARD
        and _same_numbers(words, _content_words(p.text))
        for p in open_points
    )


def _same_numbers(a: frozenset[str], b: frozenset[str]) -> bool:
    """"Drucker Nummer 1" and "Drucker Nummer 2" are two points, whatever else they share."""
    na, nb = {w for w in a if w.isdigit()}, {w for w in b if w.isdigit()}
    return not na or not nb or na == nb


def _resolve(
    open_points: list[Point],
    msg: ParsedMessage,
    team: bool,
    team_domains: tuple[str, ...],
    team_addresses: tuple[str, ...],
    reopened: dict[str, datetime],
) -> None:
    for p in open_points:
        if p.status != "open":
            continue
        ours = _is_team(p.raised_by, team_domains, team_addresses)
        if team and p.kind in ("question", "request") and ours:
            continue  # our "fixed" settles the fault and our promises, not what we asked them
        if not team and p.due is not None and p.due > msg.date.date() and (
                ours and p.kind == "todo" or p.promise):
            # "Läuft wieder, danke" does not keep our promise for next Tuesday: it stays open,
            # and is the matter now
            if p.promise:
                p.text, p.kind, p.promise = p.promise, "todo", None
            continue
        _settle(p, msg, reopened)


def _settle(p: Point, msg: ParsedMessage, reopened: dict[str, datetime]) -> None:
    """``msg`` settles ``p``, unless the contact reopened ``p`` after ``msg`` was sent."""
    if p.id in reopened and msg.date <= reopened[p.id]:
        return
    p.status, p.resolved_by = "resolved", msg.message_id
