"""IMAP login with OAuth2 (XOAUTH2 and OAUTHBEARER) against Dovecot's oauth2 passdb.

Dovecot checks each token by introspection against a tiny HTTP server run by the test, as a
real provider's token endpoint would; mailsum gets its token from ``token_command`` or
``token_env`` and must log in with a good one and fail cleanly, without the token, with a bad one.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from servers import (
    OAuth2Dovecot,
    ScriptedSmtpSink,
    dovecot_available,
    free_port,
    message_id_of,
    run_mailsum,
    stored_message_ids,
    ticket_mails,
    write_mailsum_config,
)

from mailsum.errors import SourceError
from mailsum.sources.fetch import ImapFetcher, ImapSettings

GOOD = "ya29.good-token-7f3a9c"
BAD = "ya29.expired-token-0000"
PASSWORD = "oauth-plain-pw"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not dovecot_available(), reason="needs Debian dovecot-imapd"),
]


class Introspection:
    """Answers Dovecot's introspection POST: active only for the good token."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                token = parse_qs(body).get("token", [""])[0]
                outer.seen.append(token)
                answer = ({"active": "true", "username": "support"} if token == GOOD
                          else {"active": "false"})
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/introspect"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="module")
def introspection():
    server = Introspection()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def dovecot(introspection):
    server = OAuth2Dovecot({"support": PASSWORD}, introspection.url).start()
    yield server
    server.stop()


def settings(port: int, token: str, mechanism: str = "XOAUTH2") -> ImapSettings:
    return ImapSettings(host="127.0.0.1", port=port, security="none", username="support",
                        password=lambda: "", oauth2_token=lambda: token,
                        oauth2_mechanism=mechanism, timeout=10)


@pytest.mark.parametrize("mechanism", ["XOAUTH2", "OAUTHBEARER"])
def test_good_token_logs_in_and_fetches(dovecot, introspection, mechanism):
    folder = f"o{free_port()}"
    mails = ticket_mails(3, f"oauth-{mechanism}")
    dovecot.append("support", mails, folder=folder)
    fetcher = ImapFetcher("m365", settings(dovecot.port, GOOD, mechanism))
    fetcher.connect()
    try:
        got = [m for b in fetcher.fetch_folder(folder, None, 0) for m in b.messages]
    finally:
        fetcher.close()
    assert sorted(message_id_of(m.data) for m in got) == sorted(map(message_id_of, mails))
    assert GOOD in introspection.seen  # Dovecot really asked the token endpoint


@pytest.mark.parametrize("mechanism", ["XOAUTH2", "OAUTHBEARER"])
def test_bad_token_is_a_refused_login_without_the_token(dovecot, mechanism):
    with pytest.raises(SourceError, match="login refused for support") as err:
        ImapFetcher("m365", settings(dovecot.port, BAD, mechanism)).connect()
    assert "OAuth2" in str(err.value) and BAD not in str(err.value)


def oauth_config(tmp_path, dovecot, smtp, folder: str, oauth: str):
    cfg = write_mailsum_config(tmp_path, dovecot.port, smtp.port, folder)
    text = cfg.read_text().replace(
        "    password_env: MAILSUM_TEST_IMAP_PASSWORD\n", f"    oauth2:\n{oauth}")
    cfg.write_text(text)
    return cfg


@pytest.fixture
def smtp():
    sink = ScriptedSmtpSink().start()
    yield sink
    sink.stop()


def test_mailsum_polls_with_a_token_from_a_command(dovecot, smtp, tmp_path):
    folder = f"oc{free_port()}"
    mails = ticket_mails(4, "oauth-cmd")
    dovecot.append("support", mails, folder=folder)
    cfg = oauth_config(tmp_path, dovecot, smtp, folder,
                       f"      token_command: printf %s {GOOD}\n      mechanism: XOAUTH2\n")
    out = run_mailsum(cfg, "poll")
    assert out.returncode == 0, out.stderr
    assert sorted(stored_message_ids(tmp_path / "mailsum.db")) == sorted(
        map(message_id_of, mails))
    assert GOOD not in out.stderr + out.stdout


def test_mailsum_with_a_bad_token_from_env_fails_cleanly(dovecot, smtp, tmp_path):
    folder = f"ob{free_port()}"
    dovecot.append("support", ticket_mails(2, "oauth-bad"), folder=folder)
    cfg = oauth_config(tmp_path, dovecot, smtp, folder,
                       "      token_env: MAILSUM_TEST_TOKEN\n      mechanism: OAUTHBEARER\n")
    out = run_mailsum(cfg, "poll", env={"MAILSUM_TEST_TOKEN": BAD})
    assert out.returncode == 1
    assert "login refused for support" in out.stderr and "OAuth2" in out.stderr
    assert BAD not in out.stderr + out.stdout
    assert stored_message_ids(tmp_path / "mailsum.db") == []
