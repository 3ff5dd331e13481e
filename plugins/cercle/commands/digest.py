"""`cercle digest`: the monthly email digest of one language (HTML and plain text)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cercle.commands.common import config_option, fail, fail_usage, load_project, project_language


@click.command()
@config_option
@click.option(
    "--lang",
    "digest_lang",
    default=None,
    help="Language of the digest and of the messages (default: the site's first language; "
    "messages as for the other commands).",
)
@click.option("--month", default=None, help="The month, YYYY-MM (default: this month, as the build sees it).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder of digest-LANG-YYYY-MM.html and .txt.",
)
def digest(config_file: Path, digest_lang: str | None, month: str | None, output: Path) -> None:
    """Write the email digest of what is to share in a month: HTML (CSS inlined) and plain text."""
    from cercle.core.i18n import choose_messages_language, message
    from cercle.share.digest import DEFAULT_LENGTH, DigestError, parse_month, valid_length, write_digest

    choose_messages_language(digest_lang)  # like `new`, `import` and `booklet`
    ui_lang = project_language(config_file)  # --lang, then messages_language, then the locale
    config, settings = load_project(config_file, ui_lang)
    lang = digest_lang or settings.default_language
    if lang not in settings.languages:
        fail_usage(message(ui_lang, "share_bad_lang", value=lang, allowed=", ".join(settings.languages)))
    try:
        first = parse_month(month) if month else settings.today.replace(day=1)
    except DigestError as exc:
        fail_usage(message(ui_lang, exc.code, **exc.params))
    catalog = _checked_catalog(settings, ui_lang)
    cards = config.plugins.get("cercle/cards")
    share = config.plugins.get("cercle/share")
    length = share.config.digest_length if share is not None else DEFAULT_LENGTH
    if not valid_length(length):
        fail_usage(message(ui_lang, "share.bad_digest_length", value=length))
    try:
        made, html, text = write_digest(
            catalog, lang, first, config.site_name, output, getattr(cards, "config", None), length
        )
    except DigestError as exc:
        fail(ui_lang, exc.code, **exc.params)
    click.echo(
        message(
            ui_lang,
            "share_digest_written",
            month=first.strftime("%Y-%m"),
            lang=lang,
            count=made.count,
            total=made.total,
            html=_shown(html),
            text=_shown(text),
        )
    )


def _checked_catalog(settings: Any, ui_lang: str) -> Any:
    from cercle.checks import run_checks
    from cercle.core.catalog import load_catalog
    from cercle.core.errors import format_text, from_root

    catalog = run_checks(load_catalog(settings))
    errors = from_root(catalog.report.errors(), settings)
    if errors:
        click.echo(format_text(errors, ui_lang), err=True)
        sys.exit(1)
    return catalog


def _shown(path: Path) -> Path:
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path
