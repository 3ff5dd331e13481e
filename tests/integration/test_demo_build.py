"""The demo hub, built with the real MkDocs: one build, two languages."""

from __future__ import annotations

import re

from tests.html import by_class, hreflangs, nav_links, page, switcher, text

SITE = "https://cercle.example.org/"
WEBINAR_FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
WEBINAR_EN = "en/webinars/virtuous-circle-ambassador-programs/"
GLOSSARY_FR = "fr/guides/lexique-ambassadeur/"


def test_every_page_declares_its_language(demo_site):
    pages = sorted(demo_site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        rel = path.relative_to(demo_site).as_posix()
        lang = re.search(r'<html lang="([^"]+)"', path.read_text()).group(1)
        expected = rel.split("/")[0] if rel.split("/")[0] in ("fr", "en") else "fr"
        assert lang == expected, rel


def test_ui_strings_follow_the_page_language(demo_site):
    fr, en = page(demo_site, WEBINAR_FR), page(demo_site, WEBINAR_EN)
    assert "Aller au contenu" in text(fr) and "Skip to content" not in text(fr)
    assert "Skip to content" in text(en)
    assert "jeudi 13 octobre 2022" in text(fr)
    assert "Thursday, October 13, 2022" in text(en)


def test_hreflang_alternates_are_absolute_with_x_default(demo_site):
    links = hreflangs(page(demo_site, WEBINAR_EN))
    assert links == {
        "fr": SITE + WEBINAR_FR,
        "en": SITE + WEBINAR_EN,
        "x-default": SITE + WEBINAR_FR,
    }


def test_switcher_goes_to_the_translated_slug(demo_site):
    links = switcher(page(demo_site, WEBINAR_FR))
    assert links["en"].get("href") == "../../../" + WEBINAR_EN
    assert links["fr"].get("aria-current") == "page"
    assert links["en"].get("data-cercle-translated") == "true"


def test_untranslated_page_shows_a_notice_and_links_to_the_other_home(demo_site):
    root = page(demo_site, GLOSSARY_FR)
    links = switcher(root)
    assert links["en"].get("href") == "../../../en/"
    assert links["en"].get("data-cercle-translated") == "false"
    notices = by_class(root, "cercle-notice")
    assert len(notices) == 1 and "n’existe pas encore en anglais" in text(notices[0])
    assert set(hreflangs(root)) == {"fr", "x-default"}
    assert not by_class(page(demo_site, WEBINAR_FR), "cercle-notice")


def test_nav_lists_only_the_language_sections_never_entries(demo_site):
    assert nav_links(page(demo_site, WEBINAR_FR)) == [
        "../../",
        "../",
        "../../evenements/",
        "../../guides/",
        "../../themes/",
        "../../intervenants/",
        "../../a-partager/",
    ]
    en_nav = nav_links(page(demo_site, "en/guides/"))
    assert len(en_nav) == 7 and all("webinaires" not in href for href in en_nav)


def test_webinar_archive_lists_upcoming_first_then_years(demo_site):
    root = page(demo_site, "fr/webinaires/")
    headings = [text(h) for h in root.iter("h2")]
    assert headings[:2] == ["À venir", "2022"]
    titles = [text(h) for h in by_class(root, "cercle-card__title")]
    assert titles[0].startswith("Faire vivre") and "cercle vertueux" in titles[1]


def test_topic_speaker_and_home_pages(demo_site):
    topic = page(demo_site, "fr/themes/organisation-holomidale/")
    assert "Organisation holomidale" in text(topic.find(".//h1"))
    assert any("effet de mode" in text(t) for t in by_class(topic, "cercle-card__title"))
    speaker = page(demo_site, "en/speakers/stephanie-ledoux/")
    assert text(speaker.find(".//h1")) == "Stéphanie Ledoux"
    assert "The Social Republic" in text(speaker)
    assert [text(t) for t in by_class(speaker, "cercle-card__title")] == [
        "The virtuous circle of ambassador programs"
    ]
    home = page(demo_site, "en/")
    assert "Featured" in [text(h) for h in home.iter("h2")]
    assert "Next on the calendar" in [text(h) for h in home.iter("h2")]


def test_root_lets_the_reader_choose_without_javascript(demo_site):
    root = page(demo_site, "")
    buttons = by_class(root, "md-button")
    links = {a.get("hreflang"): a.get("href") for a in buttons}
    assert links == {"fr": "fr/", "en": "en/"}
    assert {s.get("lang") for s in by_class(root, "cercle-chooser__lang")} == {"fr", "en"}


def test_registries_are_not_published(demo_site):
    assert not (demo_site / "speakers.yml").exists() and not (demo_site / "topics.yml").exists()
