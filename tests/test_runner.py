"""The orchestrator on local mailboxes: failures recorded, runs resumable, state consistent."""

from __future__ import annotations

import json
import mailbox
import textwrap
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from builders import ACME_CONTACT, DESK, PLAIN_UTF8, mail_date, raw_mail, ticket_mail
from click.testing import CliRunner
from statehelp import get_point, unanalyzed_message_ids

from mailsum.cli.main import main
from mailsum.config.loader import load_config
from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
from mailsum.state.store import StateStore

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)


def mail(n: int, sender: str = "k.lang@acme-maschinenbau.de", body: str = "",
         reply_to: int | None = None, subject: str | None = None) -> bytes:
    return ticket_mail(n, sender=sender, subject=subject, body=body,
                       reply_to=None if reply_to is None else f"<m{reply_to}@x.de>")


_STATE: dict[str, Callable[[Path], str]] = {}


@pytest.fixture(params=["sqlite", "postgresql"], autouse=True)
def backend(request: pytest.FixtureRequest):
    """Every test here runs on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        _STATE["new"] = lambda tmp: f"{tmp}/state.db"
        yield
        return
    server = request.getfixturevalue("pg_server")
    names: list[str] = []

    def new(tmp: Path) -> str:
        names.append(f"runner_{uuid.uuid4().hex[:12]}")
        return server.create_database(names[-1])

    _STATE["new"] = new
    yield
    for name in names:
        server.drop_database(name)


def setup(tmp: Path, messages: list[bytes]):
    tmp.mkdir(parents=True, exist_ok=True)
    box = mailbox.Maildir(tmp / "md", create=True)
    for m in messages:
        box.add(m)
    cfg = tmp / "config.yaml"
    cfg.write_text(textwrap.dedent(f"""\
        state: {_STATE["new"](tmp)}
        sources:
          - {{name: local, kind: maildir, path: {tmp}/md}}
        delivery: {{kind: directory, path: {tmp}/out, from: "Desk <it-support@provider.de>"}}
        rules: {REPO}/rules/
        """))
    return load_config(cfg), box


def run(config, *, now=NOW, **kw):
    store = StateStore.open(config.state)
    calls: list[tuple[str, int, int]] = []
    delivery = CollectingDelivery()
    options = RunOptions(now=now, progress=lambda *a: calls.append(a), **kw)
    report = Runner(config, store, delivery, options).run()
    return report, store, delivery, calls


def test_a_broken_message_is_recorded_and_the_run_goes_on(tmp_path):
    config, _ = setup(tmp_path, [mail(1), b"", b"\x00\x01garbage", mail(2)])
    report, store, _, calls = run(config, send=False)
    assert report.stored == 2 and len(report.failures) == 2
    assert all(f["reason"] for f in report.failures)
    assert report.exit_code == 0
    rows = store.conn.execute("SELECT reason FROM failures").fetchall()
    assert len(rows) == 2
    assert calls and calls[-1][0] == "analyse threads"
    # the broken ones are not retried forever: the second run fetches nothing
    again, *_ = run(config, send=False)
    assert again.fetched == 0 and again.failures == []


def test_new_reply_joins_its_thread_and_resolves_the_point(tmp_path):
    config, box = setup(tmp_path, [mail(1)])
    _, store, _, _ = run(config, send=False)
    (point,) = store.points("acme")
    assert point.status == "open" and point.owner == "max.weber@provider.de"
    store.close()
    box.add(mail(2, sender="k.lang@acme-maschinenbau.de", reply_to=1,
                 subject="AW: [ACME-1] Anfrage 1", body="Danke, funktioniert wieder!"))
    _, store, _, _ = run(config, send=False)
    (point,) = store.points("acme")
    assert point.status == "resolved" and point.resolved_by == "<m2@x.de>"
    (thread,) = store.threads("acme")
    assert thread.message_ids == ["<m1@x.de>", "<m2@x.de>"]


def test_unrouted_mail_never_reaches_a_customer(tmp_path):
    stranger = mail(3, sender="info@unknown.example", subject="Parkplatz gesperrt",
                    body="Bitte parken Sie morgen nicht auf dem Hof.")
    config, _ = setup(tmp_path, [mail(1), stranger])
    report, store, delivery, _ = run(config, force=True)
    assert [u["from"] for u in report.unrouted] == ["info@unknown.example"]
    digests = [m for m in delivery.sent if m.recipients == ["servicedesk-lead@provider.de"]]
    assert len(digests) == 1 and b"Parkplatz" in digests[0].data  # the fallback digest
    for sent in delivery.sent:
        if sent not in digests:
            assert b"Parkplatz" not in sent.data and b"parken" not in sent.data
    assert all(p.customer_id == "acme" for p in store.points("acme"))


def test_update_is_sent_once_per_due_time_and_outbox_records_it(tmp_path):
    config, _ = setup(tmp_path, [mail(1)])
    report, store, delivery, _ = run(config)
    sent_to = sorted(m.recipients[0] for m in delivery.sent)
    # brightline has nothing and quiet_update off; no unrouted mail, so no digest either
    assert sent_to == ["anna.berger@provider.de", "jonas.keller@provider.de"]
    rows = store.conn.execute("SELECT customer_id, status FROM updates ORDER BY id").fetchall()
    assert sorted(tuple(r) for r in rows) == [("_unrouted", "skipped"), ("acme", "sent"),
                                             ("brightline", "skipped"), ("stadtwerke", "sent")]
    store.close()
    again, _, delivery2, _ = run(config)
    assert delivery2.sent == [] and again.updates == []
    # keep_update_mails_days (default 90) later: the mails go, the records stay
    _, store, _, _ = run(config, now=NOW + timedelta(days=91), poll=False, customers=("acme",))
    rows = store.conn.execute("SELECT created_at, status, data FROM updates").fetchall()
    first = [r[2] for r in rows if r[1] == "sent" and r[0] == NOW.isoformat()]
    newest = [r[2] for r in rows if r[1] == "sent" and r[0] != NOW.isoformat()]
    assert first == [None, None] and newest and all(newest)


def _groups(store: StateStore) -> set[frozenset[str]]:
    return {frozenset(t.message_ids) for t in store.threads()}


def test_threading_run_by_run_equals_threading_all_at_once(tmp_path):
    """Incremental analysis loads only related threads; it must group exactly like a full run."""
    import random

    sample = REPO / "examples" / "mailbox"
    src = mailbox.Maildir(sample, factory=None, create=False)
    messages = [src.get_bytes(k) for k in sorted(src.iterkeys())]
    config, _ = setup(tmp_path / "all", messages)
    _, whole, _, _ = run(config, send=False)
    expected = _groups(whole)
    assert len(expected) >= 8

    shuffled = messages[:]
    random.Random(7).shuffle(shuffled)  # replies before their parents, too
    store = _arriving_in_steps(tmp_path / "steps", shuffled, 4)
    assert _groups(store) == expected
    _assert_one_thread_each(store)


def _arriving_in_steps(tmp: Path, messages: list[bytes], step: int) -> StateStore:
    """A run after every ``step`` new messages; the store as the last run left it."""
    config, box = setup(tmp, [])
    for start in range(0, len(messages), step):
        for data in messages[start:start + step]:
            box.add(data)
        _, store, _, _ = run(config, send=False)
        store.close()
    return StateStore.open(config.state)


def _assert_one_thread_each(store: StateStore) -> None:
    """Every stored message is in exactly one stored thread (none lost to a dropped row)."""
    ids = [m for t in store.threads() for m in t.message_ids]
    assert len(ids) == len(set(ids)) == store.message_count()


class FlakyDelivery(CollectingDelivery):
    """Answers like a server in trouble: temporary for the first ``fail`` attempts."""

    def __init__(self, fail: int, permanent: bool = False) -> None:
        super().__init__()
        self.fail, self.permanent, self.attempts = fail, permanent, []

    def send(self, mail):
        from mailsum.errors import DeliveryError

        self.attempts.append(mail.message_id)
        if len(self.attempts) <= self.fail:
            raise DeliveryError("451 4.3.0 try again later", permanent=self.permanent)
        return super().send(mail)


def test_temporary_failure_is_retried_later_with_the_same_message_id(tmp_path):
    from datetime import timedelta

    config, _ = setup(tmp_path, [mail(1)])
    store = StateStore.open(config.state)
    flaky = FlakyDelivery(fail=1)
    report = Runner(config, store, flaky, RunOptions(now=NOW, customers=("acme",))).run()
    assert report.exit_code == 1 and flaky.sent == []
    # too early: backoff holds the retry back
    Runner(config, store, flaky, RunOptions(now=NOW + timedelta(minutes=1), poll=False,
                                            customers=("acme",))).run()
    assert len(flaky.attempts) == 1
    later = Runner(config, store, flaky, RunOptions(now=NOW + timedelta(minutes=6), poll=False,
                                                    customers=("acme",))).run()
    assert later.exit_code == 0
    assert [m.message_id for m in flaky.sent] == [flaky.attempts[0]]
    (row,) = store.updates("acme")
    assert row.status == "sent"


def test_permanent_failure_is_reported_and_others_still_get_theirs(tmp_path):
    config, _ = setup(tmp_path, [mail(1)])
    store = StateStore.open(config.state)
    flaky = FlakyDelivery(fail=1, permanent=True)
    report = Runner(config, store, flaky, RunOptions(now=NOW)).run()
    assert report.exit_code == 1 and len(report.delivery_errors) == 1
    assert len(flaky.sent) == 1  # the next customer was delivered
    statuses = sorted(r.status for c in ("acme", "stadtwerke") for r in store.updates(c))
    assert statuses == ["failed", "sent"]
    again = Runner(config, store, flaky, RunOptions(now=NOW, poll=False)).run()
    assert len(flaky.attempts) == 2 and again.exit_code == 0  # a failed update is not resent


def test_status_shows_what_the_state_recorded(tmp_path):
    """status reads parse failures, the last sent and the undelivered updates through the
    store, and shows their times as they were stored."""
    config, _ = setup(tmp_path, [mail(1), b"\x00\x01garbage"])
    store = StateStore.open(config.state)
    Runner(config, store, FlakyDelivery(fail=1, permanent=True), RunOptions(now=NOW)).run()
    shown = CliRunner().invoke(main, ["--config", str(config.path), "status", "--format", "json"])
    data = json.loads(shown.stdout)
    assert data["parse_failures"] == 1 and data["messages"] == 1
    customers = {c["customer"]: c for c in data["customers"]}
    stored = store.conn.execute(
        "SELECT customer_id, status, due_at, sent_at, error FROM updates "
        "WHERE status <> 'skipped'").fetchall()
    assert sorted(r[1] for r in stored) == ["failed", "sent"]
    for cid, status, due_at, sent_at, error in stored:
        if status == "sent":
            assert customers[cid]["last_update"] == sent_at and customers[cid]["undelivered"] == []
        else:
            assert customers[cid]["last_update"] is None
            assert customers[cid]["undelivered"] == [
                {"due_at": due_at, "status": "failed", "error": error}]


def test_a_customer_can_have_its_own_templates(tmp_path):
    config, _ = setup(tmp_path, [mail(1)])
    own = tmp_path / "acme-templates"
    own.mkdir()
    (own / "update.txt.j2").write_text("ACME-EIGEN {{ subject }}\n")
    rules = tmp_path / "rules.yaml"
    rules.write_text((REPO / "rules" / "customers.yaml").read_text().replace(
        "    stale_after_days: 14", "    stale_after_days: 14\n    templates: acme-templates"))
    cfg = tmp_path / "config.yaml"
    cfg.write_text(cfg.read_text().replace(f"rules: {REPO}/rules/", f"rules: {rules}"))
    config = load_config(cfg)
    _, _, delivery, _ = run(config, force=True)
    by_to = {m.recipients[0]: m.data for m in delivery.sent}
    assert b"ACME-EIGEN" in by_to["anna.berger@provider.de"]
    assert b"ACME-EIGEN" not in by_to["jonas.keller@provider.de"]


def test_analysis_in_slices_gives_the_same_threads_and_points(tmp_path, monkeypatch):
    import mailsum.run.runner as runner_module

    sample = REPO / "examples" / "mailbox"
    src = mailbox.Maildir(sample, factory=None, create=False)
    messages = [src.get_bytes(k) for k in sorted(src.iterkeys())]
    config, _ = setup(tmp_path / "whole", messages)
    _, whole, _, _ = run(config, send=False)
    monkeypatch.setattr(runner_module, "ANALYZE_CHUNK", 3)
    config, _ = setup(tmp_path / "sliced", messages)
    _, sliced, _, _ = run(config, send=False)
    assert _groups(sliced) == _groups(whole)
    for cid in ("acme", "stadtwerke", "brightline"):
        # withdrawn points are history (a sentence an earlier slice listed that a later one
        # joined to its matter) and never listed: what an update can show must be the same
        assert {(p.id, p.status, p.owner) for p in sliced.points(cid)
                if p.status != "withdrawn"} == \
            {(p.id, p.status, p.owner) for p in whole.points(cid) if p.status != "withdrawn"}



def test_slices_that_keep_conversations_whole_read_each_thread_once(tmp_path, monkeypatch):
    """Slices cut between conversations (run/slices.py): every point, withdrawn ones too, is
    what one reading of the whole mailbox gives, and no thread is extracted twice."""
    import mailsum.extract.points as points_module
    import mailsum.run.runner as runner_module

    sample = REPO / "examples" / "mailbox"
    src = mailbox.Maildir(sample, factory=None, create=False)
    messages = [src.get_bytes(k) for k in sorted(src.iterkeys())]
    config, _ = setup(tmp_path / "whole", messages)
    _, whole, _, _ = run(config, send=False)
    largest = max(len(t.message_ids) for t in whole.threads())
    assert largest * 2 < len(messages)  # so there are several slices
    monkeypatch.setattr(runner_module, "ANALYZE_CHUNK", largest)
    read: list[str] = []
    extract = points_module.extract_thread
    monkeypatch.setattr(points_module, "extract_thread",
                        lambda t, *a, **k: read.append(t.thread_id) or extract(t, *a, **k))
    config, _ = setup(tmp_path / "sliced", messages)
    _, sliced, _, calls = run(config, send=False)
    assert len(read) == len(set(read))
    assert sum(1 for c in calls if c[0] == "analyse threads" and c[1] == c[2]) > 1
    assert _groups(sliced) == _groups(whole)
    for cid in ("acme", "stadtwerke", "brightline"):
        assert {(p.id, p.status, p.owner, p.kind, p.escalation) for p in sliced.points(cid)} \
            == {(p.id, p.status, p.owner, p.kind, p.escalation) for p in whole.points(cid)}


def _subject_mail(n: int, subject: str, day: int, parent: int | None = None) -> bytes:
    when = datetime(2026, 1, 5, 9, tzinfo=UTC) + timedelta(days=day, minutes=n)
    return raw_mail({"From": ACME_CONTACT, "To": DESK, "Subject": subject,
                     "Date": mail_date(when), "Message-ID": f"<s{n}@x.de>",
                     "In-Reply-To": None if parent is None else f"<s{parent}@x.de>",
                     "Content-Type": PLAIN_UTF8}, "Bitte prüfen.\n")


def test_recurring_subjects_thread_run_by_run_as_all_at_once(tmp_path):
    """Only recent threads with a new mail's subject are read; grouping must not change.

    Four subjects recur over 200 days; replies by subject only (no headers) come at gaps around
    the subject window, some threads stay active by header replies, and mail arrives both in
    date order and shuffled, a few at a time.
    """
    import random

    from mailsum.analysis import thread
    from mailsum.parse import message as parse

    rnd = random.Random(11)
    subjects = ["Drucker defekt", "VPN langsam", "Zertifikat abgelaufen", "Lizenz verlängern"]
    messages: list[bytes] = []
    for n in range(120):
        subject = subjects[n % 4]
        day = rnd.randint(0, 200)
        if n > 8 and rnd.random() < 0.35:  # a reply by subject only
            messages.append(_subject_mail(n, f"AW: {subject}", day))
        elif n > 8 and rnd.random() < 0.3:  # a header reply to an earlier mail, days later
            parent = rnd.randrange(n)
            messages.append(_subject_mail(n, "Re: Nachfrage", day, parent=parent))
        else:
            messages.append(_subject_mail(n, subject, day))
    expected = {frozenset(t.message_ids)
                for t in thread.thread_messages(parse.parse_message(m) for m in messages)}
    assert len(expected) > 20

    def by_date(data: bytes) -> datetime:
        return parse.parse_message(data).date or NOW

    for name, order in (("dated", sorted(messages, key=by_date)),
                        ("shuffled", rnd.sample(messages, len(messages)))):
        store = _arriving_in_steps(tmp_path / name, order, 7)
        assert _groups(store) == expected, name
        _assert_one_thread_each(store)
        store.close()


def _dated(data: bytes, when: datetime) -> bytes:
    """The same mail, sent at ``when``."""
    head, _, body = data.partition(b"\n\n")
    lines = [line for line in head.split(b"\n") if not line.startswith(b"Date:")]
    lines.append(b"Date: " + mail_date(when).encode())
    return b"\n".join(lines) + b"\n\n" + body


def test_a_first_poll_of_a_mailbox_with_a_past_lists_the_present(tmp_path):
    """Mail far older than the newest is history: stored and routed, never a flood of points."""
    days = timedelta(days=1)
    past = NOW - 120 * days
    stranger = mail(5, sender="info@unknown.example", subject="Parkplatz gesperrt",
                    body="Bitte parken Sie morgen nicht auf dem Hof.")
    config, box = setup(tmp_path, [
        _dated(mail(1), past),  # a request from four months ago nobody closed by mail
        _dated(mail(6, sender="info@unknown.example", subject="Alte Baustelle",
                    body="Bitte die Zufahrt meiden."), past),
        _dated(mail(3), NOW - 2 * days),
        _dated(stranger, NOW - days),
    ])
    report, store, delivery, _ = run(config, force=True)
    status = {p.message_id: p.status for p in store.points("acme")}
    assert status == {"<m3@x.de>": "open"}  # the old thread is not read for points ...
    (old_thread,) = [t for t in store.threads("acme") if "<m1@x.de>" in t.message_ids]
    assert not unanalyzed_message_ids(store)  # ... but stored, routed and done with
    (acme,) = [u for u in report.updates if u["customer"] == "acme"]
    assert [p["message_id"] for p in acme["points"]] == ["<m3@x.de>"]
    assert acme["resolved"] == [] and acme["counts"]["open"] == 1
    (digest,) = [m for m in delivery.sent if m.recipients == ["servicedesk-lead@provider.de"]]
    assert b"Parkplatz" in digest.data and b"Baustelle" not in digest.data
    store.close()
    shown = CliRunner().invoke(main, ["--config", str(config.path), "status", "--format", "json"])
    (row,) = [r for r in json.loads(shown.output)["customers"] if r["customer"] == "acme"]
    assert (row["open"], row["archived"]) == (1, 0)

    # new mail in the old thread reads it in full: its old request is archived, and the late
    # "works again" does not announce a point nobody was shown
    box.add(_dated(mail(7, reply_to=1, subject="AW: [ACME-1] Anfrage 1",
                        body="Danke, funktioniert wieder!"), NOW - days / 2))
    report, store, _, _ = run(config, now=NOW + days, force=True, customers=("acme",))
    assert {p.message_id: p.status for p in store.points("acme")}["<m1@x.de>"] == "archived"
    assert store.thread_ids_of(["<m1@x.de>", "<m7@x.de>"]) == {old_thread.thread_id}
    (acme,) = report.updates
    assert [p["message_id"] for p in acme["points"]] == ["<m3@x.de>"]
    assert acme["resolved"] == []


def test_an_old_thread_read_before_is_read_again_when_late_mail_joins_it(tmp_path):
    """Only a thread all new to us is left unread as history: one with points keeps them
    current, even when newer mail has moved the import horizon past it."""
    past = NOW - timedelta(days=120)
    config, box = setup(tmp_path, [_dated(mail(1), past)])
    run(config, send=False)[1].close()  # its newest mail is the present: the point is open
    box.add(_dated(mail(3), NOW - timedelta(days=2)))
    box.add(_dated(mail(8, reply_to=1, subject="AW: [ACME-1] Anfrage 1",
                        body="Danke, ist erledigt."), past + timedelta(days=1)))
    _, store, _, _ = run(config, send=False)
    status = {p.message_id: p.status for p in store.points("acme")}
    assert status == {"<m1@x.de>": "resolved", "<m3@x.de>": "open"}
    store.close()


def test_the_past_is_measured_from_the_newest_mail_not_the_clock(tmp_path):
    """A mailbox read long after its last mail (or a test run years later) keeps its points."""
    long_ago = NOW - timedelta(days=400)
    config, _ = setup(tmp_path, [_dated(mail(1), long_ago), _dated(mail(2), long_ago)])
    _, store, _, _ = run(config, send=False)
    assert {p.status for p in store.points("acme")} == {"open"}
    assert len(store.points("acme")) == 2


def test_a_handover_by_name_moves_the_points_in_the_stored_state(tmp_path):
    """Max hands over to "Frau Berger": the rules know anna.berger@provider.de (ACME's
    contact), so her name resolves although she never wrote in the thread."""
    config, box = setup(tmp_path, [mail(1)])
    _, store, _, _ = run(config, send=False)
    assert store.points("acme")[0].owner == "max.weber@provider.de"
    store.close()
    box.add(mail(2, sender="max.weber@provider.de", reply_to=1, subject="AW: [ACME-1] Anfrage 1",
                 body="Ich bin ab Montag im Urlaub, Frau Berger übernimmt meine Tickets."))
    _, store, _, _ = run(config, send=False)
    (point,) = store.points("acme")
    assert point.owner == "anna.berger@provider.de"
    (change,) = store.owner_changes_since("acme", None)
    assert (change.old, change.new) == ("max.weber@provider.de", "anna.berger@provider.de")
    assert "Frau Berger übernimmt" in change.reason


@pytest.mark.parametrize("pointer", ["an anna.berger@provider.de",
                                     "an meine Kollegin Frau Berger (Tel. 0711 123456)"])
def test_an_out_of_office_stand_in_is_offered_in_the_update(tmp_path, pointer):
    """Max's own out-of-office reply names Anna (by address, or by a name the rules know: she
    is ACME's contact): the update offers her for the hand-over."""
    away = (b"From: max.weber@provider.de\nTo: k.lang@acme-maschinenbau.de\n"
            b"Subject: Abwesend: AW: [ACME-1] Anfrage 1\nAuto-Submitted: auto-replied\n"
            b"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <ooo@provider.de>\n"
            b"In-Reply-To: <m1@x.de>\nContent-Type: text/plain; charset=utf-8\n\n"
            + ("Ich bin bis einschließlich 4.12.2026 nicht im Büro. In dringenden Fällen wenden "
               f"Sie sich bitte {pointer}.\n").encode())
    config, _ = setup(tmp_path, [mail(1), away])
    report, store, delivery, _ = run(config, customers=("acme",))
    assert store.deputies() == {"max.weber@provider.de": "anna.berger@provider.de"}
    (update,) = [m for m in delivery.sent if "anna.berger@provider.de" in m.recipients]
    from email import message_from_bytes, policy

    text = message_from_bytes(update.data, policy=policy.default).get_body(
        ("plain",)).get_content()
    assert "Vertretung laut Abwesenheitsnotiz: anna.berger@provider.de" in text
    assert "`zuständig 1 anna.berger@provider.de`" in text


def test_a_promise_in_a_later_run_takes_on_the_stored_request(tmp_path):
    """Run 1 stores the customer's request; run 2 reads our promise on it: the stored point
    gets the promise and its date (one point, not a request and a to-do), and the update shows
    the promise under the request."""
    config, box = setup(tmp_path, [mail(1, body="Bitte erneuern Sie das Zertifikat des "
                                                "Kundenportals bis zum 30.11.")])
    _, store, _, _ = run(config, send=False)
    (request,) = store.points("acme")
    assert request.due is not None and request.due.isoformat() == "2026-11-30"
    store.close()
    box.add(mail(2, sender="sandra.yilmaz@provider.de", reply_to=1,
                 subject="AW: [ACME-1] Anfrage 1",
                 body="Ich erneuere das Zertifikat des Kundenportals bis Freitag, 27.11."))
    _, store, delivery, _ = run(config, customers=("acme",))
    (point,) = store.points("acme")
    assert point.id == request.id and point.owner == "sandra.yilmaz@provider.de"
    assert point.promise == "Ich erneuere das Zertifikat des Kundenportals bis Freitag, 27.11."
    assert point.due is not None and point.due.isoformat() == "2026-11-27"
    from email import message_from_bytes, policy

    (update,) = [m for m in delivery.sent if "anna.berger@provider.de" in m.recipients]
    text = message_from_bytes(update.data, policy=policy.default).get_body(
        ("plain",)).get_content()
    assert "Zusage: „Ich erneuere das Zertifikat des Kundenportals bis Freitag, 27.11.“" in text


def test_points_a_fresh_analysis_no_longer_finds_leave_the_lists(tmp_path):
    """An older release stored points the current one does not find (say, a greeting read as a
    question): when the thread is analysed again they are withdrawn, unless the contact acted on
    them by reply, and the points still found stay as they were."""
    from dataclasses import replace

    config, box = setup(tmp_path, [mail(1)])
    _, store, _, _ = run(config, send=False)
    (real,) = store.points("acme")
    stale = [replace(real, id=f"old{i}", text=f"Hallo Herr Weber {i}?") for i in range(3)]
    stale[1].owner_by_command = True  # reassigned by the contact
    with store.transaction():
        store.save_points(stale)
        store.add_event("acme", "old2", NOW, "anna.berger@provider.de", "note", "zur Info", None)
    store.close()
    box.add(mail(2, sender="k.lang@acme-maschinenbau.de", reply_to=1,
                 subject="Re: [ACME-1] Anfrage 1", body="Der Drucker steht im 2. OG."))
    _, store, _, _ = run(config, send=False)
    status = {p.id: p.status for p in store.points("acme")}
    assert status == {real.id: "open", "old0": "withdrawn", "old1": "open", "old2": "open"}
    store.close()
    shown = CliRunner().invoke(main, ["--config", str(config.path), "status"])
    assert "1 points withdrawn: a later analysis of their thread no longer found them" in (
        shown.output)


def test_the_customers_answer_settles_our_question_and_the_update_says_who(tmp_path):
    config, _ = setup(tmp_path, [
        mail(1, sender="max.weber@provider.de", subject="[ACME-1] Lizenzen",
             body="Welche CAD-Lizenzen sollen die beiden bekommen, SolidWorks Standard oder "
                  "Professional?"),
        mail(2, reply_to=1, subject="Re: [ACME-1] Lizenzen",
             body="Beide bekommen SolidWorks Standard."),
    ])
    _, store, delivery, _ = run(config, customers=("acme",))
    (point,) = store.points("acme")
    assert point.status == "resolved" and point.resolved_by == "<m2@x.de>"
    from email import message_from_bytes, policy

    (update,) = [m for m in delivery.sent if "anna.berger@provider.de" in m.recipients]
    text = message_from_bytes(update.data, policy=policy.default).get_body(
        ("plain",)).get_content()
    assert "erledigt durch k.lang@acme-maschinenbau.de, 23.11." in text


def test_a_reopen_by_the_contact_stands_until_newer_mail_settles_the_point(tmp_path):
    """The customer's reply settled our question; the contact disagrees and reopens it. More
    mail in the thread must not settle it again by that same old reply; a newer one may."""
    question = ("Welche CAD-Lizenzen sollen die beiden bekommen, SolidWorks Standard oder "
                "Professional?")
    config, box = setup(tmp_path, [
        mail(1, sender="max.weber@provider.de", subject="[ACME-1] Lizenzen", body=question),
        mail(2, reply_to=1, subject="Re: [ACME-1] Lizenzen",
             body="Beide bekommen SolidWorks Standard."),
    ])
    _, store, _, _ = run(config, send=False)
    (point,) = store.points("acme")
    assert point.status == "resolved"
    with store.transaction():  # what the reply "wieder offen 1" does (replies._apply)
        point.status, point.resolved_at, point.resolved_by = "open", None, None
        store.save_point(point)
        store.add_event("acme", point.id, NOW, "anna.berger@provider.de", "reopen", None, None)
    store.close()
    box.add(mail(3, reply_to=2, subject="Re: [ACME-1] Lizenzen", body="Der Drucker im EG geht."))
    _, store, _, _ = run(config, send=False, now=NOW + timedelta(hours=1))
    assert get_point(store, point.id).status == "open"
    store.close()
    late = mail(4, reply_to=3, subject="Re: [ACME-1] Lizenzen",
                body="Korrektur: beide bekommen SolidWorks Professional.")
    box.add(late.replace(b"Mon, 23 Nov 2026 09:04:00 +0100", b"Fri, 27 Nov 2026 09:00:00 +0100"))
    _, store, _, _ = run(config, send=False, now=NOW + timedelta(hours=3))
    again = get_point(store, point.id)
    assert again.status == "resolved" and again.resolved_by == "<m4@x.de>"


def test_the_upgrade_reads_open_threads_again_into_one_point_per_matter(tmp_path):
    """Schema 8 marks the threads with open points unanalysed: the first run after the upgrade
    reads them again with no new mail, so points of an earlier release that are no matter of
    their own leave the lists, those the contact reassigned stay, and the thread gets its
    ticket."""
    from dataclasses import replace

    from mailsum.state import store as store_module

    config, _ = setup(tmp_path, [mail(1)])
    _, store, _, _ = run(config, send=False)
    (real,) = store.points("acme")
    stale = [replace(real, id=f"old{i}", text=f"Können Sie das bitte prüfen {i}?")
             for i in range(2)]
    stale[1].owner_by_command = True  # reassigned by the contact
    (script,) = [s for s in store_module.MIGRATIONS if "ADD COLUMN ticket" in s]
    upgrade = script[script.index("UPDATE messages"):].strip()
    with store.transaction():
        store.save_points(stale)
        store.conn.execute("UPDATE threads SET ticket = NULL")
        store.conn.execute(upgrade)
    store.close()
    _, store, _, _ = run(config, send=False)
    status = {p.id: p.status for p in store.points("acme")}
    assert status == {real.id: "open", "old0": "withdrawn", "old1": "open"}
    (thread,) = store.threads("acme")
    assert thread.ticket is not None and thread.ticket.state == "waiting_on_us"
    store.close()


def test_their_objection_in_a_later_run_reopens_the_point_our_fix_settled(tmp_path):
    """Run by run, as cron reads the mail: our fix settles the fault, the customer's "still
    broken" in the next run opens it again (and no update pretends it is done)."""
    config, box = setup(tmp_path, [mail(1, body="Das VPN bricht jede Stunde ab. Können Sie "
                                                "das bitte prüfen?")])
    _, store, _, _ = run(config, send=False)
    (point,) = [p for p in store.points("acme") if p.status == "open"]
    store.close()
    box.add(mail(2, sender="sandra.yilmaz@provider.de", reply_to=1,
                 subject="AW: [ACME-1] Anfrage 1",
                 body="Ich habe den Timeout der Firewall erhöht."))
    _, store, _, _ = run(config, send=False)
    assert {p.id: p.status for p in store.points("acme")}[point.id] == "resolved"
    store.close()
    box.add(mail(3, reply_to=2, subject="AW: [ACME-1] Anfrage 1",
                 body="Bricht leider immer noch ab, zweimal heute Morgen."))
    _, store, _, _ = run(config, send=False)
    assert {p.id: p.status for p in store.points("acme")}[point.id] == "open"
    (thread,) = store.threads("acme")
    assert thread.ticket is not None and thread.ticket.state == "waiting_on_us"
    store.close()


def test_a_raw_8bit_address_is_read_not_a_crash(tmp_path):
    """A From with an unencoded umlaut in its local part ("jürgen.2@…", raw UTF-8 bytes):
    the mail is read and stored like any other, and the run goes on."""
    config, _ = setup(tmp_path, [mail(1, sender="jürgen.2@acme-maschinenbau.de"), mail(2)])
    report, store, _, _ = run(config, send=False)
    assert report.exit_code == 0
    assert {p.raised_by for p in store.points("acme")} >= {"jürgen.2@acme-maschinenbau.de"}
    store.close()


def test_only_a_party_to_the_ticket_settles_it(tmp_path):
    """Issue 19, item 5: mallory@evil.example writes "das Problem ist behoben … funktioniert
    jetzt wieder" under the ticket's tag; nothing of ACME's is settled, and no update names
    mallory. The same words from the customer's own domain settle it."""
    config, box = setup(tmp_path, [mail(1, body="Das VPN bricht ständig ab. Können Sie das "
                                                "bitte dringend prüfen?")])
    _, store, _, _ = run(config, send=False)
    (matter,) = store.points("acme")
    store.close()
    box.add(mail(2, sender="mallory@evil.example", subject="Re: [ACME-1] Anfrage 1",
                 body="Hallo, das Problem ist behoben, das VPN funktioniert jetzt wieder."))
    _, store, _, _ = run(config, send=False)
    assert [(p.id, p.status) for p in store.points("acme")] == [(matter.id, "open")]
    store.close()
    box.add(mail(3, sender="p.hofmann@acme-maschinenbau.de", subject="Re: [ACME-1] Anfrage 1",
                 body="Das Problem ist behoben, das VPN funktioniert jetzt wieder."))
    _, store, _, _ = run(config, send=False)
    settled = {p.id: (p.status, p.resolved_by) for p in store.points("acme")}
    assert settled[matter.id] == ("resolved", "<m3@x.de>")
    store.close()


def test_a_chase_in_a_later_run_escalates_the_stored_point(tmp_path):
    """Under cron a chase always comes in a later run than the ask: the stored point must take
    the fresh reading's escalation (and kind), as when both mails are read at once."""
    chase = mail(2, reply_to=1, subject="AW: [ACME-1] Anfrage 1",
                 body="Das ist jetzt dringend, wir warten seit Tagen. Gibt es etwas Neues?")
    config, _ = setup(tmp_path / "at-once", [mail(1), chase])
    _, store, _, _ = run(config, send=False)
    (whole,) = store.points("acme")
    assert whole.escalation
    store.close()
    config, box = setup(tmp_path / "run-by-run", [mail(1)])
    _, store, _, _ = run(config, send=False)
    (first,) = store.points("acme")
    assert not first.escalation
    store.close()
    box.add(chase)
    _, store, _, _ = run(config, send=False)
    (later,) = store.points("acme")
    assert (later.id, later.kind, later.escalation, later.status) == \
        (whole.id, whole.kind, whole.escalation, whole.status)
