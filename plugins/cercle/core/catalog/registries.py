"""The speakers' and topics' registries (YAML mappings of id → entry) read into the Catalog."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from cercle.core.catalog.model import Catalog
from cercle.core.catalog.validation import validation_problems
from cercle.core.errors import Problem, Severity, problem
from cercle.core.frontmatter import Parsed, parse_yaml, read_text
from cercle.core.refs import ContentRef
from cercle.core.registry_models import Speaker, Topic

# Fields a registry entry may give per language ({fr: …, en: …}); each hub language is expected.
TRANSLATED = ("label", "role", "bio", "description")


def load_registry(catalog: Catalog, path: Path, rel: str, kind: str, problems: list[Problem]) -> None:
    """Read `kind` ("speakers" or "topics") from `path` into `catalog`; its problems go to `problems`."""
    text, read_problems = read_text(path, rel)
    problems.extend(read_problems)
    if text is None:
        return
    parsed = parse_yaml(text, rel, registry=True)
    problems.extend(parsed.problems)
    if parsed.data is None:
        return
    if not isinstance(parsed.data, dict):
        problems.append(problem(rel, 1, "", "registry_not_mapping"))
        return
    model: type[BaseModel] = Speaker if kind == "speakers" else Topic
    target = catalog.speakers if kind == "speakers" else catalog.topics
    content = catalog.settings.content_dir
    for key, value in parsed.data.items():
        ident = str(key)
        try:
            item = model.model_validate(value)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, rel, parsed, prefix=(ident,)))
            continue
        target[ident] = item  # type: ignore[assignment]
        problems.extend(_missing_languages(item, rel, parsed, ident, catalog.settings.languages))
        photo = getattr(item, "photo", None)
        if photo and not (ContentRef(photo).is_remote or ContentRef(photo).is_file_in(content)):
            line = parsed.line_of((ident, "photo"))
            problems.append(problem(rel, line, f"{ident}.photo", "missing_file", value=photo))


def _missing_languages(
    item: BaseModel, rel: str, parsed: Parsed, ident: str, languages: tuple[str, ...]
) -> list[Problem]:
    """A warning for each translated field that lacks one of the hub's languages."""
    return [
        problem(
            rel,
            parsed.line_of((ident, name)),
            f"{ident}.{name}",
            "registry_missing_language",
            Severity.WARNING,
            lang=lang,
        )
        for name in TRANSLATED
        if isinstance(value := getattr(item, name, None), dict)
        for lang in languages
        if not value.get(lang)
    ]
