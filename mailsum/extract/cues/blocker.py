"""Faults: something does not work, what the fault looks like, and who is merely away."""

from __future__ import annotations

from mailsum.text.cuetable import cue, table

# German puts "nicht" after the subject: "funktioniert der Drucker im 2. OG nicht".
_UP_TO_6_WORDS = r"(?:\s+[\w.-]+){0,6}?\s+"
BLOCKER = table(
    "blocker",
    cue("blocker.1",
        rf"(?:funktioniert|funktionieren|geht|gehen|l[äa]uft|laufen|startet|starten|druckt|reagiert"
        rf"|schlie[ßs]t|schlie[ßs]en|heizt|k[üu]hlt|sp[üu]lt|zieht|schaltet"
        rf"|l[äa]dt|laden|[öo]ffnet|[öo]ffnen|speichert|synchronisiert|verbindet|bootet|klappt"
        rf"|klingelt|klingeln|scannt|scannen)"
        rf"{_UP_TO_6_WORDS}(?:nicht|nicht mehr|gar nicht|kein\w* (?:[\w-]+ ){{0,2}}?mehr)",
        matches=(),
        rejects=()),
    # "Das Problem besteht weiterhin", "Leider tritt der Fehler immer noch auf"
    cue("blocker.2",
        r"(?:problem|fehler|st[öo]rung)\w* (?:\w+ ){0,2}?(?:besteht|bestehen) (?:\w+ )?(?:weiterhin"
        r"|immer noch|noch immer|nach wie vor|weiter|fort)\b",
        r"(?:tritt|treten) (?:[\w.-]+ ){0,4}?(?:fehler|problem|st[öo]rung)\w* (?:[\w.,-]+ ){0,4}?auf\b",
        r"(?:fehler|problem|st[öo]rung)\w* (?:tritt|treten) (?:[\w.,-]+ ){0,5}?auf\b",
        r"(?:kommt|kommen) (?:[\w.-]+ ){0,4}?nicht (?:mehr )?an\b",
        r"flacker[nt]",
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
        r"brich(?:t)? (?:[\w.]+ ){0,3}?ab",
        r"brechen (?:[\w.]+ ){0,3}?ab",
        r"papierstau",
        r"zugriff verweigert",
        r"access denied",
        r"permission denied",
        r"ausfall",
        r"ausgefallen",
        r"kein(?:en)? zugriff",
        r"kein(?:en)? zugang",
        r"blockiert",
        r"steht still",
        r"stillstand",
        r"nicht erreichbar",
        r"startet nicht",
        r"l[äa]sst sich nicht",
        r"kaputt",
        r"defekt",
        r"abgest[üu]rzt",
        r"st[üu]rz(?:t|en) (?:\w+ ){0,3}?ab",
        r"fehlermeldung",
        matches=(),
        rejects=()),
    # service-desk faults: "druckt nur noch leere Seiten", "Das Backup ist fehlgeschlagen",
    # "Wir haben weiterhin Probleme mit dem WLAN" (not "keine Probleme")
    cue("blocker.3",
        r"(?:druckt|drucken|startet|starten|l[äa]uft|laufen|l[äa]dt|laden|[öo]ffnet|zeigt|zeigen"
        r"|funktioniert|funktionieren|reagiert|synchronisiert|verbindet)(?: [\w.-]+){0,2}? nur noch",
        r"fehlgeschlagen",
        r"fehlschl[äa]gt",
        r"fehlschlagen",
        r"schl[äa]gt (?:[\w.-]+ ){0,3}?fehl",
        r"schlug (?:[\w.-]+ ){0,3}?fehl",
        r"(?:haben|hatten|habe|gibt es|gab es) (?:(?!keine\b|kein\b|keinerlei\b)[\w.-]+ ){0,2}?"
        r"(?:probleme|schwierigkeiten) mit",
        matches=(),
        rejects=()),
    # "Zwei Laptops melden aber weiterhin „Zertifikat ungültig“": an error that persists
    cue("blocker.4",
        r"(?:meldet|melden|zeigt|zeigen|bringt|bringen|wirft|werfen)(?: aber| jedoch| leider| uns)*"
        r" (?:weiterhin|immer noch|noch immer|nach wie vor|st[äa]ndig|dauernd|immer wieder)"
        r"(?= [„\"'»]| (?:die|eine|den|einen) (?:\w+)?(?:meldung|fehler))",
        r"(?:still|keeps?) (?:shows?|showing|reports?|reporting|gives?|giving|throws?|throwing)"
        r"(?= [\"'“]| (?:an?|the|this|that) (?:\w+ )?(?:error|warning|message|fault))",
        r"komm(?:e|en) (?:ich |wir )?(?:so |damit |hier |leider )*nicht (?:mehr )?weiter",
        r"(?:es (?:ist|war)|(?:ist|war) es) (?:mir|uns) (?:leider |aber |jedoch )?"
        r"(?:nicht|nicht mehr|kaum) m[öo]glich",
        r"fehler (?:\w+ ){0,2}?(?:passiert|unterlaufen)",
        r"abgebrochen",
        r"(?:da(?:ss|ß)|weil|da|seit|obwohl) (?:[\w.-]+ ){0,6}?(?:nicht|nicht mehr|gar nicht)"
        r" (?:richtig )?(?:funktioniert|funktionieren|geht|gehen|l[äa]uft|laufen|klappt|startet"
        r"|druckt|reagiert)\b",
        r"h[äa]ng(?:t|en) sich (?:\w+ ){0,3}?auf",
        r"frier(?:t|en) (?:\w+ ){0,3}?ein",
        matches=(),
        rejects=()),
    # "ich kann mich seit heute nicht mehr anmelden", "wir können keine Mails senden"
    cue("blocker.5",
        r"k(?:ann|[öo]nn(?:en|e|t|st|te|ten)?|onnte(?:n|st)?) (?:[\w.-]+ ){0,6}?(?:nicht|keine?\w*)"
        r"(?: [\w.-]+){0,4}?"
        r" (?:anmelden|einloggen|drucken|[öo]ffnen|speichern|zugreifen|verbinden|senden|versenden"
        r"|verschicken|empfangen|abrufen|starten|arbeiten|scannen|telefonieren|finden|eintragen"
        r"|erreichen|installieren|hochladen|herunterladen|aufrufen|einsehen|bezahlen|buchen)",
        r"(?:ist|sind|war|waren) (?:[\w().]+ ){0,4}?nicht (?:mehr )?m[öo]glich(?![^.!]*\?)",
        r"(?:niemand|keiner) (?:\w+ ){0,3}?(?:weiter)?helfen",
        r"\w*exception",
        r"(?:antwortet|antworten|meldet sich|melden sich) (?:[\w.-]+ ){0,4}?(?:nicht|nie)\b",
        r"(?:nicht|nie) (?:mehr )?(?:antwortet|antworten|zur[üu]ckruft|zur[üu]ckrufen)\b",
        r"(?:ich habe|wir haben|habe|haben|es gibt) (?:ein|folgendes|einen) (?:gro[ßs]es )?"
        r"(?:problem|fehler)",
        matches=(),
        rejects=()),
    # "Wir haben das Problem, dass …" (not "Wir haben das Problem an den Hersteller eskaliert")
    cue("blocker.6",
        r"(?:ich habe|wir haben|habe|haben|es gibt) (?:das|den) (?:gleiche |selbe |gro[ßs]e )?"
        r"(?:problem|fehler)(?:,? (?:da(?:ss|ß)|mit|beim|bei|seit|wieder|immer noch|noch immer|noch)\b"
        r"|(?=\W*$))",
        r"(?:habe|haben|hat|hatte|hatten) (?:[\w.-]+ ){0,3}?(?:das gleiche|dasselbe|das selbe"
        r"|ein [äa]hnliches|immer noch das|noch immer das) problem",
        r"problem mit",
        r"kein(?:en)? \w*(?:zugang|zugriff)",
        r"(?:ein|eine|einen|der|die|das) (?:\w+ )?(?:fehler|problem|st[öo]rung|leck|defekt|schaden)"
        r"(?: \w+)? (?:ist |sind )?aufgetreten",
        r"(?:das|ein) problem,? da(?:ss|ß)",
        r"(?:mein|unser) (?:\w+ )?problem (?:ist|besteht)\b",
        r"unterst[üu]tzt \w+(?: \w+)? nicht",
        r"(?:bekomme|bekommen|erhalte|erhalten|bekomm|krieg|kriege) (?:\w+ )?kein(?:e|en)?"
        r" (?:\w+ )?(?:antwort"
        r"|r[üu]ckmeldung|zugang|verbindung|signal|empfang|netz)\b",
        r"mangelhaft",
        r"erreiche (?:ich )?(?:\w+ )?niemand(?:en)?",
        r"(?:ist|sind) (?:leider )?nicht (?:korrekt|richtig|in ordnung)\b(?![^.!]*\?)",
        r"(?:is|are|was|were|went|goes|been|still|it's|is still) down",
        r"down since",
        r"outage",
        r"cannot",
        r"can't",
        r"can not",
        r"unable to",
        r"not working",
        r"doesn't work",
        r"does not work",
        r"don't work",
        r"isn't working",
        r"stopped working",
        r"blocked",
        r"blocking",
        r"broken",
        r"crash(?:es|ed|ing)?",
        r"no access",
        r"keeps? (?:crashing|freezing|hanging|dropping|disconnecting)",
        r"locked out",
        r"(?:account|user|login|password) (?:is|has been|was|got) (?:locked|expired|disabled)",
        r"(?:is|are) (?:not|no longer) accessible",
        r"inaccessible",
        r"(?:is|are|were|was) not (?:coming|going|getting) through",
        r"(?:nobody|no one|none of us|none of them) (?:[\w-]+ ){0,3}?can (?!you\b)\w+",
        r"(?:getting|get|got|seeing|see|receiving|receive) (?:an|this|the following|the same)"
        r" error",
        matches=(),
        rejects=()),
    # help-desk faults from a check list of our own (Parakweet and BC3 hardly report faults)
    cue("blocker.7",
        r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )won'?t (?:start|print|open|load|connect|work|boot"
        r"|turn on|sync|save|scan|respond)",
        r"(?:error|problem|issue|fault)s?(?: message)? (?:still )?(?:persists?|occurs?|appears?|is back"
        r"|came back)",
        r"no longer (?:works?|working|rings?|prints?|starts?|connects?|responds?|syncs?)",
        matches=(),
        rejects=()),
    # "Last night's backup failed again", "We are still having problems with the wifi"
    cue("blocker.8",
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
        r"shows? (?:an? |the )?error\b",
        r"(?:just|keeps?) clos(?:es|ing)\b",
        matches=(),
        rejects=()),
)  # fmt: skip

# What the fault looks like, said right after it ("Die Fehlermeldung lautet …", "The error
# says …"): a detail of that blocker, not a second one.
FAULT_DETAIL = table(
    "fault_detail",
    cue("fault_detail.1",
        r"(?:die |als |folgende )?(?:fehler)?meldung(?: lautet| ist| war|:)",
        r"(?:der )?fehlercode(?: lautet| ist| war|:)",
        r"es (?:erscheint|kommt|steht) (?:dann |immer |nur )?(?:die |eine |folgende |der )?"
        r"(?:fehler)?(?:meldung|fehler|hinweis)",
        r"(?:angezeigt wird|auf dem (?:bildschirm|display) steht)",
        r"(?:the )?error(?: message| code)?(?: is| says| reads| was|:)",
        r"(?:the )?message (?:says|reads|is)",
        r"(?:it|the screen|the display) (?:says|shows|reads)",
        r"(?:we|they|i|users?) (?:get|see|receive) (?:the |this |an |the following )?(?:error|message)",
        matches=(),
        rejects=()),
    form=r"^\W*(?:{alt})(?![\w-])",
)  # fmt: skip

# A person away is no fault: "Frau Kern ist im Urlaub und nicht erreichbar".
ABSENCE = table(
    "absence",
    cue("absence.1",
        r"urlaub",
        r"abwesend",
        r"abwesenheit\w*",
        r"verreist",
        r"krank",
        r"au[ßs]er haus",
        r"elternzeit",
        r"nicht im (?:haus|b[üu]ro)",
        r"on (?:holiday|vacation|leave)",
        r"out of (?:the )?office",
        r"away until",
        matches=(),
        rejects=()),
)  # fmt: skip
