"""Promises that are not: sent with this mail, shrugs, take-overs, proposals."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table

# Sending with this very mail is done, not promised ("Im Anhang schicke ich Ihnen …").
SENT_NOW = table(
    "sent_now",
    cue("sent_now.1",
        r"(?:schicke|sende|[üu]bersende|schicken|senden|[üu]bersenden|leite|leiten)\b[^.!?]*?"
        r"\b(?:im anhang|anbei|hiermit|hier mit|beigef[üu]gt|in der anlage|in einem anhang)",
        r"(?:im anhang|anbei|hiermit|beigef[üu]gt|in der anlage)\b[^.!?]*?\b(?:schicke|sende"
        r"|[üu]bersende|schicken|senden|[üu]bersenden)",
        matches=(),
        rejects=()),
)  # fmt: skip

# Said like a promise, meant as a shrug.
NO_PROMISE = table(
    "no_promise",
    cue("no_promise.1",
        r"wir werden sehen",
        r"(?:ich|wir) werden? (?:es )?(?:ja )?sehen",
        r"mal sehen",
        r"we(?:'ll| will) see",
        matches=(),
        rejects=()),
    # a hedge is a guess about the future, not a commitment ("ich werde hoffentlich im Sommer …")
    cue("no_promise.2",
        r"(?:werde|werden|werd) (?:ich |wir )?(?:\w+ )?(?:hoffentlich|wahrscheinlich"
        r"|h[öo]chstwahrscheinlich|vermutlich)",
        r"(?:hoffentlich|wahrscheinlich|h[öo]chstwahrscheinlich|vermutlich) (?:werde|werden|werd)",
        matches=(),
        rejects=()),
)  # fmt: skip

TAKEOVER = table(
    "takeover",
    cue("takeover.1",
        r"ich [üu]bernehme",
        r"[üu]bernehme ich",
        r"ich k[üu]mmere mich",
        r"k[üu]mmere mich",
        r"ich bin (?:ab (?:sofort|jetzt|heute) |jetzt |nun )?(?:ihr )?"
        r"(?:zust[äa]ndig|ansprechpartner(?:in)?)",
        r"ich bin (?:ab (?:sofort|jetzt|heute) |jetzt |nun )?f[üu]r (?:sie|euch|dich) zust[äa]ndig",
        r"bin ich (?:jetzt |nun )?(?:ihr |ihre |euer |eure )?(?:zust[äa]ndig|ansprechpartner(?:in)?)",
        r"ich vertrete \w+",
        r"vertrete ich \w+",
        r"(?:i am|i'm) covering for",
        r"i(?:'ll| will) be covering for",
        r"(?:i am|i'm) (?:now )?your (?:new )?(?:contact|point of contact)",
        r"in vertretung (?:von|f[üu]r)",
        r"i'll take care",
        r"i will take care",
        r"i'm taking over",
        r"i am taking over",
        r"i'll take over",
        r"i will take over",
        r"i'll handle",
        r"i will handle",
        r"i'm (?:now )?(?:handling|responsible)",
        r"i am (?:now )?(?:handling|responsible)",
        r"i'll be your (?:new )?(?:contact|point of contact)",
        r"i(?:'ve| have) taken (?:this |it |the ticket |the case )?over",
        r"i(?:'m| am) taking (?:this|it) over",
        r"let me take (?:this|it|over)\b",
        r"i(?:'ll| will) take it from here",
        r"i(?:'ll| will) be looking after",
        r"i(?:'ll| will) look after (?:this|it|you|your)\b",
        matches=(),
        rejects=()),
    # "Ich habe das Ticket von Herrn Weber übernommen" (not "die Kosten übernommen")
    cue("takeover.2",
        r"(?:ich habe|habe ich) (?:das ticket|ihr ticket|den fall|den vorgang|die betreuung"
        r"|ihre anfrage|die anfrage|das thema)(?: [\w.-]+){0,4}? [üu]bernommen",
        matches=(),
        rejects=()),
)  # fmt: skip

# A promise whose object is only "it": "I'll take care of it", "Ich kümmere mich darum" takes on
# what the mail it answers asked for.
_ON_IT = r"(?:take care of|look into|look at|check|handle|deal with|sort out|fix|see to)"
PROMISE_ON_IT = table(
    "promise_on_it",
    cue("promise_on_it.1",
        rf"(?:i|we)(?:'ll| will|'m going to| am going to| are going to) (?:\w+ )?{_ON_IT}"
        r" (?:it|this|that)",
        rf"let me {_ON_IT} (?:it|this|that)",
        r"(?:ich|wir) k[üu]mmern? (?:mich|uns) (?:\w+ ){0,2}?(?:darum|drum|um das|um die sache)",
        r"k[üu]mmern? (?:ich|wir) (?:mich|uns) (?:\w+ ){0,2}?(?:darum|drum)",
        r"(?:ich|wir) (?:schaue|schauen|sehe|sehen) (?:mir |uns )?(?:das|es|die sache)"
        r" (?:\w+ ){0,4}?an",
        r"(?:ich|wir) (?:erledige|erledigen|pr[üu]fe|pr[üu]fen|kl[äa]re|kl[äa]ren|übernehme|übernehmen)"
        r" (?:das|es|die sache)",
        matches=(),
        rejects=()),
)  # fmt: skip

# A date put forward for the reader's yes ("Unser Vorschlag: Samstag, 05.12.") asks, it neither
# promises nor sets a deadline.
PROPOSAL = table(
    "proposal",
    cue("proposal.1",
        r"(?:unser|mein) (?:terminvorschlag|vorschlag)",
        r"terminvorschlag",
        r"vorschlag:",
        r"(?:ich|wir) schlagen? (?:[\w.,-]+ ){0,6}?vor",
        r"schlagen? (?:ich|wir) (?:[\w.,-]+ ){0,6}?vor",
        r"wie w[äa]re es mit",
        r"w[äa]re (?:ihnen|euch|dir) [\w.,-]+ (?:[\w.,-]+ )?recht",
        r"(?:we|i) (?:would )?(?:suggest|propose)",
        r"(?:our|my) (?:suggestion|proposal) (?:is|would be)",
        r"how about",
        r"what about",
        r"would [\w.,-]+ (?:[\w.,-]+ )?(?:work|suit) for you",
        matches=(),
        rejects=()),
)  # fmt: skip

# A promise of the future beside the attachment: "morgen schicke ich Ihnen … anbei".
FUTURE = table(
    "future",
    cue("future.de",
        r"werde", r"werden", r"morgen", r"nachher", r"sp[äa]ter", r"bald", r"demn[äa]chst",
        r"n[äa]chste woche",
        matches=("Die Rechnung schicke ich Ihnen morgen.", "Das werde ich nachher erledigen."),
        rejects=("Anbei die Rechnung.", "Die Morgenrunde ist erledigt.")),
    cue("future.en",
        r"will", r"tomorrow", r"later",
        matches=("I will send the invoice.", "The rest follows tomorrow."),
        rejects=("Attached is the invoice.", "Thanks for your goodwill.")),
)  # fmt: skip
