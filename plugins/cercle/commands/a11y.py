"""`cercle a11y`: per language, what no accessibility tool can verify and what the content says.

Exit codes: 0 when nothing is found (or findings without --strict), 1 with findings and
--strict, or when the content has errors (the same ones `cercle check` reports), 2 for a
usage mistake.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cercle.commands.common import config_option, format_option, lang_option, load_project
from cercle.core.errors import FORMATTERS, Problem, Severity, from_root
from cercle.core.i18n import language_name, message


def _summary_lines(report: object, lang: str) -> list[str]:
    s = report.summary  # type: ignore[attr-defined]
    return [
        message(lang, "a11y.videos", count=s.videos, ok=s.videos_with_text),
        message(lang, "a11y.slides", count=s.slides, ok=s.slides_with_text),
        message(lang, "a11y.images", count=s.images),
        message(lang, "a11y.pdfs", count=s.pdfs, ok=s.pdfs_with_html),
    ]


def _strict(findings: list[Problem], strict: bool) -> list[Problem]:
    if not strict:
        return findings
    return [Problem(p.path, p.line, p.field, p.code, p.params, Severity.ERROR) for p in findings]


@click.command()
@config_option
@lang_option
@format_option
@click.option("--strict", is_flag=True, help="Exit 1 when anything is found.")
def a11y(config_file: Path, lang: str, fmt: str, strict: bool) -> None:
    """What no accessibility tool can verify: transcripts, slide text, alt texts, PDFs (per language)."""
    from cercle.checks import run_checks
    from cercle.compliance.a11y import audit
    from cercle.core.catalog import load_catalog

    _, settings = load_project(config_file)
    catalog = run_checks(load_catalog(settings))
    errors = from_root(catalog.report.errors(), settings)
    if errors:
        click.echo(FORMATTERS[fmt](errors, lang), err=fmt == "text")
        sys.exit(1)
    reports = audit(catalog)
    for report in reports:
        report.findings = from_root(report.findings, settings)
    found = [p for r in reports for p in r.findings]
    if fmt == "json":
        out = {}
        for report in reports:
            rows = json.loads(FORMATTERS["json"](_strict(report.findings, strict), lang))["problems"]
            out[report.lang] = {"summary": vars(report.summary), "findings": rows}
        click.echo(json.dumps({"languages": out}, ensure_ascii=False, indent=2))
    elif fmt == "github":
        if found:
            click.echo(FORMATTERS["github"](_strict(found, strict), lang))
    else:
        for report in reports:
            click.echo(f"{report.lang} — {language_name(report.lang)}")
            for line in _summary_lines(report, lang):
                click.echo(f"  {line}")
            for finding in _strict(report.findings, strict):
                click.echo(f"  {finding.render(lang)}")
        click.echo(message(lang, "a11y.total", count=len(found)))
    sys.exit(1 if strict and found else 0)
