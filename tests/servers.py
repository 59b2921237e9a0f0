"""Real servers for end-to-end tests: Dovecot (IMAP) and aiosmtpd (SMTP) on loopback."""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path

from builders import DESK, PLAIN_UTF8, raw_mail

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dovecot_available() -> bool:
    return os.path.exists(DOVECOT)


def _mail_user() -> str:
    """As root, Dovecot switches to its own user; as anyone else, it runs as that user."""
    if os.geteuid() == 0:
        try:
            return pwd.getpwnam("dovecot").pw_name
        except KeyError:
            pass
    return pwd.getpwuid(os.geteuid()).pw_name


@dataclass
class Dovecot:
    """A throwaway Dovecot 2.3 on 127.0.0.1 with passwd-file users and Maildirs."""

    users: dict[str, str]
    root: Path = field(init=False)
    port: int = field(init=False)
    config: Path = field(init=False)

    def start(self) -> Dovecot:
        self.root = Path(tempfile.mkdtemp(prefix="mailsum-dovecot-"))
        os.chmod(self.root, 0o755)  # the dovecot user must read the passwd file
        self.port = free_port()
        (self.root / "run").mkdir()
        (self.root / "state").mkdir()
        mail = self.root / "mail"
        mail.mkdir()
        user = _mail_user()
        dv = pwd.getpwnam(user)
        os.chown(mail, dv.pw_uid, dv.pw_gid)
        passwd = self.root / "passwd"
        passwd.write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in self.users.items()))
        os.chmod(passwd, 0o644)
        self.config = self.root / "dovecot.conf"
        self.config.write_text(f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
info_log_path = {self.root}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{mail}/%u
mail_uid = {user}
mail_gid = {grp.getgrgid(dv.pw_gid).gr_name}
first_valid_uid = 1
default_internal_user = {user}
default_internal_group = {grp.getgrgid(dv.pw_gid).gr_name}
default_login_user = {user}
passdb {{
  driver = passwd-file
  args = {passwd}
}}
userdb {{
  driver = static
  args = uid={user} gid={grp.getgrgid(dv.pw_gid).gr_name} home={mail}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
""")
        subprocess.run([DOVECOT, "-c", str(self.config)], check=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"dovecot did not start; log:\n{self.log()}")

    def log(self) -> str:
        p = self.root / "dovecot.log"
        return p.read_text(errors="replace") if p.exists() else ""

    def stop(self) -> None:
        """Stop the master and wait for it, so no Dovecot outlives its test's folder."""
        pidfile = self.root / "run" / "master.pid"
        pid = int(pidfile.read_text().strip()) if pidfile.exists() else None
        subprocess.run([DOVEADM, "-c", str(self.config), "stop"], check=False,
                       capture_output=True)
        deadline = time.monotonic() + 5
        while pid and time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            if pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.root, ignore_errors=True)

    def append(self, user: str, messages: list[bytes], folder: str = "INBOX") -> None:
        from imapclient import IMAPClient

        with IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10) as c:
            c.login(user, self.users[user])
            if folder != "INBOX" and not c.folder_exists(folder):
                c.create_folder(folder)
            for data in messages:
                c.append(folder, data)


class SmtpSink:
    """aiosmtpd on loopback that keeps every message it accepts."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[tuple[str, list[str], bytes]] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802
                sink.messages.append(
                    (envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def start(self) -> SmtpSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def parsed(self) -> list[Message]:
        return [message_from_bytes(data) for _, _, data in self.messages]


# --------------------------------------------------------------------------- fault-test helpers


class ScriptedSmtpSink(SmtpSink):
    """aiosmtpd that answers DATA with programmed codes: a queue first, then per recipient.

    ``replies`` is consumed one reply per DATA ("250" accepts); ``by_recipient`` maps an
    address to the reply every mail to it gets (e.g. "550 5.1.1 mailbox unknown").
    """

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages = []
        self.replies: list[str] = []
        self.by_recipient: dict[str, str] = {}
        self.refused: list[tuple[str, list[str], bytes]] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802
                item = (envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
                reply = sink.replies.pop(0) if sink.replies else "250 OK"
                for rcpt in envelope.rcpt_tos:
                    reply = sink.by_recipient.get(rcpt.lower(), reply)
                if reply.startswith("250"):
                    sink.messages.append(item)
                else:
                    sink.refused.append(item)
                return reply

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)


class OAuth2Dovecot(Dovecot):
    """The same Dovecot, logging in with XOAUTH2/OAUTHBEARER checked by token introspection."""

    def __init__(self, users: dict[str, str], introspection_url: str) -> None:
        super().__init__(users)
        self.introspection_url = introspection_url

    def start(self) -> OAuth2Dovecot:
        super().start()
        oauth = self.root / "oauth2.conf"
        oauth.write_text(f"""introspection_mode = post
introspection_url = {self.introspection_url}
username_attribute = username
active_attribute = active
active_value = true
""")
        os.chmod(oauth, 0o644)

        def edit(text: str) -> str:
            text = text.replace("auth_mechanisms = plain login",
                                "auth_mechanisms = plain xoauth2 oauthbearer")
            return text.replace("passdb {", f"""passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {oauth}
}}
passdb {{""", 1)

        restart_dovecot(self, edit, self.port, b"XOAUTH2")
        return self


class TlsDovecot(Dovecot):
    """The same Dovecot with a self-signed certificate: IMAPS on ``tls_port``, STARTTLS on ``port``.

    ``ca_file`` is the certificate itself, for a client that is told to trust it.
    """

    def start(self) -> TlsDovecot:
        super().start()
        self.tls_port = free_port()
        self.ca_file = self.root / "cert.pem"
        key = self.root / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                        "-keyout", str(key), "-out", str(self.ca_file)],
                       check=True, capture_output=True)
        os.chmod(key, 0o644)

        def edit(text: str) -> str:
            text = text.replace("ssl = no", f"ssl = yes\nssl_cert = <{self.ca_file}\n"
                                f"ssl_key = <{key}")
            return text.replace("  inet_listener imaps {\n    port = 0",
                                f"  inet_listener imaps {{\n    address = 127.0.0.1\n"
                                f"    port = {self.tls_port}")

        restart_dovecot(self, edit, self.port, b"STARTTLS")
        return self


def restart_dovecot(server: Dovecot, edit, port: int, ready: bytes) -> None:  # noqa: ANN001
    """Stop a started Dovecot, edit its config and start it again; wait for ``ready``."""
    subprocess.run([DOVEADM, "-c", str(server.config), "stop"], check=False,
                   capture_output=True)
    server.config.write_text(edit(server.config.read_text()))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the old master may still hold the pid file
        if subprocess.run([DOVECOT, "-c", str(server.config)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            break
        time.sleep(0.2)
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if ready in s.recv(300).upper():
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"dovecot did not restart; log:\n{server.log()}")


def fill_maildir(server: Dovecot, user: str, folder: str, messages: list[bytes]) -> None:
    """Write messages straight into the user's Maildir (fast); Dovecot indexes them on SELECT."""
    dv = pwd.getpwnam("dovecot")
    home = server.root / "mail" / user
    box = home if folder == "INBOX" else home / f".{folder}"
    for d in (home, box, box / "new", box / "cur", box / "tmp"):
        d.mkdir(exist_ok=True)
        os.chown(d, dv.pw_uid, dv.pw_gid)
    stamp = int(time.time())
    for n, data in enumerate(messages):
        path = box / "new" / f"{stamp}.M{n}P{os.getpid()}.mailsum-test"
        path.write_bytes(data)
        os.chown(path, dv.pw_uid, dv.pw_gid)


# --------------------------------------------------------------------------- mailsum under test

REPO = Path(__file__).resolve().parents[1]
_SENDERS = (  # (customer id or None, sender, subject tag) matching rules/customers.yaml
    ("acme", "Peter Krause <p.krause@acme-maschinenbau.de>", "[ACME-{n}]"),
    ("stadtwerke", "Jana Roth <j.roth@stadtwerke-talheim.de>", "Zähler {n}"),
    ("brightline", "Oliver Grant <o.grant@brightline-logistics.co.uk>", "Ticket {n}"),
    (None, "Shop <news@hardware-haendler.example>", "Angebot {n}"),
)


def ticket_mails(count: int, tag: str) -> list[bytes]:
    """``count`` small customer mails with unique Message-IDs (``<tag-n@test.invalid>``)."""
    out = []
    for n in range(count):
        _, sender, subject = _SENDERS[n % len(_SENDERS)]
        out.append(raw_mail(
            {"From": sender, "To": DESK, "Subject": f"{subject.format(n=n)} Anfrage",
             "Date": f"Thu, 26 Nov 2026 {8 + n % 10:02d}:{n % 60:02d}:00 +0100",
             "Message-ID": f"<{tag}-{n}@test.invalid>", "Content-Type": PLAIN_UTF8},
            f"Hallo,\r\n\r\nbitte prüfen Sie den Vorgang {n} bis Freitag.\r\n"
            "Können Sie uns den Stand mitteilen?\r\n\r\nGrüße\r\n", newline="\r\n"))
    return out


def message_id_of(data: bytes) -> str:
    return str(message_from_bytes(data)["Message-ID"]).strip()


def _imap_source(name: str, port: int, user: str, folder: str, password_env: str) -> str:
    return f"""
  - name: {name}
    kind: imap
    host: 127.0.0.1
    port: {port}
    security: none
    username: {user}
    password_env: {password_env}
    folders: [{folder}]"""


def _smtp_delivery(port: int) -> str:
    return f"""delivery:
  kind: smtp
  host: 127.0.0.1
  port: {port}
  security: none
  from: "Service Desk <it-support@provider.de>"
  reply_to: it-support@provider.de"""


def write_mailsum_config(tmp: Path, imap_port: int, smtp_port: int, folder: str, *,
                         source_extra: str = "", delivery_extra: str = "",
                         password_env: str = "MAILSUM_TEST_IMAP_PASSWORD") -> Path:
    cfg = tmp / "config.yaml"
    cfg.write_text(f"""
state: sqlite:///{tmp}/mailsum.db
language: de
timezone: Europe/Berlin
sources:{_imap_source("support", imap_port, "support", folder, password_env)}
{source_extra}
{_smtp_delivery(smtp_port)}
{delivery_extra}
rules: {REPO}/rules/
""")
    return cfg


def use_state(cfg: Path, state: str | None) -> None:
    """Point a written config at another state (a PostgreSQL URL); None keeps the SQLite file."""
    if state:
        lines = cfg.read_text().splitlines()
        cfg.write_text("\n".join(f"state: {state}" if line.startswith("state:") else line
                                 for line in lines) + "\n")


def mailsum_cmd(cfg: Path, *args: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "mailsum", "--config", str(cfg), *args]


def run_mailsum(cfg: Path, *args: str, env: dict[str, str] | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(mailsum_cmd(cfg, *args), capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout, cwd=REPO)


def stored_message_ids(db: Path) -> list[str]:
    """Every Message-ID in the state's messages table, duplicates kept."""
    import sqlite3

    if not db.exists():
        return []
    with contextlib_closing(sqlite3.connect(db)) as conn:
        return [r[0] for r in conn.execute("SELECT message_id FROM messages")]


def state_rows(db: Path, sql: str) -> list[tuple]:
    import sqlite3

    with contextlib_closing(sqlite3.connect(db)) as conn:
        return list(conn.execute(sql))


def contextlib_closing(thing):  # noqa: ANN001, ANN201 - tiny alias, keeps imports local
    from contextlib import closing

    return closing(thing)


def write_worker_config(tmp: Path, state: str, imap_port: int, smtp_port: int,
                        users: list[str], rules: Path, *,
                        password_env: str = "MAILSUM_TEST_IMAP_PASSWORD") -> Path:
    """A config with one IMAP source per Dovecot user (source name = user name, INBOX only).

    ``state`` is written as given, e.g. a ``postgresql://`` URL shared by several workers.
    """
    sources = "".join(_imap_source(user, imap_port, user, "INBOX", password_env)
                      for user in users)
    cfg = tmp / "config.yaml"
    cfg.write_text(f"""
state: {state}
language: de
timezone: Europe/Berlin
sources:{sources}
{_smtp_delivery(smtp_port)}
rules: {rules}
""")
    return cfg
