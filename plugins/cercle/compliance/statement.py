"""The accessibility statement (RGAA 4.1 "déclaration d'accessibilité") from the hub's config.

The facts come from `cercle/hub`'s `accessibility:` option, validated here. Without them the
statement says no audit was made, hence "non conforme", as RGAA requires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from babel.numbers import format_decimal
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from cercle.core.errors import Problem, Severity, problem
from cercle.core.i18n import locale_tag
from cercle.core.models import LocalizedText, check_url, localized

CONFIG_FILE = "mkdocs.yml"
FIELD = "accessibility"


class Status(StrEnum):
    NONE = "none"  # non conforme
    PARTIAL = "partial"  # partiellement conforme
    FULL = "full"  # totalement conforme


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Contact(_Strict):
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    url: str | None = None
    address: LocalizedText | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url(value, allow_path=False) if value else value


class StatementFacts(_Strict):
    """What the hub's owner declares (mkdocs.yml, `cercle/hub` → `accessibility:`)."""

    status: Status = Status.NONE
    entity: LocalizedText | None = None
    rate: Annotated[float, Field(ge=0, le=100)] | None = None
    audit_date: dt.date | None = None
    auditor: LocalizedText | None = None
    statement_date: dt.date | None = None
    technologies: list[str] = Field(default_factory=lambda: ["HTML", "CSS", "JavaScript"])
    non_accessible: list[LocalizedText] = Field(default_factory=list)
    derogations: list[LocalizedText] = Field(default_factory=list)
    contact: Contact | None = None
    plan_url: str | None = None

    @field_validator("plan_url")
    @classmethod
    def _plan(cls, value: str | None) -> str | None:
        return check_url(value) if value else value

    @property
    def audited(self) -> bool:
        return self.audit_date is not None


def parse_facts(raw: Mapping[str, Any] | None) -> tuple[StatementFacts | None, list[Problem]]:
    """The configured facts, or None and the problems (each naming its option in mkdocs.yml)."""
    if not raw:
        return None, []
    try:
        return StatementFacts.model_validate(dict(raw)), []
    except ValidationError as exc:
        found = []
        for error in exc.errors():
            where = ".".join(str(part) for part in (FIELD, *error["loc"]))
            found.append(problem(CONFIG_FILE, 0, where, "accessibility_bad_option", detail=error["msg"]))
        return None, found


def statement_problems(raw: Mapping[str, Any] | None) -> list[Problem]:
    """Bad options: errors, so the build stops before publishing a wrong statement."""
    return parse_facts(raw)[1]


def unconfigured_warning(raw: Mapping[str, Any] | None, config_file: str = CONFIG_FILE) -> list[Problem]:
    """One warning from `cercle check` when the hub declares nothing (the statement says "no audit")."""
    if raw:
        return []
    return [problem(config_file, 0, FIELD, "accessibility_not_configured", Severity.WARNING)]


@dataclass(frozen=True)
class Statement:
    """The statement as a page in one language shows it."""

    lang: str
    facts: StatementFacts
    configured: bool
    entity: str

    @property
    def status(self) -> Status:
        # Without an audit nothing may be claimed: RGAA's rule, whatever the config says.
        return self.facts.status if self.facts.audited else Status.NONE

    def text(self, value: LocalizedText | None) -> str:
        return localized(value, self.lang)

    @property
    def non_accessible(self) -> list[str]:
        return [self.text(item) for item in self.facts.non_accessible]

    @property
    def derogations(self) -> list[str]:
        return [self.text(item) for item in self.facts.derogations]

    @property
    def rate(self) -> str:
        rate = self.facts.rate
        if rate is None:
            return ""
        return format_decimal(rate, locale=locale_tag(self.lang))


def statement(raw: Mapping[str, Any] | None, lang: str, site_name: str) -> Statement:
    """The statement in `lang`; bad or missing facts make the "no audit" statement."""
    facts, _ = parse_facts(raw)
    entity = localized(facts.entity, lang) if facts and facts.entity else site_name
    return Statement(lang, facts or StatementFacts(), facts is not None, entity)
