"""Read the reply commands a contact wrote above the quoted update (DESIGN.md §6).

Pure parsing, no state: the result says which commands were written and which lines were not
understood, so the caller can reject a reply with any mistake as a whole. The commands are one
table, ``COMMANDS``: each entry's German and English words and the small parser of its
arguments.

What is read, and why it is strict where it is:

* Lines are read from the top. Blank lines are skipped. Reading stops at the first quoted
  line (``>``), quote header ("Am … schrieb …:", "On … wrote:", an Outlook ``Von:``/``From:``
  block or its ``____`` rule, "-----Original Message-----"), signature delimiter (``--``) or
  mobile footer ("Sent from my iPhone").
* Before the first command a greeting ("Hallo,", "Hi Anna,") and pleasantries ("Danke!") are
  skipped. After a command, a closing ("Danke", "Viele Grüße", "Thanks") or a bare name line
  ("Anna", "Anna Vertrieb") ends the commands; the rest is signature.
* Every other line is a mistake (unknown command): a contact who writes prose gets told that
  nothing was done rather than having a guess applied.
* Words are case-insensitive; ä/ö/ü may be written ae/oe/ue. A colon after the command word,
  leading spaces, bullets (``-``, ``*``, ``•``) and a list number in front of the command
  ("1. erledigt 3", as Outlook's auto-numbering writes it) are allowed; a trailing ``.``/``!``
  is ignored. "3 erledigt" (number first) is *not* accepted: it is reported as an error.
* Several points per command: ``done 3, 5`` / ``erledigt 3 und 5`` / ``done 3 5``, optional
  ``#`` or "Punkt"/"point" before the numbers. Ranges ("3-5") are refused, so a typo never
  touches points the contact did not name. ``note``/``notiz`` takes exactly one number, since
  its text may start with a number.
* Durations (snooze, pause): ``7d``, ``2w``, ``7 Tage``, ``1 Woche``, ``3 days``, ``2 weeks``
  (also ``7t``). Bounds are checked by the planner, not here. ``pause`` needs a duration.
* ``update``/``resume``/``help`` take no argument (a trailing "bitte"/"please" is fine); a
  thanks line may carry a few words ("Danke für das Update!") but no digit. A line longer than
  1000 characters is an error without further matching (keeps hostile input cheap).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

_POLITE = {"bitte", "please", "jetzt", "now", "danke", "thanks", "thx"}
_MAX_NOTE = 500

_COMMAND_WORD = re.compile(
    r"^(?P<word>wieder\s+offen|[^\W\d_]+)\s*:?(?=[\s.!?]|$)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)
_BULLET = re.compile(r"^(?:[-*•·–—+]\s*|\d{1,2}[.)]\s+)")
_NUMBER_FILLER = re.compile(r"^(?:punkte?|points?|nr\.?|no\.)\s*", re.IGNORECASE)
_NUMBER_LIST = re.compile(
    r"^#?\d{1,4}(?:(?:\s*(?:[,;&+]|\bund\b|\band\b)\s*|\s+)#?\d{1,4})*", re.IGNORECASE
)
_NUMBER = re.compile(r"\d{1,4}")
_RANGE = re.compile(r"^#?\d{1,4}\s*[-–]\s*#?\d{1,4}\b")
# bounded parts keep the search linear on hostile input; labels are checked after matching
_ADDRESS = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
)
_MAX_LINE = 1000
_DURATION = re.compile(
    r"(?P<n>\d{1,4})\s*(?P<unit>d|t|w|tage?n?|days?|wochen?|weeks?)\.?$", re.IGNORECASE
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_SPACES = re.compile(r"[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# where the own text ends: quotes, quote headers, signatures, mobile footers
_STOP = re.compile(
    r"^\s*+(?:>"
    r"|[-_=*\s]*+(?:original[- ]message|urspr(?:ü|ue)ngliche nachricht|original[- ]nachricht"
    r"|forwarded message|weitergeleitete nachricht)"
    r"|(?:begin forwarded message|anfang der weitergeleiteten)"
    r"|[*]{0,2}(?:from|von|sent|gesendet|date|datum|to|an|subject|betreff)[*]{0,2}\s*:"
    r"|_{5,}\s*$|-{5,}\s*$"
    r"|--\s*$"
    r"|(?:sent from my|von meinem \S+.{0,40}gesendet|gesendet von meinem|get outlook for)\b"
    r")",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"^\s*(?:on|am)\s.{0,200}\b(?:wrote|schrieb|writes|schreibt)\b.{0,120}:?\s*$"
    r"|\b(?:wrote|schrieb)\s*:\s*$",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(?:hallo|hello|hi|hey|dear|liebe[rs]?|sehr geehrte[rs]?|guten (?:morgen|tag|abend)"
    r"|good (?:morning|afternoon|evening)|moin|servus)\b[^.?]{0,60}[,!:.]?\s*$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^\s*(?:(?:vielen |herzlichen |besten |many )?(?:dank(?:e|en)?|thanks?|thx|thank you)"
    r"(?: (?:schön|sehr|again|a lot|in advance|und grüße|and regards))?"
    r"|(?:mit )?(?:(?:freundlich|viel|best|lieb|herzlich|schön)\w*\s+)?"
    r"(?:grü(?:ß|ss)en?|gru(?:ß|ss))"
    r"|mfg|vg|lg|bg|gruss|cheers|regards|best|ciao|sincerely|yours(?: sincerely| truly)?"
    r"|(?:best|kind|warm|kindest|with best|with kind)\s+(?:regards|wishes)"
    r")(?:\s+(?:aus|from)\s+\S+)?\s*[,.!]*(?:\s+\S+(?:\s+\S+)?)?\s*$",
    re.IGNORECASE,
)
# thanks with a few words more ("Danke für das Update!"), but no number: a line with a number
# may be a mistyped command and must be reported, not skipped
_THANKS = re.compile(
    r"^\s*(?:vielen |herzlichen |besten |many )?(?:dank(?:e|en)?|thanks|thank you|thx)\b"
    r"[^\d]{0,60}$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^\s*[A-ZÄÖÜ][\w'.-]*(?:\s+[A-ZÄÖÜ][\w'.-]*){0,2}\s*$")


@dataclass(frozen=True)
class Command:
    name: str  # one of COMMAND_NAMES
    numbers: tuple[int, ...]  # point numbers as in the update answered; () for update/pause/…
    arg: str | None  # owner: address; snooze/pause: "<days>d"; note: the text; else None
    line_no: int  # 1-based line in the text parsed
    line: str  # the line as written (control characters removed)
    language: str | None = None  # "de" / "en" of the command word, None when neutral


@dataclass(frozen=True)
class CommandError:
    line_no: int  # 0 when the error is about the reply as a whole
    line: str
    message_de: str
    message_en: str

    def message(self, language: str) -> str:
        return self.message_de if language == "de" else self.message_en


@dataclass
class CommandParse:
    commands: list[Command] = field(default_factory=list)
    errors: list[CommandError] = field(default_factory=list)
    language: str | None = None  # "de" if any German command word, else "en", None: neutral only

    @property
    def ok(self) -> bool:
        return not self.errors


def clean_line(line: str) -> str:
    """A line with odd spaces (nbsp from HTML) made plain and control characters removed."""
    line = _SPACES.sub(" ", unicodedata.normalize("NFC", line))
    return _CONTROL.sub("", line).rstrip()


def _fold(word: str) -> str:
    w = " ".join(word.lower().split())
    return w.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


def parse_duration(text: str) -> timedelta | None:
    """``7d``, ``2w``, ``3 Tage``, ``1 Woche``, ``5 days``; None when not one of those."""
    m = _DURATION.fullmatch(text.strip())
    if not m:
        return None
    n, unit = int(m.group("n")), m.group("unit").lower()
    return timedelta(weeks=n) if unit[0] == "w" else timedelta(days=n)


def _is_stop(line: str) -> bool:
    return bool(_STOP.match(line) or _ATTRIBUTION.search(line))


def _split_command(text: str) -> tuple[CommandSpec, str, str | None, str] | None:
    """(command, rest, language, word) if the line starts with a command word."""
    text = text.strip()
    bullet = _BULLET.match(text)
    candidates = [text] + ([text[bullet.end() :]] if bullet else [])
    for candidate in candidates:
        m = _COMMAND_WORD.match(candidate)
        if not m:
            continue
        word = m.group("word")
        entry = _WORDS.get(_fold(word))
        if entry:
            return entry[0], m.group("rest").strip(), entry[1], word
    return None


def _numbers(rest: str) -> tuple[tuple[int, ...], str]:
    """Leading point numbers and what follows them."""
    rest = _NUMBER_FILLER.sub("", rest.strip())
    m = _NUMBER_LIST.match(rest)
    if not m:
        return (), rest
    nums: list[int] = []
    for n in (int(x) for x in _NUMBER.findall(m.group(0))):
        if n not in nums:
            nums.append(n)
    return tuple(nums), rest[m.end() :].strip()


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(".!").rstrip()


@dataclass(frozen=True)
class _Line:
    """The command line being read, as its errors name it."""

    word: str  # the command word as written
    line_no: int
    line: str

    def error(self, de: str, en: str) -> CommandError:
        return CommandError(self.line_no, self.line, de, en)

    def no_number(self) -> CommandError:
        return self.error(f"nach „{self.word}“ fehlt die Nummer des Punkts",
                          f'"{self.word}" needs the number of a point')

    def bad_duration(self, got: str) -> CommandError:
        return self.error(
            f"„{got or self.word}“: Dauer nicht verstanden; erlaubt sind z. B. 7d, 2w, 3 Tage, "
            f"1 Woche",
            f'"{got or self.word}": duration not understood; use e.g. 7d, 2w, 3 days, 1 week')

    def unexpected(self, left: str) -> CommandError:
        return self.error(f"unerwartet: „{left}“", f'unexpected: "{left}"')


Parsed = tuple[tuple[int, ...], str | None] | CommandError  # (numbers, argument) or the error


def _only_polite(text: str) -> bool:
    """Nothing but "bitte", "please", "danke" … (and punctuation) in ``text``."""
    return all(w in _POLITE for w in re.split(r"[\s,.!?]+", text.lower()) if w)


# --------------------------------------------------------------------------- argument parsers
# One per kind of command: the text after the command word -> (point numbers, argument).


def _no_arguments(rest: str, at: _Line) -> Parsed:
    """``update``, ``resume``, ``help``: nothing after the word but a "bitte"/"please"."""
    if not _only_polite(rest):
        return at.error(f"„{at.word}“ hat keine Argumente", f'"{at.word}" takes no arguments')
    return (), None


def _duration_only(rest: str, at: _Line) -> Parsed:
    """``pause 7d``: a duration and nothing else."""
    duration = parse_duration(_strip_end(rest)) if rest else None
    if duration is None:
        return at.bad_duration(rest)
    return (), f"{duration.days}d"


def _points_and_duration(rest: str, at: _Line) -> Parsed:
    """``snooze 3, 5 7d``: point numbers, then a duration at the end."""
    body = _strip_end(rest)
    m = re.search(r"\d{1,4}\s*[A-Za-z]+\.?$", body)
    duration = parse_duration(m.group(0)) if m else None
    if duration is None:
        numbers, left = _numbers(body)
        if not numbers:
            return at.no_number()
        if not left:
            return at.error("die Dauer fehlt, z. B. später 3 7d",
                            "the duration is missing, e.g. snooze 3 7d")
        return at.bad_duration(left)
    numbers, left = _numbers(body[: m.start()] if m else body)
    if not numbers:
        return at.no_number()
    if left:
        return at.unexpected(left)
    return numbers, f"{duration.days}d"


def _points_only(rest: str, at: _Line) -> Parsed:
    """``done 3, 5`` / ``reopen 3``: point numbers, maybe a "bitte" after them."""
    numbers, left = _numbers(rest)
    if not numbers:
        return at.no_number()
    left = _strip_end(left)
    if left and not _only_polite(left):
        return at.unexpected(left)
    return numbers, None


def _points_and_address(rest: str, at: _Line) -> Parsed:
    """``owner 3 max@provider.de``: point numbers and exactly one valid address."""
    numbers, left = _numbers(rest)
    if not numbers:
        return at.no_number()
    found = {a.lower() for a in _ADDRESS.findall(left)}
    if any(not _valid_domain(a.rpartition("@")[2]) for a in found):
        found.add("")  # counts as a second, bad address
    leftover = _ADDRESS.sub("", left)
    leftover = re.sub(r"(?i)mailto:|[<>()\[\],;\s.]", "", leftover)
    if len(found) != 1:
        return at.error("bitte genau eine E-Mail-Adresse angeben, z. B. zuständig 3 "
                        "max@provider.de",
                        "give exactly one email address, e.g. owner 3 max@provider.de")
    if leftover and not (leftover.isalpha() and len(leftover) <= 40):
        return at.unexpected(left)
    return numbers, found.pop()


def _point_and_text(rest: str, at: _Line) -> Parsed:
    """``note 3 text``: exactly one number, then the text (which may start with a number)."""
    numbers, _ = _numbers(rest)
    if not numbers:
        return at.no_number()
    m = re.match(r"^(?:punkte?|points?|nr\.?|no\.)?\s*#?(\d{1,4})\s*[:,-]?\s*(.*)$", rest,
                 re.IGNORECASE | re.DOTALL)
    if not m:
        return at.no_number()
    text = " ".join(m.group(2).split())
    if not text:
        return at.error("die Notiz ist leer", "the note is empty")
    if len(text) > _MAX_NOTE:
        return at.error(f"die Notiz ist länger als {_MAX_NOTE} Zeichen",
                        f"the note is longer than {_MAX_NOTE} characters")
    return (int(m.group(1)),), text


# --------------------------------------------------------------------------- the commands


@dataclass(frozen=True)
class CommandSpec:
    """One reply command: its words in German and English and how its arguments are read.

    Words are written normalised (lower-case, umlauts folded to ae/oe/ue); a word in
    ``neutral`` is the same in both languages ("update", "pause") and sets no language.
    ``points``: the command names point numbers, so a range ("3-5") is refused before its
    parser runs.
    """

    name: str
    de: tuple[str, ...]
    en: tuple[str, ...]
    parse: Callable[[str, _Line], Parsed]
    points: bool = True
    neutral: tuple[str, ...] = ()
    example: str = ""  # arguments it accepts (tests/test_command_table.py reads each word so)


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("done", de=("erledigt",), en=("done",), parse=_points_only, example="3, 5"),
    CommandSpec("owner", de=("zustaendig",), en=("owner",), parse=_points_and_address,
                example="3 max@provider.de"),
    CommandSpec("snooze", de=("spaeter",), en=("snooze",), parse=_points_and_duration,
                example="3 7d"),
    CommandSpec("reopen", de=("wieder offen",), en=("reopen",), parse=_points_only,
                example="3"),
    CommandSpec("note", de=("notiz",), en=("note",), parse=_point_and_text,
                example="3 2. OG, Raum 12"),
    CommandSpec("update", de=(), en=(), neutral=("update",), parse=_no_arguments,
                points=False),
    CommandSpec("pause", de=(), en=(), neutral=("pause",), parse=_duration_only, points=False,
                example="2w"),
    CommandSpec("resume", de=("weiter",), en=("resume",), parse=_no_arguments, points=False),
    CommandSpec("help", de=("hilfe",), en=("help",), parse=_no_arguments, points=False),
)
COMMAND_NAMES = tuple(spec.name for spec in COMMANDS)

# command word (normalised) -> (command, language of the word; None: the same in both)
_WORDS: dict[str, tuple[CommandSpec, str | None]] = {
    word: (spec, language)
    for spec in COMMANDS
    for language, words in (("de", spec.de), ("en", spec.en), (None, spec.neutral))
    for word in words
}


def _parse_one(spec: CommandSpec, rest: str, at: _Line) -> Parsed:
    """Numbers and argument of one command, or the error to report for its line."""
    if spec.points and _RANGE.match(_NUMBER_FILLER.sub("", rest)):
        return at.error("Bereiche wie 3-5 gehen nicht; bitte 3, 4, 5 schreiben",
                        "ranges like 3-5 are not accepted; write 3, 4, 5")
    return spec.parse(rest, at)


def _valid_domain(domain: str) -> bool:
    labels = domain.split(".")
    return all(label and not label.startswith("-") and not label.endswith("-")
               for label in labels) and labels[-1].isalpha()


def parse_commands(own_text: str) -> CommandParse:
    """All commands of a reply, and every line that is neither a command nor greeting/closing."""
    result = CommandParse()
    seen_command = False
    in_signoff = False  # after a pleasantry before the first command: a name may follow
    lines = own_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line_no, raw in enumerate(lines, start=1):
        line = clean_line(raw)
        if not line.strip():
            continue
        if len(line) > _MAX_LINE:
            result.errors.append(CommandError(
                line_no, line[:80] + "…", f"Zeile länger als {_MAX_LINE} Zeichen",
                f"line longer than {_MAX_LINE} characters"))
            continue
        if _is_stop(line):
            break
        split = _split_command(line)
        if split is None:
            if not seen_command and _GREETING.match(line) and not in_signoff:
                continue
            if _CLOSING.match(line) or _THANKS.match(line):
                if seen_command:
                    break
                in_signoff = True
                continue
            if _NAME.match(line) and (seen_command or in_signoff):
                if seen_command:
                    break
                continue
            result.errors.append(CommandError(
                line_no, line.strip(), "unbekannter Befehl", "unknown command"))
            continue
        in_signoff = False
        spec, rest, language, word = split
        parsed = _parse_one(spec, rest, _Line(word, line_no, line.strip()))
        seen_command = True
        if isinstance(parsed, CommandError):
            result.errors.append(parsed)
        else:
            numbers, arg = parsed
            result.commands.append(Command(spec.name, numbers, arg, line_no, line.strip(),
                                           language))
        if language == "de" or (language == "en" and result.language is None):
            result.language = language
    return _capped(result)


MAX_ERRORS = 20  # lines not understood, listed one by one in the answer; the rest are counted


def _capped(result: CommandParse) -> CommandParse:
    """At most MAX_ERRORS listed errors: 10,000 bad lines once made a 2.25 MB answer."""
    if len(result.errors) > MAX_ERRORS:
        more = len(result.errors) - MAX_ERRORS
        result.errors = [*result.errors[:MAX_ERRORS], CommandError(
            0, "", f"… und {more} weitere Zeilen, die kein Befehl sind",
            f"… and {more} more lines that are no command")]
    return result
