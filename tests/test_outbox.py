"""When an update or a digest goes into the outbox, and with which key (run/outbox.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mailsum.models import RenderedUpdate, SourceState, ThreadRecord
from mailsum.run import outbox

NOW = datetime(2026, 11, 24, 9, 30, 12, 345678, tzinfo=UTC)  # a Tuesday
DAILY_8 = "0 8 * * *"


def test_a_forced_update_is_due_now_to_the_second() -> None:
    assert outbox.due_at(DAILY_8, "UTC", NOW, NOW, force=True) == NOW.replace(microsecond=0)


def test_a_scheduled_update_is_due_at_the_newest_tick_once() -> None:
    tick = outbox.due_at(DAILY_8, "Europe/Berlin", None, NOW)
    assert tick is not None and tick.astimezone(UTC) == datetime(2026, 11, 24, 7, tzinfo=UTC)
    assert outbox.due_at(DAILY_8, "Europe/Berlin", tick, NOW) is None
    assert outbox.due_at(DAILY_8, "Europe/Berlin", tick, NOW + timedelta(days=1)) is not None


@pytest.mark.parametrize(("until", "force", "held"), [
    (None, False, False),
    (NOW + timedelta(days=3), False, True),
    (NOW + timedelta(days=3), True, False),  # "update" in a reply, or --force
    (NOW - timedelta(seconds=1), False, False),
])
def test_a_pause_holds_scheduled_updates_only(until: datetime | None, force: bool,
                                              held: bool) -> None:
    assert outbox.paused(until, NOW, force) is held


def test_an_update_is_withheld_while_a_source_it_depends_on_was_never_read() -> None:
    sources = [SourceState("imap", ok=False, last_ok=None, error="login refused"),
               SourceState("archive", ok=True, last_ok=NOW)]
    assert outbox.never_read(sources) == "source imap has never been read (login refused)"
    assert outbox.never_read(sources[1:]) is None
    # a source that fails now but was read before only marks the update incomplete
    assert outbox.never_read([SourceState("imap", ok=False, last_ok=NOW, error="x")]) is None


@pytest.mark.parametrize(("quiet", "quiet_update", "force", "skipped"), [
    (True, False, False, True),
    (True, True, False, False),
    (True, False, True, False),
    (False, False, False, False),
])
def test_a_quiet_update_is_skipped_unless_wanted_or_forced(
        quiet: bool, quiet_update: bool, force: bool, skipped: bool) -> None:
    assert outbox.skips_quiet(quiet, quiet_update, force) is skipped


def _thread(tid: str, hours: int) -> ThreadRecord:
    return ThreadRecord(thread_id=tid, customer_id=None, subject=tid, message_ids=[tid],
                        summary=[], last_activity=NOW - timedelta(hours=hours))


def test_a_digest_lists_threads_since_the_last_one_written_by_people_newest_first() -> None:
    threads = [_thread("old", 50), _thread("a", 5), _thread("newsletter", 2), _thread("b", 1)]
    chosen = outbox.digest_threads(threads, NOW - timedelta(hours=24),
                                   lambda t: t.thread_id != "newsletter")
    assert [t.thread_id for t in chosen] == ["b", "a"]


def _entry(outbox_id: str, due: datetime, secret: bytes = b"k" * 32) -> outbox.Entry:
    rendered = RenderedUpdate(subject="Stand Ihrer Tickets", text="Text", html="<p>Text</p>")
    return outbox.entry(outbox_id, due, rendered, to=["anna@acme.de"], cc=["ben@acme.de"],
                        sender="Desk <it-support@provider.de>", reply_to=None, secret=secret,
                        now=NOW)


def test_an_outbox_entry_is_keyed_by_id_and_due_time_and_signed_the_same_every_time() -> None:
    due = NOW.replace(microsecond=0)
    first, again = _entry("acme", due), _entry("acme", due)
    assert first.key == f"acme.{int(due.timestamp())}"
    assert first.message_id == again.message_id  # a retry sends the same mail
    assert first.message_id.endswith("@provider.de>")
    assert _entry("acme", due + timedelta(hours=1)).message_id != first.message_id
    assert _entry("acme", due, b"x" * 32).message_id != first.message_id
    assert first.mail.recipients == ["anna@acme.de", "ben@acme.de"]
    assert b"X-Mailsum-Customer: acme" in first.mail.data


def test_the_digest_has_its_own_key_beside_a_customer_due_at_the_same_time() -> None:
    due = NOW.replace(microsecond=0)
    digest = _entry(outbox.DIGEST_ID, due)
    assert digest.key != _entry("acme", due).key
    assert b"X-Mailsum-Customer: _unrouted" in digest.mail.data


def test_a_sender_without_a_domain_still_gives_a_valid_message_id_domain() -> None:
    assert outbox.sender_domain("Desk <it-support@provider.de>") == "provider.de"
    assert outbox.sender_domain("Desk <>") == "mailsum.invalid"


def test_a_temporary_failure_is_retried_later_and_later_a_permanent_one_never() -> None:
    assert outbox.after_failure(True, 3, NOW) == ("failed", None)
    assert outbox.after_failure(False, 0, NOW) == ("pending", NOW + timedelta(minutes=5))
    assert outbox.after_failure(False, 2, NOW) == ("pending", NOW + timedelta(minutes=20))
    assert outbox.after_failure(False, 30, NOW) == ("pending", NOW + timedelta(hours=6))
