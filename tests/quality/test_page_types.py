"""Every page type of the demo hub, in both languages, in one visit each: what the reader's
browser loads (nothing from elsewhere, no cookie, no sitemap.xml lookup), what assistive
technology meets (axe-core in the light and the dark scheme, the skip link) and what paper
shows (QR code of the page's address, no screen furniture).

One visit serves every gate: a page load and axe's start each cost a core about half a
second, and five visits per page type were a tenth of the suite. Each gate's findings are
gathered and reported together, by gate. Each gate is shown catching a broken page in its own
file (test_privacy, test_accessibility, test_print), where the other states of a page (search
dialog open, share block, transcript, keyboard) are checked.
"""

from __future__ import annotations

import pytest
from tests.quality.conftest import PAGE_TYPES
from tests.quality.gates import axe_violations, cookies, describe_axe, fence, foreign, load, sitemap_requests
from tests.quality.paper import paper_problems, printed

# The root page sends a French or English browser on; any other language stays to choose.
CHOOSER = pytest.mark.locale("de-DE")
NOT_PRINTED = ("root", "404")  # the chooser and the error page have no address to print


def skip_link_problems(page, kind: str) -> list[str]:
    """Empty when Tab's first stop is the visible skip link, Enter moves focus to the content,
    and the next Tab lands in the content (or after it, on a page without links: 404), past
    the header, search and menu."""
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
        " lang: document.documentElement.lang})"
    )
    label = {"fr": "Aller au contenu", "en": "Skip to content"}[first["lang"]]
    if "cercle-skip" not in first["cls"] or first["text"] != label:
        return [f"first stop: {first}"]
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#cercle-content'")
    if page.evaluate("document.activeElement.id") != "cercle-content":
        return ["Enter leaves the focus where it was"]
    page.keyboard.press("Tab")
    after = page.evaluate(
        "(() => { const c = document.getElementById('cercle-content'), a = document.activeElement;"
        " return c.contains(a) || !!(c.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING); })()"
    )
    inside = page.evaluate("document.getElementById('cercle-content').contains(document.activeElement)")
    if not after or (kind != "404" and not inside):
        return [
            "the next Tab is not in the content: "
            + page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        ]
    return []


@pytest.mark.parametrize("kind", [pytest.param(k, marks=CHOOSER) if k == "root" else k for k in PAGE_TYPES])
def test_page_type_passes_the_reader_gates(kind, page, served_demo):
    url = served_demo.url(PAGE_TYPES[kind])
    requests = fence(page, served_demo.base)
    load(page, url)  # scrolled down and back: lazy images and transcripts are loaded too
    assert page.url == url
    assert len(requests) > 3, requests
    found: dict[str, object] = {
        "requests to elsewhere": foreign(requests, served_demo.base),
        "cookies": cookies(page),
        "sitemap.xml lookups": sitemap_requests(requests),
        "axe, light scheme": describe_axe(axe_violations(page)),
    }
    # The palette follows the system (prefers-color-scheme), also when it changes.
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    found["axe, dark scheme"] = describe_axe(axe_violations(page))
    if kind != "root":  # the chooser sends a French browser on: no content to skip to
        found["skip link"] = skip_link_problems(page, kind)
    if kind not in NOT_PRINTED:
        page.emulate_media(color_scheme="light")
        found["paper"] = paper_problems(printed(page), url, "en" if kind.endswith("-en") else "fr")
    failed = {gate: problems for gate, problems in found.items() if problems}
    assert failed == {}, "\n".join(f"{gate}: {problems}" for gate, problems in failed.items())
