"""Real servers for end-to-end tests: Dovecot (IMAP) and aiosmtpd (SMTP) on loopback."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dovecot_available() -> bool:
    try:
        pwd.getpwnam("dovecot")
    except KeyError:
        return False
    return os.path.exists(DOVECOT) and os.geteuid() == 0


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
        dv = pwd.getpwnam("dovecot")
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
mail_uid = dovecot
mail_gid = dovecot
first_valid_uid = 1
default_internal_user = dovecot
default_login_user = dovecot
passdb {{
  driver = passwd-file
  args = {passwd}
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={mail}/%u
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
        subprocess.run([DOVEADM, "-c", str(self.config), "stop"], check=False,
                       capture_output=True)
        time.sleep(0.2)
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
