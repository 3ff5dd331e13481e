"""`cercle translations`: coverage per type, missing languages, outdated translations (git, else mtime)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import cercle

FR = "content/fr/guides/pourquoi-les-ambassadeurs-sont-volontaires.md"
EN = "content/en/guides/why-ambassadors-are-volunteers.md"


def report(project: Path) -> dict:
    result = cercle(project, "translations", "--format", "json")
    assert result.returncode == 0, result.output
    return json.loads(result.stdout)


def entry(data: dict, path: str) -> dict:
    rel = path.removeprefix("content/")
    return next(e for s in data["sections"] for e in s["entries"] if rel in e["files"].values())


def test_missing_translations_per_type(demo_project: Path):
    data = report(demo_project)
    assert data["languages"] == ["fr", "en"]
    assert [s["type"] for s in data["sections"]][:3] == ["webinar", "event", "guide"]
    lexique = entry(data, "content/fr/guides/lexique-ambassadeur.md")
    assert lexique["missing"] == ["en"]
    webinars = next(s for s in data["sections"] if s["type"] == "webinar")
    assert webinars["complete"] == len(webinars["entries"])
    text = cercle(demo_project, "translations")
    assert "missing in en: fr/guides/lexique-ambassadeur.md" in text.stdout
    fr = cercle(demo_project, "translations", "--lang", "fr")
    assert "manque en en\xa0: fr/guides/lexique-ambassadeur.md" in fr.stdout


def test_outdated_by_file_date_outside_git(demo_project: Path):
    os.utime(demo_project / EN, (1_600_000_000, 1_600_000_000))
    os.utime(demo_project / FR, (1_700_000_000, 1_700_000_000))
    outdated = entry(report(demo_project), FR)["outdated"]
    assert outdated == [
        {
            "lang": "en",
            "path": EN.removeprefix("content/"),
            "original": FR.removeprefix("content/"),
            "days": 1157,
        }
    ]
    assert "outdated (en): en/guides/why-ambassadors-are-volunteers.md changed 1157 day(s) before" in (
        cercle(demo_project, "translations").stdout
    )


def test_files_written_together_are_not_outdated(demo_project: Path):
    # `cercle new --translation` writes both files a few milliseconds apart; a copied hub
    # gives each file the time it was copied: neither is a translation left behind.
    os.utime(demo_project / EN, (1_700_000_000, 1_700_000_000))
    os.utime(demo_project / FR, (1_700_000_030.5, 1_700_000_030.5))
    assert entry(report(demo_project), FR)["outdated"] == []
    os.utime(demo_project / FR, (1_700_000_090, 1_700_000_090))  # a minute and a half later
    assert [o["lang"] for o in entry(report(demo_project), FR)["outdated"]] == ["en"]


def _commit(project: Path, when: str, *paths: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    ident = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "add", *paths], cwd=project, check=True, env=env)
    subprocess.run(["git", *ident, "commit", "-q", "-m", "c"], cwd=project, check=True, env=env)


def test_outdated_by_git_date_not_file_date(demo_project: Path):
    subprocess.run(["git", "init", "-q"], cwd=demo_project, check=True)
    _commit(demo_project, "2024-01-01T12:00:00Z", ".")
    (demo_project / FR).write_text((demo_project / FR).read_text(encoding="utf-8") + "\nMise à jour.\n")
    _commit(demo_project, "2024-03-01T12:00:00Z", FR)
    # The checkout gives every file the same fresh mtime; the English one even looks newer.
    os.utime(demo_project / FR, (1_600_000_000, 1_600_000_000))
    outdated = entry(report(demo_project), FR)["outdated"]
    assert [(o["lang"], o["days"]) for o in outdated] == [("en", 60)]
    # Once the translation is updated and committed later, it is no longer outdated.
    (demo_project / EN).write_text((demo_project / EN).read_text(encoding="utf-8") + "\nUpdated.\n")
    _commit(demo_project, "2024-03-02T12:00:00Z", EN)
    assert entry(report(demo_project), FR)["outdated"] == []
