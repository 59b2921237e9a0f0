"""How Python values become column text and back: ISO times, dates, tickets, message JSON.

Both databases store times as ISO 8601 text (parse writes every date in UTC, so the text sorts
as time) and structured values as JSON; these functions are the one place that knows the format.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from mailsum.models import AutoKind, ParsedMessage, Ticket, TicketState


def ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def ticket_json(t: Ticket | None) -> str | None:
    if t is None:
        return None
    return json.dumps({"state": t.state, "owner": t.owner, "next_step": t.next_step,
                       "next_by": t.next_by, "next_at": ts(t.next_at) if t.next_at else None,
                       "due": t.due.isoformat() if t.due else None}, ensure_ascii=False)


def ticket(text: str | None) -> Ticket | None:
    if not text:
        return None
    data = json.loads(text)
    return Ticket(state=TicketState(data["state"]), owner=data.get("owner"),
                  next_step=data.get("next_step"), next_by=data.get("next_by"),
                  next_at=dt(data["next_at"]) if data.get("next_at") else None,
                  due=date.fromisoformat(data["due"]) if data.get("due") else None)


def message_to_json(msg: ParsedMessage) -> str:
    # a shallow copy: asdict() deep-copies every list and dict only for json.dumps to read them
    data = dict(vars(msg))
    data["date"] = msg.date.isoformat()
    data["away_until"] = msg.away_until.isoformat() if msg.away_until else None
    return json.dumps(data, ensure_ascii=False)


def message_from_json(text: str) -> ParsedMessage:
    data = json.loads(text)
    data["date"] = datetime.fromisoformat(data["date"])
    data["away_until"] = d(data.get("away_until"))
    data["auto"] = AutoKind(data["auto"]) if data.get("auto") else None
    return ParsedMessage(**data)
