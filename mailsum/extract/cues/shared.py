"""Fragments more than one table needs."""

from __future__ import annotations

# "Ich übernehme die Kosten", "keine Haftung": a cost or liability is taken on, not the work
NOT_COSTS = (r"(?! (?:die |keine |jegliche |jede |gerne die )?(?:kosten|haftung|verantwortung"
             r"|gew[äa]hr|garantie)\b)")
