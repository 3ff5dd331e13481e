"""Long lists over numbered pages, in real builds: every entry reachable, no page growing with N."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import mkdocs_build, write
from tests.html import by_class, hreflangs, page, switcher, text, unresolved_links


def set_page_size(project: Path, size: int) -> None:
    config = project / "mkdocs.yml"
    data = config.read_text(encoding="utf-8")
    anchor = "      today: 2026-11-17\n"
    assert anchor in data
    config.write_text(data.replace(anchor, f"{anchor}      listing_page_size: {size}\n"), encoding="utf-8")


def pagination(site: Path, url: str) -> dict[str, list[tuple[str, str]]]:
    navs = by_class(page(site, url), "cercle-pagination")
    if not navs:
        return {}
    links = [(text(a), a.get("href")) for a in navs[0].iter("a")]
    current = [(text(a), a.get("href")) for a in navs[0].iter("a") if a.get("aria-current") == "page"]
    rel = [(a.get("rel"), a.get("href")) for a in navs[0].iter("a") if a.get("rel")]
    return {"links": links, "current": current, "rel": rel, "label": [(navs[0].get("aria-label"), "")]}


def test_a_listing_longer_than_a_page_goes_on_over_numbered_pages(demo_project):
    set_page_size(demo_project, 2)
    result = mkdocs_build(demo_project)
    assert result.returncode == 0, result.output
    site = demo_project / "site"
    first, second = "fr/guides/", "fr/guides/page/2/"
    assert (site / second / "index.html").is_file()
    nav = pagination(site, first)
    assert nav["current"] == [("1", "./")] and ("next", "page/2/") in nav["rel"]
    assert nav["label"] == [("Pages de la liste", "")]
    later = pagination(site, second)
    assert later["current"] == [("2", "./")] and ("prev", "../../") in later["rel"]
    # Every guide once, over the pages, and no page with more than two.
    per_page = [by_class(next(page(site, u).iter("article")), "cercle-card") for u in (first, second)]
    assert [len(cards) for cards in per_page] == [2, 2]
    titles = [text(c) for cards in per_page for c in cards]
    assert len(set(titles)) == 4
    root = page(site, second)
    assert text(next(root.iter("title"))).startswith("Guides (page 2 sur 2)")
    assert hreflangs(root) == {}  # no page of the English list is this one's translation
    assert switcher(root)["en"].get("href") == "../../../../en/guides/"
    og = [m.get("content") for m in root.iter("meta") if m.get("property") == "og:image"]
    assert og == ["https://cercle.example.org/assets/cards/fr/guides.png"]  # the list's own card
    assert not (site / "assets" / "cards" / "fr" / "guides" / "page").exists()
    assert unresolved_links(site, second)[1] == []
    # The menu keeps one entry per list.
    menu = [a.get("href") for a in root.iter("a") if "md-nav__link" in (a.get("class") or "")]
    assert not any("page/" in (href or "") for href in menu)
    # A topic and "to share" go on the same way, and MkDocs' sitemap lists the later pages.
    assert (site / "fr" / "themes" / "volontariat" / "page" / "2" / "index.html").is_file()
    assert (site / "fr" / "a-partager" / "page" / "2" / "index.html").is_file()
    shared = by_class(next(page(site, "fr/a-partager/page/2/").iter("article")), "cercle-share")
    assert 1 <= len(shared) <= 2
    assert "fr/guides/page/2/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_large_archive_keeps_its_listing_pages_small(demo_project):
    for n in range(120):
        write(
            demo_project / "content" / "fr" / "guides" / f"g{n:03d}.md",
            f'---\ntitle: "Guide {n:03d} : faire grandir un programme"\ndate: 2023-0{n % 9 + 1}-1{n % 10}\n'
            "topics: [volontariat]\n---\nTexte.\n",
        )
    config = demo_project / "mkdocs.yml"
    data = config.read_text(encoding="utf-8")
    start, end = data.index("  - cercle/cards:"), data.index("markdown_extensions:")
    config.write_text(data[:start] + "\n" + data[end:], encoding="utf-8")  # cercle/hub alone: fast
    assert mkdocs_build(demo_project).returncode == 0
    site = demo_project / "site"
    folder = site / "fr" / "guides"
    pages = [folder / "index.html", *sorted((folder / "page").glob("*/index.html"))]
    assert len(pages) == 6  # 124 guides, 24 a page
    sizes = [p.stat().st_size for p in pages]
    assert max(sizes) < 1.3 * min(sizes[:-1]), sizes  # the same size whatever the page
    topic = site / "fr" / "themes" / "volontariat"
    assert (topic / "page" / "5" / "index.html").is_file()
    assert pagination(site, "fr/guides/page/3/")["current"] == [("3", "./")]
