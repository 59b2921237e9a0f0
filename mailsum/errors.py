"""Typed errors and the exit codes they end in; the CLI maps them to messages.

``ExitCode`` is the one list of exit codes: the CLI and ``RunReport.exit_code`` both use it,
so what cron or monitoring sees cannot drift between the two.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a mailsum process tells cron, systemd or a monitoring check."""

    OK = 0  # all well
    FAILED = 1  # some source, customer, delivery or the state failed; the others were done
    CONFIG = 2  # configuration error (file, line, key named); nothing ran
    LOCKED = 3  # another run holds the lock; nothing was done
    INTERNAL = 4  # an unexpected error (a bug): one line on stderr, the traceback with -v


class MailsumError(Exception):
    """Base of every error mailsum reports to the user."""


class ConfigError(MailsumError):
    """A mistake in a configuration or rule file; nothing runs (exit code 2)."""

    def __init__(self, file: str, line: int | None, key: str, message: str) -> None:
        self.file, self.line, self.key, self.message = file, line, key, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class ParseError(MailsumError):
    """A message that cannot be parsed; it is recorded with this reason and skipped."""


class SourceError(MailsumError):
    """A source failed (login, timeout, TLS, server gone); other sources go on."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        super().__init__(f"source {source}: {message}")


class DeliveryError(MailsumError):
    """Sending an update failed; ``permanent`` is True for 5xx answers."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        self.permanent = permanent
        super().__init__(message)


class LockedError(MailsumError):
    """Another mailsum run holds the lock."""


class StateError(MailsumError):
    """The state database cannot be reached or used; what was not committed is rolled back
    and done again by the next run (exit code 1)."""


class LeaseLost(MailsumError):
    """Another worker took over this work after our lease ran out; our changes were rolled back."""

    def __init__(self, kind: str, name: str) -> None:
        self.kind, self.name = kind, name
        super().__init__(f"lease on {kind} {name!r} lost to another worker")


class StateConflict(MailsumError):
    """The state already holds this record: another worker got there first."""
