"""References to passwords and tokens; the value is fetched only when a connection needs it.

A ``Secret`` holds where the value lives, never the value, so a Config can be printed, logged
or put in an error message without leaking anything.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from mailsum.errors import ConfigError

KINDS = ("env", "file", "command")
COMMAND_TIMEOUT = 15.0


@dataclass(frozen=True)
class Secret:
    """Where a secret lives: an environment variable, a file, or a command's output."""

    kind: str  # "env" | "file" | "command"
    ref: str  # variable name, file path, or command line
    file: str = field(default="", compare=False)  # config file that named it (for errors)
    line: int | None = field(default=None, compare=False)
    key: str = field(default="", compare=False)  # e.g. "sources[0].password_env"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown secret kind {self.kind!r}")

    def __repr__(self) -> str:
        # A command line may carry a token as an argument, so only its program is shown.
        shown = self.ref if self.kind != "command" else (_program(self.ref) + " …")
        return f"Secret({self.kind}:{shown})"

    __str__ = __repr__

    def _error(self, message: str) -> ConfigError:
        return ConfigError(self.file or "<config>", self.line, self.key, message)


def resolve(secret: Secret, timeout: float = COMMAND_TIMEOUT) -> str:
    """The secret's value; failures raise ConfigError naming the key, never the value."""
    if secret.kind == "env":
        value = os.environ.get(secret.ref)
        if value is None:
            raise secret._error(f"environment variable {secret.ref} is not set")
        return value
    if secret.kind == "file":
        try:
            return Path(secret.ref).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise secret._error(f"cannot read secret file {secret.ref}: {reason}") from None
    return _run_command(secret, timeout)


def check(secret: Secret) -> None:
    """Fail at load time when an env var is missing or a file unreadable; commands run later."""
    if secret.kind == "env" and secret.ref not in os.environ:
        raise secret._error(f"environment variable {secret.ref} is not set")
    if secret.kind == "file":
        path = Path(secret.ref)
        if not path.exists():
            raise secret._error(f"secret file {secret.ref} does not exist")
        if path.is_dir():
            raise secret._error(f"secret file {secret.ref} is a folder")
        if not os.access(path, os.R_OK):
            raise secret._error(f"secret file {secret.ref} is not readable")
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:  # a password others on the machine can read is a password leaked
            where = f"{secret.file}:{secret.line}: {secret.key}: " if secret.line else ""
            logging.getLogger("mailsum").warning(
                "%ssecret file %s can be read by others (mode %04o); chmod 600 %s", where,
                secret.ref, mode, shlex.quote(secret.ref))


MIN_KEY_LENGTH = 16  # characters of an HMAC key (secret_env/_file/_command)


def hmac_key(secret: Secret, timeout: float = COMMAND_TIMEOUT) -> str:
    """The HMAC key that signs update Message-IDs; an empty or short one is an error.

    With the key "" (an empty ``secret_file``, ``secret_env`` set to "") update Message-IDs
    are computable from the schedule alone, and a forged reply once resolved five points and
    paused updates for a year (issue 19).
    """
    value = resolve(secret, timeout)
    if len(value) < MIN_KEY_LENGTH:
        raise secret._error(
            f"the HMAC key has {len(value)} characters, at least {MIN_KEY_LENGTH} are needed "
            f"(e.g. `openssl rand -hex 32`) / der HMAC-Schlüssel hat {len(value)} Zeichen, "
            f"nötig sind mindestens {MIN_KEY_LENGTH}")
    return value


def _run_command(secret: Secret, timeout: float) -> str:
    try:
        argv = shlex.split(secret.ref)
    except ValueError as exc:
        raise secret._error(f"cannot split command: {exc}") from None
    if not argv:
        raise secret._error("empty command")
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise secret._error(f"command {argv[0]} timed out after {timeout:g}s") from None
    except OSError as exc:
        raise secret._error(f"cannot run command {argv[0]}: {exc.strerror}") from None
    if done.returncode != 0:
        # stdout/stderr are not shown: they may contain the secret itself.
        raise secret._error(f"command {argv[0]} failed with exit code {done.returncode}")
    value = done.stdout.strip()
    if not value:
        raise secret._error(f"command {argv[0]} printed nothing")
    return value


def _program(command: str) -> str:
    try:
        parts = shlex.split(command)
    except ValueError:
        parts = command.split()
    return parts[0] if parts else ""
