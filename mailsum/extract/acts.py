"""What a sentence does in the conversation beyond its point kind: our report of work done.

Service mail settles a request less often with "erledigt" than with a report of the work:
"Ich habe ein neues Kennwort gesetzt", "die habe ich eben ergänzt", "I've renewed the domain".
The test is grammatical, not a phrase list: a first-person perfect (or an English simple past
at the start) whose verb completes work. Verbs that only look into something, pass it on or
order it ("angesehen", "nachgehakt", "bestellt", "checked", "asked", "ordered") are progress,
not a result; a negation, a question or a condition makes it no report either.

Examples kept by ``tests/test_acts.py`` (must match / must not match) document each choice.
"""

from __future__ import annotations

import re

from mailsum.text.screen import memo


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# German Partizip II: ge-…-t/-en (also after a separable prefix: "eingerichtet", "zurückgesetzt"),
# inseparable prefixes without ge- ("erhöht", "entsperrt", "hinterlegt"), and -iert verbs.
_PARTICIPLE_DE = (r"(?:\w*ge\w{2,}(?:t|en)|(?:be|ent|er|ver|zer|emp|miss|hinter|über|unter)"
                  r"\w{2,}t|\w{3,}iert)")
_PERFECT_DE = re.compile(
    rf"(?:\b(?:ich|wir)\s+(?:habe|haben)\b|\b(?:habe|haben)\s+(?:ich|wir)\b)"
    rf"(?P<rest>[^.!?;:]*?)\b(?P<verb>{_PARTICIPLE_DE})\b", re.IGNORECASE)
# Looking into it, passing it on, asking, ordering: progress, not the result.
_PROGRESS_DE = _wordset("""
angesehen angeschaut nachgesehen geprüft überprüft nachgehakt nachgefragt gefragt
angefragt gegeben übergeben weitergegeben weitergeleitet bestellt nachbestellt
geschrieben informiert versucht telefoniert gesprochen beauftragt eingeplant geplant
notiert gemeldet erhalten bekommen gesehen beobachtet gefunden festgestellt vereinbart
verschoben kontaktiert angerufen erreicht gebeten angestoßen weitergereicht eskaliert
abgesprochen besprochen erfahren gehört gedacht überlegt vorbereitet vorgemerkt
reserviert gerufen gemailt bemerkt aufgefallen
""")
# a separable prefix before "ge-" ("angeschrieben", "zurückgerufen", "rückgefragt"): the same
# act as the bare participle ("geschrieben", "gerufen", "gefragt")
_SEPARABLE = ("zurück", "weiter", "nach", "rück", "an", "auf", "vor", "hin", "her", "mit", "ab",
              "durch", "ein", "zu")


# The result said of the thing, passive: "Der Drucker wurde getauscht", "Das Postfach ist jetzt
# eingerichtet", "Your account has been unlocked", "All six partners are now on the app".
_PASSIVE_DE = re.compile(
    rf"\b(?:wurde|wurden|ist|sind)\s+(?P<rest>(?:[^\s.!?;:]+\s+){{0,6}}?)(?P<verb>{_PARTICIPLE_DE})"
    r"\b(?!\s+(?:werden|sein|soll|sollte|muss|müsste|kann|könnte|wird)\b)", re.IGNORECASE)
_PASSIVE_EN = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|just\s+|also\s+|already\s+|all\s+)?been\s+(?P<verb>[a-z]+)\b"
    r"|\b(?:is|are)\s+now\s+(?P<state>[a-z]+)\b"
    r"|\b(?:is|are)\s+(?:all\s+|both\s+|also\s+)?(?P<plain>[a-z]+ed)\b", re.IGNORECASE)
# a fault or a plan said the same way: "Der Server ist abgestürzt", "was moved to Monday"
_NOT_RESULT_DE = _wordset("""
abgestürzt ausgefallen kaputtgegangen fehlgeschlagen gescheitert hängengeblieben
stehengeblieben gesperrt verschwunden gelöscht beschädigt gestört unterbrochen getrennt
blockiert abgelaufen überlastet eingefroren abgebrochen verloren vergessen angekommen
eingegangen vorgesehen angesetzt terminiert gewünscht geändert betroffen verursacht
erkrankt verreist verhindert beschäftigt verspätet verzögert beurlaubt gekündigt
belegt besetzt ausgelastet vergeben gebucht geschlossen geöffnet begrenzt beschränkt bekannt
benötigt erwartet eingetroffen
""")
_NOT_RESULT_EN = _wordset("""
crashed failed locked blocked broken stopped disconnected corrupted deleted lost frozen
expired dropped jammed stuck affected delayed cancelled canceled rejected bounced flagged
quarantined caused triggered related based located used supposed expected required involved
being going waiting offline down unavailable unreachable gone missing full out moved
postponed told informed invited interested concerned allowed designed limited considered
closed tired pleased delighted worried surprised confused annoyed frustrated excited
""")


def _passive_done(text: str) -> bool:
    for m in _PASSIVE_DE.finditer(text):
        verb = m.group("verb").lower()
        if _progress_de(verb) or verb in _NOT_RESULT_DE or _blocked(text[: m.start()], m.group(0)):
            continue
        return True
    for m in _PASSIVE_EN.finditer(text):
        verb = (m.group("verb") or m.group("state") or m.group("plain")).lower()
        if verb in _PROGRESS_EN or verb in _NOT_RESULT_EN:
            continue
        if m.group("verb") and not (verb.endswith("ed") or verb in _IRREGULAR_EN):
            continue
        if _blocked(text[: m.start()], m.group(0)):
            continue
        return True
    return False


def _progress_de(verb: str) -> bool:
    if verb in _PROGRESS_DE:
        return True
    return any(verb.startswith(f"{p}ge") and verb[len(p):] in _PROGRESS_DE for p in _SEPARABLE)

_PERFECT_EN = re.compile(
    r"\b(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|also\s+|already\s+|finally\s+)?"
    r"(?P<verb>[a-z]+)\b", re.IGNORECASE)
_PAST_EN = re.compile(r"^\W*(?:(?:yes|ok|okay|good news|update)\W+)?(?:i|we)\s+"
                      r"(?:(?:now|just|also|finally)\s+)?(?P<verb>[a-z]+ed)\b", re.IGNORECASE)
_DONE_EN = re.compile(r"^\W*(?:all\s+)?done\b(?!\s+(?:by|until|before)\b)", re.IGNORECASE)
_IRREGULAR_EN = _wordset("""
set reset put run rerun sent done made rebuilt built rewritten swapped fitted
""")
_PROGRESS_EN = _wordset("""
asked checked looked chased contacted passed forwarded emailed mailed called phoned
ordered tried noticed seen spoken raised logged escalated scheduled booked requested
received had been got heard noted planned arranged investigated reviewed found identified
narrowed replied begun pinged messaged reached flagged queued prepared reserved
considered discussed agreed talked wanted needed decided need feed seed speed proceed
succeed exceed realised realized
""")
_BEGINNING = re.compile(r"\s+(?:to\b|\w+ing\b)", re.IGNORECASE)
_MAX_CHARS = 400  # a report of work done is an ordinary sentence; bounds the matching work
_NEGATED = re.compile(r"\b(?:nicht|kein\w*|noch nie|not|never|n't|no)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:sobald|wenn|falls|once|when|if|as soon as|after)\b", re.IGNORECASE)


@memo
def reports_done(sentence: str) -> bool:
    """Whether ``sentence`` (ours) reports work as done: "Ich habe den Timeout erhöht"."""
    text = " ".join(sentence.split())
    if len(text) > _MAX_CHARS or text.rstrip().endswith("?"):
        return False
    if _DONE_EN.match(text):
        return True
    for m in _PERFECT_DE.finditer(text):
        if _progress_de(m.group("verb").lower()):
            continue
        if _blocked(text[: m.start()], m.group(0)):
            continue
        return True
    if _passive_done(text):
        return True
    for pattern in (_PERFECT_EN, _PAST_EN):
        for m in pattern.finditer(text):
            verb = m.group("verb").lower()
            if verb in _PROGRESS_EN or not (verb.endswith("ed") or verb in _IRREGULAR_EN):
                continue
            if _BEGINNING.match(text, m.end()):
                continue  # "I've started looking into it" is progress; "started it again" not
            if _blocked(text[: m.start()], m.group(0)):
                continue
            return True
    return False


def _blocked(before: str, clause: str) -> bool:
    """A negation inside the clause, or a condition just before it ("sobald ich … habe")."""
    return bool(_NEGATED.search(clause) or _CONDITION.search(before[-40:]))


_THANKS = re.compile(
    r"(?<![\w-])(?:danke|dankesch[öo]n|vielen dank|besten dank|herzlichen dank|thanks|thank you|"
    r"thx|many thanks|much appreciated|cheers)(?![\w-])", re.IGNORECASE)


def thanks(sentence: str) -> bool:
    """Whether ``sentence`` thanks the reader ("Vielen Dank!", "Thank you Ravi and Gemma")."""
    return bool(_THANKS.search(sentence)) and not sentence.rstrip().endswith("?")


# "meine Antworten stehen unten im Text (mit [SL] markiert)", "Answers inline.", "see my
# comments below", "Antworten direkt in Ihrer Mail": the answers are in the quoted text.
_INLINE = re.compile(
    r"(?<![\w-])(?:(?:meine |unsere )?(?:antworten?|anmerkungen|kommentare?|answers?|"
    r"comments?|replies|notes)\b[^.!?]{0,50}?\b(?:unten|im text|in (?:ihrer|deiner|der) "
    r"(?:mail|e-mail|nachricht)|inline|in-line|below|in (?:the|your) (?:text|mail|e-mail|"
    r"message))|(?:siehe|see) (?:unten|below)|(?:inline|in-line) (?:answers?|comments?|"
    r"replies))(?![\w-])", re.IGNORECASE)


def answers_inline(sentence: str) -> bool:
    """Whether ``sentence`` says the mail's answers are written into the quoted text."""
    return bool(_INLINE.search(" ".join(sentence.split())))


# An invitation asks the reader to come, not to do work: "We'd be delighted if you could join
# us for our Christmas drinks", "Wir laden Sie herzlich zu unserer Weihnachtsfeier ein", "Bitte
# geben Sie bis 10.12. Bescheid, ob Sie kommen". Not "Können Sie vorbeikommen und den Drucker
# ansehen?" (a visit to do work) nor "join the domain".
_INVITE = re.compile(
    r"(?<![\w-])(?:(?:laden|lade) (?:sie|dich|euch) (?:\w+ ){0,3}(?:zu|ein)|einladung|"
    r"invit(?:e|ed|ation)|join us|(?:come|be) (?:along|with us)|rsvp|"
    r"ob (?:sie|du|ihr) (?:\w+ ){0,2}(?:kommen|dabei sind|dabei sein)|"
    r"if you can (?:make it|come|join)|whether you can (?:make it|come|join))(?![\w-])",
    re.IGNORECASE)
_EVENT = re.compile(
    r"(?<![\w-])(?:\w*feier|party|drinks|dinner|lunch|abendessen|mittagessen|empfang|"
    r"sommerfest|grillfest|jubil[äa]um|reception|celebration|get-together|umtrunk|"
    r"make it|kommen|dabei)(?![\w-])", re.IGNORECASE)


def invites(sentence: str) -> bool:
    """Whether ``sentence`` invites the reader to an occasion rather than asking for work."""
    text = " ".join(sentence.split())
    return bool(_INVITE.search(text)) and bool(_EVENT.search(text))


# Saying yes to an invitation: "ich komme sehr gern vorbei", "wir sind gern dabei", "I'd love
# to come", "count me in". Only read after the customer invited us (``invites``): "Ich komme
# morgen vorbei" alone is a technician's visit.
_ACCEPT = re.compile(
    r"(?<![\w-])(?:(?:ich|wir) (?:komme|kommen) (?:\w+ ){0,3}?(?:gern|gerne|vorbei)|"
    r"(?:ich|wir) (?:bin|sind) (?:\w+ ){0,2}?dabei|(?:ich|wir) (?:nehme|nehmen) (?:\w+ ){0,3}?"
    r"teil|(?:i'd|we'd) love to (?:come|join|be there)|(?:i|we)(?:'ll| will) (?:\w+ )?"
    r"(?:come|join you|be there)|count (?:me|us) in|see you there|bis dann)(?![\w-])",
    re.IGNORECASE)


def accepts(sentence: str) -> bool:
    """Whether ``sentence`` says yes to coming (read only after an invitation)."""
    return bool(_ACCEPT.search(" ".join(sentence.split())))


# The customer disagrees with our "fixed": the fault persists. "Still disconnecting, twice this
# morning.", "Geht leider immer noch nicht.", "Gleiche Fehlermeldung wie vorher." Not "Es läuft
# immer noch stabil" (good news) nor "Ich bin noch im Büro".
_OBJECTION = re.compile(
    r"(?<![\w-])(?:^\W*still\b(?! (?:fine|good|ok|working|works|running|stable))|"
    r"still (?:not|no|doesn't|don't|isn't|aren't|can't|cannot|won't|fails?|failing|broken|"
    r"down|crash\w*|disconnect\w*|drop\w*|getting|loops?|looping|hangs?|hanging|freez\w+|"
    r"stuck|locked|asks?|asking|prompts?|prompting|shows?|showing|loses?|losing|reboot\w*|"
    r"restart\w*|offline|missing|blank|slow)|"
    r"(?:doesn't|does not|didn't|did not|isn't|is not) work(?:ing)?|"
    r"unfortunately (?:not|no|it (?:still|doesn't|didn't))|no (?:change|luck|difference)|"
    r"same (?:problem|error|issue|message)|"
    r"(?:immer noch|noch immer|weiterhin|nach wie vor) (?:\w+ ){0,2}?(?:nicht|kein\w*|ab|aus|"
    r"fehler\w*|abbr\w+|die gleiche|dieselbe|gest[öo]rt|kaputt|defekt|falsch)(?![\w-])|"
    r"(?:funktioniert|geht|klappt|l[äa]uft) (?:leider )?(?:immer )?(?:noch )?(?:immer )?nicht|"
    r"leider (?:nicht|kein\w*|immer noch|noch nicht)|"
    r"(?:gleiche|dieselbe|selbe)[rn]? (?:fehler\w*|problem|meldung)|schon wieder|"
    # the fault came back: an event of failing, then "again" ("dropped again twice this
    # morning", "happened again"), or "wieder/erneut" before the event ("ist heute wieder
    # ausgefallen"); "works again" and "funktioniert wieder" are good news, no event of failing
    r"(?<!not )(?<!n't )(?<!never )"
    r"(?:dropped|drops|happened|happens|occurred|occurs|crashed|crashes|failed|fails|froze"
    r"|freezes|jammed|jamming|jams|disconnected|disconnects|hung|hangs|went down|is down|stopped"
    r"|cut out|cuts out|timed out|times out|kicked (?:me|us|him|her|them) out)"
    r"(?: [\w.:-]+){0,3}? again|"
    r"(?<!nicht )(?<!nichts )(?<!nie )(?<!kein )"
    r"(?:wieder|erneut) (?:[\w.:-]+ ){0,3}?(?:aufgetreten|auftreten|ausgefallen|abgest[üu]rzt"
    r"|abgebrochen|abgerissen|passiert|h[äa]ngen geblieben|eingefroren|getrennt|weg|down))"
    r"(?![\w-])",
    re.IGNORECASE)


def objects(sentence: str) -> bool:
    """Whether ``sentence`` (the customer's, after our fix) says the fault is still there."""
    return bool(_OBJECTION.search(" ".join(sentence.split())))


# What we ask only to hear back: "Could you test it and let me know?", "Bitte geben Sie mir
# Bescheid, ob die Verbindung jetzt stabil bleibt." Any reply of theirs answers it.
_FEEDBACK = re.compile(
    r"(?<![\w-])(?:let (?:me|us) know|geben sie (?:mir|uns) (?:\w+ ){0,3}?bescheid|"
    r"sagen sie (?:mir|uns) (?:\w+ ){0,2}?bescheid|(?:kurze )?r[üu]ckmeldung|"
    r"(?:try|test) (?:it|again|once more)|probieren sie (?:es|das)|testen sie|"
    r"confirm (?:it|that|whether|if)|please confirm|best[äa]tigen sie|"
    r"bitte um (?:eine |ihre )?(?:kurze )?best[äa]tigung)(?![\w-])", re.IGNORECASE)


def asks_feedback(sentence: str) -> bool:
    """Whether ``sentence`` (ours) asks the customer only to try and tell us how it went."""
    return bool(_FEEDBACK.search(" ".join(sentence.split())))


# Sent with this very mail: "Quote attached for three laptops", "Please find attached …",
# "Anbei das Angebot", "Im Anhang finden Sie …". Not "I'll send the quote tomorrow".
_SENDS_NOW = re.compile(
    r"(?<![\w-])(?:attached|enclosed|please find|here is|here's|anbei|im anhang|in der anlage|"
    r"beigef[üu]gt|hiermit (?:sende|schicke|[üu]bersende))(?![\w-])", re.IGNORECASE)
_LATER = re.compile(r"(?<![\w-])(?:will|'ll|werde|werden|morgen|tomorrow|later|sp[äa]ter|"
                    r"next week|n[äa]chste woche)(?![\w-])", re.IGNORECASE)


def sends_now(sentence: str) -> bool:
    """Whether ``sentence`` (ours) says this mail carries what it names."""
    text = " ".join(sentence.split())
    return bool(_SENDS_NOW.search(text)) and not _LATER.search(text)



def interleaved(text: str) -> bool:
    """Whether a mail body answers between quoted lines ("> Welche Version?" / "2410" /
    "> Kabel oder WLAN?"): inline answers, whatever the reply's own first lines say."""
    state, answered = "start", False
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(">"):
            if state == "answer":
                answered = True
            state = "quote"
        elif state in ("quote", "answer"):
            state = "answer"
    return answered
