"""Turn an ``Update`` into subject, plain text and HTML.

All wording and formatting is decided here (via ``i18n``) into a small view model, so the text
and HTML templates only lay it out and cannot drift apart in content. Templates can be
overridden per file by a user folder searched before the packaged ones.
"""

from __future__ import annotations

import re
import webbrowser
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2

from mailsum import i18n
from mailsum.models import (
    Digest,
    RenderedUpdate,
    Update,
    UpdateHistory,
    UpdateOwnerChange,
    UpdatePoint,
    UpdateResolved,
    UpdateTicket,
)

TEXT_TEMPLATE = "update.txt.j2"
HTML_TEMPLATE = "update.html.j2"

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
# "[ACME-1052]", "[SWT#2208]", "Ticket #4711": enough to find the mail, shorter than a subject.
_TICKET = re.compile(r"\[[A-Za-z][\w.]*[-#]\d+\]|\b[A-Z][A-Z0-9]+-\d+\b|#\d{3,}\b")


def packaged_templates_dir() -> Path:
    """Wheel installs carry ``mailsum/_templates``; editable installs use the repo's folder."""
    import mailsum

    inside = Path(mailsum.__file__).parent / "_templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / "templates"


def header_safe(value: str) -> str:
    """One line without control characters: CR/LF in a subject would allow header injection."""
    return " ".join(_CONTROL.sub(" ", value).split())


@dataclass
class PointView:
    number: int
    kind: str
    kind_label: str
    text: str  # verbatim
    quoted: str  # verbatim, in quotation marks
    promise: str | None  # "Zusage: „ich erneuere das Zertifikat bis Freitag“" - our promise on it
    owner: str | None
    owner_label: str
    owner_away: str | None
    age: str
    due: str | None
    overdue: bool
    raised_by: str
    date: str
    status: str
    status_label: str | None
    problem: bool  # blocker, overdue, escalation or stale
    stale: bool
    why: list[str]
    source: str  # "Quelle: [ACME-1052], Nachricht vom 26.11." - how to find the mail
    meta: list[str]  # owner, age, due, raised by, source - ready to join
    thread_subject: str
    message_id: str


@dataclass
class GroupView:
    """One ticket: its subject, one line on where it stands, its points."""

    subject: str
    points: list[PointView] = field(default_factory=list)
    line: str = ""  # "wartet auf uns · sandra.yilmaz@… · bis 30.11."
    next_step: str | None = None  # "zuletzt sandra.yilmaz@…, 27.11.: „Ersatzteil kommt Mo“"
    problem: bool = False


@dataclass
class SectionView:
    heading: str
    problem: bool
    groups: list[GroupView] = field(default_factory=list)


@dataclass
class OwnerChangeView:
    """One hand-over: who to whom, why, and the open points it moved (grouped, not per point)."""

    line: str
    reason: str | None
    points: list[str]  # "Punkt 6: „…“" for points still open
    closed: str | None  # "und 4 inzwischen erledigte Punkte"


@dataclass
class ResolvedView:
    quoted: str
    thread_subject: str
    settled: str | None = None  # "erledigt durch b.schaefer@…, 24.11.": who settled it, when


@dataclass
class TrendSegment:
    key: str  # "new" | "open" | "resolved"
    percent: int  # of the full bar width
    colour: str
    chars: int  # width in the text part's bar


@dataclass
class TrendRow:
    """One earlier update (or this one) in the trend picture."""

    date: str
    new: int
    open: int
    resolved: int
    line: str  # the text part's line, bar included
    segments: list[TrendSegment]
    current: bool


@dataclass
class SummaryView:
    subject: str
    sentences: list[str]


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _local(moment: datetime, tz: ZoneInfo) -> date:
    """Calendar day of ``moment`` where the reader lives (naive times are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(tz).date()


def _domain(address: str | None) -> str:
    if address and "@" in address:
        return address.rsplit("@", 1)[1]
    return "provider.de"


def build_subject(update: Update) -> str:
    """``[mailsum] Name – 3 offen, 1 neu, 2 erledigt (27.11.)``, safe as a header value."""
    lang = update.language
    counts = update.counts
    day = i18n.format_date(_local(update.generated_at, _zone(update.timezone)), lang)
    name = header_safe(update.customer_name) or header_safe(update.customer_id)
    if update.quiet:
        subject = i18n.t(lang, "subject_quiet", name=name, open=counts["open"], date=day)
    else:
        subject = i18n.t(
            lang,
            "subject",
            name=name,
            open=counts["open"],
            new=counts["new"],
            resolved=counts["resolved"],
            date=day,
        )
    return header_safe(subject)


def _short_ref(ref: str) -> str:
    """The ticket number when the reference names one, else the (subject) reference itself."""
    ticket = _TICKET.search(ref)
    return ticket.group(0) if ticket else header_safe(ref)


def _point_view(p: UpdatePoint, lang: str, tz: ZoneInfo, today: date) -> PointView:
    fmt = i18n.format_date
    away = None
    if p.owner_away_until:
        away = i18n.t(lang, "away_until", date=fmt(p.owner_away_until, lang))
    owner_label = i18n.t(lang, "owner", owner=p.owner) if p.owner else i18n.t(lang, "owner_none")
    if away:
        owner_label = f"{owner_label} ({away})"
    age = i18n.format_age(p.age_days, lang)
    due = None
    if p.due:
        due = i18n.t(lang, "due", date=fmt(p.due, lang, year=p.due.year != today.year))
        if p.overdue:
            due = f"{due} – {i18n.t(lang, 'overdue')}"
    raised = i18n.t(lang, "raised_by", who=p.raised_by)
    day = i18n.t(lang, "message_date", date=fmt(_local(p.raised_at or p.first_seen, tz), lang))
    ref = _short_ref(p.source_ref or p.thread_subject)
    source = f"{i18n.t(lang, 'source', ref=ref)}, {day}" if ref else day
    why: list[str] = []
    if p.kind == "blocker":
        why.append(i18n.t(lang, "why_blocker"))
    if p.overdue and p.due:
        why.append(i18n.t(lang, "why_overdue", date=fmt(p.due, lang)))
    if p.escalation:
        why.append(i18n.t(lang, "why_escalation"))
    if p.stale:
        why.append(i18n.tn(lang, "why_stale", p.age_days))
    status_label = {"new": "status_new", "snoozed": "status_snoozed"}.get(p.status)
    return PointView(
        number=p.number,
        kind=p.kind,
        kind_label=i18n.t(lang, f"kind_{p.kind}") if p.kind in _KINDS else p.kind,
        text=p.text,
        quoted=i18n.quote(p.text, lang),
        promise=i18n.t(lang, "promise", text=i18n.quote(p.promise, lang)) if p.promise else None,
        owner=p.owner,
        owner_label=owner_label,
        owner_away=away,
        age=age,
        due=due,
        overdue=p.overdue,
        raised_by=p.raised_by,
        date=day,
        status=p.status,
        status_label=i18n.t(lang, status_label) if status_label else None,
        problem=p.problem or p.stale,
        stale=p.stale,
        why=why,
        source=source,
        meta=[m for m in (owner_label, age, due, raised, source) if m],
        thread_subject=p.thread_subject,
        message_id=p.message_id,
    )


_KINDS = ("question", "request", "todo", "blocker", "deadline")


# Mid-tone colours stay readable on light and dark backgrounds and after a client inverts them.
TREND_COLOURS = {"new": "#3b7dd8", "open": "#e08a1e", "resolved": "#2e9e5b"}
TREND_CHARS = {"new": "▓", "open": "█", "resolved": "░"}
TREND_WIDTH = 24  # characters of the longest bar in the text part


def _shares(values: list[int], whole: int, width: int) -> list[int]:
    """Integer widths of ``values`` out of ``whole`` in ``width`` units: every non-zero value
    gets at least one unit, and the sum never exceeds ``width`` (table cells must fit)."""
    out = [max(1, round(width * v / whole)) if v > 0 else 0 for v in values]
    while sum(out) > width:
        out[out.index(max(out))] -= 1
    return out


def _trend(update: Update, tz: ZoneInfo) -> list[TrendRow]:
    """Earlier updates plus this one; bars scale to the largest open + resolved of them."""
    if not update.history:
        return []
    counts = update.counts
    rows = [*update.history, UpdateHistory(at=update.generated_at, new=counts["new"],
                                           open=counts["open"], resolved=counts["resolved"])]
    lang = update.language
    widest = max(max(r.open, 0) + max(r.resolved, 0) for r in rows) or 1
    labels = {k: i18n.t(lang, f"trend_{k}") for k in ("new", "open", "resolved")}
    dates = [i18n.format_date(_local(r.at, tz), lang) for r in rows]
    date_width = max(len(d) for d in dates)
    out: list[TrendRow] = []
    for i, (r, day) in enumerate(zip(rows, dates, strict=True)):
        new = min(max(r.new, 0), max(r.open, 0))
        parts = {"new": new, "open": max(r.open, 0) - new, "resolved": max(r.resolved, 0)}
        percents = _shares(list(parts.values()), widest, 100)
        chars = _shares(list(parts.values()), widest, TREND_WIDTH)
        segments = [
            TrendSegment(key=key, percent=pc, colour=TREND_COLOURS[key], chars=ch)
            for (key, n), pc, ch in zip(parts.items(), percents, chars, strict=True)
            if n > 0
        ]
        bar = "".join(TREND_CHARS[s.key] * s.chars for s in segments)
        line = (f"{day:<{date_width}}  {labels['new']} {r.new:>2}  {labels['open']} {r.open:>2}  "
                f"{labels['resolved']} {r.resolved:>2}  {bar}").rstrip()
        out.append(TrendRow(date=day, new=r.new, open=r.open, resolved=r.resolved, line=line,
                            segments=segments, current=i == len(rows) - 1))
    return out


def _groups(points: list[PointView]) -> list[GroupView]:
    """Points grouped by thread, threads in order of their first point."""
    groups: dict[str, GroupView] = {}
    for pv in points:
        groups.setdefault(pv.thread_subject, GroupView(subject=pv.thread_subject)).points.append(pv)
    for group in groups.values():
        group.points.sort(key=lambda pv: pv.number)
    return list(groups.values())


def _resolved(update: Update, lang: str, tz: ZoneInfo) -> list[ResolvedView]:
    """One line per ticket settled since the last update: its first sentence and who settled
    it last (the points behind it stay in the JSON)."""
    still_open = {tk.subject for tk in update.tickets if tk.points}
    by_subject: dict[str, list[UpdateResolved]] = {}
    for r in update.resolved:
        if r.thread_subject in still_open:
            continue  # progress on a ticket still open: its line above says where it stands
        by_subject.setdefault(r.thread_subject or r.id, []).append(r)
    views = []
    for rs in by_subject.values():
        first = rs[0]
        last = max((r for r in rs if r.at), key=lambda r: r.at or first.at, default=first)
        settled = (i18n.t(lang, "settled_by", who=last.by,
                          date=i18n.format_date(_local(last.at, tz), lang))
                   if last.by and last.at else None)
        views.append(ResolvedView(quoted=i18n.quote(first.text, lang),
                                  thread_subject=first.thread_subject, settled=settled))
    return views


def _ticket_line(tk: UpdateTicket, lang: str, today: date) -> str:
    parts = [i18n.t(lang, f"state_{tk.state}")]
    if tk.owner:
        parts.append(tk.owner)
    if tk.due:
        parts.append(i18n.t(lang, "ticket_due", date=i18n.format_date(tk.due, lang)))
    return " · ".join(parts)


def _owner_line(update: Update, tk: UpdateTicket, lang: str) -> str:
    """"Zuständig: X", and when X is away the stand-in their out-of-office names: the
    hand-over to confirm stands where the ticket is read."""
    owner = i18n.t(lang, "owner", owner=tk.owner) if tk.owner else i18n.t(lang, "owner_none")
    away = dict(update.away)
    if tk.owner in away:
        deputy = update.deputies.get(tk.owner)
        back = i18n.format_date(away[tk.owner], lang)
        owner += " (" + (i18n.t(lang, "away_deputy", date=back, deputy=deputy) if deputy
                         else i18n.t(lang, "away_until", date=back)) + ")"
    return owner


def _next_step(tk: UpdateTicket, group: GroupView, lang: str, tz: ZoneInfo) -> str | None:
    """Our latest word on the ticket, unless a point under it already says it."""
    if not (tk.next_step and tk.next_by and tk.next_at):
        return None
    shown = {" ".join(x.split()) for pv in group.points for x in (pv.text, pv.promise or "")}
    words = " ".join(tk.next_step.split())
    if any(words in x for x in shown):
        return None
    return i18n.t(lang, "ticket_next", who=tk.next_by,
                  date=i18n.format_date(_local(tk.next_at, tz), lang),
                  text=i18n.quote(words, lang))


def _ticket_group(update: Update, tk: UpdateTicket, by_number: dict[int, PointView],
                  lang: str, tz: ZoneInfo) -> GroupView:
    group = GroupView(subject=tk.subject, line=_owner_line(update, tk, lang),
                      problem=tk.problem,  # state and date: its section and the glance
                      points=[by_number[n] for n in tk.points if n in by_number])
    for pv in group.points:  # the ticket's line and heading say owner and subject once
        pv.meta = [m for m in pv.meta
                   if not (m == pv.owner_label and pv.owner == tk.owner)
                   and not (m == pv.source and tk.subject)] + (
            [pv.date] if tk.subject and pv.source in pv.meta else [])
    group.next_step = _next_step(tk, group, lang, tz)
    return group


def _sections(update: Update, views: list[PointView], lang: str, tz: ZoneInfo,
              today: date) -> tuple[list[SectionView], list[str]]:
    """Problems first, then what waits on us, then what waits on the customer: each ticket
    once, its points under it; and the glance's one line per ticket."""
    by_number = {pv.number: pv for pv in views}
    sections = {key: SectionView(heading=i18n.t(lang, key), problem=key == "h_problems")
                for key in ("h_problems", "h_on_us", "h_on_customer", "h_open")}
    glance: list[str] = []
    for tk in update.tickets:
        if not tk.points:
            continue
        key = ("h_problems" if tk.problem else
               "h_on_customer" if tk.state == "waiting_on_customer" else "h_on_us")
        sections[key].groups.append(_ticket_group(update, tk, by_number, lang, tz))
        glance.append(f"{'! ' if tk.problem else ''}{tk.subject} – "
                      f"{_ticket_line(tk, lang, today)}")
    # points of a thread with no ticket yet (stored before schema 8): grouped by thread
    placed = {n for tk in update.tickets for n in tk.points}
    for group in _groups([pv for pv in views if pv.number not in placed]):
        group.problem = any(pv.problem for pv in group.points)
        sections["h_problems" if group.problem else "h_open"].groups.append(group)
    return [sec for sec in sections.values() if sec.groups], glance


def _glance(update: Update, lang: str, since: str | None, ticket_lines: list[str]) -> list[str]:
    """"Auf einen Blick": the counts, one line per ticket, hand-overs and snoozed points."""
    counts = update.counts
    glance = [i18n.t(lang, "glance_counts", since=since, **counts) if since
              else i18n.t(lang, "glance_first", **counts)]
    glance.extend(ticket_lines)
    if update.owner_changes:
        handovers = {(c.old, c.new, c.reason) for c in update.owner_changes}
        glance.append(i18n.tn(lang, "owner_changes", len(handovers)))
    if update.snoozed:
        glance.append(i18n.tn(lang, "snoozed", update.snoozed))
    return glance


def _owner_changes(update: Update, by_id: dict[str, int], lang: str,
                   tz: ZoneInfo) -> list[OwnerChangeView]:
    """One line per hand-over (same old and new owner, day and reason), its points by number;
    moved points that are no longer open are counted, not listed."""
    changes = []
    groups: dict[tuple[str | None, str, str, str], list[OwnerChangeView]] = {}
    # a hand-over lists its points in the update's numbering, whatever order they moved in
    for ch in sorted(update.owner_changes, key=lambda c: (c.at, by_id.get(c.id) or 0)):
        when = i18n.format_date(_local(ch.at, tz), lang)
        key = (ch.old, ch.new, when, ch.reason)
        if key not in groups:
            view = OwnerChangeView(line=_owner_change_line(ch, when, lang),
                                   reason=i18n.quote(ch.reason, lang) if ch.reason else None,
                                   points=[], closed=None)
            groups[key] = [view]
            changes.append(view)
        view = groups[key][0]
        number = by_id.get(ch.id)
        if number:  # the point itself stands once, in its ticket: here only its number
            view.points.append(i18n.t(lang, "point_ref", number=number))
        else:
            groups[key].append(view)  # one more moved point that is no longer open
    for members in groups.values():
        if len(members) > 1:
            members[0].closed = i18n.tn(lang, "owner_change_closed", len(members) - 1)
    return changes


def _owner_change_line(ch: UpdateOwnerChange, when: str, lang: str) -> str:
    if ch.old:
        return i18n.t(lang, "owner_change", new=ch.new, old=ch.old, date=when)
    return i18n.t(lang, "owner_change_first", new=ch.new, date=when)


def _away_lines(update: Update, lang: str) -> list[str]:
    """Who of ours is away until when, with the points they hold and their stand-in."""
    fmt = i18n.format_date
    away = []
    for owner, back in update.away:
        numbers = [p.number for p in update.points if p.owner == owner]
        if not numbers:
            away.append(i18n.t(lang, "away_line_none", owner=owner, date=fmt(back, lang)))
            continue
        deputy = update.deputies.get(owner)
        away.append(
            i18n.tn(
                lang,
                "away_line_deputy" if deputy else "away_line",
                len(numbers),
                owner=owner,
                date=fmt(back, lang),
                numbers=", ".join(str(n) for n in numbers),
                number=numbers[0],
                domain=_domain(owner),
                deputy=deputy,
            )
        )
    return away


def _summaries(update: Update) -> list[SummaryView]:
    """A summary only for news that no point or resolved line shows already."""
    shown = {tk.thread_id for tk in update.tickets if tk.points or tk.resolved}
    return [SummaryView(subject=th.subject, sentences=[" ".join(x.split()) for x in th.summary])
            for th in update.threads if th.summary and th.thread_id not in shown]


def build_context(update: Update) -> dict[str, object]:
    """Everything the templates show, already worded in the update's language."""
    lang = update.language
    tz = _zone(update.timezone)
    today = _local(update.generated_at, tz)
    fmt = i18n.format_date
    views = [_point_view(p, lang, tz, today) for p in update.points]
    since = fmt(_local(update.since, tz), lang) if update.since else None
    sections, ticket_lines = _sections(update, views, lang, tz, today)
    quiet_text = None
    if update.quiet:
        quiet_text = i18n.t(lang, "quiet", since=since) if since else i18n.t(lang, "quiet_first")

    return {
        "update": update,
        "lang": lang,
        "t": lambda key, **kw: i18n.t(lang, key, **kw),
        "subject": build_subject(update),
        "title": i18n.t(
            lang, "title", customer=update.customer_name, date=fmt(today, lang, year=True)
        ),
        "quiet": update.quiet,
        "quiet_text": quiet_text,
        # mailboxes this update depends on that could not be read (worded; empty: all read)
        "source_problems": i18n.source_notice(lang, update.source_problems, update.timezone),
        "glance": _glance(update, lang, since, ticket_lines),
        "snoozed": i18n.tn(lang, "snoozed", update.snoozed) if update.snoozed else None,
        "trend": [] if update.quiet else _trend(update, tz),
        "trend_legend": [
            (TREND_CHARS[k], TREND_COLOURS[k], i18n.t(lang, f"trend_legend_{k}"))
            for k in ("new", "open", "resolved")
        ],
        "problems": [pv for pv in views if pv.problem],
        "groups": _groups(views),
        "sections": sections,
        "more": i18n.t(lang, "more_points", n=update.more, customer=update.customer_id)
        if update.more else None,
        "owner_changes": _owner_changes(update, {p.id: p.number for p in update.points},
                                        lang, tz),
        "away": _away_lines(update, lang),
        "resolved": _resolved(update, lang, tz),
        "summaries": _summaries(update),
        # the reply help's examples name the update's first point
        "commands": i18n.commands(lang, min((pv.number for pv in views), default=1)),
    }


@lru_cache(maxsize=16)
def make_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """Jinja2 environment: user folder first, autoescape for HTML, strict about typos."""
    search = [str(templates_dir)] if templates_dir else []
    search.append(str(packaged_templates_dir()))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "html.j2", "htm.j2"),
            disabled_extensions=("txt", "txt.j2"),
            default_for_string=False,
            default=False,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_update(update: Update, templates_dir: Path | None = None) -> RenderedUpdate:
    """Subject, text and HTML of one update; ``update.subject`` is filled as a side effect."""
    env = make_environment(templates_dir)
    context = build_context(update)
    update.subject = str(context["subject"])
    text = env.get_template(TEXT_TEMPLATE).render(context)
    html = env.get_template(HTML_TEMPLATE).render(context)
    return RenderedUpdate(subject=update.subject, text=text, html=html)


def render_digest(digest: Digest, templates_dir: Path | None = None) -> RenderedUpdate:
    """The fallback contact's digest of unrouted threads (``digest.txt.j2``/``.html.j2``)."""
    lang, tz = digest.language, _zone(digest.timezone)
    today = _local(digest.generated_at, tz)
    since = (i18n.t(lang, "digest_since", date=i18n.format_date(_local(digest.since, tz), lang))
             if digest.since else "")
    digest.subject = header_safe(i18n.t(lang, "digest_subject", n=len(digest.threads),
                                        date=i18n.format_date(today, lang)))
    context = {
        "t": lambda key, **kw: i18n.t(lang, key, **kw),
        "lang": lang,
        "title": i18n.t(lang, "digest_title", date=i18n.format_date(today, lang, year=True)),
        "intro": i18n.t(lang, "digest_intro", since=since),
        "threads": [
            {"subject": th.subject or "–", "summary": [" ".join(x.split()) for x in th.summary],
             "line": i18n.t(lang, "digest_line", messages=th.messages, sender=th.first_from,
                            date=i18n.format_date(_local(th.last_activity, tz), lang))}
            for th in digest.threads
        ],
    }
    env = make_environment(templates_dir)
    return RenderedUpdate(subject=digest.subject,
                          text=env.get_template("digest.txt.j2").render(context),
                          html=env.get_template("digest.html.j2").render(context))


def open_in_browser(path: Path) -> bool:
    """Show a rendered preview to a person; False when no browser can be started (servers)."""
    try:
        return webbrowser.open(Path(path).resolve().as_uri())
    except webbrowser.Error:
        return False
