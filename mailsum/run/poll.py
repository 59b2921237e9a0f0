"""Poll: fetch → parse → store, one transaction per batch (the stage's lease held by the Runner).

Batches are parsed by worker processes on a big poll while the next one is fetched; each is
written in fetch order with its cursor, so a crash or a stop keeps every batch committed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mailsum.config.loader import SourceConfig
from mailsum.errors import SourceError
from mailsum.models import RawMessage
from mailsum.run.context import RunContext
from mailsum.run.crashpoint import crashpoint
from mailsum.run.factory import make_fetcher
from mailsum.run.inflight import in_order
from mailsum.run.workpool import Pending
from mailsum.sources import fetch
from mailsum.state.store import Lease, MessageRow, message_from_json

if TYPE_CHECKING:
    from mailsum.run.parsework import _Parsed

log = logging.getLogger("mailsum")


def poll(ctx: RunContext, src: SourceConfig, lease: Lease) -> None:
    """Read what is new in one source (its lease held) and store it."""
    if src.kind == "imap":
        poll_imap(ctx, src, lease)
    else:
        poll_local(ctx, src, lease)


def reason(exc: SourceError, name: str) -> str:
    """The error without the "source NAME: " prefix the status table already shows."""
    return str(exc).removeprefix(f"source {name}: ")


# ------------------------------------------------------------------ IMAP


def poll_imap(ctx: RunContext, src: SourceConfig, lease: Lease) -> None:
    fetcher = make_fetcher(src)
    fetcher.connect()
    try:
        for folder in src.folders:
            uidvalidity, last_uid = ctx.store.folder_cursor(src.name, folder)
            done = 0
            # batches being parsed by workers; each commits in order, with its cursor; also on
            # a stop, what is fetched and parsed is kept
            batches = fetcher.fetch_folder(folder, uidvalidity, last_uid)
            for batch, parsed in in_order(_fetched(ctx, batches), ctx.in_flight):
                done = _commit_imap(ctx, src, folder, lease, batch, parsed, done)
            if ctx.stopping():
                return
    finally:
        fetcher.close()


def _fetched(ctx: RunContext, batches: Iterable[fetch.FolderBatch]
             ) -> Iterator[tuple[fetch.FolderBatch, Pending[list[_Parsed]]]]:
    for batch in batches:
        if ctx.stopping():
            return
        crashpoint("after-fetch")
        yield batch, _parse(ctx, batch.messages)


def _commit_imap(ctx: RunContext, src: SourceConfig, folder: str, lease: Lease,
                 batch: fetch.FolderBatch, parsed: Pending[list[_Parsed]], done: int) -> int:
    outcomes = parsed.result()
    done += len(batch.messages) + len(batch.oversized)
    ctx.progress(f"fetch+parse {src.name}/{folder}", done, batch.total)
    with ctx.store.transaction(fence=lease):
        _store_batch(ctx, batch.messages, outcomes)
        for uid, size in batch.oversized:
            mid, subject = _head_fields(batch.oversized_headers.get(uid, b""))
            ctx.failure(src.name, folder, str(uid), uid, mid, _too_big(size, subject))
        crashpoint("before-batch-commit")
        ctx.store.set_folder_cursor(src.name, folder, batch.uidvalidity, batch.last_uid)
    crashpoint("after-batch-commit")
    return done


# ------------------------------------------------------------------ Maildir and mbox


def poll_local(ctx: RunContext, src: SourceConfig, lease: Lease) -> None:
    assert src.path is not None
    seen = ctx.store.seen_keys(src.name, "")
    reader = fetch.fetch_maildir if src.kind == "maildir" else fetch.fetch_mbox
    batches = reader(src.name, src.path, seen, src.batch_size, src.max_message_bytes)
    done = 0
    for fits, big, parsed in in_order(_read(ctx, batches, src.max_message_bytes),
                                      ctx.in_flight):
        done = _commit_local(ctx, src, lease, fits, big, parsed, done)


def _read(ctx: RunContext, batches: Iterable[list[RawMessage]], limit: int
          ) -> Iterator[tuple[list[RawMessage], list[RawMessage], Pending[list[_Parsed]]]]:
    for batch in batches:
        if ctx.stopping():
            return
        big = [raw for raw in batch if (raw.size or 0) > limit]
        fits = [raw for raw in batch if (raw.size or 0) <= limit]
        yield fits, big, _parse(ctx, fits)


def _commit_local(ctx: RunContext, src: SourceConfig, lease: Lease, batch: list[RawMessage],
                  oversized: list[RawMessage], parsed: Pending[list[_Parsed]], done: int) -> int:
    outcomes = parsed.result()
    done += len(batch) + len(oversized)
    ctx.progress(f"fetch+parse {src.name}", done, 0)
    with ctx.store.transaction(fence=lease):
        _store_batch(ctx, batch, outcomes)
        for raw in oversized:  # recorded like an oversized IMAP message, never parsed
            mid, subject = _head_fields(raw.data)
            ctx.failure(raw.source, raw.folder, raw.key, None, mid, _too_big(raw.size, subject))
            ctx.store.mark_seen(raw.source, raw.folder, raw.key, None, ctx.now)
    return done


# ------------------------------------------------------------------ both


def _parse(ctx: RunContext, batch: list[RawMessage]) -> Pending[list[_Parsed]]:
    # the parse stack loads with the first new mail, here in the run before the pool forks
    from mailsum.run import parsework

    return ctx.pool.submit(parsework.parse_all, [raw.data for raw in batch],
                           ctx.config.message_seconds, weight=len(batch))


def _store_batch(ctx: RunContext, batch: list[RawMessage], outcomes: list[_Parsed]) -> None:
    store, report = ctx.store, ctx.report
    for raw, outcome in zip(batch, outcomes, strict=True):
        report.fetched += 1
        row = outcome.row
        if row is None:
            if outcome.trace:  # a parser bug must not stop the run either
                log.error("unexpected error parsing %s/%s\n%s", raw.source, raw.key,
                          outcome.trace)
            ctx.failure(raw.source, raw.folder, raw.key, raw.uid, None, outcome.error)
            store.mark_seen(raw.source, raw.folder, raw.key, None, ctx.now)
            continue
        if store.add_message(row, raw.source, raw.folder, raw.key, outcome.keys):
            report.stored += 1
        else:
            report.duplicates += 1
            if _other_mail_same_id(ctx, row):
                # a second mail reusing a Message-ID (forged or broken) is not read, but
                # no longer dropped without a trace (issue 19)
                ctx.failure(raw.source, raw.folder, raw.key, raw.uid, row.message_id,
                            "a different mail with this Message-ID is already stored; "
                            "not read")
        store.mark_seen(raw.source, raw.folder, raw.key, row.message_id, ctx.now)


def _other_mail_same_id(ctx: RunContext, row: MessageRow) -> bool:
    """Whether the stored mail of ``row``'s id has another sender, subject or text (a
    copy of the same mail in a second folder or mailbox differs only in its headers)."""
    stored = ctx.store.load_messages([row.message_id])
    if not stored:
        return False
    new, old = message_from_json(row.data), stored[0]
    return (new.from_addr, new.subject, new.text) != (old.from_addr, old.subject, old.text)


def _too_big(size: int | None, subject: str) -> str:
    return (f"message of {size} bytes exceeds max_message_bytes"
            + (f" (subject {subject!r})" if subject else ""))


def _head_fields(header: bytes) -> tuple[str | None, str]:
    """Message-ID and subject of an oversized message, from its header block alone."""
    if not header:
        return None, ""
    from email.parser import BytesHeaderParser
    from email.policy import default

    head = BytesHeaderParser(policy=default).parsebytes(header)
    try:
        return (str(head["Message-ID"]).strip() or None if head["Message-ID"] else None,
                str(head["Subject"] or "").strip())
    except (ValueError, TypeError):  # a header too broken to decode still leaves the reason
        return None, ""
