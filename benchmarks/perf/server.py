"""The benchmark's IMAP server: a throwaway Dovecot, filled straight into its Maildir.

The start logic follows tests/servers.py, but the server lives under /var/tmp with its own
prefix (test clean-ups of /tmp/mailsum-dovecot-* must not pull the mailbox away mid-run) and
is stopped by its master's pid, waiting until it has gone. Writing Maildir files (with the
``S=``/``W=`` sizes Dovecot's own deliveries carry) and letting ``doveadm`` index them takes
seconds for 100,000 messages, where IMAP APPEND takes minutes.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"
PLACE = Path(os.environ.get("MAILSUM_PERF_TMP", "/var/tmp"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Dovecot:
    """Dovecot 2.3 on 127.0.0.1 with passwd-file users and one Maildir each."""

    def __init__(self, users: dict[str, str]) -> None:
        self.users = users
        self.root = Path(tempfile.mkdtemp(prefix="mailsum-perf-dovecot-", dir=PLACE))
        self.port = free_port()
        self.config = self.root / "dovecot.conf"

    def start(self) -> Dovecot:
        os.chmod(self.root, 0o755)  # the dovecot user must read the passwd file
        (self.root / "run").mkdir()
        (self.root / "state").mkdir()
        mail = self.root / "mail"
        mail.mkdir()
        dv = pwd.getpwnam("dovecot")
        os.chown(mail, dv.pw_uid, dv.pw_gid)
        passwd = self.root / "passwd"
        passwd.write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in self.users.items()))
        os.chmod(passwd, 0o644)
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
  chroot =
}}
service anvil {{
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
        pidfile = self.root / "run" / "master.pid"
        with contextlib.suppress(OSError, ValueError):
            pid = int(pidfile.read_text().split()[0])
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                os.kill(pid, 0)  # raises once the master has gone
                time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)

    def append(self, user: str, messages: list[bytes], folder: str = "INBOX") -> None:
        from imapclient import IMAPClient

        with IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30) as c:
            c.login(user, self.users[user])
            for data in messages:
                c.append(folder, data)

    def maildir(self, user: str) -> Path:
        return self.root / "mail" / user

    def fill(self, user: str, messages: list[tuple[float, bytes]]) -> int:
        """Write (unix time, bytes) messages into the user's INBOX ``cur/``; return bytes.

        File names start with the message time so Dovecot hands out UIDs in date order.
        """
        dv = pwd.getpwnam("dovecot")
        box = self.maildir(user)
        for sub in ("", "cur", "new", "tmp"):
            (box / sub).mkdir(exist_ok=True)
            os.chown(box / sub, dv.pw_uid, dv.pw_gid)
        total = 0
        for number, (when, data) in enumerate(messages):
            vsize = len(data) + data.count(b"\n") - data.count(b"\r\n")
            path = box / "cur" / f"{int(when)}.M{number:07d}P1.bench,S={len(data)},W={vsize}:2,"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, data)
                os.fchown(fd, dv.pw_uid, dv.pw_gid)
            finally:
                os.close(fd)
            os.utime(path, (when, when))  # the IMAP INTERNALDATE
            total += len(data)
        return total

    def index(self, user: str) -> str:
        """Let Dovecot scan the Maildir and assign UIDs now, not inside the first timed run."""
        out = subprocess.run([DOVEADM, "-c", str(self.config), "mailbox", "status", "-u", user,
                              "messages uidnext", "INBOX"],
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()
