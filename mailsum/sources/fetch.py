"""The fetch stage: new raw messages from IMAP folders, Maildirs and mbox files.

Fetch never changes a mailbox: IMAP folders are selected read-only and bodies are fetched with
``BODY.PEEK[]``. Callers pass in what they have already seen (a UID cursor for IMAP, a set of
keys for local mailboxes) so that this module stays free of any state.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import imaplib
import ipaddress
import logging
import mailbox
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mailsum.errors import SourceError
from mailsum.models import RawMessage

log = logging.getLogger("mailsum")


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
    # OAuth2 instead of a password: the access token, resolved only when logging in
    oauth2_token: Callable[[], str] | None = field(default=None, repr=False)
    oauth2_mechanism: str = "XOAUTH2"  # "XOAUTH2" | "OAUTHBEARER"
    allow_insecure: bool = False  # plain IMAP to a host that is not loopback
    retries: int = 3  # reconnects per folder after the connection dropped mid-fetch
    backoff: float = 1.0  # first wait before a reconnect; doubled each time
    backoff_cap: float = 30.0


@dataclass
class FolderBatch:
    """Messages of one folder, in UID order, with the cursor to commit after storing them."""

    folder: str
    uidvalidity: int
    last_uid: int
    messages: list[RawMessage]
    oversized: list[tuple[int, int]] = field(default_factory=list)  # (uid, size)
    total: int = 0  # new messages in the folder this run, for progress display
    # header block of each oversized message, so its Message-ID and Subject can be recorded
    oversized_headers: dict[int, bytes] = field(default_factory=dict)
    resync: bool = False  # UIDVALIDITY changed: the folder is being read again from the start


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Dropped(Exception):
    """The connection broke mid-folder; worth a reconnect."""


_DROPS: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.abort, EOFError)


class ImapFetcher:
    """One IMAP account; ``connect`` then ``fetch_folder`` per folder, then ``close``."""

    def __init__(self, name: str, settings: ImapSettings,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.name = name
        self.settings = settings
        self._client: Any = None
        self._secrets: list[str] = []  # what _clean_text scrubs; filled when logging in
        self._sleep = sleep
        self.reconnects = 0  # how often the connection was re-established in this run

    # ------------------------------------------------------------------ connection

    def _where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def connect(self) -> None:
        """Connect and log in; every failure is one SourceError that names its kind."""
        from imapclient import IMAPClient

        s = self.settings
        if s.security == "none" and not s.allow_insecure and not is_loopback(s.host):
            raise SourceError(self.name, f"refusing plain IMAP to {s.host} (not loopback); "
                              "use security: tls or starttls, or set allow_insecure: true")
        if not s.tls_verify and s.security != "none" and not self.reconnects:
            log.warning("source %s: TLS certificate verification is off (tls_verify: false)",
                        self.name)
        context = ssl.create_default_context()
        if not s.tls_verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        client = None
        try:
            client = IMAPClient(
                s.host, port=s.port, ssl=s.security == "tls",
                ssl_context=context if s.security == "tls" else None, timeout=s.timeout,
            )
            if s.security == "starttls":
                client.starttls(context)
            self._login(client)
        except SourceError:
            _abandon(client)
            raise
        except Exception as exc:  # noqa: BLE001 - classified into one clear message
            _abandon(client)
            raise SourceError(self.name, self._describe(exc, "connecting to")) from exc
        self._client = client

    def _login(self, client: Any) -> None:
        from imapclient.exceptions import LoginError

        s = self.settings
        try:
            if s.oauth2_token is not None:
                token = s.oauth2_token()
                self._remember(token, s.username)
                if s.oauth2_mechanism.upper() == "OAUTHBEARER":
                    client.oauthbearer_login(s.username, token)
                else:
                    client.oauth2_login(s.username, token, mech=s.oauth2_mechanism.upper())
            else:
                password = s.password()
                self._remember(password, s.username)
                client.login(s.username, password)
        except LoginError as exc:
            how = "OAuth2 token" if s.oauth2_token is not None else "password"
            raise SourceError(self.name, f"login refused for {s.username} at {self._where()} "
                              f"({how}): {self._clean_text(_text(exc))}") from exc

    def _remember(self, secret: str, user: str) -> None:
        """Keep the secret and its SASL encodings so that no error text can carry them."""
        if not secret:
            return
        forms = [secret]
        for raw in (f"user={user}\1auth=Bearer {secret}\1\1", f"\0{user}\0{secret}",
                    f"n,a={user},\1auth=Bearer {secret}\1\1"):
            forms.append(base64.b64encode(raw.encode()).decode())
        self._secrets = forms

    def close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(Exception):  # the server may already be gone
                self._client.logout()
            _abandon(self._client)
            self._client = None

    def _reconnect(self, attempt: int, reason: BaseException) -> None:
        s = self.settings
        wait = min(s.backoff * (2 ** attempt), s.backoff_cap)
        log.warning("source %s: connection lost (%s); reconnecting in %.0f s (attempt %d of %d)",
                    self.name, self._clean_text(_text(reason)), wait, attempt + 1, s.retries)
        _abandon(self._client)
        self._client = None
        self._sleep(wait)
        self.connect()
        self.reconnects += 1

    # ------------------------------------------------------------------ fetching

    def fetch_folder(self, folder: str, uidvalidity: int | None, last_uid: int
                     ) -> Iterator[FolderBatch]:
        """Yield batches of messages with UID > last_uid; all of them when UIDVALIDITY changed.

        A dropped connection is re-established (capped exponential backoff) and the folder
        resumes after the last UID yielded, which the caller has committed by then.
        """
        assert self._client is not None, "connect() first"
        attempt = 0
        while True:
            try:
                for batch in self._folder_pass(folder, uidvalidity, last_uid):
                    yield batch
                    uidvalidity, last_uid = batch.uidvalidity, batch.last_uid
                    attempt = 0  # progress made: the budget is per stretch without progress
                return
            except _Dropped as exc:
                cause: BaseException = exc.__cause__ or exc
                while True:
                    if attempt >= self.settings.retries:
                        raise SourceError(self.name, f"folder {folder}: "
                                          f"{self._describe(cause, 'connection to')} "
                                          f"(gave up after {attempt} reconnects)") from cause
                    try:
                        self._reconnect(attempt, cause)
                        attempt += 1
                        break
                    except SourceError as again:  # still gone: try again, later
                        attempt += 1
                        cause = again.__cause__ or again
            except SourceError:
                raise
            except Exception as exc:  # noqa: BLE001 - IMAP NO/BAD answers and the like
                raise SourceError(self.name, f"folder {folder}: "
                                  f"{self._describe(exc, 'reading from')}") from exc

    def _folder_pass(self, folder: str, uidvalidity: int | None, last_uid: int
                     ) -> Iterator[FolderBatch]:
        """One pass over a folder on the current connection; drops become _Dropped."""
        client = self._client
        s = self.settings
        try:
            status = self._status(folder)
            current = int(status[b"UIDVALIDITY"])
            uidnext = int(status.get(b"UIDNEXT", 0))
            resync = uidvalidity is not None and current != uidvalidity
            if resync:
                log.warning("source %s: UIDVALIDITY of %s changed (%s -> %s); reading the folder "
                            "again, known messages are skipped by Message-ID",
                            self.name, folder, uidvalidity, current)
                last_uid = 0
            elif uidvalidity is not None and uidnext and uidnext - 1 <= last_uid:
                return  # nothing new: no SELECT, no SEARCH
            info = client.select_folder(folder, readonly=True)  # EXAMINE: never changes flags
            if int(info[b"UIDVALIDITY"]) != current:  # recreated between STATUS and SELECT
                current, last_uid, resync = int(info[b"UIDVALIDITY"]), 0, True
            uidnext = int(info.get(b"UIDNEXT", uidnext) or 0)
            uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
            # every UID below UIDNEXT exists now or never will again: the cursor may move there
            floor = max(last_uid, uidnext - 1) if uidnext else last_uid
            if not uids:
                if resync or floor > last_uid:
                    yield FolderBatch(folder, current, floor, [], total=0, resync=resync)
                return
            for start in range(0, len(uids), s.batch_size):
                chunk = uids[start:start + s.batch_size]
                cursor = chunk[-1] if start + s.batch_size < len(uids) else max(chunk[-1], floor)
                yield self._batch(folder, current, chunk, cursor, len(uids), resync)
        except _DROPS as exc:
            raise _Dropped() from exc

    def _status(self, folder: str) -> dict[bytes, Any]:
        """UIDVALIDITY and UIDNEXT without selecting: enough to skip a folder with no new mail.

        HIGHESTMODSEQ (CONDSTORE) would only add flag changes, which mailsum does not track.
        """
        return dict(self._client.folder_status(folder, ["UIDVALIDITY", "UIDNEXT"]))

    def _batch(self, folder: str, uidvalidity: int, chunk: list[int], cursor: int, total: int,
               resync: bool) -> FolderBatch:
        client = self._client
        s = self.settings
        sizes = {u: int(v.get(b"RFC822.SIZE", 0)) for u, v in
                 client.fetch(chunk, ["RFC822.SIZE"]).items()}
        wanted = [u for u in chunk if u in sizes and sizes[u] <= s.max_message_bytes]
        oversized = [(u, sizes[u]) for u in chunk if u in sizes and sizes[u] > s.max_message_bytes]
        bodies = client.fetch(wanted, ["BODY.PEEK[]"]) if wanted else {}
        messages = [
            RawMessage(source=self.name, folder=folder, key=str(u), uid=u,
                       data=bytes(bodies[u][b"BODY[]"]), size=sizes[u])
            for u in wanted if u in bodies and bodies[u].get(b"BODY[]") is not None
        ]
        headers: dict[int, bytes] = {}
        if oversized:
            got = client.fetch([u for u, _ in oversized], ["BODY.PEEK[HEADER]"])
            headers = {u: bytes(v.get(b"BODY[HEADER]") or b"") for u, v in got.items()}
        return FolderBatch(folder, uidvalidity, cursor, messages, oversized, total, headers,
                           resync)

    def check(self) -> list[str]:
        """Log in and list the configured folders' message counts (for ``mailsum check``)."""
        client = self._client
        assert client is not None
        out = []
        for folder in self.settings.folders:
            try:
                status = client.folder_status(folder, ["MESSAGES", "UIDVALIDITY"])
            except Exception as exc:  # noqa: BLE001
                raise SourceError(self.name, f"folder {folder}: "
                                  f"{self._describe(exc, 'reading from')}") from exc
            out.append(f"{folder}: {status[b'MESSAGES']} messages")
        return out

    # ------------------------------------------------------------------ errors

    def _describe(self, exc: BaseException, doing: str) -> str:
        """One clear sentence per failure kind: timeout, TLS, refused, gone, IMAP answer."""
        where = self._where()
        text = self._clean_text(_text(exc))
        if isinstance(exc, TimeoutError | socket.timeout):
            return f"timed out after {self.settings.timeout:g} s {doing} {where}"
        if isinstance(exc, ssl.SSLError | ssl.CertificateError):
            return f"TLS error {doing} {where}: {text}"
        if isinstance(exc, ConnectionRefusedError):
            return f"connection refused by {where}"
        if isinstance(exc, socket.gaierror):
            return f"cannot resolve {self.settings.host}: {text}"
        if isinstance(exc, _DROPS):
            return f"server {where} closed the connection ({text})"
        return f"{doing} {where}: {text}"

    def _clean_text(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def _text(exc: BaseException) -> str:
    """What the server or the OS said, as a person reads it: imaplib hands over the server's
    bytes (``b'[AUTHENTICATIONFAILED] …'``), the OS an ``[Errno 111]`` prefix."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc) or type(exc).__name__
    if len(text) > 3 and text[0] == "b" and text[1] in "'\"" and text[-1] == text[1]:
        text = text[2:-1]
    return text


def _abandon(client: Any) -> None:
    """Close a socket without a polite LOGOUT (the peer may be stalled or gone)."""
    if client is None:
        return
    with contextlib.suppress(Exception):
        client.shutdown()


# ------------------------------------------------------------------ local mailboxes


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


HEAD_BYTES = 65_536  # of an oversized local message: enough for its Message-ID and Subject


def _read_limited(fh: Any, limit: int | None) -> tuple[bytes, int]:
    """The whole message, or only its first ``HEAD_BYTES`` when it is over ``limit``.

    Returns (data, size): an oversized message is never read whole (a 30 MB body once took
    54 s and 522 MB to analyse), so the caller sees ``size > limit`` and records it as the
    IMAP fetch does.
    """
    if limit is None:
        data = fh.read()
        return data, len(data)
    fh.seek(0, 2)
    size = fh.tell()
    fh.seek(0)
    if size <= limit:
        return fh.read(), size
    head = fh.read(HEAD_BYTES)
    end = head.find(b"\n\n")
    if end < 0:
        end = head.find(b"\r\n\r\n")
    return (head[:end + 1] if end >= 0 else head), size


def fetch_maildir(name: str, path: Path, seen: set[str], batch_size: int = 100,
                  max_message_bytes: int | None = None) -> Iterator[list[RawMessage]]:
    """New messages of a Maildir (``new/`` and ``cur/``), keyed by the Maildir key.

    A message over ``max_message_bytes`` comes with its header block only and its real
    ``size``, so the run records it as too big without reading it.
    """
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
            with box.get_file(key) as fh:
                data, size = _read_limited(fh, max_message_bytes)
        except (OSError, KeyError) as exc:  # vanished between listing and reading
            raise SourceError(name, f"cannot read {path}/{key}: {exc}") from exc
        batch.append(RawMessage(source=name, folder="", key=key, data=data, size=size))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def fetch_mbox(name: str, path: Path, seen: set[str], batch_size: int = 100,
               max_message_bytes: int | None = None) -> Iterator[list[RawMessage]]:
    """New messages of an mbox file, keyed by content hash (mbox has no stable ids).

    An oversized message comes as in ``fetch_maildir``, keyed by the hash of its header block
    and size (stable from run to run, and never read whole).
    """
    if not path.is_file():
        raise SourceError(name, f"{path} is not a file")
    box = mailbox.mbox(path, factory=None, create=False)
    batch: list[RawMessage] = []
    try:
        for key in box.iterkeys():
            fh = box.get_file(key)
            try:
                data, size = _read_limited(fh, max_message_bytes)
            finally:
                fh.close()
            ckey = content_key(data if size == len(data) else data + b"\0%d" % size)
            if ckey in seen:
                continue
            seen.add(ckey)
            batch.append(RawMessage(source=name, folder="", key=ckey, data=data, size=size))
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
