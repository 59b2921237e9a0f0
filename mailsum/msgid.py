"""Signed Message-IDs of updates: shared by deliver (which makes them) and interact (which
checks the In-Reply-To of replies), so neither stage has to import the other.

The id carries an HMAC of the update key; a reply whose references contain such an id provably
answers an update we sent (DESIGN.md §6). Comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import re

_KEY = re.compile(r"^[A-Za-z0-9_+=-]+(?:\.[A-Za-z0-9_+=-]+)*$")
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$")
_MSGID = re.compile(r"^mailsum\.(?P<key>.+)\.(?P<sig>[0-9a-f]{16})@(?P<domain>[^@<>\s]+)$")
_SIG_LEN = 16


def _signature(update_key: str, secret: bytes) -> str:
    return hmac.new(secret, update_key.encode("utf-8"), hashlib.sha256).hexdigest()[:_SIG_LEN]


def make_message_id(update_key: str, secret: bytes, domain: str) -> str:
    """``<mailsum.KEY.SIG@DOMAIN>``; KEY must be a dot-atom so the id stays valid RFC 5322."""
    if not _KEY.match(update_key):
        raise ValueError(f"update key not usable in a Message-ID: {update_key!r}")
    if not _DOMAIN.match(domain):
        raise ValueError(f"domain not usable in a Message-ID: {domain!r}")
    return f"<mailsum.{update_key}.{_signature(update_key, secret)}@{domain}>"


def parse_message_id(message_id: str) -> str | None:
    """The update key in a mailsum Message-ID, unverified (for the marker header and logs)."""
    m = _MSGID.match(message_id.strip().removeprefix("<").removesuffix(">"))
    return m.group("key") if m else None


def verify_message_id(message_id: str, secret: bytes) -> str | None:
    """The update key if ``message_id`` was made with ``secret``, else None."""
    m = _MSGID.match(message_id.strip().removeprefix("<").removesuffix(">"))
    if not m or not _KEY.match(m.group("key")):
        return None
    key = m.group("key")
    if hmac.compare_digest(_signature(key, secret), m.group("sig")):
        return key
    return None
