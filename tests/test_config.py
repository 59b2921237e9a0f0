"""load_config: valid shapes load, every kind of mistake names file, line and key."""

from __future__ import annotations

import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest

from mailsum.config.loader import load_config, load_rules, rules_files
from mailsum.config.secrets import Secret
from mailsum.errors import ConfigError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "config"
REPO = Path(__file__).resolve().parents[1]

RULES = """\
team:
  domains: [provider.de]
customers:
  - id: acme
    match:
      - from_domain: acme.de
    contact: anna@provider.de
"""

SOURCE = """\
sources:
  - name: box
    kind: maildir
    path: mail
"""


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing needle, so tests never hard-code numbers."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[nth - 1]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write config.yaml (and rules.yaml) into a temp folder that is the working folder."""
    monkeypatch.chdir(tmp_path)

    def write(config: str, rules: str = RULES) -> Path:
        config = textwrap.dedent(config)
        if "rules:" not in config:
            config += "rules: rules.yaml\n"
        (tmp_path / "config.yaml").write_text(config)
        (tmp_path / "rules.yaml").write_text(textwrap.dedent(rules))
        return tmp_path / "config.yaml"

    return write


def fails(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


# --------------------------------------------------------------------------- valid


def test_valid_config_loads_with_defaults_and_resolved_paths(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MAILSUM_TEST_IMAP_PASSWORD", "imap-pw")
    monkeypatch.setenv("MAILSUM_TEST_SMTP_PASSWORD", "smtp-pw")
    config = load_config(FIXTURES / "valid.yaml")
    assert config.state_path == FIXTURES / "data" / "state.db"
    assert config.lock_path == FIXTURES / "data" / "state.db.lock"
    assert (config.language, config.timezone) == ("en", "Europe/London")
    imap, mbox = config.sources
    assert (imap.port, imap.security, imap.folders, imap.timeout) == (
        143, "starttls", ("INBOX", "Tickets"), 12.5)
    assert imap.password == Secret("env", "MAILSUM_TEST_IMAP_PASSWORD")
    assert mbox.path == FIXTURES / "mail" / "archive.mbox"
    assert mbox.password is None
    delivery = config.delivery
    assert (delivery.kind, delivery.port, delivery.security) == ("smtp", 587, "starttls")
    assert delivery.sender == "Service Desk <support@example.com>"
    assert delivery.reply_to == "support@example.com"
    assert config.rules_files == (FIXTURES / "valid_rules.yaml",)


def test_rules_shape_is_built_with_positions():
    text = (FIXTURES / "valid_rules.yaml").read_text()
    rules = load_rules([FIXTURES / "valid_rules.yaml"], language="en")
    assert rules.team.domains == ("provider.de",)
    assert "helper@elsewhere.example" in rules.team.addresses
    acme, beta = rules.customers
    assert acme.line == line_of(text, "- id: acme")
    assert [m.line for m in acme.match] == [
        line_of(text, "from_domain"), line_of(text, "subject:"), line_of(text, "header:")]
    assert acme.match[0].from_domain == ("acme.de", "acme-gmbh.com")
    assert acme.match[2].headers == (("X-Ticket-Customer", "ACME"),)
    assert (acme.cc, acme.schedule, acme.quiet_update, acme.timezone, acme.language) == (
        ("max@provider.de",), "30 6 * * 1-5", False, "Europe/Vienna", "en")
    assert beta.contact == ("bob@provider.de", "carol@provider.de")
    assert beta.match[0].from_address == ("it@beta.example",)  # a single mapping is one entry
    assert (beta.name, beta.language) == ("beta", "de")
    assert rules.absences[0].start == date(2026, 12, 20)
    assert rules.absences[0].until == date(2027, 1, 6)
    assert rules.fallback_contact == ("lead@provider.de",)


def test_example_config_loads_when_password_env_is_set(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MAILSUM_SUPPORT_PASSWORD", "s3cret-example")
    config = load_config(REPO / "config.example.yaml")
    assert [s.name for s in config.sources] == ["support", "sample"]
    assert config.sources[1].path == REPO / "examples" / "mailbox"
    assert config.delivery.kind == "directory"
    assert [c.id for c in config.rules.customers] == ["acme", "stadtwerke", "brightline"]
    assert config.rules.customers[2].language == "en"
    assert config.rules.fallback_contact == ("servicedesk-lead@provider.de",)
    assert "s3cret-example" not in repr(config)


def test_example_config_names_the_missing_env_var(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MAILSUM_SUPPORT_PASSWORD", raising=False)
    err = fails(REPO / "config.example.yaml")
    assert err.key == "sources[0].password_env"
    assert "MAILSUM_SUPPORT_PASSWORD is not set" in err.message


def test_secret_values_never_appear_in_config_repr(project, monkeypatch):
    monkeypatch.setenv("PW_ENV", "value-from-env-123")
    Path("pw.txt").write_text("value-from-file-456\n")
    path = project(SOURCE + """\
delivery:
  kind: smtp
  host: smtp.example.com
  username: u
  password_file: pw.txt
  from: a@example.com
secret_env: PW_ENV
""")
    config = load_config(path)
    for shown in (repr(config), str(config)):
        assert "value-from-env-123" not in shown
        assert "value-from-file-456" not in shown
    assert config.secret == Secret("env", "PW_ENV")
    assert config.delivery.password == Secret("file", str(Path("pw.txt").resolve()))


@pytest.mark.parametrize(("state", "expected"), [
    ("sqlite:///db/x.db", "db/x.db"),
    ("plain.db", "plain.db"),
])
def test_state_paths_resolve_against_the_config_folder(project, state, expected):
    path = project(f"state: {state}\n" + SOURCE)
    assert load_config(path).state_path == path.parent / expected


def test_absolute_sqlite_url(project, tmp_path):
    target = tmp_path / "elsewhere" / "s.db"
    path = project(f"state: sqlite:///{target}\n" + SOURCE)
    assert load_config(path).state_path == target


def test_missing_delivery_defaults_to_directory(project):
    config = load_config(project(SOURCE))
    assert (config.delivery.kind, config.delivery.path) == ("directory", Path.cwd() / "out")


# --------------------------------------------------------------------------- mistakes


def test_unknown_key_suggests_the_close_one(project):
    text = SOURCE.replace("    path: mail\n", "    path: mail\n    prot: 993\n")
    err = fails(project(text))
    assert str(err) == (f"config.yaml:{line_of(text, 'prot')}: sources[0].prot: "
                        "unknown key 'prot'; did you mean 'port'?")


def test_unknown_key_without_close_match_gives_no_suggestion(project):
    err = fails(project("colour: blue\n" + SOURCE))
    assert err.message == "unknown key 'colour'"
    assert (err.line, err.key) == (1, "colour")


def test_wrong_type_names_file_line_and_key(project):
    text = """\
sources:
  - name: support
    kind: imap
    host: imap.example.com
    port: abc
    username: u
    password_file: /dev/null
"""
    err = fails(project(text))
    assert str(err) == (f"config.yaml:{line_of(text, 'port: abc')}: sources[0].port: "
                        "expected an integer, got 'abc'")


def test_bool_is_not_an_integer(project):
    text = SOURCE + "    batch_size: true\n"
    err = fails(project(text))
    assert (err.key, err.message) == ("sources[0].batch_size", "expected an integer, got true")


def test_missing_required_key(project):
    text = "sources:\n  - name: box\n    path: mail\n"
    err = fails(project(text))
    assert (err.file, err.line, err.key) == ("config.yaml", 2, "sources[0].kind")
    assert err.message == "missing required key"


def test_bad_enum_value(project):
    text = SOURCE.replace("kind: maildir", "kind: pop3")
    err = fails(project(text))
    assert (err.line, err.key) == (line_of(text, "pop3"), "sources[0].kind")
    assert "expected one of imap, maildir, mbox, got 'pop3'" in err.message


def test_key_of_another_kind_is_rejected(project):
    text = SOURCE + "    host: imap.example.com\n"
    err = fails(project(text))
    assert (err.key, err.line) == ("sources[0].host", line_of(text, "host"))
    assert "does not apply to kind maildir" in err.message


def test_duplicate_source_names(project):
    text = SOURCE + "  - name: box\n    kind: mbox\n    path: m.mbox\n"
    err = fails(project(text))
    assert (err.key, err.line) == ("sources[1].name", line_of(text, "name: box", 2))
    assert "duplicate source name 'box'" in err.message


def test_duplicate_yaml_keys(project):
    text = SOURCE + "language: de\nlanguage: en\n"
    err = fails(project(text))
    assert (err.key, err.line) == ("language", line_of(text, "language: en"))
    assert "duplicate key" in err.message


def test_yaml_syntax_error_names_file_and_line(project):
    text = SOURCE + "delivery: [unclosed\nrules: rules.yaml\n"
    err = fails(project(text))
    assert err.file == "config.yaml"
    assert err.line is not None and err.line >= line_of(text, "delivery")
    assert err.message.startswith("YAML syntax error")


def test_missing_password_env_var(project, monkeypatch):
    monkeypatch.delenv("MAILSUM_SUPPORT_PASSWORD", raising=False)
    text = """\
sources:
  - name: support
    kind: imap
    host: imap.example.com
    username: u
    password_env: MAILSUM_SUPPORT_PASSWORD
"""
    err = fails(project(text))
    assert str(err) == (f"config.yaml:{line_of(text, 'password_env')}: sources[0].password_env: "
                        "environment variable MAILSUM_SUPPORT_PASSWORD is not set")


def test_missing_password_file(project):
    text = SOURCE.replace("kind: maildir\n    path: mail", (
        "kind: imap\n    host: h.example\n    username: u\n    password_file: nope.txt"))
    err = fails(project(text))
    assert err.key == "sources[0].password_file"
    assert "does not exist" in err.message


def test_imap_without_any_password_is_an_error(project):
    text = "sources:\n  - name: s\n    kind: imap\n    host: h.example\n    username: u\n"
    err = fails(project(text))
    assert err.key == "sources[0].password_env"
    assert "password_command or oauth2" in err.message


def test_literal_password_is_rejected(project):
    text = SOURCE + """\
delivery:
  kind: smtp
  host: smtp.example.com
  username: u
  password: hunter2
  from: a@example.com
"""
    err = fails(project(text))
    assert (err.key, err.line) == ("delivery.password", line_of(text, "hunter2"))
    assert err.message == ("passwords never live in the YAML; use password_env, "
                           "password_file or password_command")
    assert "hunter2" not in str(err)


def test_two_password_kinds_are_rejected(project, monkeypatch):
    monkeypatch.setenv("X_PW", "x")
    text = SOURCE + ("delivery:\n  kind: smtp\n  host: h.example\n  username: u\n"
                     "  password_env: X_PW\n  password_command: pass show x\n  from: a@b.de\n")
    err = fails(project(text))
    assert err.key == "delivery.password_command"


@pytest.mark.parametrize("host", ["mail.example.com", "10.0.0.5"])
def test_security_none_to_remote_host_is_rejected(project, host):
    text = (SOURCE + f"delivery:\n  kind: smtp\n  host: {host}\n  security: none\n"
            "  from: a@example.com\n")
    err = fails(project(text))
    assert (err.key, err.line) == ("delivery.security", line_of(text, "security: none"))
    assert "only to loopback" in err.message


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.3.2.1", "::1"])
def test_security_none_to_loopback_is_fine(project, host):
    text = (SOURCE + f"delivery:\n  kind: smtp\n  host: '{host}'\n  security: none\n"
            "  from: a@example.com\n")
    delivery = load_config(project(text)).delivery
    assert (delivery.security, delivery.port) == ("none", 25)


def test_allow_insecure_permits_security_none(project):
    text = """\
sources:
  - name: s
    kind: imap
    host: imap.example.com
    security: none
    allow_insecure: true
    username: u
    password_file: /dev/null
"""
    source = load_config(project(text)).sources[0]
    assert (source.security, source.port, source.allow_insecure) == ("none", 143, True)


def test_bad_timezone(project):
    text = "timezone: Europe/Atlantis\n" + SOURCE
    err = fails(project(text))
    assert (err.file, err.line, err.key) == ("config.yaml", 1, "timezone")
    assert "Europe/Atlantis" in err.message


def test_postgresql_state_url_is_kept_as_given(project):
    config = load_config(project("state: postgresql://mailsum@db.internal:5433/mailsum\n"
                                 + SOURCE))
    assert config.state == config.state_url == "postgresql://mailsum@db.internal:5433/mailsum"


@pytest.mark.parametrize("url, words", [
    ("postgresql://u:secret@db/mailsum", "PGPASSWORD"),
    ("postgresql://u@db", "names no database"),
    ("postgresql://u@db:port/mailsum", "not a valid PostgreSQL URL"),
])
def test_bad_postgresql_state_url(project, url, words):
    err = fails(project(f"state: {url}\n" + SOURCE))
    assert (err.line, err.key) == (1, "state")
    assert words in err.message
    assert "secret" not in str(err)  # the password is never echoed


def test_invalid_sender_address(project):
    text = SOURCE + "delivery:\n  kind: directory\n  from: Service Desk support@example.com\n"
    err = fails(project(text))
    assert (err.key, err.line) == ("delivery.from", line_of(text, "from:"))


def test_missing_rules_folder(project):
    err = fails(project(SOURCE + "rules: nowhere/\n"))
    assert err.key == "rules"
    assert "no such rules file or folder" in err.message


# --------------------------------------------------------------------------- rule mistakes


def rules_with(customer_lines: str) -> str:
    return "team:\n  domains: [provider.de]\ncustomers:\n" + textwrap.dedent(customer_lines)


def test_bad_regex_shows_the_regex_error(project):
    rules = rules_with("""\
  - id: acme
    match:
      - from_domain: acme.de
      - subject: '\\[ACME-(\\d+'
    contact: anna@provider.de
""")
    err = fails(project(SOURCE, rules))
    assert (err.file, err.line, err.key) == (
        "rules.yaml", line_of(rules, "subject"), "customers[0].match[1].subject")
    assert "invalid regular expression '\\\\[ACME-(\\\\d+'" in err.message
    assert "missing ), unterminated subpattern" in err.message


def test_bad_header_regex_names_the_header_key(project):
    rules = rules_with("""\
  - id: acme
    match:
      - header: {X-Ticket: '(unclosed'}
    contact: anna@provider.de
""")
    err = fails(project(SOURCE, rules))
    assert err.key == "customers[0].match[0].header.X-Ticket"
    assert "missing )" in err.message


def test_bad_cron_expression(project):
    rules = rules_with("""\
  - id: acme
    match: [{from_domain: acme.de}]
    contact: anna@provider.de
    schedule: "0 25 * * *"
""")
    err = fails(project(SOURCE, rules))
    assert (err.line, err.key) == (line_of(rules, "schedule"), "customers[0].schedule")
    assert "invalid cron expression '0 25 * * *'" in err.message


def test_duplicate_customer_id_across_files(project, tmp_path):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    (rules_dir / "10-a.yaml").write_text(RULES)
    second = "customers:\n  - id: acme\n    match: [{subject: x}]\n    contact: b@provider.de\n"
    (rules_dir / "20-b.yaml").write_text(second)
    err = fails(project(SOURCE + "rules: rules/\n"))
    assert (err.file, err.line, err.key) == ("rules/20-b.yaml", 2, "customers[0].id")
    assert "duplicate customer id 'acme' (first defined at rules/10-a.yaml:4)" in err.message


@pytest.mark.parametrize("bad_id", ["ACME", "-acme", "ac me"])
def test_customer_id_shape(project, bad_id):
    rules = rules_with(f"""\
  - id: '{bad_id}'
    match: [{{from_domain: acme.de}}]
    contact: anna@provider.de
""")
    err = fails(project(SOURCE, rules))
    assert err.key == "customers[0].id"


def test_customer_needs_a_contact(project):
    rules = rules_with("  - id: acme\n    match: [{from_domain: acme.de}]\n")
    err = fails(project(SOURCE, rules))
    assert (err.key, err.message) == ("customers[0].contact", "missing required key")


def test_bad_address_and_domain_and_language(project):
    cases = {
        "    contact: not-an-address\n": "customers[0].contact",
        "    contact: a@provider.de\n    owner: max\n": "customers[0].owner",
        "    contact: a@provider.de\n    language: fr\n": "customers[0].language",
        "    contact: a@provider.de\n    timezone: Mars/Olympus\n": "customers[0].timezone",
    }
    for tail, key in cases.items():
        rules = rules_with("  - id: acme\n    match: [{from_domain: acme.de}]\n" + tail)
        assert fails(project(SOURCE, rules)).key == key
    rules = rules_with("  - id: acme\n    match: [{from_domain: 'acme de'}]\n    contact: a@b.de\n")
    assert fails(project(SOURCE, rules)).key == "customers[0].match[0].from_domain"


def test_unknown_match_key_suggests(project):
    rules = rules_with("  - id: acme\n    match:\n      - subjekt: x\n    contact: a@b.de\n")
    err = fails(project(SOURCE, rules))
    assert err.key == "customers[0].match[0].subjekt"
    assert err.message == "unknown key 'subjekt'; did you mean 'subject'?"


def test_empty_match_entry(project):
    rules = rules_with("  - id: acme\n    match:\n      - {}\n    contact: a@b.de\n")
    err = fails(project(SOURCE, rules))
    assert err.key == "customers[0].match[0]"


def test_team_domains_are_required(project):
    rules = "customers:\n  - id: acme\n    match: [{subject: x}]\n    contact: a@b.de\n"
    err = fails(project(SOURCE, rules))
    assert (err.file, err.key) == ("rules.yaml", "team.domains")
    rules = "team:\n  addresses: [a@b.de]\n"
    err = fails(project(SOURCE, rules))
    assert (err.key, err.message) == ("team.domains", "missing required key")


def test_absence_dates_are_validated(project):
    rules = RULES + "absences:\n  - address: max@provider.de\n    until: next week\n"
    err = fails(project(SOURCE, rules))
    assert (err.key, err.line) == ("absences[0].until", line_of(rules, "until"))


# --------------------------------------------------------------------------- rule folders


def test_rules_folder_is_read_in_name_order(tmp_path: Path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "20-second.yml").write_text(
        "customers:\n  - id: second\n    match: [{subject: x}]\n    contact: b@provider.de\n")
    (folder / "10-first.yaml").write_text(RULES)
    (folder / "30-third.yaml").write_text(
        "customers:\n  - id: third\n    match: [{subject: y}]\n    contact: c@provider.de\n")
    (folder / "notes.txt").write_text("not rules")
    files = rules_files(folder)
    assert [p.name for p in files] == ["10-first.yaml", "20-second.yml", "30-third.yaml"]
    rules = load_rules(files)
    assert [c.id for c in rules.customers] == ["acme", "second", "third"]
    assert rules.customers[1].file.endswith("20-second.yml")


def test_empty_rules_folder_is_an_error(tmp_path: Path):
    (tmp_path / "rules").mkdir()
    with pytest.raises(ConfigError, match="holds no .yaml or .yml files"):
        rules_files(tmp_path / "rules")


def test_fallback_only_once(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(RULES + "fallback:\n  contact: a@provider.de\n")
    (tmp_path / "b.yaml").write_text("fallback:\n  contact: b@provider.de\n")
    with pytest.raises(ConfigError, match="fallback is already set"):
        load_rules([tmp_path / "a.yaml", tmp_path / "b.yaml"])


def test_shipped_rules_load(tmp_path: Path):
    copy = tmp_path / "customers.yaml"
    shutil.copy(REPO / "rules" / "customers.yaml", copy)
    rules = load_rules([copy])
    by_id = {c.id: c for c in rules.customers}
    assert by_id["acme"].match[1].subject == r"\[ACME-\d+\]"
    assert by_id["stadtwerke"].match[1].headers == (("X-Ticket-Customer", "SWT"),)
    assert (by_id["brightline"].language, by_id["brightline"].quiet_update) == ("en", False)


def test_fallback_digest_schedule_is_validated(tmp_path):
    from mailsum.config.loader import load_rules
    from mailsum.errors import ConfigError

    rules = tmp_path / "r.yaml"
    rules.write_text("team: {domains: [provider.de]}\ncustomers: []\n"
                     "fallback:\n  contact: lead@provider.de\n  schedule: '0 8 * *'\n")
    with pytest.raises(ConfigError) as err:
        load_rules((rules,))
    assert ":5:" in str(err.value) and "schedule" in str(err.value)
    rules.write_text("team: {domains: [provider.de]}\ncustomers: []\n"
                     "fallback:\n  contact: lead@provider.de\n  schedule: '0 8 * * 1'\n"
                     "  language: en\n")
    loaded = load_rules((rules,))
    assert loaded.fallback_schedule == "0 8 * * 1" and loaded.fallback_language == "en"


def test_keep_update_mails_days(project):
    assert load_config(project(SOURCE)).keep_update_mails_days == 90
    assert load_config(project("keep_update_mails_days: 30\n" + SOURCE)
                       ).keep_update_mails_days == 30
    err = fails(project("keep_update_mails_days: 0\n" + SOURCE))
    assert (err.line, err.key) == (1, "keep_update_mails_days")


def test_jobs_is_auto_or_a_count_of_processes(project):
    assert load_config(project(SOURCE)).jobs is None  # auto: one per core
    assert load_config(project("jobs: auto\n" + SOURCE)).jobs is None
    assert load_config(project("jobs: 1\n" + SOURCE)).jobs == 1
    for bad in ("jobs: 0", "jobs: many", "jobs: 2.5"):
        err = fails(project(f"{bad}\n" + SOURCE))
        assert (err.line, err.key) == (1, "jobs"), bad


def test_import_days(project):
    assert load_config(project(SOURCE)).import_days == 30
    assert load_config(project("import_days: 90\n" + SOURCE)).import_days == 90
    err = fails(project("import_days: 0\n" + SOURCE))
    assert (err.line, err.key) == (1, "import_days")


# --------------------------------------------------------------------------- issue 19


@pytest.mark.parametrize("how", ["empty file", "empty env", "short env"])
def test_an_empty_or_short_hmac_key_is_a_configuration_error(project, monkeypatch, how):
    if how == "empty file":
        Path("key.txt").write_text("\n")
        line = "secret_file: key.txt\n"
    else:
        monkeypatch.setenv("MAILSUM_SECRET", "" if how == "empty env" else "short-key")
        line = "secret_env: MAILSUM_SECRET\n"
    path = project(SOURCE + line)
    err = fails(path)
    assert (err.file, err.line) == ("config.yaml", line_of(path.read_text(), "secret_"))
    assert err.key in ("secret_file", "secret_env")
    assert "at least 16" in err.message and "mindestens 16" in err.message


def test_a_long_enough_hmac_key_is_accepted(project, monkeypatch):
    monkeypatch.setenv("MAILSUM_SECRET", "0123456789abcdef0123")
    assert load_config(project(SOURCE + "secret_env: MAILSUM_SECRET\n")).secret is not None


def test_a_catastrophic_rule_regex_runs_on_re2_in_linear_time(project):
    """'(a+)+$' took 76 s on 30 a's with re; on RE2 it is accepted and cannot backtrack."""
    from mailsum.analysis.route import route_message
    from mailsum.parse.message import parse_message

    rules = rules_with("""\
  - id: acme
    match:
      - subject: '(a+)+$'
    contact: anna@provider.de
""")
    config = load_config(project(SOURCE, rules))
    hostile = parse_message(b"From: x@evil.example\nSubject: " + b"a" * 5000 + b"!\n"
                            b"Message-ID: <h@x>\n\nhi\n")
    assert route_message(hostile, config.rules).customer_id is None  # and it returns at all
    plain = parse_message(b"From: x@evil.example\nSubject: aaa\nMessage-ID: <p@x>\n\nhi\n")
    assert route_message(plain, config.rules).customer_id == "acme"


def test_a_rule_regex_re2_cannot_run_is_refused_with_file_line_and_key(project):
    rules = rules_with("""\
  - id: acme
    match:
      - subject: '(?<=ACME-)\\d+'
    contact: anna@provider.de
""")
    err = fails(project(SOURCE, rules))
    assert (err.file, err.line, err.key) == (
        "rules.yaml", line_of(rules, "subject"), "customers[0].match[0].subject")
    assert "RE2" in err.message
