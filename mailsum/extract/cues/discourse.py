"""Words that point elsewhere in the mail: one opening a new matter ("One more thing: …",
"Außerdem …"), one taking a date from the sentence before ("by then", "bis dahin")."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table

NEW_MATTER = table(
    "new_matter",
    cue("new_matter.one_more_thing_en",
        r"one more thing",
        r"(?:and )?one (?:last|other|more) (?:thing|question|request)",
        r"another (?:thing|question|request)",
        r"(?:oh,? )?(?:and )?also",
        r"by the way",
        r"btw",
        r"separately",
        r"on (?:a|another) (?:different|separate|unrelated) (?:note|matter|topic)",
        r"while (?:i have you|we're at it|you're at it)",
        r"and could you",
        r"and can you",
        matches=("One more thing for Aisha: she'll need a phone extension as well.",
                 "Also, could you order her a second monitor?",
                 "And could you order her a second monitor like the others have?",
                 "By the way, the printer in room 4 is jamming.",
                 "While I have you: can you renew the domain?"),
        rejects=("We also need it by Friday.", "Could you also check the logs?",
                 "The other thing is still broken.")),
    cue("new_matter.one_more_thing_de",
        r"(?:und )?noch (?:etwas|was|eine (?:sache|frage|bitte)|ein anliegen)",
        r"eine (?:bitte|frage|sache) noch",
        r"au[ßs]erdem",
        r"zus[äa]tzlich",
        r"(?:und )?dann noch",
        r"ganz andere sache",
        r"[üu]brigens",
        r"apropos",
        r"wo ich (?:sie|dich) gerade (?:habe|dran habe)",
        r"und k[öo]nnten sie",
        r"und k[öo]nnen sie",
        matches=("Eine Bitte noch: Schicken Sie uns die Zugangsdaten, sobald sie da sind?",
                 "Außerdem brauchen wir ein Angebot für einen neuen Monitor.",
                 "Noch etwas: Frau Pohl braucht ein Postfach.",
                 "Übrigens geht der Drucker im Lager auch nicht.",
                 "Und könnten Sie uns noch zwei Headsets bestellen?"),
        rejects=("Wir brauchen außerhalb der Öffnungszeiten Zugriff.",
                 "Können Sie noch etwas warten?", "Das ist noch etwas langsam.")),
    cue("new_matter.ps",
        r"p\.? ?s\.?",
        matches=("PS: Der Scanner im 2. OG streikt auch.", "P.S. Can you also renew the domain?"),
        rejects=("Der PS-Drucker ist neu.",)),
    form=r"^\W*(?:{alt})(?![\w-])",
)  # fmt: skip

# "Amy starts on 7 December. Could you set up a laptop for her by then?": the date is the one
# the sentence before names (extract.points reads it there)
BY_THEN = table(
    "by_then",
    cue("by_then.en",
        r"by then", r"until then", r"till then", r"before then", r"in time for (?:that|it)",
        r"by (?:that|the same) (?:day|date|time)",
        matches=("Could you set up a laptop for her by then?",
                 "Please have the account ready before then.",
                 "Can the switch be installed by that date?"),
        rejects=("Then please send it by Friday.", "Back then it worked.",
                 "Since then the printer works.")),
    cue("by_then.de",
        r"bis dahin", r"bis zu diesem (?:tag|termin|zeitpunkt|datum)", r"bis zu dem tag",
        r"bis zum (?:gleichen|selben) tag", r"rechtzeitig (?:davor|vorher)",
        matches=("Können Sie den Zugang bis dahin einrichten?",
                 "Bitte bis zu diesem Termin alles vorbereiten.",
                 "Das Postfach sollte rechtzeitig vorher stehen."),
        rejects=("Seitdem läuft es.", "Bis bald und viele Grüße.",
                 "Bis Freitag brauchen wir das.")),
)  # fmt: skip

# "For (1), our technician will set up the room on Tuesday 12/1", "Zu 1. und 2.: Herr Färber
# schließt am 26.11. alles an": a sentence about one item of the customer's numbered list
# (extract.points: a report on another item does not keep it)
ITEM_REFERENCE = table(
    "item_reference",
    cue("item_reference.en",
        r"(?:for|re|regarding|as for|as to|on) \(?\d{1,2}\)?[.:,]",
        r"(?:point|item|question|re:?) \(?\d{1,2}\)?[.:,]",
        r"\(\d{1,2}\)",
        matches=("For (1), our Chicago field technician will set up Conference Room B on "
                 "Tuesday 12/1.", "Regarding 2: the licences are ordered.",
                 "(3) I will order the toner tomorrow."),
        rejects=("For 2 weeks we had no internet.", "On 12/1 the technician comes.",
                 "For the war room we need two monitors.")),
    cue("item_reference.de",
        r"zu (?:punkt |frage )?\(?\d{1,2}\)?[.:,]",
        r"(?:punkt|frage|nr\.) \(?\d{1,2}\)?[.:,]",
        r"bzgl\. (?:punkt )?\d{1,2}[.:,]",
        matches=("Zu 1. und 2.: Herr Färber schließt am Donnerstag alles an.",
                 "Zu 3.: Das Angebot schicke ich Ihnen bis Mittwoch.",
                 "Punkt 2: erledigt ich bis Freitag."),
        rejects=("Zu 3 Uhr passt es uns.", "Zum Termin am 26.11. komme ich vorbei.",
                 "Zu Ihrer Frage: ja.")),
    form=r"^\W*(?:{alt})(?![\w-])",
)  # fmt: skip

# "If something urgent comes up, Mark can be reached on his cell", "Falls er doch noch einmal
# einfriert, melden Sie sich bitte": what to do should something happen, no ask now
# (extract.points: no request or question)
CONTINGENCY = table(
    "contingency",
    cue("contingency.en",
        r"if (?:anything|something)\b", r"if you need anything",
        r"if (?:it|this|that|the problem|the issue|the error) (?:\w+ ){0,3}?"
        r"(?:again|recurs|returns|comes back)",
        r"if (?:you have|there are) (?:any )?(?:further |more |other )?questions",
        r"in case (?:of (?:an )?emergency|anything|something)\b",
        r"should (?:anything|something|you have (?:any )?(?:further )?questions)\b",
        matches=("If something urgent comes up, Mark can be reached on his cell.",
                 "If it happens again, please call me straight away.",
                 "If you have any questions, let me know.",
                 "Should anything else come up, just reply to this mail."),
        rejects=("If you could send me the file today, that would be great.",
                 "If possible, please send the quote by Friday.",
                 "Something is wrong with the printer.")),
    cue("contingency.de",
        r"(?:falls|sollte|wenn) (?:\w+ ){0,4}?(?:doch )?(?:noch einmal|nochmal|wieder|erneut)\b",
        r"(?:falls|sollte|wenn) (?:noch )?(?:etwas|was) (?:\w+ ){0,3}?"
        r"(?:sein|ist|kommt|auftaucht|passiert)",
        r"falls (?:sie )?(?:noch |weitere )?fragen", r"bei (?:weiteren |noch )?fragen",
        r"falls (?:es |etwas )?dringend",
        matches=("Falls er doch noch einmal einfriert, melden Sie sich bitte sofort bei mir.",
                 "Sollte der Fehler wieder auftreten, rufen Sie mich an.",
                 "Falls noch etwas sein sollte, melden Sie sich.",
                 "Bei Fragen rufen Sie mich gern an."),
        rejects=("Falls möglich, bitte heute noch.", "Wenn es geht, schicken Sie es bis Freitag.",
                 "Der Drucker fällt wieder aus.", "Können Sie noch einmal vorbeikommen?")),
    form=r"^\W*(?:{alt})(?![\w-])",
)  # fmt: skip

# "zur Info: Am Samstag spielen wir ein Sicherheitsupdate ein", "FYI: the office is closed on
# Friday": said to inform (extract.points: a date or plan said so is no to-do; a fault is one)
INFORMATION = table(
    "information",
    cue("information.en",
        r"fyi", r"for your information", r"(?:just )?a (?:quick )?heads[- ]up", r"just so you know",
        r"for the record", r"please note", r"note:",
        matches=("FYI: we will patch the firewall on Saturday 28 November.",
                 "Just a heads-up: our office will be closed on Thursday 11/26.",
                 "Please note: the portal is offline on Sunday from 8 to 10."),
        rejects=("Could you note the new password somewhere safe?",
                 "I'll send you the information by Friday.")),
    cue("information.de",
        r"(?:nur )?zur info(?:rmation)?", r"zu ihrer information", r"zur kenntnis",
        r"info:", r"hinweis:", r"kurze info",
        matches=("zur Info: Am Samstag, 28.11., spielen wir ein Sicherheitsupdate ein.",
                 "Nur zur Info: Der Server wird am Montag neu gestartet.",
                 "Hinweis: Am Freitag ist unser Büro geschlossen."),
        rejects=("Die Info schicke ich Ihnen bis Freitag.",
                 "Können Sie uns bitte kurz informieren?")),
    form=r"^\W*(?:{alt})(?![\w-])",
)  # fmt: skip


# Our mail that calls itself an interim report: what it says is done is progress, and the
# matter is not settled by it ("kurzer Zwischenstand: das Konto ist angelegt").
INTERIM = table(
    "interim",
    cue("interim.de",
        r"zwischenstand", r"zwischenbericht", r"zwischeninfo", r"(?:ein |der )?kurzer stand\b",
        r"stand der dinge", r"(?:ein )?kurzes update",
        matches=("kurzer Zwischenstand: Den Laptop habe ich heute mitgenommen.",
                 "Hier ein kurzes Update zum Umzug: die Leitungen liegen.",
                 "Zum Stand der Dinge: Das Konto ist angelegt."),
        rejects=("Der Zwischenstecker ist defekt.", "Der Server ist auf dem neuesten Stand.",
                 "Das Update ist installiert.")),
    cue("interim.en",
        r"(?:a |an |quick |brief |short )?(?:interim|progress) (?:update|report)",
        r"(?:a )?quick (?:status )?update\b", r"status update", r"where (?:we|things) stand",
        matches=("Quick update: the new access point is installed.",
                 "A short progress update: the accounts are created.",
                 "Here is where things stand: the laptop is imaged."),
        rejects=("The update is installed.", "I installed the quick fix yesterday.",
                 "Please send me a status report by Friday.")),
)  # fmt: skip


# A date the reader's contract or licence runs to, said by us: "your Microsoft 365 subscription
# renews on 1 December", "Ihr Zertifikat läuft am 3.12. ab". It is why we write, no commitment
# of ours; what we ask or promise about it is the point.
TERM = table(
    "term",
    cue("term.en",
        r"(?:your|the) (?:[\w-]+ ){0,4}?(?:subscription|licen[cs]es?|contract|certificate"
        r"|domain|warranty|support|agreement|plan|trial)s? (?:[\w.-]+ ){0,4}?(?:renews|expires"
        r"|runs out|ends|will (?:renew|expire|end|run out)|is (?:due for renewal|expiring))",
        matches=("your Microsoft 365 subscription renews on 1 December.",
                 "Hi Siobhán, your Microsoft 365 subscription renews on 1 December.",
                 "Your SSL certificate expires on 3 December.",
                 "The support contract for the firewall ends on 31/12."),
        rejects=("I'll renew your certificate by Friday.",
                 "Your new laptop will be ready on Friday.",
                 "We renew the domain on Monday.")),
    cue("term.de",
        r"(?:ihr|ihre|dein|deine|der|die|das) (?:[\w-]+ ){0,4}?(?:[\w-]+-)?(?:abo\w*|lizenz\w*"
        r"|vertrag|wartungsvertrag|zertifikat|domain|garantie|subscription|laufzeit|testphase)"
        r" (?:[\w.-]+ ){0,4}?(?:l[äa]uft (?:[\w.-]+ ){0,4}?(?:ab|aus)|endet|verl[äa]ngert sich)",
        matches=("Ihr Zertifikat für shop.kunde.de läuft am 3.12. ab.",
                 "Ihre Microsoft-365-Lizenz verlängert sich am 1. Dezember automatisch.",
                 "Der Wartungsvertrag für die Firewall endet am 31.12."),
        rejects=("Ich verlängere Ihr Zertifikat bis Freitag.",
                 "Ihr neuer Laptop ist am Freitag fertig.",
                 "Das Zertifikat tauschen wir am Montag.")),
    # after a greeting on the same line ("Hi Siobhán, your subscription …") or a few words
    form=r"^\W*(?:[^,:;.!?]{1,40}[,:]\s+)?(?:[\w-]+ ){0,3}?(?:{alt})(?![\w-])",
)  # fmt: skip
