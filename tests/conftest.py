"""Fixtures shared by the test modules that talk to a real IMAP server."""

from __future__ import annotations

import pytest
from servers import Dovecot, SmtpSink


@pytest.fixture
def smtp():
    """A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def dovecot(request: pytest.FixtureRequest):
    """A throwaway Dovecot per test module; user ``support`` with that module's ``PASSWORD``.

    Each module keeps its own password so that a leak in one test's output is traceable.
    """
    server = Dovecot({"support": request.module.PASSWORD}).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL cluster for the whole session (see tests/pgserver.py)."""
    pytest.importorskip("psycopg", reason="needs psycopg 3 (pip install -e '.[postgresql]')")
    from pgserver import PostgresServer, postgres_available

    if not postgres_available():
        pytest.skip("needs PostgreSQL server binaries (Debian: postgresql; scripts/test.sh "
                    "installs it)")
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database per test (``postgresql://postgres@127.0.0.1:PORT/NAME``)."""
    import re
    import uuid

    stem = re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:40]
    name = f"t_{stem}_{uuid.uuid4().hex[:8]}"
    url = pg_server.create_database(name)
    yield url
    pg_server.drop_database(name)
