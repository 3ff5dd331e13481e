"""Accessibility: axe-core finds no WCAG 2.1 A/AA or best-practice violation with the search
dialog open, the share block or the language menu shown, nor on the transcript page in either
colour scheme; and the keyboard reaches every control of a webinar page with a visible focus
indicator. Every page type in both schemes, and its skip link, is test_page_types.py's.

Each gate is first shown catching a deliberately broken page (test_gate_catches_*).
"""

from __future__ import annotations

import pytest
from tests.quality.conftest import PAGE_TYPES
from tests.quality.gates import (
    axe_violations,
    describe_axe,
    fence,
    never_focused,
    tab_through,
    unfocused_badly,
)

ENTRY = {"fr": PAGE_TYPES["webinar-past-fr"], "en": PAGE_TYPES["webinar-past-en"]}


def open_settled(page, served, path: str) -> None:
    fence(page, served.base)
    response = page.goto(served.url(path))  # waits for "load": the pages' scripts have run
    assert response is not None


def assert_no_violations(page, context=None) -> None:
    violations = axe_violations(page, context)
    assert violations == [], f"{page.url}\n{describe_axe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_transcript_page_has_no_axe_violation(lang, scheme, page, served_demo):
    # Written by cercle/webinar with the theme's stylesheets, and the other language's lines.
    page.emulate_media(color_scheme=scheme)
    open_settled(page, served_demo, ENTRY[lang] + "transcript/")
    cues = "[data-cercle-transcript-part] p > [id^='t='], [data-cercle-transcript-part] p > [data-cercle-at]"
    assert page.locator(cues).count() >= 10  # both languages' captions, in paragraphs
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == ("slate" if scheme == "dark" else "default")  # the scheme axe checks
    assert_no_violations(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_search_dialog_open_has_no_axe_violation(lang, page, served_demo):
    open_settled(page, served_demo, ENTRY[lang])
    page.locator(".cercle-search__open").click()
    dialog = page.locator("#cercle-search")
    dialog.wait_for(state="visible")
    page.locator("#cercle-search-input").fill("ambassadeur" if lang == "fr" else "ambassador")
    page.wait_for_function("document.querySelectorAll('.cercle-search__results li').length > 0")
    assert page.evaluate("document.getElementById('cercle-search').open") is True
    assert_no_violations(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_language_menu_and_share_block_shown_have_no_axe_violation(lang, page, served_demo):
    open_settled(page, served_demo, ENTRY[lang])
    share = page.locator("[data-cercle-share]")
    share.scroll_into_view_if_needed()
    assert share.is_visible()
    page.locator(".cercle-share__copy").first.wait_for(state="visible")  # the script's buttons too
    assert_no_violations(page, "[data-cercle-share]")
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".md-select > button").focus()
    menu = page.locator(".md-select__inner")
    page.wait_for_function("getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    assert menu.locator("a").first.is_visible()
    assert_no_violations(page)


BLANKS = {
    "fr": "fr/guides/organisation-holomidale-programme-ambassadeurs/",
    "en": "en/guides/holomidal-organization-ambassador-program/",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_share_block_open_with_a_blank_left_has_no_axe_violation(lang, page, served_demo):
    open_settled(page, served_demo, BLANKS[lang])
    share = page.locator("[data-cercle-share]")
    share.scroll_into_view_if_needed()
    page.locator("details.cercle-share__more summary").click()
    assert page.locator("details.cercle-share__more").get_attribute("open") is not None
    page.locator(".cercle-share__copy").first.click()  # a blank is left: refused and announced
    page.wait_for_function("document.querySelector('[data-cercle-status]').textContent.length > 0")
    assert page.locator("input[data-blank][aria-invalid=true]").count() == 1
    assert_no_violations(page, "[data-cercle-share]")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_share_block_open_with_takeaway_posts_has_no_axe_violation(lang, page, served_demo):
    open_settled(page, served_demo, ENTRY[lang])
    page.locator("[data-cercle-share]").scroll_into_view_if_needed()
    page.locator("details.cercle-share__more summary").click()
    page.locator(".cercle-share__takeaway .cercle-share__copy").first.wait_for(state="visible")
    assert page.locator(".cercle-share__takeaway").count() == 3
    assert_no_violations(page, "[data-cercle-share]")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_to_share_page_with_every_disclosure_open_has_no_axe_violation(lang, page, served_demo):
    open_settled(page, served_demo, PAGE_TYPES[f"to-share-{lang}"])
    page.evaluate("document.querySelectorAll('details.cercle-share__more').forEach(d => d.open = true)")
    page.locator(".cercle-share__copy").first.wait_for(state="visible")
    assert_no_violations(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_keyboard_reaches_every_control_with_a_visible_focus(lang, page, served_demo):
    open_settled(page, served_demo, ENTRY[lang])
    # The transcript's paragraphs come from its own page when the panel nears the screen:
    # loaded first, so that every paragraph's time link is among the controls Tab must reach.
    page.locator("[data-cercle-transcript-from]").first.scroll_into_view_if_needed()
    # A time link, not the placeholder's own link to the transcript page (a `p > a` too: waiting
    # for that one let a slow fetch land while Tab was already past the panel).
    page.locator("[data-cercle-transcript-from] p > a[href^='#t=']").first.wait_for(state="attached")
    page.evaluate("window.scrollTo(0, 0)")
    states = tab_through(page)
    tags = {s["tag"] for s in states}
    assert len(states) > 30 and {"a", "button"} <= tags, states
    assert unfocused_badly(states) == [], unfocused_badly(states)
    assert never_focused(page) == []


# --- the gates catch what they must -------------------------------------------------------

BROKEN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>broken</title>
<style>button:focus, a:focus {{ outline: none; }} .pale {{ color: #bbb; background: #fff; }}</style></head>
<body><main><h1>Broken</h1><img src="x.png"><p class="pale">Low contrast text</p>
<a href="#a">first</a> <button type="button">no ring</button></main></body></html>
"""


def test_gate_catches_an_image_without_alt_and_low_contrast(page, serve_dir, tmp_path):
    (tmp_path / "index.html").write_text(BROKEN_PAGE.format(), encoding="utf-8")
    page.goto(serve_dir(tmp_path) + "/")
    found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "color-contrast"} <= found


def test_gate_catches_a_control_without_focus_indicator(page, serve_dir, tmp_path):
    (tmp_path / "index.html").write_text(BROKEN_PAGE.format(), encoding="utf-8")
    page.goto(serve_dir(tmp_path) + "/")
    states = tab_through(page)
    assert [s["tag"] for s in states] == ["a", "button"]
    assert [s["tag"] for s in unfocused_badly(states)] == ["a", "button"]


def test_material_skip_link_is_not_in_the_tab_order(page, served_demo):
    open_settled(page, served_demo, ENTRY["fr"])
    assert page.locator("[data-md-component=skip] a").count() in (0, 1)
    assert page.evaluate(
        "[...document.querySelectorAll('a.md-skip')].filter(a => a.offsetParent !== null || "
        "getComputedStyle(a).position === 'fixed' && a.getClientRects().length).length"
    ) == 1
# --- the replay page in its states (cercle-replay.js): a moment link, the player loaded ----


def youtube_stub(page) -> None:
    """The YouTube player answered by tests/browser/media/youtube-stub.html (no network)."""
    from pathlib import Path

    stub = (Path(__file__).parent.parent / "browser/media/youtube-stub.html").read_text(encoding="utf-8")
    page.context.route(
        "https://www.youtube-nocookie.com/embed/**",
        lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=stub),
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_replay_states_have_no_axe_violation_and_work_by_keyboard(lang, page, served_demo):
    fence(page, served_demo.base)
    youtube_stub(page)  # routed after the fence: it answers the player's address first
    # A moment link: the poster says where it starts, the chapter and line are marked.
    response = page.goto(served_demo.url(ENTRY[lang]) + "#t=2:36")
    assert response is not None
    current = page.locator('[data-cercle-transcript] span[aria-current="time"]').first
    assert current.get_attribute("id") == "t=156"
    assert_no_violations(page)
    # The other language's transcript, opened.
    page.locator(".cercle-transcript__other summary").click()
    assert_no_violations(page, ".cercle-transcript")
    # Played from the keyboard: the player, the current line, the moment link.
    page.locator(".cercle-video__poster").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"  # the player has the focus
    page.locator("[data-cercle-moment-copy]").wait_for(state="visible")
    assert_no_violations(page)
    states = tab_through(page)  # from the player on, round the page
    assert unfocused_badly([s for s in states if s["tag"] != "iframe"]) == []
    assert {"a", "button", "summary"} <= {s["tag"] for s in states}
    assert [html for html in never_focused(page) if not html.startswith("<iframe")] == []


    assert (
        page.evaluate(
            "[...document.querySelectorAll('a.md-skip')].filter(a => a.offsetParent !== null || "
            "getComputedStyle(a).position === 'fixed' && a.getClientRects().length).length"
        )
        == 1
    )
