from datetime import UTC, datetime

from mailsum.outbound.schedule import due_time, next_time

BERLIN = "Europe/Berlin"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_first_run_is_due_at_the_newest_past_tick():
    due = due_time("0 7 * * 1-5", BERLIN, None, at("2026-11-27T08:30:00+01:00"))
    assert due == at("2026-11-27T07:00:00+01:00")


def test_not_due_again_for_the_same_tick():
    last = at("2026-11-27T07:00:00+01:00")
    assert due_time("0 7 * * 1-5", BERLIN, last, at("2026-11-27T16:00:00+01:00")) is None


def test_missed_days_catch_up_once_with_the_newest_tick():
    last = at("2026-11-24T07:00:00+01:00")
    due = due_time("0 7 * * 1-5", BERLIN, last, at("2026-11-27T09:00:00+01:00"))
    assert due == at("2026-11-27T07:00:00+01:00")


def test_weekend_is_not_due_on_weekday_schedule():
    last = at("2026-11-27T07:00:00+01:00")  # a Friday
    assert due_time("0 7 * * 1-5", BERLIN, last, at("2026-11-29T12:00:00+01:00")) is None
    assert due_time("0 7 * * 1-5", BERLIN, last, at("2026-11-30T07:00:30+01:00")) == \
        at("2026-11-30T07:00:00+01:00")


def test_timezone_is_respected_across_dst():
    # 07:00 Berlin in summer is 05:00 UTC
    due = due_time("0 7 * * *", BERLIN, None, datetime(2026, 7, 1, 5, 30, tzinfo=UTC))
    assert due is not None and due.astimezone(UTC).hour == 5


def test_next_time():
    assert next_time("0 7 * * 1", BERLIN, at("2026-11-27T08:00:00+01:00")) == \
        at("2026-11-30T07:00:00+01:00")
