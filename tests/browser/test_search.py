"""Search in a real Chromium: per-language results, filters with several values, sorting, browsing
without words, the announced count, highlights on the opened page, the other language on demand
and a keyboard-reachable dialog."""

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
    assert page.locator("fieldset[data-filter=type] legend").text_content() == "Type"
    assert page.locator("fieldset[data-filter=topic] legend").text_content() == "Topic"


def choices(page, name: str) -> list[str]:
    return page.eval_on_selector_all(
        f"fieldset[data-filter={name}] input[type=checkbox]", "boxes => boxes.map(b => b.value)"
    )


def check(page, name: str, value: str) -> None:
    page.locator(f"fieldset[data-filter={name}]").get_by_label(value, exact=True).check()


def wait_for_count(page, expression: str) -> None:
    page.wait_for_function(f"document.querySelectorAll('.cercle-search__results li').length {expression}")


def test_type_filter_narrows_the_results(demo_site, serve_dir, page):
    guides = len([p for p in (demo_site / "fr" / "guides").glob("*/index.html")])
    page.goto(serve_dir(demo_site) + GUIDE_FR)
    everything = search(page, "holomidale")
    assert len(everything) >= 2
    assert choices(page, "type") == ["Événement", "Guide", "Webinaire"]
    assert page.locator("fieldset[data-filter=type] legend").text_content() == "Type"
    check(page, "type", "Événement")
    wait_for_count(page, f"< {len(everything)}")
    assert results(page) == [RECAP_FR]
    assert page.locator(".cercle-search__status").text_content() == "1 résultat"
    # a filter alone (no words) browses everything of that type
    page.locator("#cercle-search-input").fill("")
    page.locator("fieldset[data-filter=type]").get_by_label("Événement", exact=True).uncheck()
    check(page, "type", "Guide")
    wait_for_count(page, f"=== {guides}")
    assert all(path.startswith("/fr/guides/") for path in results(page))


def test_several_values_of_a_filter_match_any_and_filters_match_all(demo_site, serve_dir, page):
    page.goto(serve_dir(demo_site) + GUIDE_FR)
    page.keyboard.press("/")
    page.wait_for_function("document.querySelectorAll('fieldset[data-filter=type] input').length > 0")
    check(page, "type", "Guide")
    wait_for_count(page, "> 0")
    guides = results(page)
    check(page, "type", "Événement")  # Guide OR Événement
    wait_for_count(page, f"> {len(guides)}")
    both = results(page)
    assert set(guides) < set(both) and RECAP_FR in both
    assert all(p.startswith(("/fr/guides/", "/fr/evenements/")) for p in both), both
    years = choices(page, "year")
    assert years == sorted(years, reverse=True) and years
    check(page, "year", years[-1])  # AND the oldest year: fewer
    wait_for_count(page, f"< {len(both)}")
    narrowed = results(page)
    assert narrowed and set(narrowed) <= set(both)


def dates(page) -> list[str]:
    return page.eval_on_selector_all(".cercle-search__results time", "ts => ts.map(t => t.dateTime)")


def test_results_sort_by_relevance_or_by_date(demo_site, serve_dir, page):
    page.goto(serve_dir(demo_site) + GUIDE_FR)
    relevance = search(page, "ambassadeurs")
    assert len(relevance) >= 3
    assert page.locator("label[for=cercle-search-sort]").text_content() == "Trier par"
    page.select_option("#cercle-search-sort", "date")
    page.wait_for_function(
        "(() => { const ts = [...document.querySelectorAll('.cercle-search__results time')]"
        ".map(t => t.dateTime); return ts.length > 1 && ts.join() === [...ts].sort().reverse().join(); })()"
    )
    by_date = results(page)
    assert dates(page) == sorted(dates(page), reverse=True)
    assert by_date != relevance  # the demo's relevance order is not its date order


def test_result_count_is_announced_politely_in_the_page_language(demo_site, serve_dir, page):
    page.goto(serve_dir(demo_site) + GUIDE_EN)
    found = search(page, "holomidal")
    status = page.locator("#cercle-search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.text_content() == f"{len(found)} results"
    page.locator("#cercle-search-input").fill("zzzzqqq")
    page.wait_for_function("document.getElementById('cercle-search-status').textContent === 'No results.'")


def test_opened_result_highlights_the_searched_words_from_this_site(demo_site, serve_dir, page):
    base = serve_dir(demo_site)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + GUIDE_FR)
    assert page.locator("mark.pagefind-highlight").count() == 0
    search(page, "holomidale")
    page.locator(".cercle-search__results a", has_text="effet de mode").first.click()
    page.wait_for_selector("article mark.pagefind-highlight")
    assert "pagefind-highlight=holomidale" in page.url
    marks = page.eval_on_selector_all("mark.pagefind-highlight", "ms => ms.map(m => m.textContent)")
    assert marks and all(m.lower().startswith("holomidal") for m in marks), marks
    outside = "ms => ms.filter(m => !m.closest('article[data-pagefind-body]')).length"
    assert page.eval_on_selector_all("mark.pagefind-highlight", outside) == 0  # only the content
    highlight = [url for url in requests if url.endswith("pagefind-highlight.js")]
    assert len(highlight) == 1 and highlight[0].startswith(base)  # once: on the opened page
    assert all(url.startswith(base) for url in requests), requests


def test_other_language_results_only_when_asked(demo_site, serve_dir, page):
    page.goto(serve_dir(demo_site) + GUIDE_FR)
    found = search(page, "holomidal")
    assert all(path.startswith("/fr/") for path in found)
    option = page.get_by_label("Inclure les résultats en anglais")
    option.check()
    links = "[...document.querySelectorAll('.cercle-search__results a')]"
    page.wait_for_function(links + ".some(a => a.pathname.startsWith('/en/'))")
    mixed = results(page)
    assert RECAP_EN in mixed and RECAP_FR in mixed
    english = page.locator(".cercle-search__result[lang=en]")
    assert english.count() == len([p for p in mixed if p.startswith("/en/")])
    option.uncheck()
    page.wait_for_function(links + ".every(a => a.pathname.startsWith('/fr/'))")
    assert sorted(results(page)) == sorted(found)


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
