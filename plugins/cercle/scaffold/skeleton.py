"""Plan the file(s) of a new entry: where they go, their slug, a commented front-matter skeleton.

Every field of the entry's type is listed: the ones to fill in now carry a `TODO` value,
the others are commented out with an example and a short hint, so writers discover
the whole front matter without opening the documentation. Engine-agnostic: it takes
the Catalog (for section folders, topic and speaker ids), never MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic.fields import FieldInfo
from slugify import slugify

from cercle.core.catalog import Catalog
from cercle.core.i18n import message
from cercle.core.models import EntryMeta, EntryType, EventMeta
from cercle.hub.pages import section_folder

TODO = "TODO"


@dataclass(frozen=True)
class Planned:
    """One file to create: its path under content/, its language and its text."""

    rel_path: str
    lang: str
    text: str

    def todo_lines(self) -> list[tuple[int, str]]:
        """(line, what) for every line still holding a TODO, to tell the writer what to fill in."""
        found = []
        for number, line in enumerate(self.text.splitlines(), start=1):
            stripped = line.strip()
            if TODO in line and not stripped.startswith("#"):
                field = stripped.split(":", 1)[0] if ":" in stripped and not stripped.startswith(TODO) else ""
                found.append((number, field))
        return found


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def make_slug(title: str) -> str:
    """URL slug of a title: lowercase ASCII words joined by '-', accents transliterated (é → e)."""
    # "l’ambassadeur" → "l-ambassadeur", not "lambassadeur".
    return slugify(re.sub(r"[’'`]", " ", title), max_length=80, word_boundary=True)


def hint(lang: str, name: str, info: FieldInfo | None) -> str:
    code = f"new.hint.{name}"
    text = message(lang, code)
    if text == code:
        text = (info.description if info else "") or ""
    return text


def _ids(ids: list[str], fallback: str) -> str:
    return f"[{', '.join(ids[:2])}]" if ids else f"[{fallback}]"


def _examples(
    lang: str, slug: str, catalog: Catalog, today: dt.date, entry_type: EntryType
) -> dict[str, list[str]]:
    """Example lines for each field (first line `name: value`, then any nested lines)."""
    text = quoted(message(lang, "new.example.text"))
    return {
        "type": [f"type: {entry_type.value}"],
        "date": [f"date: {today.isoformat()}"],
        "topics": [f"topics: {_ids(sorted(catalog.topics), 'topic-id')}"],
        "tags": [f"tags: [{message(lang, 'new.example.tag')}]"],
        "translation_key": [f"translation_key: {slug}"],
        "image": [f"image: images/{slug}.jpg"],
        "image_alt": [f"image_alt: {text}"],
        "featured": ["featured: true"],
        "draft": ["draft: true"],
        "share": [
            "share:",
            f"  text: {text}",
            f"  hashtags: [{message(lang, 'new.example.hashtag')}]",
            "  variants:",
            f"    - {text}",
        ],
        "time": ['time: "18:30"'],
        "timezone": ["timezone: Europe/Paris"],
        "duration": ["duration: 60"],
        "speakers": [f"speakers: {_ids(sorted(catalog.speakers), 'speaker-id')}"],
        "video": ["video: https://www.youtube.com/watch?v=VIDEO_ID"],
        "chapters": ["chapters:", '  - at: "00:00"', f"    title: {text}"],
        "questions": ["questions:", f"  - {quoted(message(lang, 'new.example.question'))}"],
        "quotes": ["quotes:", f"  - text: {text}", "    by: speaker-id"],
        "takeaways": ["takeaways:", f"  - {text}"],
        "slides": [f"slides: slides/{slug}.pdf"],
        "slides_at": ['slides_at: ["00:00", "02:30"]'],
        "transcript": [f"transcript: transcripts/{slug}.vtt"],
        "captions": [f"captions: captions/{slug}.{lang}.vtt"],
        "registration": ["registration: https://example.org/registration"],
        "place": [f"place: {quoted(message(lang, 'new.example.place'))}"],
        "online": ["online: true"],
        "resources": ["resources:", f"  - title: {text}", "    url: https://example.org/"],
    }


def front_matter(
    entry_type: EntryType,
    lang: str,
    title: str,
    slug: str,
    catalog: Catalog,
    *,
    date: dt.date | None = None,
    translation_key: str | None = None,
) -> str:
    """The front-matter block (with its `---` fences) of a new entry."""
    model = EventMeta if entry_type.is_event_like else EntryMeta
    fields = model.model_fields
    today = catalog.settings.today
    examples = _examples(lang, slug, catalog, today, entry_type)
    lines = ["---", f"title: {quoted(title)}"]
    todo_description = quoted(f"{TODO}: {message(lang, 'new.todo.description')}")
    lines.append(f"description: {todo_description}  # {hint(lang, 'description', fields['description'])}")
    if date:
        lines.append(f"date: {date.isoformat()}")
    elif entry_type.is_event_like:
        lines.append(f"date: {TODO}  # {hint(lang, 'date', fields['date'])}")
    if translation_key:
        lines.append(f"translation_key: {translation_key}  # {hint(lang, 'translation_key', None)}")
    done = {"title", "description"} | ({"date"} if date or entry_type.is_event_like else set())
    if translation_key:
        done.add("translation_key")
    lines.append(f"# {message(lang, 'new.optional')}")
    for name, info in fields.items():
        if name in done:
            continue
        example = examples.get(name, [f"{name}:"])
        lines.append(f"# {example[0]}  # {hint(lang, name, info)}")
        lines.extend(f"# {line}" for line in example[1:])
    lines.append("---")
    return "\n".join(lines) + "\n"


def entry_text(entry_type: EntryType, lang: str, front: str) -> str:
    body = message(lang, f"new.body.{entry_type.value}")
    return f"{front}\n{TODO}: {body}\n"


def folder_of(catalog: Catalog, lang: str, entry_type: EntryType, section: str | None) -> str:
    """Folder of a new entry: `section` if given, else the type's folder (pages: the language's root)."""
    if section is not None:
        return section.strip("/")
    if entry_type is EntryType.PAGE:
        return ""
    return section_folder(catalog, lang, entry_type)


def plan_entries(
    catalog: Catalog,
    entry_type: EntryType,
    title: str,
    lang: str,
    *,
    translations: tuple[str, ...] = (),
    translation_title: str | None = None,
    section: str | None = None,
    date: dt.date | None = None,
) -> list[Planned]:
    """The file of the new entry, then one per requested translation (sharing a translation_key)."""
    slug = make_slug(title)
    key = slug if translations else None
    planned = []
    for index, language in enumerate((lang, *translations)):
        if index == 0:
            this_title, this_slug = title, slug
        elif translation_title:
            this_title, this_slug = translation_title, make_slug(translation_title) or slug
        else:
            this_title = f"{TODO}: {title}"
            this_slug = slug
        front = front_matter(
            entry_type, language, this_title, this_slug, catalog, date=date, translation_key=key
        )
        folder = folder_of(catalog, language, entry_type, section)
        rel = "/".join(part for part in (language, folder, f"{this_slug}.md") if part)
        planned.append(Planned(rel, language, entry_text(entry_type, language, front)))
    return planned


def content_path(content_dir: Path, planned: Planned) -> Path:
    return content_dir / planned.rel_path
