"""Search in a real Chromium: per-language results, a type filter, and a keyboard-reachable dialog."""

from __future__ import annotations

from urllib.parse import urlsplit

RECAP_FR = "/fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/"
RECAP_EN = "/en/events/ambassador-programs-fad-or-change-in-society/"
GUIDE_FR = "/fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/"
GUIDE_EN = "/en/guides/why-ambassadors-are-volunteers/"


def search(page, term: str) -> list[str]:
    """Open the dialog with "/", type `term`, and return the result paths once they are shown."""
    page.keyboard.press("/")
    page.locator("#cercle-search-input").fill(term)
    page.wait_for_function(
        "document.querySelector('.cercle-search__results li') !== null"
        " || /^(Aucun|No) /.test(document.querySelector('.cercle-search__status').textContent)"
    )
    return results(page)


def results(page) -> list[str]:
    hrefs = page.eval_on_selector_all(".cercle-search__results a", "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def test_french_page_finds_the_recap_and_no_english_page(demo_site, serve_dir, page):
    base = serve_dir(demo_site)
    requests: list[str] = []
    page.goto(base + GUIDE_FR)
    page.on("request", lambda request: requests.append(request.url))
    found = search(page, "holomidale")
    assert RECAP_FR in found
    assert all(path.startswith("/fr/") for path in found), found
    assert page.locator(".cercle-search__status").text_content().endswith("résultats")
    assert page.locator("#cercle-search-title").text_content() == "Rechercher dans le centre de ressources"
    assert requests and all(url.startswith(base) for url in requests), requests  # nothing leaves the site


def test_english_page_finds_the_recap_and_no_french_page(demo_site, serve_dir, page):
    page.goto(serve_dir(demo_site) + GUIDE_EN)
    found = search(page, "holomidal")
    assert RECAP_EN in found
    assert all(path.startswith("/en/") for path in found), found
    assert page.locator("#cercle-search-title").text_content() == "Search the resource hub"
    assert page.locator("label[for=cercle-search-filter-type]").text_content() == "Type"
    assert page.locator("label[for=cercle-search-filter-topic]").text_content() == "Topic"


def test_type_filter_narrows_the_results(demo_site, serve_dir, page):
    guides = len([p for p in (demo_site / "fr" / "guides").glob("*/index.html")])
    page.goto(serve_dir(demo_site) + GUIDE_FR)
    everything = search(page, "holomidale")
    assert len(everything) >= 2
    options = page.eval_on_selector_all("#cercle-search-filter-type option", "os => os.map(o => o.value)")
    assert options == ["", "Événement", "Guide", "Webinaire"]
    page.select_option("#cercle-search-filter-type", "Événement")
    page.wait_for_function(
        f"document.querySelectorAll('.cercle-search__results li').length < {len(everything)}"
    )
    assert results(page) == [RECAP_FR]
    assert page.locator(".cercle-search__status").text_content() == "1 résultat"
    # a filter alone lists everything of that type
    page.locator("#cercle-search-input").fill("")
    page.select_option("#cercle-search-filter-type", "Guide")
    page.wait_for_function(f"document.querySelectorAll('.cercle-search__results li').length === {guides}")
    assert all(path.startswith("/fr/guides/") for path in results(page))


def test_dialog_is_reachable_and_escapable_by_keyboard(demo_site, serve_dir, page):
    page.goto(serve_dir(demo_site) + GUIDE_FR)
    dialog = page.locator("#cercle-search")
    opener = page.locator(".cercle-search__open")
    assert opener.is_visible() and opener.get_attribute("aria-label") == "Rechercher"
    assert dialog.get_attribute("aria-labelledby") == "cercle-search-title"

    page.focus("a.md-logo")
    page.keyboard.press("Control+k")
    assert dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.id") == "cercle-search-input"
    page.keyboard.type("confiance")  # Escape closes even with text in the field
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('md-logo')")

    opener.focus()
    page.keyboard.press("Enter")
    assert dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.id") == "cercle-search-input"
    for _ in range(12):  # Tab stays inside the modal dialog
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('cercle-search').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('cercle-search__open')")

    page.keyboard.press("/")
    assert dialog.evaluate("d => d.open")
    page.click(".cercle-search__close")
    assert not dialog.evaluate("d => d.open")
