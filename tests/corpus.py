"""Walking ../shared/corpora for the sweeps: every file that may be mail, mbox files split."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mailbox"  # the bundled sample
NOT_MAIL_PREFIXES = ("PROVENANCE", "README", "COPYING", "LICENSE", "MANIFEST")


def corpus_messages(root: Path, skip_suffixes: set[str]) -> Iterator[tuple[str, bytes]]:
    """(where, raw bytes) of each message under ``root``; ``where`` names file and mbox index."""
    for path in sorted(root.rglob("*")):
        if (
            not path.is_file()
            or path.suffix in skip_suffixes
            or path.name.startswith(NOT_MAIL_PREFIXES)
        ):
            continue
        data = path.read_bytes()
        if data.startswith(b"From ") and b"\nFrom " in data:
            for i, msg in enumerate(mailbox.mbox(str(path))):
                yield f"{path}#{i}", msg.as_bytes()
        else:
            yield str(path), data


def sample_messages() -> list[bytes]:
    """The bundled sample mailbox's messages, in key order."""
    box = mailbox.Maildir(SAMPLE, factory=None, create=False)
    return [box.get_bytes(k) for k in sorted(box.iterkeys())]
