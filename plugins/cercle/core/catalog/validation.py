"""Validating content: pydantic errors as Problems (file, line, code), and cross-file checks.

Validators in cercle.core.models and .forms raise PydanticCustomError(code, message, context): the
error's `type` is the Problem's code and its `ctx` the message's parameters.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from cercle.core.catalog.model import Catalog, Entry
from cercle.core.errors import Problem, Severity, problem
from cercle.core.frontmatter import Parsed
from cercle.core.models import EVENT_ONLY_FIELDS, EntryMeta, EntryType, EventMeta
from cercle.core.urls import path_of_url

# Codes raised by the models' validators (cercle.core.forms.invalid): with the error's
# context as the message's parameters, or with the value that was given.
CONTEXT_CODES = frozenset(
    {
        "too_long",
        "bad_lang",
        "share_window_order",
        "impossible_date",
        "no_such_month",
        "duration_fix",
        "chapter_time_fix",
    }
)
VALUE_CODES = frozenset(
    {"bad_date", "bad_time", "bad_chapter_time", "bad_duration", "bad_url", "unknown_timezone"}
)


def suggestion(name: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


# Union members in an error's location (`takeaways: [text | {text, lang}]`): pydantic names the
# member that failed, `constrained-str` or the model's class; field names are lowercase.
_MEMBER = re.compile(r"^(?:constrained-str|str|[A-Z]\w*)$")
_SHAPE_ERRORS = frozenset({"string_type", "model_type", "model_attributes_type", "dict_type"})


def _member_at(loc: tuple[int | str, ...]) -> int | None:
    return next((i for i, p in enumerate(loc) if isinstance(p, str) and _MEMBER.match(p)), None)


def union_errors(errors: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """A value that may be a text or an object fails both ways: keep what went wrong with the
    shape that was given (drop "not a text" next to an object's own error), without member names."""
    kept: list[Mapping[str, Any]] = []
    for err in errors:
        loc = tuple(err["loc"])
        at = _member_at(loc)
        if at is not None:
            prefix = loc[:at]
            others = [e for e in errors if e is not err and tuple(e["loc"])[:at] == prefix]
            if err["type"] in _SHAPE_ERRORS and others:
                continue
            err = {**err, "loc": loc[:at] + loc[at + 1 :]}
        kept.append(err)
    return kept


def validation_problems(
    exc: ValidationError,
    rel: str,
    doc: Parsed,
    prefix: tuple[str | int, ...] = (),
    entry_type: EntryType | None = None,
) -> list[Problem]:
    """Each pydantic error of a page or registry item as a Problem, with its line."""
    found = []
    allowed = (
        EventMeta.model_fields
        if entry_type is None
        else (EventMeta.model_fields if entry_type.is_event_like else EntryMeta.model_fields)
    )
    for err in union_errors(exc.errors()):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        path = (*prefix, *loc)
        dotted = ".".join(str(p) for p in path)
        line = doc.line_of(path)
        name = str(loc[-1]) if loc else ""
        kind, raw = err["type"], err.get("input")
        code, params = "wrong_type", {"detail": err["msg"]}
        if kind == "extra_forbidden":
            if entry_type is not None and len(loc) == 1 and name in EVENT_ONLY_FIELDS:
                code, params = "event_only_field", {"name": name, "type": entry_type.value}
            else:
                siblings = sibling_fields(loc, allowed)
                hint = suggestion(name, siblings)
                code, params = "unknown_field", {"name": name, "hint": hint or ""}
        elif kind == "missing":
            code, params = "missing_field", {"name": name}
        elif kind == "string_too_short":
            code, params = "empty_text", {}
        elif kind in CONTEXT_CODES:
            code, params = kind, dict(err.get("ctx") or {})
        elif kind in VALUE_CODES:
            code, params = kind, {"value": raw}
        elif kind.startswith(("date_", "time_")):
            code = "bad_date" if kind.startswith("date") else "bad_time"
            params = {"value": raw}
        found.append(problem(rel, line, dotted, code, **params))
    return found


def sibling_fields(loc: tuple[int | str, ...], allowed: Mapping[str, FieldInfo]) -> list[str]:
    """The fields a misspelt field may have meant: those of the model it sits in."""
    if len(loc) == 1:
        return list(allowed)
    from cercle.core import models, registry_models  # nested models: suggest among their fields

    nested: dict[str, type[BaseModel]] = {
        "share": models.Share,
        "chapters": models.Chapter,
        "quotes": models.Quote,
        "resources": models.Resource,
        "links": registry_models.Link,
    }
    for part in reversed(loc[:-1]):
        if isinstance(part, str) and part in nested:
            return list(nested[part].model_fields)
    return list(registry_models.Speaker.model_fields) + list(registry_models.Topic.model_fields)


def reference_problems(catalog: Catalog) -> list[Problem]:
    """Topic and speaker ids that their registry does not have."""
    problems = []
    for entry in catalog.entries:
        for name, ids, registry, code in (
            ("topics", entry.meta.topics, catalog.topics, "unknown_topic"),
            ("speakers", entry.speaker_ids, catalog.speakers, "unknown_speaker"),
        ):
            for index, ident in enumerate(ids):
                if ident not in registry:
                    line = entry.line_of(name, index)
                    hint = suggestion(ident, registry) or ""
                    problems.append(problem(entry.rel_path, line, name, code, id=ident, hint=hint))
    return problems


def slot_problems(catalog: Catalog) -> list[Problem]:
    """Two entries in one translation slot (key and language), or at one URL."""
    problems = []
    slots: dict[tuple[str, str], Entry] = {}
    urls: dict[str, Entry] = {}
    for entry in catalog.entries:
        slot = (entry.translation_key, entry.lang)
        if slot in slots:
            problems.append(
                problem(
                    entry.rel_path,
                    entry.line_of("translation_key"),
                    "translation_key",
                    "translation_conflict",
                    lang=entry.lang,
                    key=entry.translation_key,
                    other=slots[slot].rel_path,
                )
            )
        else:
            slots[slot] = entry
        if entry.url in urls:
            problems.append(
                problem(
                    entry.rel_path,
                    0,
                    "",
                    "duplicate_url",
                    url=path_of_url(entry.url),
                    other=urls[entry.url].rel_path,
                )
            )
        else:
            urls[entry.url] = entry
    return problems


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one letter added, removed, replaced or two swapped turn `a` into `b`.

    difflib's ratio has no notion of edits and a full Levenshtein library is much more than
    this one comparison needs.
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        return a[start + (len(a) > len(b)) :] == b[start + (len(b) > len(a)) :]
    rest_a, rest_b = a[start + 1 :], b[start + 1 :]
    swapped = a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :]
    return rest_a == rest_b or swapped


def translation_key_problems(catalog: Catalog) -> list[Problem]:
    """A translation_key alone in its language, one edit away from a key alone in another."""
    keys: dict[str, dict[str, Entry]] = {}
    for entry in catalog.entries:
        keys.setdefault(entry.lang, {}).setdefault(entry.translation_key, entry)
    problems = []
    for entry in catalog.entries:
        key = entry.meta.translation_key
        if not key or any(key in others for lang, others in keys.items() if lang != entry.lang):
            continue
        for lang, others in keys.items():
            if lang == entry.lang:
                continue
            near = [o for k, o in others.items() if k not in keys[entry.lang] and one_edit_apart(key, k)]
            for other in near[:1]:
                problems.append(
                    problem(
                        entry.rel_path,
                        entry.line_of("translation_key"),
                        "translation_key",
                        "translation_key_typo",
                        Severity.WARNING,
                        lang=lang,
                        key=key,
                        hint=other.translation_key,
                        other=other.rel_path,
                    )
                )
    return problems
