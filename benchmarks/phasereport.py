"""Tables of where Cercle's build time goes, by phase (cercle.core.phases), for the docs."""

from __future__ import annotations

LABELS = {
    "check": "check (`cercle build` checks the content first)",
    "catalog": "catalog (load, checks, generated pages)",
    "markdown": "Markdown (pages read; summed over render processes)",
    "templates": "templates (pages rendered; summed over render processes)",
    "page_keys": "page keys (what pages are made of: content/ read and hashed)",
    "pages_reused": "pages reused from the last build (summed over render processes)",
    "cards": "cards and image variants (planning, then waiting for them)",
    "cards_background": "… drawn in a background thread (overlaps the pages)",
    "slides": "slides (PDF pages → images)",
    "search": "search (Pagefind)",
    "feeds_calendars": "feeds and calendars",
    "share_digest": "share digest",
    "workers_wait": "waiting for the render processes",
    "mkdocs": "MkDocs' own work outside these (config, nav, static files, writing)",
    "publish": "publish (atomic swap of the site)",
    "build_process": "… the build in its own process (`cercle build` waits; overlaps the above)",
    "other": "other: start-up, imports, configuration (wall only)",
}
ORDER = list(LABELS)


def _names(phases: list[dict]) -> list[str]:
    found = {name for table in phases for name in table}
    return [n for n in ORDER if n in found] + sorted(found - set(ORDER))


def _cell(table: dict, name: str, key: str = "wall") -> str:
    value = table.get(name, {}).get(key)
    return "—" if value is None else f"{value:.2f}"


def phase_rows(runs: list[dict], per_thousand: bool = False) -> list[str]:
    """One column pair (cold, warm) per run; seconds, or seconds per 1000 entries per language."""
    cold = [r["builds"].get("cercle_cold", {}).get("phases", {}) for r in runs]
    warm = [r["builds"].get("cercle_warm", {}).get("phases", {}) for r in runs]
    head = ["phase"] + [f"N={r['entries']} {kind}" for r in runs for kind in ("cold", "warm")]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * 2 * len(runs)]
    for name in _names(cold + warm):
        cells = []
        for run, c, w in zip(runs, cold, warm, strict=True):
            scale = 1000 / run["entries"] if per_thousand else 1.0
            pair = [c.get(name, {}).get("wall"), w.get(name, {}).get("wall")]
            cells.append(" | ".join("—" if v is None else f"{v * scale:.2f}" for v in pair))
        lines.append(f"| {LABELS.get(name, name)} | " + " | ".join(cells) + " |")
    return lines


def tables(results: dict) -> list[str]:
    """Wall seconds per phase of Cercle's cold and warm builds, for each realistic run."""
    runs = [r for r in results["runs"] if r["profile"] == "realistic" and "cercle_cold" in r["builds"]]
    if not runs:
        return []
    return [
        "Where Cercle's time goes (realistic profile, wall seconds per phase, median of the runs; "
        "cold | warm; method in “Phase profile” above):",
        "",
        *phase_rows(runs),
        "",
    ]
