"""The live preview's error page: what stops the rebuild, in the reader's language.

Engine-agnostic: `cercle serve` (cercle.commands.live) serves this page instead of the site's
while the last rebuild failed, with the server's reload script added, so the browser comes
back to the site by itself once a fix is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from cercle.core.errors import Problem
from cercle.core.i18n import message, shipped_languages
from cercle.core.langtags import primary_language

__all__ = ["error_page", "reader_language"]


def reader_language(path: str, accept_language: str, fallback: str) -> str:
    """The page's language from its first path segment (/fr/…), else the browser's, else fallback."""
    shipped = shipped_languages()
    first = path.strip("/").split("/", 1)[0].lower()
    if first in shipped:
        return first
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept_language.split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        code = primary_language(tag.strip())
        if code in shipped and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else fallback


_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#1a1a1a}
main{max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;color:#b71c1c}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}
code,pre{font-family:ui-monospace,monospace;overflow-wrap:anywhere}
pre{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.6rem}
"""


def error_page(lang: str, problems: Sequence[Problem] = (), detail: str = "") -> str:
    """A standalone HTML page listing the problems (file:line, field, message); every value escaped.

    `detail` is the text of a failure that is not a content problem (a template error…).
    """

    def t(code: str, **params: object) -> str:
        return str(escape(message(lang, f"preview.{code}", **params)))

    parts = [f"<h1>{t('title')}</h1>"]
    if problems:
        parts.append(f"<p>{t('content_intro')}</p><p><strong>{t('count', errors=len(problems))}</strong></p>")
        rows = [f"<tr><th>{t('where')}</th><th>{t('field')}</th><th>{t('what')}</th></tr>"]
        for item in problems:
            where = f"{item.path}:{item.line}" if item.line else item.path
            rows.append(
                Markup("<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>").format(
                    where, item.field, item.text(lang)
                )
            )
        parts.append("<table>" + "".join(rows) + "</table>")
    else:
        parts.append(f"<p>{t('build_intro')}</p>")
    if detail:
        parts.append(str(Markup("<pre>{}</pre>").format(detail)))
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{t('title')}</title><style>{_STYLE}</style></head>"
        f"<body><main>{''.join(str(p) for p in parts)}</main></body></html>\n"
    )
