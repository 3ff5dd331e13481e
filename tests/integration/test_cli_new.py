"""`cercle new`: scaffolded entries land in the right section, list every field, pass check once filled."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from tests.conftest import cercle

from cercle.core.models import EntryMeta, EventMeta


def fill_todos(path: Path, date: str = "2027-01-05") -> None:
    """What a writer does: give a date, replace each TODO placeholder with real text."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^date: TODO", line):
            line = f"date: {date}"
        elif line.startswith("TODO: "):
            line = "Le texte de la page."
        line = line.replace("TODO: ", "")
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_webinar_with_translation_in_the_right_sections(demo_project: Path):
    result = cercle(demo_project, "new", "webinar", "Éthique & réseaux : l’ambassadeur",
                    "--translation", "en")  # fmt: skip  (in French, the site's first language)
    assert result.returncode == 0, result.output
    fr = demo_project / "content/fr/webinaires/ethique-reseaux-l-ambassadeur.md"
    en = demo_project / "content/en/webinars/ethique-reseaux-l-ambassadeur.md"
    assert fr.is_file() and en.is_file()
    assert "content/fr/webinaires/ethique-reseaux-l-ambassadeur.md" in result.stdout
    assert "content/en/webinars/ethique-reseaux-l-ambassadeur.md" in result.stdout
    # What to fill in, with the line to go to.
    assert re.search(r"content/fr/webinaires/ethique-reseaux-l-ambassadeur\.md:\d+: date", result.stdout)
    assert front(fr)["translation_key"] == front(en)["translation_key"] == "ethique-reseaux-l-ambassadeur"
    assert front(fr)["title"] == "Éthique & réseaux : l’ambassadeur"
    text = fr.read_text(encoding="utf-8")
    for name in EventMeta.model_fields:  # every field of the type is there, set or commented
        assert re.search(rf"^(# )?{name}:", text, re.MULTILINE), name
    assert "identifiants de content/speakers.yml" in text  # hints in the entry's language
    assert "ids from content/speakers.yml" in en.read_text(encoding="utf-8")


def test_scaffold_fails_check_until_filled_then_passes(demo_project: Path):
    assert cercle(demo_project, "new", "event", "Rencontre de printemps", "--lang", "fr",
                  "--translation", "en", "--translation-title", "Spring meetup").returncode == 0  # fmt: skip
    fr = demo_project / "content/fr/evenements/rencontre-de-printemps.md"
    en = demo_project / "content/en/events/spring-meetup.md"
    assert front(en)["title"] == "Spring meetup"
    before = cercle(demo_project, "check")
    assert before.returncode == 1
    # Named from the repository's root, as `cercle new` named it: the file the writer opens.
    assert "\ncontent/fr/evenements/rencontre-de-printemps.md:4: error: date: 'TODO' is not a date" in (
        "\n" + before.stdout
    )
    fill_todos(fr)
    fill_todos(en)
    after = cercle(demo_project, "check")
    assert after.returncode == 0, after.output


def test_uncommented_examples_are_valid_front_matter(demo_project: Path):
    assert cercle(demo_project, "new", "webinar", "Exemple complet", "--lang", "en").returncode == 0
    path = demo_project / "content/en/webinars/exemple-complet.md"
    text = path.read_text(encoding="utf-8")
    # Uncomment every optional field except files that do not exist in the demo.
    # slides_at follows the slides, which are skipped.
    skip = ("slides:", "slides_at:", "transcript:", "captions:", "image:", "image_alt:", "type:")
    skip += ("Optional fields",)
    lines = []
    for line in text.splitlines():
        if line.startswith("# ") and not line[2:].startswith(skip):
            line = line[2:]
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fill_todos(path)
    result = cercle(demo_project, "check")
    assert result.returncode == 0, result.output
    meta = front(path)
    assert meta["duration"] == 60 and meta["chapters"][0]["at"] == "00:00" and meta["speakers"]
    assert meta["share"]["hashtags"] == ["Ambassadors"]  # an example in the entry's language


def test_guide_and_page_folders_and_no_date_required(demo_project: Path):
    assert cercle(demo_project, "new", "guide", "Bien démarrer", "--lang", "en").returncode == 0
    assert cercle(demo_project, "new", "page", "À propos", "--lang", "fr").returncode == 0
    guide = demo_project / "content/en/guides/bien-demarrer.md"
    page = demo_project / "content/fr/a-propos.md"
    assert guide.is_file() and page.is_file()
    text = page.read_text(encoding="utf-8")
    for name in EntryMeta.model_fields:
        assert re.search(rf"^(# )?{name}:", text, re.MULTILINE), name
    assert "speakers" not in text  # event-only fields are not offered on a page
    fill_todos(guide)
    fill_todos(page)
    result = cercle(demo_project, "check")
    assert result.returncode == 0, result.output


def test_refuses_to_overwrite_and_writes_nothing(demo_project: Path):
    existing = demo_project / "content/fr/guides/lexique-ambassadeur.md"
    before = existing.read_bytes()
    result = cercle(
        demo_project, "new", "guide", "Lexique ambassadeur", "--translation", "en"
    )  # in French, the site's first language
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "content/fr/guides/lexique-ambassadeur.md already exists: nothing was written. "
        "Pick another title or edit that file."
    ]
    assert existing.read_bytes() == before
    assert not (demo_project / "content/en/guides/lexique-ambassadeur.md").exists()


def test_wrong_language_and_empty_title_are_one_line_errors(demo_project: Path):
    result = cercle(demo_project, "new", "guide", "Titre", "--lang", "de")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "'de' is not one of the site's languages (fr, en)" in result.stderr
    result = cercle(demo_project, "new", "guide", "!!!", "--lang", "fr", env={"CERCLE_LANG": "fr"})
    assert result.returncode == 1 and "donne un nom de fichier vide" in result.stderr
    assert "Traceback" not in result.output
