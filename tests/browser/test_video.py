"""The click-to-load video and the slides gallery in Chromium.

Every request is recorded; requests to any other host than the test server are aborted
(after being recorded), so nothing ever reaches the network.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.conftest import mkdocs_build

FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
TITLE = "Vidéo\xa0: Le cercle vertueux des programmes ambassadeurs"


def record_and_fence(page, base: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def route(route):
        if route.request.url.startswith(f"{base}/"):
            route.continue_()
        else:
            route.abort()  # recorded above; never sent

    page.route("**/*", route)
    return requests


def load_whole_page(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy thumbnails too
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def iframe_src(page) -> dict:
    frame = page.locator(".cercle-video__frame iframe")
    frame.wait_for(state="attached")
    assert page.locator("iframe").count() == 1
    assert frame.get_attribute("title") == TITLE
    src = urlsplit(frame.get_attribute("src"))
    assert (src.scheme, src.hostname, src.path) == ("https", "www.youtube-nocookie.com", "/embed/AAAAAAAAAAA")
    return parse_qs(src.query)


def test_nothing_leaves_the_origin_before_play_and_chapters_start_the_player(page, served_demo):
    base = served_demo.base  # the demo built for the address it is served at (tests/conftest.py)
    requests = record_and_fence(page, base)
    load_whole_page(page, f"{base}/{FR}")

    assert len(requests) > 5 and any(u.endswith(".webp") for u in requests)
    assert [u for u in requests if not u.startswith(f"{base}/")] == []
    assert page.locator("iframe").count() == 0
    assert page.context.cookies() == []

    with page.expect_request(lambda r: "youtube-nocookie.com" in r.url) as player_request:
        page.click('.cercle-chapters a[data-cercle-start="720"]')  # chapter "12:00"
    query = iframe_src(page)
    assert query["start"] == ["720"] and query["autoplay"] == ["1"]
    assert "start=720" in player_request.value.url
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"

    # Another chapter: the same player, told to seek through its postMessage API (the YouTube
    # player itself is aborted here; tests/browser/test_replay.py plays it with a local stub).
    page.click('.cercle-chapters a[data-cercle-start="150"]')
    assert iframe_src(page)["start"] == ["720"] and page.locator("iframe").count() == 1
    assert page.locator(".cercle-video__poster").count() == 0
    assert not [u for u in requests if not u.startswith(f"{base}/") and "youtube-nocookie.com" not in u]

    # From the top again, with the keyboard: the poster starts at 0.
    load_whole_page(page, f"{base}/{FR}")
    page.focus(".cercle-video__poster")
    page.keyboard.press("Enter")
    assert iframe_src(page)["start"] == ["0"]


def test_slides_gallery_with_keyboard(page, serve_dir, demo_site):
    lang_page = FR
    base = serve_dir(demo_site)
    record_and_fence(page, base)
    load_whole_page(page, f"{base}/{lang_page}")
    stage = page.locator("[data-cercle-slide-image]")
    caption = page.locator("[data-cercle-slide-caption]")
    assert page.locator("[data-cercle-slides-controls]").is_visible()

    thumbs = page.locator(".cercle-slides__thumbs a")
    # Each thumbnail is drawn by the script in place of its link's text, and loads.
    assert thumbs.nth(1).locator("img").get_attribute("alt") == "Diapositive 2 sur 6\xa0: Trois questions"
    assert thumbs.nth(1).locator("img").get_attribute("src").endswith("/thumb-002.webp")
    thumbs.nth(1).scroll_into_view_if_needed()
    page.wait_for_function("document.querySelectorAll('.cercle-slides__thumbs img')[1].naturalWidth === 320")
    assert thumbs.nth(1).inner_text() == ""
    thumbs.nth(1).focus()
    page.keyboard.press("ArrowRight")
    assert stage.get_attribute("src").endswith("slide-003.webp")
    assert stage.get_attribute("alt").startswith("Diapositive 3 sur 6\xa0: Le volontariat")
    assert caption.text_content() == "Diapositive 3 sur 6"
    assert thumbs.nth(2).evaluate("a => a === document.activeElement")
    assert thumbs.nth(2).get_attribute("aria-current") == "true"
    assert page.locator('a[aria-current="true"]').count() == 1

    page.keyboard.press("End")
    assert stage.get_attribute("src").endswith("slide-006.webp")
    page.click("[data-cercle-slides-prev]")
    assert caption.text_content() == "Diapositive 5 sur 6"
    thumbs.nth(0).click()  # a thumbnail shows its slide in place
    assert page.url == f"{base}/{lang_page}"
    assert stage.get_attribute("src").endswith("slide-001.webp")
    assert page.evaluate("document.querySelector('.cercle-slides__text').open") is False
    assert "Le volontariat, seule option" in page.locator(".cercle-slides__text").text_content()


def test_a_french_deck_on_an_english_page_keeps_its_language_as_it_moves(page, serve_dir, demo_project):
    """WCAG 3.1.2: the thumbnails the script draws and the slide it shows say the deck is French."""
    entry = demo_project / "content/en/webinars/virtuous-circle-ambassador-programs.md"
    source = entry.read_text(encoding="utf-8")
    entry.write_text(
        source.replace("media/virtuous-circle-slides.pdf", "media/cercle-vertueux-slides.pdf"), "utf-8"
    )
    result = mkdocs_build(demo_project)
    assert result.returncode == 0, result.output
    base = serve_dir(demo_project / "site")
    record_and_fence(page, base)
    load_whole_page(page, f"{base}/en/webinars/virtuous-circle-ambassador-programs/")
    stage = page.locator("[data-cercle-slide-image]")
    thumbs = page.locator(".cercle-slides__thumbs a")
    assert thumbs.nth(1).locator("img").evaluate("img => [img.alt, img.closest('[lang]').lang]") == [
        "Trois questions",
        "fr",
    ]
    thumbs.nth(1).focus()
    page.keyboard.press("ArrowRight")
    assert (
        stage.get_attribute("alt") == "Le volontariat, seule option" and stage.get_attribute("lang") == "fr"
    )
    assert page.locator("[data-cercle-slide-caption]").text_content() == "Slide 3 of 6"
    assert page.locator("[data-cercle-slide-caption]").evaluate("el => el.closest('[lang]').lang") == "en"
