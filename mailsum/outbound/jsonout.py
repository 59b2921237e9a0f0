"""The machine-readable shape of an update (DESIGN.md §9); scripts rely on these names."""

from __future__ import annotations

from typing import Any

from mailsum.models import SourceState, Update


def update_json(update: Update) -> dict[str, Any]:
    return {
        "customer": update.customer_id,
        "to": list(update.to),
        "cc": list(update.cc),
        "subject": update.subject,
        "language": update.language,
        "quiet": update.quiet,
        "counts": update.counts,
        "points": [
            {
                "number": p.number, "id": p.id, "kind": p.kind, "status": p.status,
                "problem": p.problem, "text": p.text, "owner": p.owner,
                "raised_by": p.raised_by, "due": p.due.isoformat() if p.due else None,
                "overdue": p.overdue, "escalation": p.escalation,
                "owner_away_until": p.owner_away_until.isoformat()
                if p.owner_away_until else None,
                "age_days": p.age_days, "thread": p.thread_id, "message_id": p.message_id,
                "promise": p.promise,
            }
            for p in update.points
        ],
        "resolved": [{"id": r.id, "text": r.text, "message_id": r.message_id, "by": r.by,
                      "at": r.at.isoformat() if r.at else None} for r in update.resolved],
        "owner_changes": [{"id": c.id, "from": c.old, "to": c.new, "at": c.at.isoformat(),
                           "reason": c.reason} for c in update.owner_changes],
        "threads": [{"subject": t.subject, "message_ids": t.message_ids, "summary": t.summary}
                    for t in update.threads],
        "tickets": [
            {
                "subject": t.subject, "thread": t.thread_id, "message_ids": t.message_ids,
                "state": t.state, "owner": t.owner, "next_step": t.next_step,
                "next_by": t.next_by, "next_at": t.next_at.isoformat() if t.next_at else None,
                "due": t.due.isoformat() if t.due else None, "problem": t.problem,
                "points": t.points, "resolved": t.resolved,
            }
            for t in update.tickets
        ],
        "snoozed": update.snoozed,
        "more": update.more,
        # the mailboxes this update's mail comes from; ok false: it could not be read, and
        # what comes from it is as of last_ok
        "sources": [source_json(s) for s in update.sources],
    }


def source_json(s: SourceState) -> dict[str, Any]:
    """One source: last poll ok?, last successful poll, the error while it is failing."""
    return {"name": s.name, "ok": s.ok, "last_ok": s.last_ok.isoformat() if s.last_ok else None,
            "error": s.error,
            "failing_since": s.failing_since.isoformat() if s.failing_since else None}
