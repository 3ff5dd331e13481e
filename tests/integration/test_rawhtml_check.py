"""`cercle check` reports raw HTML that runs script or loads from another origin, with file and line,
in the reader's language; `allowed_origins` must be origins."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import cercle
from tests.quality.corpus import EMBED_ORIGIN, HOSTILE_BODY_PAGE, hostile_body_project


def test_check_reports_each_finding_on_its_line(tmp_path: Path):
    project = hostile_body_project(tmp_path / "hub")
    result = cercle(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if HOSTILE_BODY_PAGE in line]
    assert [line.split(": error: ")[0] for line in lines] == [
        f"content/{HOSTILE_BODY_PAGE}:{n}" for n in (7, 9, 11, 11, 13, 15)
    ]
    assert (
        f"{HOSTILE_BODY_PAGE}:9: error: <img> src loads https://tracker.example.net/pixel.gif from another "
        "site (https://tracker.example.net)" in result.output
    )
    assert f"add {EMBED_ORIGIN} to allowed_origins of cercle/hub in mkdocs.yml" in result.output
    french = cercle(project, "check", env={"CERCLE_LANG": "fr"})
    assert f"{HOSTILE_BODY_PAGE}:11: erreur: l’attribut onclick de <b> exécute du script" in french.output


def test_allowed_origin_lets_the_embed_through(tmp_path: Path):
    project = hostile_body_project(tmp_path / "hub", embed_only=True, allowed=(EMBED_ORIGIN,))
    result = cercle(project, "check")
    assert result.returncode == 0, result.output


def test_an_allowed_origin_must_be_an_origin(tmp_path: Path):
    project = hostile_body_project(tmp_path / "hub", embed_only=True, allowed=(f"{EMBED_ORIGIN}/embed",))
    result = cercle(project, "check")
    assert result.returncode != 0 and "Traceback" not in result.output
    # Configuration errors speak the messages' language: English here (`cercle` sets CERCLE_LANG=en)…
    assert f"allowed_origins: '{EMBED_ORIGIN}/embed' is not an origin" in result.output
    # …and French, typeset, when asked for.
    french = cercle(project, "check", env={"CERCLE_LANG": "fr"})
    assert f"allowed_origins\u00a0: «\u00a0{EMBED_ORIGIN}/embed\u00a0» n’est pas une origine" in french.output
