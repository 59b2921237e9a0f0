"""Kinds and statuses are StrEnums: each member is its word, so JSON, stored state and
templates read exactly what bare strings wrote, and what comes back from storage is typed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from builders import parsed

from mailsum.models import (
    AutoKind,
    Listing,
    PointKind,
    PointStatus,
    Ticket,
    TicketState,
    UpdateStatus,
)
from mailsum.state.codec import message_from_json, message_to_json, ticket, ticket_json

ENUMS = (PointKind, PointStatus, Listing, TicketState, AutoKind, UpdateStatus)


@pytest.mark.parametrize("enum", ENUMS)
def test_a_member_is_its_word_in_text_json_and_comparisons(enum):
    for member in enum:
        word = member.value
        assert member == word and str(member) == word and f"{member}" == word
        assert json.dumps({"k": member}) == json.dumps({"k": word})
        assert {word: 1}[member] == 1  # a dict keyed by the word finds the member
        assert enum(word) is member


def test_the_words_are_those_the_state_and_json_have_always_used():
    assert [k.value for k in PointKind] == ["question", "request", "todo", "blocker", "deadline"]
    assert [s.value for s in TicketState] == ["waiting_on_us", "waiting_on_customer",
                                             "resolved", "informational"]
    assert AutoKind.AUTO_REPLY == "auto-reply"


def test_a_stored_ticket_comes_back_typed():
    back = ticket(ticket_json(Ticket(state=TicketState.WAITING_ON_CUSTOMER)))
    assert back is not None and back.state is TicketState.WAITING_ON_CUSTOMER
    assert ticket('{"state": "resolved"}').state is TicketState.RESOLVED  # type: ignore[union-attr]


def test_a_stored_message_keeps_its_auto_kind():
    msg = parsed("<a@x>", subject="s", from_addr="a@x", date=datetime(2026, 12, 3, tzinfo=UTC),
                 auto=AutoKind.BOUNCE)
    text = message_to_json(msg)
    assert '"auto": "bounce"' in text
    assert message_from_json(text).auto is AutoKind.BOUNCE
