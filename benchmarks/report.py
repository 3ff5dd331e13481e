"""Ratios against issue #18's targets, the tables of docs/benchmarks.md and the README's figures.

Both files carry marked blocks that each run replaces: docs/benchmarks.md between
`bench:start` and `bench:end`, README.md between `bench-readme:start` and `bench-readme:end`.
"""

from __future__ import annotations

from pathlib import Path

import phasereport

START = "<!-- bench:start (written by benchmarks/run.py) -->"
END = "<!-- bench:end -->"
README_START = (
    "<!-- bench-readme:start (written by benchmarks/run.py from benchmarks/results/latest.json) -->"
)
README_END = "<!-- bench-readme:end -->"
TARGETS = {  # issue #18: ratios to the reference measured in the same run, at N=200 and N=500
    "cold_ratio": 0.35,  # Cercle cold with cards / reference with social cards
    "warm_ratio": 0.35,  # Cercle warm / reference without cards
    "memory_ratio": 0.25,  # peak PSS of the process trees, cold
    "output_ratio": 0.4,  # bytes of the built sites
    "entry_html_max_kb": 40,  # largest entry page, and flat in N
}


def get(results: dict, *path: str) -> float | None:
    value: object = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value  # type: ignore[return-value]


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def ratios(run: dict) -> dict[str, float | None]:
    b, s = run["builds"], run["sides"]
    largest = get(s, "cercle", "entry_html_bytes_max")
    search = get(s, "cercle", "search", "fr", "bytes")
    return {
        "cold_ratio": _ratio(get(b, "cercle_cold", "seconds"), get(b, "reference_cold", "seconds")),
        "warm_ratio": _ratio(get(b, "cercle_warm", "seconds"), get(b, "reference_nocards", "seconds")),
        "memory_ratio": _ratio(get(b, "cercle_cold", "pss_mb"), get(b, "reference_cold", "pss_mb")),
        "output_ratio": _ratio(get(s, "cercle", "output_bytes"), get(s, "reference", "output_bytes")),
        "entry_html_max_kb": round(largest / 1000, 1) if largest else None,
        "search_kb": round(search / 1000, 1) if search else None,
    }


TARGET_NAMES = {  # what each target measures, and its unit (the bound is TARGETS')
    "cold_ratio": ("cold build", "×"),
    "warm_ratio": ("warm build", "×"),
    "memory_ratio": ("peak memory", "×"),
    "output_ratio": ("output", "×"),
    "entry_html_max_kb": ("largest entry page", " KB"),
}
TARGET_SIZES = (200, 500)  # where issue #18 sets its targets


def fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}".replace(",", " ")


def verdict(run: dict, name: str) -> str:
    value, target = run["ratios"].get(name), TARGETS.get(name)
    if value is None or target is None:
        return ""
    return "met" if value <= target else f"**{value / target:.1f}× over**"


def _header(results: dict) -> list[str]:
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    lines = []
    if results.get("smoke"):
        lines += ["**Smoke run** (tiny sizes, one run each, on a loaded machine): it checks the "
                  "pipeline, its figures are not measurements.", ""]  # fmt: skip
    lines += [
        f"Run of {results['date']} (`{results.get('command', 'benchmarks/run.py')}`, "
        f"{fmt(results.get('bench_seconds'), ' s', 0)}).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['system']}, "
        f"Python {m['python']}; {versions}.",
        "",
    ]
    return lines


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


HEAD = ["profile", "N", "runs", "cold s (ref)", "cold ×", "warm s (ref)", "warm ×", "PSS MB (ref)",
        "memory ×", "output MB (ref)", "output ×", "entry KB median / largest"]  # fmt: skip


def _pair(a: float | None, ref: float | None, digits: int = 1, scale: float = 1.0) -> str:
    a = a / scale if a is not None else None
    ref = ref / scale if ref is not None else None
    return f"{fmt(a, '', digits)} ({fmt(ref, '', digits)})"


def _with_verdict(run: dict, name: str) -> str:
    mark = verdict(run, name)
    return fmt(run["ratios"].get(name), "×", 2) + (f" {mark}" if mark else "")


def _main_row(run: dict) -> str:
    b, s = run["builds"], run["sides"]
    median, largest = get(s, "cercle", "entry_html_bytes_median"), get(s, "cercle", "entry_html_bytes_max")
    html = f"{fmt(median / 1000 if median else None)} / {fmt(largest / 1000 if largest else None)}"
    mark = verdict(run, "entry_html_max_kb")
    return _row([
        run["profile"], str(run["entries"]), str(run["repeat"]),
        _pair(get(b, "cercle_cold", "seconds"), get(b, "reference_cold", "seconds")),
        _with_verdict(run, "cold_ratio"),
        _pair(get(b, "cercle_warm", "seconds"), get(b, "reference_nocards", "seconds")),
        _with_verdict(run, "warm_ratio"),
        _pair(get(b, "cercle_cold", "pss_mb"), get(b, "reference_cold", "pss_mb"), 0),
        _with_verdict(run, "memory_ratio"),
        _pair(get(s, "cercle", "output_bytes"), get(s, "reference", "output_bytes"), 1, 1e6),
        _with_verdict(run, "output_ratio"), html + (f" {mark}" if mark else ""),
    ])  # fmt: skip


def main_table(results: dict) -> list[str]:
    lines = [
        "Ratios are Cercle ÷ reference in the same run; targets of issue #18: cold ≤ 0.35×, "
        "warm ≤ 0.35× (against the reference without cards), memory ≤ 0.25×, output ≤ 0.4×, "
        "largest entry page ≤ 40 KB.",
        "",
        _row(HEAD),
        "|---|" + "---:|" * (len(HEAD) - 1),
    ]
    return [*lines, *(_main_row(run) for run in results["runs"]), ""]


def output_table(run: dict) -> list[str]:
    """Output by kind of file, Cercle against the reference, for one run."""
    c = get(run, "sides", "cercle", "by_kind") or {}
    r = get(run, "sides", "reference", "by_kind") or {}
    lines = [
        f"Output by kind of file ({run['profile']}, N={run['entries']}):",
        "",
        "| kind | Cercle MB | files | reference MB | files |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in sorted(set(c) | set(r), key=lambda k: -(c.get(k, {}).get("bytes", 0))):
        cc, rr = c.get(kind, {}), r.get(kind, {})
        lines.append(_row([
            kind, fmt(cc.get("bytes", 0) / 1e6, "", 2), fmt(cc.get("files"), "", 0),
            fmt(rr.get("bytes", 0) / 1e6, "", 2), fmt(rr.get("files"), "", 0),
        ]))  # fmt: skip
    return [*lines, ""]


def corpus_table(results: dict) -> list[str]:
    lines = [
        "| profile | N | webinars / events / guides | quotes (per talk: 0/1/2/3+) | transcripts "
        "(median words) | slide decks (pages) | images | speakers (per talk) | words per entry |",
        "|---|---:|---|---|---|---|---:|---|---:|",
    ]
    for run in results["runs"]:
        c = run["corpus"]
        per = c.get("quotes_per_talk", {})
        spread = (
            "/".join(str(per.get(str(k), 0)) for k in range(3))
            + "/"
            + str(sum(v for k, v in per.items() if int(k) >= 3))
        )
        lines.append(_row([
            run["profile"], str(c["entries_per_language"]),
            f"{c['webinars']} / {c['events']} / {c['guides']}", f"{c['quotes']} ({spread})",
            f"{c.get('with_transcript', 0)} ({fmt(c.get('transcript_words_median'), '', 0)})",
            f"{c['with_slides']} ({c.get('slide_pages', '—')})", str(c.get("with_image", 0)),
            f"{c['speakers']} ({c.get('speakers_per_talk', '—')})", str(c["words_per_entry"]),
        ]))  # fmt: skip
    return [*lines, ""]


def markdown(results: dict) -> str:
    lines = [*_header(results), *main_table(results)]
    realistic = [r for r in results["runs"] if r["profile"] == "realistic"] or results["runs"]
    if realistic:
        lines += output_table(realistic[-1])
    lines += ["Corpus of each run (per language):", "", *corpus_table(results)]
    lines += phasereport.tables(results)
    return "\n".join(lines) + "\n"


def readme_block(results: dict) -> str:
    """The README's figures: the realistic profile's runs, with the date and the machine."""
    runs = [r for r in results["runs"] if r["profile"] == "realistic"]
    m = results["machine"]
    day = results["date"][:10]
    if not runs:
        return "No benchmark run on the realistic corpus yet (`make bench`).\n"
    if results.get("smoke"):  # never quoted as figures
        return (
            f"Speed: the last benchmark run ({day}, {m['cpu']}, {m['cores']} cores) was a smoke run at "
            "tiny sizes that only checks the pipeline; `make bench` writes the figures on the "
            "realistic corpus here (see `docs/benchmarks.md`).\n"
        )
    parts = []
    for run in runs:
        r = run["ratios"]
        largest = r.get("entry_html_max_kb")
        parts.append(
            f"at {run['entries']} entries per language, a cold build with cards took "
            f"{fmt(r.get('cold_ratio'), '×', 2)} the reference's time, a warm one "
            f"{fmt(r.get('warm_ratio'), '×', 2)} (reference without cards), peak memory "
            f"{fmt(r.get('memory_ratio'), '×', 2)}, output {fmt(r.get('output_ratio'), '×', 2)}; "
            f"largest entry page {fmt(largest, ' KB')}"
        )
    return (
        f"Speed ({day}, {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB), measured by "
        f"`make bench` on the realistic corpus (shares of webinars, quotes, transcripts and slides "
        f"taken from real archives, see `docs/benchmarks.md`) against mkdocs-static-i18n + "
        f"Material's social plugin + lunr, medians of {runs[0]['repeat']} alternating runs: "
        + "; ".join(parts)
        + ". "
        + targets_sentence(runs)
        + "\n"
    )


def targets_sentence(runs: list[dict]) -> str:
    """Which of issue #18's targets the run met, at the sizes the issue sets them for."""
    runs = [r for r in runs if r["entries"] in TARGET_SIZES] or runs
    sizes = " and ".join(str(r["entries"]) for r in runs)
    met: dict[str, list[str]] = {}
    for name, target in TARGETS.items():
        where = [str(r["entries"]) for r in runs if verdict(r, name) == "met"]
        key = "all" if len(where) == len(runs) else " and ".join(where) or "none"
        what, unit = TARGET_NAMES[name]
        met.setdefault(key, []).append(f"{what} ≤ {target:g}{unit}")
    said = [f"met: {', '.join(met.pop('all'))}"] if "all" in met else []
    not_met = met.pop("none", [])
    said += [f"met at {n} entries only: {', '.join(names)}" for n, names in met.items()]
    if not_met:
        said.append(f"not met: {', '.join(not_met)}")
    return (
        f"Issue #18's targets at {sizes} entries per language: "
        + "; ".join(said)
        + " (by how much, and what dominates: `docs/benchmarks.md`)."
    )


def replace_block(text: str, start: str, end: str, block: str) -> str:
    """Replace what lies between the marker comments (the start one found by its name, whatever
    follows it on its line); append the block with its markers when they are absent."""
    name = start.split(" (")[0].removesuffix(" -->")
    if name in text and end in text:
        head, rest = text.split(name, 1)
        rest = rest.split("\n", 1)[1] if "\n" in rest else ""
        return head + f"{start}\n{block}{end}" + rest.split(end, 1)[1]
    return text.rstrip("\n") + f"\n\n{start}\n{block}{end}\n"


def write_into(path: Path, tables: str) -> None:
    """Replace the text between the bench markers of `path` (added at the end if absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    path.write_text(replace_block(text, START, END, tables), encoding="utf-8")


def write_readme(path: Path, results: dict) -> None:
    """Replace the README's marked figures (left alone when the markers are absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if README_START.split(" (")[0] in text and README_END in text:
        text = replace_block(text, README_START, README_END, readme_block(results))
        path.write_text(text, encoding="utf-8")
