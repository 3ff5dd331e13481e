"""What a page's HTML is made of, as one key: the site's inputs and the page's own source.

An entry's body is read only by its own page (the other pages show its front matter: title,
date, speakers, card…), so the site's digest takes every entry's parsed front matter and
every other file of the project byte for byte, and a page's key adds its own source file.
Editing one entry's text then renders that page again and reuses the others; editing a
title, a date, a speaker, an image, the configuration, a template or Cercle itself renders
them all.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import cercle
from cercle.build.fingerprint import code_digest, hasher, tree_digest
from cercle.core.catalog import Catalog

# Options that say where the output goes, not what it holds; plugins that only measure.
OUTPUT_ONLY = frozenset({"site_dir"})
MEASURING_PLUGINS = frozenset({"cercle/phases"})  # CERCLE_PHASES: times the build, changes nothing


class Unstable(ValueError):
    """A configuration value with no stable form (an object shown by its address)."""


class Untracked(ValueError):
    """A Markdown extension that includes files into pages: their changes are not followed."""


def canonical(value: Any, project: str | None = None) -> Any:
    """`value` as JSON-able data that is equal between two runs with the same configuration.
    A path inside the `project` folder is written from it, so that the project's pages are
    reused after it moved: a CI runner whose checkout folder changes from run to run, a copy."""

    def data(value: Any) -> Any:
        if isinstance(value, (str, Path)):
            return _from_project(str(value), project) if project else str(value)
        if value is None or isinstance(value, (bool, int, float)):
            return value
        if isinstance(value, (dt.date, dt.time)):
            return value.isoformat()
        if isinstance(value, Mapping):
            return sorted([str(k), data(v)] for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return [data(v) for v in value]
        if isinstance(value, (set, frozenset)):
            return sorted(json.dumps(data(v), sort_keys=True) for v in value)
        if isinstance(value, functools.partial):
            return ["partial", data(value.func), data(value.args), data(value.keywords)]
        if callable(value) and hasattr(value, "__qualname__"):
            return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
        config = getattr(value, "config", None)  # a plugin: its class and options
        if config is not None and isinstance(config, Mapping):
            kind = type(value)
            return [f"{kind.__module__}.{kind.__qualname__}", data(config)]
        shown = repr(value)
        if " at 0x" in shown:
            raise Unstable(shown)
        return _from_project(shown, project) if project else shown

    return data(value)


def _from_project(text: str, project: str) -> str:
    """`text` with the project's folder written `<project>` (where it stands for a path)."""
    if text == project or text.startswith(project + os.sep):
        return "<project>" + text[len(project) :]
    return text.replace(project + os.sep, "<project>" + os.sep)


def config_data(config: MkDocsConfig, project: Path | None = None) -> Any:
    data: dict[str, Any] = {}
    for key, value in config.items():
        if key in OUTPUT_ONLY:
            continue
        if key == "theme":
            value = {"name": value.name, "dirs": value.dirs, "options": dict(value.items())}
        elif key == "plugins":
            value = {name: plugin for name, plugin in value.items() if name not in MEASURING_PLUGINS}
        data[key] = canonical(value, str(project) if project else None)
    return data


# Markdown extensions that include other files into a page: what they read is not known here.
INCLUDING_EXTENSIONS = ("pymdownx.snippets", "markdown_include.include", "mdx_include")


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def site_digest(
    config: MkDocsConfig, catalog: Catalog, today: dt.date, files: dict[str, str] | None = None
) -> bytes:
    """Everything a page of this build may show, but the entries' bodies. Raises Unstable or
    Untracked.

    Read: content/ (the docs_dir), the theme's folders that are not an installed package's
    (custom_dir), the hub's locales folder, the configuration; not the rest of the project.
    `files` receives the digest of each file of content/ (path in content/ → hex)."""
    for name in config.markdown_extensions:
        if name in INCLUDING_EXTENSIONS:
            raise Untracked(name)
    content = catalog.settings.content_dir.resolve()
    # As MkDocs makes docs_dir absolute (not resolved), for the configuration; resolved, for folders.
    given = Path(os.path.abspath(config.config_file_path)).parent if config.config_file_path else None
    project = given.resolve() if given else None
    h = hasher()
    h.update(code_digest())
    h.update(json.dumps(config_data(config, given), sort_keys=True).encode())
    h.update(f"{today.isoformat()}|{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    if config.config_file_path:
        h.update(Path(config.config_file_path).read_bytes())
    for entry in sorted(catalog.entries, key=lambda e: e.rel_path):
        fields = [entry.rel_path, entry.lang, entry.section, entry.slug, entry.type.value, entry.url]
        h.update(json.dumps([*fields, entry.translation_key]).encode())
        h.update(entry.meta.model_dump_json().encode())
    bodies = [content / e.rel_path for e in catalog.entries]
    h.update(tree_digest(content, bodies, files))
    installed = [Path(p).resolve() for p in (sys.prefix, sys.base_prefix, Path(cercle.__file__).parent)]
    folders = [Path(d).resolve() for d in config.theme.dirs]
    if catalog.settings.locales_dir is not None:
        folders.append(catalog.settings.locales_dir.resolve())
    for folder in folders:
        if not _inside(folder, installed) and folder.is_dir():
            shown = folder.relative_to(project) if project and _inside(folder, [project]) else folder
            h.update(shown.as_posix().encode())
            h.update(tree_digest(folder, bodies))
    return h.digest()


def page_key(site: bytes, page: Page) -> str:
    """The key of `page`'s rendered HTML: the site's digest, its addresses and its own source."""
    h = hasher()
    h.update(site)
    h.update(json.dumps([page.file.src_uri, page.file.dest_uri, page.url]).encode())
    source = page.file.abs_src_path
    if source and not page.file.generated_by:
        try:
            h.update(Path(source).read_bytes())
        except OSError:
            h.update(b"\x00unreadable")
    return h.hexdigest()
