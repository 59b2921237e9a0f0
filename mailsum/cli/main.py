"""The command line: a thin click layer that maps typed errors to messages and exit codes.

Exit codes are ``mailsum.errors.ExitCode``: 0 all well; 1 a source, customer, delivery or the
state failed; 2 configuration error; 3 another run holds the lock; 4 an unexpected error.
The global options ``-c/--config``, ``-v`` and ``-q`` work before and after the subcommand
(``mailsum -q run`` and ``mailsum run -q``), as the README's cron and systemd lines use them.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from mailsum import __version__
from mailsum.errors import ConfigError, ExitCode, LockedError, MailsumError, SourceError

log = logging.getLogger("mailsum")


def _setup_logging(verbose: int, quiet: int) -> None:
    level = logging.INFO - 10 * verbose + 10 * quiet
    handler: logging.Handler
    if sys.stderr.isatty():
        handler = _ConsoleHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    else:  # under cron: one logfmt line per event
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(LogfmtFormatter())
    root = logging.getLogger("mailsum")
    root.handlers[:] = [handler]
    root.setLevel(max(logging.DEBUG, min(logging.CRITICAL, level)))


class LogfmtFormatter(logging.Formatter):
    """``time=2026-12-03T14:35:02.113+01:00 level=info logger=mailsum msg="…"``: logfmt with
    ISO time and UTC offset, so log tools parse it and lines from two hosts sort right."""

    def format(self, record: logging.LogRecord) -> str:
        moment = datetime.fromtimestamp(record.created).astimezone()
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + self.formatException(record.exc_info)
        return (f"time={moment.isoformat(timespec='milliseconds')} "
                f"level={record.levelname.lower()} logger={record.name} msg={_quote(message)}")


def _quote(text: str) -> str:
    """A logfmt value: always quoted, with backslash, quote and line breaks escaped."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r"))
    return f'"{escaped}"'


def _settings(ctx: click.Context) -> dict[str, Any]:
    """The global options, shared by the group and every subcommand (``ctx.obj`` of the root)."""
    root = ctx.find_root()
    if root.obj is None:
        root.obj = {"config": None, "verbose": 0, "quiet": 0}
    return root.obj  # type: ignore[no-any-return]


def _quiet(ctx: click.Context) -> bool:
    """``-q``: a run where all is well prints nothing (warnings and errors still do)."""
    obj = _settings(ctx)
    return bool(obj["quiet"] > obj["verbose"])


def _set_config(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        _settings(ctx)["config"] = value


def _add_count(key: str) -> Callable[[click.Context, click.Parameter, int], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: int) -> None:
        if value:
            obj = _settings(ctx)
            obj[key] += value
            _setup_logging(obj["verbose"], obj["quiet"])
    return callback


def _global_options() -> list[click.Option]:
    """``-c``, ``-v`` and ``-q`` as options of one command; they all write the same settings."""
    return [
        click.Option(["--config", "-c"], metavar="FILE", expose_value=False, is_eager=True,
                     callback=_set_config,
                     help="Configuration file (default: $MAILSUM_CONFIG, then ./config.yaml)."),
        click.Option(["-v", "--verbose"], count=True, expose_value=False, callback=_add_count(
            "verbose"), help="More log output (repeatable); tracebacks of internal errors."),
        click.Option(["-q", "--quiet"], count=True, expose_value=False, callback=_add_count(
            "quiet"), help="Less log output (repeatable): a good run prints nothing."),
    ]


def _config_path(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    if os.environ.get("MAILSUM_CONFIG"):
        return Path(os.environ["MAILSUM_CONFIG"])
    return Path("config.yaml")


def _load(ctx: click.Context) -> Any:
    from mailsum.config.loader import load_config

    path = _config_path(_settings(ctx)["config"])
    try:
        found = path.is_file()
    except OSError as exc:  # a folder on the way that this user may not enter
        raise ConfigError(str(path), None, "", f"cannot read file: {exc.strerror}") from None
    if not found:
        raise ConfigError(str(path), None, "", "configuration file not found "
                          "(use --config, $MAILSUM_CONFIG or ./config.yaml)"
                          if not path.is_dir() else "is a folder, not a configuration file")
    return load_config(path)


class ProgressDisplay:
    """Progress on a terminal with rich: one line per phase (fetch+parse per source and folder,
    analyse threads, send updates) with count, rate and time; log lines print above it, and it
    is cleared when the run ends. Under cron (no terminal) there is none at all."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                return Text(f"{task.speed:,.0f}/s" if task.speed else "")

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                            MofNCompleteColumn(), Rate(), TimeElapsedColumn(),
                            console=_console(), transient=True)
        self.tasks: dict[str, Any] = {}

    def __call__(self, what: str, done: int, total: int) -> None:
        if not self.tasks:
            self.bar.start()
        if what not in self.tasks:
            self.tasks[what] = self.bar.add_task(what, total=total or None)
        self.bar.update(self.tasks[what], completed=done, total=total or None)

    def close(self) -> None:
        if self.tasks:
            self.bar.stop()


_CONSOLE: Any = None


def _console() -> Any:
    """One rich console on stderr, shared by logs and progress so logs print above the bar."""
    global _CONSOLE
    if _CONSOLE is None:
        from rich.console import Console

        _CONSOLE = Console(stderr=True, highlight=False)
    return _CONSOLE


class _ConsoleHandler(logging.Handler):
    """Log lines on a terminal, through the console that also draws the progress display."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            _console().print(self.format(record), markup=False, emoji=False, soft_wrap=True)
        except Exception:
            self.handleError(record)


def _progress() -> ProgressDisplay | None:
    return ProgressDisplay() if sys.stderr.isatty() else None


def _now(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _fail(code: ExitCode, message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn typed errors into one clear line and the documented exit code."""
    try:
        yield
    except ConfigError as exc:
        _fail(ExitCode.CONFIG, f"configuration error: {exc}")
    except LockedError as exc:
        _fail(ExitCode.LOCKED, f"not running: {exc}")
    except MailsumError as exc:
        _fail(ExitCode.FAILED, f"error: {exc}")


class MailsumGroup(click.Group):
    """The root command: whatever escapes a command ends as one line and a documented code.

    Typed errors get their code (2, 3, 1); anything else is a bug: one line on stderr and exit
    4, the traceback only with ``-v``, so cron mails a readable line, not 31 lines of Python.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _errors():
                return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if _settings(ctx)["verbose"] > 0:
                traceback.print_exc(file=sys.stderr)
            text = " ".join(str(exc).split()) or "(no message)"
            _fail(ExitCode.INTERNAL, f"internal error: {type(exc).__name__}: {text} "
                  "(a bug in mailsum; run again with -v for the traceback)")


@click.group(cls=MailsumGroup, params=_global_options())
@click.version_option(__version__, prog_name="mailsum")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Consolidated open-point updates per customer from service-ticket mail."""
    obj = _settings(ctx)
    _setup_logging(obj["verbose"], obj["quiet"])


def _execute(ctx: click.Context, *, poll: bool, send: bool, dry_run: bool, fmt: str,
             customers: tuple[str, ...] = (), force: bool = False, now: str | None = None
             ) -> None:
    from mailsum.run.lock import run_lock

    with _errors(), ExitStack() as held:
        config = _load(ctx)
        # an overlapping cron run stops here, before any heavy import; on PostgreSQL, runs on
        # several machines share the work through leases instead
        if not dry_run and not config.state_url:
            held.enter_context(run_lock(config.lock_path))
        from mailsum.run.factory import make_delivery
        from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
        from mailsum.state.store import StateStore

        for cid in customers:
            _known_customer(config, cid)
        progress = _progress()
        if progress:
            held.callback(progress.close)
        options = RunOptions(poll=poll, send=send, dry_run=dry_run, customers=customers,
                             force=force, now=_now(now), progress=progress,
                             unrouted_details=fmt == "json" or dry_run,
                             check_templates=True)  # before the first render: jinja2 loads there
        if dry_run:
            store = StateStore.open_scratch(config.state)
            delivery: Any = CollectingDelivery()
        else:
            store = StateStore.open(config.state)
            delivery = make_delivery(config.delivery)
        held.callback(store.close)
        report = Runner(config, store, delivery, options).run()
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        if dry_run:
            for update, rendered in report.rendered:
                click.echo(f"would send to {', '.join(update.to)}: {rendered.subject}")
        if not _quiet(ctx):  # under cron with -q, a good run must not mail anyone
            sent = (f"composed {len(report.sent)} (dry run: nothing sent)" if dry_run
                    else f"sent {len(report.sent)}")
            click.echo(
                f"fetched {report.fetched}, stored {report.stored}, duplicates "
                f"{report.duplicates}, failed {len(report.failures)}, unrouted "
                f"{report.unrouted_count}, updates {len(report.updates)}, {sent}", err=True)
    if log.getEffectiveLevel() > logging.ERROR:  # otherwise each was logged as it happened
        for err in report.problems:
            click.echo(f"failed: {err}", err=True)
    sys.exit(report.exit_code)


_format = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                       show_default=True, help="Output format.")
_dry = click.option("--dry-run", is_flag=True,
                    help="Do everything except sending and saving: runs on a copy of the state.")
_now_opt = click.option("--now", hidden=True, help="Pretend it is this ISO time (tests).")


@main.command()
@_dry
@_format
@_now_opt
@click.pass_context
def run(ctx: click.Context, dry_run: bool, fmt: str, now: str | None) -> None:
    """Poll every source, then send the updates that are due (cron's entry point)."""
    _execute(ctx, poll=True, send=True, dry_run=dry_run, fmt=fmt, now=now)


@main.command()
@_dry
@_format
@_now_opt
@click.pass_context
def poll(ctx: click.Context, dry_run: bool, fmt: str, now: str | None) -> None:
    """Poll every source and update the open points; send nothing."""
    _execute(ctx, poll=True, send=False, dry_run=dry_run, fmt=fmt, now=now)


@main.command()
@click.argument("customers", nargs=-1)
@_dry
@_format
@_now_opt
@click.pass_context
def send(ctx: click.Context, customers: tuple[str, ...], dry_run: bool, fmt: str,
         now: str | None) -> None:
    """Poll, then send an update now to CUSTOMERS (default: all), whatever the schedule says.

    It polls first, as ``run`` does, so it sends what ``preview`` shows.
    """
    _execute(ctx, poll=True, send=True, dry_run=dry_run, fmt=fmt, customers=customers,
             force=True, now=now)


@main.command()
@click.argument("customer")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write the HTML part to this file.")
@click.option("--open", "open_html", is_flag=True,
              help="Open the HTML part in a browser (a temporary file unless --html is given).")
@_format
@_now_opt
@click.pass_context
def preview(ctx: click.Context, customer: str, html_file: str | None, open_html: bool,
            fmt: str, now: str | None) -> None:
    """Render CUSTOMER's update as it would be sent now, without sending or saving anything."""
    from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
    from mailsum.state.store import StateStore

    with _errors():
        config = _load(ctx)
        _known_customer(config, customer)
        store = StateStore.open_scratch(config.state)
        report = Runner(config, store, CollectingDelivery(),
                        RunOptions(dry_run=True, force=True, customers=(customer,),
                                   now=_now(now))).run()
    if not report.rendered:
        why = "; ".join(report.problems) or "nothing to render"
        _fail(ExitCode.FAILED, f"no update for {customer}: {why}")
    update, rendered = report.rendered[0]
    if open_html and not html_file:
        import tempfile

        html_file = tempfile.mkstemp(prefix=f"mailsum-{customer}-", suffix=".html")[1]
    if html_file:
        Path(html_file).write_text(rendered.html, encoding="utf-8")
    if open_html:
        from mailsum.outbound.render import open_in_browser

        if not open_in_browser(Path(html_file)):  # type: ignore[arg-type]
            click.echo(f"no browser available; the HTML is in {html_file}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"updates": report.updates}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"Subject: {rendered.subject}\nTo: {', '.join(update.to)}\n")
        click.echo(rendered.text)
    sys.exit(report.exit_code)


@main.command()
@click.option("--interval", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds between two polls of the same source.")
@click.option("--lease", "lease", type=click.FloatRange(min=1.0), default=120.0,
              show_default=True,
              help="Seconds a claim on a source, the analysis or a customer lasts unless renewed; "
                   "a dead worker's work is taken over after this.")
@click.option("--id", "label", default="worker", show_default=True,
              help="Name of this worker in logs and leases (host and pid are added).")
@click.pass_context
def worker(ctx: click.Context, interval: float, lease: float, label: str) -> None:
    """Run continuously, sharing the work with other workers (stop with SIGTERM).

    With a PostgreSQL state, start as many workers on as many machines as you like; with the
    SQLite file, one worker holds the run lock (cron runs then exit 3).
    """
    import signal
    import threading

    from mailsum.run.holders import holder_id
    from mailsum.run.lock import run_lock

    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:  # noqa: ARG001
        if stop.is_set():
            raise KeyboardInterrupt  # a second signal: leave now, open transactions roll back
        log.info("stopping after the current item (signal %d)", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with _errors(), ExitStack() as held:
        config = _load(ctx)
        if not config.state_url:
            held.enter_context(run_lock(config.lock_path))
        from mailsum.run.factory import make_delivery
        from mailsum.run.worker import Worker, WorkerSettings
        from mailsum.state.store import StateStore

        StateStore.open(config.state).close()  # a bad URL or password fails here, at once
        settings = WorkerSettings(holder=holder_id(label), interval=interval,
                                  lease_seconds=lease)
        Worker(config, lambda: StateStore.open(config.state), make_delivery(config.delivery),
               settings, stop).run()
    sys.exit(ExitCode.OK)


@main.command()
@click.option("--connect", is_flag=True, help="Also log in to every source and the SMTP server.")
@click.pass_context
def check(ctx: click.Context, connect: bool) -> None:
    """Validate the configuration and rules; with --connect, test the servers."""
    from mailsum.outbound.deliver import DirectoryDelivery
    from mailsum.run.factory import make_delivery, make_fetcher
    from mailsum.run.renderwork import check_templates

    config = _load(ctx)
    check_templates(config)
    click.echo(f"{config.path}: OK — {len(config.sources)} source(s), "
               f"{len(config.rules.customers)} customer(s) in "
               f"{', '.join(str(f) for f in config.rules_files)}")
    if not connect:
        return
    failed = False
    for src in config.sources:
        try:
            if src.kind == "imap":
                fetcher = make_fetcher(src)
                fetcher.connect()
                try:
                    lines = fetcher.check()
                finally:
                    fetcher.close()
                click.echo(f"source {src.name}: OK ({'; '.join(lines)})")
            else:
                assert src.path is not None
                if not src.path.exists():
                    raise SourceError(src.name, f"{src.path} does not exist")
                click.echo(f"source {src.name}: OK ({src.path})")
        except MailsumError as exc:
            failed = True
            click.echo(f"source {src.name}: FAILED: {exc}", err=True)
    d = config.delivery
    if d.kind == "smtp":
        try:
            smtp = make_delivery(d)  # the same factory as run and worker: same TLS settings
            assert not isinstance(smtp, DirectoryDelivery)
            smtp.check()
            click.echo(f"delivery smtp {d.host}:{d.port}: OK")
        except MailsumError as exc:
            failed = True
            click.echo(f"delivery smtp {d.host}:{d.port}: FAILED: {exc}", err=True)
    else:
        click.echo(f"delivery directory {d.path}: OK")
    if config.state_url:  # a file is created on first use; a database must answer now
        from mailsum.state.store import StateStore

        where = config.state_url.rpartition("@")[2]  # no user name in the output
        try:
            store = StateStore.open(config.state_url, migrate=False)  # check changes nothing
            try:
                version = store.schema_version
                click.echo(f"state postgresql {where}: OK (schema version {version}"
                           + (", tables are created on the first run)" if version == 0 else
                              f", {store.message_count()} messages)"))
            finally:
                store.close()
        except MailsumError as exc:
            failed = True
            click.echo(f"state postgresql {where}: FAILED: {exc}", err=True)
    sys.exit(ExitCode.FAILED if failed else ExitCode.OK)


@main.group()
def rules() -> None:
    """Inspect the routing rules."""


@rules.command("test")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.pass_context
def rules_test(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Say which customer rule claims each message in FILES, and why."""
    from mailsum.analysis import route
    from mailsum.parse import message as parse
    from mailsum.sources import fetch

    with _errors():
        config = _load(ctx)
        for raw in fetch.read_files(list(files)):
            msg = parse.parse_message(raw.data)
            decision = route.route_message(msg, config.rules)
            who = decision.customer_id or "(fallback)"
            click.echo(f"{msg.message_id} from {msg.from_addr} {msg.subject!r}\n"
                       f"  -> {who}: {decision.reason}")


@main.command()
@click.argument("customer", required=False)
@click.option("--history", is_flag=True,
              help="Also list every change made by replies: who, when, which reply.")
@_format
@_now_opt
@click.pass_context
def status(ctx: click.Context, customer: str | None, history: bool, fmt: str,
           now: str | None) -> None:
    """List customers with their open points and last/next update."""
    from mailsum.cli.status import status_json, status_lines
    from mailsum.run.status import gather_status
    from mailsum.state.store import StateStore

    config = _load(ctx)
    _known_customer(config, customer)
    store = StateStore.open_scratch(config.state)
    shown = gather_status(config, store, _now(now) or datetime.now(UTC), customer, history)
    if fmt == "json":
        click.echo(json.dumps(status_json(shown), indent=2, ensure_ascii=False))
        return
    for line in status_lines(shown):
        click.echo(line)


def _known_customer(config: Any, customer: str | None) -> None:
    """An unknown customer id is a configuration error that lists the known ones."""
    known = sorted(c.id for c in config.rules.customers)
    if customer is not None and customer not in known:
        raise ConfigError(str(config.path), None, "customer",
                          f"unknown customer id {customer!r}; known: {', '.join(known)}")


def starter_files() -> dict[str, Path]:
    """The commented starter config and rules: in the wheel, or the checkout's own."""
    import mailsum

    inside = Path(mailsum.__file__).parent / "_starter"
    if (inside / "config.yaml").is_file():
        return {"config.yaml": inside / "config.yaml",
                "rules/customers.yaml": inside / "rules" / "customers.yaml"}
    repo = Path(mailsum.__file__).resolve().parents[1]
    return {"config.yaml": repo / "config.example.yaml",
            "rules/customers.yaml": repo / "rules" / "customers.yaml"}


@main.command()
@click.argument("folder", required=False, default=".",
                type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Write a commented starter config.yaml and rules/customers.yaml into FOLDER (default: .).

    For installs with pip or pipx, which have no checkout to copy them from; existing files are
    never overwritten.
    """
    targets = {name: folder / name for name in starter_files()}
    present = [str(p) for p in targets.values() if p.exists()]
    if present:
        _fail(ExitCode.FAILED, f"not overwriting {', '.join(present)}; nothing written")
    for name, source in starter_files().items():
        targets[name].parent.mkdir(parents=True, exist_ok=True)
        targets[name].write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        click.echo(f"wrote {targets[name]}")
    click.echo(f"next: edit both, then `mailsum --config {targets['config.yaml']} check`")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--sentences", type=click.IntRange(min=1), default=3, show_default=True,
              help="Summary sentences per thread.")
@click.option("--ratio", type=click.FloatRange(0.0, 1.0, min_open=True), default=None,
              help="Summary length as a share of the thread's sentences (overrides --sentences).")
@click.option("--own-text", is_flag=True, help="Print each message's own text instead.")
@click.option("--per-sentence", is_flag=True,
              help="Every request, question, promise and fault the sentence rules find, "
                   "instead of one point per matter.")
@click.option("--explain", is_flag=True,
              help="Under each point, the cue entries that fired for it (file:line).")
@_format
def extract(files: tuple[Path, ...], sentences: int, ratio: float | None, own_text: bool,
            per_sentence: bool, explain: bool, fmt: str) -> None:
    """Thread FILES (.eml, .mbox, Maildir) and print summaries and open points; no config."""
    from mailsum.run.files import extract_files

    with _errors():
        result = extract_files(list(files), sentences=sentences, ratio=ratio, own_text=own_text,
                               per_sentence=per_sentence, explain=explain)
    for f in result.get("failures", []):
        click.echo(f"skipped {f['source']}: {f['reason']}", err=True)
    if fmt == "json":
        click.echo(json.dumps({k: v for k, v in result.items() if k != "failures"},
                              ensure_ascii=False, indent=1))
        return
    if own_text:
        for m in result["messages"]:
            click.echo(f"== {m['message_id']}\n{m['own_text']}\n")
        return
    for t in result["threads"]:
        state = f", {t['state']}" if t.get("state") else ""
        click.echo(f"== {t['subject']} ({len(t['message_ids'])} messages{state})")
        for s in t["summary"]:
            click.echo(f"   {s}")
        for p in t["points"]:
            due = f" (due {p['due']})" if p.get("due") else ""
            click.echo(f"   [{p['kind']}/{p['status']}] {p['text']}{due}")
            for f in p.get("explain", []):
                click.echo(f"      {f['entry']}  {f['where']}  «{f['sentence']}»")
        click.echo("")


def _with_global_options(group: click.Group) -> None:
    """Every subcommand accepts ``-c``, ``-v`` and ``-q`` too (``mailsum run -q``)."""
    for command in group.commands.values():
        names = {o for p in command.params for o in getattr(p, "opts", [])}
        command.params.extend(o for o in _global_options() if not names & set(o.opts))
        if isinstance(command, click.Group):
            _with_global_options(command)


_with_global_options(main)
