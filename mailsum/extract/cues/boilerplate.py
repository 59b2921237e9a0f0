"""Sentences that carry no content: greetings, closings, service boilerplate."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table


# A greeting or closing names people, it says nothing: a few words ("Dear Mr. and Mrs. Smith",
# "Viele Grüße aus Berlin, Max"), never a clause ("Hey call me when you're on the net").
def _few_words(n: int) -> str:
    return rf"(?:[\s,]+(?:dr|hr|fr|mr|mrs|ms|prof)\.|[\s,-]+[^\s.!?,:;]+){{0,{n}}}"


# Whole sentences that carry no content: greetings, closings, thanks alone.
IGNORE = table(
    "ignore",
    cue("ignore.1",
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
        matches=(),
        rejects=()),
    form=r"^\W*(?:{alt})\W*$",
)  # fmt: skip

# Sentences that start like this are service boilerplate, not a request to act on.
BOILERPLATE = table(
    "boilerplate",
    cue("boilerplate.1",
        r"if you have (?:any )?(?:further |other |more )?(?:questions|queries)",
        r"should you have (?:any )?(?:further |other )?questions",
        r"for (?:more|further) information",
        r"to unsubscribe",
        r"if you (?:no longer|do not|don't) "
        r"(?:wish|want) to (?:receive|get)",
        r"if you wish to (?:unsubscribe|stop|no longer)",
        r"bei (?:weiteren |sonstigen )?(?:fragen|r[üu]ckfragen)",
        r"f[üu]r (?:weitere |sonstige )?"
        r"(?:fragen|r[üu]ckfragen)",
        r"falls sie (?:noch )?(?:weitere )?(?:fragen|r[üu]ckfragen)",
        r"wenn sie (?:noch )?(?:weitere )?(?:fragen|r[üu]ckfragen)",
        r"um sich abzumelden",
        r"sollten (?:sie )?(?:noch )?(?:weitere |irgendwelche )?(?:fragen|nachfragen|r[üu]ckfragen)",
        r"(?:hier(?:mit)?|anbei) (?:sende|schicke|[üu]bersende|senden|schicken) (?:ich|wir)",
        r"this (?:e-?mail|message) (?:was|has been) (?:sent|generated) automatically",
        r"diese (?:e-?mail|nachricht) wurde automatisch",
        r"bitte (?:lassen sie|behalten sie) die ticket-?(?:nummer|nr\.?) im betreff",
        r"please (?:keep|leave|do not remove) the ticket (?:number|id)",
        r"bitte antworten sie nicht auf diese",
        r"(?:please )?do not reply to this",
        matches=(),
        rejects=()),
    # a ticket system's instructions: "Antworten Sie auf diese E-Mail, um … Kommentar …"
    cue("boilerplate.2",
        r"(?:bitte )?antworten sie (?:bitte )?auf diese (?:e-?mail|nachricht),? um\b",
        r"(?:bitte )?(?:antworten|schreiben) sie (?:ihre antwort )?(?:oberhalb|über) dieser zeile",
        r"(?:please )?reply to this (?:e-?mail|message) to (?:add|update|comment)",
        r"(?:please )?(?:type|write|reply|respond) (?:your (?:reply|response) )?above this line",
        matches=(),
        rejects=()),
    # contact details and a cover line describe this mail, they ask or promise nothing
    cue("boilerplate.3",
        r"sie erreichen (?:mich|uns)",
        r"(?:erreichen|kontaktieren) k[öo]nnen sie (?:mich|uns)",
        r"(?:ich|wir) (?:sende|schicke|senden|schicken|[üu]bersende|[üu]bersenden) (?:ihnen|dir|euch)"
        r" (?:hiermit|anbei|diese|im anhang)",
        matches=(),
        rejects=()),
    # legal footers that slipped past the quote cut ("..., please notify the sender")
    cue("boilerplate.4",
        r"if you are not the (?:intended|named|addressed) (?:recipient|addressee)",
        r"if you (?:have )?received this (?:e-?mail|message|communication|transmission) in error",
        r"(?:wenn|falls) sie nicht der (?:richtige|vorgesehene) (?:adressat|empf[äa]nger)",
        r"(?:wenn|falls) sie diese (?:e-?mail|nachricht) (?:irrt[üu]mlich|f[äa]lschlicherweise)",
        matches=(),
        rejects=()),
    form=r"^\W*(?:{alt})\b",
)  # fmt: skip
