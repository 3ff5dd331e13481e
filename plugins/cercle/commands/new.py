"""`cercle new TYPE "Title" --lang fr [--translation en]`: scaffold an entry and its translations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cercle.commands.common import config_option, fail, load_project, project_language, work_lang_option
from cercle.core.i18n import message
from cercle.core.models import EntryType


@click.command()
@click.argument("entry_type", metavar="TYPE", type=click.Choice([t.value for t in EntryType]))
@click.argument("title")
@work_lang_option
@click.option("--translation", "translations", multiple=True, help="Also create its translation in LANG.")
@click.option("--translation-title", help="Title of the translation (default: a TODO to translate).")
@click.option("--section", help="Folder under content/<lang>/ (default: the type's section).")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="Date of the entry, YYYY-MM-DD.")
@config_option
def new(
    entry_type: str,
    title: str,
    content_lang: str | None,
    translations: tuple[str, ...],
    translation_title: str | None,
    section: str | None,
    date: dt.datetime | None,
    config_file: Path,
) -> None:
    """Create a new entry with every front-matter field ready to fill in; never overwrites."""
    from cercle.core.catalog import load_catalog
    from cercle.scaffold import plan_entries
    from cercle.scaffold.skeleton import make_slug

    ui_lang = project_language(config_file)
    _, settings = load_project(config_file, ui_lang)
    languages = settings.languages
    lang = content_lang or settings.default_language
    allowed = ", ".join(languages)
    for value in (lang, *translations):
        if value not in languages:
            fail(ui_lang, "new.unknown_language", value=value, allowed=allowed)
    if lang in translations:
        fail(ui_lang, "new.same_language", value=lang)
    if not make_slug(title):
        fail(ui_lang, "new.no_slug", title=title)
    catalog = load_catalog(settings)
    planned = plan_entries(
        catalog,
        EntryType(entry_type),
        title,
        lang,
        translations=tuple(dict.fromkeys(translations)),
        translation_title=translation_title,
        section=section,
        date=date.date() if date else None,
    )
    root = settings.content_dir
    shown = {p.rel_path: settings.content_path(p.rel_path) for p in planned}
    for item in planned:
        if (root / item.rel_path).exists():
            fail(ui_lang, "new.exists", path=shown[item.rel_path])
    for item in planned:
        path = root / item.rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(item.text)
        click.echo(message(ui_lang, "new.created", path=shown[item.rel_path]))
    click.echo(message(ui_lang, "new.fill_in"))
    for item in planned:
        for line, field in item.todo_lines():
            code = "new.todo_at" if field else "new.todo_body"
            click.echo(message(ui_lang, code, path=shown[item.rel_path], line=line, field=field))
    click.echo(message(ui_lang, "new.then_check"))
