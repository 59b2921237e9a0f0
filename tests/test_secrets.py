"""Secrets: resolved from env, file or command; never shown in repr, str or errors."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from mailsum.config.secrets import Secret, check, resolve
from mailsum.errors import ConfigError


def py(code: str) -> str:
    return shlex.join([sys.executable, "-c", code])


def test_env(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MAILSUM_T_PW", " spaced value ")
    assert resolve(Secret("env", "MAILSUM_T_PW")) == " spaced value "


def test_missing_env_names_the_key(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MAILSUM_T_NONE", raising=False)
    secret = Secret("env", "MAILSUM_T_NONE", file="c.yaml", line=7, key="delivery.password_env")
    for call in (resolve, check):
        with pytest.raises(ConfigError) as info:
            call(secret)
        assert str(info.value) == (
            "c.yaml:7: delivery.password_env: environment variable MAILSUM_T_NONE is not set")


def test_file_contents_are_stripped(tmp_path: Path):
    (tmp_path / "pw").write_text("  geheim-42\n\n")
    assert resolve(Secret("file", str(tmp_path / "pw"))) == "geheim-42"


def test_unreadable_file(tmp_path: Path):
    secret = Secret("file", str(tmp_path / "missing"), key="sources[0].password_file")
    with pytest.raises(ConfigError, match="does not exist"):
        check(secret)
    with pytest.raises(ConfigError) as info:
        resolve(secret)
    assert info.value.key == "sources[0].password_file"


def test_command_stdout_is_stripped():
    assert resolve(Secret("command", py("print('  from-command  ')"))) == "from-command"


def test_command_failure_does_not_leak_output():
    secret = Secret("command", py("import sys; print('leaky-77'); sys.exit(3)"))
    with pytest.raises(ConfigError) as info:
        resolve(secret)
    assert "exit code 3" in str(info.value)
    assert "leaky-77" not in str(info.value)


def test_command_timeout():
    with pytest.raises(ConfigError, match="timed out"):
        resolve(Secret("command", py("import time; time.sleep(5)")), timeout=0.3)


def test_command_that_cannot_run():
    with pytest.raises(ConfigError, match="cannot run command"):
        resolve(Secret("command", "/nonexistent/mailsum-no-such-program"))


def test_repr_and_str_never_show_the_value(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("MAILSUM_T_PW", "value-abc")
    (tmp_path / "pw").write_text("value-def")
    env = Secret("env", "MAILSUM_T_PW")
    file = Secret("file", str(tmp_path / "pw"))
    command = Secret("command", "echo token-xyz")
    for secret in (env, file, command):
        for shown in (repr(secret), str(secret), f"{secret}", repr([secret])):
            assert "value-abc" not in shown
            assert "value-def" not in shown
            assert "token-xyz" not in shown
    assert repr(env) == "Secret(env:MAILSUM_T_PW)"
    assert "echo" in repr(command)


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError):
        Secret("vault", "x")
