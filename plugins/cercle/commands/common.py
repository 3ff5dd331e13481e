"""What every subcommand shares: the messages language, loading mkdocs.yml, one-line errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from cercle.core.errors import FORMATTERS
from cercle.core.i18n import choose_messages_language, message, messages_language, shipped_languages


def configured_language(config_file: Path) -> str:
    """The `messages_language` option of cercle/hub in mkdocs.yml, or "" (a broken file is reported later)."""
    try:
        from mkdocs.utils.yaml import yaml_load

        with config_file.open(encoding="utf-8") as handle:
            plugins = (yaml_load(handle) or {}).get("plugins") or []
        items = (
            plugins.items()
            if isinstance(plugins, dict)
            else (next(iter(item.items())) for item in plugins if isinstance(item, dict) and len(item) == 1)
        )
        options = next((value for name, value in items if name == "cercle/hub"), None) or {}
        return str(options.get("messages_language") or "")
    except Exception:  # unreadable, not YAML, not a mapping: load_project says what is wrong
        return ""


def project_language(config_file: Path) -> str:
    """Language of messages for this project: `--lang`, then mkdocs.yml, then the locale."""
    return messages_language(configured_language(config_file))


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


def fail(lang: str, code: str, /, **params: object) -> NoReturn:
    """A one-line error in the user's terms, exit 1."""
    click.echo(message(lang, code, **params), err=True)
    sys.exit(1)


def load_project(config_file: Path, lang: str | None = None) -> tuple[Any, Any]:
    """(MkDocsConfig, HubSettings) for mkdocs.yml and its cercle/hub options, as the build reads them.

    mkdocs is imported lazily so that `cercle schema` stays fast.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, PluginError

    from cercle.mkdocs.hub.settings import hub_settings

    lang = lang or project_language(config_file)
    if not config_file.is_file():
        fail_usage(message(lang, "cli.config_not_found", path=config_file))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as exc:
        fail_usage(message(lang, "cli.config_invalid", path=config_file, detail=exc))
    except Exception as exc:  # YAML errors from MkDocs' own loader
        fail_usage(message(lang, "cli.config_invalid", path=config_file, detail=exc))
    plugin = config.plugins.get("cercle/hub")
    if plugin is None:
        fail_usage(message(lang, "cli.hub_not_enabled", path=config_file))
    try:
        return config, hub_settings(plugin.config, config)
    except PluginError as exc:
        fail_usage(message(lang, "cli.config_invalid", path=config_file, detail=exc))


config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    is_eager=True,  # read before --lang, whose default comes from this file
    help="The hub's mkdocs.yml.",
)
LANG_HELP = "Language of the messages (default: messages_language in mkdocs.yml, else CERCLE_LANG or LANG)."


def _messages_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    choose_messages_language(value)  # also for the MkDocs plugins that run in this process
    return project_language(ctx.params.get("config_file") or Path("mkdocs.yml"))


def _work_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    choose_messages_language(value)
    return value


lang_option = click.option(
    "--lang", type=click.Choice(shipped_languages()), callback=_messages_language, help=LANG_HELP
)
# `new` and `import`: --lang is also the language of what is written (any language of the site).
work_lang_option = click.option(
    "--lang",
    "content_lang",
    callback=_work_language,
    help="Language of the entries written, and of the messages "
    "(default: the site's first language; messages as for the other commands).",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="text, json, or github (workflow annotations).",
)
