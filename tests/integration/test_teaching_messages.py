"""Messages that teach, from `cercle check` and `mkdocs build` on a copy of the demo (issue #13, 5)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import bin_path, cercle, mkdocs_build, run, write

WEBINAR_FR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
WEBINAR_EN = "content/en/webinars/virtuous-circle-ambassador-programs.md"


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_tab_and_mis_indented_key_at_their_own_lines(demo_project):
    tab = "---\ntitle: Tab\nshare:\n  text: a\n\tpinned: true\n---\n"
    write(demo_project / "content/en/guides/tab.md", tab)
    edit(demo_project, "content/speakers.yml", "\n  organization:", "\n   organization:")  # 1st speaker
    result = cercle(demo_project, "check")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "content/en/guides/tab.md:5: error: this line is indented with a tab character" in result.stdout
    line = line_of(demo_project, "content/speakers.yml", "   organization:")
    assert (
        f"content/speakers.yml:{line}: error: 'organization:' is not indented like the fields around it. "
        "Indent it like 'name:' above: 2 space(s)." in result.stdout
    )
    french = cercle(demo_project, "check", "--lang", "fr").stdout
    assert "content/en/guides/tab.md:5: erreur: cette ligne est indentée avec une tabulation" in french


def test_human_durations_and_chapters_are_normalized_in_the_site(demo_project):
    edit(demo_project, WEBINAR_FR, "duration: 60", "duration: 1h30")
    edit(demo_project, WEBINAR_EN, "duration: 60", "duration: 90 min")
    edit(demo_project, WEBINAR_FR, '{at: "50:00"', '{at: "76:00"')
    assert cercle(demo_project, "check").returncode == 0
    assert mkdocs_build(demo_project).returncode == 0
    page = demo_project / "site/fr/webinaires/cercle-vertueux-programmes-ambassadeurs/index.html"
    html = page.read_text(encoding="utf-8")
    assert "1\xa0h\xa030" in html or "1 h 30" in html
    assert "1:16:00" in html and "#t=4560" in html


def test_ambiguous_forms_are_answered_with_the_exact_fix(demo_project):
    edit(demo_project, WEBINAR_FR, "duration: 60", "duration: 1h75")
    edit(demo_project, WEBINAR_FR, '{at: "50:00"', '{at: "12:75"')
    result = cercle(demo_project, "check")
    assert result.returncode == 1
    line = line_of(demo_project, WEBINAR_FR, "duration:")
    expected = f"{WEBINAR_FR}:{line}: error: duration: '1h75' is not a duration as written: did you mean 2h15"
    assert expected in result.stdout
    assert "'12:75' is not a chapter time: minutes and seconds go up to 59. Did you mean 13:15?" in (
        result.stdout
    )


def test_impossible_date_is_a_clear_error_in_check_and_build(demo_project):
    edit(demo_project, WEBINAR_FR, "date: 2022-10-13", "date: 2023-02-30")
    line = line_of(demo_project, WEBINAR_FR, "date: 2023-02-30")
    check = cercle(demo_project, "check", "--lang", "fr")
    assert check.returncode == 1 and "Traceback" not in check.output
    assert f"{WEBINAR_FR}:{line}: erreur: date: «\xa02023-02-30\xa0» n’est pas une date" in check.stdout
    assert "février 2023 n’a que 28 jours" in check.stdout
    build = mkdocs_build(demo_project)
    assert build.returncode == 1 and "Traceback" not in build.output
    expected = f"{WEBINAR_FR}:{line}: error: date: '2023-02-30' is not a date: February 2023 has only 28 days"
    assert expected in build.output
    assert not (demo_project / "site").exists()  # nothing half-written


def test_translation_key_typo_is_flagged_with_did_you_mean(demo_project):
    key = "translation_key: webinar-2022-10-13-virtuous-"
    edit(demo_project, WEBINAR_EN, f"{key}circle", f"{key}cirlce")
    result = cercle(demo_project, "check")
    assert result.returncode == 0  # a warning
    line = line_of(demo_project, WEBINAR_EN, "translation_key:")
    assert (
        f"{WEBINAR_EN}:{line}: warning: translation_key: no fr page has the translation_key "
        "'webinar-2022-10-13-virtuous-cirlce' (did you mean 'webinar-2022-10-13-virtuous-circle'?): "
        f"{WEBINAR_FR} uses that one." in result.stdout
    )
    assert cercle(demo_project, "check", "--strict").returncode == 1


def test_paths_from_the_repository_root_in_text_and_github_from_any_folder(demo_project):
    edit(demo_project, WEBINAR_FR, "date: 2022-10-13", "date: 2023-02-30")
    elsewhere = demo_project / "content" / "fr"  # run from inside the hub: paths still from its root
    config = str(demo_project / "mkdocs.yml")
    env = {"CERCLE_LANG": "en"}
    text = run([bin_path("cercle"), "check", "-f", config], cwd=elsewhere, env=env).stdout
    assert text.startswith(f"{WEBINAR_FR}:")
    github = run([bin_path("cercle"), "check", "-f", config, "--format", "github"], cwd=elsewhere, env=env)
    assert github.stdout.startswith(f"::error file={WEBINAR_FR},line=")
