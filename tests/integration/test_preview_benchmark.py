"""benchmarks/preview.py at a tiny N: starts `cercle serve`, sees each edit served (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_preview_benchmark_runs_at_a_tiny_n(tmp_path: Path):
    output = tmp_path / "preview.json"
    args = [sys.executable, str(ROOT / "benchmarks/preview.py"), "--entries", "3", "--repeat", "1"]
    proc = subprocess.run([*args, "--json", str(output)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(output.read_text())
    assert results["entries"] == 3 and results["target_s"] == 2.0
    assert set(results["languages"]) == {"fr", "en"}
    for lang, row in results["languages"].items():
        assert row["page"].startswith(f"/{lang}/") and row["median_s"] > 0
        assert row["build_median_s"] is not None and row["build_median_s"] > 0
    assert "cercle serve, edit to reload (N=3" in proc.stdout
