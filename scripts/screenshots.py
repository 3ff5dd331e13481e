"""PNG screenshots of every page type of a built hub, in both languages, at 1280 and 375 px.

For review (the pull-request workflow keeps them as an artifact): Debian's Chromium through
Playwright (executable_path, never `playwright install`), the site served on 127.0.0.1,
full pages, light scheme. Files are named <page type>-<language>-<width>.png.

    python scripts/screenshots.py site/ build/screenshots/
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve_gzip  # noqa: E402
from tests.browser.fixtures import CHROMIUM_ARGS  # noqa: E402
from tests.quality.conftest import PAGE_TYPES  # noqa: E402  (the one list of the demo's page types)

WIDTHS = {1280: 800, 375: 667}


def shoot(site: Path, out: Path, browser: Any, kinds: list[str] | None = None) -> list[Path]:
    """Screenshots of `kinds` (every page type by default) at each width; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    base, stop = serve_gzip.start(site)
    try:
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
            page = context.new_page()
            for kind, path in PAGE_TYPES.items():
                if kinds is not None and kind not in kinds:
                    continue
                if not (site / (path if path.endswith(".html") else path + "index.html")).is_file():
                    print(f"screenshots: {kind}: {path} is not in this site, skipped", file=sys.stderr)
                    continue
                page.goto(f"{base}/{path}", wait_until="networkidle")
                target = out / f"{kind}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
    finally:
        stop()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--chromium", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    args = parser.parse_args()
    if not os.access(args.chromium, os.X_OK):
        raise SystemExit(f"screenshots: Chromium not found at {args.chromium} (make chromium installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS)
        written = shoot(args.site, args.out, browser)
        browser.close()
    print(f"screenshots: {len(written)} PNG files in {args.out}/")


if __name__ == "__main__":
    main()
