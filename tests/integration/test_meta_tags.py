"""Meta tags, cards and the share block in real builds of the demo, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image
from tests.conftest import cercle, copy_demo, mkdocs_build
from tests.html import by_class, is_redirect, page, parse

SITE = "https://cercle.example.org/"
FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
EN = "en/webinars/virtuous-circle-ambassador-programs/"


def metas(root) -> list[tuple[str, str]]:
    return [
        (el.get("property") or el.get("name"), el.get("content"))
        for el in root.iter("meta")
        if (el.get("property") or el.get("name") or "").startswith(("og:", "article:", "twitter:"))
    ]


def one(tags, key) -> str:
    values = [v for k, v in tags if k == key]
    assert len(values) == 1, (key, values)
    return values[0]


def test_entry_tags_in_french_and_english(demo_site):
    for url, locale, other, title in (
        (FR, "fr_FR", "en_US", "Le cercle vertueux des programmes ambassadeurs"),
        (EN, "en_US", "fr_FR", "The virtuous circle of ambassador programs"),
    ):
        tags = metas(page(demo_site, url))
        assert one(tags, "og:type") == "article"
        assert one(tags, "og:title") == title
        assert one(tags, "og:locale") == locale and one(tags, "og:locale:alternate") == other
        assert one(tags, "og:url") == SITE + url
        assert one(tags, "og:site_name") == "Cercle"
        assert one(tags, "og:description")
        assert one(tags, "article:published_time") == "2022-10-13"
        assert one(tags, "twitter:card") == "summary_large_image"
        image = one(tags, "og:image")
        assert image == f"{SITE}assets/cards/{url.rstrip('/')}.png"
        assert (one(tags, "og:image:width"), one(tags, "og:image:height")) == ("1200", "630")
        assert one(tags, "og:image:type") == "image/png"
        assert title in one(tags, "og:image:alt")
        card = Image.open(demo_site / image.removeprefix(SITE))
        assert (card.format, card.size) == ("PNG", (1200, 630))
    fr_tags = [v for k, v in metas(page(demo_site, FR)) if k == "article:tag"]
    assert {"Volontariat", "Gouvernance", "Sharee"} <= set(fr_tags)
    en_tags = [v for k, v in metas(page(demo_site, EN)) if k == "article:tag"]
    assert "Volunteering" in en_tags


def test_generated_pages_are_websites_with_their_own_card(demo_site):
    for url, locale in (("fr/", "fr_FR"), ("en/", "en_US"), ("fr/themes/volontariat/", "fr_FR")):
        tags = metas(page(demo_site, url))
        assert one(tags, "og:type") == "website" and one(tags, "og:locale") == locale
        assert not [k for k, _ in tags if k.startswith("article:")]
        assert (demo_site / one(tags, "og:image").removeprefix(SITE)).is_file()


def test_every_page_has_a_card_that_exists(demo_site):
    pages = sorted(demo_site.glob("**/index.html"))
    assert len(pages) > 30
    for html in pages:
        if "pagefind" in html.parts or html.parent.name == "404" or is_redirect(html):
            continue
        tags = metas(parse(html))
        card = demo_site / one(tags, "og:image").removeprefix(SITE)
        assert card.is_file(), html


def test_share_block_on_entries_only(demo_site):
    root = page(demo_site, FR)
    block = by_class(root, "cercle-share")
    assert len(block) == 1
    links = {a.get("data-network"): a for a in block[0].iter("a") if a.get("data-network")}
    assert set(links) == {"linkedin", "x", "facebook", "bluesky", "whatsapp", "telegram", "email"}
    for network, a in links.items():
        if network != "email":
            assert "noopener" in a.get("rel") and a.get("target") == "_blank"
            # The shown name is part of the accessible name, which says what happens (WCAG 2.5.3).
            name = "".join(a.itertext()).strip()
            assert a.get("aria-label").endswith(f"sur {name} (nouvelle fenêtre)")
    assert links["linkedin"].get("href").startswith("https://www.linkedin.com/sharing/share-offsite/?url=")
    assert "utm_campaign%3Dambassadors" in links["x"].get("href")
    posts = [el for el in block[0].iter("p") if "cercle-share__post" in (el.get("class") or "")]
    texts = [el for el in posts if el.get("id").startswith("cercle-share-text-")]
    takeaways = [el for el in posts if el.get("id").startswith("cercle-share-takeaway-")]
    assert len(texts) == 3 and texts[0].text.startswith("J’ai revu le webinaire")
    assert len(takeaways) == 3 and len(posts) == 6  # the demo's key takeaways, one post each
    copies = [b for b in block[0].iter("button") if b.get("data-cercle-copy")]
    images = by_class(block[0], "cercle-share__images")  # the card, each quote: one alt text each
    assert len(copies) == 5 + len(takeaways) + len(images)
    assert all(b.get("hidden") is not None for b in copies)  # JS only
    downloads = [a for a in block[0].iter("a") if a.get("download") is not None]
    assert downloads and (demo_site / FR / downloads[0].get("href")).resolve().is_file()
    assert not by_class(page(demo_site, "fr/"), "cercle-share")
    assert by_class(page(demo_site, EN), "cercle-share")
    english = by_class(page(demo_site, EN), "cercle-share")[0]
    labels = [a.get("aria-label") or "" for a in english.iter("a")]
    assert "Share this page" in "".join(english.itertext()) and "Share on X (opens in a new window)" in labels


def test_titles_are_escaped_and_quotes_get_cards(tmp_path: Path):
    demo_project = copy_demo(tmp_path / "hub")  # cold: the first build draws and fills the cache
    path = demo_project / "content/en/guides/why-ambassadors-are-volunteers.md"
    text = path.read_text(encoding="utf-8")
    title = 'Volunteers & "leaders" <script>alert(1)</script>'
    text = re.sub(r"^title: .*$", f"title: '{title}'", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    webinar = demo_project / "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
    text = webinar.read_text(encoding="utf-8")
    if "\nquotes:" not in text:
        quote = "quotes:\n  - text: « Le volontariat change tout. »\n    by: stephanie-ledoux\n"
        webinar.write_text(text.replace("questions:", quote + "questions:", 1), encoding="utf-8")
    result = mkdocs_build(demo_project)
    assert result.returncode == 0, result.output
    site = demo_project / "site"
    html = (site / "en/guides/why-ambassadors-are-volunteers/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert one(metas(page(site, "en/guides/why-ambassadors-are-volunteers/")), "og:title") == title
    quote = site / "assets/cards" / FR.rstrip("/") / "quote-1.png"
    assert Image.open(quote).size == (1080, 1080)
    block = by_class(page(site, FR), "cercle-share")[0]
    hrefs = [a.get("href") for a in block.iter("a") if a.get("download") is not None]
    assert any(h.endswith("quote-1.png") for h in hrefs)
    assert (demo_project / ".cache/cercle/cards").is_dir()
    again = mkdocs_build(demo_project)
    assert "(0 drawn," in again.output  # everything from the cache the second time (English: no CERCLE_LANG)
    assert (site / "assets/cards" / FR.rstrip("/") / "quote-1.png").read_bytes() == quote.read_bytes()


def test_check_warns_without_site_url_and_tags_stay_relative_free(demo_project: Path):
    config = demo_project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M))
    result = cercle(demo_project, "check")
    assert result.returncode == 0, result.output
    assert "mkdocs.yml: warning: site_url:" in result.stdout
    built = mkdocs_build(demo_project, strict=False)
    assert built.returncode == 0, built.output
    tags = metas(page(demo_project / "site", FR))
    assert not [k for k, _ in tags if k in ("og:url", "og:image")]  # never a relative og:url
    assert one(tags, "og:title")


def test_check_reports_share_texts_too_long(demo_project: Path):
    path = demo_project / "content/en/webinars/virtuous-circle-ambassador-programs.md"
    text = path.read_text(encoding="utf-8")
    long = "An ambassador program only works with volunteers, never with targets. " * 5
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  text:"))
    lines[start] = f"  text: {long.strip()}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cercle(demo_project, "check")
    where = f"en/webinars/virtuous-circle-ambassador-programs.md:{start + 1}: warning: share.text:"
    assert f"{where} too long for X" in result.stdout
    assert f"{where} too long for Bluesky" in result.stdout
    assert result.returncode == 0  # a warning; --strict makes it fail
    assert cercle(demo_project, "check", "--strict").returncode == 1
