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
    cue("imperative.send_or_call_en",
        r"give",
        r"send",
        r"call",
        matches=("Give me a call tomorrow.", "Hi Max, send me the error log.",
                 "Call the hotline if it happens again."),
        rejects=("I will send the logs tomorrow.", "Sent the invoice yesterday.")),
    cue("imperative.check_en",
        r"check",
        matches=("Check the cable on the back of the printer.",),
        rejects=("Checked the cable, still broken.", "I will check it tomorrow.")),
    cue("imperative.troubleshoot_en",
        r"join",
        r"use",
        r"go",
        r"try",
        matches=("Join the guest Wi-Fi first.", "Use the new VPN client.",
                 "Go to Settings and select Accounts.", "Then try a different browser."),
        rejects=("I tried a different browser.", "Using the old client works.")),
    cue("imperative.pass_on_en",
        r"tell",
        r"forward",
        r"contact",
        matches=("Tell Max the printer is fixed.", "Forward me the error message.",
                 "Contact the vendor about the warranty."),
        rejects=("I told Max already.", "Forwarded to the vendor.")),
    cue("imperative.remember_en",
        r"remember",
        matches=("Remember the maintenance window on Friday.",),
        rejects=("I remember the old printer.",)),
    cue("imperative.schedule_en",
        r"schedule",
        r"set up",
        matches=("Schedule the update for Friday night.", "Set up a call with the vendor."),
        rejects=("Scheduled for Friday.", "The setup took an hour.")),
    cue("imperative.pick_en",
        r"pick",
        matches=("Pick a slot that suits you.",),
        rejects=("Picked up the laptop today.",)),
    cue("imperative.respond_en",
        r"reply",
        r"review",
        r"ask",
        matches=("Reply to this mail with your asset number.", "Review the attached offer.",
                 "Ask your admin for the password."),
        rejects=("I asked the admin already.", "We will review the offer.")),
    cue("imperative.come_en",
        r"come",
        matches=("Come to reception at 9.",),
        rejects=("Coming tomorrow at 9.",)),
    cue("imperative.get_make_en",
        r"get",
        r"make",
        matches=("Get the new badge from reception.", "Make sure the laptop is charged."),
        rejects=("I got the badge yesterday.", "We made a backup.")),
    cue("imperative.visit_download_en",
        r"visit",
        r"download",
        matches=("Visit the portal to reset your password.",
                 "Download the new client from the intranet."),
        rejects=("Downloading the client failed.", "We visited the site yesterday.")),
    cue("imperative.talk_en",
        r"talk",
        matches=("Talk to your manager about the license.",),
        rejects=("We talked about the license.",)),
    cue("imperative.note_keep_en",
        r"note",
        r"keep",
        matches=("Note that the office is closed on Friday.", "Keep the receipt for the warranty."),
        rejects=("Noted, thanks.", "I kept the receipt.")),
    cue("imperative.bring_book_fill_sign_en",
        r"bring",
        r"book",
        r"fill",
        r"sign",
        matches=("Bring your laptop to the training.", "Book a meeting room for Monday.",
                 "Fill in the attached form.", "Sign the contract and send it back."),
        rejects=("I brought my laptop.", "Signed contract attached.")),
    cue("imperative.dont_forget_en",
        r"don't forget",
        matches=("Don't forget the meeting at 10.",),
        rejects=("I didn't forget the meeting.",)),
    cue("imperative.let_en",
        r"let(?! me\b)",
        matches=("Let Max know when it's done.",),
        rejects=("Let me check and get back to you.",)),
    cue("imperative.restart_en",
        r"install",
        r"restart",
        r"reboot",
        matches=("Install the update tonight.", "Restart the router.", "Reboot the print server."),
        rejects=("Installed the update, no change.", "Rebooting did not help.")),
    cue("imperative.send_tell_du_de",
        r"schick",
        r"ruf",
        r"gib",
        r"sag",
        matches=("Schick mir bitte das Protokoll.", "Ruf mich morgen kurz an.",
                 "Gib mir Bescheid, wenn es läuft.", "Sag Max, dass der Drucker geht."),
        rejects=("Ich schicke es morgen.", "Gibt es ein Update?",
                 "Rufnummer der Hotline: 0800 123.")),
    cue("imperative.get_in_touch_du_de",
        r"melde dich",
        matches=("Melde dich, wenn der Drucker wieder streikt.",),
        rejects=("Ich melde mich morgen.",)),
    cue("imperative.check_du_de",
        r"pr[üu]f",
        r"schau",
        matches=("Prüf bitte das Kabel.", "Schau mal in den Spam-Ordner."),
        rejects=("Prüfung ist am Montag.", "Schaue ich mir morgen an.")),
    cue("imperative.sie_de",
        r"(?:schicken|senden|pr[üu]fen|rufen|melden|geben|sagen|teilen|schauen|lassen|richten|"
        r"installieren|starten|legen|tragen|leiten|informieren|best[äa]tigen|kontaktieren|beachten|"
        r"nehmen|setzen|stellen|erstellen|l[öo]schen|[äa]ndern|aktualisieren|buchen|planen|"
        r"schalten|[üu]berpr[üu]fen|veranlassen|pflegen|sperren|entsperren) sie",
        matches=("Schicken Sie mir bitte die Rechnung.", "Prüfen Sie das Netzwerkkabel.",
                 "Hallo Herr Lang, starten Sie den Rechner neu.",
                 "Informieren Sie bitte Ihre Kollegen."),
        rejects=("Sie schicken mir die Rechnung.", "Schicken wir Ihnen gerne zu.")),
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
