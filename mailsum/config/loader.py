"""Load and validate config.yaml and the routing rules it points to.

Every mistake is a ConfigError naming file, line and key, raised before anything runs; the
result is a tree of frozen dataclasses that the other modules read and never change.
"""

from __future__ import annotations

import ipaddress
import re
import shlex
from dataclasses import dataclass
from datetime import datetime
from email.policy import default as default_policy
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import re2
from croniter import CroniterBadDateError, croniter

from mailsum.config.secrets import Secret, check, hmac_key
from mailsum.config.yamlsource import Node, load_yaml
from mailsum.errors import ConfigError
from mailsum.models import Absence, Customer, Match, Rules

LANGUAGES = ("de", "en")
SOURCE_KINDS = ("imap", "maildir", "mbox")
DELIVERY_KINDS = ("smtp", "directory")
SECURITIES = ("tls", "starttls", "none")
IMAP_PORTS = {"tls": 993, "starttls": 143, "none": 143}
SMTP_PORTS = {"tls": 465, "starttls": 587, "none": 25}
OAUTH2_MECHANISMS = ("XOAUTH2", "OAUTHBEARER")
DEFAULT_TIMEZONE = "Europe/Berlin"
DEFAULT_SCHEDULE = "0 7 * * 1-5"

_ADDRESS = re.compile(
    r"^[^@\s<>(),;:\"\[\]\\]+@(localhost|([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63})$"
)
_DOMAIN = re.compile(r"^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_CUSTOMER_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HEADER_NAME = re.compile(r"^[!-9;-~]+$")


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str  # imap | maildir | mbox
    host: str | None = None
    port: int | None = None
    security: str = "tls"  # tls | starttls | none
    username: str | None = None
    password: Secret | None = None
    folders: tuple[str, ...] = ("INBOX",)
    path: Path | None = None  # maildir / mbox, resolved
    tls_verify: bool = True
    timeout: float = 30.0
    allow_insecure: bool = False
    max_message_bytes: int = 25_000_000
    batch_size: int = 100
    oauth2_token: Secret | None = None  # IMAP XOAUTH2 / OAUTHBEARER instead of a password
    oauth2_mechanism: str = "XOAUTH2"


@dataclass(frozen=True)
class DeliveryConfig:
    kind: str  # smtp | directory
    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    username: str | None = None
    password: Secret | None = None
    sender: str = "mailsum <mailsum@localhost>"  # "from": an RFC 5322 address
    reply_to: str | None = None
    path: Path | None = None  # directory, resolved
    timeout: float = 30.0
    tls_verify: bool = True
    allow_insecure: bool = False


@dataclass(frozen=True)
class ReplySettings:
    """How replies to updates are trusted (DESIGN.md §6)."""

    max_age_days: int = 30  # a reply to an older update is ignored
    require_dkim: bool = False  # trust Authentication-Results from authserv_ids only
    authserv_ids: tuple[str, ...] = ()
    answers_per_day: int = 20  # per sender; protects against mail loops


@dataclass(frozen=True)
class Config:
    path: Path
    state_path: Path
    language: str
    timezone: str
    sources: tuple[SourceConfig, ...]
    delivery: DeliveryConfig
    rules: Rules
    rules_files: tuple[Path, ...]
    templates: Path | None
    lock_path: Path
    secret: Secret | None = None  # HMAC key for reply Message-IDs; None: kept in the state store
    replies: ReplySettings = ReplySettings()
    state_url: str | None = None  # postgresql://…: shared by several workers
    # the bytes of a sent update are kept this long (resending, inspection); counts, numbers
    # and ids stay for the history and for replies
    keep_update_mails_days: int = 90
    # worker processes for parsing and extraction on a big poll; None: one per core
    jobs: int | None = None
    # points from mail this many days older than the newest mail when first read are archived
    # (the first poll of a mailbox with a long past lists the present, not every old point)
    import_days: int = 30
    # what one message may cost: CPU seconds to parse or analyse it (then it is recorded as a
    # failure and the run goes on), and the points it may raise (the rest are dropped)
    message_seconds: float | None = 20.0
    max_points_per_message: int = 50
    # the open points one update lists; the rest are counted ("… and 93 more: mailsum status")
    max_points_per_update: int = 200

    @property
    def state(self) -> Path | str:
        """Where the state lives: the PostgreSQL URL when set, else the SQLite file."""
        return self.state_url or self.state_path


# --------------------------------------------------------------------------- config.yaml

_TOP_KEYS = ("state", "language", "timezone", "sources", "delivery", "rules", "templates",
             "lock", "secret_env", "secret_file", "secret_command", "replies",
             "keep_update_mails_days", "jobs", "import_days", "message_seconds",
             "max_points_per_message", "max_points_per_update")
_REPLY_KEYS = ("max_age_days", "require_dkim", "authserv_ids", "answers_per_day")
_SOURCE_COMMON = ("name", "kind", "max_message_bytes", "batch_size")
_SOURCE_IMAP = ("host", "port", "security", "username", "password_env", "password_file",
                "password_command", "oauth2", "folders", "tls_verify", "timeout", "allow_insecure")
_SOURCE_FILE = ("path",)
_DELIVERY_COMMON = ("kind", "from", "reply_to", "timeout")
_DELIVERY_SMTP = ("host", "port", "security", "username", "password_env", "password_file",
                  "password_command", "tls_verify", "allow_insecure")
_DELIVERY_DIRECTORY = ("path",)


def load_config(path: Path) -> Config:
    """Read config.yaml and its rule files; raise ConfigError on the first mistake."""
    path = Path(path).expanduser().resolve()
    root = load_yaml(path)
    base = path.parent
    _reject_literal(root, "secret")
    top = root.mapping(_TOP_KEYS)
    language = top["language"].as_enum(LANGUAGES) if "language" in top else "de"
    timezone = _timezone(top["timezone"]) if "timezone" in top else DEFAULT_TIMEZONE
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
    keep_days = (top["keep_update_mails_days"].as_int(minimum=1, maximum=36500)
                 if "keep_update_mails_days" in top else 90)
    return Config(path=path, state_path=state_path, language=language, timezone=timezone,
                  sources=sources, delivery=delivery, rules=rules, rules_files=files,
                  templates=templates, lock_path=lock_path, secret=secret, replies=replies,
                  state_url=state_url, keep_update_mails_days=keep_days,
                  jobs=_jobs(top["jobs"]) if "jobs" in top else None,
                  import_days=(top["import_days"].as_int(minimum=1, maximum=36500)
                               if "import_days" in top else 30),
                  message_seconds=(top["message_seconds"].as_int(minimum=1, maximum=3600)
                                   if "message_seconds" in top else 20.0),
                  max_points_per_message=(
                      top["max_points_per_message"].as_int(minimum=1, maximum=10_000)
                      if "max_points_per_message" in top else 50),
                  max_points_per_update=(
                      top["max_points_per_update"].as_int(minimum=1, maximum=10_000)
                      if "max_points_per_update" in top else 200))


def _jobs(node: Node) -> int | None:
    """``auto`` (one worker process per core) or a count; 1 keeps everything in one process."""
    if node.value == "auto":
        return None
    if isinstance(node.value, str):
        raise node.expected('"auto" or a number of processes')
    return node.as_int(minimum=1, maximum=64)


def _replies(node: Node) -> ReplySettings:
    entries = node.mapping(_REPLY_KEYS)
    settings = ReplySettings(
        max_age_days=(entries["max_age_days"].as_int(minimum=1, maximum=3650)
                      if "max_age_days" in entries else 30),
        require_dkim=entries["require_dkim"].as_bool() if "require_dkim" in entries else False,
        authserv_ids=(tuple(v for v, _ in entries["authserv_ids"].as_str_list())
                      if "authserv_ids" in entries else ()),
        answers_per_day=(entries["answers_per_day"].as_int(minimum=1, maximum=10_000)
                         if "answers_per_day" in entries else 20),
    )
    if settings.require_dkim and not settings.authserv_ids:
        raise node.error("require_dkim needs authserv_ids: the receiving server's "
                         "Authentication-Results id(s) to trust")
    return settings


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
    common = {
        "max_message_bytes": (entries["max_message_bytes"].as_int(minimum=1)
                              if "max_message_bytes" in entries else 25_000_000),
        "batch_size": entries["batch_size"].as_int(minimum=1) if "batch_size" in entries else 100,
    }
    if kind != "imap":
        _require(node, entries, "path")
        return SourceConfig(name=name, kind=kind, path=_path(entries["path"], base),
                            folders=(), **common)
    _require(node, entries, "host", "username")
    host = entries["host"].as_str()
    security = entries["security"].as_enum(SECURITIES) if "security" in entries else "tls"
    allow_insecure = entries["allow_insecure"].as_bool() if "allow_insecure" in entries else False
    _check_insecure(entries.get("security"), security, host, allow_insecure)
    password = _secret(entries, "password", base)
    token, mechanism = (_oauth2(entries["oauth2"], base) if "oauth2" in entries
                        else (None, "XOAUTH2"))
    if password and token:
        raise entries["oauth2"].error("give either a password_* key or oauth2, not both")
    if not password and not token:
        raise ConfigError(node.file, node.key_line, node.child_path("password_env"),
                          "missing: an IMAP source needs password_env, password_file, "
                          "password_command or oauth2")
    folders = (tuple(text for text, _ in entries["folders"].as_str_list())
               if "folders" in entries else ("INBOX",))
    return SourceConfig(
        name=name, kind=kind, host=host,
        port=(entries["port"].as_int(1, 65535) if "port" in entries else IMAP_PORTS[security]),
        security=security, username=entries["username"].as_str(), password=password,
        folders=folders,
        tls_verify=entries["tls_verify"].as_bool() if "tls_verify" in entries else True,
        timeout=entries["timeout"].as_float() if "timeout" in entries else 30.0,
        allow_insecure=allow_insecure, oauth2_token=token, oauth2_mechanism=mechanism, **common)


def _oauth2(node: Node, base: Path) -> tuple[Secret, str]:
    _reject_literal(node, "token")
    entries = node.mapping(("token_env", "token_file", "token_command", "mechanism"))
    token = _secret(entries, "token", base)
    if token is None:
        raise ConfigError(node.file, node.key_line, node.child_path("token_env"),
                          "missing: oauth2 needs token_env, token_file or token_command")
    mechanism = (entries["mechanism"].as_enum(OAUTH2_MECHANISMS) if "mechanism" in entries
                 else "XOAUTH2")
    return token, mechanism


def _delivery(node: Node, base: Path) -> DeliveryConfig:
    _reject_literal(node, "password")
    everything = _DELIVERY_COMMON + _DELIVERY_SMTP + _DELIVERY_DIRECTORY
    entries = node.mapping(everything, required=("kind",))
    kind = entries["kind"].as_enum(DELIVERY_KINDS)
    own = _DELIVERY_COMMON + (_DELIVERY_SMTP if kind == "smtp" else _DELIVERY_DIRECTORY)
    _only_for_kind(entries, own, kind)
    reply_to = _address(entries["reply_to"]) if "reply_to" in entries else None
    timeout = entries["timeout"].as_float() if "timeout" in entries else 30.0
    if kind == "directory":
        sender = _sender(entries["from"]) if "from" in entries else DeliveryConfig.sender
        path = _path(entries["path"], base) if "path" in entries else base / "out"
        return DeliveryConfig(kind=kind, sender=sender, reply_to=reply_to, path=path,
                              timeout=timeout)
    _require(node, entries, "host", "from")
    host = entries["host"].as_str()
    security = entries["security"].as_enum(SECURITIES) if "security" in entries else "starttls"
    allow_insecure = entries["allow_insecure"].as_bool() if "allow_insecure" in entries else False
    _check_insecure(entries.get("security"), security, host, allow_insecure)
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
        security=security, username=username, password=password,
        sender=_sender(entries["from"]), reply_to=reply_to, timeout=timeout,
        tls_verify=entries["tls_verify"].as_bool() if "tls_verify" in entries else True,
        allow_insecure=allow_insecure)


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


def _timezone(node: Node) -> str:
    name = node.as_str()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise node.error(f"unknown timezone {name!r} (use a name like Europe/Berlin)") from None
    return name


def _sender(node: Node) -> str:
    text = node.as_str()
    header = default_policy.header_factory("From", text)
    addresses = header.addresses
    if header.defects or len(addresses) != 1 or not _ADDRESS.match(addresses[0].addr_spec.lower()):
        raise node.error(f"not a valid address like 'Service Desk <support@example.com>': {text!r}")
    return text


def _address(node: Node) -> str:
    text = node.as_str().lower()
    if not _ADDRESS.match(text):
        raise node.error(f"not an email address: {text!r}")
    return text


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
_CUSTOMER_KEYS = ("id", "name", "match", "contact", "cc", "owner", "language", "schedule",
                  "quiet_update", "timezone", "team", "stale_after_days", "templates")
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
    return Rules(team_domains=tuple(team_domains), team_addresses=tuple(team_addresses),
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


def _schedule(node: Node) -> str:
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
    schedule = DEFAULT_SCHEDULE
    if "schedule" in entries:
        schedule = _schedule(entries["schedule"])
    return Customer(
        id=cid,
        name=entries["name"].as_str() if "name" in entries else cid,
        match=tuple(_match(item) for item in match_items),
        contact=tuple(_address(item) for _, item in entries["contact"].as_str_list()),
        cc=(tuple(_address(item) for _, item in entries["cc"].as_str_list())
            if "cc" in entries else ()),
        owner=_address(entries["owner"]) if "owner" in entries else None,
        language=entries["language"].as_enum(LANGUAGES) if "language" in entries else language,
        schedule=schedule,
        quiet_update=entries["quiet_update"].as_bool() if "quiet_update" in entries else True,
        timezone=_timezone(entries["timezone"]) if "timezone" in entries else None,
        team=(tuple(_address(item) for _, item in entries["team"].as_str_list())
              if "team" in entries else ()),
        stale_after_days=(entries["stale_after_days"].as_int(minimum=1, maximum=3650)
                          if "stale_after_days" in entries else 14),
        templates=_customer_templates(entries["templates"]) if "templates" in entries else None,
        file=node.file,
        line=node.key_line,
    )


def _customer_templates(node: Node) -> str:
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

