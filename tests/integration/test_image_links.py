"""Every image a built page points to is in the site: cards, their network shapes (drawn only
for entries meant to be shared), pictures, slides; og:image included."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.html import by_class, page, parse, text

SITE_URL = "https://cercle.example.org/"
IMAGES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif")
SHARED = "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/"  # pinned, window open
ENDED = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"  # window ended 2026-11-10
FUTURE = "fr/guides/ubuntu-lancer-relancer-programme-ambassadeurs/"  # window opens 2026-12-01
NO_WINDOW = "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/"


def _urls(html: Path):
    root = parse(html)
    for el in root.iter():
        for name in ("src", "href", "content"):
            if el.get(name):
                yield el.get(name)
        for name in ("srcset", "data-srcset"):
            for part in (el.get(name) or "").split(","):
                if part.strip():
                    yield part.split()[0]


def _target(site: Path, html: Path, url: str) -> Path | None:
    """The file `url` names in the site, or None when it is not an image of this site."""
    if url.startswith(SITE_URL):
        url = "/" + url.removeprefix(SITE_URL)
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.lower().endswith(IMAGES):
        return None
    path = unquote(parts.path)
    base = "" if path.startswith("/") else html.parent.relative_to(site).as_posix()
    return site / posixpath.normpath(posixpath.join(base, path.lstrip("/")))


def test_every_image_a_page_links_is_in_the_site(demo_site: Path):
    missing, seen = [], 0
    for html in demo_site.rglob("*.html"):
        if "pagefind" in html.relative_to(demo_site).parts:
            continue
        for url in _urls(html):
            target = _target(demo_site, html, url)
            if target is None:
                continue
            seen += 1
            if not target.is_file():
                missing.append(f"{html.relative_to(demo_site)}: {url}")
    assert seen > 100  # the walk found the cards, pictures and slides
    assert missing == []


def _downloads(site: Path, url: str) -> list[str]:
    block = by_class(page(site, url), "cercle-share")[0]
    return [a.get("href") for a in block.iter("a") if (a.get("href") or "").endswith(".png")]


def test_network_shapes_only_for_entries_meant_to_be_shared(demo_site: Path):
    cards = demo_site / "assets/cards/fr"
    for url in (SHARED, FUTURE):
        links = _downloads(demo_site, url)
        assert any(h.endswith("-story.png") for h in links) and any(h.endswith("-square.png") for h in links)
        assert (cards / f"{url.strip('/').removeprefix('fr/')}-story.png").is_file()
    for url in (ENDED, NO_WINDOW):
        stem = url.strip("/").removeprefix("fr/")
        assert (cards / f"{stem}.png").is_file()  # the page card stays: og:image, download
        assert not list(cards.glob(f"{stem}-*.png")) and not list(cards.glob(f"{stem}/quote-*-*.png"))
        links = _downloads(demo_site, url)
        assert links and not any(h.endswith(("-story.png", "-square.png", "-portrait.png")) for h in links)
    ended = by_class(page(demo_site, ENDED), "cercle-share")[0]
    assert "9:16" not in text(ended)
    assert (cards / "webinaires/cercle-vertueux-programmes-ambassadeurs/quote-1.png").is_file()
