"""Config keys are declared once (``setting`` on their field); the loader, the defaults and the
documentation (config.example.yaml, rules/customers.yaml, README) all agree with that table."""

from __future__ import annotations

import re
from dataclasses import MISSING, Field
from pathlib import Path
from typing import Any

import pytest

from mailsum.config import loader
from mailsum.config.loader import (
    Config,
    DeliveryConfig,
    ReplySettings,
    SourceConfig,
    declared_keys,
    load_config,
)
from mailsum.config.yamlsource import parse_yaml
from mailsum.models import Customer, Setting, settings

REPO = Path(__file__).resolve().parents[1]
DECLARING = (Config, ReplySettings, SourceConfig, DeliveryConfig, Customer)


def _declared() -> list[tuple[type, Field[Any], Setting]]:
    return [(cls, f, s) for cls in DECLARING for f, s in settings(cls)]


def _read(setting: Setting, text: str) -> Any:
    """What the loader makes of ``text`` (YAML) given for the key ``setting`` declares."""
    node = parse_yaml(f"value: {text}\n", "doc.yaml").value["value"]
    return loader._READERS[setting.check](node, setting)


def _by_key(classes: tuple[type, ...] = DECLARING) -> dict[str, list[tuple[Setting, Any]]]:
    """YAML key -> (declaration, default) of every class in ``classes`` that declares it."""
    out: dict[str, list[tuple[Setting, Any]]] = {}
    for cls, f, s in _declared():
        if cls in classes:
            out.setdefault(s.key.rpartition(".")[2], []).append((s, f.default))
    return out


def test_every_declared_key_has_a_reader_a_default_and_a_doc():
    assert len(_declared()) >= 19  # the keys whose defaults were once written twice
    for cls, f, s in _declared():
        assert s.check in loader._READERS, (cls.__name__, f.name)
        assert f.default is not MISSING, (cls.__name__, f.name)
        assert s.doc.strip(), (cls.__name__, f.name)


def test_the_loader_accepts_exactly_the_declared_keys_and_the_hand_read_ones():
    assert set(declared_keys(Config)) <= set(loader._TOP_KEYS)
    assert set(loader._TOP_KEYS) - set(declared_keys(Config)) == {
        "state", "sources", "delivery", "rules", "templates", "lock", "secret_env",
        "secret_file", "secret_command", "replies"}
    assert set(loader._REPLY_KEYS) == {"max_age_days", "require_dkim", "authserv_ids",
                                       "answers_per_day"}
    assert "from" in loader._DELIVERY_COMMON and "sender" not in loader._DELIVERY_COMMON
    assert declared_keys(SourceConfig, "imap", "oauth2") == ("mechanism",)
    assert "mechanism" not in loader._SOURCE_IMAP  # it lives under oauth2:


def test_an_absent_key_takes_the_declared_default(tmp_path: Path):
    (tmp_path / "rules.yaml").write_text(
        "team: {domains: [provider.de]}\ncustomers:\n  - id: acme\n    match: {from_domain: "
        "acme.de}\n    contact: anna@provider.de\n")
    (tmp_path / "config.yaml").write_text(
        "rules: rules.yaml\nsources:\n  - {name: box, kind: maildir, path: mail}\n"
        "replies: {}\n")
    config = load_config(tmp_path / "config.yaml")
    assert (config.language, config.timezone, config.import_days, config.jobs) == (
        "de", "Europe/Berlin", 30, None)
    assert config.replies == ReplySettings()
    assert (config.sources[0].batch_size, config.sources[0].max_message_bytes) == (
        100, 25_000_000)
    acme = config.rules.customers[0]
    assert (acme.schedule, acme.stale_after_days, acme.quiet_update) == (
        "0 7 * * 1-5", 14, True)


def test_a_given_key_is_read_with_its_declared_check(tmp_path: Path):
    (tmp_path / "rules.yaml").write_text("team: {domains: [provider.de]}\n")
    (tmp_path / "config.yaml").write_text(
        "rules: rules.yaml\nsources:\n  - {name: box, kind: maildir, path: mail}\n"
        "import_days: 0\n")
    with pytest.raises(loader.ConfigError) as caught:
        load_config(tmp_path / "config.yaml")
    assert (caught.value.line, caught.value.key) == (4, "import_days")
    assert caught.value.message == "must be at least 1, got 0"


# ----------------------------------------------------------------------------- documentation

_COMMENTED = re.compile(r"^\s*#\s*([a-z_0-9]+):\s+([^#\n]+?)\s*(?:#|$)")
# the smtp block needs a "from": its commented line shows an example, not the default
_EXAMPLES = {"from"}


def test_a_commented_out_key_in_the_example_config_shows_its_declared_default():
    doc = "config.example.yaml"
    keys = _by_key((Config, ReplySettings, SourceConfig, DeliveryConfig))
    checked = 0
    for line in (REPO / doc).read_text().splitlines():
        found = _COMMENTED.match(line)
        if not found or found[1] not in keys or found[1] in _EXAMPLES:
            continue
        key, text = found.groups()
        if all(default in (None, ()) for _, default in keys[key]):
            continue  # no default to show: the line gives an example
        assert any(_read(s, text) == default for s, default in keys[key]), (doc, line)
        checked += 1
    assert checked >= 10


def test_every_declared_key_is_documented_in_the_examples():
    documented = (REPO / "config.example.yaml").read_text() + (
        REPO / "rules" / "customers.yaml").read_text()
    for _, _, s in _declared():
        key = s.key.rpartition(".")[2]
        assert re.search(rf"^\s*#?\s*{key}:", documented, re.M), key


def test_readme_defaults_are_the_declared_ones():
    readme = (REPO / "README.md").read_text()
    keys = _by_key()
    found = re.findall(r"`([a-z_]+):?`(?: per \w+)? \(default ([^;)]+)", readme)
    assert len(found) >= 6
    for key, said in found:
        assert key in keys, key
        first = said.split(", one")[0].strip("`")  # "`auto`, one per core"
        value = first.replace(",", "") if re.fullmatch(r"[\d,]+", first) else first
        assert any(_read(s, value) == default for s, default in keys[key]), (key, said)
