"""Questions without a question mark, and imperatives that ask for action."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table

# What may open a sentence before its imperative: "Hi Max,", "Max:", "and", "dann".
_LEAD = (
    r"^\W*(?:(?:hi|hey|hallo|hello|dear|liebe[rs]?)\b[^,:]{0,30}[,:]?\s*)?"
    r"(?:[A-ZÄÖÜ][\w.]*(?:\s+[A-ZÄÖÜ][\w.]*)?\s*[,:]\s*)?"
    r"(?:and\s+|also\s+|so\s+|just\s+|then\s+|now\s+|but\s+|und\s+|dann\s+|also\s+)?"
)
IMPERATIVE_FORM = _LEAD + r"(?:{alt})(?![\w-])"

# Imperatives at the start of a sentence (after an optional "Hi Max," / "Max:") ask for action.
IMPERATIVE = table(
    "imperative",
    cue("imperative.1",
        r"give",
        r"send",
        r"call",
        r"check",
        r"join",
        r"use",
        r"go",
        r"try",
        r"tell",
        r"forward",
        r"contact",
        r"remember",
        r"schedule",
        r"set up",
        r"pick",
        r"reply",
        r"review",
        r"ask",
        r"come",
        r"get",
        r"make",
        r"visit",
        r"download",
        r"talk",
        r"note",
        r"keep",
        r"bring",
        r"book",
        r"fill",
        r"sign",
        r"don't forget",
        r"let(?! me\b)",
        r"install",
        r"restart",
        r"reboot",
        r"schick",
        r"ruf",
        r"gib",
        r"sag",
        r"melde dich",
        r"pr[üu]f",
        r"schau",
        r"(?:schicken|senden|pr[üu]fen|rufen|melden|geben|sagen|teilen|schauen|lassen|richten|"
        r"installieren|starten|legen|tragen|leiten|informieren|best[äa]tigen|kontaktieren|beachten|"
        r"nehmen|setzen|stellen|erstellen|l[öo]schen|[äa]ndern|aktualisieren|buchen|planen|"
        r"schalten|[üu]berpr[üu]fen|veranlassen|pflegen|sperren|entsperren) sie",
        matches=(),
        rejects=()),
    form=IMPERATIVE_FORM,
)  # fmt: skip

# Verbs that open a question or a condition, not a polite imperative ("Haben Sie Fragen, …").
NOT_IMPERATIVE = (
    r"haben", r"hatten", r"h[äa]tten", r"sind", r"waren", r"w[äa]ren", r"werden", r"w[üu]rden",
    r"wissen", r"wussten", r"k[öo]nnen", r"konnten", r"k[öo]nnten", r"m[üu]ssen", r"mussten",
    r"m[üu]ssten", r"sollen", r"sollten", r"d[üu]rfen", r"durften", r"d[üu]rften", r"wollen",
    r"wollten", r"m[öo]gen", r"m[öo]chten", r"kennen", r"finden", r"meinen", r"denken",
    r"glauben", r"brauchen", r"ben[öo]tigen", r"wenn", r"falls", r"danken", r"entschuldigen",
    r"stehen", r"sehen", r"verstehen", r"erinnern",
)  # fmt: skip

# Indirect questions anywhere in a sentence: "Da ich …, wollte ich Sie fragen, ob …".
QUESTION_ANYWHERE = table(
    "question_anywhere",
    cue("question_anywhere.1",
        r"(?:wollte|wollten|m[öo]chte|m[öo]chten|will|wollen|w[üu]rde|w[üu]rden)(?: (?:ich|wir))?"
        r"(?: (?:sie|dich|euch|mich|uns|noch|mal|nochmal|nochmals|gerne|gern|h[öo]flich|freundlich"
        r"|nat[üu]rlich|sehr|ganz|eigentlich|jetzt|nun"
        r"|bei ihnen|bei dir|kurz|einmal|halt|schon|auch|daher|deshalb|hiermit|abschlie[ßs]end"
        r"|und|h[öo]flichst)){0,4}"
        r" (?:nach)?(?:fragen|erkundigen|wissen|nachhaken)\b",
        r"(?:ich h[äa]tte|h[äa]tte ich|ich habe|habe ich|wir h[äa]tten|h[äa]tten wir"
        r"|^\W*(?:habe|h[äa]tte))"
        r"(?: (?:da|noch|auch|eine|einige|ein paar|zwei|drei|mal|nur|kurz|folgende|kleine|weitere"
        r"|dringende|wichtige)){0,4} (?:frage|fragen|bitte)\b",
        r"(?:eine|meine) (?:weitere |andere |letzte |zweite )?frage"
        r" (?:von mir )?(?:h[äa]tte ich|w[äa]re|ist|lautet|betrifft)",
        r"(?:fragt|fragen|fragte)(?: \w+){0,2},? (?:ob|wann|wie)\b",
        matches=(),
        rejects=()),
)  # fmt: skip

# Sentences that start like this ask something even without a question mark.
QUESTION_START = table(
    "question_start",
    cue("question_start.1",
        r"ich frage mich",
        r"wissen sie(?:,)? ob",
        r"wei[ßs]t du(?:,)? ob",
        r"gibt es",
        r"ich wollte (?:mal |noch )?(?:nach)?fragen",
        r"ich wollte (?:sie|dich|euch) fragen",
        r"ich m[öo]chte (?:mal |noch )?(?:nach)?fragen",
        r"ich wollte mich erkundigen",
        r"(?:[^.!?]* )?(?:bin ich mir|ich bin mir) (?:\w+ )?(?:nicht|un)(?: mehr| ganz)? ?sicher,?"
        r" (?:ob|wie|wann|welche\w*|was|wo|wer)\b",
        r"(?:nun |jetzt |also |und )?meine frage(?: ist| w[äa]re| lautet)?",
        r"ist es m[öo]glich",
        matches=(),
        rejects=()),
    # a German yes/no question may lose its "?"; with a comma it is a condition ("Haben Sie
    # Fragen, rufen Sie an")
    cue("question_start.2",
        r"(?:haben|hatten|hast|habt|ist|sind|wissen|wei[ßs]t|wisst|gibt|wird|werden|hat|kennen"
        r"|kennst) (?:sie|du|ihr|es|das|der|die|den)\b(?![^,]*,)",
        r"i wonder",
        r"i was wondering",
        r"any (?:idea|update|news|thoughts)",
        r"do you know",
        r"wondering if",
        r"is there any",
        matches=(),
        rejects=()),
    form=r"^\W*+(?:{alt})\b",
)  # fmt: skip
