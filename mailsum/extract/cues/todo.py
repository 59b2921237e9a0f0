"""Promises and to-dos: what the writer says they will do."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table

TODO = table(
    "todo",
    # German
    cue("todo.1",
        r"ich werde",
        r"wir werden",
        r"ich melde mich",
        r"wir melden uns",
        r"ich k[üu]mmere mich",
        r"wir k[üu]mmern uns",
        r"k[üu]mmere mich",
        r"ich schaue mir",
        r"ich sehe mir",
        r"ich pr[üu]fe",
        r"wir pr[üu]fen",
        r"ich schicke",
        r"wir schicken",
        r"ich sende",
        r"wir senden",
        r"ich rufe",
        r"ich kl[äa]re",
        r"wir kl[äa]ren",
        matches=(),
        rejects=()),
    # "Ich schaue es mir morgen an" (not "Ich sehe es an der Meldung")
    cue("todo.2",
        r"(?:ich|wir) (?:schaue|sehe|schauen|sehen) (?:es|das|sie|ihn) (?:mir |uns )?"
        r"(?:[\w.-]+ ){0,3}?an(?=\s*(?:[.,;!?]|und\b|$))",
        r"ich (?:gebe?|sage?) (?:ihnen|dir|euch) (?:\w+ )?bescheid",
        r"(?:frag|schau|ruf|mach|schick|kl[äa]r|pr[üu]f)(?:e)? ich\b(?! mich\b)",
        r"erledige ich",
        r"mache ich",
        r"machen wir",
        r"ich [üu]bernehme",
        r"[üu]bernehme ich",
        r"ich setze mich",
        r"wir setzen uns",
        r"ich trage",
        r"ich richte",
        r"wir richten",
        r"werde ich",
        r"werden wir",
        r"melde ich mich",
        r"melden wir uns",
        r"schicke ich",
        r"sende ich",
        r"rufe ich",
        r"ich ruf(?:e)? (?:sie |dich |euch )?(?:\w+ ){0,3}an",
        r"ich werd",
        r"ich versuch(?:e)?",
        r"(?:erhalten|bekommen) sie (?:\w+ ){0,2}(?:von mir|von uns|meine|unsere|unser)\b",
        r"ich kann (?:ihnen |dir |euch )?(?:(?!nicht\b|kein)[\w.-]+ ){0,5}(?:schicken|senden|machen"
        r"|erledigen|einrichten|vorbeikommen|vorbeischauen|installieren|anlegen|freischalten"
        r"|nachsehen|nachschauen|nachfragen|pr[üu]fen|anrufen|vorbeibringen|mitbringen|besorgen)",
        r"ich erledige",
        r"wir erledigen",
        r"ich mache (?:das|es)\b",
        r"(?:muss|m[üu]ssen) (?:ich|wir) (?:[\w.-]+ ){0,4}?noch\b",
        r"(?:ich|wir) m[üu]ss(?:e|en) noch",
        r"(?:mich|uns) (?:gerne |gern )?(?:\w+ )?darum k[üu]mmern",
        matches=(),
        rejects=()),
    # verb first, subject dropped: "Werde das morgen weitergeben", "Meld mich heute Abend"
    cue("todo.3",
        r"^\W*(?:werde|schicke|sende|melde|meld|frage|kl[äa]re|pr[üu]fe|rufe|k[üu]mmere|gebe|leite"
        r"|bringe|besorge|mache)(?= (?!sie\b|ihr\b|du\b|an\b))",
        r"(?:ich )?bem[üu]he mich",
        r"komme (?:ich )?(?:\w+ )?auf (?:sie|dich|euch) zu",
        r"komm(?:e|en|t) (?:[\w.:-]+ ){0,5}?vorbei",
        matches=(),
        rejects=()),
    # first person, present tense, a time ahead: "wir spielen das Update heute Abend ein"
    # states and opinions, no promise
    # "seit heute Morgen", "heute früh": the past, not a plan
    cue("todo.4",
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
        matches=(),
        rejects=()),
    # English
    cue("todo.5",
        r"i will",
        r"i'll",
        r"i shall",
        r"we will",
        r"we'll",
        r"we shall",
        r"i am going to",
        r"i'm going to",
        r"we are going to",
        r"we're going to",
        r"i'm gonna",
        r"will do",
        r"let me (?:check|look|see|find|get|know|take|ask|follow)",
        r"i can (?:send|do|get|take|check|call|set up|schedule)",
        r"i plan to",
        r"we plan to",
        r"i intend to",
        r"i'll get back",
        r"i promise",
        r"i'm on it",
        r"on it\b",
        r"i'll take care",
        r"i will take care",
        r"i'll handle",
        r"(?:i|we)(?:'m| am|'re| are) (?:currently |now |still |already )?(?:checking|looking into"
        r"|working on|investigating|following up|preparing|arranging|setting up|organi[sz]ing)\b",
        r"i will handle",
        r"i'm taking over",
        r"i am taking over",
        matches=(),
        rejects=()),
)  # fmt: skip
