"""The share block in Chromium: copy buttons, native share (absent and present), Mastodon, no JS."""

from __future__ import annotations

FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
SITE = "https://cercle.example.org/"
NO_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
STUB_SHARE = """
Navigator.prototype.share = function (data) {
  window.__shared = data;
  return Promise.resolve();
};
"""


def open_entry(page, serve_dir, demo_site, init_script=None):
    base = serve_dir(demo_site)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    if init_script:
        page.add_init_script(init_script)
    response = page.goto(f"{base}/{FR}")
    assert response is not None and response.ok
    return base


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_button_puts_the_suggested_text_on_the_clipboard(page, serve_dir, demo_site):
    open_entry(page, serve_dir, demo_site)
    button = page.get_by_role("button", name="Copier le texte suggéré 2")
    assert button.is_visible()
    button.click()
    page.wait_for_function("document.querySelector('[data-cercle-status]').textContent.length > 0")
    text = clipboard(page)
    assert text.startswith("Pourquoi un programme ambassadeurs ne peut reposer que sur le volontariat")
    assert text.endswith("#Ambassadeurs #Volontariat")
    assert page.text_content("[data-cercle-status]") == "Copié dans le presse-papiers."


def test_without_native_share_the_button_stays_hidden_and_copy_link_works(page, serve_dir, demo_site):
    open_entry(page, serve_dir, demo_site, NO_SHARE)
    assert page.evaluate("typeof navigator.share") == "undefined"
    assert page.locator("[data-cercle-native]").is_hidden()
    page.get_by_role("button", name="Copier le lien").click()
    page.wait_for_function("document.querySelector('[data-cercle-status]').textContent.length > 0")
    link = clipboard(page)
    assert link.startswith(SITE + FR) and "utm_source=link" in link


def test_native_share_is_offered_and_called_with_the_page_url_and_text(page, serve_dir, demo_site):
    open_entry(page, serve_dir, demo_site, STUB_SHARE)
    button = page.get_by_role("button", name="Partager…")
    assert button.is_visible()
    button.click()
    page.wait_for_function("window.__shared !== undefined")
    shared = page.evaluate("window.__shared")
    assert shared["url"].startswith(SITE + FR)
    assert shared["text"].startswith("J’ai revu le webinaire")
    assert shared["title"] == "Le cercle vertueux des programmes ambassadeurs"


def test_mastodon_asks_the_instance_once_and_remembers_it_in_the_browser(page, serve_dir, demo_site):
    stub_open = "window.open = function (url) { window.__opened = url; return null; };"
    base = open_entry(page, serve_dir, demo_site, stub_open)
    page.locator("details.cercle-share__mastodon summary").click()
    field = page.get_by_label("Votre instance Mastodon")
    field.fill("javascript:alert(1)")
    page.get_by_role("button", name="Publier sur Mastodon").click()
    assert field.get_attribute("aria-invalid") == "true"
    assert page.evaluate("window.__opened") is None
    field.fill("https://Piaille.fr/@moi")
    page.get_by_role("button", name="Publier sur Mastodon").click()
    opened = page.evaluate("window.__opened")
    assert opened.startswith("https://piaille.fr/share?text=J%E2%80%99ai%20revu")
    assert "cercle.example.org" in opened
    assert page.evaluate("localStorage.getItem('cercle.mastodon.instance')") == "piaille.fr"
    assert page.context.cookies() == []  # nothing but localStorage
    page.goto(f"{base}/{FR}")
    page.locator("details.cercle-share__mastodon summary").click()
    assert page.get_by_label("Votre instance Mastodon").input_value() == "piaille.fr"


def test_without_javascript_links_and_texts_work(browser, serve_dir, demo_site):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{serve_dir(demo_site)}/{FR}")
        assert page.locator("[data-cercle-copy]").first.is_hidden()
        assert page.locator(".cercle-share__mastodon-form").is_hidden()
        page.locator("details.cercle-share__mastodon summary").click()
        assert page.get_by_text("Mastodon n’a pas d’adresse de partage commune").is_visible()
        linkedin = page.get_by_role("link", name="Partager sur LinkedIn (nouvelle fenêtre)")
        assert linkedin.get_attribute("href").startswith(
            "https://www.linkedin.com/sharing/share-offsite/?url="
        )
        assert page.locator("#cercle-share-text-1").is_visible()
        assert page.locator("#cercle-share-url").input_value().startswith(SITE + FR)
    finally:
        context.close()
