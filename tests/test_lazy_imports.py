"""A cron run with nothing to do does not load the parse, analysis and render stacks (issue 21).

Each command runs in a fresh interpreter (this test process has imported everything long ago)
and reports the modules it loaded. The first run of the same mailbox must load them: that is
what shows the probe would see them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOW = ["--now", "2026-11-27T07:30:00+01:00"]

PARSE_AND_ANALYSIS = ("mailparser", "charset_normalizer", "numpy", "snowballstemmer",
                      "mailsum.parse", "mailsum.analysis", "mailsum.extract", "mailsum.text.rank",
                      "mailsum.replies", "mailsum.run.parsework", "mailsum.run.threadwork",
                      "mailsum.run.analyse", "mailsum.run.files")
RENDER = ("jinja2", "mailsum.outbound.render", "mailsum.run.renderwork")

# the CLI as cron calls it, then the names of the modules it loaded into PROBE_OUT
PROBE = textwrap.dedent("""\
    import json, os, sys
    from mailsum.cli.main import main
    code = 0
    try:
        main(sys.argv[1:], prog_name="mailsum")
    except SystemExit as exc:
        code = exc.code
    with open(os.environ["PROBE_OUT"], "w") as out:
        json.dump({"code": code, "modules": sorted(sys.modules)}, out)
    """)


def heavy(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def probe(tmp: Path, *args: str) -> tuple[int, list[str]]:
    out = tmp / "probe.json"
    env = dict(os.environ, PROBE_OUT=str(out))
    subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    found = json.loads(out.read_text())
    return found["code"], found["modules"]


def sample_config(tmp: Path) -> Path:
    """The bundled sample Maildir (30 messages, three customers) with a state of its own."""
    shutil.copytree(REPO / "examples" / "mailbox", tmp / "mailbox")
    cfg = tmp / "config.yaml"
    cfg.write_text(textwrap.dedent(f"""\
        state: {tmp}/state.db
        language: de
        timezone: Europe/Berlin
        sources:
          - name: sample
            kind: maildir
            path: {tmp}/mailbox
        delivery:
          kind: directory
          path: {tmp}/updates
          from: "Service Desk <it-support@provider.de>"
          reply_to: it-support@provider.de
        rules: {REPO}/rules/
        """))
    return cfg


@pytest.fixture(scope="module")
def polled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """A sample mailbox after its first run: every update of this morning sent."""
    tmp = tmp_path_factory.mktemp("lazy")
    cfg = sample_config(tmp)
    code, modules = probe(tmp, "--config", str(cfg), "run", *NOW)
    assert code == 0
    return tmp, cfg, modules


def test_the_first_run_loads_the_stacks_it_uses(polled):
    tmp, _, modules = polled
    assert len(list((tmp / "updates").glob("*.eml"))) >= 3  # the run did its work
    loaded = heavy(modules, PARSE_AND_ANALYSIS + RENDER)
    for name in ("mailparser", "numpy", "jinja2", "mailsum.parse.message",
                 "mailsum.extract.points", "mailsum.text.rank"):
        assert name in loaded


@pytest.mark.parametrize("command", [["run"], ["poll"], ["status"], ["run", "--dry-run"]])
def test_a_run_with_nothing_new_and_nothing_due_loads_neither(polled, command):
    tmp, cfg, _ = polled
    before = sorted((tmp / "updates").iterdir())
    code, modules = probe(tmp, "--config", str(cfg), *command, *NOW)
    assert code == 0
    assert heavy(modules, PARSE_AND_ANALYSIS + RENDER) == []
    assert sorted((tmp / "updates").iterdir()) == before  # and nothing was sent again


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"]])
def test_help_loads_neither(polled, command):
    tmp, _, _ = polled
    code, modules = probe(tmp, *command)
    assert code == 0
    assert heavy(modules, PARSE_AND_ANALYSIS + RENDER) == []


def test_check_compiles_the_templates_but_parses_no_mail(polled):
    tmp, cfg, _ = polled
    code, modules = probe(tmp, "--config", str(cfg), "check")
    assert code == 0
    assert heavy(modules, PARSE_AND_ANALYSIS) == []
    assert "jinja2" in modules  # validating the templates is check's work


def test_new_mail_loads_only_the_parse_and_analysis_stacks_when_no_update_is_due(polled):
    tmp, cfg, _ = polled
    mail = next((tmp / "mailbox" / "cur").iterdir()).read_bytes()
    (tmp / "mailbox" / "new" / "lazy-1.eml").write_bytes(mail.replace(
        b"Message-ID: <", b"Message-ID: <lazy-1.", 1))
    code, modules = probe(tmp, "--config", str(cfg), "poll", *NOW)
    assert code == 0
    assert "mailsum.parse.message" in modules and "mailsum.extract.points" in modules
    assert heavy(modules, RENDER) == []  # poll sends nothing


# --------------------------------------------------------------------------- worker processes

# a run whose pool starts at once, with two workers; an audit hook in this process (inherited
# by the forked workers) writes down what a worker imports and which functions it unpickles
WORKERS = textwrap.dedent("""\
    import os, sys
    parent = os.getpid()
    seen = open(sys.argv[2], "a", buffering=1)

    def hook(event, args):
        if os.getpid() == parent:
            return
        if event == "import":
            seen.write(f"import {args[0]}\\n")
        elif event == "pickle.find_class":
            seen.write(f"call {args[0]}.{args[1]}\\n")

    sys.addaudithook(hook)
    from mailsum.config.loader import load_config
    from mailsum.run import workpool
    from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
    from mailsum.state.store import StateStore

    workpool.START_AFTER = 0  # the sample mailbox is small: start the pool with the first batch
    config = load_config(sys.argv[1])
    store = StateStore.open(config.state)
    report = Runner(config, store, CollectingDelivery(), RunOptions(jobs=2, force=True)).run()
    store.close()
    assert report.stored == 30 and report.sent, report
    """)


def test_forked_workers_do_not_import_the_stages_again(tmp_path):
    cfg = sample_config(tmp_path)
    seen = tmp_path / "worker-events.txt"
    subprocess.run([sys.executable, "-c", WORKERS, str(cfg), str(seen)], cwd=tmp_path,
                   check=True, timeout=300)
    events = seen.read_text().splitlines()
    calls = {e.removeprefix("call ") for e in events if e.startswith("call ")}
    # both stages ran in the workers: the poll's parse and the analysis's extraction
    assert "mailsum.run.parsework.parse_all" in calls
    assert "mailsum.run.threadwork.analyze_threads" in calls
    imported = [e.removeprefix("import ") for e in events if e.startswith("import ")]
    assert heavy(imported, PARSE_AND_ANALYSIS + ("mailsum",)) == []
