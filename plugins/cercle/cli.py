"""The `cercle` command line: one click group; each subcommand lives in `cercle.commands`."""

from __future__ import annotations

import os

import click

from cercle.commands.a11y import a11y
from cercle.commands.booklet import booklet
from cercle.commands.build import build, serve
from cercle.commands.check import check, schema
from cercle.commands.digest import digest
from cercle.commands.imports import import_command
from cercle.commands.new import new
from cercle.commands.translations import translations

# Material prints a multi-line end-of-life banner on import; the CLI speaks for itself.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cercle")
def main() -> None:
    """Cercle: a bilingual ambassador resource hub, built with MkDocs."""


for command in (new, check, build, serve, translations, schema, import_command, a11y, booklet, digest):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
