"""The PostgreSQL test fixtures: a real server, one fresh database per test."""

from __future__ import annotations

import pytest

psycopg = pytest.importorskip("psycopg")

_seen: dict[str, str] = {}  # test name -> its database URL, shared by the two isolation tests


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r[0] for r in rows}


def test_database_is_empty_writable_and_on_loopback(pg_url, pg_server):
    assert pg_url.startswith(f"postgresql://postgres@127.0.0.1:{pg_server.port}/")
    assert _tables(pg_url) == set()
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        conn.execute("INSERT INTO t VALUES (1, 'ä')")
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT v FROM t").fetchall() == [("ä",)]
        assert int(conn.execute("SHOW server_version_num").fetchone()[0]) >= 150000
        assert conn.execute("SHOW fsync").fetchone()[0] == "off"


@pytest.mark.parametrize("table", ["first_only", "second_only"])
def test_each_test_gets_its_own_database(pg_url, pg_server, table):
    other = next(iter(_seen.values()), None)
    _seen[table] = pg_url
    assert _tables(pg_url) == set()  # nothing left over from the other test
    with psycopg.connect(pg_url) as conn:
        conn.execute(f"CREATE TABLE {table} (id INTEGER)")
    if other is not None:
        assert other != pg_url
        name = other.rsplit("/", 1)[1]
        with psycopg.connect(pg_server.url()) as conn:  # the earlier database was dropped
            rows = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            assert rows.fetchall() == []


def test_drop_database_ends_open_sessions(pg_server):
    url = pg_server.create_database("t_drop_force")
    lingering = psycopg.connect(url)  # e.g. a killed worker's session the server still holds
    try:
        pg_server.drop_database("t_drop_force")
        with psycopg.connect(pg_server.url()) as conn:
            rows = conn.execute("SELECT 1 FROM pg_database WHERE datname = 't_drop_force'")
            assert rows.fetchall() == []
    finally:
        lingering.close()


def test_rejects_names_that_need_quoting(pg_server):
    with pytest.raises(ValueError):
        pg_server.create_database("x; DROP DATABASE postgres")
