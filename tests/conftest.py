"""Fixtures shared by the test modules that talk to a real IMAP server."""

from __future__ import annotations

import pytest
from servers import Dovecot


@pytest.fixture(scope="module")
def dovecot(request: pytest.FixtureRequest):
    """A throwaway Dovecot per test module; user ``support`` with that module's ``PASSWORD``.

    Each module keeps its own password so that a leak in one test's output is traceable.
    """
    server = Dovecot({"support": request.module.PASSWORD}).start()
    yield server
    server.stop()
