"""The share block in Chromium: copy buttons, native share (absent and present), Mastodon,
fill-in blanks, the compact block's disclosure, no JS."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

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


def open_more(page) -> None:
    """Open the compact block's one disclosure (variants, hashtags, Mastodon, link, images)."""
    page.locator("details.cercle-share__more summary").first.click()


def test_copy_button_puts_the_suggested_text_on_the_clipboard(page, serve_dir, demo_site):
    open_entry(page, serve_dir, demo_site)
    button = page.get_by_role("button", name="Copier le texte suggéré 2")
    assert button.is_hidden()  # behind the disclosure until it is opened
    open_more(page)
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
    open_more(page)
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
    open_more(page)
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
    open_more(page)
    assert page.get_by_label("Votre instance Mastodon").input_value() == "piaille.fr"


def link_query(href: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(href.removeprefix("mailto:")).query).items()}


def campaign(network: str) -> str:
    return f"{SITE}{FR}?utm_campaign=ambassadors&utm_medium=social&utm_source={network}"


def test_each_network_link_the_reader_clicks_has_the_whole_post_and_its_campaign(page, serve_dir, demo_site):
    open_entry(page, serve_dir, demo_site)
    post = page.locator("#cercle-share-text-1").inner_text()
    assert post.startswith("J’ai revu le webinaire") and post.endswith("#Ambassadeurs #Volontariat")
    hrefs = page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('a[data-network]')]"
        ".map(a => [a.dataset.network, a.href]))"
    )
    assert link_query(hrefs["linkedin"]) == {"url": campaign("linkedin")}
    assert link_query(hrefs["facebook"]) == {"u": campaign("facebook")}
    assert link_query(hrefs["x"]) == {"text": post, "url": campaign("x")}
    assert link_query(hrefs["telegram"]) == {"text": post, "url": campaign("telegram")}
    assert link_query(hrefs["bluesky"]) == {"text": f"{post} {campaign('bluesky')}"}
    assert link_query(hrefs["whatsapp"]) == {"text": f"{post} {campaign('whatsapp')}"}
    assert link_query(hrefs["email"]) == {
        "subject": "Le cercle vertueux des programmes ambassadeurs",
        "body": f"{post}\n\n{campaign('email')}",
    }
    # Clicked, the X link opens exactly that address (nothing rewrites it on the way).
    page.context.route("https://x.com/**", lambda route: route.fulfill(status=200, body="ok"))
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Partager sur X (nouvelle fenêtre)").click()
    opened.value.wait_for_url("https://x.com/**")
    assert link_query(opened.value.url) == {"text": post, "url": campaign("x")}


def test_without_javascript_links_and_texts_work(browser, serve_dir, demo_site):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{serve_dir(demo_site)}/{FR}")
        assert page.locator("[data-cercle-copy]").first.is_hidden()
        assert page.locator(".cercle-share__mastodon-form").is_hidden()
        open_more(page)
        assert page.get_by_text("Mastodon n’a pas d’adresse de partage commune").is_visible()
        linkedin = page.get_by_role("link", name="Partager sur LinkedIn (nouvelle fenêtre)")
        assert linkedin.get_attribute("href").startswith(
            "https://www.linkedin.com/sharing/share-offsite/?url="
        )
        assert page.locator("#cercle-share-text-1").is_visible()
        # Without the script, each network gets the page's address with its campaign: enough
        # for every one of them; the text stays on the page to copy.
        for network in ("x", "bluesky", "whatsapp", "telegram", "email"):
            href = page.locator(f"a[data-network='{network}']").get_attribute("href")
            assert campaign(network) in link_query(href).values(), network
            assert "revu" not in href
        assert page.locator("#cercle-share-url").input_value().startswith(SITE + FR)
    finally:
        context.close()


BLANKS = "fr/guides/organisation-holomidale-programme-ambassadeurs/"


def test_a_blank_becomes_a_field_and_nothing_is_copied_while_it_is_empty(page, serve_dir, demo_site):
    base = serve_dir(demo_site)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page.goto(f"{base}/{BLANKS}")
    page.evaluate("navigator.clipboard.writeText('avant')")
    field = page.get_by_label("À compléter\u00a0: votre idée principale")
    assert field.is_visible() and field.input_value() == ""
    assert page.get_by_text("Complétez les champs entre crochets avant de copier").is_visible()
    page.get_by_role("button", name="Copier le texte suggéré 1").click()
    page.wait_for_function("document.querySelector('[data-cercle-status]').textContent.length > 0")
    status = page.text_content("[data-cercle-status]")
    assert status == "Complétez d’abord 1 champ(s)\u00a0: votre idée principale."
    assert page.get_attribute("[data-cercle-status]", "role") == "status"  # announced
    assert field.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.getAttribute('data-blank')") == "votre idée principale"
    assert clipboard(page) == "avant"  # nothing copied

    field.fill("la confiance d’abord")
    page.get_by_role("button", name="Copier le texte suggéré 1").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t !== 'avant')")
    copied = clipboard(page)
    assert "m’a donné une idée\u00a0: la confiance d’abord." in copied
    assert "[" not in copied and copied.endswith("#Ambassadeurs #Confiance")
    assert "Je travaille chez Cercle." in copied
    assert field.get_attribute("aria-invalid") is None
    # The networks' links carry what the reader typed.
    x_link = page.locator("a[data-network='x']").first.get_attribute("href")
    assert "la%20confiance%20d%E2%80%99abord" in x_link and "%5Bvotre" not in x_link


def test_without_javascript_blanks_show_with_their_brackets(browser, serve_dir, demo_site):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{serve_dir(demo_site)}/{BLANKS}")
        post = page.locator("#cercle-share-text-1")
        assert "m’a donné une idée\u00a0: [votre idée principale]." in post.inner_text()
        assert page.locator("input[data-blank]").count() == 0
    finally:
        context.close()


def test_to_share_page_blocks_work_side_by_side(page, serve_dir, demo_site):
    base = serve_dir(demo_site)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page.goto(f"{base}/fr/a-partager/")
    blocks = page.locator("[data-cercle-share]")
    assert blocks.count() == 4
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))  # every block's ids are its own
    blocks.nth(1).get_by_role("button", name="Copier le texte suggéré 1").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
    assert clipboard(page).startswith("Holacratie, holomidal")


def test_a_takeaway_post_is_copied_with_its_link_and_disclosure(page, serve_dir, demo_site):
    open_entry(page, serve_dir, demo_site)
    open_more(page)
    button = page.get_by_role("button", name="Copier le point clé 2")
    assert button.is_visible()
    button.click()
    page.wait_for_function("document.querySelector('[data-cercle-status]').textContent.length > 0")
    parts = clipboard(page).split("\n\n")
    assert parts[0].startswith("Pas d’objectifs imposés ni de surveillance")
    assert parts[1].startswith(SITE + FR) and "utm_source=link" in parts[1]
    assert parts[2:] == ["Je travaille chez Cercle."]
