"""Atom feeds: the writer (escaping, required elements, stable bytes) and which entries a feed holds."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from cercle.core.catalog import load_catalog
from cercle.core.models import EntryType
from cercle.core.settings import HubSettings
from cercle.feeds.atom import AtomEntry, AtomFeed, Category, render, timestamp
from cercle.feeds.build import atom_feed, feed_entries, feed_specs
from cercle.hub.view import Hub

ROOT = Path(__file__).resolve().parents[2]
A = "{http://www.w3.org/2005/Atom}"
WHEN = dt.datetime(2022, 10, 13, tzinfo=dt.UTC)


def sample(title: str = "Titre", summary: str | None = "Résumé") -> AtomFeed:
    entry = AtomEntry(
        id="https://hub.example/fr/a/",
        title=title,
        link="https://hub.example/fr/a/?x=1&y=2",
        published=WHEN,
        updated=WHEN,
        summary=summary,
        categories=(Category("confiance", "Confiance & <bienveillance>", "https://hub.example/fr/themes/"),),
        contributors=("Saïd El Bouzidi",),
        image="https://hub.example/assets/cards/fr/a.png",
    )
    return AtomFeed(
        id="https://hub.example/fr/feed.xml",
        title="Cercle · Tous",
        self_link="https://hub.example/fr/feed.xml",
        alternate_link="https://hub.example/fr/",
        lang="fr",
        author="Cercle",
        updated=WHEN,
        entries=(entry,),
    )


def test_feed_has_every_element_rfc4287_requires():
    root = ET.fromstring(render(sample()))
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{tag}") is not None, tag
    assert root.find(f"{A}link[@rel='self']").get("type") == "application/atom+xml"
    entry = root.find(f"{A}entry")
    for tag in ("id", "title", "updated", "published", "summary"):
        assert entry.find(f"{A}{tag}") is not None, tag
    enclosure = entry.find(f"{A}link[@rel='enclosure']")
    assert enclosure.get("type") == "image/png" and enclosure.get("href").endswith("/fr/a.png")


def test_markup_and_illegal_characters_are_escaped_not_injected():
    hostile = 'Un <script>alert("x")</script> & « guillemets »\x0b'
    data = render(sample(title=hostile, summary="<b>gras</b>"))
    assert b"<script>" not in data and b"\x0b" not in data
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = parsed.entries[0]
    assert entry.title == hostile.replace("\x0b", "")
    assert entry.summary == "<b>gras</b>"  # text, shown as written, never as markup
    assert entry.tags[0].label == "Confiance & <bienveillance>"
    assert entry.link == "https://hub.example/fr/a/?x=1&y=2"


def test_same_feed_gives_the_same_bytes():
    assert render(sample()) == render(sample())


def test_timestamps_are_rfc3339():
    assert timestamp(dt.datetime(2020, 4, 17)) == "2020-04-17T00:00:00Z"
    paris = dt.datetime(2027, 3, 18, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert timestamp(paris) == "2027-03-18T18:30:00+01:00"


# -- which entries ---------------------------------------------------------------------------


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    guides = content / "fr" / "guides"
    (guides / "futur.md").write_text('---\ntitle: "Plus tard"\ndate: 2030-01-01\n---\nTexte.\n', "utf-8")
    (guides / "brouillon.md").write_text(
        '---\ntitle: "Brouillon"\ndate: 2021-01-01\ndraft: true\n---\n', "utf-8"
    )
    (guides / "sans-date.md").write_text('---\ntitle: "Sans date"\n---\nTexte.\n', "utf-8")
    settings = HubSettings(
        content_dir=content,
        languages=("fr", "en"),
        today=dt.date(2026, 11, 17),
        site_url="https://hub.example/",
        drafts=True,  # even when drafts are published (cercle serve), feeds leave them out
    )
    catalog = load_catalog(settings)
    assert not catalog.report.errors(), catalog.report.errors()
    return Hub(catalog)


def slugs(hub: Hub, lang: str, entry_type: EntryType | None) -> list[str]:
    spec = next(s for s in feed_specs(hub) if s.lang == lang and s.entry_type == entry_type)
    return [e.slug for e in feed_entries(hub, spec)]


def test_feeds_leave_out_drafts_future_guides_and_undated_entries(hub):
    guides = slugs(hub, "fr", EntryType.GUIDE)
    assert "futur" not in guides and "brouillon" not in guides and "sans-date" not in guides
    assert guides == [
        "lexique-ambassadeur",
        "ubuntu-lancer-relancer-programme-ambassadeurs",
        "pourquoi-les-ambassadeurs-sont-volontaires",
        "organisation-holomidale-programme-ambassadeurs",
    ]


def test_upcoming_webinars_stay_in_and_come_first(hub):
    webinars = slugs(hub, "fr", EntryType.WEBINAR)
    assert webinars == [
        "faire-vivre-programme-ambassadeurs-dans-la-duree",
        "cercle-vertueux-programmes-ambassadeurs",
    ]
    assert slugs(hub, "fr", None)[0] == "faire-vivre-programme-ambassadeurs-dans-la-duree"
    assert len(slugs(hub, "fr", None)) == 7 and len(slugs(hub, "en", None)) == 6


def test_feed_locations_follow_each_language_sections(hub):
    paths = {(s.lang, s.entry_type): s.path for s in feed_specs(hub) if not s.to_share}
    assert paths[("fr", None)] == "fr/feed.xml"
    shared = {s.lang: s.path for s in feed_specs(hub) if s.to_share}
    assert shared == {"fr": "fr/a-partager/feed.xml", "en": "en/to-share/feed.xml"}
    assert paths[("fr", EntryType.WEBINAR)] == "fr/webinaires/feed.xml"
    assert paths[("en", EntryType.EVENT)] == "en/events/feed.xml"


def test_feed_dates_come_from_front_matter_with_time_and_zone(hub):
    spec = next(s for s in feed_specs(hub) if s.lang == "fr" and s.entry_type is EntryType.WEBINAR)
    feed = atom_feed(hub, spec, "Cercle", lambda entry: None)
    upcoming = feed.entries[0]
    assert timestamp(upcoming.published) == "2027-03-18T18:30:00+01:00"
    assert feed.updated == upcoming.updated
    assert feed.title == "Cercle · Webinaires"
    assert [c.label for c in upcoming.categories] == ["Volontariat", "Confiance"]


def test_a_feed_keeps_its_newest_entries_only(hub):
    spec = next(s for s in feed_specs(hub) if s.lang == "fr" and s.entry_type is None)
    every = [e.slug for e in feed_entries(hub, spec)]
    assert [e.slug for e in feed_entries(hub, spec, 3)] == every[:3]
    assert len(atom_feed(hub, spec, "Cercle", lambda entry: None, 3).entries) == 3
    assert [e.slug for e in feed_entries(hub, spec, 0)] == every  # 0: the whole archive
