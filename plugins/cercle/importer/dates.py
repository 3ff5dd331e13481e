"""The date of a recap: dates written in words or digits, French or English, found by dateparser.

A recap is dated by the page it was published on (`reference`), but the event it tells about
usually happened a little before ("A week ago we held…", "le 11 juin dernier") or, for an
announcement, a little after ("mercredi 19 avril de 13h30 à 14h30"). So every date written
near the page's date counts, and the earliest one wins; relative dates are resolved from the
page's date, dates without a year take the year that puts them nearest to it.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections import Counter

from cercle.importer.guess import Guess

MONTH_WORDS = (
    r"janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
)
# What makes a match found by dateparser a date rather than a time, a number or a bare weekday:
# a day with a month, a numeric date, or a relative expression.
_DAY_AND_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:er|st|nd|rd|th)?\b.*\b(?:{MONTH_WORDS})|\b(?:{MONTH_WORDS})\w*\.?\s+\d{{1,2}}\b", re.I
)
_NUMERIC = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b")
_RELATIVE = re.compile(
    r"\bago\b|\blast\s+\w+day\b|\byesterday\b|\bhier\b|\bil y a\b"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(?:dernier|passé)\b",
    re.I,
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# "les 8 et 9 mars", "du 5 au 9 juillet", "July 5-9": the first day of the span.
_SPAN = re.compile(
    r"\b(\d{1,2})(?:er)?\s*(?:et|au|à|-|–|and|to)\s*\d{1,2}(?:er)?(\s+(?:" + MONTH_WORDS + r"))", re.I
)
_MARKUP = re.compile(r"\]\([^)]*\)|[*_`#>\[\]]")
# Times ("9-10 AM PDT", "de 13h30 à 14h30", "5:05PM UTC") make dateparser read the day as an hour.
_TIME = re.compile(
    r"\b\d{1,2}(?:[:h]\d\d)?\s*(?:[-–à]|to)?\s*\d{0,2}(?:[:h]\d\d)?\s*(?:[AaPp]\.?[Mm]\.?|h\d\d|h\b)"
    r"(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}[:h]\d\d\b"
)
# A link to a page named after a date (/commcalls/2020-03-18/) dates what the sentence tells.
_DATED_LINK = re.compile(r"\]\([^)\s]*?(\d{4}-\d{2}-\d{2})[^)\s]*\)")
BEFORE, AFTER = dt.timedelta(days=180), dt.timedelta(days=90)


def parse_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """One date written alone ("Mar 15, 2023", "13/10/2022", "2023-03-15T08:00"), or None."""
    import dateparser

    text = text.strip()
    if not text or len(text) > 60 or not (_DAY_AND_MONTH.search(text) or _NUMERIC.search(text)):
        return None
    base = dt.datetime.combine(reference, dt.time()) if reference else None
    settings = (
        {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base}
        if base
        else {"DATE_ORDER": "DMY"}
    )
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text[:10])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = dateparser.parse(text, languages=["fr", "en"], settings=settings)
    return found.date() if found else None


def likely_year(text: str) -> int | None:
    """The year the text mentions most, to complete "Vendredi 17/04"."""
    years = Counter(int(y) for y in _YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None


def _nearest_year(value: dt.date, reference: dt.date, past: bool) -> dt.date:
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(value.replace(year=year))
        except ValueError:  # 29 February
            continue
    if past:
        earlier = [o for o in options if o <= reference]
        options = earlier or options
    return min(options, key=lambda o: abs(o - reference))


def candidates(text: str, reference: dt.date, year: int | None = None) -> list[tuple[dt.date, str]]:
    """Every date written in the text, resolved from `reference`, with the words it came from."""
    from dateparser.search import search_dates

    plain = _DATED_LINK.sub(r"] (\1)", text[:12000])
    plain = _TIME.sub(" ", _SPAN.sub(r"\1\2", _MARKUP.sub(" ", plain)))
    base = dt.datetime.combine(reference, dt.time())
    settings = {"RELATIVE_BASE": base, "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
    found: list[tuple[str, str, dt.datetime]] = []
    # Sentence by sentence: on a whole page, dateparser's language detection goes astray.
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", plain):
        if not re.search(r"\d|ago|last|dernier|hier|yesterday", sentence, re.I):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dates = search_dates(sentence, languages=["fr", "en"], settings=settings)
        found.extend((sentence, words, when) for words, when in dates or [])
    result = []
    for sentence, words, when in found:
        relative = bool(_RELATIVE.search(words))
        if not (relative or _DAY_AND_MONTH.search(words) or _NUMERIC.search(words)):
            continue
        value = when.date()
        if not relative and not _HAS_YEAR.search(words):
            if year is not None:
                try:
                    value = value.replace(year=year)
                except ValueError:
                    continue
            else:
                said = re.escape(words)
                past = re.search(rf"{said}\s+(?:dernier|passé)|\b(?:last|past)\s+{said}", sentence, re.I)
                value = _nearest_year(value, reference, bool(past or re.search(r"dernier|last", words, re.I)))
                words = past.group(0) if past else words
        result.append((value, " ".join(words.split())))
    return result


def _before(words: str) -> dt.timedelta:
    """How far back a date may be: "le 11 juin dernier" names the last 11 June, up to a year back."""
    return dt.timedelta(days=366) if re.search(r"dernier|last", words, re.I) else BEFORE


def guess_date(
    text: str, page_date: dt.date | None = None, year: int | None = None, fallback: dt.date | None = None
) -> Guess[dt.date] | None:
    """The date of the event the text tells about.

    `page_date`: when the page was published (its metadata or date line); `year`: the --year
    option; `fallback`: the file's own date, used when the text gives nothing better.
    """
    if year is None and page_date is None:
        year = likely_year(text)
    reference = page_date or (dt.date(year, 7, 1) if year else None) or fallback
    if reference is None:
        return None
    near = [
        (value, words)
        for value, words in candidates(text, reference, None if page_date else year)
        if reference - _before(words) <= value <= reference + AFTER
        or (page_date is None and year is not None)
    ]
    if page_date is None and year is not None:
        near = [(v, w) for v, w in near if v.year == year] or near
    if near:
        value, words = min(near)
        return Guess(value, words)
    if page_date:
        return Guess(page_date, "@page_date")
    if fallback:
        return Guess(fallback, "@file_date")
    return None
