import datetime as dt

import pytest
from pydantic import ValidationError

from cercle.core.models import Chapter, EntryMeta, EventMeta, check_url, localized


def test_event_meta_parses_times_and_dates():
    meta = EventMeta.model_validate(
        {"title": "T", "date": "2022-10-13", "time": "18h30", "timezone": "Europe/Paris", "duration": 90}
    )
    assert meta.date == dt.date(2022, 10, 13) and meta.time == dt.time(18, 30)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("date", "13/10/2022", "bad_date"),
        ("time", "25:00", "bad_time"),
        ("timezone", "Mars/Olympus", "unknown_timezone"),
        ("video", "javascript:alert(1)", "bad_url"),
        ("video", "http://example.org/watch?v=1", "bad_url"),
        ("registration", "data:text/html,x", "bad_url"),
        ("description", "x" * 201, "too_long:201:200"),
    ],
)
def test_bad_values_carry_a_reason_code(field, value, reason):
    with pytest.raises(ValidationError) as info:
        EventMeta.model_validate({"title": "T", field: value})
    assert reason in str(info.value)


def test_http_allowed_only_for_video_files():
    assert EventMeta.model_validate({"title": "T", "video": "http://example.org/v.mp4"}).video


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError) as info:
        EntryMeta.model_validate({"title": "T", "titel": "x"})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_chapter_time_in_seconds():
    assert Chapter(at="1:02:03", title="x").seconds == 3723
    assert Chapter(at="12:30", title="x").seconds == 750
    with pytest.raises(ValidationError):
        Chapter(at="12", title="x")


def test_check_url():
    assert check_url("https://example.org/a") == "https://example.org/a"
    assert check_url("media/file.pdf") == "media/file.pdf"
    for bad in ("javascript:alert(1)", "//evil.example/x", "ftp://x.org/y", "https:no-host"):
        with pytest.raises(ValueError):
            check_url(bad)


def test_localized_falls_back():
    assert localized({"fr": "Bonjour", "en": "Hello"}, "en") == "Hello"
    assert localized({"fr": "Bonjour"}, "en", "fr") == "Bonjour"
    assert localized("Same", "en") == "Same"
