"""The incremental-threading load plan (run/loadplan.py): what a slice reads and writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from builders import linked

from mailsum.models import ParsedMessage
from mailsum.run import loadplan

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
HORIZON = T0 - timedelta(days=30)


def head(mid: str, subject: str = "Drucker defekt", days: float = 0,
         irt: str | None = None) -> ParsedMessage:
    """A message as the state hands it to threading: headers only, no body."""
    return linked(mid, irt, subject=subject, date=T0 + timedelta(days=days))


def test_probes_split_ids_from_subjects() -> None:
    new = [head("b", "Re: VPN", irt="a")]
    ids = loadplan.id_probes(new)
    assert ids and all(kind != "subj" for kind, _ in ids)
    subjects = loadplan.subject_probes(new, [head("a", "VPN-Zugang")])
    assert subjects and all(kind == "subj" for kind, _ in subjects)
    # a stored message's subject counts too: it can be the thread head's
    assert subjects != loadplan.subject_probes(new, [])


def test_a_reply_joins_its_stored_thread_which_is_written_again_and_read() -> None:
    stored = {"<a>": {"<a>"}}
    plan = loadplan.plan([head("b", "Re: Drucker defekt", 1, irt="a")], [head("a")], stored,
                         {"<b>"}, HORIZON)
    assert [(t.thread_id, t.message_ids) for t in plan.work] == [("<a>", ["<a>", "<b>"])]
    assert plan.past == set()
    assert plan.slice.stored_in == {"<a>": "<a>"}
    assert plan.slice.had_stored(["<a>", "<b>"]) and not plan.slice.had_stored(["<b>"])


def test_a_stored_thread_the_new_mail_leaves_as_it_was_is_not_written() -> None:
    stored = {"<a>": {"<a>"}}
    plan = loadplan.plan([head("x", "Neues Thema")], [head("a")], stored, {"<x>"}, HORIZON)
    assert [t.thread_id for t in plan.work] == ["<x>"]


def test_a_stored_thread_whose_members_change_is_written_even_without_new_mail_in_it() -> None:
    # stored apart before; threading now puts c under a (the new mail b links them)
    stored = {"<a>": {"<a>"}, "<c>": {"<c>"}}
    new = [head("b", "Re: Drucker defekt", 1, irt="a")]
    known = [head("a"), head("c", "Re: Drucker defekt", 2, irt="b")]
    plan = loadplan.plan(new, known, stored, {"<b>"}, HORIZON)
    assert [set(t.message_ids) for t in plan.work] == [{"<a>", "<b>", "<c>"}]
    assert plan.slice.stale(["<a>", "<b>", "<c>"]) == {"<c>"}  # merged away: its row goes


def test_an_all_new_thread_that_ended_before_the_horizon_is_stored_but_not_read() -> None:
    old = [head("o1", "Altes Thema", -60), head("o2", "Re: Altes Thema", -59, irt="o1")]
    recent = [head("r1", "Neues Thema", -1)]
    plan = loadplan.plan([*old, *recent], [], {}, {"<o1>", "<o2>", "<r1>"}, HORIZON)
    assert {t.thread_id for t in plan.work} == {"<o1>", "<r1>"}
    assert plan.past == {"<o1>"}


def test_an_old_thread_joined_by_new_mail_is_read_in_full() -> None:
    stored = {"<o1>": {"<o1>"}}
    plan = loadplan.plan([head("o2", "Re: Altes Thema", -59, irt="o1")],
                         [head("o1", "Altes Thema", -60)], stored, {"<o2>"}, HORIZON)
    assert [t.thread_id for t in plan.work] == ["<o1>"] and plan.past == set()


def test_members_are_every_stored_message_sorted() -> None:
    assert loadplan.members({"<a>": {"<b>", "<a>"}, "<c>": {"<c>"}}) == ["<a>", "<b>", "<c>"]
    assert loadplan.members({}) == []
