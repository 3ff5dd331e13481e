"""Search over an index in parts (issue #18), in a real Chromium: one search finds pages of
every part, with the same results as the same hub in one part, newest first across parts,
the other language's parts too, and every request stays on the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.browser.test_search import GUIDE_FR, check, dates, results, search, wait_for_count
from tests.integration.test_search_parts import fragments_in, part_folders
from tests.integration.test_search_parts import split_project as split_project  # a fixture


@pytest.fixture(scope="module")
def split_site(split_project: Path) -> Path:
    return split_project / "site"


def part_pages(site: Path, lang: str) -> list[set[str]]:
    """The pages of each part of a language's index, first part first."""
    return [
        {url for url, record in fragments_in(folder).items() if record["lang"] == lang}
        for folder in part_folders(site)[lang]
    ]


def test_one_search_finds_a_page_of_each_part_as_one_index_would(split_site, demo_site, serve_dir, page):
    parts = part_pages(split_site, "fr")
    assert len(parts) == 3
    base = serve_dir(split_site)
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(base + GUIDE_FR)
    found = search(page, "ambassadeurs")
    assert all(set(found) & part for part in parts), (found, parts)  # each part answered
    assert any("/pagefind/fr-2/" in url for url in requests)  # the parts were loaded…
    assert requests and all(url.startswith(base) for url in requests), requests  # …from the site
    assert failed == []
    status = page.locator(".cercle-search__status").text_content()

    page.goto(serve_dir(demo_site) + GUIDE_FR)  # the same hub, indexed in one part
    assert sorted(search(page, "ambassadeurs")) == sorted(found)
    assert page.locator(".cercle-search__status").text_content() == status


def test_newest_first_holds_across_parts(split_site, serve_dir, page):
    parts = part_pages(split_site, "fr")
    page.goto(serve_dir(split_site) + GUIDE_FR)
    page.keyboard.press("/")
    page.wait_for_function("document.querySelectorAll('fieldset[data-filter=type] input').length > 0")
    for value in ("Guide", "Événement", "Webinaire"):  # every dated page, no words: newest first
        check(page, "type", value)
    dated = sum(
        1
        for folder in part_folders(split_site)["fr"]
        for record in fragments_in(folder).values()
        if record["lang"] == "fr" and record["meta"].get("datetime")
    )
    wait_for_count(page, f"=== {dated}")
    shown = dates(page)
    assert len(shown) == dated and shown == sorted(shown, reverse=True)
    order = results(page)
    place = {url: n for n, part in enumerate(parts) for url in part}
    assert [place[url] for url in order] == sorted((place[url] for url in order), reverse=True)


def test_other_language_brings_its_parts_too(split_site, serve_dir, page):
    english = set().union(*part_pages(split_site, "en"))
    page.goto(serve_dir(split_site) + GUIDE_FR)
    search(page, "ambassador")
    page.get_by_label("Inclure les résultats en anglais").check()
    links = "[...document.querySelectorAll('.cercle-search__results a')]"
    page.wait_for_function(links + ".some(a => a.pathname.startsWith('/en/'))")
    shown = {url for url in results(page) if url.startswith("/en/")}
    english_parts = part_pages(split_site, "en")
    assert shown <= english and sum(1 for part in english_parts if shown & part) >= 2, (shown, english_parts)
