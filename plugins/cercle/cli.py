"""The `cercle` command line."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from cercle.core.errors import FORMATTERS, Severity, problem
from cercle.core.i18n import message, shipped_languages

# Material prints a multi-line end-of-life banner on import; the CLI speaks for itself.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _default_language() -> str:
    for name in ("CERCLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code in shipped_languages():
            return code
    return "en"


def _fail_usage(text: str) -> None:
    click.echo(text, err=True)
    sys.exit(2)


def _load(config_file: Path) -> tuple[Any, Any]:
    # (MkDocsConfig, HubSettings); mkdocs is imported lazily so `cercle schema` stays fast.
    """Load mkdocs.yml and the cercle/hub options, as the build would."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from cercle.mkdocs.hub.settings import hub_settings

    if not config_file.is_file():
        _fail_usage(f"{config_file}: not found. Run this in the hub's folder or pass -f mkdocs.yml.")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as exc:
        _fail_usage(f"{config_file}: {exc}")
    except Exception as exc:  # YAML errors from MkDocs' own loader
        _fail_usage(f"{config_file}: {exc}")
    plugin = config.plugins.get("cercle/hub")
    if plugin is None:
        _fail_usage(f"{config_file}: the cercle/hub plugin is not enabled under `plugins:`.")
    return config, hub_settings(plugin.config, config)


config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The hub's mkdocs.yml.",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(shipped_languages()),
    default=_default_language,
    help="Language of the messages (default: from CERCLE_LANG or LANG).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cercle")
def main() -> None:
    """Cercle: a bilingual ambassador resource hub, built with MkDocs."""


@main.command()
@config_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
def check(config_file: Path, lang: str, fmt: str, strict: bool) -> None:
    """Report every problem in content/ at once (exit 1 if there are errors)."""
    from cercle.checks import run_checks
    from cercle.core.catalog import load_catalog

    _, settings = _load(config_file)
    catalog = run_checks(load_catalog(settings))
    if not settings.site_url:
        catalog.report.extend(
            [problem(str(config_file), 0, "site_url", "missing_site_url", Severity.WARNING)]
        )
    problems = catalog.report.sorted(strict)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if fmt == "text" and not problems:
        click.echo(message(lang, "all_clear", files=catalog.files_read))
    elif problems or fmt == "json":
        click.echo(FORMATTERS[fmt](problems, lang))
    sys.exit(1 if errors else 0)


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the front matter (for editors)."""
    from cercle.core.schema import front_matter_schema

    text = json.dumps(front_matter_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
