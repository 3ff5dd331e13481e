"""Hostile input: broken content is reported file by file, never as a traceback; hostile but
valid content builds, and none of its strings runs or leaves its context (HTML, meta tags,
JSON-LD, Atom, iCalendar); nothing is written outside the output folder and caches.

The corpus is built by tests/quality/corpus.py. Builds run with HOME inside the temporary
tree, so a write to ~/.cache or similar would show in the snapshot too.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import feedparser
import html5lib
import pytest
from icalendar import Calendar
from tests.conftest import Result, bin_path, mkdocs_build, run
from tests.quality.corpus import (
    EMOJI_RTL,
    HOSTILE,
    HOSTILE_PAGES,
    HUGE_TITLE,
    ICS_BREAKOUT,
    broken_project,
    broken_registries,
    hostile_project,
    snapshot,
)
from tests.quality.gates import fence, jsonld_blocks

ATOM = "{http://www.w3.org/2005/Atom}"
FR_WEBINAR_URL = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
FR_EVENT_URL = "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/"
WEBINAR_TITLE = f"H0 title {HOSTILE} {EMOJI_RTL}"


def isolated_env(tmp: Path) -> dict[str, str]:
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    return {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "CERCLE_LANG": "en"}


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output, result.output
    assert "Error:" not in result.stderr or "BuildError" in result.stderr, result.stderr


def written_outside(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


@dataclass
class Built:
    root: Path
    project: Path
    site: Path
    result: Result
    changed: list[str]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root / "hub")
    env = isolated_env(root)
    before = snapshot(root)
    result = run([bin_path("mkdocs"), "build", "--strict", "-d", "site"], cwd=project, env=env)
    changed = written_outside(before, snapshot(root))
    return Built(root, project, project / "site", result, changed)


def html(site: Path, url: str):
    return html5lib.parse(
        (site / url / "index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )


def breakouts(root) -> list[str]:
    """Elements, event-handler attributes or scripts that came from a hostile string."""
    found = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if "pwned" in tag or "pwned" in (el.get("class") or "").split():
            found.append(f"element <{tag} class={el.get('class')}>")
        found += [f"<{tag} {name}=…>" for name in el.attrib if name.lower().startswith("on")]
        code = (el.text or "") if tag == "script" else ""
        data = (el.get("type") or "").lower() in ("application/ld+json", "application/json")
        if not data and ("alert(" in code or "__pwned" in code):
            found.append(f"script: {code[:80]}")
    return found


# --- hostile but valid content -------------------------------------------------------------


def test_hostile_content_builds_without_traceback(hostile):
    no_traceback(hostile.result)
    assert hostile.result.returncode == 0, hostile.result.output
    check = run(
        [bin_path("cercle"), "check", "--strict"], cwd=hostile.project, env=isolated_env(hostile.root)
    )
    no_traceback(check)
    assert check.returncode == 0, check.output
    assert hostile.changed == []


def test_no_hostile_string_breaks_out_of_html(hostile):
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 50
    found = {}
    for page in pages:
        root = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        if problems := breakouts(root):
            found[str(page.relative_to(hostile.site))] = problems
    assert found == {}
    # The strings are there, as text: escaped, not dropped, and not evaluated as templates.
    root = html(hostile.site, FR_WEBINAR_URL)
    h1 = " ".join("".join(root.find(".//h1").itertext()).split())
    assert h1 == WEBINAR_TITLE
    assert "{{ 7*7 }}" in h1 and "49" not in h1
    huge = html(hostile.site, "fr/guides/titre-immense/")
    assert "".join(huge.find(".//h1").itertext()).strip() == HUGE_TITLE.strip()


def test_meta_tags_hold_the_strings_verbatim(hostile):
    root = html(hostile.site, FR_WEBINAR_URL)
    meta = {(m.get("property") or m.get("name")): m.get("content") for m in root.iter("meta")}
    assert meta["og:title"] == WEBINAR_TITLE
    assert meta["og:description"] == meta["description"]
    assert meta["description"].startswith("H0 <script>window.__pwned=1;alert('script')</script> \"><img")
    assert WEBINAR_TITLE in meta["og:image:alt"]
    assert root.find(".//title").text.startswith(WEBINAR_TITLE)


def test_json_ld_holds_the_strings_verbatim(hostile):
    for url, title in ((FR_WEBINAR_URL, WEBINAR_TITLE), (FR_EVENT_URL, None)):
        blocks = jsonld_blocks(hostile.site / url / "index.html")
        assert len(blocks) == 1
        graph = json.loads(blocks[0])["@graph"]  # a "</script>" inside would have cut it short
        event = next(node for node in graph if node["@type"] == "Event")
        if title:
            assert event["name"] == title
        else:
            assert event["description"].split() == ICS_BREAKOUT.split()


def test_feeds_hold_the_strings_verbatim(hostile):
    feeds = sorted(hostile.site.rglob("feed.xml"))
    assert len(feeds) >= 8
    for feed in feeds:
        assert feedparser.parse(feed.read_bytes()).bozo == 0, feed
        ET.fromstring(feed.read_bytes())  # well-formed XML, no element injected
    root = ET.fromstring((hostile.site / "fr" / "webinaires" / "feed.xml").read_bytes())
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert WEBINAR_TITLE in titles
    assert not list(root.iter("pwned")) and not list(root.iter(f"{ATOM}pwned"))


def test_calendars_hold_the_strings_and_no_injected_property(hostile):
    calendars = sorted(hostile.site.rglob("*.ics"))
    assert len(calendars) >= 8
    for ics in calendars:
        raw = ics.read_bytes()
        lines = raw.decode("utf-8").split("\r\n")
        assert not [line for line in lines if line.startswith(("X-PWNED", "BEGIN:VALARM"))], ics
        calendar = Calendar.from_ical(raw)
        assert len(calendar.walk("VEVENT")) >= 1
    event_ics = next((hostile.site / FR_EVENT_URL).glob("*.ics"))
    (event,) = Calendar.from_ical(event_ics.read_bytes()).walk("VEVENT")
    assert "X-PWNED:1" in str(event["DESCRIPTION"]) and "END:VEVENT" in str(event["DESCRIPTION"])
    webinar_ics = next((hostile.site / FR_WEBINAR_URL).glob("*.ics"))
    (webinar,) = Calendar.from_ical(webinar_ics.read_bytes()).walk("VEVENT")
    assert str(webinar["SUMMARY"]) == WEBINAR_TITLE


def test_no_hostile_string_runs_in_the_browser(hostile, page, serve_dir):
    base = serve_dir(hostile.site)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fence(page, base)
    for url in HOSTILE_PAGES:
        response = page.goto(f"{base}/{url}")
        assert response is not None and response.ok, url
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator(".pwned, pwned").count() == 0, url
    # Search results render titles and excerpts from the index: hostile there too.
    page.goto(f"{base}/{FR_WEBINAR_URL}")
    page.keyboard.press("/")
    page.locator("#cercle-search-input").fill("pwned")
    page.wait_for_function("document.querySelectorAll('.cercle-search__results li').length > 0")
    assert "H0 title" in page.locator(".cercle-search__results").inner_text()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".pwned, pwned").count() == 0
    assert dialogs == []


# --- broken content -------------------------------------------------------------------------


def test_broken_content_is_reported_file_by_file(tmp_path):
    project, cases = broken_project(tmp_path / "hub", tmp_path / "outside")
    env = isolated_env(tmp_path)
    before = snapshot(tmp_path)
    check = run([bin_path("cercle"), "check", "--format", "json"], cwd=project, env=env)
    build = run([bin_path("mkdocs"), "build", "--strict", "-d", "site"], cwd=project, env=env)
    assert written_outside(before, snapshot(tmp_path)) == []

    for result in (check, build):
        no_traceback(result)
        assert result.returncode == 1, result.output
    problems = json.loads(check.stdout)["problems"]
    assert problems and all(p["path"] for p in problems)
    named = {p["path"] for p in problems}  # from the repository's root: content/…
    silent = {"fr/guides/image-enorme.md", "fr/guides/image-bombe.md"}  # valid: they must build
    broken = {f"content/{case}" for case in set(cases) - silent}
    assert named == broken, named ^ broken
    for path in named:
        assert path in build.stderr, path
    assert not (project / "site").exists()  # a content mistake never leaves a half-built site


def test_huge_and_bomb_images_build(tmp_path):
    project, cases = broken_project(tmp_path / "hub", tmp_path / "outside")
    for path in cases:
        if "image-enorme" not in path and "image-bombe" not in path:
            (project / "content" / path).unlink()
    assert (project / "content" / "media" / "huge.png").stat().st_size == 50 * 1024 * 1024
    before = snapshot(tmp_path)
    result = mkdocs_build(project)
    no_traceback(result)
    assert result.returncode == 0, result.output
    assert written_outside(before, snapshot(tmp_path)) == []
    assert (project / "site" / "fr" / "guides" / "image-enorme" / "index.html").is_file()


def test_broken_registries_are_reported_by_file(tmp_path):
    project = broken_registries(tmp_path / "hub")
    for args in (["cercle", "check"], ["mkdocs", "build", "--strict", "-d", "site"]):
        result = run([bin_path(args[0]), *args[1:]], cwd=project, env=isolated_env(tmp_path))
        no_traceback(result)
        assert result.returncode == 1, result.output
        assert "speakers.yml" in result.output and "topics.yml" in result.output, result.output


# --- the gates catch what they must ---------------------------------------------------------

ESCAPED = (
    '<p title="&quot;&gt;&lt;img class=pwned onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>'
)
RAW = '<p title=""><img class=pwned onerror=alert(1)>"><script>alert(1)</script></p>'


def test_breakout_gate_catches_an_unescaped_string():
    parse = lambda text: html5lib.parse(text, namespaceHTMLElements=False)  # noqa: E731
    assert breakouts(parse(ESCAPED)) == []
    assert breakouts(parse(RAW)) == ["element <img class=pwned>", "<img onerror=…>", "script: alert(1)"]


def test_browser_gate_catches_a_script_that_runs(page, serve_dir, tmp_path):
    (tmp_path / "index.html").write_text(f"<!doctype html><title>x</title>{RAW}", encoding="utf-8")
    base = serve_dir(tmp_path)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/")
    page.wait_for_load_state("networkidle")
    assert dialogs and set(dialogs) == {"1"}
    assert page.locator(".pwned, pwned").count() == 1


def test_snapshot_catches_a_write_outside_the_output(tmp_path):
    (tmp_path / "site").mkdir()
    before = snapshot(tmp_path)
    (tmp_path / "site" / "page.html").write_text("ok", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    assert written_outside(before, snapshot(tmp_path)) == []
    (tmp_path / "content.md").write_text("stray", encoding="utf-8")
    assert written_outside(before, snapshot(tmp_path)) == ["content.md"]
