"""Cue words (German and English) that mark requests, commitments, blockers and the like.

Plain data, kept apart from the rules that use it so wording can grow without touching logic.
Each constant is a tuple of regular-expression fragments (lower case, matched case-insensitively
at word boundaries); the ``*_RE`` objects are compiled once at import.
"""

from __future__ import annotations

import re

from mailsum.text.screen import PhraseTable, Screen

# What follows "bitte" in an apology or in a plea for patience.
_NO_PLEA = (r"(?:(?:\w+ ){0,2}?um (?:ihr |euer |dein )?(?:entschuldigung|verst[äa]ndnis|nachsicht"
            r"|geduld)|entschuldig\w*|vielmals um)\b")

# "brauchen wir nicht (mehr)", "ich brauche keine …": the need is denied
_NOT_DENIED = r"(?!(?: [\w.-]+){0,2}? (?:nicht|kein\w*|nie)\b)"

REQUEST = (
    # German
    # "bitte" asks, except in an apology or a plea for patience ("Ich bitte um Entschuldigung",
    # "bitte entschuldigen Sie", "Wir bitten um Ihr Verständnis")
    # ("Ihre Bitte um …", "auf Bitte des …" name a request, they make none)
    r"(?<!ihre )(?<!ihrer )(?<!deine )(?<!eure )(?<!auf )"
    rf"bitte(?:n)?(?! (?:(?:sie|dich|euch|nochmals) )?{_NO_PLEA})",
    # something still missing or awaited: "Der Zugang für Herrn Lang fehlt noch", "Die Rechnung
    # haben wir noch nicht erhalten", "Wir warten noch auf das Angebot"
    r"fehlt (?:uns |mir )?(?:immer )?noch",
    r"(?:haben|habe) (?:wir|ich) (?:[\w.-]+ )?(?:noch nicht|bisher nicht|bis heute nicht"
    r"|noch immer nicht|immer noch nicht) (?:[\w.-]+ )?(?:erhalten|bekommen)",
    r"(?:wir|ich) warten? (?:[\w.-]+ )?(?:noch|immer noch|weiterhin|nach wie vor|bis heute) auf",
    # the subjunctive asks; "konnten Sie", "wurden Sie", "waren Sie" are past tense
    r"k(?:ö|oe)nnten sie", r"w(?:ü|ue)rden sie", r"w(?:ä|ae)ren sie",
    r"k(?:ö|oe)nntest du", r"w(?:ü|ue)rdest du", r"k(?:ö|oe)nntet ihr",
    # "können Sie …" asks at the start or as a question; mid-sentence it states what the
    # reader may do ("die Protokolle kannst du dir runterladen")
    r"(?:^\W*|(?:bitte|vielleicht|eventuell|evtl\.|dann|also|und|aber|oder) )"
    r"(?:k[öo]nnen sie|kannst du|k[öo]nnt ihr)\b",
    r"(?:k[öo]nnen sie|kannst du|k[öo]nnt ihr)\b(?=[^.!]*\?)",
    # a need, unless denied: "eine Freigabe brauchen wir nicht", "wir brauchen keine Hilfe"
    rf"(?:wir brauchen|ich brauche|wir ben[öo]tigen|ich ben[öo]tige|(?:ben[öo]tige|brauche) ich"
    rf"|(?:ben[öo]tigen|brauchen) wir|^\W*(?:ben[öo]tige|brauche)){_NOT_DENIED}",
    r"(?:ich )?ersuche (?:ich )?(?:sie|dich|euch)", r"am besten,? (?:wir|ihr|du|sie)\b",
    r"w[äa]re(?:n)? (?:ich |wir )?(?:ihnen |dir |euch )?"
    r"(?:sehr |wirklich |ausgesprochen |[äa]u[ßs]erst )?verbunden",
    r"w[äa]re(?:n)? (?:[\w.-]+ ){0,4}?dankbar",  # "wäre für Ihre Hilfe sehr dankbar"
    r"fordere (?:ich )?(?:sie|dich|euch) (?:\w+ ){0,3}?auf",
    r"(?:teile?|teilt) (?:mir|uns) (?:\w+ ){0,5}?mit\b",
    r"was (?:ich|wir) (?:jetzt |noch |dringend )?(?:brauche|brauchen|ben[öo]tige|ben[öo]tigen)\b",
    r"w[äa]re (?:mir|uns) (?:schon |damit )?(?:sehr |wirklich |sehr )?geholfen",
    r"w[üu]rde(?:n)? (?:(?:ich|wir) )?(?:mich|uns) (?:[\w.-]+ ){0,7}?freuen",
    r"freue(?:n)? (?:mich|uns) (?:sehr |schon )?[üu]ber (?:eure|ihre|deine|eine|jede|jegliche)"
    r" (?:\w+ )?(?:meinung|r[üu]ckmeldung|antwort|feedback|nachricht|hilfe|tipps?|vorschl[äa]ge"
    r"|ideen|infos?|informationen|anregungen)\b",
    r"(?:w[üu]rde(?:n)? (?:ich|wir)|(?:ich|wir) w[üu]rde(?:n)?) (?:mir|uns) (?:[\w.-]+ ){0,5}?"
    r"w[üu]nschen",
    r"freu(?:e|en)? (?:mich|uns) (?:schon |sehr )*auf (?:\w+ )?"
    r"(?:antwort|r[üu]ckmeldung|nachricht|feedback|meinung)",
    r"auf (?:eine|ihre|deine|eure) (?:baldige|schnelle|kurze|rasche|positive|zeitnahe)"
    r" (?:r[üu]ckmeldung|antwort|erledigung|nachricht|bearbeitung|umsetzung|l[öo]sung|reparatur"
    r"|behebung)",
    # not glad to have heard: "hab mich sehr gefreut, von euch zu hören"
    r"(?<!gefreut, )(?<!gefreut )(?<!freut mich, )von (?:ihnen|dir|euch) (?:zu )?h[öo]ren",
    r"lass(?:t)? (?:mal )?(?:was|etwas) von (?:dir|euch) h[öo]ren",
    r"hoffe[^.!?]{0,30}\b(?:sie|du|ihr|jemand)\b[^.!?]{0,30}\b(?:weiter)?helfen",
    r"wenn (?:es )?(?:ihnen|dir|euch) (?:\w+ )?(?:recht|m[öo]glich|lieb) w[äa]re",
    r"komm(?:t)? doch", r"(?:schau|ruf|schreib|meld)(?:e|t)? (?:dich |mich |uns )?doch",
    r"geben sie (?:mir |uns )?bescheid", r"sagen sie (?:mir |uns )?bescheid",
    r"gib (?:mir |uns )?bescheid", r"lassen sie (?:mich|uns) wissen", r"melden sie sich",
    r"schicken sie", r"senden sie", r"rufen sie (?:mich|uns)? ?an", r"ich w[äa]re dankbar",
    r"wir w[äa]ren dankbar",
    r"(?:es w[äa]re|w[äa]re es) (?:auch |sehr |echt |total |wirklich |ganz )*"
    r"(?:sch[öo]n|gut|super|toll|nett|hilfreich|freundlich|lieb)",
    r"denken sie (?:bitte )?daran",
    r"(?:ich|wir) w[üu]rde(?:n)? (?:mich|uns) [üu]ber (?:eine|ihre|deine|eure)"
    r"(?: \w+)? (?:r[üu]ckmeldung|antwort|nachricht|info\w*)(?: \w+){0,2} freuen",
    r"(?:ein )?angebot (?:bei ihnen |von ihnen |bei dir )?(?:einholen|anfordern|anfragen)",
    r"[üu]ber (?:eine|ihre|deine)(?: \w+)? (?:r[üu]ckmeldung|antwort) (?:w[üu]rde|w[üu]rden)"
    r" (?:ich mich|wir uns)",
    r"w[äa]re es (?:eventuell |vielleicht |denn )?m[öo]glich",
    r"w[äa]re es (?:f[üu]r (?:sie|dich|euch) )?(?:o\.?k\.?|okay|in ordnung)",
    r"vergessen sie nicht", r"lass(?:t)? uns", r"sollen wir", r"sollten wir",
    r"(?:m[üu]ssen|sollten) wir (?:\w+ ){0,3}(?:sprechen|reden|telefonieren|besprechen)",
    r"wir m[üu]ssen (?:\w+ ){0,3}(?:sprechen|reden|telefonieren|besprechen)",
    r"beantrage(?:n)? (?:ich |wir )?hiermit", r"hiermit beantrage(?:n)?",
    r"hiermit (?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:ich |wir )?(?:[\w.-]+ ){0,6}?beantragen",
    r"(?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:ich |wir )?(?:gerne? )?(?:mit (?:ihnen|dir|euch) )?"
    r"(?:einen|einen neuen|einen weiteren|einen kurzen) (?:gespr[äa]chs|beratungs|besprechungs)?"
    r"termin (?:[\w.,()-]+ ){0,8}?(?:vereinbaren|ausmachen|abmachen)",
    r"(?:ich|wir) h[äa]tte(?:n)? gern(?:e)?", r"h[äa]tte(?:n)? (?:ich|wir) gern(?:e)?",
    r"(?:ich|wir) br[äa]uchte(?:n)?", r"br[äa]uchte(?:n)? (?:ich|wir)\b",
    r"(?:uns|mir) fehl(?:t|en) (?:noch|leider|immer noch|weiterhin)\b",
    r"(?:wird|werden) (?:\w+ ){0,2}?gebeten\b",  # "Um Rückmeldung wird gebeten"
    r"^\W*w[äa]re (?:sehr |echt |total |wirklich |ganz |auch )*(?:sch[öo]n|gut|super|toll|nett"
    r"|hilfreich|klasse|prima),? (?:wenn|falls)\b",
    r"(?:vielleicht|bitte|dann) k[öo]nntest\b",
    r"(?:ich|wir) warte(?:n)? (?:eigentlich |aber |jetzt |nun )?(?:noch |immer noch )?auf"
    r" (?:ihre|deine|eure|eine|die)"
    r" (?:\w+ )?(?:r[üu]ckmeldung|antwort|nachricht|best[äa]tigung|freigabe|erkl[äa]rung"
    r"|entscheidung|informationen?|unterlagen|zusage)",
    r"(?:sie m[üu]ssen|du musst|ihr m[üu]sst)(?! (?:\w+ )?(?:nicht|kein))",
    r"w[üu]rde(?:n)? (?:mich|uns) (?:sehr |riesig |total )?freuen,? (?:wenn|von (?:dir|ihnen|euch)"
    r" zu h[öo]ren)\b",
    r"(?:(?:ich|wir) w[üu]rde(?:n)?|w[üu]rde(?:n)? (?:ich|wir)) (?:\w+ ){0,3}?vorschlagen",
    r"(?:ich schlage|wir schlagen|schlage ich|schlagen wir) (?:\w+ ){0,3}?vor\b",
    r"(?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:ich |wir )?(?:sie|dich|euch)"
    r" (?:[\w.-]+ ){0,10}?einladen",
    # a wish that needs the reader's yes: "ich würde gerne an Ihrem Kurs teilnehmen"
    r"w[üu]rde(?:n)? (?:\w+ ){0,3}?gern(?:e)?,? (?:[\w.,-]+ ){0,8}?(?:teilnehmen|mitmachen"
    r"|anmelden|vorbeikommen|pr[äa]sentieren|mitfahren|dabei sein)\b",
    r"h[äa]tte(?:n)? (?:\w+ ){0,3}?(?:einen |als )?(?:\w+ )?(?:termin)?vorschlag",
    # orders and cancellations: "Ich möchte gerne mein Abo kündigen"
    r"(?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:ich |wir )?(?:(?!nicht\b|kein)[\w.,()-]+ ){0,10}?"
    r"(?:k[üu]ndigen|stornieren|bestellen|buchen|reservieren|abbestellen|abmelden)\b",
    r"(?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:\w+ ){0,3}?(?:informiert|benachrichtigt"
    r"|verst[äa]ndigt|auf dem laufenden gehalten) werden",
    r"h[öo]re (?:\w+ )?von (?:ihnen|dir|euch)\b",
    r"(?:ich )?hoffe (?:sehr |schon )?auf (?:ihre|deine|eure|eine) (?:\w+ )?(?:antwort"
    r"|r[üu]ckmeldung|zusage|nachricht)",
    r"hoffe,? (?:da(?:ss|ß) )?(?:sie|du|ihr) (?:mir|uns) (?:\w+ ){0,2}?(?:weiter)?helfen",
    r"(?:k[öo]nnen|k[öo]nnten) wir (?:\w+ ){0,5}?(?:besprechen|bereden|reden|sprechen|treffen"
    r"|vereinbaren|ausmachen|[üu]berlegen|telefonieren|kl[äa]ren|festlegen|abstimmen)\b",
    r"wir k[öo]nnen (?:\w+ ){0,5}?(?:besprechen|bereden|reden|sprechen|treffen|telefonieren)\b",
    r"(?:hast du|haben sie|habt ihr|h[äa]tten sie|h[äa]ttest du|h[äa]ttet ihr)"
    r" (?:\w+ ){0,2}?zeit\b",
    r"sag(?:st|t)? (?:mir|uns) (?:\w+ )?bescheid",
    r"freue(?:n)? (?:mich|uns)(?: schon)?(?: auf (?:ihre|deine|eure) (?:\w+ )?(?:r[üu]ckmeldung"
    r"|antwort|nachricht)|,? von (?:ihnen|dir|euch) zu h[öo]ren)",
    # a wish to meet or talk, in any word order: "würde ich mich gerne mit euch treffen",
    # "dass wir uns gerne nächsten Dienstag zusammensetzen würden"
    r"(?:(?:ich|wir) w[üu]rde(?:n)?|w[üu]rde(?:n)? (?:ich|wir)|(?:ich|wir) m[öo]chte(?:n)?"
    r"|m[öo]chte(?:n)? (?:ich|wir)) (?:[\w.-]+ ){0,6}?gern(?:e)?,? (?:[\w.,-]+ ){0,6}?(?:treffen"
    r"|besprechen|zusammensetzen|telefonieren|sprechen|kl[äa]ren|vereinbaren|ausmachen"
    r"|festlegen|buchen|reservieren|bestellen|abstimmen|anrechnen)\b",
    r"gern(?:e)? (?:[\w.-]+ ){0,6}?(?:treffen|besprechen|zusammensetzen|telefonieren|sprechen)"
    r" (?:w[üu]rde(?:n)?|m[öo]chte(?:n)?)\b",
    r"(?:es ist|ist es) (?:sehr |besonders |ganz )?wichtig,? da(?:ss|ß) (?:sie|du|ihr)\b",
    r"(?:sagt|gebt) (?:mir|uns) (?:\w+ )?bescheid", r"meldet euch",
    # English
    r"(?<!to )(?<!sure to )please", r"pls", r"plz", r"kindly", r"could you", r"can you",
    r"would you", r"will you",
    r"could we", r"can we", r"shall we", r"should we", r"would it be possible",
    r"is it possible", r"we need", r"i need", r"we would need", r"need you to", r"want you to",
    r"(?:we|i) (?:still |urgently |really |also |just |now )(?:need|require)(?! to\b)",
    r"(?:we|i)(?:'re| are|'m| am) (?:still )?waiting (?:for|on) (?:your|the|a|an)\b",
    r"awaiting your (?:reply|response|feedback|confirmation|answer)",
    # "The account for Tom is still missing", "We haven't received the invoice yet"
    r"(?:is|are) still missing",
    r"(?:haven't|have not|hasn't|has not) received (?:[\w'.-]+ ){0,4}?yet",
    r"like you to", r"let me know", r"let us know", r"lmk", r"let's",
    r"lets (?:meet|get|talk|discuss|schedule|plan|have|do|go)",
    r"(?:i|we)(?:'d| would) appreciate", r"appreciate it if",
    r"(?:i|we)(?:'d| would) like to (?:meet|schedule|invite|discuss|talk|set up|get|ask|see)",
    r"(?:i|we)(?:'d| would) like (?:a|an|some|the|\d+)\b", r"(?:i|we)(?:'d| would) love to",
    r"don't forget", r"do not forget", r"remember to", r"be sure to", r"why don't you",
    r"would be (?:great|helpful|useful|best|good|nice|appreciated)", r"(?:i|we) (?:would )?suggest",
    r"interested in (?:talking|meeting|discussing|hearing)",
    r"feel free to", r"don't hesitate", r"do not hesitate", r"give (?:me|us) a (?:call|ring|shout)",
    r"call me", r"call us", r"email me", r"e-mail me", r"send (?:me|us)", r"forward (?:me|us)",
    r"get back to (?:me|us)", r"reply (?:to|with)", r"please confirm", r"rsvp",
    r"are you (?:available|free|around|able|interested|going|coming|ok|okay)",
    r"would you be", r"would you like", r"do you want to",
    r"want to (?:meet|grab|get together|join)", r"join (?:me|us)", r"invite you", r"you should",
    r"you need to", r"you must", r"need to (?:talk|discuss|meet|schedule)", r"go ahead and",
)  # fmt: skip

# Imperatives at the start of a sentence (after an optional "Hi Max," / "Max:") ask for action.
IMPERATIVE = (
    r"give", r"send", r"call", r"check", r"join", r"use", r"go", r"try", r"tell", r"forward",
    r"contact", r"remember", r"schedule", r"set up", r"pick", r"reply", r"review", r"ask",
    r"come", r"get", r"make", r"visit", r"download", r"talk", r"note", r"keep", r"bring",
    r"book", r"fill", r"sign", r"don't forget", r"let(?! me\b)", r"install", r"restart",
    r"reboot",
    r"schick", r"ruf", r"gib", r"sag", r"melde dich", r"pr[üu]f", r"schau",
    r"(?:schicken|senden|pr[üu]fen|rufen|melden|geben|sagen|teilen|schauen|lassen|richten|"
    r"installieren|starten|legen|tragen|leiten|informieren|best[äa]tigen|kontaktieren|beachten|"
    r"nehmen|setzen|stellen|erstellen|l[öo]schen|[äa]ndern|aktualisieren|buchen|planen|"
    r"schalten|[üu]berpr[üu]fen|veranlassen|pflegen|sperren|entsperren) sie",
)  # fmt: skip

# Verbs that open a question or a condition, not a polite imperative ("Haben Sie Fragen, …").
_NOT_IMPERATIVE = (
    r"haben", r"hatten", r"h[äa]tten", r"sind", r"waren", r"w[äa]ren", r"werden", r"w[üu]rden",
    r"wissen", r"wussten", r"k[öo]nnen", r"konnten", r"k[öo]nnten", r"m[üu]ssen", r"mussten",
    r"m[üu]ssten", r"sollen", r"sollten", r"d[üu]rfen", r"durften", r"d[üu]rften", r"wollen",
    r"wollten", r"m[öo]gen", r"m[öo]chten", r"kennen", r"finden", r"meinen", r"denken",
    r"glauben", r"brauchen", r"ben[öo]tigen", r"wenn", r"falls", r"danken", r"entschuldigen",
    r"stehen", r"sehen", r"verstehen", r"erinnern",
)  # fmt: skip

# Indirect questions anywhere in a sentence: "Da ich …, wollte ich Sie fragen, ob …".
QUESTION_ANYWHERE = (
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
)  # fmt: skip

# Sentences that start like this ask something even without a question mark.
QUESTION_START = (
    r"ich frage mich", r"wissen sie(?:,)? ob", r"wei[ßs]t du(?:,)? ob", r"gibt es",
    r"ich wollte (?:mal |noch )?(?:nach)?fragen", r"ich wollte (?:sie|dich|euch) fragen",
    r"ich m[öo]chte (?:mal |noch )?(?:nach)?fragen", r"ich wollte mich erkundigen",
    r"(?:[^.!?]* )?(?:bin ich mir|ich bin mir) (?:\w+ )?(?:nicht|un)(?: mehr| ganz)? ?sicher,?"
    r" (?:ob|wie|wann|welche\w*|was|wo|wer)\b",
    r"(?:nun |jetzt |also |und )?meine frage(?: ist| w[äa]re| lautet)?", r"ist es m[öo]glich",
    # a German yes/no question may lose its "?"; with a comma it is a condition ("Haben Sie
    # Fragen, rufen Sie an")
    r"(?:haben|hatten|hast|habt|ist|sind|wissen|wei[ßs]t|wisst|gibt|wird|werden|hat|kennen"
    r"|kennst) (?:sie|du|ihr|es|das|der|die|den)\b(?![^,]*,)",
    r"i wonder", r"i was wondering", r"any (?:idea|update|news|thoughts)", r"do you know",
    r"wondering if", r"is there any",
)  # fmt: skip

TODO = (
    # German
    r"ich werde", r"wir werden", r"ich melde mich", r"wir melden uns", r"ich k[üu]mmere mich",
    r"wir k[üu]mmern uns", r"k[üu]mmere mich", r"ich schaue mir", r"ich sehe mir",
    r"ich pr[üu]fe", r"wir pr[üu]fen", r"ich schicke", r"wir schicken", r"ich sende",
    r"wir senden", r"ich rufe", r"ich kl[äa]re", r"wir kl[äa]ren",
    # "Ich schaue es mir morgen an" (not "Ich sehe es an der Meldung")
    r"(?:ich|wir) (?:schaue|sehe|schauen|sehen) (?:es|das|sie|ihn) (?:mir |uns )?"
    r"(?:[\w.-]+ ){0,3}?an(?=\s*(?:[.,;!?]|und\b|$))",
    r"ich (?:gebe?|sage?) (?:ihnen|dir|euch) (?:\w+ )?bescheid",
    r"(?:frag|schau|ruf|mach|schick|kl[äa]r|pr[üu]f)(?:e)? ich\b(?! mich\b)",
    r"erledige ich", r"mache ich", r"machen wir", r"ich [üu]bernehme", r"[üu]bernehme ich",
    r"ich setze mich", r"wir setzen uns", r"ich trage", r"ich richte", r"wir richten",
    r"werde ich", r"werden wir", r"melde ich mich", r"melden wir uns", r"schicke ich",
    r"sende ich", r"rufe ich", r"ich ruf(?:e)? (?:sie |dich |euch )?(?:\w+ ){0,3}an",
    r"ich werd", r"ich versuch(?:e)?",
    r"(?:erhalten|bekommen) sie (?:\w+ ){0,2}(?:von mir|von uns|meine|unsere|unser)\b",
    r"ich kann (?:ihnen |dir |euch )?(?:(?!nicht\b|kein)[\w.-]+ ){0,5}(?:schicken|senden|machen"
    r"|erledigen|einrichten|vorbeikommen|vorbeischauen|installieren|anlegen|freischalten"
    r"|nachsehen|nachschauen|nachfragen|pr[üu]fen|anrufen|vorbeibringen|mitbringen|besorgen)",
    r"ich erledige", r"wir erledigen", r"ich mache (?:das|es)\b",
    r"(?:muss|m[üu]ssen) (?:ich|wir) (?:[\w.-]+ ){0,4}?noch\b", r"(?:ich|wir) m[üu]ss(?:e|en) noch",
    r"(?:mich|uns) (?:gerne |gern )?(?:\w+ )?darum k[üu]mmern",
    # verb first, subject dropped: "Werde das morgen weitergeben", "Meld mich heute Abend"
    r"^\W*(?:werde|schicke|sende|melde|meld|frage|kl[äa]re|pr[üu]fe|rufe|k[üu]mmere|gebe|leite"
    r"|bringe|besorge|mache)(?= (?!sie\b|ihr\b|du\b|an\b))",
    r"(?:ich )?bem[üu]he mich", r"komme (?:ich )?(?:\w+ )?auf (?:sie|dich|euch) zu",
    r"komm(?:e|en|t) (?:[\w.:-]+ ){0,5}?vorbei",
    # first person, present tense, a time ahead: "wir spielen das Update heute Abend ein"
    r"(?:ich|wir) (?!(?:habe|haben|bin|sind|war|waren|hatte|hatten|kann|k[öo]nnen|muss"
    r"|m[üu]ssen|soll|sollen|darf|d[üu]rfen|m[öo]chte|m[öo]chten|will|wollen|freue|freuen"
    r"|hoffe|hoffen|denke|denken|glaube|glauben|wei[ßs]|wissen|finde|finden|meine|meinen"
    r"|arbeite|arbeiten|wohne|wohnen"  # states and opinions, no promise
    r"|sie|die|den|der|des|eine|einen|ihnen|ihre|ihren|diese|diesen|seine|keine|keinen|gerne"
    r"|leider|schon|noch|eben|ebenso|ohne|alle|allen|beide|beiden)\b)(?:\w+(?:e|en)|schreib"
    r"|schick|ruf|meld|frag|mach|schau|sag|geb|bring|komm|probier|versuch|kl[äa]r|pr[üu]f)"
    # "seit heute Morgen", "heute früh": the past, not a plan
    r" (?:[\w.-]+ ){0,4}?(?<!seit )(?<!seit dem )(?:noch heute|heute(?! (?:morgen|früh)\b)"
    r"|morgen|gleich|sofort|nachher|sp[äa]ter"
    r"|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|wochenende)"
    r"|n[äa]chste woche|bis (?:morgen|montag|dienstag|mittwoch|donnerstag|freitag|ende))\b",
    r"(?:ich leite|wir leiten|ich gebe|wir geben) (?:[\w.-]+ ){0,5}?weiter",
    r"(?:folgt|folgen) (?:separat|in k[üu]rze|morgen|noch|sp[äa]ter|demn[äa]chst|umgehend)\b",
    r"(?:erhalten sie|sie erhalten) (?:\w+ )?(?:in k[üu]rze|morgen|zeitnah|demn[äa]chst"
    r"|noch heute|bald)\b",
    # English
    r"i will", r"i'll", r"i shall", r"we will", r"we'll", r"we shall", r"i am going to",
    r"i'm going to", r"we are going to", r"we're going to", r"i'm gonna", r"will do",
    r"let me (?:check|look|see|find|get|know|take|ask|follow)",
    r"i can (?:send|do|get|take|check|call|set up|schedule)",
    r"i plan to", r"we plan to", r"i intend to", r"i'll get back", r"i promise",
    r"i'm on it", r"on it\b", r"i'll take care", r"i will take care", r"i'll handle",
    r"(?:i|we)(?:'m| am|'re| are) (?:currently |now |still |already )?(?:checking|looking into"
    r"|working on|investigating|following up|preparing|arranging|setting up|organi[sz]ing)\b",
    r"i will handle", r"i'm taking over", r"i am taking over",
)  # fmt: skip

# German puts "nicht" after the subject: "funktioniert der Drucker im 2. OG nicht".
_UP_TO_6_WORDS = r"(?:\s+[\w.-]+){0,6}?\s+"
BLOCKER = (
    rf"(?:funktioniert|funktionieren|geht|gehen|l[äa]uft|laufen|startet|starten|druckt|reagiert"
    rf"|schlie[ßs]t|schlie[ßs]en|heizt|k[üu]hlt|sp[üu]lt|zieht|schaltet"
    rf"|l[äa]dt|laden|[öo]ffnet|[öo]ffnen|speichert|synchronisiert|verbindet|bootet|klappt"
    rf"|klingelt|klingeln|scannt|scannen)"
    rf"{_UP_TO_6_WORDS}(?:nicht|nicht mehr|gar nicht|kein\w* (?:[\w-]+ ){{0,2}}?mehr)",
    # "Das Problem besteht weiterhin", "Leider tritt der Fehler immer noch auf"
    r"(?:problem|fehler|st[öo]rung)\w* (?:\w+ ){0,2}?(?:besteht|bestehen) (?:\w+ )?(?:weiterhin"
    r"|immer noch|noch immer|nach wie vor|weiter|fort)\b",
    r"(?:tritt|treten) (?:[\w.-]+ ){0,4}?(?:fehler|problem|st[öo]rung)\w* (?:[\w.,-]+ ){0,4}?auf\b",
    r"(?:fehler|problem|st[öo]rung)\w* (?:tritt|treten) (?:[\w.,-]+ ){0,5}?auf\b",
    r"(?:kommt|kommen) (?:[\w.-]+ ){0,4}?nicht (?:mehr )?an\b", r"flacker[nt]",
    r"(?:zeigt|meldet|bringt|wirft) (?:[\w.-]+ ){0,3}?(?:den |einen |die |eine )?(?:fehler"
    r"|fehlercode|st[öo]rung)\w*",
    r"f[äa]hrt (?:[\w.-]+ ){0,3}?nicht (?:mehr )?(?:hoch|runter)\b",
    r"schlie[ßs]t sich (?:einfach|st[äa]ndig|immer wieder|von selbst|pl[öo]tzlich)\b",
    r"(?:erreiche|erreichen) (?:[\w.-]+ ){0,5}?(?:nicht|niemand\w*)\b",
    r"(?:konto|account|benutzer\w*|zugang|passwort|kennwort|zertifikat|lizenz) (?:[\w.]+ ){0,2}?"
    r"(?:gesperrt|abgelaufen) (?:ist|sind|wurde|wurden)\b",
    r"(?:ist|sind|wird|werden) (?:[\w.:-]+ ){0,2}?nicht (?:mehr )?(?:verbunden|erkannt|gefunden"
    r"|angezeigt|geladen|gespeichert|synchronisiert|zugestellt|gedruckt)",
    r"(?:ich|wir) komm(?:e|en) (?:[\w.-]+ ){0,3}?nicht (?:mehr )?(?:rein|auf|an|in|ins)\b",
    r"(?:komm(?:t|en)|kam|kamen) (?:seit [\w.]+ )?(?:einfach |leider |aber )?kein\w*"
    r" (?:[\w-]+ ){1,2}?(?:mehr )?an",
    r"(?:konto|account|benutzer\w*|zugang|passwort|kennwort|zertifikat|lizenz)"
    r" (?:ist|wurde|sind|wurden) (?:[\w.]+ ){0,2}?(?:gesperrt|abgelaufen)",
    r"brich(?:t)? (?:[\w.]+ ){0,3}?ab", r"brechen (?:[\w.]+ ){0,3}?ab", r"papierstau",
    r"zugriff verweigert", r"access denied", r"permission denied",
    r"ausfall", r"ausgefallen", r"kein(?:en)? zugriff", r"kein(?:en)? zugang", r"blockiert",
    r"steht still", r"stillstand", r"nicht erreichbar", r"startet nicht", r"l[äa]sst sich nicht",
    r"kaputt", r"defekt", r"abgest[üu]rzt", r"st[üu]rz(?:t|en) (?:\w+ ){0,3}?ab",
    r"fehlermeldung",
    # service-desk faults: "druckt nur noch leere Seiten", "Das Backup ist fehlgeschlagen",
    # "Wir haben weiterhin Probleme mit dem WLAN" (not "keine Probleme")
    r"(?:druckt|drucken|startet|starten|l[äa]uft|laufen|l[äa]dt|laden|[öo]ffnet|zeigt|zeigen"
    r"|funktioniert|funktionieren|reagiert|synchronisiert|verbindet)(?: [\w.-]+){0,2}? nur noch",
    r"fehlgeschlagen", r"fehlschl[äa]gt", r"fehlschlagen", r"schl[äa]gt (?:[\w.-]+ ){0,3}?fehl",
    r"schlug (?:[\w.-]+ ){0,3}?fehl",
    r"(?:haben|hatten|habe|gibt es|gab es) (?:(?!keine\b|kein\b|keinerlei\b)[\w.-]+ ){0,2}?"
    r"(?:probleme|schwierigkeiten) mit",
    # "Zwei Laptops melden aber weiterhin „Zertifikat ungültig“": an error that persists
    r"(?:meldet|melden|zeigt|zeigen|bringt|bringen|wirft|werfen)(?: aber| jedoch| leider| uns)*"
    r" (?:weiterhin|immer noch|noch immer|nach wie vor|st[äa]ndig|dauernd|immer wieder)"
    r"(?= [„\"'»]| (?:die|eine|den|einen) (?:\w+)?(?:meldung|fehler))",
    r"(?:still|keeps?) (?:shows?|showing|reports?|reporting|gives?|giving|throws?|throwing)"
    r"(?= [\"'“]| (?:an?|the|this|that) (?:\w+ )?(?:error|warning|message|fault))",
    r"komm(?:e|en) (?:ich |wir )?(?:so |damit |hier |leider )*nicht (?:mehr )?weiter",
    r"(?:es (?:ist|war)|(?:ist|war) es) (?:mir|uns) (?:leider |aber |jedoch )?"
    r"(?:nicht|nicht mehr|kaum) m[öo]glich",
    r"fehler (?:\w+ ){0,2}?(?:passiert|unterlaufen)", r"abgebrochen",
    r"(?:da(?:ss|ß)|weil|da|seit|obwohl) (?:[\w.-]+ ){0,6}?(?:nicht|nicht mehr|gar nicht)"
    r" (?:richtig )?(?:funktioniert|funktionieren|geht|gehen|l[äa]uft|laufen|klappt|startet"
    r"|druckt|reagiert)\b",
    r"h[äa]ng(?:t|en) sich (?:\w+ ){0,3}?auf", r"frier(?:t|en) (?:\w+ ){0,3}?ein",
    # "ich kann mich seit heute nicht mehr anmelden", "wir können keine Mails senden"
    r"k(?:ann|[öo]nn(?:en|e|t|st|te|ten)?|onnte(?:n|st)?) (?:[\w.-]+ ){0,6}?(?:nicht|keine?\w*)"
    r"(?: [\w.-]+){0,4}?"
    r" (?:anmelden|einloggen|drucken|[öo]ffnen|speichern|zugreifen|verbinden|senden|versenden"
    r"|verschicken|empfangen|abrufen|starten|arbeiten|scannen|telefonieren|finden|eintragen"
    r"|erreichen|installieren|hochladen|herunterladen|aufrufen|einsehen|bezahlen|buchen)",
    r"(?:ist|sind|war|waren) (?:[\w().]+ ){0,4}?nicht (?:mehr )?m[öo]glich(?![^.!]*\?)",
    r"(?:niemand|keiner) (?:\w+ ){0,3}?(?:weiter)?helfen", r"\w*exception",
    r"(?:antwortet|antworten|meldet sich|melden sich) (?:[\w.-]+ ){0,4}?(?:nicht|nie)\b",
    r"(?:nicht|nie) (?:mehr )?(?:antwortet|antworten|zur[üu]ckruft|zur[üu]ckrufen)\b",
    r"(?:ich habe|wir haben|habe|haben|es gibt) (?:ein|folgendes|einen) (?:gro[ßs]es )?"
    r"(?:problem|fehler)",
    # "Wir haben das Problem, dass …" (not "Wir haben das Problem an den Hersteller eskaliert")
    r"(?:ich habe|wir haben|habe|haben|es gibt) (?:das|den) (?:gleiche |selbe |gro[ßs]e )?"
    r"(?:problem|fehler)(?:,? (?:da(?:ss|ß)|mit|beim|bei|seit|wieder|immer noch|noch immer|noch)\b"
    r"|(?=\W*$))",
    r"(?:habe|haben|hat|hatte|hatten) (?:[\w.-]+ ){0,3}?(?:das gleiche|dasselbe|das selbe"
    r"|ein [äa]hnliches|immer noch das|noch immer das) problem",
    r"problem mit", r"kein(?:en)? \w*(?:zugang|zugriff)",
    r"(?:ein|eine|einen|der|die|das) (?:\w+ )?(?:fehler|problem|st[öo]rung|leck|defekt|schaden)"
    r"(?: \w+)? (?:ist |sind )?aufgetreten", r"(?:das|ein) problem,? da(?:ss|ß)",
    r"(?:mein|unser) (?:\w+ )?problem (?:ist|besteht)\b",
    r"unterst[üu]tzt \w+(?: \w+)? nicht",
    r"(?:bekomme|bekommen|erhalte|erhalten|bekomm|krieg|kriege) (?:\w+ )?kein(?:e|en)?"
    r" (?:\w+ )?(?:antwort"
    r"|r[üu]ckmeldung|zugang|verbindung|signal|empfang|netz)\b",
    r"mangelhaft", r"erreiche (?:ich )?(?:\w+ )?niemand(?:en)?",
    r"(?:ist|sind) (?:leider )?nicht (?:korrekt|richtig|in ordnung)\b(?![^.!]*\?)",
    r"(?:is|are|was|were|went|goes|been|still|it's|is still) down", r"down since", r"outage",
    r"cannot", r"can't", r"can not", r"unable to", r"not working", r"doesn't work",
    r"does not work", r"don't work", r"isn't working", r"stopped working", r"blocked",
    r"blocking", r"broken", r"crash(?:es|ed|ing)?", r"no access",
    r"keeps? (?:crashing|freezing|hanging|dropping|disconnecting)", r"locked out",
    r"(?:account|user|login|password) (?:is|has been|was|got) (?:locked|expired|disabled)",
    r"(?:is|are) (?:not|no longer) accessible", r"inaccessible",
    r"(?:is|are|were|was) not (?:coming|going|getting) through",
    r"(?:nobody|no one|none of us|none of them) (?:[\w-]+ ){0,3}?can (?!you\b)\w+",
    r"(?:getting|get|got|seeing|see|receiving|receive) (?:an|this|the following|the same)"
    r" error",
    # help-desk faults from a check list of our own (Parakweet and BC3 hardly report faults)
    r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )won'?t (?:start|print|open|load|connect|work|boot"
    r"|turn on|sync|save|scan|respond)",
    r"(?:error|problem|issue|fault)s?(?: message)? (?:still )?(?:persists?|occurs?|appears?|is back"
    r"|came back)",
    r"no longer (?:works?|working|rings?|prints?|starts?|connects?|responds?|syncs?)",
    # "Last night's backup failed again", "We are still having problems with the wifi"
    r"(?:backup|sync|synchroni[sz]ation|update|job|import|export|replication|login|log-in"
    r"|installation|upgrade|migration|transfer|print job)s? (?:[\w'.-]+ ){0,2}?(?:failed|fails"
    r"|failing)",
    r"(?:is|are|am|'re|'m) (?:still )?(?:having|experiencing) (?:[\w.-]+ )?(?:problems|issues"
    r"|trouble) with",
    r"still (?:have|has) (?:[\w.-]+ )?(?:problems|issues|trouble) with",
    r"only (?:prints?|shows?|displays?|loads?) (?:blank|empty|white|black)",
    r"only (?:starts?|boots?|runs?) in safe mode",
    r"(?:is|are|isn't|aren't) (?:not |no longer )?(?:being )?(?:recogni[sz]ed|detected|arriving"
    r"|syncing|loading|responding)\b",
    r"(?<!if )nothing happens",
    r"(?:password|account|licen[cs]e|certificate|subscription|token) (?:\w+ )?(?:has|have)"
    r" expired",
    r"(?:freezes|froze)\b|(?:is|are|has|have|got|keeps?) (?:frozen|freezing)",
    r"(?:flicker(?:s|ing)|keeps? (?:rebooting|restarting|logging (?:me|us) out))",
    r"(?:we|i|we're|i'm|we are|i am) (?:still )?(?:having|have|get|getting|got|keep getting|see"
    r"|seeing) (?:an?|the same|this|some) (?:\w+ )?(?:issue|problem|error)s?\b",
    r"(?:connection|network|vpn|wi-?fi|call)s? (?:keeps? )?drop(?:s|ping)?\b",
    r"(?:have|had|has|there is|there's|with) no (?:internet|network|connection|power|signal"
    r"|dial tone|email)\b",
    r"shows? (?:an? |the )?error\b", r"(?:just|keeps?) clos(?:es|ing)\b",
)  # fmt: skip

ESCALATION = (
    r"dringend", r"kritisch", r"eskalier\w*", r"eskalation", r"inakzeptabel", r"unzumutbar",
    r"so schnell wie m[öo]glich", r"schnellstm[öo]glich", r"umgehend", r"sofort",
    r"urgent(?:ly)?", r"asap", r"a\.s\.a\.p", r"critical", r"not acceptable", r"unacceptable",
    r"escalat\w*", r"immediately", r"as soon as possible", r"top priority",
    # chasing: still waiting, asking again and again, annoyed
    r"(?:wir|ich) warte(?:n)? (?:jetzt |nun |schon |bereits )*(?:immer noch|noch immer"
    r"|seit (?:\w+ ){0,2}(?:tagen|wochen|woche|monaten))",
    r"(?:dritte|vierte|f[üu]nfte|x-te|wiederholte)n? mal", r"hohe[rn]? priorit[äa]t",
    r"h[öo]chste[rn]? priorit[äa]t", r"ver[äa]rgert", r"entt[äa]uscht",
    r"(?:still|been) waiting", r"waiting (?:for )?(?:\w+ ){0,2}(?:days|weeks)",
    r"(?:third|fourth|fifth) time", r"asked (?:several|multiple|many) times",
    r"high(?:est)? priority", r"frustrat\w+",
)  # fmt: skip

RESOLUTION = (
    r"erledigt", r"ist behoben", r"wurde behoben", r"sind behoben", r"behoben",
    r"funktioniert wieder", r"funktionieren wieder", r"l[äa]uft wieder", r"laufen wieder",
    r"geht wieder", r"ist eingerichtet", r"wurde eingerichtet", r"sind eingerichtet",
    r"hat geklappt", r"hat funktioniert", r"danke,? passt", r"passt so", r"alles klar,? danke",
    r"kann geschlossen werden", r"k[öo]nnen (?:das ticket |den fall )?schlie[ßs]en",
    r"ticket (?:kann|darf) geschlossen", r"problem ist gel[öo]st", r"ist gel[öo]st",
    r"passt (?:jetzt|wieder|alles)(?! nicht| gar nicht)",
    r"(?:problem|fehler|st[öo]rung) (?:ist |wurde )?(?:gel[öo]st|behoben)",
    r"alles (?:gut|bestens|klar)(?: jetzt)?,? danke",
    r"danke,? (?:klappt|geht|funktioniert|l[äa]uft)(?! nicht)",
    r"klappt (?:jetzt|wieder)(?! nicht)", r"(?:funktioniert|geht|l[äa]uft) jetzt(?! nicht)",
    r"jetzt (?:funktioniert|geht|l[äa]uft|klappt) (?:es|alles|er|sie|das|wieder)(?! nicht)",
    r"hat sich erledigt", r"hat sich er[üu]brigt",
    r"(?:ist|sind) wieder (?:online|erreichbar|verf[üu]gbar|da|in ordnung)",
    r"(?:kommt|kommen) (?:jetzt |nun )?wieder an",
    r"(?:das|es) hat (?:sehr |wirklich |super )?geholfen",
    r"passt,? danke",
    r"(?:ist|wird|sind|werden) nicht mehr (?:n[öo]tig|erforderlich|ben[öo]tigt)",
    r"works now", r"working now",
    r"(?:is|are) back (?:online|up|to normal)", r"up and running again",
    r"(?:that|this|it) (?:has )?(?:helped|did the trick|solved it)",
    r"(?:is|are) working (?:fine |properly |perfectly )?(?:again|now)",
    r"(?:coming through|arriving) again",
    r"is working again", r"works again", r"fixed", r"resolved",
    r"all sorted", r"sorted now", r"(?:we are|we're|i am|i'm) (?:all )?good now",
    r"no longer (?:needed|required|an issue|a problem)",
    r"works? (?:like a charm|fine|perfectly|great) now",
    r"that's all we needed", r"that is all we needed", r"all good now", r"all set",
    r"you can close", r"can be closed", r"feel free to close", r"problem solved",
    r"is done", r"has been done", r"is sorted",
)  # fmt: skip

# Sending with this very mail is done, not promised ("Im Anhang schicke ich Ihnen …").
SENT_NOW = (
    r"(?:schicke|sende|[üu]bersende|schicken|senden|[üu]bersenden|leite|leiten)\b[^.!?]*?"
    r"\b(?:im anhang|anbei|hiermit|hier mit|beigef[üu]gt|in der anlage|in einem anhang)",
    r"(?:im anhang|anbei|hiermit|beigef[üu]gt|in der anlage)\b[^.!?]*?\b(?:schicke|sende"
    r"|[üu]bersende|schicken|senden|[üu]bersenden)",
)  # fmt: skip

# Said like a promise, meant as a shrug.
NO_PROMISE = (
    r"wir werden sehen", r"(?:ich|wir) werden? (?:es )?(?:ja )?sehen", r"mal sehen",
    r"we(?:'ll| will) see",
    # a hedge is a guess about the future, not a commitment ("ich werde hoffentlich im Sommer …")
    r"(?:werde|werden|werd) (?:ich |wir )?(?:\w+ )?(?:hoffentlich|wahrscheinlich"
    r"|h[öo]chstwahrscheinlich|vermutlich)",
    r"(?:hoffentlich|wahrscheinlich|h[öo]chstwahrscheinlich|vermutlich) (?:werde|werden|werd)",
)  # fmt: skip

# A person away is no fault: "Frau Kern ist im Urlaub und nicht erreichbar".
ABSENCE = (
    r"urlaub", r"abwesend", r"abwesenheit\w*", r"verreist", r"krank", r"au[ßs]er haus",
    r"elternzeit", r"nicht im (?:haus|b[üu]ro)",
    r"on (?:holiday|vacation|leave)", r"out of (?:the )?office", r"away until",
)  # fmt: skip

# A resolution cue preceded by one of these is no resolution ("noch nicht erledigt").
NEGATION = (
    r"nicht", r"noch nicht", r"kein", r"keine", r"not", r"never", r"isn't", r"hasn't",
    r"wasn't", r"haven't", r"aren't", r"weren't", r"nie", r"niemals",
)  # fmt: skip

TAKEOVER = (
    r"ich [üu]bernehme", r"[üu]bernehme ich", r"ich k[üu]mmere mich", r"k[üu]mmere mich",
    r"ich bin (?:ab (?:sofort|jetzt|heute) |jetzt |nun )?(?:ihr )?"
    r"(?:zust[äa]ndig|ansprechpartner(?:in)?)",
    r"ich bin (?:ab (?:sofort|jetzt|heute) |jetzt |nun )?f[üu]r (?:sie|euch|dich) zust[äa]ndig",
    r"bin ich (?:jetzt |nun )?(?:ihr |ihre |euer |eure )?(?:zust[äa]ndig|ansprechpartner(?:in)?)",
    r"ich vertrete \w+", r"vertrete ich \w+",
    r"(?:i am|i'm) covering for", r"i(?:'ll| will) be covering for",
    r"(?:i am|i'm) (?:now )?your (?:new )?(?:contact|point of contact)",
    r"in vertretung (?:von|f[üu]r)", r"i'll take care", r"i will take care", r"i'm taking over",
    r"i am taking over", r"i'll take over", r"i will take over", r"i'll handle", r"i will handle",
    r"i'm (?:now )?(?:handling|responsible)", r"i am (?:now )?(?:handling|responsible)",
    r"i'll be your (?:new )?(?:contact|point of contact)",
    r"i(?:'ve| have) taken (?:this |it |the ticket |the case )?over",
    r"i(?:'m| am) taking (?:this|it) over", r"let me take (?:this|it|over)\b",
    r"i(?:'ll| will) take it from here", r"i(?:'ll| will) be looking after",
    r"i(?:'ll| will) look after (?:this|it|you|your)\b",
    # "Ich habe das Ticket von Herrn Weber übernommen" (not "die Kosten übernommen")
    r"(?:ich habe|habe ich) (?:das ticket|ihr ticket|den fall|den vorgang|die betreuung"
    r"|ihre anfrage|die anfrage|das thema)(?: [\w.-]+){0,4}? [üu]bernommen",
)  # fmt: skip

# A promise whose object is only "it": "I'll take care of it", "Ich kümmere mich darum" takes on
# what the mail it answers asked for.
_ON_IT = r"(?:take care of|look into|look at|check|handle|deal with|sort out|fix|see to)"
PROMISE_ON_IT = (
    rf"(?:i|we)(?:'ll| will|'m going to| am going to| are going to) (?:\w+ )?{_ON_IT}"
    r" (?:it|this|that)",
    rf"let me {_ON_IT} (?:it|this|that)",
    r"(?:ich|wir) k[üu]mmern? (?:mich|uns) (?:\w+ ){0,2}?(?:darum|drum|um das|um die sache)",
    r"k[üu]mmern? (?:ich|wir) (?:mich|uns) (?:\w+ ){0,2}?(?:darum|drum)",
    r"(?:ich|wir) (?:schaue|schauen|sehe|sehen) (?:mir |uns )?(?:das|es|die sache)"
    r" (?:\w+ ){0,4}?an",
    r"(?:ich|wir) (?:erledige|erledigen|pr[üu]fe|pr[üu]fen|kl[äa]re|kl[äa]ren|übernehme|übernehmen)"
    r" (?:das|es|die sache)",
)  # fmt: skip

# A date put forward for the reader's yes ("Unser Vorschlag: Samstag, 05.12.") asks, it neither
# promises nor sets a deadline.
PROPOSAL = (
    r"(?:unser|mein) (?:terminvorschlag|vorschlag)", r"terminvorschlag", r"vorschlag:",
    r"(?:ich|wir) schlagen? (?:[\w.,-]+ ){0,6}?vor",
    r"schlagen? (?:ich|wir) (?:[\w.,-]+ ){0,6}?vor",
    r"wie w[äa]re es mit", r"w[äa]re (?:ihnen|euch|dir) [\w.,-]+ (?:[\w.,-]+ )?recht",
    r"(?:we|i) (?:would )?(?:suggest|propose)",
    r"(?:our|my) (?:suggestion|proposal) (?:is|would be)",
    r"how about", r"what about", r"would [\w.,-]+ (?:[\w.,-]+ )?(?:work|suit) for you",
)  # fmt: skip

# What the fault looks like, said right after it ("Die Fehlermeldung lautet …", "The error
# says …"): a detail of that blocker, not a second one.
FAULT_DETAIL = (
    r"(?:die |als |folgende )?(?:fehler)?meldung(?: lautet| ist| war|:)",
    r"(?:der )?fehlercode(?: lautet| ist| war|:)",
    r"es (?:erscheint|kommt|steht) (?:dann |immer |nur )?(?:die |eine |folgende |der )?"
    r"(?:fehler)?(?:meldung|fehler|hinweis)",
    r"(?:angezeigt wird|auf dem (?:bildschirm|display) steht)",
    r"(?:the )?error(?: message| code)?(?: is| says| reads| was|:)",
    r"(?:the )?message (?:says|reads|is)", r"(?:it|the screen|the display) (?:says|shows|reads)",
    r"(?:we|they|i|users?) (?:get|see|receive) (?:the |this |an |the following )?(?:error|message)",
)  # fmt: skip

# A greeting or closing names people, it says nothing: a few words ("Dear Mr. and Mrs. Smith",
# "Viele Grüße aus Berlin, Max"), never a clause ("Hey call me when you're on the net").
def _few_words(n: int) -> str:
    return rf"(?:[\s,]+(?:dr|hr|fr|mr|mrs|ms|prof)\.|[\s,-]+[^\s.!?,:;]+){{0,{n}}}"


# Whole sentences that carry no content: greetings, closings, thanks alone.
IGNORE = (
    r"(?:hallo|hi|hey|moin|servus|(?:sch[öo]nen )?guten (?:tag|morgen|abend)|liebe[rs]?"
    r"|sehr geehrte[rs]?"
    rf"|dear|hello|good (?:morning|afternoon|evening))\b{_few_words(5)}[,!.:]?",
    r"(?:mit )?(?:freundlichen|besten|viele[n]?|liebe[n]?|sch[öo]ne[n]?|herzliche[n]?)"
    rf" gr[üu](?:ß|ss)e?n?\b{_few_words(6)}",
    rf"(?:mfg|lg|vg|bg|gru(?:ß|ss)|ciao|tsch[üu]ss)\b{_few_words(4)}",
    r"(?:vielen |herzlichen |besten |tausend )?dank(?:e)?(?: (?:sch[öo]n|sehr|im voraus|vorab|"
    r"f[üu]r (?:ihre|deine|eure) (?:hilfe|r[üu]ckmeldung|m[üu]he|antwort)))*[.!]*",
    rf"(?:many |kind |best |warm )?(?:regards|wishes)\b{_few_words(6)}",
    r"(?:thanks|thank you|thx|cheers|ta)(?: (?:so much|very much|a lot|again|in advance|for "
    r"(?:your|the) (?:help|reply|answer|quick response)))*[.!,]*(?: \w+)?[.!]?",
    rf"(?:best|cheers|sincerely|yours(?: sincerely| truly)?|bye)\b{_few_words(4)}",
)  # fmt: skip

# Sentences that start like this are service boilerplate, not a request to act on.
BOILERPLATE = (
    r"if you have (?:any )?(?:further |other |more )?(?:questions|queries)",
    r"should you have (?:any )?(?:further |other )?questions",
    r"for (?:more|further) information", r"to unsubscribe", r"if you (?:no longer|do not|don't) "
    r"(?:wish|want) to (?:receive|get)", r"if you wish to (?:unsubscribe|stop|no longer)",
    r"bei (?:weiteren |sonstigen )?(?:fragen|r[üu]ckfragen)", r"f[üu]r (?:weitere |sonstige )?"
    r"(?:fragen|r[üu]ckfragen)", r"falls sie (?:noch )?(?:weitere )?(?:fragen|r[üu]ckfragen)",
    r"wenn sie (?:noch )?(?:weitere )?(?:fragen|r[üu]ckfragen)", r"um sich abzumelden",
    r"sollten (?:sie )?(?:noch )?(?:weitere |irgendwelche )?(?:fragen|nachfragen|r[üu]ckfragen)",
    r"(?:hier(?:mit)?|anbei) (?:sende|schicke|[üu]bersende|senden|schicken) (?:ich|wir)",
    r"this (?:e-?mail|message) (?:was|has been) (?:sent|generated) automatically",
    r"diese (?:e-?mail|nachricht) wurde automatisch",
    r"bitte (?:lassen sie|behalten sie) die ticket-?(?:nummer|nr\.?) im betreff",
    r"please (?:keep|leave|do not remove) the ticket (?:number|id)",
    r"bitte antworten sie nicht auf diese", r"(?:please )?do not reply to this",
    # a ticket system's instructions: "Antworten Sie auf diese E-Mail, um … Kommentar …"
    r"(?:bitte )?antworten sie (?:bitte )?auf diese (?:e-?mail|nachricht),? um\b",
    r"(?:bitte )?(?:antworten|schreiben) sie (?:ihre antwort )?(?:oberhalb|über) dieser zeile",
    r"(?:please )?reply to this (?:e-?mail|message) to (?:add|update|comment)",
    r"(?:please )?(?:type|write|reply|respond) (?:your (?:reply|response) )?above this line",
    # contact details and a cover line describe this mail, they ask or promise nothing
    r"sie erreichen (?:mich|uns)", r"(?:erreichen|kontaktieren) k[öo]nnen sie (?:mich|uns)",
    r"(?:ich|wir) (?:sende|schicke|senden|schicken|[üu]bersende|[üu]bersenden) (?:ihnen|dir|euch)"
    r" (?:hiermit|anbei|diese|im anhang)",
    # legal footers that slipped past the quote cut ("..., please notify the sender")
    r"if you are not the (?:intended|named|addressed) (?:recipient|addressee)",
    r"if you (?:have )?received this (?:e-?mail|message|communication|transmission) in error",
    r"(?:wenn|falls) sie nicht der (?:richtige|vorgesehene) (?:adressat|empf[äa]nger)",
    r"(?:wenn|falls) sie diese (?:e-?mail|nachricht) (?:irrt[üu]mlich|f[äa]lschlicherweise)",
)  # fmt: skip

# A ticket system's notice that a ticket is closed (such mail is auto-generated; it resolves the
# thread's open points even though auto mail never raises points).
TICKET_CLOSED = (
    r"(?:ticket|vorgang|anfrage|st[öo]rung|incident|case|request|issue)\b[^.!?\n]{0,60}?"
    r"\b(?:wurde|ist|has been|was|is)\s+(?:nun\s+|now\s+)?"
    r"(?:geschlossen|gel[öo]st|abgeschlossen|erledigt|closed|resolved|completed)",
    r"status:?\s+(?:geschlossen|gel[öo]st|closed|resolved)",
)  # fmt: skip


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in sorted(phrases, key=len, reverse=True))


# Every word-bounded table shares one index of its phrases' keywords: a sentence's words are
# read once for all of them, and a table runs only the phrases that may match (issue 21).
SCREEN = Screen()


def _words(phrases: tuple[str, ...]) -> PhraseTable:
    r"""``(?<![\w-])(?:p1|p2|…)(?![\w-])``, longest phrase first, case-insensitive: the same
    matches, at a cost that does not grow with the number of phrases (``mailsum.text.screen``)."""
    return SCREEN.table(phrases)


REQUEST_RE = _words(REQUEST)
_LEAD = (
    r"^\W*(?:(?:hi|hey|hallo|hello|dear|liebe[rs]?)\b[^,:]{0,30}[,:]?\s*)?"
    r"(?:[A-ZÄÖÜ][\w.]*(?:\s+[A-ZÄÖÜ][\w.]*)?\s*[,:]\s*)?"
    r"(?:and\s+|also\s+|so\s+|just\s+|then\s+|now\s+|but\s+|und\s+|dann\s+|also\s+)?"
)
IMPERATIVE_RE = re.compile(
    rf"{_LEAD}(?:(?:{_alternation(IMPERATIVE)})(?![\w-])"
    rf"|(?!{_alternation(_NOT_IMPERATIVE)}\b)[a-zäöü]+en (?-i:Sie)\b(?![^?]*\?))",
    re.IGNORECASE,
)
QUESTION_START_RE = re.compile(rf"^\W*+(?:{_alternation(QUESTION_START)})\b", re.IGNORECASE)
QUESTION_ANYWHERE_RE = _words(QUESTION_ANYWHERE)
TODO_RE = _words(TODO)
BLOCKER_RE = _words(BLOCKER)
ESCALATION_RE = _words(ESCALATION)
RESOLUTION_RE = _words(RESOLUTION)
NEGATION_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{_alternation(NEGATION)})(?![\w-])(?:\W+\w+){{0,3}}\W*$", re.IGNORECASE
)
TAKEOVER_RE = _words(TAKEOVER)
PROPOSAL_RE = _words(PROPOSAL)
PROMISE_ON_IT_RE = _words(PROMISE_ON_IT)
FAULT_DETAIL_RE = re.compile(rf"^\W*(?:{_alternation(FAULT_DETAIL)})(?![\w-])", re.IGNORECASE)
ABSENCE_RE = _words(ABSENCE)
SENT_NOW_RE = _words(SENT_NOW)
NO_PROMISE_RE = _words(NO_PROMISE)
# a promise of the future beside the attachment: "morgen schicke ich Ihnen … anbei"
FUTURE_RE = _words((r"werde", r"werden", r"morgen", r"nachher", r"sp[äa]ter", r"bald",
                    r"demn[äa]chst", r"n[äa]chste woche", r"will", r"tomorrow", r"later"))
TICKET_CLOSED_RE = re.compile(_alternation(TICKET_CLOSED), re.IGNORECASE)
IGNORE_RE = re.compile(rf"^\W*(?:{_alternation(IGNORE)})\W*$", re.IGNORECASE)
BOILERPLATE_RE = re.compile(rf"^\W*(?:{_alternation(BOILERPLATE)})\b", re.IGNORECASE)
# "Wie lange ist das her?!" still asks; "Spenden gibt es!?!" exclaims
_QUESTION_END = re.compile(r"(?:\?|(?<!!)\?[!?.]+)[\"'”“»«)\]\s]*$")
_CLOSERS = "\"'”“»«)]"


class _QuestionEnd:
    """``_QUESTION_END`` with the same matches, found in linear time.

    A plain ``search`` tries every "?" of a long run ("?????…x") and rescans the run from each:
    quadratic (issue 19). A match can only start in the run of "!?." before the closing quotes
    and spaces at the end, at its first "?" not preceded by "!" (or at the run's last "?"),
    so that one place is found by hand and the regex is matched there.
    """

    pattern = _QUESTION_END.pattern

    def search(self, text: str) -> re.Match[str] | None:
        end = len(text)
        while end and (text[end - 1] in _CLOSERS or text[end - 1].isspace()):
            end -= 1
        start = end
        while start and text[start - 1] in "!?.":
            start -= 1
        for p in range(start, end):
            if text[p] == "?" and (p == end - 1 or p == 0 or text[p - 1] != "!"):
                return _QUESTION_END.match(text, p)
        return None


QUESTION_END_RE = _QuestionEnd()
