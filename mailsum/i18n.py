"""User-visible strings of the update, German and English.

One flat dict per language keeps translations reviewable side by side; ``{name}`` placeholders
are filled by ``t``. Plural forms are separate keys (``_one`` / ``_other``) chosen by ``tn``.
"""

from __future__ import annotations

from datetime import date, datetime

from mailsum.models import SourceState

LANGUAGES = ("de", "en")

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STRINGS: dict[str, dict[str, str]] = {
    "de": {
        # subject
        "subject": "[mailsum] {name} – {open} offen, {new} neu, {resolved} erledigt ({date})",
        "subject_quiet": "[mailsum] {name} – nichts Neues, {open} offen ({date})",
        # title
        "title": "Stand {customer}, {date}",
        # at a glance
        "h_glance": "Auf einen Blick",
        "glance_counts": "{new} neu, {open} offen, {resolved} erledigt seit dem letzten Update "
        "({since})",
        "glance_first": "Erstes Update: {new} neu, {open} offen, {resolved} erledigt",
        "owner_changes_one": "1 Wechsel der Zuständigkeit",
        "owner_changes_other": "{n} Wechsel der Zuständigkeit",
        "snoozed_one": "1 Punkt zurückgestellt",
        "snoozed_other": "{n} Punkte zurückgestellt",
        # trend
        "h_trend": "Verlauf",
        "trend_new": "neu",
        "trend_open": "offen",
        "trend_resolved": "erledigt",
        "trend_legend_new": "neu",
        "trend_legend_open": "schon vorher offen",
        "trend_legend_resolved": "erledigt",
        # problems
        "h_problems": "Probleme zuerst",
        "h_on_us": "Wartet auf uns",
        "more_points": "… und {n} weitere offene Punkte: siehe `mailsum status {customer}`",
        "h_on_customer": "Wartet auf den Kunden",
        "state_waiting_on_us": "wartet auf uns",
        "state_waiting_on_customer": "wartet auf den Kunden",
        "state_resolved": "erledigt",
        "state_informational": "nichts zu tun",
        "ticket_next": "zuletzt {who}, {date}: {text}",
        "ticket_due": "bis {date}",
        "why": "Warum",
        "why_blocker": "Blocker",
        "why_overdue": "überfällig seit {date}",
        "why_escalation": "Eskalation (dringend)",
        "why_stale_one": "seit 1 Tag offen",
        "why_stale_other": "seit {n} Tagen offen",
        # open points
        "h_open": "Offene Punkte",
        "no_open": "Keine offenen Punkte.",
        "owner": "Zuständig: {owner}",
        "owner_none": "Zuständig: niemand",
        "away_until": "abwesend bis {date}",
        "away_deputy": "abwesend bis {date}, Vertretung: {deputy}",
        "due": "fällig {date}",
        "overdue": "überfällig",
        "raised_by": "von {who}",
        "promise": "Zusage: {text}",
        "settled_by": "erledigt durch {who}, {date}",
        "message_date": "Nachricht vom {date}",
        "source": "Quelle: {ref}",
        "status_new": "neu",
        "status_snoozed": "zurückgestellt",
        # owner changes
        "h_owner_changes": "Zuständigkeit geändert",
        "owner_change": "Zuständig jetzt: {new}, vorher {old}, seit {date}",
        "owner_change_first": "Zuständig jetzt: {new}, seit {date}",
        "owner_change_closed_one": "dazu 1 inzwischen erledigter Punkt",
        "owner_change_closed_other": "dazu {n} inzwischen erledigte Punkte",
        "reason": "Grund",
        "point_ref": "Punkt {number}",
        # away owners
        "h_away": "Abwesend",
        "away_line_one": "{owner} ist abwesend bis {date} – bitte Punkt {numbers} neu zuweisen: "
        "antworten Sie mit `zuständig {number} name@{domain}`",
        "away_line_other": "{owner} ist abwesend bis {date} – bitte die Punkte {numbers} neu "
        "zuweisen: antworten Sie mit `zuständig {number} name@{domain}`",
        "away_line_none": "{owner} ist abwesend bis {date}",  # date ends with a dot
        "away_line_deputy_one": "{owner} ist abwesend bis {date}, Vertretung laut "
        "Abwesenheitsnotiz: {deputy} – Punkt {numbers} übergeben: antworten Sie mit "
        "`zuständig {numbers} {deputy}`",
        "away_line_deputy_other": "{owner} ist abwesend bis {date}, Vertretung laut "
        "Abwesenheitsnotiz: {deputy} – die Punkte {numbers} übergeben: antworten Sie mit "
        "`zuständig {numbers} {deputy}`",
        # resolved
        "h_resolved": "Erledigt seit dem letzten Update",
        # summaries
        "h_summary": "Zusammenfassung",
        # quiet
        # a source that could not be read: never an all-clear without saying so
        "subject_incomplete": "{subject} – unvollständig",
        "source_problem_title": "Achtung: dieses Update ist unvollständig",
        "source_problem": "Das Postfach „{source}“ konnte seit {since} nicht gelesen werden. "
        "Was aus ihm stammt, ist auf dem Stand vom {last_ok}; neue Nachrichten darin fehlen "
        "hier.",
        "quiet": "Nichts Neues seit {since}",  # the date ends with a dot
        "quiet_first": "Nichts Neues.",
        "h_still_open": "Weiterhin offen",
        # reply help
        "h_help": "So antworten Sie",
        "help_intro": "Antworten Sie auf diese Mail, ein Befehl pro Zeile über dem zitierten Text "
        "(englische Befehle gehen auch):",
        "cmd_done": "erledigt {n}",
        "cmd_done_effect": "Punkt {n} ist erledigt",
        "cmd_owner": "zuständig {n} max@provider.de",
        "cmd_owner_effect": "Punkt {n} neu zuweisen",
        "cmd_snooze": "später {n} 7d",
        "cmd_snooze_effect": "Punkt {n} für 7 Tage zurückstellen",
        "cmd_reopen": "wieder offen {n}",
        "cmd_reopen_effect": "Punkt {n} wieder öffnen",
        "cmd_note": "notiz {n} text…",
        "cmd_note_effect": "eine Notiz anhängen",
        "cmd_update": "update",
        "cmd_update_effect": "sofort ein neues Update schicken",
        "cmd_pause": "pause 14d / weiter",
        "cmd_pause_effect": "geplante Updates anhalten / wieder aufnehmen",
        "cmd_help": "hilfe",
        "cmd_help_effect": "die Befehlsliste schicken",
        # kinds
        "kind_question": "Frage",
        "kind_request": "Anfrage",
        "kind_todo": "Aufgabe",
        "kind_blocker": "Blocker",
        "kind_deadline": "Frist",
        # age
        "age_0": "seit heute",
        "age_one": "seit 1 Tag",
        "age_other": "seit {n} Tagen",
        "footer": "Automatisch erstellt von mailsum.",
        # digest of threads no rule claims
        "digest_subject": "[mailsum] Nicht zugeordnet – {n} Threads ({date})",
        "digest_title": "Mails ohne Kunden-Regel, Stand {date}",
        "digest_intro": "Diese Threads hat keine Regel einem Kunden zugeordnet{since}. "
        "Gehört einer zu einem Kunden, ergänzen Sie bitte dessen `match:` in den Regeln "
        "(`mailsum rules test DATEI.eml` zeigt, welche Regel greift).",
        "digest_since": " (seit {date})",
        "digest_line": "{messages} Nachricht(en), zuletzt {date}, von {sender}",
    },
    "en": {
        "subject": "[mailsum] {name} – {open} open, {new} new, {resolved} resolved ({date})",
        "subject_quiet": "[mailsum] {name} – nothing new, {open} open ({date})",
        "title": "{customer}: status on {date}",
        "h_glance": "At a glance",
        "glance_counts": "{new} new, {open} open, {resolved} resolved since the last update "
        "({since})",
        "glance_first": "First update: {new} new, {open} open, {resolved} resolved",
        "owner_changes_one": "1 change of owner",
        "owner_changes_other": "{n} changes of owner",
        "snoozed_one": "1 point snoozed",
        "snoozed_other": "{n} points snoozed",
        "h_trend": "Trend",
        "trend_new": "new",
        "trend_open": "open",
        "trend_resolved": "resolved",
        "trend_legend_new": "new",
        "trend_legend_open": "open from before",
        "trend_legend_resolved": "resolved",
        "h_problems": "Problems first",
        "h_on_us": "Waiting on us",
        "more_points": "… and {n} more open points: see `mailsum status {customer}`",
        "h_on_customer": "Waiting on the customer",
        "state_waiting_on_us": "waiting on us",
        "state_waiting_on_customer": "waiting on the customer",
        "state_resolved": "resolved",
        "state_informational": "nothing to do",
        "ticket_next": "latest from {who}, {date}: {text}",
        "ticket_due": "due {date}",
        "why": "Why",
        "why_blocker": "blocker",
        "why_overdue": "overdue since {date}",
        "why_escalation": "escalation (urgent)",
        "why_stale_one": "open for 1 day",
        "why_stale_other": "open for {n} days",
        "h_open": "Open points",
        "no_open": "No open points.",
        "owner": "Owner: {owner}",
        "owner_none": "Owner: nobody",
        "away_until": "away until {date}",
        "away_deputy": "away until {date}, stand-in: {deputy}",
        "due": "due {date}",
        "overdue": "overdue",
        "raised_by": "from {who}",
        "promise": "Promised: {text}",
        "settled_by": "settled by {who}, {date}",
        "message_date": "message of {date}",
        "source": "source: {ref}",
        "status_new": "new",
        "status_snoozed": "snoozed",
        "h_owner_changes": "Owner changes",
        "owner_change": "Owner now: {new}, before {old}, since {date}",
        "owner_change_first": "Owner now: {new}, since {date}",
        "owner_change_closed_one": "and 1 point resolved since",
        "owner_change_closed_other": "and {n} points resolved since",
        "reason": "Reason",
        "point_ref": "Point {number}",
        "h_away": "Away",
        "away_line_one": "{owner} is away until {date} – please reassign point {numbers}: "
        "reply with `owner {number} name@{domain}`",
        "away_line_other": "{owner} is away until {date} – please reassign points {numbers}: "
        "reply with `owner {number} name@{domain}`",
        "away_line_none": "{owner} is away until {date}.",
        "away_line_deputy_one": "{owner} is away until {date}; their out-of-office names "
        "{deputy} – to hand over point {numbers}, reply with `owner {numbers} {deputy}`",
        "away_line_deputy_other": "{owner} is away until {date}; their out-of-office names "
        "{deputy} – to hand over points {numbers}, reply with `owner {numbers} {deputy}`",
        "h_resolved": "Resolved since the last update",
        "h_summary": "Summary",
        # a source that could not be read: never an all-clear without saying so
        "subject_incomplete": "{subject} – incomplete",
        "source_problem_title": "Note: this update is incomplete",
        "source_problem": "The mailbox “{source}” could not be read since {since}. What comes "
        "from it is as of {last_ok}; new messages in it are missing here.",
        "quiet": "Nothing new since {since}.",
        "quiet_first": "Nothing new.",
        "h_still_open": "Still open",
        "h_help": "How to reply",
        "help_intro": "Reply to this mail, one command per line above the quoted text "
        "(German commands work too):",
        "cmd_done": "done {n}",
        "cmd_done_effect": "point {n} is resolved",
        "cmd_owner": "owner {n} max@provider.de",
        "cmd_owner_effect": "reassign point {n}",
        "cmd_snooze": "snooze {n} 7d",
        "cmd_snooze_effect": "hide point {n} for 7 days",
        "cmd_reopen": "reopen {n}",
        "cmd_reopen_effect": "reopen point {n}",
        "cmd_note": "note {n} text…",
        "cmd_note_effect": "attach a note",
        "cmd_update": "update",
        "cmd_update_effect": "send a fresh update now",
        "cmd_pause": "pause 14d / resume",
        "cmd_pause_effect": "stop / restart scheduled updates",
        "cmd_help": "help",
        "cmd_help_effect": "reply with the command list",
        "kind_question": "Question",
        "kind_request": "Request",
        "kind_todo": "To-do",
        "kind_blocker": "Blocker",
        "kind_deadline": "Deadline",
        "age_0": "today",
        "age_one": "1 day",
        "age_other": "{n} days",
        "footer": "Generated automatically by mailsum.",
        # digest of threads no rule claims
        "digest_subject": "[mailsum] Unrouted – {n} threads ({date})",
        "digest_title": "Mail no customer rule claims, as of {date}",
        "digest_intro": "No rule assigned these threads to a customer{since}. If one belongs to "
        "a customer, please extend its `match:` in the rules (`mailsum rules test FILE.eml` "
        "shows which rule claims a message).",
        "digest_since": " (since {date})",
        "digest_line": "{messages} message(s), last {date}, from {sender}",
    },
}

COMMAND_KEYS = ("done", "owner", "snooze", "reopen", "note", "update", "pause", "help")

QUOTES = {"de": ("„", "“"), "en": ("“", "”")}


def _lang(language: str) -> str:
    """Unknown languages fall back to English rather than failing a whole update."""
    lang = (language or "").lower()[:2]
    return lang if lang in STRINGS else "en"


def t(language: str, key: str, **kw: object) -> str:
    """The string ``key`` in ``language`` with placeholders filled."""
    text = STRINGS[_lang(language)][key]
    return text.format(**kw) if kw else text


def tn(language: str, key: str, n: int, **kw: object) -> str:
    """Plural-aware lookup: ``key_one`` for 1, ``key_other`` otherwise (de and en agree)."""
    kw.setdefault("n", n)
    return t(language, f"{key}_one" if n == 1 else f"{key}_other", **kw)


def quote(text: str, language: str) -> str:
    """Verbatim text in the language's quotation marks, on one line (mail hard-wraps)."""
    left, right = QUOTES[_lang(language)]
    return f"{left}{' '.join(text.split())}{right}"


def format_date(d: date, language: str, *, year: bool = False) -> str:
    """Short date as people write it: ``27.11.`` / ``27 Nov``; ``year`` adds the year."""
    if _lang(language) == "de":
        return f"{d.day:02d}.{d.month:02d}." + (f"{d.year}" if year else "")
    text = f"{d.day} {_EN_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def format_age(days: int, language: str) -> str:
    """Age of a point: ``seit 3 Tagen`` / ``3 days``."""
    days = max(0, days)
    if days == 0:
        return t(language, "age_0")
    return tn(language, "age", days)


def format_moment(moment: datetime, timezone: str, language: str) -> str:
    """Date and time in the reader's zone: ``03.12. 13:30`` / ``3 Dec 13:30``."""
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo(timezone))
    return f"{format_date(local.date(), language)} {local:%H:%M}"


def source_notice(language: str, problems: list[SourceState], timezone: str) -> list[str]:
    """One sentence per source an update depends on that could not be read (empty: all read)."""
    out = []
    for p in problems:
        since = p.failing_since or p.last_ok
        out.append(t(language, "source_problem", source=p.name,
                     since=format_moment(since, timezone, language) if since else "?",
                     last_ok=format_moment(p.last_ok, timezone, language) if p.last_ok
                     else "?"))
    return out


def commands(language: str, example: int = 3) -> list[tuple[str, str]]:
    """The reply command table as (command, effect) in ``language``; its examples name point
    ``example`` (an update uses its first point: "erledigt 3" in an update of two points reads
    like a mistake)."""
    return [(t(language, f"cmd_{k}", n=example), t(language, f"cmd_{k}_effect", n=example))
            for k in COMMAND_KEYS]
