"""The fetch stage: new raw messages from IMAP folders, Maildirs and mbox files.

Fetch never changes a mailbox: IMAP folders are selected read-only and bodies are fetched with
``BODY.PEEK[]``. Callers pass in what they have already seen (a UID cursor for IMAP, a set of
keys for local mailboxes) so that this module stays free of any state.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import mailbox
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mailsum.errors import SourceError
from mailsum.models import RawMessage


@dataclass(frozen=True)
class ImapSettings:
    host: str
    port: int
    security: str  # "tls" | "starttls" | "none"
    username: str
    password: Callable[[], str] = field(repr=False)  # resolved only when logging in
    folders: tuple[str, ...] = ("INBOX",)
    timeout: float = 30.0
    tls_verify: bool = True
    batch_size: int = 100
    max_message_bytes: int = 25_000_000


@dataclass
class FolderBatch:
    """Messages of one folder, in UID order, with the cursor to commit after storing them."""

    folder: str
    uidvalidity: int
    last_uid: int
    messages: list[RawMessage]
    oversized: list[tuple[int, int]] = field(default_factory=list)  # (uid, size)
    total: int = 0  # new messages in the folder this run, for progress display


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ImapFetcher:
    """One IMAP account; ``connect`` then ``fetch_folder`` per folder, then ``close``."""

    def __init__(self, name: str, settings: ImapSettings) -> None:
        self.name = name
        self.settings = settings
        self._client = None

    def connect(self) -> None:
        from imapclient import IMAPClient

        s = self.settings
        context = ssl.create_default_context()
        if not s.tls_verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        try:
            client = IMAPClient(
                s.host, port=s.port, ssl=s.security == "tls",
                ssl_context=context if s.security == "tls" else None, timeout=s.timeout,
            )
            if s.security == "starttls":
                client.starttls(context)
            client.login(s.username, s.password())
        except (TimeoutError, OSError) as exc:
            raise SourceError(self.name, f"cannot connect to {s.host}:{s.port}: {exc}") from exc
        except Exception as exc:  # imapclient raises its own LoginError/IMAPClientError
            raise SourceError(self.name, f"login to {s.host}:{s.port} failed: "
                              f"{_clean(exc, s)}") from exc
        self._client = client

    def close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(Exception):  # the server may already be gone
                self._client.logout()
            self._client = None

    def fetch_folder(self, folder: str, uidvalidity: int | None, last_uid: int
                     ) -> Iterator[FolderBatch]:
        """Yield batches of messages with UID > last_uid; all of them when UIDVALIDITY changed."""
        client = self._client
        assert client is not None, "connect() first"
        s = self.settings
        try:
            info = client.select_folder(folder, readonly=True)
            current = int(info[b"UIDVALIDITY"])
            if uidvalidity is not None and current != uidvalidity:
                last_uid = 0  # resync; the state store dedupes by Message-ID
            uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
            for start in range(0, len(uids), s.batch_size):
                chunk = uids[start:start + s.batch_size]
                sizes = client.fetch(chunk, ["RFC822.SIZE"])
                wanted = [u for u in chunk
                          if int(sizes.get(u, {}).get(b"RFC822.SIZE", 0)) <= s.max_message_bytes]
                oversized = [(u, int(sizes[u][b"RFC822.SIZE"])) for u in chunk if u not in wanted]
                bodies = client.fetch(wanted, ["BODY.PEEK[]"]) if wanted else {}
                messages = [
                    RawMessage(source=self.name, folder=folder, key=str(u), uid=u,
                               data=bytes(bodies[u][b"BODY[]"]),
                               size=int(sizes.get(u, {}).get(b"RFC822.SIZE", 0)))
                    for u in wanted if u in bodies and b"BODY[]" in bodies[u]
                ]
                yield FolderBatch(folder, current, chunk[-1], messages, oversized, len(uids))
        except SourceError:
            raise
        except Exception as exc:  # socket errors, IMAP errors, server gone mid-fetch
            raise SourceError(self.name, f"folder {folder}: {_clean(exc, s)}") from exc

    def check(self) -> list[str]:
        """Log in and list the configured folders' message counts (for ``mailsum check``)."""
        client = self._client
        assert client is not None
        out = []
        for folder in self.settings.folders:
            try:
                status = client.folder_status(folder, ["MESSAGES", "UIDVALIDITY"])
            except Exception as exc:
                raise SourceError(self.name, f"folder {folder}: {exc}") from exc
            out.append(f"{folder}: {status[b'MESSAGES']} messages")
        return out


def _clean(exc: BaseException, settings: ImapSettings) -> str:
    """An error text that can never carry the password."""
    text = str(exc) or type(exc).__name__
    try:
        secret = settings.password()
    except Exception:  # noqa: BLE001
        return text
    return text.replace(secret, "***") if secret else text


# ------------------------------------------------------------------ local mailboxes


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_maildir(name: str, path: Path, seen: set[str], batch_size: int = 100
                  ) -> Iterator[list[RawMessage]]:
    """New messages of a Maildir (``new/`` and ``cur/``), keyed by the Maildir key."""
    if not (path / "cur").is_dir() and not (path / "new").is_dir():
        raise SourceError(name, f"{path} is not a Maildir (no cur/ or new/)")
    box = mailbox.Maildir(path, factory=None, create=False)
    batch: list[RawMessage] = []
    try:
        keys = sorted(box.iterkeys())
    except OSError as exc:
        raise SourceError(name, f"cannot read {path}: {exc}") from exc
    for key in keys:
        if key in seen:
            continue
        try:
            data = box.get_bytes(key)
        except (OSError, KeyError) as exc:  # vanished between listing and reading
            raise SourceError(name, f"cannot read {path}/{key}: {exc}") from exc
        batch.append(RawMessage(source=name, folder="", key=key, data=data, size=len(data)))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def fetch_mbox(name: str, path: Path, seen: set[str], batch_size: int = 100
               ) -> Iterator[list[RawMessage]]:
    """New messages of an mbox file, keyed by content hash (mbox has no stable ids)."""
    if not path.is_file():
        raise SourceError(name, f"{path} is not a file")
    box = mailbox.mbox(path, factory=None, create=False)
    batch: list[RawMessage] = []
    try:
        for key in box.iterkeys():
            data = box.get_bytes(key)
            ckey = content_key(data)
            if ckey in seen:
                continue
            seen.add(ckey)
            batch.append(RawMessage(source=name, folder="", key=ckey, data=data, size=len(data)))
            if len(batch) >= batch_size:
                yield batch
                batch = []
    except OSError as exc:
        raise SourceError(name, f"cannot read {path}: {exc}") from exc
    finally:
        box.close()
    if batch:
        yield batch


def read_files(paths: list[Path]) -> Iterator[RawMessage]:
    """Messages from .eml files, mbox files and Maildirs given on the command line."""
    for path in paths:
        if path.is_dir():
            if (path / "cur").is_dir() or (path / "new").is_dir():
                for batch in fetch_maildir(str(path), path, set()):
                    yield from batch
            else:
                yield from read_files(sorted(p for p in path.iterdir() if p.is_file()))
        elif path.suffix.lower() in (".mbox", ".mbx") or _looks_like_mbox(path):
            for batch in fetch_mbox(str(path), path, set()):
                yield from batch
        else:
            data = path.read_bytes()
            yield RawMessage(source=str(path), folder="", key=content_key(data), data=data,
                             size=len(data))


def _looks_like_mbox(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(5) == b"From "
