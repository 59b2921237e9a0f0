"""One point per matter and where each ticket stands (extract.tickets over read_thread)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from builders import parsed, thread_of

from mailsum.extract.points import extract_thread, read_thread
from mailsum.extract.tickets import notice_state
from mailsum.models import ParsedMessage, Team, Thread, ThreadRecord, Ticket
from mailsum.state.store import StateStore

TEAM = ("provider.de",)


def _msg(n: int, sender: str, text: str, day: int, *, subject: str = "Drucker 2. OG",
         auto: str | None = None, to: tuple[str, ...] = (), lang: str = "de") -> ParsedMessage:
    return parsed(f"<{n}@x>", subject=subject, from_addr=sender, to=to, text=text, auto=auto,
                  date=datetime(2026, 11, day, 9, n, tzinfo=UTC), language=lang)


def _extract(*msgs: ParsedMessage):
    return extract_thread(thread_of(msgs), list(msgs), team=Team(TEAM),
                          default_owner="max.weber@provider.de")


def _open(x):
    return [p for p in x.points if p.status == "open"]


def test_a_broken_printer_is_one_point_with_our_promise_as_its_status() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Der Drucker im 2. OG druckt seit heute nur noch leere Seiten. "
                              "Können Sie sich das bitte ansehen? Die Buchhaltung braucht den "
                              "Drucker dringend.", 23),
        _msg(2, "sandra.yilmaz@provider.de", "Ich habe ein Ersatzteil bestellt. Ich baue es am "
                                             "Montag, 30.11., ein.", 24),
    )
    (point,) = _open(x)
    assert point.kind == "blocker"
    assert "leere Seiten" in point.text and "ansehen" in point.text
    assert point.promise is not None and "Montag" in point.promise
    assert point.owner == "sandra.yilmaz@provider.de" and point.due == date(2026, 11, 30)
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"
    assert x.ticket.next_step == point.promise


def test_our_questions_of_one_mail_are_one_point_that_waits_on_the_customer() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Zur Info: Herr Jacobsen fängt am 04.01. an.", 23,
             subject="Diensthandy"),
        _msg(2, "kai@provider.de", "Welches Modell soll es werden? Und soll er eine neue "
                                   "Rufnummer bekommen?", 24, subject="Diensthandy"),
    )
    (point,) = _open(x)
    assert "Modell" in point.text and "Rufnummer" in point.text
    assert x.ticket is not None and x.ticket.state == "waiting_on_customer"


def test_the_customers_thanks_after_our_report_settles_the_ticket() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Die Suche im DMS findet seit Freitag nichts mehr. Could you "
                              "take a look?", 23, subject="DMS"),
        _msg(2, "owen@provider.de", "I've restarted the indexing service. I'll check first "
                                    "thing tomorrow.", 23, subject="DMS"),
        _msg(3, "k@kunde.de", "Searches are finding everything again. Thanks!", 24,
             subject="DMS"),
    )
    assert _open(x) == []
    assert x.ticket is not None and x.ticket.state == "resolved"


def test_a_confirmed_fix_leaves_our_promise_of_later_work_open() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Der Scanner streikt schon wieder. Können Sie bitte noch mal "
                              "schauen?", 8, subject="Scanner"),
        _msg(2, "kai@provider.de", "Ich habe das Konto entsperrt, Sie können wieder scannen. "
                                   "Für jeden Scanner richte ich am Dienstag, 15.12., ein "
                                   "eigenes Dienstkonto ein.", 8, subject="Scanner"),
        _msg(3, "k@kunde.de", "Läuft wieder, danke.", 9, subject="Scanner"),
    )
    (point,) = _open(x)
    assert "Dienstkonto" in point.text and point.due == date(2026, 12, 15)
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_later_promise_supersedes_the_earlier_one() -> None:
    x = _extract(
        _msg(1, "kai@provider.de", "Den zweiten Monitor bringe ich Ende KW 50 vorbei.", 26,
             subject="Monitor"),
        _msg(2, "jana@provider.de", "Den Monitor bringe ich am Montag, 14.12., vorbei.", 30,
             subject="Monitor"),
    )
    (point,) = _open(x)
    assert "Montag" in point.text and "KW 50" not in point.text
    assert point.id == x.points[0].id or point.id in {p.id for p in x.points}


def test_a_notice_with_a_date_is_informational() -> None:
    x = _extract(_msg(1, "k@kunde.de", "Die Kanzlei ist vom 24.12. bis 03.01. geschlossen.", 23,
                      subject="Ferien"))
    assert _open(x) == []
    assert x.ticket is not None and x.ticket.state == "informational"


def test_a_request_to_leave_things_alone_is_no_matter() -> None:
    x = _extract(_msg(1, "k@kunde.de", "Am Samstag spielt der Hersteller ein Update ein. In "
                                       "dieser Zeit bitte keine Arbeiten an der Firewall.", 23,
                      subject="Wartung"))
    assert _open(x) == []


def test_ticket_system_notices_say_pending_or_reopened() -> None:
    pending = _msg(5, "helpdesk@kunde.freshdesk.com", "The status of ticket #3351 has been "
                   "changed to Pending by Kyle Brennan.", 24, auto="auto-reply",
                   subject="[#3351] Ticket status changed to Pending")
    reopened = _msg(6, "otrs@kunde.de", "Status: wieder geöffnet", 24, auto="auto-reply",
                    subject="[Ticket#2026] Statusänderung")
    plain = _msg(7, "k@kunde.de", "Der Status der Lieferung ist unklar, bitte prüfen.", 24)
    assert notice_state(pending) == "pending"
    assert notice_state(reopened) == "open"
    assert notice_state(plain) is None


def test_owner_changes_follow_the_matter_their_point_joined() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Das VPN bricht ständig ab. Können Sie das bitte prüfen?", 23,
             subject="VPN"),
        _msg(2, "sandra.yilmaz@provider.de", "Max ist krank, ich übernehme das Ticket. Ich "
                                             "prüfe das bis morgen.", 24, subject="VPN"),
    )
    (point,) = _open(x)
    assert {c.point_id for c in x.owner_changes} <= {p.id for p in x.points}
    assert any(c.new == "sandra.yilmaz@provider.de" for c in x.owner_changes)
    assert point.owner == "sandra.yilmaz@provider.de"


def test_a_ticket_is_stored_with_its_thread(tmp_path) -> None:
    store = StateStore.open(tmp_path / "s.db")
    try:
        ticket = Ticket(state="waiting_on_customer", owner="kai@provider.de",
                        next_step="Welches Modell?", next_by="kai@provider.de",
                        next_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC), due=date(2026, 12, 18))
        with store.transaction():
            store.save_thread(ThreadRecord("<1@x>", "acme", "Handy", ["<1@x>"], [],
                                           datetime(2026, 12, 1, tzinfo=UTC), ticket=ticket))
        (rec,) = store.threads("acme")
        assert rec.ticket == ticket
    finally:
        store.close()


def test_a_date_they_only_mention_is_no_deadline_our_new_date_stands() -> None:
    """Their chase recalls our old date ("Es hieß, er steht bis Ende KW 50"); our answer names
    a new one: the new one stands. A date in what they ask would count (the earlier wins)."""
    x = _extract(
        _msg(1, "k@kunde.de", "Wie sieht es mit dem zweiten Monitor aus? Es hieß, er steht bis "
                              "Freitag, 04.12., bisher ist nichts angekommen.", 30,
             subject="Monitor"),
        _msg(2, "jana@provider.de", "Der Monitor ist unterwegs: ich bringe ihn am Montag, "
                                    "07.12., vorbei.", 30, subject="Monitor"),
    )
    (point,) = _open(x)
    assert point.due == date(2026, 12, 7)


def test_the_writers_absence_is_context_not_a_matter_or_deadline() -> None:
    x = _extract(_msg(1, "k@kunde.de", "Bitte richten Sie für Herrn Sandmann einen VPN-Zugang "
                                       "ein. Ich bin ab morgen bis einschließlich 14.12. nicht "
                                       "im Haus, Rückfragen bitte an Herrn Kaya.", 9,
                      subject="Zugang"))
    (point,) = _open(x)
    assert "VPN-Zugang" in point.text and "Rückfragen" not in point.text
    assert point.due is None


def test_an_invitation_is_informational() -> None:
    x = _extract(_msg(1, "k@kunde.de", "Wir laden Sie herzlich zu unserer Weihnachtsfeier am "
                                       "17.12. ein. Bitte geben Sie bis 10.12. Bescheid, ob Sie "
                                       "kommen.", 23, subject="Weihnachtsfeier"))
    assert _open(x) == [] and x.ticket is not None and x.ticket.state == "informational"


def test_a_date_in_their_thanks_is_no_chase() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Der Drucker im Lager zieht kein Papier mehr ein. Können Sie "
                              "jemanden schicken?", 23),
        _msg(2, "tom@provider.de", "Ich komme morgen um 10 Uhr vorbei.", 23),
        _msg(3, "k@kunde.de", "Danke, bis morgen!", 23),
    )
    (point,) = _open(x)
    assert "bis morgen" not in point.text and point.promise == "Ich komme morgen um 10 Uhr vorbei."
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_monitoring_alert_of_ours_is_a_matter_for_us_not_a_promise_of_the_system() -> None:
    x = _extract(_msg(1, "checkmk@provider.de", "Service Filesystem D:/ is CRIT - 96% used. "
                                                "Please check the disk space.", 23,
                      subject="Check_MK: WL-FS01 CRIT"))
    (point,) = _open(x)
    assert point.owner == "max.weber@provider.de"  # the default owner, never the system
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_customer_mail_to_one_of_us_who_wrote_before_is_theirs() -> None:
    """Written To: Ravi (who wrote in the thread), the new ask is Ravi's; written to the shared
    mailbox, it stays with the owner so far."""
    x = _extract(
        _msg(1, "k@kunde.de", "Die MFA-Abfragen kommen ständig. Können Sie das prüfen?", 23,
             subject="MFA", to=("service@provider.de",)),
        _msg(2, "ravi@provider.de", "Ich habe die Richtlinie korrigiert.", 24, subject="MFA"),
        _msg(3, "k@kunde.de", "Rebeccas iPad fragt noch mehrmals am Tag. Können Sie sich das "
                              "auch ansehen?", 25, subject="MFA", to=("ravi@provider.de",)),
    )
    (point,) = _open(x)
    assert "iPad" in point.text and point.owner == "ravi@provider.de"
    y = _extract(_msg(1, "k@kunde.de", "Können Sie das VPN prüfen?", 23, subject="VPN",
                      to=("service@provider.de",)))
    assert _open(y)[0].owner == "max.weber@provider.de"


def test_a_ticket_notice_with_a_persons_comment_is_read() -> None:
    """"Waiting for customer" with the agent's comment: the comment's question is read (and
    the notice's status lines are not)."""
    notice = _msg(2, "otrs@kunde.de", "Ticket#2026 Status: warten auf Rückmeldung\n"
                                      "Kommentar: Bitte senden Sie uns noch die Seriennummer "
                                      "des Geräts.\nDiese Nachricht wurde automatisch erzeugt.",
                  24, auto="auto-reply", subject="[Ticket#2026] Status geändert")
    x = _extract(_msg(1, "tom@provider.de", "Ich habe das Gerät geprüft.", 23,
                      subject="[Ticket#2026] Drucker"), notice)
    (point,) = _open(x)
    assert "Seriennummer" in point.text and "automatisch" not in point.text
    plain = _msg(3, "otrs@kunde.de", "Ticket#2026 Status: warten auf Rückmeldung", 24,
                 auto="auto-reply", subject="[Ticket#2026] Status geändert")
    assert _open(_extract(plain)) == []


def test_saying_yes_to_their_party_takes_nothing_over() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Der Scanner streikt. Können Sie das prüfen?", 20, subject="Scan"),
        _msg(2, "k@kunde.de", "Übrigens: Wir laden Sie herzlich zu unserer Weihnachtsfeier am "
                              "17.12. ein.", 21, subject="Scan"),
        _msg(3, "anna@provider.de", "Ich komme sehr gern vorbei!", 21, subject="Scan"),
    )
    (point,) = _open(x)
    assert point.owner == "max.weber@provider.de" and not x.owner_changes


def test_a_monitoring_problem_is_a_matter_and_its_recovery_settles_it() -> None:
    problem = _msg(1, "nagios@provider.de", "Notification Type: PROBLEM\nService: Disk C:\n"
                                            "State: CRITICAL", 23,
                   subject="** PROBLEM Service Alert: FS01/Disk C: is CRITICAL **")
    recovery = _msg(2, "nagios@provider.de", "Notification Type: RECOVERY\nState: OK", 23,
                    subject="** RECOVERY Service Alert: FS01/Disk C: is OK **")
    alone = _extract(problem)
    (point,) = _open(alone)
    assert point.kind == "blocker" and "FS01/Disk C:" in point.text
    assert point.owner == "max.weber@provider.de"
    assert alone.ticket is not None and alone.ticket.state == "waiting_on_us"
    both = _extract(problem, recovery)
    assert _open(both) == [] and both.ticket is not None and both.ticket.state == "resolved"


def test_alert_states() -> None:
    from mailsum.extract.alerts import alert_state

    crit = _msg(1, "checkmk@monitoring.provider.de", "State:    OK -> CRIT", 3,
                subject="Check_MK: FS01/Filesystem D:/ OK -> CRIT")
    ok = _msg(2, "checkmk@monitoring.provider.de", "State:    CRIT -> OK", 3,
              subject="Check_MK: FS01/Filesystem D:/ CRIT -> OK")
    zabbix = _msg(3, "zabbix@provider.de", "Problem has been resolved at 11:20:02", 3,
                  subject="Resolved: Backup job failed on SRV2")
    person = _msg(4, "k@kunde.de", "Status: kritisch, der Server ist down.", 3)
    assert [alert_state(m) for m in (crit, ok, zabbix, person)] == [
        "problem", "recovery", "recovery", None]


def test_their_objection_reopens_what_our_fix_settled() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Das VPN bricht jede Stunde ab.", 2, subject="VPN"),
        _msg(2, "sam@provider.de", "Ich habe den VPN-Client aktualisiert. Bitte testen Sie es "
                                   "und geben Sie mir Bescheid.", 3, subject="VPN"),
        _msg(3, "k@kunde.de", "Bricht leider immer noch ab, zweimal heute Morgen.", 4,
             subject="VPN"),
    )
    (point,) = _open(x)
    assert "jede Stunde" in point.text and point.owner == "sam@provider.de"
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_date_they_set_in_a_demand_counts_and_the_demand_is_their_chase() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Unser Kopierer zeigt Fehler C-2557. Können Sie einen Techniker "
                              "schicken?", 2, subject="Kopierer"),
        _msg(2, "tom@provider.de", "Ich schicke Ihnen nächste Woche einen Techniker.", 2,
             subject="Kopierer"),
        _msg(3, "chef@kunde.de", "Das ist inakzeptabel. Ich erwarte, dass der Kopierer bis "
                                 "spätestens Donnerstag, 05.11., wieder läuft.", 3,
             subject="Kopierer"),
    )
    (point,) = _open(x)
    assert "C-2557" in point.text and "Ich erwarte" in point.text
    assert point.due == date(2026, 11, 5)


def test_a_kept_promise_no_longer_binds_the_matter_to_its_date() -> None:
    """"I'll send you a quote by 12/8" kept on 12/8 ("Quote attached …"): what remains is
    their date ("ready by 12/28"), so the matter is not overdue against the kept promise."""
    x = _extract(
        _msg(1, "k@kunde.de", "Can you quote the laptops and have everything ready by 12/28?",
             2, subject="Laptops", lang="en"),
        _msg(2, "nathan@provider.de", "I'll send you a quote for the laptops by Tuesday, 12/8.",
             3, subject="Laptops", lang="en"),
        _msg(3, "nathan@provider.de", "Quote attached for the three laptops.", 8,
             subject="Laptops", lang="en"),
    )
    (point,) = _open(x)
    assert point.due == date(2026, 12, 28)
    assert point.promise == "Quote attached for the three laptops."


def test_asking_again_without_an_answer_is_an_escalation() -> None:
    first = _msg(1, "k@kunde.de", "Können Sie bitte das Zertifikat erneuern?", 2,
                 subject="Zertifikat")
    again = _msg(2, "k@kunde.de", "Gibt es schon etwas Neues zum Zertifikat?", 9,
                 subject="Zertifikat")
    (chased,) = _open(_extract(first, again))
    assert chased.escalation
    answered = _msg(3, "tom@provider.de", "Das Zertifikat erneuere ich morgen.", 9,
                    subject="Zertifikat")
    (point,) = _open(_extract(first, again, answered))
    assert not point.escalation


def test_thanks_for_a_promise_keeps_it_open_until_its_day() -> None:
    asked = _msg(1, "k@kunde.de", "Können Sie bitte das Zertifikat erneuern?", 2,
                 subject="Zertifikat")
    promise = _msg(2, "tom@provider.de", "Ich kümmere mich darum.", 2, subject="Zertifikat")
    thanks = _msg(3, "k@kunde.de", "Danke!", 2, subject="Zertifikat")
    assert len(_open(_extract(asked, promise, thanks))) == 1  # thanked, not done
    dated = _msg(2, "tom@provider.de", "Ich erneuere das Zertifikat am Donnerstag, 05.11.", 2,
                 subject="Zertifikat")
    later = _msg(3, "k@kunde.de", "Hat alles geklappt heute, vielen Dank!", 5,
                 subject="Zertifikat")
    x = _extract(asked, dated, later)
    assert _open(x) == [] and x.ticket is not None and x.ticket.state == "resolved"


def test_an_outsider_under_the_tickets_tag_settles_nothing() -> None:
    report = _msg(1, "k@kunde.de", "Das VPN bricht ständig ab. Können Sie das prüfen?", 2,
                  subject="VPN")
    forged = _msg(2, "mallory@evil.example", "Das Problem ist behoben, das VPN funktioniert "
                                             "jetzt wieder.", 3, subject="VPN")
    thread = Thread(report.message_id, "VPN", [report.message_id, forged.message_id])
    ruled = extract_thread(thread, [report, forged], team=Team(TEAM), parties=("kunde.de",))
    assert len(_open(ruled)) == 1
    colleague = _msg(3, "chef@kunde.de", "Das Problem ist behoben, das VPN funktioniert jetzt "
                                         "wieder.", 4, subject="VPN")
    thread.message_ids.append(colleague.message_id)
    settled = extract_thread(thread, [report, forged, colleague], team=Team(TEAM),
                             parties=("kunde.de",))
    assert _open(settled) == []



def test_an_answer_phrased_as_an_instruction_answers_our_question() -> None:
    """"Bitte nehmen Sie dafür den Server FS02" answers "Auf welchem Server …?": nothing waits
    on the customer any more, the instruction is their matter, ours to carry out."""
    x = _extract(
        _msg(1, "k@kunde.de", "Wir brauchen ein neues Projektlaufwerk für die Planung.", 23,
             subject="Projektlaufwerk"),
        _msg(2, "kai@provider.de", "Auf welchem Server soll das Projektlaufwerk liegen, FS01 "
                                   "oder FS02?", 24, subject="Projektlaufwerk"),
        _msg(3, "k@kunde.de", "Bitte nehmen Sie für das Projektlaufwerk den Server FS02.", 25,
             subject="Projektlaufwerk"),
    )
    assert not [p for p in _open(x) if p.raised_by == "kai@provider.de"]
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"
    assert any("FS02" in p.text for p in _open(x))


def test_an_instruction_in_english_answers_our_question() -> None:
    x = _extract(
        _msg(1, "owen@provider.de", "Which printer should the new label queue use, the Zebra "
                                    "in dispatch or the one in the warehouse?", 24,
             subject="Labels", lang="en"),
        _msg(2, "k@kunde.de", "Please use the Zebra printer in dispatch for the label queue.",
             25, subject="Labels", lang="en"),
    )
    assert not [p for p in _open(x) if p.raised_by == "owen@provider.de"]
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_the_fault_coming_back_after_our_fix_reopens_the_ticket() -> None:
    """"Unfortunately it dropped again twice this morning" after our "should be stable now":
    the matter is open again, and whoever did the fix has it."""
    x = _extract(
        _msg(1, "k@kunde.de", "The VPN keeps dropping every 20 minutes. Could you look into "
                              "it?", 20, subject="VPN", lang="en"),
        _msg(2, "owen@provider.de", "I've updated the VPN client on all laptops, it should be "
                                    "stable now.", 21, subject="VPN", lang="en"),
        _msg(3, "k@kunde.de", "Unfortunately it dropped again twice this morning.", 22,
             subject="VPN", lang="en"),
    )
    (point,) = _open(x)
    assert "VPN" in point.text and point.owner == "owen@provider.de"
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_quiet_week_after_our_fix_is_no_recurrence() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Der Scanner bricht seit Montag jeden Scan nach der ersten Seite "
                              "ab.", 20, subject="Scanner"),
        _msg(2, "kai@provider.de", "Ich habe die Firmware des Scanners aktualisiert.", 21,
             subject="Scanner"),
        _msg(3, "k@kunde.de", "Seit dem Update ist der Fehler nicht wieder aufgetreten, "
                              "danke!", 27, subject="Scanner"),
    )
    assert _open(x) == []


def test_the_colleague_who_asks_what_the_work_needs_owns_it() -> None:
    """Kai answers the customer's request with the question it needs: he is working on it,
    the ticket waits on the customer's answer to his question."""
    x = _extract(
        _msg(1, "k@kunde.de", "Bitte richten Sie für Frau Kern ein Postfach ein.", 20,
             subject="Postfach"),
        _msg(2, "kai@provider.de", "Gerne. Soll Frau Kern auch Zugriff auf das Postfach "
                                   "buchhaltung@ bekommen?", 21, subject="Postfach"),
    )
    assert x.ticket is not None and x.ticket.state == "waiting_on_customer"
    assert x.ticket.owner == "kai@provider.de"
    assert x.ticket.next_step is not None and "buchhaltung@" in x.ticket.next_step
    assert {c.new for c in x.owner_changes} == {"kai@provider.de"}


def test_our_question_in_a_thread_we_started_changes_no_owner() -> None:
    x = _extract(
        _msg(1, "kai@provider.de", "Sollen wir das Update am Samstag einspielen?", 20,
             subject="Update"),
    )
    assert x.owner_changes == []


def test_a_bare_yes_is_shown_with_the_question_it_answers() -> None:
    """"Yes, please go ahead." alone tells the reader nothing: the matter shows the exchange."""
    x = _extract(
        _msg(1, "k@kunde.de", "Our file server is almost full (92%).", 20, subject="Disk",
             lang="en"),
        _msg(2, "owen@provider.de", "We could add a 2 TB disk this Saturday, the cost would be "
                                    "about 380 EUR. Shall we go ahead?", 21, subject="Disk",
             lang="en"),
        _msg(3, "k@kunde.de", "Yes, please go ahead.", 22, subject="Disk", lang="en"),
    )
    (point,) = _open(x)
    assert point.text.startswith("We could add a 2 TB disk")
    assert point.text.endswith("Shall we go ahead? – Yes, please go ahead.")
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_german_yes_is_shown_with_the_question_it_answers() -> None:
    x = _extract(
        _msg(1, "kai@provider.de", "Die Lizenz für das Backup läuft am 15.12. aus. Sollen wir "
                                   "sie um ein Jahr verlängern?", 20, subject="Backup"),
        _msg(2, "k@kunde.de", "Ja, bitte verlängern.", 21, subject="Backup"),
    )
    (point,) = _open(x)
    assert "Backup läuft am 15.12. aus" in point.text and point.text.endswith(
        "– Ja, bitte verlängern.")


def test_a_reply_with_its_own_subject_is_not_joined_to_our_question() -> None:
    x = _extract(
        _msg(1, "kai@provider.de", "Sollen wir das Update am Samstag einspielen?", 20,
             subject="Update"),
        _msg(2, "k@kunde.de", "Bitte spielen Sie das Update erst nach dem Monatsabschluss am "
                              "05.12. ein.", 21, subject="Update"),
    )
    (point,) = _open(x)
    assert point.text.startswith("Bitte spielen Sie") and "–" not in point.text


def test_a_fault_on_the_greetings_line_is_read() -> None:
    """"Hallo, der Drucker ist kaputt." is one sentence: the greeting says nothing, the fault
    does. A greeting or thanks alone stays nothing."""
    x = _extract(_msg(1, "k@kunde.de", "Hallo, der Scanner geht nicht.\n\n"
                                       "Hallo zusammen, vielen Dank!", 20))
    (point,) = _open(x)
    assert point.kind == "blocker" and point.text == "der Scanner geht nicht."


def test_a_short_chase_on_the_greetings_line_is_a_chase() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Could you send us a quote for two more licences?", 16,
             subject="Licences", lang="en"),
        _msg(2, "k@kunde.de", "Hi, any news?", 23, subject="Licences", lang="en"),
    )
    (point,) = _open(x)
    assert point.text.endswith("any news?") and "quote" in point.text


def test_a_reopened_fault_is_due_when_we_promised_not_when_they_first_asked() -> None:
    """"heute noch" was met by the same day's fix; after "geht immer noch nicht" and our
    "ich melde mich bis Freitag", Friday is the date, and writing to the vendor settles nothing."""
    x = _extract(
        _msg(1, "k@kunde.de", "Die Kasse 2 meldet seit heute früh „TSE nicht erreichbar“. "
                              "Könnten Sie sich das bitte heute noch ansehen?", 2, subject="Kasse"),
        _msg(2, "lukas@provider.de", "Ich habe die TSE neu eingebunden, es sollte jetzt wieder "
                                     "gehen.", 2, subject="Kasse"),
        _msg(3, "k@kunde.de", "Leider geht es immer noch nicht richtig.", 4, subject="Kasse"),
        _msg(4, "lukas@provider.de", "Ich habe den Kassenhersteller angeschrieben. Ich melde mich "
                                     "bis Freitag, 06.11., bei Ihnen.", 4, subject="Kasse"),
    )
    (point,) = _open(x)
    assert "TSE" in point.text and point.due == date(2026, 11, 6)
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_thanks_that_defer_and_add_a_need_make_the_need_a_matter() -> None:
    """"Thanks Fiona, that's really helpful. I'll take both to Rachel … and come back to you.
    One more thing: she'll need a phone extension": the extension is theirs, ours to do."""
    x = _extract(
        _msg(1, "fiona@provider.de", "Attached are two options for the boardroom: a Rally Bar or "
                                     "a MeetingBar A30. Which one would you like to go with?",
             11, subject="Boardroom", lang="en"),
        _msg(2, "k@kunde.de", "Thanks Fiona, that's really helpful. I'll take both to Rachel at "
                              "Thursday's meeting and come back to you. One more thing for Aisha: "
                              "she'll need a phone extension in the Lettings hunt group as well.",
             12, subject="Boardroom", lang="en"),
    )
    assert any("extension" in p.text for p in _open(x))
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_new_ask_that_says_so_is_a_matter_of_its_own() -> None:
    """"And could you order her a second monitor …?" a week after the accounts were asked
    and promised: two matters, the accounts with our promise, the monitor waiting on us."""
    x = _extract(
        _msg(1, "k@kunde.de", "We have a new hygienist starting on 30 November. She'll need an "
                              "email account and a login for the imaging software.", 5,
             subject="New hire", lang="en"),
        _msg(2, "alicia@provider.de", "Sure – I'll have Brianna's email account and imaging "
                                      "login ready by Monday 23 November.", 5,
             subject="New hire", lang="en"),
        _msg(3, "k@kunde.de", "And could you order her a second monitor like the other "
                              "hygienists have?", 10, subject="New hire", lang="en"),
    )
    opened = _open(x)
    assert len(opened) == 2
    monitor = next(p for p in opened if "monitor" in p.text)
    accounts = next(p for p in opened if "account" in p.text)
    assert monitor.promise is None and accounts.promise is not None
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_a_chase_with_new_details_stays_the_same_matter() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Unsere Auftragsbestätigungen landen bei Nordkai im Spam. Können "
                              "Sie bitte prüfen, woran das liegt?", 1, subject="Spam"),
        _msg(2, "jana@provider.de", "Ich kläre das mit dem ERP-Hersteller und melde mich.", 2,
             subject="Spam"),
        _msg(3, "k@kunde.de", "Gibt es etwas Neues? Bei Nordkai ist immer noch alles im Spam, "
                              "und die fragen inzwischen, ob sie die Bestätigungen per Fax "
                              "bekommen sollen.", 9, subject="Spam"),
    )
    assert len(_open(x)) == 1


def test_the_items_of_a_list_an_ask_introduces_are_asks_and_matters() -> None:
    """"Dafür brauchen wir: 1. … 2. …": each item is asked; the one our reply leaves out stays
    open on its own, what we took on by number has our promise."""
    x = _extract(
        _msg(1, "k@kunde.de", "Für die neue Filiale brauchen wir:\n\n"
                              "1. Router und Firewall wie in den anderen Filialen\n"
                              "2. Ein E-Mail-Postfach für die Filialleiterin Frau Pohl\n", 5,
             subject="Filiale"),
        _msg(2, "henrike@provider.de", "Zu 1.: Herr Färber richtet Router und Firewall am "
                                       "Donnerstag, 26.11., vor Ort ein.", 6, subject="Filiale"),
    )
    opened = _open(x)
    assert len(opened) == 2
    postfach = next(p for p in opened if "Postfach" in p.text)
    router = next(p for p in opened if "Router" in p.text)
    assert postfach.kind == "request" and postfach.promise is None
    assert router.promise is not None and router.due == date(2026, 11, 26)


def test_a_thank_you_note_and_our_courtesy_reply_leave_nothing_open() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Just a quick note to say thank you to Callum and Priya for the "
                              "office move. Please pass on our thanks.", 16, subject="Thanks",
             lang="en"),
        _msg(2, "fiona@provider.de", "Thank you, Rachel – that's lovely to hear. I'll pass it on "
                                     "to both of them.", 16, subject="Thanks", lang="en"),
    )
    assert _open(x) == []


def test_what_several_new_people_need_is_asked() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Zum 01.12. fangen drei Auszubildende an. Die drei brauchen einen "
                              "Zugang zum Schulungsportal.", 9, subject="Azubis"),
        _msg(2, "lukas@provider.de", "Mache ich gern. Sollen die drei eigene E-Mail-Adressen "
                                     "bekommen?", 9, subject="Azubis"),
    )
    assert x.ticket is not None and x.ticket.state == "waiting_on_customer"
    assert any("Schulungsportal" in p.text for p in _open(x))


def test_the_fault_reported_again_is_what_the_matter_shows() -> None:
    """After our card swap, "heute Nacht ist der LW-PC2 wieder eingefroren. Bitte kommen Sie
    sich das noch einmal ansehen.": the matter names the fault that came back."""
    x = _extract(
        _msg(1, "k@kunde.de", "Der Fernwirk-PC LW-PC1 friert seit letzter Woche mehrmals am Tag "
                              "ein.", 3, subject="PC"),
        _msg(2, "lukas@provider.de", "Ich habe die Grafikkarte im PC getauscht.", 13,
             subject="PC"),
        _msg(3, "k@kunde.de", "Heute Nacht ist der LW-PC1 wieder eingefroren. Bitte kommen Sie "
                              "sich das noch einmal ansehen.", 17, subject="PC"),
    )
    (point,) = _open(x)
    assert point.kind == "blocker" and "wieder eingefroren" in point.text
    assert point.owner == "lukas@provider.de"


def test_a_deliverable_asked_beside_the_fault_is_a_line_of_its_own() -> None:
    """The head of the utility wants the fault fixed and a written explanation; our "Die
    schriftliche Erklärung schicke ich Ihnen bis Mittwoch" is its own line, due that day."""
    x = _extract(
        _msg(1, "k@kunde.de", "Der Fernwirk-PC in der Leitwarte friert mehrmals am Tag ein.", 3,
             subject="PC"),
        _msg(2, "chefin@kunde.de", "Der PC friert weiterhin ein. Ich erwarte, dass der Fehler bis "
                                   "Montag, 16.11., behoben ist, und bitte um eine kurze "
                                   "schriftliche Erklärung, warum der Termin ausgefallen ist.",
             12, subject="PC"),
        _msg(3, "tobias@provider.de", "Die schriftliche Erklärung schicke ich Ihnen bis Mittwoch, "
                                      "18.11.", 12, subject="PC"),
    )
    opened = _open(x)
    assert len(opened) == 2
    letter = next(p for p in opened if "Erklärung schicke" in p.text)
    assert letter.kind == "todo" and letter.due == date(2026, 11, 18)
    fault = next(p for p in opened if p is not letter)
    assert fault.kind == "blocker" and fault.due == date(2026, 11, 16)


def test_the_customers_service_desk_relays_their_words() -> None:
    """Their own service desk's notices are automatic mail, but "Beschreibung:" and "Neuer
    Kommentar von Matthias Gerlach (06.11.2026 08:14):" carry a person's words: the ask, and
    later the answers to our questions."""
    desk = "servicedesk@kunde.de"
    x = _extract(
        _msg(1, desk, "für Sie wurde ein neues Ticket angelegt.\nTicket: #20417\nPriorität: "
                      "normal\nBeschreibung:\nBitte richten Sie auf den vier neuen Laptops den "
                      "VPN-Zugang ein.\n\n---\nAntworten Sie auf diese E-Mail, um dem Ticket "
                      "einen Kommentar hinzuzufügen.", 5, subject="[SD #20417] Neues Ticket: VPN",
             auto="auto-reply"),
        _msg(2, "marta@provider.de", "Für die VPN-Profile brauche ich noch die Namen der vier "
                                     "Kolleginnen und Kollegen, die die Laptops bekommen.", 5,
             subject="AW: [SD #20417] Neues Ticket: VPN"),
        _msg(3, desk, "das Ticket #20417 wurde aktualisiert.\nNeuer Kommentar von Matthias "
                      "Gerlach (06.11.2026 08:14):\nDie Laptops bekommen Herr Brede, Herr Ulrich, "
                      "Frau Sommer und Herr Yıldız.\nStatus: In Bearbeitung\n---\nAntworten Sie "
                      "auf diese E-Mail.", 6, subject="[SD #20417] Ticket aktualisiert: VPN",
             auto="auto-reply"),
    )
    (point,) = _open(x)
    assert "VPN-Zugang" in point.text
    assert not [p for p in x.points if p.raised_by == "marta@provider.de" and p.status == "open"]
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"


def test_the_account_manager_gives_the_matter_to_a_colleague() -> None:
    """Henrike owns nothing in the thread; "Herr Ortlieb, unser Teamleiter, übernimmt das ab
    sofort" gives the customer's matter to him."""
    x = _extract(
        _msg(1, "chef@kunde.de", "Die Warenwirtschaft ist morgens so langsam, dass nichts geht. "
                                 "Bitte kümmern Sie sich sofort darum.", 10, subject="WaWi"),
        _msg(2, "henrike@provider.de", "Herr Ortlieb, unser Teamleiter, übernimmt das ab sofort "
                                       "persönlich.", 11, subject="WaWi",
             to=("chef@kunde.de", "sven.ortlieb@provider.de")),
        _msg(3, "sven.ortlieb@provider.de", "Ich sehe mir den Server heute Vormittag an.", 11,
             subject="WaWi"),
    )
    (point,) = _open(x)
    assert point.owner == "sven.ortlieb@provider.de"
    assert "sven.ortlieb@provider.de" in {c.new for c in x.owner_changes}


def test_our_promise_for_a_later_day_outlives_our_fix_and_their_thanks() -> None:
    """"I'll send you a written summary … by Monday 11/16" is not kept by "I've expanded the
    volume by 2 TB" nor by "Thank you for sorting it out": the summary is still owed."""
    x = _extract(
        _msg(1, "owner@kunde.de", "The imaging backup has failed every night this week. I want "
                                  "this fixed by Friday and a written explanation.", 11,
             subject="Backups", lang="en"),
        _msg(2, "derek@provider.de", "I'll send you a written summary of the cause by Monday "
                                     "11/16.", 11, subject="Backups", lang="en"),
        _msg(3, "alicia@provider.de", "I've expanded the volume by 2 TB and ran the imaging "
                                      "backup by hand.", 12, subject="Backups", lang="en"),
        _msg(4, "k@kunde.de", "Thank you for sorting it out so quickly!", 13, subject="Backups",
             lang="en"),
    )
    (point,) = _open(x)
    assert "written summary" in point.text and point.due == date(2026, 11, 16)


def test_the_fault_that_names_the_matter_leads_a_report_that_opens_with_a_bare_one() -> None:
    # must: "Leider ist das Problem wieder da." names nothing; the next fault names the printer
    x = _extract(_msg(1, "k@kunde.de", "Leider ist das Problem wieder da. Der Drucker im 2. OG "
                                       "druckt wieder nur leere Seiten.", 23))
    (point,) = _open(x)
    assert point.text.startswith("Der Drucker im 2. OG druckt")


def test_the_first_fault_leads_when_it_names_the_matter_or_none_does() -> None:
    # must not: the first fault names the printer; a later one about it too stays behind
    x = _extract(_msg(1, "k@kunde.de", "Der Drucker im 2. OG druckt nur leere Seiten. Auch "
                                       "der Drucker im 1. OG zeigt einen Fehler an.", 23))
    assert _open(x)[0].text.startswith("Der Drucker im 2. OG druckt")
    # must not: under a subject no fault shares a word with, the first fault leads
    x = _extract(_msg(1, "k@kunde.de", "Leider ist das Problem wieder da. Outlook stürzt beim "
                                       "Start ab.", 23, subject="Kurze Frage"))
    assert _open(x)[0].text.startswith("Leider ist das Problem wieder da.")


def test_of_a_sentences_dates_the_ask_is_due_on_the_one_its_clause_names() -> None:
    # must: the boss's Friday is context, the quote is asked for by Thursday (day 23 = Mon)
    x = _extract(_msg(1, "k@kunde.de", "Herr Hofmann möchte die Bestellung bis Freitag "
                                       "freigeben, bitte schicken Sie uns das Angebot bis "
                                       "Donnerstag.", 23))
    assert _open(x)[0].due == date(2026, 11, 26)
    x = _extract(_msg(1, "k@kunde.com", "We go live on Monday 30 November, so please send the "
                                        "config by Friday.", 23, lang="en"))
    assert _open(x)[0].due == date(2026, 11, 27)


def test_a_date_split_by_a_comma_or_asked_in_two_clauses_keeps_the_first_reading() -> None:
    # must not: "Freitag, 04.12." is one date, not two clauses
    x = _extract(_msg(1, "k@kunde.de", "Bitte richten Sie den Zugang bis Freitag, 04.12., ein.",
                      23))
    assert _open(x)[0].due == date(2026, 12, 4)
    # must not: two clauses ask, so the sentence's first date stands
    x = _extract(_msg(1, "k@kunde.de", "Bitte bestellen Sie den Toner bis Mittwoch, bitte "
                                       "tauschen Sie ihn bis Freitag.", 23))
    assert _open(x)[0].due == date(2026, 11, 25)


def test_our_promise_for_one_item_of_their_list_outlives_a_report_on_another() -> None:
    from mailsum.extract.points import _resolve
    from mailsum.models import Point

    report = _msg(4, "aisha.patel@provider.de", "I updated TrialDirector on CP-LT-019 to "
                  "version 8.1 remotely this afternoon.", 17, lang="en")

    def promise(text: str) -> Point:
        return Point(id=text[:8], kind="todo", text=text, message_id="<2@x>",
                     raised_by="aisha.patel@provider.de", raised_at=datetime(2026, 11, 16, 9,
                     tzinfo=UTC), owner="aisha.patel@provider.de", due=date(2026, 12, 1))

    # must: "For (1), …" is about item 1 of their list; the report is about item 3
    kept = promise("For (1), our field technician will set up Conference Room B on Tuesday "
                   "12/1.")
    # must not: a visit for a later day without a deadline word or an item is moot once done
    moot = promise("Our field technician will come over on Tuesday 12/1.")
    _resolve([kept, moot], report, True, Team(TEAM), {}, said=[report.text])
    assert (kept.status, moot.status) == ("open", "resolved")


def test_our_fix_report_settles_our_planned_visit_to_the_same_fault() -> None:
    # must not: a visit promised for Wednesday is moot once we fixed it remotely
    x = _extract(
        _msg(1, "k@kunde.de", "Im Tagungsraum bricht das WLAN alle paar Minuten ab.", 16),
        _msg(2, "max.weber@provider.de", "Ich komme am Mittwoch mit einem Messgerät vorbei.", 16),
        _msg(3, "max.weber@provider.de", "Ich habe den Access Point per Fernwartung neu "
             "eingerichtet, das WLAN läuft jetzt stabil.", 17),
    )
    assert _open(x) == []


def test_the_mail_that_sends_what_we_promised_keeps_the_promise() -> None:
    def thread(promise: str, sent: str, lang: str = "de"):
        return _extract(
            _msg(1, "k@kunde.de", "Lohnt sich Business Premium für uns?", 18, lang=lang),
            _msg(2, "frauke.meyer@provider.de", promise, 19, lang=lang),
            _msg(3, "frauke.meyer@provider.de", sent, 23, lang=lang))

    # must: the attachment names the promised thing
    x = thread("Ich schicke Ihnen bis Anfang nächster Woche eine Gegenüberstellung mit den "
               "Kosten.", "anbei wie versprochen die Gegenüberstellung.")
    assert not any("Gegenüberstellung" in p.text for p in _open(x))
    x = thread("I'll send you a cost comparison by Monday.", "Please find attached the "
               "comparison.", "en")
    assert not any("comparison" in p.text for p in _open(x))
    # must not: another attachment leaves the promise owed
    x = thread("Ich schicke Ihnen bis Freitag das Angebot.", "Anbei das Protokoll der Wartung.")
    assert any("Angebot" in p.text for p in _open(x))


def test_each_item_of_a_list_is_a_matter_even_when_its_ask_follows_it() -> None:
    # must: item 3 states a fault and asks in the next sentence; it shares words with the lead
    # ("Geräte") and is still its own matter, with its number and its words
    x = _extract(_msg(1, "k@kunde.de", "Wir brauchen ab dem 07.12. fünf zusätzliche Geräte "
                      "wie die vorhandenen. Dazu drei Dinge:\n1. Bitte schicken Sie mir ein "
                      "Angebot für die fünf Geräte.\n2. Bis wann müssen wir bestellen?\n3. Bei "
                      "einigen alten Geräten halten die Akkus keine Schicht mehr. Können Sie "
                      "die Akkus der vorhandenen Geräte prüfen?", 19))
    items = [p.text for p in _open(x)]
    assert any(t.startswith("3. Bei einigen alten Geräten") and "prüfen" in t for t in items)
    assert any(t.startswith("1. Bitte schicken Sie mir ein Angebot") for t in items), items
    # must not: a later mail that repeats an item joins that item's matter
    x = _extract(_msg(1, "k@kunde.de", "Dazu zwei Dinge:\n1. Bitte schicken Sie ein Angebot "
                      "für die Laptops.\n2. Bitte prüfen Sie die Akkus der Scanner.", 19),
                 _msg(2, "k@kunde.de", "1. Das Angebot für die Laptops brauchen wir bitte bis "
                      "Freitag.", 20))
    assert len(_open(x)) == 2, [p.text for p in _open(x)]


def test_their_second_question_of_a_mail_is_shown_with_the_first() -> None:
    # must: two questions, each wants its answer
    x = _extract(_msg(1, "g@school.uk", "Is the renewal something you handle through your "
                      "licensing agreement? And will the pupils' A1 licences be affected as "
                      "well?", 25, lang="en", subject="FW: Your subscription will expire"))
    (point,) = _open(x)
    assert "renewal" in point.text and "A1 licences" in point.text
    # must not: a request beside the question is the same ask said again, not shown twice
    x = _extract(_msg(1, "k@kunde.de", "Können Sie uns das Angebot noch diese Woche schicken? "
                      "Bitte schicken Sie es an die Buchhaltung.", 23))
    (point,) = _open(x)
    assert "Buchhaltung" not in point.text


def test_a_plan_said_to_inform_is_no_to_do_but_a_fault_said_so_is_one() -> None:
    # must: our maintenance notice, acknowledged, leaves nothing open
    x = _extract(
        _msg(1, "okan.yildiz@provider.de", "zur Info: Am Samstag, 28.11., spielen wir zwischen "
             "8 und 10 Uhr ein Sicherheitsupdate auf Ihre Firewall ein. Sie müssen nichts "
             "vorbereiten.", 23, subject="Info: Firmware-Update"),
        _msg(2, "k@kunde.de", "Danke für die Info, samstags ist hier ohnehin niemand.", 23))
    assert _open(x) == []
    # must not: a fault reported "for information" is still a fault
    x = _extract(_msg(1, "k@kunde.de", "Zur Info: Der Drucker im 2. OG druckt seit heute nur "
                      "noch leere Seiten.", 23))
    assert [p.kind for p in _open(x)] == ["blocker"]


def test_their_ask_our_promise_took_on_outlives_an_interim_report_on_something_else() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Das Angebot für die Lizenz hätten wir gern.", 17),
        _msg(2, "timo.lueders@provider.de", "Das Angebot für die zusätzliche Lizenz schicke "
             "ich Ihnen bis Mittwoch, 25.11.", 17),
        # must: the interim report names the account, not the quote
        _msg(3, "timo.lueders@provider.de", "kurzer Zwischenstand: das Konto o.carstens ist "
             "angelegt, das Postfach auch.", 19))
    assert any("Angebot" in p.text for p in _open(x))
    # must not: the report that sends the quote keeps the promise
    x = _extract(
        _msg(1, "k@kunde.de", "Das Angebot für die Lizenz hätten wir gern.", 17),
        _msg(2, "timo.lueders@provider.de", "Das Angebot für die zusätzliche Lizenz schicke "
             "ich Ihnen bis Mittwoch, 25.11.", 17),
        _msg(3, "timo.lueders@provider.de", "Anbei das Angebot für die zusätzliche Lizenz.", 19),
        _msg(4, "k@kunde.de", "Danke, passt so.", 20))
    assert _open(x) == []


def test_our_mail_that_carries_what_they_asked_us_to_send_settles_the_ask() -> None:
    def thread(ask: str, sent: str):
        return _extract(_msg(1, "k@kunde.de", ask, 11), _msg(2, "h.tietjen@provider.de", sent, 11))

    # must: the quote asked for is attached
    assert _open(thread("Bitte schicken Sie mir ein kurzes Angebot.", "anbei das Angebot.")) == []
    # must not: another attachment, or an ask that is no sending, stays open
    assert _open(thread("Bitte schicken Sie mir ein kurzes Angebot.", "anbei das Protokoll."))
    assert _open(thread("Bitte prüfen Sie die Akkus der Scanner.", "Anbei die Liste der "
                        "Scanner."))


def _reply(n: int, sender: str, own: str, body: str, day: int, *, subject: str,
           lang: str = "de") -> ParsedMessage:
    """A reply whose whole body (``text``) holds more than its own text: a quote."""
    return parsed(f"<{n}@x>", subject=subject, from_addr=sender, text=body, own_text=own,
                  date=datetime(2026, 11, day, 9, n, tzinfo=UTC), language=lang)


_QUESTIONS = ("Drei Fragen hätte ich dazu:\n\n"
              "1. Soll Frau Berger auch Zugriff auf das Befundpostfach bekommen?\n\n"
              "2. Welches Headset – wieder das Jabra wie bei Frau Strasser?\n\n"
              "3. Soll der bisherige Bildschirm am Empfang bleiben?\n\n"
              "Freundliche Grüße\nLukas Pichler")


def _inline_thread(quote: str):
    return _extract(
        _msg(1, "k@kunde.de", "Ab 4. Jänner fängt Frau Berger bei uns an. Bitte richten Sie "
                              "ihr einen Arbeitsplatz ein.", 10, subject="Neue Kollegin"),
        _msg(2, "lukas@provider.de", _QUESTIONS, 10, subject="Neue Kollegin"),
        _reply(3, "k@kunde.de", "Servus Herr Pichler,\n\nmeine Antworten stehen unten bei "
               "Ihren Fragen.\n\nLiebe Grüße\nMartina",
               "Servus Herr Pichler,\n\nmeine Antworten stehen unten bei Ihren Fragen.\n\n"
               "Liebe Grüße\nMartina\n\n________________________________\n"
               "Von: Lukas Pichler <lukas@provider.de>\nGesendet: Dienstag, 10. November 2026\n"
               "Betreff: AW: Neue Kollegin\n\n" + quote, 12, subject="Neue Kollegin"),
    )


def test_inline_answers_settle_only_the_questions_they_stand_under() -> None:
    answered_two = _QUESTIONS.replace("bekommen?\n", "bekommen?\n\n-> Ja, bitte.\n").replace(
        "Strasser?\n", "Strasser?\n\n-> Ja, das gleiche.\n")
    x = _inline_thread(answered_two)
    asked = [p for p in x.points if p.raised_by == "lukas@provider.de"]
    assert [p.status for p in asked] == ["resolved", "resolved"]
    assert x.ticket is not None and x.ticket.state == "waiting_on_customer"
    assert x.ticket.next_step is not None and "Bildschirm" in x.ticket.next_step
    # all three answered: the customer's request is ours again
    all_three = answered_two.replace("bleiben?\n", "bleiben?\n\n-> Nein, der passt.\n")
    x = _inline_thread(all_three)
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"
    # the same quote with no answer written into it answers nothing
    x = _inline_thread(_QUESTIONS)
    assert not [p for p in x.points if p.status == "resolved"]
    assert x.ticket is not None and x.ticket.state == "waiting_on_customer"


def test_our_own_chase_dates_our_question_and_is_no_point_of_its_own() -> None:
    x = _extract(
        _msg(1, "ciaran@provider.de", "Hi Siobhán, your Microsoft 365 subscription renews on "
                                      "1 December. Do you want to keep all 4 Visio licences?",
             2, subject="M365 renewal", lang="en"),
        _msg(2, "ciaran@provider.de", "Hi Siobhán, just bumping this one – I'd need your "
                                      "answer by Friday 20 November so the renewal goes "
                                      "through on time.", 6, subject="M365 renewal", lang="en"),
    )
    (point,) = _open(x)
    assert "Visio" in point.text and point.due == date(2026, 11, 20)
    assert x.ticket is not None and x.ticket.state == "waiting_on_customer"
    # a new question after our own is its own point: "One more question: …"
    x = _extract(
        _msg(1, "ciaran@provider.de", "Do you want to keep all 4 Visio licences?", 2,
             subject="M365 renewal", lang="en"),
        _msg(2, "ciaran@provider.de", "One more question: should the three new hires get "
                                      "Teams phone licences?", 3, subject="M365 renewal",
             lang="en"),
    )
    assert len(_open(x)) == 2


def test_a_term_date_we_name_is_no_commitment_but_a_visit_we_date_is() -> None:
    x = _extract(_msg(1, "ciaran@provider.de", "Ihr Zertifikat für shop.kunde.de läuft am "
                                               "3.12. ab.", 20, subject="Zertifikat"))
    assert _open(x) == []
    x = _extract(_msg(1, "ciaran@provider.de", "Herr Obermaier kommt am Mittwoch, 25.11., um "
                                               "14 Uhr.", 20, subject="Beamer"))
    (point,) = _open(x)
    assert point.kind == "todo" and point.due == date(2026, 11, 25)


def test_a_date_said_to_inform_is_no_request_of_the_model() -> None:
    x = _extract(_msg(1, "niamh@kunde.de", "just so you know: the Galway office will be "
                                           "closed on Friday 13 November for our offsite.", 9,
                      subject="Office closed", lang="en"))
    assert _open(x) == []


def test_a_short_ask_shows_the_sentence_that_says_what_it_is_about() -> None:
    x = _extract(_msg(1, "k@kunde.de", "Bei der letzten Sitzung ging der Beamer nur mit "
                                       "Aussetzern. Könnten Sie die Anlage vor der Sitzung "
                                       "bitte prüfen?", 5, subject="Sitzungssaal"))
    (point,) = _open(x)
    assert "Beamer" in point.text and "prüfen" in point.text
    # an ask that names nothing of its own stays alone: the sentence before is another matter
    x = _extract(_msg(1, "k@kunde.de", "Ich erwarte bis Dienstag eine Übergangslösung für das "
                                       "WLAN auf Station 3. Bitte melden Sie sich heute noch "
                                       "bei mir.", 5, subject="WLAN"))
    texts = [p.text for p in _open(x)]
    assert not any("Übergangslösung" in t and "melden" in t for t in texts)


def test_a_need_said_of_someone_else_is_asked_of_us_and_a_request_to_refrain_is_not() -> None:
    x = _extract(_msg(1, "k@kunde.de", "Am 19.11. ist Gemeinderatssitzung. Außerdem bräuchte "
                                       "Herr Bürgermeister Wallner für die Sitzung einen "
                                       "Laptop mit der Präsentation.", 5, subject="Sitzung"))
    assert any("Laptop" in p.text for p in _open(x))
    x = _extract(_msg(1, "niamh@kunde.de", "Nobody will be in, so please don't plan anything "
                                           "on site that day.", 9, subject="Office closed",
                      lang="en"))
    assert _open(x) == []


def test_a_hand_over_gives_the_matter_and_its_promise_to_the_colleague_not_the_writer() -> None:
    x = _extract(
        _msg(1, "darragh@kunde.de", "The Wi-Fi in the Aran room keeps dropping. I need it "
                                    "solid by Tuesday 17th.", 9, subject="Wi-Fi", lang="en"),
        _msg(2, "ciaran@provider.de", "Eoin is away this week, so Niamh Doyle is taking this "
                                      "over from today. She'll be on site on Thursday 12 "
                                      "November to add a second access point.", 9,
             subject="Wi-Fi", lang="en"),
        _msg(3, "niamh.doyle@provider.de", "Noted, see you Thursday.", 10, subject="Wi-Fi",
             lang="en"),
    )
    # the writer never owned it: the change is from the owner before to the colleague
    assert [(c.old, c.new) for c in x.owner_changes] == [
        ("max.weber@provider.de", "niamh.doyle@provider.de")]
    (point,) = _open(x)
    assert point.owner == "niamh.doyle@provider.de"


def test_their_objection_to_our_fix_is_the_reason_the_fixer_follows_it_up() -> None:
    x = _extract(
        _msg(1, "conor@kunde.de", "Teams calls in the Aran room keep freezing. Could someone "
                                  "have a look?", 4, subject="Wi-Fi", lang="en"),
        _msg(2, "eoin@provider.de", "I've moved the access point to a free channel.", 4,
             subject="Wi-Fi", lang="en"),
        _msg(3, "darragh@kunde.de", "Ciarán,\n\nthis still isn't fixed – we dropped out of a "
                                    "call twice this morning.", 9, subject="Wi-Fi", lang="en"),
    )
    (change,) = [c for c in x.owner_changes if c.new == "eoin@provider.de"]
    assert "still isn't fixed" in change.reason


def test_our_dated_promise_is_why_we_own_their_request_not_our_question_after_it() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Ab 4. Jänner fängt Frau Berger an. Bitte richten Sie ihr einen "
                              "Arbeitsplatz ein.", 10, subject="Neue Kollegin"),
        _msg(2, "lukas@provider.de", "gerne, das richten wir alles bis zum 4. Jänner ein. "
                                     "Soll Frau Berger auch Zugriff auf das Befundpostfach "
                                     "bekommen?", 10, subject="Neue Kollegin"),
    )
    (change,) = [c for c in x.owner_changes if c.new == "lukas@provider.de"]
    assert "richten wir" in change.reason


def test_a_reply_carried_in_a_ticket_notice_picks_our_either_or() -> None:
    """osTicket's "Siobhán Kelly posted a reply:" carries her words; "Staging only, please"
    answers our either-or, so our question is settled and the laptop stays the one matter."""
    desk = "helpdesk@kunde.de"
    x = _extract(
        _msg(1, desk, "A new ticket #104305 has been assigned to you.\n\nSiobhán Kelly wrote:\n"
                      "Aoife Nolan joins on Monday 23 November. Please have a ThinkPad ready "
                      "with the developer image by Friday 20th.\n\n-----\nTo view or respond to "
                      "the ticket, please login.", 9, subject="[#104305] New starter",
             auto="auto-generated", lang="en"),
        _msg(2, "niamh@provider.de", "I'll have the ThinkPad ready by Friday 20 November. One "
                                     "question: should she get access to the production AWS "
                                     "account like the rest of the backend team, or only to "
                                     "staging for now?", 9, subject="RE: [#104305] New starter",
             lang="en"),
        _msg(3, desk, "Ticket #104305 has been updated.\n\nSiobhán Kelly posted a reply:\n"
                      "Staging only for the first month, please. Thanks Niamh!\n\n-----\nTo "
                      "view or respond to the ticket, please login.", 10,
             subject="[#104305] Ticket updated: New starter", auto="auto-generated",
             lang="en"),
    )
    (point,) = _open(x)
    assert "Aoife" in point.text and "ThinkPad" in (point.promise or "")
    question = next(p for p in x.points if "staging for now" in p.text)
    assert question.status == "resolved"


def test_a_go_ahead_that_picks_our_either_or_is_the_work_when_nothing_else_is_open() -> None:
    """Our offer asked which licence; "Bitte bestellen Sie die Professional-Lizenz" picks one
    and is the order itself: it stays a task of ours."""
    x = _extract(
        _msg(1, "max.weber@provider.de", "Für die neuen CAD-Plätze: sollen wir SolidWorks "
                                         "Standard bestellen oder die Professional-Lizenz?",
             9, subject="CAD-Lizenzen"),
        _msg(2, "k@kunde.de", "Bitte bestellen Sie die Professional-Lizenz für beide Plätze.",
             10, subject="AW: CAD-Lizenzen"),
    )
    (point,) = _open(x)
    assert "Professional" in point.text and point.raised_by == "k@kunde.de"


def test_a_report_on_the_first_part_of_our_promise_leaves_its_dated_part_owed() -> None:
    """"… on site Thursday, and we'll confirm by Tuesday 17th that the room is solid": the
    access point installed is progress; the confirmation by the 17th stays ours to give, and
    the customer's own "I'll do the test call myself" answers our ask for someone."""
    x = _extract(
        _msg(1, "darragh@kunde.de", "The meeting room Wi-Fi still drops every few minutes. I "
                                    "need it solid by Tuesday 17th at the latest.", 9,
             subject="Wi-Fi", lang="en"),
        _msg(2, "ciaran@provider.de", "Niamh will be on site on Thursday 12 November to add a "
                                      "second access point, and we'll confirm to you by "
                                      "Tuesday 17th that the room is solid.", 9,
             subject="Wi-Fi", lang="en"),
        _msg(3, "niamh@provider.de", "I installed a second access point in the meeting room "
                                     "today, no drops in two hours of testing. Could you "
                                     "nominate someone for a test call on Monday?", 12,
             subject="Wi-Fi", lang="en"),
        _msg(4, "siobhan@kunde.de", "Thanks Niamh! I'll do the test call with you myself – "
                                    "Monday at 10:00 works for me.", 13, subject="Wi-Fi",
             lang="en"),
    )
    opened = _open(x)
    ours = [p for p in opened if p.owner and p.owner.endswith("@provider.de")
            and p.due == date(2026, 11, 17)]
    assert ours, [(p.text, p.owner, p.due) for p in opened]
    assert not any("nominate" in p.text for p in opened)


def test_their_promise_answers_our_ask_and_their_thanks_does_not_settle_it() -> None:
    msgs = (
        _msg(1, "k@kunde.de", "Bitte richten Sie den neuen Scanner im Empfang ein.", 9,
             subject="Scanner"),
        _msg(2, "max.weber@provider.de", "Gern. Können Sie uns die Zugangsdaten des "
                                         "Scan-Postfachs schicken?", 9, subject="Scanner"),
        _msg(3, "k@kunde.de", "Danke! Die Zugangsdaten des Scan-Postfachs schicke ich Ihnen "
                              "morgen früh.", 10, subject="Scanner"),
    )
    x = read_thread(thread_of(msgs), list(msgs), team=Team(TEAM),
                    default_owner="max.weber@provider.de")
    ask = next(p for p in x.points if "Zugangsdaten" in p.text and "Können" in p.text)
    assert ask.status == "resolved"
    theirs = [p for p in x.points if p.raised_by == "k@kunde.de" and "schicke ich" in p.text]
    assert theirs and theirs[0].status == "open"


def test_their_promise_to_find_out_does_not_answer_our_ask() -> None:
    msgs = (
        _msg(1, "max.weber@provider.de", "Could you send us the list of volunteers who still "
                                         "need an account?", 9, subject="Accounts", lang="en"),
        _msg(2, "k@kunde.de", "I'll check the list of volunteers with Tomás and come back to "
                              "you.", 10, subject="Accounts", lang="en"),
    )
    x = read_thread(thread_of(msgs), list(msgs), team=Team(TEAM),
                    default_owner="max.weber@provider.de")
    ask = next(p for p in x.points if "Could you send" in p.text)
    assert ask.status == "open"


def test_an_interim_report_is_progress_and_settles_nothing() -> None:
    def thread(report: str):
        return _extract(
            _msg(1, "k@kunde.de", "Ab dem 01.12. fängt Herr Carstens an. Wir brauchen für ihn "
                                  "bitte ein Benutzerkonto mit E-Mail und einen Laptop.", 16,
                 subject="Neuer Werkstudent"),
            _msg(2, "timo@provider.de", "Ich hole den Laptop am Donnerstag ab und richte Konto "
                                        "und Postfach ein. Bis Freitag, 27.11., ist alles "
                                        "fertig.", 17, subject="Neuer Werkstudent"),
            _msg(3, "timo@provider.de", report, 19, subject="Neuer Werkstudent"),
        )
    interim = thread("kurzer Zwischenstand: Den Laptop habe ich heute mitgenommen, das Konto "
                     "ist angelegt, das Postfach auch.")
    assert any("Benutzerkonto" in p.text for p in _open(interim))
    done = thread("Der Laptop ist eingerichtet, das Konto ist angelegt, das Postfach auch.")
    assert not any("Benutzerkonto" in p.text for p in _open(done))


def test_our_dated_promise_answers_their_asking_when_not_their_request() -> None:
    def thread(reply: str):
        msgs = (
            _msg(1, "k@kunde.de", "Wir brauchen im neuen Büro einen Router mit VPN zur "
                                  "Zentrale.", 11, subject="Standort"),
            _msg(2, "chef@kunde.de", "Ich erwarte bis morgen Mittag eine verbindliche Aussage, "
                                     "wann der Standort läuft.", 23, subject="Standort"),
            _msg(3, "henning@provider.de", reply, 24, subject="Standort"),
        )
        return read_thread(thread_of(msgs), list(msgs), team=Team(TEAM),
                           default_owner="henning@provider.de")
    x = thread("Herr Yıldız nimmt den Router am Freitag, 27.11., vor Ort in Betrieb.")
    when = next(p for p in x.points if "wann" in p.text)
    router = next(p for p in x.points if "brauchen" in p.text)
    assert when.status == "resolved" and router.status == "open"
    x = thread("Wir kümmern uns darum.")
    assert next(p for p in x.points if "wann" in p.text).status == "open"


def test_our_promise_to_leave_it_alone_after_their_notice_is_no_task() -> None:
    x = _extract(
        _msg(1, "gareth@kunde.de", "Just so you know: Openreach will work on our line on "
                                   "Thursday between 9 and 12, so the school will be offline.",
             20, subject="Openreach works", lang="en"),
        _msg(2, "rachel@provider.de", "Thanks Gareth, noted – we'll ignore any alerts from "
                                      "the school in that window.", 20,
             subject="Openreach works", lang="en"),
    )
    assert _open(x) == []


def test_a_maintenance_confirmed_and_done_leaves_nothing_open() -> None:
    """Their "passt" answers our ask for a confirmation; "Am Montag früh können Sie ganz
    normal loslegen" after the report says what they can do, no work of ours."""
    x = _extract(
        _msg(1, "lukas@provider.de", "wir würden gerne am Samstag, 14.11., von 8 bis 12 Uhr die "
                                     "Updates für den Server einspielen. Passt Ihnen das? "
                                     "Bitte um eine kurze Bestätigung bis Mittwoch, 11.11.", 4,
             subject="Wartungsfenster"),
        _msg(2, "k@kunde.de", "passt, am Samstag hat keine unserer Praxen offen.", 6,
             subject="Wartungsfenster"),
        _msg(3, "verena@provider.de", "die Wartung ist abgeschlossen: Server und Firewalls sind "
                                      "aktualisiert. Am Montag früh können Sie ganz normal "
                                      "loslegen.", 14, subject="Wartungsfenster"),
    )
    assert _open(x) == []


def test_a_promise_and_an_ask_joined_by_a_semicolon_are_read_apart() -> None:
    msgs = (
        _msg(1, "k@kunde.de", "Könnten Sie die Mikrofone vor der Sitzung prüfen? Außerdem "
                              "bräuchte der Bürgermeister einen Laptop für die Präsentation.",
             5, subject="Sitzung"),
        _msg(2, "katharina@provider.de", "Einen Leih-Laptop bringt Herr Obermaier am 18.11. mit "
                                         "und richtet ihn ein; die Präsentation schicken Sie "
                                         "ihm bitte vorab per E-Mail.", 6, subject="Sitzung"),
    )
    x = read_thread(thread_of(msgs), list(msgs), team=Team(TEAM),
                    default_owner="katharina@provider.de")
    ours = [p for p in x.points if p.raised_by == "katharina@provider.de"]
    assert [p.text for p in ours if p.kind == "request"] == [
        "die Präsentation schicken Sie ihm bitte vorab per E-Mail."]
    assert not any("Leih-Laptop" in p.text and p.kind == "request" for p in x.points)


def test_a_mail_said_to_inform_asks_only_what_a_cue_asks() -> None:
    def thread(text: str):
        return _extract(_msg(1, "siobhan@kunde.de", text, 11, subject="Office closed Friday",
                             lang="en"))
    assert _open(thread("Hi all,\n\njust so you know: the Galway office will be closed on Friday "
                        "13 November for our team offsite. Back to normal on Monday.")) == []
    # a cue's request in it stays one
    assert _open(thread("Just so you know: the office is closed on Friday 13 November. Please "
                        "restart the file server on Thursday evening."))


def test_an_item_of_their_list_nobody_of_us_named_outlives_their_ok() -> None:
    msgs = (
        _msg(1, "k@kunde.de", "Für die neue Filiale brauchen wir:\n\n1. Einen Router mit VPN zur "
                              "Zentrale\n2. Ein Angebot für ein Gäste-WLAN im Café\n3. Ein "
                              "E-Mail-Postfach für die Filialleiterin Frau Pohl", 5,
             subject="Neue Filiale"),
        _msg(2, "henrike@provider.de", "Zu 1.: Den Router richten wir am 26.11. ein. Anbei das "
                                       "Angebot für das Gäste-WLAN.", 6, subject="Neue Filiale"),
        _msg(3, "k@kunde.de", "Danke für das Angebot, das passt so.", 9, subject="Neue Filiale"),
    )
    x = read_thread(thread_of(msgs), list(msgs), team=Team(TEAM),
                    default_owner="henrike@provider.de")
    mailbox = next(p for p in x.points if "Postfach" in p.text)
    assert mailbox.status == "open"
    offer = next(p for p in x.points if "Gäste-WLAN" in p.text and p.raised_by == "k@kunde.de")
    assert offer.status == "resolved"


def _desk_notice(n: int, day: int, *blocks: tuple[str, str, str]) -> ParsedMessage:
    """A help desk notice quoting the conversation, newest block first (Zendesk style)."""
    body = "##- Please type your reply above this line -##\n\nYour request (#1842) has been " \
           "updated.\n\n"
    body += "".join(f"----------------------------------------------\n\n{name}\n{when}\n\n"
                    f"{text}\n\n" for name, when, text in blocks)
    return _msg(n, "support@desk.kunde.de", body, day, subject="[IT] Chromebooks won't enrol",
                auto="auto-reply", lang="en")


def test_a_desk_notice_quoting_the_conversation_is_read_as_what_it_adds() -> None:
    helen = ("Helen Marsh", "Nov 10, 2026, 08:55 GMT",
             "We've received 30 new Chromebooks. The last 5 stop with \"No device licences "
             "available\". Could someone look at this please?")
    gareth = ("Gareth Ellison", "Nov 10, 2026, 09:10 GMT", "Passing this to you, licensing "
              "is yours.")
    liam_text = "EduTech added the five licences this morning, and I've enrolled the last five."
    x = _extract(
        _desk_notice(1, 10, gareth, helen),
        _msg(2, "liam@provider.de", "The trust's licences are all in use. I've asked EduTech "
                                    "to quote for five more.", 10,
             subject="RE: [IT] Chromebooks won't enrol", lang="en"),
        _msg(3, "liam@provider.de", liam_text, 13, subject="RE: [IT] Chromebooks won't enrol",
             lang="en"),
        _desk_notice(4, 16, ("Helen Marsh", "Nov 16, 2026, 09:48 GMT",
                             "All 30 working – the children did their assessments on them "
                             "this morning. Thank you Liam!"),
                     ("Liam Doyle", "Nov 13, 2026, 10:05 GMT", liam_text), gareth, helen),
    )
    assert any("look at this" in p.text for p in x.points)  # the report is read
    assert _open(x) == []  # and the thanks after our fix settles it
    assert x.ticket is not None and x.ticket.state == "resolved"


def test_our_dated_fix_and_our_question_beside_it_are_two_lines() -> None:
    x = _extract(
        _msg(1, "k@kunde.de", "Unser Plotter bricht große Pläne nach zwei Dritteln ab. Können "
                              "Sie sich das bitte ansehen?", 10, subject="Plotter"),
        _msg(2, "timo@provider.de", "Der Techniker kommt am Freitag, 27.11., um 9 Uhr und spielt "
                                    "die neue Firmware ein. Ist am Freitag um 9 Uhr jemand bei "
                                    "Ihnen im Büro, der den Techniker hereinlässt?", 23,
             subject="Plotter"),
    )
    opened = _open(x)
    fault = next(p for p in opened if "Plotter" in p.text)
    assert fault.owner == "timo@provider.de" and fault.promise and "Firmware" in fault.promise
    assert any("hereinlässt" in p.text and p is not fault for p in opened)
    assert x.ticket is not None and x.ticket.state == "waiting_on_us"
