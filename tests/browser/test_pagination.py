"""A listing over numbered pages, in a real Chromium: axe finds nothing in either scheme, the
keyboard reaches the page links with a visible focus, and "next page" leads on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import Served, serve_project, warm_copy
from tests.integration.test_pagination import set_page_size
from tests.quality.gates import axe_violations, describe_axe, fence


@pytest.fixture(scope="module")
def paged_demo(tmp_path_factory: pytest.TempPathFactory, demo_site: Path) -> Iterator[Served]:
    project = warm_copy(tmp_path_factory.mktemp("paged") / "hub", demo_site)
    set_page_size(project, 2)
    served, stop = serve_project(project)
    yield served
    stop()  # type: ignore[operator]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["fr/guides/page/2/", "en/guides/"])
def test_a_paged_listing_has_no_axe_violation(path, scheme, page, paged_demo):
    page.emulate_media(color_scheme=scheme)
    fence(page, paged_demo.base)
    assert page.goto(paged_demo.url(path)) is not None
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe_axe(violations)}"


def test_the_next_page_link_leads_on_by_keyboard(page, paged_demo):
    fence(page, paged_demo.base)
    page.goto(paged_demo.url("fr/guides/"))
    link = page.locator(".cercle-pagination a[rel=next]")
    link.focus()
    outline = link.evaluate("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth")
    assert not outline.startswith("none"), outline
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44  # a target big enough for a finger
    page.keyboard.press("Enter")
    page.wait_for_url(paged_demo.url("fr/guides/page/2/"))
    current = page.locator(".cercle-pagination [aria-current=page]")
    assert current.inner_text() == "2"
    assert page.title().startswith("Guides (page 2 sur 2)")
