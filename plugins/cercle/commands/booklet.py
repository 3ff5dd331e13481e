"""`cercle booklet`: the ambassador guides of one language (and chosen entries) as one PDF.

Offline (WeasyPrint with pip-installed fonts), reproducible for the same SOURCE_DATE_EPOCH,
tagged (PDF/UA-1) with its language set. Written beside the destination then renamed into
place, so a failure never leaves half a file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from cercle.commands.common import config_option, fail, load_project, project_language


@click.command()
@config_option
@click.option(
    "--lang",
    "book_lang",
    default=None,
    help="Language of the booklet and of the messages (default: the site's first language; "
    "messages as for the other commands).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="PDF to write.")
@click.option(
    "--entry",
    "entries",
    multiple=True,
    help="Also include this entry (path from content/, e.g. fr/webinaires/x.md); repeatable.",
)
def booklet(config_file: Path, book_lang: str | None, output: Path | None, entries: tuple[str, ...]) -> None:
    """Write the ambassador guides of one language as a PDF booklet (cover, contents, QR codes)."""
    from cercle.booklet.make import identity, make_booklet
    from cercle.booklet.pdf import BookletUnavailable
    from cercle.checks import run_checks
    from cercle.core.catalog import load_catalog
    from cercle.core.errors import format_text, from_root
    from cercle.core.i18n import choose_messages_language
    from cercle.core.models import EntryType

    choose_messages_language(book_lang)  # like `new` and `import`: --lang is also the messages'
    ui_lang = project_language(config_file)
    config, settings = load_project(config_file, ui_lang)
    catalog = run_checks(load_catalog(settings))
    errors = from_root(catalog.report.errors(), settings)
    if errors:
        click.echo(format_text(errors, ui_lang), err=True)
        sys.exit(1)
    lang = book_lang or settings.default_language
    if lang not in settings.languages:
        fail(ui_lang, "new.unknown_language", value=lang, allowed=", ".join(settings.languages))
    extra = []
    for rel in entries:
        entry = catalog.by_path(rel.removeprefix("content/"))
        if entry is None:
            fail(ui_lang, "booklet.unknown_entry", path=rel)
        extra.append(entry)
    if not extra and not catalog.in_language(lang, EntryType.GUIDE):
        fail(ui_lang, "booklet.no_guides", lang=lang)

    cards = config.plugins.get("cercle/cards")
    who = identity(config.site_name, config.site_description, getattr(cards, "config", None))
    target = (output or Path(f"booklet-{lang}.pdf")).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".booklet-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        pages = make_booklet(
            catalog, lang, who, config.markdown_extensions, config.mdx_configs, Path(temporary), extra
        )
        os.replace(temporary, target)
    except BookletUnavailable as exc:
        fail(ui_lang, "booklet.unavailable", detail=str(exc))
    finally:
        Path(temporary).unlink(missing_ok=True)
    click.echo(_written(ui_lang, target, pages))


def _written(lang: str, target: Path, pages: int) -> str:
    from cercle.core.i18n import message

    try:
        shown = target.relative_to(Path.cwd())
    except ValueError:
        shown = target
    return message(lang, "booklet.written", path=shown, pages=pages)
