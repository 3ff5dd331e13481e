"""Privacy: loading any page makes no request to another origin, sets no cookie and makes no
request for a sitemap.xml (Material's alternate-language lookup, disabled by cercle.theme_fixes).
Every page type is visited by test_page_types.py; here, a moment link, search and share, embeds,
and the gates catching a broken page.

The demo is built for the test server's own origin (conftest.served_demo), so its absolute
hreflang links are same-origin: any request that leaves it is a fault of the site.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from tests.conftest import mkdocs_build
from tests.quality.conftest import PAGE_TYPES
from tests.quality.corpus import EMBED_ORIGIN, HOSTILE_BODY, HOSTILE_BODY_PAGE, hostile_body_project
from tests.quality.gates import cookies, fence, foreign, load, sitemap_requests

from cercle.theme_fixes import disable_alternate_lookups

MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


@pytest.mark.parametrize("moment", ["#t=12:30", "#t=750"])
def test_a_moment_link_loads_nothing_from_the_video_host_before_the_click(moment, page, served_demo):
    requests = fence(page, served_demo.base)
    load(page, served_demo.url(PAGE_TYPES["webinar-past-fr"]) + moment)
    assert page.locator(".cercle-video__poster").get_attribute("data-cercle-start") == "750"
    page.locator(".cercle-transcript__box").first.hover()  # the transcript and slides are in step
    page.wait_for_load_state("networkidle")
    assert foreign(requests, served_demo.base) == [] and page.locator("iframe").count() == 0
    assert cookies(page) == []
    # the click, and only the click, loads the player; the request event can reach the test
    # after the iframe is attached, so wait for the request itself
    with page.context.expect_event("request", lambda request: "youtube-nocookie" in request.url):
        page.locator(".cercle-video__poster").click()
    page.locator(".cercle-video__frame iframe").wait_for(state="attached")
    assert {url.split("?")[0] for url in foreign(requests, served_demo.base)} == {
        "https://www.youtube-nocookie.com/embed/AAAAAAAAAAA"
    }


def test_search_and_share_stay_on_the_site(page, served_demo):
    requests = fence(page, served_demo.base)
    load(page, served_demo.url(PAGE_TYPES["webinar-past-fr"]))
    page.keyboard.press("/")
    page.locator("#cercle-search-input").fill("volontariat")
    page.wait_for_function("document.querySelectorAll('.cercle-search__results li').length > 0")
    page.keyboard.press("Escape")
    page.locator("[data-cercle-share]").first.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert any("/pagefind/" in url for url in requests)
    assert foreign(requests, served_demo.base) == []
    assert cookies(page) == []


# --- raw HTML in a body: the check stops it at build time ------------------------------------


def test_a_hostile_body_fails_the_build_with_each_line(tmp_path):
    project = hostile_body_project(tmp_path / "hub", allowed=(EMBED_ORIGIN,))
    result = mkdocs_build(project)
    assert result.returncode != 0 and "Traceback" not in result.output
    reported = {
        int(line.split(f"{HOSTILE_BODY_PAGE}:", 1)[1].split(":")[0])
        for line in result.output.splitlines()
        if f"{HOSTILE_BODY_PAGE}:" in line
    }
    # Script, remote picture, javascript: link and onclick, CSS url(); the allowed embed passes.
    assert reported == {7, 9, 11, 13}, result.output
    assert not (project / "site" / "fr" / "guides" / "corps-hostile").exists()


def test_an_embed_passes_only_from_an_allowed_origin(page, serve_dir, tmp_path):
    refused = mkdocs_build(hostile_body_project(tmp_path / "refused", embed_only=True))
    assert refused.returncode != 0
    assert f"{HOSTILE_BODY_PAGE}:15:" in refused.output and EMBED_ORIGIN in refused.output
    project = hostile_body_project(tmp_path / "allowed", embed_only=True, allowed=(EMBED_ORIGIN,))
    built = mkdocs_build(project)
    assert built.returncode == 0, built.output
    base = serve_dir(project / "site")
    requests = fence(page, base)
    load(page, f"{base}/fr/guides/corps-hostile/")
    # The page asks for the allowed origin (the test aborts it) and for nothing else outside.
    outside = foreign(requests, base)
    assert outside and all(url.startswith(f"{EMBED_ORIGIN}/") for url in outside), outside
    assert HOSTILE_BODY[15].split('"')[1] in outside


# --- the gate catches what it must --------------------------------------------------------

LEAKY_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>leaky</title>
<script src="https://cdn.example.com/analytics.js"></script></head>
<body><img src="https://tracker.example.net/pixel.gif" alt="">
<script>document.cookie = "visitor=42; path=/";</script></body></html>
"""

# Material's own bundle, unpatched, with one hreflang alternate: what every Cercle page did.
ALTERNATE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>alt</title>
<link rel="alternate" hreflang="fr" href="{base}/fr/page/"></head>
<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">
<script id="__config" type="application/json">{{"base": ".", "features": [],
"search": "none.js", "translations": {{}}, "version": null, "annotate": null, "tags": null}}</script>
<script src="bundle.js"></script></body></html>
"""


def test_gate_catches_a_third_party_request_and_a_cookie(page, serve_dir, tmp_path):
    (tmp_path / "index.html").write_text(LEAKY_PAGE, encoding="utf-8")
    base = serve_dir(tmp_path)
    requests = fence(page, base)
    load(page, f"{base}/")
    assert sorted(foreign(requests, base)) == [
        "https://cdn.example.com/analytics.js",
        "https://tracker.example.net/pixel.gif",
    ]
    assert [c["name"] for c in page.context.cookies()] == ["visitor"]
    assert "visitor=42" in cookies(page)


def test_gate_catches_materials_sitemap_lookup(page, serve_dir, tmp_path):
    bundle = next(MATERIAL_JS.glob("bundle.*.min.js"))
    (tmp_path / "bundle.js").write_bytes(bundle.read_bytes())
    base = serve_dir(tmp_path)
    (tmp_path / "index.html").write_text(ALTERNATE_PAGE.format(base=base), encoding="utf-8")
    requests = fence(page, base)
    load(page, f"{base}/")
    assert sitemap_requests(requests) == [f"{base}/fr/page/sitemap.xml"]


# --- the fix ---------------------------------------------------------------------------------


def test_materials_bundle_has_exactly_the_lookup_the_fix_expects():
    """Guards an upgrade of Material: the fix applies to the installed bundle."""
    bundle = next(MATERIAL_JS.glob("bundle.*.min.js")).read_text(encoding="utf-8")
    patched = disable_alternate_lookups(bundle)
    assert patched is not None
    assert len(patched) - len(bundle) == len(":not(link)")
    assert disable_alternate_lookups("function ui(){}") is None


def test_built_bundle_is_materials_with_the_lookup_disabled(served_demo):
    built = next((served_demo.site / "assets" / "javascripts").glob("bundle.*.min.js"))
    original = MATERIAL_JS / built.name
    assert original.is_file()  # same name: every page loads Material's own bundle URL
    assert built.read_text(encoding="utf-8") == disable_alternate_lookups(
        original.read_text(encoding="utf-8")
    )
