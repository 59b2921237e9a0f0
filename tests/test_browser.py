"""The HTML part in a real browser: headless Chromium lays out the sample updates.

The sample updates come from the real pipeline on ``examples/mailbox`` (fed in stages, so the
trend has a history); Chromium renders each at desktop (1024) and phone (375) width, and the
test checks what a reader would notice: sideways scrolling, missing points, broken umlauts.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mailsum.models import RenderedUpdate, Update

SHOTS = Path(__file__).resolve().parents[1] / "benchmarks" / "screenshots"
WIDTHS = (1024, 375)


def _load(name: str) -> ModuleType:
    """The benchmark's helpers, under names that cannot clash with other test helpers."""
    spec = importlib.util.spec_from_file_location(f"mailsum_shots_{name}", SHOTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


chromium = _load("chromium")
samples = _load("samples")
BINARY = chromium.find_chromium()

pytestmark = pytest.mark.skipif(
    BINARY is None, reason="needs a headless browser: Debian package `chromium` (apt-get install "
    "chromium; fonts-dejavu-core for the text)")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def updates(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Update, RenderedUpdate]]:
    found = samples.sample_updates(tmp_path_factory.mktemp("samples"))
    assert {u.customer_id for u, _ in found} == {"acme", "stadtwerke", "brightline"}
    return found


@pytest.fixture(scope="module")
def layouts(updates: list[tuple[Update, RenderedUpdate]]) -> dict[tuple[str, int], object]:
    jobs = [(u.customer_id, w, r.html) for u, r in updates for w in WIDTHS]
    found = chromium.measure_many(BINARY, [(page, w) for _, w, page in jobs])
    return {(cid, w): layout for (cid, w, _), layout in zip(jobs, found, strict=True)}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scrolling(layouts: dict, updates: list, width: int) -> None:
    for update, _ in updates:
        layout = layouts[(update.customer_id, width)]
        assert layout.inner_width == width
        assert layout.overflow == 0, (update.customer_id, layout.scroll_width, layout.wide)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_point_is_visible_with_its_umlauts(layouts: dict, updates: list,
                                                 width: int) -> None:
    umlauts = 0
    for update, _ in updates:
        seen = _flat(layouts[(update.customer_id, width)].text)
        assert update.points, update.customer_id
        for p in update.points:
            assert _flat(p.text) in seen, (update.customer_id, p.number, p.text)
            assert f"{p.number}." in seen
        still_open = {p.thread_subject for p in update.points}
        for r in update.resolved if not update.quiet else []:
            # one line per settled ticket; progress on an open ticket stands in its line
            assert r.thread_subject in still_open or _flat(r.thread_subject) in seen
        umlauts += len(re.findall("[äöüÄÖÜß]", seen))
        assert "Ã" not in seen and "\ufffd" not in seen  # no mojibake, no replacement chars
    assert umlauts > 0  # the German updates really carry umlauts to check


def test_the_trend_is_drawn(layouts: dict, updates: list) -> None:
    drawn = [u for u, r in updates if u.history and not u.quiet]
    assert drawn, "the staged sample run gives at least one update a history"
    for update in drawn:
        seen = layouts[(update.customer_id, 375)].text
        assert ("Verlauf" if update.language == "de" else "Trend") in seen


def test_long_german_compound_wraps_on_a_phone(updates: list) -> None:
    """A word wider than the phone must break; without the wrap styles the same page scrolls."""
    _, rendered = updates[0]
    word = "Datenschutzfolgenabschätzungsverfahrensdokumentationspflicht"
    page = rendered.html.replace("</h1>", f" {word * 2}</h1>", 1)
    unwrapped = page.replace("overflow-wrap:anywhere;word-break:break-word;", "")
    wrapped, control = chromium.measure_many(BINARY, [(page, 375), (unwrapped, 375)])
    assert wrapped.overflow == 0
    assert control.overflow > 0  # the check can fail


def test_phone_screenshot_is_phone_wide(tmp_path: Path, updates: list) -> None:
    """375px is below headless Chromium's window minimum; the capture is still 375 wide."""
    _, rendered = updates[0]
    png = chromium.screenshot(BINARY, rendered.html, tmp_path / "phone.png", 375, 900)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")) == (375, 900)
