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
    ("field", "value", "reason", "context"),
    [
        ("date", "13/10/2022", "bad_date", None),
        ("time", "25:00", "bad_time", None),
        ("timezone", "Mars/Olympus", "unknown_timezone", None),
        ("video", "javascript:alert(1)", "bad_url", None),
        ("video", "http://example.org/watch?v=1", "bad_url", None),
        ("registration", "data:text/html,x", "bad_url", None),
        ("description", "x" * 201, "too_long", {"length": 201, "max": 200}),
    ],
)
def test_bad_values_carry_a_structured_reason(field, value, reason, context):
    # The code is the error's type and its parameters its context: nothing to parse from a string.
    with pytest.raises(ValidationError) as info:
        EventMeta.model_validate({"title": "T", field: value})
    (error,) = info.value.errors()
    assert error["type"] == reason and error["loc"] == (field,)
    assert error.get("ctx") == context


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
