"""Render the sample updates to PNG at desktop and phone width, light and dark.

    python benchmarks/screenshots/render.py [--out out/screenshots] [--docs]

Runs the real pipeline on ``examples/mailbox`` (see samples.py), lays every update's HTML part
out in headless Chromium at 1024 and 375 pixels, writes ``<customer>-<width>[-dark].png`` and
the HTML next to them, and prints the measured page widths (a page wider than its window makes
the reader scroll sideways). ``--docs`` also refreshes the two README pictures in
``docs/screenshots/`` (the top of ACME's update; run pngquant on them when it is installed).
Exit status 1 when a page overflows, 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(REPO)]

import chromium  # noqa: E402
import samples  # noqa: E402

WIDTHS = (1024, 375)
DOCS = {1024: 1100, 375: 1400}  # width -> height of the README crop
DOCS_CUSTOMER = "acme"


def _optimise(png: Path) -> None:
    """Lossy palette compression when pngquant is there; the PNG stays as it is otherwise."""
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--quality=60-90",
                        "--output", str(png), str(png)], check=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "out" / "screenshots")
    ap.add_argument("--docs", action="store_true", help="refresh docs/screenshots/*.png")
    args = ap.parse_args(argv)
    binary = chromium.find_chromium()
    if not binary:
        print("chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    figures = []
    with tempfile.TemporaryDirectory(prefix="mailsum-samples-") as tmp:
        updates = samples.sample_updates(Path(tmp))
    for update, rendered in updates:
        cid = update.customer_id
        (args.out / f"{cid}.html").write_text(rendered.html, encoding="utf-8")
        (args.out / f"{cid}.txt").write_text(rendered.text, encoding="utf-8")
        for width in WIDTHS:
            layout = chromium.measure(binary, rendered.html, width)
            for dark in (False, True):
                name = f"{cid}-{width}{'-dark' if dark else ''}.png"
                chromium.screenshot(binary, rendered.html, args.out / name, width,
                                    layout.scroll_height, dark=dark)
            figures.append({"customer": cid, "width": width, "scroll_width": layout.scroll_width,
                            "overflow": layout.overflow, "height": layout.scroll_height,
                            "wide": layout.wide})
            print(f"{cid:12} {width:5}px  page {layout.scroll_width}px wide, "
                  f"{layout.scroll_height}px tall, overflow {layout.overflow}px")
            if args.docs and cid == DOCS_CUSTOMER:
                png = REPO / "docs" / "screenshots" / f"update-{cid}-{width}.png"
                chromium.screenshot(binary, rendered.html, png, width, layout.scroll_height,
                                    clip_height=DOCS[width])
                _optimise(png)
                print(f"  {png.relative_to(REPO)}: {png.stat().st_size // 1024} KiB")
    (args.out / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 1 if any(f["overflow"] for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
