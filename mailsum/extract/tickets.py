"""From a thread's points to its ticket: one point per matter, whose move it is, what is next.

The sentence rules (``points``) find every request, question, promise and fault; service mail
says the same matter many times ("Der Drucker druckt nicht", "Können Sie sich das ansehen?",
"Die Buchhaltung braucht ihn dringend"), and our replies are the matter's progress, not new
to-dos. So, per thread:

- the customer's open points are one matter per thing they asked (``matters``: a numbered
  item, an ask that says it is another one, "One more thing: …"; chases and details join the
  matter they follow), ours to move; its text is the customer's report (and their latest
  chase, when they wrote again); our latest promise on it is its status and our earlier
  promises are superseded by it;
- with no customer matter open, our open promises are matters of their own (one per topic,
  the latest wording standing), and our open questions one matter per mail that asked them,
  waiting on the customer;
- whose move it is: ours while the customer spoke last or we promised something; theirs when
  our latest mail asked them and promised nothing, or a ticket system says "pending";
- nothing open: resolved when something was settled, informational when nothing was ever asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from mailsum.extract import acts, answers, cues, matters
from mailsum.models import ParsedMessage, Point, PointKind, PointStatus, Ticket, TicketState
from mailsum.text.formulae import without_formulae
from mailsum.text.segment import split_sentences

_MAX_TEXT_SENTENCES = 2
_LEAD_CANDIDATES = 4  # the sentences of a mail's first faults (or asks) that may lead it
_ASKS = (PointKind.QUESTION, PointKind.REQUEST)

# A ticket system's status notice: "Ticket status changed to Pending", "has been set to
# Resolved", "Status: Warten auf Kunde", "X-Ticket-State: pending reminder".
_STATUS_CHANGE = re.compile(
    r"\b(?:status|state|zustand)\b[^\n.]{0,80}?\b(?:changed to|set to|is now|"
    r"ge[äa]ndert (?:auf|in)|gesetzt auf|:)\s*[\"'„“]?(?P<state>[\w -]{2,40})", re.IGNORECASE)
_PENDING = re.compile(
    r"^(?:pending|waiting (?:on|for) (?:the )?customer|awaiting (?:customer|reply|response)|"
    r"on hold|warten auf (?:kunde|r[üu]ckmeldung|antwort)|wartet auf (?:kunde|r[üu]ckmeldung)|"
    r"r[üu]ckfrage|pending reminder)", re.IGNORECASE)
_REOPENED = re.compile(
    r"^(?:re-?opened|open|offen|wieder (?:ge)?[öo]ffne|in (?:progress|bearbeitung))", re.IGNORECASE)


def notice_state(msg: ParsedMessage) -> str | None:
    """"pending" or "open" when ``msg`` is a ticket system's status notice saying so."""
    header = msg.headers.get("x-ticket-state", "") or msg.headers.get("x-ticket-status", "")
    candidates = [header.strip()] if header else []
    for m in _STATUS_CHANGE.finditer(f"{msg.subject}\n{msg.own_text[:2000]}"):
        candidates.append(m.group("state").strip())
    for state in candidates:
        if _PENDING.match(state):
            return "pending"
        if _REOPENED.match(state):
            return "open"
    return None


# "Kommentar: Bitte senden Sie uns noch die Seriennummer.", "Comment: …", "Neuer Kommentar von
# Matthias Gerlach (06.11.2026 08:14):", "Beschreibung:": a person's words in a ticket system's
# notice
_COMMENT = re.compile(
    r"^\s*(?:neuer |new |latest )?(?:kommentar|comment|notiz|note|nachricht|message|antwort|reply"
    r"|bemerkung|anmerkung|beschreibung|description)\s*(?:(?:des bearbeiters|from agent|by agent)?"
    r"\s*:\s*(?P<first>.*)|\s(?:von|from|by) [^\n]{1,80}:\s*)$",
    re.IGNORECASE)
# "Siobhán Kelly posted a reply:", "Jane Doe commented:", "Matthias Gerlach hat geantwortet:":
# the person's words follow (osTicket, Jira, Freshdesk, Zammad notices); the name is one to
# five words, so "Your ticket has been updated:" is no such line
_POSTED = re.compile(
    r"^\s*(?:[^\W\d_][\w'’.-]*\s){1,5}(?:\([^()\n]{1,40}\)\s)?(?:posted an? (?:reply|comment|"
    r"note|response)|replied|responded|commented|wrote|added an? (?:comment|note|reply)|"
    r"hat (?:geantwortet|kommentiert|geschrieben|einen kommentar (?:hinzugefügt|verfasst)|"
    r"eine antwort (?:verfasst|geschrieben|hinzugefügt))|schrieb|antwortete)"
    r"(?:\s\([^()\n]{1,40}\))?\s*:\s*(?P<first>.*)$",
    re.IGNORECASE)
# what ends the comment: the next form field ("Status: …"), a separator, the system's footer
_FIELD = re.compile(r"^\s*[\w. -]{1,30}:\s+\S")
_END = re.compile(r"^\s*(?:-{3,}|_{3,}|={3,}|antworten sie auf diese|reply to this|"
                  r"bitte lassen sie die ticket|please keep the ticket)", re.IGNORECASE)
# a notice that carries a person's words: new ticket, new comment, updated
_NEWS = re.compile(r"\b(?:neues ticket|new (?:ticket|request|comment)|ticket (?:aktualisiert|"
                   r"updated)|neuer kommentar|has been updated|wurde aktualisiert|commented)\b",
                   re.IGNORECASE)
_MIN_COMMENT_WORDS = 3


def with_comment(msg: ParsedMessage) -> ParsedMessage:
    """A ticket system's notice that carries a person's comment or description is read as
    those words (a mail of the notice's sender, not automatic); any other mail as it is."""
    if not msg.auto or notice_state(msg) is None and not _CLOSED_WORDS.search(msg.subject) and (
            not _NEWS.search(f"{msg.subject}\n{msg.own_text[:500]}")):
        return msg
    lines = msg.own_text.split("\n")
    for i, line in enumerate(lines):
        m = _COMMENT.match(line) or _POSTED.match(line)
        if not m:
            continue
        comment = [m.group("first") or ""]
        for nxt in lines[i + 1:]:
            if _END.match(nxt) or _FIELD.match(nxt) and not nxt.rstrip().endswith(","):
                break  # the next form field, a separator or the footer ends the comment
            comment.append(nxt)
        text = "\n".join(comment).strip()
        if len(text.split()) >= _MIN_COMMENT_WORDS:
            return replace(msg, own_text=text, text=text, auto=None)
    return msg


# A help desk notice that quotes the ticket's conversation as blocks, newest first (Zendesk:
# "##- Please type your reply above this line -##", then "Helen Marsh / Nov 16, 2026, 09:48
# GMT / text", each block under a line of dashes).
_BLOCK_RULE = re.compile(r"^\s*-{10,}\s*$", re.MULTILINE)
_BLOCK_DATE = re.compile(
    r"^\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,? (?:um )?\d{1,2}:\d{2}(?: ?[AP]M)?)?(?: [A-Z]{2,5})?\s*$")
_MAX_NAME_WORDS = 6
_MAX_BLOCKS = 50


def _comment_blocks(text: str) -> list[str] | None:
    """The person's words of each block of a notice that quotes its conversation, oldest first;
    None when the notice has no such blocks."""
    parts = _BLOCK_RULE.split(text)
    if len(parts) < 2 or len(parts) > _MAX_BLOCKS:
        return None
    blocks = []
    for part in parts[1:]:
        lines = part.strip().split("\n")
        if (len(lines) < 3 or not lines[0].strip()
                or len(lines[0].split()) > _MAX_NAME_WORDS or not _BLOCK_DATE.match(lines[1])):
            continue
        words = "\n".join(lines[2:]).strip()
        if words:
            blocks.append(words)
    return list(reversed(blocks)) or None


def with_new_comments(messages: list[ParsedMessage]) -> list[ParsedMessage]:
    """A notice that quotes the ticket's conversation (newest first) is read as what it adds:
    the blocks no earlier mail of the thread carried ("Passing this to Nordlicht" and Helen's
    report in the first notice; only "All 30 working – thank you Liam!" in a later one, whose
    other blocks quote our own mail)."""
    out: list[ParsedMessage] = []
    plain: list[ParsedMessage] = []  # the latest other mails: a block may quote one of them
    words: dict[int, str] = {}  # their text normalised, only once a notice needs it
    blocks_seen: set[str] = set()
    for msg in messages:
        blocks = _comment_blocks(msg.own_text) if msg.auto else None
        if blocks is None:
            out.append(msg)
            plain = [*plain[-_MAX_BLOCKS + 1:], msg]
            continue
        for m in plain:
            if id(m) not in words:
                words[id(m)] = " ".join(m.own_text.split())
        mails = [words[id(m)] for m in plain]
        new = []
        for block in blocks:
            key = " ".join(block.split())[:200]
            if key not in blocks_seen and not any(key in m for m in mails):
                new.append(block)
            blocks_seen.add(key)
        if new:
            text = "\n\n".join(new)
            msg = replace(msg, own_text=text, text=text, auto=None)
        out.append(msg)
    return out


_CLOSED_WORDS = re.compile(r"\b(?:closed|geschlossen|resolved|gel[öo]st)\b", re.IGNORECASE)


@dataclass
class _Matters:
    """The matters of one thread as they are formed: which are ours to move, what comes next,
    and which open point joined which matter."""

    matters: list[Point] = field(default_factory=list)
    ours: list[Point] = field(default_factory=list)
    members: dict[str, str] = field(default_factory=dict)
    next_point: Point | None = None  # the sentence that says what comes next

    def add(self, matter: Point, joined: Iterable[Point], *, ours: bool) -> None:
        self.matters.append(matter)
        if ours:
            self.ours.append(matter)
        self.members.update({p.id: matter.id for p in joined})


def consolidate(points: list[Point], messages: list[ParsedMessage],
                is_team: Callable[[str], bool]) -> tuple[list[Point], Ticket, dict[str, str]]:
    """One point per matter (settled points kept as they are), the thread's ticket, and which
    matter each open point joined (point id -> matter id; owner changes follow it).

    ``messages``: the thread in order, automatic mail included (status notices are facts).
    """
    settled = [p for p in points if p.status != PointStatus.OPEN]
    open_points = sorted((p for p in points if p.status == PointStatus.OPEN),
                         key=lambda p: (p.raised_at, p.position))
    customer = _customer_asks(open_points, is_team)
    promises = [p for p in open_points if is_team(p.raised_by) and p.kind == PointKind.TODO]
    asks = [p for p in open_points if is_team(p.raised_by) and p.kind in _ASKS]
    humans = [m for m in messages if not m.auto]
    last_customer = max((m.date for m in humans if not is_team(m.from_addr)), default=None)
    last_ours = max((m.date for m in humans if is_team(m.from_addr)), default=None)
    if customer:
        found = _with_customer(customer, promises, asks, messages, last_customer, last_ours)
    else:
        found = _ours_only(promises, asks)
    state = _state(found.matters, found.ours, settled, messages, last_customer)
    return [*settled, *found.matters], _ticket(found, state, messages, is_team), found.members


def _customer_asks(open_points: list[Point], is_team: Callable[[str], bool]) -> list[Point]:
    """The customer's open points, when any of them asks something of us."""
    # "Ich bin ab morgen bis 14.12. nicht im Haus, Rückfragen bitte an Herrn Kaya" says who to
    # ask while the writer is away: context, not a matter and not a deadline
    customer = [p for p in open_points if not is_team(p.raised_by)
                and not cues.ABSENCE_RE.search(" ".join(p.text.split()))]
    # "Die Kanzlei ist vom 24.12. bis 03.01. geschlossen" alone: context only
    return customer if any(_asks_work(p) for p in customer) else []


def _with_customer(customer: list[Point], promises: list[Point], asks: list[Point],
                   messages: list[ParsedMessage], last_customer: datetime | None,
                   last_ours: datetime | None) -> _Matters:
    """Each matter of the customer's (``matters.group_by_matter``) is one point: ours to move,
    unless we asked back since; what comes next is the latest matter's next step."""
    found = _Matters()
    for group in _working(matters.group_by_matter(customer, promises, asks)):
        if not group.customer:  # our promise or question, nothing of theirs open on it
            if group.promises:
                found.add(_latest_wording(group.promises), group.members, ours=True)
                found.next_point = found.next_point or group.promises[-1]
            else:
                found.add(_joined(group.asks), group.asks, ours=False)
            continue
        _add_customer_matter(found, group, messages, last_customer, last_ours)
    return found


def _working(groups: list[matters.Group]) -> list[matters.Group]:
    """A matter of theirs asks work of us; one that does not ("Übrigens: Wir laden Sie zu
    unserer Weihnachtsfeier ein") is context of the thread's first matter, not a line."""
    lead = next((g for g in groups if any(_asks_work(p) for p in g.customer)), None)
    if lead is None:
        return groups
    out = []
    for g in groups:
        if g is lead or not g.customer or any(_asks_work(p) for p in g.customer):
            out.append(g)
        else:
            lead.customer.extend(g.customer)
            lead.promises.extend(g.promises)
            lead.asks.extend(g.asks)
    for g in out:
        for points in (g.customer, g.promises, g.asks):
            points.sort(key=lambda p: (p.raised_at, p.position))
    return out


def _add_customer_matter(found: _Matters, group: matters.Group, messages: list[ParsedMessage],
                         last_customer: datetime | None, last_ours: datetime | None) -> None:
    customer, promises, asks = group.customer, group.promises, group.asks
    matter = _customer_matter(customer, promises, messages)
    asked_again = {p.message_id for p in customer if _asks_work(p)}
    if len(asked_again) > 1 and last_customer is not None and (
            last_ours is None or last_customer > last_ours):
        matter.escalation = True  # they asked again and nobody has answered since: chasing
    theirs = max(p.raised_at for p in customer)
    later_asks = [a for a in asks if a.raised_at > theirs]
    latest_promise = promises[-1] if promises else None
    asked_back = bool(later_asks) and (
        latest_promise is None or later_asks[-1].raised_at >= latest_promise.raised_at)
    if asked_back and _asked_beside_fix(matter, latest_promise, later_asks):
        _add_fix_and_question(found, group, matter, later_asks, latest_promise)
        return
    found.add(matter, group.members, ours=not asked_back)
    step = later_asks[-1] if asked_back else latest_promise
    if step is not None and (found.next_point is None
                             or step.raised_at >= found.next_point.raised_at):
        found.next_point = step


def _asked_beside_fix(matter: Point, promise: Point | None, later_asks: list[Point]) -> bool:
    """Their fault, and our "Der Techniker kommt am Freitag um 9 Uhr … Ist dann jemand da, der
    ihn hereinlässt?" in one mail (a question on what a request needs is its next step)."""
    return (matter.kind == PointKind.BLOCKER and promise is not None
            and promise.message_id == later_asks[-1].message_id)


def _add_fix_and_question(found: _Matters, group: matters.Group, matter: Point,
                          later_asks: list[Point], promise: Point) -> None:
    """The fix is ours to move; what we asked beside it is theirs to answer, a line apart."""
    asked = [a for a in later_asks if a.message_id == promise.message_id]
    asked_ids = {a.id for a in asked}
    found.add(matter, [p for p in group.members if p.id not in asked_ids], ours=True)
    found.add(_joined(asked), asked, ours=False)
    if found.next_point is None or promise.raised_at >= found.next_point.raised_at:
        found.next_point = promise


def _ours_only(promises: list[Point], asks: list[Point]) -> _Matters:
    """No customer matter: our promises one per topic, our questions one per mail."""
    found = _Matters()
    for group in _by_topic(promises):
        found.add(_latest_wording(group), group, ours=True)
    if found.ours:
        found.next_point = max(promises, key=lambda p: (p.raised_at, p.position))
    for group in _by_message(asks):
        found.add(_joined(group), group, ours=False)
        if not found.ours:
            found.next_point = group[0]  # our latest question is what the customer owes
    return found


def _ticket(found: _Matters, state: TicketState, messages: list[ParsedMessage],
            is_team: Callable[[str], bool]) -> Ticket:
    ours, matters, nxt = found.ours, found.matters, found.next_point
    owner = (ours[0].owner if ours else matters[0].owner) if matters else None
    next_step, next_by, next_at = (
        (nxt.text, nxt.raised_by, nxt.raised_at) if nxt is not None
        else _said(ours[0].promise, messages, is_team) if ours and ours[0].promise
        else (None, None, None))
    return Ticket(state=state, owner=owner, next_step=next_step, next_by=next_by,
                  next_at=next_at, due=min((p.due for p in matters if p.due), default=None))


def _said(promise: str, messages: list[ParsedMessage], is_team: Callable[[str], bool]
          ) -> tuple[str | None, str | None, datetime | None]:
    """Our promise that took on their request, with who wrote it and when (its mail)."""
    words = " ".join(promise.split())
    for m in reversed(messages):
        if is_team(m.from_addr) and words in " ".join(m.own_text.split()):
            return promise, m.from_addr, m.date
    return promise, None, None


def _state(matters: list[Point], ours: list[Point], settled: list[Point],
           messages: list[ParsedMessage], last_customer: datetime | None) -> TicketState:
    """Whose move: ours while any matter is; else the customer's, unless a ticket system
    reopened the ticket after their last mail (a "pending" notice changes nothing then)."""
    if not matters:
        return TicketState.RESOLVED if settled else TicketState.INFORMATIONAL
    if ours:
        return TicketState.WAITING_ON_US
    reopened = any(notice_state(m) == "open" for m in messages
                   if last_customer is None or m.date >= last_customer)
    return TicketState.WAITING_ON_US if reopened else TicketState.WAITING_ON_CUSTOMER


# "Können Sie sich das auch ansehen?", "Could you look at that one too?": the ask points back
_ANAPHOR = re.compile(r"(?<![\w-])(?:das|dies\w*|es|ihn|that|this|it|them|those|these)(?![\w-])",
                      re.IGNORECASE)
_SHORT_ASK = 12  # words


def _with_antecedent(ask: Point, messages: list[ParsedMessage]) -> str:
    """A short ask gets the sentence before it in its mail, which says what "das" or "die
    Anlage" is ("Rebeccas iPad fragt noch mehrmals am Tag. Können Sie sich das ansehen?"); not
    one that names nothing of its own ("Bitte melden Sie sich heute noch bei mir.")."""
    if ask.kind not in _ASKS or len(ask.text.split()) > _SHORT_ASK or not (
            _ANAPHOR.search(ask.text) or _CONSENT.match(" ".join(ask.text.split()))
            or matters.topic(ask.text)):
        return ask.text
    msg = next((m for m in messages if m.message_id == ask.message_id), None)
    if msg is None:
        return ask.text
    sentences = split_sentences(without_formulae(msg.own_text))
    norm = [" ".join(x.split()) for x in sentences]
    here = " ".join(ask.text.split())
    if here not in norm:
        return ask.text
    if norm.index(here) == 0:
        # "Yes, please go ahead." opens a reply: what it says yes to is the other side's
        # question in the mail before, shown as the exchange ("… Shall we go ahead? – Yes, …")
        asked = _question_answered(msg, messages) if _CONSENT.match(here) else None
        return f"{asked} – {ask.text}" if asked else ask.text
    before = sentences[norm.index(here) - 1]
    if before.rstrip().endswith((":", "?")):
        return ask.text
    return f"{before} {ask.text}"


# A reply that opens with its yes or no: "Yes, please go ahead.", "Ja, bitte so machen.",
# "Passt, bitte bestellen." (not "Yesterday the printer …", "Ok so the VPN is down again")
_CONSENT = re.compile(
    r"^\W*(?:yes|yep|ja|jawohl|ok(?:ay)?|gerne?|sure|fine|passt|einverstanden|agreed|"
    r"go ahead|sounds good|klingt gut|in ordnung|alright|perfekt|perfect|no|nein)(?![\w-])"
    r"(?:[\s,.!-]+(?:please|bitte|thanks|danke|go ahead|so machen|machen sie das|do it|"
    r"gerne?|bestellen|order|proceed|fahren sie fort)\b)*[^?]{0,60}$", re.IGNORECASE)


def _question_answered(reply: ParsedMessage, messages: list[ParsedMessage]) -> str | None:
    """The question (with the sentence that says what it is about) that closes the last mail
    of another sender before ``reply``: what a bare yes or no answers."""
    earlier = [m for m in messages if not m.auto and m.date <= reply.date
               and m.message_id != reply.message_id and m.from_addr != reply.from_addr]
    if not earlier:
        return None
    sentences = split_sentences(without_formulae(earlier[-1].own_text))
    questions = [i for i, x in enumerate(sentences) if x.rstrip().endswith("?")]
    if not questions:
        return None
    i = questions[-1]
    text = " ".join(sentences[i].split())
    if i > 0 and len(text.split()) <= _SHORT_ASK and not sentences[i - 1].rstrip().endswith(
            (":", "?")):
        text = f"{' '.join(sentences[i - 1].split())} {text}"
    return text


# A date the customer sets rather than mentions: "Ich erwarte, dass das Problem bis spätestens
# Donnerstag gelöst ist", "I'd like this fixed by Wednesday EOD", "Das muss bis Freitag laufen".
# Not "Es hieß, er steht bis Ende KW 50" nor "Die Kanzlei ist ab 24.12. geschlossen".
_DEMAND = re.compile(
    r"(?<![\w-])(?:ich erwarte|wir erwarten|erwarte ich|erwarten wir|(?:muss|m[üu]ssen) "
    r"(?:\w+ ){0,4}?bis|i expect|we expect|i'd like (?:this|it) (?:fixed|done|sorted|solved)|"
    r"(?:needs?|has|have) to be (?:\w+ )?(?:by|before)|spätestens|at the latest)(?![\w-])",
    re.IGNORECASE)


_REFRAIN = re.compile(
    r"\b(?:bitte (?:keine|nicht|kein)|please (?:do not|don't|avoid|refrain)|do not|don't)\b",
    re.IGNORECASE)


def _asks_work(p: Point) -> bool:
    """A report or an ask of the customer, not a date they mention or a thing they will do,
    nor a request to leave something alone ("In dieser Zeit bitte keine Arbeiten an …"), nor
    an invitation ("We'd be delighted if you could join us for our Christmas drinks")."""
    if acts.invites(p.text):
        return False
    if p.kind in (PointKind.BLOCKER, PointKind.QUESTION):
        return True
    if p.kind in (PointKind.DEADLINE, PointKind.TODO) and _DEMAND.search(p.text):
        return True  # "Ich erwarte, dass das bis Donnerstag gelöst ist": a date they set
    return p.kind == PointKind.REQUEST and not _REFRAIN.search(p.text)


def _customer_matter(customer: list[Point], promises: list[Point],
                     messages: list[ParsedMessage]) -> Point:
    """The customer's open points as one: their report, their latest chase, our latest promise."""
    first = customer[0]
    promise = promises[-1] if promises else None
    attached = promise.text if promise is not None else next(
        (p.promise for p in reversed(customer) if p.promise), None)
    owner = promise.owner if promise is not None and promise.owner else customer[-1].owner
    return replace(first, kind=_matter_kind(customer), text=_matter_text(customer, messages),
                   promise=attached, due=_matter_due(customer, promise), owner=owner,
                   escalation=any(p.escalation for p in customer))


def _matter_text(customer: list[Point], messages: list[ParsedMessage]) -> str:
    """The report, what they asked of us in the same mail, and their latest chase."""
    first = customer[0]
    lead = _lead(customer, messages[0].subject if messages else "")
    # beside their fault, what they asked of us; beside a question, their next question
    # ("… or do we have to do it ourselves? And will the pupils' A1 licences be affected?"):
    # each wants its answer
    wanted = (_ASKS if lead.kind == PointKind.BLOCKER
              else (PointKind.QUESTION,) if lead.kind == PointKind.QUESTION else ())
    ask = next((p for p in customer if p.message_id == first.message_id and p is not lead
                and p.kind in wanted), None)
    # their latest ask in a later mail ("Gibt es schon etwas Neues?"), not a date they mention
    chase = next((p for p in reversed(customer) if p.message_id != first.message_id
                  and _asks_work(p)), None)
    if chase is not None:
        # in that mail, the fault they report again says more than their ask to look again
        chase = next((p for p in customer if p.message_id == chase.message_id
                      and p.kind == PointKind.BLOCKER), chase)
    texts: list[str] = []
    for q in (lead, ask, chase):
        if q is None:
            continue
        text = _with_antecedent(q, messages)
        if text != q.text and any(" ".join(t.split()) in " ".join(text.split()) for t in texts):
            text = q.text  # its antecedent is the report already shown
        texts.append(text)
    return " ".join(texts)


def _matter_kind(customer: list[Point]) -> PointKind:
    blocker = PointKind.BLOCKER
    return blocker if any(p.kind == blocker for p in customer) else _lead(customer).kind


def _matter_due(customer: list[Point], promise: Point | None) -> date | None:
    """A date the customer sets is one in what they ask ("Bitte bis 30.11."), not one they
    mention ("Es hieß, er steht bis Ende KW 50"); our promise's date counts unless theirs is
    earlier: a promise past their deadline is still overdue against it."""
    dues = [p.due for p in customer if p.due and _asks_work(p)]
    if promise is not None and promise.due:
        dues.append(promise.due)
    return min(dues) if dues else None


def _lead(customer: list[Point], subject: str = "") -> Point:
    """The sentence that names the matter: the first fault reported, else the first ask; of
    those, the first that shares a word with the subject ("Sorry, the problem is back. The
    workstation in surgery 2 again says …" under "X-ray workstation in surgery 2 …")."""
    first_message = [p for p in customer if p.message_id == customer[0].message_id]
    # words, not numbers: "2. Bis wann …" shares nothing with "Drucker 2. OG"
    named = {w for w in answers.topic_words(subject) if not w.isdigit()} if subject else set()
    for kinds in ((PointKind.BLOCKER,), (PointKind.REQUEST, PointKind.QUESTION),
                  (PointKind.DEADLINE, PointKind.TODO)):
        tier = [p for p in first_message if p.kind in kinds]
        if tier:  # among its first few: a report names its matter early (and a flood is cheap)
            return next((p for p in tier[:_LEAD_CANDIDATES]
                         if named & answers.topic_words(p.text)), tier[0])
    return customer[0]


def _by_topic(promises: list[Point]) -> list[list[Point]]:
    """Promises on one topic (the same message, or the answer test's shared topic words)."""
    groups: list[list[Point]] = []
    for p in promises:
        for g in groups:
            if any(q.message_id == p.message_id or answers.same_topic(q.text, p.text)
                   for q in g):
                g.append(p)
                break
        else:
            groups.append([p])
    return groups


def _latest_wording(group: list[Point]) -> Point:
    """The first promise's identity (replies refer to it), the latest one's words and date:
    a promise a later one superseded is gone."""
    first, last = group[0], group[-1]
    if first is last:
        return first
    same_message = [p for p in group if p.message_id == last.message_id]
    text = " ".join(p.text for p in same_message[:_MAX_TEXT_SENTENCES])
    return replace(first, text=text, due=last.due, owner=last.owner, raised_at=last.raised_at,
                   message_id=last.message_id, position=last.position)


def _by_message(asks: list[Point]) -> list[list[Point]]:
    groups: dict[str, list[Point]] = {}
    for p in asks:
        groups.setdefault(p.message_id, []).append(p)
    return list(groups.values())


def _joined(group: list[Point]) -> Point:
    first = group[0]
    if len(group) == 1:
        return first
    text = " ".join(p.text for p in group[:_MAX_TEXT_SENTENCES + 1])
    dues = [p.due for p in group if p.due]
    return replace(first, text=text, due=min(dues) if dues else None)
