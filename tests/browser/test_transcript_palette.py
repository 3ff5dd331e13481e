"""The transcript page follows the reader's colour scheme like every other page, though it is
written without Material's bundle (cercle/parts/palette-follow.html)."""

from __future__ import annotations

ENTRY = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
TRANSCRIPT = ENTRY + "transcript/"


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_transcript_page_follows_the_system_scheme(demo_site, serve_dir, page) -> None:
    base = serve_dir(demo_site)
    page.emulate_media(color_scheme="dark")
    page.goto(f"{base}/{TRANSCRIPT}")
    assert scheme(page) == "slate"
    page.emulate_media(color_scheme="light")
    page.goto(f"{base}/{TRANSCRIPT}")
    assert scheme(page) == "default"


def test_transcript_page_keeps_the_scheme_the_reader_chose(demo_site, serve_dir, page) -> None:
    base = serve_dir(demo_site)
    page.emulate_media(color_scheme="light")
    page.goto(f"{base}/{ENTRY}")
    for _ in range(3):  # Material's toggle cycles automatic → light → dark
        if scheme(page) == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_timeout(50)
    assert scheme(page) == "slate"
    page.goto(f"{base}/{TRANSCRIPT}")
    assert scheme(page) == "slate"  # the system says light; the reader said dark
