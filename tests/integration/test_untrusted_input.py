"""Untrusted content (issue #12): symlinks out of content/, YAML bombs, control characters and
file names that need percent-encoding. Each case runs `cercle check` or a real MkDocs build on
a copy of the demo and reads what it printed or wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import cercle, mkdocs_build, write

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")


def secret(tmp_path: Path) -> Path:
    """A folder beside the project holding a file that must never be published."""
    return write(tmp_path / "outside" / "secret.txt", "TOP-SECRET\n").parent


# --- 1. symlinks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "target", "rel"),
    [
        ("content/media/_leak.txt", "secret.txt", "media/_leak.txt"),
        ("content/_ext", "", "_ext"),
        ("content/media/.hidden.txt", "secret.txt", "media/.hidden.txt"),
    ],
)
def test_symlink_out_of_content_is_an_error_whatever_its_name(demo_project, tmp_path, link, target, rel):
    outside = secret(tmp_path)
    os.symlink(outside / target if target else outside, demo_project / link)
    result = cercle(demo_project, "check", "--strict")
    assert result.returncode == 1, result.output
    assert f"{rel}: error: this file is a link to a place outside content/" in result.stdout
    assert "Traceback" not in result.output

    built = mkdocs_build(demo_project)
    assert built.returncode != 0
    assert f"{rel}: " in built.output and "Traceback" not in built.output
    site = demo_project / "site"
    leaked = [p for p in site.rglob("*") if p.is_file() and b"TOP-SECRET" in p.read_bytes()]
    assert not leaked


def test_symlink_inside_content_is_fine(demo_project):
    os.symlink("../fr", demo_project / "content" / "media" / "_alias")
    result = cercle(demo_project, "check", "--strict")
    assert "outside content/" not in result.output


def test_speaker_photo_must_be_in_content(demo_project, tmp_path):
    outside = secret(tmp_path)
    speakers = demo_project / "content" / "speakers.yml"
    text = speakers.read_text(encoding="utf-8")
    rel = os.path.relpath(outside / "secret.txt", demo_project / "content")
    speakers.write_text(
        text.replace("stephanie-ledoux:\n", f"stephanie-ledoux:\n  photo: {rel}\n", 1), encoding="utf-8"
    )
    line = text.splitlines().index("stephanie-ledoux:") + 2
    result = cercle(demo_project, "check")
    assert result.returncode == 1
    expected = f"speakers.yml:{line}: error: stephanie-ledoux.photo: '{rel}' does not exist in content/"
    assert expected in result.stdout
