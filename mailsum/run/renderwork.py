"""Render an update or digest with the user's templates: the jinja2 part of the send stage.

Its own module so that jinja2 and the template machinery are imported with the first update a
run renders (``send._render``), not by every run: a cron run with nothing due never loads them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2

from mailsum.config.loader import Config
from mailsum.errors import ConfigError
from mailsum.models import Digest, RenderedUpdate, Update
from mailsum.outbound.render import (
    HTML_TEMPLATE,
    TEXT_TEMPLATE,
    make_environment,
    render_digest,
    render_update,
)
from mailsum.run.context import RunContext

log = logging.getLogger("mailsum")


def check_templates(config: Config) -> None:
    """Compile the update templates every customer uses: a broken user template is a
    configuration error with file and line, not a failed update at 07:00."""
    folders = {config.templates} | {Path(c.templates) for c in config.rules.customers
                                    if c.templates}
    for folder in sorted(folders, key=str):
        env = make_environment(folder)
        for name in (TEXT_TEMPLATE, HTML_TEMPLATE):
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                raise ConfigError(exc.filename or name, exc.lineno, "template",
                                  exc.message or "syntax error") from None


def render(ctx: RunContext, outbox_id: str, what: Update | Digest,
           templates: Path | None) -> RenderedUpdate | None:
    """The rendered mail, or None when a user's template fails on it: that costs this update
    (reported as withheld), not the run. With ``options.check_templates`` (the CLI's runs) every
    template is compiled first, so a syntax error fails the run as a configuration error."""
    if ctx.options.check_templates and not ctx.templates_checked:
        check_templates(ctx.config)  # once per run, before its first render
        ctx.templates_checked = True
    try:
        if isinstance(what, Digest):
            return render_digest(what, templates)
        return render_update(what, templates)
    except jinja2.TemplateError as exc:
        why = f"template {getattr(exc, 'filename', None) or ''}" + (
            f":{exc.lineno}" if getattr(exc, "lineno", None) else "") + f": {exc.message}"
        log.error("%s: no update sent: %s", outbox_id, why)
        ctx.report.withheld.append(f"{outbox_id}: no update sent: {why}")
        return None
