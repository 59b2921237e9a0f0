"""The sample updates, made by the real pipeline from ``examples/mailbox``.

The mailbox is fed to the runner in stages by message date (18, 20, 24, 26 November), each
stage sending an update into a collecting delivery, so the final update of Friday 27 November
08:00 has a real history behind it and its trend picture shows something.
"""

from __future__ import annotations

import email
import email.utils
import mailbox
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailsum.config.loader import load_config
from mailsum.models import RenderedUpdate, Update
from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
from mailsum.state.store import StateStore

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
BERLIN = ZoneInfo("Europe/Berlin")
STAGES = tuple(datetime(2026, 11, day, 8, 0, tzinfo=BERLIN) for day in (18, 20, 24, 26, 27))


def _config(tmp: Path, maildir: Path) -> Path:
    """examples/config.yaml with state, mailbox and output inside ``tmp``."""
    text = (EXAMPLES / "config.yaml").read_text(encoding="utf-8")
    text = (text.replace("../out/", f"{tmp}/out/")
            .replace("path: mailbox", f"path: {maildir}")
            .replace("rules: ../rules/", f"rules: {REPO}/rules/"))
    cfg = tmp / "config.yaml"
    cfg.write_text(text, encoding="utf-8")
    return cfg


def _dated_messages() -> list[tuple[datetime, str, bytes]]:
    box = mailbox.Maildir(EXAMPLES / "mailbox", factory=None, create=False)
    out = []
    for key in sorted(box.iterkeys()):
        data = box.get_bytes(key)
        msg = email.message_from_bytes(data)
        out.append((email.utils.parsedate_to_datetime(msg["Date"]), key, data))
    return out


def sample_updates(tmp: Path) -> list[tuple[Update, RenderedUpdate]]:
    """Every customer's update of 27 Nov 2026 08:00, after four earlier updates."""
    maildir = tmp / "mailbox"
    if maildir.exists():
        shutil.rmtree(maildir)
    maildir.parent.mkdir(parents=True, exist_ok=True)
    box = mailbox.Maildir(maildir, create=True)
    config = load_config(_config(tmp, maildir))
    messages = _dated_messages()
    added: set[str] = set()
    rendered: list[tuple[Update, RenderedUpdate]] = []
    for stage in STAGES:
        for when, key, data in messages:
            if when <= stage and key not in added:
                box.add(data)
                added.add(key)
        store = StateStore.open(config.state_path)
        try:
            report = Runner(config, store, CollectingDelivery(),
                            RunOptions(force=True, now=stage)).run()
        finally:
            store.close()
        rendered = list(report.rendered)
    return rendered
