import datetime as dt

from cercle.core.catalog import Entry
from cercle.core.models import EntryType, EventMeta
from cercle.hub.listings import archive, featured


def entry(title: str, day: str, featured_: bool = False) -> Entry:
    meta = EventMeta(title=title, date=dt.date.fromisoformat(day), featured=featured_)
    return Entry(
        f"fr/webinaires/{title}.md",
        "fr",
        "webinaires",
        title,
        EntryType.WEBINAR,
        meta,
        "",
        1,
        f"fr/webinaires/{title}/",
        title,
    )


def test_upcoming_first_soonest_first_then_past_by_year():
    today = dt.date(2026, 11, 22)
    items = [
        entry("a", "2020-04-17"),
        entry("b", "2027-03-18"),
        entry("c", "2022-10-13"),
        entry("d", "2026-12-01"),
        entry("e", "2022-01-05"),
        entry("f", "2026-11-22"),
    ]
    result = archive(items, today)
    assert [e.title for e in result.upcoming] == ["f", "d", "b"]
    assert [(y, [e.title for e in es]) for y, es in result.past_by_year] == [
        (2022, ["c", "e"]),
        (2020, ["a"]),
    ]


def test_featured_puts_upcoming_first():
    today = dt.date(2026, 11, 22)
    items = [entry("old", "2020-01-01", True), entry("soon", "2027-01-01", True), entry("no", "2026-01-01")]
    assert [e.title for e in featured(items, today)] == ["soon", "old"]
