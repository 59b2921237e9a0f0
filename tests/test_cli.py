"""The CLI layer: exit codes, error messages, config discovery, the lock (click's CliRunner)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailsum.cli.main import main
from mailsum.errors import ExitCode
from mailsum.run.lock import run_lock

REPO = Path(__file__).resolve().parents[1]

MAIL = textwrap.dedent("""\
    From: Petra Lang <p.lang@acme-maschinenbau.de>
    To: it-support@provider.de
    Subject: [ACME-5] Drucker im Lager
    Date: Tue, 24 Nov 2026 09:00:00 +0100
    Message-ID: <cli-1@acme-maschinenbau.de>
    Content-Type: text/plain; charset=utf-8

    Hallo,

    der Drucker im Lager druckt nicht mehr. Können Sie bitte bis Freitag jemanden schicken?

    Viele Grüße
    Petra Lang
    """)


def write_config(tmp: Path, body: str = "") -> Path:
    mailbox = tmp / "mail.mbox"
    mailbox.write_text("From MAILER-DAEMON Tue Nov 24 09:00:00 2026\n" + MAIL + "\n")
    cfg = tmp / "config.yaml"
    cfg.write_text(textwrap.dedent(f"""\
        state: sqlite:///{tmp}/state.db
        timezone: Europe/Berlin
        sources:
          - name: local
            kind: mbox
            path: {mailbox}
        delivery:
          kind: directory
          path: {tmp}/out
          from: "Service Desk <it-support@provider.de>"
          reply_to: it-support@provider.de
        rules: {REPO}/rules/
        """) + body)
    return cfg


def test_config_error_names_file_line_key_and_exits_2(tmp_path):
    cfg = write_config(tmp_path)
    cfg.write_text(cfg.read_text().replace("kind: mbox", "kind: mbox\n    prot: 3"))
    result = CliRunner().invoke(main, ["--config", str(cfg), "run"])
    assert result.exit_code == ExitCode.CONFIG
    assert "config.yaml:6" in result.output and "prot" in result.output


def test_missing_config_file_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MAILSUM_CONFIG", raising=False)
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == ExitCode.CONFIG and "config.yaml" in result.output


def test_config_found_through_environment(tmp_path, monkeypatch):
    cfg = write_config(tmp_path)
    monkeypatch.setenv("MAILSUM_CONFIG", str(cfg))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_unknown_customer_is_a_config_error(tmp_path):
    cfg = write_config(tmp_path)
    result = CliRunner().invoke(main, ["--config", str(cfg), "send", "nobody"])
    assert result.exit_code == ExitCode.CONFIG and "nobody" in result.output


def test_a_held_lock_stops_a_second_run(tmp_path):
    cfg = write_config(tmp_path)
    with run_lock(Path(f"{tmp_path}/state.db.lock")):
        result = CliRunner().invoke(main, ["--config", str(cfg), "run"])
    assert result.exit_code == ExitCode.LOCKED
    assert not (tmp_path / "out").exists()


def test_run_writes_update_and_second_run_sends_nothing(tmp_path):
    cfg = write_config(tmp_path)
    now = ["--now", "2026-11-27T07:30:00+01:00"]
    first = CliRunner().invoke(main, ["--config", str(cfg), "run", *now])
    assert first.exit_code == 0, first.output
    files = {f.name.split(".")[1]: f for f in (tmp_path / "out").glob("*.eml")}
    # ACME has mail; Stadtwerke has none but quiet_update: true; Brightline has it off
    assert set(files) == {"acme", "stadtwerke"}
    assert "Drucker" in files["acme"].read_text()
    assert "Drucker" not in files["stadtwerke"].read_text()
    second = CliRunner().invoke(main, ["--config", str(cfg), "run", *now])
    assert second.exit_code == 0
    assert len(list((tmp_path / "out").glob("*.eml"))) == 2


def test_preview_prints_and_saves_nothing(tmp_path):
    cfg = write_config(tmp_path)
    html = tmp_path / "p.html"
    result = CliRunner().invoke(main, ["--config", str(cfg), "preview", "acme", "--html",
                                       str(html), "--now", "2026-11-27T07:30:00+01:00"])
    assert result.exit_code == 0, result.output
    assert "Subject: [mailsum] ACME" in result.output and "Drucker" in result.output
    assert "<html" in html.read_text().lower()
    assert not (tmp_path / "state.db").exists() and not (tmp_path / "out").exists()


def test_preview_json_has_the_documented_fields(tmp_path):
    cfg = write_config(tmp_path)
    result = CliRunner().invoke(main, ["--config", str(cfg), "preview", "acme", "--format",
                                       "json", "--now", "2026-11-27T07:30:00+01:00"])
    data = json.loads(result.stdout)
    (update,) = data["updates"]
    assert {"customer", "to", "cc", "subject", "language", "quiet", "counts", "points",
            "resolved", "owner_changes", "threads"} <= set(update)
    assert {"number", "id", "kind", "status", "problem", "text", "owner", "raised_by", "due",
            "thread", "message_id"} <= set(update["points"][0])


def test_rules_test_explains_the_match(tmp_path):
    cfg = write_config(tmp_path)
    eml = tmp_path / "m.eml"
    eml.write_text(MAIL)
    result = CliRunner().invoke(main, ["--config", str(cfg), "rules", "test", str(eml)])
    assert result.exit_code == 0, result.output
    assert "-> acme" in result.output and "customers.yaml:" in result.output


@pytest.mark.parametrize("own_text", [False, True])
def test_extract_needs_no_config(tmp_path, own_text):
    eml = tmp_path / "m.eml"
    eml.write_text(MAIL)
    args = ["extract", "--format", "json", str(eml)] + (["--own-text"] if own_text else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    if own_text:
        (m,) = data["messages"]
        assert m["own_text"].splitlines() == [
            "Hallo,", "",
            "der Drucker im Lager druckt nicht mehr. Können Sie bitte bis Freitag jemanden "
            "schicken?", "", "Viele Grüße", "Petra Lang"]
    else:
        (t,) = data["threads"]
        assert t["message_ids"] == ["<cli-1@acme-maschinenbau.de>"]
        assert any("bis Freitag" in p["text"] for p in t["points"])
        assert all(s in MAIL for s in t["summary"])


def test_extract_per_sentence_lists_what_the_rules_find(tmp_path):
    """One matter by default (the fault and its ask); --per-sentence shows both sentences."""
    eml = tmp_path / "m.eml"
    eml.write_text(MAIL)
    one = json.loads(CliRunner().invoke(main, ["extract", "--format", "json", str(eml)]).stdout)
    each = json.loads(CliRunner().invoke(
        main, ["extract", "--format", "json", "--per-sentence", str(eml)]).stdout)
    (t1,), (t2,) = one["threads"], each["threads"]
    assert len(t1["points"]) == 1 and t1["state"] == "waiting_on_us"
    assert len(t2["points"]) == 2


def test_extract_explain_names_the_cue_entries_that_made_each_point(tmp_path):
    """--explain: for each point, the entries that fired, with the line that declares them."""
    eml = tmp_path / "m.eml"
    eml.write_text(MAIL)
    plain = json.loads(CliRunner().invoke(
        main, ["extract", "--format", "json", "--per-sentence", str(eml)]).stdout)
    assert all("explain" not in p for p in plain["threads"][0]["points"])
    data = json.loads(CliRunner().invoke(
        main, ["extract", "--format", "json", "--per-sentence", "--explain", str(eml)]).stdout)
    points = {p["kind"]: p for p in data["threads"][0]["points"]}
    assert {"blocker", "request"} <= set(points)
    for kind, point in points.items():
        fired = [f for f in point["explain"] if f["entry"].startswith(f"{kind}.")]
        assert fired, point
        for f in fired:
            assert f["sentence"] in " ".join(point["text"].split())
            path, line = f["where"].rsplit(":", 1)
            source = (Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8")
            assert f'cue("{f["entry"]}"' in source.splitlines()[int(line) - 1]
    dated = [p for p in data["threads"][0]["points"] if p["due"]]
    assert dated and all(any(f["entry"].startswith("dates.") and f["sentence"] == p["due"]
                             for f in p["explain"]) for p in dated)
    text = CliRunner().invoke(main, ["extract", "--per-sentence", "--explain", str(eml)]).output
    assert "mailsum/extract/cues/blocker.py:" in text and "mailsum/extract/cues/request.py:" in text
