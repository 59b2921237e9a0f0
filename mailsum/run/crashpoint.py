"""Deterministic kill points for the crash tests.

``crashpoint("name")`` kills the process with SIGKILL when ``MAILSUM_CRASH_AT`` names that point
(on its ``MAILSUM_CRASH_AFTER``-th hit, default the first). The environment is read once; when
the variable is unset a call costs one comparison, so the hooks can stay in production code.
"""

from __future__ import annotations

import os
import signal

_target: str | None = os.environ.get("MAILSUM_CRASH_AT") or None
_remaining: int = int(os.environ.get("MAILSUM_CRASH_AFTER", "1") or "1")


def crashpoint(name: str) -> None:
    """Die here, without any cleanup, if the crash tests asked for it."""
    global _remaining
    if _target is None or name != _target:
        return
    _remaining -= 1
    if _remaining <= 0:
        os.kill(os.getpid(), signal.SIGKILL)
