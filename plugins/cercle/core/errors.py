"""Problems found in content, reported all at once with file, line and what to do."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from cercle.core.i18n import format_date, message

if TYPE_CHECKING:
    from cercle.core.settings import HubSettings


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the content: where it is, which field, what is wrong and how to fix it.

    The text is not stored: `code` and `params` are rendered in the reader's language.
    """

    path: str
    line: int
    field: str
    code: str
    params: tuple[tuple[str, str], ...] = ()
    severity: Severity = Severity.ERROR

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "hint" in params:  # a did-you-mean suggestion, phrased in the reader's language
            hint = params["hint"]
            params["hint"] = message(lang, "did_you_mean", name=hint) if hint else ""
        if "month" in params:  # YYYY-MM, named in the reader's language: "février 2023"
            year, month = (int(part) for part in params["month"].split("-"))
            params["month"] = format_date(dt.date(year, month, 1), lang, "LLLL y")
        return message(lang, self.code, **params)

    def render(self, lang: str) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = message(lang, f"severity.{self.severity}")
        field_part = f" {self.field}:" if self.field else ""
        return f"{where}: {label}:{field_part} {self.text(lang)}"


def problem(
    path: str, line: int, field_name: str, code: str, severity: Severity = Severity.ERROR, **params: object
) -> Problem:
    """Build a Problem; params are kept as sorted string pairs so problems stay hashable."""
    return Problem(
        path=path,
        line=line,
        field=field_name,
        code=code,
        params=tuple(sorted((k, str(v)) for k, v in params.items())),
        severity=severity,
    )


_PATH_PARAMS = frozenset({"other"})  # parameters naming another file of content/


def from_root(problems: Iterable[Problem], settings: HubSettings) -> list[Problem]:
    """The problems with their paths as every message shows them: from the repository's root."""
    return [
        replace(
            p,
            path=settings.from_root(p.path),
            params=tuple((k, settings.from_root(v) if k in _PATH_PARAMS else v) for k, v in p.params),
        )
        for p in problems
    ]


@dataclass
class Report:
    """Every problem of one check, in file order."""

    problems: list[Problem] = field(default_factory=list)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self, strict: bool = False) -> list[Problem]:
        items = sorted(set(self.problems), key=lambda p: (p.path, p.line, p.field, p.code))
        if strict:
            items = [Problem(p.path, p.line, p.field, p.code, p.params, Severity.ERROR) for p in items]
        return items

    def errors(self, strict: bool = False) -> list[Problem]:
        return [p for p in self.sorted(strict) if p.severity is Severity.ERROR]

    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]


class ContentError(Exception):
    """Raised when content has errors; carries every problem so they are shown together."""

    def __init__(self, problems: list[Problem], lang: str = "en") -> None:
        self.problems = problems
        self.lang = lang
        super().__init__(format_text(problems, lang))


def format_text(problems: list[Problem], lang: str) -> str:
    lines = [p.render(lang) for p in problems]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    lines.append(message(lang, "summary", errors=errors, warnings=warnings))
    return "\n".join(lines)


def format_json(problems: list[Problem], lang: str) -> str:
    rows = []
    for p in problems:
        row = asdict(p)
        row["params"] = dict(p.params)
        row["severity"] = str(p.severity)
        row["message"] = p.text(lang)
        rows.append(row)
    return json.dumps({"problems": rows}, ensure_ascii=False, indent=2)


def _github_escape(value: str, in_property: bool = False) -> str:
    # GitHub workflow commands: % CR LF always, and : , inside properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: list[Problem], lang: str) -> str:
    lines = []
    for p in problems:
        kind = "error" if p.severity is Severity.ERROR else "warning"
        props = f"file={_github_escape(p.path, True)}"
        if p.line:
            props += f",line={p.line}"
        if p.field:
            props += f",title={_github_escape(p.field, True)}"
        lines.append(f"::{kind} {props}::{_github_escape(p.text(lang))}")
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
