"""Where imported drafts go (section folder, slug), which speakers are new, and writing it all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cercle.core.catalog import Catalog
from cercle.core.i18n import message
from cercle.core.models import EntryType
from cercle.core.settings import HubSettings
from cercle.importer.draft import Draft, render_entry, render_speakers, review_lines
from cercle.importer.guess import SpeakerGuess, plain
from cercle.scaffold.skeleton import Planned, folder_of, make_slug


@dataclass
class Plan:
    lang: str
    entries: list[tuple[Planned, Draft]] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    new_speakers: list[SpeakerGuess] = field(default_factory=list)
    content_dir: Path = Path("content")

    def refused(self, lang: str) -> list[str]:
        return [message(lang, "import.exists", path=f"content/{rel}") for rel in self.existing]


def _assign_ids(catalog: Catalog, drafts: list[Draft]) -> list[SpeakerGuess]:
    """Give every unknown speaker an id (from their name), the same one across drafts."""
    taken = set(catalog.speakers)
    by_name: dict[str, SpeakerGuess] = {}
    for draft in drafts:
        for speaker in draft.speakers:
            if speaker.id:
                continue
            key = plain(speaker.name)
            if key in by_name:
                speaker.id = by_name[key].id
                continue
            base = make_slug(speaker.name) or "speaker"
            ident, number = base, 2
            while ident in taken:
                ident, number = f"{base}-{number}", number + 1
            taken.add(ident)
            speaker.id = ident
            by_name[key] = speaker
    return list(by_name.values())


def plan_import(catalog: Catalog, drafts: list[Draft], lang: str) -> Plan:
    plan = Plan(lang, content_dir=catalog.settings.content_dir)
    plan.new_speakers = _assign_ids(catalog, drafts)
    used: set[str] = set()
    for draft in drafts:
        kind = EntryType(draft.kind)
        folder = folder_of(catalog, lang, kind, None)
        base = make_slug(draft.title.value if draft.title else Path(draft.source).stem) or "import"
        slug, number = base, 2
        while f"{folder}/{slug}" in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(f"{folder}/{slug}")
        rel = "/".join(part for part in (lang, folder, f"{slug}.md") if part)
        if (plan.content_dir / rel).exists():
            plan.existing.append(rel)
            continue
        plan.entries.append((Planned(rel, lang, render_entry(draft, lang)), draft))
    return plan


def write_plan(
    settings: HubSettings, plan: Plan, entries: list[tuple[Planned, Draft]], lang: str
) -> list[str]:
    """Write the entries and new speakers; return the lines telling the user what was done."""
    out: list[str] = []
    root = settings.content_dir
    written_ids: set[str] = set()
    registry_shown = settings.content_path(settings.speakers_file)
    shown_paths = {planned.rel_path: settings.content_path(planned.rel_path) for planned, _ in entries}
    for planned, draft in entries:
        path = root / planned.rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(planned.text)
        out.append(message(lang, "import.created", path=shown_paths[planned.rel_path], source=draft.source))
        written_ids.update(s.id for s in draft.speakers if s.id)
    speakers = [s for s in plan.new_speakers if s.id in written_ids]
    registry_todos: list[tuple[int, str]] = []
    if speakers:
        registry = root / settings.speakers_file
        sources = ", ".join(sorted({d.source for _, d in entries}))
        existing = registry.read_text(encoding="utf-8") if registry.exists() else ""
        text = render_speakers(speakers, settings.languages, plan.lang, sources)
        if existing and not existing.endswith("\n"):
            text = "\n" + text
        with registry.open("a", encoding="utf-8") as handle:
            handle.write(text)
        offset = existing.count("\n") + (0 if existing.endswith("\n") or not existing else 1)
        registry_todos = [
            (offset + number, line.split(":", 1)[0].strip())
            for number, line in enumerate(text.splitlines(), start=1)
            if "TODO" in line and not line.startswith("#")
        ]
        ids = ", ".join(s.id or "" for s in speakers)
        out.append(message(lang, "import.speakers_added", path=registry_shown, ids=ids))
    if entries:
        out.append(message(lang, "import.review"))
        for planned, _ in entries:
            for line, name in review_lines(planned.text):
                out.append(
                    message(lang, "new.todo_at", path=shown_paths[planned.rel_path], line=line, field=name)
                )
        for line, name in registry_todos:
            out.append(message(lang, "new.todo_at", path=registry_shown, line=line, field=name))
        out.append(message(lang, "new.then_check"))
    return out
