"""What an entry page's bytes are made of, per page type (issue #18: "largest entry page ≤ 40 KB").

    .venv/bin/python benchmarks/pageweight.py SITE [--all]

SITE is a built site (the demo's site/, or a corpus' cercle/site). Entry pages are the pages
Pagefind indexes (`data-pagefind-body`); their type is their section folder (en/guides,
fr/webinaires…). For each type: the number of pages, the median and largest raw HTML size,
and for the median and the largest page the bytes of each block (nested blocks are indented
under their parent and counted in it), then cross-cutting totals: inline SVG, inline
scripts, and whitespace that collapsing runs to one character would save (outside
pre/code/script/style/textarea). `--all` prints every page's size.

    .venv/bin/python benchmarks/pageweight.py SITE --flat OTHER_SITE [--margin 2000]

Flat in N (issue #18): the same entry (same address; corpus entries keep their address
whatever N) in two sites built from the same profile at two sizes: how much each page
grew from SITE to OTHER_SITE. Exits 1 when one grew by more than --margin bytes (what
grows with N is the site's frame: navigation, related entries, share block).
"""

from __future__ import annotations

import argparse
import re
import statistics
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_RAW = re.compile(r"<(pre|code|script|style|textarea)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_RUNS = re.compile(r"[ \t\r\n\f]{2,}")

# (block name, tag, class or id it must carry or None): the first rule that matches names it.
RULES: tuple[tuple[str, str, str | None], ...] = (
    ("head", "head", None),
    ("header (Material)", "header", "md-header"),
    ("search dialog", "dialog", "cercle-search"),
    ("palette + language", "form", "md-header__option"),
    ("entry header", "header", "cercle-entry__header"),
    ("sidebar", "div", "md-sidebar"),
    ("video", "section", "cercle-video"),
    ("slides", "section", "cercle-slides"),
    ("transcript", "section", "cercle-transcript"),
    ("share block", "section", "cercle-share"),
    ("print QR", "div", "cercle-print-qr"),
    ("related", "section", "cercle-related"),
    ("footer", "footer", None),
    ("article", "article", "md-content__inner"),
)


def _rule(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    classes = set()
    for name, value in attrs:
        if name in ("class", "id") and value:
            classes.update(value.split())
    for block, rule_tag, marker in RULES:
        if tag == rule_tag and (marker is None or marker in classes):
            return block
    return None


class _Spans(HTMLParser):
    """Character spans of the elements RULES names, of every <svg> and every <script>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0]
        for match in re.finditer("\n", html):
            self.lines.append(match.end())
        self.stack: list[tuple[str, int, str | None]] = []
        self.spans: list[tuple[str, int, int]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        block = _rule(tag, attrs) or ("svg" if tag == "svg" else "script" if tag == "script" else None)
        self.stack.append((tag, self._offset(), block))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.html.index(">", start) + 1
        while self.stack:
            name, begin, block = self.stack.pop()
            if block:
                self.spans.append((block, begin, end))
            if name == tag:
                break


def weigh(html: str) -> dict[str, object]:
    """Bytes per block of one page (nested blocks listed under their parent)."""
    parser = _Spans(html)
    parser.feed(html)
    parser.close()
    size = lambda a, b: len(html[a:b].encode())  # noqa: E731
    named = sorted((b, e, n) for n, b, e in parser.spans if n not in ("svg", "script"))
    named.sort(key=lambda s: (s[0], -s[1]))
    tree: list[tuple[int, str, int]] = []  # (depth, name, bytes)
    open_: list[int] = []
    top = 0
    for begin, end, name in named:
        while open_ and open_[-1] <= begin:
            open_.pop()
        if not open_:
            top += size(begin, end)
        tree.append((len(open_), name, size(begin, end)))
        open_.append(end)
    svg = [size(b, e) for n, b, e in parser.spans if n == "svg"]
    scripts = sum(size(b, e) for n, b, e in parser.spans if n == "script")
    outside = _RAW.sub("", html)
    spare = sum(len(m.group(0)) - 1 for m in _RUNS.finditer(outside))
    total = len(html.encode())
    return {
        "total": total,
        "tree": tree,
        "rest": total - top,
        "svg": (len(svg), sum(svg)),
        "scripts": scripts,
        "whitespace": spare,
    }


def entry_pages(site: Path) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = defaultdict(list)
    for page in sorted(site.glob("*/*/*/index.html")):
        if "data-pagefind-body" in page.read_text(encoding="utf-8"):
            kinds[str(page.parent.parent.relative_to(site))].append(page)
    return kinds


def _show(label: str, page: Path, site: Path) -> None:
    w = weigh(page.read_text(encoding="utf-8"))
    print(f"  {label}: {page.parent.relative_to(site)}  {w['total']:,} B")
    for depth, name, nbytes in w["tree"]:  # type: ignore[attr-defined]
        print(f"    {'  ' * depth}{name:<{24 - 2 * depth}} {nbytes:>8,}")
    count, svg_bytes = w["svg"]  # type: ignore[misc]
    print(f"    {'(outside the blocks)':<24} {w['rest']:>8,}")
    print(
        f"    of which: {count} inline SVG {svg_bytes:,} B, scripts {w['scripts']:,} B, "
        f"collapsible whitespace {w['whitespace']:,} B"
    )


def flat(small: Path, large: Path, margin: int) -> int:
    """Print how much each entry present in both sites grew; 1 when one grew by > margin."""
    before = {p.relative_to(small): p.stat().st_size for ps in entry_pages(small).values() for p in ps}
    after = {p.relative_to(large): p.stat().st_size for ps in entry_pages(large).values() for p in ps}
    growth = sorted((after[rel] - size, str(rel.parent)) for rel, size in before.items() if rel in after)
    if not growth:
        print("no entry page in both sites")
        return 1
    deltas = [g for g, _ in growth]
    print(
        f"{len(growth)} entry pages in both: growth median {statistics.median(deltas):+,.0f} B, "
        f"least {deltas[0]:+,} B ({growth[0][1]}), most {deltas[-1]:+,} B ({growth[-1][1]})"
    )
    print(f"largest entry page: {max(before.values()):,} B -> {max(after.values()):,} B")
    return 0 if deltas[-1] <= margin else 1  # a page that shrinks with N is not a failure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--all", action="store_true", help="every page's size")
    parser.add_argument("--flat", type=Path, metavar="OTHER_SITE", help="compare with a larger site")
    parser.add_argument("--margin", type=int, default=2000, help="bytes a page may grow (--flat)")
    args = parser.parse_args()
    site = args.site.resolve()
    if args.flat:
        raise SystemExit(flat(site, args.flat.resolve(), args.margin))
    for kind, pages in sorted(entry_pages(site).items()):
        pages = sorted(pages, key=lambda p: (p.stat().st_size, str(p)))
        sizes = [p.stat().st_size for p in pages]
        median = pages[(len(pages) - 1) // 2]
        middle = statistics.median(sizes)
        print(f"{kind}: {len(pages)} pages, median {middle:,.0f} B, largest {sizes[-1]:,} B")
        _show("median", median, site)
        if len(pages) > 1:
            _show("largest", pages[-1], site)
        if args.all:
            for page, nbytes in zip(pages, sizes, strict=True):
                print(f"    {nbytes:>9,}  {page.parent.relative_to(site)}")


if __name__ == "__main__":
    main()
