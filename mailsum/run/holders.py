"""Who holds a lease, and whether that holder is a dead process on this machine.

A holder is ``label@host:pid``. A lease of a crashed process would keep its work waiting until
the lease runs out; when the holder ran on this host and its pid is gone, the next run takes
the work over at once. A holder on another host is only ever trusted to its expiry.
"""

from __future__ import annotations

import os
import socket


def holder_id(label: str = "run") -> str:
    return f"{label}@{socket.gethostname()}:{os.getpid()}"


def is_dead_here(holder: str) -> bool:
    """True only when ``holder`` names this host and no process has its pid any more."""
    _, at, place = holder.rpartition("@")
    host, colon, pid_text = place.rpartition(":")
    if not at or not colon or host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, owned by another user
        return False
    return False
