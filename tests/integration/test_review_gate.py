"""The review gate: what `cercle new` and `cercle import` leave to fill in is never published silently.

Each placeholder is a warning of `cercle check` at its line, an error with `--strict` (the
pull-request workflow), and a warning of the MkDocs build naming the file (strict fails).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import cercle, mkdocs_build, write

from cercle.review.checks import note_lines

FR = "content/fr/guides/bien-accueillir.md"
EN = "content/en/guides/bien-accueillir.md"


def warnings(output: str, kind: str = "warning") -> set[str]:
    """`path:line` of every problem of one kind that `cercle check` printed."""
    return set(re.findall(rf"^(\S+\.(?:md|yml):\d+): {kind}:", output, re.MULTILINE))


def listed_todos(new_output: str) -> set[str]:
    """The `path:line` that `cercle new` asks the writer to fill in (paths as `cercle check` prints)."""
    return set(re.findall(r"^  (content/\S+:\d+)\s?:", new_output, re.MULTILINE))  # fr: a space before ":"


def test_every_placeholder_of_cercle_new_is_a_warning_at_its_line(demo_project: Path):
    new = cercle(demo_project, "new", "guide", "Bien accueillir", "--lang", "fr", "--translation", "en")
    assert new.returncode == 0, new.output
    expected = listed_todos(new.stdout)
    # fr: description and body; en: the title to translate too.
    assert {"content/fr/guides/bien-accueillir.md:3", "content/en/guides/bien-accueillir.md:2"} <= expected
    assert len(expected) == 5, new.stdout

    check = cercle(demo_project, "check")
    assert check.returncode == 0, check.output  # warnings only
    assert warnings(check.stdout) == expected
    assert "en/guides/bien-accueillir.md:2: warning: title: still a placeholder (TODO)" in check.stdout

    strict = cercle(demo_project, "check", "--strict", "--format", "github")
    assert strict.returncode == 1
    assert "::error file=content/fr/guides/bien-accueillir.md,line=3,title=description::" in strict.stdout

    build = mkdocs_build(demo_project)
    assert build.returncode == 1
    # The build speaks the messages' language: the locale here (English).
    assert "fr/guides/bien-accueillir.md:3: warning: description: still a placeholder" in build.output

    lenient = mkdocs_build(demo_project, strict=False)  # published, but never silently
    assert lenient.returncode == 0, lenient.output
    assert "en/guides/bien-accueillir.md:2: warning: title:" in lenient.output

    built = cercle(demo_project, "build", "--strict")
    assert built.returncode == 1 and "en/guides/bien-accueillir.md:2: error: title:" in built.output


def test_filled_in_page_passes_the_gate(demo_project: Path):
    assert cercle(demo_project, "new", "guide", "Bien accueillir", "--lang", "fr").returncode == 0
    path = demo_project / FR
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"TODO: [^"]*"', '"Accueillir les nouveaux ambassadeurs."', text)
    body = "Le texte, et `TODO` dans du code :\n\n```\nTODO: ici\n```"
    text = re.sub(r"^TODO: .*$", body, text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    check = cercle(demo_project, "check", "--strict")
    assert check.returncode == 0, check.output


def test_placeholders_of_cercle_import_notes_titles_and_new_speakers(demo_project: Path, tmp_path: Path):
    html = write(
        tmp_path / "recap.html",
        "<html lang='fr'><body><article><p>Le webinaire du 4 mai 2023 avec Marie Dupont, "
        "responsable communauté chez Exemple.</p><p>Du texte.</p></article></body></html>",
    )
    result = cercle(demo_project, "import", str(html), "--lang", "fr")
    assert result.returncode == 0, result.output
    [created] = re.findall(r"^(?:Created|Créé\s:) (content/\S+\.md)", result.stdout, re.MULTILINE)
    rel = created  # named from the repository's root, as `cercle check` names it
    lines = (demo_project / created).read_text(encoding="utf-8").splitlines()
    noted = {f"{rel}:{n}" for n, line in enumerate(lines, start=1) if "# TODO" in line}
    todo_values = {f"{rel}:{n}" for n, line in enumerate(lines, start=1) if '"TODO: ' in line}
    assert len(noted) >= 3 and todo_values  # header note, guessed date/speakers; no title found

    registry = (demo_project / "content/speakers.yml").read_text(encoding="utf-8").splitlines()
    speaker_notes = {f"content/speakers.yml:{n}" for n, line in enumerate(registry, 1) if "TODO" in line}
    assert len(speaker_notes) == 2  # "# TODO: review: new speakers" and the role to translate

    check = cercle(demo_project, "check")
    assert warnings(check.stdout) == noted | todo_values | speaker_notes, check.stdout
    assert "a `# TODO` review note is still here" in check.stdout
    assert cercle(demo_project, "check", "--strict").returncode == 1


def test_todo_in_code_and_hash_in_values_are_not_placeholders(demo_project: Path):
    write(
        demo_project / "content/en/guides/notes.md",
        '---\ntitle: "Sprint #2: what # TODO means"\ndescription: "A page about notes."\n'
        'share:\n  text: "Fine."  # a comment\n  variants:\n    - "TODO later"\n---\n\n'
        "Write `TODO` in code, or:\n\n```text\nTODO: inside a fence\n```\n\n"
        "~~~\nTODO\n~~~\n\nA real TODO here.\n",
    )
    check = cercle(demo_project, "check")
    notes = "content/en/guides/notes.md"
    assert warnings(check.stdout) == {f"{notes}:2", f"{notes}:7", f"{notes}:20"}
    assert "share.variants.0: still a placeholder" in check.stdout


def test_note_lines_outside_quoted_values():
    text = 'title: "a # TODO b"  # TODO: review (guessed)\n# TODO: review: header\nx: 1 # fine\n'
    assert note_lines(text, first_line=2) == [2, 3]
    assert note_lines("a: 'it''s # TODO'\nb: |\n  # TODO in a block\n") == []
