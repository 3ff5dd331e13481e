"""iCalendar output: time zones, all-day events, stable UIDs, reproducible DTSTAMP, escaping."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from tests.conftest import write
from tests.unit.test_catalog import make as make_catalog

from cercle.calendar.ics import entry_ics, entry_ics_url, event_uid, language_ics
from cercle.core.catalog import load_catalog
from cercle.core.settings import HubSettings

EPOCH = "1795000000"  # 2026-11-18 11:06:40 UTC


@pytest.fixture
def catalog(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = tmp_path / "content"
    write(content / "speakers.yml", "ana:\n  name: Ana Díaz\n")
    write(content / "topics.yml", "t:\n  label: {fr: T, en: T}\n")
    write(
        content / "fr/webinaires/zoned.md",
        "---\ntitle: 'Ventes, achats; et \\ le reste'\ndate: 2027-03-18\ntime: '18:30'\n"
        "timezone: Europe/Paris\nduration: 90\nspeakers: [ana]\nregistration: https://example.org/r\n"
        "description: Une description\ntranslation_key: webinar-zoned\n---\nbody\n",
    )
    write(content / "fr/evenements/all-day.md", "---\ntitle: Salon\ndate: 2022-06-01\nplace: Lyon\n---\n")
    write(
        content / "fr/evenements/three-days.md",
        "---\ntitle: Rencontres\ndate: 2022-09-05\nduration: 2880\nplace: Nantes\n---\n",
    )
    write(
        content / "fr/webinaires/floating.md", "---\ntitle: Flottant\ndate: 2022-01-10\ntime: '09:00'\n---\n"
    )
    write(
        content / "en/webinars/zoned.md",
        "---\ntitle: Zoned\ndate: 2027-03-18\ntranslation_key: webinar-zoned\n---\n",
    )
    write(content / "fr/guides/g.md", "---\ntitle: Guide\n---\n")
    settings = HubSettings(
        content_dir=content, today=dt.date(2026, 11, 17), site_url="https://Hub.Example.org/base/"
    )
    result = load_catalog(settings)
    assert not result.report.errors(), [p.render("en") for p in result.report.errors()]
    return result


def entry(catalog, rel):
    return catalog.by_path(rel)


def only_event(data: bytes) -> icalendar.Event:
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_zoned_event_with_duration_timezone_and_text(catalog):
    zoned = entry(catalog, "fr/webinaires/zoned.md")
    data = entry_ics(zoned, catalog)
    cal = icalendar.Calendar.from_ical(data)
    event = only_event(data)
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2027, 3, 18, 18, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert end - start == dt.timedelta(minutes=90)
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    # French typography: a narrow no-break space before ";" (cercle.core.typography), escaped too.
    assert str(event["summary"]) == "Ventes, achats\u202f; et \\ le reste"
    assert "SUMMARY;LANGUAGE=fr:Ventes\\, achats\u202f\\; et \\\\ le reste".encode() in data
    description = str(event["description"])
    assert "Une description" in description and "Ana Díaz" in description
    assert "https://example.org/r" in description  # upcoming: how to register
    assert str(event["url"]) == "https://Hub.Example.org/base/fr/webinaires/zoned/"
    assert str(event["location"]) == "En ligne"
    assert event.decoded("dtstamp") == dt.datetime(2026, 11, 18, 11, 6, 40, tzinfo=dt.UTC)


def test_uids_are_stable_and_differ_by_language(catalog):
    fr, en = entry(catalog, "fr/webinaires/zoned.md"), entry(catalog, "en/webinars/zoned.md")
    assert event_uid(fr, "https://Hub.Example.org/") == "webinar-zoned.fr@hub.example.org"
    assert str(only_event(entry_ics(fr, catalog))["uid"]) == "webinar-zoned.fr@hub.example.org"
    assert str(only_event(entry_ics(en, catalog))["uid"]) == "webinar-zoned.en@hub.example.org"
    assert event_uid(entry(catalog, "fr/evenements/all-day.md"), None) == "event-all-day.fr@cercle.invalid"


def test_all_day_multi_day_and_floating(catalog):
    salon = only_event(entry_ics(entry(catalog, "fr/evenements/all-day.md"), catalog))
    assert salon.decoded("dtstart") == dt.date(2022, 6, 1) and salon.decoded("dtend") == dt.date(2022, 6, 2)
    assert salon["dtstart"].params.get("VALUE") == "DATE" and str(salon["location"]) == "Lyon"
    three = only_event(entry_ics(entry(catalog, "fr/evenements/three-days.md"), catalog))
    assert three.decoded("dtend") - three.decoded("dtstart") == dt.timedelta(days=2)
    floating_data = entry_ics(entry(catalog, "fr/webinaires/floating.md"), catalog)
    floating = only_event(floating_data)
    assert floating.decoded("dtstart") == dt.datetime(2022, 1, 10, 9, 0)  # no time zone: floating
    assert "dtend" not in floating and b"VTIMEZONE" not in floating_data


def test_language_calendar_lists_every_webinar_and_event_reproducibly(catalog):
    first = language_ics(catalog, "fr", "Cercle")
    assert first == language_ics(catalog, "fr", "Cercle")
    cal = icalendar.Calendar.from_ical(first)
    assert str(cal["x-wr-calname"]) == "Cercle · Webinaires et événements"
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert summaries == ["Flottant", "Salon", "Rencontres", "Ventes, achats\u202f; et \\ le reste"]  # by date
    assert len({str(e["uid"]) for e in cal.walk("VEVENT")}) == 4
    en = icalendar.Calendar.from_ical(language_ics(catalog, "en"))
    assert [str(e["summary"]) for e in en.walk("VEVENT")] == ["Zoned"]


def test_dtstamp_without_source_date_epoch_is_the_build_day(catalog, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    event = only_event(entry_ics(entry(catalog, "fr/evenements/all-day.md"), catalog))
    assert event.decoded("dtstamp") == dt.datetime(2026, 11, 17, tzinfo=dt.UTC)


def test_ics_urls_sit_next_to_the_page(catalog):
    assert entry_ics_url(entry(catalog, "fr/webinaires/zoned.md")) == "fr/webinaires/zoned/zoned.ics"


def test_a_calendar_is_serialized_again_when_an_event_changes(tmp_path, monkeypatch):
    """`cercle serve` keeps serialized calendars in memory: an edited event must not be stale."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = tmp_path / "content"
    page = content / "fr/webinaires/w.md"
    settings = HubSettings(content_dir=content, today=dt.date(2026, 11, 17), site_url="https://h.example/")
    seen = []
    for title, place in [("Avant", "Lyon"), ("Après", "Lyon"), ("Après", "Nantes"), ("Avant", "Lyon")]:
        write(page, f"---\ntitle: {title}\ndate: 2027-03-18\nplace: {place}\n---\n")
        catalog = load_catalog(settings)
        seen.append(language_ics(catalog, "fr"))
        event = only_event(entry_ics(catalog.by_path("fr/webinaires/w.md"), catalog))
        assert (str(event["summary"]), str(event["location"])) == (title, place)
    assert len(set(seen)) == 3 and seen[0] == seen[3]


def test_a_language_calendar_keeps_upcoming_events_and_the_newest_past_ones(tmp_path):
    catalog = make_catalog(
        tmp_path,
        {
            **{f"fr/webinaires/w{n}.md": f"---\ntitle: W{n}\ndate: 202{n}-05-04\n---\n" for n in range(5)},
            "fr/webinaires/soon.md": "---\ntitle: Soon\ndate: 2027-01-04\n---\nB.\n",
        },
    )

    def summaries(past_events: int) -> list[str]:
        cal = icalendar.Calendar.from_ical(language_ics(catalog, "fr", past_events=past_events))
        return sorted(str(e["summary"]) for e in cal.walk("VEVENT"))

    assert summaries(2) == ["Soon", "W3", "W4"]
    assert summaries(0) == ["Soon", "W0", "W1", "W2", "W3", "W4"]
