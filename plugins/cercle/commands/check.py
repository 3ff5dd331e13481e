"""`cercle check` (every content problem at once) and `cercle schema` (JSON Schema for editors)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cercle.commands.common import config_option, format_option, lang_option, load_project
from cercle.core.errors import FORMATTERS, Severity, from_root, problem
from cercle.core.i18n import message


@click.command()
@config_option
@lang_option
@format_option
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
def check(config_file: Path, lang: str, fmt: str, strict: bool) -> None:
    """Report every problem in content/ at once (exit 1 if there are errors)."""
    from cercle.checks import run_checks
    from cercle.compliance.statement import unconfigured_warning
    from cercle.core.catalog import load_catalog

    _, settings = load_project(config_file, lang)
    catalog = run_checks(load_catalog(settings))
    if not settings.site_url:
        catalog.report.extend(
            [problem(str(config_file), 0, "site_url", "missing_site_url", Severity.WARNING)]
        )
    catalog.report.extend(unconfigured_warning(settings.accessibility, str(config_file)))
    # From the repository's root, in every format: a `--format github` annotation lands on
    # the pull request's file, and the text names the file the maintainer opens.
    problems = from_root(catalog.report.sorted(strict), settings)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if fmt == "text" and not problems:
        click.echo(message(lang, "all_clear", files=catalog.files_read))
    elif problems or fmt == "json":
        click.echo(FORMATTERS[fmt](problems, lang))
    sys.exit(1 if errors else 0)


def schema_text() -> str:
    """The JSON Schema of the front matter, as `cercle schema` prints it (and schemas/ ships it)."""
    from cercle.core.schema import front_matter_schema

    return json.dumps(front_matter_schema(), ensure_ascii=False, indent=2) + "\n"


@click.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the front matter (for editors)."""
    text = schema_text()
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
