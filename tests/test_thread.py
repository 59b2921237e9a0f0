"""Threading by headers, ticket tags and subjects, on small hand-built messages."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from builders import linked
from hypothesis import given, settings
from hypothesis import strategies as st

from mailsum.analysis.thread import (
    SUBJECT_WINDOW,
    has_reply_prefix,
    normalize_subject,
    parent_map,
    subject_key,
    thread_messages,
    ticket_tags,
)
from mailsum.models import ParsedMessage, Thread

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def msg(
    mid: str,
    subject: str = "Drucker defekt",
    minutes: float = 0,
    irt: str | None = None,
    refs: list[str] | None = None,
    body: str = "",
) -> ParsedMessage:
    """A ParsedMessage with only what threading reads; ids are given without brackets."""
    text = body or f"Nachricht {mid}"
    return linked(mid, irt, refs or [], subject=subject, from_addr="it@acme.de",
                  from_name="IT", to=["support@provider.de"],
                  date=T0 + timedelta(minutes=minutes), text=text,
                  content_hash=f"hash-{mid}-{text}")


def groups(threads: list[Thread]) -> list[set[str]]:
    return [set(t.message_ids) for t in threads]


def ids(*names: str) -> set[str]:
    return {f"<{n}>" for n in names}


# --------------------------------------------------------------------------- subjects


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Drucker defekt", "Drucker defekt"),
        ("AW: WG: Re: Drucker defekt", "Drucker defekt"),
        ("aw: Aw: AW:Drucker defekt", "Drucker defekt"),
        ("Wg: Fwd: FW: Fw: Angebot", "Angebot"),
        ("Antw: Antwort: Angebot", "Angebot"),
        ("SV: VS: Offer", "Offer"),
        ("Re[2]: Re(3): Re^4: Offer", "Offer"),
        ("RE : Offer", "Offer"),
        ("Re: [notmuch] Re: New to the list", "[notmuch] New to the list"),
        ("[notmuch] Re: New to the list", "[notmuch] New to the list"),
        ("Re:  Drucker\n\t defekt  ", "Drucker defekt"),
        ("Drucker defekt", "Drucker defekt"),
        ("Rechnung: offen", "Rechnung: offen"),
        ("Automatische Antwort: Drucker defekt", "Drucker defekt"),
    ],
)
def test_normalize_subject(subject: str, expected: str) -> None:
    assert normalize_subject(subject) == expected


def test_subject_key_folds_case_and_gateway_tags_but_keeps_numbered_tags() -> None:
    assert subject_key("AW: [EXTERN] DRUCKER Defekt") == subject_key("Drucker defekt")
    assert subject_key("Re: [PATCH 1/2] fix") != subject_key("[PATCH 2/2] fix")
    assert subject_key("[Ticket#1] Drucker") != subject_key("[Ticket#2] Drucker")


def test_has_reply_prefix() -> None:
    assert has_reply_prefix("AW: Drucker defekt")
    assert has_reply_prefix("[EXTERN] WG: Drucker defekt")
    assert not has_reply_prefix("Drucker defekt")
    assert not has_reply_prefix("Rechnung: offen")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("[Ticket#123] Drucker defekt", ["ticket#123"]),
        ("AW: Ticket-Nr. 123 Drucker", ["ticket#123"]),
        ("Ihre Anfrage (Ticket 4711)", ["ticket#4711"]),
        ("[#123] VPN", ["#123"]),
        ("[ACME-42] Server down", ["ACME-42"]),
        ("[RT #33575] Resolved: FYI", ["rt#33575"]),
        ("[support.example.de #33575] AutoReply: FYI", ["support.example.de#33575"]),
        ("in case 1 it fails", []),
        ("[PATCH 1/2] UTF-8 fix", []),
        ("Drucker defekt", []),
        # a year-prefixed number is one number (two tickets of 2026 are two tickets)
        ("Ihr Ticket #2026-4711 wurde aktualisiert", ["ticket#2026-4711"]),
        ("AW: [Ticket#2026/0815] Drucker", ["ticket#2026-815"]),
        ("Vorgang 2026-4798: Rückfrage", ["vorgang#2026-4798"]),
        ("Ticket 4711-Druckerproblem", ["ticket#4711"]),
    ],
)
def test_ticket_tags(subject: str, expected: list[str]) -> None:
    assert ticket_tags(subject) == expected


def test_ticket_tag_spellings_agree() -> None:
    assert ticket_tags("[Ticket#123]") == ticket_tags("Ticket-Nr. 123") == ticket_tags("Ticket 123")
    assert ticket_tags("Ticket #2026-4711") == ticket_tags("[Ticket#2026/4711]")
    assert ticket_tags("Ticket #2026-4711") != ticket_tags("Ticket #2026-4798")


# --------------------------------------------------------------------------- headers


def test_reply_by_in_reply_to_only() -> None:
    threads = thread_messages(
        [msg("a", minutes=0), msg("b", "AW: x", 5, irt="a"), msg("other", "Anderes", 1)]
    )
    assert groups(threads) == [ids("a", "b"), ids("other")]
    assert threads[0].thread_id == "<a>"
    assert threads[0].subject == "Drucker defekt"


def test_reply_by_references_only() -> None:
    messages = [msg("a"), msg("b", "x", 5, refs=["a"]), msg("c", "y", 9, refs=["a", "b"])]
    assert groups(thread_messages(messages)) == [ids("a", "b", "c")]
    assert parent_map(messages) == {"<a>": None, "<b>": "<a>", "<c>": "<b>"}


def test_ghost_parent_joins_siblings() -> None:
    messages = [
        msg("b", "Re: Lizenz", 5, irt="missing", refs=["missing"]),
        msg("c", "Re: Lizenz", 7, refs=["missing"]),
    ]
    threads = thread_messages(messages)
    assert groups(threads) == [ids("b", "c")]
    assert threads[0].thread_id == "<b>"  # earliest real message when the root is a ghost
    assert parent_map(messages) == {"<b>": "<missing>", "<c>": "<missing>"}


def test_single_child_ghost_is_dropped() -> None:
    messages = [msg("a"), msg("c", "Re: x", 9, refs=["a", "lost"])]
    assert parent_map(messages) == {"<a>": None, "<c>": "<a>"}


def test_reference_loop_ends_in_one_thread_by_date() -> None:
    messages = [msg("late", "x", 60, irt="early"), msg("early", "y", 0, irt="late")]
    threads = thread_messages(messages)
    assert [t.message_ids for t in threads] == [["<early>", "<late>"]]
    assert parent_map(messages) == {"<early>": None, "<late>": "<early>"}


def test_longer_loop_through_references_never_cycles() -> None:
    messages = [
        msg("a", "x", 0, refs=["c", "b"]),
        msg("b", "x", 1, refs=["a"]),
        msg("c", "x", 2, refs=["b"]),
    ]
    pmap = parent_map(messages)
    assert sum(1 for p in pmap.values() if p is None) == 1
    for start in pmap:  # walking up always ends
        seen, cur = set(), start
        while cur is not None:
            assert cur not in seen
            seen.add(cur)
            cur = pmap.get(cur)
    assert groups(thread_messages(messages)) == [ids("a", "b", "c")]


def test_duplicate_message_id_listed_once() -> None:
    messages = [
        msg("a"),
        msg("dup", "Re: x", 5, irt="a", body="erste Kopie"),
        msg("dup", "Re: x (copy)", 6, irt="a", body="zweite Kopie"),
    ]
    threads = thread_messages(messages)
    assert [t.message_ids for t in threads] == [["<a>", "<dup>"]]


def test_in_reply_to_beats_conflicting_last_reference() -> None:
    messages = [
        msg("root", "root", 0),
        msg("other", "other", 1),
        msg("child", "Re: root", 5, irt="root", refs=["other"]),
    ]
    assert parent_map(messages)["<child>"] == "<root>"
    # the conflicting References tail is not followed at all
    assert groups(thread_messages(messages)) == [ids("root", "child"), ids("other")]


def test_missing_in_reply_to_falls_back_to_deepest_present_reference() -> None:
    messages = [
        msg("root", "root", 0),
        msg("child", "Re: root", 5, irt="root", refs=["root"]),
        msg("late", "Re: root", 9, irt="nowhere", refs=["root", "child", "nowhere"]),
    ]
    assert parent_map(messages)["<late>"] == "<child>"


# --------------------------------------------------------------------------- tickets, subjects


def test_ticket_tag_joins_notification_without_headers() -> None:
    messages = [
        msg("customer", "Drucker im 2. OG defekt", 0),
        msg("ack", "[Ticket#123] Drucker im 2. OG defekt", 2, irt="customer"),
        msg("closed", "[Ticket#123] Ticket geschlossen", 3000),
        msg("unrelated", "[Ticket#124] VPN", 10),
    ]
    threads = thread_messages(messages)
    assert groups(threads) == [ids("customer", "ack", "closed"), ids("unrelated")]
    assert threads[0].thread_id == "<customer>"
    assert parent_map(messages)["<closed>"] == "<customer>"


def test_ticket_spellings_join_each_other() -> None:
    messages = [msg("a", "Ticket-Nr. 4711: Server", 0), msg("b", "Status (Ticket 4711)", 60)]
    assert groups(thread_messages(messages)) == [ids("a", "b")]


def test_subject_fallback_joins_prefixed_reply() -> None:
    messages = [msg("orig", "Drucker defekt", 0), msg("reply", "AW: Drucker defekt", 30)]
    threads = thread_messages(messages)
    assert groups(threads) == [ids("orig", "reply")]
    assert threads[0].thread_id == "<orig>"
    assert parent_map(messages)["<reply>"] == "<orig>"


def test_subject_fallback_needs_a_prefix() -> None:
    """Like JWZ: two un-prefixed "Drucker defekt" weeks apart are two problems."""
    messages = [
        msg("first", "Drucker defekt", 0),
        msg("second", "Drucker defekt", 60 * 24 * 21),
        msg("reply", "AW: Drucker defekt", 60 * 24 * 22),
    ]
    # the reply joins the most recent original before it
    assert groups(thread_messages(messages)) == [ids("first"), ids("second", "reply")]


def test_subject_fallback_joins_only_a_thread_active_within_the_window() -> None:
    day = 60 * 24
    gap = SUBJECT_WINDOW.days
    messages = [
        msg("jan", "Drucker defekt", 0),
        msg("jan-late", "AW: Drucker defekt", (gap - 1) * day),  # within the window: joins
        msg("mar", "AW: Drucker defekt", (3 * gap) * day),  # long after: a thread of its own
    ]
    assert groups(thread_messages(messages)) == [ids("jan", "jan-late"), ids("mar")]


def test_subject_fallback_picks_the_latest_thread_still_active() -> None:
    """An older thread that stayed active wins over a newer one that went quiet."""
    day = 60 * 24
    gap = SUBJECT_WINDOW.days
    messages = [
        msg("long", "Drucker defekt", 0),
        msg("quiet", "Drucker defekt", day),  # newer, but silent ever since
        msg("long-2", "Re: x", (2 * gap) * day, irt="long"),  # keeps the older one active
        msg("reply", "AW: Drucker defekt", (2 * gap + 1) * day),
    ]
    assert groups(thread_messages(messages)) == [ids("long", "long-2", "reply"), ids("quiet")]


@pytest.mark.parametrize("subject", ["Hallo", "Frage", "(kein Betreff)", "(no subject)", ""])
def test_subject_fallback_skips_generic_subjects(subject: str) -> None:
    messages = [msg("a", subject, 0), msg("b", f"Re: {subject}", 10)]
    assert len(thread_messages(messages)) == 2


def test_subject_fallback_respects_different_tickets() -> None:
    messages = [msg("a", "Ticket-Nr. 111 Drucker", 0), msg("b", "AW: Ticket-Nr. 222 Drucker", 5)]
    assert len(thread_messages(messages)) == 2


def test_threads_sorted_by_first_message_and_messages_chronological() -> None:
    messages = [
        msg("b2", "Re: B", 50, irt="b1"),
        msg("a1", "A", 10),
        msg("b1", "B", 0),
        msg("a2", "Re: A", 20, irt="a1"),
    ]
    threads = thread_messages(messages)
    assert [t.message_ids for t in threads] == [["<b1>", "<b2>"], ["<a1>", "<a2>"]]
    assert [t.subject for t in threads] == ["B", "A"]


def test_equal_dates_keep_input_order() -> None:
    messages = [msg("z", "x", 0), msg("y", "Re: x", 0, irt="z")]
    assert thread_messages(messages)[0].message_ids == ["<z>", "<y>"]
    assert thread_messages(messages[::-1])[0].message_ids == ["<y>", "<z>"]


def test_empty_input() -> None:
    assert thread_messages([]) == []
    assert parent_map([]) == {}


# --------------------------------------------------------------------------- order independence

_NAMES = [f"m{i}" for i in range(8)]
_SUBJECTS = ["Drucker defekt", "AW: Drucker defekt", "[Ticket#7] VPN", "VPN", "Re: VPN", "Hallo"]


@st.composite
def mailboxes(draw: st.DrawFn) -> list[ParsedMessage]:
    count = draw(st.integers(1, len(_NAMES)))
    # up to twice the subject window apart, so the window's edge is in play
    span = int(2 * SUBJECT_WINDOW.total_seconds() // 60)
    minutes = draw(st.lists(st.integers(0, span), min_size=count, max_size=count, unique=True))
    refs_from = st.lists(st.sampled_from([*_NAMES, "ghost1", "ghost2"]), max_size=3)
    out = []
    for name, minute in zip(_NAMES[:count], minutes, strict=True):
        irt = draw(st.none() | st.sampled_from([*_NAMES, "ghost1"]))
        out.append(msg(name, draw(st.sampled_from(_SUBJECTS)), minute, irt, draw(refs_from)))
    if draw(st.booleans()):  # a duplicate delivery of one id
        first = out[0]
        out.append(msg(_NAMES[0], "Kopie", draw(st.integers(0, span)), body="x"))
        assert out[-1].message_id == first.message_id
    return out


@settings(max_examples=300, deadline=None)
@given(mailboxes(), st.randoms(use_true_random=False))
def test_same_threads_in_any_input_order(messages: list[ParsedMessage], rnd: random.Random) -> None:
    shuffled = messages[:]
    rnd.shuffle(shuffled)
    duplicated = len({m.message_id for m in messages}) < len(messages)
    first, second = thread_messages(messages), thread_messages(shuffled)
    if duplicated:  # equal dates are possible only through the duplicate
        assert [(t.thread_id, set(t.message_ids)) for t in first] == [
            (t.thread_id, set(t.message_ids)) for t in second
        ]
    else:
        assert first == second
    assert parent_map(messages) == parent_map(shuffled)
    listed = [m for t in first for m in t.message_ids]
    assert sorted(listed) == sorted({m.message_id for m in messages})  # each id exactly once


@pytest.mark.parametrize(("problem", "recovery"), [
    ("Check_MK: WL-FS01/Filesystem D:/ OK -> CRIT", "Check_MK: WL-FS01/Filesystem D:/ CRIT -> OK"),
    ("** PROBLEM Service Alert: FS01/Disk C: is CRITICAL **",
     "** RECOVERY Service Alert: FS01/Disk C: is OK **"),
    ("Problem: Backup job failed on SRV2", "Resolved: Backup job failed on SRV2"),
])
def test_a_monitoring_alert_and_its_recovery_share_a_tag(problem: str, recovery: str) -> None:
    from mailsum.analysis.thread import alert_tag

    assert alert_tag(problem) is not None and alert_tag(problem) == alert_tag(recovery)


@pytest.mark.parametrize("subject", ["Drucker im 2. OG defekt", "AW: Problem mit dem VPN",
                                     "Re: [ACME-12] Zugang -> bitte prüfen"])
def test_other_subjects_are_no_alerts(subject: str) -> None:
    from mailsum.analysis.thread import alert_tag

    assert alert_tag(subject) is None
