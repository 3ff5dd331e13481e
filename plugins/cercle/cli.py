"""The `cercle` command line: one click group; each subcommand lives in `cercle.commands`."""

from __future__ import annotations

import gc
import importlib
import os

import click

# Each command's module is imported when it runs (or when the help lists it): `cercle build`
# forks its build from this process, which should hold as little as possible (cercle.build.child).
COMMANDS = {
    "new": "cercle.commands.new:new",
    "check": "cercle.commands.check:check",
    "build": "cercle.commands.build:build",
    "serve": "cercle.commands.serve:serve",
    "translations": "cercle.commands.translations:translations",
    "schema": "cercle.commands.check:schema",
    "import": "cercle.commands.imports:import_command",
    "a11y": "cercle.commands.a11y:a11y",
    "booklet": "cercle.commands.booklet:booklet",
    "digest": "cercle.commands.digest:digest",
}

# Material prints a multi-line end-of-life banner on import; the CLI speaks for itself.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Commands(click.Group):
    """Lists each command with its whole one-line summary (click cuts it at the terminal's width)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, name = target.split(":")
        command = getattr(importlib.import_module(module), name)
        return command if isinstance(command, click.Command) else None

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
    # A build allocates millions of objects that live until its end (catalog, pages, trees):
    # at the default threshold (700) Python walks them ~1,500 times per build at 200 entries.
    # Collected every 20,000 allocations, the cycles still go, for a third less time in the GC.
    gc.set_threshold(20_000, 10, 10)


if __name__ == "__main__":  # pragma: no cover
    main()
