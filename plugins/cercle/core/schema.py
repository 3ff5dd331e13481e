"""JSON Schema of the front matter, for editors (YAML language servers)."""

from __future__ import annotations

from typing import Any

from cercle.core.models import EventMeta


def front_matter_schema() -> dict[str, Any]:
    # EventMeta is the superset of fields; `cercle check` then tells which apply to which type.
    schema = EventMeta.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Cercle front matter"
    schema["required"] = ["title"]
    return schema
