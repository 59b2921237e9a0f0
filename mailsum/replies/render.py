"""The answer to a contact's reply: what changed, or why nothing did, in the contact's language.

Wording lives here (``ANSWER_STRINGS``) so it can grow without touching the update's strings in
``i18n``; the command table itself comes from ``i18n.commands`` so the update and the answer
never list different commands. Everything taken from the reply (lines, notes, addresses) goes
into the body only — never into a header — and the HTML template autoescapes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2

from mailsum import i18n
from mailsum.models import RenderedUpdate
from mailsum.replies.commands import CommandError
from mailsum.replies.interact import Plan

TEXT_TEMPLATE = "reply.txt.j2"
HTML_TEMPLATE = "reply.html.j2"

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|antw|sv)\s*:", re.IGNORECASE)
_MAX_QUOTE = 120

ANSWER_STRINGS: dict[str, dict[str, str]] = {
    "de": {
        "title": "Ihre Antwort zum Update für {customer}",
        "h_changed": "Das hat sich geändert",
        "h_unchanged": "Unverändert",
        "h_errors": "Nichts geändert",
        "rejected": "Ihre Antwort enthält einen Fehler, deshalb wurde nichts geändert. Bitte "
        "korrigieren Sie die Zeilen unten und antworten Sie erneut.",
        "error_line": "Zeile {line_no}: {quoted} – {message}",
        "error_whole": "{message}",
        "nothing": "In Ihrer Antwort stand kein Befehl; es wurde nichts geändert.",
        "help_only": "Sie haben die Befehlsliste angefordert.",
        "done": "Punkt {number} erledigt: {text}",
        "owner": "Punkt {number}: zuständig jetzt {new}, vorher {old}",
        "owner_first": "Punkt {number}: zuständig jetzt {new}",
        "snooze": "Punkt {number} zurückgestellt bis {date}",
        "reopen": "Punkt {number} wieder offen: {text}",
        "note": "Punkt {number}: Notiz angehängt: {note}",
        "update": "Ein neues Update wird gleich verschickt.",
        "pause": "Geplante Updates angehalten bis {date}.",
        "resume": "Geplante Updates laufen wieder.",
        "unchanged": "Punkt {number} {message}",
        "nobody": "niemand",
    },
    "en": {
        "title": "Your reply to the update for {customer}",
        "h_changed": "What changed",
        "h_unchanged": "Unchanged",
        "h_errors": "Nothing changed",
        "rejected": "Your reply contains a mistake, so nothing was changed. Please correct the "
        "lines below and reply again.",
        "error_line": "Line {line_no}: {quoted} – {message}",
        "error_whole": "{message}",
        "nothing": "Your reply contained no command; nothing was changed.",
        "help_only": "You asked for the list of commands.",
        "done": "Point {number} resolved: {text}",
        "owner": "Point {number}: owner now {new}, before {old}",
        "owner_first": "Point {number}: owner now {new}",
        "snooze": "Point {number} snoozed until {date}",
        "reopen": "Point {number} reopened: {text}",
        "note": "Point {number}: note attached: {note}",
        "update": "A fresh update is on its way.",
        "pause": "Scheduled updates paused until {date}.",
        "resume": "Scheduled updates resumed.",
        "unchanged": "Point {number} {message}",
        "nobody": "nobody",
    },
}


def _lang(language: str | None) -> str:
    lang = (language or "").lower()[:2]
    return lang if lang in ANSWER_STRINGS else "en"


def s(language: str | None, key: str, **kw: object) -> str:
    text = ANSWER_STRINGS[_lang(language)][key]
    return text.format(**kw) if kw else text


def one_line(value: str, limit: int = _MAX_QUOTE) -> str:
    """Mail-derived text on one line, without control characters, shortened for quoting."""
    text = " ".join(_CONTROL.sub(" ", value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` on one line (no header injection), without stacking ``Re:``."""
    clean = one_line(subject, 200)
    return clean if _REPLY_PREFIX.match(clean) else f"Re: {clean}".strip()


def _date(moment: datetime, language: str, tz: str) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return i18n.format_date(aware.astimezone(ZoneInfo(tz)).date(), language, year=True)


def describe(plan: Plan, language: str, timezone: str = "UTC") -> tuple[list[str], list[str]]:
    """(changed lines, unchanged lines) of an error-free plan, in ``language``."""
    lang = _lang(language)
    changed: list[str] = []
    for c in plan.changes:
        text = i18n.quote(one_line(c.point_text), lang) if c.point_text else ""
        if c.action == "done":
            line = s(lang, "done", number=c.number, text=text)
        elif c.action == "owner":
            key = "owner" if c.old else "owner_first"
            line = s(lang, key, number=c.number, new=c.value, old=c.old or s(lang, "nobody"))
        elif c.action == "snooze" and c.until is not None:
            line = s(lang, "snooze", number=c.number, date=_date(c.until, lang, timezone))
        elif c.action == "reopen":
            line = s(lang, "reopen", number=c.number, text=text)
        elif c.action == "note":
            line = s(lang, "note", number=c.number, note=i18n.quote(one_line(c.value or ""), lang))
        else:
            continue
        changed.append(line.rstrip(": "))
    if plan.pause_until is not None:
        changed.append(s(lang, "pause", date=_date(plan.pause_until, lang, timezone)))
    if plan.resume:
        changed.append(s(lang, "resume"))
    if plan.send_update:
        changed.append(s(lang, "update"))
    unchanged = [
        s(lang, "unchanged", number=u.number,
          message=u.message_de if lang == "de" else u.message_en)
        for u in plan.unchanged
    ]
    return changed, unchanged


def _error_line(e: CommandError, lang: str) -> str:
    message = e.message_de if lang == "de" else e.message_en
    if e.line_no <= 0:
        return s(lang, "error_whole", message=message)
    quoted = i18n.quote(one_line(e.line), lang)
    return s(lang, "error_line", line_no=e.line_no, quoted=quoted, message=message)


def packaged_templates_dir() -> Path:
    """Wheel installs carry ``mailsum/_templates``; editable installs use the repo's folder."""
    inside = Path(__file__).resolve().parents[1] / "_templates"
    return inside if inside.is_dir() else Path(__file__).resolve().parents[2] / "templates"


@lru_cache(maxsize=8)
def _environment(templates_dir: Path | None) -> jinja2.Environment:
    search = [str(templates_dir)] if templates_dir else []
    search.append(str(packaged_templates_dir()))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2"), disabled_extensions=("txt", "txt.j2"),
            default_for_string=False, default=False,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_answer(
    language: str,
    *,
    customer_name: str,
    applied: Sequence[str],
    errors: Sequence[CommandError],
    help: bool,
    unchanged: Sequence[str] = (),
    subject: str = "",
    templates_dir: Path | None = None,
) -> RenderedUpdate:
    """Text and HTML of the answer; ``subject`` (the reply's) becomes ``Re: …`` when given.

    With errors only the errors are listed (nothing was applied), followed by the command list;
    the command list also follows ``help`` and a reply without any command.
    """
    lang = _lang(language)
    error_lines = [_error_line(e, lang) for e in errors]
    changed = [] if errors else [one_line(line, 400) for line in applied]
    same = [] if errors else [one_line(line, 400) for line in unchanged]
    nothing = not errors and not changed and not same and not help
    context = {
        "lang": lang,
        "title": s(lang, "title", customer=one_line(customer_name, 100)),
        "errors": error_lines,
        "rejected": s(lang, "rejected"),
        "changed": changed,
        "unchanged": same,
        "nothing": s(lang, "nothing") if nothing else "",
        "help_only": s(lang, "help_only") if help and not errors and not changed else "",
        "show_commands": bool(errors) or help or nothing,
        "commands": i18n.commands(lang),
        "s": lambda key, **kw: s(lang, key, **kw),
        "t": lambda key, **kw: i18n.t(lang, key, **kw),
    }
    env = _environment(templates_dir)
    return RenderedUpdate(
        subject=reply_subject(subject) if subject else "",
        text=env.get_template(TEXT_TEMPLATE).render(context),
        html=env.get_template(HTML_TEMPLATE).render(context),
    )
