"""What goes into the outbox, and when: the rules a customer's update and the digest share.

Every outgoing update is keyed by (customer, due time); its Message-ID is signed from that
key, so a retry, a crash-recovered resend and a second worker all send the same mail. A due
time is recorded once, as ``pending`` (then ``sent``/``failed``) or ``skipped``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

from mailsum.models import OutgoingMail, RenderedUpdate, SourceState, ThreadRecord, UpdateStatus
from mailsum.outbound import deliver, schedule

DIGEST_ID = "_unrouted"  # outbox id of the fallback digest; customer ids cannot start with _


def due_at(cron: str, timezone: str, last_due: datetime | None, now: datetime,
           force: bool = False) -> datetime | None:
    """The due time an update covers now, or None: forced, now (to the second); else the
    schedule's newest tick after the last update that went out or was skipped."""
    if force:
        return now.replace(microsecond=0)
    return schedule.due_time(cron, timezone, last_due, now)


def paused(paused_until: datetime | None, now: datetime, force: bool) -> bool:
    """A contact's "pause" holds the scheduled updates; a forced or requested one goes."""
    return bool(paused_until and paused_until > now and not force)


def never_read(sources: Sequence[SourceState]) -> str | None:
    """Why an update must be withheld: it would read as an all-clear about mail nobody has
    seen (a source it depends on was never read), else None."""
    unread = [s for s in sources if s.last_ok is None]
    if not unread:
        return None
    return "; ".join(f"source {s.name} has never been read ({s.error})" for s in unread)


def skips_quiet(quiet: bool, quiet_update: bool, force: bool) -> bool:
    """A quiet update (nothing new) is recorded as skipped unless the customer wants one or
    it is forced."""
    return quiet and not quiet_update and not force


def digest_threads(threads: list[ThreadRecord], after: datetime,
                   written_by_people: Callable[[ThreadRecord], bool]) -> list[ThreadRecord]:
    """The unrouted threads a digest lists, newest first: active after ``after`` and not
    only newsletters, bounces or auto-replies (those need no rule)."""
    chosen = [t for t in threads if t.last_activity > after and written_by_people(t)]
    chosen.sort(key=lambda t: t.last_activity, reverse=True)
    return chosen


def update_key(outbox_id: str, due: datetime) -> str:
    """The outbox key: unique per (customer, due time)."""
    return f"{outbox_id}.{int(due.timestamp())}"


def sender_domain(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2] or "mailsum.invalid"


@dataclass(frozen=True)
class Entry:
    """An update ready for the outbox: its key, signed Message-ID and complete mail."""

    key: str
    message_id: str
    mail: OutgoingMail


def entry(outbox_id: str, due: datetime, rendered: RenderedUpdate, *, to: list[str],
          cc: list[str], sender: str, reply_to: str | None, secret: bytes,
          now: datetime) -> Entry:
    """The mail of one update or digest, the same for the same (id, due time) and content."""
    key = update_key(outbox_id, due)
    message_id = deliver.make_message_id(key, secret, sender_domain(sender))
    mail = deliver.build_mail(
        rendered, sender=sender, to=to, cc=cc, reply_to=reply_to, message_id=message_id,
        date=now, extra_headers={"X-Mailsum-Customer": outbox_id})
    return Entry(key, message_id, mail)


def retry_delay(attempts: int) -> timedelta:
    """Capped exponential backoff for temporary delivery failures: 5 min, 10, 20 … 6 h."""
    return min(timedelta(minutes=5) * 2 ** attempts, timedelta(hours=6))


def after_failure(permanent: bool, attempts: int, now: datetime
                  ) -> tuple[UpdateStatus, datetime | None]:
    """The outbox status after a failed delivery, and when to try again (never if permanent)."""
    if permanent:
        return UpdateStatus.FAILED, None
    return UpdateStatus.PENDING, now + retry_delay(attempts)
