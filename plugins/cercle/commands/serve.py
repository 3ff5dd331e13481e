"""`cercle serve`: live preview that shows content problems in the browser until they are fixed."""

from __future__ import annotations

import logging
import re
import signal
import sys
from pathlib import Path

import click

from cercle.commands.common import config_option, fail, lang_option, load_project, log_to
from cercle.core.i18n import message


@click.command()
@config_option
@lang_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="HOST:PORT to serve on.")
@click.option("--no-livereload", is_flag=True, help="Do not rebuild and reload when files change.")
def serve(config_file: Path, lang: str, dev_addr: str, no_livereload: bool) -> None:
    """Live preview on HOST:PORT: rebuilds on save, shows content problems in the page."""
    if not re.fullmatch(r"(\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5}", dev_addr):
        fail(lang, "build.bad_address", value=dev_addr)
    load_project(config_file)  # a mistake in mkdocs.yml stops here, in one line
    from cercle.commands.live import run_preview

    log_to(logging.INFO)
    signal.signal(signal.SIGTERM, _interrupt)  # stopped like Ctrl+C: the temporary site is removed
    click.echo(message(lang, "build.serving", address=dev_addr), err=True)
    try:
        run_preview(str(config_file), dev_addr, lang, livereload=not no_livereload)
    except Exception as exc:  # address in use…
        click.echo(str(exc).strip() or type(exc).__name__, err=True)
        sys.exit(1)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
