"""Cercle's theme under Material: its templates' place, their escaping, each language's menu."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cercle.hub.view import Hub
from cercle.theme import theme_dir


def use_cercle_theme(config: MkDocsConfig) -> set[str]:
    """Put Cercle's templates between the user's custom_dir and Material itself; the
    languages Material has strings for (its partials/languages/*.html)."""
    dirs = config.theme.dirs
    position = 1 if config.theme.custom_dir else 0
    if str(theme_dir()) not in dirs:
        dirs.insert(position, str(theme_dir()))
    material = next(Path(d) for d in dirs if (Path(d) / "partials" / "languages").is_dir())
    return {p.stem for p in (material / "partials" / "languages").glob("*.html")}


def escape_cercle_templates(env: Environment) -> None:
    """Cercle's own templates escape by default; Material's keep MkDocs' setting."""
    previous = env.autoescape

    def autoescape(name: str | None) -> bool:
        if name and name.startswith("cercle/"):
            return True
        return previous(name) if callable(previous) else bool(previous)

    env.autoescape = autoescape


def language_navs(
    hub: Hub, languages: Iterable[str], files: Files, config: MkDocsConfig
) -> dict[str, Navigation]:
    """Each language's menu: its generated pages (home first), never the other language's."""
    navs = {}
    for lang in languages:
        pages = []
        for generated in hub.nav_pages(lang):
            file = files.get_file_from_path(generated.src_uri)
            if file and file.page is None:
                Page(None, file, config)
            if file and file.page:
                pages.append(file.page)
        navs[lang] = Navigation(list(pages), pages)
        navs[lang].homepage = pages[0] if pages else None  # the language's home
    return navs
