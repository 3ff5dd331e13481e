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
    # Writers type "18:30" (or "18h30"); JSON Schema's `time` format wants HH:MM:SS+zone.
    for option in schema["properties"]["time"].get("anyOf", []):
        if option.get("format") == "time":
            del option["format"]
            option["type"] = "string"
            option["pattern"] = r"^([01]?\d|2[0-3])[:hH][0-5]\d$"
    # And durations as "1h30" or "90 min" as well as 90 (cercle.core.models reads them all).
    # The pattern is loose on purpose: `cercle check` says exactly what to write instead.
    loose = r"^\s*\d+\s*[A-Za-z]*\s*\d*\s*[A-Za-z]*\s*$"
    schema["properties"]["duration"]["anyOf"].insert(1, {"type": "string", "pattern": loose})
    return schema
