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
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from mailsum.extract import (
    acts,
    alerts,
    answers,
    colleagues,
    cues,
    inline,
    intent,
    matters,
    tickets,
)
from mailsum.extract.dates import parse_due
from mailsum.models import (
    AutoKind,
    OwnerChange,
    ParsedMessage,
    Point,
    PointKind,
    PointStatus,
    Team,
    Thread,
    ThreadExtract,
)
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
) -> PointKind | None:
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
    if (language != "en" or kind in _RULES_DECIDE or (ours and kind == PointKind.TODO)
            or _ignored(sentence) or kind in (None, PointKind.DEADLINE) and _announces(sentence)):
        return _unless_contingent(sentence, kind)
    return _unless_contingent(sentence, combine(sentence, kind, intent.probability(sentence, kind)))


def _announces(sentence: str) -> bool:
    """"just so you know: the office is closed on Friday": said to inform, the model cannot make
    a request of it (a cue's request stays one: "FYI: please restart tonight")."""
    return bool(cues.INFORMATION_RE.match(" ".join(sentence.split())))


def _unless_contingent(sentence: str, kind: PointKind | None) -> PointKind | None:
    """"If something urgent comes up, call Mark": what to do should it happen asks nothing now;
    "zur Info: Am Samstag spielen wir ein Update ein": a plan or date said to inform is no
    to-do (a fault said so still is one)."""
    if kind is None:
        return None
    text = " ".join(sentence.split())
    if kind in (PointKind.REQUEST, PointKind.QUESTION) and cues.CONTINGENCY_RE.match(text):
        return None
    if kind in (PointKind.TODO, PointKind.DEADLINE) and cues.INFORMATION_RE.match(text):
        return None
    return kind


def combine(sentence: str, kind: PointKind | None, probability: float) -> PointKind | None:
    """The kind of an English sentence, given the rules' ``kind`` and the model's probability.

    A rule hit stays when the model finds it likely enough (each kind has its own threshold,
    chosen by cross-validation on Parakweet train); a sentence no rule caught becomes a request
    (or our promise a to-do) only above the stricter "none" threshold.
    """
    if kind in _ACTION_KINDS:
        return kind if probability >= intent.threshold(kind) else None
    if probability >= intent.threshold(None):
        return PointKind.TODO if _FIRST_PERSON_PROMISE.match(sentence) else PointKind.REQUEST
    return kind


_ACTION_KINDS = (PointKind.REQUEST, PointKind.QUESTION, PointKind.TODO)
_ASKED = (PointKind.QUESTION, PointKind.REQUEST)  # what an answer settles
OPEN, RESOLVED = PointStatus.OPEN, PointStatus.RESOLVED
_RULES_DECIDE = (PointKind.BLOCKER, PointKind.QUESTION)
# "On the licences: I'm checking ... and will get back to you" promises, it asks nothing
_FIRST_PERSON_PROMISE = re.compile(
    r"^\W*(?:[\w ]{1,40}[:,]\s*)?(?:i|we)(?:'m|'ll|'re| will| am| are| shall)\b", re.IGNORECASE
)


# A greeting that opens the sentence it shares a line with: "Hi, any news?", "Hallo Herr Weber,
# der Drucker druckt nicht mehr." The greeting says nothing; the clause after it does.
_GREETING = re.compile(rf"^\W*{cues.GREETING_WORDS}(?![\w-])[^,:;!?\n]{{0,40}}?[,:;!]\s+",
                       re.IGNORECASE)


def _content(sentence: str) -> str | None:
    """The sentence as it carries content: None for a greeting, closing or thanks alone; the
    clause after a greeting that opens it ("Hi, any news?" → "any news?")."""
    if not cues.IGNORE_RE.match(sentence):
        return sentence
    m = _GREETING.match(sentence)
    rest = sentence[m.end():].strip() if m else ""
    return rest if rest and not cues.IGNORE_RE.match(rest) else None


# An item of a list: "1. Router/Firewall …", "2) …", "- ein Postfach für …", "• a laptop"
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•*·])\s+\S")


def _listed_asks(sentences: list[str], language: str, team: bool) -> dict[int, PointKind]:
    """The items of a list that an ask introduces ("Dafür brauchen wir:", "We need:"), each
    with that ask's kind: the items are what is asked, one matter each."""
    listed: dict[int, PointKind] = {}
    for i, sentence in enumerate(sentences[:-1]):
        if not sentence.rstrip().endswith(":") or not _LIST_ITEM.match(sentences[i + 1]):
            continue
        kind = classify(sentence, False, language, team)
        if kind not in (PointKind.REQUEST, PointKind.QUESTION):
            continue
        for j in range(i + 1, len(sentences)):
            if not _LIST_ITEM.match(sentences[j]):
                break
            listed[j] = kind
    return listed


def _ignored(sentence: str) -> bool:
    sentence = " ".join(sentence.split())
    return bool(cues.IGNORE_RE.match(sentence) or cues.BOILERPLATE_RE.match(sentence))


@memo
def rule_kind(sentence: str, due_found: bool = False) -> PointKind | None:
    """The point kind the cue rules alone give one sentence (any language)."""
    sentence = " ".join(sentence.split())  # cues match across the mail's line breaks
    if cues.IGNORE_RE.match(sentence) or cues.BOILERPLATE_RE.match(sentence):
        return None
    if _reports_blocker(sentence):
        return PointKind.BLOCKER
    if cues.REQUEST_RE.search(sentence) or cues.IMPERATIVE_RE.match(sentence):
        # "please don't plan anything on site that day" asks us to leave something alone
        refrains = cues.REFRAIN_RE.search(sentence) and not sentence.rstrip().endswith("?")
        return None if refrains else PointKind.REQUEST
    if (cues.QUESTION_END_RE.search(sentence) or cues.QUESTION_START_RE.match(sentence)
            or cues.QUESTION_ANYWHERE_RE.search(sentence)):
        return PointKind.QUESTION
    if cues.TODO_RE.search(sentence) and not _nothing_promised(sentence):
        return PointKind.TODO
    return PointKind.DEADLINE if due_found else None


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


# A fault to be kept away in future is no fault now: "ein Angebot, wie wir so einen Ausfall
# künftig vermeiden", "how to prevent another outage" (not "the outage is still there").
_HYPOTHETICAL = re.compile(
    r"(?<![\w-])(?:vermeid\w*|verhinder\w*|vorzubeugen|vorbeug\w*|k[üu]nftig\w*|zuk[üu]nftig\w*"
    r"|in zukunft|avoid\w*|prevent\w*|in (?:the )?future)(?![\w-])", re.IGNORECASE)


def _reports_blocker(sentence: str) -> bool:
    away = cues.ABSENCE_RE.search(sentence) is not None
    if _HYPOTHETICAL.search(sentence):
        return False
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
    return any(not cues.NEGATION_BEFORE_RE.search(sentence[: m.start()])
               and not _WISHED.search(sentence[: m.start()])
               and not _BY_DATE.search(sentence[max(0, m.start() - 40): m.start()])
               for m in cues_found)


# A settled state asked for or expected, not reported: "Ich erwarte, dass das bis Freitag
# behoben ist", "Bitte bestätigen Sie, dass es erledigt ist", "We need it fixed by Monday",
# "It has to be sorted before the audit". (Not "Wie besprochen ist es jetzt behoben".)
_WISHED = re.compile(
    r"(?<![\w-])(?:erwarte\w*|erhoffe\w*|w[üu]nsche\w*|bitte|muss|m[üu]ssen|soll(?:te|ten|en)?"
    r"|w[üu]rde(?:n)?|versprochen|zugesagt|expect\w*|want|wants|need|needs|would like|'d like"
    r"|must|should|would|promised|has to|have to)(?![\w-])",
    re.IGNORECASE)
# a date the settled state is wanted by: "bis Freitag behoben", "fixed by Monday"
_BY_DATE = re.compile(r"(?<![\w-])(?:bis|by|until|before|vor)(?: [\w.,/-]+){1,3} $", re.IGNORECASE)


# "Einen Leih-Laptop bringt er mit; die Präsentation schicken Sie ihm bitte vorab": two acts
_SEMICOLON = re.compile(r";\s+")
_MIN_CLAUSE_WORDS = 4


def _clauses(sentence: str) -> list[str]:
    """A sentence whose semicolon joins two full clauses is read as two: a promise and an ask
    in one line are two points (their summary keeps the sentence whole)."""
    if ";" not in sentence:
        return [sentence]
    parts = _SEMICOLON.split(sentence)
    if len(parts) == 1 or any(len(p.split()) < _MIN_CLAUSE_WORDS for p in parts):
        return [sentence]
    return [p if p.rstrip()[-1:] in ".!?" else f"{p.rstrip()}." for p in parts[:-1]] + parts[-1:]


def _written_to(msg: ParsedMessage, writers: set[str], us: Team) -> str | None:
    """The one of us a customer's mail is addressed to: the only team address in To that has
    written in the thread (a shared mailbox such as service@ never writes, so it names nobody)."""
    ours = {a.lower() for a in msg.to if _is_team(a, us)}
    people = ours & writers
    return next(iter(people)) if len(people) == 1 and len(ours) == 1 else None


def _keep_promises(open_points: list[Point], sentences: list[str], msg: ParsedMessage,
                   asked_due: dict[str, date | None], us: Team) -> None:
    """Our mail that sends or reports what we promised ("Quote attached for three laptops" after
    "I'll send you a quote by 12/8") keeps the promise: its date no longer binds the point, and
    the report is its status now. What the customer asked beyond it stays open. A promise of
    ours that is a point of its own is kept by the mail that sends it ("anbei wie versprochen
    die Gegenüberstellung" after "Ich schicke Ihnen eine Gegenüberstellung")."""
    done = [s for s in sentences if acts.sends_now(s) or acts.reports_done(s)]
    if not done:
        return
    sent = [s for s in done if acts.sends_now(s)]
    for p in open_points:
        if p.status == OPEN and not p.promise and _delivered(p, done, sent, us):
            p.status, p.resolved_by = RESOLVED, msg.message_id
        elif p.status == OPEN and p.promise:
            report = next((s for s in done if answers.same_topic(p.promise, s)), None)
            if report is not None:
                p.promise, p.due = report, asked_due.get(p.id)


def _delivered(p: Point, done: list[str], sent: list[str], us: Team) -> bool:
    """Our promise that is a point of its own, kept by what our mail sends or reports; their
    ask to send something ("Bitte schicken Sie mir ein Angebot"), by our mail that sends it
    ("anbei das Angebot")."""
    if p.kind == PointKind.TODO and _is_team(p.raised_by, us):
        return any(_sends_promised(p.text, s) for s in done)
    return (p.kind == PointKind.REQUEST and not _is_team(p.raised_by, us)
            and bool(cues.SEND_ASK_RE.search(p.text))
            and any(_sends_promised(p.text, s) for s in sent))


def _sends_promised(promise: str, sentence: str) -> bool:
    """Whether ``sentence`` (ours, sending or reporting) keeps ``promise``: it speaks to it, or
    it sends and names the promised thing ("anbei wie versprochen die Gegenüberstellung")."""
    if answers.same_topic(promise, sentence):
        return True
    return acts.sends_now(sentence) and bool(
        answers.topic_words(promise) & answers.topic_words(sentence))


def _thanks_only(msg: ParsedMessage, sentences: list[str], points: list[Point]) -> bool:
    """A customer's mail that thanks us and asks nothing new (a date it mentions is none)."""
    asks = (PointKind.REQUEST, PointKind.QUESTION, PointKind.BLOCKER)
    return (not any(p.message_id == msg.message_id and p.kind in asks for p in points)
            and any(acts.thanks(s) for s in (*sentences, *split_sentences(msg.own_text))))


def _settles(sentence: str, team: bool) -> bool:
    """A resolution cue from either side; from ours also a report of work done."""
    return is_resolution(sentence) or team and acts.reports_done(sentence)


def _answered_by_reply(points: list[Point], msg: ParsedMessage, sentences: list[str],
                       us: Team, reopened: dict[str, datetime],
                       texts: dict[str, str]) -> None:
    """A reply that says its answers stand in the quoted text ("meine Antworten stehen unten im
    Text", "Answers inline") answers what we asked, though own_text does not show the answers;
    unless it defers ("ich kläre das und melde mich") or writes nothing under it in the quote
    (``texts``: the bodies of the thread's mails read so far, the asking mail's among them).
    Other replies answer by topic only (``_settle_answered``)."""
    asked = [p for p in points if p.status == OPEN and p.kind in _ASKED
             and p.raised_at < msg.date and _is_team(p.raised_by, us)]
    if not asked:  # most replies: nothing of ours to answer, no need to read the body again
        return
    if not (any(acts.answers_inline(s) for s in sentences) or acts.interleaved(msg.text)):
        return
    if any(cues.TODO_RE.search(" ".join(s.split())) for s in sentences):
        return
    for p in asked:
        original = texts.get(p.message_id)
        # "-> Ja" under questions 1 and 2 and nothing under 3: question 3 is still open
        if original is None or inline.answered_inline(msg.text, original, [p.text])[0] is not False:
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


NO_TEAM = Team()  # ``mailsum extract`` without a config: nobody is "us"


@lru_cache(maxsize=8192)  # asked for every point at every message of a thread
def _is_team(address: str, us: Team) -> bool:
    """One of us: a team address or domain, and a person (a system of ours, monitoring or
    no-reply, reports to us; it promises nothing and owns nothing)."""
    return not colleagues.is_machine(address.lower()) and us.contains(address)


def _colleagues(messages: list[ParsedMessage], default_owner: str | None,
                us: Team) -> dict[str, str]:
    """Addresses on our side a hand-over may name (address -> display name, if known)."""
    known = {a.lower(): "" for a in us.addresses}
    if default_owner:
        known.setdefault(default_owner.lower(), "")
    for m in messages:
        for address in (*m.to, *m.cc):
            if _is_team(address, us):
                known.setdefault(address.lower(), "")
        if _is_team(m.from_addr, us):
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
        if p.status != OPEN or p.owner == new_owner:
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
    team: Team = NO_TEAM,
    default_owner: str | None = None,
    summary_sentences: int = 3,
    summary_ratio: float | None = None,
    colleague_addresses: tuple[str, ...] = (),
    reopened: dict[str, datetime] | None = None,
    parties: tuple[str, ...] = (),
) -> ThreadExtract:
    """The thread as its update shows it: one point per matter and where the ticket stands
    (``tickets.consolidate`` over the sentence points of ``read_thread``)."""
    result = read_thread(
        thread, messages, team=team,
        default_owner=default_owner, summary_sentences=summary_sentences,
        summary_ratio=summary_ratio, colleague_addresses=colleague_addresses, reopened=reopened,
        parties=parties)
    points, ticket, joined = tickets.consolidate(
        result.points, _order(thread, messages),
        lambda a: _is_team(a, team))
    result.points, result.ticket = points, ticket
    result.owner_changes = _follow(result.owner_changes, joined)
    return result


def read_thread(
    thread: Thread,
    messages: list[ParsedMessage],
    *,
    team: Team = NO_TEAM,
    default_owner: str | None = None,
    summary_sentences: int = 3,
    summary_ratio: float | None = None,
    colleague_addresses: tuple[str, ...] = (),
    reopened: dict[str, datetime] | None = None,
    parties: tuple[str, ...] = (),
) -> ThreadExtract:
    """Sentence points, owner changes and summary of ``thread``; ``messages`` may come in any
    order. Every request, question, promise and fault is a point of its own here, with its
    status; ``extract_thread`` then makes one point per matter of them.

    ``reopened``: points the contact reopened by reply, and when: only mail sent after that
    settles them again (the contact had seen what came before and disagreed). ``parties``: the
    customer's addresses and domains from the rules; only parties settle (``_Reader.party``).
    """
    ordered = _order(thread, messages)
    # automatic mail is read only as what it reports: a ticket closed, a monitoring alert
    # (Checkmk and Nagios send theirs with "Auto-Submitted: auto-generated")
    live = [m for m in tickets.with_new_comments([tickets.with_comment(m) for m in ordered])
            if not m.auto or _closes_ticket(m) and m.auto == AutoKind.AUTO_REPLY
            or alerts.alert_state(m) is not None]
    reader = _Reader(live, team, default_owner, team.with_addresses(colleague_addresses),
                     reopened or {}, parties)
    for index, msg in enumerate(live):
        reader.read(index, msg)
    count = _summary_count(len(reader.pool), summary_sentences, summary_ratio)
    last = max(len(live) - 1, 1)
    weights = [1.0 + _RECENCY_BOOST * i / last for _, i in reader.pool]
    summary = summarize([s for s, _ in reader.pool], count, _language(live), weights)
    return ThreadExtract(
        thread_id=thread.thread_id,
        subject=thread.subject,
        message_ids=[m.message_id for m in ordered],
        summary=summary,
        points=reader.points,
        owner_changes=reader.changes,
    )


_MAX_SENTENCES = 2_000  # read for points per mail; a long contract mail has a few hundred


@dataclass
class _Mail:
    """What one message does, gathered while its sentences are read."""

    msg: ParsedMessage
    team: bool
    sentences: list[str]
    earlier: list[Point]  # open before this message
    same_side: list[Point]  # of those, raised by the writer's side
    urgent: bool
    written_to: str | None
    takeover: str | None = None
    handover: tuple[str, str] | None = None  # (colleague's address, the sentence)
    statements: list[str] = field(default_factory=list)  # what it states, not asks or promises
    commitments: list[str] = field(default_factory=list)  # what the customer promises
    informs: bool = False  # it opens with "just so you know", "zur Info"
    taken: set[str] = field(default_factory=set)  # requests its promise gave a colleague
    took_on: list[Point] = field(default_factory=list)  # requests its promise took on
    blocker: tuple[Point, int] | None = None  # the blocker of the sentence before, its end
    listed: dict[int, PointKind] = field(default_factory=dict)  # list item -> its intro's ask
    pointed: set[int] = field(default_factory=set)  # positions of its sentences made points


class _Reader:
    """Reads a thread message by message, oldest first; its fields are what the thread has
    established so far (points, owner, who spoke last and what they did)."""

    def __init__(self, live: list[ParsedMessage], us: Team, default_owner: str | None,
                 roster: Team, reopened: dict[str, datetime],
                 parties: tuple[str, ...] = ()) -> None:
        # ``roster``: the team and the colleagues the rules name, whom a hand-over may name
        self.us = us
        self.reopened = reopened
        self.points: list[Point] = []
        self.changes: list[OwnerChange] = []
        self.seen_ids: set[str] = set()
        self.owner = default_owner
        self.pool: list[tuple[str, int]] = []  # (sentence, message index) for the summary
        self.asked_due: dict[str, date | None] = {}  # a request's own due date
        self.addressed: set[str] = set()  # points put to one colleague by name
        self.last_customer: str | None = None  # the customer's latest mail (a promise answers)
        self.last_customer_at: datetime | None = None
        self.last_ours: str | None = None  # our latest mail: "done" (reported, sent), "promised"
        self.last_promises: list[Point] = []  # what that mail promised
        self.invited = False  # the customer invited us to an occasion
        self.fixed_by_us: set[str] = set()  # what our latest "fixed" settled (objection reopens)
        self.fixer: str | None = None  # who wrote that "fixed"
        self.fixed_at: date | None = None  # and when
        self.thanked = False  # the customer's latest mail thanks us and asks nothing
        self.known = _colleagues(live, default_owner, roster)
        # the customer's people as the rules name them ("acme.de", "k.lang@acme.de")
        self.party_addresses = {x.lower() for x in parties if "@" in x.lstrip("@")}
        self.party_domains = {x.lower().lstrip("@") for x in parties if "@" not in x.lstrip("@")}
        self.first = True  # the thread's first mail made the ticket: its sender is a party
        self.ruled = bool(parties)
        self.writers: set[str] = set()  # colleagues who wrote in the thread so far
        self.texts: dict[str, str] = {}  # the bodies read so far: what a reply quotes
        self.said_by_us: list[str] = []  # every sentence of ours read so far

    def ours(self, address: str) -> bool:
        return _is_team(address, self.us)

    def party(self, msg: ParsedMessage) -> bool:
        """Whether ``msg`` comes from a party to the ticket: one of us, the customer's people
        (the rules' addresses and domains), or whoever the thread's parties wrote with. Only a
        party settles anything; anyone else's "behoben" under the ticket's tag changes nothing.
        The thread's first mail is a party's by definition (it made the ticket)."""
        sender = msg.from_addr.lower()
        domain = sender.rpartition("@")[2]
        known = (self.first or self.ours(sender) or sender in self.party_addresses
                 or domain in self.party_domains
                 # no rules to name the customer (``mailsum extract``): the first of them
                 # who writes is the customer
                 or not self.ruled and not self.party_domains)
        self.first = False
        if known:
            if not self.ours(sender):
                self.party_domains.add(domain)
            self.party_addresses.update(a.lower() for a in (sender, *msg.to, *msg.cc))
        return known

    def read(self, index: int, msg: ParsedMessage) -> None:
        party = self.party(msg)
        self.texts[msg.message_id] = msg.text
        if party and self._notice(msg):
            return
        team = self.ours(msg.from_addr)
        written_to = None if team else _written_to(msg, self.writers, self.us)
        if team:
            self.writers.add(msg.from_addr.lower())
        else:
            self.last_customer, self.last_customer_at = msg.message_id, msg.date
        sentences = [c for c in map(_content, split_sentences(without_formulae(msg.own_text)))
                     if c]
        # a flood mail ("Zeile 1: bitte prüfen" 100,000 times) is read as far as a person
        # writes: past that, its sentences cost time and add no matter
        sentences = sentences[:_MAX_SENTENCES]
        self.pool.extend((s, index) for s in sentences if _summarizable(s))
        sentences = [c for s in sentences for c in _clauses(s)]
        # what this message settles or takes over concerns only points raised before it
        if party:
            self._settle_before(msg, team, sentences)
        earlier = [p for p in self.points if p.status == OPEN]
        mail = _Mail(msg=msg, team=team, sentences=sentences, earlier=earlier,
                     same_side=[p for p in earlier if self.ours(p.raised_by) == team],
                     urgent=any(cues.ESCALATION_RE.search(s) for s in sentences),
                     written_to=written_to)
        if mail.urgent and not team and party:
            # "wir warten immer noch, das ist inakzeptabel" escalates what they still have open
            for p in mail.same_side:
                p.escalation = True
        mail.listed = _listed_asks(sentences, msg.language, team)
        if team:
            self.said_by_us.extend(sentences)
        mail.informs = any(cues.INFORMATION_RE.match(" ".join(s.split())) for s in sentences[:2])
        for position, sentence in enumerate(sentences):
            self._sentence(mail, position, sentence)
        if party:
            self._settle_after(mail)
            self._owners_after(mail)

    def _notice(self, msg: ParsedMessage) -> bool:
        """A ticket system's "closed" or a monitoring alert: facts, read as such."""
        if _closes_ticket(msg):  # settles all, raises nothing
            for p in self.points:
                if p.status == OPEN:
                    _settle(p, msg, self.reopened)
            return True
        alert = alerts.alert_state(msg)
        if alert == "recovery":  # "CRIT -> OK": the alerts before it are settled
            for p in self.points:
                if p.status == OPEN and colleagues.is_machine(p.raised_by):
                    _settle(p, msg, self.reopened)
            return True
        if alert == "problem":
            if not any(p.status == OPEN and colleagues.is_machine(p.raised_by)
                       for p in self.points):
                # the alert is the matter, named by its subject (the mail is a form, not prose);
                # the same alert again, or another state of it, is the same matter
                pid = point_id(msg.message_id, msg.subject)
                self.seen_ids.add(pid)
                self.points.append(Point(id=pid, kind=PointKind.BLOCKER, text=msg.subject,
                                         message_id=msg.message_id, raised_by=msg.from_addr,
                                         raised_at=msg.date, owner=self.owner))
            return True
        return False

    def _settle_before(self, msg: ParsedMessage, team: bool, sentences: list[str]) -> None:
        """Their objection, their reply to our test request, anyone's resolution or report."""
        if not team and self.fixed_by_us and any(acts.objects(s) for s in sentences):
            self._reopen_fixed(msg, sentences)
        if not team:
            # any reply of theirs answers our "Could you test it and let me know?"
            for p in self.points:
                if (p.status == OPEN and p.kind in _ASKED
                        and self.ours(p.raised_by) and acts.asks_feedback(p.text)):
                    _settle(p, msg, self.reopened)
        settling = [s for s in sentences if _settles(s, team)]
        if settling:
            self._settle_said(msg, team, sentences, settling)
        elif not team:
            # the customer wrote back: what we asked them is answered, unless they defer
            _answered_by_reply(self.points, msg, sentences, self.us, self.reopened, self.texts)

    def _settle_said(self, msg: ParsedMessage, team: bool, sentences: list[str],
                     settling: list[str]) -> None:
        """What a resolution or our report settles; our fix is remembered, so that their
        objection can reopen it."""
        if team and any(cues.INTERIM_RE.search(" ".join(s.split())) for s in sentences):
            return  # "kurzer Zwischenstand: das Konto ist angelegt": progress, not settled
        before = {p.id for p in self.points if p.status == OPEN}
        _resolve([p for p in self.points if team or not self._item_untouched(p)], msg, team,
                 self.us, self.reopened, said=settling)
        if team:
            self.fixed_by_us = {p.id for p in self.points
                                if p.id in before and p.status == RESOLVED}
            self.fixer = msg.from_addr
            self.fixed_at = msg.date.date()

    def _reopen_fixed(self, msg: ParsedMessage, sentences: list[str]) -> None:
        """"Still disconnecting": they disagree with our fix, what it settled is open again,
        and whoever did the work follows it up; the objection is why ("Ciarán," above it is
        no reason)."""
        objection = next((s for s in sentences if acts.objects(s)), " ".join(sentences[:1]))
        for p in self.points:
            if p.id in self.fixed_by_us and p.status == RESOLVED and p.id not in self.reopened:
                p.status, p.resolved_by = "open", None
                if p.due is not None and self.fixed_at is not None and self.fixed_at <= p.due:
                    p.due = None  # "heute noch" was met by the fix; the objection has no date
                if self.fixer and self.fixer != p.owner:
                    _assign_owner([p], self.fixer, msg, objection, self.changes)
        if self.fixed_by_us and self.fixer:
            self.owner = self.fixer
        self.fixed_by_us = set()

    def _kind(self, mail: _Mail, position: int, sentence: str
              ) -> tuple[str | None, date | None]:
        """The sentence's point kind in this conversation, and its due date: what the rules
        read, as the thread so far changes it, then what it does to owners and answers."""
        msg, team = mail.msg, mail.team
        due = parse_due(sentence, msg.date, msg.language)
        kind, due = self._read_kind(mail, sentence, due)
        if kind is not None and due is None and cues.BY_THEN_RE.search(sentence):
            # a point of its own that dates itself by the sentence before; "Bis dahin können
            # Sie die Pläne an den Copyshop geben" is no point for having a date
            due = _date_before(mail.sentences[max(0, position - 2):position], msg)
        if kind == PointKind.REQUEST and not team and due is not None:
            due = _ask_due(sentence, msg.date, msg.language) or due
        kind = self._social(mail, sentence, kind)
        if team:
            kind = self._working(mail, sentence, kind, due)
        if cues.FINDS_OUT_RE.search(" ".join(sentence.split())):
            pass  # "I'll check with Tomás and come back to you": no answer, whatever its topic
        elif kind not in _ASKS_OR_PROMISES or not team and kind == PointKind.REQUEST:
            # their instruction answers what we asked as a statement would: "Bitte nehmen
            # Sie den Server FS02", "ja, beide brauchen Zugriff auf das Laufwerk"
            mail.statements.append(sentence)
        elif not team and kind == PointKind.TODO:
            mail.commitments.append(sentence)  # "I'll do the test call with you myself"
        return kind, due

    def _read_kind(self, mail: _Mail, sentence: str, due: date | None
                   ) -> tuple[str | None, date | None]:
        """The rules' kind, as the conversation so far reads it: an objection to our fix, a
        promise that is courtesy, a proposed date that awaits a yes."""
        msg, team = mail.msg, mail.team
        kind = (None if _settles(sentence, team)
                else classify(sentence, due is not None, msg.language, team))
        if (not team and kind == PointKind.REQUEST and mail.informs
                and rule_kind(sentence, due is not None) != PointKind.REQUEST):
            # "just so you know: … closed on Friday … Back to normal on Monday": a mail said to
            # inform; only a cue's request ("FYI: please restart tonight") asks in it
            kind = rule_kind(sentence, due is not None)
        if not team and kind is None and self.fixed_by_us and acts.objects(sentence):
            kind = PointKind.BLOCKER  # "heute Nacht ist der LW-PC2 wieder eingefroren"
        if (team and kind == PointKind.TODO and self.thanked
                and len(answers.topic_words(sentence)) <= _COURTESY_WORDS):
            kind = None  # "I'll pass it on to both of them" to their thank-you: courtesy
        elif team and kind == PointKind.TODO and cues.STAND_DOWN_RE.search(
                " ".join(sentence.split())):
            kind = None  # "noted – we'll ignore any alerts in that window": nothing to do
        if due is not None and kind != PointKind.REQUEST and kind != PointKind.BLOCKER and (
                cues.PROPOSAL_RE.search(sentence)):
            # "Unser Vorschlag: Samstag, 05.12." awaits a yes
            kind, due = PointKind.QUESTION, None
        return kind, due

    def _social(self, mail: _Mail, sentence: str, kind: str | None) -> str | None:
        """A hand-over to a colleague and an invitation accepted are no tasks."""
        msg, team = mail.msg, mail.team
        # "Herr Klein übernimmt meine Tickets": the writer hands their work over
        colleague = (_other_colleague(colleagues.handed_over_to(sentence), msg, self.known)
                     if team else None)
        if colleague is not None:
            mail.handover = mail.handover or (colleague, sentence)
            kind = None  # a change of owner, no task
        if not team and acts.invites(sentence):
            self.invited = True
        elif team and self.invited and kind == PointKind.TODO and acts.accepts(sentence):
            kind = None  # "ich komme sehr gern vorbei" to their party: no task, no take-over
        return kind

    def _working(self, mail: _Mail, sentence: str, kind: str | None,
                 due: date | None) -> str | None:
        """Our sentence: whoever of us promises, takes over, or asks the customer what the
        work needs is working on it; the kind as our side's sentence means it."""
        takes_over = bool(cues.TAKEOVER_RE.search(sentence))
        # as our side means it: "das richten wir alles bis zum 4. Jänner ein" promises
        kind = _team_kind(kind, takes_over, due is not None, sentence)
        working = kind == PointKind.TODO or kind == PointKind.QUESTION and any(
            not self.ours(p.raised_by) for p in mail.earlier)
        if mail.takeover is None and (working or takes_over):
            mail.takeover = sentence
        return kind

    def _sentence(self, mail: _Mail, position: int, sentence: str) -> None:
        msg, team = mail.msg, mail.team
        if (mail.blocker is not None and mail.blocker[1] == position - 1
                and cues.FAULT_DETAIL_RE.match(" ".join(sentence.split()))):
            # "Die Fehlermeldung lautet …" says what the fault looks like: one point
            mail.blocker[0].text = f"{mail.blocker[0].text} {sentence}"
            mail.blocker = (mail.blocker[0], position)
            return
        kind, due = self._kind(mail, position, sentence)
        if position + 1 in mail.listed and position not in mail.listed:
            kind = None  # "Dafür brauchen wir:": each item of its list is the ask
        elif position in mail.listed and kind is None:
            kind = mail.listed[position]  # "4. Ein E-Mail-Postfach für Frau Pohl"
        if kind is None or team and self._chases(mail, sentence, kind, due) or (
                not team and kind == PointKind.REQUEST and self._answers_ours(mail, sentence)):
            return
        pid = point_id(msg.message_id, sentence)
        if pid in self.seen_ids or _repeats(sentence, mail.same_side):
            return
        promiser = self._promiser(mail, sentence) if team else None
        if kind == PointKind.TODO and promiser is not None:
            requests = (_taken_on(sentence, mail.earlier, self.us)
                        or _asked_just_before(sentence, mail.earlier, self.last_customer))
            if requests:  # "ich erneuere das Zertifikat bis Freitag": their request, ours now
                mail.taken |= _take_on(requests, sentence, due, promiser, msg, self.asked_due,
                                       self.changes)
                mail.took_on.extend(requests)
                return
        self.seen_ids.add(pid)
        self.asked_due[pid] = due
        addressee = None if team else self._addressee(mail, pid, sentence)
        self.points.append(Point(
            id=pid, kind=kind, text=self._with_item(mail, position, sentence),
            message_id=msg.message_id,
            raised_by=msg.from_addr, raised_at=msg.date,
            # "Tom will prepare the laptops": a promise made for a colleague
            owner=promiser if team else addressee or self.owner,
            due=due, escalation=mail.urgent, position=position))
        mail.pointed.add(position)
        mail.blocker = (self.points[-1], position) if kind == PointKind.BLOCKER else None

    def _answers_ours(self, mail: _Mail, sentence: str) -> bool:
        """"Staging only for the first month, please." to our "production AWS like the rest of
        the team, or only staging?": the request picks a side of our either-or, so it answers
        it; while the matter it belongs to is open on us it is no task of its own."""
        picked = [p for p in mail.earlier
                  if p.kind == PointKind.QUESTION and self.ours(p.raised_by)
                  and answers.picks_alternative(p.text, sentence)]
        for p in picked:
            _settle(p, mail.msg, self.reopened)
        return bool(picked) and any(
            p.status == OPEN and p.kind != PointKind.QUESTION for p in mail.earlier)

    def _promiser(self, mail: _Mail, sentence: str) -> str:
        """"Tom will prepare the laptops": a promise made for a colleague is theirs."""
        msg = mail.msg
        promiser = (_other_colleague(colleagues.committed_for(sentence), msg, self.known)
                    or msg.from_addr)
        if promiser == msg.from_addr and mail.handover and _THIRD_PERSON.match(sentence):
            # "Niamh Doyle is taking this over. She'll be on site on Thursday": hers
            promiser = mail.handover[0]
        return promiser

    def _addressee(self, mail: _Mail, pid: str, sentence: str) -> str | None:
        """"Frau Berger, bitte behalten Sie das im Blick": put to one of us by name, it stays
        theirs when a colleague takes over the rest of the thread."""
        addressee = _other_colleague(colleagues.addressed_to(sentence), mail.msg, self.known)
        if addressee is not None:
            self.addressed.add(pid)
            return addressee
        return mail.written_to  # "To: ravi.menon@…": the one of us they wrote to

    def _chases(self, mail: _Mail, sentence: str, kind: str, due: date | None) -> bool:
        """Our mail after our own unanswered one asks again ("just bumping this one – I'd need
        your answer by Friday 20 November"): what we asked is still what they owe, now with
        that date; no question of its own. A numbered item or "One more question: …" is one."""
        if kind not in _ASKED or matters.ITEM.match(sentence) or cues.NEW_MATTER_RE.match(
                " ".join(sentence.split())):
            return False
        since = self.last_customer_at
        pending = [p for p in self.points
                   if p.status == OPEN and p.kind in _ASKED and self.ours(p.raised_by)
                   and p.message_id != mail.msg.message_id
                   and (since is None or p.raised_at > since)]
        for p in pending if due is not None else ():
            p.due = due
        return bool(pending)

    def _with_item(self, mail: _Mail, position: int, sentence: str) -> str:
        """"3. Bei einigen Scannern halten die Akkus nicht mehr. Können Sie sie prüfen?": the
        ask after a numbered item that asked nothing itself is that item (its matter, its
        words)."""
        if position == 0 or matters.ITEM.match(sentence):
            return sentence
        before = mail.sentences[position - 1]
        if not matters.ITEM.match(before) or position - 1 in mail.pointed:
            return sentence
        return f"{before} {sentence}"

    def _settle_after(self, mail: _Mail) -> None:
        """Their thanks, our kept promises and what our mail did, answers to either side."""
        msg, team = mail.msg, mail.team
        if not team:
            self.thanked = _thanks_only(msg, mail.sentences, self.points)
        if not team and self.thanked:
            due_come = self.last_promises and all(
                p.due is not None and p.due <= msg.date.date() for p in self.last_promises)
            # thanks after our report settles; thanks for a promise only once its day came
            # ("All went smoothly this morning. Thank you!" after "I'll drop it off tomorrow")
            if self.last_ours == "done" or self.last_ours == "promised" and due_come:
                # "Thanks … I'll take both to Rachel and come back to you": what we asked
                # them waits on that
                defers = any(cues.TODO_RE.search(" ".join(x.split())) for x in mail.sentences)
                # "Thanks Niamh! I'll do the test call myself": the thanks keeps their promise,
                # and an item of their list nobody of us has spoken to is not what it thanks for
                _resolve([p for p in self.points if p.message_id != msg.message_id
                          and not self._item_untouched(p)], msg, team,
                         self.us, self.reopened, keep_asked=defers)
        promised = [p for p in self.points
                    if p.kind == PointKind.TODO and p.message_id == msg.message_id]
        if team:
            _keep_promises(mail.earlier, mail.sentences, msg, self.asked_due, self.us)
            self._settle_when_asked(mail, promised)
            if any(_settles(s, True) or acts.sends_now(s) for s in mail.sentences):
                self.last_ours = "done"
            elif mail.took_on or promised:
                self.last_ours = "promised"
                self.last_promises = mail.took_on + promised
            else:
                self.last_ours = None
        self._settle_committed(mail)
        _settle_answered(mail.earlier, msg, team, mail.statements, self.us, self.reopened,
                         promised=[p.text for p in promised] if team else [],
                         last_customer=self.last_customer)

    def _item_untouched(self, p: Point) -> bool:
        """"4. Ein E-Mail-Postfach für Frau Pohl" that no mail of ours named, by its words or
        by its number ("Zu 1. und 2.: …")."""
        item = matters.ITEM.match(p.text)
        if item is None or p.promise or self.ours(p.raised_by):
            return False
        by_number = re.compile(rf"(?<![\d.])\(?{item[1]}\)?[.:,)]")
        return not any(answers.same_topic(p.text, s)
                       or cues.ITEM_REFERENCE_RE.search(" ".join(s.split())) and by_number.search(s)
                       for s in self.said_by_us)

    def _settle_when_asked(self, mail: _Mail, promised: list[Point]) -> None:
        """"Ich erwarte bis morgen Mittag eine verbindliche Aussage, wann Oldenburg läuft" –
        "Er ist am Freitag, 27.11., in Oldenburg und nimmt alles in Betrieb": our dated promise
        answers their asking when."""
        if not any(p.due is not None for p in promised):
            return
        for p in mail.earlier:
            if (p.status == OPEN and not self.ours(p.raised_by)
                    and _ASKS_WHEN.search(" ".join(p.text.split()))):
                _settle(p, mail.msg, self.reopened)

    def _settle_committed(self, mail: _Mail) -> None:
        """Our "could you nominate someone?" – "I'll do the test call with you myself": they
        do what we asked of them; a promise to find out answers no question of ours."""
        for p in mail.earlier if mail.commitments else ():
            if p.status == OPEN and p.kind == PointKind.REQUEST and self.ours(p.raised_by) and any(
                    answers.answers(p.text, c) for c in mail.commitments):
                _settle(p, mail.msg, self.reopened)

    def _owners_after(self, mail: _Mail) -> None:
        """A take-over makes the writer owner of what was open; a hand-over gives theirs on."""
        msg = mail.msg
        if mail.takeover is not None and mail.handover is None:
            # (a mail that hands the matter to a colleague takes nothing over for its writer,
            # whatever it promises on the colleague's behalf)
            self.owner = msg.from_addr
            _assign_owner([p for p in mail.earlier
                           if p.id not in mail.taken and p.id not in self.addressed],
                          msg.from_addr, msg, mail.takeover, self.changes)
        if mail.handover is not None:
            # the writer hands their own points over; later points default to the colleague
            colleague, reason = mail.handover
            mine = [p for p in self.points if p.status == OPEN and p.owner == msg.from_addr]
            if not mine:
                # "Herr Ortlieb, unser Teamleiter, übernimmt das": the account manager gives the
                # customer's matter to a colleague; it was nobody's of the writer's
                mine = [p for p in self.points if p.status == OPEN and not self.ours(p.raised_by)
                        and p.id not in self.addressed]
                self.owner = colleague
            _assign_owner(mine, colleague, msg, reason, self.changes)
            if self.owner in (msg.from_addr, None):
                self.owner = colleague


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


# "She'll be on site …", "Er kommt am Mittwoch …" (singular: "Sie kommen" is the reader)
_THIRD_PERSON = re.compile(r"^\W*(?:(?:she|he)(?:'ll|’ll|'s|’s| will| is| can)\b"
                           r"|(?:er|sie) (?:wird|kann|\w+t)\b)", re.IGNORECASE)


def _team_kind(kind: str | None, takes_over: bool, has_due: bool, sentence: str = ""
               ) -> str | None:
    """What a sentence of ours is: our commitments and questions count, our reports do not.

    "Ich übernehme das Ticket" only changes the owner; it becomes a point when it promises a
    date. Our own description of a fault is no blocker the customer raised, and a date we name
    is a commitment of ours, unless it is the day their contract runs to ("your subscription
    renews on 1 December": why we write, not what we do).
    """
    if takes_over and not has_due:
        return None
    if kind == PointKind.BLOCKER:
        return None
    if kind == PointKind.DEADLINE:
        text = " ".join(sentence.split())
        # "Am Montag früh können Sie ganz normal loslegen": what they can do, not our work
        mine = cues.TERM_RE.match(text) or _YOU_CAN.search(text) and not _WE.search(text)
        return None if mine else PointKind.TODO
    return kind


_YOU_CAN = re.compile(r"(?<![\w-])(?:(?:können|dürfen|könnten) (?-i:Sie)"
                      r"|(?-i:Sie) (?:können|dürfen)|you (?:can|may|could)"
                      r"|you(?:'ll| will) be able to)(?![\w-])", re.IGNORECASE)
_WE = re.compile(r"(?<![\w-])(?:wir|ich|uns|we|I|us)(?![\w-])", re.IGNORECASE)


def _date_before(before: list[str], msg: ParsedMessage) -> date | None:
    """"Amy starts on 7 December. Could you set up a laptop by then?": the date of the
    sentences just before in the same mail, the nearer first."""
    for earlier in reversed(before):
        due = parse_due(earlier, msg.date, msg.language)
        if due is not None:
            return due
    return None


# a clause ends at a comma or semicolon before a word (not inside "Freitag, 27.11.")
_CLAUSE = re.compile(r"[,;]\s+(?=[^\W\d_])")


def _ask_due(sentence: str, sent: datetime, language: str) -> date | None:
    """Of a sentence's dates, the one in the clause that asks: "Herr Hofmann möchte die
    Bestellung bis Freitag freigeben, bitte schicken Sie es uns bis Donnerstag" is due
    Thursday. None unless exactly one clause asks and names a date."""
    clauses = _CLAUSE.split(" ".join(sentence.split()))
    if len(clauses) < 2:
        return None
    asking = [c for c in clauses if cues.REQUEST_RE.search(c) or cues.IMPERATIVE_RE.match(c)]
    return parse_due(asking[0], sent, language) if len(asking) == 1 else None


_COURTESY_WORDS = 2  # a promise that names no work of its own: "Mache ich gern weiter."
_ASKS_OR_PROMISES = (PointKind.QUESTION, PointKind.REQUEST, PointKind.TODO)


def _settle_answered(
    open_points: list[Point],
    msg: ParsedMessage,
    team: bool,
    statements: list[str],
    us: Team,
    reopened: dict[str, datetime],
    promised: list[str] | None = None,
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
    promised = promised or []
    for p in open_points:
        if p.status != OPEN or _is_team(p.raised_by, us) == team:
            continue
        if p.kind != PointKind.QUESTION and (team or p.kind != PointKind.REQUEST):
            continue
        # we wrote back, and promised nothing on it ("I'll check and get back to you"): answered
        on_it = any(answers.answers(p.text, t) or cues.PROMISE_ON_IT_RE.search(" ".join(
            t.split())) for t in promised)
        replied = team and not on_it and p.message_id == last_customer
        if replied or any(answers.answers(p.text, s) or answers.picks_alternative(p.text, s)
                          for s in statements):
            _settle(p, msg, reopened)


def _taken_on(promise: str, open_points: list[Point], us: Team) -> list[Point]:
    """The customer's open requests our promise names: those it takes on."""
    return [p for p in open_points
            if p.status == OPEN and p.kind == PointKind.REQUEST
            and not _is_team(p.raised_by, us)
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
             if p.message_id == last_customer and p.status == OPEN and p.kind == PointKind.REQUEST]
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


# a promise with a deadline ("… by Monday 11/16", "bis Freitag"), not a slot offered ("I can
# do Tuesday at 4pm")
# their asking when something will be: "wann Oldenburg läuft", "bis wann", "when will it be
# fixed", "a firm date" (not "wann immer Sie möchten", "whenever")
_ASKS_WHEN = re.compile(
    r"(?<![\w-])(?:(?:bis )?wann(?! immer)|ab wann|when (?:will|can|do|does|is|are|would|could)"
    r"|by when|what date|which date|(?:a |einen )?(?:firm|verbindlichen?|konkreten?) "
    r"(?:date|termin|datum))(?![\w-])", re.IGNORECASE)
_BY_A_DAY = re.compile(r"(?<![\w-])(?:by|bis|until|till|spätestens|no later than)(?![\w-])",
                       re.IGNORECASE)


def _resolve(
    open_points: list[Point],
    msg: ParsedMessage,
    team: bool,
    us: Team,
    reopened: dict[str, datetime],
    keep_asked: bool = False,
    said: list[str] | None = None,
) -> None:
    """Settle what ``msg`` settles: ours the fault and our promises, theirs everything open,
    but not what we asked them when they say they will come back to it (``keep_asked``), nor
    our promise for a later day that our report (``said``) does not name ("I'll send you a
    written summary by Monday" outlives "I've expanded the volume by 2 TB"; "For (1), our
    technician sets up the room on 12/1" outlives "I updated TrialDirector", item 3)."""
    for p in open_points:
        if p.status != OPEN:
            continue
        ours = _is_team(p.raised_by, us)
        if (team or keep_asked) and p.kind in _ASKED and ours:
            continue  # our "fixed" settles the fault and our promises, not what we asked them
        if team and said and _outlives(p, ours, msg, said):
            continue
        if not team and p.due is not None and p.due > msg.date.date() and (
                ours and p.kind == PointKind.TODO or p.promise):
            # "Läuft wieder, danke" does not keep our promise for next Tuesday: it stays open,
            # and is the matter now
            if p.promise:
                p.text, p.kind, p.promise = p.promise, PointKind.TODO, None
                if p.owner is not None and _is_team(p.owner, us):
                    p.raised_by = p.owner  # our promise now, whoever asked for it
            continue
        _settle(p, msg, reopened)


def _outlives(p: Point, ours: bool, msg: ParsedMessage, said: list[str]) -> bool:
    """Our promise for a later day (ours, or the one that took on their ask: "Das Angebot
    schicke ich bis …") that says "by" or names an item of their list, and that our report
    does not name, stays owed."""
    promised = p.text if ours and p.kind == PointKind.TODO else p.promise
    if not promised or p.due is None or p.due <= msg.date.date():
        return False
    if not (_BY_A_DAY.search(promised) or cues.ITEM_REFERENCE_RE.match(promised)):
        return False
    # "She'll add a second access point on Thursday, and we'll confirm to you by Tuesday 17th
    # that the room is solid": the report must name the part that is due by that day
    dated = next((c for c in _CLAUSES.split(promised) if _BY_A_DAY.search(c)), promised)
    return not any(answers.same_topic(dated, x) for x in said)


# the clauses of a compound promise: "…, and we'll …", "…; danach …", "… und wir …"
_CLAUSES = re.compile(r",\s*(?:and|und)\s+|;\s*|\s(?:and|und)\s+(?=(?:we|I|wir|ich)\b)",
                      re.IGNORECASE)


def _settle(p: Point, msg: ParsedMessage, reopened: dict[str, datetime]) -> None:
    """``msg`` settles ``p``, unless the contact reopened ``p`` after ``msg`` was sent."""
    if p.id in reopened and msg.date <= reopened[p.id]:
        return
    p.status, p.resolved_by = RESOLVED, msg.message_id
