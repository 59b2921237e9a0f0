"""Every command line README.md shows, run as written (binary and config path swapped).

The README's cron line and systemd ``ExecStart`` once failed on every run (``mailsum run -q``
exited 2: "No such option '-q'"), so a user who copied them never got an update. These tests
read the lines out of README.md itself, so README and CLI cannot drift apart again: a good
run exits 0 and prints nothing with ``-q``; an unreachable mailbox exits 1, says so on stderr,
and no update reads as an all-clear (none at all before the mailbox was ever read, and one
that names the mailbox after that).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from email.message import Message
from email.policy import default as default_policy
from pathlib import Path

import pytest
from corpus import SAMPLE, sample_messages
from servers import SmtpSink, dovecot_available, free_port

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
PASSWORD = "readme-imap-pw-7319"
BINARY = Path(sys.executable).with_name("mailsum")  # the console script of this environment
TOMORROW_7_30 = "2026-12-18T07:30:00+01:00"  # a Friday: every sample customer is due


def fenced_blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", README, flags=re.S)


def cron_lines() -> list[tuple[dict[str, str], list[str]]]:
    """(environment, argv) of each crontab entry in the README (after the five time fields)."""
    out = []
    for block in fenced_blocks("cron"):
        for line in block.splitlines():
            if not line.strip() or line.lstrip().startswith("#") or "=" in line.split()[0]:
                continue  # comments and crontab variables such as MAILTO=
            words = shlex.split(line)[5:]
            env = {}
            while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
                key, _, value = words.pop(0).partition("=")
                env[key] = value
            out.append((env, words))
    return out


def systemd_units() -> list[tuple[dict[str, str], list[str]]]:
    """(environment, argv) of each ``ExecStart`` in the README's unit files."""
    out = []
    for block in fenced_blocks("ini"):
        env: dict[str, str] = {}
        for line in block.splitlines():
            if line.startswith("Environment="):
                key, _, value = line.removeprefix("Environment=").partition("=")
                env[key] = value
            elif line.startswith("ExecStart="):
                out.append((dict(env), shlex.split(line.removeprefix("ExecStart="))))
    return out


def sample_examples() -> list[list[str]]:
    """The command lines of the block after "After `scripts/sample.sh`:"."""
    block = README.split("After `scripts/sample.sh`:", 1)[1].split("```bash\n", 1)[1]
    block = block.split("```", 1)[0]
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


def swapped(argv: list[str], config: Path | None = None) -> list[str]:
    """The README's binary becomes this environment's, its config the test's."""
    assert argv[0].endswith("bin/mailsum"), argv
    out = [str(BINARY)]
    for word in argv[1:]:
        if config is not None and word == "examples/config.yaml":
            word = str(config)
        out.append(word)
    return out


def swapped_env(env: dict[str, str], config: Path) -> dict[str, str]:
    assert env.get("MAILSUM_CONFIG") == "/etc/mailsum/config.yaml", env
    return {**os.environ, **env, "MAILSUM_CONFIG": str(config)}


def test_the_readme_shows_the_lines_these_tests_run():
    """If the README loses or renames them, the tests below would prove nothing."""
    assert [argv[1:] for _, argv in cron_lines()] == [["run", "-q"]]
    units = [argv[1:] for _, argv in systemd_units()]
    assert ["run", "-q"] in units and any(a[0] == "worker" for a in units)
    examples = sample_examples()
    assert len(examples) >= 5 and all(a[0] == ".venv/bin/mailsum" for a in examples)


# --------------------------------------------------------------------------- the sample


@pytest.fixture
def sample_config(tmp_path: Path) -> Path:
    """examples/config.yaml with its state and output in a temporary folder."""
    text = (REPO / "examples" / "config.yaml").read_text()
    text = text.replace("state: ../out/mailsum.db", f"state: {tmp_path}/out/mailsum.db")
    text = text.replace("path: ../out/updates", f"path: {tmp_path}/out/updates")
    text = text.replace("path: mailbox", f"path: {SAMPLE}").replace("rules: ../rules/",
                                                                     f"rules: {REPO}/rules/")
    cfg = tmp_path / "config.yaml"
    cfg.write_text(text)
    return cfg


def test_the_examples_after_the_sample_run_work(sample_config, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MAILSUM_CONFIG"}
    first = subprocess.run([str(BINARY), "--config", str(sample_config), "run", "-q"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert first.returncode == 0 and first.stdout == first.stderr == "", first.stderr
    some_mail = sorted((SAMPLE / "cur").iterdir())[0]
    for argv in sample_examples():
        argv = [str(some_mail) if w == "examples/mailbox/cur/<file>" else
                str(SAMPLE) if w == "examples/mailbox" else w for w in argv]
        (tmp_path / "out").mkdir(exist_ok=True)
        out = subprocess.run(swapped(argv, sample_config), capture_output=True, text=True,
                             env=env, cwd=tmp_path, timeout=120)
        assert out.returncode == 0, (argv, out.stderr)
        if "json" in argv:
            json.loads(out.stdout)  # the machine-readable output is one JSON document
    assert (tmp_path / "out" / "acme.html").read_text().startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------- cron and systemd

pytestmark_e2e = pytest.mark.skipif(not dovecot_available(),
                                    reason="needs Debian dovecot-imapd (scripts/test.sh)")


def production_config(tmp: Path, imap_port: int, smtp_port: int, folder: str) -> Path:
    """What the README describes: IMAP with ``password_file:``, SMTP, state beside the lock."""
    pw = tmp / "imap.pw"
    pw.write_text(PASSWORD + "\n")
    pw.chmod(0o600)
    cfg = tmp / "config.yaml"
    cfg.write_text(f"""\
state: {tmp}/state/mailsum.db
language: de
timezone: Europe/Berlin
sources:
  - name: support
    kind: imap
    host: 127.0.0.1
    port: {imap_port}
    security: none
    username: support
    password_file: {pw}
    folders: [{folder}]
delivery:
  kind: smtp
  host: 127.0.0.1
  port: {smtp_port}
  security: none
  from: "Service Desk <it-support@provider.de>"
  reply_to: it-support@provider.de
rules: {REPO}/rules/
""")
    return cfg


def by_customer(sink: SmtpSink) -> dict[str, Message]:
    mails = [message_from_bytes(data, policy=default_policy) for _, _, data in sink.messages]
    return {str(m["X-Mailsum-Customer"]): m for m in mails}


def text_of(msg: Message) -> str:
    part = msg.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
    return str(part.get_content())


def html_of(msg: Message) -> str:
    part = msg.get_body(preferencelist=("html",))  # type: ignore[attr-defined]
    return str(part.get_content())


def readme_lines() -> list[tuple[str, dict[str, str], list[str]]]:
    lines = [("cron", env, argv) for env, argv in cron_lines()]
    lines += [("systemd", env, argv) for env, argv in systemd_units() if argv[1] == "run"]
    return lines


@pytestmark_e2e
@pytest.mark.e2e
@pytest.mark.parametrize("where", ["cron", "systemd"])
def test_readme_line_is_silent_on_a_good_run_and_never_an_all_clear_on_a_bad_one(
        where, dovecot, smtp, tmp_path):
    ((_, env, argv),) = [line for line in readme_lines() if line[0] == where]
    folder = f"readme{free_port()}"
    dovecot.append("support", sample_messages(), folder=folder)
    cfg = production_config(tmp_path, dovecot.port, smtp.port, folder)
    pw = tmp_path / "imap.pw"

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(swapped(argv) + list(extra), capture_output=True, text=True,
                              env=swapped_env(env, cfg), cwd=tmp_path, timeout=120)

    # the mailbox was never read (wrong password from the start): no update at all
    pw.write_text("Wrong-Pass-0815\n")
    bad = run()
    assert bad.returncode == 1
    assert "login refused for support" in bad.stderr and "no update sent" in bad.stderr
    assert "Wrong-Pass-0815" not in bad.stderr
    assert "[AUTHENTICATIONFAILED] Authentication failed." in bad.stderr
    assert "b'" not in bad.stderr  # the server's words, not Python's repr of its bytes
    assert smtp.messages == []

    # all well: exit 0, nothing on stdout or stderr (cron mails nobody), the updates went out
    pw.write_text(PASSWORD + "\n")
    good = run()
    assert (good.returncode, good.stdout, good.stderr) == (0, "", "")
    assert {"acme", "stadtwerke", "brightline"} <= set(by_customer(smtp))

    # the mailbox cannot be read again: the next due update says so, and the run exits 1
    smtp.messages.clear()
    pw.write_text("Wrong-Pass-0815\n")
    again = run("--now", TOMORROW_7_30)
    assert again.returncode == 1 and "login refused for support" in again.stderr
    acme = by_customer(smtp)["acme"]
    assert "unvollständig" in str(acme["Subject"])
    text = text_of(acme)
    assert text.startswith("!! Achtung: dieses Update ist unvollständig !!")
    assert "Das Postfach „support“ konnte seit 18.12. 07:30 nicht gelesen werden" in text
    assert "auf dem Stand vom" in text
    assert "„support“ konnte seit" in html_of(acme)
    assert "brightline" not in by_customer(smtp)  # quiet_update: false, and nothing new

    # status shows the source's last good poll and the error
    status = subprocess.run([str(BINARY), "status", "--format", "json", "-c", str(cfg)],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    (support,) = json.loads(status.stdout)["sources"]
    assert support["name"] == "support" and support["ok"] is False
    assert support["last_ok"] and "login refused" in support["error"]


@pytestmark_e2e
@pytest.mark.e2e
def test_readme_worker_unit_starts_and_stops_cleanly(dovecot, smtp, tmp_path):
    ((env, argv),) = [(e, a) for e, a in systemd_units() if a[1] == "worker"]
    folder = f"worker{free_port()}"
    dovecot.append("support", sample_messages(), folder=folder)
    cfg = production_config(tmp_path, dovecot.port, smtp.port, folder)
    argv = [w.replace("%H-%i", "host-1") for w in argv]
    proc = subprocess.Popen(swapped(argv), env=swapped_env(env, cfg), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while len(by_customer(smtp)) < 3 and time.monotonic() < deadline \
                and proc.poll() is None:
            time.sleep(0.2)
        assert {"acme", "stadtwerke", "brightline"} <= set(by_customer(smtp))
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "stopping after the current item" in err


def test_binary_of_this_environment_exists():
    assert BINARY.exists() or shutil.which("mailsum"), BINARY


def test_shell_completion_as_documented():
    assert 'eval "$(_MAILSUM_COMPLETE=bash_source mailsum)"' in README
    env = {**os.environ, "_MAILSUM_COMPLETE": "bash_complete", "COMP_WORDS": "mailsum ru",
           "COMP_CWORD": "1"}
    out = subprocess.run([str(BINARY)], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0 and "plain,run" in out.stdout.splitlines()
