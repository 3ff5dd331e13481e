"""The reference documentation and the shipped kit stay in step with the code.

- every front-matter field (nested ones as `parent.child`) is in the writer's guide, French and English;
- every option of every `cercle/*` MkDocs plugin (found from the entry points, so a new plugin or
  option is caught) is in the maintainer's guide, under that plugin's heading;
- schemas/front-matter.schema.json is what `cercle schema` prints;
- the pull-request workflow checks, builds and keeps the site; the deploy workflow publishes main.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml

from cercle.commands.check import schema_text
from cercle.core.schema import front_matter_schema

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _nested(schema: dict, node: dict) -> dict:
    """Properties of an object field (through $ref, anyOf and array items), or {}."""
    for option in node.get("anyOf", [node]):
        target = option.get("items", option)
        ref = target.get("$ref")
        if ref:
            target = schema["$defs"][ref.rsplit("/", 1)[-1]]
        if target.get("properties"):
            return target["properties"]
    return {}


def front_matter_fields() -> list[str]:
    schema = front_matter_schema()
    names = []
    for name, node in schema["properties"].items():
        names.append(name)
        names.extend(f"{name}.{child}" for child in _nested(schema, node))
    return names


def cercle_plugins() -> dict[str, type]:
    """Every `cercle/*` plugin: installed entry points and those declared in pyproject.toml."""
    installed = entry_points(group="mkdocs.plugins")
    found = {ep.name: ep.value for ep in installed if ep.name.startswith("cercle/")}
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found.update(declared["project"]["entry-points"]["mkdocs.plugins"])
    plugins = {}
    for name, target in sorted(found.items()):
        module, _, attr = target.partition(":")
        plugins[name] = getattr(importlib.import_module(module), attr)
    return plugins


def section(text: str, heading: str) -> str | None:
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", text, re.MULTILINE)
    if not match:
        return None
    level = len(match.group(1))
    end = re.search(rf"^#{{1,{level}}} ", text[match.end() :], re.MULTILINE)
    return text[match.end() : match.end() + end.start() if end else len(text)]


@pytest.mark.parametrize("guide", ["writer-guide.fr.md", "writer-guide.en.md"])
def test_every_front_matter_field_is_in_the_writers_guide(guide: str):
    text = (DOCS / guide).read_text(encoding="utf-8")
    missing = [name for name in front_matter_fields() if f"`{name}`" not in text]
    assert not missing, f"docs/{guide} does not document: {', '.join(missing)}"


def test_field_discovery_sees_nested_fields():
    fields = front_matter_fields()
    assert {"title", "share.text", "chapters.at", "quotes.by", "resources.url"} <= set(fields)


def test_every_plugin_option_is_in_the_maintainers_guide():
    text = (DOCS / "maintainer-guide.md").read_text(encoding="utf-8")
    plugins = cercle_plugins()
    assert "cercle/hub" in plugins
    missing = []
    for name, plugin in plugins.items():
        body = section(text, f"`{name}`")
        if body is None:
            missing.append(f"{name} (no '### `{name}`' heading)")
            continue
        options = [option for option, _ in plugin.config_class._schema]
        missing.extend(f"{name}: {option}" for option in options if f"`{option}`" not in body)
    assert not missing, "docs/maintainer-guide.md does not document: " + "; ".join(missing)


def test_the_shipped_schema_is_up_to_date():
    shipped = (ROOT / "schemas" / "front-matter.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), "run: cercle schema -o schemas/front-matter.schema.json"


def test_editor_settings_use_the_schema():
    remarkrc = (ROOT / ".remarkrc.mjs").read_text(encoding="utf-8")
    assert "./schemas/front-matter.schema.json" in remarkrc
    assert "unifiedjs.vscode-remark" in (ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8")


def _steps(workflow: str) -> list[dict]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_pull_request_workflow_checks_builds_and_keeps_the_site():
    data = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in data[True]  # YAML 1.1 reads the `on:` key as True
    runs = " ".join(step.get("run", "") for step in _steps("pull-request.yml"))
    assert "cercle check --format github --strict" in runs and "cercle build" in runs
    uses = [step.get("uses", "") for step in _steps("pull-request.yml")]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_deploy_workflow_publishes_main_to_pages():
    data = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert data[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for step in _steps("deploy.yml")]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert "cercle build" in " ".join(step.get("run", "") for step in _steps("deploy.yml"))


def test_pull_request_template_has_the_content_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for item in ("cercle check", "translation_key", "image_alt", "description"):
        assert item in text
