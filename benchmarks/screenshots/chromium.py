"""Headless Chromium as a stand-in mail client: screenshots and layout measurements.

Only the command line is used (``--screenshot``, ``--dump-dom``), no DevTools client: a small
script appended to the mail's HTML measures the page after layout and writes the figures into
the DOM, which ``--dump-dom`` then prints.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1", "--mute-audio",
)
TIMEOUT = 60

# The mail is laid out in an iframe exactly ``width`` pixels wide (headless windows have a minimum
# width of 500), and measured from the wrapper once everything has loaded. ``srcdoc`` frames
# share the wrapper's origin, so the wrapper may look inside. Several pages can be measured in
# one browser start, one frame each.
_HEAD = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body style="margin:0">\n'
_FRAME = ('<iframe style="display:block;border:0;width:{width}px;height:{height}px"'
          ' srcdoc="{srcdoc}"></iframe>\n')
_PROBE = """<script>
function measure(frame) {
  var win = frame.contentWindow, doc = frame.contentDocument, root = doc.documentElement;
  var w = win.innerWidth, wide = [], all = doc.body.getElementsByTagName("*");
  for (var i = 0; i < all.length; i++) {
    var r = all[i].getBoundingClientRect();
    if (r.right > w + 0.5 && wide.length < 10) {
      wide.push(all[i].tagName + " " + Math.round(r.right) + " " +
                (all[i].textContent || "").trim().slice(0, 60));
    }
  }
  return {innerWidth: w, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight,
          text: doc.body.innerText, wide: wide};
}
window.addEventListener("load", function () {
  var frames = document.getElementsByTagName("iframe"), results = [];
  for (var i = 0; i < frames.length; i++) results.push(measure(frames[i]));
  var pre = document.createElement("pre");
  pre.id = "mailsum-probe";
  pre.textContent = JSON.stringify(results);
  document.body.appendChild(pre);
});
</script>
"""
_RESULT = re.compile(r'<pre id="mailsum-probe">(.*?)</pre>', re.S)


@dataclass
class Layout:
    inner_width: int
    scroll_width: int  # wider than inner_width: the reader has to scroll sideways
    scroll_height: int
    text: str  # what a reader sees (innerText)
    wide: list[str]  # the first elements that stick out on the right, for the error message

    @property
    def overflow(self) -> int:
        return max(0, self.scroll_width - self.inner_width)


def find_chromium() -> str | None:
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(binary: str, args: list[str], profile: Path,
         dark: bool = False) -> subprocess.CompletedProcess[str]:
    # --force-dark-mode makes prefers-color-scheme dark, as a phone in dark mode does.
    extra = ["--force-dark-mode"] if dark else []
    return subprocess.run(
        [binary, *FLAGS, *extra, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def _wrap(pages: list[tuple[str, int]], height: int, *, probe: bool) -> str:
    frames = "".join(_FRAME.format(width=w, height=height, srcdoc=html.escape(page, quote=True))
                     for page, w in pages)
    return _HEAD + frames + (_PROBE if probe else "") + "</body></html>\n"


def measure_many(binary: str, pages: list[tuple[str, int]], height: int = 800, *,
                 dark: bool = False) -> list[Layout]:
    """Lay out each (page, width) in its own frame, all in one browser start."""
    wrapper = _wrap(pages, height, probe=True)
    widest = max(w for _, w in pages)
    with tempfile.TemporaryDirectory(prefix="mailsum-chromium-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(wrapper, encoding="utf-8")
        out = _run(binary, [f"--window-size={max(widest, 500) + 20},{height + 20}",
                            "--virtual-time-budget=3000",
                            "--dump-dom", path.as_uri()], Path(tmp) / "profile", dark)
    found = _RESULT.search(out.stdout)
    if not found:
        raise RuntimeError(f"chromium printed no measurement (exit {out.returncode}): "
                           f"{out.stderr[-2000:]}")
    return [Layout(inner_width=d["innerWidth"], scroll_width=d["scrollWidth"],
                   scroll_height=d["scrollHeight"], text=d["text"], wide=d["wide"])
            for d in json.loads(html.unescape(found.group(1)))]


def measure(binary: str, page: str, width: int, height: int = 800, *,
            dark: bool = False) -> Layout:
    """Lay ``page`` out in a window ``width`` pixels wide and report what the reader gets."""
    return measure_many(binary, [(page, width)], height, dark=dark)[0]


def screenshot(binary: str, page: str, png: Path, width: int, height: int, *,
               dark: bool = False, clip_height: int | None = None) -> Path:
    """Render ``page`` to ``png`` at ``width`` x ``height`` (use the measured page height).

    The mail sits in a frame of exactly that size in the top left corner; the capture is cut to
    the window size, so it shows the frame and nothing else even below the 500px window minimum.
    ``clip_height`` keeps only the top of the page.
    """
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="mailsum-chromium-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(_wrap([(page, width)], height, probe=False), encoding="utf-8")
        window = f"--window-size={width},{min(height, clip_height or height)}"
        out = _run(binary, [window, "--virtual-time-budget=2000",
                            f"--screenshot={png.resolve()}", path.as_uri()],
                   Path(tmp) / "profile", dark)
    if not png.exists():
        raise RuntimeError(f"chromium wrote no screenshot (exit {out.returncode}): "
                           f"{out.stderr[-2000:]}")
    return png
