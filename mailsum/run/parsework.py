"""Parse a batch of fetched mail: the pure part of the poll, run where the pool says.

Its own module so that the parse stack (mail-parser, charset_normalizer, the quote and
signature tables) is imported with the first new message to parse, not by every poll: a run
with nothing new never loads it. ``poll._parse`` imports this module before the batch goes to
the pool, so forked workers inherit it instead of importing it again each.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from mailsum.analysis import thread
from mailsum.errors import ParseError
from mailsum.parse import message as parse
from mailsum.run.budget import OverBudget, time_budget
from mailsum.state.store import MessageRow


@dataclass
class _Parsed:
    """One message's parse, as it travels back from a worker process."""

    row: MessageRow | None = None  # encoded for the messages table where it was parsed
    keys: list[tuple[str, str]] = field(default_factory=list)  # its thread join keys
    error: str = ""  # why it is recorded as a failure instead
    trace: str = ""  # a parser bug's traceback, logged by the run


def parse_all(datas: list[bytes], budget: float | None = None) -> list[_Parsed]:
    """Parse a batch; failures are values, so one broken mail never loses its batch."""
    out: list[_Parsed] = []
    for data in datas:
        try:
            with time_budget(budget):
                msg = parse.parse_message(data)
                keys = thread.join_keys(msg)
                row = MessageRow.of(msg)
                # what no database can store (a stray surrogate) fails this mail before anything
                # of it is written, not the run; the JSON holds every field the row has
                row.data.encode("utf-8")
            out.append(_Parsed(row, keys))
        except (ParseError, OverBudget) as exc:
            out.append(_Parsed(error=str(exc)))
        except Exception as exc:
            out.append(_Parsed(error=f"internal parser error: {type(exc).__name__}: {exc}",
                               trace=traceback.format_exc()))
    return out
