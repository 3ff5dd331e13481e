"""Untrusted content (issue #12): symlinks out of content/, YAML bombs, control characters and
file names that need percent-encoding. Each case runs `cercle check` or a real MkDocs build on
a copy of the demo and reads what it printed or wrote."""

from __future__ import annotations

import os
import re
import resource
import subprocess
from pathlib import Path

import pytest
from tests.conftest import bin_path, cercle, mkdocs_build, write

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


# --- 2. YAML limits -----------------------------------------------------------------------------

def _laughs() -> str:
    """The billion laughs: nine anchors of nine aliases each, 9**9 values, under 600 bytes."""
    lines, item = [], '"lol"'
    for name in "abcdefghi":
        lines.append(f"{name}: &{name} [{', '.join([item] * 9)}]")
        item = f"*{name}"
    return "\n".join(lines) + "\n"


LAUGHS = _laughs()


def check_capped(project: Path) -> subprocess.CompletedProcess:
    """`cercle check` with 1 GB of address space and two minutes: a bomb fails, not the machine."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = {**os.environ, "CERCLE_LANG": "en", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [bin_path("cercle"), "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap,
    )


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        (LAUGHS, 7, "expand to more than 100000 values"),
        ("title: x\nx: " + "[" * 1_200 + "]" * 1_200 + "\n", 3, "nests more than 64"),
        ("title: x\nx: " + "[" * 100_000 + "]" * 100_000 + "\n", 3, "nests more than 64"),
        ("title: x\nx: '" + "a" * 1_100_000 + "'\n", 2, "longer than 1000000 characters"),
        ("title: x\nx: [" + "*a, " * 1_001 + "]\n", 3, "more than 1000 aliases"),
    ],
    ids=["alias-bomb", "nested-1200", "nested-100000", "huge", "many-aliases"],
)
def test_hostile_front_matter_yaml_is_a_content_error(demo_project, yaml_text, line, message):
    rel = "en/guides/bomb.md"
    write(demo_project / "content" / rel, f"---\n{yaml_text}---\nBody.\n")
    result = check_capped(demo_project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{rel}:{line}: error:" in result.stdout and message in result.stdout, result.stdout


def test_alias_bomb_in_speakers_is_a_content_error(demo_project):
    write(demo_project / "content" / "speakers.yml", LAUGHS)
    result = check_capped(demo_project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "speakers.yml:6: error: the YAML aliases" in result.stdout


def test_french_message_for_a_yaml_bomb(demo_project):
    write(demo_project / "content" / "en" / "guides" / "bomb.md", f"---\n{LAUGHS}---\n")
    result = cercle(demo_project, "check", "--lang", "fr")
    assert "se déploient en plus de 100000 valeurs" in result.stdout


# --- 3. control characters ------------------------------------------------------------------------

CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# YAML escapes: the file is plain text, the parsed strings hold NUL, ESC, BEL and FF.
CONTROL_PAGE = (
    "---\n"
    'title: "Ctl\\0 title\\e"\n'
    'description: "Ctl\\a description"\n'
    "date: 2027-04-01\n"
    'time: "18:30"\n'
    "timezone: Europe/Paris\n"
    "duration: 60\n"
    "speakers: [ctl-speaker]\n"
    "share:\n"
    '  text: "Ctl\\f share"\n'
    "---\n"
    "Ctl body with a NUL\0 and an ESC\x1b here.\n"
)
CONTROL_SPEAKER = '\nctl-speaker:\n  name: "Ctl\\0 Speaker"\n  bio: {en: "Ctl\\e bio", fr: "Ctl bio"}\n'


@pytest.fixture
def with_controls(demo_project: Path) -> Path:
    write(demo_project / "content" / "en" / "webinars" / "controls.md", CONTROL_PAGE)
    speakers = demo_project / "content" / "speakers.yml"
    speakers.write_text(speakers.read_text(encoding="utf-8") + CONTROL_SPEAKER, encoding="utf-8")
    return demo_project


def test_control_characters_are_reported_where_they_are(with_controls):
    result = cercle(with_controls, "check")
    assert result.returncode == 0, result.output
    out = result.stdout
    page = "en/webinars/controls.md"
    for where in (f"{page}:2: warning: title:", f"{page}:3: warning: description:",
                  f"{page}:10: warning: share.text:", f"{page}:12: warning: invisible"):
        assert where in out, out
    lines = (with_controls / "content" / "speakers.yml").read_text(encoding="utf-8").splitlines()
    assert f"speakers.yml:{lines.index('ctl-speaker:') + 2}: warning: ctl-speaker.name:" in out
    assert f"speakers.yml:{lines.index('ctl-speaker:') + 3}: warning: ctl-speaker.bio.en:" in out
    assert "Traceback" not in result.output


def test_no_control_character_reaches_the_site(with_controls):
    result = mkdocs_build(with_controls, strict=False)
    assert result.returncode == 0, result.output
    site = with_controls / "site"
    page = (site / "en" / "webinars" / "controls" / "index.html").read_text(encoding="utf-8")
    assert "Ctl title" in page and "Ctl body with a NUL and an ESC here." in page
    dirty = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".ics", ".json"} and CONTROLS.search(path.read_text("utf-8"))
    ]
    assert not dirty
    assert any("Ctl title" in p.read_text("utf-8") for p in site.rglob("*.ics"))
    assert any("Ctl title" in p.read_text("utf-8") for p in site.rglob("*.xml"))
