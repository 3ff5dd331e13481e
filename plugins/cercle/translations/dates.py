"""When each content file last changed: its last commit date in git, else its modification time.

One `git log` walks the whole history of content/ (rather than one process per file); a file
with uncommitted changes, or outside git, counts by its modification time.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _commit_dates(root: Path) -> dict[Path, float]:
    """Last commit time of every file under `root` known to git ({} outside a repository)."""
    top = _git(["rev-parse", "--show-toplevel"], root)
    if not top:
        return {}
    top_path = Path(top.strip())
    log = _git(["log", "--format=@%ct", "--name-only", "--no-renames", "--", "."], root)
    if log is None:
        return {}
    dates: dict[Path, float] = {}
    when = 0.0
    for line in log.splitlines():
        if line.startswith("@"):
            when = float(line[1:])
        elif line.strip():
            dates.setdefault((top_path / line).resolve(), when)
    dirty = _git(["status", "--porcelain", "--untracked-files=all", "-z", "--", "."], root) or ""
    for item in dirty.split("\0"):
        if len(item) > 3:
            dates.pop((top_path / item[3:]).resolve(), None)
    return dates


def last_changed(root: Path, files: list[Path]) -> dict[Path, float]:
    """Epoch seconds of the last change of each file (git commit date, else modification time)."""
    committed = _commit_dates(root)
    result = {}
    for path in files:
        resolved = path.resolve()
        if resolved in committed:
            result[path] = committed[resolved]
        else:
            try:
                result[path] = path.stat().st_mtime
            except OSError:
                result[path] = 0.0
    return result
