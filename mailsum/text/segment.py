"""Sentence and word segmentation for German and English mail text.

Our own regex segmenter, because NLTK's punkt needs downloaded data (never at run time) and
mail text has line structure (lists, hard wraps, greetings) that book-trained models ignore.
Sentences are verbatim substrings of the input, so points and summaries can be traced back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end in a period without ending the sentence (lower-cased, without the period).
ABBREVIATIONS = _word_set(
    """
    z.b zb u.a ua bzw ca nr dr hr fr frau inkl ggf evtl usw etc e.g i.e eg ie mr mrs ms vs
    prof dipl ing str tel abs abt bspw d.h dh s.o s.u o.g u.u v.a z.t z.hd i.a i.v ff vgl
    sog max min mind mio mrd tsd std sek mo di mi do sa so jan feb mär märz apr jun jul aug
    sep sept okt nov dez dec oct mar no nos approx dept est fig jr sr st co corp inc ltd
    gmbh e.v a.d allg anh ausg bzgl gem geb ehem jh kap lt mtl nachf orig pkt rd rel spez
    u.ä u.v.m u.s.w usf vorm zzgl zw bsp engl dt ger eng cf al resp wrt p.s ps
    """
)

_ORDINAL_NOUNS = _word_set(
    """
    januar februar märz april mai juni juli august september oktober november dezember jan feb
    mär mrz apr jun jul aug sep sept okt nov dez stock etage obergeschoss quartal kw
    kalenderwoche
    """
)
_ORDINAL_LEADS = _word_set(
    """
    der die das den dem des zum zur am im vom beim bis seit ab jeden jedes jeder jede sein seine
    ihr ihre unser unsere ein eine einem einen einer mein meine dein deine vor nach ins ihm
    """
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–+]|\d{1,3}[.)]|[a-zA-Z][)])\s+")
_GREETING_LINE = re.compile(
    r"^\s*(?:hallo|hi|hey|liebe[rs]?|sehr geehrte[rs]?|guten (?:tag|morgen|abend)|moin|servus|"
    r"dear|hello|good (?:morning|afternoon|evening))\b[^.!?]{0,60},\s*$",
    re.IGNORECASE,
)
_TERMINAL_END = re.compile(r"[.!?:;][\"'”“»«)\]]*\s*$")
# A sentence may end after . ! ? (or an ellipsis), closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"(?<![.!?…])([.!?…]++)([\"'”“»«)\]]*+)(\s+)")
_ORDINAL_OR_DATE = re.compile(r"^\(?\d{1,2}\.(?:\d{1,2}\.)?$")
_INITIAL = re.compile(r"^\(?[A-Za-zÄÖÜäöü]\.$")
_DOTTED_ABBR = re.compile(r"^\(?(?:[A-Za-zÄÖÜäöü]{1,3}\.){2,}$")
_WORD = re.compile(r"\w+(?:[-'’.@/]\w+)*", re.UNICODE)
# A line of this width that ends mid-sentence was probably wrapped by the mail client; much
# longer lines are unwrapped paragraphs, whose end is the end of a sentence.
_HARD_WRAP = (50, 100)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of each line, without the newline."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body)
        pos += len(line)


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` continues the sentence broken at the end of ``prev``."""
    stripped = line.lstrip()
    if not stripped or _LIST_ITEM.match(line) or _GREETING_LINE.match(prev):
        return False
    if not (stripped[0].isalnum() or stripped[0] in "(\"'„“"):
        return False  # "-- " signature separators, "> " quotes, rules, bullets
    if _TERMINAL_END.search(prev):
        # a sentence may still go on after an abbreviation at the end of the line
        return stripped[0].islower() and not _split_allowed(prev.rstrip(), "X")
    if stripped[0].islower() or stripped[0].isdigit():
        return True
    width = len(prev.rstrip())
    return _HARD_WRAP[0] <= width <= _HARD_WRAP[1] and not prev.rstrip().endswith(",")


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of line groups: paragraphs split at blank lines and list items."""
    start = end = None
    prev = ""
    for ls, le in _lines(text):
        line = text[ls:le]
        if not line.strip():
            if start is not None:
                yield start, end
            start = end = None
            prev = ""
            continue
        if start is not None and _continues(prev, line):
            end = le
        else:
            if start is not None:
                yield start, end
            start, end = ls, le
        prev = line
    if start is not None:
        yield start, end


def _split_allowed(before: str, after: str) -> bool:
    """Whether a terminal period at the end of ``before`` ends the sentence."""
    return _split_allowed_at(before, len(before), after, 0)


def _last_word(text: str, end: int) -> tuple[int, int]:
    """Span of what ``(\\S+)$`` finds in ``text[:end]`` (empty when it ends in a space).

    Walks back from ``end`` instead of searching from the start: a regex search of every prefix
    made a long unwrapped paragraph quadratic (100 KB took 37 s).
    """
    if end and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start, end


def _split_allowed_at(text: str, end: int, after: str, at: int) -> bool:
    """``_split_allowed(text[:end], after[at:])`` without copying either."""
    start, stop = _last_word(text, end)
    word = text[start:stop]
    if not word.endswith("."):
        return True  # ! or ? or an ellipsis
    if word.endswith(".."):
        return True
    if after[at : at + 1].islower():
        return False
    bare = word.lstrip("([{\"'").rstrip(".").lower()
    if bare in ABBREVIATIONS or _INITIAL.match(word) or _DOTTED_ABBR.match(word):
        return False
    if not _ORDINAL_OR_DATE.match(word):
        return True
    # "am 3. März", "im 1. OG", "der 2. Versuch", "bis 3. Okt." are ordinals, "um 9. Die" is not
    nxt = _WORD.match(after, at)
    if nxt and (nxt.group(0).lower() in _ORDINAL_NOUNS or nxt.group(0).isupper()):
        return False
    lead_end = end - len(word)  # as ``before[: -len(word)].rstrip()``
    while lead_end > 0 and text[lead_end - 1].isspace():
        lead_end -= 1
    lead_start, lead_stop = _last_word(text, lead_end)
    return text[lead_start:lead_stop].lower() not in _ORDINAL_LEADS


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block = text[start:end]
    cur = 0
    marker = _LIST_ITEM.match(block)
    for m in _BOUNDARY.finditer(block, marker.end() - 1 if marker else 0):
        if m.end() == len(block):
            break
        punct = m.group(1)
        # the whitespace group is greedy, so the next word starts right at m.end()
        if (
            punct.endswith(".")
            and len(punct) == 1
            and not _split_allowed_at(block, m.end(1), block, m.end())
        ):
            continue
        yield start + cur, start + m.end(2)
        cur = m.end()
    yield start + cur, end


def split_sentences(text: str) -> list[str]:
    """Split mail text into sentences, each a stripped verbatim substring of ``text``."""
    out: list[str] = []
    for bs, be in _blocks(text):
        for ss, se in _split_block(text, bs, be):
            sentence = text[ss:se].strip()
            if sentence:
                out.append(sentence)
    return out


def tokenize_words(sentence: str) -> list[str]:
    """Words (letters/digits, keeping inner hyphens, dots, apostrophes) for scoring."""
    return _WORD.findall(sentence)


class SumyTokenizer:
    """Drop-in for sumy's ``Tokenizer`` so sumy never touches NLTK's punkt data."""

    def __init__(self, language: str = "german") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize_words(sentence))
