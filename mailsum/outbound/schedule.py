"""When a customer's update is due: the newest cron tick not yet handled.

A missed run (machine off for a day) therefore catches up with exactly one update covering
the newest tick, instead of one per missed tick.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from croniter import croniter


def due_time(cron: str, timezone: str, last_due: datetime | None, now: datetime) -> datetime | None:
    """The newest tick <= now that is newer than ``last_due``; None when nothing is due.

    With no update yet, the newest past tick is due, so a new customer gets a first update on
    the first run.
    """
    tz = ZoneInfo(timezone)
    local_now = now.astimezone(tz)
    it = croniter(cron, local_now)
    tick: datetime = it.get_prev(datetime)
    if croniter.match(cron, local_now.replace(second=0, microsecond=0)):
        tick = local_now.replace(second=0, microsecond=0)
    if last_due is not None and tick <= last_due:
        return None
    return tick


def next_time(cron: str, timezone: str, now: datetime) -> datetime:
    tz = ZoneInfo(timezone)
    return croniter(cron, now.astimezone(tz)).get_next(datetime)
