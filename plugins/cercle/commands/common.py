"""What every subcommand shares: the messages language, loading mkdocs.yml, one-line errors."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from cercle.core.i18n import message, shipped_languages


def default_language() -> str:
    """Language of messages: CERCLE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    for name in ("CERCLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code in shipped_languages():
            return code
    return "en"


def log_to(level: int) -> logging.Handler:
    """Show MkDocs' own messages (warnings, "Serving on …") on stderr, unwrapped, as MkDocs does."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(level)
    logger.addHandler(handler)
    logger.propagate = False
    return handler


def fail_usage(text: str) -> NoReturn:
    """A mistake in how the command was called or configured: one line, exit 2."""
    click.echo(text, err=True)
    sys.exit(2)


def fail(lang: str, code: str, **params: object) -> NoReturn:
    """A one-line error in the user's terms, exit 1."""
    click.echo(message(lang, code, **params), err=True)
    sys.exit(1)


def load_project(config_file: Path) -> tuple[Any, Any]:
    """(MkDocsConfig, HubSettings) for mkdocs.yml and its cercle/hub options, as the build reads them.

    mkdocs is imported lazily so that `cercle schema` stays fast.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, PluginError

    from cercle.mkdocs.hub.settings import hub_settings

    if not config_file.is_file():
        fail_usage(f"{config_file}: not found. Run this in the hub's folder or pass -f mkdocs.yml.")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as exc:
        fail_usage(f"{config_file}: {exc}")
    except Exception as exc:  # YAML errors from MkDocs' own loader
        fail_usage(f"{config_file}: {exc}")
    plugin = config.plugins.get("cercle/hub")
    if plugin is None:
        fail_usage(f"{config_file}: the cercle/hub plugin is not enabled under `plugins:`.")
    try:
        return config, hub_settings(plugin.config, config)
    except PluginError as exc:
        fail_usage(f"{config_file}: {exc}")


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
    default=default_language,
    help="Language of the messages (default: from CERCLE_LANG or LANG).",
)
messages_option = click.option(
    "--messages-lang",
    "ui_lang",
    type=click.Choice(shipped_languages()),
    default=default_language,
    help="Language of the messages (default: from CERCLE_LANG or LANG).",
)
