"""`cercle check` and `mkdocs build` on broken variants of the demo."""

from __future__ import annotations

import json
import re

from tests.conftest import cercle, mkdocs_build, write

WEBINAR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"


def break_demo(project):
    """Three files, five mistakes."""
    path = project / WEBINAR
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(speakers:.*?)stephanie-ledoux", r"\1stephanie-ledou", text, count=1, flags=re.S)
    text = text.replace("---\n", "---\nspeakrs: [x]\n", 1)
    path.write_text(text, encoding="utf-8")
    write(project / "content/en/guides/broken.md", "---\ntitle: [unclosed\n---\nbody\n")
    write(project / "content/en/guides/late.md", "---\ntitle: Late\ndate: 31/12/2022\nimage: x.png\n---\n")


def test_clean_demo_passes(demo_project):
    result = cercle(demo_project, "check")
    assert result.returncode == 0, result.output
    assert "No problem found" in result.stdout


def test_every_problem_with_file_line_and_hint(demo_project):
    break_demo(demo_project)
    result = cercle(demo_project, "check")
    assert result.returncode == 1
    out = result.stdout
    # Every path from the repository's root: the file the maintainer opens.
    assert f"\n{WEBINAR}:2: error: speakrs: unknown field 'speakrs'" in f"\n{out}"
    assert "did you mean 'speakers'" in out
    assert "unknown speaker 'stephanie-ledou' (did you mean 'stephanie-ledoux'?)" in out
    assert "content/en/guides/broken.md:2: error:" in out and "not valid YAML" in out
    assert "\ncontent/en/guides/late.md:3: error: date: '31/12/2022' is not a date" in out
    assert "\ncontent/en/guides/late.md:4: error: image_alt:" in out
    assert "Traceback" not in result.output


def test_messages_in_french(demo_project):
    break_demo(demo_project)
    result = cercle(demo_project, "check", "--lang", "fr")
    assert "intervenant inconnu «\xa0stephanie-ledou\xa0»" in result.stdout
    assert "erreur(s)" in result.stdout


def test_json_and_github_formats(demo_project):
    break_demo(demo_project)
    data = json.loads(cercle(demo_project, "check", "--format", "json").stdout)
    fields = {(p["path"], p["field"]) for p in data["problems"]}
    assert ("content/en/guides/late.md", "date") in fields
    assert all({"path", "line", "field", "message", "severity", "code"} <= set(p) for p in data["problems"])
    github = cercle(demo_project, "check", "--format", "github").stdout.splitlines()
    # Paths from the repository's root, so that GitHub shows each annotation on its line.
    annotation = "::error file=content/en/guides/late.md,line=3,title=date::"
    assert any(line.startswith(annotation) for line in github)


def test_strict_turns_warnings_into_errors(demo_project):
    write(
        demo_project / "content/topics.yml",
        (demo_project / "content/topics.yml").read_text() + "\nnouveau:\n  label: {fr: Nouveau}\n",
    )
    assert cercle(demo_project, "check").returncode == 0
    strict = cercle(demo_project, "check", "--strict")
    assert strict.returncode == 1 and "no en text" in strict.stdout


def test_usage_errors_exit_2(demo_project):
    assert cercle(demo_project, "check", "--format", "xml").returncode == 2
    missing = cercle(demo_project, "check", "-f", "nope.yml")
    assert missing.returncode == 2 and "nope.yml: not found" in missing.output


def test_build_fails_with_the_same_messages_and_keeps_the_site(demo_project):
    assert mkdocs_build(demo_project).returncode == 0
    index = demo_project / "site" / "fr" / "index.html"
    before = index.read_bytes()
    break_demo(demo_project)
    result = mkdocs_build(demo_project)
    assert result.returncode == 1
    assert "unknown speaker 'stephanie-ledou'" in result.output or "intervenant inconnu" in result.output
    assert "Traceback" not in result.output
    assert index.read_bytes() == before


def test_missing_site_url_is_a_warning(demo_project):
    config = demo_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://cercle.example.org/\n", ""))
    result = cercle(demo_project, "check")
    assert result.returncode == 0 and "site_url is not set" in result.stdout
    assert cercle(demo_project, "check", "--strict").returncode == 1
