"""What writers type, read as the model's values: dates, times, times in a video, durations.

Unambiguous human forms are accepted and normalized (`18h30`, `1h30`, `90 min`, a chapter at
`76:00`); a form that could mean two things, or that is impossible (`2023-02-30`, `1h75`), is a
validation error whose code names the message to show and whose context holds the exact fix.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pydantic_core import PydanticCustomError


def invalid(code: str, message: str, **context: object) -> PydanticCustomError:
    """A validation error whose `type` is a message code of the catalogues (bad_url, too_long…)
    and whose `ctx` holds that message's parameters; cercle.core.catalog.validation maps it."""
    return PydanticCustomError(code, message, context or None)


def parse_date(value: Any) -> Any:
    """A front-matter date: a YAML date, or an ISO string (YYYY-MM-DD)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise date_error(value.strip()) from None
    if value is not None and not isinstance(value, dt.date):
        raise invalid("bad_date", "not a date (YYYY-MM-DD)")
    return value


def date_error(value: str) -> PydanticCustomError:
    """Why a YYYY-MM-DD text is not a date: no such month, or not that many days in it."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            return invalid("no_such_month", "there is no month {number}", value=value, number=month)
        days = calendar.monthrange(year, month)[1]
        if day > days:
            # `month` is rendered in the reader's language ("février 2023") by Problem.text.
            return invalid(
                "impossible_date",
                "{month} has {days} days",
                value=value,
                month=f"{year}-{month:02d}",
                days=days,
            )
    return invalid("bad_date", "not a date (YYYY-MM-DD)")


def video_time(value: Any) -> str:
    time = str(value).strip()
    match = re.fullmatch(r"(?:(\d+):)?(\d+):(\d{2})", time)
    if not match:
        raise invalid("bad_chapter_time", "not a time in the video (MM:SS or H:MM:SS)")
    hours, minutes, seconds = (int(part) if part else None for part in match.groups())
    assert minutes is not None and seconds is not None  # the pattern requires them
    total = (hours or 0) * 3600 + minutes * 60 + seconds
    if seconds >= 60 or (hours is not None and minutes >= 60):
        raise invalid("chapter_time_fix", "did you mean {fix}?", value=time, fix=clock(total))
    # 76:00 is unambiguous (76 minutes): written the canonical way, 1:16:00.
    return clock(total) if hours is None and minutes >= 60 else time


def clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


_HOURS = r"(?:h|hr|hrs|hours?|heures?)"
_MINUTES = r"(?:m|mn|min|mins|minutes?)"
_DURATION = re.compile(
    rf"(?:(?P<hours>\d+)\s*{_HOURS}\s*(?:(?P<rest>\d+)\s*{_MINUTES}?)?|(?P<minutes>\d+)\s*{_MINUTES}?)",
    re.IGNORECASE,
)


def duration_minutes(value: Any) -> Any:
    """Minutes, from 90, "90 min", "1h30", "1 h 30" or "1h"; other texts answered with the fix."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = _DURATION.fullmatch(text)
    clock = re.fullmatch(r"(\d+):(\d{2})", text)
    if match and match["minutes"]:
        return int(match["minutes"])
    if match:
        hours, rest = int(match["hours"]), match["rest"] or ""
        if len(rest) in (0, 2) and int(rest or 0) < 60:
            return hours * 60 + int(rest or 0)
    elif clock:  # 1:30, hours or minutes? Say what it would be as hours.
        hours, rest = int(clock[1]), clock[2]
    if match or clock:  # 1h75, 1h5 or 1:30: the exact fix
        total = hours * 60 + int(rest)
        fix = f"{total // 60}h{total % 60:02d}" if total % 60 else f"{total // 60}h"
        raise invalid("duration_fix", "did you mean {fix}?", value=text, fix=fix, minutes=total)
    raise invalid("bad_duration", "not a duration (minutes, or 1h30)")


def parse_time(value: Any) -> Any:
    if isinstance(value, str):
        match = re.fullmatch(r"([01]?\d|2[0-3])[:hH]([0-5]\d)", value.strip())
        if not match:
            raise invalid("bad_time", "not a time (HH:MM)")
        return dt.time(int(match[1]), int(match[2]))
    return value
