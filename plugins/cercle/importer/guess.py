"""Guesses from a recap's text: title, guiding questions, description, type.

Each guess says what it was based on, so the imported file can tell the writer what to
review. Dates are in dates.py (dateparser), speakers in people.py (spaCy), quotes in quotes.py.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

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
    organization: str | None = None


def plain(text: str) -> str:
    """Lowercase ASCII text, to compare names and words regardless of accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


QUESTIONS_LEAD = re.compile(r"(\d+\s+)?questions?(?:\s+[\w’']+){0,3}\s*:[*_\s]*$", re.IGNORECASE)
MARKUP = re.compile(r"!?\[+([^\[\]]*)\]+\([^)]*\)|\{\{<[^>]*>\}\}|<[^>]+>|[*_`]+")


def unmark(text: str) -> str:
    """Markdown or HTML inline markup removed (links become their text, &rsquo; a quote)."""
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    return " ".join(html.unescape(MARKUP.sub(lambda m: m.group(1) or "", text)).split())


def guess_questions(lines: list[str]) -> tuple[list[str], set[int]]:
    """The guiding questions: the list after a line ending in "… 3 questions :" (or the single line
    after "… la question :"), and the indexes of the lines they came from."""
    questions: list[str] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if not QUESTIONS_LEAD.search(unmark(line)):
            continue
        following = index + 1
        while following < len(lines) - 1 and not lines[following].strip():  # Markdown: a blank line first
            following += 1
        while following < len(lines) and re.match(r"^\s*(?:[-*•–]|\d+[.)])\s+", lines[following]):
            questions.append(unmark(re.sub(r"^\s*(?:[-*•–]|\d+[.)])\s+", "", lines[following])))
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
    first = next((line.strip() for line in lines if line.strip()), "").lstrip("#").strip()
    if not first:
        return None
    if len(first) <= 90 and not first.endswith((".", ":", ",", ";")):
        return Guess(first, "@first_line")
    quoted = _QUOTED.search(first)
    if quoted:
        value = quoted.group(1).strip()
        return Guess(value[:1].upper() + value[1:], value)
    if len(questions) == 1:
        return Guess(questions[0], "@question")
    sentence = re.split(r"(?<=[.!?])\s", first)[0].rstrip(" :")
    if len(sentence) > 90:
        sentence = sentence[:90].rsplit(" ", 1)[0] + "…"
    return Guess(sentence, "@first_sentence")


def guess_description(paragraphs: list[str], title: str | None = None, limit: int = 200) -> str | None:
    """The lede: the first sentence(s) of the first real paragraph, within `limit` characters.

    Headings, lists, lead-ins ending in ":", date lines and the title itself are skipped.
    """
    for paragraph in paragraphs:
        if paragraph.lstrip().startswith(("#", "-", "*", "•", ">", "|", "{{", "<figure", "![")):
            continue
        text = unmark(paragraph)
        if len(text) < 40 or (title and plain(title) in plain(text) and len(text) < len(title) + 20):
            continue
        if text.endswith(":") and len(text) < 150:  # a lead-in ("… à la question :"), not a summary
            continue
        summary = ""
        for sentence in re.split(r"(?<=[.!?…])\s+", text):
            if len(summary) + len(sentence) + 1 > limit:
                break
            summary = f"{summary} {sentence}".strip()
        if not summary:
            summary = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        return summary
    return None


# The words that tell a recap's type, strongest first: an online session is a webinar; a round
# table, a workshop or a conference is an event; "compte rendu"/"recap" alone says it happened.
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("webinar", (
        "webinaire", "webinar", "wébinaire", "community call", "live q&a", "live q & a", "en ligne",
        "online", "visioconference", "replay", "livestream", "live stream",
    )),
    ("event", (
        "table ronde", "tables rondes", "round table", "roundtable", "atelier", "workshop", "conference",
        "conf ", "colloque", "seminaire", "seminar", "journee", "journees", "meetup", "meet-up", "panel",
        "keynote", "talk", "salon", "forum", "summit", "sommet", "rencontre", "hackathon", "unconf",
        "user!", "evenement", "event", "soiree", "petit-dejeuner", "masterclass",
    )),
    ("event", ("compte rendu", "compte-rendu", "recap", "retour sur", "summary")),
)  # fmt: skip


def _words_in(scope: str) -> list[tuple[int, str, str]]:
    """(position, kind, word) of every type word in `scope` (plain text)."""
    found = []
    for kind, words in KINDS:
        for word in words:
            match = re.search(rf"(?<![\w-]){re.escape(plain(word))}", f" {scope} ")
            if match:
                found.append((match.start(), kind, word.strip()))
    return found


def guess_kind(title: str, text: str) -> Guess[str]:
    """The type from the words of the title (strongest word first), else the first such word of the lede."""
    in_title = _words_in(plain(title))
    if in_title:
        rank = {word: i for i, (_, words) in enumerate(KINDS) for word in words}
        _, kind, word = min(in_title, key=lambda item: rank.get(item[2], 99))
        return Guess(kind, word)
    in_text = _words_in(plain(text[:1500]))
    if in_text:
        _, kind, word = min(in_text)
        return Guess(kind, word)
    return Guess("guide", "@no_event_word")
