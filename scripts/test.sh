#!/usr/bin/env bash
# Install everything the tests need (Dovecot included) and run the whole test suite.
# Extra arguments go to pytest, e.g. scripts/test.sh -k route -x
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_ensure.sh
ensure_debs "test -x /usr/sbin/dovecot" dovecot-imapd
# a throwaway PostgreSQL cluster for the multi-worker tests (tests/pgserver.py)
ensure_debs "ls /usr/lib/postgresql/*/bin/postgres" postgresql
# headless Chromium renders the HTML updates in tests/test_browser.py; fonts for umlauts/bars
ensure_debs "test -x /usr/bin/chromium && test -d /usr/share/fonts/truetype/dejavu" \
  chromium fonts-dejavu-core
ensure_venv "[test]"
.venv/bin/ruff check mailsum tests benchmarks
.venv/bin/lint-imports  # the layering contracts of pyproject.toml
.venv/bin/python -m pytest -q "$@"
