"""A throwaway PostgreSQL for tests: its own cluster in a temp folder on a free loopback port.

Durability is switched off (fsync, synchronous_commit, full_page_writes): the cluster dies with
the test session, and the settings make it start and write several times faster. PostgreSQL
refuses to run as root, so as root the cluster belongs to the Debian package's ``postgres``.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _version_key(bindir: str) -> tuple[int, ...]:
    version = Path(bindir).parent.name
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def postgres_bindir() -> Path | None:
    """The newest Debian ``/usr/lib/postgresql/N/bin``, else wherever ``initdb`` is on PATH."""
    found = [d for d in glob.glob("/usr/lib/postgresql/*/bin")
             if os.access(os.path.join(d, "postgres"), os.X_OK)
             and os.access(os.path.join(d, "initdb"), os.X_OK)]
    if found:
        return Path(max(found, key=_version_key))
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _run_as() -> str | None:
    """The account that owns the cluster: ``postgres`` when we are root, else ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres").pw_name
    except KeyError:
        return None


def postgres_available() -> bool:
    if postgres_bindir() is None:
        return False
    return os.geteuid() != 0 or (_run_as() is not None and shutil.which("runuser") is not None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _traversable(path: Path) -> bool:
    """Whether another account can reach files below ``path`` (o+x on every ancestor)."""
    return all(os.stat(p).st_mode & 0o001 for p in [path, *path.parents])


class PostgresServer:
    """One PostgreSQL cluster; ``start()`` it, ask it for databases, ``stop()`` it."""

    def __init__(self) -> None:
        bindir = postgres_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL binaries not found (Debian: apt-get install postgresql)")
        self.bindir = bindir
        self.user = _run_as()
        self.root: Path | None = None
        self.port = 0
        self.started_seconds = 0.0  # how long initdb + start took, for the curious

    # ------------------------------------------------------------------ lifecycle

    @property
    def data(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    def _cmd(self, *args: str) -> list[str]:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return [*prefix, *args]

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        assert self.root is not None
        proc = subprocess.run(self._cmd(*args), cwd=self.root, capture_output=True, text=True,
                              env={**os.environ, "LC_ALL": "C.UTF-8"}, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({proc.returncode}):\n{proc.stdout}"
                               f"{proc.stderr}\n{self.log()}")
        return proc

    def start(self) -> PostgresServer:
        t0 = time.monotonic()
        base = Path(tempfile.gettempdir())
        if self.user and not _traversable(base):
            base = Path("/tmp")  # the postgres account cannot reach e.g. /root/tmp
        self.root = Path(tempfile.mkdtemp(prefix="mailsum-pg-", dir=base))
        os.chmod(self.root, 0o700)
        (self.root / "run").mkdir(mode=0o700)
        if self.user:
            pw = pwd.getpwnam(self.user)
            for p in (self.root, self.root / "run"):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"""
listen_addresses = '127.0.0.1'
unix_socket_directories = '{self.root / "run"}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
""")
        atexit.register(self.stop)
        for attempt in range(3):  # another process may grab the free port before we bind it
            self.port = _free_port()
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                          str(self.root / "postgres.log"), "-o", f"-p {self.port}", "-w",
                          "-t", "60", "start")
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        self.started_seconds = time.monotonic() - t0
        return self

    def log(self) -> str:
        if self.root is None:
            return ""
        p = self.root / "postgres.log"
        return p.read_text(errors="replace") if p.exists() else ""

    def stop(self) -> None:
        """Fast shutdown (disconnects clients), then the folder goes; safe to call twice."""
        if self.root is None:
            return
        pidfile = self.data / "postmaster.pid"
        pid = int(pidfile.read_text().split()[0]) if pidfile.exists() else None
        if pid:
            subprocess.run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data),
                                     "-m", "fast", "-w", "-t", "20", "stop"),
                           cwd=self.root, capture_output=True, check=False)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 0)
                os.kill(pid, signal.SIGKILL)  # still there after pg_ctl gave up
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    # ------------------------------------------------------------------ databases

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, statement: str, name: str) -> None:
        import psycopg
        from psycopg import sql

        if not _NAME.match(name):
            raise ValueError(f"not a plain database name: {name!r}")
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.SQL(statement).format(sql.Identifier(name)))

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        self._admin("CREATE DATABASE {}", name)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drops it even while leftover clients (e.g. killed workers' sessions) hold it."""
        self._admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
