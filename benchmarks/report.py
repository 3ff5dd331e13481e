"""Ratios against the targets of issue 8, and the Markdown table written into docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path

START = "<!-- bench:start (written by benchmarks/run.py) -->"
END = "<!-- bench:end -->"


def _get(results: dict, *path: str) -> float | None:
    value: object = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value  # type: ignore[return-value]


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def ratios(results: dict) -> dict[str, float | None]:
    b = results["builds"]
    sides = results["sides"]
    search_fr = _get(sides, "cercle", "search", "fr", "bytes")
    return {
        "cold_ratio": _ratio(_get(b, "cercle_cold", "seconds"), _get(b, "reference_cold", "seconds")),
        "warm_ratio": _ratio(_get(b, "cercle_warm", "seconds"), _get(b, "reference_nocards", "seconds")),
        "memory_ratio": _ratio(_get(b, "cercle_cold", "pss_mb"), _get(b, "reference_cold", "pss_mb")),
        "output_ratio": _ratio(
            _get(sides, "cercle", "output_bytes"), _get(sides, "reference", "output_bytes")
        ),
        "entry_html_kb": round(sides["cercle"]["entry_html_bytes_median"] / 1000, 1)
        if _get(sides, "cercle", "entry_html_bytes_median")
        else None,
        "search_kb": round(search_fr / 1000, 1) if search_fr else None,
        "card_ms": round(results["cercle_card_one_core"]["ms"], 2)
        if "cercle_card_one_core" in results
        else None,
    }


def _fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}".replace(",", " ")


def _verdict(name: str, results: dict) -> str:
    value, target = results["ratios"].get(name), results["targets"].get(name)
    if value is None or target is None:
        return "—"
    return "met" if value <= target else f"**not met** ({value / target:.1f}× the target)"


def markdown(results: dict) -> str:
    m, c, b, s = results["machine"], results["corpus"], results["builds"], results["sides"]
    r = results["ratios"]
    v = m["versions"]
    corpus = (
        f"{c['webinars']} webinars, {c['events']} events, {c['guides']} guides, {c['upcoming']} of them "
        f"upcoming; {c['quotes']} quotes, {c['with_slides']} slide decks, {c['speakers']} speakers, "
        f"{c['topics']} topics; ~{c['words_per_entry']} words each"
    )
    versions = ", ".join(f"{k} {val}" for k, val in v.items() if val)
    lines = [
        f"Run of {results['date']}: {c['entries_per_language']} entries per language ({corpus}), "
        f"median of {results['repeat']} runs.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['system']}, "
        f"Python {m['python']}; {versions}.",
        "",
        "| measure | Cercle | reference | ratio | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]

    def row(label: str, cercle: str, reference: str, ratio: str, target: str, verdict: str) -> None:
        lines.append(f"| {label} | {cercle} | {reference} | {ratio} | {target} | {verdict} |")

    def secs(name: str) -> str:
        return _fmt(_get(b, name, "seconds"), " s", 2)

    row(
        "cold build, cards (Cercle: + search, feeds, calendars)",
        secs("cercle_cold"),
        secs("reference_cold"),
        _fmt(r.get("cold_ratio"), "×", 2),
        "≤ 0.4×",
        _verdict("cold_ratio", results),
    )
    row(
        "warm rebuild (Cercle caches full; reference without cards)",
        secs("cercle_warm"),
        secs("reference_nocards"),
        _fmt(r.get("warm_ratio"), "×", 2),
        "≤ 0.6×",
        _verdict("warm_ratio", results),
    )
    row(
        "peak memory of the build's processes (PSS: shared pages once), cold with cards",
        _fmt(_get(b, "cercle_cold", "pss_mb"), " MB", 0),
        _fmt(_get(b, "reference_cold", "pss_mb"), " MB", 0),
        _fmt(r.get("memory_ratio"), "×", 2),
        "≤ 0.3×",
        _verdict("memory_ratio", results),
    )
    row(
        "the same as RSS summed (a forked worker's shared pages count twice)",
        _fmt(_get(b, "cercle_cold", "rss_mb"), " MB", 0),
        _fmt(_get(b, "reference_cold", "rss_mb"), " MB", 0),
        _fmt(_ratio(_get(b, "cercle_cold", "rss_mb"), _get(b, "reference_cold", "rss_mb")), "×", 2),
        "",
        "",
    )
    out_c, out_r = _get(s, "cercle", "output_bytes"), _get(s, "reference", "output_bytes")
    row(
        "output size",
        _fmt(out_c / 1e6 if out_c else None, " MB"),
        _fmt(out_r / 1e6 if out_r else None, " MB"),
        _fmt(r.get("output_ratio"), "×", 2),
        "",
        "",
    )
    html_c = _get(s, "cercle", "entry_html_bytes_median")
    html_r = _get(s, "reference", "entry_html_bytes_median")
    row(
        "HTML of an entry page (median)",
        _fmt(html_c / 1000 if html_c else None, " KB"),
        _fmt(html_r / 1000 if html_r else None, " KB"),
        _fmt(_ratio(html_c, html_r), "×", 2),
        "≤ 60 KB",
        _verdict("entry_html_kb", results),
    )
    for lang in ("fr", "en"):
        sc, sr = _get(s, "cercle", "search", lang), _get(s, "reference", "search", lang)
        if not sc and not sr:
            continue
        bc, br = (sc or {}).get("bytes"), (sr or {}).get("bytes")
        query = (sc or sr or {}).get("query", "")
        row(
            f"downloaded for one search ({lang}, “{query}”, gzip)",
            _fmt(bc / 1000 if bc else None, " KB"),
            _fmt(br / 1000 if br else None, " KB"),
            _fmt(_ratio(bc, br), "×", 2),
            "≤ 300 KB",
            _verdict("search_kb", results) if lang == "fr" else "",
        )
    card = results.get("cercle_card_one_core")
    ref_card = None
    cards_r = _get(s, "reference", "cards")
    if cards_r and _get(b, "reference_cold", "seconds") and _get(b, "reference_nocards", "seconds"):
        ref_card = 1000 * (b["reference_cold"]["seconds"] - b["reference_nocards"]["seconds"]) / cards_r
    row(
        "card time per card (Cercle: one core, in process; reference: build time added per card)",
        _fmt(card["ms"] if card else None, " ms"),
        _fmt(ref_card, " ms"),
        "",
        "≤ 10 ms",
        _verdict("card_ms", results),
    )
    row(
        "cards drawn",
        _fmt(_get(s, "cercle", "cards"), "", 0),
        _fmt(cards_r, "", 0),
        "",
        "",
        "",
    )
    return "\n".join(lines) + "\n"


def write_into(path: Path, table: str) -> None:
    """Replace the text between the bench markers of `path` (added at the end if absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{START}\n{table}{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
