"""A hub's own UI strings and messages: `<locales_dir>/<lang>.yml`, shaped like the shipped
catalogues (ui:, messages:, routes:…), merged over them for the whole build.

Every key must exist in the shipped catalogues (else a warning names the file, line and
key, and the key is ignored); a value that is not a text, or that uses a {placeholder}
the string it replaces does not have, is an error with its file and line: a reworded
string can stop a build with a clear message, never crash one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cercle.core import i18n
from cercle.core.errors import Problem, Severity, problem
from cercle.core.frontmatter import parse_yaml, read_text
from cercle.core.settings import HubSettings


def _label(path: Path, settings: HubSettings) -> str:
    """The file as the maintainer knows it: relative to the project (mkdocs.yml's folder)."""
    base = settings.project_dir or Path.cwd()
    return Path(os.path.relpath(path, base)).as_posix()


def _check_text(
    rel: str, line: int, dotted: str, lang: str, key: tuple[str, ...], value: Any
) -> Problem | None:
    shipped = i18n.shipped_text(lang, key)
    if shipped is None:
        return problem(rel, line, dotted, "locale_unknown_key", Severity.WARNING, key=dotted)
    if not isinstance(value, str):
        return problem(rel, line, dotted, "locale_not_text", key=dotted)
    try:
        extra = i18n.placeholders(value) - i18n.placeholders(shipped)
    except ValueError:
        extra = {"{"}
    if extra:
        allowed = ", ".join(f"{{{n}}}" for n in sorted(i18n.placeholders(shipped))) or "-"
        return problem(rel, line, dotted, "locale_placeholder", key=dotted, allowed=allowed)
    return None


def _read(path: Path, lang: str, settings: HubSettings) -> tuple[dict[str, Any], list[Problem]]:
    rel = _label(path, settings)
    root = (settings.project_dir or Path.cwd()).resolve()
    if not path.resolve().is_relative_to(root):
        return {}, [problem(rel, 0, "", "locale_outside")]
    text, problems = read_text(path, rel)
    if text is None:
        return {}, problems
    parsed = parse_yaml(text, rel)
    problems += parsed.problems
    if parsed.data is None:
        return {}, problems
    if not isinstance(parsed.data, dict):
        return {}, [*problems, problem(rel, 1, "", "locale_not_mapping")]
    tree: dict[str, Any] = {}
    for key, value in i18n.leaves(parsed.data):
        dotted = ".".join(key)
        found = _check_text(rel, parsed.line_of(key), dotted, lang, key, value)
        if found is not None:
            problems.append(found)
            continue
        node = tree
        for part in key[:-1]:
            node = node.setdefault(part, {})
        node[key[-1]] = value
    return tree, problems


def load_overrides(settings: HubSettings) -> list[Problem]:
    """Merge the hub's `locales_dir` over the shipped catalogues (or drop a previous build's)."""
    folder = settings.locales_dir
    if folder is None:
        i18n.set_overrides({})
        return []
    if not folder.is_dir():
        i18n.set_overrides({})
        return [problem(_label(folder, settings), 0, "", "locale_folder_missing")]
    languages = {*settings.languages, *i18n.shipped_languages()}
    trees: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        if path.stem not in languages:
            known = ", ".join(f"{lang}.yml" for lang in sorted(languages))
            problems.append(
                problem(_label(path, settings), 0, "", "locale_unknown_file", Severity.WARNING, known=known)
            )
            continue
        tree, found = _read(path, path.stem, settings)
        problems += found
        if tree:
            i18n.merge(trees.setdefault(path.stem, {}), tree)
    i18n.set_overrides(trees)
    return problems
