"""The one place that builds fetchers and deliveries from the config.

``run``, ``worker`` and ``check --connect`` all build them here, so a setting such as the SMTP
``tls_verify`` cannot be honoured by one and forgotten by another (``check --connect`` once
built its SMTP delivery without it, and failed where ``run`` worked).
"""

from __future__ import annotations

from typing import Protocol

from mailsum.config.loader import DeliveryConfig, SourceConfig
from mailsum.config.secrets import resolve
from mailsum.models import OutgoingMail
from mailsum.outbound import deliver
from mailsum.sources import fetch


class Delivery(Protocol):
    def send(self, mail: OutgoingMail) -> str: ...


def make_delivery(cfg: DeliveryConfig) -> deliver.DirectoryDelivery | deliver.SmtpDelivery:
    if cfg.kind == "directory":
        assert cfg.path is not None
        return deliver.DirectoryDelivery(cfg.path)
    return deliver.SmtpDelivery(
        cfg.host or "localhost", cfg.port or 25, cfg.security, cfg.username,
        resolve(cfg.password) if cfg.password else None, timeout=cfg.timeout,
        tls_verify=cfg.tls_verify,
    )


def imap_settings(src: SourceConfig) -> fetch.ImapSettings:
    secret = src.password
    return fetch.ImapSettings(
        host=src.host or "", port=src.port or 993, security=src.security,
        username=src.username or "",
        password=(lambda: resolve(secret)) if secret else (lambda: ""),
        folders=tuple(src.folders), timeout=src.timeout, tls_verify=src.tls_verify,
        batch_size=src.batch_size, max_message_bytes=src.max_message_bytes,
        oauth2_token=(lambda: resolve(token)) if (token := src.oauth2_token) else None,
        oauth2_mechanism=src.oauth2_mechanism, allow_insecure=src.allow_insecure,
    )


def make_fetcher(src: SourceConfig) -> fetch.ImapFetcher:
    """An IMAP source's fetcher, not yet connected."""
    return fetch.ImapFetcher(src.name, imap_settings(src))
