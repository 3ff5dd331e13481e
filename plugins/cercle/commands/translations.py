"""`cercle translations [--format text|json]`: translation coverage per type and section."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cercle.commands.common import config_option, lang_option, load_project
from cercle.core.i18n import message, ui


@click.command()
@config_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def translations(config_file: Path, lang: str, fmt: str) -> None:
    """Which entries exist in every language, which lack one, which translations are outdated."""
    from cercle.core.catalog import load_catalog
    from cercle.translations import coverage, last_changed
    from cercle.translations.coverage import entry_times

    _, settings = load_project(config_file, lang)
    catalog = load_catalog(settings)
    root = settings.content_dir
    last = last_changed(root, [root / e.rel_path for e in catalog.entries])
    report = coverage(catalog, entry_times(catalog, last))
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    if not report.sections:
        click.echo(message(lang, "translations.nothing"))
        return
    totals = {"complete": 0, "total": 0, "missing": 0, "outdated": 0}
    for section in report.sections:
        total = len(section.groups)
        if section.type == "page":
            folder = f"content/<lang>/{section.section}/" if section.section else None
            folder = folder or message(lang, "translations.root_folder")
            click.echo(
                message(
                    lang, "translations.section_page", folder=folder, complete=section.complete, total=total
                )
            )
        else:
            label = ui(lang, f"{section.type}s")
            click.echo(
                message(lang, "translations.section", label=label, complete=section.complete, total=total)
            )
        for group in section.incomplete:
            path = next(iter(group.files.values()))
            click.echo(message(lang, "translations.missing", langs=", ".join(group.missing), path=path))
        for item in section.outdated:
            code = "translations.outdated" if item.days else "translations.outdated_today"
            click.echo(message(lang, code, **vars(item)))
        totals["complete"] += section.complete
        totals["total"] += total
        totals["missing"] += len(section.incomplete)
        totals["outdated"] += len(section.outdated)
    click.echo(message(lang, "translations.summary", **totals))
