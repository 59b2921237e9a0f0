"""ImapFetcher against a real Dovecot, with the fault proxy in between where a fault is wanted."""

from __future__ import annotations

import logging
import subprocess
import time

import pytest
from builders import raw_mail
from faultproxy import FaultProxy, Plan
from servers import DOVEADM, Dovecot, TlsDovecot, dovecot_available, free_port, restart_dovecot

from mailsum.errors import SourceError
from mailsum.sources.fetch import FolderBatch, ImapFetcher, ImapSettings

PASSWORD = "fetch-pw-7781"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(), reason="needs Debian dovecot-imapd"),
]


def mail(n: int, body: str = "") -> bytes:
    return raw_mail({"From": f"kunde{n}@acme.de", "To": "support@provider.de",
                     "Subject": f"Nr {n}", "Message-ID": f"<fetch-{n}@acme.de>",
                     "Date": "Thu, 26 Nov 2026 10:00:00 +0100"},
                    f"Text {n}\r\n{body}", newline="\r\n")


def settings(port: int, password: str = PASSWORD, **kw) -> ImapSettings:
    base = dict(host="127.0.0.1", port=port, security="none", username="support",
                password=lambda: password, timeout=5, batch_size=4)
    base.update(kw)
    return ImapSettings(**base)


def fresh_folder(dovecot: Dovecot, count: int, body: str = "") -> str:
    folder = f"f{free_port()}"
    dovecot.append("support", [mail(i, body) for i in range(count)], folder=folder)
    return folder


def fetch_all(fetcher: ImapFetcher, folder: str, uidvalidity: int | None = None,
              last_uid: int = 0) -> list[FolderBatch]:
    fetcher.connect()
    try:
        return list(fetcher.fetch_folder(folder, uidvalidity, last_uid))
    finally:
        fetcher.close()


def ids(batches: list[FolderBatch]) -> list[int]:
    return [m.uid for b in batches for m in b.messages]


def test_batches_in_uid_order_and_resume_after_cursor(dovecot):
    folder = fresh_folder(dovecot, 10)
    batches = fetch_all(ImapFetcher("s", settings(dovecot.port)), folder)
    assert [len(b.messages) for b in batches] == [4, 4, 2]
    assert ids(batches) == sorted(ids(batches)) and len(set(ids(batches))) == 10
    assert all(b.last_uid == b.messages[-1].uid for b in batches)
    later = fetch_all(ImapFetcher("s", settings(dovecot.port)), folder,
                      batches[0].uidvalidity, batches[1].last_uid)
    assert ids(later) == ids(batches)[8:]


def test_nothing_new_skips_select_and_search(dovecot):
    folder = fresh_folder(dovecot, 3)
    first = fetch_all(ImapFetcher("s", settings(dovecot.port)), folder)
    fetcher = ImapFetcher("s", settings(dovecot.port))
    fetcher.connect()
    calls: list[str] = []
    client = fetcher._client
    for name in ("select_folder", "search", "fetch"):
        original = getattr(client, name)
        setattr(client, name,
                lambda *a, _n=name, _o=original, **k: (calls.append(_n), _o(*a, **k))[1])
    try:
        assert list(fetcher.fetch_folder(folder, first[-1].uidvalidity, first[-1].last_uid)) == []
        assert calls == []
        dovecot.append("support", [mail(99)], folder=folder)
        got = list(fetcher.fetch_folder(folder, first[-1].uidvalidity, first[-1].last_uid))
        assert [m.data.split(b"\r\n")[3] for b in got for m in b.messages] == [
            b"Message-ID: <fetch-99@acme.de>"]
        assert "search" in calls
    finally:
        fetcher.close()


def test_changed_uidvalidity_reads_the_folder_again(dovecot):
    folder = fresh_folder(dovecot, 5)
    first = fetch_all(ImapFetcher("s", settings(dovecot.port)), folder)
    again = fetch_all(ImapFetcher("s", settings(dovecot.port)), folder,
                      first[-1].uidvalidity - 1, first[-1].last_uid)
    assert all(b.resync for b in again)
    assert len(ids(again)) == 5


def test_read_only_never_sets_seen(dovecot):
    from imapclient import IMAPClient

    folder = fresh_folder(dovecot, 2)
    fetch_all(ImapFetcher("s", settings(dovecot.port)), folder)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login("support", PASSWORD)
        c.select_folder(folder, readonly=True)
        assert all(b"\\Seen" not in f for f in c.get_flags(c.search()).values())


def test_oversized_message_gives_headers_not_body(dovecot):
    folder = f"big{free_port()}"
    dovecot.append("support", [mail(1), mail(2, "x" * 200_000), mail(3)], folder=folder)
    fetcher = ImapFetcher("s", settings(dovecot.port, max_message_bytes=100_000))
    fetcher.connect()
    asked: list[tuple[list[int], list[str]]] = []
    original = fetcher._client.fetch
    fetcher._client.fetch = lambda uids, what, *a, **k: (asked.append((list(uids), what)),
                                                         original(uids, what, *a, **k))[1]
    try:
        batches = list(fetcher.fetch_folder(folder, None, 0))
    finally:
        fetcher.close()
    (big_uid, size), = [o for b in batches for o in b.oversized]
    assert size > 200_000
    assert len(ids(batches)) == 2 and big_uid not in ids(batches)
    headers = batches[0].oversized_headers[big_uid]
    assert b"Message-ID: <fetch-2@acme.de>" in headers and b"xxxx" not in headers
    assert all(big_uid not in uids for uids, what in asked if "BODY.PEEK[]" in what)


def test_dropped_connection_is_resumed_after_the_last_batch(dovecot):
    folder = fresh_folder(dovecot, 12, body="y" * 2000)
    waits: list[float] = []
    with FaultProxy(dovecot.port) as proxy:
        proxy.then(Plan("cut", cut_after=12_000))  # the first connection dies mid-fetch
        fetcher = ImapFetcher("s", settings(proxy.port), sleep=waits.append)
        batches = fetch_all(fetcher, folder)
    assert fetcher.reconnects == 1 and waits == [1.0]
    assert len(ids(batches)) == 12 and len(set(ids(batches))) == 12  # none lost, none twice


def test_real_server_restart_mid_folder_is_survived(dovecot):
    folder = fresh_folder(dovecot, 10)
    waits: list[float] = []
    fetcher = ImapFetcher("s", settings(dovecot.port), sleep=waits.append)
    fetcher.connect()
    got: list[FolderBatch] = []
    try:
        for batch in fetcher.fetch_folder(folder, None, 0):
            got.append(batch)
            if len(got) == 1:  # Dovecot drops its sessions, goes down and comes back
                subprocess.run([DOVEADM, "-c", str(dovecot.config), "kick", "support"],
                               check=True, capture_output=True)
                restart_dovecot(dovecot, lambda text: text, dovecot.port, b"OK")
    finally:
        fetcher.close()
    assert fetcher.reconnects == 1 and waits == [1.0]
    assert len(ids(got)) == 10 and len(set(ids(got))) == 10


def test_server_gone_for_good_gives_up_after_capped_backoff(dovecot):
    folder = fresh_folder(dovecot, 12, body="y" * 2000)
    waits: list[float] = []
    with FaultProxy(dovecot.port) as proxy:
        proxy.then(Plan("cut", cut_after=12_000))
        proxy.set("drop")
        fetcher = ImapFetcher("s", settings(proxy.port), sleep=waits.append)
        fetcher.connect()
        got: list[FolderBatch] = []
        with pytest.raises(SourceError, match="gave up after 3 reconnects") as err:
            for b in fetcher.fetch_folder(folder, None, 0):
                got.append(b)
        fetcher.close()
    assert waits == [1.0, 2.0, 4.0]
    assert "closed the connection" in str(err.value)
    assert 0 < len(ids(got)) < 12


def test_stalled_server_times_out_quickly(dovecot):
    with FaultProxy(dovecot.port) as proxy:
        proxy.set("stall")
        start = time.monotonic()
        with pytest.raises(SourceError, match="timed out after 1 s"):
            ImapFetcher("s", settings(proxy.port, timeout=1)).connect()
    assert time.monotonic() - start < 5


def test_wrong_password_is_refused_login_without_the_secret(dovecot):
    with pytest.raises(SourceError, match="login refused for support") as err:
        ImapFetcher("s", settings(dovecot.port, password="wrong-pw-55")).connect()
    assert "wrong-pw-55" not in str(err.value)


def test_refused_connection_says_so():
    with pytest.raises(SourceError, match="connection refused"):
        ImapFetcher("s", settings(free_port())).connect()


def test_tls_to_a_plain_port_is_a_tls_error_and_no_verify_warns(dovecot, caplog):
    with caplog.at_level(logging.WARNING, logger="mailsum"), \
            pytest.raises(SourceError, match="TLS error|closed the connection"):
        ImapFetcher("s", settings(dovecot.port, security="tls", tls_verify=False)).connect()
    assert "verification is off" in caplog.text


def test_plain_imap_to_a_remote_host_needs_allow_insecure():
    with pytest.raises(SourceError, match="allow_insecure"):
        ImapFetcher("s", settings(143, host="imap.example.com")).connect()


def test_missing_folder_is_a_source_error(dovecot):
    fetcher = ImapFetcher("s", settings(dovecot.port))
    with pytest.raises(SourceError, match="folder nope"):
        fetch_all(fetcher, "nope")


# ------------------------------------------------------------------ TLS and STARTTLS


@pytest.fixture(scope="module")
def tls_dovecot():
    server = TlsDovecot({"support": PASSWORD}).start()
    yield server
    server.stop()


def tls_settings(server: TlsDovecot, security: str, **kw) -> ImapSettings:
    port = server.tls_port if security == "tls" else server.port
    return settings(port, host="localhost", security=security, **kw)


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_untrusted_certificate_is_refused_by_default(tls_dovecot, security):
    with pytest.raises(SourceError, match="TLS error .*certificate verify failed"):
        ImapFetcher("s", tls_settings(tls_dovecot, security)).connect()


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_trusted_certificate_is_accepted(tls_dovecot, security, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_dovecot.ca_file))
    folder = fresh_folder(tls_dovecot, 2)
    batches = fetch_all(ImapFetcher("s", tls_settings(tls_dovecot, security)), folder)
    assert len(ids(batches)) == 2


def test_tls_verify_off_connects_with_a_warning(tls_dovecot, caplog):
    with caplog.at_level(logging.WARNING, logger="mailsum"):
        fetcher = ImapFetcher("s", tls_settings(tls_dovecot, "tls", tls_verify=False))
        fetcher.connect()
        fetcher.close()
    assert "verification is off" in caplog.text
