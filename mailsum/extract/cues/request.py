"""Requests: what the reader is asked to do, in German and English."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table

# What follows "bitte" in an apology or in a plea for patience.
_NO_PLEA = (r"(?:(?:\w+ ){0,2}?um (?:ihr |euer |dein )?(?:entschuldigung|verst[äa]ndnis|nachsicht"
            r"|geduld)|entschuldig\w*|vielmals um)\b")

# "brauchen wir nicht (mehr)", "ich brauche keine …": the need is denied
_NOT_DENIED = r"(?!(?: [\w.-]+){0,2}? (?:nicht|kein\w*|nie)\b)"

REQUEST = table(
    "request",
    # German
    # "bitte" asks, except in an apology or a plea for patience ("Ich bitte um Entschuldigung",
    # "bitte entschuldigen Sie", "Wir bitten um Ihr Verständnis")
    # ("Ihre Bitte um …", "auf Bitte des …" name a request, they make none)
    cue("request.1",
        r"(?<!ihre )(?<!ihrer )(?<!deine )(?<!eure )(?<!auf )"
        rf"bitte(?:n)?(?! (?:(?:sie|dich|euch|nochmals) )?{_NO_PLEA})",
        matches=(),
        rejects=()),
    # something still missing or awaited: "Der Zugang für Herrn Lang fehlt noch", "Die Rechnung
    # haben wir noch nicht erhalten", "Wir warten noch auf das Angebot"
    cue("request.2",
        r"fehlt (?:uns |mir )?(?:immer )?noch",
        r"(?:haben|habe) (?:wir|ich) (?:[\w.-]+ )?(?:noch nicht|bisher nicht|bis heute nicht"
        r"|noch immer nicht|immer noch nicht) (?:[\w.-]+ )?(?:erhalten|bekommen)",
        r"(?:wir|ich) warten? (?:[\w.-]+ )?(?:noch|immer noch|weiterhin|nach wie vor|bis heute) auf",
        matches=(),
        rejects=()),
    # the subjunctive asks; "konnten Sie", "wurden Sie", "waren Sie" are past tense
    cue("request.3",
        r"k(?:ö|oe)nnten sie",
        r"w(?:ü|ue)rden sie",
        r"w(?:ä|ae)ren sie",
        r"k(?:ö|oe)nntest du",
        r"w(?:ü|ue)rdest du",
        r"k(?:ö|oe)nntet ihr",
        matches=(),
        rejects=()),
    # "können Sie …" asks at the start or as a question; mid-sentence it states what the
    # reader may do ("die Protokolle kannst du dir runterladen")
    cue("request.4",
        r"(?:^\W*|(?:bitte|vielleicht|eventuell|evtl\.|dann|also|und|aber|oder) )"
        r"(?:k[öo]nnen sie|kannst du|k[öo]nnt ihr)\b",
        r"(?:k[öo]nnen sie|kannst du|k[öo]nnt ihr)\b(?=[^.!]*\?)",
        matches=(),
        rejects=()),
    # a need, unless denied: "eine Freigabe brauchen wir nicht", "wir brauchen keine Hilfe"
    cue("request.5",
        rf"(?:wir brauchen|ich brauche|wir ben[öo]tigen|ich ben[öo]tige|(?:ben[öo]tige|brauche) ich"
        rf"|(?:ben[öo]tigen|brauchen) wir|^\W*(?:ben[öo]tige|brauche)){_NOT_DENIED}",
        r"(?:ich )?ersuche (?:ich )?(?:sie|dich|euch)",
        r"am besten,? (?:wir|ihr|du|sie)\b",
        r"w[äa]re(?:n)? (?:ich |wir )?(?:ihnen |dir |euch )?"
        r"(?:sehr |wirklich |ausgesprochen |[äa]u[ßs]erst )?verbunden",
        r"w[äa]re(?:n)? (?:[\w.-]+ ){0,4}?dankbar",
        matches=(),
        rejects=()),
    # "wäre für Ihre Hilfe sehr dankbar"
    cue("request.6",
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
        matches=(),
        rejects=()),
    # not glad to have heard: "hab mich sehr gefreut, von euch zu hören"
    cue("request.7",
        r"(?<!gefreut, )(?<!gefreut )(?<!freut mich, )von (?:ihnen|dir|euch) (?:zu )?h[öo]ren",
        r"lass(?:t)? (?:mal )?(?:was|etwas) von (?:dir|euch) h[öo]ren",
        r"hoffe[^.!?]{0,30}\b(?:sie|du|ihr|jemand)\b[^.!?]{0,30}\b(?:weiter)?helfen",
        r"wenn (?:es )?(?:ihnen|dir|euch) (?:\w+ )?(?:recht|m[öo]glich|lieb) w[äa]re",
        r"komm(?:t)? doch",
        r"(?:schau|ruf|schreib|meld)(?:e|t)? (?:dich |mich |uns )?doch",
        r"geben sie (?:mir |uns )?bescheid",
        r"sagen sie (?:mir |uns )?bescheid",
        r"gib (?:mir |uns )?bescheid",
        r"lassen sie (?:mich|uns) wissen",
        r"melden sie sich",
        r"schicken sie",
        r"senden sie",
        r"rufen sie (?:mich|uns)? ?an",
        r"ich w[äa]re dankbar",
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
        r"vergessen sie nicht",
        r"lass(?:t)? uns",
        r"sollen wir",
        r"sollten wir",
        r"(?:m[üu]ssen|sollten) wir (?:\w+ ){0,3}(?:sprechen|reden|telefonieren|besprechen)",
        r"wir m[üu]ssen (?:\w+ ){0,3}(?:sprechen|reden|telefonieren|besprechen)",
        r"beantrage(?:n)? (?:ich |wir )?hiermit",
        r"hiermit beantrage(?:n)?",
        r"hiermit (?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:ich |wir )?(?:[\w.-]+ ){0,6}?beantragen",
        r"(?:m[öo]chte(?:n)?|w[üu]rde(?:n)?) (?:ich |wir )?(?:gerne? )?(?:mit (?:ihnen|dir|euch) )?"
        r"(?:einen|einen neuen|einen weiteren|einen kurzen) (?:gespr[äa]chs|beratungs|besprechungs)?"
        r"termin (?:[\w.,()-]+ ){0,8}?(?:vereinbaren|ausmachen|abmachen)",
        r"(?:ich|wir) h[äa]tte(?:n)? gern(?:e)?",
        r"h[äa]tte(?:n)? (?:ich|wir) gern(?:e)?",
        r"(?:ich|wir) br[äa]uchte(?:n)?",
        r"br[äa]uchte(?:n)? (?:ich|wir)\b",
        r"(?:uns|mir) fehl(?:t|en) (?:noch|leider|immer noch|weiterhin)\b",
        r"(?:wird|werden) (?:\w+ ){0,2}?gebeten\b",
        matches=(),
        rejects=()),
    # "Um Rückmeldung wird gebeten"
    cue("request.8",
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
        matches=(),
        rejects=()),
    # a wish that needs the reader's yes: "ich würde gerne an Ihrem Kurs teilnehmen"
    cue("request.9",
        r"w[üu]rde(?:n)? (?:\w+ ){0,3}?gern(?:e)?,? (?:[\w.,-]+ ){0,8}?(?:teilnehmen|mitmachen"
        r"|anmelden|vorbeikommen|pr[äa]sentieren|mitfahren|dabei sein)\b",
        r"h[äa]tte(?:n)? (?:\w+ ){0,3}?(?:einen |als )?(?:\w+ )?(?:termin)?vorschlag",
        matches=(),
        rejects=()),
    # orders and cancellations: "Ich möchte gerne mein Abo kündigen"
    cue("request.10",
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
        matches=(),
        rejects=()),
    # a wish to meet or talk, in any word order: "würde ich mich gerne mit euch treffen",
    # "dass wir uns gerne nächsten Dienstag zusammensetzen würden"
    cue("request.11",
        r"(?:(?:ich|wir) w[üu]rde(?:n)?|w[üu]rde(?:n)? (?:ich|wir)|(?:ich|wir) m[öo]chte(?:n)?"
        r"|m[öo]chte(?:n)? (?:ich|wir)) (?:[\w.-]+ ){0,6}?gern(?:e)?,? (?:[\w.,-]+ ){0,6}?(?:treffen"
        r"|besprechen|zusammensetzen|telefonieren|sprechen|kl[äa]ren|vereinbaren|ausmachen"
        r"|festlegen|buchen|reservieren|bestellen|abstimmen|anrechnen)\b",
        r"gern(?:e)? (?:[\w.-]+ ){0,6}?(?:treffen|besprechen|zusammensetzen|telefonieren|sprechen)"
        r" (?:w[üu]rde(?:n)?|m[öo]chte(?:n)?)\b",
        r"(?:es ist|ist es) (?:sehr |besonders |ganz )?wichtig,? da(?:ss|ß) (?:sie|du|ihr)\b",
        r"(?:sagt|gebt) (?:mir|uns) (?:\w+ )?bescheid",
        r"meldet euch",
        matches=(),
        rejects=()),
    # English
    cue("request.12",
        r"(?<!to )(?<!sure to )please",
        r"pls",
        r"plz",
        r"kindly",
        r"could you",
        r"can you",
        r"would you",
        r"will you",
        r"could we",
        r"can we",
        r"shall we",
        r"should we",
        r"would it be possible",
        r"is it possible",
        r"we need",
        r"i need",
        r"we would need",
        r"need you to",
        r"want you to",
        r"(?:we|i) (?:still |urgently |really |also |just |now )(?:need|require)(?! to\b)",
        r"(?:we|i)(?:'re| are|'m| am) (?:still )?waiting (?:for|on) (?:your|the|a|an)\b",
        r"awaiting your (?:reply|response|feedback|confirmation|answer)",
        matches=(),
        rejects=()),
    # "The account for Tom is still missing", "We haven't received the invoice yet"
    cue("request.13",
        r"(?:is|are) still missing",
        r"(?:haven't|have not|hasn't|has not) received (?:[\w'.-]+ ){0,4}?yet",
        r"like you to",
        r"let me know",
        r"let us know",
        r"lmk",
        r"let's",
        r"lets (?:meet|get|talk|discuss|schedule|plan|have|do|go)",
        r"(?:i|we)(?:'d| would) appreciate",
        r"appreciate it if",
        r"(?:i|we)(?:'d| would) like to (?:meet|schedule|invite|discuss|talk|set up|get|ask|see)",
        r"(?:i|we)(?:'d| would) like (?:a|an|some|the|\d+)\b",
        r"(?:i|we)(?:'d| would) love to",
        r"don't forget",
        r"do not forget",
        r"remember to",
        r"be sure to",
        r"why don't you",
        r"would be (?:great|helpful|useful|best|good|nice|appreciated)",
        r"(?:i|we) (?:would )?suggest",
        r"interested in (?:talking|meeting|discussing|hearing)",
        r"feel free to",
        r"don't hesitate",
        r"do not hesitate",
        r"give (?:me|us) a (?:call|ring|shout)",
        r"call me",
        r"call us",
        r"email me",
        r"e-mail me",
        r"send (?:me|us)",
        r"forward (?:me|us)",
        r"get back to (?:me|us)",
        r"reply (?:to|with)",
        r"please confirm",
        r"rsvp",
        r"are you (?:available|free|around|able|interested|going|coming|ok|okay)",
        r"would you be",
        r"would you like",
        r"do you want to",
        r"want to (?:meet|grab|get together|join)",
        r"join (?:me|us)",
        r"invite you",
        r"you should",
        r"you need to",
        r"you must",
        r"need to (?:talk|discuss|meet|schedule)",
        r"go ahead and",
        matches=(),
        rejects=()),
)  # fmt: skip
