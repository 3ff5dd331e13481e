"""Guesses from a recap's plain text: title, date, speakers, guiding questions, description.

Each guess says what it was based on, so the imported file can tell the writer what to
review. The rules follow how recaps are written in French and English ("Le Webinaire du
13/10/2022 … avec Stéphanie Ledoux, directrice conseil chez … en répondant à 3 questions :").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Generic, TypeVar

MONTHS = {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
WEEKDAYS = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_NAME_WORD = r"[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ’'-]+"
_PARTICLE = r"(?:de|du|des|da|di|van|von|le|la|El|Ben|Mc)"
_NAME = rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}[ -])?{_NAME_WORD}){{1,2}}"
_INTRO = r"(?:avec|with|par|by|intervention de|animé par|animée par|hosted by)"
_ROLE_END = r"(?=\s+(?:et|and)\s+[A-ZÀ-Ý]|\s+(?:qui|who)\s|[,.;:()]|$)"
_PERSON = re.compile(rf"({_NAME})(?:\s*,\s*(?!qui\b|who\b)([^,.;:()]+?){_ROLE_END})?")
_LEAD = re.compile(rf"\b{_INTRO}\s+(?={_NAME})")
_AND = re.compile(r"\s*,\s*(?:(?:et|and)\s+)?|\s+(?:et|and)\s+")


T = TypeVar("T")


@dataclass
class Guess(Generic[T]):
    """A guessed value and what it was guessed from (shown in the `# TODO: review` note)."""

    value: T
    source: str = ""


@dataclass
class SpeakerGuess:
    name: str
    role: str | None = None
    id: str | None = None
    known: bool = False


@dataclass
class Guesses:
    title: Guess[str] | None = None
    date: Guess[dt.date] | None = None
    speakers: list[SpeakerGuess] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    description: str | None = None
    kind: str | None = None


def plain(text: str) -> str:
    """Lowercase ASCII text, to compare names and words regardless of accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def guess_date(text: str, year_hint: int | None = None) -> Guess[dt.date] | None:
    """The first date written in the text: 13/10/2022, 2022-10-13, 13 octobre 2022, October 13, 2022,
    or a day without year ("Vendredi 17/04", "17 avril") completed by the year the text mentions."""
    patterns: list[tuple[re.Pattern[str], str]] = [
        (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
        (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"), "dmy"),
        (re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE), "d_month_y"),
        (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE), "month_d_y"),
    ]
    found: list[tuple[int, dt.date, str]] = []
    for pattern, kind in patterns:
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            if kind == "ymd":
                value = _safe_date(int(a), int(b), int(c))
            elif kind == "dmy":
                value = _safe_date(int(c), int(b), int(a))
            elif kind == "d_month_y":
                value = _safe_date(int(c), MONTHS[b.lower()], int(a))
            else:
                value = _safe_date(int(c), MONTHS[a.lower()], int(b))
            if value:
                found.append((match.start(), value, match.group(0)))
    if found:
        _, value, source = min(found, key=lambda item: item[0])
        return Guess(value, source)
    partial = [
        (re.compile(rf"\b{WEEKDAYS}\s+(\d{{1,2}})[/.](\d{{1,2}})\b", re.IGNORECASE), "dm"),
        (re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\b", re.IGNORECASE), "d_month"),
    ]
    year = year_hint or _likely_year(text)
    if year is None:
        return None
    for pattern, kind in partial:
        match = pattern.search(text)
        if match:
            a, b = match.groups()
            month = int(b) if kind == "dm" else MONTHS[b.lower()]
            value = _safe_date(year, month, int(a))
            if value:
                return Guess(value, f"{match.group(0).strip()} + {year}")
    return None


def _likely_year(text: str) -> int | None:
    years = Counter(int(y) for y in _YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None


def guess_speakers(text: str, known: dict[str, str]) -> list[SpeakerGuess]:
    """People named in the text: known speakers (`known`: id → name) wherever they appear, others
    after "avec", "with", "intervention de"… with the role written after their name."""
    found: dict[str, SpeakerGuess] = {}
    flat = plain(text)
    by_name = {plain(name): ident for ident, name in known.items()}
    for lead in _LEAD.finditer(text):
        position = lead.end()
        while (person := _PERSON.match(text, position)) is not None:
            name, role = person.group(1).strip(), (person.group(2) or "").strip() or None
            if role and (len(role) > 120 or re.fullmatch(_NAME_WORD, role)):
                role = None
            key = plain(name)
            ident = by_name.get(key)
            found.setdefault(key, SpeakerGuess(name, role, ident, ident is not None))
            joined = _AND.match(text, person.end())
            if not joined:
                break
            position = joined.end()
    for key, ident in by_name.items():
        position = flat.find(key)
        if position >= 0 and key not in found:
            found[key] = SpeakerGuess(known[ident], None, ident, True)
    return sorted(found.values(), key=lambda s: flat.find(plain(s.name)))


QUESTIONS_LEAD = re.compile(r"(\d+\s+)?questions?\s*:\s*$", re.IGNORECASE)


def guess_questions(lines: list[str]) -> tuple[list[str], set[int]]:
    """The guiding questions: the list after a line ending in "… 3 questions :" (or the single line
    after "… la question :"), and the indexes of the lines they came from."""
    questions: list[str] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if not QUESTIONS_LEAD.search(line.strip()):
            continue
        following = index + 1
        while following < len(lines) and re.match(r"^\s*(?:[-*•–]|\d+[.)])\s+", lines[following]):
            questions.append(re.sub(r"^\s*(?:[-*•–]|\d+[.)])\s+", "", lines[following]).strip())
            used.add(following)
            following += 1
        if not questions and following < len(lines) and lines[following].strip().endswith("?"):
            questions.append(lines[following].strip())
            used.add(following)
        if questions:
            break
    return questions, used


_QUOTED = re.compile(r"[«“\"]\s*([^«»“”\"]{8,120}?)\s*[»”\"]")


def guess_title(lines: list[str], questions: list[str]) -> Guess[str] | None:
    """A short first line; else a «quoted» name in the first line; else the single guiding question;
    else the first sentence."""
    first = next((line.strip() for line in lines if line.strip()), "")
    if not first:
        return None
    if len(first) <= 90 and not first.endswith((".", ":", ",", ";")):
        return Guess(first, "@first_line")
    quoted = _QUOTED.search(first)
    if quoted:
        value = quoted.group(1).strip()
        return Guess(value[:1].upper() + value[1:], f"« {value} »")
    if len(questions) == 1:
        return Guess(questions[0], "@question")
    sentence = re.split(r"(?<=[.!?])\s", first)[0].rstrip(" :")
    if len(sentence) > 90:
        sentence = sentence[:90].rsplit(" ", 1)[0] + "…"
    return Guess(sentence, "@first_sentence")


def guess_description(paragraphs: list[str], limit: int = 200) -> str | None:
    """The first sentence(s) of the text that fit in `limit` characters."""
    for paragraph in paragraphs:
        text = re.sub(r"\s+", " ", paragraph).strip()
        if len(text) < 40 or text.startswith(("#", "-", "*")):
            continue
        if text.endswith(":") and len(text) < 150:  # a lead-in ("… à la question :"), not a summary
            continue
        sentences = re.split(r"(?<=[.!?])\s+", text)
        summary = ""
        for sentence in sentences:
            if len(summary) + len(sentence) + 1 > limit:
                break
            summary = f"{summary} {sentence}".strip()
        if not summary:
            summary = text[: limit - 1].rsplit(" ", 1)[0] + "…"
        return summary
    return None


def guess_kind(text: str) -> str:
    """webinar when the text says so early on, event for a conference or a recap, else guide."""
    head = plain(text[:500])
    if "webinar" in head or "webinaire" in head:
        return "webinar"
    words = ("compte rendu", "compte-rendu", "conference", "conf ", "evenement", "event", "meetup", "recap")
    return "event" if any(word in head for word in words) or "conf " in head.replace("#", " ") else "guide"
