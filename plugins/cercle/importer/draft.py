"""An imported entry before it is written: guessed fields, Markdown body, what to review."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from cercle.core.i18n import message
from cercle.importer.guess import Guess, SpeakerGuess
from cercle.importer.quotes import QuoteGuess

REVIEW = "TODO: review"


@dataclass
class Draft:
    source: str
    kind: str
    body: str
    title: Guess[str] | None = None
    date: Guess[dt.date] | None = None
    speakers: list[SpeakerGuess] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    quotes: list[QuoteGuess] = field(default_factory=list)
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    draft: bool = False
    kind_source: str = ""


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _source(lang: str, source: str) -> str:
    """What a guess came from: quoted text, or a "@code" named in the user's language."""
    if source.startswith("@"):
        return message(lang, f"import.source.{source[1:]}")
    return f"«\u00a0{source}\u00a0»" if lang == "fr" else f"“{source}”"


def _note(lang: str, code: str, **params: object) -> str:
    return f"  # {REVIEW} ({message(lang, f'import.note.{code}', **params)})"


def _event_lines(draft: Draft, lang: str) -> list[str]:
    lines = []
    ids = [s.id for s in draft.speakers if s.id]
    if ids:
        new = [s.id for s in draft.speakers if s.id and not s.known]
        note = _note(lang, "speakers_new", ids=", ".join(new)) if new else _note(lang, "speakers")
        lines.append(f"speakers: [{', '.join(ids)}]" + note)
    else:
        lines.append(f"speakers: []{_note(lang, 'no_speakers')}")
    if draft.questions:
        lines.append("questions:" + _note(lang, "questions"))
        lines.extend(f"  - {_q(q)}" for q in draft.questions)
    if draft.quotes:
        lines.append("quotes:" + _note(lang, "quotes"))
        for quote in draft.quotes:
            lines.append(f"  - text: {_q(quote.text)}")
            if quote.by is not None:
                lines.append(f"    by: {quote.by.id or _q(quote.by.name)}")
            else:
                lines.append(f"    # by: {_note(lang, 'quote_by').strip()[2:]}")
    return lines


def render_entry(draft: Draft, lang: str) -> str:
    """The Markdown file of a draft: front matter with `# TODO: review` notes, then the body."""
    lines = ["---", f"# {REVIEW}: {message(lang, 'import.note.header', source=draft.source)}"]
    if draft.title:
        lines.append(
            f"title: {_q(draft.title.value)}" + _note(lang, "title", source=_source(lang, draft.title.source))
        )
    else:
        lines.append(f"title: {_q('TODO: ' + message(lang, 'import.note.no_title'))}")
    if draft.description:
        lines.append(f"description: {_q(draft.description)}" + _note(lang, "description"))
    else:
        lines.append(f"description: {_q('TODO: ' + message(lang, 'import.note.no_description'))}")
    if draft.kind_source:
        lines.append(f"type: {draft.kind}" + _note(lang, "type", source=_source(lang, draft.kind_source)))
    if draft.date:
        lines.append(
            f"date: {draft.date.value.isoformat()}"
            + _note(lang, "date", source=_source(lang, draft.date.source))
        )
    elif draft.kind in ("webinar", "event"):
        lines.append("date: TODO" + _note(lang, "no_date"))
    if draft.kind in ("webinar", "event"):
        lines.extend(_event_lines(draft, lang))
    if draft.tags:
        lines.append(f"tags: [{', '.join(_q(t) for t in draft.tags)}]")
    if draft.draft:
        lines.append("draft: true" + _note(lang, "draft"))
    lines.append("---")
    return "\n".join(lines) + "\n\n" + draft.body.strip() + "\n"


def review_lines(text: str) -> list[tuple[int, str]]:
    """(line, field) of every guess marked for review in a written file (its header line excepted)."""
    found = []
    for number, line in enumerate(text.splitlines()[2:], start=3):  # line 2: the header note
        stripped = line.lstrip("# ").strip()
        if REVIEW in line or stripped.startswith("TODO") or '"TODO: ' in line:
            found.append((number, stripped.split(":", 1)[0] if ":" in stripped else stripped))
        if line == "---":
            break
    return found


def render_speakers(speakers: list[SpeakerGuess], languages: tuple[str, ...], lang: str, source: str) -> str:
    """speakers.yml entries for people the registry does not know yet (to append to it)."""
    lines = ["", f"# {REVIEW}: {message(lang, 'import.note.new_speakers', source=source)}"]
    for speaker in speakers:
        lines.append(f"{speaker.id}:")
        lines.append(f"  name: {_q(speaker.name)}")
        if speaker.role:
            lines.append("  role:")
            for other in languages:
                value = speaker.role if other == lang else f"TODO: {speaker.role}"
                lines.append(f"    {other}: {_q(value)}")
        if speaker.organization:
            lines.append(f"  organization: {_q(speaker.organization)}")
    return "\n".join(lines) + "\n"
