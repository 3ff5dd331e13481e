"""`cercle import FILE…`: existing recaps → entries in content/ with `# TODO: review` notes."""

from __future__ import annotations

from pathlib import Path

import click

from cercle.commands.common import config_option, fail, load_project, project_language, work_lang_option
from cercle.core.i18n import message
from cercle.core.models import EntryType


@click.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@work_lang_option
@click.option(
    "--type", "entry_type", type=click.Choice([t.value for t in EntryType]), help="Type (default: guessed)."
)
@click.option(
    "--year", type=click.IntRange(1900, 2999), help='Year of dates written without one ("Vendredi 17/04").'
)
@config_option
def import_command(
    sources: tuple[Path, ...],
    content_lang: str | None,
    entry_type: str | None,
    year: int | None,
    config_file: Path,
) -> None:
    """Turn recaps (plain text, HTML page, WordPress export) into entries to review."""
    from rich.progress import track

    from cercle.core.catalog import load_catalog
    from cercle.importer import ModelMissing, NotWxr, read_drafts
    from cercle.importer.plan import plan_import, write_plan

    ui_lang = project_language(config_file)
    _, settings = load_project(config_file, ui_lang)
    lang = content_lang or settings.default_language
    if lang not in settings.languages:
        fail(ui_lang, "new.unknown_language", value=lang, allowed=", ".join(settings.languages))
    catalog = load_catalog(settings)
    known = {ident: speaker.name for ident, speaker in catalog.speakers.items()}
    failed = False
    drafts = []
    for source in sources:
        try:
            drafts.extend(read_drafts(source, known, year))
        except NotWxr as exc:
            click.echo(message(ui_lang, "import.not_wxr", path=source, detail=exc), err=True)
            failed = True
        except ModelMissing as exc:
            fail(ui_lang, "import.no_model", package=str(exc))
        except OSError as exc:
            click.echo(
                message(ui_lang, "import.unreadable", path=source, detail=exc.strerror or exc), err=True
            )
            failed = True
    if entry_type:
        for draft in drafts:
            draft.kind, draft.kind_source = entry_type, ""
    plan = plan_import(catalog, drafts, lang)
    for problem_text in plan.refused(ui_lang):
        click.echo(problem_text, err=True)
        failed = True
    items = track(
        plan.entries,
        description=message(ui_lang, "import.progress"),
        console=None,
        disable=len(plan.entries) < 5,
    )
    for line in write_plan(settings, plan, list(items), ui_lang):
        click.echo(line)
    raise SystemExit(1 if failed else 0)
