"""The reader's language in a real browser: the root chooser and the language switcher."""

from __future__ import annotations

import pytest


@pytest.mark.locale("en-GB")
def test_root_sends_an_english_reader_to_english(page, demo_site, serve_dir):
    base = serve_dir(demo_site)
    page.goto(base + "/")
    page.wait_for_url(base + "/en/")
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.locale("fr-CA")
def test_root_sends_a_french_reader_to_french(page, demo_site, serve_dir):
    base = serve_dir(demo_site)
    page.goto(base + "/")
    page.wait_for_url(base + "/fr/")
    assert page.evaluate("document.documentElement.lang") == "fr"


@pytest.mark.locale("de-DE")
def test_root_lets_other_readers_choose(page, demo_site, serve_dir):
    base = serve_dir(demo_site)
    page.goto(base + "/")
    page.get_by_role("link", name="Enter the site in English").click()
    page.wait_for_url(base + "/en/")


def test_switcher_lands_on_the_translated_page(page, demo_site, serve_dir):
    base = serve_dir(demo_site)
    page.goto(base + "/fr/webinaires/cercle-vertueux-programmes-ambassadeurs/")
    page.get_by_role("button", name="Sélectionner la langue").click()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url(base + "/en/webinars/virtuous-circle-ambassador-programs/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "The virtuous circle of ambassador programs"


@pytest.mark.locale("en-US")
def test_javascript_off_root_still_offers_both_languages(browser, demo_site, serve_dir):
    base = serve_dir(demo_site)
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    page = context.new_page()
    page.goto(base + "/")
    assert page.url == base + "/"
    links = page.locator(".cercle-chooser a.md-button")
    assert links.count() == 2
    context.close()
