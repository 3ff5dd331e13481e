"""The replay page in step with its video, in Chromium: a real (tiny) video file and a YouTube
embed played by a local stub that speaks the IFrame API's postMessage protocol.

The hub is the demo, built for the test server's address, with the French replay turned into
a 16-second file video (tests/browser/media/) and the English one left on YouTube. Every request
is recorded; the YouTube player address is answered by the stub (page.route), any other origin is
aborted: nothing reaches the network.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from tests.conftest import serve_project, warm_copy
from tests.quality.gates import axe_violations, describe_axe, tab_through, unfocused_badly

MEDIA = Path(__file__).parent / "media"
FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
EN = "en/webinars/virtuous-circle-ambassador-programs/"
FR_SOURCE = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
YOUTUBE = "https://www.youtube-nocookie.com/"


def file_video_replay(source: str) -> str:
    """The French replay on the test video: its times brought within its 16 seconds."""
    source = source.replace("video: https://www.youtube.com/watch?v=AAAAAAAAAAA", "video: media/replay.webm")
    source = source.replace("duration: 60", "duration: 1")
    source = re.sub(
        r"chapters:\n(  - .*\n)+",
        'chapters:\n  - {at: "0:00", title: "Accueil"}\n'
        '  - {at: "0:06", title: "Le je et le nous"}\n  - {at: "0:12", title: "Questions"}\n',
        source,
    )
    source = re.sub(
        r"slides_at: .*\n", 'slides_at: ["0:00", "0:02", "0:04", "0:06", "0:08", "0:10"]\n', source
    )
    source = source.replace(
        "transcript: media/cercle-vertueux-transcription.vtt", "transcript: media/replay.fr.vtt"
    )
    source = source.replace("  fr: media/cercle-vertueux-transcription.vtt", "  fr: media/replay.fr.vtt")
    return source.replace("  en: media/virtuous-circle-transcript.vtt", "  en: media/replay.en.vtt")


def served(project: Path) -> Iterator[str]:
    """Serve the project's site, built for the server's own address (tests.conftest.serve_project)."""
    server, stop = serve_project(project)
    try:
        yield server.base
    finally:
        stop()  # type: ignore[operator]


@pytest.fixture(scope="module")
def hub(tmp_path_factory, demo_site) -> Iterator[str]:
    project = warm_copy(tmp_path_factory.mktemp("replay") / "hub", demo_site)
    for name in ("replay.webm", "replay.fr.vtt", "replay.en.vtt"):
        shutil.copy(MEDIA / name, project / "content/media" / name)
    fr = project / FR_SOURCE
    fr.write_text(file_video_replay(fr.read_text(encoding="utf-8")), encoding="utf-8")
    yield from served(project)


def fence(page, base: str) -> list[str]:
    """Record every request; the YouTube player is the local stub; any other origin is aborted."""
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    stub = (MEDIA / "youtube-stub.html").read_text(encoding="utf-8")

    def route(route) -> None:
        url = route.request.url
        if url.startswith(f"{base}/"):
            route.continue_()
        elif url.startswith(f"{YOUTUBE}embed/"):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=stub)
        else:
            route.abort()

    page.context.route("**/*", route)
    return requests


def transcript_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if "/transcript/" in url]


def foreign(requests: list[str], base: str) -> list[str]:
    return [url for url in requests if not url.startswith(f"{base}/")]


def open_page(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")


# The cues of the entry page's transcript: a span each, inside its paragraph.
MAIN_LINES = "[data-cercle-transcript] > .cercle-transcript__box [data-cercle-transcript-lines] > p > span"
SHOWN_SLIDE = (
    "[...document.querySelectorAll('.cercle-slides__thumbs a')]"
    ".findIndex(a => a.getAttribute('aria-current'))"
)


def current_line(page) -> str | None:
    return page.evaluate(f"(document.querySelector('{MAIN_LINES}[aria-current]') || {{}}).id")


def wait_line_at_least(page, seconds: int) -> None:
    page.wait_for_function(
        f"""(s) => {{ const li = document.querySelector('{MAIN_LINES}[aria-current="time"]');
          return li && parseFloat(li.dataset.cercleAt ?? li.id.slice(2)) >= s; }}""",
        arg=seconds,
    )


def shown_slide(page) -> int:
    return page.evaluate(SHOWN_SLIDE)


def video_time(page) -> float:
    return page.evaluate("document.querySelector('video').currentTime")


def wait_video(page, condition: str) -> None:
    page.wait_for_function(f"(() => {{ const v = document.querySelector('video'); return {condition}; }})()")


# -- a file video ---------------------------------------------------------------------------


def test_file_video_transcript_slides_captions_and_moment(page, hub):
    requests = fence(page, hub)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=hub)
    open_page(page, f"{hub}/{FR}")
    assert foreign(requests, hub) == []
    assert not any(u.endswith("replay.webm") and "bytes" in u for u in requests)
    assert page.locator("[data-cercle-moment]").is_hidden()  # offered while it plays

    # The lines are on the transcript page, fetched (same origin) once the panel nears the screen.
    assert transcript_requests(requests) == []
    page.locator("[data-cercle-transcript]").scroll_into_view_if_needed()
    page.wait_for_selector('.cercle-transcript__lines a[href="#t=8"]')
    assert transcript_requests(requests) == [f"{hub}/{FR}transcript/"]
    # Two speakers, two paragraphs: one time link each, a span (with its start) per cue.
    assert page.locator(f"{MAIN_LINES}[id]").count() == 8
    assert page.locator("[data-cercle-transcript] .cercle-transcript__lines > p > a").count() == 2

    # A paragraph's time starts the video there, with the keyboard.
    page.focus('.cercle-transcript__lines a[href="#t=8"]')
    page.keyboard.press("Enter")
    wait_video(page, "v.currentTime >= 8 && !v.paused")
    # The cue being said follows playback, inside its paragraph, and so does the gallery
    # (slides_at, one every 2 s).
    wait_line_at_least(page, 10)
    page.wait_for_function(f"{SHOWN_SLIDE} >= 3")
    assert page.locator("[data-cercle-slide-image]").get_attribute("src").split("/")[-1] >= "slide-005.webp"
    assert page.locator(".cercle-transcript__box span[aria-current]").count() <= 2  # one per language
    marked = page.evaluate(
        f"""(() => {{ const s = document.querySelector('{MAIN_LINES}[aria-current]');
          const p = s.closest('p');
          return [p.querySelector('a').getAttribute('href'),
                  getComputedStyle(p).borderLeftColor, getComputedStyle(s).backgroundColor]; }})()"""
    )
    assert marked[0] == "#t=8" and "rgba(0, 0, 0, 0)" not in marked[1:]  # a bar and a tint

    # The gallery's "play from this slide" seeks to the slide's time.
    page.locator(".cercle-slides__thumbs a").nth(1).click()
    play = page.locator("[data-cercle-slide-play]")
    assert play.text_content() == "Lire depuis cette diapositive (0:02)"
    page.wait_for_function("document.querySelector('video').currentTime >= 6")
    play.click()
    wait_video(page, "v.currentTime >= 2 && v.currentTime < 5")

    # Captions: French (the page's language) on by default, English by the chooser.
    modes = (
        "Object.fromEntries([...document.querySelector('video').textTracks].map(t => [t.language, t.mode]))"
    )
    assert page.evaluate(modes) == {"fr": "showing", "en": "disabled"}
    page.select_option("#cercle-captions", "en")
    assert page.evaluate(modes) == {"fr": "disabled", "en": "showing"}
    page.select_option("#cercle-captions", "")
    assert page.evaluate(modes) == {"fr": "disabled", "en": "disabled"}

    # A link to this moment, while it plays.
    moment = page.locator("[data-cercle-moment-copy]")
    moment.wait_for(state="visible")
    assert moment.text_content().startswith("Copier un lien vers ce moment (0:0")
    moment.click()
    status = page.locator("[data-cercle-moment-status]")
    page.wait_for_function("document.querySelector('[data-cercle-moment-status]').textContent !== ''")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(rf"{re.escape(hub)}/{FR}#t=0:\d\d", copied), copied
    assert status.text_content() == f"Lien vers {copied.rsplit('=', 1)[1]} copié."

    # The page in this state: no axe violation, every control reached by the keyboard.
    violations = axe_violations(page)
    assert violations == [], describe_axe(violations)
    states = tab_through(page)
    assert unfocused_badly(states) == [], unfocused_badly(states)
    assert "video" in {s["tag"] for s in states}  # Tab stops there: the video's own controls
    # After the video, backwards from the chapters: the moment button, then the captions chooser.
    page.focus(".cercle-chapters a")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-cercle-moment-copy')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "cercle-captions"
    page.keyboard.press("ArrowUp")  # from "off" to English, with the keyboard
    assert page.evaluate(modes) == {"fr": "disabled", "en": "showing"}
    assert foreign(requests, hub) == []


@pytest.mark.parametrize("fragment, seconds", [("#t=0:06", 6), ("#t=8", 8)])
def test_a_moment_link_starts_the_file_video_there(page, hub, fragment, seconds):
    requests = fence(page, hub)
    open_page(page, f"{hub}/{FR}{fragment}")
    assert current_line(page) == f"t={seconds}"  # shown before anything plays
    assert page.locator(".cercle-chapters a[aria-current]").get_attribute("data-cercle-start") == "6"
    assert video_time(page) == 0
    page.locator("video").focus()
    page.keyboard.press("Space")  # the video's own controls, from the keyboard
    wait_video(page, f"!v.paused && v.currentTime >= {seconds}")
    assert foreign(requests, hub) == []


# -- a YouTube embed (local stub) ----------------------------------------------------------


def iframe_query(page) -> dict:
    frame = page.locator(".cercle-video__frame iframe")
    frame.wait_for(state="attached")
    src = urlsplit(frame.get_attribute("src"))
    assert (src.scheme, src.hostname, src.path) == ("https", "www.youtube-nocookie.com", "/embed/AAAAAAAAAAA")
    return parse_qs(src.query)


def stub_received(page) -> list[dict]:
    frame = next(f for f in page.frames if f.url.startswith(YOUTUBE))
    return frame.evaluate("window.received")


@pytest.mark.locale("en-GB")
def test_youtube_player_follows_and_is_driven_by_the_page(page, hub):
    requests = fence(page, hub)
    open_page(page, f"{hub}/{EN}")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert foreign(requests, hub) == [] and page.locator("iframe").count() == 0

    page.locator("[data-cercle-transcript]").scroll_into_view_if_needed()  # the lines come in
    page.click('.cercle-transcript__lines a[href="#t=150"]')
    query = iframe_query(page)
    assert query["start"] == ["150"] and query["enablejsapi"] == ["1"] and query["origin"] == [hub]
    assert [u for u in foreign(requests, hub) if not u.startswith(f"{YOUTUBE}embed/")] == []
    # The stub's clock (4× real time) reaches the next line: the page follows it.
    wait_line_at_least(page, 156)
    assert current_line(page) == "t=156"
    assert shown_slide(page) == 2  # slides_at: the third slide from 2:30
    assert page.locator("[data-cercle-moment-copy]").is_visible()

    # Another line seeks the same player through the protocol.
    page.click('.cercle-transcript__lines a[href="#t=720"]')
    page.wait_for_function(
        "document.querySelector('span[id=\"t=720\"]').getAttribute('aria-current') === 'time'"
    )
    seeks = [m for m in stub_received(page) if m.get("func") == "seekTo"]
    assert seeks[-1]["args"] == [720, True] and seeks[-1]["event"] == "command"
    assert any(m.get("event") == "listening" for m in stub_received(page))
    assert page.locator("iframe").count() == 1 and iframe_query(page)["start"] == ["150"]
    page.click('.cercle-chapters a[data-cercle-start="1200"]')
    page.wait_for_function(f"{SHOWN_SLIDE} === 3")


@pytest.mark.locale("en-GB")
def test_a_moment_link_shows_its_time_on_the_poster_and_starts_there(page, hub):
    requests = fence(page, hub)
    open_page(page, f"{hub}/{EN}#t=12:30")
    poster = page.locator(".cercle-video__poster")
    assert poster.get_attribute("data-cercle-start") == "750"
    assert "Starts at 12:30" in poster.text_content()
    assert page.locator(".cercle-chapters a[aria-current]").get_attribute("data-cercle-start") == "720"
    assert foreign(requests, hub) == [] and page.locator("iframe").count() == 0
    poster.focus()
    page.keyboard.press("Enter")
    assert iframe_query(page)["start"] == ["750"]


# -- search lands on the moment -------------------------------------------------------------


@pytest.mark.locale("en-GB")
def test_a_search_match_in_the_transcript_links_to_its_moment(page, hub):
    requests = fence(page, hub)
    open_page(page, f"{hub}/en/")
    page.locator(".cercle-search__open").click()
    page.locator("#cercle-search-input").fill("monitoring")  # said at 12:00, in the transcript only
    moment = page.locator(".cercle-search__moment").first
    moment.wait_for(state="visible")
    # the page opened marks the searched words too (Pagefind's highlight, like every result)
    href = urlsplit(moment.get_attribute("href"))
    assert href.path.endswith(f"/{EN}") and href.fragment == "t=720"
    assert parse_qs(href.query) == {"pagefind-highlight": ["monitoring"]}
    assert moment.text_content() == "In the transcript, at 12:00"
    moment.click()
    page.wait_for_url(f"{hub}/{EN}?pagefind-highlight=monitoring#t=720")
    poster = page.locator(".cercle-video__poster")
    poster.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.cercle-video__poster').dataset.cercleStart === '720'")
    page.wait_for_function(f"document.querySelector('{MAIN_LINES}[aria-current]')?.id === 't=720'")
    assert foreign(requests, hub) == []


# -- the transcript on demand --------------------------------------------------------------


def test_the_transcript_loads_when_asked_and_reads_without_javascript(browser, page, hub):
    requests = fence(page, hub)
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"{hub}/{FR}")
    page.wait_for_load_state("networkidle")
    assert transcript_requests(requests) == []  # far below: nothing fetched yet
    # The link, from the keyboard: the lines come in its place and the first one has the focus.
    page.evaluate("window.scrollTo(0, 0)")
    link = page.locator("[data-cercle-transcript-part='fr'] .cercle-transcript__open a")
    assert link.text_content() == "Lire la transcription (2 paragraphes)"
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('.cercle-transcript__lines > p > a')")
    assert page.url == f"{hub}/{FR}"  # no navigation
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#t=0"
    # Another language: the same page, fetched once, fills its list when it opens.
    page.locator(".cercle-transcript__other summary").click()
    page.wait_for_selector(".cercle-transcript__other span[data-cercle-at]")
    assert transcript_requests(requests) == [f"{hub}/{FR}transcript/"]
    violations = axe_violations(page)
    assert violations == [], describe_axe(violations)

    # Without JavaScript the link leads to the transcript page, whose times lead back to the moment.
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        plain = context.new_page()
        plain.goto(f"{hub}/{FR}")
        plain.click("[data-cercle-transcript-part='fr'] .cercle-transcript__open a")
        plain.wait_for_url(f"{hub}/{FR}transcript/")
        assert plain.locator("h1").text_content().startswith("Transcription")
        plain.click('p:has(span[id="t=6"]) > a')  # the paragraph of the cue said at 0:06
        plain.wait_for_url(f"{hub}/{FR}#t=0")
        # A #t= link to the transcript page lands on its cue, inside its paragraph.
        plain.goto(f"{hub}/{FR}transcript/#t=6")
        assert plain.locator('span[id="t=6"]:target').count() == 1
    finally:
        context.close()
    open_page(page, f"{hub}/{FR}transcript/")
    violations = axe_violations(page)
    assert violations == [], describe_axe(violations)
    assert foreign(requests, hub) == []


# -- times for everyone ---------------------------------------------------------------------

UPCOMING_FR = "fr/webinaires/faire-vivre-programme-ambassadeurs-dans-la-duree/"


@pytest.mark.parametrize("zone, shown", [("America/New_York", True), ("Europe/Paris", False)])
def test_the_start_is_also_given_in_the_readers_time_zone(browser, hub, zone, shown):
    context = browser.new_context(locale="fr-FR", timezone_id=zone)
    try:
        page = context.new_page()
        requests = fence(page, hub)
        open_page(page, f"{hub}/{UPCOMING_FR}")
        local = page.locator(".cercle-localtime")
        # 18:30 in Paris on 18 March 2027 is 13:30 in New York (already on summer time).
        assert local.is_visible() is shown
        if shown:
            assert local.text_content() == "18 mars 2027, 13:30 dans votre fuseau horaire (America/New_York)"
        assert "18:30" in page.locator("time[datetime='2027-03-18T18:30:00+01:00']").text_content()
        assert foreign(requests, hub) == []
    finally:
        context.close()


# -- Vimeo and PeerTube (local stubs of their postMessage APIs) -----------------------------

EN_SOURCE = "content/en/webinars/virtuous-circle-ambassador-programs.md"
HOSTS = {
    "vimeo": ("https://vimeo.com/76979871", "https://player.vimeo.com/video/", "vimeo-stub.html"),
    "peertube": (
        "https://videos.example.org/w/abcdef123",
        "https://videos.example.org/videos/embed/",
        "peertube-stub.html",
    ),
}


@pytest.fixture(scope="module", params=list(HOSTS))
def host_hub(request, tmp_path_factory, demo_site) -> Iterator[tuple[str, str]]:
    watch, _, _ = HOSTS[request.param]
    project = warm_copy(tmp_path_factory.mktemp(request.param) / "hub", demo_site)
    en = project / EN_SOURCE
    en.write_text(
        en.read_text(encoding="utf-8").replace("https://www.youtube.com/watch?v=AAAAAAAAAAA", watch),
        encoding="utf-8",
    )
    for base in served(project):
        yield base, request.param


@pytest.mark.locale("en-GB")
def test_vimeo_and_peertube_players_follow_and_are_driven_by_the_page(page, host_hub):
    base, kind = host_hub
    _, embed, stub_file = HOSTS[kind]
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    stub = (MEDIA / stub_file).read_text(encoding="utf-8")

    def route(route) -> None:
        url = route.request.url
        if url.startswith(f"{base}/"):
            route.continue_()
        elif url.startswith(embed):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=stub)
        else:
            route.abort()

    page.context.route("**/*", route)
    open_page(page, f"{base}/{EN}")
    assert foreign(requests, base) == []
    page.locator("[data-cercle-transcript]").scroll_into_view_if_needed()  # the lines come in
    page.click('.cercle-transcript__lines a[href="#t=150"]')
    page.locator(".cercle-video__frame iframe").wait_for(state="attached")
    wait_line_at_least(page, 156)
    page.click('.cercle-transcript__lines a[href="#t=720"]')
    page.wait_for_function(
        "document.querySelector('span[id=\"t=720\"]').getAttribute('aria-current') === 'time'"
    )
    frame = next(f for f in page.frames if f.url.startswith(embed))
    received = frame.evaluate("window.received")
    if kind == "vimeo":
        assert {"method": "addEventListener", "value": "timeupdate"} in received
        assert {"method": "setCurrentTime", "value": 720} in received
    else:
        assert any(m.get("method") == "peertube::__ready" for m in received)  # the jschannel handshake
        assert any(m.get("method") == "peertube::seek" and m.get("params") == 720 for m in received)
    assert [u for u in foreign(requests, base) if not u.startswith(embed)] == []
