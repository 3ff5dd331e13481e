"""A hub people want to browse (#14 points 1-5), read from real builds of the demo hub:
pictures in every listing, a front page, an identity, French typography and language names,
translated topic addresses with redirects from the old ones."""

from __future__ import annotations

import re

import yaml
from PIL import Image
from tests.conftest import copy_demo, mkdocs_build, write
from tests.html import by_class, page, text

NNBSP, NBSP = "\u202f", "\u00a0"
WEBINAR_FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
WEBINAR_EN = "en/webinars/virtuous-circle-ambassador-programs/"
GLOSSARY_FR = "fr/guides/lexique-ambassadeur/"
LISTINGS = ["fr/", "en/", "fr/webinaires/", "en/guides/", "fr/themes/volontariat/", "en/topics/volunteering/",
            "fr/intervenants/stephanie-ledoux/", "en/speakers/patrice-laubignat/"]


def _cards(root):
    return by_class(root, "cercle-card")


def _png_size(path):
    with Image.open(path) as image:
        return image.size, image.format


# -- 1. pictures ------------------------------------------------------------------------------


def test_every_listed_entry_has_a_responsive_picture(demo_site):
    for url in LISTINGS:
        cards = _cards(page(demo_site, url))
        assert cards, url
        for card in cards:
            picture = card.find(".//picture")
            assert picture is not None, (url, text(card))
            img = picture.find("img")
            assert picture.find("source") is None  # WebP only: every supported browser reads it
            assert len(img.get("srcset").split(",")) >= 2
            assert img.get("width") and img.get("height") and img.get("alt") == ""
            for candidate in img.get("srcset").split(","):
                rel, width = candidate.split()
                file = (demo_site / url / rel).resolve()
                assert file.is_file(), (url, rel)
                size, fmt = _png_size(file)
                assert size[0] == int(width.rstrip("w")) and fmt == "WEBP"


def test_only_the_first_picture_loads_eagerly(demo_site):
    imgs = page(demo_site, "fr/webinaires/").findall(".//picture/img")
    assert len(imgs) >= 2
    assert imgs[0].get("loading") is None and imgs[0].get("fetchpriority") == "high"
    assert all(img.get("loading") == "lazy" for img in imgs[1:])
    related = page(demo_site, WEBINAR_FR).findall(".//section[@class='cercle-related']//picture/img")
    assert related and all(img.get("loading") == "lazy" for img in related)  # below the fold


def test_speakers_show_initials_avatars_drawn_offline(demo_site):
    for url in ("fr/intervenants/", "en/speakers/stephanie-ledoux/", WEBINAR_EN):
        avatars = by_class(page(demo_site, url), "cercle-avatar")
        assert avatars, url
        first = (demo_site / url / avatars[0].get("src")).resolve()
        assert _png_size(first)[0] == (96, 96)
    speaker = page(demo_site, "fr/intervenants/stephanie-ledoux/")
    assert by_class(speaker, "cercle-avatar")[0].get("src").endswith("speakers/stephanie-ledoux-96.webp")


def test_an_entry_image_is_its_picture_og_image_and_feed_image(tmp_path):
    project = copy_demo(tmp_path / "hub")
    Image.new("RGB", (1600, 1200), (200, 40, 40)).save(project / "content" / "media" / "photo.jpg")
    guide = project / "content" / "en" / "guides" / "why-ambassadors-are-volunteers.md"
    source = guide.read_text(encoding="utf-8")
    guide.write_text(source.replace("---\n", "---\nimage: media/photo.jpg\nimage_alt: A red square\n", 1))
    # Its translation shows the same photo: written once, both pages link to the same files.
    french = project / "content" / "fr" / "guides" / "pourquoi-les-ambassadeurs-sont-volontaires.md"
    text_fr = french.read_text(encoding="utf-8")
    french.write_text(text_fr.replace("---\n", "---\nimage: media/photo.jpg\nimage_alt: Un carré rouge\n", 1))
    other = project / "content" / "en" / "guides" / "ubuntu-launch-relaunch-ambassador-program.md"
    remote = "---\nimage: https://cdn.example.net/x.jpg\nimage_alt: X\n"
    other.write_text(other.read_text().replace("---\n", remote, 1))
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.output
    assert "ubuntu-launch-relaunch-ambassador-program.md" in result.output
    # Warned, with the file (in English: no messages_language, no CERCLE_LANG).
    assert "this image is on another site" in result.output
    site = project / "site"
    listing = page(site, "en/guides/")
    srcsets = [img.get("srcset") for img in listing.findall(".//picture/img")]
    assert any("why-ambassadors-are-volunteers-360.webp" in s and "1200w" in s for s in srcsets)
    pictures = site / "assets/pictures/en/guides"
    assert sorted(p.name for p in pictures.glob("why-ambassadors-are-volunteers-*")) == [
        f"why-ambassadors-are-volunteers-{name}" for name in ("1200.jpg", "1200.webp", "360.webp", "720.webp")
    ]  # JPEG only for og:image
    html = (site / "en/guides/why-ambassadors-are-volunteers/index.html").read_text()
    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og.endswith("assets/pictures/en/guides/why-ambassadors-are-volunteers-1200.jpg")
    assert '<meta property="og:image:alt" content="A red square"' in html
    cropped = site / "assets/pictures/en/guides/why-ambassadors-are-volunteers-1200.jpg"
    assert _png_size(cropped)[0] == (1200, 630)
    feed = (site / "en/feed.xml").read_text() if (site / "en/feed.xml").exists() else ""
    texts = [p for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".ics")]
    everything = "".join(p.read_text(errors="ignore") for p in texts)
    assert "cdn.example.net" not in everything  # never hotlinked: pages, feeds, JSON-LD
    if feed:
        assert "why-ambassadors-are-volunteers-1200.jpg" in feed
    html_fr = (site / "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/index.html").read_text()
    assert re.search(r'<meta property="og:image" content="([^"]+)"', html_fr).group(1) == og
    assert '<meta property="og:image:alt" content="Un carré rouge"' in html_fr
    assert not list(site.glob("assets/pictures/fr/guides/pourquoi-les-ambassadeurs-sont-volontaires-*"))


# -- 2. the front page ------------------------------------------------------------------------


def test_home_is_a_front_page_without_repeats(demo_site):
    for lang in ("fr", "en"):
        home = page(demo_site, f"{lang}/")
        hero = by_class(home, "cercle-hero")[0]
        assert hero.find(".//h1") is not None and by_class(hero, "cercle-hero__tagline")
        button = by_class(hero, "md-button--primary")[0]
        assert button.get("href") == ("webinaires/" if lang == "fr" else "webinars/")
        titles = [text(c.find(".//a")) for c in _cards(home)]
        assert len(titles) == len(set(titles)) >= 4, titles  # nothing shown twice
        chips = home.findall(".//ul[@class='cercle-chips']/li/a")
        assert len(chips) >= 4
    assert "Prochain rendez-vous" in text(page(demo_site, "fr/"))


def test_grids_adapt_to_the_number_of_cards(demo_site):
    for url in LISTINGS:
        for grid in by_class(page(demo_site, url), "cercle-cards"):
            count = len(_cards(grid))
            expected = "one" if count == 1 else "two" if count in (2, 4) else "many"
            assert f"cercle-cards--{expected}" in grid.get("class"), (url, count)


def test_calendar_subscription_comes_after_the_entries_on_listings(demo_site):
    html = (demo_site / "fr/webinaires/index.html").read_text()
    assert html.index("cercle-subscribe") > html.rindex("cercle-card ")


# -- 3. identity ------------------------------------------------------------------------------


def test_brand_colours_reach_css_and_both_schemes_follow_the_system(demo_site):
    css = (demo_site / "assets/stylesheets/cercle-brand.css").read_text()
    assert "--md-primary-fg-color: #283593;" in css and "[data-md-color-scheme=slate]" in css
    home = page(demo_site, "en/")
    toggles = ".//form[@data-md-component='palette']/input"
    medias = [i.get("data-md-color-media") for i in home.findall(toggles)]
    assert medias == [
        "(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"
    ]
    labels = [i.get("aria-label") for i in page(demo_site, "fr/").findall(toggles)]
    assert labels[1] == "Passer au thème sombre"


def test_a_bad_brand_colour_is_a_clear_error(tmp_path):
    project = copy_demo(tmp_path / "hub")
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(config.replace('primary: "#283593"', 'primary: "red;}body{x:y"'))
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "brand.primary" in result.output and "Traceback" not in result.output


# -- 4. language ------------------------------------------------------------------------------


def test_language_names_follow_the_page_language(demo_site):
    notice = by_class(page(demo_site, GLOSSARY_FR), "cercle-notice")[0]
    assert "Lire en anglais" in text(notice) and "English" not in text(notice)
    root = text(page(demo_site, ""))
    assert "Entrer sur le site en français" in root and "Enter the site in English" in root


def test_footer_and_labels_speak_the_page_language(demo_site):
    fr, en = page(demo_site, WEBINAR_FR), page(demo_site, WEBINAR_EN)
    assert "Réalisé avec" in text(by_class(fr, "md-copyright")[0])
    assert "Made with" not in text(fr)
    assert "Made with" in text(by_class(en, "md-copyright")[0])
    assert "Tags:" in text(en) and "Tags :" not in text(en)


def test_french_text_gets_its_no_break_spaces_but_not_code_or_urls(demo_site):
    html = (demo_site / WEBINAR_FR / "index.html").read_text()
    visible = re.sub(r"<(script|style|code|pre)\b.*?</\1>", "", html, flags=re.S)
    visible = re.sub(r"<[^>]+>", "", visible)
    assert not re.search(r"\w [;!?]", visible), re.findall(r".{20}\w [;!?].{5}", visible)[:3]
    assert not re.search(r"« | »", visible)
    assert f"{NNBSP}?" in visible or f"{NBSP}:" in visible
    assert not re.search(r'(href|src|srcset)="[^"]*[\u00a0\u202f]', html)  # addresses untouched


def test_english_pages_get_no_french_spacing(demo_site):
    html = (demo_site / "en/index.html").read_text()
    assert f"{NBSP}:" not in html and f"{NNBSP}?" not in html


# -- 5. translated addresses -----------------------------------------------------------------


def test_topics_have_translated_addresses_and_old_ones_redirect(demo_site):
    assert (demo_site / "en/topics/volunteering/index.html").is_file()
    assert (demo_site / "fr/themes/volontariat/index.html").is_file()
    old = (demo_site / "en/topics/volontariat/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../volunteering/">' in old
    assert '<link rel="canonical" href="https://cercle.example.org/en/topics/volunteering/">' in old
    assert '<a href="../volunteering/">Volunteering</a>' in old and "<script" not in old
    sitemap = (demo_site / "sitemap.xml").read_text()
    assert "en/topics/volunteering/" in sitemap and "en/topics/volontariat/" not in sitemap
    chip = page(demo_site, WEBINAR_EN).findall(".//a[@class='cercle-chip']")
    assert any(a.get("href").endswith("topics/volunteering/") for a in chip)


def test_an_explicit_topic_slug_wins_and_the_identity_options_apply(tmp_path):
    project = copy_demo(tmp_path / "hub")
    topics = yaml.safe_load((project / "content/topics.yml").read_text(encoding="utf-8"))
    topics["volontariat"]["slug"] = {"en": "volunteers"}
    write(project / "content/topics.yml", yaml.safe_dump(topics, allow_unicode=True))
    Image.new("RGB", (64, 64), (255, 202, 40)).save(project / "content/media/logo.png")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        'brand: {primary: "#283593", accent: "#ffca28"}',
        'brand: {primary: "#00695c", accent: "#ffca28", logo: media/logo.png, font: Atkinson Hyperlegible}\n'
        "      attribution: {fr: Un centre de l’association, en: A hub of the association}",
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    site = project / "site"
    assert (site / "en/topics/volunteers/index.html").is_file()
    assert "url=../volunteers/" in (site / "en/topics/volontariat/index.html").read_text()
    css = (site / "assets/stylesheets/cercle-brand.css").read_text()
    assert "--md-primary-fg-color: #00695c;" in css and '"Atkinson Hyperlegible"' in css
    home = page(site, "fr/")
    assert by_class(home, "cercle-hero__logo")[0].get("src") == "../media/logo.png"
    assert home.find(".//a[@class='md-header__button md-logo']/img").get("src") == "../media/logo.png"
    assert text(by_class(home, "md-copyright")[0]) == "Un centre de l’association"
    assert "A hub of the association" in text(page(site, "en/"))
