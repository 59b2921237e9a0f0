"""Load and validate config.yaml and the routing rules it points to.

Every mistake is a ConfigError naming file, line and key, raised before anything runs; the
result is a tree of frozen dataclasses that the other modules read and never change.
"""

from __future__ import annotations

import ipaddress
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.policy import default as default_policy
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import re2
from croniter import CroniterBadDateError, croniter

from mailsum.config.secrets import Secret, check, hmac_key
from mailsum.config.yamlsource import Node, load_yaml
from mailsum.errors import ConfigError
from mailsum.models import Absence, Customer, Match, Rules, Setting, Team, setting, settings

LANGUAGES = ("de", "en")
SOURCE_KINDS = ("imap", "maildir", "mbox")
DELIVERY_KINDS = ("smtp", "directory")
SECURITIES = ("tls", "starttls", "none")
IMAP_PORTS = {"tls": 993, "starttls": 143, "none": 143}
SMTP_PORTS = {"tls": 465, "starttls": 587, "none": 25}
OAUTH2_MECHANISMS = ("XOAUTH2", "OAUTHBEARER")

_ADDRESS = re.compile(
    r"^[^@\s<>(),;:\"\[\]\\]+@(localhost|([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63})$"
)
_DOMAIN = re.compile(r"^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_CUSTOMER_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HEADER_NAME = re.compile(r"^[!-9;-~]+$")


# --------------------------------------------------------------------------- dataclasses


# Each key with a fixed default is declared once, as ``setting(default, check, doc)`` on its
# field: the loader reads and checks it from that declaration (``_values``), and the dataclass
# default is the key's default. Keys whose default depends on others (ports, paths, the lock)
# or that need more than one node (passwords) are read by hand below.


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str  # imap | maildir | mbox
    host: str | None = None
    port: int | None = None  # default: by security (IMAP_PORTS)
    security: str = setting("tls", "enum", "tls | starttls | none (none only to loopback)",
                            choices=SECURITIES, kinds=("imap",))
    username: str | None = None
    password: Secret | None = None
    folders: tuple[str, ...] = setting(("INBOX",), "strings", "the IMAP folders to read",
                                       kinds=("imap",))
    path: Path | None = None  # maildir / mbox, resolved
    tls_verify: bool = setting(True, "bool", "false skips certificate checks",
                               kinds=("imap",))
    timeout: float = setting(30.0, "float", "seconds per network operation", kinds=("imap",))
    allow_insecure: bool = setting(False, "bool", "true permits security none to other hosts",
                                   kinds=("imap",))
    max_message_bytes: int = setting(25_000_000, "int", "larger messages are recorded as "
                                     "failures and skipped", minimum=1)
    batch_size: int = setting(100, "int", "messages fetched per round trip", minimum=1)
    oauth2_token: Secret | None = None  # IMAP XOAUTH2 / OAUTHBEARER instead of a password
    oauth2_mechanism: str = setting("XOAUTH2", "enum", "XOAUTH2 | OAUTHBEARER",
                                    key="oauth2.mechanism", choices=OAUTH2_MECHANISMS,
                                    kinds=("imap",))


@dataclass(frozen=True)
class DeliveryConfig:
    kind: str  # smtp | directory
    host: str | None = None
    port: int | None = None  # default: by security (SMTP_PORTS)
    security: str = setting("starttls", "enum", "tls | starttls | none (none only to loopback)",
                            choices=SECURITIES, kinds=("smtp",))
    username: str | None = None
    password: Secret | None = None
    sender: str = setting("mailsum <mailsum@localhost>", "sender",
                          "RFC 5322 address: From of every update", key="from")
    reply_to: str | None = setting(None, "address", "where replies to updates go")
    path: Path | None = None  # directory, resolved; default out/ next to the config
    timeout: float = setting(30.0, "float", "seconds per network operation")
    tls_verify: bool = setting(True, "bool", "false skips certificate checks", kinds=("smtp",))
    allow_insecure: bool = setting(False, "bool", "true permits security none to other hosts",
                                   kinds=("smtp",))


@dataclass(frozen=True)
class ReplySettings:
    """How replies to updates are trusted (DESIGN.md §6)."""

    max_age_days: int = setting(30, "int", "a reply to an update older than this is ignored",
                                minimum=1, maximum=3650)
    require_dkim: bool = setting(False, "bool", "trust Authentication-Results from "
                                 "authserv_ids only")
    authserv_ids: tuple[str, ...] = setting((), "strings", "the receiving servers whose "
                                            "Authentication-Results are trusted")
    answers_per_day: int = setting(20, "int", "answers per sender and day; protects against "
                                   "mail loops", minimum=1, maximum=10_000)


@dataclass(frozen=True)
class Config:
    path: Path
    state_path: Path
    sources: tuple[SourceConfig, ...]
    delivery: DeliveryConfig
    rules: Rules
    rules_files: tuple[Path, ...]
    templates: Path | None
    lock_path: Path
    language: str = setting("de", "enum", "de | en: default language of updates",
                            choices=LANGUAGES)
    timezone: str = setting("Europe/Berlin", "timezone", "for schedules and dates in updates")
    secret: Secret | None = None  # HMAC key for reply Message-IDs; None: kept in the state store
    replies: ReplySettings = ReplySettings()
    state_url: str | None = None  # postgresql://…: shared by several workers
    keep_update_mails_days: int = setting(
        90, "int", "days the bytes of a sent update are kept (resending, inspection); counts, "
        "numbers and ids stay for the history and for replies", minimum=1, maximum=36500)
    jobs: int | None = setting(None, "jobs", "worker processes for parsing and extraction on a "
                               "big poll: auto (none: one per core) or a count")
    import_days: int = setting(
        30, "int", "points from mail this many days older than the newest mail when first "
        "read are archived (a first poll lists the present)", minimum=1, maximum=36500)
    message_seconds: float | None = setting(
        20.0, "int", "CPU seconds one message may cost to parse or analyse (then it is "
        "recorded as a failure and the run goes on)", minimum=1, maximum=3600)
    max_points_per_message: int = setting(50, "int", "points one message may raise; the rest "
                                          "are dropped", minimum=1, maximum=10_000)
    max_points_per_update: int = setting(200, "int", "open points one update lists; the rest "
                                         "are counted", minimum=1, maximum=10_000)

    @property
    def state(self) -> Path | str:
        """Where the state lives: the PostgreSQL URL when set, else the SQLite file."""
        return self.state_url or self.state_path


# --------------------------------------------------------------------------- config.yaml

def declared_keys(cls: type, kind: str | None = None, section: str = "") -> tuple[str, ...]:
    """The YAML keys ``cls`` declares in ``section`` ("" the mapping itself), for every kind
    (``kind`` None) or those only ``kind`` has."""
    out = []
    for _, declared in settings(cls):
        head, _, key = declared.key.rpartition(".")
        if head == section and (declared.kinds == () if kind is None else kind in declared.kinds):
            out.append(key)
    return tuple(out)


def _values(cls: type, entries: dict[str, Node], section: str = "") -> dict[str, Any]:
    """The declared keys of ``cls`` given in ``entries``, read and checked as declared, by field
    name; a key not given is left out, so the dataclass default (its declared default) holds."""
    out: dict[str, Any] = {}
    for f, declared in settings(cls):
        head, _, key = declared.key.rpartition(".")
        if head == section and key in entries:
            out[f.name] = _READERS[declared.check](entries[key], declared)
    return out


_TOP_KEYS = ("state", "sources", "delivery", "rules", "templates", "lock", "secret_env",
             "secret_file", "secret_command", "replies", *declared_keys(Config))
_REPLY_KEYS = declared_keys(ReplySettings)
_SOURCE_COMMON = ("name", "kind", *declared_keys(SourceConfig))
_SOURCE_IMAP = ("host", "port", "username", "password_env", "password_file",
                "password_command", "oauth2", *declared_keys(SourceConfig, "imap"))
_SOURCE_FILE = ("path",)
_DELIVERY_COMMON = ("kind", *declared_keys(DeliveryConfig))
_DELIVERY_SMTP = ("host", "port", "username", "password_env", "password_file",
                  "password_command", *declared_keys(DeliveryConfig, "smtp"))
_DELIVERY_DIRECTORY = ("path",)


def load_config(path: Path) -> Config:
    """Read config.yaml and its rule files; raise ConfigError on the first mistake."""
    path = Path(path).expanduser().resolve()
    root = load_yaml(path)
    base = path.parent
    _reject_literal(root, "secret")
    top = root.mapping(_TOP_KEYS)
    values = _values(Config, top)
    language = values.get("language", Config.language)
    state_url = _state_url(top["state"]) if "state" in top else None
    state_path = (_state_path(top["state"], base) if "state" in top and not state_url
                  else base / "mailsum.db")
    lock_path = (_path(top["lock"], base) if "lock" in top
                 else state_path.with_name(state_path.name + ".lock"))
    if "sources" not in top:
        raise ConfigError(root.file, None, "sources", "missing required key")
    sources = _sources(top["sources"], base)
    delivery = (_delivery(top["delivery"], base) if "delivery" in top
                else DeliveryConfig(kind="directory", path=base / "out"))
    rules_node = top.get("rules")
    rules_target = _path(rules_node, base) if rules_node else base / "rules"
    files = rules_files(rules_target, rules_node, root.file)
    rules = load_rules(files, language)
    templates = None
    if "templates" in top:
        templates = _path(top["templates"], base)
        if not templates.is_dir():
            raise top["templates"].error(f"templates folder {templates} does not exist")
    secret = _secret(top, "secret", base)
    if secret is not None and secret.kind != "command":  # a command runs only when needed
        hmac_key(secret)
    replies = _replies(top["replies"]) if "replies" in top else ReplySettings()
    return Config(path=path, state_path=state_path, sources=sources, delivery=delivery,
                  rules=rules, rules_files=files, templates=templates, lock_path=lock_path,
                  secret=secret, replies=replies, state_url=state_url, **values)


def _jobs(node: Node, _: Setting | None = None) -> int | None:
    """``auto`` (one worker process per core) or a count; 1 keeps everything in one process."""
    if node.value == "auto":
        return None
    if isinstance(node.value, str):
        raise node.expected('"auto" or a number of processes')
    return node.as_int(minimum=1, maximum=64)


def _replies(node: Node) -> ReplySettings:
    entries = node.mapping(_REPLY_KEYS)
    replies = ReplySettings(**_values(ReplySettings, entries))
    if replies.require_dkim and not replies.authserv_ids:
        raise node.error("require_dkim needs authserv_ids: the receiving server's "
                         "Authentication-Results id(s) to trust")
    return replies


def _sources(node: Node, base: Path) -> tuple[SourceConfig, ...]:
    items = node.items()
    if not items:
        raise node.error("at least one source is required")
    seen: dict[str, int] = {}
    sources = []
    for item in items:
        source = _source(item, base)
        if source.name in seen:
            name_node = item.value["name"]
            raise name_node.error(
                f"duplicate source name {source.name!r} (first given on line {seen[source.name]})")
        seen[source.name] = item.value["name"].key_line
        sources.append(source)
    return tuple(sources)


def _source(node: Node, base: Path) -> SourceConfig:
    _reject_literal(node, "password")
    everything = _SOURCE_COMMON + _SOURCE_IMAP + _SOURCE_FILE
    entries = node.mapping(everything, required=("name", "kind"))
    name = entries["name"].as_str()
    kind = entries["kind"].as_enum(SOURCE_KINDS)
    own = _SOURCE_COMMON + (_SOURCE_IMAP if kind == "imap" else _SOURCE_FILE)
    _only_for_kind(entries, own, kind)
    if kind != "imap":
        _require(node, entries, "path")
        return SourceConfig(name=name, kind=kind, path=_path(entries["path"], base),
                            folders=(), **_values(SourceConfig, entries))
    _require(node, entries, "host", "username")
    host = entries["host"].as_str()
    values = _values(SourceConfig, entries)
    security = values.get("security", SourceConfig.security)
    _check_insecure(entries.get("security"), security, host,
                    values.get("allow_insecure", SourceConfig.allow_insecure))
    password = _secret(entries, "password", base)
    token = None
    if "oauth2" in entries:
        token, oauth2_values = _oauth2(entries["oauth2"], base)
        values.update(oauth2_values)
    if password and token:
        raise entries["oauth2"].error("give either a password_* key or oauth2, not both")
    if not password and not token:
        raise ConfigError(node.file, node.key_line, node.child_path("password_env"),
                          "missing: an IMAP source needs password_env, password_file, "
                          "password_command or oauth2")
    return SourceConfig(
        name=name, kind=kind, host=host,
        port=(entries["port"].as_int(1, 65535) if "port" in entries else IMAP_PORTS[security]),
        username=entries["username"].as_str(), password=password, oauth2_token=token, **values)


def _oauth2(node: Node, base: Path) -> tuple[Secret, dict[str, Any]]:
    """The token, and the declared keys of ``oauth2`` (its mechanism) by field name."""
    _reject_literal(node, "token")
    entries = node.mapping(("token_env", "token_file", "token_command",
                            *declared_keys(SourceConfig, "imap", "oauth2")))
    token = _secret(entries, "token", base)
    if token is None:
        raise ConfigError(node.file, node.key_line, node.child_path("token_env"),
                          "missing: oauth2 needs token_env, token_file or token_command")
    return token, _values(SourceConfig, entries, "oauth2")


def _delivery(node: Node, base: Path) -> DeliveryConfig:
    _reject_literal(node, "password")
    everything = _DELIVERY_COMMON + _DELIVERY_SMTP + _DELIVERY_DIRECTORY
    entries = node.mapping(everything, required=("kind",))
    kind = entries["kind"].as_enum(DELIVERY_KINDS)
    own = _DELIVERY_COMMON + (_DELIVERY_SMTP if kind == "smtp" else _DELIVERY_DIRECTORY)
    _only_for_kind(entries, own, kind)
    values = _values(DeliveryConfig, entries)
    if kind == "directory":
        path = _path(entries["path"], base) if "path" in entries else base / "out"
        return DeliveryConfig(kind=kind, path=path, **values)
    _require(node, entries, "host", "from")
    host = entries["host"].as_str()
    security = values.get("security", DeliveryConfig.security)
    _check_insecure(entries.get("security"), security, host,
                    values.get("allow_insecure", DeliveryConfig.allow_insecure))
    username = entries["username"].as_str() if "username" in entries else None
    password = _secret(entries, "password", base)
    if username and not password:
        raise ConfigError(node.file, entries["username"].key_line, node.child_path("password_env"),
                          "missing: a username needs password_env, password_file or "
                          "password_command")
    if password and not username:
        raise ConfigError(node.file, node.key_line, node.child_path("username"),
                          "missing: a password is given but no username")
    return DeliveryConfig(
        kind=kind, host=host,
        port=entries["port"].as_int(1, 65535) if "port" in entries else SMTP_PORTS[security],
        username=username, password=password, **values)


# --------------------------------------------------------------------------- config helpers


def _reject_literal(node: Node, name: str) -> None:
    """A plain ``password:`` (or ``secret:``/``token:``) key would put a secret in the YAML."""
    if isinstance(node.value, dict) and name in node.value:
        raise node.value[name].error(
            f"{name}s never live in the YAML; use {name}_env, {name}_file or {name}_command")


def _secret(entries: dict[str, Node], name: str, base: Path) -> Secret | None:
    found = [(kind, entries[f"{name}_{kind}"]) for kind in ("env", "file", "command")
             if f"{name}_{kind}" in entries]
    if not found:
        return None
    if len(found) > 1:
        raise found[1][1].error(f"give only one of {name}_env, {name}_file, {name}_command")
    kind, node = found[0]
    if kind == "command" and isinstance(node.value, list):
        ref = shlex.join(text for text, _ in node.as_str_list())
    else:
        ref = node.as_str()
    if kind == "env" and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ref):
        raise node.error(f"not an environment variable name: {ref!r}")
    if kind == "file":
        ref = str(_path(node, base))
    secret = Secret(kind=kind, ref=ref, file=node.file, line=node.key_line, key=node.path)
    check(secret)
    return secret


def _only_for_kind(entries: dict[str, Node], own: tuple[str, ...], kind: str) -> None:
    for key, child in entries.items():
        if key not in own:
            raise child.error(f"key {key!r} does not apply to kind {kind}")


def _require(node: Node, entries: dict[str, Node], *keys: str) -> None:
    for key in keys:
        if key not in entries:
            raise ConfigError(node.file, node.key_line, node.child_path(key),
                              "missing required key")


def _check_insecure(node: Node | None, security: str, host: str, allowed: bool) -> None:
    if security == "none" and not allowed and not _is_loopback(host):
        message = (f"security none sends the password in clear text to {host}; it is allowed "
                   "only to loopback hosts unless allow_insecure: true")
        if node is None:  # cannot happen: "none" is never the default
            raise ConfigError("", None, "security", message)
        raise node.error(message)


def _is_loopback(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _path(node: Node, base: Path) -> Path:
    path = Path(node.as_str()).expanduser()
    return (path if path.is_absolute() else base / path).resolve()


def _state_url(node: Node) -> str | None:
    """A PostgreSQL URL for several workers; the password comes from libpq, never the file."""
    text = node.as_str()
    if not text.startswith(("postgresql://", "postgres://")):
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise node.error(f"not a valid PostgreSQL URL: {exc}") from exc
    if parts.password:
        raise node.error("do not write the database password into the config; set PGPASSWORD "
                         "or use a ~/.pgpass file (libpq reads both)")
    if not parts.path.strip("/") and "dbname=" not in parts.query:
        raise node.error("the PostgreSQL URL names no database: postgresql://USER@HOST/DBNAME")
    return text


def _state_path(node: Node, base: Path) -> Path:
    text = node.as_str()
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        raise node.error(f"unsupported state store {text.split('://')[0]!r}; use sqlite:///PATH")
    if not text:
        raise node.error("sqlite:/// needs a file path")
    path = Path(text).expanduser()
    return (path if path.is_absolute() else base / path).resolve()


def _timezone(node: Node, _: Setting | None = None) -> str:
    name = node.as_str()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise node.error(f"unknown timezone {name!r} (use a name like Europe/Berlin)") from None
    return name


def _sender(node: Node, _: Setting | None = None) -> str:
    text = node.as_str()
    header = default_policy.header_factory("From", text)
    addresses = header.addresses
    if header.defects or len(addresses) != 1 or not _ADDRESS.match(addresses[0].addr_spec.lower()):
        raise node.error(f"not a valid address like 'Service Desk <support@example.com>': {text!r}")
    return text


def _address(node: Node, _: Setting | None = None) -> str:
    text = node.as_str().lower()
    if not _ADDRESS.match(text):
        raise node.error(f"not an email address: {text!r}")
    return text


def _addresses(node: Node, _: Setting | None = None) -> tuple[str, ...]:
    return tuple(_address(item) for _, item in node.as_str_list())




# --------------------------------------------------------------------------- rules


def rules_files(target: Path, node: Node | None = None, config_file: str = "") -> tuple[Path, ...]:
    """A rules file, or all *.yaml/*.yml files of a folder sorted by name."""

    def fail(message: str) -> ConfigError:
        if node is not None:
            return node.error(message)
        return ConfigError(config_file or str(target), None, "rules", message)

    if target.is_file():
        return (target,)
    if target.is_dir():
        files = sorted((p for p in target.iterdir()
                        if p.suffix in (".yaml", ".yml") and p.is_file()), key=lambda p: p.name)
        if not files:
            raise fail(f"rules folder {target} holds no .yaml or .yml files")
        return tuple(files)
    raise fail(f"no such rules file or folder: {target}")


_RULES_KEYS = ("team", "customers", "fallback", "absences")
_CUSTOMER_KEYS = ("id", "name", "match", "contact", *declared_keys(Customer))
_MATCH_KEYS = ("from_domain", "from_address", "to_address", "subject", "header")


def load_rules(files: tuple[Path, ...] | list[Path], language: str = "de") -> Rules:
    """Concatenate rule files in the given order; customers keep file order for first-match."""
    team_domains: list[str] = []
    team_addresses: list[str] = []
    customers: list[Customer] = []
    seen_ids: dict[str, str] = {}
    fallback: tuple[str, ...] = ()
    fallback_schedule: str | None = None
    fallback_language = language
    fallback_at = ""
    absences: list[Absence] = []
    first_file = ""
    for path in files:
        root = load_yaml(path)
        first_file = first_file or root.file
        top = root.mapping(_RULES_KEYS)
        if "team" in top:
            domains, addresses = _team(top["team"])
            team_domains += [d for d in domains if d not in team_domains]
            team_addresses += [a for a in addresses if a not in team_addresses]
        if "fallback" in top:
            if fallback_at:
                raise top["fallback"].error(f"fallback is already set at {fallback_at}")
            fallback, fallback_schedule, fallback_language = _fallback(top["fallback"],
                                                                       language)
            fallback_at = f"{root.file}:{top['fallback'].key_line}"
        for item in top["customers"].items() if "customers" in top else []:
            customer = _customer(item, language)
            if customer.id in seen_ids:
                raise item.value["id"].error(
                    f"duplicate customer id {customer.id!r} (first defined at "
                    f"{seen_ids[customer.id]})")
            seen_ids[customer.id] = f"{customer.file}:{customer.line}"
            customers.append(customer)
            team_addresses += [a for a in customer.team if a not in team_addresses]
        for item in top["absences"].items() if "absences" in top else []:
            absences.append(_absence(item))
    if not team_domains:
        raise ConfigError(first_file or "rules", None, "team.domains",
                          "missing: at least one team domain is required (who is 'us')")
    return Rules(team=Team(tuple(team_domains), tuple(team_addresses)),
                 customers=tuple(customers), fallback_contact=fallback,
                 fallback_schedule=fallback_schedule, fallback_language=fallback_language,
                 absences=tuple(absences))


def _team(node: Node) -> tuple[list[str], list[str]]:
    entries = node.mapping(("domains", "addresses"), required=("domains",))
    domains = [_domain(text, item) for text, item in entries["domains"].as_str_list()]
    addresses = ([_address(item) for _, item in entries["addresses"].as_str_list()]
                 if "addresses" in entries else [])
    return domains, addresses


def _fallback(node: Node, language: str) -> tuple[tuple[str, ...], str | None, str]:
    """Contact(s) for threads no rule claims; with a schedule they get a digest of them."""
    entries = node.mapping(("contact", "schedule", "language"))
    contact = (tuple(_address(item) for _, item in entries["contact"].as_str_list())
               if "contact" in entries else ())
    schedule = None
    if "schedule" in entries:
        schedule = _schedule(entries["schedule"])
        if not contact:
            raise entries["schedule"].error("a digest schedule needs a contact")
    lang = entries["language"].as_enum(LANGUAGES) if "language" in entries else language
    return contact, schedule, lang


def _schedule(node: Node, _: Setting | None = None) -> str:
    """A cron expression whose day comes: ``0 0 31 2 *`` is valid cron but never due, and every
    run would fail looking for its tick, so it is refused here with file, line and key."""
    schedule = node.as_str()
    if len(schedule.split()) != 5 or not croniter.is_valid(schedule):
        raise node.error(f"invalid cron expression {schedule!r} (five fields: minute hour day "
                         "month weekday, e.g. '0 7 * * 1-5')")
    start = datetime(2000, 1, 1)  # a leap year comes within croniter's search from here
    try:
        croniter(schedule, start).get_next(datetime)
        croniter(schedule, datetime(2100, 1, 1)).get_prev(datetime)
    except CroniterBadDateError:
        raise node.error(f"cron expression {schedule!r} names a day that never comes "
                         "(e.g. 31 February)") from None
    return schedule


def _customer(node: Node, language: str) -> Customer:
    entries = node.mapping(_CUSTOMER_KEYS, required=("id", "match", "contact"))
    cid = entries["id"].as_str()
    if not _CUSTOMER_ID.match(cid):
        raise entries["id"].error(
            f"customer id {cid!r} must be lower-case letters, digits, '_' or '-', "
            "starting with a letter or digit")
    match_node = entries["match"]
    match_items = [match_node] if isinstance(match_node.value, dict) else match_node.items()
    if not match_items:
        raise match_node.error("at least one match entry is required")
    name = entries["name"].as_str() if "name" in entries else cid
    match = tuple(_match(item) for item in match_items)
    contact = tuple(_address(item) for _, item in entries["contact"].as_str_list())
    values = {"language": language, **_values(Customer, entries)}  # the config's by default
    return Customer(id=cid, name=name, match=match, contact=contact, file=node.file,
                    line=node.key_line, **values)


def _customer_templates(node: Node, _: Setting | None = None) -> str:
    """A template folder for one customer, relative to the rules file that names it."""
    folder = Path(node.as_str()).expanduser()
    if not folder.is_absolute():
        folder = Path(node.file).resolve().parent / folder
    if not folder.is_dir():
        raise node.error(f"templates folder {folder} does not exist")
    return str(folder)


def _match(node: Node) -> Match:
    entries = node.mapping(_MATCH_KEYS)
    if not entries:
        raise node.error(f"a match entry needs at least one of {', '.join(_MATCH_KEYS)}")
    subject = None
    if "subject" in entries:
        patterns = [_regex(text, item) for text, item in entries["subject"].as_str_list()]
        subject = patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)
    headers: list[tuple[str, str]] = []
    if "header" in entries:
        header_node = entries["header"]
        if not isinstance(header_node.value, dict) or not header_node.value:
            raise header_node.error("expected a mapping like {X-Ticket-Customer: ACME}")
        for name, value_node in header_node.value.items():
            if not _HEADER_NAME.match(name):
                raise value_node.error(f"not a header name: {name!r}")
            headers.append((name, _regex(value_node.as_str(), value_node)))

    def addresses(key: str) -> tuple[str, ...]:
        return (tuple(_address(item) for _, item in entries[key].as_str_list())
                if key in entries else ())

    return Match(
        file=node.file,
        line=node.key_line,
        from_domain=(tuple(_domain(text, item) for text, item in
                           entries["from_domain"].as_str_list())
                     if "from_domain" in entries else ()),
        from_address=addresses("from_address"),
        to_address=addresses("to_address"),
        subject=subject,
        headers=tuple(headers),
    )


def _absence(node: Node) -> Absence:
    entries = node.mapping(("address", "until", "from"), required=("address", "until"))
    until = entries["until"].as_date()
    start = entries["from"].as_date() if "from" in entries else None
    if start and start > until:
        raise entries["from"].error(f"starts ({start}) after it ends ({until})")
    return Absence(address=_address(entries["address"]), until=until, start=start)


def _domain(text: str, node: Node) -> str:
    domain = text.lower().rstrip(".")
    if not _DOMAIN.match(domain):
        raise node.error(f"not a domain name: {text!r}")
    return domain


def _regex(pattern: str, node: Node) -> str:
    """A rule's regular expression, in the syntax of RE2, which routing runs it on.

    RE2 matches in linear time (mail from anyone is matched against these), so it has no
    look-around and no back-references; such a pattern is refused here with its file and line.
    """
    try:
        re.compile(pattern)
    except re.error as exc:
        raise node.error(f"invalid regular expression {pattern!r}: {exc}") from None
    options = re2.Options()
    options.log_errors = False
    try:
        re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise node.error(
            f"regular expression {pattern!r} not supported: {reason} (rules run on RE2: linear "
            "time, no look-around or back-references / Regeln laufen auf RE2: lineare Zeit, "
            "ohne Look-around und Rückverweise)") from None
    return pattern


# how a declared key is read and checked, by its ``check``
_READERS: dict[str, Callable[[Node, Setting], Any]] = {
    "int": lambda node, s: node.as_int(s.minimum, s.maximum),
    "float": lambda node, s: node.as_float(),
    "bool": lambda node, s: node.as_bool(),
    "enum": lambda node, s: node.as_enum(s.choices),
    "strings": lambda node, s: tuple(text for text, _ in node.as_str_list()),
    "address": _address,
    "addresses": _addresses,
    "sender": _sender,
    "timezone": _timezone,
    "schedule": _schedule,
    "jobs": _jobs,
    "customer_templates": _customer_templates,
}
