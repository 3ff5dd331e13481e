"""The `cercle` command line: one click group; each subcommand lives in `cercle.commands`."""

from __future__ import annotations

import os

import click

from cercle.commands.a11y import a11y
from cercle.commands.booklet import booklet
from cercle.commands.build import build
from cercle.commands.check import check, schema
from cercle.commands.digest import digest
from cercle.commands.imports import import_command
from cercle.commands.new import new
from cercle.commands.serve import serve
from cercle.commands.translations import translations

# Material prints a multi-line end-of-life banner on import; the CLI speaks for itself.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Commands(click.Group):
    """Lists each command with its whole one-line summary (click cuts it at the terminal's width)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, command.get_short_help_str(limit=1_000))
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)  # long summaries wrap onto the next lines


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cercle")
def main() -> None:
    """Cercle: a bilingual ambassador resource hub, built with MkDocs."""


for command in (new, check, build, serve, translations, schema, import_command, a11y, booklet, digest):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
