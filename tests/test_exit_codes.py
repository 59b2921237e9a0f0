"""Exit codes (``mailsum.errors.ExitCode``), global options after the subcommand, state files
that cannot be used, and inputs that used to pass ``check`` and then break every ``run``.

Each case is the exact input of issue 18: a state path that is a folder, a corrupt, read-only
or full SQLite file, ``schedule: "0 0 31 2 *"``, an absence ``until: 2026-13-45``, YAML nested
past any sane depth and a YAML alias bomb. Each must end as one clear line with file, line and
key where there is one, and the documented exit code; never a traceback.
"""

from __future__ import annotations

import os
import pwd
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import REPO, write_config

from mailsum.cli.main import main
from mailsum.errors import ExitCode, StateError
from mailsum.run.runner import Runner
from mailsum.state.store import StateStore

NOW = ["--now", "2026-11-27T07:30:00+01:00"]


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


# --------------------------------------------------------------------------- global options


@pytest.mark.parametrize("argv", [
    ["run", "-q", "--config", "{cfg}"],
    ["run", "--config", "{cfg}", "-q"],
    ["-q", "run", "-c", "{cfg}"],
    ["--config", "{cfg}", "run", "-q"],
])
def test_global_options_work_before_and_after_the_subcommand(tmp_path, argv):
    cfg = write_config(tmp_path)
    result = invoke(*[a.format(cfg=cfg) for a in argv], *NOW)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.output == ""  # -q: a good run prints nothing, not even the summary line
    assert len(list((tmp_path / "out").glob("*.eml"))) == 2


def test_without_q_the_summary_line_is_printed(tmp_path):
    cfg = write_config(tmp_path)
    result = invoke("run", "-c", str(cfg), *NOW)
    assert result.exit_code == ExitCode.OK
    assert "fetched 1, stored 1" in result.stderr and "sent 2" in result.stderr


def test_dry_run_summary_does_not_say_sent(tmp_path):
    cfg = write_config(tmp_path)
    result = invoke("run", "--dry-run", "-c", str(cfg), *NOW)
    assert result.exit_code == ExitCode.OK
    assert "composed 2 (dry run: nothing sent)" in result.stderr
    assert ", sent " not in result.stderr


def test_status_and_check_take_c_after_the_subcommand(tmp_path):
    cfg = write_config(tmp_path)
    assert invoke("status", "-c", str(cfg)).exit_code == ExitCode.OK
    assert invoke("check", "--config", str(cfg)).exit_code == ExitCode.OK
    assert invoke("rules", "test", "-c", str(cfg), str(tmp_path / "mail.mbox")).exit_code == 0


# --------------------------------------------------------------------------- one test per code


def test_exit_0_all_well(tmp_path):
    assert invoke("-c", str(write_config(tmp_path)), "run", *NOW).exit_code == ExitCode.OK


def test_exit_1_a_source_failed_and_says_which(tmp_path):
    cfg = write_config(tmp_path)
    (tmp_path / "mail.mbox").unlink()
    result = invoke("-c", str(cfg), "run", "-q", *NOW)
    assert result.exit_code == ExitCode.FAILED
    assert "source local" in result.stderr


def test_exit_2_configuration(tmp_path):
    cfg = write_config(tmp_path)
    cfg.write_text(cfg.read_text().replace("timezone: Europe/Berlin", "timezone: Mars/Olymp"))
    result = invoke("-c", str(cfg), "run")
    assert result.exit_code == ExitCode.CONFIG
    assert "config.yaml:2: timezone" in result.stderr


def test_exit_3_locked(tmp_path):
    from mailsum.run.lock import run_lock

    cfg = write_config(tmp_path)
    with run_lock(tmp_path / "state.db.lock"):
        result = invoke("-c", str(cfg), "run")
    assert result.exit_code == ExitCode.LOCKED and "not running" in result.stderr


def test_exit_4_an_unexpected_error_is_one_line_and_the_traceback_only_with_v(tmp_path,
                                                                              monkeypatch):
    def broken(self: Runner) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(Runner, "run", broken)
    cfg = write_config(tmp_path)
    result = invoke("-c", str(cfg), "run")
    assert result.exit_code == ExitCode.INTERNAL
    line = one_line(result.stderr)
    assert line.startswith("internal error: KeyError: 'a bug'") and "-v" in line
    verbose = invoke("-c", str(cfg), "run", "-v")
    assert verbose.exit_code == ExitCode.INTERNAL
    assert "Traceback (most recent call last)" in verbose.stderr and "def broken" not in \
        verbose.stdout


def test_run_report_uses_the_same_codes():
    from mailsum.run.runner import RunReport

    assert RunReport().exit_code is ExitCode.OK
    assert RunReport(source_errors=["source x: down"]).exit_code is ExitCode.FAILED
    assert RunReport(withheld=["acme: no update sent"]).exit_code is ExitCode.FAILED


# --------------------------------------------------------------------------- the state file


def test_state_path_that_is_a_folder(tmp_path):
    cfg = write_config(tmp_path)
    (tmp_path / "state.db").mkdir()
    for command in (["run"], ["status"], ["preview", "acme"]):
        result = invoke("-c", str(cfg), *command)
        assert result.exit_code == ExitCode.FAILED, (command, result.output)
        assert "state.db: is a folder" in one_line(result.stderr)


def test_corrupt_state_file(tmp_path):
    cfg = write_config(tmp_path)
    (tmp_path / "state.db").write_bytes(b"this is no SQLite database\n" * 200)
    for command in (["run"], ["status"]):
        result = invoke("-c", str(cfg), *command)
        assert result.exit_code == ExitCode.FAILED, result.output
        assert "not a mailsum state database or is damaged" in one_line(result.stderr)


def _as_other_user() -> list[str]:
    """Root may write any file: the read-only case then runs as ``nobody``."""
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("nobody")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def test_read_only_state_file(tmp_path_factory):
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(prefix="mailsum-ro-"))  # not under pytest's 0700 folder
    tmp_path.chmod(0o755)
    locks = Path(tempfile.mkdtemp(prefix="mailsum-lock-"))
    locks.chmod(0o777)  # the lock may be taken; the state file is what cannot be written
    cfg = write_config(tmp_path, f"lock: {locks}/run.lock\n")
    assert invoke("-c", str(cfg), "run", *NOW).exit_code == ExitCode.OK
    (locks / "run.lock").chmod(0o666)
    for f in tmp_path.iterdir():
        if f.name.startswith("state.db"):
            f.chmod(0o444)
    tmp_path.chmod(0o755)
    (tmp_path / "mail.mbox").chmod(0o644)
    cfg.chmod(0o644)
    before = (tmp_path / "state.db").read_bytes()
    out = subprocess.run([*_as_other_user(), sys.executable, "-m", "mailsum", "-c", str(cfg),
                          "run", "-q", "--now", "2026-11-30T07:30:00+01:00"],
                         capture_output=True, text=True, timeout=120, cwd="/",
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.returncode == ExitCode.FAILED, out.stderr
    assert "state.db: cannot write it (read-only file or folder)" in one_line(out.stderr)
    assert (tmp_path / "state.db").read_bytes() == before  # nothing lost
    (tmp_path / "state.db").chmod(0o644)
    locks.chmod(0o755)  # and a lock file that cannot be created is a clear line too
    cfg.write_text(cfg.read_text().replace(f"lock: {locks}/run.lock", f"lock: {locks}/x/r.lock"))
    out = subprocess.run([*_as_other_user(), sys.executable, "-m", "mailsum", "-c", str(cfg),
                          "run", "-q"], capture_output=True, text=True, timeout=120, cwd="/",
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.returncode == ExitCode.FAILED
    assert "r.lock: cannot open it (Permission denied)" in one_line(out.stderr)


def test_disk_full_is_a_state_error_and_rolls_back(tmp_path):
    store = StateStore.open(tmp_path / "state.db")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(StateError, match="the disk is full"), store.transaction():
        store.conn.execute("CREATE TABLE filler (x TEXT)")
        store.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 4000,)] * 50)
    assert store.conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name='filler'").fetchone()[0] == 0
    store.close()
    assert sqlite3.connect(tmp_path / "state.db").execute("PRAGMA integrity_check").fetchone() \
        == ("ok",)


# --------------------------------------------------------------------------- inputs refused


def _rules(tmp_path: Path, edit: str, where: str = "customers:") -> Path:
    text = (REPO / "rules" / "customers.yaml").read_text()
    assert where in text
    rules = tmp_path / "rules.yaml"
    rules.write_text(text.replace(where, edit, 1))
    return rules


def _with_rules(tmp_path: Path, rules: Path) -> Path:
    cfg = write_config(tmp_path)
    cfg.write_text(cfg.read_text().replace(f"rules: {REPO}/rules/", f"rules: {rules}"))
    return cfg


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.parametrize("command", [["check"], ["run"]])
def test_a_schedule_whose_day_never_comes_is_refused(tmp_path, command):
    rules = _rules(tmp_path, 'schedule: "0 0 31 2 *"', 'schedule: "0 7 * * 1-5"')
    result = invoke("-c", str(_with_rules(tmp_path, rules)), *command)
    assert result.exit_code == ExitCode.CONFIG, result.output
    line = _line_of(rules, "0 0 31 2 *")
    assert f"rules.yaml:{line}: customers[0].schedule: cron expression '0 0 31 2 *' names a " \
           "day that never comes" in one_line(result.stderr)


@pytest.mark.parametrize("command", [["check"], ["run"]])
def test_an_impossible_absence_date_is_refused(tmp_path, command):
    rules = _rules(tmp_path, "absences:\n  - address: lukas.schmidt@provider.de\n"
                   "    until: 2026-13-45\ncustomers:")
    result = invoke("-c", str(_with_rules(tmp_path, rules)), *command)
    assert result.exit_code == ExitCode.CONFIG, result.output
    line = _line_of(rules, "2026-13-45")
    assert f"rules.yaml:{line}: absences[0].until: invalid value '2026-13-45'" in \
        one_line(result.stderr)


def test_yaml_nested_deeper_than_a_sane_limit_is_refused(tmp_path):
    cfg = write_config(tmp_path, "replies: " + "[" * 5000 + "]" * 5000 + "\n")
    result = invoke("-c", str(cfg), "check")
    assert result.exit_code == ExitCode.CONFIG
    line = _line_of(cfg, "replies:")
    assert f"config.yaml:{line}: nested deeper than 32 levels" in one_line(result.stderr)


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path):
    bomb = textwrap.dedent("""\
        x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]
        """)
    for i in range(1, 10):
        bomb += f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
    rules = tmp_path / "bomb.yaml"
    rules.write_text(bomb + (REPO / "rules" / "customers.yaml").read_text())
    result = invoke("-c", str(_with_rules(tmp_path, rules)), "check")
    assert result.exit_code == ExitCode.CONFIG
    assert "values once aliases are expanded (an alias bomb?)" in one_line(result.stderr)
    assert "bomb.yaml:" in result.stderr


# --------------------------------------------------------------------------- send = preview


def test_send_on_a_fresh_state_sends_what_preview_shows(tmp_path):
    cfg = write_config(tmp_path)
    preview = invoke("-c", str(cfg), "preview", "acme", *NOW)
    assert preview.exit_code == ExitCode.OK and "Drucker" in preview.stdout
    assert not (tmp_path / "state.db").exists()
    send = invoke("-c", str(cfg), "send", "acme", "-q", *NOW)
    assert send.exit_code == ExitCode.OK, send.output
    (mail,) = (tmp_path / "out").glob("*acme*.eml")
    text = mail.read_text()
    assert "nichts Neues" not in text and "Drucker" in text
    body = preview.stdout.split("\n\n", 1)[1]
    from email import message_from_bytes
    from email.policy import default

    sent = message_from_bytes(mail.read_bytes(), policy=default)
    sent_text = sent.get_body(preferencelist=("plain",)).get_content()

    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip().splitlines()]

    assert lines(sent_text) == lines(body)  # the same update, word for word


# --------------------------------------------------------------------------- check --connect


@pytest.fixture(scope="module")
def tls_smtp(tmp_path_factory):
    """aiosmtpd speaking implicit TLS with a self-signed certificate for 127.0.0.1."""
    from aiosmtpd.controller import Controller
    from test_deliver import Recorder, _server_context, cert_files, free_port

    certs = cert_files.__wrapped__(tmp_path_factory)  # the fixture's function, called once
    controller = Controller(Recorder(), hostname="127.0.0.1", port=free_port(),
                            ssl_context=_server_context(certs))
    controller.start()
    yield controller
    controller.stop()


@pytest.mark.parametrize("verify", [False, True])
def test_check_connect_builds_smtp_as_run_does(tmp_path, tls_smtp, verify):
    """``tls_verify: false`` reached run but not check --connect, which then failed."""
    cfg = write_config(tmp_path)
    text = cfg.read_text()
    start = text.index("delivery:")
    end = text.index("rules:")
    cfg.write_text(text[:start] + textwrap.dedent(f"""\
        delivery:
          kind: smtp
          host: 127.0.0.1
          port: {tls_smtp.port}
          security: tls
          tls_verify: {str(verify).lower()}
          from: "Service Desk <it-support@provider.de>"
        """) + text[end:])
    result = invoke("-c", str(cfg), "check", "--connect")
    if verify:  # self-signed: refused, as run would refuse it
        assert result.exit_code == ExitCode.FAILED
        assert f"delivery smtp 127.0.0.1:{tls_smtp.port}: FAILED" in result.stderr
    else:
        assert result.exit_code == ExitCode.OK, result.output
        assert f"delivery smtp 127.0.0.1:{tls_smtp.port}: OK" in result.stdout


# --------------------------------------------------------------------------- logs, secrets


def test_log_lines_under_cron_are_logfmt_with_offset_and_quoted_msg(tmp_path):
    cfg = write_config(tmp_path)
    out = subprocess.run([sys.executable, "-m", "mailsum", "run", "-c", str(cfg), *NOW],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == ExitCode.OK, out.stderr
    import re

    logged = [line for line in out.stderr.splitlines() if line.startswith("time=")]
    assert logged
    assert "fetch+parse" not in out.stderr and "\r" not in out.stderr  # no progress under cron
    for line in logged:
        assert re.fullmatch(r'time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d '
                            r'level=(debug|info|warning|error|critical) logger=mailsum '
                            r'msg="([^"\\]|\\.)*"', line), line


def test_a_password_file_readable_by_others_is_warned_about(tmp_path):
    pw = tmp_path / "smtp.pw"
    pw.write_text("Secret-42\n")
    cfg = write_config(tmp_path)
    text = cfg.read_text().replace("kind: directory", "kind: smtp\n  host: 127.0.0.1\n  port: 25"
                                   f"\n  username: x\n  password_file: {pw}")
    cfg.write_text(text.replace(f"  path: {tmp_path}/out\n", ""))
    pw.chmod(0o644)
    result = invoke("-c", str(cfg), "check")
    assert result.exit_code == ExitCode.OK, result.output
    line = _line_of(cfg, "  password_file:")
    assert f"config.yaml:{line}: delivery.password_file: secret file {pw} can be read by " \
           f"others (mode 0644); chmod 600 {pw}" in result.stderr
    assert "Secret-42" not in result.output
    pw.chmod(0o600)
    assert "can be read by others" not in invoke("-c", str(cfg), "check").stderr


# --------------------------------------------------------------------------- init


def test_init_writes_a_starter_that_check_reads_and_never_overwrites(tmp_path, monkeypatch):
    target = tmp_path / "etc"
    result = invoke("init", str(target))
    assert result.exit_code == ExitCode.OK, result.output
    assert (target / "config.yaml").read_text().startswith("#")  # commented
    assert "customers:" in (target / "rules" / "customers.yaml").read_text()
    monkeypatch.setenv("MAILSUM_SUPPORT_PASSWORD", "x")
    check = invoke("-c", str(target / "config.yaml"), "check")
    assert check.exit_code == ExitCode.OK, check.output
    again = invoke("init", str(target))
    assert again.exit_code == ExitCode.FAILED and "not overwriting" in again.stderr


def test_the_wheel_ships_the_starter_files():
    import tomllib

    build = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    shipped = build["targets"]["wheel"]["force-include"]
    assert shipped["config.example.yaml"] == "mailsum/_starter/config.yaml"
    assert shipped["rules/customers.yaml"] == "mailsum/_starter/rules/customers.yaml"
    assert ".hypothesis" in build["targets"]["sdist"]["exclude"]
    assert (REPO / "LICENSE").read_text().startswith("MIT License")


def test_progress_on_a_terminal_names_its_phases_and_logs_print_above_it(tmp_path):
    import pty
    import select

    cfg = write_config(tmp_path)
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "mailsum", "run", "-c", str(cfg), *NOW],
                            stdin=child_fd, stdout=child_fd, stderr=child_fd, cwd=REPO,
                            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(child_fd)
    seen = b""
    while True:
        ready, _, _ = select.select([main_fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=60) == ExitCode.OK
    os.close(main_fd)
    text = seen.decode("utf-8", "replace")
    for phase in ("fetch+parse local", "analyse threads", "send updates"):
        assert phase in text, text
    assert "INFO update for acme delivered" in text
    # the summary comes after the display was cleared, on a line of its own
    import re

    last = text.rstrip().splitlines()[-1]
    assert "\x1b[2K" in last  # the display's lines are erased ...
    assert re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", last).startswith("fetched 1, stored 1")


def test_errors_users_read_carry_no_raw_python_text(tmp_path):
    from test_deliver import free_port

    from mailsum.errors import DeliveryError
    from mailsum.outbound.deliver import SmtpDelivery

    closed = free_port()
    with pytest.raises(DeliveryError) as info:
        SmtpDelivery("127.0.0.1", closed, "none", None, None, timeout=5).check()
    assert str(info.value) == f"smtp 127.0.0.1:{closed}: Connection refused" or \
        str(info.value).endswith(": Connection refused")
    assert "Errno" not in str(info.value)


@pytest.mark.parametrize("command", [["check"], ["run"]])
def test_a_broken_user_template_is_refused_with_file_and_line(tmp_path, command):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "update.txt.j2").write_text("{{ title }}\n{% if quiet %}\nnothing new\n")
    cfg = write_config(tmp_path, f"templates: {folder}\n")
    result = invoke("-c", str(cfg), *command)
    assert result.exit_code == ExitCode.CONFIG, result.output
    assert f"{folder}/update.txt.j2:" in result.stderr and "template:" in result.stderr
    assert "Traceback" not in result.output
