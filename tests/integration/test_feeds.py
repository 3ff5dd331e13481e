"""Atom feeds of a real build: parsed by feedparser, exactly the expected entries, linked from <head>."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import html5lib
from tests.conftest import mkdocs_build, write

SITE = "https://cercle.example.org/"
FR = {
    "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/",
    "fr/guides/lexique-ambassadeur/",
    "fr/guides/organisation-holomidale-programme-ambassadeurs/",
    "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/",
    "fr/guides/ubuntu-lancer-relancer-programme-ambassadeurs/",
    "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/",
    "fr/webinaires/faire-vivre-programme-ambassadeurs-dans-la-duree/",
}
EN = {
    "en/events/ambassador-programs-fad-or-change-in-society/",
    "en/guides/holomidal-organization-ambassador-program/",
    "en/guides/ubuntu-launch-relaunch-ambassador-program/",
    "en/guides/why-ambassadors-are-volunteers/",
    "en/webinars/keeping-ambassador-program-alive-over-time/",
    "en/webinars/virtuous-circle-ambassador-programs/",
}


def read_feed(site: Path, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site / path).read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    return parsed


def links(parsed: feedparser.FeedParserDict) -> set[str]:
    return {entry.link.removeprefix(SITE) for entry in parsed.entries}


def test_language_feeds_hold_exactly_that_language_entries(demo_site):
    fr, en = read_feed(demo_site, "fr/feed.xml"), read_feed(demo_site, "en/feed.xml")
    assert links(fr) == FR
    assert links(en) == EN
    assert fr.feed.language == "fr" and en.feed.language == "en"
    assert fr.feed.title == "Cercle · Tous les contenus" and en.feed.title == "Cercle · All content"
    assert fr.feed.links[0].href == SITE + "fr/feed.xml"


def test_one_feed_per_type_in_each_language(demo_site):
    expected = {
        "fr/webinaires/feed.xml": {u for u in FR if "/webinaires/" in u},
        "fr/evenements/feed.xml": {u for u in FR if "/evenements/" in u},
        "fr/guides/feed.xml": {u for u in FR if "/guides/" in u},
        "en/webinars/feed.xml": {u for u in EN if "/webinars/" in u},
        "en/events/feed.xml": {u for u in EN if "/events/" in u},
        "en/guides/feed.xml": {u for u in EN if "/guides/" in u},
    }
    for path, urls in expected.items():
        assert links(read_feed(demo_site, path)) == urls, path
    assert read_feed(demo_site, "en/webinars/feed.xml").feed.title == "Cercle · Webinars"


def test_entries_carry_summary_dates_topics_speakers_and_card(demo_site):
    parsed = read_feed(demo_site, "fr/feed.xml")
    recap = next(e for e in parsed.entries if "/evenements/" in e.link)
    assert recap.id == recap.link and recap.link.startswith(SITE)
    assert recap.summary.startswith("Compte rendu de la #ShareeConf du 17 avril 2020")
    assert recap.published == "2020-04-17T00:00:00Z" and recap.updated == recap.published
    assert {(t.term, t.label) for t in recap.tags} >= {("organisation-holomidale", "Organisation holomidale")}
    assert {c.name for c in recap.contributors} == {"Josélito Tirados", "Bastoun Talec", "Saïd El Bouzidi"}
    enclosures = [link for link in recap.links if link.rel == "enclosure"]
    if enclosures:  # the card, when cercle/cards renders one
        href = enclosures[0].href
        assert href.startswith(SITE) and (demo_site / href.removeprefix(SITE)).is_file()
    # newest first; the upcoming webinar is in the feed
    dates = [e.published for e in parsed.entries]
    assert dates == sorted(dates, reverse=True) and dates[0].startswith("2027-03-18T18:30")


def autodiscovery(site: Path, url: str) -> list[tuple[str, str]]:
    root = html5lib.parse((site / url / "index.html").read_text("utf-8"), namespaceHTMLElements=False)
    head = root.find("head")
    found = []
    for link in head.iter("link"):
        if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml":
            target = urljoin(f"/{url}/", link.get("href"))
            assert (site / target.lstrip("/")).is_file(), target
            found.append((link.get("title"), target))
    return found


def test_pages_link_their_language_feeds_with_titles_in_that_language(demo_site):
    assert autodiscovery(demo_site, "fr/webinaires/cercle-vertueux-programmes-ambassadeurs") == [
        ("Cercle · Tous les contenus", "/fr/feed.xml"),
        ("Cercle · Webinaires", "/fr/webinaires/feed.xml"),
    ]
    assert autodiscovery(demo_site, "en/events") == [
        ("Cercle · All content", "/en/feed.xml"),
        ("Cercle · Events", "/en/events/feed.xml"),
    ]
    assert autodiscovery(demo_site, "en") == [("Cercle · All content", "/en/feed.xml")]


def test_drafts_future_guides_stay_out_and_titles_are_escaped(demo_project):
    content = demo_project / "content"
    write(content / "fr/guides/bientot.md", '---\ntitle: "Pas encore"\ndate: 2031-01-01\n---\nPlus tard.\n')
    write(content / "fr/guides/brouillon.md", '---\ntitle: "Brouillon"\ndate: 2022-01-01\ndraft: true\n---\n')
    write(
        content / "fr/evenements/salon-2030.md",
        '---\ntitle: "Salon <2030> & « fête »"\ndescription: "A < B & C"\ndate: 2030-05-01\n'
        "place: Lyon\n---\nBientôt.\n",
    )
    result = mkdocs_build(demo_project)
    assert result.returncode == 0, result.output
    site = demo_project / "site"
    raw = (site / "fr/feed.xml").read_text("utf-8")
    assert "<2030>" not in raw and "Salon &lt;2030&gt; &amp; «\xa0fête\xa0»" in raw  # French spacing
    parsed = read_feed(site, "fr/feed.xml")
    assert links(parsed) == FR | {"fr/evenements/salon-2030/"}
    upcoming = next(e for e in parsed.entries if e.link.endswith("salon-2030/"))
    assert upcoming.title == "Salon <2030> & «\xa0fête\xa0»" and upcoming.summary == "A < B & C"
    assert links(read_feed(site, "fr/guides/feed.xml")) == {u for u in FR if "/guides/" in u}


def test_no_site_url_no_feeds(demo_project):
    config = demo_project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text("utf-8")), "utf-8")
    result = mkdocs_build(demo_project, strict=False)
    assert result.returncode == 0, result.output
    assert "site_url" in result.output  # cercle/hub's warning says why
    site = demo_project / "site"
    assert not list(site.rglob("feed.xml"))
    assert "application/atom+xml" not in (site / "fr/index.html").read_text("utf-8")
